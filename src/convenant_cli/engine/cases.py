"""Golden cases: the figures a case expects held against the figures settled (rulebook).

Pure: the case's expectation and the settlements in, each differing figure out. Only the
figures a case names are compared, exactly (decimals to the cent, the ratio as a fraction).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.engine.costs import CostStatementOutcome
from convenant_cli.engine.families import Family, FamilyLine
from convenant_cli.engine.settlement import IF_MET, Settlement
from convenant_cli.models.case import CombinedFigures, CostFigures, Expectation, ExpectedResult, Figures


@dataclass(frozen=True, eq=False)
class Mismatch:
    """One figure that is not what the case expects; `computed` None: there is no such figure."""

    path: str  # e.g. beneficiaries[0434112117].deduction
    expected: str
    computed: str | None

    @property
    def difference(self) -> Decimal | None:
        """The computed figure less the expected one; None for a ratio, a status or a source.

        >>> Mismatch("totals.payable", "10.00", "12.50").difference, Mismatch("status", "settled", "maxima").difference
        (Decimal('2.50'), None)
        """
        if self.computed is None or not is_figure(self.expected) or not is_figure(self.computed):
            return None
        return Decimal(self.computed) - Decimal(self.expected)


def is_figure(text: str) -> bool:
    """A decimal figure, not a ratio (`2/3`), a status or a source."""
    return text.lstrip("-").replace(".", "", 1).isdigit()


def _figure(actual: object | None, key: str) -> Decimal | None:
    """A figure of a settlement line or totals (an attribute), or of a family line (by key)."""
    if isinstance(actual, FamilyLine):
        return actual.figures.get(key)
    found = getattr(actual, key, None) if actual is not None else None
    return found if isinstance(found, Decimal) else None


def _figures(path: str, expected: Figures | CombinedFigures, actual: object | None,
             shown: tuple[str, ...] | None = None) -> list[Mismatch]:
    """`shown`: the figures a settlement's view has (an interim view has no payable); a family's
    line says itself which it has."""
    found = []
    for key in type(expected).model_fields:
        want = getattr(expected, key)
        if want is None:
            continue
        have = _figure(actual, key) if shown is None or key in shown else None
        if have is None or Decimal(have) != want:
            found.append(Mismatch(f"{path}.{key}", str(want), None if have is None else str(have)))
    return found


def _costs(path: str, expected: CostFigures, statement: CostStatementOutcome | None) -> list[Mismatch]:
    """A cost statement's sums and each line's eligible part, by reference (R6)."""
    found = []
    for key in ("declared", "not_eligible", "refused", "eligible"):
        want = getattr(expected, key)
        have = getattr(statement, key) if statement is not None else None
        if want is not None and (have is None or have != want):
            found.append(Mismatch(f"{path}.{key}", str(want), None if have is None else str(have)))
    parts = {line.reference: line.eligible for line in statement.lines} if statement is not None else {}
    for reference, want in expected.lines.items():
        have = parts.get(reference)
        if have is None or have != want:
            found.append(Mismatch(f"{path}.lines[{reference}]", str(want), None if have is None else str(have)))
    return found


def compare(expect: Expectation, settlements: list[Settlement], families: tuple[Family, ...]) -> tuple[Mismatch, ...]:
    """Every figure the case names that the settlement does not produce exactly; the
    combined figures (R7) are those of the family of the settlement the case is about."""
    settlement = next((s for s in settlements if s.id == expect.convenant), settlements[0])
    found: list[Mismatch] = []
    if expect.status is not None and expect.status != settlement.status:
        found.append(Mismatch("status", expect.status, settlement.status))
    found += _results(expect.results, settlement)
    if expect.ratio is not None:
        ratio = settlement.ratio.ratio if settlement.ratio is not None and not settlement.interim else None
        if ratio is None or ratio != Fraction(expect.ratio):
            found.append(Mismatch("ratio", expect.ratio, None if ratio is None else f"{ratio.numerator}/"
                                  f"{ratio.denominator}"))
    lines = {line.enterprise_number: line for line in settlement.lines}
    shown = (*settlement.shown_keys, IF_MET) if settlement.final else settlement.shown_keys
    for number, figures in expect.beneficiaries.items():
        found += _figures(f"beneficiaries[{number}]", figures, lines.get(number), shown)
    if expect.totals is not None:
        found += _figures("totals", expect.totals, settlement.totals, shown)
    for number, cost_figures in expect.costs.items():
        line = lines.get(number)
        found += _costs(f"costs[{number}]", cost_figures, line.costs if line is not None else None)
    family = next((f for f in families if any(m is settlement for m in f.members)), None)
    combined = family.lines if family is not None and len(family.members) > 1 else ()
    by_number = {line.enterprise_number: line for line in combined}
    for number, combined_figures in expect.combined.items():
        found += _figures(f"combined[{number}]", combined_figures, by_number.get(number))
    return tuple(found)


def _results(expected: list[ExpectedResult], settlement: Settlement) -> list[Mismatch]:
    """Each counted unit named: its status and, when named, who decided it."""
    units = {(unit.commitment, unit.year): unit for unit in settlement.ratio.units} if settlement.ratio else {}
    found = []
    for want in expected:
        path = f"results[{want.commitment}" + (f",{want.year}]" if want.year is not None else "]")
        unit = units.get((want.commitment, want.year))
        if unit is None or unit.status != want.status:
            found.append(Mismatch(f"{path}.status", want.status, unit.status if unit else None))
        if want.source is not None and unit is not None:
            source = unit.source.value if unit.source is not None else "—"  # nobody decided it yet
            if source != want.source:
                found.append(Mismatch(f"{path}.source", want.source, source))
    return found


@dataclass(frozen=True, eq=False)
class CaseResult:
    file: str
    title: str
    reference: str
    mismatches: tuple[Mismatch, ...]
    problems: tuple[Diagnostic, ...]  # the case cannot be run: its own problems or its files'
    error: str | None = None  # a usage error in what the case names

    @property
    def passed(self) -> bool:
        return not self.mismatches and not self.problems and self.error is None
