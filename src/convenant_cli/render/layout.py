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
        _fix_widths(self.wide)
        if _fixed_width(self.wide) > options.max_width:  # too wide on its figures alone: no need to measure
            yield self.narrow()
            return
        needed = _minimum_width(console, options, self.wide)
        yield self.wide if max(needed, self.min_width) <= options.max_width else self.narrow()


def _fix_widths(table: Table) -> None:
    """Give each column that does not wrap the width of its longest line, which is what rich
    would measure it at, so that rich measures none of its cells: it measures every cell of a
    table three times before it draws one (twice for the table's width, once more to draw it),
    the cost of a table of 10.000 beneficiaries."""
    for column in table.columns:
        if column.no_wrap and column.width is None:
            texts = [column.header, column.footer, *column.cells]
            column.width = max((cell_len(line) for text in texts
                                for line in (text.plain if isinstance(text, Text) else str(text)).splitlines()),
                               default=0)


def _fixed_width(table: Table) -> int:
    """What `_minimum_width` finds at least, counted from the columns of a fixed width alone
    (each with its padding, the lines between columns), without measuring the cells of the
    others: a table of 10.000 beneficiaries that cannot fit needs none of that measuring."""
    if table.padding != (0, 1, 0, 1) or not table.pad_edge or table.collapse_padding:
        return 0
    width = (2 if table.box and table.show_edge else 0) + (len(table.columns) - 1 if table.box else 0)
    for column in table.columns:
        if column.width is not None:
            width += 2 + column.width
        elif column.min_width is not None:
            width += 2 + column.min_width
    return width


def _minimum_width(console: Console, options: ConsoleOptions, table: Table) -> int:
    """The narrowest the table can be without cutting a cell. Rich measures a cell's minimum
    as its longest word; a column that does not wrap needs its longest line (a column of a
    fixed width is measured at that width)."""
    measured = Measurement.get(console, options.update(width=10_000), table).minimum
    extra = 0
    for column in table.columns:
        if not column.no_wrap or column.width is not None:
            continue
        texts = [column.header, column.footer, *column.cells]
        lines = [line for text in texts for line in (text.plain if isinstance(text, Text) else str(text)).splitlines()]
        longest = max((cell_len(line) for line in lines), default=0)
        words = max((cell_len(word) for line in lines for word in line.split()), default=0)
        extra += max(0, longest - words)
    return measured + extra


STACKED_PADDING = (0, 1, 0, 2)


def stacked(heading: Text, rows: Iterable[tuple[str, Text | str]]) -> Table:
    """One item as a two-column block (label, value), for a narrow terminal."""
    table = Table(title=heading, title_justify="left", show_header=False, box=None, padding=STACKED_PADDING)
    table.add_column("label", overflow="fold", ratio=1)
    table.add_column("value", justify="right", overflow="fold")
    for label, value in rows:
        table.add_row(label, value)
    return table


class Blocks:
    """What a group of `stacked` blocks draws, written as segments where that is sure to be the
    same: a block whose labels and values are plain one-line text (no markup, no emoji code)
    and that fits the width is its heading (laid out by rich, as a table lays out its title)
    and a line per row, the label padded, the value to the right; any other block is drawn
    as `stacked`. Thousands of beneficiaries then cost their characters, not thousands of
    tables' layout."""

    def __init__(self, blocks: Iterable[tuple[Text, list[tuple[str, str]]]]) -> None:
        self.blocks = list(blocks)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        _, right, _, left = STACKED_PADDING
        padding = left + right
        line = Segment.line()
        for heading, rows in self.blocks:
            labels = [cell_len(label) for label, _ in rows]
            values = [cell_len(value) for _, value in rows]
            widths = (max(labels, default=0) + padding, max(values, default=0) + padding)
            if not rows or sum(widths) > options.max_width or not all(map(_plain, (text for row in rows
                                                                                   for text in row))):
                yield stacked(heading, rows)
                continue
            yield from _heading(console, options, heading, sum(widths))
            label_width, value_width = widths[0] - padding, widths[1] - padding
            for (label, value), label_length, value_length in zip(rows, labels, values, strict=True):
                yield Segment(f"{' ' * left}{label}{' ' * (label_width - label_length + right + left)}"
                              f"{' ' * (value_width - value_length)}{value}{' ' * right}")
                yield line


def _heading(console: Console, options: ConsoleOptions, heading: Text, width: int) -> RenderResult:
    """A block's heading laid out `width` wide as rich lays out a table's title: one line of
    plain text that fits is the text padded to the width in the heading's style."""
    from rich.segment import Segment

    plain = heading.plain
    if heading.spans or heading.justify or heading.overflow or heading.end != "\n" or not plain.isascii() or \
            not plain.isprintable() or len(plain) > width:
        yield from console.render(heading, options.update(width=width, justify="left", height=None, highlight=False))
        return
    yield Segment(plain + " " * (width - len(plain)), console.get_style(heading.style))
    yield Segment.line()


_NOT_PLAIN = frozenset("[]:")  # markup and emoji codes; `isprintable` refuses the rest


def _plain(text: str) -> bool:
    """Whether rich shows `text` as it is: no markup or emoji code, one line, printable.

    >>> _plain("Saldo (nog te betalen)"), _plain("[bold]x"), _plain("a:smile:"), _plain("a\\nb")
    (True, False, False, False)
    """
    return isinstance(text, str) and text.isprintable() and _NOT_PLAIN.isdisjoint(text)


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


    def drawn(self, console: Console) -> str | None:
        """What `console.print(self)` writes, without rich's work for every segment: the lines
        as they are, a style rendered as rich renders one without colour. None where that is
        not sure (a width under 20, a line wider than the width, which rich crops, a colour):
        rich then draws them. An explanation of 10.000 beneficiaries is 300.000 lines."""
        from rich.color import ColorSystem
        from rich.style import Style

        width = console.width
        if width < 20:
            return None
        system = ColorSystem.TRUECOLOR if console.color_system else None  # attributes only: no colour is drawn
        styles: dict[str, Style] = {}
        drawn: list[str] = []
        for indent, text, style in self.lines:
            shown = visible(text)
            look = styles.setdefault(style, Style.parse(style)) if style else None
            if look is not None and (look.color or look.bgcolor or look.link):
                return None
            for part in _wrapped(shown, width - indent) if len(shown) + indent > width else (shown,):
                line = " " * indent + part
                if not line.isascii() and cell_len(line) > width:
                    return None
                drawn.append(look.render(line, color_system=system) if look else line)
        return "".join(f"{line}\n" for line in drawn)


def _wrapped(text: str, width: int) -> list[str]:
    """
    >>> _wrapped("een twee drie vier", 9)
    ['een twee', 'drie vier']
    """
    import textwrap

    return textwrap.wrap(text, max(10, width), break_long_words=True, break_on_hyphens=False) or [""]
