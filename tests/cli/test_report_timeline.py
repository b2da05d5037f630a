"""`settle --html DIR`: each beneficiary's staffing chart, read from the page as a parser reads
it. An interim view draws nothing after its day, which a labelled line marks; the shortfall
strip has a value axis in FTE; the chart's text prints at 8 pt or more on A4; the legend names
what the chart draws and nothing else; and the table of short spans under the chart holds the
engine's spans, whose FTE-days add up to the beneficiary's shortfall printed on the page."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from importlib.resources import files
from itertools import pairwise
from pathlib import Path

import pytest

from tests.cli.test_report import METAAL, METAAL_REAL, hostile_project
from tests.conftest import CONVENANTS, ROOT
from tests.viewers import generation_report

CASES = ROOT / "cases"
TERM_START, TERM_DAYS = date(2023, 7, 1), 731  # 2023-07-01 to 2025-06-30
LEFT, PLOT = 170, 570  # the term's place on the chart, in its units (of a viewBox 750 wide)
# 1 October 2024, the day after the view's day, is day 458 of the term: 184 days of July to
# December 2023, and 31 + 29 + 31 + 30 + 31 + 30 + 31 + 31 + 30 = 274 of January to September 2024
AS_OF_X = LEFT + 458 * PLOT / TERM_DAYS  # 527.12...


@dataclass
class Chart:
    """One beneficiary's chart, legend and table of short spans, as the page holds them."""

    enterprise: str
    svg: dict[str, str] = field(default_factory=dict)
    drawn: list[tuple[str, dict[str, str], str]] = field(default_factory=list)  # tag, attributes, text
    legend: list[tuple[str, str]] = field(default_factory=list)  # key, words
    rows: list[tuple[dict[str, str], list[str]]] = field(default_factory=list)  # attributes, cells
    total: str = ""
    shortfall: str = ""  # the chain's "Tekort in VTE-dagen", as shown
    text: str = ""


class Charts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.charts: list[Chart] = []
        self.at: list[str] = []  # the open elements that matter: svg, defs, text, li, tr, td, data, tfoot
        self._cells: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag == "section" and "data-enterprise" in found:
            self.charts.append(Chart(found["data-enterprise"]))
        if not self.charts:
            return
        chart = self.charts[-1]
        if tag == "svg" and "timeline" in found.get("class", ""):
            chart.svg = found
            self.at.append("chart")
        elif "chart" in self.at and "defs" not in self.at and tag in ("rect", "line", "text", "circle", "path"):
            chart.drawn.append((tag, found, ""))
        if tag in ("defs", "text", "tfoot", "td") or (tag == "data" and found.get("data-key") == "shortfall_fte_days"):
            self.at.append(tag if tag != "data" else "shortfall")
        if tag == "li" and "data-legend" in found:
            chart.legend.append((found["data-legend"], ""))
            self.at.append("li")
        if tag == "tr" and "short-span" in found.get("class", ""):
            chart.rows.append((found, []))
            self._cells = chart.rows[-1][1]
        if tag == "td" and self._cells is not None:
            self._cells.append("")

    def handle_endtag(self, tag: str) -> None:
        closing = {"svg": "chart", "data": "shortfall"}.get(tag, tag)
        if self.at and self.at[-1] == closing:
            self.at.pop()
        if tag == "tr":
            self._cells = None

    def handle_data(self, data: str) -> None:
        if not self.charts:
            return
        chart = self.charts[-1]
        chart.text += data
        if self.at[-1:] == ["text"] and chart.drawn and chart.drawn[-1][0] == "text":
            tag, attrs, text = chart.drawn[-1]
            chart.drawn[-1] = (tag, attrs, text + data)
        elif self.at[-1:] == ["li"]:
            key, words = chart.legend[-1]
            chart.legend[-1] = (key, words + data)
        elif self.at[-1:] == ["shortfall"]:
            chart.shortfall += data
        elif self.at[-1:] == ["td"] and "tfoot" in self.at:
            chart.total = data if data.strip() else chart.total
        elif self.at[-1:] == ["td"] and self._cells is not None:
            self._cells[-1] += data


