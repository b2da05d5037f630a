"""Every file under tests/data/invalid breaks exactly the rule its header names
(`# expect: CODE line N`; a symbolic link, whose content is not ours to write, has its
header in `NAME.expect` beside it); every file under tests/data/valid is clean."""

from __future__ import annotations

import json
import re

import pytest

from convenant_cli.domain.codes import in_use
from tests.conftest import DATA

INVALID = sorted((DATA / "invalid").glob("*.yaml"))
EXPECT = re.compile(r"^# expect: (CV[0-9]+) line ([0-9]+)$", re.M)


def _header(path) -> str:
    return (path.with_name(path.name + ".expect") if path.is_symlink() else path).read_text()


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_file_reports_exactly_its_expected_diagnostics(path, run_cli):
    expected = sorted((code, int(line)) for code, line in EXPECT.findall(_header(path)))
    assert expected, f"{path.name} declares no expectation"
    result = run_cli("validate", "--format", "json", path)
    reported = json.loads(result.stdout)
    got = sorted((d["code"], d["line"]) for d in reported if d["file"].endswith(path.name))
    assert got == expected
    errors = any(d["severity"] == "error" for d in reported)
    assert result.exit_code == (1 if errors else 0)


def test_every_code_has_a_bad_file():
    covered = {code for path in INVALID for code, _ in EXPECT.findall(_header(path))}
    assert set(in_use()) - covered == set(), "codes without a file under tests/data/invalid"
    assert covered - set(in_use()) == set(), "files that expect a code the registry does not have, or a retired one"


def test_valid_files_are_clean(run_cli):
    result = run_cli("validate", DATA / "valid")
    assert result.exit_code == 0, result.stdout
    assert result.stdout == ""
    assert "5 files checked: 0 errors, 0 warnings" in result.stderr
