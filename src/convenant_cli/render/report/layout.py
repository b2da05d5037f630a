"""Where each part of a staffing chart stands (in the chart's units) and what it shows: the
records a `Timeline` is made of, and the layout that does not depend on a beneficiary (the
month ticks, the strip's value axis, how wide a label may be).

The chart is `WIDTH` units wide and is printed across the page's width: on A4 (186 mm
between the margins, 527 pt) a unit prints at 0.70 pt, so text of `FONT` units prints at
8.4 pt. Labels are placed with a generous estimate of their width (`text_width`), never past
the term's end or an interim view's day. Pure: no markup, no words but the months'.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache

from convenant_cli.domain.language import language
from convenant_cli.domain.terms import ONE_DAY, Span
from convenant_cli.render import vocabulary

Points = float  # not money: where a shape stands on the picture, in the picture's units
WIDTH = 750.0  # the picture's width (its viewBox): printed across the page
LEFT = 170.0  # for the consultants' names and the strip's value axis
PLOT = 570.0  # for the term
FONT = 12.0  # the text's size (report.css sets it): 12 x 527 / 750 = 8.4 pt on A4
CHAR = 0.6 * FONT  # wider than any digit or small letter but m and w (`text_width`), for fitting labels
ROW = 20.0  # a consultant's row
BAR = 14.0  # an employment or a whole-time absence within it
TOP = 18.0  # above the rows, in an interim view: the label of the view's day
GAP = 28.0  # between the rows and the strip, for the month labels
STRIP = 60.0  # the shortfall strip's height: one FTE, or the largest shortfall when more
BOTTOM = 12.0  # below the strip: the lowest value of the axis
NAME = 25  # characters of a consultant's name that fit left of the term (Carlito: about half an em each)


@dataclass(frozen=True, kw_only=True)
class Shape:
    kind: str  # employment, absence, wage, replaced
    start: date  # the real dates it stands for
    end: date
    x: Points
    y: Points
    width: Points
    height: Points
    reason: str | None = None
    fte: Decimal | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Row:
    name: str
    fte: Decimal
    y: Points
    shapes: tuple[Shape, ...]

    @property
    def label(self) -> str:
        """The name as it fits left of the term (the whole name is in each shape's title).

        >>> Row("Consulent A", Decimal(1), 0.0, ()).label
        'Consulent A'
        >>> Row("Consulente met een bijzonder lange naam", Decimal(1), 0.0, ()).label
        'Consulente met een bijzo…'
        """
        return self.name if len(self.name) <= NAME else self.name[:NAME - 1] + "…"


@dataclass(frozen=True)
class Block:
    """A short span in the strip: `fte` short on each of its days."""

    start: date
    end: date
    fte: Decimal
    x: Points
    y: Points
    width: Points
    height: Points

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True, kw_only=True)
class Cause:
    """Why a span is short, in the engine's figures: an uncovered absence (`reason`, the
    consultant's `name`), a vacancy (with the consultants not employed then, in `names`), or
    what a replacement or a surplus made up for (`made_up`)."""

    kind: str  # absence, vacancy, made_up
    fte: Decimal
    reason: str | None = None
    name: str | None = None
    names: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ShortRow:
    """A row of the table under the chart: one of the engine's short spans."""

    start: date
    end: date
    days: int
    fte: Decimal  # short on each day
    fte_days: Decimal
    causes: tuple[Cause, ...]
    cause: str  # the causes in words, in the run's language


@dataclass(frozen=True)
class Level:
    """A value of the strip's axis: `fte` short stands at height `y`."""

    y: Points
    fte: Decimal


@dataclass(frozen=True, kw_only=True)
class Layout:
    """Where everything of a chart stands, and what it shows (a `Timeline` draws it)."""

    left: Points = LEFT  # where the term starts; the names and the strip's values end left of it
    term: Span
    counted: Span  # the days drawn: the term, or its start up to an interim view's day
    day_width: Points
    fte_height: Points
    width: Points
    height: Points
    top: Points  # the first row's top
    rows: tuple[Row, ...]
    strip_top: Points
    strip_bottom: Points
    end_x: Points  # the end of the last day drawn
    blocks: tuple[Block, ...]
    ticks: tuple[tuple[Points, str], ...]  # x of a month's first day, and the month with its year
    levels: tuple[Level, ...]  # the strip's value axis, from 0 up
    drawn: tuple[str, ...]  # what the chart draws, for the legend: kinds, and `reason-KEY` for each reason
    short: tuple[ShortRow, ...]  # the table of short spans
    shortfall_fte_days: Decimal  # the engine's sum, that the table adds up to

    @property
    def as_of(self) -> date | None:
        """The interim view's day, when the picture stops before the term's end."""
        return self.counted.end if self.counted.end < self.term.end else None

    @property
    def reasons(self) -> tuple[str, ...]:
        return tuple(kind.removeprefix("reason-") for kind in self.drawn if kind.startswith("reason-"))


def value_levels(largest: Decimal, scale: Decimal, bottom: Points, fte_height: Points) -> tuple[Level, ...]:
    """The strip's axis: 0 and the top of the strip; the largest shortfall between them when
    its label keeps a line's height from both.

    >>> [(level.y, str(level.fte)) for level in value_levels(Decimal("0.36"), Decimal(1), 100.0, 60.0)]
    [(100.0, '0'), (78.4, '0.36'), (40.0, '1')]
    >>> [str(level.fte) for level in value_levels(Decimal("0.20"), Decimal(1), 100.0, 60.0)]  # 12 units above 0
    ['0', '1']
    """
    levels = [Level(bottom, Decimal(0)), Level(bottom - float(scale) * fte_height, scale)]  # not money: heights
    middle = bottom - float(largest) * fte_height  # not money: a height
    if min(bottom - middle, middle - levels[1].y) >= FONT + 2:
        levels.insert(1, Level(middle, largest))
    return tuple(levels)


def month_ticks(term: Span, counted: Span) -> tuple[tuple[Points, str], ...]:
    """Each tick's x and its label: the month and its year, in the run's language."""
    return _month_ticks(term, counted, language())


@lru_cache(maxsize=64)  # the same for every beneficiary of an agreement
def _month_ticks(term: Span, counted: Span, spoken: str) -> tuple[tuple[Points, str], ...]:
    """The first day of each quarter inside the days drawn (of each half year, year or two
    years when a quarter is too narrow for its label), whose label ends before the last day drawn;
    `spoken`, the language of the labels, keys the cache.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("en"); two_years = Span(date(2023, 7, 1), date(2025, 6, 30))
    >>> [label for _x, label in _month_ticks(two_years, two_years, "en")]
    ['Jul 2023', 'Oct 2023', 'Jan 2024', 'Apr 2024', 'Jul 2024', 'Oct 2024', 'Jan 2025', 'Apr 2025']
    >>> [label for _x, label in _month_ticks(two_years, Span(two_years.start, date(2024, 9, 30)), "en")]
    ['Jul 2023', 'Oct 2023', 'Jan 2024', 'Apr 2024', 'Jul 2024']
    >>> ten_years = Span(date(2020, 1, 1), date(2029, 12, 31))
    >>> [label for _x, label in _month_ticks(ten_years, ten_years, "en")]
    ['Jan 2020', 'Jan 2022', 'Jan 2024', 'Jan 2026', 'Jan 2028']
    """
    day_width = PLOT / term.days

    def x_of(day: date) -> Points:
        return LEFT + (day - term.start).days * day_width

    end_x = x_of(counted.end + ONE_DAY)
    widest = max(text_width(f"{vocabulary.month(date(2000, month, 1))}") for month in range(1, 13))
    # the shortest quarter has 89 days; a label starts 2 units after its tick, and keeps 4 from the next
    step = next((months for months in (3, 6, 12, 24) if months / 3 * 89 * day_width >= widest + 6), 60)
    ticks = []
    day = _months_after(counted.start, 0)
    while day <= counted.end:
        if day >= counted.start and (day.year * 12 + day.month - 1) % step == 0:
            label = vocabulary.month(day)
            if x_of(day) + 2 + text_width(label) <= end_x:
                ticks.append((x_of(day), label))
        day = _months_after(day, 1)
    return tuple(ticks)


def text_width(text: str) -> Points:
    """At most the width of `text` at `FONT` units in the stylesheet's first fonts (Carlito,
    Calibri, Liberation Sans: a digit or a small letter is at most 0.56 em, a capital at most
    0.7 em, but M and W 0.95 and m and w 0.83).

    >>> f"{text_width('okt 2024'):.1f} {text_width('May 2025'):.1f}"  # 8 x 7,2; 11,4 + 7 x 7,2
    '57.6 61.8'
    """
    return sum(0.95 if c in "MWmw" else 0.7 if c.isupper() else 0.6 for c in text) * FONT


def _months_after(day: date, months: int) -> date:
    """The first day of the month `months` after `day`'s.

    >>> _months_after(date(2023, 11, 15), 3), _months_after(date(2023, 1, 31), 12)
    (datetime.date(2024, 2, 1), datetime.date(2024, 1, 1))
    """
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)
