"""Settlements as an Excel workbook: the auditor's evidence.

An auditor follows every figure without leaving the file: the summary with each
beneficiary's inputs beside its figures, the families over covenant and addenda (R7) and
the portfolio, the consultants, their absences with the article or law behind each, the
short spans with their cause (they add up to each shortfall), the result commitments per
work year, the advance tranches, the cost statements (each line's eligible part; the
summary's eligible costs are their sums), the explanation, and `Bronnen`: tool version, every input
file with its SHA-256, and each rule in force with where it came from and its legal source.

Every rounded figure of the summary is a formula of the cells it derives from, so that an
auditor, Excel or a formula engine redoes it to the cent: the amount per FTE is
`=maximum/FTE`, the deduction `=ROUND(...)` of maximum, shortfall, FTE and days, effort and
result `=ROUND(...)` of the base and the shares, the ratio `=2/3` written as whole numbers.
The roundings work in whole cents and whole ten-thousandths of a share (`ROUND(x*100,0)`),
so that a half cent is a half cent in binary arithmetic too, and half-up as in the engine.
Every formula is saved with its value. Text is never a formula. Every sheet's name, header
and word comes from the vocabulary, in the run's language; dates stay ISO, numbers numbers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.engine.families import Family, Portfolio
from convenant_cli.engine.settlement import Settlement
from convenant_cli.loading.provenance import FileRecord
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.explanation import rule_value, settlement_steps
from convenant_cli.render.settlement.steps import cause, consultant
from convenant_cli.render.settlement.table import settlement_title
from convenant_cli.render.settlement.xlsx_costs import cost_rows, costs_sheet
from convenant_cli.render.settlement.xlsx_families import families_sheet, portfolio_sheet
from convenant_cli.render.settlement.xlsx_summary import SUMMARY_KEYS as SUMMARY_KEYS  # the columns, by key
from convenant_cli.render.settlement.xlsx_summary import columns, summary_sheets
from convenant_cli.render.workbook import COUNT, DATE, EURO, FTE, FTE_DAYS, Book, Sheet

_T = TypeVar("_T")
TEXT_WIDTH = 24  # characters a line of a name, a title or a ground beside the figures of the evidence sheets


@dataclass(frozen=True)
class Provenance:
    """What produced the workbook: the tool, when, from which files; what the run said of them
    (`notes`: what the terminal notes of each agreement, `{id}: ...`; `warnings`, and the warnings
    `accepted` by a comment with its reason), so that the workbook says all the terminal says."""

    version: str
    created: datetime
    files: tuple[FileRecord, ...]
    notes: tuple[str, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()
    accepted: tuple[tuple[Diagnostic, str], ...] = ()


def _agreement(settlements: list[Settlement], settlement: Settlement) -> tuple[str, ...]:
    """The agreement's id on a row of a sheet of several agreements; of one, no such column (the
    summary's title names it)."""
    return (settlement.id,) if len(settlements) > 1 else ()


def _columns(settlements: list[Settlement], values: list[_T], at: int = 1) -> list[_T]:
    """A sheet's headers or formats, without the agreement's column (at `at`) in a workbook of one."""
    return values if len(settlements) > 1 else values[:at] + values[at + 1:]


def _named(sheet: Sheet) -> Sheet:
    """A sheet whose first column is a beneficiary's name: it wraps, so that the figures keep the page."""
    sheet.limit(1, TEXT_WIDTH)
    return sheet


def _consultants(sheet: Sheet, settlements: list[Settlement]) -> None:
    _named(sheet).header(_columns(settlements, vocabulary.columns("consultants")))
    yes_no = vocabulary.yes_no
    formats = _columns(settlements, [None, None, None, None, None, None, FTE, DATE, DATE, None, COUNT, COUNT,
                                     FTE_DAYS])
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            for c in line.staffing.consultants if line.staffing else ():
                lost = sum((a.lost_fte_days for a in c.absences), Decimal(0))
                sheet.put_row(row, [line.name, *agreement, format_enterprise_number(line.enterprise_number),
                                     c.name, c.key, c.insz, c.fte, c.employed.start, c.employed.end,
                                     yes_no(c.employed_given), c.guaranteed_wage_days, len(c.absences), lost],
                              formats)
                row += 1
    sheet.finish()


