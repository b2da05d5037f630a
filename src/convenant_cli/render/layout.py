"""Rich building blocks shared by the table renderers: safe text cells and a layout that
never cuts a figure.

Every text that comes from a file enters rich as a `Text` made `visible` (so markup such
as `[/]` or `[link=...]` is shown as written, never interpreted). A wide table is shown
only when all its columns fit the terminal at their minimum width, which for a figure is
its whole width; otherwise the renderer's stacked layout is shown instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from convenant_cli.render.safe_text import visible


def cell(value: str | None, style: str = "") -> Text:
    """A table cell from text that may come from a file: literal and visible."""
    return Text(visible(value or "", newlines=True), style=style)


def title(value: str, style: str = "") -> Text:
    return Text(visible(value), style=style)


class Fitted:
    """`wide` when it fits the width it is given without shrinking a column below its
    minimum (a figure's minimum is its whole text) and that width is at least
    `min_width`, else what `narrow()` builds."""

    def __init__(self, wide: Table, narrow: Callable[[], RenderableType], min_width: int = 0) -> None:
        self.wide = wide
        self.narrow = narrow
        self.min_width = min_width

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        needed = _minimum_width(console, options, self.wide)
        yield self.wide if max(needed, self.min_width) <= options.max_width else self.narrow()


def _minimum_width(console: Console, options: ConsoleOptions, table: Table) -> int:
    """The narrowest the table can be without cutting a cell. Rich measures a cell's minimum
    as its longest word; a column that does not wrap needs its longest line."""
    measured = Measurement.get(console, options.update(width=10_000), table).minimum
    extra = 0
    for column in table.columns:
        if not column.no_wrap:
            continue
        texts = [column.header, column.footer, *column.cells]
        lines = [line for text in texts for line in (text.plain if isinstance(text, Text) else str(text)).splitlines()]
        longest = max((cell_len(line) for line in lines), default=0)
        words = max((cell_len(word) for line in lines for word in line.split()), default=0)
        extra += max(0, longest - words)
    return measured + extra


def stacked(heading: Text, rows: Iterable[tuple[str, Text | str]]) -> Table:
    """One item as a two-column block (label, value), for a narrow terminal."""
    table = Table(title=heading, title_justify="left", show_header=False, box=None, padding=(0, 1, 0, 2))
    table.add_column("label", overflow="fold", ratio=1)
    table.add_column("value", justify="right", overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return table


class Lines:
    """Indented lines of plain text, each made `visible`, wrapped at the width they are given
    (a wrapped line keeps its indent): how a long explanation is shown. Written as segments
    directly, so that thousands of steps cost their characters, not a table's layout."""

    def __init__(self, lines: Iterable[tuple[int, str, str]]) -> None:
        self.lines = list(lines)  # (indent, text, style)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment
        from rich.style import Style

        width = max(20, options.max_width)
        styles: dict[str, Style] = {}
        for indent, text, style in self.lines:
            shown = visible(text)
            look = styles.setdefault(style, Style.parse(style)) if style else None
            for part in _wrapped(shown, width - indent) if len(shown) + indent > width else (shown,):
                yield Segment(" " * indent + part, look)
                yield Segment.line()


def _wrapped(text: str, width: int) -> list[str]:
    """
    >>> _wrapped("een twee drie vier", 9)
    ['een twee', 'drie vier']
    """
    import textwrap

    return textwrap.wrap(text, max(10, width), break_long_words=True, break_on_hyphens=False) or [""]
