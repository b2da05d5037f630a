"""`settle --html DIR` as the annex of a settlement letter: every beneficiary's section adds up
on its own from the figures it prints (maximum − deduction = base, effort + result, the R6 cap
with its line, payable − advances = balance), carries every note the terminal prints about its
agreement, shows each work year's verdict on its own row, says on every printed page what it
is (an interim view is no settlement), and has the letter's heading: the decision's reference
and the date of issue, in words."""

from __future__ import annotations

import re
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import CONVENANTS, EXAMPLES

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
INTERIM_WORDS = "Tussentijdse stand op 30 september 2024 — geen afrekening"


class Sections(HTMLParser):
    """An agreement page as a browser parses it: the whole text, and per beneficiary's section
    its text, its chain's figures (key: the text shown) and the remark under each figure; the
    rows of the results table with their cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.sections: dict[str, dict] = {}
        self.rows: list[dict] = []
        self._section: dict | None = None
        self._depth = 0
        self._key: str | None = None
        self._row: dict | None = None
        self._cell: list[str] | None = None
        self._style = False
        self._name = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag in ("td", "th", "li", "p", "br", "dt", "dd", "h2", "h3"):  # a browser sets these apart
            self.handle_data(" ")
        if tag == "h2" and self._section is not None and "name" not in self._section:
            self._section["name"] = []
            self._name = True
        if tag == "span":
            self._name = False
        if tag == "style":
            self._style = True
        if tag == "section" and "beneficiary" in found.get("class", ""):
            self._section = {"number": found["data-enterprise"], "text": [], "figures": {}, "remarks": {}}
            self.sections[found["data-enterprise"]] = self._section
            self._depth = 0
        elif tag == "section" and self._section is not None:
            self._depth += 1
        if tag == "tr" and "data-commitment" in found:
            self._row = {**found, "cells": []}
            self.rows.append(self._row)
        if tag == "td" and self._row is not None:
            self._cell = []
            self._row["cells"].append(self._cell)
        if tag == "data" and self._section is not None:
            self._key = found["data-key"]
            self._section["figures"][self._key] = ""
        if tag == "span" and "remark" in found.get("class", "") and self._section is not None:
            self._key = "remark:" + found["data-remark"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._style = False
        if tag == "h2":
            self._name = False
        if tag == "section" and self._section is not None:
            if self._depth:
                self._depth -= 1
            else:
                self._section = None
        if tag in ("data", "span"):
            self._key = None
        if tag == "tr":
            self._row = None

    def handle_data(self, data: str) -> None:
        if self._style:
            return
        self.text.append(data)
        if self._section is not None:
            self._section["text"].append(data)
            if self._name:
                self._section["name"].append(data)
            if self._key is not None and self._key.startswith("remark:"):
                self._section["remarks"][self._key[7:]] = data
            elif self._key is not None:
                self._section["figures"][self._key] += data
        if self._cell is not None:
            self._cell.append(data)


def read(path: Path) -> Sections:
    page = Sections()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def flat(parts: list[str]) -> str:
    """Text with its white space as a reader sees it: one space between words."""
    return " ".join("".join(parts).split())


def euro(text: str) -> Decimal:
    """`1.022.559,87` (as the page prints it) as a number."""
    assert re.fullmatch(r"-?\d{1,3}(\.\d{3})*,\d\d", text), text
    return Decimal(text.replace(".", "").replace(",", "."))


def terminal_notes(output: str, errors: str, ids: list[str]) -> dict[str, list[str]]:
    """Every note the terminal prints, by the agreement it is about: the notes under an
    agreement's table (`* ...`, after the table's title that names it) and the notes on stderr
    (`convenant: opmerking: ID: ...`)."""
    notes: dict[str, list[str]] = {identifier: [] for identifier in ids}
    current = None
    for line in output.splitlines():
        if line.startswith("* "):
            assert current is not None, line
            notes[current].append(line[2:].strip())
        else:
            named = [identifier for identifier in ids if f" {identifier} " in f" {line} "]
            current = named[0] if named else current
    for line in errors.splitlines():
        text = line.removeprefix("convenant: opmerking: ")
        for identifier in ids:
            if text.startswith(f"{identifier}: "):
                notes[identifier].append(text.strip())
    return notes


def report(run_cli, monkeypatch, folder: Path, *args: object) -> tuple[dict[str, list[str]], list[str]]:
    """`settle ARGS --html FOLDER` in Dutch, its output as wide as its longest note: the
    terminal's notes by agreement, and the agreements' ids."""
    monkeypatch.setenv("COLUMNS", "2000")
    monkeypatch.delenv("CONVENANT_LANG", raising=False)
    result = run_cli("settle", *args, "--html", folder)
    assert result.exit_code == 0, result.stderr
    ids = [re.sub(r"\.html$", "", p.name) for p in folder.glob("*.html") if p.name not in ("index.html",
                                                                                          "sources.html")]
    return terminal_notes(result.stdout, result.stderr, ids), ids


def check_reconciles(number: str, section: dict, on_page: str) -> bool:
    """The chain of one beneficiary adds up from the figures printed; True when the cap applied."""
    shown = {key: euro(text.split(" (")[0]) for key, text in section["figures"].items()
             if key not in ("shortfall_fte_days",) and not key.startswith(("cost", "costs_"))}
    assert shown["maximum"] - shown["deduction"] == shown["base"], (on_page, number)
    before = shown["effort"] + shown["result"]
    capped = "payable_before_cap" in shown
    if capped:
        assert shown["payable_before_cap"] == before, (on_page, number)
        assert shown["eligible_costs"] < before and shown["payable"] == shown["eligible_costs"], (on_page, number)
        costs = section["figures"]["eligible_costs"]
        assert section["remarks"]["eligible_costs"] == f"beperkt tot de subsidiabele kosten {costs} (R6)"
    else:
        assert shown["payable"] == before, (on_page, number)
        if "eligible_costs" in shown:  # a cap that caps nothing says so
            assert shown["eligible_costs"] >= before and "begrenst niets" in section["remarks"]["eligible_costs"]
    assert shown["payable"] - shown["advances"] == shown["balance"], (on_page, number)
    return capped


def check_notes(page: Sections, notes: list[str], names: dict[str, str], on_page: str) -> None:
    """Every note of the agreement is on its page; each beneficiary's section carries the notes
    about it and those about the whole agreement, so that it stands on its own when printed."""
    text = flat(page.text)
    for note in notes:
        assert note in text, (on_page, note)
    for number, section in page.sections.items():
        name = names[number]
        own = [n for n in notes if n.startswith(f"{name}: ") or f"({number})" in n]
        others = [n for other, other_name in names.items() if other != number
                  for n in notes if n.startswith(f"{other_name}: ") or f"({other})" in n]
        common = [n for n in notes if n not in own and n not in others]
        shown = flat(section["text"])
        for note in own + common:
            assert note in shown, (on_page, name, note)
        for note in others:
            assert note not in shown, (on_page, name, note)


def beneficiary_names(page: Sections) -> dict[str, str]:
    return {number: flat(section["name"]) for number, section in page.sections.items()}


def test_every_beneficiary_of_the_generation_reconciles_on_its_own_page_and_carries_every_note(
        run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "rapport"
    notes, ids = report(run_cli, monkeypatch, folder, CONVENANTS)
    assert sorted(ids) == ["metaal-2023-2025", "metaal-duaal-leren-2023-2025", "metaal-verlenging-2025-2026",
                           "social-profit-2023-2025"]
    capped, checked = [], 0
    for identifier in ids:
        path = folder / f"{identifier}.html"
        page = read(path)
        for number, section in page.sections.items():
            if check_reconciles(number, section, identifier):
                capped.append((identifier, number))
            checked += 1
        check_notes(page, notes[identifier], beneficiary_names(page), identifier)
    assert checked == 8 + 1 + 8 + 1
    # the one capped: RTM Vlaams-Brabant in the covenant, effort 59.010,83 + result 16.860,24 = 75.871,07
    # above its eligible costs 72.000,00 (the cost statement: 15.600 + 31.800 + 23.400 + 1.200)
    assert capped == [("metaal-2023-2025", "0474.431.354")]
    rtm = read(folder / "metaal-2023-2025.html").sections["0474.431.354"]["figures"]
    assert (rtm["effort"], rtm["result"], rtm["payable_before_cap"], rtm["eligible_costs"], rtm["payable"]) == (
        "59.010,83", "16.860,24", "75.871,07", "72.000,00", "72.000,00")
    # the notes the terminal prints: the cap, the costs without a statement, the relapse window assumed
    assert "RTM Vlaams-Brabant vzw: uit te betalen beperkt tot de subsidiabele kosten 72.000,00 (inspanning + " \
           "resultaat 75.871,07; R6)" in notes["metaal-2023-2025"]
    assert any(note.startswith("AANNAME: Hervalvenster") for note in notes["metaal-duaal-leren-2023-2025"])
    assert len(notes["social-profit-2023-2025"]) == 7  # every rule setting from the default


def test_a_provisional_settlement_names_what_waits_on_every_beneficiary(run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "rapport"
    notes, ids = report(run_cli, monkeypatch, folder, METAAL, "-r", METAAL_REAL)
    assert ids == ["metaal-2023-2025"]
    path = folder / "metaal-2023-2025.html"
    page = read(path)
    # the table's note and the view's note: R2 waits for the auditor's verdict; for certain R1 (not met) and
    # R2 (waiting) count as not met, 1/3 < 1/2 so no result financing: the effort 798.335,17 alone
    assert [n for n in notes["metaal-2023-2025"] if "R2" in n] == [
        "VOORLOPIG: R2 wacht op het oordeel van de auditor; zeker uit te betalen 798.335,17, indien behaald "
        "1.022.559,87",
        "metaal-2023-2025: voorlopig: R2 wacht op het oordeel van de auditor; het uit te betalen bedrag telt ze als "
        "niet behaald (voeg --assessment toe met de beoordeling van de auditor)"]
    check_notes(page, notes["metaal-2023-2025"], beneficiary_names(page), "metaal")
    for section in page.sections.values():
        assert flat(section["text"]).startswith("Voorlopige afrekening — wacht op het oordeel van de auditor")


def test_an_interim_view_says_what_it_is_on_every_beneficiary_and_in_its_titles(run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "rapport"
    notes, _ = report(run_cli, monkeypatch, folder, METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30")
    path = folder / "metaal-2023-2025.html"
    page = read(path)
    assert [n for n in notes["metaal-2023-2025"] if n.startswith("metaal-2023-2025: ")] == [
        "metaal-2023-2025: tussentijdse stand op 2024-09-30 (Art. 6): geen uit te betalen bedrag en geen saldo; de "
        "resultaatsratio en de betaling volgen uit het eindrapport na het einde van de termijn (2025-06-30)",
        "metaal-2023-2025: 8 voorschotten hebben geen datum; ze tellen als betaald tegen 2024-09-30"]
    check_notes(page, notes["metaal-2023-2025"], beneficiary_names(page), "metaal interim")
    html = path.read_text(encoding="utf-8")
    assert f"<title>metaal-2023-2025 — {INTERIM_WORDS}</title>" in html
    for name in ("index.html", "sources.html", "metaal-2023-2025.html"):
        assert "Afrekeningsrapport" not in (folder / name).read_text(encoding="utf-8"), name
    assert f"<title>{INTERIM_WORDS}</title>" in (folder / "index.html").read_text(encoding="utf-8")
    for section in page.sections.values():
        assert flat(section["text"]).startswith(INTERIM_WORDS)
        # no payable on an interim view: maximum, the deduction accrued and the advances paid by the day
        assert set(section["figures"]) == {"maximum", "deduction", "advances", "shortfall_fte_days"}


def test_each_work_year_has_its_verdict_and_the_commitment_its_own_line(run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "rapport"
    report(run_cli, monkeypatch, folder, METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED)
    rows = [row for row in read(folder / "metaal-2023-2025.html").rows if row["data-commitment"] == "R1"]
    cells = [[flat(cell) for cell in row["cells"]] for row in rows]
    # R1: work year 1, 214 visits ≥ 200: ja; work year 2, 188 < 200: nee; so R1 is not met
    assert [(row["class"], row.get("data-year")) for row in rows] == [("target", "1"), ("target", "2"),
                                                                     ("verdict", None)]
    assert cells[0][1:6] == ["1", "bedrijfsbezoeken", "200", "214", "ja"]
    assert cells[1][1:6] == ["2", "bedrijfsbezoeken", "200", "188", "nee"]
    assert cells[2][:2] == ["Oordeel over R1", "nee"] and rows[2]["data-verdict"] == "not_met"


def test_the_reference_and_the_date_of_issue_head_every_beneficiary_in_words(run_cli, monkeypatch, tmp_path):
    folder = tmp_path / "rapport"
    reference = 'DWSE/2025/117 <script>"'  # text from the user: shown, never markup or a closed CSS string
    report(run_cli, monkeypatch, folder, METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED,
           "--reference", reference, "--date", "2025-12-01")
    html = (folder / "metaal-2023-2025.html").read_text(encoding="utf-8")
    # shown in the agreement's header and in each beneficiary's heading, escaped
    assert "<script>" not in html and html.count("DWSE/2025/117 &lt;script&gt;&#34;") == 1 + 8
    page = read(folder / "metaal-2023-2025.html")
    for section in page.sections.values():
        text = flat(section["text"])
        assert (f"Bijlage bij de afrekeningsbeslissing Referentie van de beslissing: {reference} Naam van de "
                "auditor Datum van uitgifte 1 december 2025 Handtekening") in text
    # the print header and footer, as CSS strings: every character but a letter, digit or space escaped
    assert r"DWSE\2f 2025\2f 117 \3c script\3e \22 " in html
    assert r"Datum van uitgifte\3a  1 december 2025" in html


def test_the_date_of_issue_is_today_by_default_or_the_day_of_source_date_epoch(run_cli, monkeypatch, tmp_path):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764590400")  # 2025-12-01 12:00:00 UTC
    monkeypatch.setenv("CONVENANT_LANG", "en")
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--html", tmp_path / "report")
    assert result.exit_code == 0, result.stderr
    page = read(tmp_path / "report" / "metaal-2023-2025.html")
    for section in page.sections.values():
        assert "Date of issue 1 December 2025" in flat(section["text"])
        assert "Reference of the decision: Name of the auditor" in flat(section["text"])  # left blank


@pytest.mark.parametrize(("args", "message"), [
    (["--date", "1-12-2025"], "'1-12-2025' is not a day written as YYYY-MM-DD"),
    (["--date", "2025-02-30"], "'2025-02-30' is not a day written as YYYY-MM-DD"),
])
def test_a_bad_date_of_issue_is_a_usage_error(run_cli, tmp_path, args, message):
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--html", tmp_path / "report", *args)
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "report").exists()


def test_a_reference_without_a_report_is_a_usage_error(run_cli):
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--reference", "DWSE/2025/117")
    assert result.exit_code == 2
    assert "--reference and --date are the heading of the --html report" in result.stderr
    assert result.stdout == ""


def printed_pages(browser, page: Path, pdf: Path) -> list[str]:
    """The page printed by Chromium to PDF, each sheet's text (pdftotext), white space as a reader sees it."""
    from tests.viewers import page_sizes, run

    browser.open(page.as_uri())
    pdf.write_bytes(browser.pdf())
    count = len(page_sizes(pdf))
    return [" ".join(run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], timeout=60).split())
            for n in range(1, count + 1)]


