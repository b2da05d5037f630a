"""`layout.Blocks` draws what a group of `stacked` tables draws, character for character and
style for style, at every width: it only writes the lines itself where rich would."""

from __future__ import annotations

import pytest
from rich.console import Console, Group
from rich.text import Text

from convenant_cli.render.layout import Blocks, cell, stacked

ROWS = [("Maximum", "392.200,00"), ("Tekort in VTE-dagen", "36,20"), ("Saldo (nog te betalen)", "74.765,53"),
        ("Subsidiabele kosten", "—")]
BLOCKS = [
    (cell("INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende Nijverheid (0409.845.289)",
          "bold"), ROWS),
    (cell("mtech+ Antwerpen vzw (0433.981.067)", "bold"), ROWS[:2]),
    (cell("[bold]not markup[/bold] :smile: (0433.981.067)", "bold"), [("[red]x[/red] :smile:", "1,00")]),
    (cell("Lijnen\nin een naam", "bold"), [("twee\nregels", "1,00"), ("Maximum", "2\nregels")]),
    (Text("Totaal", style="bold"), ROWS),
]


def drawn(renderable: object, width: int, color: bool) -> str:
    console = Console(width=width, color_system="truecolor" if color else None, force_terminal=color,
                      highlight=False, soft_wrap=False, record=False)
    with console.capture() as captured:
        console.print(renderable)
    return captured.get()


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("width", [12, 20, 30, 44, 45, 60, 100, 160])
def test_blocks_draw_what_the_stacked_tables_draw(width, color):
    by_rich = drawn(Group(*(stacked(heading, rows) for heading, rows in BLOCKS)), width, color)
    assert drawn(Blocks(BLOCKS), width, color) == by_rich
    # the heading of the first block wraps at the block's width (38: the label 22 + 3, the figure 10 + 3):
    # rich lays a table's title out at the table's width
    if width >= 45 and not color:
        assert by_rich.splitlines()[0].rstrip() == "INOM vzw - Instituut voor Naschoolse"


LINES = [(0, "Begunstigde 0 vzw (0410.000.093)", "bold"),
         (2, "Vermindering afwezigheid — C0-0 (R3, Art. 5)", "bold"),
         (4, "tekort 61,50 VTE-dagen × 145,01 euro per VTE-dag, " * 4, ""),
         (4, "→ 8.917,92", ""),
         (4, "名前の長い受益者 " * 6, ""),  # wide characters: a line rich crops
         (2, "[bold]geen opmaak[/bold] :smile: \x1b[2J", "")]


@pytest.mark.parametrize("color", [False, True])
@pytest.mark.parametrize("width", [12, 19, 20, 40, 80, 160])
@pytest.mark.parametrize("lines", [LINES[:4], LINES], ids=["ascii", "wide characters"])
def test_lines_written_as_text_are_what_rich_draws(width, color, lines):
    from convenant_cli.cli.output import _rendered
    from convenant_cli.render.layout import Lines

    by_rich = drawn(Lines(lines), width, color)
    console = Console(width=width, color_system="truecolor" if color else None, force_terminal=color,
                      highlight=False, soft_wrap=False)
    written = Lines(lines).drawn(console)
    # rich draws a width under 20, or a line it must crop, itself; every other is written as text: the
    # wide characters' line is 58 characters and 106 cells (4 + 6 x 17): too wide from 21 to 80 columns
    # (at 20 it wraps into lines of one word, 4 + 16 cells)
    assert (written is None) == (width < 20 or (lines is LINES and 20 < width <= 80)), (width, written)
    if written is not None:
        assert written == by_rich
    text = _rendered(Group(Text("kop"), Lines(lines), Text("staart")), width=width, color=color, encoding="utf-8")
    expected = drawn(Group(Text("kop"), Lines(lines), Text("staart")), width, color)
    assert text == "\n".join(line.rstrip(" ") for line in expected.split("\n"))
