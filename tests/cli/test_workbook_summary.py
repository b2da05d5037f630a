"""The settlement workbook's summary and its calculation: the signed figures on the summary, what
they derive from on Berekening, a provisional settlement's payable if met beside the certain
payable, every formula recomputed to the cent by a formula engine, and a single agreement's sheets
without the agreement's column. Read back with openpyxl; the figures are the Metaal example's."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import load_workbook

from tests.cli.test_generation import _recomputed
from tests.conftest import CONVENANTS, EXAMPLES, one_line

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"


def _columns(sheet, header_row: int) -> dict[str, str]:
    return {one_line(cell.value): cell.column_letter for cell in sheet[header_row] if cell.value}


def test_a_provisional_summary_shows_the_payable_if_met_as_a_formula_that_redoes(run_cli, tmp_path, dutch):
    out = tmp_path / "voorlopig.xlsx"
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--format", "json", "--xlsx", out)
    assert result.exit_code == 0, result.stderr
    [data] = json.loads(result.stdout)["settlements"]
    assert data["status"] == "provisional"
    book, values, again = load_workbook(out), load_workbook(out, data_only=True), _recomputed(out)
    summary, at = book["Samenvatting"], _columns(book["Samenvatting"], 2)
    assert list(at)[5:8] == ["Uit te betalen", "Uit te betalen indien behaald", "Voorschotten"]  # side by side
    calculation = _columns(book["Berekening"], 2)
    assert book["Berekening"][f"{calculation['Resultaatsratio indien behaald']}3"].value == "=2/3"
    for row, line in enumerate(data["beneficiaries"], 3):
        for header, key in (("Uit te betalen", "payable"), ("Uit te betalen indien behaald", "payable_if_met"),
                            ("Saldo", "balance")):
            cell = f"{at[header]}{row}"
            assert summary[cell].value.startswith("="), (header, row)  # a formula of the cells it derives from
            recomputed = Decimal(repr(float(again[("SAMENVATTING", cell)]))).quantize(Decimal("0.01"))
            saved = Decimal(str(values["Samenvatting"][cell].value))
            assert recomputed == saved == Decimal(line[key]), (line["name"], header)
    # INOM: (392.200 - 5.249,25) = 386.950,75; x 0,70 = 270.865,53 for certain; R2 met makes the ratio
    # 2/3: x 0,30 x 2/3 = 77.390,15 more, 348.255,68; its eligible costs of 390.000,00 cap neither
    assert Decimal(str(values["Samenvatting"][f"{at['Uit te betalen indien behaald']}3"].value)) == Decimal(
        "348255.68")
    # RTM: 59.010,83 + 16.860,24 = 75.871,07 if met, capped at its cost statement's 72.000,00
    rtm = next(row for row, line in enumerate(data["beneficiaries"], 3) if line["name"] == "RTM Vlaams-Brabant vzw")
    assert values["Samenvatting"][f"{at['Uit te betalen indien behaald']}{rtm}"].value == 72000
    total = 3 + len(data["beneficiaries"])
    assert summary[f"{at['Uit te betalen indien behaald']}{total}"].value.startswith("=SUM(")
    assert Decimal(str(values["Samenvatting"][f"{at['Uit te betalen indien behaald']}{total}"].value)) == Decimal(
        data["totals"]["payable_if_met"]) == Decimal("1022559.87")


def test_a_settled_summary_has_no_column_of_what_waits(run_cli, tmp_path, dutch):
    out = tmp_path / "afrekening.xlsx"
    judged = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", judged, "--xlsx", out).exit_code == 0
    book = load_workbook(out)
    assert "Uit te betalen indien behaald" not in _columns(book["Samenvatting"], 2)
    assert not [header for header in _columns(book["Berekening"], 2) if "indien behaald" in header]


def test_the_agreement_column_is_left_out_of_one_agreements_sheets_and_filled_in_a_folders(run_cli, tmp_path,
                                                                                            dutch):
    one, folder = tmp_path / "een.xlsx", tmp_path / "map.xlsx"
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, "--xlsx", one).exit_code == 0
    assert run_cli("settle", CONVENANTS, "--xlsx", folder).exit_code == 0
    for sheet in load_workbook(one).worksheets:
        header_row = 2 if sheet.title in ("Samenvatting", "Berekening") else 1
        assert "Convenant" not in _columns(sheet, header_row), sheet.title
    book = load_workbook(folder)
    for title in ("Berekening", "Consulenten", "Afwezigheden", "Tekort per periode", "Voorschotten"):
        sheet = book[title]
        header_row = 2 if title == "Berekening" else 1
        column = _columns(sheet, header_row)["Convenant"]
        names = [cell.value for cell in sheet[column][header_row:] if cell.value]
        named = [cell.value for cell in sheet["A"][header_row:] if cell.value and not str(cell.value).startswith(
            ("Totaal ", "Afrekening ", "TUSSENTIJDSE", "MAXIMA"))]
        assert names and len(names) >= len(named), title  # every line says its agreement
