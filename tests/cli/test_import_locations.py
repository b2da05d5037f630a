"""Every problem `import` can report names the workbook, its sheet and its cell (or its row, or
the sheet), in the sheet's words: never `<import>`, a line of the generated YAML, a file that
was never written, or a key of the file where the sheet has a column header. One mistake is
one problem. The workbook is the Metaal template filled in with the example eindrapport, as a
sector would (tests/cli/test_import.py), then spoiled in one place per case.

Rows of the filled workbook: Resultaten 2-6 (R1 work years 1 and 2, R2 qualitative, R3 work
years 1 and 2); Consulenten 2-6 INOM (Consulent A, Vervanger A, B, C, D), 7-8 mtech+ Antwerpen
(E, F), ..., 16 mtech+ Brabant (N); Afwezigheden 2-3 Consulent A, 4-5 E, 6 I, 7 K, 8 L, 9 N;
Voorschotten 2-9; Kosten 2-5 RTM's cost statement (Consulent L), 6 INOM's eligible costs total
(Soort totaal).
"""

from __future__ import annotations

import re
import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from convenant_cli.loading.workspace import Workspace
from tests.cli.test_import import _fill_as_a_sector
from tests.conftest import CONVENANTS

REPORT = "convenants/examples/metaal-2023-2025-realisatie.yaml"
LOCATION = re.compile(r"^w\.xlsx:(Resultaten|Consulenten|Afwezigheden|Voorschotten|Kosten|Convenant)"
                      r"(!([A-Z]{1,3}[0-9]+|row [0-9]+))?: (error|warning)\[(CV[0-9]{3})\]: ")
# the lines import closes with on stderr, as validate does (its count, and the rows read)
SUMMARY = re.compile(r"^(\d+ files? checked: |rows read: )")
YAML_WORDS = re.compile(r"`(achieved|note|staffing|employed|consultants|results|advances|eligible_costs|start|end|"
                        r"fte|id|name|insz|reason|value|indicator|year|beneficiary|costs|kind|from|to|date|"
                        r"reference)\b|<import>|\.yaml:|\bline [0-9]")


@pytest.fixture
def sector(tmp_path, monkeypatch, run_cli):
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _set(sheet: str, cell: str, value: object):  # type: ignore[no-untyped-def]
    return lambda book: setattr(book[sheet][cell], "value", value)


def _both(*edits):  # type: ignore[no-untyped-def]
    return lambda book: [edit(book) for edit in edits]


def _delete_rows(sheet: str, first: int, count: int):  # type: ignore[no-untyped-def]
    return lambda book: book[sheet].delete_rows(first, count)


def _append(sheet: str, *rows: list[object]):  # type: ignore[no-untyped-def]
    return lambda book: [book[sheet].append(row) for row in rows]


# a wage line of mtech+ Antwerpen (no cost statement) for Consulent E, Kosten row 7 (after RTM's lines and INOM's total)
_E_WAGE = ["0433.981.067", "loon", "Consulent E", date(2023, 7, 1), date(2024, 6, 30), None, 52000.0, "loonstaat E"]


