"""Settlements as JSON (SPEC §4): amounts as decimal strings, the ratio as a fraction."""

from __future__ import annotations

import json

from convenant_cli.engine.settlement import FIGURES, Settlement
from convenant_cli.money import format_fraction
from convenant_cli.render.safe_text import escape_json
from convenant_cli.render.values import decimal_text

UNSETTLED_KEYS = ("payable", "advances", "balance")  # SPEC §6: null when the figures are maxima


def _figures(item, settled: bool) -> dict:
    """Amounts to the cent, FTE-days with two decimals, all as decimal strings."""
    return {key: None if not settled and key in UNSETTLED_KEYS else decimal_text(getattr(item, key), unit)
            for key, unit in FIGURES.items()}


def as_dict(settlement: Settlement) -> dict:
    return {
        "convenant": settlement.id,
        "kind": settlement.kind,
        "status": "settled" if settlement.settled else "maxima",
        "ratio": format_fraction(settlement.ratio.ratio) if settlement.ratio is not None else None,
        "beneficiaries": [
            {"name": line.name, "enterprise_number": line.enterprise_number, **_figures(line, settlement.settled)}
            for line in settlement.lines
        ],
        "totals": _figures(settlement.totals, settlement.settled),
    }


def render_json(settlements: list[Settlement]) -> str:
    data = as_dict(settlements[0]) if len(settlements) == 1 else [as_dict(s) for s in settlements]
    return escape_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"
