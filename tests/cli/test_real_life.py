"""Real covenant life: facts as they happened, tranches, a consultant's own guaranteed
wage, extensions to 30 June 2026. Every figure is worked out by hand in its comment.

Unless a test says otherwise: one beneficiary, 106.000,00 euro for 1,00 FTE, term
2023-07-01 - 2025-06-30 (731 days), so one FTE-day short costs 106.000 / 731 euro.
"""

from __future__ import annotations

import re
from decimal import Decimal

from openpyxl import load_workbook

from convenant_cli.models import Realisation
from tests.builders import INOM, absence, realisation, run
from tests.conftest import CONVENANTS, EXAMPLES, settlements

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
EXTENSION = EXAMPLES / "metaal-verlenging-2025-2026.yaml"
EXTENSION_REAL = EXAMPLES / "metaal-verlenging-2025-2026-realisatie.yaml"
EXTENSION_JUDGED = EXAMPLES / "metaal-verlenging-2025-2026-beoordeling.yaml"


def test_an_illness_from_before_the_term_keeps_its_real_guaranteed_wage_days():
    # Ill from 23 June 2023: the 30 days run 23 June - 22 July, so only 1 - 22 July (22 days)
    # are covered inside the term; 23 July - 30 September = 9 + 31 + 30 = 70 days cost FTE.
    _, real = run(real=realisation(absences=[absence("2023-06-23", "2023-09-30", "illness")]))
    assert (real.shortfall_fte_days, real.deduction) == (Decimal("70.00"), Decimal("10150.48"))  # 106.000 x 70 / 731
    # The only rewrite the tool used to accept starts the illness on 1 July and restarts the
    # 30 days: 31 July - 30 September = 1 + 31 + 30 = 62 days, 106.000 x 62 / 731 = 8.990,42,
    # which understated the deduction by 8 days, 106.000 x 8 / 731 = 1.160,05.
    _, rewritten = run(real=realisation(absences=[absence("2023-07-01", "2023-09-30", "illness")]))
    assert rewritten.deduction == Decimal("8990.42")
    assert real.deduction - rewritten.deduction == Decimal("1160.06")  # 10.150,48 - 8.990,42, each rounded once


def test_a_relapse_of_an_illness_that_ended_before_the_term_continues_its_count():
    # 1 - 20 June 2023: 20 days of the 30 used. From 3 July: 13 days after 20 June, within the
    # 14-day window (21 June - 4 July), so 10 days are left: 3 - 12 July covered, 13 - 31 July
    # (19 days) cost FTE: 106.000 x 19 / 731 = 2.755,1299 -> 2.755,13.
    before = absence("2023-06-01", "2023-06-20", "illness")
    _, line = run(real=realisation(absences=[before, absence("2023-07-03", "2023-07-31", "illness")]))
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("19.00"), Decimal("2755.13"))
    _, alone = run(real=realisation(absences=[absence("2023-07-03", "2023-07-31", "illness")]))
    assert alone.deduction == Decimal("0.00")  # 29 days, all within a fresh 30


def test_employment_that_started_years_before_counts_for_the_term_only():
    consultants = [{"name": "A", "fte": "1.00", "employed": {"start": "2019-01-01", "end": "2025-06-30"}}]
    _, line = run(real=realisation(consultants=consultants))
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("0.00"), Decimal("0.00"))


def test_a_consultants_own_guaranteed_wage_length_applies_to_their_incapacities():
    # A short fixed-term contract with 7 days of guaranteed wage: an illness of 20 days
    # (1 - 20 October 2023) costs 13 days: 106.000 x 13 / 731 = 1.885,0889 -> 1.885,09.
    consultants = [{"name": "A", "fte": "1.00", "guaranteed_wage_days": 7,
                    "absences": [absence("2023-10-01", "2023-10-20", "illness")]}]
    _, line = run(real=realisation(consultants=consultants))
    assert (line.shortfall_fte_days, line.deduction) == (Decimal("13.00"), Decimal("1885.09"))


def test_advances_in_tranches_add_up():
    facts = realisation(achieved=(True, True, True)).model_dump(mode="json", exclude_none=True)
    facts["advances"] = [{"beneficiary": INOM, "amount": "30000.00", "date": "2023-09-15", "reference": "VS-1"},
                         {"beneficiary": INOM, "amount": "23000.00", "date": "2024-09-15", "reference": "VS-2"}]
    _, line = run(real=Realisation.model_validate(facts))
    # 30.000,00 + 23.000,00 = 53.000,00; payable 106.000,00 (all commitments met) - 53.000,00
    assert (line.advances, line.balance) == (Decimal("53000.00"), Decimal("53000.00"))
    assert [(str(a.date), a.reference) for a in line.advance_tranches] == [("2023-09-15", "VS-1"),
                                                                          ("2024-09-15", "VS-2")]


