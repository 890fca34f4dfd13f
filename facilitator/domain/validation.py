"""Checks on what the user types, with messages in the user's language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from facilitator.domain.formats import number as format_number
from facilitator.i18n import _

# Generous on purpose: whatever a citizen or official types is kept exactly.
MAX_TITLE_LENGTH = 10_000
MAX_TEXT_LENGTH = 100_000
MIN_PLANNED_MINUTES = 1
MAX_PLANNED_MINUTES = 600
MAX_HOLD_BACK_SECONDS = 600
MAX_AMOUNT_DKK = 10_000_000_000


@dataclass(frozen=True)
class Problem:
    """One refused field of a form: which one (its name in the service) and why, in Danish."""

    field: str
    message: str


class ValidationError(ValueError):
    """Input refused; `message` is shown to the user as it is.

    `problems` names every refused field of the form, in the form's order; the
    first is `message` and `field`.
    """

    def __init__(self, message: str, field: str = "", problems: Sequence[Problem] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.problems: tuple[Problem, ...] = tuple(problems) or (Problem(field, message),)


def clean_fields(checks: Mapping[str, Callable[[], Any]]) -> dict[str, Any]:
    """Run each field's check, in order; the cleaned values, or one refusal naming every bad field."""
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, check in checks.items():
        try:
            values[name] = check()
        except ValidationError as exc:
            problems += exc.problems
    if problems:
        raise ValidationError(problems[0].message, problems[0].field, problems)
    return values


def problems_of(action: Callable[[], object]) -> list[Problem]:
    """Every problem `action` refuses its input for (none if it accepts it)."""
    try:
        action()
    except ValidationError as exc:
        return list(exc.problems)
    return []


def required_text(value: str | None, field: str, label: str, limit: int = MAX_TITLE_LENGTH) -> str:
    """A non-blank text, stored exactly as typed apart from surrounding whitespace."""
    text = (value or "").strip()
    if not text or not any(unicodedata.category(c)[0] not in "CZ" for c in text):
        raise ValidationError(_("{label} skal udfyldes.").format(label=label), field)
    if len(text) > limit:
        raise ValidationError(
            _("{label} er for lang (højst {limit} tegn).").format(label=label, limit=format_number(limit)), field
        )
    return text


def optional_text(value: str | None, field: str, label: str, limit: int = MAX_TEXT_LENGTH) -> str:
    """An optional text; blank becomes the empty string."""
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            _("{label} er for lang (højst {limit} tegn).").format(label=label, limit=format_number(limit)), field
        )
    return text


def planned_minutes(value: int) -> int:
    """Minutes planned for a phase: 1 to 600."""
    if not MIN_PLANNED_MINUTES <= value <= MAX_PLANNED_MINUTES:
        raise ValidationError(
            _("Planlagt tid skal være mellem {low} og {high} minutter.").format(
                low=MIN_PLANNED_MINUTES, high=MAX_PLANNED_MINUTES
            ),
            "planned_minutes",
        )
    return value


def hold_back_seconds(value: int) -> int:
    """Seconds of hold-back: 0 (off) to 600."""
    if not 0 <= value <= MAX_HOLD_BACK_SECONDS:
        raise ValidationError(
            _("Ventetiden skal være mellem 0 og {high} sekunder.").format(
                high=MAX_HOLD_BACK_SECONDS
            ),
            "hold_back_seconds",
        )
    return value


def percentage(value: int, field: str, label: str) -> int:
    """A whole percentage from 1 to 100."""
    if not 1 <= value <= 100:
        raise ValidationError(
            _("{label} skal være mellem 1 og 100 %.").format(label=label), field
        )
    return value


def amount_dkk(value: int | None) -> int | None:
    """An optional amount in whole kroner, not negative."""
    if value is None:
        return None
    if not 0 <= value <= MAX_AMOUNT_DKK:
        raise ValidationError(_("Beløbet skal være et helt antal kroner, 0 eller mere."), "amount_dkk")
    return value


def parse_date(text: str, field: str, label: str) -> date | None:
    """A date typed as DD-MM-ÅÅÅÅ (or ÅÅÅÅ-MM-DD); blank means none; impossible dates are refused."""
    text = text.strip()
    if not text:
        return None
    for fmt in ("%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(
        _("{label}: «{text}» er ikke en gyldig dato (skriv fx 03-03-2026).").format(
            label=label, text=text[:40]
        ),
        field,
    )


def parse_time(text: str, field: str = "time") -> tuple[int, int]:
    """A time of day typed as TT:MM; impossible times are refused."""
    text = text.strip().replace(".", ":")
    try:
        parsed = datetime.strptime(text, "%H:%M")
    except ValueError:
        raise ValidationError(
            _("«{text}» er ikke et gyldigt klokkeslæt (skriv fx 19:00).").format(text=text[:40]),
            field,
        ) from None
    return parsed.hour, parsed.minute


# "12.500", "12 500", "12500 kr.", "kr. 12.500,-", "12.500,00": dots (or spaces) group
# thousands and a comma starts øre, as Danes write amounts.
_AMOUNT_DKK = re.compile(
    r"^(?:kr\.?|dkk)?\s*(?P<sign>[-−])?\s*(?:kr\.?|dkk)?\s*"
    r"(?P<whole>\d{1,3}(?:[. ]\d{3})+|\d+)"
    r"(?:,(?P<ore>\d{1,2}|-{1,2}))?\s*(?:kr\.?|dkk|,-)?\.?$",
    re.IGNORECASE,
)


def parse_amount_dkk(text: str, field: str = "amount_dkk") -> int | None:
    """Whole kroner from what the user typed in Danish form; blank means no amount."""
    cleaned = text.strip().replace("\u00a0", " ")
    if not cleaned:
        return None
    match = _AMOUNT_DKK.match(cleaned)
    if match is None:
        raise ValidationError(
            _("Beløb: «{text}» er ikke et beløb i kroner (skriv fx 12.500).").format(
                text=cleaned[:40]
            ),
            field,
        )
    if match.group("sign"):
        raise ValidationError(_("Beløbet kan ikke være negativt."), field)
    ore = match.group("ore") or ""
    if ore.isdigit() and int(ore) != 0:
        raise ValidationError(_("Skriv beløbet i hele kroner (fx 12.500)."), field)
    digits = re.sub(r"[. ]", "", match.group("whole")).lstrip("0") or "0"
    # Checked before int(): Python refuses to convert more than 4,300 digits (a ValueError
    # that is not a refusal), and nobody asks for an amount with more digits than the limit.
    if len(digits) > len(str(MAX_AMOUNT_DKK)) or int(digits) > MAX_AMOUNT_DKK:
        raise ValidationError(_("Beløbet er for stort."), field)
    return int(digits)
