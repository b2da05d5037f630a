"""A national number (INSZ) where free text goes: a name, a note, a reference, a title, an id.

Art. 5 asks for a consultant's INSZ in its own key (`insz:`), which every output shows as its
last two digits only. Written anywhere else it is masked where the text is read (the text field
type, `models/fields.py`), so that no output shows it; this check says where it stands, so that
the author can take it out of the file. It reads the file's data as written, keys included;
never prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from convenant_cli.domain.insz import mask_in_text, national_numbers
from convenant_cli.domain.language import _
from convenant_cli.reading.source import INSZ_KEY

if TYPE_CHECKING:
    from convenant_cli.domain.diagnostics import Diagnostic
    from convenant_cli.models.document import LoadedDocument
    from convenant_cli.reading.events import KeyPath


def check_national_numbers(doc: LoadedDocument) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    pending: list[tuple[KeyPath, object]] = [((), doc.source.data)]
    while pending:
        path, value = pending.pop()
        if isinstance(value, dict):
            for key, item in value.items():
                if isinstance(key, str) and national_numbers(key):
                    found.append(_problem(doc, (*path, key), key, key=True))
                if key != INSZ_KEY:
                    pending.append(((*path, key), item))
        elif isinstance(value, list):
            pending += [((*path, index), item) for index, item in enumerate(value)]
        elif isinstance(value, str) and national_numbers(value):
            found.append(_problem(doc, path, value))
    return sorted(found, key=lambda d: d.location.order)


def _problem(doc: LoadedDocument, path: KeyPath, text: str, *, key: bool = False) -> Diagnostic:
    numbers = ", ".join(mask_in_text(number) for number in national_numbers(text))
    return doc.problem("CV219", _("a national number (INSZ) in free text, masked in every output: {numbers}")
                       .format(numbers=numbers), path,
                       _("an INSZ goes in a consultant's `insz:` only; take it out of this text"), key=key)
