"""Settling a covenant or addendum: rules R1, R2, R5, R6, R7 on top of R3 and R4.

Pure: validated models in, a frozen `Settlement` out that holds every figure and every
input of its arithmetic (rate, exact deduction, base, shares, ratio, the cap with its cost
statement from `engine.costs`, tranches), so that the explanation, the tables and the
workbook are all narrated from the same numbers (`render/settlement/`). Nothing here
formats text. All rounding goes through `money.quantize`, once per figure; totals are sums
of the rounded beneficiary figures, so every table adds up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from convenant_cli.domain.money import ZERO, quantize
from convenant_cli.domain.terms import Span, work_years
from convenant_cli.domain.units import Unit
from convenant_cli.models import Advance, Agreement, Consultant, Group, Member, Realisation
from convenant_cli.models.rules import Origin, RulesInForce

if TYPE_CHECKING:
    from convenant_cli.engine.absence import StaffingOutcome
    from convenant_cli.engine.costs import CostStatementOutcome
    from convenant_cli.engine.result_ratio import ResultRatio
    from convenant_cli.models import CostLine
    from convenant_cli.models.assessment import Assessment, CostDecision

# Every figure of a line and of the totals, in the order the rulebook gives them, with its unit.
FIGURES: dict[str, Unit] = {"maximum": Unit.EURO, "deduction": Unit.EURO, "shortfall_fte_days": Unit.FTE_DAYS,
                            "effort": Unit.EURO, "result": Unit.EURO, "payable": Unit.EURO,
                            "advances": Unit.EURO, "balance": Unit.EURO}
FIGURE_KEYS = tuple(FIGURES)
MONEY_KEYS = tuple(key for key, unit in FIGURES.items() if unit is Unit.EURO)
# A provisional settlement's other payable: what it pays if every commitment that waits for the
# auditor's verdict is met (beside the figures, never summed into a family or the portfolio).
IF_MET = "payable_if_met"
# What each kind of view shows: maxima have no payment yet; an interim view (Art. 6) has the
# deduction accrued and the advances paid by its day, but no ratio, so no effort, result,
# payable or balance. A provisional settlement shows every figure, the payable being certain.
SHOWN_KEYS: dict[str, tuple[str, ...]] = {
    "settled": FIGURE_KEYS,
    "provisional": FIGURE_KEYS,
    "interim": ("maximum", "deduction", "shortfall_fte_days", "advances"),
    "maxima": ("maximum", "deduction", "shortfall_fte_days", "effort", "result"),
}


class Staffed(StrEnum):
    """How the eindrapport speaks of a beneficiary's staffing (Art. 5)."""

    REPORTED = "reported"  # consultants listed: the shortfall is computed
    ASSUMED_FULL = "assumed_full"  # not listed: taken as fully staffed, no deduction (an assumption)
    NO_FTE = "no_fte"  # the file funds no consultants: no Art. 5 deduction
    NOT_SETTLED = "not_settled"  # maxima: no eindrapport


@dataclass(frozen=True, eq=False, kw_only=True)
class Line:
    """One beneficiary's settlement, with the inputs of each figure."""

    name: str
    enterprise_number: str
    group: str
    fte: Decimal | None
    maximum: Decimal
    rate: Fraction | None  # amount per FTE (Art. 1)
    term_days: int
    staffed: Staffed
    staffing: StaffingOutcome | None
    shortfall_fte_days: Decimal
    deduction_exact: Fraction  # rate x shortfall / term days, before rounding
    deduction: Decimal
    base: Decimal  # what the shares apply to: maximum - deduction, or the maximum (R5)
    effort: Decimal
    result: Decimal
    payable_before_cap: Decimal  # effort + result (- deduction, never below zero, under `payable`)
    floored: bool  # effort + result - deduction fell below zero and was paid as 0,00
    eligible_costs: Decimal | None  # the cap of R6: the cost statement's eligible costs, or the total given
    costs: CostStatementOutcome | None = None  # the cost statement, when the eindrapport has one
    payable: Decimal
    advance_tranches: tuple[Advance, ...]
    advances: Decimal
    balance: Decimal
    # a provisional settlement: the result financing and payable if every unjudged commitment is
    # met (equal to `result` and `payable` when nothing waits for the auditor)
    result_if_met: Decimal
    payable_if_met: Decimal

    @property
    def capped(self) -> bool:
        return self.eligible_costs is not None and self.payable < self.payable_before_cap

    @property
    def costs_without_statement(self) -> bool:
        """The cap is one `eligible_costs` total, not the sum of a cost statement's lines."""
        return self.eligible_costs is not None and self.costs is None


