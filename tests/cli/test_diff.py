"""`convenant diff`: structured changes matched by key, money effects on the maximum and on
the settlement, the workbook, Dutch for people, exit codes as diff(1)."""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook

from tests.conftest import CONVENANTS, DATA, EXAMPLES, ROOT, judging, one_line
from tests.conftest import settlement as settled_json

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
AMENDED = ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"
EXTENSION = EXAMPLES / "metaal-verlenging-2025-2026.yaml"
SMALL = DATA / "valid" / "small-convenant.yaml"
# English that must not reach a reader ("minimum" is Dutch too)
ENGLISH = re.compile(r"\b(changed|added|removed|target|year|amount_each|fte_each|iban|value)\b")


def diff_json(run_cli, old, new, *extra):
    result = run_cli("diff", old, new, "--format", "json", *extra)
    return result.exit_code, json.loads(result.stdout) if result.stdout else None


def variant(write_yaml, name, replacements, source=SMALL):
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return write_yaml(name, text)


def test_identical_files_exit_0_without_rows(run_cli, dutch):
    result = run_cli("diff", METAAL, METAAL)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "geen verschillen" in result.stderr
    code, data = diff_json(run_cli, METAAL, METAAL)
    assert (code, data["same"], data["changes"], data["money"]["maximum"]["beneficiaries"], data["problems"]) == (
        0, True, [], [], [])
    assert data["money"]["settlement"] is None


def test_reordered_members_and_groups_are_no_change(run_cli, write_yaml):
    text = SMALL.read_text()
    head, rest = text.split("beneficiaries:\n")
    groups, commitments = rest.split("result_commitments:\n")
    a, b = groups.split("  - group: b\n")
    b_members = b.split("      - name: ")
    reordered_b = b_members[0] + "      - name: " + b_members[2].rstrip("\n") + "\n      - name: " + b_members[1]
    swapped = head + "beneficiaries:\n  - group: b\n" + reordered_b + a + "result_commitments:\n" + commitments
    new = write_yaml("reordered.yaml", swapped)
    assert new.read_text() != text
    code, data = diff_json(run_cli, SMALL, new)
    assert (code, data["changes"]) == (0, [])


def test_every_change_has_a_structured_subject_a_path_and_typed_values(run_cli, write_yaml, dutch):
    new = variant(write_yaml, "n.yaml", [("fte: 4.00", "fte: 4.00\nnotes: amended"),
                                         ("BE80 4586 5327 5177", "BE98 7350 0290 1193"),
                                         ("amount_each: 212000.00", "amount_each: 211000.00"),
                                         ("max_subsidy: 424000.00", "max_subsidy: 423000.00")])
    code, data = diff_json(run_cli, SMALL, new)
    assert code == 1
    assert data["kinds"] == {"old": "convenant", "new": "convenant"} and data["kind"] == "convenant"
    iban, maximum, notes, amount = data["changes"]
    assert iban == {"category": "bank_account", "change": "changed",
                    "subject": {"type": "beneficiary", "key": {"enterprise_number": "0434112117"},
                                "name": "mtech+ Limburg vzw"},
                    "path": "beneficiaries[enterprise_number=0434112117].iban", "field": "iban", "unit": "iban",
                    "old": "BE80458653275177", "new": "BE98735002901193"}
    assert maximum == {"category": "scalar", "change": "changed",
                       "subject": {"type": "covenant", "key": {"id": "small-2023-2025"}, "name": "Small test covenant"},
                       "path": "max_subsidy", "field": "max_subsidy", "unit": "euro",
                       "old": "424000.00", "new": "423000.00"}
    assert (notes["path"], notes["unit"], notes["old"], notes["new"]) == ("notes", "text", None, "amended")
    assert (amount["path"], amount["unit"], amount["old"], amount["new"]) == (
        "beneficiaries[enterprise_number=0409845289].amount_each", "euro", "212000.00", "211000.00")
    table = run_cli("diff", SMALL, new).stdout
    assert table.index("BANKREKENING GEWIJZIGD") < table.index("Algemeen")
    assert "BE80 4586 5327 5177" in table and "BE98 7350 0290 1193" in table
    assert "Rekeningnummer (IBAN)" in table and "Bedrag per begunstigde" in table and "gewijzigd" in table


