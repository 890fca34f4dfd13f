"""run_action: a user action's refusal is shown and publishes nothing; its success publishes."""

from __future__ import annotations

import pytest

from facilitator.services import projects
from facilitator.storage.database import StorageError
from ui.common.actions import done, run_action
from ui.common.changes import ChangeHub
from ui.common.feedback import InlineMessage


class Recorder:
    """Records every emission of the hub's signals, in order."""

    def __init__(self, hub: ChangeHub) -> None:
        self.heard: list[tuple[str, object]] = []
        hub.projects_changed.connect(lambda: self.heard.append(("projects", None)))
        hub.meeting_changed.connect(lambda m: self.heard.append(("meeting", m)))
        hub.agenda_changed.connect(lambda m: self.heard.append(("agenda", m)))


@pytest.fixture
def parts(qtbot):
    hub = ChangeHub()
    message = InlineMessage()
    qtbot.addWidget(message)
    return hub, message, Recorder(hub)


def test_success_publishes_the_listed_changes_and_returns_the_result(db, parts) -> None:
    hub, message, heard = parts
    message.show_error("gammel fejl")
    row = run_action(lambda: projects.create_project(db, "Mols", ["Knebel"]), message,
                     [(hub.projects_changed,), (hub.meeting_changed, "m1")])
    assert row is not None and row.name == "Mols"
    assert [p.name for p in projects.list_projects(db, True)] == ["Mols"]
    assert heard.heard == [("projects", None), ("meeting", "m1")]
    assert message.isHidden() and message.text() == ""


def test_a_callable_publishes_what_the_result_says_after_the_widgets_own_step(db, parts) -> None:
    hub, message, heard = parts
    order: list[str] = []
    hub.projects_changed.connect(lambda: order.append("published"))
    row = run_action(
        lambda: projects.create_project(db, "Mols", []), message,
        lambda r: [(hub.projects_changed,), (hub.agenda_changed, r.id)],
        success=lambda r: order.append("own step " + r.name),
    )
    assert row is not None
    assert heard.heard == [("projects", None), ("agenda", row.id)]
    assert order == ["own step Mols", "published"]


def test_a_refusal_is_shown_in_danish_and_publishes_nothing(db, parts) -> None:
    hub, message, heard = parts
    called: list[object] = []
    result = run_action(lambda: projects.create_project(db, "  ", []), message,
                        lambda r: called.append(r) or [(hub.projects_changed,)],
                        success=called.append)
    assert result is None
    assert heard.heard == [] and called == []
    assert projects.list_projects(db, True) == []
    assert message.is_error and not message.isHidden()
    assert "skal udfyldes" in message.text()


def test_a_storage_error_is_shown_and_publishes_nothing(parts) -> None:
    hub, message, heard = parts

    def fails() -> None:
        raise StorageError("Databasen kan ikke skrives.")

    assert run_action(done(fails), message, [(hub.projects_changed,)]) is None
    assert heard.heard == []
    assert message.text() == "⚠ Databasen kan ikke skrives."


def test_done_tells_a_service_that_returns_nothing_from_a_refusal(parts) -> None:
    hub, message, heard = parts
    assert run_action(done(lambda: None), message, [(hub.projects_changed,)]) is True
    assert heard.heard == [("projects", None)]


def test_something_that_is_not_a_signal_is_refused(parts) -> None:
    _hub, message, _heard = parts
    with pytest.raises(TypeError):
        run_action(lambda: 1, message, [(print, 1)])
