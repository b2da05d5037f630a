"""Every file under tests/data/invalid breaks exactly the rule its header names
(`# expect: CODE line N`); every file under tests/data/valid is clean."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import DATA

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (CV\d+) line (\d+)$", re.M)


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_reports_exactly_its_expected_diagnostics(path, run_cli):
    expected = sorted((code, int(line)) for code, line in EXPECT.findall(path.read_text()))
    assert expected, f"{path.name} declares no expectation"
    result = run_cli("validate", "--format", "json", path)
    reported = json.loads(result.stdout)
    got = sorted((d["code"], d["line"]) for d in reported if d["file"].endswith(path.name))
    assert got == expected
    errors = any(d["severity"] == "error" for d in reported)
    assert result.exit_code == (1 if errors else 0)


def test_every_rule_code_has_a_bad_file():
    covered = {code for path in INVALID for code, _ in EXPECT.findall(path.read_text())}
    rules = {"CV001", "CV002", "CV003", "CV004", "CV006", "CV101", "CV102", "CV103", "CV104", "CV105",
             "CV201", "CV202", "CV203", "CV204", "CV205", "CV206", "CV207", "CV208", "CV209", "CV210",
             "CV211", "CV212", "CV214", "CV301", "CV302", "CV303", "CV401", "CV402", "CV502", "CV503",
             "CV504", "CV505", "CV506", "CV507", "CV508", "CV509", "CV510", "CV511", "CV512", "CV513",
             "CV514", "CV106", "CV107", "CV215", "CV304", "CV305", "CV306", "CV307", "CV515"}
    assert rules <= covered, sorted(rules - covered)


def test_valid_files_are_clean(run_cli):
    result = run_cli("validate", DATA / "valid")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "4 files checked: 0 errors, 0 warnings" in result.stderr
