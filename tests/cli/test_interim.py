"""Interim views at a monitoring moment (Art. 6): `settle --as-of DAY`, progress reports
(`as_of:` in a realisation), `new realisation --as-of`, and diff of a progress report and the
eindrapport. Figures are worked by hand from the bundled Metaal eindrapport.

The Metaal term runs 1 July 2023 - 30 June 2025: 731 days, 106.000,00 per FTE for every group.
At 30 September 2024 (the day the progress report is due), hand-worked per beneficiary:
- INOM (3,70 FTE): the illness of Consulent A is covered (30 days) and then filled by Vervanger A;
  the 0,20 FTE time credit from 1 September 2024 counts up to the day: 30 x 0,20 = 6,00 FTE-days,
  106.000 x 6 / 731 = 870,0410 -> 870,04 (the final settlement counts all 181 days: 36,20,
  5.249,25);
- mtech+ Antwerpen: 15,00 (the relapse of November 2023), 106.000 x 15 / 731 = 2.175,10;
- mtech+ Limburg: the vacancy of July and August 2023, 62,00: 8.990,42;
- mtech+ Brabant: unpaid leave in August 2024, 31 x 0,50 = 15,50: 2.247,61;
- the others: 0,00 (mtech+ West-Vlaanderen and RTM are absent only in 2025).
Total 98,50 FTE-days and 870,04 + 2.175,10 + 8.990,42 + 2.247,61 = 14.283,17.
"""

from __future__ import annotations

import json
from decimal import Decimal

import jsonschema
from openpyxl import load_workbook

from tests.conftest import CONVENANTS, EXAMPLES, one_line

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
REPORT = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
INOM, ANTWERPEN, LIMBURG, BRABANT = "0409845289", "0433981067", "0434112117", "0434364911"
NOT_PAID = ("effort", "result", "payable", "balance")


