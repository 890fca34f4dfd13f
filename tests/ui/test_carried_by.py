"""Who carries an entry: groups and consented people offered by keyboard; a name is warned about."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from facilitator.domain.enums import OwnerSide
from facilitator.services import capture, groups, people, privacy
from tests.ui import test_capture
from tests.ui.test_capture import open_entry, press_enter, select_row, tab, type_text

# The capture tests' live-screen stand-in and its meeting, shared as they are.
live = test_capture.live
meeting = test_capture.meeting

DOWN, ENTER, TAB = Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Tab
WARNING = "«Anna Holm» ligner et navn – det kræver samtykke."


@pytest.fixture
def known(db, meeting):
    """The project's groups, one person who may be named and one who may not."""
    for name in ("Shelter-gruppen", "Borgergruppen i Knebel", "Beboerforeningen"):
        groups.add_group(db, meeting.project_id, name)
    karen = people.add_person(db, meeting.project_id, "Karen Vestergaard", may_be_named=True)
    jens = people.add_person(db, meeting.project_id, "Jens Bødker", may_be_contacted=True)
    return {"karen": karen, "jens": jens}


def to_carried_by(qtbot, live, title="Shelter ved Agri Bavnehøj"):
    """A new idea with its title typed; the cursor in «Foreslået af»."""
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    type_text(qtbot, dialog, title)
    tab(qtbot, dialog, 2)
    assert dialog.focusWidget() is dialog.proposed_by_edit
    return dialog


def offered(dialog) -> list[str]:
    """The rows the popup under the field shows now (empty when it is closed)."""
    popup = dialog.carried.popup
    if not popup.isVisible():
        return []
    model = popup.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def choose(qtbot, dialog, downs=1):
    """Arrow down to a row of the popup and take it with Enter."""
    popup = dialog.carried.popup
    for _ in range(downs):
        qtbot.keyClick(popup, DOWN)
    qtbot.keyClick(popup, ENTER)
    qtbot.waitUntil(lambda: not popup.isVisible())


# Where the keys go: the application's focus (a dialog's own focusWidget() may lag behind it).
def warn_about_anna(qtbot, live, db):
    """«Anna Holm» typed and Enter pressed once: the warning, nothing saved."""
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "Anna Holm")
    qtbot.keyClick(dialog.proposed_by_edit, ENTER)
    qtbot.waitUntil(dialog.carried.note.isVisible)
    return dialog


def test_typing_offers_the_groups_and_consented_people_and_down_enter_picks(qtbot, live, db,
                                                                            known):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "e")
    rows = offered(dialog)
    assert rows[:3] == ["Beboerforeningen", "Borgergruppen i Knebel", "Shelter-gruppen"]
    assert "Karen Vestergaard – må nævnes ved navn" in rows
    assert not any("Jens" in r for r in rows)  # no consent to be named: never offered
    type_text(qtbot, dialog, "lt")  # "elt": only the shelter group is left
    assert offered(dialog)[0] == "Shelter-gruppen"
    choose(qtbot, dialog)
    assert dialog.proposed_by_edit.text() == "Shelter-gruppen"
    assert dialog.isVisible()  # choosing is not saving
    press_enter(qtbot, live, dialog)
    [idea] = capture.list_ideas(db, live.meeting.id)
    assert idea.proposed_by == "Shelter-gruppen"
    assert privacy.linked_person_id(db, "idea", idea.id) is None


def test_a_consented_person_picked_is_stored_and_linked(qtbot, live, db, known):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "kar")
    assert offered(dialog) == ["Karen Vestergaard – må nævnes ved navn"]
    choose(qtbot, dialog)
    assert dialog.proposed_by_edit.text() == "Karen Vestergaard"
    assert dialog.person_combo.currentData() == known["karen"].id
    press_enter(qtbot, live, dialog)
    [idea] = capture.list_ideas(db, live.meeting.id)
    assert idea.proposed_by == "Karen Vestergaard"
    assert privacy.linked_person_id(db, "idea", idea.id) == known["karen"].id


def test_enter_with_the_popup_open_and_nothing_chosen_saves_what_was_typed(qtbot, live, db, known):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "Shelter")
    assert offered(dialog) == ["Shelter-gruppen"]
    with qtbot.waitSignal(live.panel.entry_saved, timeout=2000):
        qtbot.keyClick(dialog.carried.popup, ENTER)
    assert capture.list_ideas(db, live.meeting.id)[0].proposed_by == "Shelter"
    assert len(groups.list_groups(db, live.meeting.project_id)) == 3  # not kept as a group


