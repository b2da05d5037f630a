"""One language per run: with `--lang en` every table, heading, note, explanation, sheet
name and workbook header of `settle`, `diff` and `test` is English, in English notation;
the Dutch default keeps its words and its Belgian notation.

The oracle is the catalogue itself: a Dutch word is a word of a Dutch translation that no
English message uses. What the input files say (names, titles, indicators, notes, file
names) is data, not a message, and is taken out of the output before its words are read.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import yaml
from openpyxl import load_workbook

from scripts.update_catalogue import read_catalogue
from tests.conftest import ROOT, one_line

WORD = re.compile(r"(?<!\w)[^\W\d_]+(?:-[^\W\d_]+)*(?!\w)")  # letters only: never a part of a SHA-256
METAAL = "convenants/metaal-2023-2025.yaml"
METAAL_REAL = "convenants/examples/metaal-2023-2025-realisatie.yaml"
JUDGED = ("--assessment", "convenants/examples/metaal-2023-2025-beoordeling.yaml")  # R2 judged
AMENDED = "amendments/metaal-2023-2025-gewijzigd.yaml"
WIDE = "4000"  # no text wraps but a name in its column: a text from a file stays whole, and is taken out whole
BOX = re.compile(r"[│┃]")
# Words of the Dutch catalogue that an English output may show; kept small on purpose. The legal
# term that stays Dutch (eindrapport) needs no place here: English messages use it too.
ALLOWED = {
    "per",  # English writes it as Dutch does ("per FTE", "per VTE"), in messages that say it on both sides
    # English words that Dutch translations use as well, so the catalogue counts them Dutch:
    "min",  # the function of the cap's arithmetic, min(a; b), and the workbook's =MIN(
    "exact",  # "Deduction, exact"
    "even",  # a balance settled in full: the vocabulary's key
    "n",  # &N, the workbook footer's code for the number of pages
}


def _words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(text)}


def _dutch_words() -> set[str]:
    """The words a Dutch translation brings that its English message does not have, less every
    word an English message brings that its translation does not have. A word on both sides of
    one entry is neither: a key, a name, a cell of the Dutch fill-in workbook an English message
    names (`Gemeten waarde`), or a legal term that stays Dutch in English (`eindrapport`)."""
    english: set[str] = set()
    dutch: set[str] = set()
    for message in read_catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        source = set().union(*(_words(text) for text in ids))
        target = set().union(*(_words(text) for text in strings))
        english |= source if tuple(ids) == tuple(strings) else source - target
        dutch |= target - source
    return dutch - english


DUTCH = _dutch_words()


def _scalars(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [text for item in value.values() for text in _scalars(item)]
    if isinstance(value, list):
        return [text for item in value for text in _scalars(item)]
    return []


def _input_texts() -> list[str]:
    """Every text the bundled files hold, and their paths as the tool shows them; longest first,
    so that a name is taken out before a word of it. Short texts stay in (a Dutch reason such as
    `ziekte` in a file must not hide the same word leaking from the vocabulary)."""
    texts: set[str] = set()
    for folder in ("convenants", "amendments", "cases"):
        for path in (ROOT / folder).rglob("*.yaml"):
            relative = path.relative_to(ROOT).as_posix()
            texts |= {relative, path.name}
            texts |= {text for text in _scalars(yaml.safe_load(path.read_text(encoding="utf-8"))) if len(text) >= 6}
    return sorted(texts, key=len, reverse=True)


INPUTS = _input_texts()


def _without_inputs(text: str) -> str:
    """The output less what the files say: a table cell's line that is part of a text of a file
    (a name wrapped in its column), then every text of a file where it stands whole."""
    lines = []
    for line in text.splitlines():
        cells = BOX.split(line)
        lines.append(" | ".join("" if cell.strip() and any(cell.strip() in data for data in INPUTS) else cell
                                for cell in cells))
    text = "\n".join(lines)
    for data in INPUTS:
        text = text.replace(data, " ")
    return text


def _leaks(text: str) -> list[str]:
    return sorted((_words(_without_inputs(text)) & DUTCH) - ALLOWED)


def test_the_oracle_knows_the_dutch_words():
    """The catalogue gives the words a Dutch output is made of, and none an English one needs."""
    assert {"uit", "betalen", "saldo", "vermindering", "afwezigheid", "tekort", "vte", "termijn", "dagen",
            "juli", "toelichting", "samenvatting", "wijziging"} <= DUTCH
    assert not {"maximum", "status", "eindrapport", "art"} & DUTCH
    assert _leaks("Saldo (nog te betalen) 1.022.559,87") == ["betalen", "nog", "saldo", "te"]


@pytest.mark.parametrize("args", [
    ("settle", "convenants/"),  # a folder: families (metaal and its addenda) and the portfolio
    ("settle", "convenants/", "--explain"),
    ("settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--as-of", "2024-09-30", "--explain"),  # an interim view
    ("settle", "convenants/", "--as-of", "2025-09-30", "--explain"),  # a family settled and still running
    ("settle", METAAL),  # maxima without an eindrapport
    ("diff", METAAL, AMENDED),
    ("diff", METAAL, AMENDED, "--realisation", METAAL_REAL),
    ("test", "cases/"),
], ids=lambda args: "-".join(a.strip("-").split("/")[-1] for a in args))
def test_english_speaks_no_dutch_word(run_cli, monkeypatch, args):
    monkeypatch.setenv("COLUMNS", WIDE)
    result = run_cli("--lang", "en", *args)
    assert result.exit_code in (0, 1), result.stderr
    assert result.stdout.strip()
    assert _leaks(result.stdout + result.stderr) == []


@pytest.mark.parametrize(("args", "label"), [
    (("settle", "convenants/"), "Balance (still to pay)"),
    (("settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--as-of", "2024-09-30"), "Shortfall in FTE-days"),
    (("diff", METAAL, AMENDED, "--realisation", METAAL_REAL), "Balance difference"),
], ids=["folder", "interim", "diff"])
def test_a_narrow_terminal_labels_each_figure_in_english(run_cli, monkeypatch, args, label):
    """On a narrow terminal each beneficiary is a block of labelled figures: the labels too."""
    monkeypatch.setenv("COLUMNS", "70")
    lines = run_cli("--lang", "en", *args).stdout.splitlines()
    labels = "\n".join(line for line in lines if re.match(r"  \S.*  +(-?[0-9.,]+|—)$", line))
    assert labels.count("\n") > 20 and f"  {label} " in labels
    assert _leaks(labels) == []


def test_english_uses_english_notation_and_the_dutch_default_its_own(run_cli, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "70")  # a block per beneficiary: each figure with its label
    english = run_cli("settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--lang", "en").stdout
    # Art. 1: 392.200 + 4 × 144.160 + 91.160 + 2 × 53.000 = 1.166.000 (the bundled total); Limburg:
    # 144.160 − 8.990,42 deduction = 135.169,58 × (0,70 + 0,30 × 2/3) = 121.652,63, less 72.080,00 advances
    assert re.search(r"\n  Amount payable +121,652\.63\n", english)
    assert re.search(r"\n  Balance \(still to pay\) +49,572\.63\n", english)
    assert re.search(r"\n  Shortfall in FTE-days +62\.00\n", english) and "1.166.000,00" not in english
    dutch_text = run_cli("settle", METAAL, "-r", METAAL_REAL, *JUDGED).stdout
    monkeypatch.setenv("CONVENANT_LANG", "en")
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, *JUDGED).stdout == english  # the environment says the same
    assert re.search(r"\n  Uit te betalen +121\.652,63\n", dutch_text)
    assert re.search(r"\n  Saldo \(nog te betalen\) +49\.572,63\n", dutch_text)
    assert re.search(r"\n  Tekort in VTE-dagen +62,00\n", dutch_text) and "Payable" not in dutch_text


def test_the_explanation_in_json_speaks_the_language(run_cli):
    data = json.loads(run_cli("settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--explain", "--format", "json",
                              "--lang", "en").stdout)
    steps = data["settlements"][0]["steps"] + [step for line in data["settlements"][0]["beneficiaries"]
                                               for step in line["steps"]]
    texts = " ".join(f"{s['figure']} {s['article']} {s['inputs']} {s['arithmetic']} {s['detail'] or ''}"
                     for s in steps)
    assert _leaks(texts) == []
    # keys and vocabulary values stay English in either language
    assert data["settlements"][0]["beneficiaries"][0]["consultants"][0]["absences"][0]["reason"] == "illness"
    limburg = next(line for line in data["settlements"][0]["beneficiaries"] if line["name"] == "mtech+ Limburg vzw")
    # R4: 144.160 / 1,36 FTE = 106.000 a FTE; 62 FTE-days short of 731: 106.000 × 62 / 731 = 8.990,42
    deduction = next(s for s in limburg["steps"] if s["figure"] == "Deduction for absence")
    assert deduction["arithmetic"] == "106,000.00 × 62.00 / 731 = 8,990.4241 → 8,990.42 (rounded half up, once)"


def _sheet_texts(path: Path) -> tuple[list[str], dict[str, list[str]], str]:
    book = load_workbook(path)
    headers = {}
    texts = []
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        header_row = next(row for row in rows if sum(value is not None for value in row) > 1)
        headers[sheet.title] = [one_line(value) for value in header_row if value is not None]
        texts += [value for row in rows for value in row if isinstance(value, str) and not value.startswith("=")]
    footers = " ".join(sheet.oddFooter.right.text or "" for sheet in book.worksheets)
    return book.sheetnames, headers, " ".join(texts) + " " + footers


def test_the_settlement_workbook_in_english(run_cli, tmp_path):
    target = tmp_path / "settlement.xlsx"
    result = run_cli("--lang", "en", "settle", "convenants/", "--explain", "--xlsx", target, "--format", "json")
    assert result.exit_code == 0, result.stderr
    names, headers, texts = _sheet_texts(target)
    assert names == ["Summary", "Calculation", "Overview", "Per beneficiary", "Consultants", "Absences",
                     "Shortfall per period", "Result commitments", "Advances", "Costs", "Explanation", "Sources"]
    assert headers["Summary"][:9] == ["Beneficiary", "Maximum", "Deduction for absence", "Effort financing",
                                      "Result financing", "Amount payable", "Advances", "Balance", "Balance is"]
    assert headers["Absences"][:6] == ["Beneficiary", "Covenant", "Consultant", "Reason", "From", "To"]
    assert headers["Explanation"] == ["Figure", "Rule", "Article", "Inputs", "Calculation"]  # a heading a subject
    assert _leaks(texts) == []
    assert "Page" in texts  # the footer's page numbers


def test_the_settlement_workbook_keeps_its_dutch(run_cli, tmp_path, dutch):
    target = tmp_path / "afrekening.xlsx"
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--xlsx", target, "--format", "json").exit_code == 0
    names, headers, _texts = _sheet_texts(target)
    assert names == ["Samenvatting", "Berekening", "Consulenten", "Afwezigheden", "Tekort per periode",
                     "Resultaatsverbintenissen", "Voorschotten", "Kosten", "Toelichting", "Bronnen"]
    assert headers["Samenvatting"][:9] == ["Begunstigde", "Maximum", "Vermindering afwezigheid",
                                           "Inspanningsfinanciering", "Resultaatsfinanciering", "Uit te betalen",
                                           "Voorschotten", "Saldo", "Saldo is"]


def test_the_diff_workbook_in_english(run_cli, tmp_path):
    target = tmp_path / "diff.xlsx"
    result = run_cli("--lang", "en", "diff", METAAL, AMENDED, "-r", METAAL_REAL, "--xlsx", target)
    assert result.exit_code == 1, result.stderr  # 1: the versions differ
    names, headers, texts = _sheet_texts(target)
    assert names == ["Changes", "Money effect on the maximum", "Money effect on settlement", "Result ratio"]
    assert headers["Changes"] == ["Subject", "Category", "Change", "Field", "Old", "New"]  # no machine path
    assert _leaks(texts) == []


def test_the_html_report_in_english_says_fte(run_cli, tmp_path):
    result = run_cli("--lang", "en", "settle", METAAL, "-r", METAAL_REAL, *JUDGED, "--html", tmp_path / "report")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "report" / "metaal-2023-2025.html").read_text(encoding="utf-8")
    # the text a reader sees: without the markup, its entities read (a file's `D&I` is `D&amp;I` in the page)
    text = html.unescape(re.sub(r"<style>.*?</style>|<[^>]+>", " ", page, flags=re.S))
    assert "VTE" not in text and "(FTE)" in text
    assert "1 July 2023 – 30 June 2025 (731 days)" in text  # the term, its days named
    assert _leaks(text) == []


def test_the_renderers_write_no_dutch_outside_the_catalogue():
    """A renderer's text is a message of the catalogue (English, translated where it is shown),
    never a Dutch literal that --lang en would print as it is. Apart: the fill-in eindrapport
    workbook (its Dutch sheet names and headers are its file format), the diagnostics, and a
    report page's file name (`overeenkomst.html`, never shown as text)."""
    import ast

    from scripts.update_catalogue import PACKAGE, extracted

    messages = {text for key in extracted() for text in ((key,) if isinstance(key, str) else key)}
    apart = {"realisation_xlsx.py", "realisation_yaml.py", "safe_text.py"}
    found = []
    for path in sorted((PACKAGE / "render").rglob("*.py")):
        if path.name in apart or "diagnostics" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if (isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings
                    and node.value not in messages and "://" not in node.value and not node.value.startswith("$")
                    and node.value not in ("overeenkomst", "overeenkomst-", "bronnen.html")):  # file names
                found += [f"{path.name}:{node.lineno}: {node.value!r}"] if _words(node.value) & DUTCH - ALLOWED else []
    assert found == [], "\n".join(found)
