"""The eindrapport as a spreadsheet: `new realisation --xlsx` writes the fill-in workbook,
`import` reads it back. The round trip settles to the same cent; a sector filling in the empty
template gets the example's figures; every problem names its sheet and cell."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from convenant_cli.reading.eindrapport_format import SHEETS
from tests.conftest import CONVENANTS, ROOT, judging, settlement

PAIRS = [
    ("metaal-2023-2025.yaml", "examples/metaal-2023-2025-realisatie.yaml"),
    ("metaal-duaal-leren-2023-2025.yaml", "examples/metaal-duaal-leren-2023-2025-realisatie.yaml"),
    ("social-profit-2023-2025.yaml", "examples/social-profit-2023-2025-realisatie.yaml"),
    ("examples/metaal-verlenging-2025-2026.yaml", "examples/metaal-verlenging-2025-2026-realisatie.yaml"),
]


@pytest.fixture
def sector(tmp_path, monkeypatch, run_cli):
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _settled(run_cli, agreement: str, realisation: str, *judged: str) -> dict:
    result = run_cli("settle", agreement, "-r", realisation, *judged, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return settlement(result.stdout)


@pytest.mark.parametrize(("agreement", "realisation"), PAIRS, ids=[p[0] for p in PAIRS])
def test_the_round_trip_settles_to_the_same_cent(run_cli, sector, agreement, realisation):
    agreement, realisation = f"convenants/{agreement}", f"convenants/{realisation}"
    written = run_cli("new", "realisation", agreement, "--xlsx", "eindrapport.xlsx", "--from", realisation)
    assert written.exit_code == 0, written.stderr
    imported = run_cli("import", "eindrapport.xlsx", "-o", "terug.yaml")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    assert run_cli("validate", "terug.yaml").exit_code == 0
    assert _settled(run_cli, agreement, "terug.yaml") == _settled(run_cli, agreement, realisation)


def test_the_template_guides_whoever_fills_it_in(run_cli, sector):
    assert run_cli("new", "--lang", "en", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx",
                   "leeg.xlsx").exit_code == 0
    book = load_workbook("leeg.xlsx")
    rows = [(row[0].value, row[1].value) for row in book["Uitleg"].iter_rows(min_row=2)]
    guide = {name: text for name, text in rows if name}
    assert set(SHEETS) | {"Convenant"} <= set(guide)
    assert guide["Afwezigheden"].startswith("A row per absence: the consultant's Sleutel")
    assert all(len(text) <= 58 for _name, text in rows if text)  # one line a row: nothing wraps over the next
    results = book["Resultaten"]
    assert results["H1"].value == "Title, and what to fill in"
    # each commitment's title beside its rows; the qualitative R2 says what the sector fills in
    assert results["H2"].value == "Bereiken van werkvloeren (en werknemers op die werkvloeren)"
    assert results["H4"].value.startswith("Intersectorale samenwerking — qualitative: Toelichting")
    # wide enough for what goes in: a date, the longest reason, an amount (no ### in a printed sheet)
    widths = {name: {key: book[name].column_dimensions[key].width for key in "ABCDEFGH"} for name in SHEETS}
    assert widths["Afwezigheden"]["C"] >= 12 and widths["Afwezigheden"]["E"] >= len("loopbaanonderbreking")
    assert widths["Voorschotten"]["D"] >= len("196.100,00 €")
    assert widths["Consulenten"]["F"] >= 12 and widths["Consulenten"]["G"] >= 12
    dutch = run_cli("new", "--lang", "nl", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "nl.xlsx")
    assert dutch.exit_code == 0
    assert any(str(cell.value).startswith("Een rij per consulent") for cell in load_workbook("nl.xlsx")["Uitleg"]["B"])


def test_the_workbook_has_the_sheets_headers_and_validation_of_the_contract(run_cli, sector):
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "leeg.xlsx").exit_code == 0
    book = load_workbook("leeg.xlsx")
    assert book.sheetnames == ["Uitleg", *SHEETS, "Convenant"]
    for name, headers in SHEETS.items():
        assert tuple(c.value for c in book[name][1])[:len(headers)] == headers, name
        assert book[name].freeze_panes == "B2"
    results = [[c.value for c in row] for row in book["Resultaten"].iter_rows(min_row=2)]
    # R1 and R3 have two targets each (work years 1 and 2), R2 is qualitative: five rows
    assert [row[:4] for row in results] == [["R1", "bedrijfsbezoeken", 1, 200], ["R1", "bedrijfsbezoeken", 2, 200],
                                            ["R2", None, None, None], ["R3", "opgeleide werkzoekenden", 1, 300],
                                            ["R3", "opgeleide werkzoekenden", 2, 300]]
    kinds = {(v.type, str(v.sqref)) for v in book["Afwezigheden"].data_validations.dataValidation}
    assert ("list", "E2:E2000") in kinds and ("date", "C2:C2000") in kinds and ("list", "G2:G2000") in kinds
    reasons = next(v for v in book["Afwezigheden"].data_validations.dataValidation if str(v.sqref) == "E2:E2000")
    assert reasons.formula1 == '"ziekte,ongeval,tijdskrediet,loopbaanonderbreking,moederschapsrust,onbetaald verlof"'
    # the agreement by its id and SHA-256, never by a path (which breaks when the workbook travels)
    about = book["Convenant"]
    assert [(row[0].value, row[1].value) for row in about.iter_rows(max_row=3)][:2] == [
        ("Id", "metaal-2023-2025"), ("SHA-256", hashlib.sha256(Path("convenants/metaal-2023-2025.yaml").read_bytes())
                                    .hexdigest())]
    assert not any("convenants/" in str(cell.value) for row in about.iter_rows() for cell in row)


def _fill_as_a_sector(path, realisation) -> None:
    """Type the example eindrapport's facts into the empty template, as a person would in Excel:
    numbers as numbers, dates as dates, words from the lists."""
    from convenant_cli.domain.cost_kinds import COST_KINDS_NL
    from convenant_cli.domain.identifiers import format_enterprise_number
    from convenant_cli.models import REASONS_NL

    book = load_workbook(path)
    results = book["Resultaten"]
    for row in results.iter_rows(min_row=2):
        given = realisation.results[row[0].value]
        if row[1].value is None:
            row[5].value, row[6].value = "ja" if given.achieved else "nee", given.note
            continue
        value = next(a.value for a in given.actuals if (a.indicator, a.year) == (row[1].value, row[2].value))
        row[4].value = float(value)
    consultants, absences = book["Consulenten"], book["Afwezigheden"]
    for staffing in realisation.staffing:
        number = format_enterprise_number(staffing.beneficiary)
        for c in staffing.consultants:
            employed = c.employed
            consultants.append([number, None, c.id, c.name, float(c.fte), employed.start if employed else None,
                                employed.end if employed else None, c.guaranteed_wage_days])
            for a in c.absences:
                absences.append([number, c.id or c.name, a.start, a.end, REASONS_NL[a.reason],
                                 float(a.fte) if a.fte is not None else None, "ja" if a.replaced else "nee",
                                 "ja" if a.new_illness else None])
    for advance in realisation.advances:
        book["Voorschotten"].append([format_enterprise_number(advance.beneficiary), advance.date, advance.reference,
                                     float(advance.amount)])
    for statement in realisation.costs:
        for line in statement.lines:  # Soort, Consulent, Van, Tot, Datum, Bedrag, Referentie
            period = [line.from_, line.to, None] if line.kind == "wage" else [None, None, line.date]
            book["Kosten"].append([format_enterprise_number(statement.beneficiary),
                                   COST_KINDS_NL[line.kind], line.consultant, *period, float(line.amount),
                                   line.reference])
    for cost in realisation.eligible_costs:
        book["Kosten"].append([format_enterprise_number(cost.beneficiary), "totaal", None, None, None, None,
                               float(cost.amount)])
    book.save(path)


def test_the_empty_template_filled_in_settles_as_the_example(run_cli, sector):
    from convenant_cli.loading.workspace import Workspace

    real = "convenants/examples/metaal-2023-2025-realisatie.yaml"
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "leeg.xlsx").exit_code == 0
    _fill_as_a_sector(sector / "leeg.xlsx", Workspace().load(sector / real).model)
    imported = run_cli("import", "leeg.xlsx", "-o", "ingevuld.yaml")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    judged = (sector / "convenants" / "examples" / "metaal-2023-2025-beoordeling.yaml").read_text(encoding="utf-8")
    (sector / "beoordeling.yaml").write_text(judging(judged.replace("realisation: metaal-2023-2025-realisatie.yaml",
                                                                    "realisation: ingevuld.yaml"),
                                                     sector / "ingevuld.yaml"), encoding="utf-8")
    filled = _settled(run_cli, "convenants/metaal-2023-2025.yaml", "ingevuld.yaml", "--assessment", "beoordeling.yaml")
    # hand-worked in test_settle.py: deduction 25.521,20, payable 1.022.559,87, balance 439.559,87
    assert (filled["totals"]["deduction"], filled["totals"]["payable"], filled["totals"]["balance"]) == (
        "25521.20", "1022559.87", "439559.87")
    example = _settled(run_cli, "convenants/metaal-2023-2025.yaml", real, "--assessment",
                       "convenants/examples/metaal-2023-2025-beoordeling.yaml")
    assert {k: v for k, v in filled.items() if k != "assessment"} == {
        k: v for k, v in example.items() if k != "assessment"}  # only the assessment's file differs


COST_CASES = ["kostenstaat-loon-over-het-begin.yaml", "kostenstaat-loon-buiten-de-tewerkstelling.yaml",
              "kostenstaat-werking-na-de-termijn.yaml", "kostenstaat-plafond.yaml"]


@pytest.mark.parametrize("name", COST_CASES)
def test_a_cost_statement_typed_into_the_template_settles_as_its_yaml(run_cli, sector, name):
    """new -> filled in with openpyxl -> import -> settle: the figures of the YAML the lines came from."""
    from convenant_cli.loading.workspace import Workspace

    agreement, real = "cases/basis/kostenstaat.yaml", f"cases/feiten/{name}"
    assert run_cli("new", "realisation", agreement, "--xlsx", "leeg.xlsx").exit_code == 0
    _fill_as_a_sector(sector / "leeg.xlsx", Workspace().load(sector / real).model)
    imported = run_cli("import", "leeg.xlsx", "-o", "cases/feiten/ingevuld.yaml")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    filled = _settled(run_cli, agreement, "cases/feiten/ingevuld.yaml")
    assert filled == _settled(run_cli, agreement, real)
    assert filled["beneficiaries"][0]["costs"] is not None


def test_the_cost_statement_round_trips_through_a_prefilled_workbook(run_cli, sector):
    agreement, real = "cases/basis/kostenstaat.yaml", "cases/feiten/kostenstaat-werking-na-de-termijn.yaml"
    assert run_cli("new", "realisation", agreement, "--xlsx", "w.xlsx", "--from", real).exit_code == 0
    rows = [[cell.value for cell in row] for row in load_workbook("w.xlsx")["Kosten"].iter_rows(min_row=2)]
    assert [row[:3] + row[6:8] for row in rows] == [
        ["0409.845.289", "loon", "Consulent K", 100000, "loonstaat K"],
        ["0409.845.289", "werking", None, 1200, "factuur 2024-117"],
        ["0409.845.289", "werking", "Consulent K", 800, "factuur 2025-201"]]
    imported = run_cli("import", "w.xlsx", "-o", "cases/feiten/terug.yaml")
    assert imported.exit_code == 0, imported.stderr
    # the line after the term is a warning at its cell (its accepting comment is the YAML's, not the workbook's)
    assert "w.xlsx:Kosten!F4: warning[CV533]: cost line 'factuur 2025-201': dated 2025-07-02" in imported.stderr
    assert _settled(run_cli, agreement, "cases/feiten/terug.yaml") == _settled(run_cli, agreement, real)


def _kosten_with(run_cli, *rows) -> str:
    """The template of the cost statement's covenant with one consultant and these Kosten rows, imported."""
    assert run_cli("new", "realisation", "cases/basis/kostenstaat.yaml", "--xlsx", "k.xlsx").exit_code == 0
    book = load_workbook("k.xlsx")
    for row in book["Resultaten"].iter_rows(min_row=2):
        row[4].value = 214
    book["Consulenten"].append(["0409.845.289", None, None, "Consulent K", 1.0])
    for values in rows:
        book["Kosten"].append(values)
    book.save("k.xlsx")
    return run_cli("import", "k.xlsx").stderr


