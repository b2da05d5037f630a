"""`settle --html DIR`: the report's figures equal the JSON output (read from the pages as a
browser parses them), the timelines' spans are the realisation's, text from files is escaped,
the INSZ never shows, and the folder is never written over an input or another folder."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import CONVENANTS, EXAMPLES, ROOT
from tests.viewers import generation_report

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
TERM_START, TERM_DAYS = date(2023, 7, 1), 731  # 2023-07-01 to 2025-06-30


class Page(HTMLParser):
    """What a page shows: each `<data>` figure (its key, value and the text shown) under the
    beneficiary, family or agreement it belongs to, and every SVG shape with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.figures: list[dict[str, str]] = []
        self.shapes: list[dict[str, str]] = []
        self.svgs: list[dict[str, str]] = []
        self.owner: list[str] = []  # the enclosing beneficiary, family row or agreement row
        self._data: dict[str, str] | None = None
        self._consultant = ""
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {key: value or "" for key, value in attrs}
        if tag in ("section", "tr") and any(k in found for k in ("data-enterprise", "data-agreement", "data-family",
                                                                   "data-portfolio")):
            self.owner.append(found.get("data-enterprise") or found.get("data-agreement") or found.get("data-family")
                              or "portfolio")
        elif tag in ("section", "tr"):
            self.owner.append(self.owner[-1] if self.owner else "")
        if tag == "data":
            self._data = {**found, "owner": self.owner[-1] if self.owner else "", "shown": ""}
        if tag == "svg" and "timeline" in found.get("class", ""):
            self.svgs.append({**found, "owner": self.owner[-1]})
        if tag == "g" and "data-name" in found:
            self._consultant = found["data-name"]
        if tag == "rect" and "data-start" in found:
            self.shapes.append({**found, "owner": self.owner[-1], "consultant": self._consultant})

    def handle_endtag(self, tag: str) -> None:
        if tag in ("section", "tr") and self.owner:
            self.owner.pop()
        if tag == "data" and self._data is not None:
            self.figures.append(self._data)
            self._data = None
        if tag == "g":
            self._consultant = ""

    def handle_data(self, data: str) -> None:
        if self._data is not None:
            self._data["shown"] += data
        self.text.append(data)


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def dutch_amount(text: str) -> Decimal:
    """`1.022.559,87` as a number."""
    return Decimal(text.replace(".", "").replace(",", "."))


