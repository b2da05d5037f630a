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
from fractions import Fraction
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.engine.families import Family, Portfolio
from convenant_cli.engine.settlement import MONEY_KEYS, Line, Settlement
from convenant_cli.loading.provenance import FileRecord
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.explanation import rule_value, settlement_steps
from convenant_cli.render.settlement.notes import settlement_notes
from convenant_cli.render.settlement.steps import cause, consultant
from convenant_cli.render.settlement.table import settlement_title
from convenant_cli.render.settlement.xlsx_costs import CostRows, cost_rows, costs_sheet
from convenant_cli.render.settlement.xlsx_families import families_sheet, portfolio_sheet
from convenant_cli.render.workbook import COUNT, DATE, EURO, FTE, FTE_DAYS, RATIO, Book, Formula, Sheet, letter


@dataclass(frozen=True)
class Provenance:
    """What produced the workbook: the tool, when, from which files."""

    version: str
    created: datetime
    files: tuple[FileRecord, ...]


# The summary's columns, by key (headers: `vocabulary.SUMMARY`): first the figures an auditor signs,
# alone on the printed page's width, then the columns they derive from, on the pages after
SIGNED_KEYS = ("name", "maximum", "deduction", "effort", "result", "payable", "advances", "balance", "balance_word")
SUMMARY_KEYS = SIGNED_KEYS + ("convenant", "enterprise_number", "status", "fte", "rate", "term_days",
                              "shortfall_fte_days", "deduction_exact", "base", "effort_share", "result_share", "ratio",
                              "payable_before_cap", "eligible_costs", "capped")
COLUMN = {key: letter(number) for number, key in enumerate(SUMMARY_KEYS, 1)}
# totalled per file, and of an agreement shown as maxima only the maxima
SUMMARY_TOTALLED = ("maximum", "shortfall_fte_days", "deduction", "effort", "result", "payable_before_cap",
                    "payable", "advances", "balance")
MAXIMA_TOTALLED = ("maximum", "effort", "result")
NAME_WIDTH = 30  # characters of a beneficiary's name a line, so that the signed figures fit A4 at a legible size
INTERIM_TOTALLED = ("maximum", "shortfall_fte_days", "deduction", "advances")  # Art. 6: nothing payable yet
TOTALLED = {"settled": SUMMARY_TOTALLED, "provisional": SUMMARY_TOTALLED, "interim": INTERIM_TOTALLED,
            "maxima": MAXIMA_TOTALLED}
FORMATS = {"fte": FTE, "maximum": EURO, "rate": EURO, "term_days": COUNT, "shortfall_fte_days": FTE_DAYS,
           "deduction_exact": EURO, "deduction": EURO, "base": EURO, "effort_share": FTE, "effort": EURO,
           "result_share": FTE, "ratio": RATIO, "result": EURO, "payable_before_cap": EURO, "eligible_costs": EURO,
           "payable": EURO, "advances": EURO, "balance": EURO}


def _cents(key: str, row: int) -> str:
    return f"ROUND({COLUMN[key]}{row}*100,0)"


def _units(key: str, row: int) -> str:
    """A share in whole ten-thousandths (0,70 -> 7000): shares have at most four decimals."""
    return f"ROUND({COLUMN[key]}{row}*10000,0)"


