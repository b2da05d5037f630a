"""The settlement workbook's first two sheets: the summary an auditor signs, and the calculation
its figures come from.

The summary (`Samenvatting`) holds the signed figures only, so that it prints on one A4 page
width: each beneficiary's maximum, deduction, effort and result financing, the payable amount
(and, of a provisional settlement, the payable if the commitments that wait are met), the
advances and the balance; under each agreement its total and every note that changes or
qualifies a figure. The calculation (`Berekening`) holds what those figures derive from: the
FTE, the amount per FTE, the days of the term, the shortfall, the exact deduction, the base,
the shares, the ratio, effort + result and the eligible costs.

Each rounded figure is a formula of the cells it derives from, on either sheet: the deduction
`=ROUND(...)` of the maximum (summary), the shortfall, the FTE and the days (calculation); the
base `=maximum-deduction` on the calculation; effort and result `=ROUND(...)` of the base and
the shares; the payable `=MIN(effort + result, eligible costs)`; the balance `=payable-advances`.
The roundings work in whole cents and whole ten-thousandths of a share (`ROUND(x*100,0)`), so
that a half cent is a half cent in binary arithmetic too, and half-up as in the engine. Every
formula is saved with the value the engine computed. The two sheets are written side by side,
row by row (each keeps its own rows in XlsxWriter's constant-memory mode).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.engine.settlement import MONEY_KEYS, Line, Settlement
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement.notes import settlement_notes
from convenant_cli.render.settlement.table import settlement_title
from convenant_cli.render.settlement.xlsx_costs import CostRows
from convenant_cli.render.workbook import COUNT, EURO, FTE, FTE_DAYS, RATIO, Formula, Sheet, letter

# The summary's columns, by key (headers: `vocabulary.SUMMARY`): the figures an auditor signs; the
# payable if met only in a workbook with a provisional settlement
SIGNED_KEYS = ("name", "maximum", "deduction", "effort", "result", "payable", "payable_if_met", "advances", "balance",
               "balance_word")
# the calculation's columns: the agreement only in a workbook of several, what waits for the
# auditor only in one with a provisional settlement
CALCULATION_KEYS = ("name", "convenant", "enterprise_number", "fte", "rate", "term_days",
                    "shortfall_fte_days", "deduction_exact", "base", "effort_share", "result_share", "ratio",
                    "ratio_if_met", "result_if_met", "payable_before_cap", "eligible_costs", "capped")
SUMMARY_KEYS = SIGNED_KEYS + CALCULATION_KEYS[1:]
IF_MET_KEYS = ("payable_if_met", "ratio_if_met", "result_if_met")
# totalled per agreement, and of an agreement shown as maxima only the maxima
SUMMARY_TOTALLED = ("maximum", "shortfall_fte_days", "deduction", "effort", "result", "payable_before_cap",
                    "payable", "advances", "balance")
MAXIMA_TOTALLED = ("maximum", "effort", "result")
INTERIM_TOTALLED = ("maximum", "shortfall_fte_days", "deduction", "advances")  # Art. 6: nothing payable yet
TOTALLED = {"settled": SUMMARY_TOTALLED, "provisional": SUMMARY_TOTALLED + ("payable_if_met",),
            "interim": INTERIM_TOTALLED, "maxima": MAXIMA_TOTALLED}
NAME_WIDTH = 30  # characters of a beneficiary's name a line, so that the signed figures fit A4 at a legible size
FORMATS = {"fte": FTE, "maximum": EURO, "rate": EURO, "term_days": COUNT, "shortfall_fte_days": FTE_DAYS,
           "deduction_exact": EURO, "deduction": EURO, "base": EURO, "effort_share": FTE, "effort": EURO,
           "result_share": FTE, "ratio": RATIO, "ratio_if_met": RATIO, "result": EURO, "result_if_met": EURO,
           "payable_before_cap": EURO, "eligible_costs": EURO, "payable": EURO, "payable_if_met": EURO,
           "advances": EURO, "balance": EURO}


@dataclass(frozen=True, kw_only=True)
class Columns:
    """Which columns each sheet has in this workbook, and where each key stands."""

    summary: tuple[str, ...]
    calculation: tuple[str, ...]
    summary_name: str
    calculation_name: str

    def refs(self, summary_row: int, calculation_row: int) -> tuple[dict[str, str], dict[str, str]]:
        """Each key's cell as a formula on the summary refers to it, and as one on the calculation does."""
        summary, calculation = _quoted(self.summary_name), _quoted(self.calculation_name)
        on_summary = {key: f"{calculation}!{letter(number)}{calculation_row}"
                      for number, key in enumerate(self.calculation, 1)}
        on_calculation = {key: f"{summary}!{letter(number)}{summary_row}" for number, key in enumerate(self.summary, 1)}
        for number, key in enumerate(self.summary, 1):
            on_summary[key] = f"{letter(number)}{summary_row}"
        for number, key in enumerate(self.calculation, 1):
            on_calculation[key] = f"{letter(number)}{calculation_row}"
        return on_summary, on_calculation


