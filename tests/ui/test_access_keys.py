"""Every field has an access key (Alt+letter), and no two fields of one window share one."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
    QWidget,
)

from tests.ui.all_screens import SCREEN_NAMES, build, filled, settle

FIELD_TYPES = (
    QLineEdit, QTextEdit, QPlainTextEdit, QSpinBox, QComboBox, QDateEdit, QDateTimeEdit, QCheckBox,
)
# "&x" marks x as the access key; "&&" is a literal ampersand.
MNEMONIC = re.compile(r"(?<!&)&([^&])")


def mnemonic(text: str) -> str | None:
    """The access key of a label or button text, lower-cased, or None."""
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def fields(screen: QWidget) -> list[QWidget]:
    """The visible inputs a person fills in (not the line edit inside a spin box or combo)."""
    return [
        w for w in screen.findChildren(QWidget)
        if isinstance(w, FIELD_TYPES) and w.isVisible()
        and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
        and not any(isinstance(a, QAbstractItemView) for a in _ancestors(w))
    ]


def _ancestors(widget: QWidget) -> list[QWidget]:
    found = []
    parent = widget.parentWidget()
    while parent is not None:
        found.append(parent)
        parent = parent.parentWidget()
    return found


def buddy_labels(screen: QWidget) -> dict[int, QLabel]:
    return {id(label.buddy()): label for label in screen.findChildren(QLabel)
            if label.buddy() is not None and label.isVisible()}


def shown(qtbot, db, clock, meeting_factory, name) -> QWidget:
    data = filled(db, clock, meeting_factory)
    screen = build(name, db, clock, data)
    qtbot.addWidget(screen)
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    settle(qtbot, screen)
    return screen


@pytest.mark.parametrize("name", SCREEN_NAMES)
def test_every_field_has_a_label_with_an_access_key(qtbot, db, clock, meeting_factory, name):
    screen = shown(qtbot, db, clock, meeting_factory, name)
    labels = buddy_labels(screen)
    missing = []
    for field in fields(screen):
        label = labels.get(id(field))
        own = field.text() if isinstance(field, QCheckBox) else ""
        key = mnemonic(label.text()) if label is not None else None
        key = key or mnemonic(own)
        if key is None:
            missing.append(f"{type(field).__name__} {field.objectName()} "
                           f"{label.text() if label else own or field.toolTip()!r}")
        elif not key.isascii() or not key.isalnum():
            missing.append(f"{label.text() if label else own}: access key {key!r} is not a plain letter")
    assert missing == []


@pytest.mark.parametrize("name", SCREEN_NAMES)
def test_no_two_access_keys_collide_in_one_window(qtbot, db, clock, meeting_factory, name):
    screen = shown(qtbot, db, clock, meeting_factory, name)
    texts = [label.text() for label in screen.findChildren(QLabel)
             if label.isVisible() and label.buddy() is not None]
    texts += [b.text() for b in screen.findChildren(QAbstractButton) if b.isVisible()]
    keys = [k for k in map(mnemonic, texts) if k]
    doubled = sorted({k for k in keys if keys.count(k) > 1})
    assert doubled == [], [t for t in texts if mnemonic(t) in doubled]


def test_alt_and_the_access_key_moves_the_cursor_into_the_field(qtbot, db, clock, meeting_factory):
    screen = shown(qtbot, db, clock, meeting_factory, "summary_page")
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    screen.table.setFocus()
    QTest.keyClick(screen.windowHandle(), Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.attendance)
