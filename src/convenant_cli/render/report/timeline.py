"""A beneficiary's staffing over the term, as a chart: a row per consultant (employment, each
absence by reason, the part paid as guaranteed wage, a replaced absence), a strip of the
shortfall in FTE per day with its value axis, a legend of what it draws, and the table of the
short spans under it. Built from the engine's outcome (`timeline`); the layout's records are
`layout`'s, the SVG markup `chart`'s, the legend's and the table's HTML the template's.

A day is `day_width` units wide, an FTE of shortfall `fte_height` units high, so that the
strip's area divided by both is the beneficiary's shortfall in FTE-days. Each shape keeps
the real dates it stands for (an absence may begin before the term; it is drawn from the
term's first day). The chart spans the whole term, but draws only the days the shortfall
counts (`StaffingOutcome.counted`): in an interim view nothing stands after the view's day,
which a labelled line marks. The short spans are the engine's own (`short_spans`), so that
the table's FTE-days add up to the shortfall that the deduction is computed from; a span made
up in full (short 0) is not in the table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from markupsafe import Markup

from convenant_cli.domain.terms import ONE_DAY, Span
from convenant_cli.engine.absence import ConsultantOutcome, ShortSpan, StaffingOutcome
from convenant_cli.render import vocabulary
from convenant_cli.render.report import chart
from convenant_cli.render.report.layout import (
    BAR,
    BOTTOM,
    GAP,
    LEFT,
    PLOT,
    ROW,
    STRIP,
    TOP,
    WIDTH,
    Block,
    Cause,
    Layout,
    Points,
    Row,
    Shape,
    ShortRow,
    month_ticks,
    value_levels,
)


@dataclass(frozen=True, kw_only=True)
class Timeline(Layout):
    """A beneficiary's chart, with what the page shows of it: the SVG, the legend and its swatches."""

    @property
    def legend(self) -> tuple[tuple[str, str], ...]:
        """What the chart draws, each with its words; the interim view's day last."""
        t = vocabulary.translated(vocabulary.REPORT)
        words = {"employment": t["employment"], "wage": t["wage"], "replaced": t["replaced"],
                 "short": f"{t['shortfall']} ({t['fte']})"}
        items = [(key, words.get(key) or vocabulary.reason(key.removeprefix("reason-"))) for key in self.drawn]
        if self.as_of is not None:
            items.append(("as-of", t["as_of_legend"].format(day=vocabulary.day(self.as_of))))
        return tuple(items)

    def svg(self, anchor: str, name: str) -> Markup:
        """The chart as SVG markup (`chart`: written in code, for speed)."""
        return chart.chart(self, anchor, name)

    def legend_items(self, anchor: str) -> Markup:
        """The legend's items as HTML, each with its swatch (`chart`)."""
        return chart.legend_items(self.legend, anchor)

    def short_rows(self) -> Markup:
        """The rows of the table of short spans as HTML (`chart`)."""
        return chart.short_rows(self)


def timeline(staffing: StaffingOutcome, term: Span) -> Timeline:
    counted = staffing.counted.clip(term) or term
    day_width = PLOT / term.days

    def x_of(day: date) -> Points:
        return LEFT + (day - term.start).days * day_width

    top = TOP if counted.end < term.end else 0.0
    rows = tuple(_row(number, consultant, top + number * ROW, counted, x_of, day_width)
                 for number, consultant in enumerate(staffing.consultants))
    strip_top = top + len(rows) * ROW + GAP
    strip_bottom = strip_top + STRIP
    largest = max((span.shortfall_fte for span in staffing.short_spans), default=Decimal(0))
    scale = max(largest, Decimal(1))  # one FTE short fills the strip; more, and it is scaled to fit
    fte_height = STRIP / float(scale)  # not money: units an FTE
    blocks = tuple(Block(span.start, span.end, span.shortfall_fte, x_of(span.start),
                         strip_bottom - float(span.shortfall_fte) * fte_height,  # not money: the block's top
                         span.days * day_width, float(span.shortfall_fte) * fte_height)  # not money: its height
                   for span in staffing.short_spans if span.shortfall_fte)
    end_x = x_of(counted.end + ONE_DAY)
    drawn = [*dict.fromkeys(kind for row in rows for shape in row.shapes for kind in _legend_keys(shape))]
    if blocks:
        drawn.append("short")
    return Timeline(term=term, counted=counted, day_width=day_width, fte_height=fte_height, width=WIDTH,
                    height=strip_bottom + BOTTOM, top=top, rows=rows, strip_top=strip_top, strip_bottom=strip_bottom,
                    end_x=end_x, blocks=blocks, ticks=month_ticks(term, counted),
                    levels=value_levels(largest, scale, strip_bottom, fte_height), drawn=tuple(_ordered(drawn)),
                    short=tuple(_short_row(span, staffing.consultants) for span in staffing.short_spans
                                if span.shortfall_fte),
                    shortfall_fte_days=staffing.shortfall_fte_days)


