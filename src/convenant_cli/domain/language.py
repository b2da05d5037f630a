"""The language of every message a person reads: Dutch by default, English on request.

Messages are written in English in the code (the msgid) and marked for the catalogue:
`_()` translates at once, `N_()` only marks a text that is translated where it is shown
(a help text, a constant built at import), `ngettext()` chooses a plural. The Dutch
catalogue (`convenant_cli/locale/nl/LC_MESSAGES/convenant.mo`, compiled from the `.po`
beside it) loads with the first message, so that a run without a message never reads it.
Codes, YAML and JSON keys and JSON values are vocabulary, not messages: never translated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from gettext import NullTranslations

LANGUAGES = ("nl", "en")
DEFAULT = "nl"
DOMAIN = "convenant"
ENVIRONMENT = "CONVENANT_LANG"

_language = DEFAULT
_catalogue: NullTranslations | None = None
_unread: str | None = None  # why the catalogue could not be read: the CLI says it once


def set_language(code: str) -> None:
    """Speak `code` (one of `LANGUAGES`) from now on."""
    global _language, _catalogue, _unread
    if code not in LANGUAGES:
        raise ValueError(code)
    if code != _language or _unread is not None:  # a catalogue that could not be read is tried again
        _language, _catalogue, _unread = code, None, None


def language() -> str:
    return _language


def catalogue_folder() -> str:
    """Where the compiled catalogues are (`locale/<language>/LC_MESSAGES/convenant.mo`)."""
    from pathlib import Path

    return str(Path(__file__).parent.parent / "locale")


def unread_catalogue() -> str | None:
    """Why this run's catalogue could not be read (missing, damaged), or None: the messages are
    then the English source text."""
    return _unread


def _translations() -> NullTranslations:
    global _catalogue, _unread
    if _catalogue is None:
        import gettext

        if _language == "en":  # the msgids are the English text
            _catalogue = gettext.NullTranslations()
        else:
            from pathlib import Path

            from convenant_cli.domain.catalogue import Catalogue

            found = Path(catalogue_folder()) / _language / "LC_MESSAGES" / f"{DOMAIN}.mo"
            try:  # looked up one message at a time, not read whole (`domain/catalogue.py`)
                _catalogue = Catalogue(found.read_bytes())
            except Exception as error:  # missing (OSError), or damaged (ValueError, struct.error)
                _unread = type(error).__name__
                _catalogue = gettext.NullTranslations()
    return _catalogue


def _(message: str) -> str:
    """`message` in the current language.

    >>> set_language("nl"); _("hint:")
    'tip:'
    >>> set_language("en"); _("hint:")
    'hint:'
    """
    return _translations().gettext(message)


def ngettext(singular: str, plural: str, number: int) -> str:
    """The singular or plural of a message, as `number` asks, in the current language."""
    return _translations().ngettext(singular, plural, number)


def N_(message: str) -> str:
    """Mark `message` for the catalogue; it is translated with `_()` where it is shown."""
    return message
