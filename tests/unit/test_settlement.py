"""Settlement rules R1-R7, each case worked out by hand in its comment.

Unless a test says otherwise: one beneficiary, 106.000,00 euro for 1,00 FTE, term
2023-07-01 - 2025-06-30 (731 days), so one FTE-day short costs 106.000 / 731 euro.
"""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.engine.settlement import settle
from convenant_cli.models import Convenant
from convenant_cli.models.rules import rules_in_force
from tests.builders import ANTWERPEN, INOM, absence, convenant, realisation, run


def test_all_commitments_met_pays_the_maximum():
    result, line = run()
    # 106.000 x 0,70 = 74.200,00; 106.000 x 0,30 x 3/3 = 31.800,00; together 106.000,00
    assert (line.deduction, line.effort, line.result, line.payable) == (
        Decimal("0.00"), Decimal("74200.00"), Decimal("31800.00"), Decimal("106000.00"))
    assert str(result.ratio.ratio) == "1"


def test_two_of_three_commitments():
    _, line = run(real=realisation(achieved=(True, False, True)))
    # 106.000 x 0,30 x 2/3 = 21.200,00; payable 74.200 + 21.200 = 95.400,00
    assert (line.result, line.payable) == (Decimal("21200.00"), Decimal("95400.00"))


def test_one_of_three_is_fewer_than_half_and_pays_no_result_financing():
    result, line = run(real=realisation(achieved=(True, False, False)))
    # 1/3 < 0,5: ratio 0
    assert (str(result.ratio.share), str(result.ratio.ratio)) == ("1/3", "0")
    assert (line.result, line.payable) == (Decimal("0.00"), Decimal("74200.00"))


def test_exactly_half_under_per_year_counting_is_paid():
    commitments = [{"id": "R1", "title": "visits", "targets": [
        {"indicator": "visits", "year": 1, "minimum": 200}, {"indicator": "visits", "year": 2, "minimum": 200}]},
        {"id": "R2", "title": "trained", "targets": [
            {"indicator": "trained", "year": 1, "minimum": 300}, {"indicator": "trained", "year": 2, "minimum": 300}]}]
    conv = convenant(rules={"result_counting": "per_year"}, commitments=commitments)
    results = {"R1": {"actuals": [{"indicator": "visits", "year": 1, "value": 214},
                                  {"indicator": "visits", "year": 2, "value": 188}]},
               "R2": {"actuals": [{"indicator": "trained", "year": 1, "value": 300},
                                  {"indicator": "trained", "year": 2, "value": 12}]}}
    result, line = run(conv, realisation(results=results))
    # units: R1y1 met, R1y2 missed, R2y1 met (300 >= 300), R2y2 missed: 2/4 = 1/2, not below 0,5: paid
    assert (result.ratio.achieved, result.ratio.total, str(result.ratio.ratio)) == (2, 4, "1/2")
    # 106.000 x 0,30 x 1/2 = 15.900,00
    assert line.result == Decimal("15900.00")
    # the same facts counted per commitment: R1 and R2 both missed -> 0/2 -> nothing
    conv2 = convenant(commitments=commitments)
    result2, line2 = run(conv2, realisation(results=results))
    assert (str(result2.ratio.ratio), line2.result) == ("0", Decimal("0.00"))


def test_illness_of_114_days_with_30_covered():
    _, line = run(real=realisation(absences=[absence("2024-01-08", "2024-04-30", "illness")]))
    # 8 Jan - 30 Apr 2024 = 24 + 29 + 31 + 30 = 114 days; 30 guaranteed wage -> 84 days x 1,00 FTE short
    assert line.shortfall_fte_days == Decimal("84.00")
    # 106.000 x 84 / 731 = 12.180,5746 -> 12.180,57
    assert line.deduction == Decimal("12180.57")
    # (106.000 - 12.180,57) x 0,70 = 65.673,601 -> 65.673,60; x 0,30 = 28.145,829 -> 28.145,83
    assert (line.effort, line.result, line.payable) == (Decimal("65673.60"), Decimal("28145.83"), Decimal("93819.43"))


def test_relapse_within_14_days_continues_the_guaranteed_wage_count():
    first = absence("2023-10-02", "2023-10-20", "illness")  # 19 days, all covered
    # starts 14 days after 20 Oct (3 Nov): a relapse; 11 of its 26 days covered (30 - 19), 15 short
    _, line = run(real=realisation(absences=[first, absence("2023-11-03", "2023-11-28", "illness")]))
    assert line.shortfall_fte_days == Decimal("15.00")
    assert line.deduction == Decimal("2175.10")  # 106.000 x 15 / 731 = 2.175,0992