@dataclass(frozen=True, kw_only=True)
class Totals:
    """Every figure of a settlement, summed over its lines (`FIGURE_KEYS`)."""

    maximum: Decimal
    deduction: Decimal
    shortfall_fte_days: Decimal
    effort: Decimal
    result: Decimal
    payable: Decimal
    advances: Decimal
    balance: Decimal
    payable_if_met: Decimal


@dataclass(frozen=True, kw_only=True)
class Judgement:
    """Who judged the realisation, when, and in which file (its name as the run shows it and
    the SHA-256 of its bytes, when the caller read it from one)."""

    auditor: str
    date: date
    file: str | None = None
    sha256: str | None = None


@dataclass(frozen=True, kw_only=True)
class Assumption:
    """A premise the figures rest on that no file states, so the reader must see it:
    a beneficiary taken as fully staffed, or a rule setting the file does not write."""

    code: Literal["fully_staffed", "default_rule"]
    beneficiary: str | None = None  # enterprise number
    setting: str | None = None  # rule setting


@dataclass(frozen=True, eq=False, kw_only=True)
class Settlement:
    agreement: Agreement
    term: Span
    settled: bool  # False: no realisation, the figures are maxima
    rules: RulesInForce
    ratio: ResultRatio | None
    lines: tuple[Line, ...]
    totals: Totals
    as_of: date | None = None  # an interim view at this day (Art. 6): nothing is paid on it
    judgement: Judgement | None = None  # the assessment whose verdicts and corrections were used
    set_aside: Judgement | None = None  # an assessment given but dated after the view's day: not used

    @property
    def status(self) -> Literal["settled", "provisional", "interim", "maxima"]:
        """A final settlement is provisional while a commitment waits for the auditor's verdict."""
        if not self.settled:
            return "maxima"
        if self.as_of is not None:
            return "interim"
        return "provisional" if self.ratio is not None and self.ratio.unjudged else "settled"

    @property
    def provisional(self) -> bool:
        return self.status == "provisional"

    @property
    def interim(self) -> bool:
        return self.as_of is not None

    @property
    def final(self) -> bool:
        """A settlement proper: figures to pay, from an eindrapport after the term."""
        return self.settled and self.as_of is None

    @property
    def shown_keys(self) -> tuple[str, ...]:
        """The figures this view has (`SHOWN_KEYS`); the others are not shown, and null in JSON."""
        return SHOWN_KEYS[self.status]

    @property
    def id(self) -> str:
        return self.agreement.id

    @property
    def kind(self) -> str:
        return self.agreement.kind

    @property
    def assumptions(self) -> tuple[Assumption, ...]:
        staffed = tuple(Assumption(code="fully_staffed", beneficiary=line.enterprise_number) for line in self.lines
                        if line.staffed is Staffed.ASSUMED_FULL)
        defaults = tuple(Assumption(code="default_rule", setting=name) for name, origin in self.rules.origins.items()
                         if origin is Origin.DEFAULT)
        return staffed + defaults

    @property
    def share(self) -> Fraction:
        """The result ratio the result financing is paid at: 1 for maxima."""
        return self.ratio.ratio if self.ratio is not None else Fraction(1)


def _totals(lines: list[Line]) -> Totals:
    def total(key: str) -> Decimal:
        return sum((getattr(line, key) for line in lines), ZERO)

    return Totals(**{key: total(key) for key in (*FIGURE_KEYS, IF_MET)})


