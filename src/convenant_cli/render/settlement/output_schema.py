"""The JSON Schema of `settle --format json` (`convenant.settlement/3`), for the programs that
read it: `convenant schema --of settlement`. A test validates real output against it.

Amounts are decimal strings with two decimals; a figure that cannot be had (payable,
advances and balance of an agreement shown as maxima; effort, result, payable and balance
of an interim view; a family or portfolio figure none of whose members has it) is `null`,
and the schema says so per status. A provisional settlement names the commitments that wait
for the auditor's verdict; a settled one names none.
"""

from __future__ import annotations

from typing import Any

from convenant_cli.engine.families import FAMILY_KEYS
from convenant_cli.engine.settlement import IF_MET, MONEY_KEYS, SHOWN_KEYS
from convenant_cli.render.settlement.json import FORMAT

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# the figures a view does not have, as the engine says (`SHOWN_KEYS`): null in its JSON
UNSETTLED = tuple(key for key in MONEY_KEYS if key not in SHOWN_KEYS["maxima"])
NOT_INTERIM = tuple(key for key in MONEY_KEYS if key not in SHOWN_KEYS["interim"])  # Art. 6: nothing paid
NULLABLE = tuple(dict.fromkeys(UNSETTLED + NOT_INTERIM))

_money = {"type": "string", "pattern": r"^-?[0-9]+\.[0-9]{2}$"}
_nullable_money = {"anyOf": [{"$ref": "#/$defs/money"}, {"type": "null"}]}
_enterprise_number = {"type": "string", "pattern": r"^[0-9]{10}$"}
_null = {"type": "null"}


def _figures(required: tuple[str, ...]) -> dict[str, Any]:
    keys = {key: ({"$ref": "#/$defs/nullable_money"} if key in NULLABLE else {"$ref": "#/$defs/money"})
            for key in MONEY_KEYS}
    keys["shortfall_fte_days"] = {"$ref": "#/$defs/money"}
    keys[IF_MET] = {"$ref": "#/$defs/nullable_money"}
    return {"type": "object", "required": [*required, IF_MET], "properties": keys}


_text_or_null = {"anyOf": [{"type": "string"}, _null]}
_judgement = {"anyOf": [_null, {
    "type": "object", "required": ["auditor", "date", "file", "sha256"],
    "properties": {"auditor": {"type": "string"}, "date": {"type": "string", "format": "date"},
                   "file": _text_or_null,
                   "sha256": {"anyOf": [{"type": "string", "pattern": "^[0-9a-f]{64}$"}, _null]}}}]}
_unit = {
    "type": "object", "required": ["commitment", "year", "status", "source", "note", "self_assessment", "corrections"],
    "properties": {
        "commitment": {"type": "string"}, "year": {"anyOf": [{"type": "integer"}, _null]},
        "status": {"enum": ["met", "not_met", "not_due", "unjudged"]},
        "source": {"enum": ["measured", "corrected", "assessment", None]},  # null: nobody decided yet
        "note": _text_or_null,  # the auditor's reason, with a verdict
        "self_assessment": {"anyOf": [_null, {"type": "object", "required": ["achieved", "note"],
                                              "properties": {"achieved": {"type": "boolean"},
                                                             "note": _text_or_null}}]},
        "corrections": {"type": "array", "items": {
            "type": "object", "required": ["indicator", "year", "reported", "value", "note"],
            "properties": {"indicator": {"type": "string"}, "year": {"anyOf": [{"type": "integer"}, _null]},
                           "reported": _text_or_null, "value": {"type": "string"}, "note": {"type": "string"}}}},
    },
}
_ratio = {"anyOf": [{"type": "string", "pattern": r"^[0-9]+/[0-9]+$"}, _null]}


_cost_line = {
    "type": "object",
    "required": ["kind", "reference", "consultant", "from", "to", "date", "amount", "days", "eligible_days",
                 "eligible", "refused", "note"],
    "properties": {
        "kind": {"enum": ["wage", "operating"]}, "reference": {"type": "string"},
        "consultant": {"anyOf": [{"type": "string"}, _null]},
        **{key: {"anyOf": [{"type": "string", "format": "date"}, _null]} for key in ("from", "to", "date")},
        "amount": {"$ref": "#/$defs/money"}, "days": {"type": "integer", "minimum": 1},
        "eligible_days": {"type": "integer", "minimum": 0}, "eligible": {"$ref": "#/$defs/money"},
        "refused": {"type": "boolean"}, "note": {"anyOf": [{"type": "string"}, _null]},
    },
}
# R6: a beneficiary's cost statement, or null (no statement, or an interim view)
_costs = {"anyOf": [_null, {
    "type": "object", "required": ["declared", "not_eligible", "refused", "eligible", "lines"],
    "properties": {**{key: {"$ref": "#/$defs/money"} for key in ("declared", "not_eligible", "refused", "eligible")},
                   "lines": {"type": "array", "items": _cost_line}},
}]}

