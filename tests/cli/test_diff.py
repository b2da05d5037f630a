"""`convenant diff`: matched by enterprise number and id, money effect, exit codes as diff(1)."""

from __future__ import annotations

import json
from decimal import Decimal

from openpyxl import load_workbook

from tests.conftest import CONVENANTS, DATA, EXAMPLES

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
SMALL = DATA / "valid" / "small-convenant.yaml"


def diff_json(run_cli, old, new):
    result = run_cli("diff", old, new, "--format", "json")
    return result.exit_code, json.loads(result.stdout) if result.stdout else None


def variant(write_yaml, name, replacements, source=SMALL):
    text = source.read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    return write_yaml(name, text)


def test_identical_files_exit_0_without_rows(run_cli):
    result = run_cli("diff", METAAL, METAAL)
    assert (result.exit_code, result.stdout) == (0, "")
    assert "geen verschillen" in result.stderr
    code, data = diff_json(run_cli, METAAL, METAAL)
    assert (code, data["same"], data["changes"], data["money"]["beneficiaries"]) == (0, True, [], [])


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


def test_iban_change_is_flagged_first_as_a_bank_account_change(run_cli, write_yaml):
    new = variant(write_yaml, "n.yaml", [("fte: 4.00", "fte: 4.00\nnotes: amended"),
                                         ("BE80 4586 5327 5177", "BE98 7350 0290 1193")])
    code, data = diff_json(run_cli, SMALL, new)
    assert code == 1
    assert [(c["category"], c["field"], c["old"], c["new"]) for c in data["changes"]] == [
        ("bank_account", "iban", "BE80458653275177", "BE98735002901193"),
        ("scalar", "notes", None, "amended")]
    table = run_cli("diff", SMALL, new).stdout
    assert table.index("BANKREKENING GEWIJZIGD") < table.index("Algemeen")
    assert "BE80 4586 5327 5177" in table and "BE98 7350 0290 1193" in table


def test_money_moved_between_groups_shows_the_effect_per_beneficiary(run_cli):
    code, data = diff_json(run_cli, METAAL, EXAMPLES / "metaal-2023-2025-gewijzigd.yaml")
    assert code == 1
    money = data["money"]
    # group c: 91.160,00 -> 112.360,00 (+21.200); d: 2 x (53.000,00 -> 42.400,00) = -21.200: total unchanged
    assert [(b["name"], b["old_maximum"], b["new_maximum"], b["difference"]) for b in money["beneficiaries"]] == [
        ("RTM Vlaams-Brabant vzw", "91160.00", "112360.00", "21200.00"),
        ("INOM Bedienden vzw", "53000.00", "42400.00", "-10600.00"),
        ("mtech+ Brabant vzw", "53000.00", "42400.00", "-10600.00")]
    assert money["totals"] == {"old": "1166000.00", "new": "1166000.00", "difference": "0.00"}
    assert money["per_fte"] == {"old": "106000.00", "new": "106000.00"}
    changes = [(c["category"], c["subject"], c["field"]) for c in data["changes"]]
    assert changes.count(("bank_account", "mtech+ Limburg vzw (0434.112.117)", "iban")) == 1
    assert changes.count(("commitment", "R3 Bereiken van personen in de zijinstroom richting sector",
                          "target opgeleide werkzoekenden (year 2)")) == 1
    assert len(changes) == 8  # 1 IBAN + 3 beneficiaries x (amount_each, fte_each) + 1 target


def test_raised_target(run_cli, write_yaml):
    new = variant(write_yaml, "n.yaml", [("{indicator: bedrijfsbezoeken, year: 2, minimum: 200}",
                                          "{indicator: bedrijfsbezoeken, year: 2, minimum: 250}")])
    code, data = diff_json(run_cli, SMALL, new)
    assert code == 1
    assert [(c["change"], c["field"], c["old"], c["new"]) for c in data["changes"]] == [
        ("changed", "target bedrijfsbezoeken (year 2)", "200", "250")]
    assert data["money"]["beneficiaries"] == []


def test_member_added_and_removed(run_cli, write_yaml):
    new = variant(write_yaml, "n.yaml", [
        ("      - name: mtech+ Limburg vzw\n        enterprise_number: 0434.112.117\n"
         "        iban: BE80 4586 5327 5177\n        address: Wetenschapspark 35, 3590 Diepenbeek\n",
         "      - name: RTM Vlaams-Brabant vzw\n        enterprise_number: 0474.431.354\n"
         "        iban: BE10 3101 6922 7704\n        address: Gaston Geenslaan 8, 3001 Leuven\n")])
    code, data = diff_json(run_cli, SMALL, new)
    assert code == 1
    assert [(c["change"], c["subject"]) for c in data["changes"]] == [
        ("removed", "mtech+ Limburg vzw (0434.112.117)"), ("added", "RTM Vlaams-Brabant vzw (0474.431.354)")]
    assert data["changes"][1]["new"]["amount_each"] == "106000.00"
    effects = data["money"]["beneficiaries"]
    assert [(e["name"], e["old_maximum"], e["new_maximum"], e["difference"]) for e in effects] == [
        ("mtech+ Limburg vzw", "106000.00", None, "-106000.00"),
        ("RTM Vlaams-Brabant vzw", None, "106000.00", "106000.00")]


def test_covenant_against_addendum_is_a_clear_error(run_cli):
    result = run_cli("diff", METAAL, CONVENANTS / "metaal-duaal-leren-2023-2025.yaml")
    assert result.exit_code == 2
    assert "cannot compare a convenant with an addendum" in result.stderr
    assert result.stdout == ""


def test_invalid_file_shows_its_problems_and_exits_2(run_cli):
    bad = DATA / "invalid" / "bad-iban.yaml"
    result = run_cli("diff", SMALL, bad)
    assert result.exit_code == 2
    assert "error[CV206]" in result.stderr


def test_two_realisations(run_cli, write_yaml, tmp_path, monkeypatch):
    old = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
    text = old.read_text().replace("value: 188}", "value: 201}").replace("amount: 196100.00}", "amount: 190000.00}")
    write_yaml("metaal.yaml", METAAL.read_text())
    text = text.replace("convenant: ../metaal-2023-2025.yaml", "convenant: ../metaal.yaml")
    new = write_yaml("examples/r.yaml", text)
    monkeypatch.chdir(tmp_path)  # outside a git work tree, the current folder is the project root
    code, data = diff_json(run_cli, old, new)
    assert code == 1
    assert [(c["category"], c["field"], c["old"], c["new"]) for c in data["changes"]] == [
        ("scalar", "convenant", "../metaal-2023-2025.yaml", "../metaal.yaml"),
        ("result", "value bedrijfsbezoeken (year 2)", "188", "201"),
        ("payment", "advances", "196100.00", "190000.00")]


def test_xlsx_money_sheet_sums(run_cli, tmp_path):
    out = tmp_path / "diff.xlsx"
    result = run_cli("diff", METAAL, EXAMPLES / "metaal-2023-2025-gewijzigd.yaml", "--xlsx", out)
    assert result.exit_code == 1
    book = load_workbook(out)
    assert book.sheetnames == ["Wijzigingen", "Geldeffect"]
    assert book["Wijzigingen"]["A2"].value == "BANKREKENING GEWIJZIGD (IBAN)"
    money = book["Geldeffect"]
    assert money["E5"].value == "=SUM(E2:E4)"
    assert sum(Decimal(str(money[f"E{r}"].value)) for r in (2, 3, 4)) == 0