def test_money_moved_between_groups_shows_the_effect_per_beneficiary(run_cli):
    code, data = diff_json(run_cli, METAAL, AMENDED)
    assert code == 1
    maximum = data["money"]["maximum"]
    # group c: 91.160,00 -> 112.360,00 (+21.200); d: 2 x (53.000,00 -> 42.400,00) = -21.200: total unchanged
    assert [(b["name"], b["old"], b["new"], b["difference"]) for b in maximum["beneficiaries"]] == [
        ("RTM Vlaams-Brabant vzw", "91160.00", "112360.00", "21200.00"),
        ("INOM Bedienden vzw", "53000.00", "42400.00", "-10600.00"),
        ("mtech+ Brabant vzw", "53000.00", "42400.00", "-10600.00")]
    assert maximum["totals"] == {"old": "1166000.00", "new": "1166000.00", "difference": "0.00"}
    assert maximum["per_fte"] == {"old": "106000.00", "new": "106000.00"}
    target = next(c for c in data["changes"] if c["subject"]["type"] == "target")
    assert target == {"category": "commitment", "change": "changed",
                      "subject": {"type": "target", "key": {"id": "R3", "indicator": "opgeleide werkzoekenden",
                                                            "year": "2"}, "name": "opgeleide werkzoekenden"},
                      "path": "result_commitments[id=R3].targets[indicator=opgeleide werkzoekenden,year=2].minimum",
                      "field": "minimum", "unit": "count", "old": "300", "new": "320"}
    assert len(data["changes"]) == 8  # 1 IBAN + 3 beneficiaries x (amount_each, fte_each) + 1 target


def test_member_added_and_removed_carry_their_values(run_cli, write_yaml):
    new = variant(write_yaml, "n.yaml", [
        ("      - name: mtech+ Limburg vzw\n        enterprise_number: 0434.112.117\n"
         "        iban: BE80 4586 5327 5177\n        address: Wetenschapspark 35, 3590 Diepenbeek\n",
         "      - name: RTM Vlaams-Brabant vzw\n        enterprise_number: 0474.431.354\n"
         "        iban: BE10 3101 6922 7704\n        address: Gaston Geenslaan 8, 3001 Leuven\n")])
    code, data = diff_json(run_cli, SMALL, new)
    assert code == 1
    removed, added = data["changes"]
    assert (removed["change"], removed["subject"]["key"], removed["path"], removed["unit"], removed["new"]) == (
        "removed", {"enterprise_number": "0434112117"}, "beneficiaries[enterprise_number=0434112117]", "record", None)
    assert added["new"] == {"group": "b", "amount_each": "106000.00", "fte_each": "1.00",
                            "name": "RTM Vlaams-Brabant vzw", "iban": "BE10310169227704",
                            "address": "Gaston Geenslaan 8, 3001 Leuven"}
    effects = data["money"]["maximum"]["beneficiaries"]
    assert [(e["name"], e["old"], e["new"], e["difference"]) for e in effects] == [
        ("mtech+ Limburg vzw", "106000.00", None, "-106000.00"),
        ("RTM Vlaams-Brabant vzw", None, "106000.00", "106000.00")]


def test_a_covenant_against_an_ordinary_addendum_is_a_clear_error(run_cli):
    result = run_cli("diff", METAAL, CONVENANTS / "metaal-duaal-leren-2023-2025.yaml")
    assert result.exit_code == 2
    assert "cannot compare a convenant with an addendum" in result.stderr
    assert result.stdout == ""


def test_a_covenant_against_its_extension_shows_what_the_extension_changes(run_cli):
    code, data = diff_json(run_cli, METAAL, EXTENSION)
    assert code == 1
    assert data["kinds"] == {"old": "convenant", "new": "addendum"}
    scalars = {c["path"]: (c["old"], c["new"]) for c in data["changes"] if c["category"] == "scalar"}
    assert scalars["kind"] == ("convenant", "addendum")
    assert scalars["max_subsidy"] == ("1166000.00", "583000.00")
    assert scalars["period.start"] == ("2023-07-01", "2025-07-01")
    assert scalars["period.end"] == ("2025-06-30", "2026-06-30")
    assert not any(path.startswith("rules.") for path in scalars)  # the extension keeps its covenant's rules
    # every maximum halves: INOM vzw 392.200,00 -> 196.100,00
    inom = data["money"]["maximum"]["beneficiaries"][0]
    assert (inom["old"], inom["new"], inom["difference"]) == ("392200.00", "196100.00", "-196100.00")


