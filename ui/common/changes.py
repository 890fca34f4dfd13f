"""Re-emits "what changed" after a service call, so each view refreshes itself."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ChangeHub(QObject):
    """One instance per window; services' callers emit, views listen."""

    projects_changed = Signal()
    # Something of one project changed between its meetings (an ask sent, a step done).
    project_changed = Signal(object)  # project id
    meeting_changed = Signal(object)  # meeting id
    agenda_changed = Signal(object)  # meeting id
    ideas_changed = Signal(object)  # meeting id
    asks_changed = Signal(object)  # meeting id
    steps_changed = Signal(object)  # meeting id
    # A person was registered, changed their consent or was erased (who may be named changed).
    people_changed = Signal(object)  # project id
    priorities_changed = Signal(object)  # meeting id: a prioritisation round started or counted
