"""Settlements as rich tables in the domain's Dutch terms, Belgian number format."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from convenant_cli.engine.settlement import CombinedLine, Settlement
from convenant_cli.fields import format_enterprise_number
from convenant_cli.money import format_eur, format_fraction, format_number

MONEY_COLUMNS = (
    ("Maximum", "maximum"),
    ("Vermindering afwezigheid", "deduction"),
    ("Inspanningsfinanciering", "effort"),
    ("Resultaatsfinanciering", "result"),
    ("Uit te betalen", "payable"),
    ("Voorschotten", "advances"),
    ("Saldo", "balance"),
)
SETTLED_COLUMNS = MONEY_COLUMNS[:1] + (("Tekort VTE-dagen", "shortfall_fte_days"),) + MONEY_COLUMNS[1:]
MAXIMA_COLUMNS = (
    ("Maximum", "maximum"),
    ("Max. inspanningsfinanciering", "effort"),
    ("Max. resultaatsfinanciering", "result"),
)


def _cell(key: str, value) -> str:
    return format_number(value) if key == "shortfall_fte_days" else format_eur(value)


def settlement_table(settlement: Settlement) -> Table:
    columns = SETTLED_COLUMNS if settlement.settled else MAXIMA_COLUMNS
    if settlement.settled:
        ratio = settlement.ratio
        title = (f"Afrekening {settlement.id} ({settlement.kind}) — {settlement.term.start} tot {settlement.term.end}, "
                 f"{settlement.term.days} dagen — resultaatsratio {format_fraction(ratio.ratio)}")
    else:
        title = (f"MAXIMA {settlement.id} ({settlement.kind}) — geen eindrapport: Art. 1 maxima en de "
                 f"{format_number(settlement.rules.effort_share)}/{format_number(settlement.rules.result_share)} "
                 "verdeling, geen afrekening")
    table = Table(title=title, show_footer=True, title_justify="left")
    table.add_column("Begunstigde", footer="Totaal", max_width=48)
    table.add_column("Ondernemingsnr.", no_wrap=True)
    for header, key in columns:
        table.add_column(header, justify="right", no_wrap=True, footer=_cell(key, getattr(settlement.totals, key)))
    for line in settlement.lines:
        table.add_row(line.name, format_enterprise_number(line.enterprise_number),
                      *(_cell(key, getattr(line, key)) for _, key in columns))
    return table


def commitments_table(settlement: Settlement) -> Table:
    ratio = settlement.ratio
    table = Table(title=f"Resultaatsverbintenissen {settlement.id} (Art. 2): {ratio.achieved} van {ratio.total} "
                        f"behaald ({ratio.counting}) → ratio {format_fraction(ratio.ratio)}",
                  title_justify="left")
    for header in ("Verbintenis", "Werkjaar", "Behaald", "Grond"):
        table.add_column(header)
    for unit in ratio.units:
        if unit.by_auditor:
            ground = f"auditor: {unit.note or '(no note)'}"
        else:
            ground = "; ".join(
                f"{t.indicator}{f' (jaar {t.year})' if t.year else ''}: "
                f"{format_number(t.value) if t.value is not None else '—'} ≥ {format_number(t.minimum)}"
                f"{'' if t.met else ' NIET'}" for t in unit.targets)
        table.add_row(f"{unit.commitment} {unit.title}", str(unit.year or "—"),
                      Text("ja", style="green") if unit.achieved else Text("NEE", style="bold red"), ground)
    return table


def combined_table(lines: tuple[CombinedLine, ...]) -> Table:
    table = Table(title="Per begunstigde over convenant en addenda (R7)", show_footer=True, title_justify="left")
    table.add_column("Begunstigde", footer="Totaal", max_width=48)
    table.add_column("Ondernemingsnr.", no_wrap=True)
    for header, key in MONEY_COLUMNS:
        table.add_column(header, justify="right", no_wrap=True, footer=format_eur(sum(getattr(l, key) for l in lines)))
    for line in lines:
        table.add_row(line.name, format_enterprise_number(line.enterprise_number),
                      *(format_eur(getattr(line, key)) for _, key in MONEY_COLUMNS))
    return table


def explanation(settlement: Settlement) -> Table:
    table = Table(title=f"Toelichting {settlement.id}: elke figuur met regel, artikel, gegevens en berekening",
                  title_justify="left", show_lines=True)
    for header in ("Onderwerp", "Figuur", "Regel", "Artikel", "Gegevens", "Berekening"):
        table.add_column(header, overflow="fold")
    for step in steps_of(settlement):
        table.add_row(step.subject, step.figure, step.rule, step.article, step.inputs, step.arithmetic)
    return table


def steps_of(settlement: Settlement):
    yield from settlement.steps
    for line in settlement.lines:
        yield from line.steps


def render_tables(settlements: list[Settlement], combined: tuple[CombinedLine, ...] | None, explain: bool) -> Group:
    parts = []
    for settlement in settlements:
        parts.append(settlement_table(settlement))
        if settlement.settled:
            parts.append(commitments_table(settlement))
        if explain:
            parts.append(explanation(settlement))
    if combined:
        parts.append(combined_table(combined))
    return Group(*parts)