def settle(agreement: Agreement, rules: RulesInForce, realisation: Realisation | None = None,
           as_of: date | None = None, assessment: Assessment | None = None, *,
           assessment_file: tuple[str, str] | None = None) -> Settlement:
    """Settle every beneficiary of Art. 1; without a realisation, show the maxima. With
    `as_of` before the term's last day, the interim view of Art. 6 at that day: the
    shortfall and deduction accrued up to and including it, the advances paid by it, each
    commitment's work years judged once ended; nothing payable.

    `assessment` is the auditor's judgement of the realisation, `assessment_file` its file's
    name and SHA-256 for the outputs. With `as_of`, an assessment dated after that day is set
    aside: a judgement made later does not decide a view of an earlier day."""
    term = Span(agreement.period.start, agreement.period.end)
    judgement = set_aside = None
    if assessment is not None:
        file, sha256 = assessment_file or (None, None)
        judgement = Judgement(auditor=assessment.auditor, date=assessment.date, file=file, sha256=sha256)
        if realisation is None or (as_of is not None and assessment.date > as_of):
            assessment, judgement, set_aside = None, None, judgement
    interim = realisation is not None and as_of is not None and as_of < term.end
    ratio = None
    counted = term
    if realisation is not None and as_of is not None and interim:
        if as_of < term.start:
            raise ValueError(f"{as_of} is before the term {term.start} - {term.end}")  # refused by the caller
        from convenant_cli.engine.interim import facts_until
        from convenant_cli.engine.result_ratio import interim_results

        realisation = facts_until(realisation, as_of)
        ratio = interim_results(agreement.result_commitments, realisation.results, rules.rules, term, as_of,
                                assessment)
        counted = Span(term.start, as_of)
    elif realisation is not None:
        from convenant_cli.engine.result_ratio import result_ratio  # only a settlement has results to judge

        ratio = result_ratio(agreement.result_commitments, realisation.results, rules.rules, len(work_years(term)),
                             assessment)
    facts = _Facts(realisation, assessment)
    lines = [_settle_member(agreement, group, member, rules, (term, counted, interim), ratio, facts)
             for group, member in agreement.members()]
    return Settlement(agreement=agreement, term=term, settled=realisation is not None, rules=rules, ratio=ratio,
                      lines=tuple(lines), totals=_totals(lines), as_of=as_of if interim else None,
                      judgement=judgement, set_aside=set_aside)


class _Facts:
    """The realisation's figures per enterprise number (none without a realisation)."""

    def __init__(self, realisation: Realisation | None, assessment: Assessment | None = None) -> None:
        # A progress report has no cost statement (Art. 6: the financial part is the eindrapport's);
        # the checks warn about one, and an interim view reads none.
        self.settled = realisation is not None
        self.assessment = assessment  # the auditor's judgement of the realisation, if given
        self.staffing: dict[str, list[Consultant]] = {}
        self.costs: dict[str, Decimal] = {}
        self.statements: dict[str, list[CostLine]] = {}
        self.refusals: dict[str, dict[str, CostDecision]] = {}  # per beneficiary, by reference
        self.advances: dict[str, tuple[Advance, ...]] = {}
        if realisation is None:
            return
        self.staffing = {s.beneficiary: s.consultants for s in realisation.staffing}
        self.costs = {p.beneficiary: p.amount for p in realisation.eligible_costs}
        self.statements = {s.beneficiary: s.lines for s in realisation.costs}
        for decision in assessment.costs if assessment is not None else []:
            if not decision.accepted:
                self.refusals.setdefault(decision.beneficiary, {})[decision.reference] = decision
        tranches: dict[str, list[Advance]] = {}
        for advance in realisation.advances:
            tranches.setdefault(advance.beneficiary, []).append(advance)
        self.advances = {number: tuple(items) for number, items in tranches.items()}

    def cost_statement(self, number: str, term: Span) -> CostStatementOutcome | None:
        """R6: the beneficiary's cost statement, each line's eligible part, and what the auditor refused."""
        lines = self.statements.get(number)
        if lines is None:
            return None
        from convenant_cli.engine.costs import cost_statement  # only an eindrapport with a cost statement

        return cost_statement(lines, self.staffing.get(number, []), term, self.refusals.get(number, {}))


