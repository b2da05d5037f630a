"""The cost statement from the command line (rulebook R6): its lines' problems at their own
line and column, and its figures in `settle`'s JSON, worked out by hand."""

from __future__ import annotations

import json
import textwrap

import pytest

from tests.conftest import ROOT

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