def _row(number: int, consultant: ConsultantOutcome, y: Points, counted: Span, x_of: Callable[[date], Points],
         day_width: Points) -> Row:
    """A consultant's row: the employment, then each absence with its guaranteed wage and its
    replacement, each drawn on the days counted only."""
    top = y + (ROW - BAR) / 2

    def drawn(kind: str, span: Span, y: Points, height: Points, **extra: object) -> Shape | None:
        inside = span.clip(counted)
        if inside is None:
            return None
        return Shape(kind=kind, start=span.start, end=span.end, x=x_of(inside.start), y=y,
                     width=inside.days * day_width, height=height, **extra)  # type: ignore[arg-type]

    shapes = [drawn("employment", consultant.employed, top, BAR, fte=consultant.fte)]
    for absence in consultant.absences:
        # a partial absence (0,20 of a 1,00 consultant) is drawn at that part of the row's height
        share = min(Decimal(1), absence.fte / consultant.fte) if consultant.fte else Decimal(1)
        height = BAR * float(share)  # not money: a bar's height
        low = top + BAR - height
        shapes.append(drawn("absence", absence.span, low, height, reason=absence.reason, fte=absence.fte))
        if absence.wage is not None:
            shapes.append(drawn("wage", absence.wage, low, height, reason=absence.reason, fte=absence.fte))
        if absence.replaced:
            shapes.append(drawn("replaced", absence.span, low, height, reason=absence.reason, fte=absence.fte))
    return Row(consultant.name, consultant.fte, y, tuple(s for s in shapes if s is not None))


def _legend_keys(shape: Shape) -> tuple[str, ...]:
    return (shape.kind, f"reason-{shape.reason}") if shape.kind == "absence" else (shape.kind,)


def _ordered(drawn: list[str]) -> list[str]:
    """The legend's order: employment, the reasons as first drawn, guaranteed wage, replaced, short."""
    order = {"employment": 0, "absence": 1, "wage": 3, "replaced": 4, "short": 5}
    return sorted((kind for kind in drawn if kind != "absence"), key=lambda kind: order.get(kind, 2))


def _short_row(span: ShortSpan, consultants: tuple[ConsultantOutcome, ...]) -> ShortRow:
    """The engine's span with its causes: each uncovered absence, the vacancy (and who was not
    employed then: employments begin and end only where a span does, so its first day
    tells), and what a replacement or a surplus made up for."""
    causes = [Cause(kind="absence", fte=absence.fte, reason=absence.reason, name=absence.name)
              for absence in sorted(span.absences, key=lambda a: (a.consultant, a.span.start))]
    if span.vacancy_fte:
        away = tuple(c.name for c in consultants if c.fte and not c.employed.start <= span.start <= c.employed.end)
        causes.append(Cause(kind="vacancy", fte=span.vacancy_fte, names=away))
    if span.surplus_fte:
        causes.append(Cause(kind="made_up", fte=span.surplus_fte))
    return ShortRow(start=span.start, end=span.end, days=span.days, fte=span.shortfall_fte,
                    fte_days=span.shortfall_fte_days, causes=tuple(causes), cause="; ".join(map(_said, causes)))


def _said(cause: Cause) -> str:
    """A cause in words: "tijdskrediet: Consulent A (0,20 VTE)", "vacature: 1,00 VTE niet ingevuld"."""
    t, fte = vocabulary.translated(vocabulary.REPORT), vocabulary.fte(cause.fte)
    if cause.kind == "absence":
        return t["cause_absence"].format(reason=vocabulary.reason(cause.reason or ""), name=cause.name, fte=fte)
    if cause.kind == "vacancy":
        return t["cause_away"].format(fte=fte, names=", ".join(cause.names)) if cause.names else \
            t["cause_vacancy"].format(fte=fte)
    return t["cause_made_up"].format(fte=fte)