def _interim(run_cli, *extra):
    result = run_cli("settle", METAAL, "-r", REPORT, "--as-of", "2024-09-30", "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_interim_view_counts_the_deduction_accrued_up_to_the_day(run_cli):
    data = _interim(run_cli)
    metaal = data["settlements"][0]
    assert (metaal["status"], metaal["as_of"], metaal["ratio"]) == ("interim", "2024-09-30", None)
    lines = {line["enterprise_number"]: line for line in metaal["beneficiaries"]}
    assert {number: (lines[number]["shortfall_fte_days"], lines[number]["deduction"])
            for number in (INOM, ANTWERPEN, LIMBURG, BRABANT)} == {
        INOM: ("6.00", "870.04"), ANTWERPEN: ("15.00", "2175.10"), LIMBURG: ("62.00", "8990.42"),
        BRABANT: ("15.50", "2247.61")}
    assert (metaal["totals"]["shortfall_fte_days"], metaal["totals"]["deduction"]) == ("98.50", "14283.17")
    # no payment before the term ends: null for every line and the totals
    assert all(line[key] is None for line in metaal["beneficiaries"] for key in NOT_PAID)
    assert all(metaal["totals"][key] is None for key in NOT_PAID)
    # the advances have no date in this eindrapport: all counted (196.100 + 4 x 72.080 + 45.580 + 2 x 26.500)
    assert metaal["totals"]["advances"] == "583000.00"
    # the time credit that runs on to 28 February 2025 is cut at the day
    credit = lines[INOM]["consultants"][0]["absences"][1]
    assert (credit["start"], credit["end"], credit["days"], credit["lost_fte_days"]) == (
        "2024-09-01", "2024-09-30", 30, "6.00")


def test_work_years_are_judged_once_ended_and_later_values_are_not_shown(run_cli):
    metaal = _interim(run_cli)["settlements"][0]
    # work year 1 ended on 30 June 2024: R1 214 >= 200 and R3 312 >= 300 met; work year 2 and the
    # qualitative R2 (judged at the end of the term) are not yet due
    assert [(r["commitment"], r["year"], r["status"]) for r in metaal["results"]] == [
        ("R1", 1, "met"), ("R1", 2, "not_due"), ("R2", None, "not_due"), ("R3", 1, "met"), ("R3", 2, "not_due")]


def test_the_interim_output_validates_against_the_published_schema(run_cli):
    schema = json.loads(run_cli("schema", "--of", "settlement").stdout)
    jsonschema.validate(_interim(run_cli), schema)
    jsonschema.validate(_interim(run_cli, "--explain"), schema)


def test_the_table_shows_no_payable_and_says_why(run_cli, dutch):
    result = run_cli("settle", METAAL, "-r", REPORT, "--as-of", "2024-09-30")
    assert result.exit_code == 0
    assert "TUSSENTIJDSE STAND metaal-2023-2025 (convenant) op 2024-09-30, geen afrekening" in result.stdout
    assert "14.283,17" in result.stdout and "583.000,00" in result.stdout
    assert "Uit te betalen" not in result.stdout and "Saldo" not in result.stdout
    assert "nog niet te beoordelen" in result.stdout
    assert ("metaal-2023-2025: tussentijdse stand op 2024-09-30 (Art. 6): geen uit te betalen bedrag en geen saldo"
            in result.stderr)
    assert "8 voorschotten hebben geen datum; ze tellen als betaald tegen 2024-09-30" in result.stderr


def test_the_explanation_says_the_deduction_is_accrued_and_nothing_is_financed(run_cli, dutch):
    out = run_cli("settle", METAAL, "-r", REPORT, "--as-of", "2024-09-30", "--explain").stdout
    assert "Toelichting metaal-2023-2025: TUSSENTIJDSE STAND op 2024-09-30" in out
    # 106.000 x 6 / 731 for INOM, with the whole term's days
    assert "106.000,00 × 6,00 / 731 = 870,0410 → 870,04" in out
    assert "tot en met 2024-09-30 (opgebouwd, Art. 6)" in out
    assert "Inspanningsfinanciering" not in out and "Saldo" not in out


def test_the_workbook_is_labelled_and_totals_what_accrued(run_cli, tmp_path, dutch):
    target = tmp_path / "tussentijds.xlsx"
    assert run_cli("settle", METAAL, "-r", REPORT, "--as-of", "2024-09-30", "--xlsx", target).exit_code == 0
    sheet = load_workbook(target, data_only=True).worksheets[0]
    assert str(sheet["A1"].value).startswith("TUSSENTIJDSE STAND metaal-2023-2025")
    headers = [one_line(cell.value) for cell in sheet[2]]
    rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=3, max_row=11)]
    column = {header: index for index, header in enumerate(headers)}
    total = rows[-1]
    assert str(total[0]).startswith("Totaal")
    assert Decimal(str(total[column["Vermindering afwezigheid"]])) == Decimal("14283.17")
    assert Decimal(str(total[column["Voorschotten"]])) == Decimal("583000")
    assert all(row[column["Uit te betalen"]] is None and row[column["Saldo"]] is None for row in rows)
    calculation = load_workbook(target, data_only=True)["Berekening"]  # the figures' inputs: under the same title
    assert str(calculation["A1"].value).split("\n")[1].startswith("TUSSENTIJDSE STAND metaal-2023-2025")


def test_a_day_before_the_term_is_refused_naming_the_term(run_cli):
    result = run_cli("settle", METAAL, "-r", REPORT, "--as-of", "2023-06-30")
    assert result.exit_code == 2
    assert "2023-06-30 is before the term of metaal-2023-2025: 2023-07-01 - 2025-06-30" in result.stderr


def test_a_folder_viewed_before_an_extension_begins_leaves_it_out_with_a_note(run_cli):
    # convenants/ holds Metaal's extension, whose term starts on 2025-07-01: at 2024-09-30 it has
    # no facts, so the view shows the three agreements that have begun; the note names the one
    # left out. Alone, the same day is refused (above).
    result = run_cli("settle", CONVENANTS, "--as-of", "2024-09-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [s["convenant"] for s in data["settlements"]] == [
        "metaal-2023-2025", "metaal-duaal-leren-2023-2025", "social-profit-2023-2025"]
    assert ("metaal-verlenging-2025-2026: its term starts on 2025-07-01, after 2024-09-30: not in this view"
            in result.stderr)
    # Metaal's interim deduction at that day, 14.283,17 (case tussentijdse-stand-metaal-2024-09-30),
    # plus duaal leren's 0,00 (an addendum without FTE) is the first family's total; all advances
    # are of agreements still running: 583.000,00 (Metaal, undated, so paid by the day) + 71.923,00
    metaal = data["families"][0]
    assert metaal["totals"]["deduction"] == "14283.17"
    assert metaal["totals"]["advances_interim"] == "654923.00"
    assert metaal["totals"]["advances"] is None and metaal["totals"]["payable"] is None
    alone = run_cli("settle", EXAMPLES / "metaal-verlenging-2025-2026.yaml",
                    "-r", EXAMPLES / "metaal-verlenging-2025-2026-realisatie.yaml", "--as-of", "2024-09-30")
    assert alone.exit_code == 2 and "before the term of metaal-verlenging-2025-2026" in alone.stderr


