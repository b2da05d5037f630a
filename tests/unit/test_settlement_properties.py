"""Invariants of the settlement engine over generated staffing facts (hypothesis)."""

from __future__ import annotations

import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from convenant_cli.engine.settlement import settle
from convenant_cli.models import Realisation
from convenant_cli.models.rules import rules_in_force
from tests.builders import INOM, convenant

START, DAYS = date(2023, 7, 1), 731


def half_up_cents(value: Fraction) -> int:
    """The oracle's own rounding, half-up to the cent for a positive amount (not Python's
    `round`, which rounds half to even).

    >>> half_up_cents(Fraction(2665, 1000)), half_up_cents(Fraction(2675, 1000))
    (267, 268)
    """
    return math.floor(value * 100 + Fraction(1, 2))
REASONS = ["illness", "accident", "time_credit", "career_break", "maternity_leave", "unpaid_leave"]


@st.composite
def absence_lists(draw, max_size=6):
    """Non-overlapping absences of one consultant inside the term."""
    cuts = sorted(draw(st.sets(st.integers(0, DAYS - 1), min_size=0, max_size=2 * max_size)))
    absences = []
    for first, last in zip(cuts[::2], cuts[1::2], strict=False):
        absences.append({
            "start": (START + timedelta(days=first)).isoformat(),
            "end": (START + timedelta(days=last)).isoformat(),
            "reason": draw(st.sampled_from(REASONS)),
            "fte": draw(st.sampled_from([None, "0.20", "0.50", "1.00"])),
            "replaced": draw(st.booleans()),
            "new_illness": draw(st.booleans()),
        })
    return absences


def facts(absences, fte="1.00", achieved=(True, True, True), extra_consultants=()):
    return Realisation.model_validate({
        "schema_version": 1, "kind": "realisation", "convenant": "x.yaml",
        "results": {f"R{i}": {"achieved": a, "note": "n"} for i, a in enumerate(achieved, 1)},
        "staffing": [{"beneficiary": INOM, "consultants": [
            {"name": "A", "fte": fte, "absences": absences}, *extra_consultants]}],
    })


ACHIEVED = st.tuples(st.booleans(), st.booleans(), st.booleans())
BASES = st.sampled_from(["maximum", "payable"])


VERDICTS = st.tuples(*(st.sampled_from([None, True, False]) for _ in range(3)))  # None: not judged


@settings(max_examples=100, deadline=None)
@given(absence_lists(), VERDICTS, BASES, st.sampled_from(["0.5", "0.75", "1"]))
def test_what_is_certain_never_exceeds_what_is_paid_if_the_auditor_agrees(absences, verdicts, base, minimum):
    """R3: an unjudged commitment counts as not met in the payable and as met in the payable if
    met; so the certain payable is never above it, equals it once every commitment is judged,
    and the settlement is provisional exactly while a verdict is missing."""
    from tests.builders import agreeing

    conv = convenant(rules={"deduction_base": base, "result_minimum": minimum})
    judged = facts(absences, achieved=tuple(v if v is not None else True for v in verdicts))
    assessment = agreeing(judged).model_copy(update={"verdicts": {
        key: verdict for key, verdict in agreeing(judged).verdicts.items() if verdicts[int(key[1]) - 1] is not None}})
    result = settle(conv, rules_in_force(conv), judged, assessment=assessment)
    line = result.lines[0]
    assert line.payable <= line.payable_if_met <= line.maximum
    assert result.provisional == (None in verdicts)
    if not result.provisional:
        assert line.payable_if_met == line.payable and result.totals.payable_if_met == result.totals.payable
    # the payable if met is what the same facts pay once the missing verdicts say "met"
    met = settle(conv, rules_in_force(conv), judged, assessment=agreeing(judged.model_copy(update={"results": {
        key: result_.model_copy(update={"achieved": True if verdicts[int(key[1]) - 1] is None else
                                        result_.achieved}) for key, result_ in judged.results.items()}})))
    assert met.lines[0].payable == line.payable_if_met


@settings(max_examples=150, deadline=None)
@given(absence_lists(), ACHIEVED, BASES)
def test_payable_and_deduction_stay_within_the_maximum(absences, achieved, base):
    conv = convenant(rules={"deduction_base": base})
    line = settle(conv, rules_in_force(conv), facts(absences, achieved=achieved)).lines[0]
    assert Decimal(0) <= line.deduction <= line.maximum
    assert Decimal(0) <= line.payable <= line.maximum
    assert line.shortfall_fte_days >= 0


@settings(max_examples=150, deadline=None)
@given(absence_lists(max_size=3), absence_lists(max_size=3))
def test_more_absence_never_lowers_the_deduction(first, second):
    """An unreplaced absence added to a second consultant can only add shortfall."""
    conv = convenant(fte="2.00", max_subsidy="212000.00", groups=[{
        "group": "a", "amount_each": "212000.00", "fte_each": "2.00", "members": [
            {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "x"}]}])
    calm = {"name": "B", "fte": "1.00", "absences": []}
    troubled = {"name": "B", "fte": "1.00", "absences": [dict(a, replaced=False) for a in second]}
    before = settle(conv, rules_in_force(conv), facts(first, extra_consultants=[calm])).lines[0]
    after = settle(conv, rules_in_force(conv), facts(first, extra_consultants=[troubled])).lines[0]
    assert after.deduction >= before.deduction
    assert after.payable <= before.payable


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(absence_lists(max_size=3), st.sampled_from(["0.50", "1.00", "1.36"])), min_size=1,
                max_size=4), ACHIEVED)
