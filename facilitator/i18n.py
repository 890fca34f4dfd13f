"""The one translation function for every string a user sees (UI and reports).

Source strings are written in Danish, the app's language; other languages are
gettext catalogues under resources/locale/<lang>/LC_MESSAGES/facilitator.mo,
extracted and compiled with Babel. Without a catalogue the Danish text shows.
"""

from __future__ import annotations

import gettext as _gettext

from facilitator.paths import resource

DOMAIN = "facilitator"
DEFAULT_LANGUAGE = "da"
# The languages a brief or notice can be written in.
LANGUAGES = ("da", "en")

_translation: _gettext.NullTranslations = _gettext.NullTranslations()
_language = DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    """Switch every later `_()` call to `language` ("da" needs no catalogue)."""
    global _translation, _language
    _language = language
    _translation = translation_for(language)


def translation_for(language: str) -> _gettext.NullTranslations:
    """The catalogue for `language`, falling back to the Danish source strings."""
    if language == DEFAULT_LANGUAGE:
        return _gettext.NullTranslations()
    return _gettext.translation(
        DOMAIN, localedir=str(resource("locale")), languages=[language], fallback=True
    )


def current_language() -> str:
    """The language in use."""
    return _language


def _(message: str) -> str:
    """Translate a user-visible string."""
    return _translation.gettext(message)


def N_(message: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a string for translation without translating it now (looked up later)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a string that depends on a count."""
    return _translation.ngettext(singular, plural, n)
