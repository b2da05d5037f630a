"""A diff as JSON for machines (rulebook): each change with a structured subject (type,
key, name), a machine path, the field, the unit and typed old and new values (decimal
strings for amounts); the money effect on each beneficiary's maximum and, when
both versions could be settled, on its settlement (with the cost caps that moved); the
problems found beside the diff.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from convenant_cli.domain.money import format_fraction, quantize
from convenant_cli.engine.changes import Change
from convenant_cli.engine.money_effect import CapChange, RatioEffect
from convenant_cli.render.diagnostics.json import as_dict as diagnostic
from convenant_cli.render.diff.view import DiffView
from convenant_cli.render.json_text import dumps
from convenant_cli.render.values import jsonable

Json = dict[str, Any]


def _money(value: Decimal | Fraction | None) -> str | None:
    return None if value is None else str(quantize(value))


def _change(change: Change) -> Json:
    subject = change.subject
    return {"category": change.category, "change": change.change,
            "subject": {"type": subject.type, "key": subject.key, "name": subject.name},
            "path": change.path, "field": change.field, "unit": change.unit.value,
            "old": jsonable(change.old), "new": jsonable(change.new)}


def _maximum(view: DiffView) -> Json | None:
    result = view.result
    if result.total_old is None or result.total_new is None:
        return None
    return {
        "beneficiaries": [{"enterprise_number": e.enterprise_number, "name": e.name, "old": _money(e.old),
                           "new": _money(e.new), "difference": _money(e.difference)} for e in result.effects],
        "totals": {"old": _money(result.total_old), "new": _money(result.total_new),
                   "difference": _money(result.total_new - result.total_old)},
        "per_fte": {"old": _money(result.rate_old), "new": _money(result.rate_new)},
    }


def _figures(figures: dict[str, Decimal] | None) -> Json | None:
    return None if figures is None else {key: _money(value) for key, value in figures.items()}


def _settlement(view: DiffView) -> Json | None:
    effect = view.effect
    if effect is None or view.realisations is None:
        return None
    return {
        "realisations": {"old": view.realisations[0], "new": view.realisations[1]},
        "as_of": {"old": _day(effect.as_of[0]), "new": _day(effect.as_of[1])},  # an interim view's day (Art. 6)
        # a provisional side's payable counts its unjudged commitments as not met (`awaiting_verdict`)
        "status": {"old": effect.status[0], "new": effect.status[1]},
        "awaiting_verdict": {"old": list(effect.waiting[0]), "new": list(effect.waiting[1])},
        "beneficiaries": [{"enterprise_number": b.enterprise_number, "name": b.name, "old": _figures(b.old),
                           "new": _figures(b.new), "difference": _figures(b.difference)}
                          for b in effect.beneficiaries if b.changed],
        "totals": {"old": _figures(effect.old_totals), "new": _figures(effect.new_totals),
                   "difference": _figures(effect.difference)},
        "ratio": _ratio(effect.ratio),
        "caps": [_cap(cap) for cap in effect.caps],
    }


def _cap(cap: CapChange) -> Json:
    """R6: a beneficiary's eligible costs in each version, and the payable amount before and after the cap."""
    return {"enterprise_number": cap.enterprise_number, "name": cap.name,
            "eligible_costs": {"old": _money(cap.old), "new": _money(cap.new)},
            "payable_before_cap": {"old": _money(cap.old_before_cap), "new": _money(cap.new_before_cap)},
            "payable": {"old": _money(cap.old_payable), "new": _money(cap.new_payable)},
            "moves_payable": cap.moves_payable}


def _day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _ratio(ratio: RatioEffect | None) -> Json | None:
    """Art. 2: the result ratio paid in each version, and each verdict that flipped."""
    if ratio is None:
        return None
    return {
        "old": format_fraction(ratio.old_ratio), "new": format_fraction(ratio.new_ratio),
        "achieved": {"old": f"{ratio.old_achieved}/{ratio.old_total}",
                     "new": f"{ratio.new_achieved}/{ratio.new_total}"},
        "minimum": str(ratio.minimum),
        "verdicts": [{"commitment": v.commitment, "year": v.year, "title": v.title, "old": v.old, "new": v.new}
                     for v in ratio.verdicts],
    }


def as_dict(view: DiffView) -> Json:
    result = view.result
    return {
        "kind": result.kind,
        "kinds": {"old": result.kinds[0], "new": result.kinds[1]},
        "old": view.old_name,
        "new": view.new_name,
        "same": result.same,
        "changes": [_change(change) for change in result.changes],
        "money": {"maximum": _maximum(view), "settlement": _settlement(view)},
        "problems": [diagnostic(problem) for problem in view.problems],
    }


def render_json(view: DiffView) -> str:
    return dumps(as_dict(view), levels=3)
