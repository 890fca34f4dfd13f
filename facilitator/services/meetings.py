"""Meetings: create, edit details and profile, list."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain import validation
from facilitator.domain.agenda import default_template
from facilitator.domain.enums import MeetingStatus, Regulation, SelfDriving
from facilitator.i18n import _
from facilitator.services import project_profile
from facilitator.services.rows import MeetingRow, PlaceRow
from facilitator.storage.database import Database
from facilitator.storage.models import Meeting, MeetingPlace, Phase, Place, Project


def meeting_row(s: Session, meeting: Meeting) -> MeetingRow:
    """A meeting as a plain row (used by other services too)."""
    places = s.scalars(
        select(Place)
        .join(MeetingPlace, MeetingPlace.place_id == Place.id)
        .where(MeetingPlace.meeting_id == meeting.id)
        .order_by(Place.name)
    )
    return MeetingRow(
        id=meeting.id,
        project_id=meeting.project_id,
        project_name=meeting.project.name,
        title=meeting.title,
        scheduled_at=meeting.scheduled_at,
        venue=meeting.venue,
        places=tuple(PlaceRow(p.id, p.name) for p in places),
        self_driving=meeting.self_driving,
        regulation=meeting.regulation,
        hold_back_seconds=meeting.hold_back_seconds,
        talk_share_threshold_pct=meeting.talk_share_threshold_pct,
        talk_window_minutes=meeting.talk_window_minutes,
        status=meeting.status,
        started_at=meeting.started_at,
        ended_at=meeting.ended_at,
        current_phase_id=meeting.current_phase_id,
        phase_entered_at=meeting.phase_entered_at,
        last_seen_at=meeting.last_seen_at,
        attendance=meeting.attendance,
    )


def _day(date_text: str) -> date:
    day = validation.parse_date(date_text, "date", _("Dato"))
    if day is None:
        raise validation.ValidationError(_("Dato skal udfyldes."), "date")
    return day


def _title(title: str) -> str:
    return validation.required_text(title, "title", _("Mødets titel"))


def _venue(venue: str) -> str:
    return validation.optional_text(venue, "venue", _("Sted"), validation.MAX_TITLE_LENGTH)


def parse_schedule(date_text: str, time_text: str) -> datetime:
    """The meeting's local date and time from what the official typed (both checked at once)."""
    clean = validation.clean_fields({
        "date": lambda: _day(date_text),
        "time": lambda: validation.parse_time(time_text, "time"),
    })
    day, (hour, minute) = clean["date"], clean["time"]
    return datetime(day.year, day.month, day.day, hour, minute)


def meeting_problems(
    title: str, date_text: str, time_text: str, venue: str
) -> list[validation.Problem]:
    """Every field of the meeting form that saving would refuse, in the form's order."""
    return validation.problems_of(lambda: validation.clean_fields({
        "title": lambda: _title(title),
        "schedule": lambda: parse_schedule(date_text, time_text),
        "venue": lambda: _venue(venue),
    }))


def create_meeting(
    db: Database,
    project_id: uuid.UUID,
    title: str,
    scheduled_at: datetime,
    venue: str = "",
    place_ids: list[uuid.UUID] | None = None,
    self_driving: SelfDriving = SelfDriving.SELF_DRIVING,
    regulation: Regulation = Regulation.LIGHT,
    with_default_agenda: bool = False,
) -> MeetingRow:
    """Plan a new meeting; the profile (or the project's own values) sets the hold-back and nudge.

    With `with_default_agenda` the citizen-driven default agenda is added in
    the same commit, so a crash never leaves a meeting half made.
    """
    clean = validation.clean_fields({"title": lambda: _title(title), "venue": lambda: _venue(venue)})
    clean_title, clean_venue = clean["title"], clean["venue"]
    with db.session() as s:
        s.get_one(Project, project_id)
        # The profile's suggestion, or the values the official settled on for this project.
        defaults = project_profile.defaults_in(s, project_id, self_driving, regulation)
        meeting = Meeting(
            project_id=project_id,
            title=clean_title,
            scheduled_at=scheduled_at,
            venue=clean_venue,
            self_driving=self_driving,
            regulation=regulation,
            hold_back_seconds=defaults.hold_back_seconds,
            talk_share_threshold_pct=defaults.talk_share_threshold_pct,
            talk_window_minutes=defaults.talk_window_minutes,
            status=MeetingStatus.PLANNED,
            created_at=db.clock.now(),
        )
        s.add(meeting)
        s.flush()
        for place_id in dict.fromkeys(place_ids or []):
            s.add(MeetingPlace(meeting_id=meeting.id, place_id=place_id))
        if with_default_agenda:
            for position, item in enumerate(default_template()):
                s.add(
                    Phase(
                        meeting_id=meeting.id,
                        position=position,
                        title=item.title,
                        planned_minutes=item.planned_minutes,
                        hold_back_seconds=item.hold_back_seconds or defaults.hold_back_seconds,
                        actual_seconds=0.0,
                    )
                )
        s.commit()
        return meeting_row(s, meeting)


