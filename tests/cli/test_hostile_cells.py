"""A workbook's odd cells and damaged bytes, and the environment, never give exit 3 (issue of
2026-12-07, points 7 and 9): a flipped bit is a clear error naming the file, a number of 1e308
or a date past what a date can be is refused at its cell, date serial 60 (Excel's 29-02-1900)
is refused, a number where a date goes is called a number, one mistake is one problem, what
openpyxl warns about is said in the tool's words, and a missing or damaged message catalogue
falls back to English with one warning. And (issue 39, points 1 and 5) a blank employment date
takes the term's day, and the English hint for a date is one English Excel accepts."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from convenant_cli.domain import language
from convenant_cli.loading.workspace import Workspace
from tests.cli.test_import import _fill_as_a_sector
from tests.conftest import CONVENANTS, ROOT, settlement

COVENANT = "convenants/metaal-2023-2025.yaml"
REPORT = "convenants/examples/metaal-2023-2025-realisatie.yaml"


@pytest.fixture
def project(tmp_path, monkeypatch, run_cli) -> Path:
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    assert run_cli("new", "realisation", COVENANT, "--xlsx", "w.xlsx").exit_code == 0
    _fill_as_a_sector(tmp_path / "w.xlsx", Workspace().load(tmp_path / REPORT).model)
    return tmp_path


def _import(run_cli, project: Path, edit, *args: str):  # type: ignore[no-untyped-def]
    book = load_workbook(project / "w.xlsx")
    edit(book)
    book.save(project / "w.xlsx")
    return run_cli("import", "w.xlsx", *args)


def _problems(stdout: str) -> list[str]:
    return [line for line in stdout.splitlines() if line.startswith("w.xlsx:")]


# 7. No exit 3 on a damaged file


def _flipped(source: Path, target: Path, part: str, where: float) -> Path:
    """A copy with one bit flipped in `part`'s compressed bytes, at `where` (0-1) of them."""
    data = bytearray(source.read_bytes())
    info = zipfile.ZipFile(source).getinfo(part)
    header = info.header_offset
    name_length = int.from_bytes(data[header + 26:header + 28], "little")
    extra_length = int.from_bytes(data[header + 28:header + 30], "little")
    start = header + 30 + name_length + extra_length
    data[start + int(info.compress_size * where)] ^= 0x10
    target.write_bytes(bytes(data))
    return target


def test_a_flipped_bit_in_any_part_is_a_clear_error_never_a_crash(run_cli, project):
    source = project / "w.xlsx"
    with zipfile.ZipFile(source) as archive:
        parts = [item.filename for item in archive.infolist() if item.compress_type == zipfile.ZIP_DEFLATED]
    assert "xl/worksheets/sheet4.xml" in parts and len(parts) > 10
    seen = set()
    for part in parts:
        for where in (0.1, 0.5):
            flipped = _flipped(source, project / "kapot.xlsx", part, where)
            result = run_cli("import", flipped.name)
            assert result.exit_code == 2, (part, where, result.stdout, result.stderr)
            message = result.stderr.splitlines()[0]
            assert "internal error" not in result.stderr and "Traceback" not in result.stderr
            assert message.startswith(("convenant: error: kapot.xlsx: the part ", "convenant: error: kapot.xlsx: "
                                                                                  "cannot read this workbook")), message
            seen.add(message.split(" (")[0] if "cannot read" in message else "damaged part")
    assert "damaged part" in seen  # zlib's own error, from the first bytes of a part


# 7. Huge or odd numbers at their cell


@pytest.mark.parametrize(("sheet", "cell", "what"), [("Voorschotten", "D2", "Bedrag"), ("Consulenten", "E2", "VTE"),
                                                    ("Resultaten", "E2", "Gemeten waarde")])
def test_a_number_of_1e308_is_refused_at_its_cell(run_cli, project, sheet, cell, what):
    result = _import(run_cli, project, lambda book: setattr(book[sheet][cell], "value", 1e308))
    assert result.exit_code == 1, result.stdout + result.stderr
    assert _problems(result.stderr)[0] == f"w.xlsx:{sheet}!{cell}: error[CV103]: {what}: a number larger than 10^12"


def test_a_date_serial_past_any_date_is_refused_in_the_tools_words(run_cli, project):
    def edit(book):
        cell = book["Afwezigheden"]["C2"]
        cell.value, cell.number_format = 1e308, "yyyy-mm-dd"

    result = _import(run_cli, project, edit)
    assert result.exit_code == 1
    assert _problems(result.stderr) == ["w.xlsx:Afwezigheden!C2: error[CV103]: the cell holds an error value, not a "
                                        "value; type the value itself"]
    # openpyxl's own warning ("Cell C2 is marked as a date but ...") is never printed raw
    assert "marked as a date" not in result.stdout + result.stderr
    assert result.stderr.count("openpyxl warned 1 time while reading the workbook") == 1


# 9. Minor: serial 60, a number where a date goes, one problem per mistake


def test_date_serial_60_which_excel_shows_as_29_february_1900_is_refused(run_cli, project):
    def edit(book):
        cell = book["Afwezigheden"]["C2"]
        cell.value, cell.number_format = 60, "yyyy-mm-dd"

    result = _import(run_cli, project, edit)
    assert result.exit_code == 1
    assert _problems(result.stderr) == ["w.xlsx:Afwezigheden!C2: error[CV105]: Van: a date before 1 March 1900, which "
                                        "a spreadsheet counts wrong (it has a 29 February 1900)"]


