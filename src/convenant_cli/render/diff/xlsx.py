"""A diff as a workbook, with the settle workbook's conventions: the changes (amounts as
numbers with their format), the effect on every beneficiary's maximum (all of them, so
the `SUM` totals are the maximum subsidies), the effect on the settlement when both
versions could be settled, and the problems found beside the diff.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import Change
from convenant_cli.engine.money_effect import BeneficiaryEffect
from convenant_cli.render.diff.table import ratio_sentence, verdict_word
from convenant_cli.render.diff.view import CHANGES, DiffView, field_label, is_number, subject_label, value_label
from convenant_cli.render.labels import DIFF_CATEGORIES, label, yes_no
from convenant_cli.render.workbook import COUNT, DATE, EURO, FTE, Book, Sheet

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


def _changes(sheet: Sheet, view: DiffView) -> None:
    sheet.title_row(f"Vergelijking {view.old_name} → {view.new_name}", 7, 120)
    sheet.header(["Onderwerp", "Categorie", "Wijziging", "Veld", "Oud", "Nieuw", "Pad"], row=2)
    for row, change in enumerate(view.result.changes, 3):
        old, old_format = _cell_value(change, change.old)
        new, new_format = _cell_value(change, change.new)
        sheet.put_row(row, [subject_label(change.subject), DIFF_CATEGORIES[change.category], CHANGES[change.change],
                             field_label(change.field), old, new, change.path],
                [None, None, None, None, old_format, new_format, None])
    sheet.finish(header_row=2)


def _maxima(sheet: Sheet, view: DiffView) -> None:
    sheet.header(["Begunstigde", "Ondernemingsnummer", "Oud maximum", "Nieuw maximum", "Verschil", "Gewijzigd"])
    maxima = view.result.maxima
    for row, effect in enumerate(maxima, 2):
        sheet.put_row(row, [effect.name, format_enterprise_number(effect.enterprise_number), effect.old, effect.new,
                             effect.difference, yes_no(effect.old != effect.new)],
                [None, None, EURO, EURO, EURO, None])
    total = len(maxima) + 2
    sheet.put(total, 1, "Totaal (maximale toelage)", bold=True)
    old_total = sum((effect.old or Decimal(0) for effect in maxima), Decimal(0))
    new_total = sum((effect.new or Decimal(0) for effect in maxima), Decimal(0))
    for column, value in ((3, old_total), (4, new_total), (5, new_total - old_total)):
        sheet.sum_formula(total, column, 2, total - 1, EURO, value)
    result = view.result
    sheet.put_row(total + 1, ["Bedrag per VTE", None, result.rate_old, result.rate_new], [None, None, EURO, EURO])
    sheet.finish()


def _settlement(sheet: Sheet, view: DiffView) -> None:
    effect = view.effect
    if effect is None:
        return
    columns = [f"{label(key)} {when}" for key in effect.keys for when in ("oud", "nieuw", "verschil")]
    sheet.header(["Begunstigde", "Ondernemingsnummer", *columns, "Gewijzigd"])
    for row, b in enumerate(effect.beneficiaries, 2):
        figures = _figures(b)
        sheet.put_row(row, [b.name, format_enterprise_number(b.enterprise_number), *figures, yes_no(b.changed)],
                [None, None] + [EURO] * len(figures))
    total = len(effect.beneficiaries) + 2
    sheet.put(total, 1, "Totaal", bold=True)
    sums = [sum((value or Decimal(0) for value in column_values), Decimal(0)) for column_values in
            zip(*(_figures(b) for b in effect.beneficiaries), strict=True)] if effect.beneficiaries else []
    for column, value in enumerate(sums, 3):
        sheet.sum_formula(total, column, 2, total - 1, EURO, value)
    sheet.finish()


def _ratio(sheet: Sheet, view: DiffView) -> None:
    """Art. 2: the result ratio paid in each version, and each verdict that flipped."""
    ratio = view.effect.ratio if view.effect is not None else None
    if ratio is None:
        return
    sheet.title_row(ratio_sentence(ratio), 5)
    sheet.header(["Verbintenis", "Titel", "Werkjaar", "Behaald oud", "Behaald nieuw"], row=2)
    for row, verdict in enumerate(ratio.verdicts, 3):
        sheet.put_row(row, [verdict.commitment, verdict.title, verdict.year, verdict_word(verdict.old),
                            verdict_word(verdict.new)], [None, None, COUNT])
    sheet.finish(header_row=2)


def _figures(b: BeneficiaryEffect) -> list[Decimal | None]:
    old, new = b.old or {}, b.new or {}
    return [value for key in b.keys for value in (old.get(key), new.get(key), b.difference[key])]


def _problems(sheet: Sheet, view: DiffView) -> None:
    sheet.header(["Bestand", "Regel", "Kolom", "Code", "Ernst", "Probleem", "Hint"])
    for row, d in enumerate(view.problems, 2):
        sheet.put_row(row, [d.location.file, d.location.line, d.location.col, d.code,
                             "fout" if d.is_error else "waarschuwing", d.message, d.hint])
    sheet.finish()


def write_workbook(path: Path, view: DiffView, created: datetime) -> None:
    book = Book(path, title=f"Vergelijking {view.old_name} → {view.new_name}", created=created)
    _changes(book.sheet("Wijzigingen"), view)
    if view.result.maxima:
        _maxima(book.sheet("Geldeffect maximum"), view)
    if view.effect is not None:
        _settlement(book.sheet("Geldeffect afrekening"), view)
    if view.effect is not None and view.effect.ratio is not None and view.effect.ratio.changed:
        _ratio(book.sheet("Resultaatsratio"), view)
    if view.problems:
        _problems(book.sheet("Problemen"), view)
    book.close()
