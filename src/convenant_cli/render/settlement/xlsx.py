"""Settlements as an Excel workbook: the auditor's evidence (SPEC §4, §6).

An auditor follows every figure without leaving the file: the summary with each
beneficiary's inputs beside its figures (so deduction, effort and result can be redone
from the cells), the consultants, their absences with the article or law behind each,
the short spans with their cause (they add up to each shortfall), the result
commitments per work year, the advance tranches, the explanation, and `Bronnen`: tool
version, every input file with its SHA-256, and each rule in force with where it came
from and its legal source.

Every figure is a number with its format; totals are `SUM` formulas that Excel and
LibreOffice recompute to the same cent. Text is never a formula. Returns a `Workbook`;
writing it is `workbook.save`'s job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from fractions import Fraction

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.money import round_half_up
from convenant_cli.engine.combination import CombinedLine
from convenant_cli.engine.settlement import MONEY_KEYS, Line, Settlement
from convenant_cli.loading.provenance import FileRecord
from convenant_cli.models.rules import LEGAL_SOURCES
from convenant_cli.render import labels
from convenant_cli.render.settlement.explanation import WAGE_LAW, cause, consultant, rule_value, settlement_steps
from convenant_cli.render.settlement.notes import settlement_notes
from convenant_cli.render.settlement.table import settlement_title
from convenant_cli.render.workbook import (
    BOLD,
    COUNT,
    DATE,
    EURO,
    EXACT,
    FTE,
    FTE_DAYS,
    RATIO,
    finish,
    header,
    put,
    put_row,
    sum_formula,
    title_row,
)


@dataclass(frozen=True)
class Provenance:
    """What produced the workbook: the tool, when, from which files."""

    version: str
    created: datetime
    files: tuple[FileRecord, ...]


# The summary's columns by key (headers: `labels.SUMMARY`); these are totalled per file, and
# of an agreement shown as maxima only the maxima
SUMMARY_TOTALLED = frozenset({"maximum", "shortfall_fte_days", "deduction", "effort", "result", "payable_before_cap",
                              "payable", "advances", "balance"})
MAXIMA_TOTALLED = frozenset({"maximum", "effort", "result"})


def _summary_columns(settlement: Settlement, line: Line) -> list[tuple[str, object, str | None]]:
    """(key, value of a line, number format) for each column of the summary."""
    rules = settlement.rules.rules
    settled = settlement.settled
    return [
        ("name", line.name, None),
        ("convenant", settlement.id, None),
        ("enterprise_number", format_enterprise_number(line.enterprise_number), None),
        ("status", labels.STATUS[settled], None),
        ("fte", line.fte, FTE),
        ("maximum", line.maximum, EURO),
        ("rate", _exact(line.rate) if line.rate is not None else None, EXACT),
        ("term_days", line.term_days, COUNT),
        ("shortfall_fte_days", line.shortfall_fte_days if settled else None, FTE_DAYS),
        ("deduction_exact", _exact(line.deduction_exact) if settled else None, EXACT),
        ("deduction", line.deduction if settled else None, EURO),
        ("base", line.base, EURO),
        ("effort_share", rules.effort_share, FTE),
        ("effort", line.effort, EURO),
        ("result_share", rules.result_share, FTE),
        ("ratio", _exact(settlement.share), RATIO),
        ("result", line.result, EURO),
        ("payable_before_cap", line.payable_before_cap if settled else None, EURO),
        ("eligible_costs", line.eligible_costs, EURO),
        ("capped", labels.yes_no(line.capped) if settled else None, None),
        ("payable", line.payable if settled else None, EURO),
        ("advances", line.advances if settled else None, EURO),
        ("balance", line.balance if settled else None, EURO),
        ("balance_word", labels.balance_word(line.balance) if settled else None, None),
    ]


def _exact(value: Fraction) -> Decimal:
    """An exact fraction as a decimal number with enough places to show its arithmetic."""
    return round_half_up(value, 6)


def _summary(sheet: Worksheet, settlements: list[Settlement]) -> None:
    title_row(sheet, " | ".join(settlement_title(s) for s in settlements))
    first_columns = _summary_columns(settlements[0], settlements[0].lines[0])
    header(sheet, [labels.SUMMARY[key] for key, _, _ in first_columns], row=2)
    row = 3
    for settlement in settlements:
        first = row
        for line in settlement.lines:
            columns = _summary_columns(settlement, line)
            put_row(sheet, row, [value for _, value, _ in columns], [number_format for _, _, number_format in columns])
            row += 1
        put(sheet, row, 1, f"Totaal {settlement.id}").font = BOLD
        put(sheet, row, 2, settlement.id)
        totalled = SUMMARY_TOTALLED if settlement.settled else MAXIMA_TOTALLED
        for column, (key, _, number_format) in enumerate(first_columns, 1):
            if key in totalled:
                sum_formula(sheet, row, column, first, row - 1, number_format or EURO)
        row += 1
        for note in settlement_notes(settlement):
            put(sheet, row, 1, note)
            row += 1
        row += 1
    finish(sheet, header_row=2, frozen_columns=2)


def _combined(sheet: Worksheet, lines: tuple[CombinedLine, ...]) -> None:
    header(sheet, ["Begunstigde", "Ondernemingsnummer"] + [labels.label(key) for key in MONEY_KEYS])
    for row, line in enumerate(lines, 2):
        put_row(sheet, row, [line.name, format_enterprise_number(line.enterprise_number),
                             *(getattr(line, key) for key in MONEY_KEYS)], [None, None] + [EURO] * len(MONEY_KEYS))
    total = len(lines) + 2
    put(sheet, total, 1, "Totaal").font = BOLD
    for offset in range(len(MONEY_KEYS)):
        sum_formula(sheet, total, 3 + offset, 2, total - 1, EURO)
    finish(sheet)


def _consultants(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Begunstigde", "Convenant", "Ondernemingsnummer", "Consulent", "Sleutel (id of naam)", "VTE",
                   "In dienst van", "In dienst tot", "Data in het eindrapport", "Gewaarborgd loon (kalenderdagen)",
                   "Afwezigheden", "Niet gedekte VTE-dagen vóór vervanging"])
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            for c in line.staffing.consultants if line.staffing else ():
                lost = sum((a.lost_fte_days for a in c.absences), Decimal(0))
                put_row(sheet, row, [line.name, settlement.id, format_enterprise_number(line.enterprise_number),
                                     c.name, c.key, c.fte, c.employed.start, c.employed.end,
                                     labels.yes_no(c.employed_given), c.guaranteed_wage_days, len(c.absences), lost],
                        [None, None, None, None, None, FTE, DATE, DATE, None, COUNT, COUNT, FTE_DAYS])
                row += 1
    finish(sheet)


ABSENCE_HEADERS = ["Begunstigde", "Convenant", "Consulent", "Reden", "Van", "Tot", "Dagen", "VTE", "Dagen in termijn",
                   "Gewaarborgd loon van", "Gewaarborgd loon tot", "Gewaarborgd loon (dagen)",
                   "waarvan in termijn", "Herval", "Hervalvenster van", "Hervalvenster tot", "Nieuwe ziekte",
                   "Vervangen", "Niet gedekt van", "Niet gedekt tot", "Niet gedekte dagen",
                   "Verloren VTE-dagen (vóór vervanging)", "Grondslag"]


def _absences(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ABSENCE_HEADERS)
    formats = [None, None, None, None, DATE, DATE, COUNT, FTE, COUNT, DATE, DATE, COUNT, COUNT, None, DATE, DATE,
               None, None, DATE, DATE, COUNT, FTE_DAYS, None]
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            for a in line.staffing.absences if line.staffing else ():
                window = a.window
                put_row(sheet, row, [
                    line.name, settlement.id, consultant(a), labels.reason(a.reason), a.span.start, a.span.end, a.days,
                    a.fte, a.days_in_term, a.wage.start if a.wage else None, a.wage.end if a.wage else None,
                    a.wage_days, a.wage_days_in_term, labels.yes_no(a.relapse),
                    window.first if window else None, window.last if window else None,
                    labels.yes_no(a.new_illness), labels.yes_no(a.replaced),
                    a.uncovered.start if a.uncovered else None, a.uncovered.end if a.uncovered else None,
                    a.uncovered_days, a.lost_fte_days, WAGE_LAW if a.incapacity else "Art. 5",
                ], formats)
                row += 1
    finish(sheet)


SPAN_HEADERS = ["Begunstigde", "Convenant", "Van", "Tot", "Dagen", "VTE begunstigde", "VTE in dienst",
                "VTE afwezig (niet gedekt)", "VTE geteld", "Vacature VTE", "Vervanging of overschot VTE",
                "Tekort VTE", "Tekort VTE-dagen", "Oorzaak"]


def _short_spans(sheet: Worksheet, settlements: list[Settlement]) -> None:
    """One row per short span, then per beneficiary a SUM that equals its shortfall."""
    header(sheet, SPAN_HEADERS)
    formats = [None, None, DATE, DATE, COUNT, FTE, FTE, FTE, FTE, FTE, FTE, FTE, FTE_DAYS, None]
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            spans = line.staffing.short_spans if line.staffing else ()
            if not spans:
                continue
            first = row
            for span in spans:
                put_row(sheet, row, [line.name, settlement.id, span.start, span.end, span.days, span.beneficiary_fte,
                                     span.employed_fte, span.absent_fte, span.counted_fte, span.vacancy_fte,
                                     span.surplus_fte, span.shortfall_fte, span.shortfall_fte_days, cause(span)],
                        formats)
                row += 1
            put(sheet, row, 1, f"Totaal {line.name}").font = BOLD
            put(sheet, row, 2, settlement.id)
            sum_formula(sheet, row, 13, first, row - 1, FTE_DAYS)
            row += 1
    finish(sheet)


def _commitments(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Verbintenis", "Convenant", "Titel", "Werkjaar", "Behaald", "Grond", "Indicator",
                   "Werkjaar streefcijfer", "Minimum", "Gemeten waarde", "Streefcijfer gehaald"])
    row = 2
    for settlement in settlements:
        for unit in settlement.ratio.units if settlement.ratio else ():
            ground = f"oordeel van de auditor: {unit.note or ''}" if unit.by_auditor else "streefcijfers"
            base: list[object] = [unit.commitment, settlement.id, unit.title, unit.year,
                                  labels.yes_no(unit.achieved), ground]
            for target in unit.targets or (None,):
                extra = [target.indicator, target.year, target.minimum, target.value, labels.yes_no(target.met)] \
                    if target else []
                put_row(sheet, row, base + extra, [None, None, None, COUNT, None, None, None, COUNT, COUNT, COUNT])
                row += 1
    finish(sheet)


def _advances(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Begunstigde", "Convenant", "Ondernemingsnummer", "Datum", "Referentie", "Bedrag"])
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            if not line.advance_tranches:
                continue
            first = row
            for advance in line.advance_tranches:
                put_row(sheet, row, [line.name, settlement.id, format_enterprise_number(line.enterprise_number),
                                     advance.date, advance.reference, advance.amount],
                        [None, None, None, DATE, None, EURO])
                row += 1
            put(sheet, row, 1, f"Totaal {line.name}").font = BOLD
            sum_formula(sheet, row, 6, first, row - 1, EURO)
            row += 1
    finish(sheet)


def _explanation(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Onderwerp", "Convenant", "Consulent", "Figuur", "Regel", "Artikel", "Gegevens", "Berekening"])
    row = 2
    for settlement in settlements:
        for step in settlement_steps(settlement):
            put_row(sheet, row, [step.subject, settlement.id, step.detail, step.figure, step.rule, step.article,
                                 step.inputs, step.arithmetic])
            row += 1
    finish(sheet)


def _sources(sheet: Worksheet, settlements: list[Settlement], provenance: Provenance) -> None:
    header(sheet, ["Gegeven", "Waarde", "Herkomst", "Bron", "Rechtsgrond", "SHA-256"])
    rows: list[list[object]] = [
        ["Hulpmiddel", f"convenant {provenance.version}", None, None, None, None],
        ["Aangemaakt", provenance.created.strftime("%Y-%m-%d %H:%M:%S UTC"), None, None, None, None],
    ]
    for record in provenance.files:
        role = "opgegeven bestand" if record.given else "verwezen bestand"
        rows.append([f"Invoer ({labels.KINDS.get(record.kind, record.kind)})", record.name, role,
                     labels.KINDS.get(record.kind, record.kind), None, record.sha256])
    for settlement in settlements:
        for name, origin in settlement.rules.origins.items():
            value = rule_value(name, getattr(settlement.rules.rules, name))
            where = settlement.rules.sources.get(origin, "SPEC §3")
            rows.append([f"{labels.RULES[name]} ({settlement.id})", value, labels.ORIGINS[origin.value], where,
                         LEGAL_SOURCES[name], None])
    for row, values in enumerate(rows, 2):
        put_row(sheet, row, values)
    finish(sheet)


def build_workbook(settlements: list[Settlement], combined: tuple[CombinedLine, ...] | None,
                   provenance: Provenance) -> Workbook:
    book = Workbook()
    summary = book.active
    if not isinstance(summary, Worksheet):
        raise TypeError("a new workbook starts with a worksheet")
    summary.title = "Samenvatting"
    _summary(summary, settlements)
    if combined:
        _combined(book.create_sheet("Per begunstigde"), combined)
    _consultants(book.create_sheet("Consulenten"), settlements)
    _absences(book.create_sheet("Afwezigheden"), settlements)
    _short_spans(book.create_sheet("Tekort per periode"), settlements)
    _commitments(book.create_sheet("Resultaatsverbintenissen"), settlements)
    _advances(book.create_sheet("Voorschotten"), settlements)
    _explanation(book.create_sheet("Toelichting"), settlements)
    _sources(book.create_sheet("Bronnen"), settlements, provenance)
    book.properties.title = " | ".join(settlement_title(s) for s in settlements)
    return book