def settle(run_cli, *args: object) -> dict:
    result = run_cli("settle", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def generation(tmp_path_factory):
    """The bundled generation's report and JSON (Dutch, the default language)."""
    folder = tmp_path_factory.mktemp("report") / "rapport"
    return folder, generation_report(folder)


def test_the_report_has_an_index_a_page_per_agreement_and_the_sources(generation):
    folder, data = generation
    names = sorted(p.name for p in folder.iterdir())
    assert names == sorted([".convenant-report", "index.html", "sources.html",
                            *(f"{s['convenant']}.html" for s in data["settlements"])])
    index = (folder / "index.html").read_text(encoding="utf-8")
    for settlement in data["settlements"]:
        assert f'href="{settlement["convenant"]}.html"' in index


def test_every_figure_on_an_agreement_page_equals_the_json(generation):
    folder, data = generation
    checked = 0
    for settlement in data["settlements"]:
        page = read(folder / f"{settlement['convenant']}.html")
        for line in settlement["beneficiaries"]:
            shown = {f["data-key"]: f for f in page.figures if f["owner"] == format_number(line["enterprise_number"])}
            keys = [k for k in ("maximum", "deduction", "effort", "result", "payable", "advances", "balance",
                                "shortfall_fte_days") if line[k] is not None]
            assert keys and set(keys) <= set(shown), (settlement["convenant"], line["name"])
            for key in keys:
                # the value a program reads, and the figure a person reads, both equal the JSON's
                assert Decimal(shown[key]["value"]) == Decimal(line[key]), (line["name"], key)
                assert dutch_amount(shown[key]["shown"]) == Decimal(line[key]), (line["name"], key)
                checked += 1
    assert checked >= 140  # 4 agreements, 25 beneficiaries, up to 8 figures each


def test_every_figure_of_the_jsons_costs_is_on_its_beneficiarys_annex(generation):
    """Each cost line's amount and eligible part, the statement's sums and the cap, as the JSON has them."""
    folder, data = generation
    checked = 0
    for settlement in data["settlements"]:
        page = read(folder / f"{settlement['convenant']}.html")
        for line in settlement["beneficiaries"]:
            costs = line.get("costs")
            shown = [f for f in page.figures if f["owner"] == format_number(line["enterprise_number"])]
            if costs is None:
                assert not any(f["data-key"].startswith("cost") for f in shown), line["name"]
                continue
            for key, figures in (("cost_amount", [c["amount"] for c in costs["lines"]]),
                                 ("cost_eligible", [c["eligible"] for c in costs["lines"]])):
                found = [f for f in shown if f["data-key"] == key]
                assert [Decimal(f["value"]) for f in found] == [Decimal(v) for v in figures], (line["name"], key)
                assert [dutch_amount(f["shown"]) for f in found] == [Decimal(v) for v in figures]
                checked += len(found)
            for key in ("declared", "not_eligible", "refused", "eligible"):
                [found] = [f for f in shown if f["data-key"] == f"costs_{key}"]
                assert Decimal(found["value"]) == dutch_amount(found["shown"]) == Decimal(costs[key])
                checked += 1
            [cap] = [f for f in shown if f["data-key"] == "eligible_costs"]  # the chain's cap, beside the payable
            assert Decimal(cap["value"]) == Decimal(line["eligible_costs"]) == Decimal(costs["eligible"])
    # RTM Vlaams-Brabant: four lines (amount and eligible part each) and the four sums
    assert checked == 4 * 2 + 4


def format_number(number: str) -> str:
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def test_the_index_shows_the_portfolio_families_and_agreements_as_the_json(generation):
    folder, data = generation
    page = read(folder / "index.html")
    by_owner: dict[str, dict[str, Decimal]] = {}
    for figure in page.figures:
        if figure["value"]:
            assert dutch_amount(figure["shown"]) == Decimal(figure["value"])
            by_owner.setdefault(figure["owner"], {})[figure["data-key"]] = Decimal(figure["value"])
    assert by_owner["portfolio"] == {k: Decimal(v) for k, v in data["portfolio"]["totals"].items() if v is not None}
    # 2.322.542,44 payable over the generation (the auditor's guide)
    assert by_owner["portfolio"]["payable"] == Decimal("2322542.44")
    for settlement in data["settlements"]:
        assert by_owner[settlement["convenant"]] == {k: Decimal(v) for k, v in settlement["totals"].items()
                                                    if v is not None and k not in ("shortfall_fte_days",
                                                                                   "payable_if_met")}
    family = next(f for f in data["families"] if len(f["members"]) > 1)
    for line in family["beneficiaries"]:
        figures = {k: Decimal(v) for k, v in line.items() if k not in ("enterprise_number", "name") and v is not None}
        assert figures.items() <= by_owner[line["enterprise_number"]].items() or figures == by_owner[
            line["enterprise_number"]]


def shapes_of(page: Page, enterprise: str, consultant: str) -> list[tuple[str, str, str, str | None]]:
    return [(s["data-kind"], s["data-start"], s["data-end"], s.get("data-reason")) for s in page.shapes
            if s["owner"] == enterprise and s["consultant"] == consultant]


def test_the_timeline_draws_the_realisations_spans(generation):
    folder, _ = generation
    page = read(folder / "metaal-2023-2025.html")
    # Consulent A: illness 8 January - 30 April 2024; 30 days of guaranteed wage: 8 January + 29 =
    # 6 February; time credit at 0,20 FTE from 1 September 2024 to 28 February 2025
    assert shapes_of(page, "0409.845.289", "Consulent A") == [
        ("employment", "2023-07-01", "2025-06-30", None),
        ("absence", "2024-01-08", "2024-04-30", "illness"), ("wage", "2024-01-08", "2024-02-06", "illness"),
        ("absence", "2024-09-01", "2025-02-28", "time_credit")]
    assert shapes_of(page, "0409.845.289", "Vervanger A") == [("employment", "2024-02-07", "2024-04-30", None)]
    # Consulent E: 19 days of illness in October 2023 used 19 of the 30 days; the relapse 9 days later
    # gets the 11 left: 30 October + 10 = 9 November
    assert shapes_of(page, "0433.981.067", "Consulent E")[1:] == [
        ("absence", "2023-10-02", "2023-10-20", "illness"), ("wage", "2023-10-02", "2023-10-20", "illness"),
        ("absence", "2023-10-30", "2023-11-24", "illness"), ("wage", "2023-10-30", "2023-11-09", "illness")]
    # Consulent I: maternity leave, replaced: no guaranteed wage (not an incapacity), the replaced span
    assert shapes_of(page, "0436.785.555", "Consulent I")[1:] == [
        ("absence", "2024-03-01", "2024-06-13", "maternity_leave"),
        ("replaced", "2024-03-01", "2024-06-13", "maternity_leave")]
    # Consulent K: ill from 10 June 2025 into the extension; drawn to the term's end (21 days), the
    # real dates kept; its guaranteed wage runs 30 days, to 9 July
    k = [s for s in page.shapes if s["consultant"] == "Consulent K"]
    assert [(s["data-kind"], s["data-start"], s["data-end"]) for s in k[1:]] == [
        ("absence", "2025-06-10", "2025-08-15"), ("wage", "2025-06-10", "2025-07-09")]
    day = 570 / TERM_DAYS  # the term is 570 units wide, from x = 170 (the names left of it)
    for shape in k[1:]:
        # 10 June 2025 is day 710 of the term (2023-07-01 is day 0); 21 days to 30 June
        assert float(shape["x"]) == pytest.approx(170 + 710 * day)
        assert float(shape["width"]) == pytest.approx(21 * day)
    illness = next(s for s in page.shapes if s["consultant"] == "Consulent A" and s["data-kind"] == "absence")
    # 8 January 2024 is day 191 of the term; 114 days to 30 April
    assert float(illness["x"]) == pytest.approx(170 + 191 * day)
    assert float(illness["width"]) == pytest.approx(114 * day)
    credit = next(s for s in page.shapes if s.get("data-reason") == "time_credit")
    assert float(credit["height"]) == pytest.approx(14 * 0.2)  # 0,20 of a 1,00 FTE consultant's 14-unit bar


def test_the_shortfall_strip_has_the_area_of_the_shortfall(generation):
    folder, data = generation
    checked = 0
    for settlement in data["settlements"]:
        page = read(folder / f"{settlement['convenant']}.html")
        svgs = {svg["owner"]: svg for svg in page.svgs}
        for line in settlement["beneficiaries"]:
            owner = format_number(line["enterprise_number"])
            if owner not in svgs:
                assert Decimal(line["shortfall_fte_days"]) == 0 or line["staffing"] != "reported"
                continue
            svg = svgs[owner]
            blocks = [s for s in page.shapes if s["owner"] == owner and "data-days" in s]
            # exact: days x FTE short, summed; drawn: width x height over a day's width and an FTE's height
            exact = sum((int(b["data-days"]) * Decimal(b["data-fte"]) for b in blocks), Decimal(0))
            assert exact == Decimal(line["shortfall_fte_days"]), line["name"]
            drawn = sum(float(b["width"]) * float(b["height"]) for b in blocks)
            unit = float(svg["data-day-width"]) * float(svg["data-fte-height"])
            assert drawn / unit == pytest.approx(float(exact), abs=1e-6), line["name"]
            checked += 1
    # mtech+ Limburg: no consultant in July and August 2023: 62 days x 1,00 FTE = 62,00 FTE-days
    limburg = read(folder / "metaal-2023-2025.html")
    blocks = [s for s in limburg.shapes if s["owner"] == "0434.112.117" and "data-days" in s]
    assert [(b["data-start"], b["data-end"], b["data-fte"]) for b in blocks] == [("2023-07-01", "2023-08-31", "1.00")]
    assert checked >= 15


def hostile_project(tmp_path: Path) -> Path:
    """The metaal covenant and eindrapport with names that are HTML, and a consultant's INSZ."""
    from stdnum.be import nn

    (tmp_path / "examples").mkdir()
    covenant = METAAL.read_text(encoding="utf-8").replace(
        "name: mtech+ Antwerpen vzw", "name: '<img src=x onerror=alert(1)> & \"Co\"'")
    (tmp_path / "metaal.yaml").write_text(covenant, encoding="utf-8")
    # born 31 July 1985, serial 001: the check digits that python-stdnum accepts
    insz = next(candidate for check in range(100) if nn.is_valid(candidate := f"850731001{check:02d}"))
    realisation = METAAL_REAL.read_text(encoding="utf-8").replace("../metaal-2023-2025.yaml", "../metaal.yaml")
    realisation = realisation.replace("      - name: Consulent E\n",
                                      f"      - name: '<script>alert(\"E\")</script>'\n        insz: '{insz}'\n")
    (tmp_path / "examples" / "real.yaml").write_text(realisation, encoding="utf-8")
    return tmp_path


def test_text_from_files_is_escaped_and_the_insz_never_shows(run_cli, tmp_path, monkeypatch):
    project = hostile_project(tmp_path)
    monkeypatch.chdir(project)
    result = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--html", "rapport")
    assert result.exit_code == 0, result.stderr
    pages = {p.name: p.read_text(encoding="utf-8") for p in (project / "rapport").glob("*.html")}
    everything = "".join(pages.values())
    assert "<script" not in everything and "<img" not in everything and "onerror=alert(1)>" not in everything
    assert "&lt;script&gt;alert(&#34;E&#34;)&lt;/script&gt;" in pages["metaal-2023-2025.html"]
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &#34;Co&#34;" in pages["metaal-2023-2025.html"]
    page = read(project / "rapport" / "metaal-2023-2025.html")
    assert '<script>alert("E")</script>' in {s["consultant"] for s in page.shapes}  # a name, read back as text
    insz = "850731001"
    assert insz not in everything and insz[:6] not in everything  # not even the birth date


def test_the_report_follows_the_language(run_cli, tmp_path):
    result = run_cli("--lang", "en", "settle", METAAL, "-r", METAAL_REAL,
                     "--assessment", METAAL_JUDGED, "--html", tmp_path / "report")
    assert result.exit_code == 0, result.stderr
    page = (tmp_path / "report" / "metaal-2023-2025.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "Deduction for absence" in page and ">1,022,559.87<" in (
        tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "Staffing over the term" in page and "illness" in page


def test_the_report_never_writes_over_a_folder_or_an_input(run_cli, tmp_path):
    target = tmp_path / "rapport"
    target.mkdir()
    (target / "brief.docx").write_bytes(b"the auditor's letter")
    refused = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--html", target)
    assert refused.exit_code == 2 and "exists; not overwritten" in refused.stderr and "--force" in refused.stderr
    forced = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--html", target, "--force")
    assert forced.exit_code == 2 and "never replaced" in forced.stderr
    assert sorted(os.listdir(target)) == ["brief.docx"] and sorted(os.listdir(tmp_path)) == ["rapport"]
    fresh = tmp_path / "nieuw"
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--html", fresh).exit_code == 0
    (fresh / "index.html").write_text("old", encoding="utf-8")
    again = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--html", fresh, "--force")
    assert again.exit_code == 0 and (fresh / "index.html").read_text(encoding="utf-8") != "old"
    assert sorted(os.listdir(tmp_path)) == ["nieuw", "rapport"]  # nothing temporary left behind
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(METAAL, project / "metaal.yaml")
    into_input = run_cli("settle", project / "metaal.yaml", "--html", project, "--force")
    assert into_input.exit_code == 2 and "a file this run reads" in into_input.stderr
    assert sorted(os.listdir(project)) == ["metaal.yaml"]


def test_settle_to_json_loads_neither_jinja_nor_xlsxwriter():
    """Start-up stays what it was: the report's and workbook's libraries load for --html and --xlsx only."""
    code = ("import sys\nfrom convenant_cli.cli import main\n"
            f"sys.argv = ['convenant', 'settle', {str(METAAL)!r}, '-r', {str(METAAL_REAL)!r}, '--format', 'json']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('jinja2', 'xlsxwriter', 'markupsafe', 'openpyxl') if m in sys.modules))")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                           timeout=60)
    assert found.stdout.strip().splitlines()[-1] == "[]"