def test_beneficiary_figures_add_up_to_the_totals_exactly(staffings, achieved):
    numbers = ["0409.845.289", "0433.981.067", "0434.112.117", "0436.785.555"][: len(staffings)]
    ibans = ["BE25 2100 0498 8882", "BE44 0689 4207 5545", "BE80 4586 5327 5177", "BE78 3900 4419 6386"]
    groups = [{"group": chr(97 + i), "amount_each": str(Decimal(fte) * 106000), "fte_each": fte, "members": [
        {"name": f"B{i}", "enterprise_number": numbers[i], "iban": ibans[i], "address": "x"}]}
        for i, (_, fte) in enumerate(staffings)]
    total_fte = sum(Decimal(fte) for _, fte in staffings)
    conv = convenant(groups=groups, fte=str(total_fte), max_subsidy=str(total_fte * 106000))
    real = Realisation.model_validate({
        "schema_version": 1, "kind": "realisation", "convenant": "x.yaml",
        "results": {f"R{i}": {"achieved": a, "note": "n"} for i, a in enumerate(achieved, 1)},
        "staffing": [{"beneficiary": numbers[i], "consultants": [{"name": "C", "fte": fte, "absences": absences}]}
                     for i, (absences, fte) in enumerate(staffings)],
        "advances": [{"beneficiary": numbers[0], "amount": "1000.00"}],
    })
    result = settle(conv, rules_in_force(conv), real)
    for key in ("maximum", "deduction", "shortfall_fte_days", "effort", "result", "payable", "advances", "balance"):
        assert getattr(result.totals, key) == sum(getattr(line, key) for line in result.lines), key
    for line in result.lines:
        assert line.payable == line.effort + line.result
        assert line.balance == line.payable - line.advances


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["0.50", "1.00", "1.36", "3.70"]), st.sampled_from(REASONS))
def test_one_fte_absent_unreplaced_for_the_whole_term_costs_exactly_its_amount_per_fte(fte, reason):
    amount = Decimal(fte) * 106000
    conv = convenant(fte=fte, max_subsidy=str(amount), groups=[{
        "group": "a", "amount_each": str(amount), "fte_each": fte, "members": [
            {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "x"}]}])
    whole_term = {"start": "2023-07-01", "end": "2025-06-30", "reason": reason, "fte": "1.00",
                  "new_illness": False}
    line = settle(conv, rules_in_force(conv), facts([whole_term], fte=fte)).lines[0]
    covered = 30 if reason in ("illness", "accident") else 0  # guaranteed wage still counts for an incapacity
    # 1,00 FTE x (731 - covered) days x 106.000 / 731, rounded half-up to the cent
    expected = Fraction(106000) * (DAYS - covered) / DAYS
    assert line.shortfall_fte_days == DAYS - covered
    assert line.deduction == Decimal(half_up_cents(expected)) / 100
    if covered == 0:
        assert line.deduction == Decimal("106000.00")


def _up_to(spans, day: date) -> Decimal:
    """The shortfall FTE-days of a final settlement's short spans on the days up to and including `day`."""
    total = Decimal(0)
    for span in spans:
        if span.start <= day:
            total += span.shortfall_fte * ((min(span.end, day) - span.start).days + 1)
    return total


@settings(max_examples=150, deadline=None)
@given(absence_lists(max_size=4), absence_lists(max_size=2), st.integers(0, DAYS - 2), st.integers(0, DAYS - 1),
       st.integers(0, DAYS - 1))
def test_the_interim_view_at_a_day_is_the_final_settlement_of_the_days_up_to_it(first, second, day, hired, left):
    """Art. 6 (rulebook R8): facts after the day change nothing before it, so the shortfall at
    the day is the final settlement's shortfall on the days up to it, and the deduction is that
    shortfall at the whole term's rate: 212.000 / 2,00 FTE = 106.000 per FTE over 731 days."""
    conv = convenant(fte="2.00", max_subsidy="212000.00", groups=[{
        "group": "a", "amount_each": "212000.00", "fte_each": "2.00", "members": [
            {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "x"}]}])
    employed = {"start": (START + timedelta(days=min(hired, left))).isoformat(),
                "end": (START + timedelta(days=max(hired, left))).isoformat()}
    inside = [a for a in second if employed["start"] <= a["start"] and a["end"] <= employed["end"]]
    real = facts(first, extra_consultants=[{"name": "B", "fte": "1.00", "employed": employed, "absences": inside}])
    as_of = START + timedelta(days=day)
    rules = rules_in_force(conv)
    final = settle(conv, rules, real).lines[0]
    interim = settle(conv, rules, real, as_of)
    line = interim.lines[0]
    assert interim.status == "interim"
    assert final.staffing is not None
    assert line.shortfall_fte_days == _up_to(final.staffing.short_spans, as_of)
    assert line.deduction == Decimal(half_up_cents(Fraction(106000) * Fraction(line.shortfall_fte_days) / DAYS)) / 100
    # an absence still going on at the day (no end) counts the same as one that ends later
    ongoing = [{key: value for key, value in a.items() if key != "end"}
               if a["start"] <= as_of.isoformat() <= a["end"] else a for a in first]
    open_real = facts(ongoing, extra_consultants=[{"name": "B", "fte": "1.00", "employed": employed,
                                                   "absences": inside}])
    assert settle(conv, rules, open_real, as_of).lines[0].deduction == line.deduction