def test_a_new_group_typed_in_the_field_is_kept_for_the_next_meeting(qtbot, live, db,
                                                                     meeting_factory):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "Knebel Løbeklub")
    assert offered(dialog) == ["+ Gem «Knebel Løbeklub» som ny gruppe"]
    choose(qtbot, dialog)
    assert dialog.proposed_by_edit.text() == "Knebel Løbeklub"
    assert "er gemt som gruppe og foreslås også næste gang" in dialog.carried.note.text.text()
    press_enter(qtbot, live, dialog)
    assert [g.name for g in groups.list_groups(db, live.meeting.project_id)] == ["Knebel Løbeklub"]
    assert capture.list_ideas(db, live.meeting.id)[0].proposed_by == "Knebel Løbeklub"
    # The next idea, and the next meeting of the project, offer it.
    dialog = to_carried_by(qtbot, live, "Løbetur rundt om søen")
    type_text(qtbot, dialog, "løb")
    assert offered(dialog) == ["Knebel Løbeklub"]
    later = meeting_factory(db, title="Næste møde")
    assert [g.name for g in groups.carrier_choices(db, later.id).groups] == ["Knebel Løbeklub"]


def test_a_typed_name_warns_under_the_field_and_keeps_the_text(qtbot, live, db, known):
    dialog = warn_about_anna(qtbot, live, db)
    note = dialog.carried.note
    assert dialog.isVisible()
    # Said at length once the line has its width (a narrow form gets the short form).
    qtbot.waitUntil(lambda: note.text.text() == "⚠ " + WARNING)
    assert "kun med i orienteringen, hvis personen har sagt ja" in note.toolTip()
    assert not dialog.hint.isVisible()  # "Enter gemmer" is not true while the warning shows
    assert dialog.proposed_by_edit.text() == "Anna Holm"  # nothing typed is lost
    assert note.use_group_button.isVisible() and note.add_person_button.isVisible()
    assert QApplication.focusWidget() is note.use_group_button
    assert capture.list_ideas(db, live.meeting.id) == []
    # Not a modal box: the rest of the form stays usable, and the warning is part of it.
    assert QApplication.activeModalWidget() is dialog


def test_enter_twice_takes_the_safe_way_then_a_group_is_picked(qtbot, live, db, known):
    dialog = warn_about_anna(qtbot, live, db)
    qtbot.keyClick(QApplication.focusWidget(), ENTER)  # on «Brug en gruppe»: never saves the name
    assert capture.list_ideas(db, live.meeting.id) == []
    assert dialog.proposed_by_edit.text() == ""
    assert QApplication.focusWidget() is dialog.proposed_by_edit
    qtbot.waitUntil(lambda: bool(offered(dialog)))
    assert offered(dialog)[:3] == ["Beboerforeningen", "Borgergruppen i Knebel", "Shelter-gruppen"]
    assert not dialog.carried.note.isVisible()
    assert dialog.proposed_by_edit.placeholderText() == "Vælg med pil ned, eller skriv en ny gruppe"
    choose(qtbot, dialog, downs=3)
    assert dialog.proposed_by_edit.text() == "Shelter-gruppen"
    assert not dialog.carried.note.isVisible()
    press_enter(qtbot, live, dialog)
    assert capture.list_ideas(db, live.meeting.id)[0].proposed_by == "Shelter-gruppen"