def test_incapacity_15_days_after_is_a_new_one_with_its_own_30_days():
    first = absence("2023-10-02", "2023-10-20", "illness")
    # starts 15 days after 20 Oct (4 Nov): new incapacity, 26 days all covered
    _, line = run(real=realisation(absences=[first, absence("2023-11-04", "2023-11-29", "illness")]))
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("0.00"), Decimal("0.00"))


def test_new_illness_within_14_days_starts_its_own_count():
    first = absence("2023-10-02", "2023-10-20", "illness")
    second = absence("2023-11-03", "2023-11-28", "illness", new_illness=True)
    _, line = run(real=realisation(absences=[first, second]))
    assert line.shortfall_fte_days == Decimal("0.00")


def test_relapse_window_is_eight_weeks_from_2026():
    # An extended term (to 30 June 2026): an incapacity starting 2026-02-20, 50 days after one that
    # ended 2026-01-01, continues it (window 56 days from 2026-01-01; it would be new before 2026).
    conv = Convenant.model_validate({**convenant().model_dump(mode="json"),
                                     "period": {"start": "2024-07-01", "end": "2026-06-30"}})
    first = absence("2025-12-13", "2026-01-01", "illness")  # 20 days covered
    second = absence("2026-02-20", "2026-03-11", "illness")  # 20 days: 10 covered, 10 short
    result = settle(conv, rules_in_force(conv), realisation(absences=[first, second]))
    assert result.lines[0].shortfall_fte_days == Decimal("10.00")
    # 1 Jul 2024 - 30 Jun 2026 = 730 days: 106.000 x 10 / 730 = 1.452,0548 -> 1.452,05
    assert result.lines[0].deduction == Decimal("1452.05")


def test_time_credit_of_0_2_fte():
    _, line = run(real=realisation(absences=[absence("2024-09-01", "2025-02-28", "time_credit", fte="0.2")]))
    # 1 Sep 2024 - 28 Feb 2025 = 30 + 31 + 30 + 31 + 31 + 28 = 181 days x 0,2 = 36,2 FTE-days
    assert line.shortfall_fte_days == Decimal("36.20")
    # 106.000 x 36,2 / 731 = 5.249,2476 -> 5.249,25
    assert line.deduction == Decimal("5249.25")


def test_replaced_maternity_leave_costs_nothing_and_unreplaced_costs_every_day():
    leave = absence("2024-03-01", "2024-06-13", "maternity_leave")
    _, replaced = run(real=realisation(absences=[{**leave, "replaced": True}]))
    assert replaced.deduction == Decimal("0.00")
    _, unreplaced = run(real=realisation(absences=[leave]))
    # 1 Mar - 13 Jun 2024 = 31 + 30 + 31 + 13 = 105 days; 106.000 x 105 / 731 = 15.225,7182 -> 15.225,72
    assert (unreplaced.shortfall_fte_days, unreplaced.deduction) == (Decimal("105.00"), Decimal("15225.72"))


def test_replacement_consultant_fills_the_gap_on_their_own_days_only():
    consultants = [{"name": "A", "fte": "1.00", "absences": [absence("2024-01-08", "2024-04-30", "illness")]},
                   # covers 7 Feb - 31 Mar (54 days) of the 84 uncovered days: 30 days (April) stay short
                   {"name": "Vervanger", "fte": "1.00", "employed": {"start": "2024-02-07", "end": "2024-03-31"}}]
    _, line = run(real=realisation(consultants=consultants))
    assert line.shortfall_fte_days == Decimal("30.00")


def test_vacancy_of_two_months():
    consultants = [{"name": "A", "fte": "1.00", "employed": {"start": "2023-09-01", "end": "2025-06-30"}}]
    _, line = run(real=realisation(consultants=consultants))
    # July and August 2023: 31 + 31 = 62 days; 106.000 x 62 / 731 = 8.990,4241 -> 8.990,42
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("62.00"), Decimal("8990.42"))


def test_surplus_on_one_day_never_offsets_another():
    # 2,00 FTE in the first year, nobody in the second: 365 days of 1,00 short, not offset by the surplus
    consultants = [{"name": "A", "fte": "2.00", "employed": {"start": "2023-07-01", "end": "2024-06-30"}}]
    _, line = run(real=realisation(consultants=consultants))
    assert line.shortfall_fte_days == Decimal("365.00")  # 1 Jul 2024 - 30 Jun 2025