def test_each_mistake_of_a_cost_line_is_told_at_its_cell(run_cli, sector):
    wage = ["0409.845.289", "loon", "Consulent K", date(2023, 7, 1), date(2023, 12, 31), None, 100.0]
    output = _kosten_with(
        run_cli,
        [*wage, "a"],
        [*wage, "a"],  # row 3: the reference again
        ["0409.845.289", "lon", "Consulent K", date(2023, 7, 1), date(2023, 12, 31), None, 100.0, "b"],
        ["0409.845.289", "loon", "Consulant K", date(2023, 7, 1), date(2023, 12, 31), None, 100.0, "c"],
        ["0409.845.289", "loon", "Consulent K", date(2024, 1, 1), date(2023, 12, 31), None, 100.0, "d"],
        ["0409.845.289", "werking", None, date(2024, 1, 1), None, date(2024, 1, 1), 100.0, "e"],
        ["0409.845.289", "werking", None, None, None, "15/03/2024", 100.0, "f"],
        ["0409.845.289", "werking", None, None, None, date(2024, 3, 15), 100.0],
        ["0409.845.289", "totaal", None, None, None, None, 90000.0],
    )
    assert "k.xlsx:Kosten!H3: error[CV531]: 0409.845.289: the reference 'a' is given twice" in output
    assert "the other is in row 2; each line has a reference of its own" in output
    assert "k.xlsx:Kosten!B4: error[CV103]: Soort: 'lon' is not one of loon, werking, totaal" in output
    assert "hint: did you mean `loon`?" in output
    assert "k.xlsx:Kosten!C5: error[CV530]: 'Consulant K' is not a consultant of 0409.845.289 in Consulenten" in output
    assert "hint: did you mean `Consulent K`?" in output
    assert "k.xlsx:Kosten!E6: error[CV536]: 2023-12-31: Tot is before Van" in output
    assert "k.xlsx:Kosten!D7: error[CV103]: Van: not used in a row of Soort werking" in output
    assert "k.xlsx:Kosten!F8: error[CV105]: Datum: the cell holds text, not a date" in output
    assert "k.xlsx:Kosten!H9: error[CV102]: no Referentie: the payslip, the invoice or the ledger line" in output
    assert "k.xlsx:Kosten!A10: error[CV535]: 0409.845.289 has cost lines and a totaal row both" in output


