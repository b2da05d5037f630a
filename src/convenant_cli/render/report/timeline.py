"""A beneficiary's staffing over the term, as the shapes of a picture: a row per consultant
(employment, each absence by reason, the part paid as guaranteed wage, a replaced absence)
and a strip of the shortfall in FTE per day. Pure geometry from the engine's outcome: the
template draws it as SVG.

A day is `day_width` points wide, an FTE of shortfall `fte_height` points high, so that the
strip's area divided by both is the beneficiary's shortfall in FTE-days. Each shape keeps
the real dates it stands for (an absence may begin before the term; it is drawn from the
term's first day).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from convenant_cli.domain.terms import Span
from convenant_cli.engine.absence import StaffingOutcome

Points = float  # not money: where a shape stands on the picture, in points
LEFT = 150.0  # points for the consultants' names
PLOT = 600.0  # points for the term
ROW = 16.0  # a consultant's row
BAR = 12.0  # an employment or a whole-time absence within it
STRIP = 48.0  # the shortfall strip's height: one FTE, or the largest shortfall when more
GAP = 22.0  # between the rows and the strip, for the month labels


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
class Timeline:
    term: Span
    day_width: Points
    fte_height: Points
    width: Points
    height: Points
    rows: tuple[Row, ...]
    strip_top: Points
    blocks: tuple[Block, ...]
    ticks: tuple[tuple[Points, str], ...]  # x and the month it starts (yyyy-mm)
    reasons: tuple[str, ...]  # those drawn, for the legend


def timeline(staffing: StaffingOutcome, term: Span) -> Timeline:
    day_width = PLOT / term.days

    def x_of(day: date) -> Points:
        return LEFT + (day - term.start).days * day_width

    def drawn(kind: str, span: Span, y: Points, height: Points, **extra: object) -> Shape | None:
        inside = span.clip(term)
        if inside is None:
            return None
        return Shape(kind=kind, start=span.start, end=span.end, x=x_of(inside.start), y=y,
                     width=inside.days * day_width, height=height, **extra)  # type: ignore[arg-type]

    rows = []
    reasons: list[str] = []
    for number, consultant in enumerate(staffing.consultants):
        top = number * ROW + (ROW - BAR) / 2
        shapes = [drawn("employment", consultant.employed, top, BAR, fte=consultant.fte)]
        for absence in consultant.absences:
            # a partial absence (0,20 of a 1,00 consultant) is drawn at that part of the row's height
            share = min(Decimal(1), absence.fte / consultant.fte) if consultant.fte else Decimal(1)
            height = BAR * float(share)  # not money: a bar's height
            y = top + BAR - height
            shapes.append(drawn("absence", absence.span, y, height, reason=absence.reason, fte=absence.fte))
            if absence.wage is not None:
                shapes.append(drawn("wage", absence.wage, y, height, reason=absence.reason, fte=absence.fte))
            if absence.replaced:
                shapes.append(drawn("replaced", absence.span, y, height, reason=absence.reason, fte=absence.fte))
            if absence.reason not in reasons:
                reasons.append(absence.reason)
        rows.append(Row(consultant.name, consultant.fte, number * ROW, tuple(s for s in shapes if s is not None)))
    strip_top = len(rows) * ROW + GAP
    largest = max((span.shortfall_fte for span in staffing.short_spans), default=Decimal(0))
    scale = max(largest, Decimal(1))  # one FTE short fills the strip; more, and it is scaled to fit
    fte_height = STRIP / float(scale)  # not money: points an FTE
    blocks = []
    for span in staffing.short_spans:
        if not span.shortfall_fte:
            continue
        height = float(span.shortfall_fte) * fte_height  # not money: the block's height
        blocks.append(Block(span.start, span.end, span.shortfall_fte, x_of(span.start), strip_top + STRIP - height,
                            span.days * day_width, height))
    return Timeline(term=term, day_width=day_width, fte_height=fte_height, width=LEFT + PLOT,
                    height=strip_top + STRIP + 16, rows=tuple(rows), strip_top=strip_top, blocks=tuple(blocks),
                    ticks=_ticks(term, x_of), reasons=tuple(reasons))


def _ticks(term: Span, x_of: Callable[[date], Points]) -> tuple[tuple[Points, str], ...]:
    """The first day of each quarter inside the term."""
    ticks = []
    day = date(term.start.year, term.start.month, 1)
    while day <= term.end:
        if day >= term.start and day.month in (1, 4, 7, 10):
            ticks.append((x_of(day), f"{day:%Y-%m}"))
        day = (day + timedelta(days=32)).replace(day=1)
    return tuple(ticks)
