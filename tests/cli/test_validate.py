"""`convenant validate`: exit codes, every problem with its line, no traceback."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import CONVENANTS, ROOT

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
SOCIAL = CONVENANTS / "social-profit-2023-2025.yaml"


def test_bundled_convenants_are_clean_even_strict(run_cli):
    result = run_cli("validate", "--strict", CONVENANTS, ROOT / "amendments", ROOT / "cases")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    # the warnings are accepted in their files: the golden case of a beneficiary taken as fully staffed,
    # the assessment of a golden case that leaves a commitment to judge, and the golden cases of cost
    # lines cut at the term or the employment
    assert result.stderr.endswith(": 0 errors, 0 warnings (5 accepted; --verbose lists them)\n")
    verbose = run_cli("validate", "--strict", "--verbose", CONVENANTS, ROOT / "amendments", ROOT / "cases")
    assert verbose.exit_code == 0
    assert ("convenant: note: cases/feiten/volledig-bezet.yaml:2:1: warning[CV508] accepted: INOM vzw "
            "(0409.845.289) has no staffing: taken as fully staffed, no deduction -- dit geval toont net dat een "
            "begunstigde zonder staffing als volledig bezet geldt") in verbose.stderr


def mutate(tmp_path, source, old: str, new: str):
    text = source.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    index = text.index(old)
    line = text[:index].count("\n") + 1
    path = tmp_path / source.name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path, line


def bump_last_digit(text: str) -> str:
    head, last = text[:-1], text[-1]
    return head + str((int(last) + 1) % 10)


def identifiers(path, key):
    return re.findall(rf"{key}: ([0-9A-Z. ]+?)\n", path.read_text(encoding="utf-8"))


def codes_and_lines(result):
    return [(d["code"], d["line"]) for d in json.loads(result.stdout)]


@pytest.mark.parametrize("source", [METAAL, SOCIAL], ids=["metaal", "social-profit"])
@pytest.mark.parametrize("key, code", [("iban", "CV206"), ("enterprise_number", "CV207")])
def test_one_changed_digit_in_any_identifier_is_caught_on_its_line(tmp_path, run_cli, source, key, code):
    for value in identifiers(source, key):
        path, line = mutate(tmp_path, source, f"{key}: {value}\n", f"{key}: {bump_last_digit(value)}\n")
        result = run_cli("validate", "--format", "json", path)
        assert result.exit_code == 1
        assert codes_and_lines(result) == [(code, line)], value


def test_changed_group_amount_names_max_subsidy_and_the_group(tmp_path, run_cli):
    path, group_line = mutate(tmp_path, METAAL, "amount_each: 91160.00", "amount_each: 91170.00")
    result = run_cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    max_line = METAAL.read_text().splitlines().index(
        next(x for x in METAAL.read_text().splitlines() if x.startswith("max_subsidy"))) + 1
    assert codes_and_lines(result) == [("CV201", max_line), ("CV203", group_line)]
    problem = json.loads(result.stdout)[0]
    # 392.200 + 4 x 144.160 + 91.170 + 2 x 53.000 = 1.166.010,00: ten euro too many
    assert (problem["expected"], problem["computed"], problem["difference"]) == ("1166000.00", "1166010.00", "10.00")


def test_changed_group_fte_names_fte_and_the_group(tmp_path, run_cli):
    path, group_line = mutate(tmp_path, METAAL, "fte_each: 0.86", "fte_each: 0.87")
    result = run_cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    fte_line = next(i for i, x in enumerate(METAAL.read_text().splitlines(), 1) if x.startswith("fte:"))
    assert codes_and_lines(result) == [("CV202", fte_line), ("CV203", group_line - 1)]


@pytest.mark.parametrize("old, new, code", [
    ("sector:", "sectr:", "CV101"),
    ("amount_each: 144160.00", "amount_each: 144160.001", "CV104"),
    ("end: 2025-06-30}", "end: 2023-06-30}", "CV204"),
])
def test_typo_third_decimal_and_reversed_period(tmp_path, run_cli, old, new, code):
    path, line = mutate(tmp_path, METAAL, old, new)
    result = run_cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    assert (code, line) in codes_and_lines(result)


def test_misspelled_key_gets_did_you_mean(tmp_path, run_cli, monkeypatch):
    path, line = mutate(tmp_path, METAAL, "    amount_each: 53000.00", "    ammount_each: 53000.00")
    monkeypatch.chdir(tmp_path)  # the file is named as from the current folder
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert f"\n{path.name}:{line}:5: error[CV101]: unknown key `ammount_each`" in result.stdout
    assert "hint: did you mean `amount_each`?" in result.stdout
    assert "    ammount_each: 53000.00\n" in result.stdout  # the source line, with a caret below
    assert "Traceback" not in result.stdout + result.stderr


def test_repeated_key(tmp_path, run_cli):
    path, line = mutate(tmp_path, METAAL, "fte: 11.0", "fte: 11.0\nfte: 11.0")
    result = run_cli("validate", "--format", "json", path)
    assert result.exit_code == 1
    assert codes_and_lines(result) == [("CV002", line + 1)]


def test_every_problem_of_every_file_is_reported(tmp_path, run_cli):
    bad_iban, _ = mutate(tmp_path, METAAL, "BE44 0689 4207 5545", "BE44 0689 4207 5546")
    text = bad_iban.read_text().replace("0434.112.117", "0434.112.118")
    bad_iban.write_text(text)
    other = tmp_path / "social.yaml"
    other.write_text(SOCIAL.read_text().replace("kind: convenant", "kind: convenent"))
    result = run_cli("validate", "--format", "json", tmp_path)
    assert result.exit_code == 1
    assert sorted(d["code"] for d in json.loads(result.stdout)) == ["CV006", "CV206", "CV207"]


def test_missing_file_is_exit_2_without_traceback(run_cli, tmp_path):
    result = run_cli("validate", tmp_path / "nothere.yaml")
    assert result.exit_code == 2
    assert "nothere.yaml: no such file or folder" in result.stderr
    assert "Traceback" not in result.stderr


def test_folder_without_yaml_is_exit_2(run_cli, tmp_path):
    result = run_cli("validate", tmp_path)
    assert result.exit_code == 2
    assert "no *.yaml or *.yml files" in result.stderr


def test_missing_argument_is_a_usage_error(run_cli):
    assert run_cli("validate").exit_code == 2


def test_a_report_written_to_a_file_says_so(run_cli, tmp_path):
    report = tmp_path / "rapport.sarif"
    result = run_cli("validate", CONVENANTS / "metaal-2023-2025.yaml", "--format", "sarif", "--output", report)
    assert result.exit_code == 0 and report.is_file()
    assert f"convenant: note: written: {report}" in result.stderr
