"""Settlements as rich tables in the domain's Dutch terms, Belgian number format.

A table that does not fit the terminal becomes a block per beneficiary: a figure is
never cut (see `layout.Fitted`). Under each settlement, the notes that change money:
a payment capped at the eligible costs, a payable amount floored at zero, and every
assumption the figures rest on.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.money import format_number, show_fraction
from convenant_cli.engine.families import Family, Portfolio
from convenant_cli.engine.settlement import FIGURES, MONEY_KEYS, Settlement
from convenant_cli.render import labels
from convenant_cli.render.layout import Fitted, Lines, cell, stacked, title
from convenant_cli.render.settlement.explanation import Step, settlement_steps
from convenant_cli.render.settlement.notes import settlement_notes
from convenant_cli.render.values import show

SETTLED_KEYS = ("maximum", "shortfall_fte_days") + MONEY_KEYS[1:]
MAXIMA_KEYS = ("maximum", "effort", "result")
INTERIM_KEYS = ("maximum", "shortfall_fte_days", "deduction", "advances")  # Art. 6: nothing payable yet
TABLE_KEYS = {"settled": SETTLED_KEYS, "provisional": SETTLED_KEYS, "interim": INTERIM_KEYS,
              "maxima": MAXIMA_KEYS}
Row = tuple[str, str, dict[str, Decimal | None]]


def _cell(key: str, value: Decimal | None) -> str:
    return "—" if value is None else show(value, FIGURES[key])


def _who(name: str, number: str) -> Text:
    return cell(f"{name}\n{format_enterprise_number(number)}")


def figures_table(heading: Text, rows: list[Row], totals: dict[str, Decimal | None], keys: tuple[str, ...],
                  words: dict[str, tuple[str, str]]) -> Group:
    """A heading, then one line per beneficiary (name, enterprise number, figures) with a
    total, or, on a narrow terminal, one block per beneficiary. The heading stands apart
    from the table so that it wraps at the terminal's width, not the table's."""
    table = Table(show_footer=True)
    table.add_column(labels.BENEFICIARY, footer=labels.TOTAL, min_width=18, max_width=48)
    for key in keys:
        table.add_column(words[key][1], justify="right", no_wrap=True, footer=_cell(key, totals[key]))
    for name, number, figures in rows:
        table.add_row(_who(name, number), *(_cell(key, figures[key]) for key in keys))

    def narrow() -> Group:
        blocks = [stacked(cell(f"{name} ({format_enterprise_number(number)})", "bold"),
                          [(words[key][0], _cell(key, figures[key])) for key in keys])
                  for name, number, figures in rows]
        blocks.append(stacked(Text(labels.TOTAL, style="bold"), [(words[key][0], _cell(key, totals[key]))
                                                                 for key in keys]))
        return Group(*blocks)

    return Group(heading, Fitted(table, narrow))


def settlement_title(settlement: Settlement) -> str:
    term = settlement.term
    if settlement.interim:
        return (f"TUSSENTIJDSE STAND {settlement.id} ({settlement.kind}) op {settlement.as_of}, geen afrekening — "
                f"termijn {term.start} tot {term.end}, {term.days} dagen; vermindering opgebouwd tot en met "
                f"{settlement.as_of} (Art. 6)")
    if settlement.settled:
        return (f"Afrekening {settlement.id} ({settlement.kind}) — {term.start} tot {term.end}, {term.days} dagen — "
                f"resultaatsratio {show_fraction(settlement.share)}")
    return (f"MAXIMA {settlement.id} ({settlement.kind}), geen afrekening — zonder eindrapport: de maxima van "
            f"Art. 1 en hun verdeling {format_number(settlement.rules.rules.effort_share)}/"
            f"{format_number(settlement.rules.rules.result_share)} (Art. 2)")


def settlement_table(settlement: Settlement) -> Group:
    keys = TABLE_KEYS[settlement.status]
    words = labels.MAXIMA_FIGURES if settlement.status == "maxima" else labels.FIGURES
    rows = [(line.name, line.enterprise_number, {key: getattr(line, key) for key in keys})
            for line in settlement.lines]
    totals = {key: getattr(settlement.totals, key) for key in keys}
    table = figures_table(title(settlement_title(settlement)), rows, totals, keys, words)
    notes = settlement_notes(settlement)
    if not notes:
        return table
    return Group(table, *(cell(f"* {note}") for note in notes))


def commitments_table(settlement: Settlement) -> Table:
    ratio = settlement.ratio
    if ratio is None:
        raise ValueError("maxima have no result commitments to show")
    if ratio.interim:
        heading = (f"Resultaatsverbintenissen {settlement.id} op {settlement.as_of} (Art. 6): {ratio.achieved} van "
                   f"{ratio.due} te beoordelen behaald; {ratio.total - ratio.due} nog niet te beoordelen (werkjaar "
                   "of termijn niet voorbij); geen ratio vóór het einde van de termijn")
    else:
        heading = (f"Resultaatsverbintenissen {settlement.id} (Art. 2): {ratio.achieved} van {ratio.total} behaald "
                   f"({labels.COUNTING[ratio.counting]}) → ratio {show_fraction(ratio.ratio)}")
    table = Table(title=title(heading), title_justify="left")
    for header in ("Verbintenis", "Werkjaar", "Behaald", "Grond"):
        table.add_column(header, overflow="fold")
    styles = {"met": "green", "not_met": "bold red", "not_due": "", "unjudged": "bold yellow"}
    for unit in ratio.units:
        if not unit.due:
            ground = "; ".join(
                f"{t.indicator}{f' (werkjaar {t.year})' if t.year else ''}: minimum {format_number(t.minimum)}"
                for t in unit.targets) or "kwalitatief: oordeel bij het einde van de termijn"
        elif unit.unjudged:
            ground = "kwalitatief: wacht op het oordeel van de auditor"
        elif unit.by_auditor:
            ground = f"oordeel van de auditor: {unit.note or '(zonder nota)'}"
        else:
            ground = "; ".join(
                f"{t.indicator}{f' (werkjaar {t.year})' if t.year else ''}: "
                f"{format_number(t.value) if t.value is not None else '—'} {'≥' if t.met else '<'} "
                f"{format_number(t.minimum)}{'' if t.met else ' NIET gehaald'}" for t in unit.targets)
        table.add_row(cell(f"{unit.commitment} {unit.title}"), str(unit.year or "—"),
                      Text(labels.UNIT_STATUS[unit.status], style=styles[unit.status]), cell(ground))
    return table


def family_title(family: Family, named: bool) -> str:
    """R7's heading: the family named when a run settles several; what is maxima, said."""
    heading = "Per begunstigde over convenant en addenda (R7)" + (f": {family.convenant}" if named else "")
    settled = [member.id for member in family.members if member.final]
    interim = [f"{member.id} (op {member.as_of})" for member in family.members if member.interim]
    shown = [member.id for member in family.members if not member.settled]
    if family.status == "maxima":
        return f"MAXIMA {heading[0].lower()}{heading[1:]} — geen afrekening, zonder eindrapport"
    if family.status == "interim":
        return (f"TUSSENTIJDSE STAND {heading[0].lower()}{heading[1:]} — geen afrekening: {', '.join(interim)}; "
                "vermindering en voorschotten tot die dag")
    if family.status == "partial":
        parts = [f"uit te betalen en saldo alleen over {', '.join(settled)}" if settled else
                 "niets uit te betalen"]
        if interim:
            parts.append(f"{', '.join(interim)} tussentijds: alleen vermindering en voorschotten")
        if shown:
            parts.append(f"{', '.join(shown)} zonder eindrapport (maxima)")
        return f"{heading} — gedeeltelijk afgerekend: {'; '.join(parts)}"
    return heading


