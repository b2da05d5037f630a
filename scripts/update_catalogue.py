"""The message catalogue: every message of the code (marked `_()`, `N_()` or `ngettext()`)
with its Dutch translation, in `src/convenant_cli/locale/nl/LC_MESSAGES/convenant.po`, and
the compiled `convenant.mo` beside it that the tool reads.

Babel extracts the messages. Run as a script, this brings the `.po` up to date with the
code (a new message gets an empty translation, a message no longer in the code is dropped,
every translation kept) and compiles the `.mo`; fill in the empty translations and run it
again. `tests/unit/test_catalogue.py` fails until every message has its translation and
the `.mo` is compiled from the `.po`.

    python scripts/update_catalogue.py
"""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "convenant_cli"
PO = PACKAGE / "locale" / "nl" / "LC_MESSAGES" / "convenant.po"
MO = PO.with_suffix(".mo")
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
HEADER = ("# The Dutch messages of convenant, its default language.\n"
          "# Brought up to date by scripts/update_catalogue.py.")


def extracted() -> dict[str | tuple[str, str], list[str]]:
    """Every message in the code: its msgid (a pair for a plural), and where it is used."""
    found: dict[str | tuple[str, str], list[str]] = {}
    for filename, line, message, _comments, _context in extract_from_dir(
            PACKAGE, method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=()):
        key = message if isinstance(message, str) else tuple(message)
        found.setdefault(key, []).append(f"{filename}:{line}")  # type: ignore[arg-type]
    return found


def read_catalogue(path: Path = PO) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale="nl")


def updated(catalogue: Catalog, messages: dict[str | tuple[str, str], list[str]]) -> Catalog:
    """The catalogue with exactly the code's messages, their translations kept."""
    fresh = Catalog(locale="nl", domain="convenant", project="convenant", version="1", fuzzy=False,
                    header_comment=HEADER, msgid_bugs_address="-", creation_date=catalogue.creation_date,
                    revision_date=catalogue.revision_date, language_team="convenant", last_translator="convenant")
    for key in sorted(messages, key=lambda k: k if isinstance(k, str) else k[0]):
        old = catalogue.get(key if isinstance(key, str) else key[0])
        empty: str | tuple[str, str] = "" if isinstance(key, str) else ("", "")
        # a message that became a plural (or stopped being one) is translated anew
        same_form = old is not None and isinstance(old.string, str) == isinstance(key, str)
        string = old.string if old is not None and same_form else empty
        fresh.add(key, string)
    return fresh


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, width=0, omit_header=False, no_location=True, sort_output=True)
    return out.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def main() -> int:
    first = datetime(2026, 11, 29, tzinfo=UTC)  # a new catalogue's dates: fixed, so that a run changes no date
    old = read_catalogue() if PO.exists() else Catalog(locale="nl", creation_date=first, revision_date=first)
    catalogue = updated(old, extracted())
    PO.parent.mkdir(parents=True, exist_ok=True)
    PO.write_bytes(po_bytes(catalogue))
    written = read_catalogue()  # the .mo is compiled from the .po as the test reads it
    MO.write_bytes(mo_bytes(written))
    empty = [m.id for m in written if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
    for message in empty:
        print(f"no translation yet: {message!r}", file=sys.stderr)
    return 1 if empty else 0


if __name__ == "__main__":
    sys.exit(main())
