"""The cost statement (rulebook R6, Art. 5 and 6): each line's eligible part, the lines the
auditor refuses, and the cap on the payable amount, each worked out by hand in its comment.

One beneficiary, 106.000,00 euro for 1,00 FTE over 2023-07-01 - 2025-06-30 (731 days), every
commitment met, no absence: 74.200,00 + 31.800,00 = 106.000,00 before the cap.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from convenant_cli.domain.terms import Span
from convenant_cli.engine.costs import cost_statement
from convenant_cli.engine.settlement import settle
from convenant_cli.models import WageLine
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.rules import rules_in_force
from tests.builders import ANTWERPEN, INOM, agreeing, convenant, realisation, run

TERM = Span(date(2023, 7, 1), date(2025, 6, 30))


def wage(start, end, amount, reference, consultant="A"):
    return {"kind": "wage", "consultant": consultant, "from": start, "to": end, "amount": amount,
            "reference": reference}


def operating(day, amount, reference, **extra):
    return {"kind": "operating", "date": day, "amount": amount, "reference": reference, **extra}


def assessment(*decisions, real=None):
    """The auditor's assessment: the verdicts that agree with `real` (every commitment met) and
    these decisions on cost lines (beneficiary, reference, accepted, note)."""
    verdicts = agreeing(real).verdicts if real is not None else {}
    return Assessment.model_validate({
        "schema_version": 1, "kind": "assessment", "realisation": "r.yaml", "auditor": "An Peeters",
        "date": "2025-11-14", "verdicts": {key: verdict.model_dump() for key, verdict in verdicts.items()},
        "costs": [dict(zip(("beneficiary", "reference", "accepted", "note"), d, strict=True)) for d in decisions]})


def settle_with(real, *decisions):
    conv = convenant()
    return settle(conv, rules_in_force(conv), real, assessment=assessment(*decisions, real=real)).lines[0]


def test_a_wage_line_straddling_the_terms_start_is_cut_pro_rata():
    _, line = run(real=realisation(cost_lines=[wage("2023-06-01", "2023-12-31", "31250.00", "loonstaat 2023")]))
    # 1 June - 31 December 2023: 214 days, of which 1 July - 31 December, 184, in the term;
    # 31.250,00 x 184 / 214 = 26.869,1589 -> 26.869,16
    [cost] = line.costs.lines
    assert (cost.days, cost.eligible_days, cost.eligible) == (214, 184, Decimal("26869.16"))
    assert cost.eligible_span == Span(date(2023, 7, 1), date(2023, 12, 31)) and cost.cut
    assert (line.costs.declared, line.costs.not_eligible, line.costs.eligible) == (
        Decimal("31250.00"), Decimal("4380.84"), Decimal("26869.16"))
    # the cap: min(106.000,00; 26.869,16)
    assert (line.eligible_costs, line.payable, line.capped) == (Decimal("26869.16"), Decimal("26869.16"), True)
    assert not line.costs_without_statement


def test_a_wage_line_beyond_the_employment_is_cut_and_rounded_half_up_once():
    consultants = [{"name": "A", "fte": "1.00"},
                   {"name": "L", "fte": "1.00", "employed": {"start": "2024-01-01", "end": "2024-03-31"}}]
    real = realisation(consultants=consultants,
                       cost_lines=[wage("2024-01-01", "2024-06-30", "15000.05", "loonstaat L", consultant="L")])
    _, line = run(real=real)
    # 1 January - 30 June 2024: 182 days, of which 1 January - 31 March, 91, in the employment;
    # 15.000,05 x 91 / 182 = 7.500,025 -> 7.500,03 half up (half to even would give 7.500,02)
    [cost] = line.costs.lines
    assert (cost.days, cost.eligible_days, cost.eligible, cost.not_eligible) == (
        182, 91, Decimal("7500.03"), Decimal("7500.02"))
    assert cost.employment == Span(date(2024, 1, 1), date(2024, 3, 31))


def test_a_wage_line_beyond_both_the_term_and_the_employment_keeps_their_common_days():
    consultants = [{"name": "A", "fte": "1.00", "employed": {"start": "2023-09-01", "end": "2025-12-31"}}]
    real = realisation(consultants=consultants, cost_lines=[wage("2023-01-01", "2025-12-31", "1096.00", "loon")])
    _, line = run(real=real)
    # 2023-01-01 - 2025-12-31: 365 + 366 + 365 = 1.096 days; in the term and the employment
    # 2023-09-01 - 2025-06-30: 731 - 62 = 669 days; 1.096,00 x 669 / 1.096 = 669,00
    [cost] = line.costs.lines
    assert (cost.eligible_days, cost.eligible) == (669, Decimal("669.00"))


def test_an_operating_line_after_the_term_is_not_eligible():
    lines = [operating("2024-03-15", "1200.00", "factuur 2024-117"),
             operating("2025-07-02", "800.00", "factuur 2025-201", consultant="A"),
             operating("2025-06-30", "0.50", "factuur 2025-200")]
    _, line = run(real=realisation(cost_lines=lines))
    # 2 July 2025 is after 30 June 2025: 0,00; the last day of the term counts whole
    assert [(c.eligible_days, c.eligible) for c in line.costs.lines] == [
        (1, Decimal("1200.00")), (0, Decimal("0.00")), (1, Decimal("0.50"))]
    # eligible 1.200,00 + 0,50 = 1.200,50; not eligible 800,00
    assert (line.costs.eligible, line.costs.not_eligible, line.payable) == (
        Decimal("1200.50"), Decimal("800.00"), Decimal("1200.50"))


def test_a_line_the_auditor_refuses_does_not_count():
    lines = [wage("2023-07-01", "2025-06-30", "100000.00", "loonstaat A"),
             operating("2024-03-15", "1200.00", "factuur 2024-117")]
    real = realisation(cost_lines=lines)
    line = settle_with(real, (INOM, "factuur 2024-117", False, "geen werkingskost van de consulent"),
                       (INOM, "loonstaat A", True, "loonfiches gezien"))
    refused = line.costs.lines[1]
    assert (refused.refused, refused.note, refused.eligible, refused.counted) == (
        True, "geen werkingskost van de consulent", Decimal("1200.00"), Decimal("0.00"))
    assert not line.costs.lines[0].refused  # accepted explicitly: counts as any line
    # declared 101.200,00 = not eligible 0,00 + refused 1.200,00 + eligible 100.000,00; payable
    # min(106.000,00; 100.000,00) = 100.000,00 (101.200,00 without the assessment)
    assert (line.costs.declared, line.costs.refused, line.costs.eligible, line.payable) == (
        Decimal("101200.00"), Decimal("1200.00"), Decimal("100000.00"), Decimal("100000.00"))
    assert settle_with(real).payable == Decimal("101200.00")


def test_a_refusal_holds_for_its_own_beneficiary_and_reference_only():
    real = realisation(cost_lines=[operating("2024-03-15", "1200.00", "factuur 2024-117")])
    line = settle_with(real, (ANTWERPEN, "factuur 2024-117", False, "een andere begunstigde"),
                       (INOM, "factuur 2024-118", False, "een andere factuur"))
    assert (line.costs.refused, line.costs.eligible) == (Decimal("0.00"), Decimal("1200.00"))


def test_costs_above_the_payable_amount_do_not_cap_it():
    _, line = run(real=realisation(cost_lines=[wage("2023-07-01", "2025-06-30", "131250.00", "loonstaat A")]))
    assert (line.costs.eligible, line.payable, line.capped) == (Decimal("131250.00"), Decimal("106000.00"), False)


def test_a_total_without_a_cost_statement_keeps_its_meaning():
    _, line = run(real=realisation(costs="90000.00"))
    assert (line.costs, line.eligible_costs, line.payable) == (None, Decimal("90000.00"), Decimal("90000.00"))
    assert line.costs_without_statement


def test_an_interim_view_reads_no_cost_statement():
    real = realisation(cost_lines=[operating("2024-03-15", "1200.00", "factuur 2024-117")], as_of="2024-09-30")
    conv = convenant()
    line = settle(conv, rules_in_force(conv), real, as_of=date(2024, 9, 30)).lines[0]
    assert (line.costs, line.eligible_costs) == (None, None)


AMOUNTS = st.decimals(min_value=Decimal("0.00"), max_value=Decimal("999999.99"), places=2)
DAYS = st.dates(min_value=date(2023, 1, 1), max_value=date(2026, 6, 30))


@given(st.lists(st.tuples(DAYS, DAYS, AMOUNTS, st.booleans()), max_size=8))
def test_declared_is_not_eligible_plus_refused_plus_eligible(items):
    lines = [WageLine.model_validate({"kind": "wage", "consultant": "A", "from": min(a, b), "to": max(a, b),
                                      "amount": amount, "reference": f"r{n}"})
             for n, (a, b, amount, _refused) in enumerate(items)]
    refusals = {f"r{n}": assessment((INOM, f"r{n}", False, "x")).costs[0]
                for n, (*_rest, refused) in enumerate(items) if refused}
    outcome = cost_statement(lines, [], TERM, refusals)
    assert outcome.declared == outcome.not_eligible + outcome.refused + outcome.eligible
    for line in outcome.lines:
        assert Decimal("0.00") <= line.eligible <= line.amount
        assert 0 <= line.eligible_days <= line.days
