"""A workbook file judged before a byte of its XML is parsed: `convenant import` reads files
from outside, so a zip bomb, a sheet of a million rows, XML entities, macros or a password are
refused here, each with a clear reason, in bounded work.

What is checked, in this order, from the zip's own directory and the first bytes of each part
(zipfile stops a part at the size its directory declares, so the declared sizes bound the work):
the file's size; an OLE file (a password-protected workbook, or an old .xls); a zip at all;
the number of parts, each part's and all parts' inflated size and compression ratio; macros
(a `vbaProject.bin`, a macro-enabled content type); a DTD in any XML part's prolog (entities);
each sheet's declared dimension, rows and cells; then the rows each sheet really holds (its
row elements and their numbers, counted in the inflated XML with one bounded pattern, up to the
first row past the limit), so that a sheet that hides its size or lies about it is refused by
its name before openpyxl reads a row. openpyxl then parses with defusedxml, which refuses
entities again. A damaged zip stream is refused here too. Raises `InputError`; never prints.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
import zlib
from pathlib import Path

from convenant_cli.domain.errors import InputError, os_reason
from convenant_cli.domain.language import _

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_PARTS = 500
MAX_PART_BYTES = 16 * 1024 * 1024  # one sheet of an eindrapport of a whole generation is well under 1 MiB
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_RATIO = 200  # XML compresses about 10:1; a bomb by thousands to one
MAX_ROWS = 20_000  # a generation's eindrapport has a few hundred rows a sheet
MAX_CELLS = 400_000
OLE = b"\xd0\xcf\x11\xe0"
_DIMENSION = re.compile(rb'<dimension ref="[A-Z]{1,3}[0-9]{1,7}(?::([A-Z]{1,3})([0-9]{1,7}))?"')
_PROLOG_BYTES = 4096
# a row element, with or without a namespace prefix (`<row r="7" ...>`, `<x:row>`), not `<rowBreaks>`
_ROW = re.compile(rb"<(?:[A-Za-z_][A-Za-z0-9_.-]{0,30}:)?row(?=[\s>/])([^>]{0,1000})")
_ROW_NUMBER = re.compile(rb'\br="([0-9]{1,10})"')
_DAMAGED = (zipfile.BadZipFile, NotImplementedError, OSError, EOFError, zlib.error)


def check_workbook_file(path: Path) -> None:
    """Refuse a file that is no workbook to read, or one that would cost more than an
    eindrapport can (`InputError`, exit 2)."""
    name = str(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            magic = file.read(4)
    except OSError as error:
        raise InputError(_("{path}: cannot read ({reason})").format(path=name, reason=os_reason(error))) from None
    if size > MAX_WORKBOOK_BYTES:
        raise InputError(_("{path}: larger than {limit} MiB; not a filled-in eindrapport")
                         .format(path=name, limit=MAX_WORKBOOK_BYTES // 1024 // 1024),
                         _("check that it is the workbook `convenant new realisation --xlsx` wrote"))
    if magic == OLE:
        raise InputError(_("{path}: a password-protected workbook, or an old Excel file (.xls)").format(path=name),
                         _("open it in Excel and save it as an Excel workbook (.xlsx) without a password"))
    try:
        with zipfile.ZipFile(path) as archive:
            _check_parts(name, archive)
    except zipfile.BadZipFile:
        raise InputError(_("{path}: not an Excel workbook (.xlsx)").format(path=name),
                         _("save it as an Excel workbook")) from None


def _check_parts(name: str, archive: zipfile.ZipFile) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise InputError(_("{path}: holds {count} parts; an eindrapport workbook holds a few dozen")
                         .format(path=name, count=len(parts)))
    total = 0
    for part in parts:
        total += part.file_size
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > MAX_PART_BYTES or total > MAX_UNPACKED_BYTES or \
                (ratio > MAX_RATIO and part.file_size > 1024 * 1024):
            raise InputError(_("{path}: unpacks to more than an eindrapport workbook can hold ({part})")
                             .format(path=name, part=part.filename),
                             _("an eindrapport workbook is a few megabytes; check that it is the right file"))
        lower = part.filename.lower()
        if lower.endswith("vbaproject.bin"):
            raise _macros(name)
    content_types = _read_start(archive, "[Content_Types].xml")
    if b"macroEnabled" in content_types:
        raise _macros(name)
    for part in parts:
        if part.filename.lower().endswith((".xml", ".rels")):
            _check_xml(name, archive, part)
    sheets = None
    for part in parts:
        if part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml"):
            rows = _rows_held(archive, part.filename)
            if rows > MAX_ROWS:
                sheets = sheets if sheets is not None else sheet_names(archive)
                raise _too_many_rows(name, sheets.get(part.filename, part.filename), rows)


def _macros(name: str) -> InputError:
    return InputError(_("{path}: a workbook with macros; a workbook from outside is never opened with its macros")
                      .format(path=name),
                      _("save it as an Excel workbook (.xlsx), which holds no macros"))


def _read_start(archive: zipfile.ZipFile, part: str) -> bytes:
    try:
        with archive.open(part) as file:
            return file.read(_PROLOG_BYTES)
    except KeyError:
        return b""
    except _DAMAGED:
        raise _damaged(archive, part) from None


def _damaged(archive: zipfile.ZipFile, part: str) -> InputError:
    """A part that cannot be inflated (a flipped bit, a cut file: zlib's error, a CRC mismatch)."""
    return InputError(_("{path}: the part {part} is damaged, or compressed in a way convenant does not read")
                      .format(path=archive.filename, part=part), _("open it in Excel and save it again"))


def _rows_held(archive: zipfile.ZipFile, part: str) -> int:
    """The rows a sheet holds: its row elements, or its highest row number when that is more
    (rows between are empty, and a reader still walks them); counted no further than the first
    row past `MAX_ROWS`. The part's inflated size was bounded before."""
    try:
        with archive.open(part) as file:
            data = file.read(MAX_PART_BYTES + 1)
    except _DAMAGED:
        raise _damaged(archive, part) from None
    count = highest = 0
    for found in _ROW.finditer(data):
        count += 1
        number = _ROW_NUMBER.search(found.group(1))
        if number is not None:
            highest = max(highest, int(number.group(1)))
        if count > MAX_ROWS or highest > MAX_ROWS:
            break
    return max(count, highest)


def _too_many_rows(name: str, sheet: str, rows: int) -> InputError:
    return InputError(_("{path}: the sheet {sheet} holds more than {limit} rows; an eindrapport holds at most "
                        "{limit} rows a sheet").format(path=name, sheet=sheet, limit=_thousands(MAX_ROWS)),
                      _("check that it is the workbook `convenant new realisation --xlsx` wrote"))


def _thousands(number: int) -> str:
    """
    >>> _thousands(20000)
    '20 000'
    """
    return f"{number:_}".replace("_", " ")


_SHEET = re.compile(rb'<(?:[A-Za-z_][A-Za-z0-9_.-]{0,30}:)?sheet\s[^>]{0,2000}')
_ATTRIBUTE = re.compile(rb'([A-Za-z_:][A-Za-z0-9_.:-]{0,60})="([^"]{0,1000})"')
_RELATIONSHIP = re.compile(rb"<(?:[A-Za-z_][A-Za-z0-9_.-]{0,30}:)?Relationship\s[^>]{0,2000}")


def sheet_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet part's sheet name (`xl/worksheets/sheet4.xml` -> `Afwezigheden`), from the
    workbook's list of sheets and its relationships; {} where they cannot be read."""
    from html import unescape

    try:
        with archive.open("xl/workbook.xml") as file:
            book = file.read(MAX_PART_BYTES + 1)
        with archive.open("xl/_rels/workbook.xml.rels") as file:
            links = file.read(MAX_PART_BYTES + 1)
    except (KeyError, *_DAMAGED):
        return {}
    targets = {}
    for found in _RELATIONSHIP.finditer(links):
        attributes = dict(_ATTRIBUTE.findall(found.group(0)))
        target = attributes.get(b"Target", b"").decode("utf-8", "replace")
        part = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
        targets[attributes.get(b"Id", b"")] = part
    names = {}
    for found in _SHEET.finditer(book):
        attributes = {key.rsplit(b":", 1)[-1]: value for key, value in _ATTRIBUTE.findall(found.group(0))}
        part = targets.get(attributes.get(b"id", b""))
        if part is not None and b"name" in attributes:
            names[part] = unescape(attributes[b"name"].decode("utf-8", "replace"))
    return names


def _check_xml(name: str, archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """No DTD (so no entity) before the root element; a sheet's declared size within bounds."""
    start = _read_start(archive, part.filename)
    if b"<!DOCTYPE" in start.upper() or b"<!ENTITY" in start.upper():
        raise InputError(_("{path}: the part {part} declares XML entities; they are never expanded")
                         .format(path=name, part=part.filename),
                         _("a workbook saved by Excel or LibreOffice has none; save it again"))
    if not part.filename.startswith("xl/worksheets/"):
        return
    found = _DIMENSION.search(start)
    if found is None or found.group(1) is None:
        return  # no dimension: its rows are counted (`_rows_held`)
    rows = int(found.group(2))
    columns = column_number(found.group(1).decode("ascii"))
    if rows > MAX_ROWS or rows * columns > MAX_CELLS:
        sheet = sheet_names(archive).get(part.filename, part.filename)
        message = _("{path}: the sheet {sheet} declares {rows} rows; an eindrapport holds at most {limit} rows a sheet")
        if rows <= MAX_ROWS:
            message = _("{path}: the sheet {sheet} declares {cells} cells; an eindrapport holds at most {limit} cells "
                        "a sheet")
        raise InputError(message.format(path=name, sheet=sheet, rows=_thousands(rows),
                                        cells=_thousands(rows * columns),
                                        limit=_thousands(MAX_ROWS if rows > MAX_ROWS else MAX_CELLS)),
                         _("check that it is the workbook `convenant new realisation --xlsx` wrote"))


def column_number(letters: str) -> int:
    """
    >>> column_number("A"), column_number("I"), column_number("XFD")
    (1, 9, 16384)
    """
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - ord("A") + 1
    return number
