"""The workbook names its agreement by id and SHA-256, never by a path: it survives the mail.
`import --convenant FILE` says which agreement is meant; without it, the id is looked up among
the project's files. Not found, found twice, another agreement or another version: an error
that says what to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

from convenant_cli.loading.workspace import Workspace
from tests.cli.test_import import _fill_as_a_sector
from tests.conftest import CONVENANTS

COVENANT = "convenants/metaal-2023-2025.yaml"
REPORT = "convenants/examples/metaal-2023-2025-realisatie.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch, run_cli) -> Path:
    """A project folder (the current folder) with the bundled convenants, and beside it a folder
    the workbook travels to."""
    root = tmp_path / "project"
    shutil.copytree(CONVENANTS, root / "convenants")
    (tmp_path / "post").mkdir()
    monkeypatch.chdir(root)
    return root


def _filled(run_cli, project: Path) -> Path:
    """The empty template, filled in as a sector would with openpyxl."""
    assert run_cli("new", "realisation", COVENANT, "--xlsx", "w.xlsx").exit_code == 0
    _fill_as_a_sector(project / "w.xlsx", Workspace().load(project / REPORT).model)
    return project / "w.xlsx"


def test_the_workbook_survives_the_mail(run_cli, project):
    workbook = _filled(run_cli, project)
    book = load_workbook(workbook)
    texts = [str(cell.value) for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if cell.value is not None]
    assert not any("Oordeel auditor" in text for text in texts)  # the sector never writes the auditor's verdict
    assert [cell.value for cell in book["Resultaten"][1]][5] == "Zelfevaluatie"
    before = run_cli("import", "w.xlsx", "-o", "eindrapport.yaml")
    assert before.exit_code == 0, before.stdout + before.stderr
    expected = (project / "eindrapport.yaml").read_text(encoding="utf-8")
    assert "convenant: convenants/metaal-2023-2025.yaml\n" in expected  # relative to the output file
    assert "R2:\n    achieved: true\n    note: \"Eindrapport p. 14 - " in expected  # Zelfevaluatie ja: achieved
    moved = project.parent / "post" / "w.xlsx"
    workbook.rename(moved)
    for option in (["--convenant", COVENANT], []):  # named, or found by its id in the project
        (project / "eindrapport.yaml").unlink()
        after = run_cli("import", moved, "-o", "eindrapport.yaml", *option)
        assert after.exit_code == 0, after.stdout + after.stderr
        assert (project / "eindrapport.yaml").read_text(encoding="utf-8") == expected, option


def test_the_written_path_is_relative_to_the_output_file(run_cli, project):
    _filled(run_cli, project)
    (project / "uit").mkdir()
    assert run_cli("import", "w.xlsx", "-o", "uit/eindrapport.yaml").exit_code == 0
    assert "convenant: ../convenants/metaal-2023-2025.yaml\n" in (project / "uit" / "eindrapport.yaml").read_text()
    assert run_cli("validate", "uit/eindrapport.yaml").exit_code == 0


def test_an_id_not_in_the_project_names_the_option(run_cli, project, tmp_path, monkeypatch):
    _filled(run_cli, project)
    monkeypatch.chdir(tmp_path / "post")  # a folder without the agreement
    result = run_cli("import", "../project/w.xlsx")
    assert result.exit_code == 2
    assert "../project/w.xlsx is the eindrapport of metaal-2023-2025; no covenant or addendum with that id in the " \
           f"project folder {tmp_path / 'post'}" in result.stderr
    assert "--convenant FILE" in result.stderr


def test_an_id_found_twice_names_both_files_and_the_option(run_cli, project):
    _filled(run_cli, project)
    (project / "kopie").mkdir()
    shutil.copy(project / COVENANT, project / "kopie" / "metaal.yaml")
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2
    assert ("w.xlsx is the eindrapport of metaal-2023-2025, and 2 files of the project have that id: "
            "convenants/metaal-2023-2025.yaml, kopie/metaal.yaml") in result.stderr
    assert "--convenant FILE" in result.stderr
    assert run_cli("import", "w.xlsx", "--convenant", COVENANT).exit_code == 0


def test_convenant_must_name_the_agreement_of_the_workbook(run_cli, project):
    _filled(run_cli, project)
    other = run_cli("import", "w.xlsx", "--convenant", "convenants/social-profit-2023-2025.yaml")
    assert other.exit_code == 2
    assert "w.xlsx is the eindrapport of metaal-2023-2025; --convenant convenants/social-profit-2023-2025.yaml is " \
           "social-profit-2023-2025" in other.stderr
    report = run_cli("import", "w.xlsx", "--convenant", REPORT)
    assert report.exit_code == 2
    assert f"{REPORT} is not a covenant or addendum" in report.stderr


def test_a_changed_agreement_is_refused_however_it_is_named(run_cli, project):
    _filled(run_cli, project)
    covenant = project / COVENANT
    covenant.write_text(covenant.read_text(encoding="utf-8") + "# een wijziging\n", encoding="utf-8")
    for option in (["--convenant", COVENANT], []):
        result = run_cli("import", "w.xlsx", *option)
        assert result.exit_code == 2
        assert f"w.xlsx was written for another version of {COVENANT} (its SHA-256 differs)" in result.stderr


def test_an_amended_version_with_the_same_id_is_told_apart_by_the_workbooks_sha256(run_cli, project):
    # the bundled project has amendments/metaal-2023-2025-gewijzigd.yaml beside the covenant: one
    # id, two files; the workbook records the SHA-256 of the one it was written for
    _filled(run_cli, project)
    (project / "amendments").mkdir(exist_ok=True)
    amended = (project / COVENANT).read_text(encoding="utf-8").replace("title: ", "title: Gewijzigd - ", 1)
    (project / "amendments" / "metaal-gewijzigd.yaml").write_text(amended, encoding="utf-8")
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 0, result.stderr
    [named] = [line for line in result.stdout.splitlines() if line.startswith("convenant:")]
    assert named == "convenant: convenants/metaal-2023-2025.yaml", named
