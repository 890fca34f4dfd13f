"""The one place that says, in Danish, why the operating system or SQLite refused something.

Python's own texts (`strerror`, `str(exc)`) are English ("File name too long")
and may quote a path or, for a database error, the values being saved. Every
message the user sees names the reason through `describe_os_error` or
`describe_failure` instead.
"""

from __future__ import annotations

import errno
import sqlite3

from facilitator.i18n import N_, _

_OS_REASONS: dict[int, str] = {
    errno.ENAMETOOLONG: N_("Filnavnet er for langt"),
    errno.EROFS: N_("Disken er skrivebeskyttet"),
    errno.ENOSPC: N_("Disken er fuld"),
    errno.EACCES: N_("Adgang nægtet"),
    errno.EPERM: N_("Adgang nægtet"),
    errno.ENOENT: N_("Filen eller mappen findes ikke"),
    errno.EISDIR: N_("Det er en mappe"),
    errno.ENOTDIR: N_("Ikke en mappe (en del af stien er en fil)"),
    errno.EEXIST: N_("Filen findes allerede"),
    errno.ENOTEMPTY: N_("Mappen er ikke tom"),
    errno.EBUSY: N_("Filen eller mappen er i brug af et andet program"),
    errno.ETXTBSY: N_("Filen er i brug af et andet program"),
    errno.ELOOP: N_("Stien har for mange genveje (symbolske links)"),
    errno.EMFILE: N_("Der er for mange åbne filer"),
    errno.ENFILE: N_("Der er for mange åbne filer"),
    errno.EIO: N_("Disken kunne ikke læses eller skrives (ind- og uddatafejl)"),
    errno.EXDEV: N_("Filen kan ikke flyttes til et andet drev"),
    errno.EINVAL: N_("Ugyldigt filnavn eller ugyldig handling"),
    errno.ENODEV: N_("Drevet findes ikke (er det taget ud?)"),
    errno.ENXIO: N_("Drevet findes ikke (er det taget ud?)"),
    errno.EFBIG: N_("Filen er for stor"),
    errno.ENOMEM: N_("Der er ikke hukommelse nok"),
    errno.ENOLCK: N_("Filen kan ikke låses på dette drev"),
    errno.ETIMEDOUT: N_("Drevet svarede ikke i tide"),
    errno.EAGAIN: N_("Filen er låst af et andet program"),
}
# Only where the platform has them (Windows lacks some).
for _name, _text in (
    ("EDQUOT", N_("Din plads på disken er brugt op (kvote)")),
    ("ESTALE", N_("Netværksdrevet svarer ikke længere")),
    ("EOPNOTSUPP", N_("Drevet understøtter ikke handlingen")),
    ("ENOTSUP", N_("Drevet understøtter ikke handlingen")),
):
    if hasattr(errno, _name):
        _OS_REASONS[getattr(errno, _name)] = _text

# SQLite's primary result codes (the low byte of `sqlite_errorcode`).
_SQLITE_REASONS: dict[int, str] = {
    3: N_("Adgang nægtet"),  # SQLITE_PERM
    5: N_("Databasen er optaget af et andet program"),  # SQLITE_BUSY
    6: N_("Databasen er låst"),  # SQLITE_LOCKED
    7: N_("Der er ikke hukommelse nok"),  # SQLITE_NOMEM
    8: N_("Databasen er skrivebeskyttet"),  # SQLITE_READONLY
    10: N_("Disken kunne ikke læses eller skrives (ind- og uddatafejl)"),  # SQLITE_IOERR
    11: N_("Databasefilen er beskadiget"),  # SQLITE_CORRUPT
    13: N_("Disken er fuld"),  # SQLITE_FULL
    14: N_("Databasefilen kan ikke åbnes"),  # SQLITE_CANTOPEN
    15: N_("Databasen kan ikke låses"),  # SQLITE_PROTOCOL
    19: N_("Ændringen bryder en regel i databasen"),  # SQLITE_CONSTRAINT
    23: N_("Adgang nægtet"),  # SQLITE_AUTH
    26: N_("Filen er ikke en database"),  # SQLITE_NOTADB
}


def describe_os_error(exc: OSError) -> str:
    """Why the operating system refused, as a short Danish phrase (never its English text)."""
    number = exc.errno
    reason = _OS_REASONS.get(number) if number is not None else None
    if reason is not None:
        return _(reason)
    if number is None:
        return _("Styresystemet afviste handlingen (uden fejlkode)")
    return _("Styresystemet afviste handlingen (fejlkode {number})").format(number=number)


def describe_sqlite_error(exc: sqlite3.Error) -> str:
    """Why SQLite refused, as a short Danish phrase (never its English text)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        reason = _SQLITE_REASONS.get(code & 0xFF)
        if reason is not None:
            return _(reason)
        return _("Databasen afviste handlingen (SQLite-fejlkode {code})").format(code=code)
    # Older Pythons and some errors carry no code: recognise the common texts.
    text = str(exc).lower()
    for words, code in (("malformed", 11), ("not a database", 26), ("readonly", 8),
                        ("read-only", 8), ("full", 13), ("locked", 5), ("unable to open", 14)):
        if words in text:
            return _(_SQLITE_REASONS[code])
    return _("Databasen afviste handlingen")


def describe_failure(exc: BaseException) -> str:
    """A Danish phrase for any failure: an OS error, a SQLite error (also wrapped), or another."""
    if isinstance(exc, OSError):
        return describe_os_error(exc)
    if isinstance(exc, sqlite3.Error):
        return describe_sqlite_error(exc)
    inner = getattr(exc, "orig", None)  # SQLAlchemy wraps the driver's error
    if isinstance(inner, BaseException) and inner is not exc:
        return describe_failure(inner)
    # Only the kind: an exception's own text is English and may quote what was being saved.
    return _("Uventet fejl ({kind})").format(kind=type(exc).__name__)
