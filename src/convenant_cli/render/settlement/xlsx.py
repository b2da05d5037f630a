"""Settlements as an Excel workbook, the auditor's evidence (SPEC §4).

One sheet per view; real numbers with a euro format; header row frozen; totals as
`SUM` formulas over the rows above them, which Excel and LibreOffice recompute to
the same cent as the JSON totals. Text that could be read as a formula is stored
as text. Returns a `Workbook`; writing it to disk is the caller's job.
"""

from __future__ import annotations

from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from convenant_cli.engine.settlement import MONEY_KEYS, CombinedLine, Settlement
from convenant_cli.identifiers import format_enterprise_number
from convenant_cli.money import format_fraction
from convenant_cli.render.labels import label
from convenant_cli.render.workbook import BOLD, DATE, EURO, FTE_DAYS, header, put, sum_formula


def _summary(sheet: Worksheet, settlements: list[Settlement]) -> None:
    headers = ["Convenant", "Status", "Begunstigde", "Ondernemingsnummer", "Tekort VTE-dagen"]
    headers += [label(key) for key in MONEY_KEYS]
    header(sheet, headers)
    row = 2
    for settlement in settlements:
        status = "afgerekend" if settlement.settled else "MAXIMA (geen eindrapport)"
        first = row
        for line in settlement.lines:
            put(sheet, row, 1, settlement.id)
            put(sheet, row, 2, status)
            put(sheet, row, 3, line.name)
            put(sheet, row, 4, format_enterprise_number(line.enterprise_number))
            put(sheet, row, 5, line.shortfall_fte_days, FTE_DAYS)
            for offset, key in enumerate(MONEY_KEYS):
                put(sheet, row, 6 + offset, getattr(line, key), EURO)
            row += 1
        put(sheet, row, 1, settlement.id)
        put(sheet, row, 3, f"Totaal {settlement.id}").font = BOLD
        if settlement.ratio is not None:
            put(sheet, row, 2, f"ratio {format_fraction(settlement.ratio.ratio)}")
        sum_formula(sheet, row, 5, first, row - 1, FTE_DAYS)
        for offset in range(len(MONEY_KEYS)):
            sum_formula(sheet, row, 6 + offset, first, row - 1, EURO)
        row += 2


def _combined(sheet: Worksheet, lines: tuple[CombinedLine, ...]) -> None:
    header(sheet, ["Begunstigde", "Ondernemingsnummer"] + [label(key) for key in MONEY_KEYS])
    for row, line in enumerate(lines, 2):
        put(sheet, row, 1, line.name)
        put(sheet, row, 2, format_enterprise_number(line.enterprise_number))
        for offset, key in enumerate(MONEY_KEYS):
            put(sheet, row, 3 + offset, getattr(line, key), EURO)
    total = len(lines) + 2
    put(sheet, total, 1, "Totaal").font = BOLD
    for offset in range(len(MONEY_KEYS)):
        sum_formula(sheet, total, 3 + offset, 2, total - 1, EURO)


def _absences(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Convenant", "Begunstigde", "Consulent", "Reden", "Van", "Tot", "Dagen", "VTE",
                    "Gewaarborgd loon of vervangen (dagen)", "Herval", "Vervangen", "Niet gedekt (dagen)",
                    "Verloren VTE-dagen"])
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            for a in line.staffing.absences if line.staffing else ():
                values = [settlement.id, line.name, a.consultant, a.reason, a.start, a.end, a.days, a.fte,
                          a.covered_days, "ja" if a.relapse else "nee", "ja" if a.replaced else "nee",
                          a.uncovered_days, a.lost_fte_days]
                for column, value in enumerate(values, 1):
                    put(sheet, row, column, value, DATE if column in (5, 6) else (FTE_DAYS if column == 13 else None))
                row += 1


def _short_spans(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Convenant", "Begunstigde", "Van", "Tot", "Dagen", "VTE begunstigde", "VTE geteld",
                    "Tekort VTE", "Tekort VTE-dagen"])
    row = 2
    for settlement in settlements:
        for line in settlement.lines:
            for span in line.staffing.short_spans if line.staffing else ():
                values = [settlement.id, line.name, span.start, span.end, span.days, line.fte, span.counted_fte,
                          span.shortfall_fte, span.shortfall_fte * span.days]
                for column, value in enumerate(values, 1):
                    put(sheet, row, column, value, DATE if column in (3, 4) else None)
                row += 1


def _commitments(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Convenant", "Verbintenis", "Titel", "Werkjaar", "Behaald", "Grond", "Indicator",
                    "Jaar streefcijfer", "Minimum", "Waarde"])
    row = 2
    for settlement in settlements:
        for unit in settlement.ratio.units if settlement.ratio else ():
            ground = f"auditor: {unit.note or ''}" if unit.by_auditor else "streefcijfers"
            base = [settlement.id, unit.commitment, unit.title, unit.year, "ja" if unit.achieved else "nee", ground]
            for target in unit.targets or (None,):
                values = base + ([target.indicator, target.year, target.minimum, target.value] if target else [])
                for column, value in enumerate(values, 1):
                    put(sheet, row, column, value)
                row += 1


def _explanation(sheet: Worksheet, settlements: list[Settlement]) -> None:
    header(sheet, ["Convenant", "Onderwerp", "Figuur", "Regel", "Artikel", "Gegevens", "Berekening"])
    row = 2
    for settlement in settlements:
        for step in (*settlement.steps, *(step for line in settlement.lines for step in line.steps)):
            for column, value in enumerate([settlement.id, step.subject, step.figure, step.rule, step.article,
                                            step.inputs, step.arithmetic], 1):
                put(sheet, row, column, value)
            row += 1


def build_workbook(settlements: list[Settlement], combined: tuple[CombinedLine, ...] | None) -> Workbook:
    book = Workbook()
    _summary(book.active, settlements)
    book.active.title = "Samenvatting"
    if combined:
        _combined(book.create_sheet("Per begunstigde"), combined)
    _absences(book.create_sheet("Afwezigheden"), settlements)
    _short_spans(book.create_sheet("Tekort per periode"), settlements)
    _commitments(book.create_sheet("Resultaatsverbintenissen"), settlements)
    _explanation(book.create_sheet("Toelichting"), settlements)
    return book