def _summary_cells(settlement: Settlement, line: Line, row: int) -> dict[str, tuple[object, str | None]]:
    """Each column's cell: a value, or (a string starting with `=`) a formula with the value
    the engine computed, which the formula redoes to the cent."""
    rules = settlement.rules.rules
    settled = settlement.settled
    share = settlement.share
    cells: dict[str, tuple[object, str | None]] = {
        "name": (line.name, None),
        "convenant": (settlement.id, None),
        "enterprise_number": (format_enterprise_number(line.enterprise_number), None),
        "status": (vocabulary.translated(vocabulary.STATUS)[settlement.status], None),
        "fte": (line.fte, None),
        "maximum": (line.maximum, None),
        "term_days": (line.term_days, None),
        "effort_share": (rules.effort_share, None),
        "result_share": (rules.result_share, None),
        "eligible_costs": (line.eligible_costs, None),
    }
    if not settlement.interim:  # an interim view has no ratio yet (Art. 6)
        cells["ratio"] = (Formula(f"={share.numerator}/{share.denominator}"), None)
    if line.rate is not None:
        cells["rate"] = (Formula(f"={COLUMN['maximum']}{row}/{COLUMN['fte']}{row}"), None)
    deducted = settled and line.rate is not None
    if deducted:
        cells["shortfall_fte_days"] = (line.shortfall_fte_days, None)
        cells["deduction_exact"] = (Formula(f"={COLUMN['maximum']}{row}*{COLUMN['shortfall_fte_days']}{row}/"
                                            f"({COLUMN['fte']}{row}*{COLUMN['term_days']}{row})"), None)
        cells["deduction"] = (Formula(f"=ROUND({_cents('maximum', row)}*{_cents('shortfall_fte_days', row)}/"
                                      f"({_cents('fte', row)}*{COLUMN['term_days']}{row}),0)/100"), None)
    elif settled:
        cells["shortfall_fte_days"] = (line.shortfall_fte_days, None)
        cells["deduction"] = (line.deduction, None)
    on_maximum = rules.deduction_base == "maximum"
    cells["base"] = (Formula(f"={COLUMN['maximum']}{row}" + (f"-{COLUMN['deduction']}{row}"
                                                             if on_maximum and settled else "")), None)
    if settlement.interim:
        cells["advances"] = (line.advances, None)
        return cells
    cells["effort"] = (Formula(f"=ROUND({_cents('base', row)}*{_units('effort_share', row)}/10000,0)/100"), None)
    cells["result"] = (Formula(f"=ROUND({_cents('base', row)}*{_units('result_share', row)}*{share.numerator}/"
                               f"(10000*{share.denominator}),0)/100"), None)
    if settled:
        effort_result = f"{COLUMN['effort']}{row}+{COLUMN['result']}{row}"
        cells["payable_before_cap"] = (Formula(f"={effort_result}" if on_maximum else
                                               f"=MAX(0,{effort_result}-{COLUMN['deduction']}{row})"), None)
        before = f"{COLUMN['payable_before_cap']}{row}"
        cells["payable"] = (Formula(f"=MIN({before},{COLUMN['eligible_costs']}{row})"
                                    if line.eligible_costs is not None else f"={before}"), None)
        cells["capped"] = (vocabulary.yes_no(line.capped), None)
        cells["advances"] = (line.advances, None)
        cells["balance"] = (Formula(f"={COLUMN['payable']}{row}-{COLUMN['advances']}{row}"), None)
        cells["balance_word"] = (vocabulary.balance_word(line.balance), None)
    return cells


def _computed(settlement: Settlement, line: Line) -> dict[str, Decimal | Fraction | int | None]:
    """What each formula of the summary comes to, as the engine computed it."""
    return {"eligible_costs": line.eligible_costs, "rate": line.rate, "deduction_exact": line.deduction_exact,
            "deduction": line.deduction,
            "base": line.base, "effort": line.effort, "result": line.result, "ratio": settlement.share,
            "payable_before_cap": line.payable_before_cap, "payable": line.payable, "balance": line.balance}


def _summary(sheet: Sheet, settlements: list[Settlement], costs: CostRows) -> None:
    sheet.limit(1, NAME_WIDTH)
    # the signed columns: the name, and eight figures of about fifteen characters
    sheet.title_row("\n".join(settlement_title(s) for s in settlements), len(SIGNED_KEYS),
                    NAME_WIDTH + 15 * (len(SIGNED_KEYS) - 1))
    headers = vocabulary.translated(vocabulary.SUMMARY)
    sheet.header([headers[key] for key in SUMMARY_KEYS], row=2)
    row = 3
    for index, settlement in enumerate(settlements):
        first = row
        for line in settlement.lines:
            computed = _computed(settlement, line)
            cells = _summary_cells(settlement, line, row)
            cap = costs.cap(index, line.enterprise_number)
            if cap is not None:  # R6: the sum of its cost statement, on the sheet of the cost lines
                cells["eligible_costs"] = (Formula(cap), None)
            for column, key in enumerate(SUMMARY_KEYS, 1):
                value, _unused = cells.get(key, (None, None))
                if isinstance(value, Formula):
                    sheet.formula(row, column, value, computed[key], FORMATS.get(key))
                else:
                    sheet.put(row, column, value, FORMATS.get(key))
            row += 1
        sheet.put(row, 1, _("Total {id}").format(id=settlement.id), bold=True)
        sheet.put(row, SUMMARY_KEYS.index("convenant") + 1, settlement.id)
        for key in TOTALLED[settlement.status]:
            column = SUMMARY_KEYS.index(key) + 1
            sheet.sum_formula(row, column, first, row - 1, FORMATS[key], getattr(settlement.totals, key) if key in
                              MONEY_KEYS or key == "shortfall_fte_days" else
                              sum((getattr(line, key) for line in settlement.lines), Decimal(0)))
        row += 1
        for note in settlement_notes(settlement):
            sheet.note(row, note, len(SIGNED_KEYS))
            row += 1
        row += 1
    sheet.finish(header_row=2, frozen_columns=1, signed=len(SIGNED_KEYS))


def _agreement(settlements: list[Settlement], settlement: Settlement) -> str | None:
    """The agreement's id on a row of a sheet of several agreements (of one, the title has it)."""
    return settlement.id if len(settlements) > 1 else None


