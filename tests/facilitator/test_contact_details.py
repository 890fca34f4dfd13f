"""E-mail addresses, phone and CPR numbers never leave the app; ordinary numbers do."""

from __future__ import annotations

import pytest

from facilitator.domain.anonymise import REDACTED, Redactor
from facilitator.domain.contact_details import contact_spans
from facilitator.services.privacy_erase import Eraser, ErasureTarget

# No one on record: contact details are hidden all the same.
NOBODY = Redactor([])


@pytest.mark.parametrize(
    "contact",
    [
        # E-mail, also with a name in it, a tag, a subdomain, letters beyond ASCII.
        "olena.kovalenko@gmail.com",
        "anna_holm@kommune.dk",
        "anna.holm+borgermode@kommune.dk",
        "jens@mail.syddjurs.dk",
        "søren@bøgely.dk",
        "OLE.HANSEN@EXAMPLE.ORG",
        "o'brien@example.ie",
        # Danish phone numbers in every usual grouping, with or without +45 / 0045 / (+45).
        "12345678",
        "12 34 56 78",
        "1234 5678",
        "12-34-56-78",
        "1234-5678",
        "12\u00a034\u00a056\u00a078",  # no-break spaces, as a word processor writes them
        "+4512345678",
        "+45 12345678",
        "+45 12 34 56 78",
        "+45-12-34-56-78",
        "0045 12 34 56 78",
        "0045 1234 5678",
        "(+45) 12 34 56 78",
        "(+45)12345678",
        # International numbers.
        "+48 601 234 567",
        "+48 601-234-567",
        "+380 44 123 4567",
        "+380441234567",
        "0049 30 1234567",
        "0049 30/1234567",
        "+44 (0)20 7946 0958",
        "+1 (555) 123-4567",
        # CPR numbers, with and without the hyphen, also one failing the modulus-11 check.
        "010180-1234",
        "0101801234",
        "311299-4321",
        "150655-0001",
    ],
)
@pytest.mark.parametrize("template", ["{}", "Kontakt: {}.", "({})", "tlf. {}, hverdage", "«{}»"])
def test_every_form_is_removed(contact: str, template: str) -> None:
    text = template.format(contact)
    out = NOBODY(text)
    assert out == template.format(REDACTED), (text, out)


@pytest.mark.parametrize(
    "text",
    [
        # Amounts.
        "Tilskud på 25.000 kr. til materialer",
        "Budget 1.250.000 kr i alt",
        "kr. 12 500 til shelteret",
        "12 500 000 kr over fem år",
        "Et lån på 12500000 kr",
        "kr. 12345678 fra fonden",
        "Prisen er 2.500,50 kr.",
        "1 250 000 kroner",
        "10.000.000.000 kr",
        "99,5 mio kr",
        # Years, periods and dates.
        "I 2026 bygger vi",
        "Mødet er 1. maj 2026",
        "Den 12.05.2026 kl. 19",
        "Fra 2026-05-12 til 2026-06-01",
        "12-05-2026",
        "Planen for 2025-2026",
        "Perioden 2025 2026",
        "31/12/2026",
        # Times.
        "Vi mødes kl. 19.30",
        "kl. 19:30-21:30",
        "kl. 1930-2130",
        # Addresses, house numbers, postcodes.
        "Strandvejen 12, 8420 Knebel",
        "Strandvejen 12 8420 Knebel",
        "Postboks 101, 8400 Ebeltoft",
        # Percentages, idea numbers, counts, areas, local plans.
        "85 % af borgerne",
        "Idé 12 og idé 13",
        "Idé nr. 123",
        "34 deltagere, 2.500 m²",
        "Lokalplan 12-345",
        "Version 1.2.3",
        # Numbers too long or too short for a phone or CPR number.
        "Sag 123456789",
        "1234567",
        "320180-1234",  # no 32nd day: not a CPR number
        "011380-1234",  # no 13th month
        # An @ without an address.
        "Mød os @ forsamlingshuset",
        "Følg @kommunen",
    ],
)
def test_ordinary_numbers_are_kept(text: str) -> None:
    assert NOBODY(text) == text
    assert contact_spans(text) == []


def test_contacts_are_removed_next_to_hidden_names() -> None:
    redact = Redactor(["Jens Bødker"], shown=["Karen Vestergaard"])
    text = ("Jens Bødker (jens.bodker@gmail.com, 20 30 40 50) og Karen Vestergaard "
            "(karen@example.org) - budget 25.000 kr.")
    assert redact(text) == "[…] ([…], […]) og Karen Vestergaard ([…]) - budget 25.000 kr."


def test_an_address_holding_a_name_is_removed_whole() -> None:
    """No piece of the address survives around the hidden name."""
    assert Redactor(["Olena Kovalenko"])("olena.kovalenko@gmail.com") == REDACTED


def test_erasure_removes_only_the_persons_own_contact() -> None:
    """Erasing one person must not rewrite every other phone number in the project."""
    import uuid

    target = ErasureTarget(uuid.uuid4(), uuid.uuid4(), "Jens Bødker", "20 30 40 50", "[x]")
    erase = Eraser(target, ["Karen Vestergaard"], ["Knebel"])
    assert erase("Ring til Karen på 12 34 56 78") is None
    assert erase("Jens (20 30 40 50) og Karen (12 34 56 78)") == "[x] ([x]) og Karen (12 34 56 78)"


def test_erasure_takes_any_address_that_holds_part_of_the_name() -> None:
    """A free-text address the person was never registered with still names them."""
    import uuid

    target = ErasureTarget(uuid.uuid4(), uuid.uuid4(), "Olena Kovalenko", "", "[x]")
    erase = Eraser(target, ["Karen Vestergaard"], ["Knebel"])
    assert erase("skriv til kovalenko.o@gmail.com i dag") == "skriv til [x] i dag"
    assert erase("skriv til olenak@mail.dk") == "skriv til [x]"
    assert erase("skriv til OLENA_K@mail.dk eller karen@mail.dk") == "skriv til [x] eller karen@mail.dk"
    assert erase("skriv til karen@mail.dk") is None