def test_a_checksum_error_is_reported_beside_the_difference(run_cli, write_yaml):
    new = variant(write_yaml, "n.yaml", [("BE80 4586 5327 5177", "BE80 4586 5327 5178")])
    result = run_cli("diff", SMALL, new, "--format", "json")
    assert result.exit_code == 1  # the files differ; the problem does not hide the difference
    assert "error[CV206]" in result.stderr
    data = json.loads(result.stdout)
    assert [(c["field"], c["old"], c["new"]) for c in data["changes"]] == [
        ("iban", "BE80458653275177", "BE80458653275178")]
    assert [(p["code"], p["line"]) for p in data["problems"]] == [("CV206", 28)]


def test_a_file_whose_structure_cannot_be_read_is_exit_2(run_cli):
    result = run_cli("diff", SMALL, DATA / "invalid" / "wrong-type.yaml")
    assert result.exit_code == 2
    assert "error[CV103]" in result.stderr and "the structure of" in result.stderr


def _write_corrected(project) -> None:
    """examples/corrected.yaml: the project's eindrapport with R1 work year 2 counted 201, an
    accident ended a month earlier, and INOM's advance paid in two dated tranches."""
    corrected = (project / "examples" / "real.yaml").read_text(encoding="utf-8")
    corrected = corrected.replace("value: 188}", "value: 201}").replace(
        "{start: 2025-01-06, end: 2025-03-31, reason: accident}",
        "{start: 2025-01-06, end: 2025-02-28, reason: accident}")
    corrected = corrected.replace("{beneficiary: 0409.845.289, amount: 196100.00}",
                                  "{beneficiary: 0409.845.289, amount: 98050.00, date: 2023-09-15}\n"
                                  "  - {beneficiary: 0409.845.289, amount: 98050.00, date: 2024-09-15}")
    (project / "examples" / "corrected.yaml").write_text(corrected, encoding="utf-8")


