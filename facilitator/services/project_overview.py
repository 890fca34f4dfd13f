"""A project's overview across all its meetings: where the ideas come from and how the asks stand.

Deleted ideas and asks (soft-deleted, see `storage.models.SoftDeleted`) are never counted.

Where an idea lives: its own village (`Idea.place_id`); failing that, the meeting's village
when the meeting is about exactly one; otherwise "Uden sted". Its theme: the theme typed
with it (`Idea.theme`); when that is empty, the title of the agenda item (phase) it was
captured under, since the agenda items of a co-creation meeting are usually its themes;
with neither, "Uden tema". Themes that differ only in case or spacing count as one.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from facilitator.domain.enums import AskStatus, IdeaStatus
from facilitator.i18n import _
from facilitator.services.capture import capture_order
from facilitator.storage.database import Database
from facilitator.storage.models import Idea, Meeting, MeetingPlace, Phase, Place, ResourceAsk


@dataclass(frozen=True)
class ProjectIdeaRow:
    """An idea of the project, with the meeting it came from and where it counts."""

    id: uuid.UUID
    meeting_id: uuid.UUID
    meeting_title: str
    meeting_at: datetime
    title: str
    village: str
    theme: str
    status: IdeaStatus


@dataclass(frozen=True)
class VillageThemeCounts:
    """Ideas by village (rows) and theme (columns); `counts[v][t]` for villages[v], themes[t]."""

    villages: tuple[str, ...]
    themes: tuple[str, ...]
    counts: tuple[tuple[int, ...], ...]

    def count(self, village: str, theme: str) -> int:
        """How many ideas of this village have this theme."""
        return self.counts[self.villages.index(village)][self._theme_index(theme)]

    def village_total(self, village: str) -> int:
        """How many ideas this village has."""
        return sum(self.counts[self.villages.index(village)])

    def theme_total(self, theme: str) -> int:
        """How many ideas have this theme."""
        column = self._theme_index(theme)
        return sum(row[column] for row in self.counts)

    def _theme_index(self, theme: str) -> int:
        # Themes are one however they are capitalised or spaced (see the module's docstring).
        wanted = _tidy(theme).casefold()
        for n, known in enumerate(self.themes):
            if known.casefold() == wanted:
                return n
        raise ValueError(theme)

    @property
    def total(self) -> int:
        """Every idea counted."""
        return sum(sum(row) for row in self.counts)


@dataclass(frozen=True)
class AskFigure:
    """How many asks, and what they ask for in kroner together (asks without an amount add 0)."""

    count: int = 0
    amount_dkk: int = 0


@dataclass(frozen=True)
class AskStatusDepartment:
    """Asks by department (rows) and status (columns); only statuses some ask has."""

    departments: tuple[str, ...]
    statuses: tuple[AskStatus, ...]
    figures: tuple[tuple[AskFigure, ...], ...]

    def figure(self, department: str, status: AskStatus) -> AskFigure:
        """The asks of this department in this status."""
        if status not in self.statuses:
            return AskFigure()
        return self.figures[self.departments.index(department)][self.statuses.index(status)]

    def department_total(self, department: str) -> AskFigure:
        """Every ask of this department."""
        return _sum(self.figures[self.departments.index(department)])

    def status_total(self, status: AskStatus) -> AskFigure:
        """Every ask in this status."""
        if status not in self.statuses:
            return AskFigure()
        column = self.statuses.index(status)
        return _sum(row[column] for row in self.figures)

    @property
    def total(self) -> AskFigure:
        """Every ask counted."""
        return _sum(_sum(row) for row in self.figures)


@dataclass(frozen=True)
class ProjectOverview:
    """Everything the project's overview shows."""

    project_id: uuid.UUID
    villages_themes: VillageThemeCounts
    asks: AskStatusDepartment
    idea_status: tuple[tuple[IdeaStatus, int], ...]
    ideas: tuple[ProjectIdeaRow, ...]

    def ideas_with(self, status: IdeaStatus) -> int:
        """How many ideas have this status."""
        return dict(self.idea_status)[status]


def _sum(figures: Iterable[AskFigure]) -> AskFigure:
    count = amount = 0
    for figure in figures:
        count += figure.count
        amount += figure.amount_dkk
    return AskFigure(count, amount)


def _tidy(text: str) -> str:
    return " ".join(text.split())