def test_a_workbook_of_0_6_still_gives_its_eligible_costs_total(run_cli, sector):
    assert run_cli("new", "realisation", "cases/basis/kostenstaat.yaml", "--xlsx", "oud.xlsx").exit_code == 0
    book = load_workbook("oud.xlsx")
    for row in book["Resultaten"].iter_rows(min_row=2):
        row[4].value = 214
    kosten = book["Kosten"]
    kosten.delete_rows(1)
    kosten.append(["Ondernemingsnummer", "Subsidiabele kosten"])  # the sheet as 0.6 wrote it
    kosten.append(["0409.845.289", 90000.0])
    book.save("oud.xlsx")
    imported = run_cli("import", "oud.xlsx")
    assert imported.exit_code == 0, imported.stderr
    assert "eligible_costs:\n  - {beneficiary: \"0409845289\", amount: 90000.00}\n" in imported.stdout


def _template_with(run_cli, sector, edit) -> str:
    real = "convenants/examples/metaal-2023-2025-realisatie.yaml"
    run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx", "--from", real)
    book = load_workbook("w.xlsx")
    edit(book)
    book.save("w.xlsx")
    imported = run_cli("import", "w.xlsx")
    return imported.stderr + imported.stdout  # the problems (on stderr), then the realisation


def test_a_date_typed_as_text_is_refused_with_its_cell(run_cli, sector):
    output = _template_with(run_cli, sector, lambda book: setattr(book["Afwezigheden"]["C2"], "value", "8/01/2024"))
    assert ("w.xlsx:Afwezigheden!C2: error[CV105]: Van: the cell holds text, not a date (a date typed as text is "
            "never guessed)") in output
    # the tip shows a real date, not the text just refused (as English Excel writes it)
    assert "=DATE(2024,1,8)" in output and "8/01/2024" not in output