def update_meeting(
    db: Database,
    meeting_id: uuid.UUID,
    title: str,
    scheduled_at: datetime,
    venue: str,
    place_ids: list[uuid.UUID],
) -> MeetingRow:
    """Change a meeting's title, time, venue and places."""
    clean = validation.clean_fields({"title": lambda: _title(title), "venue": lambda: _venue(venue)})
    clean_title, clean_venue = clean["title"], clean["venue"]
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        meeting.title = clean_title
        meeting.scheduled_at = scheduled_at
        meeting.venue = clean_venue
        for link in s.scalars(select(MeetingPlace).where(MeetingPlace.meeting_id == meeting_id)):
            s.delete(link)
        s.flush()
        for place_id in dict.fromkeys(place_ids):
            s.add(MeetingPlace(meeting_id=meeting_id, place_id=place_id))
        s.commit()
        return meeting_row(s, meeting)


def set_profile(
    db: Database,
    meeting_id: uuid.UUID,
    self_driving: SelfDriving,
    regulation: Regulation,
    hold_back_seconds: int | None = None,
    talk_share_threshold_pct: int | None = None,
    talk_window_minutes: int | None = None,
) -> MeetingRow:
    """Set the meeting profile; values not given take the profile's defaults.

    (Or the project's own values, where the official set them: services/project_profile.py.)
    Phases not yet run that simply followed the meeting's hold-back follow the
    new one; phases the official set to another length keep it.
    """
    with db.session() as s:
        project_id = s.get_one(Meeting, meeting_id).project_id
        defaults = project_profile.defaults_in(s, project_id, self_driving, regulation)
    hold_back = validation.hold_back_seconds(
        defaults.hold_back_seconds if hold_back_seconds is None else hold_back_seconds
    )
    threshold = validation.percentage(
        defaults.talk_share_threshold_pct
        if talk_share_threshold_pct is None
        else talk_share_threshold_pct,
        "talk_share_threshold_pct",
        _("Grænse for embedspersonens taletid"),
    )
    # `is None`, not `or`: a typed 0 is refused below instead of silently becoming the default.
    window = defaults.talk_window_minutes if talk_window_minutes is None else talk_window_minutes
    if not 1 <= window <= 180:
        raise validation.ValidationError(
            _("Tidsvinduet skal være mellem 1 og 180 minutter."), "talk_window_minutes"
        )
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        if hold_back != meeting.hold_back_seconds:
            for phase in s.scalars(select(Phase).where(Phase.meeting_id == meeting_id)):
                if phase.started_at is None and phase.hold_back_seconds == meeting.hold_back_seconds:
                    phase.hold_back_seconds = hold_back
        meeting.self_driving = self_driving
        meeting.regulation = regulation
        meeting.hold_back_seconds = hold_back
        meeting.talk_share_threshold_pct = threshold
        meeting.talk_window_minutes = window
        s.commit()
        return meeting_row(s, meeting)


def get_meeting(db: Database, meeting_id: uuid.UUID) -> MeetingRow:
    """One meeting."""
    with db.session() as s:
        return meeting_row(s, s.get_one(Meeting, meeting_id))


def list_meetings(db: Database, project_id: uuid.UUID) -> list[MeetingRow]:
    """A project's meetings, newest first."""
    with db.session() as s:
        meetings = s.scalars(
            select(Meeting)
            .where(Meeting.project_id == project_id)
            .order_by(Meeting.scheduled_at.desc())
        )
        return [meeting_row(s, m) for m in meetings]


def running_meeting(db: Database) -> MeetingRow | None:
    """The meeting left running (e.g. by a crash), if any."""
    with db.session() as s:
        meeting = s.scalars(
            select(Meeting)
            .where(Meeting.status == MeetingStatus.RUNNING)
            .order_by(Meeting.started_at.desc())
        ).first()
        return None if meeting is None else meeting_row(s, meeting)


MAX_ATTENDANCE = 100_000


def set_attendance(db: Database, meeting_id: uuid.UUID, count: int | None) -> MeetingRow:
    """Record how many people came (None: not counted); 0 to 100.000."""
    # bool is an int in Python; a ticked box is not a head count.
    if count is not None and (
        isinstance(count, bool) or not isinstance(count, int) or not 0 <= count <= MAX_ATTENDANCE
    ):
        raise validation.ValidationError(
            _("Antal fremmødte skal være et helt tal mellem 0 og 100.000."), "attendance"
        )
    with db.session() as s:
        meeting = s.get_one(Meeting, meeting_id)
        meeting.attendance = count
        s.commit()
        return meeting_row(s, meeting)