class _IdeaFields(Protocol):
    """What the overview reads of an idea: a stored `Idea` or a row of `_IDEA_COLUMNS`."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def meeting_id(self) -> uuid.UUID: ...
    @property
    def phase_id(self) -> uuid.UUID | None: ...
    @property
    def place_id(self) -> uuid.UUID | None: ...
    @property
    def title(self) -> str: ...
    @property
    def theme(self) -> str: ...
    @property
    def status(self) -> IdeaStatus: ...


# Columns, not whole objects: a project of 10,000 ideas is read in a fraction of the time.
_IDEA_COLUMNS = (Idea.id, Idea.meeting_id, Idea.phase_id, Idea.place_id, Idea.title, Idea.theme, Idea.status)


class _Where:
    """Looks up, once per project, what an idea's village and theme come from."""

    def __init__(self, s: Session, project_id: uuid.UUID) -> None:
        self.no_place, self.no_theme = _("Uden sted"), _("Uden tema")
        self.meetings = {
            m.id: m for m in s.scalars(select(Meeting).where(Meeting.project_id == project_id))
        }
        self.place_names = {
            p.id: p.name
            for p in s.scalars(select(Place).where(Place.project_id == project_id).order_by(Place.name))
        }
        ids = list(self.meetings)
        self.meeting_places: dict[uuid.UUID, list[uuid.UUID]] = {}
        for link in s.scalars(select(MeetingPlace).where(MeetingPlace.meeting_id.in_(ids))):
            self.meeting_places.setdefault(link.meeting_id, []).append(link.place_id)
        self.phase_titles: dict[uuid.UUID, str] = {
            phase_id: title
            for phase_id, title in s.execute(select(Phase.id, Phase.title).where(Phase.meeting_id.in_(ids)))
        }

    def village(self, idea: _IdeaFields) -> str:
        place_id = idea.place_id
        if place_id is None:
            places = self.meeting_places.get(idea.meeting_id, [])
            place_id = places[0] if len(places) == 1 else None
        return self.place_names.get(place_id, "") if place_id else ""

    def theme(self, idea: _IdeaFields) -> str:
        theme = _tidy(idea.theme)
        if not theme and idea.phase_id is not None:
            theme = _tidy(self.phase_titles.get(idea.phase_id, ""))
        return theme

    def row(self, idea: _IdeaFields) -> ProjectIdeaRow:
        meeting = self.meetings[idea.meeting_id]
        return ProjectIdeaRow(
            id=idea.id,
            meeting_id=idea.meeting_id,
            meeting_title=meeting.title,
            meeting_at=meeting.scheduled_at,
            title=idea.title,
            village=self.village(idea) or self.no_place,
            theme=self.theme(idea) or self.no_theme,
            status=idea.status,
        )


def project_idea_row(s: Session, idea: Idea) -> ProjectIdeaRow:
    """One idea as the overview lists it (for a service that changed it)."""
    meeting = s.get_one(Meeting, idea.meeting_id)
    return _Where(s, meeting.project_id).row(idea)


def _village_theme_counts(ideas: Sequence[ProjectIdeaRow], villages: Iterable[str]) -> VillageThemeCounts:
    no_place, no_theme = _("Uden sted"), _("Uden tema")
    # Every village of the project gets a row, even without ideas: a quiet village shows.
    rows = list(dict.fromkeys(villages))
    if any(i.village == no_place for i in ideas) and no_place not in rows:
        rows.append(no_place)
    # One spelling per theme (the first one typed), however it was capitalised later.
    spelling: dict[str, str] = {}
    for idea in ideas:
        spelling.setdefault(idea.theme.casefold(), idea.theme)
    per_theme = Counter(idea.theme.casefold() for idea in ideas)
    keys = sorted(per_theme, key=lambda k: (k == no_theme.casefold(), -per_theme[k], k))
    index = {key: n for n, key in enumerate(keys)}
    counts = [[0] * len(keys) for _row in rows]
    for idea in ideas:
        if idea.village not in rows:  # a place of another project: cannot happen, but never crash
            rows.append(idea.village)
            counts.append([0] * len(keys))
        counts[rows.index(idea.village)][index[idea.theme.casefold()]] += 1
    return VillageThemeCounts(
        villages=tuple(rows),
        themes=tuple(spelling[k] for k in keys),
        counts=tuple(tuple(r) for r in counts),
    )


class _AskFields(Protocol):
    """What the overview reads of an ask."""

    @property
    def department(self) -> str: ...
    @property
    def status(self) -> AskStatus: ...
    @property
    def amount_dkk(self) -> int | None: ...


def _ask_counts(asks: Sequence[_AskFields]) -> AskStatusDepartment:
    no_department = _("Uden forvaltning")
    figures: dict[tuple[str, AskStatus], AskFigure] = {}
    spelling: dict[str, str] = {}
    for ask in asks:
        department = _tidy(ask.department) or no_department
        key = spelling.setdefault(department.casefold(), department)
        old = figures.get((key, ask.status), AskFigure())
        figures[(key, ask.status)] = AskFigure(old.count + 1, old.amount_dkk + (ask.amount_dkk or 0))
    statuses = tuple(s for s in AskStatus if any(st == s for _d, st in figures))
    departments = sorted(
        spelling.values(), key=lambda d: (d == no_department, d.casefold())
    )
    return AskStatusDepartment(
        departments=tuple(departments),
        statuses=statuses,
        figures=tuple(
            tuple(figures.get((d, s), AskFigure()) for s in statuses) for d in departments
        ),
    )


def project_overview(db: Database, project_id: uuid.UUID) -> ProjectOverview:
    """Ideas by village and theme, asks by department and status, ideas by status: every meeting."""
    with db.session() as s:
        where = _Where(s, project_id)
        ideas = [
            where.row(idea)
            for idea in s.execute(
                select(*_IDEA_COLUMNS)
                .join(Meeting, Idea.meeting_id == Meeting.id)
                .where(Meeting.project_id == project_id, Idea.deleted_at.is_(None))
                .order_by(Meeting.scheduled_at, capture_order(Idea))
            )
        ]
        asks = list(
            s.execute(
                select(ResourceAsk.department, ResourceAsk.status, ResourceAsk.amount_dkk)
                .join(Meeting, ResourceAsk.meeting_id == Meeting.id)
                .where(Meeting.project_id == project_id, ResourceAsk.deleted_at.is_(None))
            )
        )
        by_status = Counter(i.status for i in ideas)
        return ProjectOverview(
            project_id=project_id,
            villages_themes=_village_theme_counts(ideas, where.place_names.values()),
            asks=_ask_counts(asks),
            idea_status=tuple((status, by_status[status]) for status in IdeaStatus),
            ideas=tuple(ideas),
        )
