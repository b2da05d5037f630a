"""`convenant new`: the files a sector or an auditor starts from. A skeleton lists what the
agreement asks for and fails `validate` on each empty value, on its own line; filled in as a
sector would, it settles as the example eindrapport does; a new case passes `convenant test`."""

from __future__ import annotations

import re
import shutil

import pytest

from tests.conftest import CONVENANTS, ROOT, judging, settlement

METAAL = "convenants/metaal-2023-2025.yaml"


@pytest.fixture
def sector(tmp_path, monkeypatch, run_cli):
    """A project with the bundled files, the current folder."""
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _error_lines(output: str) -> set[int]:
    return {int(line) for line in re.findall(r"^eind\.yaml:([0-9]+):[0-9]+: error\[", output, re.M)}


def test_a_skeleton_lists_every_beneficiary_and_target_and_fails_on_each_empty_value(run_cli, sector):
    result = run_cli("new", "realisation", METAAL, "-o", "eind.yaml")
    assert result.exit_code == 0, result.stderr
    text = (sector / "eind.yaml").read_text()
    # Art. 1: eight beneficiaries (1 + 4 + 1 + 2 members of groups a, b, c and d)
    assert len(re.findall(r"^  - beneficiary: ", text, re.M)) == 8 and "0409.845.289  # INOM vzw" in text
    # R1 and R3 each have a target in work years 1 and 2: four targets; R2 is qualitative
    assert text.count("        value:  # measured value") == 4
    assert text.count('indicator: "bedrijfsbezoeken"') == 2 and text.count('indicator: "opgeleide werkzoekenden"') == 2
    # the sector says where the eindrapport reports on R2; whether it was achieved is the auditor's
    # to judge, and the sector's own view of it is optional (a comment)
    assert "  R2:  # Intersectorale samenwerking\n    note:" in text and "    # achieved: true  #" in text
    empty = {number for number, line in enumerate(text.splitlines(), 1)
             if re.match(r"^ *(value|achieved|note|consultants):( |$)", line)}
    assert len(empty) == 4 + 1 + 8
    validate = run_cli("validate", "eind.yaml")
    assert validate.exit_code == 1
    assert _error_lines(validate.stdout) == empty  # every empty value, each on its own line, nothing else


def test_an_eindrapport_skeleton_shows_the_cost_statement_in_a_comment_that_reads_when_uncommented(run_cli, sector):
    run_cli("new", "realisation", METAAL, "-o", "eind.yaml")
    text = (sector / "eind.yaml").read_text()
    example = text[text.index("# costs:"):]
    assert example == (
        "# costs:\n"
        "#   - beneficiary: 0409.845.289  # INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende "
        "Nijverheid\n"
        "#     lines:\n"
        "#       - {kind: wage, consultant: Consulent A, from: 2023-07-01, to: 2023-12-31, amount: 31250.00, "
        "reference: loonstaat 2023}\n"
        "#       - {kind: operating, date: 2023-07-01, amount: 1200.00, reference: factuur 2023-001}\n")
    facts = (sector / "convenants" / "examples" / "metaal-2023-2025-realisatie.yaml").read_text()
    facts = facts[:facts.index("costs:")]  # the example's own cost statement and total left out
    (sector / "convenants" / "examples" / "eind.yaml").write_text(
        facts + "\n".join(line[2:] for line in example.splitlines()) + "\n")
    result = run_cli("settle", "convenants/metaal-2023-2025.yaml", "-r", "convenants/examples/eind.yaml",
                     "--format", "json")
    assert result.exit_code == 0, result.stdout
    [inom] = [line for line in settlement(result.stdout)["beneficiaries"] if line["enterprise_number"] == "0409845289"]
    # both lines fall in the term: 31.250,00 + 1.200,00 = 32.450,00 caps INOM's payable amount (348.255,68)
    assert (inom["costs"]["eligible"], inom["payable"]) == ("32450.00", "32450.00")


def test_a_progress_report_skeleton_has_no_cost_statement(run_cli, sector):
    result = run_cli("new", "realisation", METAAL, "--as-of", "2024-09-30")
    assert result.exit_code == 0 and "costs:" not in result.stdout


def test_the_skeleton_filled_as_a_sector_would_settles_as_the_example(run_cli, sector):
    run_cli("new", "realisation", METAAL, "-o", "eind.yaml")
    example = (sector / "convenants" / "examples" / "metaal-2023-2025-realisatie.yaml").read_text()
    facts = example[example.index("staffing:"):]  # the consultants and advances as the sector reports them
    text = (sector / "eind.yaml").read_text()
    measured = iter(["214", "188", "312", "305"])  # R1 year 1 and 2, R3 year 1 and 2, from the example
    text = re.sub(r"value:  # measured value[^\n]*", lambda _: f"value: {next(measured)}", text)
    text = text.replace("    # achieved: true  #", "    achieved: true  #").replace(
        "    note:  # where the eindrapport reports on it, e.g. Eindrapport p. 12",
        "    note: Eindrapport p. 14")
    text = text[:text.index("staffing:")] + facts
    (sector / "eind.yaml").write_text(text)
    assert run_cli("validate", "eind.yaml").exit_code == 0
    judged = (sector / "convenants" / "examples" / "metaal-2023-2025-beoordeling.yaml").read_text()
    (sector / "beoordeling.yaml").write_text(judging(judged.replace("realisation: metaal-2023-2025-realisatie.yaml",
                                                                    "realisation: eind.yaml"), sector / "eind.yaml"))
    filled = settlement(run_cli("settle", METAAL, "-r", "eind.yaml", "--assessment", "beoordeling.yaml",
                                "--format", "json").stdout)
    example_run = settlement(run_cli("settle", METAAL, "-r", "convenants/examples/metaal-2023-2025-realisatie.yaml",
                                     "--assessment", "convenants/examples/metaal-2023-2025-beoordeling.yaml",
                                     "--format", "json").stdout)
    # hand-worked in test_settle.py: 1.022.559,87 payable, 439.559,87 still to pay
    assert filled["totals"] == example_run["totals"] and filled["totals"]["payable"] == "1022559.87"


