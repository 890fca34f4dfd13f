"""A project's own hold-back and nudge threshold for its next meetings.

The meeting profile (domain/profile.py) suggests a hold-back length and a
talk-share threshold from how self-driving the group is and how regulated the
area. Seeing their trend, the official may settle on other values for a
project; those are then used by every meeting created in it (and when a
meeting's profile is chosen again), instead of the profile's suggestion.

The schema has no place for a project's defaults, so they are kept in the
`setting` table under a key per project (no migration needed; a missing row
means "the profile's suggestion").
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.enums import Regulation, SelfDriving
from facilitator.domain.profile import ProfileDefaults, defaults_for
from facilitator.i18n import _
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, Project, Setting

_HOLD_BACK = "hold_back_seconds"
_THRESHOLD = "talk_share_threshold_pct"


def _key(project_id: uuid.UUID, name: str) -> str:
    return f"project.{project_id.hex}.{name}"


@dataclass(frozen=True)
class ProjectProfile:
    """The project's own values (None: the profile's suggestion is used)."""

    project_id: uuid.UUID
    hold_back_seconds: int | None = None
    talk_share_threshold_pct: int | None = None


@dataclass(frozen=True)
class NextMeetingProfile:
    """What the project's next meeting gets: the profile's suggestion and the project's own values.

    The profile is that of the project's latest meeting (a new project: the
    default profile), since the next meeting is most likely of the same group.
    """

    self_driving: SelfDriving
    regulation: Regulation
    suggested: ProfileDefaults
    own: ProjectProfile

    @property
    def hold_back_seconds(self) -> int:
        """The hold-back the next meeting gets."""
        own = self.own.hold_back_seconds
        return self.suggested.hold_back_seconds if own is None else own

    @property
    def talk_share_threshold_pct(self) -> int:
        """The threshold the next meeting gets."""
        own = self.own.talk_share_threshold_pct
        return self.suggested.talk_share_threshold_pct if own is None else own


def _stored_int(s: Session, key: str) -> int | None:
    row = s.get(Setting, key)
    if row is None or not row.value.strip():
        return None
    try:
        return int(row.value)
    except ValueError:
        return None  # a damaged value must not stop a meeting from being planned


def _profile_in(s: Session, project_id: uuid.UUID) -> ProjectProfile:
    return ProjectProfile(
        project_id,
        _stored_int(s, _key(project_id, _HOLD_BACK)),
        _stored_int(s, _key(project_id, _THRESHOLD)),
    )


def defaults_in(
    s: Session, project_id: uuid.UUID, self_driving: SelfDriving, regulation: Regulation
) -> ProfileDefaults:
    """The profile's defaults with the project's own values put in (inside the caller's session)."""
    suggested = defaults_for(self_driving, regulation)
    own = _profile_in(s, project_id)
    return ProfileDefaults(
        suggested.hold_back_seconds if own.hold_back_seconds is None else own.hold_back_seconds,
        suggested.talk_share_threshold_pct
        if own.talk_share_threshold_pct is None
        else own.talk_share_threshold_pct,
        suggested.talk_window_minutes,
    )


def get_project_profile(db: Database, project_id: uuid.UUID) -> ProjectProfile:
    """The project's own values (each None where the profile's suggestion holds)."""
    with db.session() as s:
        s.get_one(Project, project_id)
        return _profile_in(s, project_id)


def next_meeting_profile(db: Database, project_id: uuid.UUID) -> NextMeetingProfile:
    """The profile of the project's latest meeting, its suggestion and the project's own values."""
    with db.session() as s:
        s.get_one(Project, project_id)
        latest = s.scalars(
            select(Meeting)
            .where(Meeting.project_id == project_id)
            .order_by(Meeting.scheduled_at.desc(), Meeting.created_at.desc())
        ).first()
        self_driving = latest.self_driving if latest else SelfDriving.SELF_DRIVING
        regulation = latest.regulation if latest else Regulation.LIGHT
        return NextMeetingProfile(
            self_driving, regulation, defaults_for(self_driving, regulation), _profile_in(s, project_id)
        )


def set_project_profile(
    db: Database,
    project_id: uuid.UUID,
    hold_back_seconds: int | None,
    talk_share_threshold_pct: int | None,
) -> ProjectProfile:
    """Store the project's own values in one commit; None goes back to the profile's suggestion."""
    clean = validation.clean_fields({
        _HOLD_BACK: lambda: None if hold_back_seconds is None
        else validation.hold_back_seconds(hold_back_seconds),
        _THRESHOLD: lambda: None if talk_share_threshold_pct is None
        else validation.percentage(
            talk_share_threshold_pct, _THRESHOLD, _("Grænse for embedspersonens taletid")
        ),
    })
    with db.session() as s:
        s.get_one(Project, project_id)
        for name, value in clean.items():
            key = _key(project_id, name)
            row = s.get(Setting, key)
            if value is None:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(Setting(key=key, value=str(value)))
            else:
                row.value = str(value)
        s.commit()
        return _profile_in(s, project_id)
