"""Writing workbooks, shared by the xlsx renderers: number formats, safe cells, formulas
saved with their computed value, SUM totals, sheet layout (sized columns, wrapped text,
frozen header and name column, print setup), the same bytes for the same inputs and date.

Written with XlsxWriter, which saves each formula's value beside it (so that pandas, a
file preview or openpyxl's `data_only` see every total) and writes a large sheet fast.
Numbers go in as `Decimal` or `int`, written as their own decimal text: no binary float
on the way. Rows and columns are counted from 1, as a spreadsheet shows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from xlsxwriter import Workbook
from xlsxwriter.format import Format
from xlsxwriter.utility import xl_col_to_name
from xlsxwriter.worksheet import Worksheet

from convenant_cli.domain.money import quantize, round_half_up
from convenant_cli.render.safe_text import visible

EURO = '#,##0.00 "€"'
FTE = "0.00"
FTE_DAYS = "#,##0.00"
COUNT = "#,##0"
RATIO = "# ?/???"
EXACT = "#,##0.000000"
DATE = "yyyy-mm-dd"
MAX_WIDTH = 60  # characters; longer text wraps
SIGNIFICANT = 17  # digits of an exact figure's saved value: more than a spreadsheet's double holds

Number = Decimal | int | Fraction


class Formula(str):
    """A formula a renderer writes (`=ROUND(...)`): text from a file is a plain `str` and
    never becomes one, whatever it starts with."""


def letter(column: int) -> str:
    """
    >>> letter(1), letter(27)
    ('A', 'AA')
    """
    return str(xl_col_to_name(column - 1))


def exact_decimal(value: Number) -> Decimal:
    """A figure as the decimal saved for it: exact when it has few decimals, else to more
    significant digits than a spreadsheet keeps.

    >>> exact_decimal(Decimal("71279.56")), exact_decimal(Fraction(2, 3)), exact_decimal(7)
    (Decimal('71279.56'), Decimal('0.6666666666666667'), Decimal('7'))
    """
    if isinstance(value, Fraction):
        if value.denominator == 1:
            return Decimal(value.numerator)
        places = max(0, SIGNIFICANT - len(str(abs(value.numerator) // value.denominator)))
        return round_half_up(value, places).normalize()
    return Decimal(value)


class Book:
    """One workbook, written to `path` when closed; formats made once and shared."""

    def __init__(self, path: Path, *, title: str, created: datetime) -> None:
        self.workbook = Workbook(str(path), {"in_memory": True, "strings_to_formulas": False,
                                             "strings_to_numbers": False, "strings_to_urls": False})
        self.workbook.set_properties({"title": visible(title), "author": "convenant", "created": created})
        self._formats: dict[tuple[str | None, bool, bool, int | None], Format] = {}

    def format(self, number_format: str | None = None, *, bold: bool = False, wrap: bool = False,
               size: int | None = None) -> Format:
        key = (number_format, bold, wrap, size)
        if key not in self._formats:
            properties: dict[str, Any] = {"valign": "top"}
            if number_format:
                properties["num_format"] = number_format
            if bold:
                properties["bold"] = True
            if wrap:
                properties["text_wrap"] = True
            if size:
                properties["font_size"] = size
            self._formats[key] = self.workbook.add_format(properties)
        return self._formats[key]

    def sheet(self, name: str) -> Sheet:
        return Sheet(self, self.workbook.add_worksheet(name))

    def close(self) -> None:
        self.workbook.close()


class Sheet:
    """A worksheet written cell by cell; it keeps each column's width as it goes."""

    def __init__(self, book: Book, worksheet: Worksheet) -> None:
        self.book = book
        self.worksheet = worksheet
        self.widths: dict[int, int] = {}

    def _width(self, column: int, shown: int) -> None:
        self.widths[column] = max(self.widths.get(column, 0), min(shown, MAX_WIDTH))

    def put(self, row: int, column: int, value: object, number_format: str | None = None, *,
            bold: bool = False) -> None:
        """One cell. A string is always text, never a formula, whatever it starts with, and its
        control characters are shown as placeholders (a workbook cannot hold them); an amount
        in euro is rounded to the cent; a date is a date."""
        r, c = row - 1, column - 1
        if value is None:
            return
        if isinstance(value, str):
            text = visible(value, newlines=True)
            wrap = len(text) > MAX_WIDTH or "\n" in text
            self.worksheet.write_string(r, c, text, self.book.format(number_format, bold=bold, wrap=wrap))
            self._width(column, max((len(line) for line in text.splitlines()), default=0))
        elif isinstance(value, bool):
            raise TypeError("a yes/no is written as a word (labels.yes_no)")
        elif isinstance(value, (date, datetime)):
            self.worksheet.write_datetime(r, c, value, self.book.format(number_format or DATE, bold=bold))
            self._width(column, 10)
        elif isinstance(value, Fraction):
            self.formula(row, column, f"={value.numerator}/{value.denominator}", value, number_format, bold=bold)
        elif isinstance(value, (Decimal, int)):
            number = quantize(value) if number_format == EURO else value
            self.worksheet.write_number(r, c, number, self.book.format(number_format, bold=bold))
            self._width(column, len(f"{number:,.2f}") + 2)
        else:
            raise TypeError(f"no cell for a {type(value).__name__}")

    def formula(self, row: int, column: int, formula: str, value: Number | None, number_format: str | None, *,
                bold: bool = False) -> None:
        """A formula saved with its value (what a reader that does not recalculate shows)."""
        shown = "" if value is None else exact_decimal(quantize(value) if number_format == EURO else value)
        self.worksheet.write_formula(row - 1, column - 1, formula, self.book.format(number_format, bold=bold), shown)
        self._width(column, 14)

    def put_row(self, row: int, values: Sequence[object], formats: Sequence[str | None] = ()) -> None:
        for column, value in enumerate(values, 1):
            self.put(row, column, value, formats[column - 1] if column <= len(formats) else None)

    def header(self, headers: Sequence[str], row: int = 1) -> None:
        for column, title in enumerate(headers, 1):
            self.worksheet.write_string(row - 1, column - 1, visible(title), self.book.format(bold=True, wrap=True))
            self._width(column, min(len(title), 24))

    def title_row(self, text: str) -> None:
        self.worksheet.write_string(0, 0, visible(text), self.book.format(bold=True, size=12))

    def sum_formula(self, row: int, column: int, first: int, last: int, number_format: str,
                    value: Number) -> None:
        """`=SUM(...)` over the column's rows `first` to `last`, saved with `value`, the total
        the renderer computed (Excel and LibreOffice recompute it to the same cent)."""
        column_letter = letter(column)
        self.formula(row, column, f"=SUM({column_letter}{first}:{column_letter}{last})", value, number_format,
                     bold=True)

    def finish(self, header_row: int = 1, frozen_columns: int = 1) -> None:
        """Size each column to its content (long text wraps at `MAX_WIDTH`), freeze the header
        row and the name column, and set up printing: landscape, one page wide, the header
        rows repeated on every page."""
        for column, width in self.widths.items():
            self.worksheet.set_column(column - 1, column - 1, max(8, width + 2))
        self.worksheet.freeze_panes(header_row, frozen_columns)
        self.worksheet.set_landscape()
        self.worksheet.fit_to_pages(1, 0)
        self.worksheet.repeat_rows(0, header_row - 1)
