"""The money effect of a change, per beneficiary: what two settlements of two versions
(a corrected eindrapport, or an amended covenant settled on the same facts) pay differently.

Pure: two `Settlement`s in, a `SettlementEffect` out; matched by enterprise number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import Line, Settlement

EFFECT_KEYS = ("deduction", "payable", "balance")


@dataclass(frozen=True, eq=False)
class BeneficiaryEffect:
    enterprise_number: str
    name: str
    old: dict[str, Decimal] | None  # deduction, payable, balance; None: not a beneficiary of that version
    new: dict[str, Decimal] | None

    @property
    def difference(self) -> dict[str, Decimal]:
        return {key: (self.new or {}).get(key, ZERO) - (self.old or {}).get(key, ZERO) for key in EFFECT_KEYS}

    @property
    def changed(self) -> bool:
        return self.old != self.new


@dataclass(frozen=True, eq=False)
class SettlementEffect:
    beneficiaries: tuple[BeneficiaryEffect, ...]
    old_totals: dict[str, Decimal]
    new_totals: dict[str, Decimal]

    @property
    def difference(self) -> dict[str, Decimal]:
        return {key: self.new_totals[key] - self.old_totals[key] for key in EFFECT_KEYS}


def _figures(line: Line) -> dict[str, Decimal]:
    return {key: getattr(line, key) for key in EFFECT_KEYS}


def settlement_effect(old: Settlement, new: Settlement) -> SettlementEffect:
    before = {line.enterprise_number: line for line in old.lines}
    after = {line.enterprise_number: line for line in new.lines}
    numbers = list(before) + [number for number in after if number not in before]
    effects = tuple(BeneficiaryEffect(number, (after.get(number) or before[number]).name,
                                      _figures(before[number]) if number in before else None,
                                      _figures(after[number]) if number in after else None) for number in numbers)
    return SettlementEffect(effects, {key: getattr(old.totals, key) for key in EFFECT_KEYS},
                            {key: getattr(new.totals, key) for key in EFFECT_KEYS})
