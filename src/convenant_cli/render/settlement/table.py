"""Settlements as rich tables in the domain's terms, in the run's language and its notation
(Belgian in Dutch).

A table that does not fit the terminal becomes a block per beneficiary: a figure is
never cut (see `layout.Fitted`). A balance says what it asks for (still to pay, to
recover). The eligible costs stand beside the payable amount they cap (R6), "—" for a
beneficiary without them. Under each settlement, the notes that change money: a payment
capped at the eligible costs, costs without a cost statement, a cost line the auditor refused,
a payable amount floored at zero, and every assumption the figures rest on.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from itertools import groupby

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _, ngettext
from convenant_cli.domain.money import show_fraction
from convenant_cli.domain.units import Unit
from convenant_cli.engine.families import FAMILY_KEYS, INTERIM_ADVANCES, Family, Portfolio, shown_keys
from convenant_cli.engine.result_ratio import UnitOutcome
from convenant_cli.engine.settlement import FIGURES, IF_MET, Settlement
from convenant_cli.render import vocabulary
from convenant_cli.render.layout import Blocks, Fitted, Lines, cell, title
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.explanation import settlement_steps
from convenant_cli.render.settlement.notes import settlement_notes
from convenant_cli.render.settlement.steps import Step
from convenant_cli.render.values import show
from convenant_cli.render.vocabulary import number

# R6: the cap (the eligible costs: the sum of the cost statement, or the total given) before what it caps
SETTLED_KEYS = ("maximum", "shortfall_fte_days", "deduction", "effort", "result", "eligible_costs", "payable",
                "advances", "balance")
MAXIMA_KEYS = ("maximum", "effort", "result")
INTERIM_KEYS = ("maximum", "shortfall_fte_days", "deduction", "advances")  # Art. 6: nothing payable yet
# a provisional settlement: the payable for certain, and beside it the payable if what waits is met
PROVISIONAL_KEYS = SETTLED_KEYS[:SETTLED_KEYS.index("payable") + 1] + (IF_MET,) + \
    SETTLED_KEYS[SETTLED_KEYS.index("payable") + 1:]
TABLE_KEYS = {"settled": SETTLED_KEYS, "provisional": PROVISIONAL_KEYS, "interim": INTERIM_KEYS,
              "maxima": MAXIMA_KEYS}
Row = tuple[str, str, dict[str, Decimal | None]]


def _cell(key: str, value: Decimal | None) -> str:
    """A figure by its unit; a column of its own (the portfolio's maxima) is in euro."""
    return "—" if value is None else show(value, FIGURES.get(key, Unit.EURO))


def _column_cell(key: str, value: Decimal | None) -> str:
    """A figure in a table's column; a balance with what it asks for under it."""
    if key == "balance" and value is not None:
        return f"{_cell(key, value)}\n{vocabulary.balance_word(value, short=True)}"
    return _cell(key, value)


def _block_row(key: str, value: Decimal | None, words: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """A figure in a beneficiary's block: its label (a balance's with what it asks for) and value."""
    if key == "balance" and value is not None:
        return f"{words[key][0]} ({vocabulary.balance_word(value)})", _cell(key, value)
    return words[key][0], _cell(key, value)


def _who(name: str, enterprise_number: str) -> Text:
    return cell(f"{name}\n{format_enterprise_number(enterprise_number)}")


def figures_table(heading: Text, rows: list[Row], totals: dict[str, Decimal | None], keys: tuple[str, ...],
                  words: dict[str, tuple[str, str]]) -> Group:
    """A heading, then one line per beneficiary (name, enterprise number, figures) with a
    total, or, on a narrow terminal, one block per beneficiary. The heading stands apart
    from the table so that it wraps at the terminal's width, not the table's."""
    total = vocabulary.word("total")
    table = Table(show_footer=True)
    table.add_column(vocabulary.word("beneficiary"), footer=total, min_width=18, max_width=48)
    for key in keys:
        table.add_column(words[key][1], justify="right", no_wrap=True, footer=_column_cell(key, totals[key]))
    for name, enterprise_number, figures in rows:
        # figures as `Text`: rich would read a `str` cell for markup, when it measures it and again when it draws it
        table.add_row(_who(name, enterprise_number), *(Text(_column_cell(key, figures[key])) for key in keys))

    def narrow() -> Blocks:
        blocks = [(cell(f"{name} ({format_enterprise_number(enterprise_number)})", "bold"),
                   [_block_row(key, figures[key], words) for key in keys])
                  for name, enterprise_number, figures in rows]
        blocks.append((Text(total, style="bold"), [_block_row(key, totals[key], words) for key in keys]))
        return Blocks(blocks)

    return Group(heading, Fitted(table, narrow))


def settlement_title(settlement: Settlement) -> str:
    """The status line: what the figures are, and who decided them (the auditor and the day, or
    what waits for the auditor)."""
    term = settlement.term
    kind = vocabulary.kind(settlement.kind)
    who = judgement.status_line(settlement)
    if settlement.interim:
        heading = (_("INTERIM VIEW {id} ({kind}) at {day}, no settlement — term {start} to {end}, {days}; deduction "
                     "accrued up to and including {day} (Art. 6)")
                   .format(id=settlement.id, kind=kind, day=settlement.as_of, start=term.start, end=term.end,
                           days=vocabulary.days(term.days)))
        return f"{heading} — {who}" if who else heading
    if settlement.settled:
        heading = (_("Settlement {id} ({kind}) — {start} to {end}, {days} — result ratio {ratio}")
                   .format(id=settlement.id, kind=kind, start=term.start, end=term.end,
                           days=vocabulary.days(term.days), ratio=show_fraction(settlement.share)))
        return f"{heading} — {who}" if who else heading
    return (_("MAXIMA {id} ({kind}), no settlement — without an eindrapport: the maxima of Art. 1 and their division "
              "{effort}/{result} (Art. 2)")
            .format(id=settlement.id, kind=kind, effort=number(settlement.rules.rules.effort_share),
                    result=number(settlement.rules.rules.result_share)))


def settlement_table(settlement: Settlement) -> Group:
    keys = TABLE_KEYS[settlement.status]
    words = vocabulary.figures(vocabulary.MAXIMA_FIGURES if settlement.status == "maxima" else vocabulary.FIGURES)
    rows = [(line.name, line.enterprise_number, {key: getattr(line, key) for key in keys})
            for line in settlement.lines]
    # a cap is a beneficiary's own: its column has no total (a total of caps caps nothing)
    totals = {key: getattr(settlement.totals, key, None) for key in keys}
    table = figures_table(title(settlement_title(settlement)), rows, totals, keys, words)
    notes = settlement_notes(settlement)
    if not notes:
        return table
    return Group(table, *(cell(f"* {note}") for note in notes))


def _target(indicator: str, year: int | None) -> str:
    return _("{indicator} (work year {year})").format(indicator=indicator, year=year) if year else indicator


def _basis(unit: UnitOutcome) -> str:
    """Why a commitment in a work year is met or not, and who says so: each target against its
    value (a corrected one with the sector's beside it), the auditor's verdict, or what is
    still to come; and the sector's own self-assessment, as such."""
    grounds = [_why(unit)]
    if unit.due:
        grounds += [judgement.correction(t) for t in unit.targets if t.corrected]
    said = judgement.self_assessment(unit)
    if said is not None and unit.due:
        grounds.append(said)
    return "\n".join(grounds)


def _why(unit: UnitOutcome) -> str:
    if not unit.due:
        return "; ".join(_("{target}: minimum {minimum}").format(target=_target(t.indicator, t.year),
                                                                 minimum=number(t.minimum))
                         for t in unit.targets) or _("qualitative: judged at the end of the term")
    if unit.unjudged:
        return _("qualitative: waits for the auditor's verdict")
    if unit.by_auditor:
        verdict = _("auditor's verdict: {note}").format(note=unit.note or _("(without a note)"))
        return verdict if not unit.targets else _("{verdict} (it overrides the measured values)").format(
            verdict=verdict)
    return "; ".join(
        (f"{_target(t.indicator, t.year)}: {number(t.value) if t.value is not None else '—'} ≥ {number(t.minimum)}"
         if t.met else
         _("{target}: {value} < {minimum} NOT met").format(
             target=_target(t.indicator, t.year), value=number(t.value) if t.value is not None else "—",
             minimum=number(t.minimum)))
        for t in unit.targets)


def commitments_table(settlement: Settlement) -> Table:
    ratio = settlement.ratio
    if ratio is None:
        raise ValueError("maxima have no result commitments to show")
    if ratio.interim:
        heading = (_("Result commitments {id} at {day} (Art. 6): {achieved} of {due} to judge met; {waiting} not yet "
                     "to judge (work year or term not over); no ratio before the end of the term")
                   .format(id=settlement.id, day=settlement.as_of, achieved=ratio.achieved, due=ratio.due,
                           waiting=ratio.total - ratio.due))
    else:
        heading = (_("Result commitments {id} (Art. 2): {achieved} of {total} met ({counting}) → ratio {ratio}")
                   .format(id=settlement.id, achieved=ratio.achieved, total=ratio.total,
                           counting=vocabulary.translated(vocabulary.COUNTING)[ratio.counting],
                           ratio=show_fraction(ratio.ratio)))
    table = Table(title=title(heading), title_justify="left")
    for header in vocabulary.columns("results"):
        table.add_column(header, overflow="fold")
    styles = {"met": "green", "not_met": "bold red", "not_due": "", "unjudged": "bold yellow"}
    statuses = vocabulary.translated(vocabulary.UNIT_STATUS)
    for unit in ratio.units:
        table.add_row(cell(f"{unit.commitment} {unit.title}"), str(unit.year or "—"),
                      Text(statuses[unit.status], style=styles[unit.status]), cell(_basis(unit)))
    return table


def family_title(family: Family, named: bool) -> str:
    """R7's heading: the family named when a run settles several; what is maxima, said."""
    heading = (_("Per beneficiary over covenant and addenda (R7): {covenant}").format(covenant=family.convenant)
               if named else _("Per beneficiary over covenant and addenda (R7)"))
    settled = ", ".join(member.id for member in family.members if member.final)
    interim = ", ".join(_("{id} (at {day})").format(id=member.id, day=member.as_of)
                        for member in family.members if member.interim)
    shown = ", ".join(member.id for member in family.members if not member.settled)
    lowered = f"{heading[0].lower()}{heading[1:]}"
    if family.status == "maxima":
        return _("MAXIMA {heading} — no settlement, without an eindrapport").format(heading=lowered)
    if family.status == "interim":
        return (_("INTERIM VIEW {heading} — no settlement: {members}; deduction and advances up to that day")
                .format(heading=lowered, members=interim))
    if family.status == "partial":
        parts = [_("payable and balance over {members} only").format(members=settled) if settled else
                 _("nothing payable")]
        if interim:
            parts.append(_("{members} interim: its deduction only, its advances apart (not against the payable)")
                         .format(members=interim))
        if shown:
            parts.append(_("{members} without an eindrapport (maxima)").format(members=shown))
        return _("{heading} — partly settled: {parts}").format(heading=heading, parts="; ".join(parts))
    return heading


def family_table(family: Family, named: bool) -> Group:
    keys = ("maximum",) if family.status == "maxima" else \
        tuple(key for key in FAMILY_KEYS if key == "maximum" or family.totals.figures[key] is not None)
    rows = [(line.name, line.enterprise_number, {key: line.figures[key] for key in keys}) for line in family.lines]
    totals = {key: family.totals.figures[key] for key in keys}
    return figures_table(Text(family_title(family, named)), rows, totals, keys, vocabulary.figures())


def portfolio_heading(portfolio: Portfolio) -> str:
    covenants = ngettext("{count} covenant", "{count} covenants", len(portfolio.families)) \
        .format(count=len(portfolio.families))
    settled = ngettext("{count} agreement settled", "{count} agreements settled", portfolio.settled) \
        .format(count=portfolio.settled)
    if portfolio.interim:
        settled = _("{settled} (of which {count} interim)").format(settled=settled, count=portfolio.interim)
    return (_("Portfolio: {covenants}, {settled}, {maxima} as maxima — the totals count settled agreements only; the "
              "maxima without an eindrapport stand apart")
            .format(covenants=covenants, settled=settled, maxima=portfolio.maxima))


def portfolio_table(portfolio: Portfolio) -> Group:
    """One row per family; every column adds up: the payable figures and their maximum over
    the settled agreements, the maxima of those without an eindrapport apart."""
    words = vocabulary.figures(vocabulary.PORTFOLIO)
    statuses = vocabulary.translated(vocabulary.FAMILY_STATUS)
    total = vocabulary.word("total")
    table = Table(show_footer=True)
    table.add_column(vocabulary.word("covenant"), footer=total, min_width=18, max_width=48)
    table.add_column(vocabulary.word("status"), footer="")
    keys = portfolio_keys(portfolio)
    for key in keys:
        table.add_column(words[key][1], justify="right", no_wrap=True,
                         footer=_column_cell(key, portfolio_total(portfolio, key)))
    for family in portfolio.families:
        figures = portfolio_figures(family)
        table.add_row(cell(f"{family.convenant}\n{family.sector}"), statuses[family.status],
                      *(_column_cell(key, figures[key]) for key in keys))

    def narrow() -> Blocks:
        blocks = [(cell(f"{family.convenant} ({statuses[family.status]})", "bold"),
                   [_block_row(key, portfolio_figures(family)[key], words) for key in keys])
                  for family in portfolio.families]
        blocks.append((Text(total, style="bold"),
                       [_block_row(key, portfolio_total(portfolio, key), words) for key in keys]))
        return Blocks(blocks)

    return Group(title(portfolio_heading(portfolio)), Fitted(table, narrow))


PORTFOLIO_KEYS = ("maximum", "deduction", "payable", "advances", INTERIM_ADVANCES, "balance", "maxima_maximum")


def portfolio_keys(portfolio: Portfolio) -> tuple[str, ...]:
    """The portfolio's columns: the advances of members still running only when one is."""
    return shown_keys(PORTFOLIO_KEYS, running=portfolio.interim > 0)


def portfolio_figures(family: Family) -> dict[str, Decimal | None]:
    settled = family.status != "maxima"
    figures: dict[str, Decimal | None] = {key: family.totals.figures[key] if settled else None
                                          for key in PORTFOLIO_KEYS[1:-1]}
    return {"maximum": family.settled_maximum, **figures, "maxima_maximum": family.unsettled_maximum}


def portfolio_total(portfolio: Portfolio, key: str) -> Decimal | None:
    """A portfolio column's total: what its rows add up to, none where no row has a figure
    (the maxima without an eindrapport of a portfolio in which every agreement has one)."""
    if key == "maxima_maximum":
        return portfolio.maxima_maximum if portfolio.maxima else None
    return portfolio.totals.get(key)


def explanation(settlement: Settlement) -> Group:
    """The steps as blocks per subject (the covenant, each beneficiary): each figure with its
    rule and article, its inputs and its arithmetic. Plain lines, not a table, so that an
    eindrapport of thousands of absences explains itself in the time it takes to write it."""
    if settlement.final:
        heading = _("Explanation {id}: every figure with its rule, article, inputs and calculation")
    elif settlement.interim:
        heading = _("Explanation {id}: INTERIM VIEW at {day}, no settlement: every figure with its rule, article, "
                    "inputs and calculation")
    else:
        heading = _("Explanation {id}: MAXIMA, no settlement: every maximum with its rule, article, inputs and "
                    "calculation")
    return Group(title(heading.format(id=settlement.id, day=settlement.as_of)),
                 Lines(_explanation_lines(settlement_steps(settlement))))


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
