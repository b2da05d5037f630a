"""Settling a covenant or addendum: rules R1, R2, R5, R6, R7 on top of R3 and R4.

Pure: validated models in, a frozen `Settlement` out, with every figure's rule,
article, inputs and arithmetic as `Step`s for `--explain`. All rounding goes
through `money.quantize`, once per figure; totals are sums of the rounded
beneficiary figures, so every table adds up to the cent.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from convenant_cli.engine.absence import StaffingOutcome, staffing_shortfall
from convenant_cli.engine.result_ratio import ResultRatio, result_ratio
from convenant_cli.models import Agreement, Realisation, Rules
from convenant_cli.money import ZERO, format_eur, format_fraction, format_number, quantize
from convenant_cli.terms import Span, work_years
from convenant_cli.units import Unit

# Every figure of a line and of the totals, in the order SPEC §4 gives them, with its unit.
FIGURES: dict[str, Unit] = {"maximum": Unit.EURO, "deduction": Unit.EURO, "shortfall_fte_days": Unit.FTE_DAYS,
                            "effort": Unit.EURO, "result": Unit.EURO, "payable": Unit.EURO,
                            "advances": Unit.EURO, "balance": Unit.EURO}
FIGURE_KEYS = tuple(FIGURES)
MONEY_KEYS = tuple(key for key, unit in FIGURES.items() if unit is Unit.EURO)


@dataclass(frozen=True)
class Step:
    """One figure explained: which rule and article, from what, by which arithmetic."""

    subject: str
    figure: str
    rule: str
    article: str
    inputs: str
    arithmetic: str


@dataclass(frozen=True)
class Line:
    name: str
    enterprise_number: str
    group: str
    fte: Decimal | None
    maximum: Decimal
    rate: Fraction | None  # amount per FTE
    shortfall_fte_days: Decimal
    deduction: Decimal
    effort: Decimal
    result: Decimal
    payable: Decimal
    eligible_costs: Decimal | None
    advances: Decimal
    balance: Decimal
    staffing: StaffingOutcome | None
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Totals:
    maximum: Decimal
    deduction: Decimal
    shortfall_fte_days: Decimal
    effort: Decimal
    result: Decimal
    payable: Decimal
    advances: Decimal
    balance: Decimal


@dataclass(frozen=True)
class Settlement:
    id: str
    kind: str
    title: str
    term: Span
    settled: bool  # False: no realisation, the figures are maxima
    rules: Rules
    ratio: ResultRatio | None
    lines: tuple[Line, ...]
    totals: Totals
    steps: tuple[Step, ...]


def exact(value: Fraction) -> str:
    """An exact figure shown to four decimals, for the arithmetic of an explanation.

    >>> exact(Fraction(2, 3))
    '0,6667'
    """
    shown = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.0001"))
    return format_number(shown)


def _totals(lines: list[Line]) -> Totals:
    def total(key: str) -> Decimal:
        return sum((getattr(line, key) for line in lines), ZERO)

    return Totals(**{key: total(key) for key in FIGURE_KEYS})


def settle(agreement: Agreement, rules: Rules, realisation: Realisation | None = None) -> Settlement:
    """Settle every beneficiary of Art. 1; without a realisation, show the maxima."""
    term = Span(agreement.period.start, agreement.period.end)
    ratio = None
    steps = [_art1_step(agreement)]
    if realisation is not None:
        ratio = result_ratio(agreement.result_commitments, realisation.results, rules, len(work_years(term)))
        steps.append(_ratio_step(ratio))
    facts = _Facts.of(realisation)
    lines = [_settle_member(agreement, group, member, rules, term, ratio, facts, realisation is not None)
             for group, member in agreement.members()]
    return Settlement(agreement.id, agreement.kind, agreement.title, term, realisation is not None, rules, ratio,
                      tuple(lines), _totals(lines), tuple(steps))


def _art1_step(agreement: Agreement) -> Step:
    parts = " + ".join(f"{len(g.members)} × {format_eur(g.amount_each)}" for g in agreement.beneficiaries)
    fte = f"{format_number(agreement.fte)} FTE" if agreement.fte is not None else "no FTE (no Art. 5 deduction)"
    total = format_eur(agreement.max_subsidy)
    return Step(agreement.id, "Maximale toelage", "R1", "Art. 1", f"max_subsidy {total}; {fte}", f"{parts} = {total}")


def _ratio_step(ratio: ResultRatio) -> Step:
    unit = "commitment" if ratio.counting == "per_commitment" else "commitment-year"
    missed = [f"{u.commitment}" + (f" (year {u.year})" if u.year else "") for u in ratio.units if not u.achieved]
    minimum = format_number(ratio.minimum)
    verdict = (f"{format_fraction(ratio.share)} ≥ {minimum}: paid a rato" if ratio.ratio
               else f"{format_fraction(ratio.share)} < {minimum}: no result financing")
    return Step("result commitments", "Resultaatsratio", "R3", "Art. 2",
                f"{ratio.total} {unit}s ({ratio.counting}); not achieved: {', '.join(missed) or 'none'}",
                f"{ratio.achieved} achieved / {ratio.total} = {verdict} → ratio {format_fraction(ratio.ratio)}")


@dataclass(frozen=True)
class _Facts:
    """The realisation's figures per enterprise number (empty without a realisation)."""

    staffing: dict
    costs: dict
    advances: dict

    @classmethod
    def of(cls, realisation: Realisation | None) -> _Facts:
        if realisation is None:
            return cls({}, {}, {})
        return cls({s.beneficiary: s.consultants for s in realisation.staffing},
                   {p.beneficiary: p.amount for p in realisation.eligible_costs},
                   {p.beneficiary: p.amount for p in realisation.advances})


