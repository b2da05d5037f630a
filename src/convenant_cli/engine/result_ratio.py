"""Art. 2: which result commitments were achieved, who decided it, and the result ratio (rule R3).

Pure: commitments, the realisation's results, the auditor's assessment and the rules in, an
exact `Fraction` out (never a rounded percentage). The sector writes the realisation: its
measured values, and its own view of a commitment (`achieved:`, the self-assessment), which
is carried along to be shown and never decides anything. The auditor writes the assessment:
a verdict decides a commitment (overriding its measured values), a correction replaces one
measured value. A qualitative commitment without a verdict is unjudged: it counts as not met
in the ratio paid, and as met in the ratio if it were (`ratio_if_met`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from convenant_cli.domain.terms import Span, years_due
from convenant_cli.models import ResultCommitment, ResultRealisation, Rules

if TYPE_CHECKING:
    from convenant_cli.models.assessment import Assessment, Verdict


class Source(StrEnum):
    """Who decided a counted unit."""

    MEASURED = "measured"  # the sector's measured values against the targets
    CORRECTED = "corrected"  # the measured values, one or more of them as the auditor counted it
    ASSESSMENT = "assessment"  # the auditor's verdict


@dataclass(frozen=True, kw_only=True)
class TargetOutcome:
    indicator: str
    year: int | None
    minimum: Decimal
    value: Decimal | None  # the value judged: the auditor's when corrected, else the sector's
    reported: Decimal | None = None  # the sector's value, when the auditor corrected it
    correction: str | None = None  # the auditor's reason for the correction

    @property
    def met(self) -> bool:
        return self.value is not None and self.value >= self.minimum

    @property
    def corrected(self) -> bool:
        return self.correction is not None


@dataclass(frozen=True, kw_only=True)
class UnitOutcome:
    """One counted unit: a commitment (per_commitment) or a commitment in one work year (per_year)."""

    commitment: str
    title: str
    year: int | None
    achieved: bool  # as counted in the ratio paid: an unjudged unit is not achieved
    source: Source | None  # who decided; None: nobody yet (unjudged, or not due)
    note: str | None  # the auditor's reason, with a verdict
    self_assessment: bool | None  # the sector's own `achieved:` in the realisation: shown, never used
    self_note: str | None
    targets: tuple[TargetOutcome, ...]
    due: bool = True  # False: an interim view before the end of its work year (or term) does not judge it

    @property
    def unjudged(self) -> bool:
        """A qualitative commitment, due, that no verdict decides: it waits for the auditor."""
        return self.due and self.source is None

    @property
    def by_auditor(self) -> bool:
        return self.source is Source.ASSESSMENT

    @property
    def status(self) -> str:
        """met, not_met, not_due (an interim view, Art. 6) or unjudged (waiting for the auditor)."""
        if not self.due:
            return "not_due"
        return "unjudged" if self.unjudged else "met" if self.achieved else "not_met"


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
    def unjudged(self) -> tuple[UnitOutcome, ...]:
        return tuple(unit for unit in self.units if unit.unjudged)

    @property
    def waiting(self) -> tuple[str, ...]:
        """The commitments that wait for the auditor's verdict, each once, in the agreement's order."""
        return tuple(dict.fromkeys(unit.commitment for unit in self.unjudged))

    @property
    def share(self) -> Fraction:
        return Fraction(self.achieved, self.total) if self.total else Fraction(0)

    @property
    def ratio(self) -> Fraction:
        """Art. 2: a rato of the commitments achieved; nothing when fewer than half (exactly half is paid)."""
        return self._paid(self.share)

    @property
    def ratio_if_met(self) -> Fraction:
        """The ratio if every unjudged commitment were met: what a provisional settlement may become."""
        share = Fraction(self.achieved + len(self.unjudged), self.total) if self.total else Fraction(0)
        return self._paid(share)

    def _paid(self, share: Fraction) -> Fraction:
        return share if share >= Fraction(self.minimum) else Fraction(0)


def _targets(commitment: ResultCommitment, result: ResultRealisation,
             assessment: Assessment | None) -> list[TargetOutcome]:
    values = {(a.indicator, a.year): a.value for a in result.actuals}
    found = []
    for target in commitment.targets or []:
        reported = values.get((target.indicator, target.year))
        correction = assessment.correction_of(commitment.id, target.indicator, target.year) if assessment else None
        if correction is None:
            found.append(TargetOutcome(indicator=target.indicator, year=target.year, minimum=target.minimum,
                                       value=reported))
        else:
            found.append(TargetOutcome(indicator=target.indicator, year=target.year, minimum=target.minimum,
                                       value=correction.value, reported=reported, correction=correction.note))
    return found


def _decided(commitment: ResultCommitment, verdict: Verdict | None,
             targets: tuple[TargetOutcome, ...]) -> tuple[bool, Source | None]:
    """Whether a unit is achieved, and who says so: the auditor's verdict, else the measured
    values (corrected or not), else nobody (a qualitative commitment waits for its verdict)."""
    if verdict is not None:
        return verdict.achieved, Source.ASSESSMENT
    if commitment.targets is None:
        return False, None
    source = Source.CORRECTED if any(target.corrected for target in targets) else Source.MEASURED
    return all(target.met for target in targets), source


def result_ratio(commitments: list[ResultCommitment], results: dict[str, ResultRealisation], rules: Rules,
                 years: int, assessment: Assessment | None = None) -> ResultRatio:
    """A commitment (or commitment-year) is achieved when each of its targets is met, on the
    measured values as the auditor corrected them, or when the auditor's verdict says so: a
    verdict overrides the measured values. A qualitative commitment without a verdict is
    unjudged, and counts as not met in the ratio paid.

    Under `per_year` a commitment counts once for each work year its targets name (every
    work year when it names none: qualitative, or totals over the term); a target without
    a year belongs to every year counted.
    """
    units = []
    for commitment in commitments:
        result = results.get(commitment.id, ResultRealisation())
        verdict = assessment.verdicts.get(commitment.id) if assessment is not None else None
        targets = _targets(commitment, result, assessment)
        years_counted: tuple[int | None, ...] = (None,)
        if rules.result_counting == "per_year":
            years_counted = tuple(sorted({t.year for t in targets if t.year is not None}) or range(1, years + 1))
        for year in years_counted:
            mine = tuple(t for t in targets if year is None or t.year in (None, year))
            achieved, source = _decided(commitment, verdict, mine)
            units.append(UnitOutcome(commitment=commitment.id, title=commitment.title, year=year, achieved=achieved,
                                     source=source, note=verdict.note if verdict else None,
                                     self_assessment=result.achieved, self_note=result.note, targets=mine))
    return ResultRatio(units=tuple(units), counting=rules.result_counting, minimum=rules.result_minimum)


def interim_results(commitments: list[ResultCommitment], results: dict[str, ResultRealisation], rules: Rules,
                    term: Span, as_of: date, assessment: Assessment | None = None) -> ResultRatio:
    """Art. 6: at a monitoring moment, each commitment in each work year its targets name is
    met, not met, or not yet due: a work year is judged once it has ended on or before
    `as_of`. A qualitative commitment, and a target without a year (a total over the term),
    is one unit of the whole term, due only when the term ends, so never in an interim view.
    An assessment (dated by `as_of`: the caller leaves out a later one) decides the due years
    as in a settlement: a verdict overrides their measured values, a correction replaces one.
    """
    due = years_due(term, as_of)
    units = []
    for commitment in commitments:
        result = results.get(commitment.id, ResultRealisation())
        verdict = assessment.verdicts.get(commitment.id) if assessment is not None else None
        targets = _targets(commitment, result, assessment)
        years: list[int | None] = []
        years += sorted({t.year for t in targets if t.year is not None})
        if commitment.qualitative is not None or any(t.year is None for t in targets):
            years.append(None)
        for year in years:
            is_due = year is not None and year <= due
            # a value measured over a year that has not ended is a fact of after the day: not shown
            mine = tuple(t if is_due else replace(t, value=None, reported=None, correction=None)
                         for t in targets if t.year == year)
            achieved, source = _decided(commitment, verdict, mine)
            units.append(UnitOutcome(commitment=commitment.id, title=commitment.title, year=year,
                                     achieved=is_due and achieved, source=source if is_due else None,
                                     note=verdict.note if verdict and is_due else None,
                                     self_assessment=result.achieved, self_note=result.note, targets=mine,
                                     due=is_due))
    return ResultRatio(units=tuple(units), counting="per_year", minimum=rules.result_minimum, interim=True)
