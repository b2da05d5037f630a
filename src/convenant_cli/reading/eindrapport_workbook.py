"""An eindrapport workbook opened for reading: the agreement its sheet Convenant names (by id
and SHA-256, never by a path), and the rows of each sheet as cells, checked against the
headers of the file format (`eindrapport_format.py`).

A workbook is input from outside: `check_workbook_file` judges the file before a byte of its
XML is parsed; openpyxl then reads it lazily, with defusedxml, a sheet as it is iterated.
Every row the sheet holds is read, whatever its declared dimension says (Excel, LibreOffice
and openpyxl outside read-only mode show them all), and no more columns than the format has.
A formula is refused (never evaluated), and so is an error value. A damaged part met while reading is an `InputError`
naming the file; what openpyxl warns about is counted, never printed raw. Never prints.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, TypeVar

from convenant_cli.domain.errors import InputError
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import N_, _
from convenant_cli.reading.eindrapport_facts import AgreementOutline, Facts
from convenant_cli.reading.eindrapport_format import (
    ABSENCES,
    ADVANCES,
    AGREEMENT,
    CONSULTANTS,
    COSTS,
    FORMER_HEADERS,
    FORMER_SHEETS,
    ID_LABEL,
    INSZ,
    RESULTS,
    SHA256_LABEL,
    SHEETS,
)
from convenant_cli.reading.workbook_cells import Cell, Reading, Row
from convenant_cli.reading.workbook_file import MAX_ROWS, check_workbook_file

if TYPE_CHECKING:
    from openpyxl.workbook.workbook import Workbook

T = TypeVar("T")
FORMAT_HINT = N_("use the workbook `convenant new realisation --xlsx` writes")
_LABEL_ROWS = 3  # the labels of the sheet Convenant stand in its first rows


@dataclass(frozen=True, kw_only=True)
class NamedAgreement:
    """The agreement a workbook names: its id, and the SHA-256 of the file it was written from."""

    id: str
    sha256: str


class EindrapportBook:
    """An open workbook: its sheets' rows, and the warnings openpyxl gave while reading them."""

    def __init__(self, book: Workbook, path: Path, reading: Reading) -> None:
        self._book, self._path, self._reading = book, path, reading
        self.library_warnings = 0

    def named(self) -> NamedAgreement | None:
        """The agreement's id and SHA-256 from the sheet Convenant; None (a problem told) when
        the sheet or its Id is missing."""
        reading = self._reading
        if AGREEMENT not in self._book.sheetnames:
            reading.problem("CV102", AGREEMENT, _("the sheet {sheet} (the agreement's Id and SHA-256) is missing")
                            .format(sheet=AGREEMENT), _(FORMAT_HINT))
            return None
        labels: dict[str, Cell] = {}
        for number, row in enumerate(self._guarded(self._book[AGREEMENT].iter_rows(max_row=_LABEL_ROWS, max_col=2)),
                                     1):
            if len(row) == 2 and isinstance(row[0].value, str):
                labels[row[0].value.strip()] = Cell(AGREEMENT, number, 2, row[1].value, _kind(row[1]))
        found = {label: labels[label].value for label in (ID_LABEL, SHA256_LABEL) if label in labels}
        identifier, sha256 = found.get(ID_LABEL), found.get(SHA256_LABEL)
        if not isinstance(identifier, str) or not identifier.strip():
            reading.problem("CV102", AGREEMENT, _("the sheet {sheet} has no {label} (the agreement's id)")
                            .format(sheet=AGREEMENT, label=ID_LABEL), _(FORMAT_HINT))
            return None
        return NamedAgreement(id=identifier.strip(), sha256=sha256.strip() if isinstance(sha256, str) else "")

    def rows(self, sheet: str) -> Iterator[Row]:
        """Each row of `sheet` below its headers, as cells by header; a formula is refused at
        its cell. A missing sheet, or headers other than the format's (or than a 0.6 workbook's,
        `FORMER_SHEETS`), is a problem."""
        headers = SHEETS[sheet]
        reading = self._reading
        if sheet not in self._book.sheetnames:
            reading.problem("CV102", sheet, _("the sheet {sheet} is missing").format(sheet=sheet), _(FORMAT_HINT))
            return
        worksheet = self._book[sheet]
        worksheet.reset_dimensions()  # its declared dimension may be shorter than its data: read every row
        rows = self._guarded(worksheet.iter_rows(min_row=1, max_col=len(headers)))
        first = next(rows, ())
        former = FORMER_HEADERS.get(sheet, {})
        found = tuple(former.get(text, text) for text in
                      (str(cell.value).strip() if cell.value is not None else "" for cell in first))
        earlier = FORMER_SHEETS.get(sheet)
        if earlier is not None and found[:len(earlier)] == earlier and not any(found[len(earlier):]):
            headers = earlier  # a 0.6 workbook's sheet: its own columns
        elif found != headers:
            reading.problem("CV101", sheet, _("the headers of {sheet} are not {headers}")
                                            .format(sheet=sheet, headers=", ".join(headers)),
                            _("keep the headers as `convenant new realisation --xlsx` writes them"))
            return
        columns = {header: index for index, header in enumerate(headers)}
        for number, row in enumerate(rows, 2):
            if number > MAX_ROWS:  # the file's check counted the rows; this bounds a sheet it could not count
                reading.problem("CV005", f"{sheet}!A{number}", _("more than {limit} rows")
                                .format(limit=f"{MAX_ROWS:_}".replace("_", " ")), row=number)
                return
            cells = [_typed_date(Cell(sheet, number, column, cell.value, _kind(cell)))
                     for column, cell in enumerate(row, 1)]
            cells += [Cell(sheet, number, column, None, "n") for column in range(len(cells) + 1, len(headers) + 1)]
            for cell in cells:
                if cell.kind == "f":
                    reading.at("CV103", cell, _("a formula; type the value itself"),
                               _("a workbook's formulas are never evaluated on import"))
                elif cell.kind == "e":  # an error value (#VALUE!), or a date serial past what a date can be
                    reading.at("CV103", cell, _("the cell holds an error value, not a value; type the value itself"))
                elif isinstance(cell.value, str) and headers[cell.column - 1] != INSZ:
                    _national_numbers(cell, reading)
            yield Row(cells, columns)

    def _guarded(self, rows: Iterator[T]) -> Iterator[T]:
        """The rows of a sheet as openpyxl parses them, a damaged part an `InputError`, and
        each warning it gives counted (said once, in the tool's words, by the caller)."""
        while True:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                try:
                    row = next(rows)
                except StopIteration:
                    return
                except Exception as error:  # openpyxl raises many kinds for a damaged sheet (bad XML, a broken
                    raise unreadable(self._path, error) from None  # zip stream, shared text out of range)
            self.library_warnings += len(caught)
            yield row


