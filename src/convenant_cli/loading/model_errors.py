"""Pydantic's validation errors turned into diagnostics on the YAML's own lines.

Each pydantic error type gets a stable code; an unknown key gets the closest
known key of the model at that place as a hint. Nothing here prints.
"""

from __future__ import annotations

import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from convenant_cli.domain.diagnostics import Diagnostic, did_you_mean
from convenant_cli.models import DUTCH_REASONS
from convenant_cli.reading.source import KeyPath, SourceFile

CODES = {
    "extra_forbidden": "CV101",
    "missing": "CV102",
    "decimal_places": "CV104",
    "decimal_max_places": "CV104",
    "thousands_separator": "CV106",
    "number_quoted": "CV107",
    "number_format": "CV107",
    "decimal_comma": "CV107",
    "date_format": "CV105",
    "date_value": "CV105",
    "iban": "CV206",
    "enterprise_number": "CV207",
    "empty_value": "CV103",
    "insz": "CV218",
}
AMOUNT_HINT = "write amounts as in 1166000.00: a dot before the cents, no thousands separators"


def dotted(path: KeyPath) -> str:
    """`('beneficiaries', 0, 'iban')` as `beneficiaries[0].iban`.

    >>> dotted(("beneficiaries", 0, "members", 1, "iban"))
    'beneficiaries[0].members[1].iban'
    """
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _unwrap(annotation: object) -> object:
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType):
            options = [a for a in get_args(annotation) if a is not type(None)]
            if len(options) != 1:
                return annotation
            annotation = options[0]
        else:
            return annotation


def keys_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys the model allows in the mapping at `path` (empty if unknown)."""
    annotation: object = model
    for part in path:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        if isinstance(part, int) and origin is list:
            annotation = get_args(annotation)[0]
        elif isinstance(annotation, type) and issubclass(annotation, BaseModel) and part in annotation.model_fields:
            annotation = annotation.model_fields[str(part)].rebuild_annotation()
        elif origin is dict:
            annotation = get_args(annotation)[1]
        else:
            return []
    annotation = _unwrap(annotation)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(annotation.model_fields)
    return []


def _shown(value: object, limit: int = 60) -> str:
    """A bad value quoted in a message, cut so that a huge value never floods a report.

    >>> _shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    """
    text = repr(str(value)) if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[:limit]}…' ({len(str(value))} characters)"


def map_errors(error: ValidationError, model: type[BaseModel], source: SourceFile) -> list[Diagnostic]:
    return [_one(item, model, source) for item in error.errors(include_url=False)]


def _one(item: ErrorDetails, model: type[BaseModel], source: SourceFile) -> Diagnostic:
    kind = item["type"]
    path: KeyPath = tuple(item["loc"])
    code = CODES.get(kind, "CV103")
    where = dotted(path)
    hint = None
    if kind == "extra_forbidden":
        known = keys_at(model, path[:-1])
        hint = did_you_mean(str(path[-1]), known) or (f"allowed here: {', '.join(known)}" if known else None)
        return Diagnostic.of(code, f"unknown key `{path[-1]}`", source.locate(path, key=True), hint)
    if kind == "missing":
        parent = dotted(path[:-1]) or "the file"
        return Diagnostic.of(code, f"missing key `{path[-1]}` in {parent}",
                          source.locate(path[:-1]), None)
    value = item.get("input")
    if kind in ("decimal_places", "decimal_max_places"):
        hint = "round to the cent (FTE to two decimals)"
    elif kind == "thousands_separator":
        hint = (f"remove the thousands separators: write {str(value).strip().replace('.', '')} "
                "(an amount as 72000.00); a decimal point is followed by two digits for euro")
    elif kind == "number_quoted":
        hint = "remove the quotes: the schema says number"
    elif kind == "decimal_comma":
        hint = AMOUNT_HINT
    elif kind == "number_format":
        hint = "write digits with at most one decimal point, as in 1166000.00: no exponent (1e3), no separators"
    elif kind == "string_type" and isinstance(value, bool):
        hint = "YAML reads yes/no/on/off/true/false as a yes-or-no value; put the text in quotes"
    elif kind in ("date_format", "date_value"):
        hint = "dates are written as 2023-07-01"
    elif kind == "iban":
        hint = "copy the IBAN again from Art. 1: one character is wrong or missing"
    elif kind == "enterprise_number":
        hint = "copy the enterprise number again from Art. 1 (ten digits, e.g. 0409.845.289)"
    elif kind == "literal_error":
        english = DUTCH_REASONS.get(str(value).strip().lower()) if isinstance(value, str) else None
        hint = f"did you mean `{english}`? The YAML keeps English words" if english else \
            f"allowed: {item.get('ctx', {}).get('expected', '')}"
    elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        hint = "check the indentation: a list item starts with `- `, a mapping with `key: value`"
    message = item["msg"]
    if value is not None and not isinstance(value, (dict, list)) and kind not in CODES and "got " not in message:
        message = f"{message}, got {_shown(value)}"
    return Diagnostic.of(code, f"`{where}`: {message}" if where else message,
                      source.locate(path), hint)
