"""Workbook helpers shared by the xlsx renderers: number formats, safe cells, SUM totals,
sheet layout (sized columns, wrapped text, frozen header and name column, print setup)
and a save that gives the same bytes for the same inputs and date.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from convenant_cli.domain.money import quantize
from convenant_cli.render.safe_text import visible

EURO = '#,##0.00 "€"'
FTE = "0.00"
FTE_DAYS = "#,##0.00"
COUNT = "#,##0"
RATIO = "# ?/???"
EXACT = "#,##0.000000"
DATE = "yyyy-mm-dd"
BOLD = Font(bold=True)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MAX_WIDTH = 60  # characters; longer text wraps

def put(sheet: Worksheet, row: int, column: int, value: object, number_format: str | None = None) -> Cell:
    """Write one cell; a string is always text, never a formula, whatever it starts with,
    and its control characters are shown as placeholders (a workbook cannot hold them)."""
    if isinstance(value, Decimal):
        value = quantize(value) if number_format == EURO else value
    elif isinstance(value, str):
        value = visible(value, newlines=True)
    cell: Cell = sheet.cell(row=row, column=column, value=value)  # type: ignore[call-overload]
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    return cell


def put_row(sheet: Worksheet, row: int, values: Sequence[object], formats: Sequence[str | None] = ()) -> None:
    for column, value in enumerate(values, 1):
        put(sheet, row, column, value, formats[column - 1] if column <= len(formats) else None)


def header(sheet: Worksheet, headers: Sequence[str], row: int = 1) -> None:
    for column, title in enumerate(headers, 1):
        cell = put(sheet, row, column, title)
        cell.font = BOLD
        cell.alignment = WRAP


def title_row(sheet: Worksheet, text: str) -> None:
    put(sheet, 1, 1, text).font = Font(bold=True, size=12)


def sum_formula(sheet: Worksheet, row: int, column: int, first: int, last: int, number_format: str) -> None:
    letter = get_column_letter(column)
    cell = sheet.cell(row=row, column=column, value=f"=SUM({letter}{first}:{letter}{last})")
    cell.number_format = number_format
    cell.font = BOLD


def finish(sheet: Worksheet, header_row: int = 1, frozen_columns: int = 1) -> None:
    """Size each column to its content (long text wraps at `MAX_WIDTH`), freeze the header
    row and the name column, and set up printing: landscape, one page wide, the header
    rows repeated on every page."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows(min_row=header_row):
        for cell in row:
            if cell.value is None:
                continue
            shown = _shown_length(cell)
            widths[cell.column] = max(widths.get(cell.column, 0), min(shown, MAX_WIDTH))
            if isinstance(cell.value, str) and (shown > MAX_WIDTH or "\n" in cell.value):
                cell.alignment = WRAP
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = max(8, width + 2)
    sheet.freeze_panes = f"{get_column_letter(frozen_columns + 1)}{header_row + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    if sheet.sheet_properties.pageSetUpPr is None:
        sheet.sheet_properties.pageSetUpPr = PageSetupProperties()
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"1:{header_row}"


def _shown_length(cell: Cell) -> int:
    value = cell.value
    if isinstance(value, str) and value.startswith("=") and cell.data_type == "f":
        return 14  # a formula: as wide as the figure it shows
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return len(f"{value:,.2f}") + 2  # the euro sign and a separator
    if isinstance(value, (date, datetime)):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


ZIP_FIRST, ZIP_LAST = datetime(1980, 1, 1), datetime(2107, 12, 31, 23, 59, 58)


def save(book: Workbook, target: Path, created: datetime) -> None:
    """Write the workbook with `created` as its date, inside the file and on every part
    of the zip archive, so that the same inputs give the same bytes (SOURCE_DATE_EPOCH)."""
    book.properties.created = created
    book.properties.modified = created
    book.properties.creator = "convenant"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    stamp = min(max(created, ZIP_FIRST), ZIP_LAST).timetuple()[:6]  # what a zip entry's date can hold
    with zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as written, \
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in written.infolist():
            fixed = zipfile.ZipInfo(item.filename, date_time=stamp)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            archive.writestr(fixed, written.read(item.filename))