def _quoted(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def columns(settlements: list[Settlement], summary_name: str, calculation_name: str) -> Columns:
    waiting = any(s.provisional for s in settlements)
    several = len(settlements) > 1
    return Columns(summary=tuple(key for key in SIGNED_KEYS if waiting or key not in IF_MET_KEYS),
                   calculation=tuple(key for key in CALCULATION_KEYS
                                     if (waiting or key not in IF_MET_KEYS) and (several or key != "convenant")),
                   summary_name=summary_name, calculation_name=calculation_name)


def _cents(ref: str) -> str:
    return f"ROUND({ref}*100,0)"


def _units(ref: str) -> str:
    """A share in whole ten-thousandths (0,70 -> 7000): shares have at most four decimals."""
    return f"ROUND({ref}*10000,0)"


def _cells(settlement: Settlement, line: Line, refs: tuple[dict[str, str], dict[str, str]],
           summary_keys: frozenset[str]) -> dict[str, object]:
    """Each column's cell, on whichever sheet it stands: a value, or a `Formula` (saved with the value
    the engine computed, which the formula redoes to the cent), its references as seen from its sheet."""
    on_summary, on_calculation = refs

    def at(key: str) -> dict[str, str]:
        return on_summary if key in summary_keys else on_calculation

    rules = settlement.rules.rules
    settled = settlement.settled
    share = settlement.share
    cells: dict[str, object] = {
        "name": line.name, "convenant": settlement.id,
        "enterprise_number": format_enterprise_number(line.enterprise_number),
        "status": vocabulary.translated(vocabulary.STATUS)[settlement.status], "fte": line.fte,
        "maximum": line.maximum, "term_days": line.term_days, "effort_share": rules.effort_share,
        "result_share": rules.result_share, "eligible_costs": line.eligible_costs,
    }
    if not settlement.interim:  # an interim view has no ratio yet (Art. 6)
        cells["ratio"] = Formula(f"={share.numerator}/{share.denominator}")
    if line.rate is not None:
        r = at("rate")
        cells["rate"] = Formula(f"={r['maximum']}/{r['fte']}")
    if settled and line.rate is not None:
        cells["shortfall_fte_days"] = line.shortfall_fte_days
        r = at("deduction_exact")
        cells["deduction_exact"] = Formula(f"={r['maximum']}*{r['shortfall_fte_days']}/({r['fte']}*{r['term_days']})")
        r = at("deduction")
        cells["deduction"] = Formula(f"=ROUND({_cents(r['maximum'])}*{_cents(r['shortfall_fte_days'])}/"
                                     f"({_cents(r['fte'])}*{r['term_days']}),0)/100")
    elif settled:
        cells["shortfall_fte_days"] = line.shortfall_fte_days
        cells["deduction"] = line.deduction
    on_maximum = rules.deduction_base == "maximum"
    r = at("base")
    cells["base"] = Formula(f"={r['maximum']}" + (f"-{r['deduction']}" if on_maximum and settled else ""))
    if settlement.interim:
        cells["advances"] = line.advances
        return cells
    r = at("effort")
    cells["effort"] = Formula(f"=ROUND({_cents(r['base'])}*{_units(r['effort_share'])}/10000,0)/100")
    r = at("result")
    cells["result"] = Formula(f"=ROUND({_cents(r['base'])}*{_units(r['result_share'])}*{share.numerator}/"
                              f"(10000*{share.denominator}),0)/100")
    if not settled:
        return cells

    def capped(r: dict[str, str], result: str) -> str:
        """R5 and R6: effort + `result` (less the deduction under `deduction_base: payable`), at most the costs."""
        before = f"{r['effort']}+{result}" if on_maximum else f"MAX(0,{r['effort']}+{result}-{r['deduction']})"
        return f"MIN({before},{r['eligible_costs']})" if line.eligible_costs is not None else before

    r = at("payable_before_cap")
    cells["payable_before_cap"] = Formula(f"={r['effort']}+{r['result']}" if on_maximum else
                                          f"=MAX(0,{r['effort']}+{r['result']}-{r['deduction']})")
    r = at("payable")
    cells["payable"] = Formula(f"=MIN({r['payable_before_cap']},{r['eligible_costs']})"
                               if line.eligible_costs is not None else f"={r['payable_before_cap']}")
    if settlement.provisional and settlement.ratio is not None:
        met = settlement.ratio.ratio_if_met
        cells["ratio_if_met"] = Formula(f"={met.numerator}/{met.denominator}")
        r = at("result_if_met")
        cells["result_if_met"] = Formula(f"=ROUND({_cents(r['base'])}*{_units(r['result_share'])}*{met.numerator}/"
                                         f"(10000*{met.denominator}),0)/100")
        r = at("payable_if_met")
        cells["payable_if_met"] = Formula("=" + capped(r, r["result_if_met"]))
    cells["capped"] = vocabulary.yes_no(line.capped)
    cells["advances"] = line.advances
    r = at("balance")
    cells["balance"] = Formula(f"={r['payable']}-{r['advances']}")
    cells["balance_word"] = vocabulary.balance_word(line.balance)
    return cells


def _computed(settlement: Settlement, line: Line) -> dict[str, Decimal | Fraction | int | None]:
    """What each formula comes to, as the engine computed it."""
    met = settlement.ratio.ratio_if_met if settlement.ratio is not None else None
    return {"eligible_costs": line.eligible_costs, "rate": line.rate, "deduction_exact": line.deduction_exact,
            "deduction": line.deduction, "base": line.base, "effort": line.effort, "result": line.result,
            "ratio": settlement.share, "ratio_if_met": met, "result_if_met": line.result_if_met,
            "payable_before_cap": line.payable_before_cap, "payable": line.payable,
            "payable_if_met": line.payable_if_met, "balance": line.balance}


def _put(sheet: Sheet, row: int, keys: tuple[str, ...], cells: dict[str, object],
         computed: dict[str, Decimal | Fraction | int | None]) -> None:
    for column, key in enumerate(keys, 1):
        value = cells.get(key)
        if isinstance(value, Formula):
            sheet.formula(row, column, value, computed[key], FORMATS.get(key))
        else:
            sheet.put(row, column, value, FORMATS.get(key))


def _totals(sheet: Sheet, row: int, keys: tuple[str, ...], settlement: Settlement, first: int) -> None:
    sheet.put(row, 1, _("Total {id}").format(id=settlement.id), bold=True)
    if "convenant" in keys:
        sheet.put(row, keys.index("convenant") + 1, settlement.id)
    for key in TOTALLED[settlement.status]:
        if key not in keys:
            continue
        total = (getattr(settlement.totals, key) if key in MONEY_KEYS or key in ("shortfall_fte_days", "payable_if_met")
                 else sum((getattr(line, key) for line in settlement.lines), Decimal(0)))
        sheet.sum_formula(row, keys.index(key) + 1, first, row - 1, FORMATS[key], total)


def summary_sheets(summary: Sheet, calculation: Sheet, settlements: list[Settlement], costs: CostRows,
                   layout: Columns, run_notes: Sequence[str] = ()) -> None:
    """The summary and its calculation, written side by side: a block per agreement on each (under
    its title, in a workbook of several), its lines, its total, and on the summary its notes: those
    under its table in the terminal, then those of the run about it (`run_notes`, each `{id}: ...`)."""
    headers = vocabulary.translated(vocabulary.SUMMARY)
    several = len(settlements) > 1
    title = (_("Summary of {count} agreements: each under its own title, with its total and notes")
             .format(count=len(settlements)) if several else settlement_title(settlements[0]))
    for sheet, keys in ((summary, layout.summary), (calculation, layout.calculation)):
        sheet.limit(1, NAME_WIDTH if sheet is summary else 24)
        sheet.title_row(title if sheet is summary else
                        _("Calculation: each figure of the sheet {summary} is a formula of these cells, rounded once "
                          "to the cent").format(summary=layout.summary_name) + "\n" + title,
                        len(keys), NAME_WIDTH + 14 * (len(keys) - 1))
        # a column of amounts is as wide as its amounts: the header's lines are counted at that width
        sheet.at_least([13 if FORMATS.get(key) == EURO else 0 for key in keys])
        sheet.header([headers[key] for key in keys], row=2)
    row = calc_row = 3
    signed = frozenset(layout.summary)
    for index, settlement in enumerate(settlements):
        if several:  # what the block's figures are, above them, on both sheets
            for sheet, at, keys in ((summary, row, layout.summary), (calculation, calc_row, layout.calculation)):
                sheet.note(at, settlement_title(settlement), len(keys), bold=True)
            row, calc_row = row + 1, calc_row + 1
        first, calc_first = row, calc_row
        for line in settlement.lines:
            computed = _computed(settlement, line)
            cells = _cells(settlement, line, layout.refs(row, calc_row), signed)
            cap = costs.cap(index, line.enterprise_number)
            if cap is not None:  # R6: the sum of its cost statement, on the sheet of the cost lines
                cells["eligible_costs"] = Formula(cap)
            _put(summary, row, layout.summary, cells, computed)
            _put(calculation, calc_row, layout.calculation, cells, computed)
            row, calc_row = row + 1, calc_row + 1
        _totals(summary, row, layout.summary, settlement, first)
        _totals(calculation, calc_row, layout.calculation, settlement, calc_first)
        row += 1
        own = [note for note in run_notes if note.startswith(f"{settlement.id}: ")]
        for note in settlement_notes(settlement) + own:
            summary.note(row, note, len(layout.summary))
            row += 1
        row, calc_row = row + 1, calc_row + 2
    summary.finish(header_row=2, frozen_columns=1)
    calculation.finish(header_row=2, frozen_columns=1)