def _absences(sheet: Sheet, settlements: list[Settlement]) -> None:
    _named(sheet)
    # an absence a row: each word translated once a sheet, not once a cell
    reasons = vocabulary.translated(vocabulary.REASONS)
    yes, no = vocabulary.yes_no(True), vocabulary.yes_no(False)
    wage_law, art5 = _(vocabulary.WAGE_LAW), "Art. 5"
    formats = _columns(settlements, [None, None, None, None, DATE, DATE, COUNT, FTE, COUNT, DATE, DATE, COUNT, COUNT,
                                     None, DATE, DATE, None, None, DATE, DATE, COUNT, FTE_DAYS, None])
    # the legal basis is not wrapped: a row of thousands written whole at C speed (`put_row`)
    sheet.header(_columns(settlements, vocabulary.columns("absences")))
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            for a in line.staffing.absences if line.staffing else ():
                window = a.window
                incapacity = a.incapacity  # guaranteed wage, relapse and a new illness apply to it alone: else blank
                sheet.put_row(row, [
                    line.name, *agreement, consultant(a), reasons.get(a.reason, a.reason), a.span.start, a.span.end,
                    a.days, a.fte, a.days_in_term, a.wage.start if a.wage else None, a.wage.end if a.wage else None,
                    a.wage_days if incapacity else None, a.wage_days_in_term if incapacity else None,
                    (yes if a.relapse else no) if incapacity else None,
                    window.first if window else None, window.last if window else None,
                    (yes if a.new_illness else no) if incapacity else None, yes if a.replaced else no,
                    a.uncovered.start if a.uncovered else None, a.uncovered.end if a.uncovered else None,
                    a.uncovered_days, a.lost_fte_days, wage_law if a.incapacity else art5,
                ], formats)
                row += 1
    sheet.finish()


def _short_spans(sheet: Sheet, settlements: list[Settlement]) -> None:
    """One row per short span, then per beneficiary a SUM that equals its shortfall."""
    formats = _columns(settlements, [None, None, DATE, DATE, COUNT, FTE, FTE, FTE, FTE, FTE, FTE, FTE, FTE_DAYS, None])
    _named(sheet)  # the cause is not wrapped: a row of thousands written whole at C speed (`put_row`)
    sheet.header(_columns(settlements, vocabulary.columns("short_spans")))
    summed = 13 if len(settlements) > 1 else 12  # the shortfall in FTE-days
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            spans = line.staffing.short_spans if line.staffing else ()
            if not spans:
                continue
            first = row
            for span in spans:
                sheet.put_row(row, [line.name, *agreement, span.start, span.end, span.days, span.beneficiary_fte,
                                     span.employed_fte, span.absent_fte, span.counted_fte,
                                     span.vacancy_fte or None, span.surplus_fte or None,  # none: blank
                                     span.shortfall_fte, span.shortfall_fte_days, cause(span)],
                        formats)
                row += 1
            sheet.put_row(row, [_("Total {name}").format(name=line.name), *agreement])
            sheet.sum_formula(row, summed, first, row - 1, FTE_DAYS, sum((span.shortfall_fte_days for span in spans),
                                                                       Decimal(0)))
            row += 1
    sheet.finish()


