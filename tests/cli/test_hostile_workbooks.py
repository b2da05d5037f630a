"""Workbooks from outside stay harmless: a zip bomb, XML entities (billion laughs, external),
a sheet of a million rows, shared text out of range, macros and a password are each refused
with a clear message and exit 2, never a traceback. The work is bounded by limits checked
before any XML is parsed (the zip's declared sizes, a sheet's declared dimension), or by the
row limit while reading: the tests count what was read, never the clock."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from convenant_cli.reading import workbook_file
from tests.conftest import CONVENANTS

SHEET = "xl/worksheets/sheet4.xml"  # Afwezigheden (after Uitleg, Resultaten, Consulenten)
BILLION_LAUGHS = (b'<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
                  b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>')


@pytest.fixture
def template(tmp_path, monkeypatch, run_cli) -> Path:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "leeg.xlsx").exit_code == 0
    return tmp_path / "leeg.xlsx"


def rewritten(source: Path, target: Path, changes: dict[str, bytes | None]) -> Path:
    """A copy of the workbook with parts replaced (bytes), added, or left out (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for item in old.infolist():
            if item.filename not in changes:
                new.writestr(item, old.read(item.filename))
        for name, data in changes.items():
            if data is not None:
                new.writestr(name, data)
    return target


def _refused(run_cli, path: Path, *expected: str) -> str:
    result = run_cli("import", path.name)
    assert result.exit_code == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    for text in expected:
        assert text in result.stderr, result.stderr
    return result.stderr


@pytest.fixture
def openpyxl_calls(monkeypatch) -> list[Path]:
    """Each workbook openpyxl was asked to open: a refusal before it opens one reads no XML."""
    import openpyxl

    opened: list[Path] = []
    real = openpyxl.load_workbook

    def counting(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        opened.append(path)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    return opened


def test_a_zip_bomb_is_refused_from_the_zip_directory(run_cli, template, openpyxl_calls):
    # 17 MiB of zeros inflate from a few kilobytes: over the 16 MiB a part may hold
    bomb = rewritten(template, template.parent / "bom.xlsx", {"xl/media/image1.png": bytes(17 * 1024 * 1024)})
    assert bomb.stat().st_size < 100_000
    _refused(run_cli, bomb, "bom.xlsx: unpacks to more than an eindrapport workbook can hold (xl/media/image1.png)")
    assert openpyxl_calls == []


def test_a_billion_laughs_in_the_prolog_is_refused_before_parsing(run_cli, template, openpyxl_calls):
    with zipfile.ZipFile(template) as book:
        sheet = book.read(SHEET)
    laughing = sheet.replace(b"?>\n", b"?>\n" + BILLION_LAUGHS, 1).replace(b"<c ", b"<c ", 1)
    path = rewritten(template, template.parent / "lachen.xlsx", {SHEET: laughing})
    _refused(run_cli, path, f"lachen.xlsx: the part {SHEET} declares XML entities; they are never expanded")
    assert openpyxl_calls == []


def test_entities_behind_a_long_comment_are_refused_by_the_parser(run_cli, template):
    # a DTD may follow a comment of any length: past the prolog check, defusedxml refuses it
    with zipfile.ZipFile(template) as book:
        sheet = book.read(SHEET)
    external = b'<!DOCTYPE x [<!ENTITY ext SYSTEM "file:///etc/passwd">]>'
    hidden = sheet.replace(b"?>\n", b"?>\n<!--" + b"x" * 5000 + b"-->" + external, 1)
    hidden = hidden.replace(b"</sheetData>", b'<row r="2"><c r="A2" t="inlineStr"><is><t>&ext;</t></is></c></row>'
                                             b"</sheetData>", 1)
    path = rewritten(template, template.parent / "extern.xlsx", {SHEET: hidden})
    stderr = _refused(run_cli, path, "extern.xlsx: cannot read this workbook (XML entities, which are never expanded)")
    assert "root:" not in stderr


def test_a_million_rows_are_refused_from_the_sheets_dimension(run_cli, template, openpyxl_calls):
    with zipfile.ZipFile(template) as book:
        sheet = book.read(SHEET)
    huge = sheet.replace(b'<dimension ref="A1:H1"/>', b'<dimension ref="A1:H1000000"/>', 1)
    assert huge != sheet
    path = rewritten(template, template.parent / "miljoen.xlsx", {SHEET: huge})
    _refused(run_cli, path, "miljoen.xlsx: the sheet Afwezigheden declares 1 000 000 rows; an eindrapport holds at "
                            "most 20 000 rows a sheet")
    assert openpyxl_calls == []


def test_rows_past_the_limit_are_not_read_when_the_sheet_hides_its_size(run_cli, template, monkeypatch,
                                                                       openpyxl_calls):
    # no dimension: the rows are counted before any is read (the limit lowered to keep the test small)
    monkeypatch.setattr(workbook_file, "MAX_ROWS", 50)
    with zipfile.ZipFile(template) as book:
        sheet = book.read(SHEET)
    rows = b"".join(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>x</t></is></c></row>' % (n, n)
                    for n in range(2, 5000))
    many = sheet.replace(b'<dimension ref="A1:H1"/>', b"", 1).replace(b"</sheetData>", rows + b"</sheetData>", 1)
    path = rewritten(template, template.parent / "veel.xlsx", {SHEET: many})
    _refused(run_cli, path, "veel.xlsx: the sheet Afwezigheden holds more than 50 rows; an eindrapport holds at most "
                            "50 rows a sheet")
    assert openpyxl_calls == []  # not one of the 5.000 rows was parsed


def test_shared_text_out_of_range_is_refused(run_cli, template):
    with zipfile.ZipFile(template) as book:
        sheet = book.read(SHEET)
    broken = sheet.replace(b"</sheetData>", b'<row r="2"><c r="A2" t="s"><v>999</v></c></row></sheetData>', 1)
    path = rewritten(template, template.parent / "tekst.xlsx", {SHEET: broken})
    _refused(run_cli, path, "tekst.xlsx: cannot read this workbook (shared text out of range)",
             "open it in Excel and save it again")


def test_a_workbook_with_macros_is_refused(run_cli, template, openpyxl_calls):
    path = rewritten(template, template.parent / "macro.xlsm", {"xl/vbaProject.bin": b"\x00" * 64})
    _refused(run_cli, path, "macro.xlsm: a workbook with macros; a workbook from outside is never opened with its "
                            "macros")
    with zipfile.ZipFile(template) as book:
        types = book.read("[Content_Types].xml")
    enabled = types.replace(b"spreadsheetml.sheet.main+xml", b"ms-excel.sheet.macroEnabled.main+xml")
    assert enabled != types
    path = rewritten(template, template.parent / "macro2.xlsx", {"[Content_Types].xml": enabled})
    _refused(run_cli, path, "a workbook with macros")
    assert openpyxl_calls == []


def test_a_password_protected_workbook_is_refused(run_cli, template, openpyxl_calls):
    # Excel keeps an encrypted workbook in an OLE compound file, as an old .xls is kept
    path = template.parent / "geheim.xlsx"
    path.write_bytes(workbook_file.OLE + b"\x00" * 4092)
    _refused(run_cli, path, "geheim.xlsx: a password-protected workbook, or an old Excel file (.xls)",
             "without a password")
    assert openpyxl_calls == []


def test_every_refusal_reads_only_bounded_bytes():
    """The limits that bound the work, as the rulebook of untrusted input states them."""
    assert workbook_file.MAX_PART_BYTES * 4 == workbook_file.MAX_UNPACKED_BYTES <= 64 * 1024 * 1024
    assert workbook_file.MAX_ROWS * 20 == workbook_file.MAX_CELLS