def test_a_date_typed_as_the_hint_shows_is_that_day_and_any_other_formula_is_refused(run_cli, sector):
    # the tip above says =DATE(2024,1,8) gives a date: typed so (Dutch Excel's =DATUM(2024;1;8) is
    # stored in this one form), it is read as the day it writes, never evaluated; a formula that
    # computes anything stays refused
    def edit(book):
        book["Afwezigheden"]["C2"].value = "=DATE(2024,1,9)"
        book["Afwezigheden"]["D2"].value = "=DATE(2024,4,30)+1"

    output = _template_with(run_cli, sector, edit)
    assert "Afwezigheden!C2" not in output
    assert "w.xlsx:Afwezigheden!D2: error[CV103]: a formula; type the value itself" in output


def test_a_date_typed_as_a_date_formula_imports_as_that_day(run_cli, sector):
    output = _template_with(run_cli, sector, lambda book: setattr(book["Afwezigheden"]["C2"], "value",
                                                                  "=DATE(2024,1,9)"))
    assert "1 file checked: 0 errors, 0 warnings" in output and "start: 2024-01-09" in output


def test_an_unknown_consultant_gets_a_did_you_mean(run_cli, sector):
    output = _template_with(run_cli, sector,
                            lambda book: setattr(book["Afwezigheden"]["B2"], "value", "Consulant A"))
    assert "w.xlsx:Afwezigheden!B2: error[CV506]: 'Consulant A' is not a consultant of 0409.845.289" in output
    assert "did you mean `Consulent A`?" in output


