"""`# convenant: accept CODE -- reason`: a warning accepted where it points, on the line above,
or in the whole file; never an error, never without a reason."""

from __future__ import annotations

import json

import pytest

from tests.conftest import DATA

# CV203 on `beneficiaries:`, line 11; `fte:` on line 10, `max_subsidy:` on line 9
RATE = (DATA / "invalid" / "group-rate.yaml").read_text(encoding="utf-8")
REASON = "groep a draagt de coördinatie (Art. 1)"


def _write(tmp_path, text: str):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("edit", [
    lambda t: t.replace("beneficiaries:", f"beneficiaries:  # convenant: accept CV203 -- {REASON}"),
    lambda t: t.replace("beneficiaries:", f"# convenant: accept CV203 -- {REASON}\nbeneficiaries:"),
    lambda t: t + f"# convenant: accept-file CV203, CV508 -- {REASON}\n",
], ids=["on-the-line", "line-above", "whole-file"])
def test_an_accepted_warning_is_counted_not_printed_and_passes_strict(run_cli, tmp_path, edit):
    path = _write(tmp_path, edit(RATE))
    result = run_cli("validate", "--strict", path)
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert result.stderr == "1 file checked: 0 errors, 0 warnings (1 accepted; --verbose lists them)\n"
    listed = run_cli("validate", "--strict", "--verbose", path)
    assert "warning[CV203] accepted: the groups cost different amounts per FTE" in listed.stderr
    assert f"-- {REASON}" in listed.stderr
    assert json.loads(run_cli("validate", "--format", "json", path).stdout) == []


def test_an_acceptance_two_lines_above_or_of_another_code_accepts_nothing(run_cli, tmp_path):
    text = RATE.replace("max_subsidy: 424000.00", f"max_subsidy: 424000.00  # convenant: accept CV203 -- {REASON}")
    text = text.replace("beneficiaries:", f"beneficiaries:  # convenant: accept CV508 -- {REASON}")
    result = run_cli("validate", "--strict", _write(tmp_path, text))
    assert result.exit_code == 1
    assert "c.yaml:11:1: warning[CV203]" in result.stdout
    assert result.stderr == "1 file checked: 0 errors, 1 warning\n"


def test_an_error_cannot_be_accepted(run_cli, tmp_path):
    text = RATE.replace("max_subsidy: 424000.00", f"max_subsidy: 424000.01  # convenant: accept CV201 -- {REASON}")
    result = run_cli("validate", "--format", "json", _write(tmp_path, text))
    assert result.exit_code == 1
    found = sorted((d["code"], d["line"]) for d in json.loads(result.stdout))
    assert ("CV201", 9) in found  # still reported
    assert ("CV007", 9) in found  # and the attempt is a warning of its own


def test_an_acceptance_without_a_reason_is_a_warning_and_accepts_nothing(run_cli, tmp_path):
    text = RATE.replace("beneficiaries:", "beneficiaries:  # convenant: accept CV203")
    result = run_cli("validate", _write(tmp_path, text))
    assert result.exit_code == 0
    assert "c.yaml:11:1: warning[CV203]" in result.stdout
    assert "c.yaml:11:17: warning[CV007]: `accept CV203` gives no reason" in result.stdout
    assert "hint: add the reason after ` -- `" in result.stdout


def test_settle_does_not_repeat_an_accepted_warning(run_cli, tmp_path):
    path = _write(tmp_path, RATE.replace("beneficiaries:", f"beneficiaries:  # convenant: accept CV203 -- {REASON}"))
    result = run_cli("settle", path, "--format", "json")
    assert result.exit_code == 0
    assert "CV203" not in result.stderr