@pytest.mark.viewers
@pytest.mark.timeout(300)
def test_every_printed_page_of_an_interim_report_says_it_is_no_settlement(run_cli, monkeypatch, tmp_path):
    from tests.chromium import Chromium
    from tests.viewers import need

    need("chromium")
    need("pdftotext")
    folder = tmp_path / "rapport"
    report(run_cli, monkeypatch, folder, METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30", "--reference",
           "DWSE/2024/88", "--date", "2024-10-15")
    with Chromium(tmp_path / "profile") as browser:
        for name in ("metaal-2023-2025.html", "index.html", "sources.html"):
            sheets = printed_pages(browser, folder / name, tmp_path / f"{name}.pdf")
            # the agreement: its header and commitments, then each of its 8 beneficiaries on a page of its own
            assert len(sheets) >= (1 + 8 if name.startswith("metaal") else 1), name
            for number, sheet in enumerate(sheets, start=1):
                # the running header, and the footer with the reference, the date of issue and the page number
                assert sheet.count(INTERIM_WORDS) >= 2, (name, number)
                assert "Referentie van de beslissing: DWSE/2024/88" in sheet, (name, number)
                assert "Datum van uitgifte: 15 oktober 2024" in sheet, (name, number)
                assert f"pagina {number} van {len(sheets)}" in sheet, (name, number)
                assert "Afrekeningsrapport" not in sheet, (name, number)
            if name.startswith("metaal"):
                assert sheets[0].startswith(f"metaal-2023-2025 — {INTERIM_WORDS}")


