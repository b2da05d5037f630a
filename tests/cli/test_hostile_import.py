"""`convenant import` is no door (issue of 2026-12-07): a workbook names no path that is read,
every row it holds is read whatever its declared dimension says, a sheet larger than an
eindrapport is refused by its name before a row is parsed, and a sheet of wrong rows is told in
a screenful. Work is bounded by what was read or counted, never by the clock."""

from __future__ import annotations

import re
import shutil
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from convenant_cli.loading.workspace import Workspace
from convenant_cli.reading.workbook_file import sheet_names
from tests.cli import test_hostile_workbooks
from tests.cli.test_import import _fill_as_a_sector
from tests.conftest import CONVENANTS, settlement

COVENANT = "convenants/metaal-2023-2025.yaml"
REPORT = "convenants/examples/metaal-2023-2025-realisatie.yaml"
SECRET = "geheim: dit mag nooit verschijnen"

openpyxl_calls = test_hostile_workbooks.openpyxl_calls  # a fixture: each workbook openpyxl was asked to open
_opened: list[str] | None = None  # while a test watches: every file the process opens


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _opened is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _opened.append(str(args[0]))


sys.addaudithook(_audit)  # an audit hook cannot be removed; it records nothing unless a test watches


@pytest.fixture
def opened():
    global _opened
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


@pytest.fixture
def project(tmp_path, monkeypatch, run_cli) -> Path:
    """A project (the current folder) with the bundled convenants, a secret file two folders up,
    and the Metaal template filled in as a sector would (tests/cli/test_import.py)."""
    root = tmp_path / "a" / "project"
    shutil.copytree(CONVENANTS, root / "convenants")
    (tmp_path / "secret.txt").write_text(SECRET + "\n", encoding="utf-8")
    monkeypatch.chdir(root)
    assert run_cli("new", "realisation", COVENANT, "--xlsx", "w.xlsx").exit_code == 0
    _fill_as_a_sector(root / "w.xlsx", Workspace().load(root / REPORT).model)
    return root


