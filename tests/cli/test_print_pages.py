"""The workbooks printed by LibreOffice as an annex is printed, in Dutch: within their page budget,
the summary on one or two pages with its title on each, every title whole on every page of its
sheet, and no text of a cell cut off by a row too low for it (every word of a sheet's cells is on
that sheet's pages). Viewer tests: `pytest -m viewers -p no:xdist`."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from tests.conftest import CONVENANTS, EXAMPLES, ROOT
from tests.viewers import print_workbook, run

pytestmark = [pytest.mark.viewers, pytest.mark.timeout(300)]  # LibreOffice's first start builds its profile

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
AMENDED = ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"
KINDS = {  # as an auditor runs them: the eindrapport without the assessment is a provisional settlement
    "one": ["settle", METAAL, "-r", METAAL_REAL],
    "folder": ["settle", CONVENANTS],
    "interim": ["settle", METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30"],
    "diff": ["diff", METAAL, AMENDED, "-r", METAAL_REAL],
}
BUDGET = {"one": 12, "folder": 30}  # pages of A4
FOOTER = re.compile(r"^\s*(?P<sheet>\S.*?)\s{2,}Pagina \d+ / \d+\s*$")


class Printed:
    """A workbook and its pages: each page's text, and which sheet printed it (its footer)."""

    def __init__(self, workbook, pdf) -> None:
        self.book = load_workbook(workbook)
        self.pages = run(["pdftotext", "-layout", str(pdf), "-"], timeout=60).split("\f")[:-1]
        self.sheets = []
        for page in self.pages:
            footer = FOOTER.match([line for line in page.splitlines() if line.strip()][-1])
            assert footer, page[-200:]
            self.sheets.append(footer.group("sheet"))

    def of(self, sheet: str) -> list[str]:
        return [page for page, name in zip(self.pages, self.sheets, strict=True) if name == sheet]


@pytest.fixture(scope="module", params=list(KINDS))
def printed(request, tmp_path_factory):
    kind = request.param
    folder = tmp_path_factory.mktemp(kind)
    out = folder / f"{kind}.xlsx"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.setenv("CONVENANT_LANG", "nl")
        from convenant_cli.cli import app

        result = CliRunner().invoke(app, [str(a) for a in KINDS[kind]] + ["--xlsx", str(out)],
                                    catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr  # diff exits 1: the versions differ
    return kind, Printed(out, print_workbook(out, folder))


def words(text: str) -> Counter[str]:
    """The words of a text, each cut after its hyphens (`VTE-` `dagen`): a line may break there."""
    return Counter(piece for word in text.split() for piece in re.findall(r"[^-]+-?|-", word))


def test_every_sheet_prints_on_pages_of_its_own_in_order(printed):
    _, pages = printed
    assert list(dict.fromkeys(pages.sheets)) == pages.book.sheetnames


@pytest.mark.parametrize("printed", list(BUDGET), indirect=True)
def test_a_workbook_prints_within_its_page_budget(printed):
    kind, pages = printed
    assert len(pages.pages) <= BUDGET[kind], Counter(pages.sheets)


@pytest.mark.parametrize("printed", ["one", "folder", "interim"], indirect=True)
def test_the_summary_prints_on_one_or_two_pages_with_its_title_on_each(printed):
    kind, pages = printed
    summary = pages.of("Samenvatting")
    assert 1 <= len(summary) <= 2, kind
    title = pages.book["Samenvatting"]["A1"].value
    for page in summary:
        assert words(title) <= words(page), (kind, title)


def test_every_title_is_whole_on_each_page_of_its_sheet(printed):
    """A sheet's title row (its first, above the column titles) repeats on each of its pages, whole:
    a merged title wider than the page would be cut at the page's edge."""
    kind, pages = printed
    titled = 0
    for sheet in pages.book.worksheets:
        if sheet.print_title_rows != "$1:$2":
            continue
        titled += 1
        for page in pages.of(sheet.title):
            missing = words(sheet["A1"].value) - words(page)
            assert not missing, (kind, sheet.title, sorted(missing))
    assert titled >= (1 if kind == "diff" else 2), kind  # the changes; the summary and its calculation


def test_no_text_of_a_cell_is_cut_off(printed):
    """Every word of every text in a sheet's cells is on that sheet's pages as often as in its cells:
    a row too low for its wrapped text, or a column too narrow, would lose the lines it cannot show."""
    kind, pages = printed
    for sheet in pages.book.worksheets:
        texts = Counter()
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str) and not value.startswith("="):
                    texts.update(words(value))
        shown = sum((words(page) for page in pages.of(sheet.title)), Counter())
        missing = texts - shown
        assert not missing, (kind, sheet.title, sorted(missing)[:20])


@pytest.mark.parametrize("printed", ["diff"], indirect=True)
def test_the_diff_prints_its_changes_on_one_page_width_in_words(printed):
    _, pages = printed
    changes = pages.of("Wijzigingen")
    assert len(changes) == 1  # ten changes, six columns: one page
    headers = [cell.value for cell in pages.book["Wijzigingen"][2]]
    assert headers == ["Onderwerp", "Categorie", "Wijziging", "Veld", "Oud", "Nieuw"]  # no machine path
    assert "beneficiaries[" not in "".join(pages.pages) and "enterprise_number=" not in "".join(pages.pages)


@pytest.mark.parametrize("printed", ["one"], indirect=True)
def test_a_provisional_summary_shows_the_payable_if_met_beside_the_payable(printed):
    _, pages = printed
    [page] = pages.of("Samenvatting")
    # INOM: (392.200 - 5.249,25) x 0,70 = 270.865,53 for certain; if R2 is met, 2/3 of the result share:
    # (392.200 - 5.249,25) x 0,30 x 2/3 = 77.390,15 more, 348.255,68 (LibreOffice prints in the C locale)
    inom = next(line for line in page.splitlines() if line.startswith("INOM vzw - Instituut"))
    assert re.search(r"270,865\.53 €\s+348,255\.68 €\s+196,100\.00 €\s+74,765\.53 €", inom), inom
