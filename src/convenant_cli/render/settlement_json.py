"""Settlements as JSON (SPEC §4): amounts as decimal strings, the ratio as a fraction."""

from __future__ import annotations

import json
from decimal import Decimal

from convenant_cli.engine.settlement import MONEY_KEYS, Settlement
from convenant_cli.money import format_fraction, quantize


def _money(value: Decimal) -> str:
    return str(quantize(value))


def _figures(item) -> dict:
    figures = {key: _money(getattr(item, key)) for key in MONEY_KEYS}
    figures["shortfall_fte_days"] = f"{item.shortfall_fte_days:.2f}"
    return figures


def as_dict(settlement: Settlement) -> dict:
    order = ("maximum", "deduction", "shortfall_fte_days", "effort", "result", "payable", "advances", "balance")

    def ordered(figures: dict) -> dict:
        return {key: figures[key] for key in order}

    return {
        "convenant": settlement.id,
        "kind": settlement.kind,
        "status": "settled" if settlement.settled else "maxima",
        "ratio": format_fraction(settlement.ratio.ratio) if settlement.ratio is not None else None,
        "beneficiaries": [
            {"name": line.name, "enterprise_number": line.enterprise_number, **ordered(_figures(line))}
            for line in settlement.lines
        ],
        "totals": ordered(_figures(settlement.totals)),
    }


def render_json(settlements: list[Settlement]) -> str:
    data = as_dict(settlements[0]) if len(settlements) == 1 else [as_dict(s) for s in settlements]
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
