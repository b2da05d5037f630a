"""A generation settled in one run: families (R7 only inside one), a portfolio over the
settled agreements only, folders, one JSON shape, and a workbook whose figures redo from
their cells. The figures are worked by hand below from the bundled texts."""

from __future__ import annotations

import json
import shutil
import warnings
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import CONVENANTS, ROOT, one_line, settlement

FILES = ["metaal-2023-2025.yaml", "metaal-duaal-leren-2023-2025.yaml", "social-profit-2023-2025.yaml"]
REPORTS = ["metaal-2023-2025-realisatie.yaml", "metaal-duaal-leren-2023-2025-realisatie.yaml",
           "social-profit-2023-2025-realisatie.yaml"]
# the auditor's assessments of the eindrapporten that have a qualitative commitment (duaal leren has none)
ASSESSMENTS = {"metaal-2023-2025-realisatie.yaml": "metaal-2023-2025-beoordeling.yaml",
               "social-profit-2023-2025-realisatie.yaml": "social-profit-2023-2025-beoordeling.yaml"}
INOM, VIVO = "0409845289", "0472871139"

# Hand-worked payable figures:
# - Metaal: 1.022.559,87 over its eight beneficiaries (worked line by line in test_settle.py:
#   INOM 348.255,68 = (392.200 - 5.249,25) x 0,70 + 386.950,75 x 0,30 x 2/3).
# - Duaal leren (addendum, no FTE, so no deduction): 143.846 x 0,70 = 100.692,20 and 4 of 6
#   commitment-years: 143.846 x 0,30 x 2/3 = 28.769,20; payable 129.461,40, all INOM's.
# - Social profit: R1 met (every target), R2 not (the auditor's assessment), R3 met: 2/3. Consulent 1 ill
#   3 Feb - 14 Mar 2025 = 40 days, 30 covered: 10 FTE-days; Consulent 2 on a 0,5 career break
#   1 Jan - 30 Jun 2024 = 182 days: 91 FTE-days; 7 and 8 follow each other: 101 FTE-days.
#   106.000 x 101 / 731 = 14.645,69; base 742.000 - 14.645,69 = 727.354,31;
#   x 0,70 = 509.148,017 -> 509.148,02; x 0,30 x 2/3 = 145.470,862 -> 145.470,86;
#   payable 654.618,88; advances 371.000,00; balance 283.618,88.
METAAL_PAYABLE, DUAAL_PAYABLE, SOCIAL_PAYABLE = Decimal("1022559.87"), Decimal("129461.40"), Decimal("654618.88")


@pytest.fixture
def generation(tmp_path, monkeypatch, run_cli) -> Path:
    """A folder holding Metaal, its duaal-leren addendum, Social profit, their eindrapporten and
    the auditor's assessments; the current folder is the one above it, the project root. (After `run_cli`, which starts
    in this checkout.)"""
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "generatie"
    (folder / "examples").mkdir(parents=True)
    for name in FILES:
        shutil.copy(CONVENANTS / name, folder / name)
    for name in [*REPORTS, *ASSESSMENTS.values()]:
        shutil.copy(CONVENANTS / "examples" / name, folder / "examples" / name)
    return folder