def family_table(family: Family, named: bool) -> Group:
    keys = ("maximum",) if family.status == "maxima" else \
        tuple(key for key in MONEY_KEYS if key == "maximum" or family.totals.figures[key] is not None)
    rows = [(line.name, line.enterprise_number, {key: line.figures[key] for key in keys}) for line in family.lines]
    totals = {key: family.totals.figures[key] for key in keys}
    return figures_table(Text(family_title(family, named)), rows, totals, keys, labels.FIGURES)


def portfolio_table(portfolio: Portfolio) -> Group:
    """One row per family; every column adds up: the payable figures and their maximum over
    the settled agreements, the maxima of those without an eindrapport apart."""
    table = Table(show_footer=True)
    table.add_column("Convenant", footer=labels.TOTAL, min_width=18, max_width=48)
    table.add_column("Status", footer="")
    for key in PORTFOLIO_KEYS:
        total = portfolio.totals.get(key, portfolio.maxima_maximum)
        table.add_column(labels.PORTFOLIO[key][1], justify="right", no_wrap=True, footer=_money_cell(total))
    for family in portfolio.families:
        figures = portfolio_figures(family)
        table.add_row(cell(f"{family.convenant}\n{family.sector}"), labels.FAMILY_STATUS[family.status],
                      *(_money_cell(figures[key]) for key in PORTFOLIO_KEYS))
    interim = f" (waarvan {portfolio.interim} tussentijds)" if portfolio.interim else ""
    families = labels.counted(len(portfolio.families), "convenant", "convenanten")
    settled = labels.counted(portfolio.settled, "overeenkomst", "overeenkomsten")
    heading = title(f"Portefeuille: {families}, {settled} afgerekend{interim}, {portfolio.maxima} als maxima — de "
                    "totalen tellen alleen afgerekende overeenkomsten; de maxima zonder eindrapport staan apart")

    def narrow() -> Group:
        blocks = [stacked(cell(f"{family.convenant} ({labels.FAMILY_STATUS[family.status]})", "bold"),
                          [(labels.PORTFOLIO[key][0], _money_cell(portfolio_figures(family)[key]))
                           for key in PORTFOLIO_KEYS]) for family in portfolio.families]
        blocks.append(stacked(Text(labels.TOTAL, style="bold"),
                              [(labels.PORTFOLIO[key][0], _money_cell(portfolio.totals.get(key,
                                                                                           portfolio.maxima_maximum)))
                               for key in PORTFOLIO_KEYS]))
        return Group(*blocks)

    return Group(heading, Fitted(table, narrow))