def _settle_member(agreement, group, member, rules: Rules, term: Span, ratio: ResultRatio | None,
                   facts: _Facts, settled: bool) -> Line:
    subject, maximum = member.name, group.amount_each
    fte = group.fte_each if agreement.fte is not None else None
    rate = Fraction(maximum) / Fraction(fte) if fte else None
    per_fte = f"; per FTE {format_eur(maximum)} / {format_number(fte)} = {format_eur(rate)}" if rate else ""
    for_fte = f" for {format_number(fte)} FTE" if fte else ""
    steps = [Step(subject, "Maximum", "R1", "Art. 1",
                  f"group {group.group}: amount_each {format_eur(maximum)}{for_fte}", format_eur(maximum) + per_fte)]
    staffing, deduction = None, ZERO
    if settled:
        staffing, deduction = _deduction(subject, rate, facts.staffing.get(member.enterprise_number), fte, term,
                                         rules, steps)
    effort, result, payable = _financing(subject, maximum, deduction, ratio, rules, steps, settled)
    costs = facts.costs.get(member.enterprise_number)
    if costs is not None:
        capped = min(payable, costs)
        steps.append(Step(subject, "Uit te betalen (plafond kosten)", "R6", "Art. 5",
                          f"eligible costs {format_eur(costs)}",
                          f"min({format_eur(payable)}, {format_eur(costs)}) = {format_eur(capped)}"))
        payable = capped
    advances = facts.advances.get(member.enterprise_number, ZERO)
    balance = payable - advances
    verdict = "still to pay" if balance > 0 else ("to reclaim" if balance < 0 else "settled")
    if settled:
        steps.append(Step(subject, "Saldo", "R6", "Art. 3", f"advances {format_eur(advances)}",
                          f"{format_eur(payable)} − {format_eur(advances)} = {format_eur(balance)} ({verdict})"))
    shortfall = staffing.shortfall_fte_days if staffing else Decimal("0.00")
    return Line(member.name, member.enterprise_number, group.group, fte, maximum, rate, shortfall, deduction,
                effort, result, payable, costs, advances, balance, staffing, tuple(steps))


