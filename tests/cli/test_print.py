"""Every kind of workbook, printed by LibreOffice: A4 pages, every figure of the JSON output on
them, no text drawn over other text, no `###` for a number or date too wide for its column."""

from __future__ import annotations

import json
import re
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from tests.conftest import CONVENANTS, EXAMPLES, ROOT
from tests.viewers import figures, is_a4, overlaps, page_sizes, print_workbook, text, words

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
