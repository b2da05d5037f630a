"""R7: one line per beneficiary over a covenant and its addenda (or extension), by
enterprise number. Pure; imported only when several files are settled together.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import MONEY_KEYS, Settlement


@dataclass(frozen=True, eq=False, kw_only=True)
class CombinedLine:
    """R7: one beneficiary over a covenant and its addenda."""

    name: str
    enterprise_number: str
    maximum: Decimal
    deduction: Decimal
    effort: Decimal
    result: Decimal
    payable: Decimal
    advances: Decimal
    balance: Decimal


def combine(settlements: list[Settlement]) -> tuple[CombinedLine, ...]:
    """R7: sum each beneficiary's figures over all settled files, by enterprise number."""
    merged: dict[str, dict[str, Decimal]] = {}
    names: dict[str, str] = {}
    for settlement in settlements:
        for line in settlement.lines:
            names.setdefault(line.enterprise_number, line.name)
            row = merged.setdefault(line.enterprise_number, dict.fromkeys(MONEY_KEYS, ZERO))
            for key in MONEY_KEYS:
                row[key] += getattr(line, key)
    return tuple(CombinedLine(name=names[number], enterprise_number=number, **row) for number, row in merged.items())
