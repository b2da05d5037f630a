"""`convenant settle`: exit codes, JSON, tables, explanations, xlsx, realisation problems."""

from __future__ import annotations

import csv
import io
import os
import re
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tests import viewers
from tests.conftest import CONVENANTS, DATA, EXAMPLES, one_line, settlement, settlements

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
DUAAL = CONVENANTS / "metaal-duaal-leren-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
DUAAL_REAL = EXAMPLES / "metaal-duaal-leren-2023-2025-realisatie.yaml"


def test_metaal_example_settles_to_hand_computed_figures(run_cli):
    result = run_cli("settle", METAAL, "--realisation", METAAL_REAL, "--assessment", METAAL_JUDGED, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = settlement(result.stdout)
    assert (data["convenant"], data["kind"], data["status"], data["ratio"]) == (
        "metaal-2023-2025", "convenant", "settled", "2/3")  # R1 missed in year 2: 2 of 3
    inom = data["beneficiaries"][0]
    # Consulent A: illness 8 Jan - 30 Apr 2024 past its 30 days is filled by Vervanger A (7 Feb - 30 Apr);
    # time credit 0,2 FTE, 1 Sep 2024 - 28 Feb 2025 = 181 days: 36,2 FTE-days; 106.000 x 36,2 / 731 = 5.249,25
    figures = {key: inom[key] for key in ("name", "enterprise_number", "maximum", "deduction", "shortfall_fte_days",
                                          "effort", "result", "payable", "advances", "balance")}
    assert figures == {"name": "INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende Nijverheid",
                       "enterprise_number": "0409845289", "maximum": "392200.00", "deduction": "5249.25",
                       "shortfall_fte_days": "36.20",
                       "effort": "270865.53",  # (392.200 - 5.249,25) x 0,70 = 270.865,525
                       "result": "77390.15",  # 386.950,75 x 0,30 x 2/3 = 77.390,15
                       "payable": "348255.68", "advances": "196100.00", "balance": "152155.68"}
    rtm = data["beneficiaries"][5]
    # accident 6 Jan - 31 Mar 2025 = 85 days, 30 covered: 55 x 0,86 = 47,30 FTE-days -> 6.858,82;
    # 84.301,18 x 0,90 = 75.871,07 is capped at the eligible costs of 72.000,00
    assert (rtm["shortfall_fte_days"], rtm["deduction"], rtm["payable"]) == ("47.30", "6858.82", "72000.00")
    totals = data["totals"]
    # 36,2 + 15 (relapse) + 62 (vacancy) + 47,3 + 15,5 (unpaid leave) = 176 FTE-days
    assert totals["shortfall_fte_days"] == "176.00"
    assert totals["maximum"] == "1166000.00"
    for key in ("deduction", "effort", "result", "payable", "advances", "balance"):
        assert Decimal(totals[key]) == sum(Decimal(b[key]) for b in data["beneficiaries"]), key


def test_without_realisation_the_output_says_maxima(run_cli, dutch):
    result = run_cli("settle", METAAL, "--explain")
    assert result.exit_code == 0
    assert "MAXIMA metaal-2023-2025 (convenant), geen afrekening" in result.stdout
    assert "Toelichting metaal-2023-2025: MAXIMA, geen afrekening" in result.stdout
    assert "1.166.000,00" in result.stdout and "816.200,00" in result.stdout  # 70% of the maximum
    assert "Uit te" not in result.stdout and "Saldo" not in result.stdout
    assert "metaal-2023-2025: maxima, geen afrekening; voeg --realisation toe met het eindrapport" in result.stderr
    json_run = run_cli("settle", METAAL, "--format", "json")
    data = settlement(json_run.stdout)
    assert (data["status"], data["ratio"]) == ("maxima", None)
    assert "maxima, geen afrekening" in json_run.stderr
    for item in data["beneficiaries"] + [data["totals"]]:
        assert (item["payable"], item["advances"], item["balance"]) == (None, None, None)
    # 1.166.000,00 x 0,70 = 816.200,00 and x 0,30 = 349.800,00: the maxima of Art. 2
    assert (data["totals"]["maximum"], data["totals"]["effort"], data["totals"]["result"]) == (
        "1166000.00", "816200.00", "349800.00")


def test_covenant_with_addendum_settles_each_and_combines_per_beneficiary(run_cli, dutch):
    result = run_cli("settle", METAAL, DUAAL, "-r", METAAL_REAL,
                     "--assessment", METAAL_JUDGED, "-r", DUAAL_REAL, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = settlements(result.stdout)
    assert [d["convenant"] for d in data] == ["metaal-2023-2025", "metaal-duaal-leren-2023-2025"]
    # addendum: 143.846 x 0,70 = 100.692,20; 4 of 6 commitment-years -> x 0,30 x 2/3 = 28.769,20
    assert data[1]["totals"]["payable"] == "129461.40"
    table = run_cli("settle", METAAL, DUAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "-r", DUAAL_REAL).stdout
    assert "Per begunstigde over convenant en addenda" in table
    # INOM vzw over both: 348.255,68 + 129.461,40 = 477.717,08
    assert re.search(r"│ INOM vzw - Instituut .*│ +477\.717,08 │", table)


def test_table_is_in_dutch_with_belgian_numbers(run_cli, dutch):
    result = run_cli("settle", METAAL, "--realisation", METAAL_REAL, "--assessment", METAAL_JUDGED)
    for word in ("Begunstigde", "Maximum", "Vermindering", "afwezigheid", "Inspannings-", "financiering",
                 "Resultaats-", "Uit te", "betalen", "Saldo"):
        assert word in result.stdout
    assert "1.022.559,87" in result.stdout  # total payable
    assert "R1 Bereiken van werkvloeren" in result.stdout and "NEE" in result.stdout


def test_explain_gives_rule_article_and_arithmetic(run_cli, dutch):
    result = run_cli("settle", METAAL, "--realisation", METAAL_REAL, "--assessment", METAAL_JUDGED, "--explain")
    assert result.exit_code == 0
    out = result.stdout
    assert "Art. 5" in out and "R4" in out
    assert "106.000,00 × 36,20 / 731 = 5.249,2476 → 5.249,25" in out
    assert "2 behaald / 3 = 2/3 ≥ 0,5" in out


@pytest.mark.parametrize("name, code, needle", [
    ("realisation-missing-commitment", "CV503", "result commitment R2 is missing from `results`"),
    ("realisation-unknown-beneficiary", "CV505", "0474.431.354 is not a beneficiary"),
    ("realisation-overlapping-absences", "CV507", "absences overlap"),
])
def test_bad_realisation_is_exit_1_with_the_problem_and_its_line(run_cli, name, code, needle):
    path = DATA / "invalid" / f"{name}.yaml"
    line = re.search(rf"# expect: {code} line (\d+)", path.read_text()).group(1)
    result = run_cli("settle", DATA / "valid" / "small-convenant.yaml", "--realisation", path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.search(rf"{re.escape(path.name)}:{line}:\d+: error\[{code}\]: .*{re.escape(needle)}", result.stderr)


def test_realisation_of_another_file_is_a_usage_error(run_cli):
    result = run_cli("settle", DUAAL, "--realisation", METAAL_REAL, "--assessment", METAAL_JUDGED)
    assert result.exit_code == 2
    assert "not settled here" in result.stderr


def test_action_plan_has_nothing_to_settle(run_cli):
    result = run_cli("settle", CONVENANTS / "metaal-actieplan-diversiteit-inclusie.yaml")
    assert result.exit_code == 2
    assert "nothing to settle" in result.stderr


def sum_formula(values, cell) -> Decimal:
    """The sum a `=SUM(...)` cell asks for, over the values saved in `values` (a sheet read
    with `data_only`: a summed cell may itself be a formula)."""
    match = re.fullmatch(r"=SUM\(([A-Z]+)([0-9]+):([A-Z]+)([0-9]+)\)", cell.value)
    column, first, last = match.group(1), int(match.group(2)), int(match.group(4))
    return sum(Decimal(str(values[f"{column}{row}"].value)) for row in range(first, last + 1))


def test_xlsx_has_the_views_euro_format_frozen_header_and_sum_formulas(run_cli, tmp_path, dutch):
    out = tmp_path / "afrekening.xlsx"
    result = run_cli("settle", METAAL, "-r", METAAL_REAL,
                     "--assessment", METAAL_JUDGED, "--xlsx", out, "--format", "json")
    assert result.exit_code == 0, result.stderr
    totals = settlement(result.stdout)["totals"]
    book = load_workbook(out)
    assert book.sheetnames == ["Samenvatting", "Berekening", "Consulenten", "Afwezigheden", "Tekort per periode",
                               "Resultaatsverbintenissen", "Voorschotten", "Kosten", "Toelichting", "Bronnen"]
    summary = book["Samenvatting"]
    values = load_workbook(out, data_only=True)["Samenvatting"]
    assert summary.freeze_panes == "B3"  # the title and header rows, the name column
    headers = [one_line(c.value) for c in summary[2]]
    total_row = 3 + 8  # eight beneficiaries, then the totals
    for key, header in (("maximum", "Maximum"), ("deduction", "Vermindering afwezigheid"),
                        ("payable", "Uit te betalen"), ("balance", "Saldo")):
        cell = summary.cell(row=total_row, column=headers.index(header) + 1)
        assert cell.value.startswith("=SUM(")
        assert "€" in cell.number_format
        assert sum_formula(values, cell) == Decimal(totals[key])
    # the signed figures first: name, maximum, deduction, effort, result, payable, advances, balance
    assert headers[:9] == ["Begunstigde", "Maximum", "Vermindering afwezigheid", "Inspanningsfinanciering",
                           "Resultaatsfinanciering", "Uit te betalen", "Voorschotten", "Saldo", "Saldo is"]
    assert summary["B3"].value == 392200 and "€" in summary["B3"].number_format


def test_xlsx_never_turns_text_into_a_formula(run_cli, tmp_path, write_yaml, dutch):
    text = (DATA / "valid" / "small-convenant.yaml").read_text()
    conv = write_yaml("c.yaml", text.replace("name: INOM vzw", "name: '=HYPERLINK(\"http://x\")'"))
    out = tmp_path / "o.xlsx"
    assert run_cli("settle", conv, "--xlsx", out).exit_code == 0
    sheet = load_workbook(out)["Samenvatting"]
    cell = sheet["A3"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_xlsx_does_not_overwrite_without_force(run_cli, tmp_path):
    out = tmp_path / "afrekening.xlsx"
    out.write_bytes(b"evidence")
    result = run_cli("settle", METAAL, "--xlsx", out)
    assert result.exit_code == 2
    assert "exists; not overwritten" in result.stderr
    assert out.read_bytes() == b"evidence"
    assert run_cli("settle", METAAL, "--xlsx", out, "--force").exit_code == 0
    assert load_workbook(out).sheetnames[0] == "Summary"  # the run's language: English in the tests
    assert [p.name for p in tmp_path.iterdir()] == ["afrekening.xlsx"]  # no temporary file left


def test_xlsx_gets_the_usual_file_mode(run_cli, tmp_path):
    previous = os.umask(0o022)
    try:
        new = tmp_path / "new.xlsx"
        assert run_cli("settle", METAAL, "--xlsx", new).exit_code == 0
        assert new.stat().st_mode & 0o777 == 0o644  # what the umask gives, not mkstemp's 0600
        kept = tmp_path / "kept.xlsx"
        kept.write_bytes(b"old")
        kept.chmod(0o640)
        assert run_cli("settle", METAAL, "--xlsx", kept, "--force").exit_code == 0
        assert kept.stat().st_mode & 0o777 == 0o640  # a replaced file keeps its mode
    finally:
        os.umask(previous)


def test_xlsx_into_a_missing_folder_is_exit_2(run_cli, tmp_path):
    result = run_cli("settle", METAAL, "--xlsx", tmp_path / "nope" / "a.xlsx")
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


@pytest.mark.viewers
@pytest.mark.timeout(300)
def test_xlsx_opens_in_libreoffice_which_recomputes_the_sums_to_the_json_totals(run_cli, tmp_path, dutch):
    soffice = viewers.need("soffice")
    out = tmp_path / "afrekening.xlsx"
    result = run_cli("settle", METAAL, "-r", METAAL_REAL,
                     "--assessment", METAAL_JUDGED, "--xlsx", out, "--format", "json")
    totals = settlement(result.stdout)["totals"]
    profile = f"-env:UserInstallation=file://{tmp_path}/lo"
    # 76: UTF-8; the ninth token off: the numbers themselves, not as shown with their euro format
    for target in ("pdf", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false"):
        viewers.run([soffice, "--headless", profile, "--convert-to", target, "--outdir", str(tmp_path), str(out)],
                    timeout=180)
    assert (tmp_path / "afrekening.pdf").stat().st_size > 1000
    # a figure's header holds a line break: read the file as CSV, not line by line
    rows = list(csv.reader(io.StringIO((tmp_path / "afrekening.csv").read_text(encoding="utf-8"))))
    header, total = [one_line(h) for h in rows[1]], next(r for r in rows if r[0] == "Totaal metaal-2023-2025")
    for key, column in (("maximum", "Maximum"), ("deduction", "Vermindering afwezigheid"),
                        ("effort", "Inspanningsfinanciering"), ("result", "Resultaatsfinanciering"),
                        ("payable", "Uit te betalen"), ("advances", "Voorschotten"), ("balance", "Saldo")):
        assert Decimal(total[header.index(column)]) == Decimal(totals[key]), key


def test_a_file_of_the_wrong_kind_is_named_with_its_article(run_cli):
    plan = run_cli("settle", "convenants/metaal-actieplan-diversiteit-inclusie.yaml")
    assert plan.exit_code == 2
    assert "metaal-actieplan-diversiteit-inclusie.yaml is an action_plan; there is nothing to settle" in plan.stderr
    addendum = run_cli("settle", "convenants/metaal-2023-2025.yaml",
                       "-r", "convenants/metaal-duaal-leren-2023-2025.yaml")
    assert "metaal-duaal-leren-2023-2025.yaml is an addendum, not a realisation" in addendum.stderr
    assert " a addendum" not in addendum.stderr + plan.stderr and " a action_plan" not in plan.stderr


def test_two_eindrapporten_named_for_one_agreement_are_refused_with_a_hint(run_cli, tmp_path):
    (tmp_path / "metaal.yaml").write_text(METAAL.read_text(encoding="utf-8"), encoding="utf-8")
    text = (EXAMPLES / "metaal-2023-2025-realisatie.yaml").read_text(encoding="utf-8")
    for name in ("een.yaml", "twee.yaml"):
        (tmp_path / name).write_text(text.replace("../metaal-2023-2025.yaml", "metaal.yaml"), encoding="utf-8")
    result = run_cli("settle", tmp_path / "metaal.yaml", "-r", tmp_path / "een.yaml", "-r", tmp_path / "twee.yaml")
    assert result.exit_code == 2
    assert "two realisations for" in result.stderr
    assert "hint: give one --realisation for each agreement: the eindrapport meant" in result.stderr