def _settle_member(agreement: Agreement, group: Group, member: Member, rules: RulesInForce,
                   days: tuple[Span, Span, bool], ratio: ResultRatio | None, facts: _Facts) -> Line:
    """`days`: the whole term (the rate's denominator, R4), the days whose shortfall counts (the
    term, or its start up to an interim view's day), and whether the view is interim."""
    term, counted, interim = days
    maximum = group.amount_each
    fte = group.fte_each if agreement.fte is not None else None
    rate = Fraction(maximum) / Fraction(fte) if fte else None
    staffed, staffing = _staffing(facts, member.enterprise_number, rate, fte, counted, rules)
    shortfall = staffing.shortfall_fte_days if staffing else Decimal("0.00")
    deduction_exact = rate * Fraction(shortfall) / term.days if rate is not None and staffing else Fraction(0)
    deduction = quantize(deduction_exact)
    on_maximum = rules.rules.deduction_base == "maximum"
    base = maximum - deduction if on_maximum else maximum
    share = ratio.ratio if ratio is not None else Fraction(1)
    share_if_met = ratio.ratio_if_met if ratio is not None else Fraction(1)
    effort = quantize(Fraction(base) * Fraction(rules.rules.effort_share))
    result = quantize(Fraction(base) * Fraction(rules.rules.result_share) * share)
    result_if_met = quantize(Fraction(base) * Fraction(rules.rules.result_share) * share_if_met)
    if interim:  # no ratio yet, so nothing to pay: these figures are not shown (SHOWN_KEYS)
        effort = result = result_if_met = ZERO
    floored = not on_maximum and effort + result < deduction and not interim
    statement = facts.cost_statement(member.enterprise_number, term) if not interim else None
    costs = (statement.eligible if statement is not None else facts.costs.get(member.enterprise_number)
             if not interim else None)

    def capped(result: Decimal) -> tuple[Decimal, Decimal]:
        """R5 and R6: the payable before the cost cap, and after it."""
        before = effort + result if on_maximum else max(ZERO, effort + result - deduction)
        return before, min(before, costs) if costs is not None else before

    before_cap, payable = capped(result)
    _before, payable_if_met = capped(result_if_met)
    tranches = facts.advances.get(member.enterprise_number, ())
    advances = sum((advance.amount for advance in tranches), ZERO)
    return Line(name=member.name, enterprise_number=member.enterprise_number, group=group.group, fte=fte,
                maximum=maximum, rate=rate, term_days=term.days, staffed=staffed, staffing=staffing,
                shortfall_fte_days=shortfall, deduction_exact=deduction_exact, deduction=deduction, base=base,
                effort=effort, result=result, payable_before_cap=before_cap, floored=floored, eligible_costs=costs,
                costs=statement, payable=payable, advance_tranches=tranches, advances=advances,
                balance=payable - advances if not interim else ZERO, result_if_met=result_if_met,
                payable_if_met=payable_if_met)


def _staffing(facts: _Facts, number: str, rate: Fraction | None, fte: Decimal | None, term: Span,
              rules: RulesInForce) -> tuple[Staffed, StaffingOutcome | None]:
    """Art. 5: the shortfall from the eindrapport's consultants, when there is one to compute."""
    if not facts.settled:
        return Staffed.NOT_SETTLED, None
    if rate is None or fte is None:
        return Staffed.NO_FTE, None
    consultants = facts.staffing.get(number)
    if consultants is None:
        return Staffed.ASSUMED_FULL, None
    from convenant_cli.engine.absence import staffing_shortfall  # only when there are consultants to count

    return Staffed.REPORTED, staffing_shortfall(consultants, fte, term, rules.rules)