@pytest.mark.parametrize(("case", "figures"), [
    # effort 106.000 × 0,70 = 74.200,00; result 106.000 × 0,30 × 2/3 = 21.200,00; − 12.180,57 = 83.219,43
    ("vermindering-op-het-uit-te-betalen-bedrag", {"effort": "74.200,00", "result": "21.200,00",
                                                    "deduction": "12.180,57", "payable": "83.219,43"}),
    # 74.200,00 + 0,00 − 106.000,00 = −31.800,00, paid as 0,00; 0,00 − 53.000,00 = −53.000,00
    ("nooit-onder-nul", {"effort": "74.200,00", "result": "0,00", "deduction": "106.000,00",
                         "payable_before_cap": "-31.800,00", "payable": "0,00", "balance": "-53.000,00"}),
])
def test_a_deduction_on_the_payable_amount_reconciles_in_its_own_order(run_cli, monkeypatch, tmp_path, case, figures):
    import yaml

    from tests.conftest import ROOT

    spec = yaml.safe_load((ROOT / "cases" / f"{case}.yaml").read_text(encoding="utf-8"))
    args = [ROOT / "cases" / spec["settle"][0], "-r", ROOT / "cases" / spec["realisation"][0]]
    for assessment in spec.get("assessment", []):
        args += ["--assessment", ROOT / "cases" / assessment]
    report(run_cli, monkeypatch, tmp_path / "rapport", *args)
    page = read(next(p for p in (tmp_path / "rapport").glob("*.html") if p.name not in ("index.html",
                                                                                        "sources.html")))
    (section,) = page.sections.values()
    shown = section["figures"]
    assert {key: shown[key].split(" (")[0] for key in figures} == figures
    assert list(shown)[:4] == ["maximum", "effort", "result", "deduction"]  # on the maximum; the deduction after
    value = {key: euro(text.split(" (")[0]) for key, text in shown.items() if key != "shortfall_fte_days"}
    before = value["effort"] + value["result"] - value["deduction"]
    assert value["payable"] == max(before, Decimal(0))
    assert value.get("payable_before_cap", before) == before
    assert value["payable"] - value["advances"] == value["balance"]
    if before < 0:
        assert section["remarks"]["payable_before_cap"] == "negatief: uitbetaald als 0,00 (R5)"


def test_a_reference_with_a_control_or_bidi_character_is_shown_made_visible(run_cli, monkeypatch, tmp_path):
    report(run_cli, monkeypatch, tmp_path / "rapport", METAAL, "-r", METAAL_REAL, "--reference",
           "DWSE\u202e711/5202\x07")
    html = (tmp_path / "rapport" / "metaal-2023-2025.html").read_text(encoding="utf-8")
    assert "\u202e" not in html and "\x07" not in html
    assert html.count("DWSE⟨U+202E⟩711/5202␇") == 1 + 8
    assert r"DWSE\27e8 U\2b 202E\27e9 711\2f 5202\2407 " in html  # the footer's CSS string, of the visible text