def test_an_amount_that_is_not_whole_cents_and_a_formula_are_refused(run_cli, sector):
    def edit(book):
        book["Voorschotten"]["D2"].value = 196100.005
        book["Kosten"]["B2"].value = "=1+1"

    output = _template_with(run_cli, sector, edit)
    assert "w.xlsx:Voorschotten!D2: error[CV104]: Bedrag: more than 2 decimals" in output
    assert "w.xlsx:Kosten!B2: error[CV103]: a formula; type the value itself" in output


def test_the_workbook_of_a_changed_agreement_is_refused(run_cli, sector):
    real = "convenants/examples/metaal-2023-2025-realisatie.yaml"
    run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx", "--from", real)
    covenant = sector / "convenants" / "metaal-2023-2025.yaml"
    covenant.write_text(covenant.read_text() + "# een wijziging\n")
    result = run_cli("import", "w.xlsx")
    assert result.exit_code == 2 and "another version of convenants/metaal-2023-2025.yaml" in result.stderr


def test_import_never_writes_over_its_agreement_or_workbook(run_cli, sector):
    real = "convenants/examples/metaal-2023-2025-realisatie.yaml"
    run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx", "--from", real)
    before = (sector / "convenants" / "metaal-2023-2025.yaml").read_bytes()
    for target in ("convenants/metaal-2023-2025.yaml", "w.xlsx"):
        result = run_cli("import", "w.xlsx", "-o", target, "--force")
        assert result.exit_code == 2 and "never replaced" in result.stderr
    assert (sector / "convenants" / "metaal-2023-2025.yaml").read_bytes() == before


