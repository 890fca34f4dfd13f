"""How the room view looks: sizes from the screen's height, columns, themes, the question, the
agenda, the bars of a priority round, the colours' contrast — a `RoomView` drawn from a
`RoomState`, without a meeting running."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from facilitator.room_state import RoomIdeaLine, RoomPriorities, RoomState, RoomVote
from ui.room.room_palette import DARK, LIGHT
from ui.room.room_view import RoomView

IDEAS = tuple(
    RoomIdeaLine(n, title, group, theme)
    for n, (title, group, theme) in enumerate([
        ("Shelter ved Agri Bavnehøj", "Agri Borgerforening", "Natur"),
        ("Bænke langs stranden i Femmøller", "Femmøller Strandlaug", "Natur"),
        ("Fælles el-ladestander ved forsamlingshuset", "Knebel Borgerforening", "Mobilitet"),
        ("Byttecentral i den gamle brugs", "Vistoft Lokalråd", "Fællesskab"),
    ], start=1)
)


def state(**changes) -> RoomState:
    base = dict(meeting_title="Borgermøde i Knebel", item_title="Idéer til Mols",
                question="Hvad skal der til, for at I vil bruge stranden mere?",
                agenda=("Velkomst", "Idéer til Mols", "Næste skridt"), current_index=1, ideas=IDEAS)
    base.update(changes)
    return RoomState(**base)


def make_view(qtbot, width: int, height: int) -> RoomView:
    view = RoomView()
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_idea_titles_are_at_least_3_percent_of_the_screen_height(qtbot, size) -> None:
    view = make_view(qtbot, *size)
    view.show_state(state())
    labels = view.board.idea_labels()
    assert len(labels) == 4
    for label in labels:
        assert label.font().pixelSize() >= 0.03 * size[1]
        assert label.isVisible()
        assert view.rect().contains(label.geometry().translated(label.parentWidget().pos()))
    assert view.item.font().pixelSize() > labels[0].font().pixelSize()


def test_the_view_follows_a_resize(qtbot) -> None:
    view = make_view(qtbot, 1920, 1080)
    view.show_state(state())
    large = view.board.idea_labels()[0].font().pixelSize()
    view.resize(1024, 768)
    qtbot.waitUntil(lambda: view.board.idea_labels()[0].font().pixelSize() < large)
    assert view.board.idea_labels()[0].font().pixelSize() >= 0.03 * 768


def test_many_ideas_take_two_columns_then_the_newest_that_fit(qtbot) -> None:
    view = make_view(qtbot, 1024, 768)
    few = tuple(RoomIdeaLine(n, f"Idé nummer {n}", "Gruppen", "") for n in range(1, 7))
    view.show_state(state(ideas=few))
    assert view.board.columns == 1 and view.board.shown_count == 6
    more = tuple(RoomIdeaLine(n, f"Idé nummer {n}", "Gruppen", "") for n in range(1, 13))
    view.show_state(state(ideas=more))
    assert view.board.columns == 2 and view.board.shown_count == 12
    many = tuple(RoomIdeaLine(n, f"Idé nummer {n} om noget, der fylder godt", "Gruppen", "")
                 for n in range(1, 41))
    view.show_state(state(ideas=many))
    shown = view.board.shown_count
    assert 0 < shown < 40
    assert view.board.more.text() == f"+ {40 - shown} tidligere idéer"
    assert view.board.more.isVisible()
    # The newest are the ones shown, the newest last.
    assert "Idé nummer 40 " in view.board.idea_labels()[-1].text()
    assert not any(">1</span>" in label.text() for label in view.board.idea_labels())


def test_ideas_grouped_by_theme_under_their_headings(qtbot) -> None:
    view = make_view(qtbot, 1920, 1080)
    view.show_state(state(group_by_theme=True))
    headings = [label.text() for label in view.board.findChildren(QLabel, "roomTheme")
                if label.isVisible()]
    assert headings == ["Natur", "Mobilitet", "Fællesskab"]


def test_a_theme_in_another_case_is_the_same_theme_on_the_wall(qtbot) -> None:
    view = make_view(qtbot, 1920, 1080)
    ideas = IDEAS + (RoomIdeaLine(5, "Stier i skoven", "", "natur"),
                     RoomIdeaLine(6, "Flere bænke", "", ""))
    view.show_state(state(group_by_theme=True, ideas=ideas))
    headings = [label.text() for label in view.board.findChildren(QLabel, "roomTheme")
                if label.isVisible()]
    assert headings == ["Natur", "Mobilitet", "Fællesskab", "Uden tema"]


def test_the_question_and_the_agenda_with_the_current_item_marked(qtbot) -> None:
    view = make_view(qtbot, 1920, 1080)
    view.show_state(state())
    assert view.question.text() == "»Hvad skal der til, for at I vil bruge stranden mere?«"
    assert [label.text() for label in view.agenda_labels] == ["Velkomst", "▶ Idéer til Mols", "Næste skridt"]
    assert view.agenda_labels[1].font().bold()
    view.show_state(state(question=""))
    assert not view.question.isVisible()


def test_priority_bars_largest_first_with_their_counts(qtbot) -> None:
    view = make_view(qtbot, 1920, 1080)
    round_two = RoomPriorities(2, (RoomVote(1, "Shelter", 4), RoomVote(2, "Bænke", 9),
                                   RoomVote(3, "El-lader", 4)), 17)
    view.show_state(state(priorities=round_two))
    rows = view.bars.rows()
    assert [count for _title, count, _bar in rows] == ["9", "4", "4"]
    assert "Bænke" in rows[0][0] and "Shelter" in rows[1][0]  # a tie by the idea's number
    assert rows[0][2] > rows[1][2] > 0
    assert "runde 2" in view.bars.heading.text() and "17 prikker" in view.bars.heading.text()
    assert not view.board.isVisible()


@pytest.mark.parametrize("size", [(1920, 1080), (1024, 768)])
def test_while_the_room_votes_every_number_of_a_long_round_is_on_the_wall(qtbot, size) -> None:
    view = make_view(qtbot, *size)
    votes = tuple(RoomVote(n, f"Idé nummer {n} om stier, bænke og lys ved søen", 0)
                  for n in range(1, 25))
    view.show_state(state(priorities=RoomPriorities(1, votes, 0)))
    rows = view.bars.rows()
    assert sorted(int(title.split("</span>")[0].rsplit(">", 1)[1]) for title, _c, _b in rows) \
        == list(range(1, 25))
    assert view.bars.more.text() == ""
    labels = [label for label in view.bars.findChildren(QLabel) if label.objectName() == "roomBarTitle"]
    assert all(label.isVisible() and view.rect().contains(
        label.geometry().translated(view.bars.pos())) for label in labels)
    assert min(label.font().pixelSize() for label in labels) >= 0.03 * size[1]


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_themes_pass_wcag_aa_with_room_to_spare(colours) -> None:
    from ui.live.live_palette import contrast_ratio

    # A projector washes colours out: the main text well above AA, the quieter text above AA.
    assert contrast_ratio(colours.text, colours.background) >= 12
    for quieter in (colours.secondary, colours.accent):
        assert contrast_ratio(quieter, colours.background) >= 4.5
