"""The cost statement from the command line (rulebook R6): its lines' problems at their own
line and column, and its figures in `settle`'s JSON, worked out by hand."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import ROOT, settlement

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