def test_a_day_not_written_as_a_date_is_a_usage_error(run_cli):
    result = run_cli("settle", METAAL, "-r", REPORT, "--as-of", "30/09/2024")
    assert result.exit_code == 2
    assert "'30/09/2024' is not a day written as YYYY-MM-DD, e.g. 2024-09-30" in result.stderr


def test_a_day_at_the_end_of_the_term_is_the_final_settlement(run_cli):
    judged = ("--assessment", EXAMPLES / "metaal-2023-2025-beoordeling.yaml")
    plain = json.loads(run_cli("settle", METAAL, "-r", REPORT, *judged, "--format", "json").stdout)
    result = run_cli("settle", METAAL, "-r", REPORT, *judged, "--format", "json", "--as-of", "2025-11-14")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == plain
    assert json.loads(result.stdout)["settlements"][0]["totals"]["payable"] == "1022559.87"
    assert "2025-11-14 is at or after the end of the term (2025-06-30): this is the final settlement" in result.stderr
    # at the term's last day the auditor had not judged yet (the assessment is of 14 November
    # 2025): R2 waits, and what is certain is the effort financing alone, 798.335,17 (R2 not met:
    # 1 of 3 < 0,5, ratio 0), or 1.022.559,87 if R2 is met
    early = run_cli("settle", METAAL, "-r", REPORT, *judged, "--format", "json", "--as-of", "2025-06-30")
    final = json.loads(early.stdout)["settlements"][0]
    assert (final["status"], final["assessment"], final["totals"]["payable"], final["totals"]["payable_if_met"]) == (
        "provisional", None, "798335.17", "1022559.87")
    assert "the assessment of 2025-11-14 by An Peeters is dated after 2025-06-30" in early.stderr


PROGRESS = """\
schema_version: 1
kind: realisation
convenant: ../metaal.yaml
as_of: 2024-09-30
results:
  R1:
    actuals:
      - {indicator: bedrijfsbezoeken, year: 1, value: 214}
  R3:
    actuals:
      - {indicator: opgeleide werkzoekenden, year: 1, value: 312}
staffing:
  - beneficiary: 0409.845.289
    consultants:
      - name: Consulent A
        fte: 1.0
        absences:
          - {start: 2024-01-08, end: 2024-04-30, reason: illness}
          - {start: 2024-09-01, reason: time_credit, fte: 0.2}
      - name: Vervanger A
        fte: 1.0
        employed: {start: 2024-02-07, end: 2024-04-30}
      - {name: Consulent B, fte: 1.0}
      - {name: Consulent C, fte: 1.0}
      - {name: Consulent D, fte: 0.7}
advances:
  - {beneficiary: 0409.845.289, amount: 98050.00, date: 2023-09-15, reference: VS-1}
  - {beneficiary: 0409.845.289, amount: 98050.00, date: 2024-09-20, reference: VS-2}
"""