def _national_numbers(cell: Cell, reading: Reading) -> None:
    """A national number in a text cell: masked where it is read (`read_text`), and said here."""
    from convenant_cli.domain.insz import mask_in_text, national_numbers

    found = national_numbers(str(cell.value))
    if found:
        reading.problem("CV219", cell.where, _("a national number (INSZ) in free text, masked in every output: "
                                               "{numbers}").format(numbers=", ".join(map(mask_in_text, found))),
                        _("an INSZ goes in the column {column} of {sheet} only; take it out of this cell")
                        .format(column=INSZ, sheet=CONSULTANTS),
                        cell.row, cell.column)


# a date typed as =DATE(2024,1,8) (=DATUM(2024;1;8) in a Dutch spreadsheet, which the file
# stores in this one form): three whole numbers, read as written, never evaluated
_DATE_FORMULA = re.compile(r"=DATE\((\d{4}),(\d{1,2}),(\d{1,2})\)")


def _typed_date(cell: Cell) -> Cell:
    """A formula that only writes a day is that day; any other formula stays a formula (CV103)."""
    if cell.kind != "f" or not isinstance(cell.value, str):
        return cell
    found = _DATE_FORMULA.fullmatch(cell.value.replace(" ", "").upper())
    if found is None:
        return cell
    try:
        day = date(*(int(part) for part in found.groups()))
    except ValueError:
        return cell
    return Cell(cell.sheet, cell.row, cell.column, datetime(day.year, day.month, day.day), "d")


