"""The staffing chart of a `Layout` (a beneficiary's `Timeline`) as SVG markup, and the swatches of its legend.

Written here, not in a template: a report of ten thousand beneficiaries draws a few hundred
thousand shapes, and a template spends its time on each attribute of each. The markup is the
one the templates would write, with their guarantees: every text from a file (a consultant's or
a beneficiary's name) is made visible and escaped (`_text`, as the templates' `finalize` and
autoescape do); every other value is a number, a date, a key of the vocabulary or one of its
words, escaped as well.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from functools import lru_cache

from markupsafe import Markup, escape

from convenant_cli.domain.language import language
from convenant_cli.render import vocabulary
from convenant_cli.render.report.layout import Layout, Shape
from convenant_cli.render.safe_text import visible


def _text(value: object) -> str:
    """Text for the page: made visible (a control or bidi character shown as its placeholder), then escaped."""
    return str(escape(visible(value, newlines=True) if isinstance(value, str) else value))


@lru_cache(maxsize=8192)  # a day is named on many shapes, a figure on many blocks
def _day(value: date, spoken: str) -> str:
    return _text(vocabulary.day(value))


@lru_cache(maxsize=8192)
def _fte(value: Decimal, spoken: str) -> str:
    return _text(vocabulary.fte(value))


def swatch(key: str, anchor: str) -> Markup:
    """The legend's small picture of `key`: a kind of shape, `reason-KEY`, or `as-of`."""
    key = _text(key)
    pattern = f'<rect class="{key}" width="18" height="12" fill="url(#{key}-{_text(anchor)})"/>'
    inner = {"wage": '<rect class="absence" width="18" height="12"/>' + pattern,
             "replaced": '<rect class="absence" width="18" height="12"/>' + pattern,
             "as-of": '<line class="as-of" x1="9" y1="0" x2="9" y2="12"/>'}.get(key)
    if inner is None:
        inner = f'<rect class="{"absence " if key.startswith("reason-") else ""}{key}" width="18" height="12"/>'
    return Markup(f'<svg width="18" height="12" aria-hidden="true">{inner}</svg>')  # built of escaped parts


def legend_items(items: tuple[tuple[str, str], ...], anchor: str) -> Markup:
    """The legend's items: each key's swatch and its words."""
    return Markup("\n".join(f'  <li data-legend="{_text(key)}">{swatch(key, anchor)} {_text(words)}</li>'
                             for key, words in items))  # every part escaped


def short_rows(tl: Layout) -> Markup:
    """The rows of the table of short spans: from, to, days, FTE short, cause, FTE-days."""
    spoken = language()
    return Markup("\n".join(
        f'  <tr class="short-span" data-start="{r.start}" data-end="{r.end}" data-days="{r.days}" '
        f'data-fte="{r.fte}" data-fte-days="{r.fte_days}">\n    <td>{_day(r.start, spoken)}</td>'
        f'<td>{_day(r.end, spoken)}</td><td class="num">{r.days}</td><td class="num">{_fte(r.fte, spoken)}</td>\n'
        f'    <td>{_text(r.cause)}</td><td class="num fte-days">{_fte(r.fte_days, spoken)}</td>\n  </tr>'
        for r in tl.short))  # every part escaped