def test_a_file_that_is_no_workbook_is_an_input_error(run_cli, sector):
    (sector / "nep.xlsx").write_bytes(b"PK\x03\x04 not really a zip")
    result = run_cli("import", "nep.xlsx")
    assert result.exit_code == 2 and "not an Excel workbook" in result.stderr and "Traceback" not in result.stderr


SMALL = "cases/basis/een-consulent.yaml"
DAY = st.integers(0, 725)


@st.composite
def eindrapporten(draw) -> str:
    """A random eindrapport of the one-consultant case covenant: verdicts, consultants with
    absences of every reason, advances in tranches, eligible costs."""
    start = date(2023, 7, 1)
    lines = ["schema_version: 1", "kind: realisation", "convenant: ../basis/een-consulent.yaml", "results:"]
    for commitment in ("R1", "R2", "R3"):
        lines.append(f"  {commitment}: {{achieved: {str(draw(st.booleans())).lower()}, note: p. 1}}")
    lines += ["staffing:", "  - beneficiary: 0409.845.289", "    consultants:"]
    for index in range(draw(st.integers(1, 3))):
        fte = draw(st.sampled_from(["1.00", "0.50", "0.80"]))
        lines += [f"      - name: Consulent {index}", f"        fte: {fte}", "        absences:"]
        first = 0
        for _ in range(draw(st.integers(0, 3))):
            begin = first + draw(st.integers(0, 120))
            end = begin + draw(st.integers(0, 90))
            if end > 729:
                break
            reason = draw(st.sampled_from(["illness", "accident", "time_credit", "career_break", "maternity_leave",
                                           "unpaid_leave"]))
            replaced = str(draw(st.booleans())).lower()
            lines.append(f"          - {{start: {start + timedelta(days=begin)}, end: {start + timedelta(days=end)}, "
                         f"reason: {reason}, replaced: {replaced}}}")
            first = end + 1
        if lines[-1] == "        absences:":
            lines[-1] = "        absences: []"
    lines.append("advances:")
    for _ in range(draw(st.integers(0, 2))):
        cents = draw(st.integers(0, 5_000_000))
        lines.append(f"  - {{beneficiary: 0409.845.289, amount: {Decimal(cents) / 100:.2f}}}")
    if lines[-1] == "advances:":
        lines[-1] = "advances: []"
    if draw(st.booleans()):
        lines.append(f"eligible_costs: [{{beneficiary: 0409.845.289, amount: {draw(st.integers(0, 120000))}.55}}]")
    return "\n".join(lines) + "\n"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(eindrapporten())
def test_random_eindrapporten_survive_the_round_trip(run_cli, sector, text):
    (sector / "cases" / "feiten" / "willekeurig.yaml").write_text(text)
    real = "cases/feiten/willekeurig.yaml"
    assert run_cli("validate", real).exit_code == 0, run_cli("validate", real).stdout
    assert run_cli("new", "realisation", SMALL, "--xlsx", "w.xlsx", "--from", real, "--force").exit_code == 0
    imported = run_cli("import", "w.xlsx", "-o", "terug.yaml", "--force")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    assert _settled(run_cli, SMALL, "terug.yaml") == _settled(run_cli, SMALL, real)


@pytest.mark.parametrize("command", [["settle", "w.xlsx"], ["validate", "w.xlsx"],
                                     ["diff", "w.xlsx", "convenants/metaal-2023-2025.yaml"],
                                     ["settle", "convenants/metaal-2023-2025.yaml", "-r", "w.xlsx"]])
def test_a_workbook_given_where_yaml_goes_points_to_import(run_cli, sector, command):
    assert run_cli("new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", "w.xlsx").exit_code == 0
    result = run_cli(*command)
    assert result.exit_code == 2
    assert ("w.xlsx is a workbook (a zip-based or older office file), not a convenant file\n  hint: a filled-in "
            "eindrapport workbook becomes a realisation with `convenant import w.xlsx -o eindrapport.yaml`") \
        in result.stderr
    assert "NUL" not in result.stdout + result.stderr
