"""The fixed vocabularies of a meeting, with their Danish labels."""

from __future__ import annotations

from enum import StrEnum

from facilitator.i18n import _


class Role(StrEnum):
    """Who holds the floor."""

    CITIZEN = "citizen"
    OFFICIAL = "official"
    POLITICIAN = "politician"
    SILENCE = "silence"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            Role.CITIZEN: _("Borger"),
            Role.OFFICIAL: _("Embedsperson"),
            Role.POLITICIAN: _("Politiker"),
            Role.SILENCE: _("Stilhed"),
        }[self]


SPEAKING_ROLES = (Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN)


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            MeetingStatus.PLANNED: _("Planlagt"),
            MeetingStatus.RUNNING: _("I gang"),
            MeetingStatus.CLOSED: _("Afsluttet"),
        }[self]


class SelfDriving(StrEnum):
    """How self-driving the citizen group is (competence 4)."""

    SELF_DRIVING = "self_driving"
    NEEDS_SUPPORT = "needs_support"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            SelfDriving.SELF_DRIVING: _("Selvkørende"),
            SelfDriving.NEEDS_SUPPORT: _("Har brug for støtte"),
        }[self]


class Regulation(StrEnum):
    """How regulated the project's area is (competence 4)."""

    HEAVY = "heavy"
    LIGHT = "light"

    @property
    def label(self) -> str:
        """Danish name."""
        return {Regulation.HEAVY: _("Stærkt reguleret"), Regulation.LIGHT: _("Let reguleret")}[self]


class CheckKind(StrEnum):
    """What an idea needs to be checked against."""

    LEGISLATION = "legislation"
    PLAN = "plan"
    MUNICIPAL_WORK = "municipal_work"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            CheckKind.LEGISLATION: _("Lovgivning"),
            CheckKind.PLAN: _("Lokalplan / kommuneplan"),
            CheckKind.MUNICIPAL_WORK: _("Kommunens øvrige arbejde"),
        }[self]


class AskKind(StrEnum):
    """What kind of resource the citizens ask the municipality for."""

    MONEY = "money"
    PERMIT = "permit"
    VENUE = "venue"
    EXPERTISE = "expertise"
    MATERIALS = "materials"
    CONTACT = "contact"
    OTHER = "other"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            AskKind.MONEY: _("Penge"),
            AskKind.PERMIT: _("Tilladelse"),
            AskKind.VENUE: _("Lokale"),
            AskKind.EXPERTISE: _("Faglig viden"),
            AskKind.MATERIALS: _("Materialer"),
            AskKind.CONTACT: _("Kontakt"),
            AskKind.OTHER: _("Andet"),
        }[self]


class AskStatus(StrEnum):
    """Where a resource ask is on its decision path."""

    OPEN = "open"
    FORWARDED = "forwarded"
    GRANTED = "granted"
    PARTLY = "partly"
    DECLINED = "declined"
    DONE = "done"

    @property
    def label(self) -> str:
        """Danish name."""
        return {
            AskStatus.OPEN: _("Åben"),
            AskStatus.FORWARDED: _("Videresendt"),
            AskStatus.GRANTED: _("Bevilget"),
            AskStatus.PARTLY: _("Delvist bevilget"),
            AskStatus.DECLINED: _("Afslået"),
            AskStatus.DONE: _("Færdig"),
        }[self]


class OwnerSide(StrEnum):
    """Who owns a next step."""

    CITIZENS = "citizens"
    MUNICIPALITY = "municipality"

    @property
    def label(self) -> str:
        """Danish name."""
        return {OwnerSide.CITIZENS: _("Borgerne"), OwnerSide.MUNICIPALITY: _("Kommunen")}[self]


class PromptKind(StrEnum):
    """Hold-backs, nudges and suggestions that the live screen shows and logs."""

    HOLD_BACK = "hold_back"
    EARLY_OFFICIAL = "early_official"
    TALK_SHARE = "talk_share"
    SILENCE_SUGGESTION = "silence_suggestion"


class HoldBackOutcome(StrEnum):
    """How a hold-back ended."""

    RESPECTED = "respected"
    BROKEN = "broken"


class ConsentSource(StrEnum):
    """How a person gave consent."""

    ORAL = "oral"
    WRITTEN = "written"

    @property
    def label(self) -> str:
        """Danish name."""
        return {ConsentSource.ORAL: _("Mundtligt"), ConsentSource.WRITTEN: _("Skriftligt")}[self]