def test_a_corrected_eindrapport_shows_its_money_effect_as_two_settlements_do(run_cli, project):
    _write_corrected(project)
    code, data = diff_json(run_cli, "examples/real.yaml", "examples/corrected.yaml")
    assert code == 1
    paths = [c["path"] for c in data["changes"]]
    assert "results[R1].actuals[indicator=bedrijfsbezoeken,year=2].value" in paths
    accident = next(c for c in data["changes"] if c["subject"]["type"] == "absence")
    assert (accident["path"], accident["field"], accident["old"], accident["new"]) == (
        "staffing[beneficiary=0474431354].consultants[key=Consulent L].absences[start=2025-01-06].end", "end",
        "2025-03-31", "2025-02-28")
    assert accident["subject"]["key"] == {"beneficiary": "0474431354", "consultant": "Consulent L",
                                          "start": "2025-01-06"}
    tranches = [(c["change"], c["subject"]["key"]) for c in data["changes"] if c["subject"]["type"] == "advance"]
    assert tranches == [("removed", {"beneficiary": "0409845289", "date": "", "reference": ""}),
                        ("added", {"beneficiary": "0409845289", "date": "2023-09-15", "reference": ""}),
                        ("added", {"beneficiary": "0409845289", "date": "2024-09-15", "reference": ""})]
    before = settled_json(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--format", "json").stdout)
    text = (project / "examples" / "corrected.yaml").read_text(encoding="utf-8")
    after = settled_json(run_cli("settle", "metaal.yaml", "-r", "examples/corrected.yaml", "--format", "json").stdout)
    assert text  # the same file the diff read
    settlement = data["money"]["settlement"]
    assert settlement["realisations"] == {"old": "examples/real.yaml", "new": "examples/corrected.yaml"}
    for key in ("deduction", "payable", "balance"):
        assert settlement["totals"]["old"][key] == before["totals"][key]
        assert settlement["totals"]["new"][key] == after["totals"][key]
        assert Decimal(settlement["totals"]["difference"][key]) == (
            Decimal(after["totals"][key]) - Decimal(before["totals"][key]))
    rtm = next(b for b in settlement["beneficiaries"] if b["enterprise_number"] == "0474431354")
    # the accident now ends 28 February: 6 Jan - 28 Feb = 54 days, 30 covered, 24 x 0,86 = 20,64 FTE-days:
    # 106.000 x 20,64 / 731 = 2.992,9412 -> 2.992,94 (it was 6.858,82)
    assert (rtm["old"]["deduction"], rtm["new"]["deduction"], rtm["difference"]["deduction"]) == (
        "6858.82", "2992.94", "-3865.88")
    by_number = {b["enterprise_number"]: b for b in after["beneficiaries"]}
    for line in settlement["beneficiaries"]:
        assert line["new"]["payable"] == by_number[line["enterprise_number"]]["payable"]


def test_an_amended_covenant_settled_on_one_eindrapport(run_cli, project):
    amended = AMENDED.read_text(encoding="utf-8")
    (project / "amended.yaml").write_text(amended, encoding="utf-8")
    code, data = diff_json(run_cli, "metaal.yaml", "amended.yaml", "--realisation", "examples/real.yaml")
    assert code == 1
    settlement = data["money"]["settlement"]
    assert settlement["realisations"] == {"old": "examples/real.yaml", "new": "examples/real.yaml"}
    fitted = (project / "examples" / "real.yaml").read_text(encoding="utf-8").replace("../metaal.yaml",
                                                                                      "../amended.yaml")
    (project / "examples" / "for-amended.yaml").write_text(fitted, encoding="utf-8")
    after = settled_json(run_cli("settle", "amended.yaml", "-r", "examples/for-amended.yaml", "--format",
                               "json").stdout)
    # R3's year-2 target rises to 320 and 305 were trained: 1 of 3 met, below half, no result financing
    assert after["ratio"] == "0/1"
    assert settlement["totals"]["new"]["payable"] == after["totals"]["payable"]
    rtm = next(b for b in settlement["beneficiaries"] if b["enterprise_number"] == "0474431354")
    assert rtm["new"]["payable"] == next(b for b in after["beneficiaries"]
                                         if b["enterprise_number"] == "0474431354")["payable"]


def test_consultants_are_matched_by_key_after_nfc_and_absences_by_their_first_day(run_cli, project, dutch):
    text = (project / "examples" / "real.yaml").read_text(encoding="utf-8")
    old = text.replace("{name: Consulent M, fte: 0.5}", '{name: "Jos\\u00e9 M", fte: 0.5}')
    new = text.replace("{name: Consulent M, fte: 0.5}", '{name: "Jose\\u0301 M", fte: 0.5}').replace(
        "{start: 2024-09-01, end: 2025-02-28, reason: time_credit, fte: 0.2}",
        "{start: 2024-09-01, end: 2025-02-28, reason: time_credit, fte: 0.3}")
    (project / "examples" / "a.yaml").write_text(old, encoding="utf-8")
    (project / "examples" / "b.yaml").write_text(new, encoding="utf-8")
    code, data = diff_json(run_cli, "examples/a.yaml", "examples/b.yaml")
    assert code == 1
    [change] = [c for c in data["changes"] if c["category"] == "staffing"]  # the name typed two ways is one name
    assert (change["path"], change["old"], change["new"]) == (
        "staffing[beneficiary=0409845289].consultants[key=Consulent A].absences[start=2024-09-01].fte",
        "0.2", "0.3")
    table = run_cli("diff", "examples/a.yaml", "examples/b.yaml").stdout
    # the consultant, and the beneficiary by the name its covenant gives (settled beside the diff)
    assert ("Consulent A, INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende Nijverheid "
            "(0409.845.289): afwezigheid vanaf 2024-09-01") in " ".join(table.replace("│", " ").split())


def test_the_table_and_workbook_are_dutch(run_cli, tmp_path, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "200")
    table = run_cli("diff", METAAL, AMENDED).stdout
    assert "gewijzigd" in table and "Streefcijfer (minimum)" in table
    assert not ENGLISH.search(table), ENGLISH.search(table)
    out = tmp_path / "diff.xlsx"
    assert run_cli("diff", METAAL, AMENDED, "--xlsx", out).exit_code == 1
    book = load_workbook(out)
    # a change in words a person reads (its subject by name and number, its field by label), no machine path
    assert [cell.value for cell in book["Wijzigingen"][2]] == ["Onderwerp", "Categorie", "Wijziging", "Veld", "Oud",
                                                                "Nieuw"]
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    assert not ENGLISH.search(value) and "[" not in value, (sheet.title, value)


def sum_of(sheet, formula: str) -> Decimal:
    match = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", formula)
    assert match, formula
    column, first, last = match.group(1), int(match.group(2)), int(match.group(4))
    return sum((Decimal(str(sheet[f"{column}{row}"].value)) for row in range(first, last + 1)), Decimal(0))


def test_the_workbook_totals_are_the_maximum_subsidies_and_amounts_are_numbers(run_cli, tmp_path, dutch):
    out = tmp_path / "diff.xlsx"
    result = run_cli("diff", METAAL, AMENDED, "--xlsx", out)
    assert result.exit_code == 1
    book = load_workbook(out)
    assert book.sheetnames == ["Wijzigingen", "Geldeffect maximum"]
    money = book["Geldeffect maximum"]
    rows = list(money.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 10  # all eight beneficiaries, the total, the amount per FTE
    total = rows[-2]
    # 1.166.000,00 / 11 FTE = 106.000,00 before and after (the amendment moves FTE between beneficiaries)
    assert rows[-1] == ("Bedrag per VTE", None, 106000, 106000, None, None)
    assert total[0] == "Totaal (maximale toelage)"
    # the totals add every beneficiary: 1.166.000,00 before and after, 0,00 difference
    assert [sum_of(money, total[column]) for column in (2, 3, 4)] == [Decimal("1166000"), Decimal("1166000"), 0]
    assert money["B2"].value == "0409.845.289"  # enterprise numbers as the settle workbook writes them
    assert "€" in money["C2"].number_format and money.freeze_panes == "B2"
    changes = book["Wijzigingen"]
    amount = next(row for row in changes.iter_rows(min_row=3) if row[3].value == "Bedrag per begunstigde")
    assert (amount[4].value, amount[5].value) == (91160, 112360) and "€" in amount[4].number_format
    assert changes.freeze_panes == "B3" and changes.page_setup.orientation == "landscape"


def test_the_workbook_holds_the_settlement_effect_and_the_problems(run_cli, project, tmp_path, dutch):
    corrected = (project / "examples" / "real.yaml").read_text(encoding="utf-8").replace("value: 188}", "value: 201}")
    (project / "examples" / "corrected.yaml").write_text(corrected, encoding="utf-8")
    judged = (project / "examples" / "beoordeling.yaml").read_text(encoding="utf-8")
    (project / "examples" / "beoordeling-corrected.yaml").write_text(
        judging(judged.replace("realisation: real.yaml", "realisation: corrected.yaml"),
                project / "examples" / "corrected.yaml"), encoding="utf-8")
    out = tmp_path / "effect.xlsx"
    assert run_cli("diff", "examples/real.yaml", "examples/corrected.yaml", "--assessment", "examples/beoordeling.yaml",
                   "--assessment", "examples/beoordeling-corrected.yaml", "--xlsx", out).exit_code == 1
    sheet = load_workbook(out)["Geldeffect afrekening"]
    header = [cell.value for cell in sheet[1]]
    total = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Totaal")
    column = header.index("Uit te betalen verschil")
    # all three commitments met now: 2/3 -> 1; the result financing grows by a third of 0,30 x the base
    assert sum_of(sheet, total[column].value) == Decimal("105617.76")


def test_the_workbook_names_each_change_in_words_and_only_once(run_cli, project, tmp_path, dutch):
    """Without a machine path, a change is told apart by what a person reads: its subject (the
    beneficiary by name and number, a consultant's absence by its first day, an advance by its
    date) and its field's label."""
    _write_corrected(project)
    _code, data = diff_json(run_cli, "examples/real.yaml", "examples/corrected.yaml")
    out = tmp_path / "diff.xlsx"
    assert run_cli("diff", "examples/real.yaml", "examples/corrected.yaml", "--xlsx", out).exit_code == 1
    rows = [row[:4] for row in load_workbook(out)["Wijzigingen"].iter_rows(min_row=3, values_only=True)]
    assert len(rows) == len(data["changes"]) == len(set(rows)) >= 5
    assert ("Consulent L, RTM Vlaams-Brabant vzw (0474.431.354): afwezigheid vanaf 2025-01-06", "Personeel",
            "gewijzigd", "Einddatum") in rows
    assert ("Voorschot INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende Nijverheid "
            "(0409.845.289) 2024-09-15", "Voorschotten en kosten", "toegevoegd", "") in [
        (subject, category, change, field or "") for subject, category, change, field in rows]


def test_diff_with_two_realisations_and_realisation_option_is_a_usage_error(run_cli):
    result = run_cli("diff", METAAL_REAL, METAAL_REAL, "--realisation", METAAL_REAL)
    assert result.exit_code == 2
    assert "--realisation goes with two covenants or addenda" in result.stderr


def test_the_json_reference_documents_the_diff_fields():
    page = (Path(__file__).resolve().parents[2] / "docs" / "reference" / "json.md").read_text(encoding="utf-8")
    diff = page[page.index("## diff"):]
    for key in ('"subject"', '"path"', '"unit"', '"money"', '"maximum"', '"settlement"', '"problems"', '"kinds"'):
        assert key in diff, key


# -- a version that lists a key twice is never compared by merging (issue 40.7) -------------

def test_a_beneficiary_listed_twice_gives_no_comparison_and_no_money_effect(run_cli, write_yaml, tmp_path,
                                                                            monkeypatch):
    # the new version lists mtech+ Limburg under the number of mtech+ Antwerpen: matched by
    # enterprise number, the two entries would merge into one (a total of 3 x 106.000,00 beside
    # a row of -106.000,00)
    new = variant(write_yaml, "new.yaml", [("enterprise_number: 0434.112.117", "enterprise_number: 0433.981.067")])
    monkeypatch.chdir(tmp_path)  # paths shown as new.yaml
    for old_file, new_file in ((SMALL, new), (new, SMALL)):
        for output_format in ("table", "json"):
            result = run_cli("diff", old_file, new_file, "--format", output_format)
            assert result.exit_code == 1, result.stderr
            assert result.stdout == ""  # no changes, no money table, no JSON that merged the two
            assert "error[CV208]: enterprise number 0433.981.067 appears twice" in result.stderr
            assert ("convenant: error: cannot compare: new.yaml lists a beneficiary or a consultant twice (see "
                    "above)") in result.stderr
            assert "Traceback" not in result.stderr


def test_two_consultants_with_one_name_give_no_comparison(run_cli, write_yaml, monkeypatch):
    small = DATA / "valid" / "small-realisation.yaml"
    write_yaml("small-convenant.yaml", SMALL.read_text(encoding="utf-8"))
    old = write_yaml("old.yaml", small.read_text(encoding="utf-8"))
    new = variant(write_yaml, "new.yaml", [("- {name: Consulent C, fte: 1.0}",
                                            "- {name: Consulent C, fte: 1.0}\n      - {name: Consulent C, fte: 0.5}")],
                  source=small)
    monkeypatch.chdir(old.parent)
    result = run_cli("diff", old, new, "--xlsx", old.parent / "diff.xlsx")
    assert result.exit_code == 1 and result.stdout == ""
    assert "error[CV515]: two consultants of one beneficiary have the name 'Consulent C'" in result.stderr
    assert "cannot compare: new.yaml lists a beneficiary or a consultant twice" in result.stderr
    assert not (old.parent / "diff.xlsx").exists()


def test_a_value_for_a_target_over_the_whole_term_is_said_so(run_cli, write_yaml, monkeypatch):
    # R1 of the small covenant has a target per work year; a value without `year` is for the
    # whole term, which has none: said in words, never "year None"
    write_yaml("small-convenant.yaml", SMALL.read_text(encoding="utf-8"))
    small = DATA / "valid" / "small-realisation.yaml"
    old = write_yaml("old.yaml", small.read_text(encoding="utf-8"))
    new = variant(write_yaml, "new.yaml", [("{indicator: bedrijfsbezoeken, year: 2, value: 188}",
                                            "{indicator: bedrijfsbezoeken, value: 188}")], source=small)
    monkeypatch.chdir(old.parent)
    result = run_cli("diff", old, new)
    assert "error[CV504]: R1 has no target bedrijfsbezoeken for the whole term" in result.stderr
    assert "R1: no value for bedrijfsbezoeken (year 2)" in result.stderr
    assert "None" not in result.stderr


def test_one_covenant_named_by_two_paths_is_no_change(run_cli, project):
    # the eindrapport as `import` writes it beside another folder names the same covenant by
    # another path: both resolve to metaal.yaml, so nothing changed (exit 0)
    (project / "elders").mkdir()
    real = (project / "examples" / "real.yaml").read_text(encoding="utf-8")
    (project / "elders" / "real.yaml").write_text(real, encoding="utf-8")  # ../metaal.yaml from elders/ too
    (project / "real-hier.yaml").write_text(real.replace("convenant: ../metaal.yaml", "convenant: metaal.yaml"),
                                            encoding="utf-8")
    result = run_cli("diff", "examples/real.yaml", "real-hier.yaml", "--format", "json")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert json.loads(result.stdout)["changes"] == []


def test_a_copy_of_the_covenant_with_the_same_content_is_no_change_but_another_covenant_is(run_cli, project):
    # same SHA-256: the same covenant under another name; one byte more: another file, reported
    real = (project / "examples" / "real.yaml").read_text(encoding="utf-8")
    covenant = (project / "metaal.yaml").read_text(encoding="utf-8")
    (project / "kopie.yaml").write_text(covenant, encoding="utf-8")
    (project / "ander.yaml").write_text(covenant + "# een opmerking\n", encoding="utf-8")
    (project / "real-kopie.yaml").write_text(real.replace("../metaal.yaml", "kopie.yaml"), encoding="utf-8")
    (project / "real-ander.yaml").write_text(real.replace("../metaal.yaml", "ander.yaml"), encoding="utf-8")
    same = run_cli("diff", "examples/real.yaml", "real-kopie.yaml", "--format", "json")
    assert same.exit_code == 0, same.stdout + same.stderr
    other = run_cli("diff", "examples/real.yaml", "real-ander.yaml", "--format", "json")
    assert other.exit_code == 1, other.stdout + other.stderr
    assert [(c["field"], c["old"], c["new"]) for c in json.loads(other.stdout)["changes"]] == [
        ("convenant", "../metaal.yaml", "ander.yaml")]


def test_the_money_effect_of_a_provisional_settlement_says_so(run_cli):
    # without the auditor's assessment R2 waits on both sides: each payable counts it as not met
    # (Metaal's 798.335,17 of test_generation), so the difference is only what is certain too
    args = (CONVENANTS / "metaal-2023-2025.yaml", ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml",
            "--realisation", EXAMPLES / "metaal-2023-2025-realisatie.yaml")
    _code, data = diff_json(run_cli, *args)
    settlement = data["money"]["settlement"]
    assert settlement["status"] == {"old": "provisional", "new": "provisional"}
    assert settlement["awaiting_verdict"] == {"old": ["R2"], "new": ["R2"]}
    assert settlement["totals"]["old"]["payable"] == "798335.17"
    table = run_cli("diff", *args)
    assert ("* PROVISIONAL (old): R2 waits for the auditor's verdict; its payable counts it as not met, and so does "
            "this difference") in one_line(table.stdout)
    judged = ("--assessment", EXAMPLES / "metaal-2023-2025-beoordeling.yaml")
    _code, settled = diff_json(run_cli, *args, *judged)
    assert settled["money"]["settlement"]["status"] == {"old": "settled", "new": "settled"}
    assert settled["money"]["settlement"]["awaiting_verdict"] == {"old": [], "new": []}
    assert "PROVISIONAL" not in run_cli("diff", *args, *judged).stdout


def test_two_files_of_two_agreements_are_said_to_be_no_versions(run_cli):
    # the Metaal and Social profit assessments judge eindrapporten of two covenants: the diff runs
    # (a verdict R2 ja -> nee) but says the two are no versions of one agreement
    result = run_cli("diff", EXAMPLES / "metaal-2023-2025-beoordeling.yaml",
                     EXAMPLES / "social-profit-2023-2025-beoordeling.yaml")
    assert ("are of two agreements (metaal-2023-2025, social-profit-2023-2025), not two versions of one: the "
            "changes are how they differ") in result.stderr
    # a covenant beside its amended version, or beside its extension, is one line of versions
    for new in (ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml", EXAMPLES / "metaal-verlenging-2025-2026.yaml"):
        assert "two agreements" not in run_cli("diff", CONVENANTS / "metaal-2023-2025.yaml", new).stderr