def _settle(run_cli, *args) -> dict:
    result = run_cli("settle", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_a_folder_settles_every_agreement_with_its_own_eindrapport(run_cli, generation):
    data = _settle(run_cli, generation)
    ids = [s["convenant"] for s in data["settlements"]]
    assert sorted(ids) == ["metaal-2023-2025", "metaal-duaal-leren-2023-2025", "social-profit-2023-2025"]
    for item, (name, report) in zip(sorted(data["settlements"], key=lambda s: s["convenant"]),
                                    sorted(zip(FILES, REPORTS, strict=True)), strict=True):
        judged = ("--assessment", generation / "examples" / ASSESSMENTS[report]) if report in ASSESSMENTS else ()
        alone = settlement(run_cli("settle", generation / name, "-r", generation / "examples" / report, *judged,
                                   "--format", "json").stdout)
        assert item == alone  # each agreement's figures are its own settle run's
    payable = {s["convenant"]: Decimal(s["totals"]["payable"]) for s in data["settlements"]}
    assert payable == {"metaal-2023-2025": METAAL_PAYABLE, "metaal-duaal-leren-2023-2025": DUAAL_PAYABLE,
                       "social-profit-2023-2025": SOCIAL_PAYABLE}


def test_families_hold_a_covenant_with_its_addenda_and_never_merge_two_covenants(run_cli, generation):
    data = _settle(run_cli, generation)
    metaal, social = sorted(data["families"], key=lambda f: f["convenant"])
    assert metaal["members"] == ["metaal-2023-2025", "metaal-duaal-leren-2023-2025"]
    assert social["members"] == ["social-profit-2023-2025"]
    assert VIVO not in {line["enterprise_number"] for line in metaal["beneficiaries"]}
    inom = next(line for line in metaal["beneficiaries"] if line["enterprise_number"] == INOM)
    # INOM over covenant and addendum (R7): 348.255,68 + 129.461,40 = 477.717,08;
    # maximum 392.200 + 143.846 = 536.046
    assert (inom["payable"], inom["maximum"]) == ("477717.08", "536046.00")
    assert Decimal(metaal["totals"]["payable"]) == METAAL_PAYABLE + DUAAL_PAYABLE  # 1.152.021,27
    portfolio = data["portfolio"]
    assert (portfolio["families"], portfolio["settled"], portfolio["maxima"]) == (2, 3, 0)
    # the settled agreements: 1.022.559,87 + 129.461,40 + 654.618,88 = 1.806.640,15
    assert Decimal(portfolio["totals"]["payable"]) == METAAL_PAYABLE + DUAAL_PAYABLE + SOCIAL_PAYABLE
    assert portfolio["totals"]["payable"] == "1806640.15"


def test_an_agreement_without_eindrapport_is_maxima_and_never_in_a_payable_total(run_cli, generation, dutch):
    (generation / "examples" / REPORTS[2]).unlink()
    (generation / "examples" / ASSESSMENTS[REPORTS[2]]).unlink()
    data = _settle(run_cli, generation)
    social = next(s for s in data["settlements"] if s["convenant"] == "social-profit-2023-2025")
    assert social["status"] == "maxima" and social["totals"]["payable"] is None
    family = next(f for f in data["families"] if f["convenant"] == "social-profit-2023-2025")
    assert (family["status"], family["totals"]["payable"], family["totals"]["maximum"]) == (
        "maxima", None, "742000.00")
    portfolio = data["portfolio"]
    # only Metaal and its addendum are settled: 1.022.559,87 + 129.461,40 = 1.152.021,27; Social
    # profit's 742.000,00 stands apart, and the maximum total is the settled agreements' only:
    # 1.166.000 + 143.846 = 1.309.846
    assert (portfolio["totals"]["payable"], portfolio["totals"]["maximum"], portfolio["maxima_maximum"]) == (
        "1152021.27", "1309846.00", "742000.00")
    table = run_cli("settle", generation).stdout
    assert "Portefeuille: 2 convenanten, 2 overeenkomsten afgerekend, 1 als maxima" in table
    overview = table[table.index("Portefeuille"):]
    social_row = next(line for line in overview.splitlines() if "social-profit-2023-2025" in line)
    assert "maxima" in social_row and "742.000,00" in social_row and "1.152.021,27" not in social_row
    assert social_row.count("—") == 5  # no settled maximum, deduction, payable, advances or balance


def test_two_covenants_named_together_merge_nothing(run_cli, dutch):
    args = [CONVENANTS / FILES[0], CONVENANTS / FILES[2], "-r", CONVENANTS / "examples" / REPORTS[0],
            "-r", CONVENANTS / "examples" / REPORTS[2]]
    data = _settle(run_cli, *args)
    assert [f["members"] for f in data["families"]] == [["metaal-2023-2025"], ["social-profit-2023-2025"]]
    table = run_cli("settle", *args).stdout
    assert "Per begunstigde over convenant en addenda" not in table  # no family of several members
    assert "Portefeuille: 2 convenanten" in table


def test_one_file_and_three_files_give_the_same_json_shape(run_cli, generation):
    one = _settle(run_cli, generation / FILES[0], "-r", generation / "examples" / REPORTS[0])
    three = _settle(run_cli, generation)

    def shape(value):
        if isinstance(value, dict):
            return {key: shape(item) for key, item in value.items()}
        if isinstance(value, list):
            return [shape(value[0])] if value else []
        return type(value).__name__

    assert one["format"] == three["format"] == "convenant.settlement/3"
    assert set(one) == set(three) == {"format", "settlements", "families", "portfolio"}
    assert shape(one["portfolio"]) == shape(three["portfolio"])
    assert shape(one["settlements"][0]["totals"]) == shape(three["settlements"][0]["totals"])
    assert set(one["families"][0]) == set(three["families"][0])


def test_the_output_validates_against_its_published_schema(run_cli, generation):
    import jsonschema

    schema = json.loads(run_cli("schema", "--of", "settlement").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    (generation / "examples" / REPORTS[2]).unlink()  # Social profit as maxima too
    (generation / "examples" / ASSESSMENTS[REPORTS[2]]).unlink()
    metaal, facts = generation / FILES[0], generation / "examples" / REPORTS[0]
    judged = generation / "examples" / ASSESSMENTS[REPORTS[0]]
    for args in ([generation], [metaal], [generation, "--explain"],
                 [metaal, "-r", facts],  # provisional: R2 waits for the auditor
                 [metaal, "-r", facts, "--assessment", judged, "--as-of", "2024-09-30"]):  # set aside at that day
        result = run_cli("settle", *args, "--format", "json")
        assert result.exit_code == 0, result.stderr
        jsonschema.validate(json.loads(result.stdout), schema, cls=jsonschema.Draft202012Validator)
    broken = json.loads(run_cli("settle", generation, "--format", "json").stdout)
    maxima = next(s for s in broken["settlements"] if s["status"] == "maxima")
    maxima["totals"]["payable"] = maxima["totals"]["maximum"]  # a maximum passed off as payable
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema, cls=jsonschema.Draft202012Validator)


def test_two_eindrapporten_for_one_agreement_in_a_folder_are_named(run_cli, generation):
    shutil.copy(generation / "examples" / REPORTS[0], generation / "examples" / "tweede.yaml")
    result = run_cli("settle", generation)
    assert result.exit_code == 2
    assert "2 realisations for" in result.stderr and "metaal-2023-2025-realisatie.yaml" in result.stderr
    assert "tweede.yaml" in result.stderr and "pass the one meant with --realisation" in result.stderr
    chosen = run_cli("settle", generation, "-r", generation / "examples" / "tweede.yaml", "--format", "json")
    assert chosen.exit_code == 0, chosen.stderr


def test_an_amended_version_beside_its_covenant_is_refused(run_cli, generation):
    shutil.copy(ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml", generation / "gewijzigd.yaml")
    result = run_cli("settle", generation)
    assert result.exit_code == 2 and "are both `metaal-2023-2025`" in result.stderr
    assert "convenant diff" in result.stderr


def test_every_ambiguity_of_a_folder_is_reported_in_one_run(run_cli, generation):
    shutil.copy(generation / "examples" / REPORTS[0], generation / "examples" / "tweede.yaml")
    shutil.copy(generation / "examples" / REPORTS[2], generation / "examples" / "derde.yaml")
    shutil.copy(ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml", generation / "gewijzigd.yaml")
    result = run_cli("settle", generation)
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.startswith("convenant: error:")]
    assert len(errors) == 3, result.stderr
    assert sum("tweede.yaml" in line for line in errors) == sum("derde.yaml" in line for line in errors) == 1
    assert "are both `metaal-2023-2025`" in errors[2]


def test_the_bundled_generation_settles_out_of_the_box(run_cli):
    # convenants/ holds Metaal with its addendum and extension, and Social profit, each with its
    # eindrapport; the golden cases (cases/) and the example amendment (amendments/) live apart
    data = _settle(run_cli, CONVENANTS)
    assert [s["convenant"] for s in data["settlements"]] == [
        "metaal-2023-2025", "metaal-duaal-leren-2023-2025", "metaal-verlenging-2025-2026", "social-profit-2023-2025"]
    assert {s["status"] for s in data["settlements"]} == {"settled"}
    assert [f["members"] for f in data["families"]] == [
        ["metaal-2023-2025", "metaal-duaal-leren-2023-2025", "metaal-verlenging-2025-2026"],
        ["social-profit-2023-2025"]]
    # Metaal 1.022.559,87 and Social profit 654.618,88, worked in this module's header, in their families
    payable = {s["convenant"]: Decimal(s["totals"]["payable"]) for s in data["settlements"]}
    assert (payable["metaal-2023-2025"], payable["social-profit-2023-2025"]) == (METAAL_PAYABLE, SOCIAL_PAYABLE)
    assert Decimal(data["portfolio"]["totals"]["payable"]) == sum(payable.values())


@pytest.mark.parametrize("as_of", [None, "2025-09-30"])
def test_every_family_line_and_portfolio_row_reconciles_on_its_own(run_cli, as_of):
    # payable - advances = balance on every line that has a payable; each column adds up over
    # the lines. On 30 September 2025 Metaal is settled and its extension still runs: INOM's
    # line is 400.326,93 (Metaal 270.865,53 + duaal leren 129.461,40) - 268.023,00 (196.100,00 +
    # 71.923,00) = 132.303,93, the extension's 49.025,00 apart
    data = _settle(run_cli, CONVENANTS, *(("--as-of", as_of) if as_of else ()))
    money = lambda value: None if value is None else Decimal(value)  # noqa: E731
    rows = [line for family in data["families"] for line in (*family["beneficiaries"], family["totals"])]
    rows.append(data["portfolio"]["totals"])
    for row in rows:
        payable, advances, balance = (money(row[key]) for key in ("payable", "advances", "balance"))
        assert (payable is None) == (balance is None), row
        if payable is not None:
            assert payable - (advances or 0) == balance, row
    for family in data["families"]:
        for key in ("maximum", "deduction", "payable", "advances", "advances_interim", "balance"):
            column = [money(line[key]) for line in family["beneficiaries"] if line[key] is not None]
            assert sum(column, Decimal(0)) == (money(family["totals"][key]) or 0), (family["convenant"], key)
    if as_of == "2025-09-30":
        inom = next(line for line in data["families"][0]["beneficiaries"] if line["enterprise_number"] == INOM)
        assert (inom["payable"], inom["advances"], inom["advances_interim"], inom["balance"]) == (
            "400326.93", "268023.00", "49025.00", "132303.93")
    else:  # every member settled: nothing runs, nothing apart
        assert all(row["advances_interim"] is None for row in rows)


def test_an_extension_follows_its_parent_whatever_the_order_found(run_cli, tmp_path, monkeypatch):
    # the extension's file sorts first (a... before m...), yet it is settled after its covenant
    monkeypatch.chdir(tmp_path)
    (tmp_path / "examples").mkdir()
    shutil.copy(CONVENANTS / "metaal-2023-2025.yaml", tmp_path / "metaal-2023-2025.yaml")
    shutil.copy(CONVENANTS / "examples" / "metaal-verlenging-2025-2026.yaml",
                tmp_path / "examples" / "a-verlenging.yaml")
    data = _settle(run_cli, ".")
    assert [s["convenant"] for s in data["settlements"]] == ["metaal-2023-2025", "metaal-verlenging-2025-2026"]


def test_a_folder_of_golden_cases_is_left_out_of_a_settlement(run_cli, tmp_path, monkeypatch, dutch):
    # the project's root holds the generation, the amendment apart, and the golden cases with their
    # own covenants and eindrapporten: these are examples for `convenant test`, not agreements to settle
    monkeypatch.chdir(tmp_path)
    shutil.copytree(CONVENANTS, tmp_path / "convenants")
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    result = run_cli("settle", ".", "--format", "json")
    assert result.exit_code == 0, result.stderr
    assert len(json.loads(result.stdout)["settlements"]) == 4
    assert ("convenant: opmerking: cases: gouden gevallen en hun bestanden, niet mee afgerekend; voer ze uit met "
            "`convenant test cases`") in result.stderr


# -- the workbook redoes from its cells -------------------------------------------------------

def _recomputed(path: Path) -> dict[tuple[str, str], object]:
    """Every cell of the workbook as a formula engine computes it (no cached value used)."""
    import formulas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    found = {}
    for reference, value in solution.items():
        if "]" not in reference:  # a defined name or a constant, not a cell
            continue
        sheet_cell = reference.split("]", 1)[1]
        sheet, cell = sheet_cell.rsplit("!", 1)
        if ":" not in cell:
            found[(sheet.strip("'").upper(), cell)] = value.value[0][0]
    return found


def test_every_formula_of_the_workbook_recomputes_to_the_cent(run_cli, generation, tmp_path, dutch):
    out = tmp_path / "generatie.xlsx"
    data = _settle(run_cli, generation, "--xlsx", out)
    formulas_book, values_book = load_workbook(out), load_workbook(out, data_only=True)
    recomputed = _recomputed(out)
    checked = 0
    for sheet in formulas_book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                saved = values_book[sheet.title][cell.coordinate].value
                again = recomputed[(sheet.title.upper(), cell.coordinate)]
                assert saved is not None, (sheet.title, cell.coordinate)
                if "€" in cell.number_format:  # money: to the cent
                    assert Decimal(repr(float(again))).quantize(Decimal("0.01")) == Decimal(str(saved)).quantize(
                        Decimal("0.01")), (sheet.title, cell.coordinate, cell.value, saved, again)
                else:
                    assert abs(float(again) - saved) <= 1e-9 * max(1, abs(saved)), (sheet.title, cell.coordinate)
                checked += 1
    assert checked >= 150  # each line's rate, deduction, base, effort, ratio, result, payable, balance; every total
    summary = values_book["Samenvatting"]
    headers = [one_line(c.value) for c in summary[2]]
    payable = headers.index("Uit te betalen") + 1
    saved_totals = {str(summary.cell(row=r, column=1).value).removeprefix("Totaal "):
                    Decimal(str(summary.cell(row=r, column=payable).value))
                    for r in range(3, summary.max_row + 1)
                    if str(summary.cell(row=r, column=1).value).startswith("Totaal ")}
    assert saved_totals == {s["convenant"]: Decimal(s["totals"]["payable"]) for s in data["settlements"]}
    overview = values_book["Overzicht"]
    last = overview.max_row - 1  # the totals, then a sentence on what they count
    assert overview.cell(row=last, column=1).value == "Totaal"
    assert overview.cell(row=last + 1, column=1).value.startswith("De totalen tellen alleen overeenkomsten")
    payable_column = [one_line(c.value) for c in overview[1]].index("Uit te betalen") + 1
    assert Decimal(str(overview.cell(row=last, column=payable_column).value)) == Decimal("1806640.15")


@pytest.mark.parametrize("case", ["kostenstaat-loon-buiten-de-tewerkstelling.yaml",
                                  "kostenstaat-loon-over-het-begin.yaml", "kostenstaat-werking-na-de-termijn.yaml"])
def test_the_kosten_sheet_recomputes_to_the_json(run_cli, tmp_path, dutch, case):
    """A formula engine redoes each line's eligible part from its days, and the sums the cap refers
    to, to the JSON's cent: 15.000,05 x 91 / 182 = 7.500,025 is 7.500,03 in binary arithmetic too."""
    out = tmp_path / "kosten.xlsx"
    result = run_cli("settle", ROOT / "cases" / "basis" / "kostenstaat.yaml", "-r", ROOT / "cases" / "feiten" / case,
                     "--format", "json", "--xlsx", out)
    assert result.exit_code == 0, result.stderr
    [line] = settlement(result.stdout)["beneficiaries"]
    costs, again = line["costs"], _recomputed(out)
    kosten = load_workbook(out)["Kosten"]
    headers = [one_line(cell.value) for cell in kosten[1]]
    column = dict(zip(headers, "ABCDEFGHIJKLMNOPQRS", strict=False))

    def cent(row: int, header: str) -> Decimal:
        value = again[("KOSTEN", f"{column[header]}{row}")]
        assert kosten[f"{column[header]}{row}"].value.startswith("="), header  # a formula, recomputed
        return Decimal(repr(float(value))).quantize(Decimal("0.01"))

    for row, cost in enumerate(costs["lines"], 2):
        assert int(again[("KOSTEN", f"{column['Dagen']}{row}")]) == cost["days"]
        assert cent(row, "Subsidiabel deel") == Decimal(cost["eligible"]), cost["reference"]
    total = len(costs["lines"]) + 2
    for header, key in (("Bedrag", "declared"), ("Niet subsidiabel", "not_eligible"), ("Geweigerd", "refused"),
                        ("Subsidiabele kosten", "eligible")):
        assert cent(total, header) == Decimal(costs[key]), header
    calculation = load_workbook(out)["Berekening"]  # the summary's figures derive from it
    cap = next(cell for cell in calculation[3] if isinstance(cell.value, str) and "Kosten" in cell.value)
    assert Decimal(repr(float(again[("BEREKENING", cap.coordinate)]))) == Decimal(line["eligible_costs"])


def test_the_ratio_is_written_exactly_so_the_result_redoes(run_cli, tmp_path, dutch):
    out = tmp_path / "metaal.xlsx"
    _settle(run_cli, CONVENANTS / FILES[0], "-r", CONVENANTS / "examples" / REPORTS[0], "--assessment",
            CONVENANTS / "examples" / ASSESSMENTS[REPORTS[0]], "--xlsx", out)
    sheet = load_workbook(out)["Berekening"]  # the calculation of the summary's figures
    at = {one_line(cell.value): cell.column_letter for cell in sheet[2]}
    assert sheet[f"{at['Resultaatsratio']}3"].value == "=2/3"
    values = load_workbook(out, data_only=True)["Berekening"]
    summary = load_workbook(out, data_only=True)["Samenvatting"]
    result = {one_line(cell.value): cell.column_letter for cell in summary[2]}["Resultaatsfinanciering"]
    # INOM: (392.200 - 5.249,25) x 0,30 x 2/3 = 77.390,15, redone from the base, share and ratio as saved
    base, share, ratio = (Decimal(str(values[f"{at[header]}3"].value))
                          for header in ("Basis voor inspanning en resultaat", "Aandeel resultaat", "Resultaatsratio"))
    assert (base * share * ratio).quantize(Decimal("0.01")) == Decimal("77390.15") == Decimal(
        str(summary[f"{result}3"].value))


def test_diff_with_an_eindrapport_names_the_ratio_change(run_cli, tmp_path, dutch):
    old, new = CONVENANTS / FILES[0], ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"
    real = CONVENANTS / "examples" / REPORTS[0]
    out = tmp_path / "verschil.xlsx"
    judged = ("--assessment", CONVENANTS / "examples" / ASSESSMENTS[REPORTS[0]])
    result = run_cli("diff", old, new, "-r", real, *judged, "--format", "json", "--xlsx", out)
    assert result.exit_code == 1
    ratio = json.loads(result.stdout)["money"]["settlement"]["ratio"]
    # the amendment raises R3's target to 320 while 305 were reached: R3 is no longer met, 1 of 3
    # commitments is below the minimum of one half, so no result financing: 2/3 -> 0/1
    assert (ratio["old"], ratio["new"], ratio["achieved"]) == ("2/3", "0/1", {"old": "2/3", "new": "1/3"})
    assert [(v["commitment"], v["old"], v["new"]) for v in ratio["verdicts"]] == [("R3", True, False)]
    table = run_cli("diff", old, new, "-r", real, *judged).stdout
    assert ("Resultaatsratio (Art. 2): oud 2/3 (2 van 3 behaald) → nieuw 0 (1 van 3 behaald: onder het minimum "
            "0,5, geen resultaatsfinanciering)") in table
    sheet = load_workbook(out)["Resultaatsratio"]
    assert sheet["A1"].value.startswith("Resultaatsratio (Art. 2): oud 2/3")
    assert [c.value for c in sheet[3]] == ["R3", "Bereiken van personen in de zijinstroom richting sector", None,
                                           "ja", "NEE"]


def test_text_to_a_file_or_pipe_has_no_padding_and_a_workbook_name_ends_in_xlsx(run_cli, generation, tmp_path):
    for args in ([generation], [generation, "--explain"]):
        text = run_cli("settle", *args).stdout
        assert text and not [line for line in text.splitlines() if line != line.rstrip(" ")]
    refused = run_cli("settle", generation, "--xlsx", tmp_path / "maxima.csv")
    assert refused.exit_code == 2
    assert "--xlsx" in refused.stderr and "ends in .xlsx" in refused.stderr and "maxima.xlsx" in refused.stderr
    assert not (tmp_path / "maxima.csv").exists()


def test_progress_shows_on_a_terminal_only(generation, tmp_path, dutch):
    """Through a pseudo-terminal (`script`), the run shows rich's progress on stderr; to a pipe
    nothing but the output."""
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "convenant"
    if shutil.which("script") is None:
        pytest.skip("no script(1) to give the run a terminal")
    piped = subprocess.run([str(exe), "settle", str(generation), "--format", "json"], capture_output=True, text=True,
                           cwd=generation.parent, timeout=60)
    assert piped.returncode == 0 and piped.stderr == ""
    log = tmp_path / "terminal.txt"
    subprocess.run(["script", "-qec", f"{exe} settle {generation} --format json > /dev/null", str(log)],
                   capture_output=True, text=True, cwd=generation.parent, env={**os.environ, "TERM": "xterm"},
                   check=True, timeout=60)
    assert "afrekenen" in log.read_text(errors="replace")