_settlement = {
    "type": "object",
    "required": ["convenant", "kind", "status", "as_of", "ratio", "ratio_if_met", "assessment", "awaiting_verdict",
                 "period", "results", "beneficiaries", "totals", "warnings"],
    "properties": {
        "convenant": {"type": "string"},
        "kind": {"enum": ["convenant", "addendum"]},
        "status": {"enum": ["settled", "provisional", "interim", "maxima"]},
        "as_of": {"anyOf": [{"type": "string", "format": "date"}, _null]},
        "ratio": _ratio,
        "ratio_if_met": _ratio,
        "assessment": _judgement,
        "awaiting_verdict": {"type": "array", "items": {"type": "string"}},
        "results": {"type": "array", "items": _unit},
        "period": {"type": "object", "required": ["start", "end", "days"],
                   "properties": {"start": {"type": "string", "format": "date"},
                                  "end": {"type": "string", "format": "date"}, "days": {"type": "integer"}}},
        "beneficiaries": {"type": "array", "items": {
            "allOf": [_figures(("maximum", "deduction", "effort", "result", "payable", "advances", "balance")),
                      {"required": ["name", "enterprise_number"],
                       "properties": {"name": {"type": "string"}, "enterprise_number": _enterprise_number,
                                      "costs": _costs}}]}},
        "totals": _figures(MONEY_KEYS),
        "warnings": {"type": "array", "items": {"type": "object", "required": ["code"],
                                                "properties": {"code": {"type": "string"}}}},
        "steps": {"type": "array"},
    },
    "allOf": [
        # maxima: nothing is payable yet, and the schema says so
        {"if": {"properties": {"status": {"const": "maxima"}}},
         "then": {"properties": {
             "ratio": _null, "ratio_if_met": _null, "as_of": _null, "assessment": _null,
             "totals": {"properties": dict.fromkeys((*UNSETTLED, IF_MET), _null)},
             "beneficiaries": {"items": {"properties": dict.fromkeys((*UNSETTLED, IF_MET), _null)}},
         }}},
        # an interim view (Art. 6): a day, no ratio, nothing financed or payable
        {"if": {"properties": {"status": {"const": "interim"}}},
         "then": {"required": ["as_of"], "properties": {
             "as_of": {"type": "string", "format": "date"}, "ratio": _null, "ratio_if_met": _null,
             "awaiting_verdict": {"maxItems": 0},
             "totals": {"properties": dict.fromkeys((*NOT_INTERIM, IF_MET), _null)},
             "beneficiaries": {"items": {"properties": dict.fromkeys((*NOT_INTERIM, IF_MET), _null)}},
         }}},
        # settled: every commitment decided, so nothing waits and the payable is the one if met
        {"if": {"properties": {"status": {"const": "settled"}}},
         "then": {"properties": {"as_of": _null, "awaiting_verdict": {"maxItems": 0}}}},
        # provisional: a final settlement with commitments that wait for the auditor's verdict
        {"if": {"properties": {"status": {"const": "provisional"}}},
         "then": {"properties": {"as_of": _null, "awaiting_verdict": {"minItems": 1},
                                 "ratio": {"type": "string"}, "ratio_if_met": {"type": "string"}}}},
    ],
}

_family_line = {
    "type": "object",
    "required": list(FAMILY_KEYS),
    "properties": {"maximum": {"$ref": "#/$defs/money"},
                   **{key: {"$ref": "#/$defs/nullable_money"} for key in FAMILY_KEYS if key != "maximum"}},
}

_family = {
    "type": "object",
    "required": ["convenant", "sector", "status", "members", "beneficiaries", "totals"],
    "properties": {
        "convenant": {"type": "string"},
        "sector": {"type": "string"},
        "status": {"enum": ["settled", "provisional", "interim", "maxima", "partial"]},
        "members": {"type": "array", "items": {"type": "string"}, "minItems": 1},
        "beneficiaries": {"type": "array", "items": {"allOf": [
            _family_line, {"required": ["enterprise_number", "name"],
                           "properties": {"enterprise_number": _enterprise_number, "name": {"type": "string"}}}]}},
        "totals": _family_line,
    },
    "if": {"properties": {"status": {"const": "maxima"}}},
    "then": {"properties": {"totals": {"properties": {key: _null for key in FAMILY_KEYS if key != "maximum"}}}},
}

_portfolio = {
    "type": "object",
    "required": ["families", "agreements", "settled", "interim", "provisional", "maxima", "totals", "maxima_maximum"],
    "properties": {
        "families": {"type": "integer", "minimum": 1},
        "agreements": {"type": "integer", "minimum": 1},
        "settled": {"type": "integer", "minimum": 0},
        "interim": {"type": "integer", "minimum": 0},
        "provisional": {"type": "integer", "minimum": 0},
        "maxima": {"type": "integer", "minimum": 0},
        # over the agreements with facts that have the figure; null when none has it
        "totals": {"type": "object", "required": list(FAMILY_KEYS),
                   "properties": {key: {"$ref": "#/$defs/money" if key == "maximum" else "#/$defs/nullable_money"}
                                  for key in FAMILY_KEYS}},
        "maxima_maximum": {"$ref": "#/$defs/money"},
    },
}


def settlement_schema() -> dict[str, Any]:
    return {
        "$schema": DIALECT,
        "title": f"convenant settle --format json ({FORMAT})",
        "type": "object",
        "required": ["format", "settlements", "families", "portfolio"],
        "additionalProperties": False,
        "properties": {
            "format": {"const": FORMAT},
            "settlements": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/settlement"}},
            "families": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/family"}},
            "portfolio": {"$ref": "#/$defs/portfolio"},
        },
        "$defs": {"money": _money, "nullable_money": _nullable_money, "settlement": _settlement,
                  "family": _family, "portfolio": _portfolio},
    }