def _consultants(sheet: Sheet, settlements: list[Settlement]) -> None:
    sheet.header(vocabulary.columns("consultants"))
    yes_no = vocabulary.yes_no
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            for c in line.staffing.consultants if line.staffing else ():
                lost = sum((a.lost_fte_days for a in c.absences), Decimal(0))
                sheet.put_row(row, [line.name, agreement, format_enterprise_number(line.enterprise_number),
                                     c.name, c.key, c.insz, c.fte, c.employed.start, c.employed.end,
                                     yes_no(c.employed_given), c.guaranteed_wage_days, len(c.absences), lost],
                        [None, None, None, None, None, None, FTE, DATE, DATE, None, COUNT, COUNT, FTE_DAYS])
                row += 1
    sheet.finish()


def _absences(sheet: Sheet, settlements: list[Settlement]) -> None:
    sheet.header(vocabulary.columns("absences"))
    # an absence a row: each word translated once a sheet, not once a cell
    reasons = vocabulary.translated(vocabulary.REASONS)
    yes, no = vocabulary.yes_no(True), vocabulary.yes_no(False)
    wage_law, art5 = _(vocabulary.WAGE_LAW), "Art. 5"
    formats = [None, None, None, None, DATE, DATE, COUNT, FTE, COUNT, DATE, DATE, COUNT, COUNT, None, DATE, DATE,
               None, None, DATE, DATE, COUNT, FTE_DAYS, None]
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            for a in line.staffing.absences if line.staffing else ():
                window = a.window
                incapacity = a.incapacity  # guaranteed wage, relapse and a new illness apply to it alone: else blank
                sheet.put_row(row, [
                    line.name, agreement, consultant(a), reasons.get(a.reason, a.reason), a.span.start, a.span.end,
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
    sheet.header(vocabulary.columns("short_spans"))
    formats = [None, None, DATE, DATE, COUNT, FTE, FTE, FTE, FTE, FTE, FTE, FTE, FTE_DAYS, None]
    row = 2
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for line in settlement.lines:
            spans = line.staffing.short_spans if line.staffing else ()
            if not spans:
                continue
            first = row
            for span in spans:
                sheet.put_row(row, [line.name, agreement, span.start, span.end, span.days, span.beneficiary_fte,
                                     span.employed_fte, span.absent_fte, span.counted_fte,
                                     span.vacancy_fte or None, span.surplus_fte or None,  # none: blank
                                     span.shortfall_fte, span.shortfall_fte_days, cause(span)],
                        formats)
                row += 1
            sheet.put(row, 1, _("Total {name}").format(name=line.name), bold=True)
            sheet.put(row, 2, agreement)
            sheet.sum_formula(row, 13, first, row - 1, FTE_DAYS, sum((span.shortfall_fte_days for span in spans),
                                                                       Decimal(0)))
            row += 1
    sheet.finish()


def _commitments(sheet: Sheet, settlements: list[Settlement]) -> None:
    sheet.header(vocabulary.columns("commitments"))
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
            base: list[object] = [unit.commitment, settlement.id, unit.title, unit.year,
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
                sheet.put_row(row, base + extra + decided + corrected,
                              [None, None, None, COUNT, None, None, None, COUNT, COUNT, COUNT, None, None, None,
                               COUNT, None])
                row += 1
    sheet.finish()


def _advances(sheet: Sheet, settlements: list[Settlement]) -> None:
    sheet.header(vocabulary.columns("advances"))
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            if not line.advance_tranches:
                continue
            first = row
            for advance in line.advance_tranches:
                sheet.put_row(row, [line.name, settlement.id, format_enterprise_number(line.enterprise_number),
                                     advance.date, advance.reference, advance.amount],
                        [None, None, None, DATE, None, EURO])
                row += 1
            sheet.put(row, 1, _("Total {name}").format(name=line.name), bold=True)
            sheet.sum_formula(row, 6, first, row - 1, EURO, line.advances)
            row += 1
    sheet.finish()


def _explanation(sheet: Sheet, settlements: list[Settlement]) -> None:
    for column, width in ((1, 22), (2, 16), (3, 14), (4, 20), (6, 12), (7, 30), (8, 30)):  # one A4 page wide
        sheet.limit(column, width)
    sheet.header(vocabulary.columns("explanation"))
    sheet.note(2, _("Each absence and each period with a shortfall stands with its ground on a row of its own in the "
                    "sheets {absences} and {short_spans}; here the figures that rest on them.")
               .format(absences=vocabulary.sheet("absences"), short_spans=vocabulary.sheet("short_spans")), 8)
    row = 3
    for settlement in settlements:
        agreement = _agreement(settlements, settlement)
        for step in settlement_steps(settlement, per_absence=False):
            sheet.put_row(row, [step.subject, agreement, step.detail, step.figure, step.rule, step.article,
                                 step.inputs, step.arithmetic])
            row += 1
    sheet.finish()


def _sources(sheet: Sheet, settlements: list[Settlement], provenance: Provenance) -> None:
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
    _summary(book.sheet(name("summary")), settlements, costs)
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
