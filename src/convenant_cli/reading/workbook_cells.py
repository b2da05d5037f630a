"""The cells of an eindrapport workbook as values, and their problems by sheet and cell.

A problem is located as a person finds it in the workbook: `eindrapport.xlsx:Afwezigheden!D7`
for a cell, `eindrapport.xlsx:Afwezigheden!row 7` for a whole row, `eindrapport.xlsx:Consulenten`
for a sheet. A cell that had a problem is marked, so that what depends on it (the consultant
of an absence, an employment's end) is not reported again as a second, different mistake.
Numbers are read to the cent from the number a spreadsheet stores (a double): its shortest
decimal text, never a binary float into a money figure; a number or a date typed as text is
refused with a tip that does not repeat the text. Never prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.identifiers import InvalidIdentifier, format_enterprise_number, validate_enterprise_number
from convenant_cli.domain.insz import mask_national_numbers
from convenant_cli.domain.language import N_, _


def cell_ref(column: int, row: int) -> str:
    """
    >>> cell_ref(4, 7), cell_ref(28, 2)
    ('D7', 'AB2')
    """
    letters = ""
    while column:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return f"{letters}{row}"


class Cell:
    """One cell as read: its value, where it is, and whether a problem was reported on it."""

    __slots__ = ("column", "kind", "reported", "row", "sheet", "value")

    def __init__(self, sheet: str, row: int, column: int, value: object, kind: str) -> None:
        self.sheet, self.row, self.column, self.value, self.kind = sheet, row, column, value, kind
        self.reported = False

    @property
    def where(self) -> str:
        return f"{self.sheet}!{cell_ref(self.column, self.row)}"

    @property
    def row_where(self) -> str:
        return f"{self.sheet}!" + _("row {row}").format(row=self.row)

    @property
    def empty(self) -> bool:
        """Nothing in it; a cell whose content was refused is not empty (it was reported)."""
        return not self.reported and (self.value is None or (isinstance(self.value, str) and not self.value.strip()))


class Row:
    """One row of a sheet, its cells by column header (`row[NAME]`)."""

    __slots__ = ("_columns", "cells")

    def __init__(self, cells: list[Cell], columns: Mapping[str, int]) -> None:
        self.cells, self._columns = cells, columns

    def __getitem__(self, header: str) -> Cell:
        return self.cells[self._columns[header]]

    def __contains__(self, header: str) -> bool:
        """The sheet has this column (a 0.6 workbook's sheet may have other columns)."""
        return header in self._columns

    @property
    def number(self) -> int:
        return self.cells[0].row

    @property
    def where(self) -> str:
        return self.cells[0].row_where

    @property
    def blank(self) -> bool:
        """Nothing in it, or only what was reported already."""
        return all(cell.empty or cell.reported for cell in self.cells)

    def origins(self, keys: Mapping[str, str]) -> dict[str, str]:
        """A record's cells: each key's (by its column's header, `keys`), and the row's (under "")."""
        return {"": self.where, **{key: self[header].where for key, header in keys.items()}}


LARGEST = Decimal(10) ** 12  # above every amount (999.999.999.999,99), FTE and count a file may hold
FIRST_DAY = date(1900, 3, 1)  # a spreadsheet's serial days are right from here on
MAX_SHOWN = 50  # problems shown per sheet: a sheet of wrong rows is told in a screenful, the rest counted


@dataclass(eq=False, kw_only=True)
class Reading:
    """The problems of one workbook, each at its sheet, cell or row."""

    name: str
    problems: list[Diagnostic] = field(default_factory=list)

    def shown(self) -> tuple[list[Diagnostic], dict[str, int]]:
        """The problems to print, at most `MAX_SHOWN` of each sheet in their order, and how many
        of each sheet are left out."""
        seen: dict[str, int] = {}
        shown = []
        for problem in self.problems:
            sheet = problem.location.file.removeprefix(f"{self.name}:").split("!", 1)[0]
            seen[sheet] = seen.get(sheet, 0) + 1
            if seen[sheet] <= MAX_SHOWN:
                shown.append(problem)
        return shown, {sheet: count - MAX_SHOWN for sheet, count in seen.items() if count > MAX_SHOWN}

    def problem(self, code: str, where: str, message: str, hint: str | None = None, row: int = 1,
                column: int = 1) -> None:
        self.problems.append(Diagnostic.of(code, message, Location(f"{self.name}:{where}", row, column), hint))

    def at(self, code: str, cell: Cell, message: str, hint: str | None = None) -> None:
        cell.reported = True
        self.problem(code, cell.where, message, hint, cell.row, cell.column)

    @property
    def errors(self) -> list[Diagnostic]:
        return [problem for problem in self.problems if problem.is_error]


def read_text(cell: Cell) -> str | None:
    """A cell's text, a national number in it masked (the sheet's rows warn where: CV219)."""
    if cell.empty or cell.reported:
        return None
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return mask_national_numbers(str(value).strip())


def read_insz(cell: Cell, reading: Reading) -> str | None:
    """An INSZ as typed, checked by `validate` later (never shown whole). One typed as a number
    is refused: a spreadsheet drops its leading 0 (`01020312345` becomes 1020312345)."""
    if cell.empty or cell.reported:
        return None
    if not isinstance(cell.value, str):
        reading.at("CV103", cell, _("{what}: typed as a number, which loses a leading 0").format(what="INSZ"),
                   _("type it as text: give the cell the format Text, or start it with an apostrophe"))
        return None
    return cell.value.strip()


def read_decimal(cell: Cell, reading: Reading, places: int | None, what: str) -> Decimal | None:
    """A number as its shortest decimal text (a spreadsheet keeps a double), refused with more
    places than `places` allows. A number typed as text is refused: `72080.00` and `72080,50`
    alike, whatever the separators (which a spreadsheet's language decides)."""
    if cell.empty or cell.reported:
        return None
    value = cell.value
    if isinstance(value, str):
        reading.at("CV103", cell, _("{what}: a number typed as text").format(what=what),
                   _("type it as a number, without quotes or spaces: the spreadsheet then shows it right-aligned"))
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        reading.at("CV103", cell, _("{what}: expected a number").format(what=what))
        return None
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value))
    except InvalidOperation:  # pragma: no cover - a double always has a decimal text
        reading.at("CV103", cell, _("{what}: expected a number").format(what=what))
        return None
    if not number.is_finite():
        reading.at("CV103", cell, _("{what}: expected a number").format(what=what))
        return None
    if abs(number) > LARGEST:  # 1e308 is a double too; no amount, FTE or count comes near
        reading.at("CV103", cell, _("{what}: a number larger than {largest}").format(what=what, largest="10^12"),
                   _("type the amount in euro, the FTE or the count itself"))
        return None
    if places is not None and number != number.quantize(Decimal(1).scaleb(-places)):
        reading.at("CV104", cell, _("{what}: more than {places} decimals").format(what=what, places=places),
                   _("round it to the cent (FTE to two decimals)"))
        return None
    if places is not None:
        return number.quantize(Decimal(1).scaleb(-places))
    return Decimal(format(number.normalize(), "f"))  # 310, not 3.1E+2


