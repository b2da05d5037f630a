"""The staffing charts as they print: Chromium prints the agreement's page to PDF on A4 and
poppler reads back each word with its box. Every word of a chart (names, months, the strip's
values in FTE, the interim view's day) prints at 8 pt or more, and the legend's and the short
spans' words are on the page. Viewer tests: `pytest -m viewers -p no:xdist`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.chromium import Chromium
from tests.cli.test_report import METAAL, METAAL_REAL
from tests.conftest import ROOT
from tests.viewers import Word, need, text, words

pytestmark = [pytest.mark.viewers, pytest.mark.timeout(300)]  # the browser's first start builds its profile

QUARTERS = ("jan", "apr", "jul", "okt")  # the months the axis marks, as short words (the page's days say "juli")


def report(folder: Path, *args: object) -> Path:
    """`settle ... --html FOLDER` in Dutch: the agreement's page."""
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("CONVENANT_LANG", raising=False)
        result = CliRunner().invoke(app, ["settle", *map(str, args), "--html", str(folder)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return folder / "metaal-2023-2025.html"


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """The metaal page at 30 September 2024 and at the end of the term, printed: (PDF, words)."""
    need("chromium")
    need("pdftotext")
    base = tmp_path_factory.mktemp("timeline-print")
    pages = {"interim": report(base / "tussentijds", METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30"),
             "final": report(base / "eind", METAAL, "-r", METAAL_REAL)}
    found = {}
    with Chromium(base / "profile") as browser:
        for name, page in pages.items():
            browser.open(page.as_uri())
            pdf = base / f"{name}.pdf"
            pdf.write_bytes(browser.pdf())
            found[name] = (pdf, words(pdf))
    return found


def charts(found: list[Word], top_word: str) -> list[list[Word]]:
    """The words of each chart: on a page, from the chart's first line (`top_word`: the interim
    view's label, or a consultant's name) down to its legend's first words ("in dienst")."""
    zones = []
    for page in sorted({word.page for word in found}):
        on_page = [word for word in found if word.page == page]
        months = [word for word in on_page if word.text in QUARTERS]
        if not months:
            continue
        axis = min(word.y_min for word in months)
        top = max(word.y_min for word in on_page if word.text == top_word and word.y_min < axis)
        legend = min(word.y_min for word in on_page if word.text == "dienst" and word.y_min > axis)
        zones.append([word for word in on_page if top <= word.y_min < legend])
    return zones


@pytest.mark.parametrize(("view", "top_word"), [("interim", "stand"), ("final", "Consulent")])
def test_every_word_of_a_chart_prints_at_8_pt_or_more(printed, view, top_word):
    _, found = printed[view]
    zones = charts(found, top_word)
    assert len(zones) == 8  # a chart for each of metaal's eight beneficiaries
    for zone in zones:
        small = [(word.text, round(word.size, 2)) for word in zone if word.size < 7.95]
        assert small == [], small
        shown = [word.text for word in zone]
        # the strip's label and its values in FTE, Belgian notation
        assert {"Tekort", "(VTE)", "0,00", "1,00"} <= set(shown)
        # the months the axis marks: up to the interim view's day (30 September 2024), or the term's end
        months = re.findall(r"\b(?:jan|apr|jul|okt) \d{4}\b", " ".join(shown))
        assert months == ["jul 2023", "okt 2023", "jan 2024", "apr 2024", "jul 2024",
                          *(["okt 2024", "jan 2025", "apr 2025"] if view == "final" else [])]
        if view == "interim":
            assert " ".join(shown[:5]) == "stand op 30 september 2024"


def test_the_legend_and_the_short_spans_are_on_the_printed_page(printed):
    pdf, _ = printed["interim"]
    page = " ".join(text(pdf).split())
    for words_ in ("in dienst", "ziekte", "tijdskrediet", "gewaarborgd loon (geen vermindering)",
                   "stand op 30 september 2024: na die dag is niets getekend",
                   "Tussentijdse stand: de figuur toont de dagen tot en met 30 september 2024; de termijn loopt tot 30 "
                   "juni 2025.",
                   "Dagen met een tekort aan VTE",
                   # mtech+ Limburg: July and August 2023 without Consulent G, 62 days x 1,00 FTE
                   "1 juli 2023 31 augustus 2023 62 1,00 vacature: 1,00 VTE niet ingevuld (niet in dienst: "
                   "Consulent G) 62,00"):
        assert words_ in page, words_
    final, _ = printed["final"]
    page = " ".join(text(final).split())
    assert "vervangen (geen vermindering)" in page  # mtech+ Oost-Vlaanderen's maternity leave, replaced
    assert "stand op" not in page
