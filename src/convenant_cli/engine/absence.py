"""Art. 5: the consultant-days a beneficiary fell short of its FTE (rule R4), with the
cause of every short day.

Facts are taken as they happened (rulebook): an absence or an employment may start
before the term. The guaranteed-wage count and the relapse chain run on the real
dates; only days inside the term count towards the shortfall.

Pure: consultants and rules in, outcomes out. Works on date intervals (a sweep over
the days where the counted FTE changes), not on every day of every consultant, so a
sector's year of records settles in milliseconds. Nothing here formats text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from itertools import pairwise

from convenant_cli.domain.absence_reasons import INCAPACITY
from convenant_cli.domain.terms import ONE_DAY, Span
from convenant_cli.models import Consultant, Rules

RELAPSE_CHANGE = date(2026, 1, 1)  # Belgian law: 14 days before, 8 weeks from this date
RELAPSE_BEFORE, RELAPSE_FROM = 14, 56
ZERO_FTE = Decimal("0.00")


@dataclass(frozen=True, eq=False)
class RelapseWindow:
    """Art. 70 of the law of 3 July 1978: a new incapacity that starts within `days`
    calendar days after the last day of the previous one continues its count."""

    previous_end: date
    days: int

    @property
    def first(self) -> date:
        return self.previous_end + ONE_DAY

    @property
    def last(self) -> date:
        return self.previous_end + timedelta(days=self.days)

    def holds(self, start: date) -> bool:
        return start <= self.last


@dataclass(frozen=True, eq=False, kw_only=True)
class AbsenceOutcome:
    """How one absence counts, on its real dates and inside the term."""

    consultant: str  # the consultant's key (id, else name)
    name: str  # the consultant's name
    span: Span  # as it happened
    reason: str
    fte: Decimal  # absent FTE
    replaced: bool
    new_illness: bool
    guaranteed_wage_days: int  # the length that applies: the rule's or the consultant's own
    window: RelapseWindow | None  # for an incapacity after an earlier one of the same consultant
    relapse: bool  # continues the guaranteed-wage count of the incapacity before it
    used_before: int  # guaranteed-wage days its chain had used before it
    wage: Span | None  # the days paid as guaranteed wage (real dates)
    in_term: Span | None  # the part of the absence inside the term
    uncovered: Span | None  # the days inside the term that cost FTE: no guaranteed wage, not replaced

    @property
    def incapacity(self) -> bool:
        return self.reason in INCAPACITY

    @property
    def days(self) -> int:
        return self.span.days

    @property
    def wage_days(self) -> int:
        return self.wage.days if self.wage else 0

    @property
    def wage_days_in_term(self) -> int:
        if self.wage is None or self.in_term is None:
            return 0
        inside = self.wage.clip(self.in_term)
        return inside.days if inside else 0

    @property
    def days_in_term(self) -> int:
        return self.in_term.days if self.in_term else 0

    @property
    def uncovered_days(self) -> int:
        return self.uncovered.days if self.uncovered else 0

    @property
    def lost_fte_days(self) -> Decimal:
        """FTE x uncovered days: what this absence alone takes away, before any replacement."""
        return self.fte * self.uncovered_days


@dataclass(frozen=True, eq=False)
class ConsultantOutcome:
    key: str
    name: str
    fte: Decimal
    employed: Span  # as it happened; the whole term when the realisation gives no dates
    employed_given: bool
    guaranteed_wage_days: int
    absences: tuple[AbsenceOutcome, ...]
    insz: str | None = None  # masked (`**.**.**-***.12`): the whole number never leaves the model


@dataclass(frozen=True, eq=False)
class ShortSpan:
    """Consecutive days on which the same consultants were employed and the same absences
    cost FTE, and the beneficiary fell short of its FTE, or an uncovered absence was made
    up for by a replacement:

    shortfall = max(0, vacancy + absent - surplus), where vacancy is the FTE nobody was
    employed for, absent the FTE of uncovered absences, and surplus the FTE employed
    above the beneficiary's (a replacement); `absences` are the causes by name. A span
    made up for in full has a shortfall of 0: it shows where an absence's days went.
    """

    start: date
    end: date
    beneficiary_fte: Decimal
    employed_fte: Decimal
    absent_fte: Decimal
    absences: tuple[AbsenceOutcome, ...]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def counted_fte(self) -> Decimal:
        return self.employed_fte - self.absent_fte

    @property
    def vacancy_fte(self) -> Decimal:
        return max(ZERO_FTE, self.beneficiary_fte - self.employed_fte)

    @property
    def surplus_fte(self) -> Decimal:
        return max(ZERO_FTE, self.employed_fte - self.beneficiary_fte)

    @property
    def shortfall_fte(self) -> Decimal:
        return max(ZERO_FTE, self.beneficiary_fte - self.counted_fte)

    @property
    def shortfall_fte_days(self) -> Decimal:
        return self.shortfall_fte * self.days


@dataclass(frozen=True, eq=False)
class StaffingOutcome:
    beneficiary_fte: Decimal
    shortfall_fte_days: Decimal
    consultants: tuple[ConsultantOutcome, ...]
    short_spans: tuple[ShortSpan, ...]  # every day of `counted` that is short or made up, in order
    counted: Span  # the days whose shortfall counts: the term, or its start up to an interim view's day

    @property
    def absences(self) -> tuple[AbsenceOutcome, ...]:
        return tuple(a for c in self.consultants for a in c.absences)


def relapse_window(rules: Rules, previous_end: date, new_start: date) -> RelapseWindow:
    """The window after `previous_end` within which an incapacity starting `new_start` is a relapse.

    >>> relapse_window(Rules(), date(2025, 12, 20), date(2025, 12, 31)).days
    14
    >>> window = relapse_window(Rules(), date(2025, 12, 20), date(2026, 1, 1))
    >>> window.days, window.first, window.last
    (56, datetime.date(2025, 12, 21), datetime.date(2026, 2, 14))
    >>> relapse_window(Rules(relapse_days=21), date(2025, 12, 20), date(2026, 1, 1)).days
    21
    """
    if rules.relapse_days is not None:
        return RelapseWindow(previous_end, rules.relapse_days)
    return RelapseWindow(previous_end, RELAPSE_FROM if new_start >= RELAPSE_CHANGE else RELAPSE_BEFORE)


def wage_length(consultant: Consultant, rules: Rules) -> int:
    """The guaranteed-wage days of this consultant's incapacities: their own, else the rule's."""
    own = consultant.guaranteed_wage_days
    return own if own is not None else rules.guaranteed_wage_days


def classify_absences(consultant: Consultant, rules: Rules, term: Span) -> tuple[AbsenceOutcome, ...]:
    """Art. 5 and Art. 70 of the law of 3 July 1978, on the real dates: an illness or
    accident is paid as guaranteed wage for its first `guaranteed_wage_days` calendar
    days; a new one within the relapse window continues that count (unless
    `new_illness`); a replaced absence costs nothing, but still counts in the chain;
    time credit, career break, maternity and unpaid leave are not covered.
    """
    length = wage_length(consultant, rules)
    outcomes = []
    chain_end: date | None = None
    used = 0
    for absence in sorted(consultant.absences, key=lambda a: a.start):
        if absence.end is None:  # refused in an eindrapport; an interim view cuts it at its day first
            raise ValueError(f"{consultant.name}: an ongoing absence from {absence.start} reached the settlement")
        span = Span(absence.start, absence.end)
        fte = absence.fte if absence.fte is not None else consultant.fte
        window, relapse, wage, before = None, False, None, 0
        if absence.reason in INCAPACITY:
            if chain_end is not None:
                window = relapse_window(rules, chain_end, absence.start)
                relapse = window.holds(absence.start) and not absence.new_illness
            used = used if relapse else 0
            before = used
            paid = min(max(length - used, 0), span.days)
            wage = Span(span.start, span.start + timedelta(days=paid - 1)) if paid else None
            used = min(length, used + span.days)
            chain_end = absence.end
        in_term = span.clip(term)
        uncovered = None
        if in_term is not None and not absence.replaced:
            first_cost = wage.end + ONE_DAY if wage else span.start
            uncovered = Span(max(first_cost, in_term.start), in_term.end) if first_cost <= in_term.end else None
        outcomes.append(AbsenceOutcome(
            consultant=consultant.key, name=consultant.name, span=span, reason=absence.reason, fte=fte,
            replaced=absence.replaced, new_illness=absence.new_illness, guaranteed_wage_days=length, window=window,
            relapse=relapse, used_before=before, wage=wage, in_term=in_term, uncovered=uncovered))
    return tuple(outcomes)


def staffing_shortfall(consultants: list[Consultant], beneficiary_fte: Decimal, term: Span,
                       rules: Rules) -> StaffingOutcome:
    """Art. 5: shortfall(day) = max(0, beneficiary FTE - counted FTE), summed over the term.

    A consultant counts on the days employed and not absent, or absent but covered.
    Several consultants on one day add up, so a replacement fills the gap on its own
    days; a surplus on one day never offsets another day.
    """
    employed_changes: dict[date, Decimal] = {}
    starts: dict[date, list[AbsenceOutcome]] = {}
    ends: dict[date, list[AbsenceOutcome]] = {}
    outcomes = []
    for consultant in consultants:
        given = consultant.employed
        employed = Span(given.start, given.end) if given else term
        inside = employed.clip(term)
        if inside is not None and consultant.fte:
            employed_changes[inside.start] = employed_changes.get(inside.start, Decimal(0)) + consultant.fte
            after = inside.end + ONE_DAY
            employed_changes[after] = employed_changes.get(after, Decimal(0)) - consultant.fte
        absences = classify_absences(consultant, rules, term)
        for outcome in absences:
            if outcome.uncovered is not None and outcome.fte:
                starts.setdefault(outcome.uncovered.start, []).append(outcome)
                ends.setdefault(outcome.uncovered.end + ONE_DAY, []).append(outcome)
        outcomes.append(ConsultantOutcome(consultant.key, consultant.name, consultant.fte, employed,
                                          given is not None, wage_length(consultant, rules), absences,
                                          _masked_insz(consultant.insz)))

    points = sorted(set(employed_changes) | set(starts) | set(ends) | {term.start, term.end + ONE_DAY})
    employed_fte, absent_fte = Decimal(0), Decimal(0)
    active: dict[int, AbsenceOutcome] = {}
    total, spans = Decimal("0.00"), []
    for day, following in pairwise(points):
        employed_fte += employed_changes.get(day, Decimal(0))
        for outcome in ends.get(day, ()):
            del active[id(outcome)]
            absent_fte -= outcome.fte
        for outcome in starts.get(day, ()):
            active[id(outcome)] = outcome
            absent_fte += outcome.fte
        if day < term.start or day > term.end:
            continue
        if beneficiary_fte - (employed_fte - absent_fte) > 0 or active:
            span = ShortSpan(day, min(following, term.end + ONE_DAY) - ONE_DAY, beneficiary_fte, employed_fte,
                             absent_fte, tuple(active.values()))
            spans.append(span)
            total += span.shortfall_fte_days
    return StaffingOutcome(beneficiary_fte, total, tuple(outcomes), tuple(spans), term)


def _masked_insz(insz: str | None) -> str | None:
    """The consultant's INSZ as outputs may show it (its last two digits), loaded only for one."""
    if insz is None:
        return None
    from convenant_cli.domain.insz import mask_insz

    return mask_insz(insz)
