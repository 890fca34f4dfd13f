"""The fixed vocabularies of a meeting, with their Danish labels."""

from __future__ import annotations

from enum import StrEnum

from facilitator.i18n import N_, _


class Role(StrEnum):
    """Who holds the floor."""

    CITIZEN = "citizen"
    OFFICIAL = "official"
    POLITICIAN = "politician"
    SILENCE = "silence"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            Role.CITIZEN: N_("Borger"),
            Role.OFFICIAL: N_("Embedsperson"),
            Role.POLITICIAN: N_("Politiker"),
            Role.SILENCE: N_("Stilhed"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


SPEAKING_ROLES = (Role.CITIZEN, Role.OFFICIAL, Role.POLITICIAN)


class MeetingStatus(StrEnum):
    """Where a meeting is in its life."""

    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            MeetingStatus.PLANNED: N_("Planlagt"),
            MeetingStatus.RUNNING: N_("I gang"),
            MeetingStatus.CLOSED: N_("Afsluttet"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class SelfDriving(StrEnum):
    """How self-driving the citizen group is (competence 4)."""

    SELF_DRIVING = "self_driving"
    NEEDS_SUPPORT = "needs_support"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            SelfDriving.SELF_DRIVING: N_("Selvkørende"),
            SelfDriving.NEEDS_SUPPORT: N_("Har brug for støtte"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class Regulation(StrEnum):
    """How regulated the project's area is (competence 4)."""

    HEAVY = "heavy"
    LIGHT = "light"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {Regulation.HEAVY: N_("Stærkt reguleret"), Regulation.LIGHT: N_("Let reguleret")}[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class CheckKind(StrEnum):
    """What an idea needs to be checked against."""

    LEGISLATION = "legislation"
    PLAN = "plan"
    MUNICIPAL_WORK = "municipal_work"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            CheckKind.LEGISLATION: N_("Lovgivning"),
            CheckKind.PLAN: N_("Lokalplan / kommuneplan"),
            CheckKind.MUNICIPAL_WORK: N_("Kommunens øvrige arbejde"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


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
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            AskKind.MONEY: N_("Penge"),
            AskKind.PERMIT: N_("Tilladelse"),
            AskKind.VENUE: N_("Lokale"),
            AskKind.EXPERTISE: N_("Faglig viden"),
            AskKind.MATERIALS: N_("Materialer"),
            AskKind.CONTACT: N_("Kontakt"),
            AskKind.OTHER: N_("Andet"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class AskStatus(StrEnum):
    """Where a resource ask is on its decision path."""

    OPEN = "open"
    FORWARDED = "forwarded"
    GRANTED = "granted"
    PARTLY = "partly"
    DECLINED = "declined"
    NOT_OURS = "not_ours"
    DONE = "done"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            AskStatus.OPEN: N_("Åben"),
            AskStatus.FORWARDED: N_("Videresendt"),
            AskStatus.GRANTED: N_("Bevilget"),
            AskStatus.PARTLY: N_("Delvist bevilget"),
            AskStatus.DECLINED: N_("Afslået"),
            AskStatus.NOT_OURS: N_("Ikke kommunens opgave"),
            AskStatus.DONE: N_("Færdig"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class OwnerSide(StrEnum):
    """Who owns a next step."""

    CITIZENS = "citizens"
    MUNICIPALITY = "municipality"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {OwnerSide.CITIZENS: N_("Borgerne"), OwnerSide.MUNICIPALITY: N_("Kommunen")}[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


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
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {ConsentSource.ORAL: N_("Mundtligt"), ConsentSource.WRITTEN: N_("Skriftligt")}[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class AskAnswer(StrEnum):
    """What the municipality answered to a resource ask."""

    GRANTED = "granted"
    PARTLY = "partly"
    REFUSED = "refused"
    NOT_OURS = "not_ours"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            AskAnswer.GRANTED: N_("Imødekommet"),
            AskAnswer.PARTLY: N_("Delvist imødekommet"),
            AskAnswer.REFUSED: N_("Afslået"),
            AskAnswer.NOT_OURS: N_("Ikke kommunens opgave"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class StepState(StrEnum):
    """How a next step ended, or that it is still open."""

    OPEN = "open"
    DONE = "done"
    NOT_DONE = "not_done"
    DROPPED = "dropped"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            StepState.OPEN: N_("Åben"),
            StepState.DONE: N_("Gjort"),
            StepState.NOT_DONE: N_("Ikke gjort"),
            StepState.DROPPED: N_("Opgivet"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class FollowUpKind(StrEnum):
    """One recorded change on the follow-up desk; the history keeps every one."""

    SENT = "sent"  # an ask sent to the department
    ANSWERED = "answered"  # the department's answer received
    REPORTED = "reported"  # the answer reported back to the citizens
    STEP = "step"  # a next step done, not done, dropped or opened again
    WITHDRAWN = "withdrawn"  # a stage of an ask taken back (recorded by mistake)


class IdeaStatus(StrEnum):
    """Where an idea is, across the project's meetings."""

    NEW = "new"
    WORKING = "working"
    REALISED = "realised"
    PARKED = "parked"

    @property
    def msgid(self) -> str:
        """The untranslated (Danish) name, for a translation of one's own (e.g. a brief)."""
        return {
            IdeaStatus.NEW: N_("Ny"),
            IdeaStatus.WORKING: N_("Under arbejde"),
            IdeaStatus.REALISED: N_("Realiseret"),
            IdeaStatus.PARKED: N_("Parkeret"),
        }[self]

    @property
    def label(self) -> str:
        """The name in the app's language."""
        return _(self.msgid)


class PhaseKind(StrEnum):
    """An agenda item with a job of its own (an ordinary item has none)."""

    FOLLOW_UP = "follow_up"  # "Opfølgning siden sidst"