DATE_HINT = N_("enter a date the spreadsheet recognises: it then shows it right-aligned in the column's format "
               "(2024-01-08); =DATE(2024,1,8) always gives one")


def read_date(cell: Cell, reading: Reading, what: str) -> date | None:
    """A date cell's day. Text is refused (never guessed), and so is a number (a cell not
    formatted as a date), and a day before 1 March 1900: a spreadsheet counts a 29 February
    1900 that never was (serial 60), so its days before March 1900 are one off."""
    if cell.empty or cell.reported:
        return None
    value = cell.value
    day = value.date() if isinstance(value, datetime) else value if isinstance(value, date) else None
    if day is not None and day < FIRST_DAY:
        reading.at("CV105", cell, _("{what}: a date before 1 March 1900, which a spreadsheet counts wrong (it has a "
                                    "29 February 1900)").format(what=what), _(DATE_HINT))
        return None
    if day is not None:
        return day
    if isinstance(value, str):
        message = _("{what}: the cell holds text, not a date (a date typed as text is never guessed)")
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        message = _("{what}: the cell holds a number, not a date (format the cell as a date)")
    else:
        message = _("{what}: the cell holds no date")
    reading.at("CV105", cell, message.format(what=what), _(DATE_HINT))
    return None


def read_yes_no(cell: Cell, reading: Reading, what: str, *, empty: bool | None = False) -> bool | None:
    text = read_text(cell)
    if text is None:
        return empty
    if text.lower() in ("ja", "nee"):
        return text.lower() == "ja"
    reading.at("CV103", cell, _("{what}: '{text}' is not ja or nee").format(what=what, text=text))
    return empty


def read_beneficiary(cell: Cell, reading: Reading, known: Mapping[str, str]) -> str | None:
    """The enterprise number of one of the agreement's beneficiaries (`known`), or None with
    the problem told at the cell."""
    text = read_text(cell)
    if text is None:
        if not cell.reported:
            reading.at("CV102", cell, _("no enterprise number"))
        return None
    try:
        number = validate_enterprise_number(text)
    except InvalidIdentifier as error:
        reading.at("CV207", cell, _("invalid enterprise number: {error}").format(error=error))
        return None
    if number not in known:
        reading.at("CV505", cell, _("{number} is not a beneficiary of the agreement")
                   .format(number=format_enterprise_number(number)))
        return None
    return number