def test_new_never_overwrites_without_force(run_cli, sector):
    (sector / "eind.yaml").write_text("mijn werk\n")
    refused = run_cli("new", "realisation", METAAL, "-o", "eind.yaml")
    assert refused.exit_code == 2 and "exists; not overwritten" in refused.stderr
    assert (sector / "eind.yaml").read_text() == "mijn werk\n"
    assert run_cli("new", "realisation", METAAL, "-o", "eind.yaml", "--force").exit_code == 0
    assert (sector / "eind.yaml").read_text().startswith("# Eindrapport for")
    into_input = run_cli("new", "realisation", METAAL, "-o", METAAL, "--force")
    assert into_input.exit_code == 2 and "never replaced" in into_input.stderr


def test_without_output_the_skeleton_goes_to_standard_output(run_cli, sector):
    result = run_cli("new", "realisation", METAAL)
    assert result.exit_code == 0 and result.stdout.startswith("# Eindrapport for")
    assert "convenant: convenants/metaal-2023-2025.yaml" in result.stdout  # relative to the current folder


def test_a_new_case_records_the_figures_and_passes(run_cli, sector, dutch):
    result = run_cli("new", "case", "--settle", METAAL, "-r", "convenants/examples/metaal-2023-2025-realisatie.yaml",
                     "--assessment", "convenants/examples/metaal-2023-2025-beoordeling.yaml", "-o", "cases/nieuw.yaml")
    assert result.exit_code == 0, result.stderr
    text = (sector / "cases" / "nieuw.yaml").read_text()
    assert text.startswith("# DEZE CIJFERS ZIJN NU BEREKEND, niet met de hand nagerekend.")
    assert "assessment: [../convenants/examples/metaal-2023-2025-beoordeling.yaml]\n" in text
    assert "  status: settled\n" in text
    assert 'totals: {deduction: "25521.20", effort: "798335.17", result: "228095.77", payable: "1022559.87"' in text
    tested = run_cli("test", "cases/nieuw.yaml")
    assert tested.exit_code == 0, tested.stdout
    assert "1 geval: 1 geslaagd, 0 mislukt" in tested.stdout


@pytest.mark.parametrize("args, empty", [
    # title, sector, period start and end, max_subsidy, fte, amount_each, fte_each, the member's name, number,
    # IBAN and address, the commitment's title, its target's indicator and minimum: 15
    (["new", "convenant", "metaal-2025-2027"], 15),
    # id, title, max_subsidy, amount_each of groups a-d (4), the commitment's title and its text: 9
    (["new", "addendum", "--parent", METAAL], 9),
])
def test_a_new_covenant_or_addendum_fails_on_each_empty_value(run_cli, sector, args, empty):
    result = run_cli(*args, "-o", "eind.yaml")
    assert result.exit_code == 0, result.stderr
    text = (sector / "eind.yaml").read_text()
    validate = run_cli("validate", "eind.yaml")
    assert validate.exit_code == 1
    lines = text.splitlines()
    assert all(re.match(r"^ *-? *[a-z_]+:( +#.*)?$", lines[number - 1]) for number in _error_lines(validate.stdout))
    assert len(_error_lines(validate.stdout)) == empty


def test_the_skeletons_comments_speak_the_language_of_the_run(run_cli, sector, dutch):
    dutch_text = run_cli("new", "realisation", METAAL).stdout
    english = run_cli("new", "--lang", "en", "realisation", METAAL).stdout
    assert dutch_text.startswith("# Eindrapport voor Sectorconvenant 2023-2025 Metaal")
    assert "        value:  # gemeten waarde (minimum 200, werkjaar 1)" in dutch_text
    assert english.startswith("# Eindrapport for Sectorconvenant 2023-2025 Metaal")
    assert "        value:  # measured value (minimum 200, work year 1)" in english
    # the keys and values are the file format's, whatever the language
    strip = re.compile(r"\s*#.*$", re.M)
    assert strip.sub("", dutch_text) == strip.sub("", english)
    for kind in (("convenant", "nieuw"), ("addendum", "--parent", METAAL)):
        assert "# Een " in run_cli("new", *kind).stdout and "# A" in run_cli("new", "--lang", "en", *kind).stdout


def test_a_new_case_on_files_with_errors_shows_them(run_cli, sector):
    bad = sector / "convenants" / "metaal-2023-2025.yaml"
    bad.write_text(bad.read_text(encoding="utf-8").replace("max_subsidy: 1166000.00", "max_subsidy: 1.166.000"),
                   encoding="utf-8")
    result = run_cli("new", "case", "--settle", METAAL, "-o", "cases/nieuw.yaml")
    assert result.exit_code == 1 and result.stdout == ""
    assert "convenants/metaal-2023-2025.yaml:10:14: error[CV106]" in result.stderr  # what "see above" points at
    assert not (sector / "cases" / "nieuw.yaml").exists()
