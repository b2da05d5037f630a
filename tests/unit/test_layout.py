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
