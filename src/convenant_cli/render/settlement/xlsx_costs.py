"""The settlement workbook's sheet of the cost statements (rulebook R6, Art. 5 and 6): every
cost line of every beneficiary with one, its days and the days that count, its eligible part
as a formula of them, what the auditor refused, and per beneficiary the sums; the summary's
eligible costs refer to those sums, so that an auditor follows the cap to each line.

The eligible part is `=ROUND(ROUND(amount*100,0)*eligible days/days,0)/100`: in whole cents,
so that a half cent is a half cent in binary arithmetic too, and half up as in the engine.
Every formula is saved with the value the engine computed. Text from a file (a reference, a
note) is written as text, never a formula.
"""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.engine.costs import CostLineOutcome
from convenant_cli.engine.settlement import Line, Settlement
from convenant_cli.render import vocabulary
from convenant_cli.render.workbook import COUNT, DATE, EURO, Sheet, letter

# the sheet's columns, by key (headers: `vocabulary.COLUMNS["costs"]`, in this order); the agreement's
# only in a workbook of several
KEYS = ("name", "convenant", "enterprise_number", "kind", "reference", "consultant", "from", "to", "amount", "days",
        "eligible_from", "eligible_to", "eligible_days", "eligible", "not_eligible", "refused_word", "refused",
        "counted", "note")
FORMATS = {"from": DATE, "to": DATE, "amount": EURO, "days": COUNT, "eligible_from": DATE, "eligible_to": DATE,
           "eligible_days": COUNT, "eligible": EURO, "not_eligible": EURO, "refused": EURO, "counted": EURO}
SUMMED = ("amount", "eligible", "not_eligible", "refused", "counted")  # declared, eligible parts, ..., the cap


@dataclass(frozen=True, kw_only=True)
class CostRows:
    """Where each cost statement stands on the sheet: the row of its first line and of its
    sums, by settlement and enterprise number; the summary's cap refers to the sums' row."""

    sheet: str
    rows: dict[tuple[int, str], tuple[int, int]]
    keys: tuple[str, ...]

    @property
    def column(self) -> dict[str, str]:
        return {key: letter(number) for number, key in enumerate(self.keys, 1)}

    def cap(self, settlement: int, number: str) -> str | None:
        """The calculation's formula of a beneficiary's eligible costs: its cost statement's sum."""
        found = self.rows.get((settlement, number))
        return None if found is None else f"='{self.sheet}'!{self.column['counted']}{found[1]}"


def cost_rows(sheet: str, settlements: list[Settlement]) -> CostRows:
    """The rows of every cost statement of final settlements, in the order they are written."""
    rows: dict[tuple[int, str], tuple[int, int]] = {}
    row = 2
    for index, settlement in enumerate(settlements):
        for line in _with_statement(settlement):
            assert line.costs is not None
            first, total = row, row + len(line.costs.lines)
            rows[(index, line.enterprise_number)] = (first, total)
            row = total + 1
    keys = KEYS if len(settlements) > 1 else tuple(key for key in KEYS if key != "convenant")
    return CostRows(sheet=sheet, rows=rows, keys=keys)


def _with_statement(settlement: Settlement) -> list[Line]:
    return [line for line in settlement.lines if line.costs is not None] if settlement.final else []


def costs_sheet(sheet: Sheet, settlements: list[Settlement], layout: CostRows) -> None:
    keys = layout.keys
    for column, width in ((1, 24), (keys.index("reference") + 1, 16), (keys.index("note") + 1, 24)):
        sheet.limit(column, width)  # a beneficiary's name, a reference and a reason wrap
    sheet.header([header for key, header in zip(KEYS, vocabulary.columns("costs"), strict=True) if key in keys])
    words = vocabulary.translated(vocabulary.COMMON)
    kinds = vocabulary.translated(vocabulary.COST_KINDS)
    formats = [FORMATS.get(key) for key in keys]
    letters = layout.column
    for index, settlement in enumerate(settlements):
        agreement = (settlement.id,) if "convenant" in keys else ()
        for line in _with_statement(settlement):
            assert line.costs is not None
            first, total = layout.rows[(index, line.enterprise_number)]
            number = format_enterprise_number(line.enterprise_number)
            for row, cost in enumerate(line.costs.lines, first):
                _line(sheet, row, [line.name, *agreement, number], cost, words, kinds, formats, letters)
            sheet.put_row(total, [_("Total {name}").format(name=line.name), *agreement])
            statement = line.costs
            for key, value in zip(SUMMED, (statement.declared, statement.declared - statement.not_eligible,
                                           statement.not_eligible, statement.refused, statement.eligible),
                                  strict=True):
                sheet.sum_formula(total, keys.index(key) + 1, first, total - 1, EURO, value)
    sheet.finish()


def _line(sheet: Sheet, row: int, who: list[object], cost: CostLineOutcome, words: dict[str, str],
          kinds: dict[str, str], formats: list[str | None], column: dict[str, str]) -> None:
    """One cost line: its facts as values, its days, eligible part, refusal and count as formulas."""
    kept = cost.eligible_span
    values: list[object] = [*who, kinds[cost.kind], cost.reference, cost.consultant,
                            cost.period.start, cost.period.end, cost.amount, None,
                            kept.start if kept else None, kept.end if kept else None, None if kept else 0, None, None,
                            words["yes" if cost.refused else "no"], None if cost.refused else 0, None, cost.note]
    sheet.put_row(row, values, formats)
    c = {key: f"{letter}{row}" for key, letter in column.items()}
    index = {key: number for number, key in enumerate(column, 1)}
    sheet.formula(row, index["days"], f"={c['to']}-{c['from']}+1", cost.days, COUNT)
    if kept is not None:
        sheet.formula(row, index["eligible_days"], f"={c['eligible_to']}-{c['eligible_from']}+1",
                      cost.eligible_days, COUNT)
    sheet.formula(row, index["eligible"],
                  f"=ROUND(ROUND({c['amount']}*100,0)*{c['eligible_days']}/{c['days']},0)/100", cost.eligible, EURO)
    sheet.formula(row, index["not_eligible"], f"={c['amount']}-{c['eligible']}", cost.not_eligible, EURO)
    if cost.refused:  # the auditor's decision is a fact: what it takes out is the line's eligible part
        sheet.formula(row, index["refused"], f"={c['eligible']}", cost.eligible, EURO)
    sheet.formula(row, index["counted"], f"={c['eligible']}-{c['refused']}", cost.counted, EURO)
