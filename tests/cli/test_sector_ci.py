"""`validate` in a sector's repository and CI: files that are no convenant files are left
alone, a changed file brings in the files that refer to it, standard input, every CI
report format, `--output`, paths relative to the current folder, help and colour."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.builders import FOREIGN, sector_repository
from tests.conftest import CONVENANTS, DATA, EXAMPLES

BAD_IBAN = DATA / "invalid" / "bad-iban.yaml"  # one error: CV206 at 26:15, the IBAN spans columns 15-33
GROUPS = DATA / "invalid" / "group-amounts.yaml"  # an error CV201 at 10:14 and a warning CV203 at 12:1
ANSI = re.compile(r"\x1b\[[0-9;]*m")


# -- which files are convenant files ----------------------------------------------------------

def test_files_of_other_tools_are_skipped_and_listed_with_verbose(run_cli, tmp_path):
    root = sector_repository(tmp_path)
    paths = [root / name for name in FOREIGN]
    result = run_cli("validate", *paths)
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.endswith("0 files checked, 7 skipped (not convenant files; --verbose lists them): "
                                  "0 errors, 0 warnings\n")
    verbose = run_cli("validate", "--verbose", *paths)
    notes = [line for line in verbose.stderr.splitlines() if "skipped, not a convenant file" in line]
    assert len(notes) == 7 and notes[0].endswith(".github/workflows/ci.yml: skipped, not a convenant file "
                                                 "(no schema_version, kind or convenant keys)")


def test_a_folder_with_other_tools_files_checks_only_the_convenant_files(run_cli, tmp_path):
    root = sector_repository(tmp_path)
    result = run_cli("validate", root)
    assert result.exit_code == 0, result.stdout
    # .github is a hidden folder (as .git and .venv), not searched; the six other files are read and skipped
    assert result.stderr.endswith("4 files checked, 6 skipped (not convenant files; --verbose lists them): "
                                  "0 errors, 0 warnings\n")


@pytest.mark.parametrize("text, code, needle", [
    # it has covenant keys, but lost its kind and schema_version
    ("max_subsidy: 1166000.00\nfte: 11.00\n", "CV102", "missing key `schema_version`"),
    # a kind that nearly names one of ours
    ("kind: convenent\nmax_subsidy: 1166000.00\n", "CV102", "missing key `schema_version`"),
    # two keys a covenant shares with other tools
    ("period: {start: 2023-07-01, end: 2025-06-30}\nrules: {result_share: 0.30}\n", "CV102", "missing key `kind`"),
    # a list of what should have been one mapping
    ("- schema_version: 1\n- kind: convenant\n", "CV004", "the file holds a list"),
])
def test_a_file_that_tried_to_be_a_convenant_file_still_fails(run_cli, tmp_path, text, code, needle):
    path = tmp_path / "metaal.yaml"
    path.write_text(text)
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert f"error[{code}]: {needle}" in result.stdout
    assert "skipped" not in result.stderr


def test_settle_still_refuses_a_file_that_is_no_convenant_file(run_cli, tmp_path):
    path = tmp_path / "labels.yml"
    path.write_text(FOREIGN["labels.yml"])
    result = run_cli("settle", path)
    assert result.exit_code == 1
    assert "error[CV004]: the file holds a list; expected a mapping of keys" in result.stderr


# -- dependants -------------------------------------------------------------------------------

def _rename_r1(root: Path) -> Path:
    covenant = root / "metaal-2023-2025.yaml"
    text = covenant.read_text()
    assert text.count("\n  - id: R1\n") == 1
    covenant.write_text(text.replace("\n  - id: R1\n", "\n  - id: R1-werkzoekenden\n"))
    return covenant


def test_a_changed_covenant_brings_in_the_files_that_refer_to_it(run_cli, tmp_path, monkeypatch):
    root = sector_repository(tmp_path)
    monkeypatch.chdir(root)  # as pre-commit runs a hook: from the repository's top
    _rename_r1(root)
    result = run_cli("validate", "--verbose", "metaal-2023-2025.yaml")
    assert result.exit_code == 1
    assert [line for line in result.stdout.splitlines() if "[CV" in line] == [
        "examples/metaal-2023-2025-realisatie.yaml:5:1: error[CV503]: result commitment R1-werkzoekenden is "
        "missing from `results`",
        "examples/metaal-2023-2025-realisatie.yaml:6:3: error[CV502]: result commitment 'R1' is not in "
        "metaal-2023-2025.yaml",
    ]
    # the extension refers to the covenant, and its eindrapport to the extension: both checked, both clean
    assert [line for line in result.stderr.splitlines() if "checked, it refers to" in line] == [
        "convenant: note: examples/metaal-2023-2025-realisatie.yaml: checked, it refers to metaal-2023-2025.yaml",
        "convenant: note: examples/metaal-verlenging-2025-2026-realisatie.yaml: checked, it refers to "
        "examples/metaal-verlenging-2025-2026.yaml",
        "convenant: note: examples/metaal-verlenging-2025-2026.yaml: checked, it refers to metaal-2023-2025.yaml",
    ]
    assert result.stderr.endswith("4 files checked (3 referring to a given file): 2 errors, 0 warnings\n")


def test_no_dependants_checks_only_the_files_given(run_cli, tmp_path, monkeypatch):
    root = sector_repository(tmp_path)
    monkeypatch.chdir(root)
    _rename_r1(root)
    result = run_cli("validate", "--no-dependants", "metaal-2023-2025.yaml")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "1 file checked: 0 errors, 0 warnings\n"


def test_a_folder_is_checked_whole_without_a_search_for_dependants(run_cli, tmp_path, monkeypatch):
    root = sector_repository(tmp_path)
    monkeypatch.chdir(root)
    _rename_r1(root)
    result = run_cli("validate", "examples")  # the realisation is in it; the covenant comes as its reference
    assert result.exit_code == 1
    assert result.stderr.endswith("4 files checked: 2 errors, 0 warnings\n")


def test_dependants_are_found_among_hundreds_of_files(tmp_path):
    """A covenant with 300 eindrapporten beside it, one of them under a folder, 100 other
    YAML files, a case that settles one eindrapport, and references written in each form
    YAML allows on one line."""
    from convenant_cli.reading.dependants import find_dependants
    from convenant_cli.reading.references import Roots

    (tmp_path / ".git").mkdir()
    covenant = tmp_path / "metaal.yaml"
    covenant.write_text("schema_version: 1\nkind: convenant\n")
    forms = ["convenant: metaal.yaml", "convenant: 'metaal.yaml'  # the covenant", 'convenant: "./metaal.yaml"']
    for number in range(300):
        (tmp_path / f"eindrapport-{number}.yaml").write_text(f"schema_version: 1\n{forms[number % 3]}\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ver.yaml").write_text("kind: realisation\nconvenant: ../metaal.yaml\n")
    (tmp_path / "cases").mkdir()
    (tmp_path / "cases" / "geval.yaml").write_text("kind: case\nsettle: [../metaal.yaml]\nrealisation:\n"
                                                   "  - ../eindrapport-7.yaml\n")
    for number in range(100):
        (tmp_path / f"other-{number}.yaml").write_text("name: x\nconvenant_of: metaal.yaml\n")
    found = find_dependants([covenant], Roots(tmp_path))
    assert found.complete
    assert len(found.refers_to) == 302  # 300 + sub/ver.yaml + the case
    assert found.refers_to[(tmp_path / "sub" / "ver.yaml").resolve()] == covenant.resolve()
    assert found.refers_to[(tmp_path / "cases" / "geval.yaml").resolve()] == covenant.resolve()
    # the case refers to eindrapport-7 too: changing only that one brings in the case
    only_seven = find_dependants([tmp_path / "eindrapport-7.yaml"], Roots(tmp_path))
    assert list(only_seven.refers_to) == [(tmp_path / "cases" / "geval.yaml").resolve()]
    # a root too large to walk whole says so instead of taking minutes
    assert not find_dependants([covenant], Roots(tmp_path), limit=50).complete


# -- standard input ----------------------------------------------------------------------------

def test_standard_input_is_one_file_named_stdin(run_cli):
    result = run_cli("validate", "-", input=GROUPS.read_bytes())
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:10:14: error[CV201]: Art. 1: the beneficiaries' amounts do not add up "
                                    "to max_subsidy\n   10 | max_subsidy: 424000.00\n")
    assert result.stderr == "1 file checked: 1 error, 1 warning\n"


def test_standard_input_refers_from_the_current_folder(run_cli, monkeypatch):
    monkeypatch.chdir(EXAMPLES)
    # its `convenant: ../metaal-2023-2025.yaml` is read from the current folder
    result = run_cli("validate", "-", input=(EXAMPLES / "metaal-2023-2025-realisatie.yaml").read_bytes())
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr == "2 files checked: 0 errors, 0 warnings\n"  # stdin, and the covenant it names


def test_standard_input_twice_is_a_usage_error(run_cli):
    result = run_cli("validate", "-", "-", input=b"")
    assert result.exit_code == 2
    assert "- (standard input) given more than once" in result.stderr


# -- report formats ---------------------------------------------------------------------------

def test_sarif_is_valid_sarif_2_1_0(run_cli):
    import jsonschema

    # the OASIS schema of SARIF 2.1.0 (oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())
    result = run_cli("validate", "--format", "sarif", BAD_IBAN, GROUPS)
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    run = log["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == ["CV201", "CV203", "CV206"]
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in run["results"]] == [
        ("CV206", 2, "error"), ("CV201", 0, "error"), ("CV203", 1, "warning")]
    iban = run["results"][0]["locations"][0]["physicalLocation"]
    assert iban["artifactLocation"] == {"uri": "tests/data/invalid/bad-iban.yaml", "uriBaseId": "%SRCROOT%"}
    # `BE44 0689 4207 5546` is 19 characters from column 15: SARIF's endColumn is the one after it
    assert iban["region"] == {"startLine": 26, "startColumn": 15, "endLine": 26, "endColumn": 34}
    assert run["results"][1]["message"]["text"].endswith("\nexpected 424000.00, computed 424000.02")
    # the schema does catch a wrong report
    log["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        validator(schema).validate(log)


def test_gitlab_code_quality_report(run_cli, tmp_path, monkeypatch):
    result = run_cli("validate", "--format", "gitlab", BAD_IBAN, GROUPS)
    assert result.exit_code == 1
    issues = json.loads(result.stdout)
    assert [(i["check_name"], i["severity"], i["location"]) for i in issues] == [
        ("CV206", "major", {"path": "tests/data/invalid/bad-iban.yaml", "lines": {"begin": 26, "end": 26}}),
        ("CV201", "major", {"path": "tests/data/invalid/group-amounts.yaml", "lines": {"begin": 10, "end": 10}}),
        ("CV203", "minor", {"path": "tests/data/invalid/group-amounts.yaml", "lines": {"begin": 12, "end": 12}}),
    ]
    assert issues[1]["description"] == "[CV201] Art. 1: the beneficiaries' amounts do not add up to max_subsidy"
    assert len({i["fingerprint"] for i in issues}) == 3
    # the same problem two lines lower (a comment added above it) keeps its fingerprint
    moved = tmp_path / "tests" / "data" / "invalid"
    moved.mkdir(parents=True)
    (moved / "bad-iban.yaml").write_text("# one\n# two\n" + BAD_IBAN.read_text())
    monkeypatch.chdir(tmp_path)
    again = json.loads(run_cli("validate", "--format", "gitlab", "tests/data/invalid/bad-iban.yaml").stdout)
    assert again[0]["location"]["lines"]["begin"] == 28
    assert again[0]["fingerprint"] == issues[0]["fingerprint"]



def test_junit_fails_errors_and_keeps_warnings_unless_strict(run_cli):
    result = run_cli("validate", "--format", "junit", BAD_IBAN, GROUPS, CONVENANTS / "metaal-2023-2025.yaml",
                     "--no-dependants")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "2")
    suites = {suite.get("name"): suite for suite in root}
    assert list(suites) == ["tests/data/invalid/bad-iban.yaml", "tests/data/invalid/group-amounts.yaml",
                            "convenants/metaal-2023-2025.yaml"]  # as given
    clean = suites["convenants/metaal-2023-2025.yaml"]
    assert [(case.get("name"), list(case)) for case in clean.iter("testcase")] == [("valid", [])]
    groups = suites["tests/data/invalid/group-amounts.yaml"]
    (failing,) = groups.iter("testcase")
    assert failing.get("name") == "CV201 10:14"
    assert failing.find("failure").get("message") == ("[CV201] Art. 1: the beneficiaries' amounts do not add up "
                                                       "to max_subsidy")
    assert groups.find("system-out").text.startswith("tests/data/invalid/group-amounts.yaml:12:1: warning[CV203]")
    strict = ET.fromstring(run_cli("validate", "--format", "junit", "--strict", GROUPS).stdout)
    assert (strict.get("tests"), strict.get("failures")) == ("2", "2")


def test_azure_logging_commands_cannot_be_ended_by_text_from_a_file(run_cli, tmp_path):
    evil = tmp_path / "a;b]c%.yaml"
    evil.write_text("schema_version: 1\nkind: convenant\n'x]\\n##vso[task.complete result=Succeeded]': 1\n")
    result = run_cli("validate", "--format", "azure", evil, GROUPS)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert all(line.startswith("##vso[task.logissue type=") for line in lines)
    assert lines[-2] == ("##vso[task.logissue type=error;sourcepath=tests/data/invalid/group-amounts.yaml;"
                         "linenumber=10;columnnumber=14;code=CV201;][CV201] Art. 1: the beneficiaries' amounts do not "
                         "add up to max_subsidy%0Ahint: each member receives its group's amount_each (a: 1 × "
                         "212.000,00; b: 2 × 106.000,01)%0Aexpected 424000.00, computed 424000.02")
    assert "sourcepath=" in lines[0] and "a%3Bb%5Dc%AZP25.yaml;linenumber=" in lines[0]
    assert "##vso[task.complete" not in "".join(line.split("]", 1)[0] for line in lines)


def test_github_annotation_spans_the_value(run_cli):
    result = run_cli("validate", "--format", "github", GROUPS)
    assert result.stdout.splitlines() == [
        "::error file=tests/data/invalid/group-amounts.yaml,line=10,col=14,endLine=10,endColumn=23,title=CV201::"
        "[CV201] Art. 1: the beneficiaries' amounts do not add up to max_subsidy%0Ahint: each member receives its "
        "group's amount_each (a: 1 × 212.000,00; b: 2 × 106.000,01)%0Aexpected 424000.00, computed 424000.02",
        # a problem of a whole mapping has no end: one line
        "::warning file=tests/data/invalid/group-amounts.yaml,line=12,col=1,title=CV203::[CV203] the groups cost "
        "different amounts per FTE (a: 106.000,00; b: 106.000,01)%0Ahint: check amount_each and fte_each against "
        "Art. 1",
    ]


# -- --output ------------------------------------------------------------------------------------

def test_output_writes_the_report_to_a_file_and_never_over_one(run_cli, tmp_path):
    out = tmp_path / "gl-code-quality-report.json"
    result = run_cli("validate", "--format", "gitlab", "--output", out, GROUPS)
    assert (result.exit_code, result.stdout) == (1, "")
    assert [issue["check_name"] for issue in json.loads(out.read_text())] == ["CV201", "CV203"]
    assert result.stderr == f"1 file checked: 1 error, 1 warning\nconvenant: note: written: {out}\n"
    again = run_cli("validate", "--format", "gitlab", "--output", out, BAD_IBAN)
    assert again.exit_code == 2
    assert f"{out}: exists; not overwritten" in again.stderr
    assert [issue["check_name"] for issue in json.loads(out.read_text())] == ["CV201", "CV203"]
    forced = run_cli("validate", "--format", "gitlab", "--output", out, "--force", BAD_IBAN)
    assert forced.exit_code == 1
    assert [issue["check_name"] for issue in json.loads(out.read_text())] == ["CV206"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gl-code-quality-report.json"]  # no temporary file left


def test_output_never_replaces_a_file_being_checked(run_cli, tmp_path):
    covenant = tmp_path / "metaal.yaml"
    shutil.copy(CONVENANTS / "metaal-2023-2025.yaml", covenant)
    before = covenant.read_bytes()
    result = run_cli("validate", "--output", covenant, "--force", covenant)
    assert result.exit_code == 2
    assert "is one of the files being checked" in result.stderr
    assert covenant.read_bytes() == before


# -- paths, help and colour ------------------------------------------------------------------------

def test_paths_are_shown_relative_to_the_current_folder(run_cli, monkeypatch):
    monkeypatch.chdir(CONVENANTS)
    for given in (BAD_IBAN, "../tests/data/invalid/bad-iban.yaml", "../tests/data/invalid/../invalid/bad-iban.yaml"):
        result = run_cli("validate", "--format", "json", given)
        assert [d["file"] for d in json.loads(result.stdout)] == ["../tests/data/invalid/bad-iban.yaml"]


def test_help_reads_as_a_command_lines_help(run_cli):
    root = run_cli("--help").stdout
    assert "--install-completion" in root
    for command in ("validate", "settle", "diff", "test", "schema"):
        text = run_cli(command, "--help").stdout
        assert "<bool>" not in text and "list[" not in text and "{" not in text, command
    validate = run_cli("validate", "--help").stdout
    assert "validate [OPTIONS] PATH..." in validate  # `convenant validate`, `root validate` in a test runner
    assert re.search(r"--strict\s+Warnings fail too\.", validate)
    assert re.search(r"-o, --output FILE\s+Write the report", validate)
    assert "diff [OPTIONS] OLD NEW" in run_cli("diff", "--help").stdout


def test_h_is_help_too(run_cli):
    assert run_cli("-h").stdout == run_cli("--help").stdout
    for command in ("validate", "settle", "diff", "test", "new", "import", "schema"):
        short = run_cli(command, "-h")
        assert short.exit_code == 0 and short.stdout == run_cli(command, "--help").stdout, command
        assert f"{command} [OPTIONS]" in short.stdout, command


def test_a_wrong_choice_names_every_valid_one_with_a_hint(run_cli):
    xlsx = run_cli("settle", "convenants/metaal-2023-2025.yaml", "--format", "xlsx")
    assert xlsx.exit_code == 2 and xlsx.stdout == ""
    message = " ".join(xlsx.stderr.replace("│", " ").split())  # the error box, unwrapped
    assert "Invalid value for '--format': 'xlsx' is not one of: table, json." in message
    assert "hint: the workbook is an option of its own: use --xlsx FILE" in message
    assert "Value error" not in message
    assert "hint: the workbook" in " ".join(run_cli("diff", "a.yaml", "b.yaml", "--format", "XLSX").stderr.split())
    wrong = run_cli("validate", "convenants", "--format", "\x1b[2J[bold]sarif")
    message = " ".join(wrong.stderr.replace("│", " ").split())
    assert wrong.exit_code == 2 and "\x1b" not in wrong.stderr  # what was typed cannot clear the screen
    assert "is not one of: text, json, github, gitlab, sarif, junit, azure." in message
    assert message.count("hint:") == 1  # only the line under every usage error: `-h` lists the options
    kind = " ".join(run_cli("schema", "--kind", "plan").stderr.replace("│", " ").split())
    assert "'plan' is not one of: convenant, addendum, action_plan, realisation, assessment, case." in kind
    assert run_cli("schema", "--kind", "case").exit_code == 0


def test_color_is_asked_for_or_follows_the_environment(run_cli, monkeypatch):
    plain = run_cli("validate", GROUPS).stdout
    assert not ANSI.search(plain)
    coloured = run_cli("validate", "--color", "always", GROUPS).stdout
    assert "\x1b[1;31merror[CV201]\x1b[0m" in coloured and ANSI.sub("", coloured) == plain
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert run_cli("validate", GROUPS).stdout == coloured
    assert run_cli("validate", "--color", "never", GROUPS).stdout == plain
    monkeypatch.setenv("NO_COLOR", "1")
    assert run_cli("validate", GROUPS).stdout == plain
    assert run_cli("validate", "--color", "always", GROUPS).stdout == coloured
    # a report for a file or a machine is never coloured, and neither is a table on request
    assert not ANSI.search(run_cli("validate", "--color", "always", "--format", "json", GROUPS).stdout)
    table = run_cli("settle", CONVENANTS / "metaal-2023-2025.yaml", "--color", "always").stdout
    assert ANSI.search(table)
    assert not ANSI.search(run_cli("settle", CONVENANTS / "metaal-2023-2025.yaml", "--color", "never").stdout)


def test_shell_completion_offers_commands_options_and_choices():
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    def complete(words: str) -> list[str]:
        cword = str(len(words.split(" ")) - 1)
        env = {"_CONVENANT_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": cword}
        return CliRunner().invoke(app, [], env=env, prog_name="convenant").stdout.split()

    assert complete("convenant se") == ["settle"]
    assert complete("convenant validate --fo") == ["--format", "--force"]
    assert complete("convenant validate --format ") == ["text", "json", "github", "gitlab", "sarif", "junit", "azure"]
