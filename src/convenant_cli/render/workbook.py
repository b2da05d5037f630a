"""Writing workbooks, shared by the xlsx renderers: number formats, safe cells, formulas
saved with their computed value, SUM totals, and a layout that reads on screen and on A4
paper (sized columns, wrapped text with the row height it needs, frozen header and name
column, print titles, print area, page numbers).

The file itself is written by XlsxWriter, which is tested against workbooks that Excel wrote,
in its `constant_memory` mode: a row goes to disk as soon as the next one starts, so the
evidence of a sector's whole eindrapport (hundreds of thousands of cells) never sits in memory.
The renderers therefore write each sheet top to bottom. Numbers go in as `Decimal` or `int`
and XlsxWriter writes them with the `Decimal`'s own formatting: no binary float on the way.
Rows and columns are counted from 1, as a spreadsheet shows them. Tests read every workbook
back with openpyxl, recompute it with a formula engine and print it with LibreOffice.
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import xlsxwriter

from convenant_cli.domain.language import _
from convenant_cli.domain.money import quantize, round_half_up
from convenant_cli.render.paper import PADDING as _PADDING
from convenant_cli.render.paper import PAGE_WIDTH as _PAGE_WIDTH
from convenant_cli.render.paper import points, wrapped_lines
from convenant_cli.render.safe_text import visible
from convenant_cli.render.workbook_file import Saving

EURO = '#,##0.00 "€"'
FTE = "0.00"
FTE_DAYS = "#,##0.00"
COUNT = "#,##0"
RATIO = "# ?/???"
DATE = "yyyy-mm-dd"
MAX_WIDTH = 60  # characters; longer text wraps
SIGNIFICANT = 17  # digits of an exact figure's saved value: more than a spreadsheet's double holds
LINE_HEIGHT = 15  # points: a line of the default font (Calibri 11)
_EPOCH = date(1899, 12, 30)  # a spreadsheet's day 0 (it counts 1900 as a leap year)
_MARGIN = 0.5  # inches
_SMALLEST_SCALE = 55  # percent: below it a sheet prints over several pages across instead
_NARROWEST = 8  # characters: a column of a yes or a small number still reads
_DATE_WIDTH = 10  # characters of 2024-01-08 (digits are the widest letters: a column of ten holds it)

Number = Decimal | int | Fraction


class Formula(str):
    """A formula a renderer writes (`=ROUND(...)`): text from a file is a plain `str` and
    never becomes one, whatever it starts with."""


def letter(column: int) -> str:
    """
    >>> letter(1), letter(26), letter(27)
    ('A', 'Z', 'AA')
    """
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


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
    """One workbook, written to `path` when closed."""

    def __init__(self, path: Path, *, title: str, created: datetime) -> None:
        self.path = path
        self.title = visible(title)
        self._saving = Saving(self, path)
        self.workbook = xlsxwriter.Workbook(self._saving.file, {
            "constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False,
            "strings_to_urls": False, "default_format_properties": {"valign": "top"}, "tmpdir": self._saving.scratch})
        self.workbook.set_properties({"title": self.title, "author": "convenant", "created": created})
        self.workbook.set_calc_mode("auto")
        # the plain cell needs no format of its own: the default one is top-aligned
        self._formats: dict[tuple[str | None, bool, bool, int | None], Any] = {(None, False, False, None): None}

    def style(self, number_format: str | None = None, *, bold: bool = False, wrap: bool = False,
              size: int | None = None) -> Any:
        """A cell format (number format, bold, wrapped, font size), made once."""
        key = (number_format, bold, wrap, size)
        if key in self._formats:
            return self._formats[key]
        options: dict[str, object] = {"valign": "top"}
        if number_format:
            options["num_format"] = number_format
        if bold:
            options["bold"] = True
        if wrap:
            options["text_wrap"] = True
        if size:
            options["font_size"] = size
        found = self._formats[key] = self.workbook.add_format(options)
        return found

    def sheet(self, name: str) -> Sheet:
        return Sheet(self, name)

    def close(self) -> None:
        """Write the workbook to its file; any failure on the way is an `OSError` (`Saving`)."""
        self._saving.save(self.workbook)


class Sheet:
    """A worksheet written row by row, top to bottom; it keeps each column's width and each
    row's height as it goes."""

    def __init__(self, book: Book, name: str) -> None:
        self.book = book
        self.name = name[:31]
        self.worksheet = book.workbook.add_worksheet(self.name)
        self.widths: dict[int, int] = {}
        self.heights: dict[int, int] = {}  # lines of the rows that need more than one
        self.limits: dict[int, int] = {}  # columns whose text wraps before `MAX_WIDTH`
        self._row_formats: dict[tuple[tuple[str | None, ...], int], list[tuple[int, str | None, Any, Any, int]]] = {}
        self.last_row = 0
        self.last_column = 0

    def _width(self, column: int, shown: int) -> None:
        if shown > self.widths.get(column, 0):
            self.widths[column] = min(shown, self.limits.get(column, MAX_WIDTH))

    def limit(self, column: int, width: int) -> None:
        """Text in `column` wraps beyond `width` characters (a name beside figures on paper)."""
        self.limits[column] = width

    def _lines(self, row: int, lines: int, size: int = LINE_HEIGHT) -> None:
        if lines > self.heights.get(row, 1):
            self.heights[row] = lines
            self.worksheet.set_row(row - 1, lines * size)

    def _reach(self, row: int, column: int) -> None:
        if row > self.last_row:
            self.last_row = row
        if column > self.last_column:
            self.last_column = column

    def at_least(self, widths: Sequence[int]) -> None:
        """Columns 1, 2, ... at least this wide (in characters), for what will be typed in them."""
        for column, width in enumerate(widths, 1):
            self._width(column, width)

    def put(self, row: int, column: int, value: object, number_format: str | None = None, *,
            bold: bool = False) -> None:
        """One cell. A string is always text, never a formula, whatever it starts with, and its
        control characters are shown as placeholders (a workbook cannot hold them); an amount
        in euro is rounded to the cent; a date is a date."""
        if value is None:
            return
        if isinstance(value, bool):
            raise TypeError("a yes/no is written as a word (vocabulary.yes_no)")
        self._reach(row, column)
        if isinstance(value, (Decimal, int)):  # the common case first
            number = quantize(value) if number_format == EURO else value
            self.worksheet.write_number(row - 1, column - 1, number, self.book.style(number_format, bold=bold))
            digits = len(str(int(number)))
            self._width(column, digits + digits // 3 + 5)  # thousands separators, decimals, the euro sign
        elif isinstance(value, str):
            text = value if value.isprintable() else visible(value, newlines=True)  # the common case, at C speed
            wrap = len(text) > self.limits.get(column, MAX_WIDTH) or "\n" in text
            self.worksheet.write_string(row - 1, column - 1, text,
                                        self.book.style(number_format, bold=bold, wrap=wrap))
            if wrap:
                self._width(column, max((len(line) for line in text.split("\n")), default=0))
                self._lines(row, wrapped_lines(text, self.widths[column]))
            else:
                self._width(column, len(text) + (len(text) // 10 if bold else 0))
        elif isinstance(value, (date, datetime)):
            day = value.date() if isinstance(value, datetime) else value
            self.worksheet.write_number(row - 1, column - 1, (day - _EPOCH).days,
                                        self.book.style(number_format or DATE, bold=bold))
            self._width(column, _DATE_WIDTH)
        elif isinstance(value, Fraction) and value.denominator == 1:
            self.put(row, column, value.numerator, number_format, bold=bold)
        elif isinstance(value, Fraction):
            self.formula(row, column, Formula(f"={value.numerator}/{value.denominator}"), value, number_format,
                         bold=bold)
        else:
            raise TypeError(f"no cell for a {type(value).__name__}")

    def formula(self, row: int, column: int, formula: str, value: Number | None, number_format: str | None, *,
                bold: bool = False) -> None:
        """A formula saved with its value (what a reader that does not recalculate shows)."""
        self._reach(row, column)
        saved: object = "" if value is None else exact_decimal(value)
        self.worksheet.write_formula(row - 1, column - 1, formula, self.book.style(number_format, bold=bold), saved)
        if isinstance(value, Fraction) and number_format == RATIO:
            self._width(column, 7)  # a fraction of whole numbers: 2/3, 11/12
        elif value is not None:
            digits = len(str(abs(int(value))))  # thousands separators, two decimals, the euro sign
            self._width(column, digits + digits // 3 + (5 if number_format == EURO else 4))
        else:
            self._width(column, 14)

    def put_row(self, row: int, values: Sequence[Any], formats: Sequence[str | None] = ()) -> None:
        """A row of cells, as `put` writes them. The big sheets (an absence or a short span a row)
        come through here, so the common cells (a number, a date, a line of printable text) are
        written without `put`'s round of checks, with the row's formats looked up once a sheet."""
        index_row = row - 1
        columns = self._columns(tuple(formats), len(values))
        number, string, widths = self.worksheet.write_number, self.worksheet.write_string, self.widths
        for value, (index, number_format, style, date_style, limit) in zip(values, columns, strict=False):
            if value is None:
                continue
            kind = value.__class__
            if kind is Decimal:
                if number_format == EURO:
                    value = quantize(value)
                number(index_row, index, value, style)
                digits = max(1, value.adjusted() + 1)
                shown = digits + digits // 3 + 5  # thousands separators, decimals, the euro sign
            elif kind is date:
                number(index_row, index, (value - _EPOCH).days, date_style)
                shown = _DATE_WIDTH
            elif kind is str and len(value) <= limit and value.isprintable():
                string(index_row, index, value, style)
                shown = len(value)
            elif kind is int:
                number(index_row, index, value, style)
                shown = len(str(value)) + 5
            else:
                self.put(row, index + 1, value, number_format)
                continue
            if shown > widths.get(index + 1, 0):
                self._width(index + 1, shown)
        self._reach(row, len(values))

    def _columns(self, formats: tuple[str | None, ...], count: int) -> list[tuple[int, str | None, Any, Any, int]]:
        """Per column of a row: its index from 0, number format, cell style, style for a date,
        and the length beyond which text wraps."""
        key = (formats, count)
        found = self._row_formats.get(key)
        if found is None:
            style = self.book.style
            found = self._row_formats[key] = [
                (index, number_format, style(number_format), style(number_format or DATE),
                 self.limits.get(index + 1, MAX_WIDTH))
                for index, number_format in ((index, formats[index] if index < len(formats) else None)
                                             for index in range(count))]
        return found

    def header(self, headers: Sequence[str], row: int = 1) -> None:
        """Column titles in bold, each column wide enough for the title's longest word, the
        row high enough for the titles that wrap (at their line breaks, else at the column's width)."""
        style = self.book.style(bold=True, wrap=True)
        for column, title in enumerate(headers, 1):
            text = visible(title, newlines=True)  # a figure's header is broken over lines where it should wrap
            self._reach(row, column)
            self.worksheet.write_string(row - 1, column - 1, text, style)
            longest = max((len(word) for word in text.split()), default=0)
            self._width(column, max(min(len(text), 8), longest + 1))
            # a few cells: wrapped word by word, at the column's width less a character for bold
            self._lines(row, sum(len(textwrap.wrap(line, self.widths[column] + 1)) or 1 for line in text.split("\n")))

    def title_row(self, text: str, columns: int, width: int | None = None) -> None:
        """A title over the sheet's first `columns` columns, a line of it per line of `text`,
        wrapped where a line is longer than those columns are likely to be wide (`width`
        characters, else twelve a column: their widths are not known yet, the rows come
        after). Merged, so that it never runs on over the cells beside it, or twice onto a
        page that repeats the name column."""
        self._reach(1, 1)
        shown = visible(text, newlines=True)
        style = self.book.style(bold=True, wrap=True, size=12)
        if columns > 1:
            self.worksheet.merge_range(0, 0, 0, columns - 1, shown, style)
        else:
            self.worksheet.write_string(0, 0, shown, style)
        # the title's letters are a size larger and bold: a fifth wider than the columns' characters
        self._lines(1, wrapped_lines(shown, (width or columns * 12) * 5 // 6), 18)

    def note(self, row: int, text: str, columns: int, *, bold: bool = False, width: int | None = None) -> None:
        """A sentence under a table, over its first `columns` columns, wrapped to their width.
        Those columns must print on one page width: a merged cell that runs onto a page that
        repeats the name column is drawn there twice (the print test catches it)."""
        self._reach(row, 1)
        text = visible(text, newlines=True)
        if width is None:  # the columns' widths so far: the rows after may only widen them
            width = sum(max(_NARROWEST, self.widths.get(column, 8) + _PADDING) for column in range(1, columns + 1))
        style = self.book.style(bold=bold, wrap=True)
        if columns < 2:
            self.worksheet.write_string(row - 1, 0, text, style)
        else:
            self.worksheet.merge_range(row - 1, 0, row - 1, columns - 1, text, style)
        self._lines(row, wrapped_lines(text, width * 5 // 6 if bold else width))

    def sum_formula(self, row: int, column: int, first: int, last: int, number_format: str,
                    value: Number) -> None:
        """`=SUM(...)` over the column's rows `first` to `last`, saved with `value`, the total
        the renderer computed (Excel and LibreOffice recompute it to the same cent)."""
        column_letter = letter(column)
        self.formula(row, column, f"=SUM({column_letter}{first}:{column_letter}{last})", value, number_format,
                     bold=True)

    def validate(self, column: int, first: int, last: int, kind: str, formula: str, *, message: str,
                 strict: bool = True) -> None:
        """Data validation on the column's rows `first` to `last`: `list` (a quoted list
        `"ja,nee"` or a range), `date` (any date), `decimal` (a number of at least `formula`).
        Not `strict`: a value off the list is warned about, and kept when the person says so."""
        options: dict[str, object] = {"validate": kind, "ignore_blank": True, "error_message": message}
        if not strict:
            options["error_type"] = "warning"
        if kind == "list":
            options["source"] = formula.strip('"').split(",") if formula.startswith('"') else "=" + formula
            self._width(column, max((len(item) for item in formula.strip('"').split(",")), default=0) + 3
                        if formula.startswith('"') else 0)
        elif kind == "date":
            options.update(criteria=">", value=_EPOCH + timedelta(days=int(formula)))
            self._width(column, 11)
        else:
            options.update(criteria=">=", value=Decimal(formula))
        self.worksheet.data_validation(first - 1, column - 1, last - 1, column - 1, options)

    def finish(self, header_row: int = 1, frozen_columns: int = 1, *, smallest: int = _SMALLEST_SCALE) -> None:
        """Freeze the header row and the name column; size each column to its content (long
        text wraps at `MAX_WIDTH`); print on A4 with the title and header rows on every page, page
        numbers in the footer: one page wide, portrait or landscape, when that keeps the text at
        `smallest` percent or more, else over several pages across at that size with the name
        column repeated."""
        sheet = self.worksheet
        sheet.freeze_panes(header_row, frozen_columns)
        widths = {column: max(_NARROWEST, width + _PADDING) for column, width in self.widths.items()}
        for column, width in sorted(widths.items()):
            sheet.set_column(column - 1, column - 1, width)
        sheet.set_paper(9)  # A4
        sheet.set_margins(left=_MARGIN, right=_MARGIN, top=0.6, bottom=0.6)
        page = _("Page")  # outside the f-string, where the catalogue's extraction finds it
        sheet.set_footer(f"&L{_footer_text(self.name)}&R{_footer_text(page)} &P / &N")
        sheet.repeat_rows(0, header_row - 1)  # a title row above the column titles too: no page without them
        sheet.print_area(0, 0, max(self.last_row, header_row) - 1, max(self.last_column, 1) - 1)
        sheet.hide_gridlines(0)  # gridlines on paper too: rows are easy to follow
        total = sum(points(widths.get(column, 8.43)) for column in range(1, self.last_column + 1))
        if total <= _PAGE_WIDTH["portrait"]:
            sheet.fit_to_pages(1, 0)
        elif total * smallest / 100 <= _PAGE_WIDTH["landscape"]:
            sheet.set_landscape()
            sheet.fit_to_pages(1, 0)
        else:
            sheet.set_landscape()
            sheet.set_print_scale(smallest)
            sheet.repeat_columns(0, frozen_columns - 1)


def _footer_text(name: str) -> str:
    """A sheet name in a header or footer, where `&` starts a code."""
    return name.replace("&", "&&")