CASES = {
    # code: (the spoiling, the place expected, a word of the message)
    "CV101": (_set("Kosten", "B1", "Kosten"), "Kosten", "headers of Kosten"),
    "CV102": (_set("Consulenten", "D4", None), "Consulenten!D4", "no name"),
    "CV103": (_set("Consulenten", "E4", "1,0"), "Consulenten!E4", "VTE: a number typed as text"),
    "CV104": (_set("Voorschotten", "D2", 196100.005), "Voorschotten!D2", "Bedrag: more than 2 decimals"),
    "CV105": (_set("Afwezigheden", "D2", "30/04/2024"), "Afwezigheden!D2", "Tot: the cell holds text, not a date"),
    "CV207": (_set("Kosten", "A2", "0409.845.288"), "Kosten!A2", "invalid enterprise number"),
    "CV211": (_both(_set("Resultaten", "B3", "bedrijfsbezoeken"), _set("Resultaten", "C3", 1)), "Resultaten!E3",
              "is given twice"),
    "CV218": (_set("Consulenten", "I4", "85.07.30-033.62"), "Consulenten!I4", "INSZ:"),
    "CV219": (_set("Voorschotten", "C2", "factuur 85.07.30-033.28"), "Voorschotten!C2",
              "a national number (INSZ) in free text, masked in every output: **.**.**-***.28"),
    "CV502": (_set("Resultaten", "A2", "R9"), "Resultaten!A2", "result commitment 'R9' is not in the agreement"),
    "CV503": (_delete_rows("Resultaten", 4, 1), "Resultaten", "R2 has no row in Resultaten"),
    "CV504": (_set("Resultaten", "C3", 3), "Resultaten!B3", "no target bedrijfsbezoeken for work year 3"),
    "CV505": (_set("Voorschotten", "A2", "0202.239.951"), "Voorschotten!A2", "is not a beneficiary"),
    "CV506": (_set("Afwezigheden", "B2", "Consulant A"), "Afwezigheden!B2", "is not a consultant of"),
    "CV507": (_set("Afwezigheden", "C3", date(2024, 4, 1)), "Afwezigheden!row 3", "absences overlap"),
    "CV508": (_both(_delete_rows("Consulenten", 16, 1), _delete_rows("Afwezigheden", 9, 1)), "Consulenten",
              "mtech+ Brabant vzw (0434.364.911) has no"),
    "CV509": (_set("Afwezigheden", "D2", date(2024, 1, 1)), "Afwezigheden!D2", "ends (2024-01-01) before"),
    "CV510": (_set("Afwezigheden", "F3", 1.5), "Afwezigheden!F3", "absent for 1.50 FTE but employed for 1.00"),
    "CV513": (_append("Kosten", ["0409.845.289", "totaal", None, None, None, None, 1000.0]), "Kosten!A7",
              "is listed twice in Kosten"),
    "CV515": (_set("Consulenten", "D4", "Consulent C"), "Consulenten!D5", "two consultants of 0409.845.289"),
    "CV516": (_both(_set("Consulenten", "F4", date(2026, 1, 1)), _set("Consulenten", "G4", date(2026, 6, 30))),
              "Consulenten!F4", "is not employed during the term"),
    "CV521": (_set("Resultaten", "E2", None), "Resultaten!E2", "R1: no value for bedrijfsbezoeken (work year 1)"),
    "CV522": (_set("Resultaten", "G4", None), "Resultaten!G4", "the self-assessment has no Toelichting"),
    "CV517": (_both(_set("Afwezigheden", "C9", date(2025, 8, 1)), _set("Afwezigheden", "D9", date(2025, 8, 5))),
              "Afwezigheden!row 9", "starts after the term ends"),
    "CV530": (_append("Kosten", [*_E_WAGE[:2], "Consulant E", *_E_WAGE[3:]]), "Kosten!C7",
              "'Consulant E' is not a consultant of 0433.981.067 in Consulenten"),
    "CV531": (_append("Kosten", _E_WAGE, _E_WAGE), "Kosten!H8", "the reference 'loonstaat E' is given twice"),
    "CV532": (_append("Kosten", ["0434.112.117", "loon", "Consulent G", date(2023, 7, 1), date(2023, 8, 31), None,
                                 8000.0, "loonstaat G"]), "Kosten!row 7", "is outside the employment of Consulent G"),
    "CV533": (_append("Kosten", ["0433.981.067", "werking", None, None, None, date(2025, 7, 2), 800.0, "f 201"]),
              "Kosten!F7", "dated 2025-07-02, outside the term"),
    "CV534": (_append("Kosten", [*_E_WAGE[:4], date(2025, 12, 31), *_E_WAGE[5:]]), "Kosten!row 7",
              "184 of its 915 days fall outside the term"),
    "CV535": (_append("Kosten", ["0409.845.289", *_E_WAGE[1:2], "Consulent A", *_E_WAGE[3:]]), "Kosten!A7",
              "0409.845.289 has cost lines and a totaal row both"),
    "CV536": (_append("Kosten", [*_E_WAGE[:4], date(2023, 6, 30), *_E_WAGE[5:]]), "Kosten!E7",
              "2023-06-30: Tot is before Van"),
}


def _import(run_cli, sector, edit) -> list[str]:  # type: ignore[no-untyped-def]
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx",
                   "--force").exit_code == 0
    _fill_as_a_sector(sector / "w.xlsx", Workspace().load(sector / REPORT).model)
    book = load_workbook(sector / "w.xlsx")
    edit(book)
    book.save(sector / "w.xlsx")
    return _printed(run_cli("import", "w.xlsx"))


def _printed(result) -> list[str]:  # type: ignore[no-untyped-def]
    """What an import printed, in order: its problems (on stderr, without the closing summary),
    then the realisation (on stdout)."""
    problems = [line for line in result.stderr.splitlines()
                if line.strip() and not SUMMARY.match(line)]
    return problems + [line for line in result.stdout.splitlines() if line.strip()]


def _problems(lines: list[str]) -> list[str]:
    """The problem lines (not their hints), before the realisation a warning lets through."""
    written = next((index for index, line in enumerate(lines) if line.startswith("# Eindrapport voor")), len(lines))
    return [line for line in lines[:written] if not line.startswith("  ")]


def test_the_filled_workbook_imports_without_a_problem(run_cli, sector):
    assert _import(run_cli, sector, lambda book: None)[0] == "# Eindrapport voor metaal-2023-2025, ingelezen uit " \
                                                             "w.xlsx (convenant import)."


@pytest.mark.parametrize("code", sorted(CASES))
def test_every_problem_names_its_sheet_and_cell_in_the_sheets_words(run_cli, sector, code):
    edit, place, words = CASES[code]
    lines = _import(run_cli, sector, edit)
    problems = _problems(lines)
    assert problems, lines
    for line in problems:
        assert LOCATION.match(line), line
    for line in lines:
        assert not YAML_WORDS.search(line), line
    assert len(problems) == 1, lines  # one mistake, one problem
    found = LOCATION.match(problems[0])
    assert found is not None
    assert (found.group(0).split(":")[1].rsplit(" ", 0)[0].split(": ")[0], found.group(5)) == (place, code)
    assert words in problems[0]


