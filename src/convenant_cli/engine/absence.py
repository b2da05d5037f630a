"""Art. 5: the consultant-days a beneficiary fell short of its FTE (rule R4).

Pure: consultants and rules in, shortfall out. Works on date intervals (a sweep
over the days where the counted FTE changes), not on every day of every
consultant, so a sector's year of records settles in milliseconds.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from convenant_cli.models import INCAPACITY, Consultant, Rules
from convenant_cli.terms import ONE_DAY, Span

RELAPSE_CHANGE = date(2026, 1, 1)  # Belgian law: 14 days before, 8 weeks from this date
RELAPSE_BEFORE, RELAPSE_FROM = 14, 56


@dataclass(frozen=True)
class AbsenceOutcome:
    """How one absence counts: the days paid as guaranteed wage, the days that cost FTE."""

    consultant: str
    start: date
    end: date
    reason: str
    fte: Decimal
    replaced: bool
    relapse: bool  # continues the guaranteed-wage count of the incapacity before it
    covered_days: int  # guaranteed wage (Art. 5: "door het gewaarborgd loon vergoed")
    uncovered_days: int

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def lost_fte_days(self) -> Decimal:
        return self.fte * self.uncovered_days


@dataclass(frozen=True)
class ShortSpan:
    """Consecutive days on which the counted FTE stayed the same and below the beneficiary's."""

    start: date
    end: date
    counted_fte: Decimal
    shortfall_fte: Decimal

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class StaffingOutcome:
    beneficiary_fte: Decimal
    shortfall_fte_days: Decimal
    absences: tuple[AbsenceOutcome, ...]
    short_spans: tuple[ShortSpan, ...]


def relapse_window(rules: Rules, new_start: date) -> int:
    """Calendar days after the last day of incapacity within which a new one continues it.

    >>> relapse_window(Rules(), date(2025, 12, 31)), relapse_window(Rules(), date(2026, 1, 1))
    (14, 56)
    >>> relapse_window(Rules(relapse_days=21), date(2026, 1, 1))
    21
    """
    if rules.relapse_days is not None:
        return rules.relapse_days
    return RELAPSE_FROM if new_start >= RELAPSE_CHANGE else RELAPSE_BEFORE


def classify_absences(consultant: Consultant, rules: Rules) -> list[AbsenceOutcome]:
    """Art. 5 and Art. 70 of the law of 3 July 1978: an illness or accident is paid as
    guaranteed wage for its first `guaranteed_wage_days` calendar days; a relapse within
    the relapse window continues that count (unless `new_illness`); a replaced absence
    costs nothing; time credit, career break, maternity and unpaid leave are not covered.
    """
    outcomes = []
    chain_end: date | None = None
    used = 0
    for absence in sorted(consultant.absences, key=lambda a: a.start):
        fte = absence.fte if absence.fte is not None else consultant.fte
        days = (absence.end - absence.start).days + 1
        covered, relapse = 0, False
        if absence.reason in INCAPACITY:
            window = relapse_window(rules, absence.start)
            relapse = (chain_end is not None and not absence.new_illness
                       and absence.start <= chain_end + timedelta(days=window))
            if not relapse:
                used = 0
            covered = min(max(rules.guaranteed_wage_days - used, 0), days)
            used = min(rules.guaranteed_wage_days, used + days)
            chain_end = absence.end
        if absence.replaced:
            covered = days
        outcomes.append(AbsenceOutcome(consultant.name, absence.start, absence.end, absence.reason, fte,
                                       absence.replaced, relapse, covered, days - covered))
    return outcomes


def staffing_shortfall(consultants: list[Consultant], beneficiary_fte: Decimal, term: Span,
                       rules: Rules) -> StaffingOutcome:
    """Art. 5: shortfall(day) = max(0, beneficiary FTE - counted FTE), summed over the term.

    A consultant counts on the days employed and not absent, or absent but covered.
    Several consultants on one day add up, so a replacement fills the gap on its own
    days; a surplus on one day never offsets another day.
    """
    changes: dict[date, Decimal] = {}

    def change(start: date, end: date, fte: Decimal) -> None:
        span = Span(start, end).clip(term)
        if span is not None and fte:
            changes[span.start] = changes.get(span.start, Decimal(0)) + fte
            after = span.end + ONE_DAY
            changes[after] = changes.get(after, Decimal(0)) - fte

    outcomes: list[AbsenceOutcome] = []
    for consultant in consultants:
        employed = consultant.employed
        change(employed.start if employed else term.start, employed.end if employed else term.end, consultant.fte)
        for outcome in classify_absences(consultant, rules):
            outcomes.append(outcome)
            if outcome.uncovered_days:
                change(outcome.start + timedelta(days=outcome.covered_days), outcome.end, -outcome.fte)

    points = sorted(set(changes) | {term.start, term.end + ONE_DAY})
    counted, total, spans = Decimal(0), Decimal("0.00"), []
    for day, following in itertools.pairwise(points):
        counted += changes.get(day, Decimal(0))
        if day < term.start or day > term.end:
            continue
        short = beneficiary_fte - counted
        if short > 0:
            end = min(following, term.end + ONE_DAY) - ONE_DAY
            spans.append(ShortSpan(day, end, counted, short))
            total += short * ((end - day).days + 1)
    return StaffingOutcome(beneficiary_fte, total, tuple(outcomes), tuple(spans))