PORTFOLIO_KEYS = ("maximum", "deduction", "payable", "advances", "balance", "maxima_maximum")


def portfolio_figures(family: Family) -> dict[str, Decimal | None]:
    settled = family.status != "maxima"
    figures: dict[str, Decimal | None] = {key: family.totals.figures[key] if settled else None
                                          for key in PORTFOLIO_KEYS[1:-1]}
    return {"maximum": family.settled_maximum, **figures, "maxima_maximum": family.unsettled_maximum}


def _money_cell(value: Decimal | None) -> str:
    return "—" if value is None else show(value, FIGURES["maximum"])


def explanation(settlement: Settlement) -> Group:
    """The steps as blocks per subject (the covenant, each beneficiary): each figure with its
    rule and article, its inputs and its arithmetic. Plain lines, not a table, so that an
    eindrapport of thousands of absences explains itself in the time it takes to write it."""
    what = ("elke figuur" if settlement.final else
            f"TUSSENTIJDSE STAND op {settlement.as_of}, geen afrekening: elke figuur" if settlement.interim else
            "MAXIMA, geen afrekening: elk maximum")
    heading = title(f"Toelichting {settlement.id}: {what} met regel, artikel, gegevens en berekening")
    return Group(heading, Lines(_explanation_lines(settlement_steps(settlement))))


def _explanation_lines(steps: list[Step]) -> Iterator[tuple[int, str, str]]:
    for subject, group in groupby(steps, key=lambda step: step.subject):
        yield 0, subject, "bold"
        for step in group:
            detail = f" — {step.detail}" if step.detail else ""
            yield 2, f"{step.figure}{detail} ({step.rule}, {step.article})", "bold"
            yield 4, step.inputs, ""
            yield 4, f"→ {step.arithmetic}", ""


def render_tables(settlements: list[Settlement], families: tuple[Family, ...], portfolio: Portfolio,
                  explain: bool) -> Group:
    parts: list[RenderableType] = []
    for settlement in settlements:
        parts.append(settlement_table(settlement))
        if settlement.ratio is not None:
            parts.append(commitments_table(settlement))
        if explain:
            parts.append(explanation(settlement))
    for family in families:
        if len(family.members) > 1:
            parts.append(family_table(family, named=len(families) > 1))
    if len(families) > 1:
        parts.append(portfolio_table(portfolio))
    return Group(*parts)
