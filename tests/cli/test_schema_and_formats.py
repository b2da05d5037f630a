"""Sector CI and editors: the JSON Schema, validate's output formats, the pre-commit hook."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import CONVENANTS, DATA, ROOT

SCHEMA_FILE = ROOT / "schema" / "convenant.schema.json"
ALL_FILES = sorted(CONVENANTS.rglob("*.yaml"))


def test_committed_schema_is_what_the_models_generate(run_cli):
    result = run_cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == json.loads(SCHEMA_FILE.read_text())


def test_schema_types_amounts_as_numbers_and_dates_as_dates(run_cli):
    schema = json.loads(run_cli("schema", "--kind", "convenant").stdout)
    assert schema["properties"]["max_subsidy"]["type"] == "number"
    assert schema["properties"]["kind"]["const"] == "convenant"
    assert schema["$defs"]["Period"]["properties"]["start"] == {"format": "date", "title": "Start", "type": "string"}
    assert schema["additionalProperties"] is False
    every = json.loads(run_cli("schema").stdout)
    assert every["discriminator"]["propertyName"] == "kind"
    assert sorted(every["discriminator"]["mapping"]) == ["action_plan", "addendum", "assessment", "case", "convenant",
                                                        "realisation"]


def test_unknown_kind_option_is_a_usage_error(run_cli):
    assert run_cli("schema", "--kind", "contract").exit_code == 2


def check_jsonschema(*files: Path):
    exe = shutil.which("check-jsonschema") or str(Path(sys.executable).parent / "check-jsonschema")
    return subprocess.run([exe, "--schemafile", str(SCHEMA_FILE), *map(str, files)], capture_output=True, text=True,
                          timeout=60)


def test_check_jsonschema_accepts_every_bundled_file_and_rejects_an_unknown_key():
    accepted = check_jsonschema(*ALL_FILES)
    assert accepted.returncode == 0, accepted.stdout
    rejected = check_jsonschema(DATA / "invalid" / "unknown-key.yaml")
    assert rejected.returncode == 1
    assert "ammount_each" in rejected.stdout


def test_every_bundled_covenant_names_the_schema_for_editors():
    for path in CONVENANTS.glob("*.yaml"):
        assert "# yaml-language-server: $schema=../schema/convenant.schema.json" in path.read_text(), path


BAD = DATA / "invalid" / "bad-iban.yaml"


def test_github_format_prints_one_annotation_per_problem(run_cli):
    result = run_cli("validate", "--format", "github", BAD,
                     DATA / "invalid" / "realisation-self-assessment-without-note.yaml")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    line = re.search(r"expect: CV206 line (\d+)", BAD.read_text()).group(1)
    # the IBAN's value spans columns 15-33: GitHub gets the column after it as endColumn
    assert lines[0].startswith(f"::error file=tests/data/invalid/bad-iban.yaml,line={line},col=15,endLine={line},"
                               "endColumn=34,title=CV206::[CV206] ")
    assert "%0Ahint: copy the IBAN" in lines[0]
    assert lines[1].startswith("::warning file=") and "title=CV522" in lines[1]


def test_json_format_is_a_stable_list_of_problems(run_cli):
    result = run_cli("validate", "--format", "json", BAD)
    assert result.exit_code == 1
    [problem] = json.loads(result.stdout)
    assert set(problem) == {"file", "line", "column", "code", "severity", "message", "hint"}
    assert (problem["code"], problem["severity"], problem["column"]) == ("CV206", "error", 15)
    clean = run_cli("validate", "--format", "json", CONVENANTS)
    assert clean.exit_code == 0
    assert json.loads(clean.stdout) == []  # the one warning of the bundled files is accepted in its file


def test_strict_makes_warnings_fail(run_cli):
    path = DATA / "invalid" / "realisation-self-assessment-without-note.yaml"
    assert run_cli("validate", path).exit_code == 0
    strict = run_cli("validate", "--strict", path)
    assert strict.exit_code == 1
    assert "warning[CV522]" in strict.stdout


def test_pre_commit_hook_runs_convenant_validate_on_yaml_files(tmp_path):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "convenant-validate"
    pattern = re.compile(hook["files"])
    assert pattern.search("convenants/metaal.yaml") and pattern.search("x.yml") and not pattern.search("x.json")
    exe = shutil.which("convenant") or str(Path(sys.executable).parent / "convenant")
    command = [exe, *hook["entry"].split()[1:]]
    good = subprocess.run(command + [str(p) for p in ALL_FILES], capture_output=True, text=True, timeout=60)
    assert good.returncode == 0, good.stdout
    bad = subprocess.run(command + [str(BAD)], capture_output=True, text=True, timeout=60)
    assert bad.returncode == 1 and "error[CV206]" in bad.stdout


@pytest.mark.parametrize("name", ["-draft.yaml", "--output=report.yaml", "-o"])
def test_the_hook_takes_a_file_whose_name_starts_with_a_dash_as_a_file(tmp_path, name):
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["entry"].split()[-1] == "--"
    exe = shutil.which("convenant") or str(Path(sys.executable).parent / "convenant")
    (tmp_path / name).write_bytes(BAD.read_bytes())
    # pre-commit passes paths relative to the repository root, as these are
    result = subprocess.run([exe, *hook["entry"].split()[1:], name], capture_output=True, text=True, cwd=tmp_path,
                            timeout=60)
    assert result.returncode == 1, result.stderr
    assert f"{name}:" in result.stdout and "error[CV206]" in result.stdout  # the file was checked
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # and no report was written beside it


def test_the_schema_of_an_output_is_chosen_with_of_and_the_old_output_spelling_still_works(run_cli):
    chosen = run_cli("schema", "--of", "settlement")
    old = run_cli("schema", "--output", "settlement")
    assert chosen.exit_code == old.exit_code == 0
    assert json.loads(chosen.stdout) == json.loads(old.stdout)
    assert json.loads(chosen.stdout)["title"] == "convenant settle --format json (convenant.settlement/3)"
    assert chosen.stderr == ""
    assert "`schema --output settlement` is now `schema --of settlement`" in old.stderr
    both = run_cli("schema", "--of", "settlement", "--kind", "convenant")
    assert both.exit_code == 2 and "--kind and --of ask for two schemas" in both.stderr