def test_one_cell_that_cannot_be_read_is_one_problem(run_cli, sector):
    # FTE typed as text: the consultant is not read, and its absences are not reported again
    lines = _import(run_cli, sector, _set("Consulenten", "E2", "1,0"))
    assert _problems(lines) == ["w.xlsx:Consulenten!E2: error[CV103]: VTE: a number typed as text"]
    # a formula where the end of an employment goes: the formula, and no missing end beside it
    lines = _import(run_cli, sector, _both(_set("Consulenten", "F3", date(2024, 2, 7)),
                                           _set("Consulenten", "G3", "=F3+83")))
    assert _problems(lines) == ["w.xlsx:Consulenten!G3: error[CV103]: a formula; type the value itself"]


def test_a_number_typed_as_text_is_refused_without_repeating_it(run_cli, sector):
    for typed in ("72080.00", "72080,50", "72.080,50"):
        lines = _import(run_cli, sector, _set("Voorschotten", "D3", typed))
        assert lines[0] == "w.xlsx:Voorschotten!D3: error[CV103]: Bedrag: a number typed as text", lines
        assert typed not in "\n".join(lines)


def test_a_blank_workbook_names_the_cells_to_fill_in(run_cli, sector):
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx").exit_code == 0
    result = run_cli("import", "w.xlsx")
    lines = [line for line in _printed(result) if not line.startswith("  ")]
    assert result.exit_code == 1
    # R2 is qualitative: the auditor judges it in an assessment, so the workbook asks no self-assessment,
    # only where the eindrapport reports on it (a warning)
    assert lines[:5] == [
        "w.xlsx:Resultaten!E2: error[CV521]: R1: no value for bedrijfsbezoeken (work year 1)",
        "w.xlsx:Resultaten!E3: error[CV521]: R1: no value for bedrijfsbezoeken (work year 2)",
        "w.xlsx:Resultaten!G4: warning[CV522]: R2 is qualitative: say in Toelichting where the eindrapport reports "
        "on it",
        "w.xlsx:Resultaten!E5: error[CV521]: R3: no value for opgeleide werkzoekenden (work year 1)",
        "w.xlsx:Resultaten!E6: error[CV521]: R3: no value for opgeleide werkzoekenden (work year 2)"]
    assert all(LOCATION.match(line) for line in lines), lines


def test_a_warning_is_reported_and_the_realisation_still_written(run_cli, sector):
    # the self-assessment without its Toelichting is a warning (CV522): the YAML is written
    lines = _import(run_cli, sector, _set("Resultaten", "G4", None))
    assert lines[0] == "w.xlsx:Resultaten!G4: warning[CV522]: R2: the self-assessment has no Toelichting"
    assert "kind: realisation" in lines


def test_a_formula_alone_in_a_row_is_one_problem(run_cli, sector):
    lines = _import(run_cli, sector, _set("Consulenten", "G20", "=1+1"))
    assert _problems(lines) == ["w.xlsx:Consulenten!G20: error[CV103]: a formula; type the value itself"]


def test_an_addendum_without_fte_says_its_consultants_are_not_used(run_cli, sector):
    # CV514: the duaal-leren addendum funds no consultants; a consultant row is not used
    assert run_cli("new", "realisation", "convenants/metaal-duaal-leren-2023-2025.yaml", "--xlsx", "w.xlsx").exit_code \
        == 0
    book = load_workbook(sector / "w.xlsx")
    for row in book["Resultaten"].iter_rows(min_row=2):
        row[4].value = 500
    book["Consulenten"].append(["0409.845.289", None, None, "Consulent A", 1.0])
    book.save(sector / "w.xlsx")
    lines = _printed(run_cli("import", "w.xlsx"))
    assert _problems(lines) == ["w.xlsx:Consulenten: warning[CV514]: the addendum has no FTE, so there is no absence "
                                "deduction; Consulenten and Afwezigheden are not used"]


IMPORT_MODULES = ["app/import_workbook.py", "reading/eindrapport_workbook.py", "reading/eindrapport_results.py",
                  "reading/eindrapport_staffing.py", "reading/eindrapport_payments.py", "reading/eindrapport_costs.py",
                  "reading/workbook_cells.py"]
# what validate finds in the generated YAML and import reports at its cell (app/import_locations.py)
FROM_THE_YAML = {"CV506", "CV507", "CV509", "CV510", "CV516", "CV517", "CV218", "CV103", "CV532", "CV533", "CV534"}
ELSEWHERE = {"CV005": "test_hostile_workbooks.py (the row limit)", "CV514": "above"}


def test_every_code_import_can_report_has_its_location_case():
    from tests.conftest import ROOT

    source = ROOT / "src" / "convenant_cli"
    written = {code for module in IMPORT_MODULES
               for code in re.findall(r'"(CV[0-9]{3})"', (source / module).read_text(encoding="utf-8"))}
    assert written | FROM_THE_YAML == set(CASES) | set(ELSEWHERE)
