"""The cost statement from the command line (rulebook R6): its lines' problems at their own
line and column, and its figures in `settle`'s JSON, worked out by hand."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import ROOT, one_line, settlement

BASIS = ROOT / "cases" / "basis" / "kostenstaat.yaml"
HEAD = """\
    schema_version: 1
    kind: realisation
    convenant: kostenstaat.yaml
    results:
      R1:
        actuals:
          - {indicator: bedrijfsbezoeken, year: 1, value: 214}
          - {indicator: bedrijfsbezoeken, year: 2, value: 205}
    staffing:
      - beneficiary: 0409.845.289
        consultants:
          - {name: Consulent K, fte: 1.00}
    costs:
      - beneficiary: 0409.845.289
        lines:
    """


@pytest.fixture
def eindrapport(tmp_path, monkeypatch, run_cli):
    """Write an eindrapport of the cost statement's golden covenant with these cost lines."""
    (tmp_path / "kostenstaat.yaml").write_text(BASIS.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def write(lines: str, name: str = "eindrapport.yaml"):
        text = textwrap.dedent(HEAD) + textwrap.indent(textwrap.dedent(lines), "      ")
        (tmp_path / name).write_text(text, encoding="utf-8")
        return name

    return write


def diagnostics(run_cli, path):
    result = run_cli("validate", "--format", "json", path)
    return [(d["code"], d["line"], d["column"], d["message"], d.get("hint")) for d in json.loads(result.stdout)]


def test_a_problem_in_a_cost_line_is_at_its_own_key(run_cli, eindrapport):
    path = eindrapport("""\
        - {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2023-13-01, amount: 1.00, reference: a, fromm: 1}
        - {kind: operating, date: 2024-01-01, amount: "3.00", reference: b}
        """)
    found = diagnostics(run_cli, path)
    # the union's tag (`wage`, `operating`) that pydantic puts in the place is not a key of the file
    assert [(code, line, column) for code, line, column, *_ in found] == [
        ("CV105", 16, 69), ("CV101", 16, 109), ("CV107", 17, 53)]
    assert found[0][3].startswith("`costs[0].lines[0].to`: ")
    assert found[1][4] == "did you mean `from`?"  # the key the file writes, not the field `from_`
    assert found[2][3].startswith("`costs[0].lines[1].amount`: ")


def test_a_cost_line_of_an_unknown_kind_or_none_says_which_kinds_there_are(run_cli, eindrapport):
    path = eindrapport("""\
        - {kind: loon, consultant: Consulent K, from: 2023-07-01, to: 2023-12-31, amount: 100.00, reference: a}
        - {consultant: Consulent K, from: 2023-07-01, to: 2023-12-31, amount: 100.00, reference: b}
        """)
    found = diagnostics(run_cli, path)
    assert found == [
        ("CV103", 16, 16, "`costs[0].lines[0].kind`: expected wage | operating",
         "did you mean `wage`? The YAML keeps English words"),
        ("CV102", 17, 9, "missing key `kind` in costs[0].lines[1]", "a cost line is `kind: wage` or `kind: operating`"),
    ]


def test_a_consultant_named_by_a_typo_gets_the_closest_key(run_cli, eindrapport):
    path = eindrapport("""\
        - {kind: wage, consultant: Consulent X, from: 2023-07-01, to: 2023-12-31, amount: 100.00, reference: a}
        """)
    [(code, line, column, message, hint)] = diagnostics(run_cli, path)
    assert (code, line, column) == ("CV530", 16, 34)
    assert message == "'Consulent X' is not a consultant in the staffing of 0409.845.289"
    assert hint == "did you mean `Consulent K`?"


def test_a_warning_names_the_days_cut_and_the_line_keeps_them(run_cli, eindrapport):
    path = eindrapport("""\
        - {kind: wage, consultant: Consulent K, from: 2025-01-01, to: 2025-12-31, amount: 36500.00, reference: l}
        """)
    [(code, line, _column, message, hint)] = diagnostics(run_cli, path)
    # 2025: 365 days, of which 1 January - 30 June, 181, in the term; 184 cut
    assert (code, line) == ("CV534", 16)
    assert message == ("cost line 'l': 184 of its 365 days fall outside the term 2023-07-01 - 2025-06-30; "
                       "that part is not eligible")
    assert hint == "Art. 5: the amount is cut pro rata by calendar days, 181 of 365"


CASES = ROOT / "cases"


def settle_json(run_cli, name, *extra):
    result = run_cli("settle", CASES / "basis" / "kostenstaat.yaml", "-r", CASES / "feiten" / name,
                     "--format", "json", *extra)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_json_gives_the_statement_and_each_lines_eligible_part(run_cli):
    [line] = settle_json(run_cli, "kostenstaat-loon-buiten-de-tewerkstelling.yaml")["settlements"][0]["beneficiaries"]
    # loonstaat L: 1 January - 30 June 2024, 182 days, 91 of them in the employment (to 31 March);
    # 15.000,05 x 91 / 182 = 7.500,025 -> 7.500,03; declared 120.000,00 + 15.000,05 = 135.000,05
    assert line["costs"] == {
        "declared": "135000.05", "not_eligible": "7500.02", "refused": "0.00", "eligible": "127500.03",
        "lines": [
            {"kind": "wage", "reference": "loonstaat K", "consultant": "Consulent K", "from": "2023-07-01",
             "to": "2025-06-30", "date": None, "amount": "120000.00", "days": 731, "eligible_days": 731,
             "eligible": "120000.00", "refused": False, "note": None},
            {"kind": "wage", "reference": "loonstaat L 2024-01/06", "consultant": "Vervanger L",
             "from": "2024-01-01", "to": "2024-06-30", "date": None, "amount": "15000.05", "days": 182,
             "eligible_days": 91, "eligible": "7500.03", "refused": False, "note": None}]}
    # the cap is the eligible costs, above the 106.000,00 payable: not capped
    assert (line["eligible_costs"], line["payable_before_cap"], line["payable"]) == (
        "127500.03", "106000.00", "106000.00")


def test_a_total_without_a_cost_statement_is_said_so(run_cli):
    result = run_cli("settle", CASES / "basis" / "een-consulent.yaml", "-r", CASES / "feiten" / "kostenplafond.yaml",
                     "--format", "json")
    data = settlement(result.stdout)
    assert data["beneficiaries"][0]["costs"] is None
    assert data["beneficiaries"][0]["eligible_costs"] == "90000.00"
    assert {"code": "costs_without_statement", "beneficiary": "0409845289"} in data["warnings"]


def test_the_costs_validate_against_the_published_schema(run_cli):
    import jsonschema

    schema = json.loads(run_cli("schema", "--of", "settlement").stdout)
    for name in ("kostenstaat-werking-na-de-termijn.yaml", "kostenstaat-plafond.yaml"):
        jsonschema.validate(settle_json(run_cli, name), schema)
        jsonschema.validate(settle_json(run_cli, name, "--explain"), schema)
    broken = settle_json(run_cli, "kostenstaat-plafond.yaml")
    broken["settlements"][0]["beneficiaries"][0]["costs"]["eligible"] = 98765.43  # a float, never
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_diff_shows_each_cost_line_added_removed_or_changed_and_the_cap_that_moved(run_cli, eindrapport):
    old = eindrapport("""\
        - {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2025-06-30, amount: 100000.00, reference: lk}
        - {kind: operating, date: 2024-03-15, amount: 1200.00, reference: f117}
        - {kind: operating, date: 2025-07-02, amount: 800.00, reference: f201}
        """, "old.yaml")
    new = eindrapport("""\
        - {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2025-06-30, amount: 99000.00, reference: lk}
        - {kind: operating, date: 2024-03-15, amount: 1500.00, reference: f117}
        - {kind: operating, date: 2024-05-15, amount: 300.00, reference: f150}
        """, "new.yaml")
    result = run_cli("diff", old, new, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    changes = [(c["change"], c["subject"]["key"]["reference"], c["field"], c["old"], c["new"]) for c in data["changes"]]
    assert changes == [
        ("removed", "f201", None, {"kind": "operating", "date": "2025-07-02", "amount": "800.00"}, None),
        ("added", "f150", None, None, {"kind": "operating", "date": "2024-05-15", "amount": "300.00"}),
        ("changed", "lk", "amount", "100000.00", "99000.00"),
        ("changed", "f117", "amount", "1200.00", "1500.00")]
    assert data["changes"][0]["path"] == "costs[beneficiary=0409845289].lines[reference=f201]"
    # old: 100.000,00 + 1.200,00 (f201 after the term: 0,00) = 101.200,00; new: 99.000,00 + 1.500,00
    # + 300,00 = 100.800,00; both below the 106.000,00 before the cap, so the payable moves by -400,00
    [cap] = data["money"]["settlement"]["caps"]
    assert cap == {"enterprise_number": "0409845289", "name": "INOM vzw",
                   "eligible_costs": {"old": "101200.00", "new": "100800.00"},
                   "payable_before_cap": {"old": "106000.00", "new": "106000.00"},
                   "payable": {"old": "101200.00", "new": "100800.00"}, "moves_payable": True}
    [effect] = data["money"]["settlement"]["beneficiaries"]
    assert effect["difference"]["payable"] == "-400.00"


def test_a_cap_that_moves_above_the_payable_amount_moves_no_money(run_cli, eindrapport):
    old = eindrapport("- {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2025-06-30, amount: 120000.00, "
                      "reference: lk}\n", "old.yaml")
    new = eindrapport("- {kind: wage, consultant: Consulent K, from: 2023-06-01, to: 2025-06-30, amount: 120000.00, "
                      "reference: lk}\n", "new.yaml")
    data = json.loads(run_cli("diff", old, new, "--format", "json").stdout)
    # new: 2023-06-01 - 2025-06-30 is 30 + 731 = 761 days, 731 in the term: 120.000,00 x 731 / 761
    # = 115.269,3824 -> 115.269,38, still above the 106.000,00 payable
    [cap] = data["money"]["settlement"]["caps"]
    assert (cap["eligible_costs"], cap["payable"], cap["moves_payable"]) == (
        {"old": "120000.00", "new": "115269.38"}, {"old": "106000.00", "new": "106000.00"}, False)
    assert data["money"]["settlement"]["beneficiaries"] == []
    assert [(c["field"], c["old"], c["new"]) for c in data["changes"]] == [("from", "2023-07-01", "2023-06-01")]


def test_a_line_the_auditor_refuses_is_shown_with_its_reason_and_not_counted(run_cli, tmp_path, dutch):
    from openpyxl import load_workbook

    out, report = tmp_path / "kosten.xlsx", tmp_path / "rapport"
    data = settle_json(run_cli, "kostenstaat-werking-na-de-termijn.yaml", "--assessment",
                       CASES / "beoordelingen" / "kostenstaat-geweigerde-regel.yaml", "--xlsx", out, "--html", report)
    [line] = data["settlements"][0]["beneficiaries"]
    refused = next(c for c in line["costs"]["lines"] if c["reference"] == "factuur 2024-117")
    assert (refused["eligible"], refused["refused"], refused["note"]) == (
        "1200.00", True, "geen werkingskost van de consulent")
    # 102.000,00 declared = 800,00 not eligible + 1.200,00 refused + 100.000,00 eligible, the cap
    assert (line["costs"]["refused"], line["costs"]["eligible"], line["payable"]) == (
        "1200.00", "100000.00", "100000.00")
    kosten = load_workbook(out, data_only=True)["Kosten"]
    at = {one_line(cell.value): number for number, cell in enumerate(kosten[1])}  # one agreement: no agreement column
    row = next(r for r in kosten.iter_rows(min_row=2, values_only=True) if r[at["Referentie"]] == "factuur 2024-117")
    assert (row[at["Niet aanvaard"]], row[at["Geweigerd"]], row[at["Subsidiabele kosten"]],
            row[at["Reden van de auditor"]]) == ("ja", 1200, 0, "geen werkingskost van de consulent")
    page = (report / "geval-kostenstaat.html").read_text(encoding="utf-8")
    assert "niet aanvaard: geen werkingskost van de consulent" in page
