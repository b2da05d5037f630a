"""A compiled message catalogue (`.mo`), looked up one message at a time.

A run shows a handful of messages out of thousands. `gettext.GNUTranslations` decodes every
entry of the file into a dict before the first lookup; this reads the file's two tables
in place instead, as GNU gettext does: the originals are stored sorted, so a message is
found by bisection, and only the messages shown are decoded. The file is the one Babel
compiles (`scripts/update_catalogue.py`); `tests/unit/test_catalogue.py` checks that every
message of the `.po` is found here with its translation, in both plural forms.
"""

from __future__ import annotations

import struct
from gettext import NullTranslations, c2py
from operator import add

LITTLE, BIG = 0x950412DE, 0xDE120495


class Catalogue(NullTranslations):
    """The translations of one `.mo` file; a message it does not hold is its own translation.
    A file that is no catalogue raises `ValueError` here, when it is opened."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        if len(data) < 20:
            raise ValueError("too short for a catalogue")
        magic = struct.unpack("<I", data[:4])[0]
        order = "<" if magic == LITTLE else ">" if magic == BIG else None
        if order is None:
            raise ValueError("not a catalogue")
        version, count, originals, translations = struct.unpack(f"{order}4I", data[4:20])
        if version >> 16 not in (0, 1) or max(originals, translations) + 8 * count > len(data) or count == 0:
            raise ValueError("a catalogue of an unknown version, or cut short")
        self._data, self._count = data, int(count)
        self._originals: tuple[int, ...] = struct.Struct(f"{order}{2 * count}I").unpack_from(data, originals)
        self._translations: tuple[int, ...] = struct.Struct(f"{order}{2 * count}I").unpack_from(data, translations)
        for table in (self._originals, self._translations):  # every entry inside the file
            if max(map(add, table[0::2], table[1::2])) > len(data):
                raise ValueError("an entry past the end of the catalogue")
        header = self._text(self._translations, 0)
        self._plural = c2py("n != 1")
        for line in header.splitlines():
            name, _, value = line.partition(":")
            if name.strip().lower() == "plural-forms":
                self._plural = c2py(value.split("plural=", 1)[1].strip().rstrip(";"))

    def _text(self, table: tuple[int, ...], index: int) -> str:
        length, offset = table[2 * index], table[2 * index + 1]
        return self._data[offset:offset + length].decode("utf-8", errors="replace")

    def _find(self, message: object) -> int | None:
        """The index of the entry whose original (its singular) is `message`, by bisection."""
        if not isinstance(message, str):  # as gettext's own: what is not a message is not found
            return None
        key = message.encode("utf-8")
        low, high = 1, self._count  # entry 0 is the header, the empty original
        while low < high:
            middle = (low + high) // 2
            length, offset = self._originals[2 * middle], self._originals[2 * middle + 1]
            original = self._data[offset:offset + length].split(b"\0", 1)[0]
            if original < key:
                low = middle + 1
            elif original > key:
                high = middle
            else:
                return middle
        return None

    def gettext(self, message: str) -> str:
        found = self._find(message)
        return message if found is None else self._text(self._translations, found).split("\0", 1)[0]

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        found = self._find(msgid1)
        if found is None:
            return msgid1 if n == 1 else msgid2
        forms = self._text(self._translations, found).split("\0")
        return forms[min(self._plural(n), len(forms) - 1)]