def chart(tl: Layout, anchor: str, name: str) -> Markup:
    """The chart: month ticks, a row per consultant, the shortfall strip with its value axis,
    and in an interim view the line of its day."""
    t = vocabulary.translated(vocabulary.REPORT)
    spoken = language()

    def fte(value: Decimal) -> str:
        return _fte(value, spoken)

    def day(value: date) -> str:
        return _day(value, spoken)

    anchor = _text(anchor)
    out = [f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {tl.width} {tl.height}" '
           f'role="img"\n     aria-label="{_text(t["staffing"])}: {_text(name)}" data-day-width="{tl.day_width}" '
           f'data-fte-height="{tl.fte_height}"\n     data-term-start="{tl.term.start}" data-term-end="{tl.term.end}" '
           f'data-drawn-end="{tl.counted.end}" data-end-x="{tl.end_x}">',
           f'  <defs>\n    <pattern id="wage-{anchor}" width="4" height="4" patternUnits="userSpaceOnUse" '
           'patternTransform="rotate(45)">\n      <rect width="2" height="4" fill="#ffffff" fill-opacity="0.75"/>\n'
           f'    </pattern>\n    <pattern id="replaced-{anchor}" width="6" height="6" patternUnits="userSpaceOnUse">\n'
           '      <circle cx="3" cy="3" r="1.4" fill="#1b5e20"/>\n    </pattern>\n  </defs>']
    for x, label in tl.ticks:
        out.append(f'  <line class="tick" x1="{x}" y1="{tl.top}" x2="{x}" y2="{tl.strip_top - 20}"/>\n'
                   f'  <text class="tick" x="{x + 2}" y="{tl.strip_top - 8}" text-anchor="start">{_text(label)}</text>')
    unit = _text(t["fte"])
    what = {"employment": _text(t["employment"]), "wage": _text(t["wage"]), "replaced": _text(t["replaced"])}
    for row in tl.rows:
        who = _text(row.name)
        out.append(f'  <g class="consultant" data-name="{who}" data-fte="{row.fte}">\n'
                   f'    <text class="name" x="{tl.left - 6}" y="{row.y + 14.5}" text-anchor="end">'
                   f'{_text(row.label)}</text>')
        out.extend(_shape(shape, who, what, anchor, unit, spoken) for shape in row.shapes)
        out.append("  </g>")
    out.append(f'  <text class="strip-label" x="{tl.left - 40}" y="{(tl.strip_top + tl.strip_bottom) / 2 + 4}" '
               f'text-anchor="end">{_text(t["shortfall"])} ({_text(t["fte"])})</text>\n'
               f'  <g class="value-axis">\n    <line class="axis" x1="{tl.left}" y1="{tl.strip_top}" x2="{tl.left}" '
               f'y2="{tl.strip_bottom}"/>')
    for number, level in enumerate(tl.levels):
        out.append(f'    <line class="{"level" if number else "axis"}" x1="{tl.left - 3}" y1="{level.y}" '
                   f'x2="{tl.end_x}" y2="{level.y}"/>\n'
                   f'    <text class="level" x="{tl.left - 5}" y="{level.y + 4}" text-anchor="end" '
                   f'data-fte="{level.fte}">{fte(level.fte)}</text>')
    out.append('  </g>\n  <g class="strip">')
    out.extend(f'    <rect class="short" x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}" '
               f'data-start="{b.start}" data-end="{b.end}" data-days="{b.days}" data-fte="{b.fte}">'
               f'<title>{day(b.start)} – {day(b.end)}: {fte(b.fte)} {unit}</title></rect>'
               for b in tl.blocks)
    out.append("  </g>")
    if tl.as_of is not None:
        label = _text(t["as_of_line"].format(day=vocabulary.day(tl.as_of)))
        out.append(f'  <g class="as-of" data-as-of="{tl.as_of}">\n    <line class="as-of" x1="{tl.end_x}" y1="0" '
                   f'x2="{tl.end_x}" y2="{tl.strip_bottom}"/>\n    <text class="as-of" x="{tl.end_x - 3}" y="12" '
                   f'text-anchor="end">{label}</text>\n  </g>')
    out.append("</svg>")
    return Markup("\n".join(out))  # every part escaped above


def _shape(s: Shape, who: str, what: dict[str, str], anchor: str, unit: str, spoken: str) -> str:
    reason = _text(s.reason) if s.reason else ""
    classes = f"absence reason-{reason}" if s.kind == "absence" else s.kind
    extra = f' data-reason="{reason}"' if s.reason else ""
    extra += f' data-fte="{s.fte}"' if s.fte is not None else ""
    fill = f' fill="url(#{s.kind}-{anchor})"' if s.kind in ("wage", "replaced") else ""
    shown = what.get(s.kind) or _text(vocabulary.reason(s.reason or ""))
    amount = f" ({_fte(s.fte, spoken)} {unit})" if s.fte is not None else ""
    return (f'    <rect class="{classes}" x="{s.x}" y="{s.y}" width="{s.width}" height="{s.height}" '
            f'data-kind="{s.kind}" data-start="{s.start}" data-end="{s.end}"{extra}{fill}>'
            f"<title>{who}: {shown} {_day(s.start, spoken)} – {_day(s.end, spoken)}{amount}</title></rect>")
