"""Every kind of workbook, printed by LibreOffice: A4 pages drawn in Carlito, every figure of the
JSON output on them, no text drawn over other text (worked out from the font's glyphs), no `###`
for a number or date too wide for its column. Viewer tests: `pytest -m viewers -p no:xdist`."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from tests.conftest import CONVENANTS, EXAMPLES, ROOT
from tests.viewers import FONT, Word, figures, fonts, is_a4, overlaps, page_sizes, print_workbook, text, words

pytestmark = [pytest.mark.viewers, pytest.mark.timeout(300)]  # LibreOffice's first start builds its profile

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
AMENDED = ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"
KINDS = {
    "settle": ["settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--format", "json", "--explain"],
    "folder": ["settle", CONVENANTS, "--format", "json"],
    "diff": ["diff", METAAL, AMENDED, "-r", METAAL_REAL, "--format", "json"],
    "fill-in": ["new", "realisation", METAAL, "--from", METAAL_REAL],
}


def amounts(data: object) -> set[Decimal]:
    """Every figure with two decimals in a JSON document."""
    if isinstance(data, dict):
        return set().union(*(amounts(value) for value in data.values())) if data else set()
    if isinstance(data, list):
        return set().union(*(amounts(value) for value in data)) if data else set()
    if isinstance(data, str) and re.fullmatch(r"-?\d+\.\d{2}", data):
        return {Decimal(data)}
    return set()


@pytest.fixture(scope="module", params=list(KINDS))
def printed(request, tmp_path_factory):
    kind = request.param
    folder = tmp_path_factory.mktemp(kind)
    out = folder / f"{kind}.xlsx"
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        result = CliRunner().invoke(__import__("convenant_cli.cli", fromlist=["app"]).app,
                                    [str(a) for a in KINDS[kind]] + ["--xlsx", str(out)], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.stderr  # diff exits 1: the versions differ
    pdf = print_workbook(out, folder)
    return kind, result.stdout, pdf


def test_every_page_is_a4(printed):
    kind, _, pdf = printed
    sizes = page_sizes(pdf)
    assert sizes and all(is_a4(size) for size in sizes), (kind, set(sizes))


def test_every_page_is_drawn_in_carlito(printed):
    """The layout tests below read the ink from Carlito's glyphs: a page LibreOffice drew in a
    fallback font (Carlito missing) would be measured with the wrong font."""
    kind, _, pdf = printed
    assert fonts(pdf) <= {FONT, f"{FONT}-Bold"}, (kind, fonts(pdf))


def test_no_text_is_drawn_over_other_text(printed):
    kind, _, pdf = printed
    clashes = overlaps(words(pdf))
    assert not clashes, (kind, [(a.page, a.text, b.text) for a, b in clashes[:10]])


def test_no_number_or_date_is_too_wide_for_its_column(printed):
    kind, _, pdf = printed
    assert "###" not in text(pdf), kind


@pytest.mark.parametrize("printed", ["settle", "folder", "diff"], indirect=True)  # the fill-in workbook: below
def test_every_figure_of_the_json_output_is_on_the_pages(printed):
    kind, stdout, pdf = printed
    expected = amounts(json.loads(stdout))
    assert len(expected) >= 20, kind
    missing = expected - figures(text(pdf))
    assert not missing, (kind, sorted(missing))


@pytest.mark.parametrize("printed", ["fill-in"], indirect=True)
def test_the_fill_in_workbook_prints_what_it_was_filled_from(printed):
    _, _, pdf = printed
    import yaml

    realisation = yaml.safe_load(METAAL_REAL.read_text(encoding="utf-8"))
    printed_text = text(pdf)
    shown = figures(printed_text)
    advances = [Decimal(str(a["amount"])) for a in realisation["advances"]]
    assert advances and all(amount in shown for amount in advances)
    days = {str(absence[key]) for group in realisation["staffing"] for consultant in group.get("consultants") or ()
            for absence in consultant.get("absences") or () for key in ("start", "end") if key in absence}
    assert days and all(day in printed_text for day in days)
    for reason in ("ziekte", "tijdskrediet", "moederschapsrust"):  # the longest words of their column, whole
        assert reason in printed_text


def _line(text: str, baseline: float, x: float = 0.0, size: float = 10.0) -> Word:
    """A word as poppler boxes it (0.95 em above the baseline, 0.35 em below) in Carlito at
    `size` points, its width the glyphs' advances."""
    from tests.viewers import need_font

    width = sum(need_font().glyph(character).advance for character in text) * size
    return Word(1, text, x, baseline - 0.95 * size, x + width, baseline + 0.35 * size)


def test_the_overlap_test_sees_ink_over_ink_and_not_the_fonts_empty_box():
    # Carlito at 10 pt: "g" reaches 0.1719 em below its baseline, "d" 0.7017 em above its own,
    # "n" and "e" 0.4927 em above. Each box is 1.3 em = 13 pt high.
    gel = _line("gel", baseline=100)  # ink down to 100 + 1.719 = 101.719
    # wrapped one em below (as LibreOffice wraps): "de" from 110 - 7.017 = 102.983, clear of
    # 101.719, though the boxes share 103.5 - 100.5 = 3 pt
    assert overlaps([gel, _line("de", baseline=110)]) == []
    # 0.86 em below: "de" from 108.6 - 7.017 = 101.583, into the "g" (by 0.136 pt)
    assert len(overlaps([gel, _line("de", baseline=108.6)])) == 1
    # 0.6 em below, low letters only: "nee" from 106 - 4.927 = 101.073; "ee" above reaches down
    # 0.0073 em, to 100.073: clear, though the boxes share 7 pt (more than half their height)
    assert overlaps([_line("ee", baseline=100), _line("nee", baseline=106)]) == []
    # side by side on one baseline, the second word's box starting 2 pt inside the first's
    de = _line("de", baseline=100)
    assert len(overlaps([de, _line("gel", baseline=100, x=de.x_max - 2)])) == 1
