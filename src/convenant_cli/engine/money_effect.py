"""The money effect of a change, per beneficiary: what two settlements of two versions
(a corrected eindrapport, or an amended covenant settled on the same facts) pay differently.

Pure: two `Settlement`s in, a `SettlementEffect` out; matched by enterprise number.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

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


@dataclass(frozen=True, eq=False, kw_only=True)
class VerdictChange:
    """A result commitment (in one work year, when counted per year) achieved in one version
    and not in the other (Art. 2): why the result financing moved."""

    commitment: str
    title: str
    year: int | None
    old: bool | None  # None: not counted in that version
    new: bool | None


@dataclass(frozen=True, eq=False, kw_only=True)
class RatioEffect:
    """The result ratio of each version (Art. 2): the share achieved, and what is paid."""

    old_achieved: int
    old_total: int
    old_ratio: Fraction  # paid: 0 below the minimum
    new_achieved: int
    new_total: int
    new_ratio: Fraction
    minimum: Decimal
    verdicts: tuple[VerdictChange, ...]

    @property
    def changed(self) -> bool:
        return self.old_ratio != self.new_ratio or bool(self.verdicts)


@dataclass(frozen=True, eq=False)
class SettlementEffect:
    beneficiaries: tuple[BeneficiaryEffect, ...]
    old_totals: dict[str, Decimal]
    new_totals: dict[str, Decimal]
    ratio: RatioEffect | None = None  # both versions settled with results

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
                            {key: getattr(new.totals, key) for key in EFFECT_KEYS}, _ratio_effect(old, new))


def _ratio_effect(old: Settlement, new: Settlement) -> RatioEffect | None:
    """Art. 2: the ratio old and new, and each unit (commitment, or commitment and work
    year) whose verdict differs, matched by commitment id and work year."""
    if old.ratio is None or new.ratio is None:
        return None
    before = {(unit.commitment, unit.year): unit for unit in old.ratio.units}
    after = {(unit.commitment, unit.year): unit for unit in new.ratio.units}
    verdicts = []
    for key in list(before) + [key for key in after if key not in before]:
        was, now = before.get(key), after.get(key)
        if (was.achieved if was else None) != (now.achieved if now else None):
            unit = now or was
            assert unit is not None
            verdicts.append(VerdictChange(commitment=unit.commitment, title=unit.title, year=unit.year,
                                          old=was.achieved if was else None, new=now.achieved if now else None))
    return RatioEffect(old_achieved=old.ratio.achieved, old_total=old.ratio.total, old_ratio=old.ratio.ratio,
                       new_achieved=new.ratio.achieved, new_total=new.ratio.total, new_ratio=new.ratio.ratio,
                       minimum=new.ratio.minimum, verdicts=tuple(verdicts))