def _edited(path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    book = load_workbook(path)
    edit(book)
    book.save(path)


def _part(path: Path, sheet: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(part for part, name in sheet_names(archive).items() if name == sheet)


def _rewritten(path: Path, part: str, change) -> None:  # type: ignore[no-untyped-def]
    """The workbook with one part's XML changed (as a hand-edited or hostile file would be)."""
    with zipfile.ZipFile(path) as old:
        items = [(item, old.read(item.filename)) for item in old.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for item, data in items:
            new.writestr(item, change(data) if item.filename == part else data)


def _dimension(data: bytes, ref: bytes) -> bytes:
    changed = re.sub(rb'<dimension ref="[^"]*" ?/>', b'<dimension ref="' + ref + b'"/>', data, count=1)
    assert changed != data
    return changed


# 1. The workbook's covenant path is never read


@pytest.mark.parametrize("path", ["../../secret.txt", "../../../../etc/passwd", "/etc/passwd"])
def test_a_path_in_the_workbook_is_never_read(run_cli, project, opened, path):
    expected = run_cli("import", "w.xlsx").stdout

    def old_layout(book):  # as 0.6.1 wrote it: the path in B1, the id in B3, the column Oordeel auditor
        about = book["Convenant"]
        about["A1"], about["B1"], about["A3"], about["B3"] = "Convenant", path, "Id", "metaal-2023-2025"
        book["Resultaten"]["F1"] = "Oordeel auditor"

    _edited(project / "w.xlsx", old_layout)
    opened.clear()
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert result.stdout == expected  # found by its id, the path ignored
    target = (project / path).resolve()
    assert not any(Path(name).resolve() == target for name in opened)
    assert SECRET not in result.stdout + result.stderr and "root:" not in result.stdout + result.stderr


@pytest.mark.parametrize("path", ["../../secret.txt", "/etc/passwd"])
def test_a_path_given_as_the_id_is_an_id_not_found(run_cli, project, opened, path):
    _edited(project / "w.xlsx", lambda book: setattr(book["Convenant"]["B1"], "value", path))
    opened.clear()
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2
    assert f"w.xlsx is the eindrapport of {path}; no covenant or addendum with that id" in result.stderr
    assert "--convenant FILE" in result.stderr
    target = (project / path).resolve()
    assert not any(Path(name).resolve() == target for name in opened)
    assert SECRET not in result.stdout + result.stderr and "root:" not in result.stdout + result.stderr


# 2. Every row the sheet holds is read, whatever its dimension declares


def test_rows_beyond_the_declared_dimension_are_read(run_cli, project):
    before = run_cli("settle", COVENANT, "-r", REPORT, "--format", "json").stdout
    workbook = project / "w.xlsx"
    advances = _part(workbook, "Voorschotten")
    # Voorschotten rows 2-9: the last, 0474.431.354's advance of 26.500,00, lies beyond A1:D8
    assert load_workbook(workbook)["Voorschotten"]["D9"].value == 26500.0
    _rewritten(workbook, advances, lambda data: _dimension(data, b"A1:D8"))
    # Afwezigheden declared A1:H2 (one absence of its eight), and one more absence at row 15.000
    _edited(workbook, lambda book: [book["Afwezigheden"].cell(15000, column, value) for column, value in
                                    enumerate(["0409.845.289", "Consulent A", date(2025, 5, 5), date(2025, 5, 6),
                                               "tijdskrediet"], 1)])
    _rewritten(workbook, _part(workbook, "Afwezigheden"), lambda data: _dimension(data, b"A1:H2"))
    result = run_cli("import", "w.xlsx", "-o", "terug.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (project / "terug.yaml").read_text(encoding="utf-8")
    assert "amount: 26500.00" in text
    assert text.count("reason: ") == 9  # the 8 absences of the example and the one at row 15.000
    assert "{start: 2025-05-05, end: 2025-05-06, reason: \"time_credit\"}" in text
    assert "rows read: Resultaten 5 rows, Consulenten 15 rows, Afwezigheden 9 rows, Voorschotten 8 rows, " \
           "Kosten 5 rows" in result.stderr
    # without the absence added, the figures of the example: the advance of 26.500,00 counted
    without_extra = text.replace("          - {start: 2025-05-05, end: 2025-05-06, reason: \"time_credit\"}\n", "")
    assert without_extra != text
    (project / "terug.yaml").write_text(without_extra, encoding="utf-8")
    after = run_cli("settle", COVENANT, "-r", "terug.yaml", "--format", "json").stdout
    assert settlement(after)["totals"] == settlement(before)["totals"]


# 8. Bounded: a sheet larger than an eindrapport is refused by its name before a row is read


def _many_rows(data: bytes, rows: int, first: int = 2) -> bytes:
    """The sheet without its dimension, and `rows` more rows from row `first`, each with an x in A."""
    cells = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                     for n in range(first, first + rows))
    data = re.sub(rb'<dimension ref="[^"]*" ?/>', b"", data, count=1)
    return data.replace(b"</sheetData>", cells + b"</sheetData>", 1)


def _numbers(data: bytes, rows: int) -> bytes:
    """The sheet without its dimension, and `rows` more rows from row 20, each holding its number."""
    data = re.sub(rb'<dimension ref="[^"]*" ?/>', b"", data, count=1)
    cells = b"".join(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (n, n, n) for n in range(20, 20 + rows))
    return data.replace(b"</sheetData>", cells + b"</sheetData>", 1)


def test_a_sheet_of_250_000_rows_without_a_dimension_is_refused_by_its_name(run_cli, project, openpyxl_calls):
    workbook = project / "w.xlsx"
    _rewritten(workbook, _part(workbook, "Afwezigheden"), lambda data: _numbers(data, 250_000))
    assert workbook.stat().st_size < 2_000_000  # under every limit of the zip: only its rows are too many
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "w.xlsx: the sheet Afwezigheden holds more than 20 000 rows; an eindrapport holds at most 20 000 rows " \
           "a sheet" in result.stderr
    assert openpyxl_calls == [] and result.stdout == ""  # refused before any XML was parsed


def test_one_row_numbered_past_the_limit_is_refused_too(run_cli, project, openpyxl_calls):
    # a reader walks every empty row up to it: row 250.000 alone is 250.000 rows of work
    workbook = project / "w.xlsx"
    _rewritten(workbook, _part(workbook, "Kosten"), lambda data: _many_rows(data, 1, first=250_000))
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2 and "the sheet Kosten holds more than 20 000 rows" in result.stderr
    assert openpyxl_calls == []


def test_a_declared_dimension_past_the_limit_names_its_sheet(run_cli, project, openpyxl_calls):
    workbook = project / "w.xlsx"
    _rewritten(workbook, _part(workbook, "Voorschotten"), lambda data: _dimension(data, b"A1:D1000000"))
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2
    assert "w.xlsx: the sheet Voorschotten declares 1 000 000 rows; an eindrapport holds at most 20 000 rows a " \
           "sheet" in result.stderr
    assert openpyxl_calls == []


def test_a_sheet_of_wrong_rows_is_told_in_50_problems_and_a_count(run_cli, project):
    # 300 rows whose enterprise number is no number and whose Soort is empty: 600 problems, 50 shown
    workbook = project / "w.xlsx"
    _rewritten(workbook, _part(workbook, "Kosten"), lambda data: _many_rows(data, 300, first=7))  # after its 5 rows
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 1
    shown = [line for line in result.stderr.splitlines() if line.startswith("w.xlsx:Kosten!")]
    assert len(shown) == 50 and shown[0].startswith("w.xlsx:Kosten!A7: error[CV207]: invalid enterprise number")
    assert "w.xlsx:Kosten: 550 more problems not shown" in result.stderr
    assert "1 file checked: 600 errors, 0 warnings" in result.stderr  # every problem is counted


# Issue 39, point 2: the summary validate gives, and the rows read


def test_import_says_what_validate_says_and_the_rows_it_read(run_cli, project, dutch):
    _edited(project / "w.xlsx", lambda book: [setattr(book["Voorschotten"]["D2"], "value", "196100"),
                                              setattr(book["Kosten"]["A2"], "value", "0409.845.288")])
    failed = run_cli("import", "w.xlsx")
    assert failed.exit_code == 1
    # Voorschotten!D2 a number typed as text, Kosten!A2 a wrong check digit
    assert failed.stderr.splitlines()[-1] == "1 bestand gecontroleerd: 2 fouten, 0 waarschuwingen"
    assert "rijen" not in failed.stderr  # no rows read: nothing was written
    _edited(project / "w.xlsx", lambda book: [setattr(book["Voorschotten"]["D2"], "value", 196100.0),
                                              setattr(book["Kosten"]["A2"], "value", "0474.431.354")])
    read = run_cli("import", "w.xlsx", "-o", "eindrapport.yaml")
    assert read.exit_code == 0
    assert read.stderr.splitlines()[:2] == [
        "1 bestand gecontroleerd: 0 fouten, 0 waarschuwingen",
        "gelezen rijen: Resultaten 5 rijen, Consulenten 15 rijen, Afwezigheden 8 rijen, Voorschotten 8 rijen, "
        "Kosten 5 rijen"]
