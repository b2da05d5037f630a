"""A diff as a workbook, with the settle workbook's conventions: the changes (amounts as
numbers with their format), the effect on every beneficiary's maximum (all of them, so
the `SUM` totals are the maximum subsidies), the effect on the settlement when both
versions could be settled, and the problems found beside the diff.
"""

from __future__ import annotations

from decimal import Decimal

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import Change
from convenant_cli.engine.money_effect import EFFECT_KEYS
from convenant_cli.render.diff.view import CHANGES, DiffView, field_label, is_number, subject_label, value_label
from convenant_cli.render.labels import DIFF_CATEGORIES, label, yes_no
from convenant_cli.render.workbook import (
    BOLD,
    COUNT,
    DATE,
    EURO,
    FTE,
    finish,
    header,
    put,
    put_row,
    sum_formula,
    title_row,
)

FORMATS = {Unit.EURO: EURO, Unit.FTE: FTE, Unit.SHARE: FTE, Unit.COUNT: COUNT, Unit.DAYS: COUNT,
           Unit.WORK_YEAR: COUNT, Unit.DATE: DATE}


def _cell_value(change: Change, value: object) -> tuple[object, str | None]:
    """A number or a date stays one, with its format; the rest is shown as text."""
    if value is None:
        return None, None
    if is_number(change.unit) and isinstance(value, (Decimal, int)) and not isinstance(value, bool):
        return value, FORMATS.get(change.unit)
    if change.unit is Unit.DATE:
        return value, DATE
    return value_label(change, value), None


def _changes(sheet: Worksheet, view: DiffView) -> None:
    title_row(sheet, f"Vergelijking {view.old_name} → {view.new_name}")
    header(sheet, ["Onderwerp", "Categorie", "Wijziging", "Veld", "Oud", "Nieuw", "Pad"], row=2)
    for row, change in enumerate(view.result.changes, 3):
        old, old_format = _cell_value(change, change.old)
        new, new_format = _cell_value(change, change.new)
        put_row(sheet, row, [subject_label(change.subject), DIFF_CATEGORIES[change.category], CHANGES[change.change],
                             field_label(change.field), old, new, change.path],
                [None, None, None, None, old_format, new_format, None])
    finish(sheet, header_row=2)


def _maxima(sheet: Worksheet, view: DiffView) -> None:
    header(sheet, ["Begunstigde", "Ondernemingsnummer", "Oud maximum", "Nieuw maximum", "Verschil", "Gewijzigd"])
    maxima = view.result.maxima
    for row, effect in enumerate(maxima, 2):
        put_row(sheet, row, [effect.name, format_enterprise_number(effect.enterprise_number), effect.old, effect.new,
                             effect.difference, yes_no(effect.old != effect.new)],
                [None, None, EURO, EURO, EURO, None])
    total = len(maxima) + 2
    put(sheet, total, 1, "Totaal (maximale toelage)").font = BOLD
    for column in (3, 4, 5):
        sum_formula(sheet, total, column, 2, total - 1, EURO)
    finish(sheet)


def _settlement(sheet: Worksheet, view: DiffView) -> None:
    effect = view.effect
    if effect is None:
        return
    columns = [f"{label(key)} {when}" for key in EFFECT_KEYS for when in ("oud", "nieuw", "verschil")]
    header(sheet, ["Begunstigde", "Ondernemingsnummer", *columns, "Gewijzigd"])
    for row, b in enumerate(effect.beneficiaries, 2):
        old, new = b.old or {}, b.new or {}
        figures = [value for key in EFFECT_KEYS for value in (old.get(key), new.get(key), b.difference[key])]
        put_row(sheet, row, [b.name, format_enterprise_number(b.enterprise_number), *figures, yes_no(b.changed)],
                [None, None] + [EURO] * len(figures))
    total = len(effect.beneficiaries) + 2
    put(sheet, total, 1, "Totaal").font = BOLD
    for column in range(3, 3 + len(columns)):
        sum_formula(sheet, total, column, 2, total - 1, EURO)
    finish(sheet)


def _problems(sheet: Worksheet, view: DiffView) -> None:
    header(sheet, ["Bestand", "Regel", "Kolom", "Code", "Ernst", "Probleem", "Hint"])
    for row, d in enumerate(view.problems, 2):
        put_row(sheet, row, [d.location.file, d.location.line, d.location.col, d.code,
                             "fout" if d.is_error else "waarschuwing", d.message, d.hint])
    finish(sheet)


def build_workbook(view: DiffView) -> Workbook:
    book = Workbook()
    changes = book.active
    if not isinstance(changes, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    changes.title = "Wijzigingen"
    _changes(changes, view)
    if view.result.maxima:
        _maxima(book.create_sheet("Geldeffect maximum"), view)
    if view.effect is not None:
        _settlement(book.create_sheet("Geldeffect afrekening"), view)
    if view.problems:
        _problems(book.create_sheet("Problemen"), view)
    book.properties.title = f"Vergelijking {view.old_name} → {view.new_name}"
    return book