def _kind(cell: object) -> str:
    kind = getattr(cell, "data_type", "n")
    return kind if isinstance(kind, str) else "n"


def unreadable(path: Path, error: BaseException) -> InputError:
    """Why openpyxl could not read it, in a word: its own error wraps the parser's (`__cause__`)."""
    chain = [error]
    while chain[-1].__cause__ is not None and len(chain) < 10:
        chain.append(chain[-1].__cause__)
    if any(type(item).__module__.startswith("defusedxml") for item in chain):
        reason = _("XML entities, which are never expanded")
    elif any(isinstance(item, IndexError) for item in chain):
        reason = _("shared text out of range")
    elif any(type(item).__module__ == "zlib" or "CRC" in str(item) for item in chain):
        reason = _("a damaged compressed part")
    else:
        reason = type(chain[-1]).__name__
    return InputError(_("{path}: cannot read this workbook ({reason})").format(path=path, reason=reason),
                      _("open it in Excel and save it again"))


def _load(path: Path, handle: BinaryIO) -> tuple[Workbook, int]:
    """The workbook, parsed by openpyxl with defusedxml (entities refused), lazily; and how
    many warnings openpyxl gave. It reads from `handle`, which the caller closes whatever
    happens (openpyxl leaves its file open when it fails)."""
    import openpyxl.xml
    from openpyxl import load_workbook

    if not openpyxl.xml.DEFUSEDXML:  # defusedxml is a dependency; OPENPYXL_DEFUSEDXML=False turns it off
        raise InputError(_("{path}: not read, because openpyxl would parse it without defusedxml")
                         .format(path=path), _("unset OPENPYXL_DEFUSEDXML"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            book = load_workbook(handle, read_only=True, data_only=False)
        except Exception as error:  # openpyxl raises many kinds for a damaged file
            raise unreadable(path, error) from None
    return book, len(caught)


@contextmanager
def open_eindrapport(path: Path, reading: Reading) -> Iterator[EindrapportBook]:
    """The workbook at `path`, judged first (`check_workbook_file`), open while the caller reads it."""
    check_workbook_file(path)
    try:
        handle = path.open("rb")
    except OSError as error:
        raise unreadable(path, error) from None
    with handle:
        book, warned = _load(path, handle)
        opened = EindrapportBook(book, path, reading)
        opened.library_warnings = warned
        try:
            yield opened
        finally:
            book.close()


def read_facts(book: EindrapportBook, agreement: AgreementOutline, reading: Reading) -> Facts:
    """The facts of every sheet, read against the agreement; each problem in `reading`."""
    from convenant_cli.reading.eindrapport_costs import read_costs
    from convenant_cli.reading.eindrapport_payments import read_advances
    from convenant_cli.reading.eindrapport_results import read_results
    from convenant_cli.reading.eindrapport_staffing import read_absences, read_consultants

    facts = Facts()
    read_results(book.rows(RESULTS), reading, agreement, facts)
    consultants = read_consultants(book.rows(CONSULTANTS), reading, agreement, facts)
    if not agreement.has_fte and facts.consultants:
        reading.problem("CV514", CONSULTANTS, _("the addendum has no FTE, so there is no absence deduction; "
                                                "{sheet} and {sheet2} are not used")
                        .format(sheet=CONSULTANTS, sheet2=ABSENCES))
    elif agreement.has_fte:
        for number, name in agreement.beneficiaries.items():
            if number not in facts.consultants and number not in consultants.broken:
                reading.problem("CV508", CONSULTANTS, _("{name} ({number}) has no consultant in {sheet}: "
                                                        "taken as fully staffed, no deduction")
                                .format(name=name, number=format_enterprise_number(number), sheet=CONSULTANTS))
    read_absences(book.rows(ABSENCES), reading, agreement, consultants, facts)
    read_advances(book.rows(ADVANCES), reading, agreement, facts)
    read_costs(book.rows(COSTS), reading, agreement, consultants, facts)
    return facts
