"""The money effect of a change, per beneficiary: what two settlements of two versions
(a corrected eindrapport, or an amended covenant settled on the same facts) pay differently.

Pure: two `Settlement`s in, a `SettlementEffect` out; matched by enterprise number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import Line, Settlement

EFFECT_KEYS = ("deduction", "payable", "balance")
INTERIM_EFFECT_KEYS = ("deduction", "advances")  # an interim view (Art. 6) pays nothing: what accrued, what was paid


@dataclass(frozen=True, eq=False)
class BeneficiaryEffect:
    enterprise_number: str
    name: str
    old: dict[str, Decimal] | None  # the figures of `keys`; None: not a beneficiary of that version
    new: dict[str, Decimal] | None
    keys: tuple[str, ...] = EFFECT_KEYS

    @property
    def difference(self) -> dict[str, Decimal]:
        return {key: (self.new or {}).get(key, ZERO) - (self.old or {}).get(key, ZERO) for key in self.keys}

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


@dataclass(frozen=True, eq=False, kw_only=True)
class CapChange:
    """R6: a beneficiary whose cap (its eligible costs) moved, and what it caps in each version:
    the payable amount before the cap, and the payable amount after it."""

    enterprise_number: str
    name: str
    old: Decimal | None  # the eligible costs; None: no cap in that version
    new: Decimal | None
    old_before_cap: Decimal | None  # None: not a beneficiary of that version
    new_before_cap: Decimal | None
    old_payable: Decimal | None
    new_payable: Decimal | None

    @property
    def moves_payable(self) -> bool:
        """The move of the cap changes the payable amount (the payable amount under it differs)."""
        return self.old_payable != self.new_payable and (
            (self.old is not None and self.old_payable == self.old) or
            (self.new is not None and self.new_payable == self.new))


@dataclass(frozen=True, eq=False, kw_only=True)
class SettlementEffect:
    beneficiaries: tuple[BeneficiaryEffect, ...]
    old_totals: dict[str, Decimal]
    new_totals: dict[str, Decimal]
    ratio: RatioEffect | None = None  # both versions settled with results
    keys: tuple[str, ...] = EFFECT_KEYS  # the figures compared
    as_of: tuple[date | None, date | None] = (None, None)  # the day of each interim view (Art. 6)
    caps: tuple[CapChange, ...] = ()  # R6: the beneficiaries whose eligible costs moved
    status: tuple[str, str] = ("settled", "settled")  # each side's (a provisional one's payable is what is certain)
    waiting: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())  # each side's commitments that wait for a verdict

    @property
    def interim(self) -> bool:
        return any(day is not None for day in self.as_of)

    @property
    def provisional(self) -> bool:
        """Either side waits for the auditor's verdict: its payable counts the unjudged as not met."""
        return "provisional" in self.status

    @property
    def difference(self) -> dict[str, Decimal]:
        return {key: self.new_totals[key] - self.old_totals[key] for key in self.keys}


def _figures(line: Line, keys: tuple[str, ...]) -> dict[str, Decimal]:
    return {key: getattr(line, key) for key in keys}


def settlement_effect(old: Settlement, new: Settlement) -> SettlementEffect:
    """What changed in money; when either is an interim view (Art. 6), which pays nothing, the
    deduction accrued and the advances paid (a progress report beside another, or beside the
    eindrapport), and no ratio."""
    keys = INTERIM_EFFECT_KEYS if old.interim or new.interim else EFFECT_KEYS
    before = {line.enterprise_number: line for line in old.lines}
    after = {line.enterprise_number: line for line in new.lines}
    numbers = list(before) + [number for number in after if number not in before]
    effects = tuple(BeneficiaryEffect(number, (after.get(number) or before[number]).name,
                                      _figures(before[number], keys) if number in before else None,
                                      _figures(after[number], keys) if number in after else None, keys)
                    for number in numbers)
    ratio = None if old.interim or new.interim else _ratio_effect(old, new)
    caps = () if old.interim or new.interim else _caps(before, after, numbers)
    waiting = tuple(tuple(side.ratio.waiting) if side.provisional and side.ratio is not None else ()
                    for side in (old, new))
    return SettlementEffect(beneficiaries=effects, old_totals={key: getattr(old.totals, key) for key in keys},
                            new_totals={key: getattr(new.totals, key) for key in keys}, ratio=ratio, keys=keys,
                            as_of=(old.as_of, new.as_of), caps=caps, status=(old.status, new.status),
                            waiting=(waiting[0], waiting[1]))


def _caps(before: dict[str, Line], after: dict[str, Line], numbers: list[str]) -> tuple[CapChange, ...]:
    """R6: each beneficiary whose eligible costs differ between the versions (a cost line added,
    removed, cut or refused, or a total changed), with the payable amount each version caps."""
    found = []
    for number in numbers:
        was, now = before.get(number), after.get(number)
        old_cap = was.eligible_costs if was is not None else None
        new_cap = now.eligible_costs if now is not None else None
        if old_cap == new_cap:
            continue
        line = now or was
        assert line is not None
        found.append(CapChange(enterprise_number=number, name=line.name, old=old_cap, new=new_cap,
                               old_before_cap=was.payable_before_cap if was is not None else None,
                               new_before_cap=now.payable_before_cap if now is not None else None,
                               old_payable=was.payable if was is not None else None,
                               new_payable=now.payable if now is not None else None))
    return tuple(found)


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