def _deduction(subject: str, rate: Fraction | None, consultants, fte, term: Span, rules: Rules,
               steps: list[Step]) -> tuple[StaffingOutcome | None, Decimal]:
    """Art. 5: the amount per FTE x the FTE-days short / the days of the term, rounded once."""
    if rate is None:
        steps.append(Step(subject, "Vermindering afwezigheid", "R4", "Art. 5", "no fte in Art. 1",
                          "no absence deduction: 0,00"))
        return None, ZERO
    if consultants is None:
        steps.append(Step(subject, "Tekort", "R4", "Art. 5", "not in the eindrapport's staffing",
                          "taken as fully staffed: 0 FTE-days short"))
        return None, ZERO
    staffing = staffing_shortfall(consultants, fte, term, rules)
    shortfall = staffing.shortfall_fte_days
    steps.append(_shortfall_step(subject, staffing, len(consultants)))
    exact_deduction = rate * Fraction(shortfall) / term.days
    deduction = quantize(exact_deduction)
    steps.append(Step(subject, "Vermindering afwezigheid", "R4", "Art. 5",
                      f"per FTE {format_eur(rate)}; {format_number(shortfall)} FTE-days short; "
                      f"{term.days} days in the term",
                      f"{format_eur(rate)} × {format_number(shortfall)} / {term.days} = {exact(exact_deduction)}"
                      f" → {format_eur(deduction)} (rounded half-up once)"))
    return staffing, deduction


def _financing(subject: str, maximum: Decimal, deduction: Decimal, ratio: ResultRatio | None, rules: Rules,
               steps: list[Step], settled: bool) -> tuple[Decimal, Decimal, Decimal]:
    """Art. 2 with R5: effort and result financing, each rounded once, and what is payable."""
    share = ratio.ratio if ratio is not None else Fraction(1)
    shown_ratio = format_fraction(share) if ratio is not None else "1 (maximum)"
    on_maximum = rules.deduction_base == "maximum"
    base = maximum - deduction if on_maximum else maximum
    base_text = (f"({format_eur(maximum)} − {format_eur(deduction)})" if on_maximum and deduction
                 else format_eur(maximum))
    effort = quantize(Fraction(base) * Fraction(rules.effort_share))
    result = quantize(Fraction(base) * Fraction(rules.result_share) * share)
    if on_maximum:
        payable = effort + result
        payable_text = f"{format_eur(effort)} + {format_eur(result)} = {format_eur(payable)}"
    else:
        payable = max(ZERO, effort + result - deduction)
        payable_text = (f"{format_eur(effort)} + {format_eur(result)} − {format_eur(deduction)} = "
                        f"{format_eur(effort + result - deduction)}")
        if effort + result < deduction:
            payable_text += " → 0,00 (never below zero)"
    steps.append(Step(subject, "Inspanningsfinanciering", "R2/R5", "Art. 2",
                      f"deduction_base {rules.deduction_base}; effort_share {format_number(rules.effort_share)}",
                      f"{base_text} × {format_number(rules.effort_share)} = {format_eur(effort)}"))
    steps.append(Step(subject, "Resultaatsfinanciering", "R2/R3/R5", "Art. 2",
                      f"result_share {format_number(rules.result_share)}; ratio {shown_ratio}",
                      f"{base_text} × {format_number(rules.result_share)} × {shown_ratio} = {format_eur(result)}"))
    if settled:
        steps.append(Step(subject, "Uit te betalen", "R5", "Art. 2, Art. 5", f"deduction_base {rules.deduction_base}",
                          payable_text))
    return effort, result, payable


def _shortfall_step(subject: str, staffing: StaffingOutcome, consultants: int) -> Step:
    spans = "; ".join(f"{s.start} – {s.end}: {format_number(s.counted_fte)} counted, "
                      f"{format_number(s.shortfall_fte)} × {s.days} d" for s in staffing.short_spans)
    return Step(subject, "Tekort (VTE-dagen)", "R4", "Art. 5",
                f"beneficiary FTE {format_number(staffing.beneficiary_fte)}; {consultants} consultant(s); "
                f"{len(staffing.absences)} absence(s)",
                f"Σ max(0, {format_number(staffing.beneficiary_fte)} − counted FTE) over the days = "
                f"{format_number(staffing.shortfall_fte_days)}" + (f" ({spans})" if spans else ""))


@dataclass(frozen=True)
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
    merged: dict[str, dict] = {}
    for settlement in settlements:
        for line in settlement.lines:
            row = merged.setdefault(line.enterprise_number, {"name": line.name, **dict.fromkeys(MONEY_KEYS, ZERO)})
            for key in MONEY_KEYS:
                row[key] += getattr(line, key)
    return tuple(CombinedLine(enterprise_number=number, **row) for number, row in merged.items())
