"""The one way a widget runs a user action: the service call, its refusal shown, its change published.

Modelled on Anki's `CollectionOp(parent, op).success(cb)`: the service commits once and
returns what changed; `run_action` runs it through `feedback.attempt` (a refusal or a
storage error becomes the inline Danish message, never a traceback) and, only when it
succeeded, publishes the change on the window's `ChangeHub`, so every view listening for
that meeting or project refreshes itself. A refused action publishes nothing.

What to publish is either a list of changes, each a hub signal and its argument
(`(hub.meeting_changed, meeting_id)`, or `(hub.projects_changed,)` for a signal that
carries none), or a callable that is given the service's result and returns that list
(when the argument is the row the service returned, e.g. a new meeting's id).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import SignalInstance

from ui.common.feedback import InlineMessage, ShowsProblems, attempt

T = TypeVar("T")

# A hub signal and the arguments it is emitted with (none for `projects_changed`).
Change = tuple[Any, ...]
Publish = Sequence[Change] | Callable[[Any], Iterable[Change]]


def run_action(
    action: Callable[[], T],
    message: InlineMessage,
    publish: Publish = (),
    *,
    success: Callable[[T], object] | None = None,
    problems: ShowsProblems | None = None,
    clear: bool = True,
) -> T | None:
    """Run one user action; publish its change on success; return its result, None if refused.

    `action` is the service call (it commits once and returns what changed; wrap a service that
    returns nothing in `done`, so None always means "refused"). `message`
    shows a refusal or storage error; with `problems` every refused field of a form is
    shown there instead. `clear=False` leaves a notice the user has not read yet.
    `success` is the widget's own follow-up (given the result), run before the change is
    published, so the widget is in its new state when the other views hear of it.
    """
    result = attempt(action, message, clear=clear, problems=problems)
    if result is None:
        return None
    if success is not None:
        success(result)
    changes = publish(result) if callable(publish) else publish
    for change in changes:
        emit(change)
    return result


def done(call: Callable[[], object]) -> Callable[[], bool]:
    """A service call that returns nothing, made to return True so success and refusal differ."""

    def run() -> bool:
        call()
        return True

    return run


def emit(change: Change) -> None:
    """Emit one change: its signal with its arguments."""
    signal, *arguments = change
    if not isinstance(signal, SignalInstance):
        raise TypeError(f"not a signal: {signal!r}")
    signal.emit(*arguments)
