"""Art. 2: which result commitments were achieved, and the result ratio (rule R3).

Pure: commitments, the realisation's results and the rules in, an exact
`Fraction` out (never a rounded percentage).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.terms import Span, years_due
from convenant_cli.models import ResultCommitment, ResultRealisation, Rules


@dataclass(frozen=True, kw_only=True)
class TargetOutcome:
    indicator: str
    year: int | None
    minimum: Decimal
    value: Decimal | None

    @property
    def met(self) -> bool:
        return self.value is not None and self.value >= self.minimum


@dataclass(frozen=True, kw_only=True)
class UnitOutcome:
    """One counted unit: a commitment (per_commitment) or a commitment in one work year (per_year)."""

    commitment: str
    title: str
    year: int | None
    achieved: bool
    by_auditor: bool
    note: str | None
    targets: tuple[TargetOutcome, ...]
    due: bool = True  # False: an interim view before the end of its work year (or term) does not judge it

    @property
    def status(self) -> str:
        """met, not_met, or not_due (an interim view, Art. 6)."""
        return "not_due" if not self.due else "met" if self.achieved else "not_met"


@dataclass(frozen=True, kw_only=True)
class ResultRatio:
    units: tuple[UnitOutcome, ...]
    counting: str
    minimum: Decimal
    interim: bool = False  # judged at a monitoring moment: no ratio is paid on it (Art. 6)

    @property
    def achieved(self) -> int:
        return sum(unit.achieved for unit in self.units)

    @property
    def total(self) -> int:
        return len(self.units)

    @property
    def due(self) -> int:
        """The units judged: every unit of a settlement; those whose time has come in an interim view."""
        return sum(unit.due for unit in self.units)

    @property
    def share(self) -> Fraction:
        return Fraction(self.achieved, self.total) if self.total else Fraction(0)

    @property
    def ratio(self) -> Fraction:
        """Art. 2: a rato of the commitments achieved; nothing when fewer than half (exactly half is paid)."""
        return self.share if self.share >= Fraction(self.minimum) else Fraction(0)


def _targets(commitment: ResultCommitment, result: ResultRealisation) -> list[TargetOutcome]:
    values = {(a.indicator, a.year): a.value for a in result.actuals}
    return [TargetOutcome(indicator=t.indicator, year=t.year, minimum=t.minimum,
                          value=values.get((t.indicator, t.year)))
            for t in commitment.targets or []]


def result_ratio(commitments: list[ResultCommitment], results: dict[str, ResultRealisation], rules: Rules,
                 years: int) -> ResultRatio:
    """A commitment (or commitment-year) is achieved when each of its targets is met, or
    when the auditor says so; the auditor's word overrides the measured values.

    Under `per_year` a commitment counts once for each work year its targets name (every
    work year when it names none: qualitative, or totals over the term); a target without
    a year belongs to every year counted.
    """
    units = []
    for commitment in commitments:
        result = results[commitment.id]
        targets = _targets(commitment, result)
        years_counted: tuple[int | None, ...] = (None,)
        if rules.result_counting == "per_year":
            years_counted = tuple(sorted({t.year for t in targets if t.year is not None}) or range(1, years + 1))
        for year in years_counted:
            mine = tuple(t for t in targets if year is None or t.year in (None, year))
            achieved = result.achieved if result.achieved is not None else all(t.met for t in mine)
            units.append(UnitOutcome(commitment=commitment.id, title=commitment.title, year=year, achieved=achieved,
                                     by_auditor=result.achieved is not None, note=result.note, targets=mine))
    return ResultRatio(units=tuple(units), counting=rules.result_counting, minimum=rules.result_minimum)


def interim_results(commitments: list[ResultCommitment], results: dict[str, ResultRealisation], rules: Rules,
                    term: Span, as_of: date) -> ResultRatio:
    """Art. 6: at a monitoring moment, each commitment in each work year its targets name is
    met, not met, or not yet due: a work year is judged once it has ended on or before
    `as_of`. A qualitative commitment, and a target without a year (a total over the term),
    is one unit of the whole term, due only when the term ends, so never in an interim view.
    The auditor's word on a commitment overrides the measured values of its due years.
    """
    due = years_due(term, as_of)
    units = []
    for commitment in commitments:
        result = results.get(commitment.id, ResultRealisation())
        targets = _targets(commitment, result)
        years: list[int | None] = []
        years += sorted({t.year for t in targets if t.year is not None})
        if commitment.qualitative is not None or any(t.year is None for t in targets):
            years.append(None)
        for year in years:
            is_due = year is not None and year <= due
            # a value measured over a year that has not ended is a fact of after the day: not shown
            mine = tuple(t if is_due else replace(t, value=None) for t in targets if t.year == year)
            verdict = result.achieved if result.achieved is not None else all(t.met for t in mine)
            units.append(UnitOutcome(commitment=commitment.id, title=commitment.title, year=year,
                                     achieved=is_due and verdict, by_auditor=is_due and result.achieved is not None,
                                     note=result.note, targets=mine, due=is_due))
    return ResultRatio(units=tuple(units), counting="per_year", minimum=rules.result_minimum, interim=True)
