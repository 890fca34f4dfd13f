"""Amounts typed the Danish way: dots group thousands, a comma starts øre."""

from __future__ import annotations

import pytest

from facilitator.domain.validation import MAX_AMOUNT_DKK, ValidationError, parse_amount_dkk


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.500", 12500),
        ("12500", 12500),
        ("12500 kr.", 12500),
        ("12.500 kr", 12500),
        ("kr. 12.500,-", 12500),
        ("12.500,00", 12500),
        ("12 500", 12500),
        ("12\u00a0500 kr.", 12500),
        ("1.000.000", 1_000_000),
        ("DKK 300", 300),
        ("0", 0),
        ("", None),
        ("   ", None),
    ],
)
def test_danish_amounts_are_read_as_whole_kroner(text, expected):
    assert parse_amount_dkk(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("abc", "Beløb: «abc» er ikke et beløb i kroner (skriv fx 12.500)."),
        ("12.5", "Beløb: «12.5» er ikke et beløb i kroner (skriv fx 12.500)."),
        ("12,500", "Beløb: «12,500» er ikke et beløb i kroner (skriv fx 12.500)."),
        ("1.2345", "Beløb: «1.2345» er ikke et beløb i kroner (skriv fx 12.500)."),
        ("-500", "Beløbet kan ikke være negativt."),
        ("−500 kr.", "Beløbet kan ikke være negativt."),
        ("12.500,50", "Skriv beløbet i hele kroner (fx 12.500)."),
        (str(MAX_AMOUNT_DKK + 1), "Beløbet er for stort."),
    ],
)
def test_other_input_is_refused_in_danish(text, message):
    with pytest.raises(ValidationError) as refused:
        parse_amount_dkk(text)
    assert refused.value.message == message
    assert refused.value.field == "amount_dkk"
