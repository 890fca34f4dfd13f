"""Borgergrupper: the project's citizen groups, kept from the people dialog by keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from facilitator.services import capture, groups
from ui.common.changes import ChangeHub
from ui.people.groups_dialog import GroupsDialog
from ui.people.groups_model import GroupListModel
from ui.people.people_dialog import PeopleDialog

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def meeting(db, meeting_factory):
    return meeting_factory(db)


@pytest.fixture
def dialog(qtbot, db, meeting):
    """The groups of the meeting's project, shown, with two groups in it."""
    groups.add_group(db, meeting.project_id, "Shelter-gruppen")
    groups.add_group(db, meeting.project_id, "Beboerforeningen")
    widget = GroupsDialog(db, meeting.project_id)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def names(dialog: GroupsDialog) -> list[str]:
    return [dialog.model.index(r, 0).data() for r in range(dialog.model.rowCount())]


def test_the_people_dialog_opens_the_groups_with_ctrl_g(qtbot, db, meeting):
    people_dialog = PeopleDialog(db, ChangeHub(), meeting.project_id)
    qtbot.addWidget(people_dialog)
    people_dialog.show()
    qtbot.waitExposed(people_dialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is people_dialog)
    QTest.keyClick(people_dialog.windowHandle(), Qt.Key.Key_G, CTRL)
    qtbot.waitUntil(lambda: isinstance(people_dialog.form, GroupsDialog))
    assert people_dialog.form.windowTitle() == "Borgergrupper – Mols i Udvikling"
    people_dialog.form.close()


def test_a_typed_group_is_added_with_enter_and_kept(qtbot, db, meeting, dialog):
    assert names(dialog) == ["Beboerforeningen", "Shelter-gruppen"]
    assert dialog.focusWidget() is dialog.new_edit
    qtbot.keyClicks(dialog.new_edit, "Borgergruppen i Knebel")
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter adds; it does not close the list
    assert names(dialog) == ["Beboerforeningen", "Borgergruppen i Knebel", "Shelter-gruppen"]
    assert dialog.current_group().name == "Borgergruppen i Knebel"
    assert dialog.new_edit.text() == ""
    assert dialog.message.text() == "ℹ «Borgergruppen i Knebel» er tilføjet."
    assert [g.name for g in groups.list_groups(db, meeting.project_id)] == names(dialog)


@pytest.mark.parametrize(("typed", "message"), [
    ("Anna Holm", "«Anna Holm» ligner en persons navn."),
    ("shelter-gruppen", "Gruppen «shelter-gruppen» findes allerede."),
    ("  ", "Gruppens navn skal udfyldes."),
])
def test_a_refused_group_says_why_and_keeps_the_text(qtbot, db, meeting, dialog, typed, message):
    qtbot.keyClicks(dialog.new_edit, typed)
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Return)
    assert dialog.message.text().startswith("⚠ " + message)
    assert dialog.new_edit.text() == typed
    assert len(groups.list_groups(db, meeting.project_id)) == 2


def test_f2_renames_in_place_and_a_refusal_keeps_the_old_name(qtbot, db, meeting, dialog):
    capture.add_idea(db, meeting.id, capture.IdeaInput("Shelter", proposed_by="Shelter-gruppen"))
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(dialog.model.index(1, 0))
    qtbot.keyClick(dialog.list, Qt.Key.Key_F2)
    editor = dialog.list.findChild(QLineEdit)
    qtbot.waitUntil(lambda: editor is not None and editor.isVisible())
    editor.selectAll()
    qtbot.keyClicks(editor, "Shelterlauget")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits it on its next turn
    qtbot.waitUntil(lambda: names(dialog) == ["Beboerforeningen", "Shelterlauget"])
    assert dialog.isVisible()
    assert dialog.message.text() == "ℹ Gruppen hedder nu «Shelterlauget»."
    assert capture.list_ideas(db, meeting.id)[0].proposed_by == "Shelter-gruppen"
    # A name that looks like a person's is refused; the row keeps its name.
    assert not dialog.model.setData(dialog.model.index(1, 0), "Mette Kragh")
    assert "ligner en persons navn" in dialog.message.text()
    assert [g.name for g in groups.list_groups(db, meeting.project_id)] == [
        "Beboerforeningen", "Shelterlauget"]


def test_delete_in_the_list_removes_the_group_but_not_in_the_text_field(qtbot, db, meeting,
                                                                        dialog):
    qtbot.keyClicks(dialog.new_edit, "Stig")
    qtbot.keyClick(dialog.new_edit, Qt.Key.Key_Delete)  # a text key there
    assert len(groups.list_groups(db, meeting.project_id)) == 2
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    QTest.keyClick(dialog.windowHandle(), Qt.Key.Key_Delete)
    assert names(dialog) == ["Shelter-gruppen"]
    assert dialog.message.text() == "ℹ «Beboerforeningen» er fjernet fra listen."
    dialog.list.setCurrentIndex(dialog.model.index(0, 0))
    dialog.remove_button.click()
    assert names(dialog) == []
    assert dialog.empty_label.isVisible()
    assert not dialog.remove_button.isEnabled()


def test_the_group_list_model_passes_the_model_tester(qtmodeltester, db, meeting):
    model = GroupListModel(lambda _id, _name: None)
    model.set_rows([groups.add_group(db, meeting.project_id, "Shelter-gruppen"),
                    groups.add_group(db, meeting.project_id, "Stigruppen")])
    qtmodeltester.check(model)
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsEditable
