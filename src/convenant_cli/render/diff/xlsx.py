"""A diff as a workbook, with the settle workbook's conventions: the changes (amounts as
numbers with their format), the effect on every beneficiary's maximum (all of them, so
the `SUM` totals are the maximum subsidies), the effect on the settlement when both
versions could be settled (and each cost cap that moved, R6), and the problems found beside
the diff. Each change says in
words what changed where (the subject by its name and enterprise number, the field by its
label); the machine's path is in JSON.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import Change
from convenant_cli.engine.money_effect import BeneficiaryEffect
from convenant_cli.render import vocabulary
from convenant_cli.render.diff.table import ratio_sentence, verdict_word
from convenant_cli.render.diff.view import DiffView, field_label, heading, is_number, subject_label, value_label
from convenant_cli.render.vocabulary import label, yes_no
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
    headers = vocabulary.columns("changes")
    sheet.title_row(heading(view), len(headers), 120)
    sheet.header(headers, row=2)
    categories = vocabulary.translated(vocabulary.DIFF_CATEGORIES)
    changes = vocabulary.translated(vocabulary.CHANGES)
    for row, change in enumerate(view.result.changes, 3):
        old, old_format = _cell_value(change, change.old)
        new, new_format = _cell_value(change, change.new)
        sheet.put_row(row, [subject_label(change.subject, view.names), categories[change.category],
                            changes[change.change], field_label(change.field, change.subject.type), old, new],
                [None, None, None, None, old_format, new_format])
    sheet.finish(header_row=2)


def _maxima(sheet: Sheet, view: DiffView) -> None:
    sheet.header(vocabulary.columns("maxima"))
    maxima = view.result.maxima
    for row, effect in enumerate(maxima, 2):
        sheet.put_row(row, [effect.name, format_enterprise_number(effect.enterprise_number), effect.old, effect.new,
                             effect.difference, yes_no(effect.old != effect.new)],
                [None, None, EURO, EURO, EURO, None])
    total = len(maxima) + 2
    sheet.put(total, 1, _("Total (maximum subsidy)"), bold=True)
    old_total = sum((effect.old or Decimal(0) for effect in maxima), Decimal(0))
    new_total = sum((effect.new or Decimal(0) for effect in maxima), Decimal(0))
    for column, value in ((3, old_total), (4, new_total), (5, new_total - old_total)):
        sheet.sum_formula(total, column, 2, total - 1, EURO, value)
    result = view.result
    rate = vocabulary.translated(vocabulary.SUMMARY)["rate"]
    sheet.put_row(total + 1, [rate, None, result.rate_old, result.rate_new], [None, None, EURO, EURO])
    sheet.finish()


def _settlement(sheet: Sheet, view: DiffView) -> None:
    effect = view.effect
    if effect is None:
        return
    columns = [f"{label(key)} {vocabulary.word(side)}" for key in effect.keys for side in ("old", "new", "difference")]
    who = vocabulary.columns("families")  # the beneficiary and its enterprise number
    sheet.header([*who, *columns, vocabulary.columns("maxima")[-1]])
    for row, b in enumerate(effect.beneficiaries, 2):
        figures = _figures(b)
        sheet.put_row(row, [b.name, format_enterprise_number(b.enterprise_number), *figures, yes_no(b.changed)],
                [None, None] + [EURO] * len(figures))
    total = len(effect.beneficiaries) + 2
    sheet.put(total, 1, vocabulary.word("total"), bold=True)
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
    sheet.header(vocabulary.columns("ratio"), row=2)
    for row, verdict in enumerate(ratio.verdicts, 3):
        sheet.put_row(row, [verdict.commitment, verdict.title, verdict.year, verdict_word(verdict.old),
                            verdict_word(verdict.new)], [None, None, COUNT])
    sheet.finish(header_row=2)


def _caps(sheet: Sheet, view: DiffView) -> None:
    """R6: each beneficiary whose eligible costs moved, with what they cap in each version."""
    caps = view.effect.caps if view.effect is not None else ()
    before = vocabulary.translated(vocabulary.SUMMARY)["payable_before_cap"]
    figures = [f"{name} {vocabulary.word(side)}" for name in (label("eligible_costs"), before, label("payable"))
               for side in ("old", "new")]
    sheet.header([*vocabulary.columns("families"), *figures, _("The cap moves the payable amount")])
    for row, cap in enumerate(caps, 2):
        sheet.put_row(row, [cap.name, format_enterprise_number(cap.enterprise_number), cap.old, cap.new,
                            cap.old_before_cap, cap.new_before_cap, cap.old_payable, cap.new_payable,
                            yes_no(cap.moves_payable)], [None, None, EURO, EURO, EURO, EURO, EURO, EURO])
    sheet.finish()


def _figures(b: BeneficiaryEffect) -> list[Decimal | None]:
    old, new = b.old or {}, b.new or {}
    return [value for key in b.keys for value in (old.get(key), new.get(key), b.difference[key])]


def _problems(sheet: Sheet, view: DiffView) -> None:
    sheet.header(vocabulary.columns("problems"))
    error, warning = _("error"), _("warning")
    for row, d in enumerate(view.problems, 2):
        sheet.put_row(row, [d.location.file, d.location.line, d.location.col, d.code,
                             error if d.is_error else warning, d.message, d.hint])
    sheet.finish()


def write_workbook(path: Path, view: DiffView, created: datetime) -> None:
    name = vocabulary.sheet
    book = Book(path, title=heading(view), created=created)
    _changes(book.sheet(name("changes")), view)
    if view.result.maxima:
        _maxima(book.sheet(name("maxima")), view)
    if view.effect is not None:
        _settlement(book.sheet(name("settlement")), view)
    if view.effect is not None and view.effect.ratio is not None and view.effect.ratio.changed:
        _ratio(book.sheet(name("ratio")), view)
    if view.effect is not None and view.effect.caps:
        _caps(book.sheet(name("caps")), view)
    if view.problems:
        _problems(book.sheet(name("problems")), view)
    book.close()
