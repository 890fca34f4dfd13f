"""A form's refusals come all at once, in the form's order, from the same checks the services use."""

from __future__ import annotations

import pytest

from facilitator.domain import validation
from facilitator.services import agenda, capture, meetings, people, settings


def fields(problems) -> list[str]:
    return [p.field for p in problems]


def test_clean_fields_returns_values_or_names_every_refused_field_in_order() -> None:
    assert validation.clean_fields({"a": lambda: 1, "b": lambda: "x"}) == {"a": 1, "b": "x"}
    with pytest.raises(validation.ValidationError) as refused:
        validation.clean_fields({
            "title": lambda: validation.required_text("", "title", "Titel"),
            "ok": lambda: 3,
            "minutes": lambda: validation.planned_minutes(0),
        })
    assert fields(refused.value.problems) == ["title", "planned_minutes"]
    assert (refused.value.field, refused.value.message) == ("title", "Titel skal udfyldes.")


def test_a_single_refusal_is_its_own_only_problem() -> None:
    error = validation.ValidationError("Nej.", "x")
    assert error.problems == (validation.Problem("x", "Nej."),)


def test_each_form_names_all_its_problems() -> None:
    assert fields(meetings.meeting_problems("", "31-02-2026", "25:00", "")) == [
        "title", "date", "time"]
    assert meetings.meeting_problems("Borgermøde", "03-03-2026", "19:00", "Knebel") == []
    assert fields(capture.idea_problems(capture.IdeaInput("", theme="x" * 200_000))) == [
        "title", "theme"]
    assert fields(capture.ask_problems(capture.AskInput("", amount_dkk=-1))) == [
        "what", "amount_dkk"]
    assert fields(capture.step_problems(capture.StepInput(" ", owner_label="y" * 200_000))) == [
        "what", "owner_label"]
    assert fields(people.person_problems("", "z" * 20_000)) == ["name", "contact"]
    assert fields(agenda.phase_problems("", 601)) == ["title", "planned_minutes"]
    too_long = "k" * 20_000
    assert fields(settings.settings_problems(settings.Settings(too_long, "", too_long, None))) == [
        "municipality", "official_department"]
