"""A diff as JSON for machines (SPEC §5): decimal strings for money, ISO dates."""

from __future__ import annotations

import json

from convenant_cli.engine.diff import Diff
from convenant_cli.money import quantize
from convenant_cli.render.safe_text import escape_json
from convenant_cli.render.values import jsonable


def as_dict(result: Diff, old_name: str, new_name: str) -> dict:
    def rate(value):
        return None if value is None else str(quantize(value))

    data = {
        "kind": result.kind,
        "old": old_name,
        "new": new_name,
        "same": result.same,
        "changes": [{"category": c.category, "change": c.change, "subject": c.subject, "field": c.field,
                     "old": jsonable(c.old), "new": jsonable(c.new)} for c in result.changes],
        "money": None,
    }
    if result.total_old is not None:
        data["money"] = {
            "beneficiaries": [{"enterprise_number": e.enterprise_number, "name": e.name,
                               "old_maximum": jsonable(e.old), "new_maximum": jsonable(e.new),
                               "difference": jsonable(e.difference)} for e in result.effects],
            "totals": {"old": jsonable(result.total_old), "new": jsonable(result.total_new),
                       "difference": jsonable(result.total_new - result.total_old)},
            "per_fte": {"old": rate(result.rate_old), "new": rate(result.rate_new)},
        }
    return data


def render_json(result: Diff, old_name: str, new_name: str) -> str:
    return escape_json(json.dumps(as_dict(result, old_name, new_name), indent=2, ensure_ascii=False)) + "\n"