def test_the_name_is_saved_once_the_person_is_added_with_consent(qtbot, live, db, known):
    dialog = warn_about_anna(qtbot, live, db)
    qtbot.keyClick(QApplication.focusWidget(), TAB)
    assert QApplication.focusWidget() is dialog.carried.note.add_person_button
    qtbot.keyClick(QApplication.focusWidget(), ENTER)
    qtbot.waitUntil(lambda: dialog.carried.person_form is not None
                    and dialog.carried.person_form.isVisible())
    form = dialog.carried.person_form
    assert form.name_edit.text() == "Anna Holm"
    assert not form.named_check.isChecked()  # consent is never assumed
    assert form.focusWidget() is form.named_check
    qtbot.keyClick(form.named_check, Qt.Key.Key_Space)
    qtbot.keyClick(form.named_check, ENTER)
    qtbot.waitUntil(lambda: dialog.carried.person_form is None)
    anna = next(p for p in people.list_people(db, live.meeting.project_id) if p.name == "Anna Holm")
    assert anna.can_be_named
    assert dialog.proposed_by_edit.text() == "Anna Holm"
    assert "må nævnes ved navn" in dialog.carried.note.text.text()
    assert dialog.person_combo.currentData() == anna.id
    press_enter(qtbot, live, dialog)
    [idea] = capture.list_ideas(db, live.meeting.id)
    assert idea.proposed_by == "Anna Holm"
    assert privacy.linked_person_id(db, "idea", idea.id) == anna.id


def test_a_person_added_without_consent_still_cannot_be_named(qtbot, live, db):
    dialog = warn_about_anna(qtbot, live, db)
    dialog.carried.note.add_person_button.click()
    qtbot.waitUntil(lambda: dialog.carried.person_form is not None)
    form = dialog.carried.person_form
    qtbot.keyClick(form.name_edit, ENTER)  # saved with the consent box unticked
    qtbot.waitUntil(lambda: dialog.carried.person_form is None)
    assert [p.name for p in people.list_people(db, live.meeting.project_id)] == ["Anna Holm"]
    note = dialog.carried.note.text.text()
    assert "Anna Holm har ikke sagt ja til at blive nævnt ved navn" in note
    assert not dialog.carried.note.add_person_button.isVisible()
    qtbot.keyClick(dialog.proposed_by_edit, ENTER)
    assert capture.list_ideas(db, live.meeting.id) == []


def test_a_registered_person_without_consent_gets_the_group_way_only(qtbot, live, db, known):
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilladelse til shelter")
    qtbot.keyClicks(dialog.asked_by_edit, "Jens Bødker")
    assert offered(dialog) == []  # not offered, and no "keep as a group"
    qtbot.keyClick(dialog.asked_by_edit, ENTER)
    qtbot.waitUntil(dialog.carried.note.isVisible)
    assert "Jens Bødker har ikke sagt ja" in dialog.carried.note.text.text()
    assert not dialog.carried.note.add_person_button.isVisible()
    assert capture.list_asks(db, live.meeting.id) == []


def test_leaving_the_field_warns_at_once_and_fixing_the_text_clears_it(qtbot, live, db, known):
    dialog = to_carried_by(qtbot, live)
    type_text(qtbot, dialog, "Mette")
    qtbot.keyClick(dialog.proposed_by_edit, TAB)
    assert dialog.carried.note.isVisible()
    assert "«Mette» ligner et navn" in dialog.carried.note.text.text()
    dialog.proposed_by_edit.selectAll()
    qtbot.keyClicks(dialog.proposed_by_edit, "Skolen")
    assert not dialog.carried.note.isVisible()
    press_enter(qtbot, live, dialog)
    assert capture.list_ideas(db, live.meeting.id)[0].proposed_by == "Skolen"


def test_an_entry_already_holding_a_name_warns_when_opened(qtbot, live, db, known):
    capture.add_idea(db, live.meeting.id, capture.IdeaInput("Sti", proposed_by="Łukasz Wiśniewski"))
    live.panel.load(live.meeting.id)
    select_row(qtbot, live, "idea", 0)
    live.panel.edit_selected("idea")
    qtbot.waitUntil(lambda: live.panel.entry_dialog is not None)
    dialog = live.panel.entry_dialog
    assert "«Łukasz Wiśniewski» ligner et navn" in dialog.carried.note.text.text()
    assert dialog.carried.note.isVisible()


def test_a_step_the_municipality_carries_may_name_the_official(qtbot, live, db, known):
    dialog = open_entry(qtbot, live, Qt.Key.Key_N)
    type_text(qtbot, dialog, "Afklare landzone")
    qtbot.keyClicks(dialog.owner_label_edit, "Mette Kragh")
    qtbot.keyClick(dialog.owner_label_edit, ENTER)  # the citizens' side: a warning
    qtbot.waitUntil(dialog.carried.note.isVisible)
    assert capture.list_steps(db, live.meeting.id) == []
    dialog.owner_side_combo.setCurrentIndex(dialog.owner_side_combo.findData(OwnerSide.MUNICIPALITY))
    assert not dialog.carried.note.isVisible()
    assert dialog.owner_label_edit.placeholderText() == "fx Plan og Byg"
    press_enter(qtbot, live, dialog, "step")
    [step] = capture.list_steps(db, live.meeting.id)
    assert (step.owner_side, step.owner_label) == (OwnerSide.MUNICIPALITY, "Mette Kragh")


