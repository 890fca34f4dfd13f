"""Every page and dialog of the app, built on one filled database, for tests that walk them all."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from types import SimpleNamespace

from PySide6.QtWidgets import QWidget

from facilitator.domain.enums import Role
from facilitator.live_meeting import LiveMeeting
from facilitator.services import backups, briefs, capture, groups, meetings, people
from ui.common.changes import ChangeHub

SCREEN_NAMES = [
    "start_page", "agenda_page", "live_page", "summary_page", "corrections_page",
    "project_form", "meeting_form", "settings_dialog", "people_dialog", "person_form",
    "restore_dialog", "idea_dialog", "ask_dialog", "step_dialog", "sent_dialog", "brief_window",
    "groups_dialog", "reflection_dialog", "trend_view", "project_page", "search_dialog", "hand_out_dialog",
]


def filled(db, clock, meeting_factory) -> SimpleNamespace:
    """A planned meeting, a closed one with entries, a person and a backup."""
    planned = meeting_factory(db, title="Borgermøde om stier")
    closed = meeting_factory(db, title="Borgermøde i Knebel")
    session = LiveMeeting.start(db, closed.id, clock)
    session.mark(Role.CITIZEN)
    clock.advance(60)
    capture.add_idea(db, closed.id, capture.IdeaInput("Shelter ved stranden 🏕"))
    capture.add_idea(db, closed.id, capture.IdeaInput("Solsikker på torvet 🌻"))
    capture.add_ask(db, closed.id, capture.AskInput("Tilskud til shelter"))
    capture.add_step(db, closed.id, capture.StepInput("Afklare landzone"))
    session.close()
    people.add_person(db, planned.project_id, "Anna Jensen", "", True, False, date(2026, 3, 3), None)
    for group in ("Shelter-gruppen", "Borgergruppen i Knebel"):
        groups.add_group(db, planned.project_id, group)
    briefs.record_sent(db, closed.id, date(2026, 3, 10), "Udvalget for Landdistrikter", "da")
    backups.automatic_backup(db, backups.REASON_EXIT, min_interval=timedelta(0))
    return SimpleNamespace(planned=planned, closed=closed, project_id=planned.project_id)


def build(name: str, db, clock, data: SimpleNamespace) -> QWidget:
    """The screen called `name`, filled with `data` (not shown yet)."""
    hub = ChangeHub()
    builders: dict[str, Callable[[], QWidget]] = {
        "start_page": lambda: _start_page(db, hub, data),
        "agenda_page": lambda: _agenda_page(db, hub, data),
        "live_page": lambda: _live_page(db, hub, clock, data),
        "summary_page": lambda: _summary_page(db, data),
        "corrections_page": lambda: _corrections_page(db, hub, data),
        "project_form": lambda: _project_form(),
        "meeting_form": lambda: _meeting_form(db, hub, data),
        "settings_dialog": lambda: _settings(db),
        "people_dialog": lambda: _people(db, hub, data),
        "person_form": lambda: _person_form(db, data),
        "restore_dialog": lambda: _restore(db, clock),
        "idea_dialog": lambda: _idea(db, data),
        "ask_dialog": lambda: _ask(db, data),
        "step_dialog": lambda: _step(db, data),
        "sent_dialog": lambda: _sent(db, data),
        "brief_window": lambda: _brief(db, data),
        "groups_dialog": lambda: _groups(db, data),
        "reflection_dialog": lambda: _reflection(db, hub, data),
        "trend_view": lambda: _trend(db, hub, data),
        "project_page": lambda: _project_page(db, hub, data),
        "search_dialog": lambda: _search(db),
        "hand_out_dialog": lambda: _hand_out(db, data),
    }
    widget = builders[name]()
    widget.hub = hub  # keeps the hub alive as long as the screen
    return widget


def _start_page(db, hub, data):
    from ui.start.start_page import StartPage

    page = StartPage(db, hub)
    page.select_project(data.project_id)
    return page


def _agenda_page(db, hub, data):
    from ui.planning.agenda_page import AgendaPage

    page = AgendaPage(db, hub)
    page.load(data.planned.id)
    return page


def _live_page(db, hub, clock, data):
    from ui.live.live_page import LivePage

    page = LivePage(db, hub, clock)
    assert page.start(data.planned.id)
    return page


def _summary_page(db, data):
    from ui.summary.summary_page import SummaryPage

    page = SummaryPage(db)
    page.load(data.closed.id)
    return page


def _corrections_page(db, hub, data):
    from ui.summary.corrections_page import CorrectionsPage

    page = CorrectionsPage(db, hub)
    page.load(data.closed.id)
    return page


def _project_form():
    from ui.start.start_page import ProjectForm

    # No parent: a parent kept alive only by an attribute of its own child is deleted from
    # inside the child's destructor when the child is deleted first (a double delete).
    return ProjectForm("Nyt projekt", "", True, None)


def _meeting_form(db, hub, data):
    from ui.planning.meeting_form import MeetingForm

    return MeetingForm(db, hub, data.project_id)


def _settings(db):
    from ui.settings.settings_dialog import SettingsDialog

    return SettingsDialog(db)


def _people(db, hub, data):
    from ui.people.people_dialog import PeopleDialog

    return PeopleDialog(db, hub, data.project_id)


def _person_form(db, data):
    from ui.people.person_form import PersonForm

    return PersonForm(db, data.project_id, date(2026, 3, 3))


def _restore(db, clock):
    from ui.backups.restore_dialog import RestoreDialog

    return RestoreDialog(backups.data_folder(db), clock, db)


def _idea(db, data):
    from ui.capture.entry_dialogs import IdeaDialog

    places = meetings.get_meeting(db, data.closed.id).places
    return IdeaDialog(db, data.closed.id, places, capture.list_ideas(db, data.closed.id))


def _ask(db, data):
    from ui.capture.entry_dialogs import AskDialog

    return AskDialog(db, data.closed.id, capture.list_ideas(db, data.closed.id))


def _step(db, data):
    from ui.capture.entry_dialogs import StepDialog

    return StepDialog(db, data.closed.id)


def _groups(db, data):
    from ui.people.groups_dialog import GroupsDialog

    return GroupsDialog(db, data.project_id)


def _search(db):
    from ui.search.search_dialog import SearchDialog

    dialog = SearchDialog(db)
    dialog.field.setText("shelter")
    dialog.run_search()
    return dialog


def _sent(db, data):
    from ui.brief.sent_dialog import SentDialog

    return SentDialog(db, data.closed.id, "da")


def _brief(db, data):
    from ui.brief.brief_window import BriefWindow

    return BriefWindow(db, data.closed.id)


def settle(qtbot, screen: QWidget) -> None:
    """Wait for work a screen started on a thread (the brief window makes its PDF)."""
    busy = getattr(screen, "is_busy", None)
    if busy is not None:
        qtbot.waitUntil(lambda: not busy(), timeout=30000)


def _reflection(db, hub, data):
    from ui.summary.reflection_dialog import ReflectionDialog

    return ReflectionDialog(db, data.closed.id, hub)


def _project_page(db, hub, data):
    from ui.common.prompts import Prompts
    from ui.project.project_page import ProjectPage

    page = ProjectPage(db, hub, Prompts())
    page.show_project(data.project_id)
    return page


def _hand_out(db, data):
    from ui.project.hand_out_dialog import HandOutDialog

    return HandOutDialog(db, data.project_id, "Mols i Udvikling")


def _trend(db, hub, data):
    from ui.project.trend_view import TrendView

    view = TrendView(db, hub)
    view.set_project(data.project_id)
    return view