def _commitments(sheet: Sheet, settlements: list[Settlement]) -> None:
    at = 1 if len(settlements) > 1 else 0  # the agreement's column
    sheet.limit(1, 12)  # a commitment's id (R1), or its id and work year
    for column in (2, 5, 6, 11, 12):  # the title, the ground, the indicator, who decided, the self-assessment: wrapped
        sheet.limit(column + at, TEXT_WIDTH)
    sheet.header(_columns(settlements, vocabulary.columns("commitments")))
    formats = _columns(settlements, [None, None, None, COUNT, None, None, None, COUNT, COUNT, COUNT, None, None, None,
                                     COUNT, None])
    statuses = vocabulary.translated(vocabulary.UNIT_STATUS)
    row = 2
    for settlement in settlements:
        for unit in settlement.ratio.units if settlement.ratio else ():
            ground = _("auditor's verdict: {note}").format(note=unit.note or "") if unit.by_auditor else \
                _("targets")
            if not unit.due:
                ground = _("work year (or term) not over yet")
            elif unit.unjudged:
                ground = _("qualitative: waits for the auditor's verdict")
            base: list[object] = [unit.commitment, *_agreement(settlements, settlement), unit.title, unit.year,
                                  statuses[unit.status].lower(), ground]
            # who decided, beside the figures: the source, the sector's own view, and each value the
            # auditor counted otherwise with the sector's beside it
            decided = [judgement.source(unit, settlement.judgement), judgement.self_assessment(unit)]
            for target in unit.targets or (None,):
                extra: list[object] = [None] * 5
                corrected: list[object] = [None, None]
                if target is not None:
                    extra = [target.indicator, target.year, target.minimum, target.value,
                             vocabulary.yes_no(target.met)]
                    if target.corrected:
                        corrected = [target.reported, target.correction]
                sheet.put_row(row, base + extra + decided + corrected, formats)
                row += 1
    sheet.finish()


def _advances(sheet: Sheet, settlements: list[Settlement]) -> None:
    _named(sheet).header(_columns(settlements, vocabulary.columns("advances")))
    formats = _columns(settlements, [None, None, None, DATE, None, EURO])
    summed = 6 if len(settlements) > 1 else 5  # the amount
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            if not line.advance_tranches:
                continue
            first = row
            for advance in line.advance_tranches:
                sheet.put_row(row, [line.name, *_agreement(settlements, settlement),
                                     format_enterprise_number(line.enterprise_number), advance.date, advance.reference,
                                     advance.amount], formats)
                row += 1
            sheet.put(row, 1, _("Total {name}").format(name=line.name), bold=True)
            sheet.sum_formula(row, summed, first, row - 1, EURO, line.advances)
            row += 1
    sheet.finish()