def test_a_name_in_free_text_gets_a_notice_and_saves_without_asking(qtbot, live, db, known):
    dialog = open_entry(qtbot, live, Qt.Key.Key_I)
    height = dialog.height()
    type_text(qtbot, dialog, "Anna Holm vil lave en sti")
    assert dialog.name_notice.isVisible()
    assert dialog.name_notice.text() == (
        "ℹ «Anna Holm» ligner et navn og kommer med i orienteringen.")
    assert "har sagt ja" in dialog.name_notice.toolTip()
    assert not dialog.hint.isVisible()  # in the hint's place: the form does not jump
    assert dialog.height() == height
    dialog.title_edit.selectAll()
    type_text(qtbot, dialog, "Karen Vestergaard vil lave en sti")  # registered: no notice
    assert not dialog.name_notice.isVisible()
    assert dialog.hint.isVisible()
    dialog.title_edit.selectAll()
    type_text(qtbot, dialog, "Anna Holm vil lave en sti")
    press_enter(qtbot, live, dialog)  # one Enter: a notice asks nothing
    assert capture.list_ideas(db, live.meeting.id)[0].title == "Anna Holm vil lave en sti"


def test_down_in_an_empty_field_lists_everything_and_an_ask_keeps_the_pick(qtbot, live, db,
                                                                            known):
    dialog = open_entry(qtbot, live, Qt.Key.Key_R)
    type_text(qtbot, dialog, "Tilladelse til shelter")
    dialog.asked_by_edit.setFocus()  # the completer answers the field only while it has focus
    qtbot.waitUntil(dialog.asked_by_edit.hasFocus)
    qtbot.keyClick(dialog.asked_by_edit, DOWN)  # as in a drop-down list
    qtbot.waitUntil(lambda: bool(offered(dialog)))
    assert offered(dialog) == ["Beboerforeningen", "Borgergruppen i Knebel", "Shelter-gruppen",
                               "Karen Vestergaard – må nævnes ved navn"]
    choose(qtbot, dialog, downs=2)
    assert dialog.asked_by_edit.text() == "Borgergruppen i Knebel"
    press_enter(qtbot, live, dialog, "ask")
    assert capture.list_asks(db, live.meeting.id)[0].asked_by == "Borgergruppen i Knebel"


@pytest.mark.parametrize("key", [Qt.Key.Key_I, Qt.Key.Key_R, Qt.Key.Key_N])
def test_the_warning_buttons_have_access_keys_of_their_own(qtbot, live, db, key):
    from tests.ui.test_access_keys import mnemonic

    dialog = open_entry(qtbot, live, key)
    dialog.carried.edit.setText("Anna Holm")
    dialog.accept()
    qtbot.waitUntil(dialog.carried.note.add_person_button.isVisible)
    texts = [label.text() for label in dialog.findChildren(QLabel)
             if label.isVisible() and label.buddy() is not None]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisible()]
    keys = [k for k in map(mnemonic, texts) if k]
    assert {"g", "l"} <= set(keys)
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []
    dialog.forget_changes()


def test_a_name_in_the_detail_is_noticed_too_and_a_long_text_is_no_new_group(qtbot, live, db):
    dialog = to_carried_by(qtbot, live)
    dialog.detail_edit.setPlainText("Sti langs kysten.\nOlena Kovalenko vil male skiltene.")
    assert dialog.name_notice.text() == (
        "ℹ «Olena Kovalenko» ligner et navn og kommer med i orienteringen.")
    dialog.title_edit.setText("Anna Holm vil have en sti")
    assert dialog.name_notice.text() == (
        "ℹ «Anna Holm», «Olena Kovalenko» ligner navne og kommer med i orienteringen.")
    qtbot.keyClicks(dialog.proposed_by_edit, "Borgerne " * 12)  # pasted prose, not a name
    assert not any(row.startswith("+ Gem") for row in offered(dialog))
