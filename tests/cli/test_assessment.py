"""The auditor's assessment (`kind: assessment`): the sector's `achieved:` alone leaves a
settlement provisional, the assessment settles it and every output says who judged and when;
pairing in folders, `--as-of`, `diff` of two assessments, `new assessment`, and the checks.

The figures are worked by hand on the golden cases' one-consultant covenant: one beneficiary,
106.000,00 euro for 1,00 FTE over 2023-07-01 - 2025-06-30, three qualitative commitments,
shares 0,70 / 0,30, minimum one half; the consultant works the whole term, so no deduction.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import textwrap
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.conftest import CONVENANTS, EXAMPLES, ROOT, one_line, settlement

CASES = ROOT / "cases"
INOM = "0409845289"
METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"


def _judged(verdicts: dict[str, bool], date: str = "2025-11-14") -> str:
    lines = ["schema_version: 1", "kind: assessment", "realisation: eind.yaml", "auditor: An Peeters",
             f"date: {date}", "verdicts:"]
    lines += [f"  {key}: {{achieved: {str(met).lower()}, note: Eindrapport nagekeken}}"
              for key, met in verdicts.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def one(tmp_path, monkeypatch, run_cli) -> Path:
    """A scratch project: the one-consultant covenant and an eindrapport in which the sector
    assesses all three commitments as achieved itself (`achieved: true`)."""
    shutil.copy(CASES / "basis" / "een-consulent.yaml", tmp_path / "convenant.yaml")
    text = (CASES / "feiten" / "zelfevaluatie.yaml").read_text(encoding="utf-8")
    (tmp_path / "eind.yaml").write_text(text.replace("../basis/een-consulent.yaml", "convenant.yaml"),
                                        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _settled(run_cli, *args: str | Path) -> dict:
    result = run_cli("settle", "convenant.yaml", "-r", "eind.yaml", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return settlement(result.stdout)


def test_the_sectors_achieved_alone_is_provisional_with_both_payables(run_cli, one, dutch):
    data = _settled(run_cli)
    # nobody judged R1-R3: counted as not met, 0 of 3 < 0,5, ratio 0: effort 106.000 x 0,70 = 74.200,00
    # only; if all three are met, 3 of 3: + 106.000 x 0,30 = 31.800,00, payable 106.000,00
    assert (data["status"], data["ratio"], data["ratio_if_met"], data["assessment"]) == (
        "provisional", "0/1", "1/1", None)
    assert data["awaiting_verdict"] == ["R1", "R2", "R3"]
    assert (data["totals"]["payable"], data["totals"]["payable_if_met"]) == ("74200.00", "106000.00")
    assert data["beneficiaries"][0]["balance"] == "21200.00"  # 74.200,00 - 53.000,00 advances
    assert [(r["commitment"], r["status"], r["source"], r["self_assessment"]) for r in data["results"]] == [
        (key, "unjudged", None, {"achieved": True, "note": note})
        for key, note in (("R1", "Eindrapport p. 3"), ("R2", "Eindrapport p. 5"), ("R3", "Eindrapport p. 8"))]
    table = run_cli("settle", "convenant.yaml", "-r", "eind.yaml")
    assert "VOORLOPIG: R1, R2, R3 wachten op het oordeel van de auditor" in one_line(table.stdout)
    assert "zeker uit te betalen 74.200,00, indien behaald 106.000,00" in one_line(table.stdout)
    assert ("convenant: opmerking: geval-een-consulent: voorlopig: R1, R2, R3 wachten op het oordeel van de "
            "auditor") in table.stderr


def test_an_assessment_settles_it_and_every_output_names_the_auditor_and_the_day(run_cli, one, dutch):
    (one / "beoordeling.yaml").write_text(_judged({"R1": True, "R2": True, "R3": True}), encoding="utf-8")
    args = ("--assessment", "beoordeling.yaml")
    data = _settled(run_cli, *args)
    # 3 of 3 judged met by the auditor: 74.200,00 + 31.800,00 = 106.000,00, and nothing waits
    assert (data["status"], data["ratio"], data["totals"]["payable"], data["totals"]["payable_if_met"]) == (
        "settled", "1/1", "106000.00", "106000.00")
    sha = hashlib.sha256((one / "beoordeling.yaml").read_bytes()).hexdigest()
    assert data["assessment"] == {"auditor": "An Peeters", "date": "2025-11-14", "file": "beoordeling.yaml",
                                  "sha256": sha}
    assert {r["source"] for r in data["results"]} == {"assessment"} and data["awaiting_verdict"] == []
    table = run_cli("settle", "convenant.yaml", "-r", "eind.yaml", *args).stdout
    assert "resultaatsratio 1 — beoordeeld door An Peeters op 14 november 2025" in one_line(table)
    assert run_cli("settle", "convenant.yaml", "-r", "eind.yaml", *args, "--xlsx", "uit.xlsx").exit_code == 0
    book = load_workbook(one / "uit.xlsx")
    sources = [list(row) for row in book["Bronnen"].iter_rows(values_only=True)]
    assert ["Beoordeling (geval-een-consulent)", "beoordeeld door An Peeters op 14 november 2025",
            "beoordeling.yaml", "beoordeling van de auditor", None, sha] in sources
    commitments = book["Resultaatsverbintenissen"]
    header = [one_line(cell.value) for cell in commitments[1]]
    decided = [row[header.index("Beslist door")] for row in commitments.iter_rows(min_row=2, values_only=True)]
    assert decided == ["het oordeel van de auditor (beoordeeld door An Peeters op 14 november 2025)"] * 3
    assert run_cli("settle", "convenant.yaml", "-r", "eind.yaml", *args, "--html", "rapport").exit_code == 0
    page = (one / "rapport" / "geval-een-consulent.html").read_text(encoding="utf-8")
    annex = page[page.index('<section class="beneficiary"'):]  # the beneficiary's page: the letter's annex
    assert '<p class="small judged">beoordeeld door An Peeters op 14 november 2025</p>' in annex


def test_an_assessment_dated_after_the_day_decides_nothing_there(run_cli, one, dutch):
    (one / "beoordeling.yaml").write_text(_judged({"R1": True, "R2": True, "R3": True}), encoding="utf-8")
    result = run_cli("settle", "convenant.yaml", "-r", "eind.yaml", "--assessment", "beoordeling.yaml",
                     "--as-of", "2025-06-30", "--format", "json")
    data = settlement(result.stdout)
    # at the term's last day the judgement of 14 November 2025 was not made: provisional, 74.200,00 certain
    assert (data["status"], data["assessment"], data["totals"]["payable"]) == ("provisional", None, "74200.00")
    assert {"code": "assessment_after_day", "assessment": {
        "auditor": "An Peeters", "date": "2025-11-14", "file": "beoordeling.yaml",
        "sha256": hashlib.sha256((one / "beoordeling.yaml").read_bytes()).hexdigest()}} in data["warnings"]
    assert "de beoordeling van 2025-11-14 door An Peeters is gedateerd na 2025-06-30" in result.stderr


def test_two_assessments_of_one_eindrapport_are_ambiguous_and_both_named(run_cli, one, dutch):
    for name in ("eerste.yaml", "tweede.yaml"):
        (one / name).write_text(_judged({"R1": True, "R2": True, "R3": True}), encoding="utf-8")
    found = run_cli("settle", ".")
    assert found.exit_code == 2
    assert "2 beoordelingen van eind.yaml: eerste.yaml, tweede.yaml" in one_line(found.stderr)
    assert "--assessment eerste.yaml" in found.stderr
    named = run_cli("settle", "convenant.yaml", "-r", "eind.yaml", "--assessment", "eerste.yaml",
                    "--assessment", "tweede.yaml")
    assert named.exit_code == 2 and "eerste.yaml, tweede.yaml" in named.stderr
    chosen = run_cli("settle", ".", "--assessment", "tweede.yaml", "--format", "json")
    assert chosen.exit_code == 0, chosen.stderr
    assert settlement(chosen.stdout)["assessment"]["file"] == "tweede.yaml"


def test_a_folder_pairs_an_assessment_with_the_eindrapport_it_names(run_cli, one):
    (one / "beoordeling.yaml").write_text(_judged({"R1": True, "R2": False, "R3": True}), encoding="utf-8")
    data = json.loads(run_cli("settle", ".", "--format", "json").stdout)["settlements"][0]
    # R2 judged not met: 2 of 3, result 106.000 x 0,30 x 2/3 = 21.200,00; payable 74.200 + 21.200 = 95.400,00
    assert (data["status"], data["ratio"], data["totals"]["payable"]) == ("settled", "2/3", "95400.00")


def test_an_assessment_of_an_eindrapport_not_settled_or_not_an_assessment_is_refused(run_cli, one):
    (one / "beoordeling.yaml").write_text(_judged({"R1": True}), encoding="utf-8")
    alone = run_cli("settle", "convenant.yaml", "--assessment", "beoordeling.yaml")
    assert alone.exit_code == 2 and "is the assessment of eind.yaml, which is not settled here" in alone.stderr
    assert "add --realisation eind.yaml" in alone.stderr
    wrong = run_cli("settle", "convenant.yaml", "-r", "eind.yaml", "--assessment", "eind.yaml")
    assert wrong.exit_code == 2 and "eind.yaml is a realisation, not an assessment" in wrong.stderr


def test_a_verdict_on_a_commitment_with_targets_overrides_its_values_and_the_sectors_word_never(run_cli, tmp_path,
                                                                                              monkeypatch):
    """The sector says R1 was achieved (`achieved: true`) and its values say so too (214, 205 ≥ 200);
    its word decides nothing, the values do; the auditor's verdict `achieved: false` overrides them."""
    for folder in ("basis", "feiten"):
        shutil.copytree(CASES / folder, tmp_path / folder)
    monkeypatch.chdir(tmp_path)
    plain = json.loads(run_cli("settle", "basis/per-jaar.yaml", "-r", "feiten/oordeel-auditor.yaml",
                               "--format", "json").stdout)["settlements"][0]
    assert [(r["commitment"], r["year"], r["status"], r["source"]) for r in plain["results"]] == [
        ("R1", 1, "met", "measured"), ("R1", 2, "met", "measured"), ("R2", 1, "unjudged", None),
        ("R2", 2, "unjudged", None)]
    (tmp_path / "oordeel.yaml").write_text(textwrap.dedent("""\
        schema_version: 1
        kind: assessment
        realisation: feiten/oordeel-auditor.yaml
        auditor: An Peeters
        date: 2025-11-14
        verdicts:
          R1: {achieved: false, note: bezoeken niet gestaafd}
          R2: {achieved: true, note: Eindrapport p. 9}
        """), encoding="utf-8")
    judged = json.loads(run_cli("settle", "basis/per-jaar.yaml", "-r", "feiten/oordeel-auditor.yaml",
                                "--assessment", "oordeel.yaml", "--format", "json").stdout)["settlements"][0]
    assert [(r["commitment"], r["status"], r["source"]) for r in judged["results"]] == [
        ("R1", "not_met", "assessment")] * 2 + [("R2", "met", "assessment")] * 2
    # 2 of 4 commitment-years = 1/2, paid: result 106.000 x 0,30 x 1/2 = 15.900,00
    assert (judged["ratio"], judged["beneficiaries"][0]["result"]) == ("1/2", "15900.00")