def test_deduction_base_payable_versus_maximum():
    absences = [absence("2024-01-08", "2024-04-30", "illness")]  # deduction 12.180,57 as above
    facts = realisation(achieved=(True, False, True), absences=absences)
    _, on_maximum = run(convenant(), facts)
    # maximum: base 93.819,43; effort x 0,70 = 65.673,60; result x 0,30 x 2/3 = 18.763,886 -> 18.763,89
    assert (on_maximum.effort, on_maximum.result, on_maximum.payable) == (
        Decimal("65673.60"), Decimal("18763.89"), Decimal("84437.49"))
    _, on_payable = run(convenant(rules={"deduction_base": "payable"}), facts)
    # payable: 74.200,00 + 106.000 x 0,30 x 2/3 = 21.200,00, less 12.180,57 = 83.219,43
    assert (on_payable.effort, on_payable.result, on_payable.payable) == (
        Decimal("74200.00"), Decimal("21200.00"), Decimal("83219.43"))


def test_eligible_costs_cap_the_payable_amount():
    _, line = run(real=realisation(costs="90000.00"))
    # payable 106.000,00 > costs 90.000,00 -> 90.000,00
    assert line.payable == Decimal("90000.00")
    _, uncapped = run(real=realisation(costs="120000.00"))
    assert uncapped.payable == Decimal("106000.00")


def test_advances_larger_than_payable_give_a_negative_balance_to_reclaim():
    _, line = run(real=realisation(achieved=(True, False, False), advances="80000.00"))
    # payable 74.200,00 (no result financing) - advances 80.000,00 = -5.800,00
    assert (line.payable, line.advances, line.balance) == (Decimal("74200.00"), Decimal("80000.00"),
                                                           Decimal("-5800.00"))


def test_without_realisation_the_maxima_are_shown():
    conv = convenant()
    result = settle(conv, rules_in_force(conv), None)
    line = result.lines[0]
    assert not result.settled and result.ratio is None
    assert (line.effort, line.result, line.payable, line.deduction) == (
        Decimal("74200.00"), Decimal("31800.00"), Decimal("106000.00"), Decimal("0.00"))


def test_totals_are_sums_of_rounded_lines():
    groups = [{"group": "a", "amount_each": "53000.00", "fte_each": "0.50", "members": [
        {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "x"},
        {"name": "mtech+ Antwerpen", "enterprise_number": ANTWERPEN, "iban": "BE44 0689 4207 5545", "address": "y"}]}]
    conv = convenant(groups=groups, fte="1.00")
    facts = realisation(achieved=(True, False, True),
                        consultants=[{"name": "A", "fte": "0.50", "absences": [absence("2024-01-01", "2024-01-07",
                                                                                      "unpaid_leave")]}])
    result = settle(conv, rules_in_force(conv), facts)
    # INOM: 0,5 x 7 = 3,5 FTE-days; 106.000 x 3,5 / 731 = 507,5239 -> 507,52; ANTWERPEN not staffed: 0
    assert [line.deduction for line in result.lines] == [Decimal("507.52"), Decimal("0.00")]
    assert result.totals.deduction == Decimal("507.52")
    for key in ("maximum", "deduction", "effort", "result", "payable", "balance"):
        assert getattr(result.totals, key) == sum(getattr(line, key) for line in result.lines)


def test_deduction_base_payable_never_pays_below_zero():
    # A time credit of 1,00 FTE over the whole term, not replaced: 731 FTE-days short, and only
    # R1 of three commitments met (1/3 < 0,5: no result financing).
    whole_term = absence("2023-07-01", "2025-06-30", "time_credit")
    conv = convenant(rules={"deduction_base": "payable"})
    _, line = run(conv, realisation(achieved=(True, False, False), absences=[whole_term], advances="53000.00"))
    # deduction = 106.000 x 731 / 731 = 106.000,00; on the maximum: effort 106.000 x 0,70 = 74.200,00, result 0,00
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("731.00"), Decimal("106000.00"))
    assert (line.effort, line.result) == (Decimal("74200.00"), Decimal("0.00"))
    # 74.200,00 + 0,00 - 106.000,00 = -31.800,00: never below zero, so 0,00
    assert line.payable == Decimal("0.00")
    # the advance of 53.000,00 is reclaimed in full: 0,00 - 53.000,00
    assert line.balance == Decimal("-53000.00")