def _explanation(sheet: Sheet, settlements: list[Settlement]) -> None:
    """A step a row, under a heading for each subject (the agreement, its commitments, each beneficiary,
    as the terminal's explanation shows them): what, by which rule and article, from what, by which
    arithmetic; the consultant's column only when a step names one."""
    steps = [(settlement, settlement_steps(settlement, per_absence=False)) for settlement in settlements]
    detailed = any(step.detail for _settlement, found in steps for step in found)
    keep = [False, False, detailed, True, True, True, True, True]  # the subject and agreement: in the headings
    widths = [w for w, kept in zip((0, 0, 14, 26, 8, 12, 84, 88), keep, strict=True) if kept]  # one A4 page wide
    for column, width in enumerate(widths, 1):
        sheet.limit(column, width)
    headers = [header for header, kept in zip(vocabulary.columns("explanation"), keep, strict=True) if kept]
    sheet.header(headers)
    sheet.note(2, _("Each absence and each period with a shortfall stands with its ground on a row of its own in the "
                    "sheets {absences} and {short_spans}; here the figures that rest on them.")
               .format(absences=vocabulary.sheet("absences"), short_spans=vocabulary.sheet("short_spans")),
               len(headers), width=sum(widths) // 2)  # the columns of text are as wide as half their limits at least
    row = 3
    several = len(settlements) > 1
    for settlement, found in steps:
        subject = None
        for step in found:
            if step.subject != subject:
                subject = step.subject
                heading = f"{settlement.id}: {subject}" if several and subject != settlement.id else subject
                sheet.note(row, heading, len(headers), bold=True)
                row += 1
            sheet.put_row(row, [*((step.detail,) if detailed else ()), step.figure, step.rule, step.article,
                                step.inputs, step.arithmetic])
            row += 1
    sheet.finish()


def _sources(sheet: Sheet, settlements: list[Settlement], provenance: Provenance) -> None:
    for column, width in ((1, 30), (2, 36), (3, 30), (4, 20), (5, 30), (6, 68)):  # long values wrap, a SHA-256 not:
        sheet.limit(column, width)
    sheet.at_least([0, 0, 0, 0, 0, 68])  # its 64 letters and digits on one line, in Excel's narrower columns too
    sheet.header(vocabulary.columns("sources"))
    rows: list[list[object]] = [
        [_("Tool"), f"convenant {provenance.version}", None, None, None, None],
        [_("Created"), provenance.created.strftime("%Y-%m-%d %H:%M:%S UTC"), None, None, None, None],
    ]
    rules, origins = vocabulary.translated(vocabulary.RULES), vocabulary.translated(vocabulary.ORIGINS)
    legal = vocabulary.translated(vocabulary.LEGAL_SOURCES)
    for record in provenance.files:
        role = _("file given") if record.given else _("file referred to")
        kind = vocabulary.kind(record.kind)
        rows.append([_("Input ({kind})").format(kind=kind), record.name, role, kind, None, record.sha256])
    for settlement in settlements:  # who judged each eindrapport, and in which file
        judged = settlement.judgement
        if judged is not None:
            rows.append([_("Assessment ({id})").format(id=settlement.id), judgement.judged_by(judged), judged.file,
                         vocabulary.kind("assessment"), None, judged.sha256])
        elif settlement.provisional:
            rows.append([_("Assessment ({id})").format(id=settlement.id), judgement.waiting(settlement), None, None,
                         None, None])
    for d in provenance.warnings:  # as the terminal printed them, and those a comment accepted, with its reason
        rows.append([_("Warning ({code})").format(code=d.code), d.message, f"{d.location.file}:{d.location.line}",
                     None, None, None])
    for d, reason in provenance.accepted:
        rows.append([_("Accepted warning ({code})").format(code=d.code), d.message,
                     f"{d.location.file}:{d.location.line}", _("accepted: {reason}").format(reason=reason), None, None])
    for settlement in settlements:
        for name, origin in settlement.rules.origins.items():
            value = rule_value(name, getattr(settlement.rules.rules, name))
            where = settlement.rules.sources.get(origin, _("rulebook R5"))
            rows.append([f"{rules[name]} ({settlement.id})", value, origins[origin.value], where, legal[name], None])
    for row, values in enumerate(rows, 2):
        sheet.put_row(row, values)
    sheet.finish()


def write_workbook(path: Path, settlements: list[Settlement], families: tuple[Family, ...], portfolio: Portfolio,
                   provenance: Provenance) -> None:
    book = Book(path, title=" | ".join(settlement_title(s) for s in settlements), created=provenance.created)
    name = vocabulary.sheet
    costs = cost_rows(name("costs"), settlements)
    layout = columns(settlements, name("summary"), name("calculation"))
    summary_sheets(book.sheet(name("summary")), book.sheet(name("calculation")), settlements, costs, layout,
                   provenance.notes)
    if len(families) > 1:
        portfolio_sheet(book.sheet(name("portfolio")), portfolio)
    if any(len(family.members) > 1 for family in families):
        families_sheet(book.sheet(name("families")), families)
    _consultants(book.sheet(name("consultants")), settlements)
    _absences(book.sheet(name("absences")), settlements)
    _short_spans(book.sheet(name("short_spans")), settlements)
    _commitments(book.sheet(name("commitments")), settlements)
    _advances(book.sheet(name("advances")), settlements)
    if costs.rows:
        costs_sheet(book.sheet(name("costs")), settlements, costs)
    _explanation(book.sheet(name("explanation")), settlements)
    _sources(book.sheet(name("sources")), settlements, provenance)
    book.close()
