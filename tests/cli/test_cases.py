"""`convenant test`: golden cases pass, fail with each differing figure, and catch a broken rule."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CONVENANTS, DATA, ROOT

CASES = ROOT / "cases"


def test_every_shipped_case_passes(run_cli, dutch):
    result = run_cli("test", CASES)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.count("\nOK   ") + result.stdout.startswith("OK   ") == 46
    assert result.stdout.endswith("46 gevallen: 46 geslaagd, 0 mislukt\n")


def test_a_failing_case_shows_each_figure_expected_computed_and_difference(run_cli, tmp_path, monkeypatch, dutch):
    case = (CASES / "vacature.yaml").read_text(encoding="utf-8").replace('deduction: "8990.42"', 'deduction: "8990.41"')
    (tmp_path / "cases").mkdir()
    for folder in ("basis", "feiten", "beoordelingen"):
        (tmp_path / "cases" / folder).mkdir()
        for path in (CASES / folder).glob("*.yaml"):
            (tmp_path / "cases" / folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cases" / "vacature.yaml").write_text(case, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("test", "cases/vacature.yaml")
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "FOUT cases/vacature.yaml — Een onbezette plaats telt als tekort",
        "       beneficiaries[0409845289].deduction: verwacht 8.990,41, berekend 8.990,42, verschil +0,01",
        "1 geval: 0 geslaagd, 1 mislukt"]
    data = json.loads(run_cli("test", "cases/vacature.yaml", "--format", "json").stdout)
    assert (data["passed"], data["failed"]) == (0, 1)
    assert data["cases"][0]["mismatches"] == [{"path": "beneficiaries[0409845289].deduction", "expected": "8990.41",
                                               "computed": "8990.42", "difference": "0.01"}]
    assert data["cases"][0]["reference"] == "Sectorconvenant art. 5; regelboek R4"


def test_a_case_names_the_status_and_who_decided_each_result(run_cli, tmp_path, monkeypatch, dutch):
    """Without its assessment, the case of the auditor's verdict is provisional, and its
    results are decided by the measured values (R1) or wait for the auditor (R2)."""
    case = (CASES / "oordeel-auditor-gaat-voor.yaml").read_text(encoding="utf-8")
    (tmp_path / "cases").mkdir()
    for folder in ("basis", "feiten"):
        (tmp_path / "cases" / folder).mkdir()
        for path in (CASES / folder).glob("*.yaml"):
            (tmp_path / "cases" / folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "cases" / "oordeel.yaml").write_text(case.replace("assessment: [beoordelingen/oordeel-auditor.yaml]\n",
                                                                  ""), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("test", "cases/oordeel.yaml")
    assert result.exit_code == 1
    # R1 met on its values in both years, R2 unjudged: 2 of 4 = 1/2 is what is certain, so the
    # result financing is the same 15.900,00 (106.000 x 0,30 x 1/2), decided by other hands
    assert result.stdout.splitlines()[1:-1] == [
        "       status: verwacht settled, berekend provisional",
        "       results[R1,1].status: verwacht not_met, berekend met",
        "       results[R1,1].source: verwacht assessment, berekend measured",
        "       results[R1,2].status: verwacht not_met, berekend met",
        "       results[R1,2].source: verwacht assessment, berekend measured",
        "       results[R2,1].status: verwacht met, berekend unjudged",
        "       results[R2,1].source: verwacht assessment, berekend —"]


def test_a_broken_rule_is_caught_by_the_cases(run_cli, monkeypatch, dutch):
    import convenant_cli.engine.absence as absence

    monkeypatch.setattr(absence, "RELAPSE_BEFORE", 15)  # the relapse window of before 2026, one day too long
    result = run_cli("test", CASES)
    assert result.exit_code == 1
    failed = [line for line in result.stdout.splitlines() if line.startswith("FOUT")]
    assert failed == ["FOUT cases/nieuwe-ongeschiktheid-na-15-dagen.yaml — Een ongeschiktheid 15 dagen "
                      "later is nieuw"]
    assert "beneficiaries[0409845289].shortfall_fte_days: verwacht 0,00, berekend 15,00, verschil +15,00" in \
        result.stdout


def test_an_unreadable_case_fails_and_says_why(run_cli, tmp_path, monkeypatch, dutch):
    (tmp_path / "broken.yaml").write_text("schema_version: 1\nkind: case\ntitle: Kapot: geval\n")
    monkeypatch.chdir(tmp_path)
    result = run_cli("test", ".")
    assert result.exit_code == 1
    assert "FOUT broken.yaml" in result.stdout and "CV001: YAML-syntaxis" in result.stdout


@pytest.mark.parametrize("args, needle", [
    (["test", str(CONVENANTS / "metaal-2023-2025.yaml")], "is not a case (kind: case)"),
    (["test", str(CONVENANTS / "examples")], "no case files"),
    (["test", "nowhere.yaml"], "no such file or folder"),
])
def test_usage_errors_are_exit_2(run_cli, args, needle):
    result = run_cli(*args)
    assert result.exit_code == 2 and needle in result.stderr


def test_validate_checks_case_files(run_cli):
    result = run_cli("validate", DATA / "invalid" / "case-unknown-beneficiary.yaml")
    assert result.exit_code == 1
    assert "error[CV602]: 0474.431.354 is not a beneficiary of small-2023-2025" in result.stdout
    clean = run_cli("validate", CASES)
    assert clean.exit_code == 0 and "0 errors" in clean.stderr


def test_a_case_named_three_times_runs_once(run_cli, dutch):
    case = sorted((ROOT / "cases").glob("*.yaml"))[0]
    result = run_cli("test", case, case, case.relative_to(ROOT))
    assert result.exit_code == 0 and result.stdout.count("\nOK") + result.stdout.startswith("OK") == 1
    assert "1 geval: 1 geslaagd, 0 mislukt" in result.stdout


def test_a_case_that_names_itself_says_so_once(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    case = tmp_path / "zelf.yaml"
    case.write_text("schema_version: 1\nkind: case\ntitle: x\nreference: rulebook R4\nsettle: [zelf.yaml]\n"
                    "expect:\n  totals: {deduction: \"0.00\"}\n", encoding="utf-8")
    result = run_cli("test", case)
    assert result.exit_code == 1
    assert result.stdout.count("CV601: `settle` names zelf.yaml, a case") == 1, result.stdout