def test_the_extension_settles_on_its_own_amount_under_its_parents_rules(run_cli, tmp_path, dutch):
    out = tmp_path / "verlenging.xlsx"
    result = run_cli("settle", METAAL, EXTENSION, "-r", METAAL_REAL,
                     "--assessment", METAAL_JUDGED, "-r", EXTENSION_REAL, "--assessment", EXTENSION_JUDGED,
                     "--format", "json", "--explain", "--xlsx", out)
    assert result.exit_code == 0, result.stderr
    parent, extension = settlements(result.stdout)
    assert parent["totals"]["payable"] == "1022559.87"  # Consulent K's June days are all guaranteed wage there
    assert (extension["period"], extension["ratio"]) == ({"start": "2025-07-01", "end": "2026-06-30", "days": 365},
                                                         "2/3")
    lines = {b["name"].split(" vzw")[0]: b for b in extension["beneficiaries"]}
    # mtech+ West-Vlaanderen, Consulent K, 1,36 FTE, ill 10 June - 15 August 2025: the 30 days run to
    # 9 July, so 10 July - 15 August = 22 + 15 = 37 days x 1,36 = 50,32 FTE-days cost FTE in the
    # extension: 53.000 x 50,32 / 365 = 7.306,7397 -> 7.306,74 (restarting on 1 July: 16 days, 3.159,67).
    west = lines["mtech+ West-Vlaanderen"]
    assert (west["shortfall_fte_days"], west["deduction"]) == ("50.32", "7306.74")
    assert west["consultants"][0]["absences"][0]["covered_days_in_term"] == 9  # 1 - 9 July 2025
    # mtech+ Antwerpen, Consulent E: 5 - 20 January 2026 (16 days), again from 1 March: 40 days after
    # 20 January, within the 8 weeks of 2026 (21 January - 17 March): 14 days left, so 15 - 31 March
    # (17 days) cost FTE: 53.000 x 17 / 365 = 2.468,4932 -> 2.468,49.
    antwerpen = lines["mtech+ Antwerpen"]
    assert (antwerpen["shortfall_fte_days"], antwerpen["deduction"]) == ("17.00", "2468.49")
    relapse = antwerpen["consultants"][0]["absences"][1]
    assert (relapse["relapse"], relapse["relapse_window"]["days"], relapse["relapse_window"]["last"]) == (
        True, 56, "2026-03-17")
    # (72.080 - 2.468,49) x 0,70 = 48.728,057 -> 48.728,06; x 0,30 x 2/3 = 13.922,302 -> 13.922,30
    assert (antwerpen["effort"], antwerpen["result"], antwerpen["payable"]) == ("48728.06", "13922.30", "62650.36")
    inom = lines["INOM"]
    # two tranches of 49.025,00; 196.100 x 0,70 + 196.100 x 0,30 x 2/3 = 137.270 + 39.220 = 176.490,00
    assert (inom["advances"], inom["payable"], inom["balance"]) == ("98050.00", "176490.00", "78440.00")
    assert [t["reference"] for t in inom["advance_tranches"]] == ["VS-2025-01", "VS-2026-01"]
    steps = [s for s in inom["steps"] if s["figure"] == "Voorschotten"]
    assert steps[0]["arithmetic"] == "49.025,00 + 49.025,00 = 98.050,00"
    # 515.902,29 payable = 176.490 + 62.650,36 + 2 x 64.872 + 58.295,93 + 41.022 + 2 x 23.850
    assert (extension["totals"]["deduction"], extension["totals"]["payable"], extension["totals"]["balance"]) == (
        "9775.23", "515902.29", "224402.29")
    tranches = [row for row in load_workbook(out)["Voorschotten"].iter_rows(values_only=True) if row[4] and
                str(row[4]).startswith("VS-2026")]
    assert tranches == [(inom["name"], "metaal-verlenging-2025-2026", "0409.845.289", tranches[0][3],
                         "VS-2026-01", 49025)]


def test_the_covenant_and_its_extension_combine_per_beneficiary(run_cli, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "240")
    table = run_cli("settle", METAAL, EXTENSION, "-r", METAAL_REAL,
                    "--assessment", METAAL_JUDGED, "-r", EXTENSION_REAL, "--assessment", EXTENSION_JUDGED).stdout
    assert "Per begunstigde over convenant en addenda (R7)" in table
    # INOM vzw: 348.255,68 + 176.490,00 = 524.745,68; maximum 392.200 + 196.100 = 588.300,00
    assert re.search(r"│ INOM vzw - Instituut .*│ +588\.300,00 │ .*│ +524\.745,68 │", table)


def test_an_extension_must_start_the_day_after_its_covenant(run_cli, tmp_path, monkeypatch):
    (tmp_path / "examples").mkdir()
    (tmp_path / "metaal-2023-2025.yaml").write_text(METAAL.read_text(encoding="utf-8"), encoding="utf-8")
    text = EXTENSION.read_text(encoding="utf-8").replace("start: 2025-07-01", "start: 2025-07-02")
    (tmp_path / "examples" / "ext.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "examples/ext.yaml")
    assert result.exit_code == 1
    assert "error[CV216]: the extension starts 2025-07-02, not the day after the covenant ends (2025-07-01)" in \
        result.stdout


def test_an_absence_after_the_term_is_a_warning_and_before_it_is_a_fact(run_cli, tmp_path, monkeypatch):
    (tmp_path / "examples").mkdir()
    (tmp_path / "metaal-2023-2025.yaml").write_text(METAAL.read_text(encoding="utf-8"), encoding="utf-8")
    text = METAAL_REAL.read_text(encoding="utf-8").replace(
        "{start: 2024-08-01, end: 2024-08-31, reason: unpaid_leave}",
        "{start: 2024-08-01, end: 2024-08-31, reason: unpaid_leave}\n"
        "          - {start: 2023-05-02, end: 2023-05-12, reason: illness}\n"
        "          - {start: 2025-07-02, end: 2025-07-12, reason: illness}")
    (tmp_path / "examples" / "real.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "examples/real.yaml")
    assert result.exit_code == 0, result.stdout
    assert "warning[CV517]: Consulent N: absence 2025-07-02 - 2025-07-12 starts after the term ends" in result.stdout
    assert result.stdout.count("[CV5") == 1  # the May 2023 illness is a fact, not a problem
