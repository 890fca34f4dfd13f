"""What the fuzz tests type: hypothesis strategies for hostile input, and the oracle for texts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar

from hypothesis import strategies as st

from facilitator.domain.validation import ValidationError

T = TypeVar("T")

# Inputs people and pasted documents really produce, plus the classic breakers.
SPECIAL = (
    "",
    " ",
    "\x00",
    "a\x00b",
    "\x00Shelter\x00",
    "\t\r\n",
    "\r\nKnebel\r\n",
    "حديقة مجتمعية في القرية",
    "\u202eevil\u202c",  # right-to-left override
    "שלום עליכם",
    "Cafe\u0301",
    "e\u0301\u0301\u0301",
    "\u0301",  # a combining mark with nothing to combine with
    "🌳👩‍👩‍👧‍👦🏳️‍🌈",
    "\u200b",
    "\ufeffBOM",
    "\u00a0\u3000",
    "Ærø – Ålborg",
    "<b>fed</b> & <i>kursiv</i> <para>",
    "%s %d {0} {label} {{",
    "'; DROP TABLE idea; --",
    "\x1b[31mrød\x1b[0m",
    "\U0010ffff\U000e0001",
    "ǅungla ﬁ ẞ",
    "Jens' forslag (Jr.)",
    "*+?[(\\",
)
WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u00a0\u1680\u2000\u2028\u2029\u202f\u3000"

# Full unicode without surrogates (they cannot be encoded, so no keyboard makes them).
any_text = st.text(max_size=200)
control_text = st.text(
    st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Me", "Co"]), max_size=40
)
huge_text = st.builds(
    lambda part, n: (part * n)[:n], st.text(min_size=1, max_size=8), st.integers(9_000, 12_000)
)
texts = st.one_of(
    any_text,
    control_text,
    st.sampled_from(SPECIAL),
    huge_text,
    st.builds(lambda a, b: a + b, st.sampled_from(SPECIAL), any_text),
    # Surrounding whitespace of every kind: the one thing the services strip.
    st.builds(lambda pad, core: pad + core + pad, st.text(WHITESPACE, max_size=4), any_text),
)
big_integers = st.one_of(
    st.integers(),
    st.integers(-5, 700),
    st.integers(2**31 - 2, 2**31 + 2),
    st.integers(2**63 - 2, 2**64 + 2),
    st.integers(-(2**64), -(2**63) + 1),
)
optional_integers = st.one_of(st.none(), big_integers)
optional_dates = st.one_of(st.none(), st.dates())

# Every refusal in the app is written in Danish; these words occur in each of them.
DANISH = re.compile(r"\b(skal|ikke|for lang|for stort|Skriv|kan|findes)\b")


class Refused:
    """Marks a call the service refused (with a clear Danish message)."""

    def __init__(self, error: ValidationError) -> None:
        self.error = error

    def __repr__(self) -> str:
        return f"Refused({self.error.message!r})"


def attempt(call: Callable[[], T]) -> T | Refused:
    """Run a service call; a refusal must carry a clear Danish message, anything else escapes."""
    try:
        return call()
    except ValidationError as exc:
        assert isinstance(exc.message, str) and exc.message.strip(), "refused without a message"
        assert DANISH.search(exc.message), f"refusal not in Danish: {exc.message!r}"
        assert "Traceback" not in exc.message and "Error" not in exc.message
        return Refused(exc)


def has_visible(text: str) -> bool:
    """True when the text holds a letter or a digit: nobody could call it blank."""
    return any(unicodedata.category(c)[0] in "LN" for c in text)


# What a field's value must lead to: stored, refused, or either (e.g. only invisible marks).
OK, BAD, EITHER = "stored", "refused", "either"


def required(text: str, limit: int) -> str:
    """The verdict for a required text: blank or too long is refused, a visible one stored."""
    stripped = text.strip()
    if not stripped or len(stripped) > limit:
        return BAD
    return OK if has_visible(stripped) else EITHER


def optional(text: str, limit: int) -> str:
    """The verdict for an optional text: only a too long one is refused."""
    return BAD if len(text.strip()) > limit else OK


def in_range(value: int | None, low: int, high: int, none_ok: bool = True) -> str:
    """The verdict for a whole number that must lie in [low, high]."""
    if value is None:
        return OK if none_ok else BAD
    return OK if low <= value <= high else BAD


def expect(result: Any, *verdicts: str) -> bool:
    """Check a call's outcome against its fields' verdicts; True when it was stored."""
    if BAD in verdicts:
        assert isinstance(result, Refused), f"accepted although a field is invalid: {verdicts}"
        return False
    if all(v == OK for v in verdicts):
        assert not isinstance(result, Refused), f"refused valid input: {result}"
        return True
    return not isinstance(result, Refused)
