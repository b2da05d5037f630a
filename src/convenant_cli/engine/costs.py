"""The cost statement (*kostenstaat*, rulebook R6): the eligible part of each cost line and
the eligible costs that cap the payable amount.

Art. 5 counts the wage and operating costs of the sector consultants "voor zover ze
uitgevoerd worden binnen de looptijd". A wage line's eligible part is the part of its period
inside the term and inside the consultant's employment, pro rata by calendar days; an
operating line's is its amount when dated inside the term, else nothing. Each part is rounded
half-up once per line (`money.quantize`). The auditor's assessment may refuse a line by its
reference: its eligible part is then not counted. Eligible costs are the sum of the counted parts.

Pure: models in, frozen results out; no I/O, no text. The checks say why a line is cut; the
renderers narrate the arithmetic from the days kept here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

from convenant_cli.domain.money import ZERO, quantize
from convenant_cli.domain.terms import Span
from convenant_cli.models import Consultant, CostLine, WageLine
from convenant_cli.models.realisation import consultant_key

if TYPE_CHECKING:
    from convenant_cli.models.assessment import CostDecision


@dataclass(frozen=True, kw_only=True)
class CostLineOutcome:
    """One cost line: what was declared, which days of it count, and its eligible part."""

    kind: str  # wage | operating
    reference: str
    consultant: str | None  # the consultant's key, as the line names it
    period: Span  # a wage line's from-to; an operating line's one day
    amount: Decimal
    term: Span
    employment: Span | None  # a wage line's consultant's employment, when the eindrapport gives it
    eligible_span: Span | None  # the days that count: in the term (and the employment); None: none
    eligible_exact: Fraction  # amount × eligible days / days, before rounding
    eligible: Decimal  # rounded half-up once
    refused: bool  # the auditor does not accept the line
    note: str | None  # the auditor's reason

    @property
    def days(self) -> int:
        return self.period.days

    @property
    def eligible_days(self) -> int:
        return self.eligible_span.days if self.eligible_span is not None else 0

    @property
    def cut(self) -> bool:
        """Part of the line, or all of it, falls outside the term or the employment."""
        return self.eligible_days < self.days

    @property
    def not_eligible(self) -> Decimal:
        return self.amount - self.eligible

    @property
    def counted(self) -> Decimal:
        """What the line adds to the eligible costs: its eligible part, unless refused."""
        return ZERO if self.refused else self.eligible


@dataclass(frozen=True, kw_only=True)
class CostStatementOutcome:
    """One beneficiary's cost statement: declared = not eligible + refused + eligible."""

    lines: tuple[CostLineOutcome, ...]
    declared: Decimal  # Σ amounts
    not_eligible: Decimal  # Σ parts outside the term or the employment
    refused: Decimal  # Σ eligible parts of the lines the auditor refuses
    eligible: Decimal  # Σ eligible parts of the lines accepted: the cap of R6


def cost_statement(lines: Iterable[CostLine], consultants: Iterable[Consultant], term: Span,
                   refusals: Mapping[str, CostDecision]) -> CostStatementOutcome:
    """R6 and Art. 5: each line's eligible part, and their sum over the lines not refused
    (`refusals`: the auditor's decisions not to accept a line, by its reference).

    >>> from datetime import date
    >>> from convenant_cli.models import OperatingLine
    >>> term = Span(date(2023, 7, 1), date(2025, 6, 30))
    >>> wage = WageLine.model_validate({"kind": "wage", "consultant": "K", "from": date(2023, 6, 1),
    ...     "to": date(2023, 12, 31), "amount": Decimal("31250.00"), "reference": "loonstaat 2023"})
    >>> late = OperatingLine(kind="operating", date=date(2025, 7, 2), amount=Decimal("80.00"), reference="f 1")
    >>> outcome = cost_statement([wage, late], [], term, {})
    >>> [(line.eligible_days, line.days, line.eligible) for line in outcome.lines]  # 31250 × 184 / 214
    [(184, 214, Decimal('26869.16')), (0, 1, Decimal('0.00'))]
    >>> outcome.declared, outcome.not_eligible, outcome.eligible
    (Decimal('31330.00'), Decimal('4460.84'), Decimal('26869.16'))
    """
    employments = {consultant.key: _employment(consultant) for consultant in consultants}
    outcomes = tuple(_line(line, employments, term, refusals) for line in lines)
    return CostStatementOutcome(
        lines=outcomes,
        declared=sum((line.amount for line in outcomes), ZERO),
        not_eligible=sum((line.not_eligible for line in outcomes), ZERO),
        refused=sum((line.eligible for line in outcomes if line.refused), ZERO),
        eligible=sum((line.counted for line in outcomes), ZERO))


def _employment(consultant: Consultant) -> Span | None:
    employed = consultant.employed
    return Span(employed.start, employed.end) if employed is not None else None


def _line(line: CostLine, employments: Mapping[str, Span | None], term: Span,
          refusals: Mapping[str, CostDecision]) -> CostLineOutcome:
    """Art. 5: the part inside the term (and the employment), pro rata by calendar days."""
    consultant = consultant_key(line.consultant) if line.consultant is not None else None
    employment = None
    if isinstance(line, WageLine):
        period = Span(line.from_, line.to)
        employment = employments.get(consultant) if consultant is not None else None
    else:
        period = Span(line.date, line.date)
    inside = period.clip(term)
    if inside is not None and employment is not None:
        inside = inside.clip(employment)
    eligible_days = inside.days if inside is not None else 0
    exact = Fraction(line.amount) * eligible_days / period.days
    decision = refusals.get(line.reference)
    return CostLineOutcome(kind=line.kind, reference=line.reference, consultant=consultant, period=period,
                           amount=line.amount, term=term, employment=employment, eligible_span=inside,
                           eligible_exact=exact, eligible=quantize(exact), refused=decision is not None,
                           note=decision.note if decision is not None else None)