def test_a_progress_report_is_settled_at_its_own_day(run_cli, project):
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    assert run_cli("validate", "examples/voortgang.yaml").exit_code == 0  # ongoing time credit, no year-2 values
    result = run_cli("settle", "metaal.yaml", "-r", "examples/voortgang.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    metaal = json.loads(result.stdout)["settlements"][0]
    inom = next(line for line in metaal["beneficiaries"] if line["enterprise_number"] == INOM)
    # the ongoing time credit counts 1 - 30 September: 6,00 FTE-days, 870,04; both tranches paid by the day
    assert (metaal["status"], metaal["as_of"], inom["deduction"], inom["advances"]) == (
        "interim", "2024-09-30", "870.04", "196100.00")
    # at 15 September, VS-2 (20 September) is not paid yet: 15 x 0,20 = 3,00, 106.000 x 3 / 731 = 435,0205
    earlier = json.loads(run_cli("settle", "metaal.yaml", "-r", "examples/voortgang.yaml", "--format", "json",
                                 "--as-of", "2024-09-15").stdout)["settlements"][0]
    inom = next(line for line in earlier["beneficiaries"] if line["enterprise_number"] == INOM)
    assert (inom["shortfall_fte_days"], inom["deduction"], inom["advances"]) == ("3.00", "435.02", "98050.00")


def test_a_day_after_the_progress_report_is_refused(run_cli, project):
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    result = run_cli("settle", "metaal.yaml", "-r", "examples/voortgang.yaml", "--as-of", "2024-10-01")
    assert result.exit_code == 2
    assert ("2024-10-01 is after the day of the progress report of metaal-2023-2025 (2024-09-30): its facts stop "
            "there") in result.stderr


def test_an_ongoing_absence_in_an_eindrapport_is_an_error_on_its_line(run_cli, project):
    report = project / "examples" / "real.yaml"
    text = report.read_text(encoding="utf-8")
    report.write_text(text.replace("{start: 2024-08-01, end: 2024-08-31, reason: unpaid_leave}",
                                   "{start: 2024-08-01, reason: unpaid_leave}"), encoding="utf-8")
    line = next(n for n, row in enumerate(report.read_text(encoding="utf-8").splitlines(), 1)
                if "unpaid_leave" in row)
    result = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml")
    assert result.exit_code == 1
    assert f"examples/real.yaml:{line}:13: error[CV518]: Consulent N: the absence from 2024-08-01 has no end" \
        in result.stdout + result.stderr


def test_the_progress_report_skeleton_asks_only_for_the_years_due(run_cli, project, dutch):
    result = run_cli("new", "realisation", "metaal.yaml", "--as-of", "2024-09-30")
    assert result.exit_code == 0
    assert "as_of: 2024-09-30" in result.stdout
    assert "year: 1" in result.stdout and "year: 2" not in result.stdout
    assert "# R2: nog niet te beoordelen op 2024-09-30" in result.stdout
    # filled in with the values of work year 1 and the staffing above, it validates and settles
    skeleton = result.stdout.replace("value:  # gemeten waarde (minimum 200, werkjaar 1)", "value: 214")
    skeleton = skeleton.replace("value:  # gemeten waarde (minimum 300, werkjaar 1)", "value: 312")
    (project / "voortgang.yaml").write_text(skeleton, encoding="utf-8")
    checked = run_cli("validate", "voortgang.yaml", "--format", "json")
    assert {d["code"] for d in json.loads(checked.stdout)} == {"CV103"}  # the empty `consultants:` only
    outside = run_cli("new", "--lang", "en", "realisation", "metaal.yaml", "--as-of", "2025-06-30")
    assert outside.exit_code == 2
    assert "2025-06-30 is not a day of the term 2023-07-01 - 2025-06-30 before its last day" in outside.stderr


def test_diff_of_a_progress_report_and_the_eindrapport_shows_what_accrued_since(run_cli, project):
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    result = run_cli("diff", "examples/voortgang.yaml", "examples/real.yaml", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    scalars = {change["path"]: (change["old"], change["new"]) for change in data["changes"]
               if change["category"] == "scalar"}
    assert scalars["as_of"] == ("2024-09-30", None)
    money = data["money"]["settlement"]
    assert money["as_of"] == {"old": "2024-09-30", "new": None}
    inom = next(b for b in money["beneficiaries"] if b["enterprise_number"] == INOM)
    # deduction 870,04 at the day -> 5.249,25 at the end (36,20 FTE-days); no payable in an interim view
    assert inom["old"] == {"deduction": "870.04", "advances": "196100.00"}
    assert inom["new"] == {"deduction": "5249.25", "advances": "196100.00"}
    assert inom["difference"] == {"deduction": "4379.21", "advances": "0.00"}
    assert money["ratio"] is None


def test_a_folder_at_a_day_shows_interim_families_and_no_payable_total(run_cli, dutch):
    result = run_cli("settle", CONVENANTS / "metaal-2023-2025.yaml", CONVENANTS / "metaal-duaal-leren-2023-2025.yaml",
                     "-r", REPORT, "-r", EXAMPLES / "metaal-duaal-leren-2023-2025-realisatie.yaml",
                     "--as-of", "2024-09-30", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    family = data["families"][0]
    assert family["status"] == "interim"
    # duaal leren has no FTE, so no deduction: the family's deduction is Metaal's 14.283,17
    assert family["totals"]["deduction"] == "14283.17"
    assert family["totals"]["payable"] is None and family["totals"]["balance"] is None
    assert data["portfolio"]["interim"] == 2


def test_a_folder_settles_at_the_day_with_the_progress_report_it_holds(run_cli, project):
    (project / "examples" / "real.yaml").unlink()
    (project / "examples" / "beoordeling.yaml").unlink()  # the auditor's assessment of the eindrapport
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    result = run_cli("settle", ".", "--format", "json")
    assert result.exit_code == 0, result.stderr
    metaal = json.loads(result.stdout)["settlements"][0]
    assert (metaal["status"], metaal["as_of"], metaal["totals"]["deduction"], metaal["totals"]["payable"]) == (
        "interim", "2024-09-30", "870.04", None)


def test_diff_of_two_progress_reports_shows_what_changed(run_cli, project):
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    # a corrected report: the time credit was 0,40 FTE, and VS-2 was paid on 1 October (after the day)
    corrected = PROGRESS.replace("reason: time_credit, fte: 0.2}", "reason: time_credit, fte: 0.4}")
    corrected = corrected.replace("date: 2024-09-20, reference: VS-2", "date: 2024-10-01, reference: VS-2")
    (project / "examples" / "voortgang-2.yaml").write_text(corrected, encoding="utf-8")
    result = run_cli("diff", "examples/voortgang.yaml", "examples/voortgang-2.yaml", "--format", "json")
    assert result.exit_code == 1
    money = json.loads(result.stdout)["money"]["settlement"]
    assert money["as_of"] == {"old": "2024-09-30", "new": "2024-09-30"}
    inom = next(b for b in money["beneficiaries"] if b["enterprise_number"] == INOM)
    # 30 days x 0,40 = 12,00 FTE-days: 106.000 x 12 / 731 = 1.740,0821 -> 1.740,08 (was 870,04);
    # only VS-1 is paid by the day: 98.050,00 (was 196.100,00)
    assert inom["old"] == {"deduction": "870.04", "advances": "196100.00"}
    assert inom["new"] == {"deduction": "1740.08", "advances": "98050.00"}


def test_a_diff_on_one_report_for_both_versions_names_it_once(run_cli, project, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "400")
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    amended = CONVENANTS.parent / "amendments" / "metaal-2023-2025-gewijzigd.yaml"  # RTM gains, two lose
    (project / "amended.yaml").write_text(amended.read_text(encoding="utf-8"), encoding="utf-8")
    interim = run_cli("diff", "metaal.yaml", "amended.yaml", "-r", "examples/voortgang.yaml").stdout
    assert ("Effect per begunstigde: vermindering en voorschotten (examples/voortgang.yaml, tussentijds op "
            "2024-09-30; geen uit te betalen bedrag vóór het einde van de termijn, Art. 6)") in interim
    final = run_cli("diff", "metaal.yaml", "amended.yaml", "-r", "examples/real.yaml").stdout
    assert "Effect op de afrekening per begunstigde (eindrapport examples/real.yaml)\n" in final
    corrected = PROGRESS.replace("reason: time_credit, fte: 0.2}", "reason: time_credit, fte: 0.4}")
    (project / "examples" / "voortgang-2.yaml").write_text(corrected, encoding="utf-8")
    two = run_cli("diff", "examples/voortgang.yaml", "examples/voortgang-2.yaml").stdout
    assert two.startswith("Vergelijking examples/voortgang.yaml → examples/voortgang-2.yaml\n")


def test_a_progress_report_is_not_turned_into_a_workbook(run_cli, project):
    (project / "examples" / "voortgang.yaml").write_text(PROGRESS, encoding="utf-8")
    result = run_cli("new", "realisation", "metaal.yaml", "--xlsx", "v.xlsx", "--from", "examples/voortgang.yaml")
    assert result.exit_code == 2
    assert "--from examples/voortgang.yaml is a progress report (as_of 2024-09-30)" in result.stderr
    assert not (project / "v.xlsx").exists()
    assert run_cli("new", "realisation", "metaal.yaml", "--xlsx", "v.xlsx", "--as-of", "2024-09-30").exit_code == 2


def test_an_undated_advance_is_a_warning_in_json_too(run_cli):
    metaal = _interim(run_cli)["settlements"][0]
    undated = [w["beneficiary"] for w in metaal["warnings"] if w["code"] == "undated_advance"]
    assert len(undated) == 8 and INOM in undated  # every advance of the example eindrapport has no date