def charts(page: Path) -> dict[str, Chart]:
    parser = Charts()
    parser.feed(page.read_text(encoding="utf-8"))
    return {chart.enterprise: chart for chart in parser.charts}


def dutch_number(text: str) -> Decimal:
    """`1.036,20` as a number."""
    return Decimal(text.strip().replace(".", "").replace(",", "."))


def widest(text: str, size: float) -> float:
    """More than the width of `text` at `size` in Carlito, Calibri or Liberation Sans: no glyph of
    theirs but M, W, m and w is wider than 0.7 em, no digit or small letter wider than 0.6 em."""
    return sum((0.95 if c in "MWmw" else 0.7 if c.isupper() else 0.6) * size for c in text)


def right_edge(tag: str, attrs: dict[str, str], text: str) -> float:
    """How far right a drawn element reaches (a text by its anchor and its widest width)."""
    if tag == "rect":
        return float(attrs.get("x", 0)) + float(attrs["width"])
    if tag == "line":
        return max(float(attrs["x1"]), float(attrs["x2"]))
    if tag == "text":
        anchor = attrs.get("text-anchor", "start")
        width = widest(text, 12) if anchor == "start" else widest(text, 12) / 2 if anchor == "middle" else 0
        return float(attrs["x"]) + width
    raise AssertionError(f"a {tag} drawn on the chart: give it a right edge here")


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    """The bundled generation's report (Dutch) and its JSON with the explanation's short spans."""
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    folder = tmp_path_factory.mktemp("timeline") / "rapport"
    generation_report(folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("CONVENANT_LANG", raising=False)
        result = CliRunner().invoke(app, ["settle", str(CONVENANTS), "--format", "json", "--explain"],
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return folder, json.loads(result.stdout)


def interim_report(run_cli, folder: Path, *args: object) -> Path:
    result = run_cli("settle", *args, "--html", folder)
    assert result.exit_code == 0, result.stderr
    return folder


@pytest.mark.parametrize(("args", "day", "words"), [
    ((METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30"), date(2024, 9, 30), "30 september 2024"),
    # two weeks after a quarter's first day: that quarter's month label would run past the day
    ((METAAL, "-r", METAAL_REAL, "--as-of", "2024-07-15"), date(2024, 7, 15), "15 juli 2024"),
    # the bundled progress report (`as_of: 2024-09-30` in the file): an illness from 1 August, still running
    ((CASES / "basis" / "een-consulent.yaml", "-r", CASES / "feiten" / "voortgang-lopende-ziekte.yaml"),
     date(2024, 9, 30), "30 september 2024"),
], ids=["metaal-30-september", "metaal-15-july", "progress-report"])
def test_an_interim_chart_marks_its_day_and_draws_nothing_after_it(run_cli, dutch, tmp_path, args, day, words):
    folder = interim_report(run_cli, tmp_path / "rapport", *args)
    [page] = [p for p in folder.glob("*.html") if p.name not in ("index.html", "sources.html")]
    found = [chart for chart in charts(page).values() if chart.svg]
    as_of_x = LEFT + ((day - TERM_START).days + 1) * PLOT / TERM_DAYS
    if day == date(2024, 9, 30):
        assert as_of_x == pytest.approx(AS_OF_X)
    assert found
    for chart in found:
        assert float(chart.svg["data-end-x"]) == pytest.approx(as_of_x)
        assert chart.svg["data-drawn-end"] == day.isoformat() and chart.svg["data-term-end"] == "2025-06-30"
        [line] = [attrs for tag, attrs, _ in chart.drawn if tag == "line" and attrs.get("class") == "as-of"]
        assert float(line["x1"]) == float(line["x2"]) == pytest.approx(as_of_x)
        [label] = [text for tag, attrs, text in chart.drawn if tag == "text" and attrs.get("class") == "as-of"]
        assert label == f"stand op {words}"
        assert ("as-of", f"stand op {words}: na die dag is niets getekend") in [
            (key, text.strip()) for key, text in chart.legend]
        beyond = [(tag, attrs, text) for tag, attrs, text in chart.drawn
                  if right_edge(tag, attrs, text) > as_of_x + 1e-9]
        assert beyond == [], chart.enterprise
        # the rows' shapes stop at the day, their real dates kept: an employment that runs on ends there
        for _tag, attrs, _ in chart.drawn:
            if attrs.get("data-kind") == "employment" and attrs["data-end"] >= day.isoformat():
                assert float(attrs["x"]) + float(attrs["width"]) == pytest.approx(as_of_x)


def test_a_consultant_employed_past_the_day_is_drawn_up_to_it(run_cli, dutch, tmp_path):
    """mtech+ Limburg's Consulent G is employed 1 September 2023 - 30 June 2025: at 30 September
    2024 the bar runs from day 62 of the term (July and August: 31 + 31) to the view's day."""
    folder = interim_report(run_cli, tmp_path / "rapport", METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30")
    limburg = charts(folder / "metaal-2023-2025.html")["0434.112.117"]
    [bar] = [attrs for tag, attrs, _ in limburg.drawn
             if attrs.get("data-kind") == "employment" and attrs["data-end"] == "2025-06-30"]
    assert bar["data-start"] == "2023-09-01"
    assert float(bar["x"]) == pytest.approx(LEFT + 62 * PLOT / TERM_DAYS)
    assert float(bar["x"]) + float(bar["width"]) == pytest.approx(AS_OF_X)


def test_a_final_chart_has_no_day_line_and_draws_the_whole_term(generation):
    folder, _ = generation
    for chart in charts(folder / "metaal-2023-2025.html").values():
        if not chart.svg:
            continue
        assert float(chart.svg["data-end-x"]) == pytest.approx(LEFT + PLOT)
        assert not [attrs for _, attrs, _ in chart.drawn if attrs.get("class") == "as-of"]
        assert "as-of" not in dict(chart.legend)
        assert max(right_edge(*drawn) for drawn in chart.drawn) <= 750


def levels(chart: Chart) -> list[tuple[float, str]]:
    return [(float(attrs["y"]), text) for tag, attrs, text in chart.drawn if tag == "text"
            and attrs.get("class") == "level"]


def test_the_shortfall_strip_has_a_value_axis_in_fte_in_belgian_notation(generation):
    folder, _ = generation
    page = charts(folder / "metaal-2023-2025.html")
    for chart in page.values():
        if not chart.svg:
            continue
        [strip] = [text for tag, attrs, text in chart.drawn if attrs.get("class") == "strip-label"]
        assert strip == "Tekort (VTE)"
        shown = levels(chart)
        assert shown[0][1] == "0,00" and len(shown) >= 2, chart.enterprise
        # one FTE of shortfall is the strip's height: the top value is 1,00 unless more were short
        fte_height = float(chart.svg["data-fte-height"])
        for (y, text), (next_y, next_text) in pairwise(shown):
            assert (y - next_y) == pytest.approx(float(dutch_number(next_text) - dutch_number(text)) * fte_height)
    # mtech+ Limburg: 1,00 FTE short in July and August 2023, the strip's full height of 60 units
    limburg = page["0434.112.117"]
    assert [text for _, text in levels(limburg)] == ["0,00", "1,00"]
    assert float(limburg.svg["data-fte-height"]) == 60
    [block] = [attrs for tag, attrs, _ in limburg.drawn if attrs.get("class") == "short"]
    assert float(block["height"]) == 60
    # RTM Vlaams-Brabant: 0,86 FTE short; its label would stand 8,4 units below 1,00 (less than
    # a line of 12): only 0,00 and 1,00
    assert [text for _, text in levels(page["0474.431.354"])] == ["0,00", "1,00"]


def test_the_chart_prints_its_text_at_8_pt_or_more_on_a4(generation):
    """The chart is scaled to the page's width: a text of `font-size` units prints at font-size
    x printed width / viewBox width. A4 is 210 mm wide; the stylesheet's @page margins leave
    210 - 12 - 12 = 186 mm = 527,2 pt; 12 units of 750 print at 8,44 pt."""
    css = (files("convenant_cli.render.report") / "templates" / "report.css").read_text(encoding="utf-8")
    [page_rule] = re.findall(r"@page\s*\{([^}]*)\}", css)
    assert re.search(r"size:\s*A4\b", page_rule)
    margins = [float(value) for value in re.findall(r"([\d.]+)mm", re.search(r"margin:([^;]+);", page_rule)[1])]
    left, right = {1: (0, 0), 2: (1, 1), 3: (1, 1), 4: (3, 1)}[len(margins)]
    printed = (210 - margins[left] - margins[right]) * 72 / 25.4
    assert printed == pytest.approx(527.24, abs=0.01)
    # every size the stylesheet gives the chart's text (in its units), and none given on the page
    sizes = [float(size) for selector, rule in re.findall(r"([^{}]*)\{([^{}]*)\}", css) if "svg.timeline" in selector
             for size in re.findall(r"font-size:\s*([\d.]+)px", rule)]
    assert sizes == [12.0]
    assert re.search(r"svg\.timeline\s*\{[^}]*width:\s*100%", css)
    folder, _ = generation
    checked = 0
    for page in folder.glob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "font-size" not in "".join(re.findall(r"<svg class=\"timeline\".*?</svg>", text, re.S))
        for chart in charts(page).values():
            if chart.svg:
                width = float(chart.svg["viewbox"].split()[2])
                assert min(sizes) * printed / width >= 8, (page.name, chart.enterprise)
                checked += 1
    assert checked == 17  # metaal 8, its extension 8, social profit 1


def drawn_keys(chart: Chart) -> set[str]:
    """What the chart draws, by the legend's keys."""
    keys = set()
    for tag, attrs, _ in chart.drawn:
        classes = attrs.get("class", "").split()
        if tag == "rect" and attrs.get("data-kind"):
            keys.add(attrs["data-kind"])
            keys.update(c for c in classes if c.startswith("reason-"))
        elif tag == "rect" and "short" in classes:
            keys.add("short")
        elif tag == "line" and "as-of" in classes:
            keys.add("as-of")
    return keys - {"absence"}


def test_the_legend_lists_what_the_chart_draws_and_nothing_else(generation):
    folder, _ = generation
    checked = 0
    for page in folder.glob("*.html"):
        for chart in charts(page).values():
            if chart.svg:
                assert {key for key, _ in chart.legend} == drawn_keys(chart), (page.name, chart.enterprise)
                checked += 1
    assert checked == 17  # metaal 8, its extension 8, social profit 1
    metaal = charts(folder / "metaal-2023-2025.html")
    words = {number: [w.strip() for _, w in chart.legend] for number, chart in metaal.items()}
    # INOM vzw: an illness (with its guaranteed wage) and a time credit, nothing replaced
    assert words["0409.845.289"] == ["in dienst", "ziekte", "tijdskrediet", "gewaarborgd loon (geen vermindering)",
                                     "Tekort (VTE)"]
    # mtech+ Oost-Vlaanderen: a replaced maternity leave, no day short
    assert words["0436.785.555"] == ["in dienst", "moederschapsrust", "vervangen (geen vermindering)"]
    # INOM Bedienden: one consultant, the whole term, never absent
    assert words["0434.030.854"] == ["in dienst"]


def test_the_short_spans_add_up_to_the_shortfall_on_every_beneficiarys_page(generation):
    """Every beneficiary of the bundled generation: the table's rows are the engine's short
    spans (those short of the FTE; a span made up in full is not short), each row's FTE-days
    are its days x FTE, and they add up, to the cent, to the "Tekort in VTE-dagen" on the page.

    By hand, INOM vzw (3,70 FTE) in the bundled eindrapport: Consulent A is ill 8 January -
    30 April 2024, covered by 30 days of guaranteed wage (8 January + 29 = 6 February); the
    days after, 7 February - 30 April, Vervanger A (1,00 FTE) fills in full: not short. The
    time credit of 0,20 FTE from 1 September 2024 to 28 February 2025 is short
    30 + 31 + 30 + 31 + 31 + 28 = 181 days x 0,20 = 36,20 FTE-days: one row, and the shortfall."""
    folder, data = generation
    checked = 0
    for settlement in data["settlements"]:
        page = charts(folder / f"{settlement['convenant']}.html")
        for line in settlement["beneficiaries"]:
            number = line["enterprise_number"]
            chart = page[f"{number[:4]}.{number[4:7]}.{number[7:]}"]
            shortfall = dutch_number(chart.shortfall)
            assert shortfall == Decimal(line["shortfall_fte_days"]), line["name"]
            short = [span for span in line["short_spans"] if Decimal(span["shortfall_fte"]) > 0]
            if not chart.svg:  # no consultants in the eindrapport: taken as fully staffed
                assert shortfall == 0 and not short and not chart.rows, line["name"]
                continue
            rows = [(attrs["data-start"], attrs["data-end"], dutch_number(cells[2]), dutch_number(cells[3]),
                     dutch_number(cells[5])) for attrs, cells in chart.rows]
            assert rows == [(span["start"], span["end"], span["days"], Decimal(span["shortfall_fte"]),
                             Decimal(span["shortfall_fte_days"])) for span in short], line["name"]
            assert all(days * fte == fte_days for _, _, days, fte, fte_days in rows), line["name"]
            assert sum((fte_days for *_, fte_days in rows), Decimal(0)) == shortfall, line["name"]
            if rows:
                assert dutch_number(chart.total) == shortfall, line["name"]
            else:
                assert "Geen enkele dag met een tekort aan VTE." in chart.text, line["name"]
            checked += 1
    assert checked == 17  # metaal 8, its extension 8, social profit 1; duaal leren has no FTE to staff
    inom = charts(folder / "metaal-2023-2025.html")["0409.845.289"]
    assert [cells for _, cells in inom.rows] == [
        ["1 september 2024", "28 februari 2025", "181", "0,20", "tijdskrediet: Consulent A (0,20 VTE)", "36,20"]]
    assert inom.shortfall == inom.total == "36,20"


def test_each_short_span_names_its_cause(generation):
    folder, _ = generation
    page = charts(folder / "metaal-2023-2025.html")
    causes = {number: [cells[4] for _, cells in chart.rows] for number, chart in page.items()}
    # mtech+ Limburg: Consulent G (1,00 FTE) starts on 1 September 2023; July and August are a vacancy
    assert causes["0434.112.117"] == ["vacature: 1,00 VTE niet ingevuld (niet in dienst: Consulent G)"]
    # RTM Vlaams-Brabant: Consulent L's accident of 6 January - 31 March 2025, after 30 days of
    # guaranteed wage (to 4 February): 5 February - 31 March, 24 + 31 = 55 days x 0,86 = 47,30
    [(_, cells)] = page["0474.431.354"].rows
    assert cells == ["5 februari 2025", "31 maart 2025", "55", "0,86", "ongeval: Consulent L (0,86 VTE)", "47,30"]


def test_a_name_in_a_cause_is_text_not_markup(run_cli, tmp_path, monkeypatch):
    project = hostile_project(tmp_path)
    monkeypatch.chdir(project)
    result = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--html", "rapport")
    assert result.exit_code == 0, result.stderr
    page = project / "rapport" / "metaal-2023-2025.html"
    assert "<script" not in page.read_text(encoding="utf-8")
    # mtech+ Antwerpen's consultant E, renamed: the relapse's last 15 days of November 2023 are short
    [(_, cells)] = charts(page)["0433.981.067"].rows
    assert cells[4] == 'illness: <script>alert("E")</script> (1.00 FTE)'
