"""The auditor's evidence: every euro traced to a consultant-day, in Dutch, with provenance.

The workbook is read back with openpyxl; the figures are the Metaal example eindrapport's,
worked out by hand in tests/cli/test_settle.py and repeated here where a cell is checked.
"""

from __future__ import annotations

import hashlib
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from openpyxl import load_workbook

from tests.conftest import CONVENANTS, EXAMPLES, ROOT, one_line, settlement

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
ENGLISH = re.compile(r"\b(illness|accident|time credit|time_credit|maternity|unpaid|covered|relapse|replaced|"
                     r"advances|payable|still to pay|reclaim|settled|days|group|per FTE|achieved|commitment|"
                     r"consultant|no note|beneficiar(y|ies)|not covered|rounded)\b", re.IGNORECASE)


@pytest.fixture(scope="module")
def evidence(tmp_path_factory):
    """The Metaal example settled once: its JSON (with --explain) and its workbook."""
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    out = tmp_path_factory.mktemp("evidence") / "afrekening.xlsx"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)  # file names are shown relative to the folder the run is in
        result = CliRunner().invoke(app, ["settle", str(METAAL), "-r", str(METAAL_REAL),
                                          "--assessment", str(METAAL_JUDGED), "--format", "json",
                                          "--explain", "--xlsx", str(out)],
                                    env={"SOURCE_DATE_EPOCH": "1763856000", "CONVENANT_LANG": "nl"},
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return settlement(result.stdout), load_workbook(out, data_only=True), out  # the values saved with formulas


def rows(sheet, header_row=1):
    headers = [one_line(cell.value) for cell in sheet[header_row]]
    return [dict(zip(headers, values, strict=False)) for values in sheet.iter_rows(min_row=header_row + 1,
                                                                                   values_only=True)]


def half_up(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.01"), ROUND_HALF_UP)


def test_the_workbook_has_a_sheet_for_every_view(evidence, dutch):
    _, book, _ = evidence
    assert book.sheetnames == ["Samenvatting", "Berekening", "Consulenten", "Afwezigheden", "Tekort per periode",
                               "Resultaatsverbintenissen", "Voorschotten", "Kosten", "Toelichting", "Bronnen"]
    for sheet in book.worksheets:
        assert sheet.page_setup.paperSize == 9, sheet.title  # A4
        assert sheet.print_title_rows and sheet.print_area, sheet.title
        assert sheet.freeze_panes in ("B2", "B3"), sheet.title  # header row and name column frozen
        assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABC"), sheet.title
        fitted = sheet.sheet_properties.pageSetUpPr is not None and sheet.sheet_properties.pageSetUpPr.fitToPage
        # one page wide (fitToWidth absent is 1), or across pages at full size with the name column repeated
        assert (fitted and sheet.page_setup.fitToWidth in (None, 1)) or sheet.print_title_cols == "$A:$A", sheet.title
    summary = book["Samenvatting"]
    assert summary.page_setup.orientation == "landscape" and summary.sheet_properties.pageSetUpPr.fitToPage
    assert summary.print_title_rows == "$1:$2"  # the title and the column headers on every page
    # the signed columns, the summary's only ones, fill the A4 landscape page at 80% or more: 842 points
    # less half-inch margins, at most 7,5 pixels (0,75 points) a character as LibreOffice prints Calibri
    widths = {column: d.width for d in list(summary.column_dimensions.values()) if d.min
              for column in range(d.min, d.max + 1)}
    assert summary.max_column == 9 and [one_line(c.value) for c in summary[2]][-1] == "Saldo is"
    assert sum(widths[column] for column in range(1, 10)) * 7.5 * 0.75 * 0.80 <= 842 - 72


def test_summary_shows_the_cost_cap_and_every_figure_is_a_number(evidence, dutch):
    _, book, _ = evidence
    summary = rows(book["Samenvatting"], header_row=2)
    rtm = next(r for r in summary if r["Begunstigde"] == "RTM Vlaams-Brabant vzw")
    calculation = next(r for r in rows(book["Berekening"], header_row=2) if r["Begunstigde"] == rtm["Begunstigde"])
    # (91.160 - 6.858,82) x 0,70 = 59.010,826 -> 59.010,83; x 0,30 x 2/3 = 16.860,236 -> 16.860,24;
    # together 75.871,07, capped at the eligible costs of 72.000,00
    assert (calculation["Inspanning + resultaat"], calculation["Subsidiabele kosten"],
            calculation["Plafond toegepast"], rtm["Uit te betalen"]) == (75871.07, 72000, "ja", 72000)
    assert rtm["Saldo is"] == "nog te betalen" and book["Samenvatting"]["A1"].value.startswith("Afrekening ")
    for row, inputs in zip(summary[:8], rows(book["Berekening"], header_row=2)[:8], strict=True):
        for column in ("Maximum", "Vermindering afwezigheid", "Inspanningsfinanciering", "Resultaatsfinanciering",
                       "Uit te betalen", "Voorschotten", "Saldo"):
            assert isinstance(row[column], (int, float)), (row["Begunstigde"], column)
        assert isinstance(inputs["Tekort in VTE-dagen"], (int, float)), inputs["Begunstigde"]
    notes = [r["Begunstigde"] for r in summary if r["Begunstigde"] and r["Maximum"] is None]
    assert any("RTM Vlaams-Brabant vzw: uit te betalen beperkt tot de subsidiabele kosten 72.000,00" in note
               for note in notes)
    assumption = ("AANNAME: Hervalvenster in kalenderdagen staat in geen enkel bestand; standaard toegepast: volgens "
                  "de wet: 14 dagen, 8 weken (56 dagen) voor een arbeidsongeschiktheid vanaf 2026-01-01 — vast te "
                  "leggen met `rules.relapse_days`")
    assert assumption in notes


def test_every_figure_of_the_jsons_costs_is_on_the_kosten_sheet(evidence, dutch):
    """The JSON's cost statements, line by line and summed, are the Kosten sheet's values, and the
    summary's eligible costs are the sheet's sums."""
    data, book, _ = evidence
    sheet = rows(book["Kosten"])
    summary = {r["Begunstigde"]: r for r in rows(book["Berekening"], header_row=2) if r["Begunstigde"]}
    checked = 0
    for line in data["beneficiaries"]:
        costs = line["costs"]
        if costs is None:
            continue
        lines = [r for r in sheet if r["Begunstigde"] == line["name"]]
        [total] = [r for r in sheet if r["Begunstigde"] == f"Totaal {line['name']}"]
        assert [r["Referentie"] for r in lines] == [c["reference"] for c in costs["lines"]]
        for row, cost in zip(lines, costs["lines"], strict=True):
            assert (Decimal(str(row["Bedrag"])), row["Dagen"], row["Subsidiabele dagen"]) == (
                Decimal(cost["amount"]), cost["days"], cost["eligible_days"])
            assert Decimal(str(row["Subsidiabel deel"])).quantize(Decimal("0.01")) == Decimal(cost["eligible"])
            checked += 1
        for column, key in (("Bedrag", "declared"), ("Niet subsidiabel", "not_eligible"), ("Geweigerd", "refused"),
                            ("Subsidiabele kosten", "eligible")):
            assert Decimal(str(total[column])).quantize(Decimal("0.01")) == Decimal(costs[key]), column
            checked += 1
        assert Decimal(str(summary[line["name"]]["Subsidiabele kosten"])) == Decimal(costs["eligible"])
    # RTM's four lines, each whole in the term: 15.600,00 + 31.800,00 + 23.400,00 + 1.200,00 = 72.000,00
    assert checked == 4 + 4
    formulas = load_workbook(evidence[2])
    rtm = next(r for r in formulas["Berekening"].iter_rows(min_row=3) if r[0].value == "RTM Vlaams-Brabant vzw")
    # one agreement: the sheet has no agreement column, so its eligible costs (column 18 of 19) are in Q
    assert [c.value for c in rtm if isinstance(c.value, str) and "Kosten" in c.value] == ["='Kosten'!Q6"]


def test_deduction_effort_and_result_can_be_redone_from_the_summary_cells(evidence, dutch):
    data, book, _ = evidence
    ratio = Fraction(data["ratio"])
    summary, calculation = rows(book["Samenvatting"], header_row=2), rows(book["Berekening"], header_row=2)
    for row, inputs, line in zip(summary[:8], calculation[:8], data["beneficiaries"], strict=True):
        assert row["Begunstigde"] == inputs["Begunstigde"] == line["name"]  # a line each, in the same order
        rate, shortfall, term = (Fraction(str(inputs[c])) for c in ("Bedrag per VTE", "Tekort in VTE-dagen",
                                                                     "Dagen in termijn"))
        deduction = half_up(rate * shortfall / term)
        assert deduction == Decimal(line["deduction"]) == Decimal(str(row["Vermindering afwezigheid"]))
        base = Fraction(str(inputs["Basis voor inspanning en resultaat"]))
        assert base == Fraction(str(row["Maximum"])) - Fraction(deduction)
        assert half_up(base * Fraction(str(inputs["Aandeel inspanning"]))) == Decimal(line["effort"]) == Decimal(
            str(row["Inspanningsfinanciering"]))
        assert half_up(base * Fraction(str(inputs["Aandeel resultaat"])) * ratio) == Decimal(line["result"])
        ratio_cell = next(c for c in book["Berekening"][2] if one_line(c.value) == "Resultaatsratio").column_letter
        assert abs(inputs["Resultaatsratio"] - 2 / 3) < 1e-6
        assert "?/" in book["Berekening"][f"{ratio_cell}3"].number_format
        # payable - advances = balance on the summary's own line
        assert Decimal(str(row["Uit te betalen"])) - Decimal(str(row["Voorschotten"])) == Decimal(
            str(row["Saldo"])) == Decimal(line["balance"])


def test_short_spans_add_up_to_each_shortfall_and_name_their_cause(evidence, dutch):
    data, book, _out = evidence
    sheet = book["Tekort per periode"]
    spans = rows(sheet)
    by_name: dict[str, Decimal] = {}
    for row in spans:
        if row["Van"] is not None:
            by_name[row["Begunstigde"]] = by_name.get(row["Begunstigde"], Decimal(0)) + Decimal(
                str(row["Tekort in VTE-dagen"]))
    for line in data["beneficiaries"]:
        assert by_name.get(line["name"], Decimal(0)) == Decimal(line["shortfall_fte_days"]), line["name"]
    formulas = load_workbook(evidence[2])["Tekort per periode"]
    totals = [row for row in formulas.iter_rows(min_row=2) if str(row[0].value).startswith("Totaal ")]
    assert totals and all(row[11].value.startswith("=SUM(L") for row in totals)  # one agreement: no agreement column
    limburg = next(r for r in spans if r["Begunstigde"] == "mtech+ Limburg vzw" and r["Van"] is not None)
    # Consulent G starts 2023-09-01: July and August (31 + 31 = 62 days) one FTE short
    assert (limburg["Dagen"], limburg["Tekort in VTE-dagen"], limburg["Oorzaak"]) == (
        62, 62, "vacature: 1,00 VTE niet ingevuld")
    made_up = next(r for r in spans if r["Begunstigde"].startswith("INOM vzw") and r["Tekort in VTE-dagen"] == 0)
    # the replacement, Vervanger A, fills Consulent A's 84 uncovered days of illness
    assert (made_up["Dagen"], made_up["Vervanging of overschot VTE"]) == (84, 1)
    assert "Consulent A: ziekte 2024-01-08 – 2024-04-30" in made_up["Oorzaak"]


def test_absences_show_wage_relapse_and_their_law(evidence):
    _, book, _ = evidence
    absences = rows(book["Afwezigheden"])
    rtm = next(r for r in absences if r["Consulent"] == "Consulent L")
    # accident 6 Jan - 31 Mar 2025: 26 + 28 + 31 = 85 days; 30 days guaranteed wage to 4 Feb; 55 x 0,86 = 47,30
    assert (rtm["Reden"], rtm["Dagen"], rtm["Gewaarborgd loon (dagen)"], rtm["Niet gedekte dagen"],
            rtm["Verloren VTE-dagen (vóór vervanging)"]) == ("ongeval", 85, 30, 55, 47.3)
    assert rtm["Gewaarborgd loon tot"].date().isoformat() == "2025-02-04"
    assert rtm["Grondslag"] == "Art. 5; art. 70 wet van 3 juli 1978"
    relapse = [r for r in absences if r["Consulent"] == "Consulent E"][1]
    # 9 days after 20 Oct: within the 14-day window 21 Oct - 3 Nov; 11 of the 30 days left
    assert (relapse["Herval"], relapse["Gewaarborgd loon (dagen)"], relapse["Niet gedekte dagen"]) == ("ja", 11, 15)
    assert [relapse[c].date().isoformat() for c in ("Hervalvenster van", "Hervalvenster tot")] == [
        "2023-10-21", "2023-11-03"]
    leave = next(r for r in absences if r["Reden"] == "moederschapsrust")
    assert (leave["Vervangen"], leave["Niet gedekte dagen"], leave["Grondslag"]) == ("ja", 0, "Art. 5")


def test_consultants_and_commitments(evidence):
    _, book, _ = evidence
    consultants = rows(book["Consulenten"])
    inom = [r for r in consultants if r["Begunstigde"].startswith("INOM vzw")]
    assert [r["Consulent"] for r in inom] == ["Consulent A", "Vervanger A", "Consulent B", "Consulent C",
                                              "Consulent D"]
    vervanger = inom[1]
    assert (vervanger["VTE"], vervanger["In dienst van"].date().isoformat(),
            vervanger["In dienst tot"].date().isoformat(), vervanger["Data in het eindrapport"]) == (
        1, "2024-02-07", "2024-04-30", "ja")
    commitments = rows(book["Resultaatsverbintenissen"])
    missed = next(r for r in commitments if r["Verbintenis"] == "R1" and r["Werkjaar streefcijfer"] == 2)
    assert (missed["Minimum"], missed["Gemeten waarde"], missed["Streefcijfer gehaald"], missed["Behaald"]) == (
        200, 188, "nee", "nee")


def test_sources_record_version_files_and_rules(evidence):
    _, book, _ = evidence
    sources = rows(book["Bronnen"])
    from convenant_cli import __version__

    assert sources[0]["Waarde"] == f"convenant {__version__}"
    assert sources[1]["Waarde"] == "2025-11-23 00:00:00 UTC"  # SOURCE_DATE_EPOCH 1763856000
    files = {r["Waarde"]: r["SHA-256"] for r in sources if str(r["Gegeven"]).startswith("Invoer")}
    assert files == {str(path.relative_to(ROOT)): hashlib.sha256(path.read_bytes()).hexdigest()
                     for path in (METAAL, METAAL_REAL, METAAL_JUDGED)}  # as named from the project folder
    relapse = next(r for r in sources if str(r["Gegeven"]).startswith("Hervalvenster"))
    assert (relapse["Herkomst"], relapse["Rechtsgrond"]) == (
        "standaard (regelboek R5)", "art. 70 wet van 3 juli 1978 (herval: 14 dagen, 8 weken vanaf 1 januari 2026)")
    effort = next(r for r in sources if str(r["Gegeven"]).startswith("Aandeel inspanningsfinanciering"))
    assert (effort["Waarde"], effort["Herkomst"], effort["Bron"]) == ("0,70", "convenant", "metaal-2023-2025")


def test_source_date_epoch_makes_the_workbook_reproducible(run_cli, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1763856000")
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for out in (first, second):
        assert run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--xlsx", out).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    result = run_cli("settle", METAAL, "--xlsx", tmp_path / "c.xlsx")
    assert result.exit_code == 2 and "SOURCE_DATE_EPOCH='soon' is not a number" in result.stderr


def test_no_english_label_remains_in_the_dutch_outputs(evidence, run_cli, monkeypatch, dutch):
    _, book, _ = evidence
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and not re.fullmatch(r"[0-9a-f]{64}|.*\.yaml", value):
                    assert not ENGLISH.search(value), (sheet.title, value)
    for width in ("100", "240"):
        monkeypatch.setenv("COLUMNS", width)
        shown = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--explain").stdout
        assert not ENGLISH.search(shown), ENGLISH.search(shown)


def test_json_has_consultants_steps_and_warnings(evidence, dutch):
    data, _, _ = evidence
    antwerpen = data["beneficiaries"][1]
    consultant = antwerpen["consultants"][0]
    assert (consultant["key"], consultant["fte"], consultant["guaranteed_wage_days"]) == ("Consulent E", "1.00", 30)
    second = consultant["absences"][1]
    assert {k: second[k] for k in ("start", "end", "reason", "fte", "days", "covered_days", "relapse", "replaced",
                                   "lost_fte_days")} == {
        "start": "2023-10-30", "end": "2023-11-24", "reason": "illness", "fte": "1.00", "days": 26,
        "covered_days": 11, "relapse": True, "replaced": False, "lost_fte_days": "15.00"}
    assert second["relapse_window"] == {"previous_end": "2023-10-20", "days": 14, "first": "2023-10-21",
                                        "last": "2023-11-03"}
    assert any(step["figure"] == "Vermindering afwezigheid" and "2.175,10" in step["arithmetic"]
               for step in antwerpen["steps"])
    # who decided each commitment, then the ratio they give
    assert [s["figure"] for s in data["steps"]] == ["Maximale toelage", "Hervalvenster in kalenderdagen",
                                                    "Oordeel over R1", "Oordeel over R2", "Oordeel over R3",
                                                    "Resultaatsratio"]
    assert [(s["inputs"], s["arithmetic"]) for s in data["steps"][2:5]] == [
        ("de gemeten waarden", "NEE"),
        ("het oordeel van de auditor (beoordeeld door An Peeters op 14 november 2025); Eindrapport p. 14 - "
         "financiële opvolging D&I-netwerk nagekeken; zelfevaluatie van de sector: ja — Eindrapport p. 14 - "
         "financiële opvolging D&I-netwerk", "ja"),
        ("de gemeten waarden", "ja")]
    assert {"code": "cost_cap", "beneficiary": "0474431354"} in data["warnings"]
    assert {"code": "default_rule", "setting": "relapse_days", "value": None} in data["warnings"]


def test_explanation_names_each_short_spans_cause_and_the_guaranteed_wage_law(evidence):
    data, _, _ = evidence
    steps = {line["name"].split()[0] + " " + line["name"].split()[1]: line["steps"] for line in data["beneficiaries"]}
    limburg = [s for s in steps["mtech+ Limburg"] if s["figure"] == "Tekort per periode"]
    assert [s["inputs"] for s in limburg] == ["2023-07-01 – 2023-08-31 (62 dagen); oorzaak: vacature: 1,00 VTE niet "
                                              "ingevuld"]
    inom = [s["inputs"] for s in steps["INOM vzw"] if s["figure"] == "Tekort per periode"]
    assert inom[1] == "2024-09-01 – 2025-02-28 (181 dagen); oorzaak: Consulent A: tijdskrediet 2024-09-01 – " \
                      "2025-02-28 (0,20 VTE)"
    relapse = [s for s in steps["mtech+ Antwerpen"] if s["figure"] == "Gewaarborgd loon"][1]
    assert (relapse["article"], relapse["detail"]) == ("Art. 5; art. 70 wet van 3 juli 1978", "Consulent E")
    assert relapse["arithmetic"].startswith("herval: begint 2023-10-30, binnen het venster van 14 dagen na het einde "
                                            "van de vorige (2023-10-20): 2023-10-21 – 2023-11-03; de telling loopt "
                                            "door (19 van 30 dagen al gebruikt); gewaarborgd loon 2023-10-30 – "
                                            "2023-11-09 (11 dagen)")


def test_a_beneficiary_taken_as_fully_staffed_is_said_under_the_table(run_cli, tmp_path, monkeypatch, dutch):
    text = METAAL_REAL.read_text(encoding="utf-8")
    start = text.index("  - beneficiary: 0434.030.854")
    end = text.index("  - beneficiary: 0434.364.911")
    real = tmp_path / "examples" / "real.yaml"
    real.parent.mkdir()
    real.write_text(text[:start] + text[end:], encoding="utf-8")
    (tmp_path / "metaal-2023-2025.yaml").write_text(METAAL.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("settle", "metaal-2023-2025.yaml", "-r", "examples/real.yaml")
    assert result.exit_code == 0
    assert ("* AANNAME: INOM Bedienden vzw (0434.030.854) staat niet in de personeelsgegevens van het eindrapport "
            "en is als volledig bezet beschouwd (geen vermindering)") in result.stdout
    data = settlement(run_cli("settle", "metaal-2023-2025.yaml", "-r", "examples/real.yaml", "--format",
                              "json").stdout)
    assert {"code": "fully_staffed", "beneficiary": "0434030854"} in data["warnings"]


def test_the_explanation_reads_as_blocks_at_every_width(run_cli, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "80")
    text = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--explain").stdout
    assert "┃ Onderwerp" not in text and max(len(line) for line in text.splitlines()) <= 80
    block = text[text.index("\nmtech+ Limburg vzw (0434.112.117)\n"):]
    assert re.search(r"\n  Vermindering afwezigheid \(R4, Art\. 5\) *\n    per VTE 106\.000,00; 62,00 VTE-dagen", block)
    assert "    → 106.000,00 × 62,00 / 731 = 8.990,4241 → 8.990,42" in block
    monkeypatch.setenv("COLUMNS", "200")
    wide = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--explain").stdout
    assert "┃ Onderwerp" not in wide  # no giant table: an eindrapport of 10.000 absences must stay readable
    assert "    → 106.000,00 × 62,00 / 731 = 8.990,4241 → 8.990,42 (eenmaal half naar boven afgerond)" in wide


def test_a_dutch_reason_gets_a_did_you_mean(run_cli, tmp_path, monkeypatch):
    real = tmp_path / "examples" / "real.yaml"
    real.parent.mkdir()
    real.write_text(METAAL_REAL.read_text(encoding="utf-8").replace("reason: accident}", "reason: ongeval}"),
                    encoding="utf-8")
    (tmp_path / "metaal-2023-2025.yaml").write_text(METAAL.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run_cli("validate", "examples/real.yaml")
    assert result.exit_code == 1
    assert "hint: did you mean `accident`? The YAML keeps English words" in result.stdout