def test_a_number_where_a_date_goes_is_called_a_number(run_cli, project, dutch):
    def edit(book):
        cell = book["Afwezigheden"]["C2"]
        cell.value, cell.number_format = 45299, "General"  # 2024-01-08 as a spreadsheet counts it

    result = _import(run_cli, project, edit)
    assert _problems(result.stderr) == ["w.xlsx:Afwezigheden!C2: fout[CV105]: Van: de cel bevat een getal, geen datum "
                                        "(geef de cel een datumopmaak)"]


def test_a_formula_in_a_consultants_name_is_one_problem(run_cli, project):
    # Consulent A (Consulenten row 2) has two absences (Afwezigheden rows 2 and 3): they are not
    # reported as absences of an unknown consultant besides
    result = _import(run_cli, project, lambda book: setattr(book["Consulenten"]["D2"], "value", '="Consulent A"'))
    assert _problems(result.stderr) == ["w.xlsx:Consulenten!D2: error[CV103]: a formula; type the value itself"]


def test_an_unknown_consultant_is_still_told_when_every_name_could_be_read(run_cli, project):
    result = _import(run_cli, project, lambda book: setattr(book["Afwezigheden"]["B2"], "value", "Consulent Z"))
    assert _problems(result.stderr) == ["w.xlsx:Afwezigheden!B2: error[CV506]: 'Consulent Z' is not a consultant of "
                                        "0409.845.289 in Consulenten"]


# Issue 39, point 5: the English hint for a date is English Excel's


def test_the_date_hint_is_written_for_the_spreadsheets_language(run_cli, project, monkeypatch):
    edit = lambda book: setattr(book["Afwezigheden"]["C2"], "value", "8/01/2024")  # noqa: E731
    english = _import(run_cli, project, edit)
    assert "=DATE(2024,1,8) always gives one" in english.stderr and "=DATE(2024;1;8)" not in english.stderr
    monkeypatch.delenv("CONVENANT_LANG")
    dutch = run_cli("import", "w.xlsx")
    assert "=DATUM(2024;1;8)" in dutch.stderr and "=DATE(2024,1,8)" not in dutch.stderr  # Dutch Excel's name
    assert run_cli("new", "--lang", "en", "realisation", COVENANT, "--xlsx", "en.xlsx").exit_code == 0
    guide = " ".join(str(cell.value) for cell in load_workbook(project / "en.xlsx")["Uitleg"]["B"])
    assert "=DATE(2024,1,8) gives one" in guide


# Issue 39, point 1: a blank employment date takes the term's day


def test_a_blank_employment_date_takes_the_terms_day(run_cli, project):
    # the golden case cases/in-dienst-tot-het-einde.yaml pins the figures of what this imports
    small = "cases/basis/een-consulent.yaml"
    assert run_cli("new", "realisation", small, "--xlsx", "klein.xlsx").exit_code == 0
    book = load_workbook(project / "klein.xlsx")
    for row in book["Resultaten"].iter_rows(min_row=2):
        row[5].value, row[6].value = "ja", f"p. {row[0].value[1]}"
    book["Consulenten"].append(["0409.845.289", None, None, "Consulent B", 1.0, None, date(2024, 1, 15)])
    book["Consulenten"].append(["0409.845.289", None, None, "Consulent A", 1.0, date(2024, 2, 1), None])
    book.save(project / "klein.xlsx")
    result = run_cli("import", "klein.xlsx", "-o", "klein.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (project / "klein.yaml").read_text(encoding="utf-8")
    assert "employed: {start: 2023-07-01, end: 2024-01-15}" in text
    assert "employed: {start: 2024-02-01, end: 2025-06-30}" in text
    case = "cases/feiten/in-dienst-halverwege.yaml"
    imported = settlement(run_cli("settle", small, "-r", "klein.yaml", "--format", "json").stdout)
    assert imported == settlement(run_cli("settle", small, "-r", case, "--format", "json").stdout)
    # 16 days without anyone: 106.000 x 16 / 731 = 2.320,11 (the case's arithmetic)
    assert imported["totals"]["deduction"] == "2320.11"
    assert run_cli("test", "cases/in-dienst-tot-het-einde.yaml").exit_code == 0


def test_a_filled_end_before_the_start_stays_an_error(run_cli, project):
    def edit(book):
        book["Consulenten"]["F3"].value, book["Consulenten"]["G3"].value = date(2024, 4, 30), date(2024, 2, 7)

    result = _import(run_cli, project, edit)
    assert result.exit_code == 1
    [problem] = [line for line in _problems(result.stderr) if "CV509" in line]
    assert problem.startswith("w.xlsx:Consulenten!F3: error[CV509]: ")


# 7. A missing or damaged message catalogue


@pytest.fixture
def catalogues(tmp_path, monkeypatch) -> Path:
    """A folder of catalogues the run reads instead of the package's; the language's cached
    catalogue forgotten before and after."""
    folder = tmp_path / "locale"
    (folder / "nl" / "LC_MESSAGES").mkdir(parents=True)
    monkeypatch.setattr(language, "catalogue_folder", lambda: str(folder))
    language.set_language("en")
    yield folder
    language.set_language("en")


@pytest.mark.parametrize("content", [None, b"\xde\x12\x04\x95 not a catalogue", b""])
def test_a_missing_or_damaged_catalogue_falls_back_to_english_with_one_warning(run_cli, catalogues, dutch,
                                                                              content):
    if content is not None:
        (catalogues / "nl" / "LC_MESSAGES" / "convenant.mo").write_bytes(content)
    result = run_cli("validate", "convenants/metaal-2023-2025.yaml")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("convenant: warning: the message catalogue of language 'nl' cannot be read (") == 1
    assert "files checked (16 referring to a given file): 0 errors, 0 warnings" in result.stderr  # in English
