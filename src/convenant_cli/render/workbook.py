"""Workbook helpers shared by the xlsx renderers: number formats, safe cells, SUM totals."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl.cell.cell import Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from convenant_cli.money import quantize
from convenant_cli.render.safe_text import visible

EURO = '#,##0.00 "€"'
FTE_DAYS = "#,##0.00"
DATE = "yyyy-mm-dd"
BOLD = Font(bold=True)


CellValue = str | int | Decimal | date | bool | None


def put(sheet: Worksheet, row: int, column: int, value: CellValue, number_format: str | None = None) -> Cell:
    """Write one cell; a string is always text, never a formula, whatever it starts with,
    and its control characters are shown as placeholders (a workbook cannot hold them)."""
    if isinstance(value, Decimal):
        value = quantize(value) if number_format == EURO else value
    elif isinstance(value, str):
        value = visible(value, newlines=True)
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if number_format:
        cell.number_format = number_format
    return cell


def header(sheet: Worksheet, headers: list[str]) -> None:
    for column, title in enumerate(headers, 1):
        put(sheet, 1, column, title).font = BOLD
        sheet.column_dimensions[get_column_letter(column)].width = max(12, min(48, len(title) + 4))
    sheet.freeze_panes = "A2"


def sum_formula(sheet: Worksheet, row: int, column: int, first: int, last: int, number_format: str) -> None:
    letter = get_column_letter(column)
    cell = sheet.cell(row=row, column=column, value=f"=SUM({letter}{first}:{letter}{last})")
    cell.number_format = number_format
    cell.font = BOLD