def test_a_correction_shows_both_values_and_its_reason(run_cli, dutch):
    judged = CASES / "beoordelingen" / "metaal-r3-werkjaar-2-geteld.yaml"
    data = settlement(run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", judged, "--format",
                              "json").stdout)
    r3 = next(r for r in data["results"] if r["commitment"] == "R3")
    assert (r3["status"], r3["source"], r3["corrections"]) == ("not_met", "corrected", [
        {"indicator": "opgeleide werkzoekenden", "year": 2, "reported": "305", "value": "295",
         "note": "10 deelnemers volgden een opleiding buiten het aanbod van de sector"}])
    table = one_line(run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", judged).stdout)
    assert ("opgeleide werkzoekenden (werkjaar 2): 295 zoals de auditor telde (de sector: 305; 10 deelnemers "
            "volgden een opleiding buiten het aanbod van de sector)") in table


def test_diff_of_two_assessments_names_the_changed_verdict_and_its_money_per_beneficiary(run_cli, one, dutch):
    (one / "oud.yaml").write_text(_judged({"R1": True, "R2": True, "R3": True}), encoding="utf-8")
    (one / "nieuw.yaml").write_text(_judged({"R1": True, "R2": True, "R3": False}), encoding="utf-8")
    result = run_cli("diff", "oud.yaml", "nieuw.yaml", "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert [(c["subject"]["type"], c["subject"]["key"], c["field"], c["old"], c["new"]) for c in data["changes"]] == [
        ("verdict", {"id": "R3"}, "achieved", True, False)]
    money = data["money"]["settlement"]
    # R3 no longer met: 2 of 3, result 31.800,00 -> 21.200,00; payable 106.000,00 -> 95.400,00
    [line] = money["beneficiaries"]
    assert (line["enterprise_number"], line["old"]["payable"], line["new"]["payable"], line["difference"]) == (
        INOM, "106000.00", "95400.00", {"deduction": "0.00", "payable": "-10600.00", "balance": "-10600.00"})
    assert [(v["commitment"], v["old"], v["new"]) for v in money["ratio"]["verdicts"]] == [("R3", True, False)]
    table = one_line(run_cli("diff", "oud.yaml", "nieuw.yaml").stdout)
    assert "Oordeel over R3" in table and "Behaald (oordeel van de auditor)" in table
    assert "-10.600,00" in table


def test_diff_of_two_assessments_of_the_metaal_eindrapport_gives_each_beneficiarys_money(run_cli):
    """The example assessment against the one that counts R3 295 in work year 2 (case
    correctie-verandert-het-oordeel.yaml): the ratio falls from 2/3 to 0, each beneficiary
    loses its result financing, RTM only what its cost cap left it."""
    data = json.loads(run_cli("diff", EXAMPLES / "metaal-2023-2025-beoordeling.yaml",
                              CASES / "beoordelingen" / "metaal-r3-werkjaar-2-geteld.yaml", "--format", "json").stdout)
    money = data["money"]["settlement"]
    differences = {b["enterprise_number"]: b["difference"]["payable"] for b in money["beneficiaries"]}
    # INOM: result 386.950,75 x 0,30 x 2/3 = 77.390,15 lost; RTM: 72.000,00 (capped) -> 59.010,83 = -12.989,17
    assert (differences[INOM], differences["0474431354"]) == ("-77390.15", "-12989.17")
    assert money["totals"]["difference"]["payable"] == "-224224.70"  # 1.022.559,87 -> 798.335,17
    # the one change: the correction; both name the same eindrapport, by two paths, which is no change
    [correction] = data["changes"]
    assert (correction["subject"]["type"], correction["change"], correction["subject"]["key"]) == (
        "correction", "added", {"id": "R3", "indicator": "opgeleide werkzoekenden", "year": "2"})


def test_new_assessment_lists_what_the_auditor_judges_and_fails_until_filled_in(run_cli, one, dutch):
    result = run_cli("new", "assessment", "eind.yaml", "-o", "beoordeling.yaml")
    assert result.exit_code == 0, result.stderr
    text = (one / "beoordeling.yaml").read_text(encoding="utf-8")
    assert "realisation: eind.yaml\n" in text
    for key, note in (("R1", "Eindrapport p. 3"), ("R2", "Eindrapport p. 5"), ("R3", "Eindrapport p. 8")):
        assert f"  {key}:  # " in text
        assert f"    # de zelfevaluatie van de sector: behaald true; toelichting: {note}\n" in text
    empty = [n for n, line in enumerate(text.splitlines(), 1) if line.split("#")[0].rstrip().endswith(":")
             and line.split(":")[0].strip() in ("auditor", "date", "achieved", "note")]
    assert len(empty) == 2 + 3 * 2
    validate = run_cli("validate", "beoordeling.yaml", "--format", "json")
    assert validate.exit_code == 1
    assert sorted(d["line"] for d in json.loads(validate.stdout) if d["code"] == "CV103") == empty
    filled = text.replace("auditor:  #", "auditor: An Peeters  #").replace("date:  #", "date: 2025-11-14  #")
    filled = filled.replace("    achieved:  #", "    achieved: true  #").replace("    note:  #", "    note: p. 1  #")
    (one / "beoordeling.yaml").write_text(filled, encoding="utf-8")
    assert run_cli("validate", "beoordeling.yaml").exit_code == 0
    assert _settled(run_cli, "--assessment", "beoordeling.yaml")["totals"]["payable"] == "106000.00"


def test_new_assessment_shows_each_measured_value_for_reference(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    text = run_cli("new", "assessment", METAAL_REAL).stdout
    assert "  R2:  # Intersectorale samenwerking\n" in text and "verdicts:\n" in text
    assert "#     bedrijfsbezoeken, work year 2: 188 (minimum 200)\n" in text
    assert "#     opgeleide werkzoekenden, work year 2: 305 (minimum 300)\n" in text
    assert "\n  R1:" not in text and "\n  R3:" not in text  # no verdict to fill in where values decide


def test_an_eindrapport_changed_after_its_judgement_is_no_longer_the_one_judged(run_cli, project):
    # the auditor judged examples/real.yaml as it was (its SHA-256 in the assessment); the sector
    # then changes R1's work year 2 from 188 to 199: the verdicts no longer stand for these facts
    real = project / "examples" / "real.yaml"
    real.write_text(real.read_text(encoding="utf-8").replace("value: 188}", "value: 199}"), encoding="utf-8")
    result = run_cli("validate", "examples/real.yaml")
    assert result.exit_code == 1
    assert "examples/beoordeling.yaml:8:21: error[CV707]: examples/real.yaml changed after this assessment" in \
        result.stdout
    settled = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--assessment", "examples/beoordeling.yaml")
    assert settled.exit_code == 1 and "CV707" in settled.stdout + settled.stderr
    # an assessment without the SHA-256 is a warning that names the one to record
    judged = project / "examples" / "beoordeling.yaml"
    judged.write_text("\n".join(line for line in judged.read_text(encoding="utf-8").splitlines()
                                if not line.startswith("realisation_sha256:")) + "\n", encoding="utf-8")
    unstamped = run_cli("validate", "examples/beoordeling.yaml")
    assert unstamped.exit_code == 0
    sha256 = hashlib.sha256(real.read_bytes()).hexdigest()
    assert "warning[CV708]: the assessment does not record which version of examples/real.yaml it judged" in \
        unstamped.stdout and f"realisation_sha256: {sha256}" in unstamped.stdout


def test_a_changed_eindrapport_brings_its_assessment_to_validate(run_cli, project):
    result = run_cli("validate", "examples/real.yaml")
    assert result.exit_code == 0
    # the eindrapport, its covenant, and the assessment that judges it, found as it refers to the eindrapport
    assert "3 files checked (1 referring to a given file)" in result.stderr
    text = (project / "examples" / "beoordeling.yaml").read_text(encoding="utf-8")
    (project / "examples" / "beoordeling.yaml").write_text(text.replace("  R2: {", "  R4: {"), encoding="utf-8")
    broken = run_cli("validate", "examples/real.yaml")
    assert broken.exit_code == 1
    assert "examples/beoordeling.yaml:12:3: error[CV701]: result commitment 'R4' is not in metaal-2023-2025" in \
        broken.stdout


def test_the_published_schema_covers_the_assessment(run_cli):
    schema = json.loads(run_cli("schema", "--kind", "assessment").stdout)
    assert schema["properties"]["kind"]["const"] == "assessment"
    assert set(schema["required"]) == {"schema_version", "kind", "realisation", "auditor", "date"}
    assert set(schema["$defs"]["Verdict"]["required"]) == {"achieved", "note"}
    assert "assessment" in json.loads(run_cli("schema").stdout)["discriminator"]["mapping"]
