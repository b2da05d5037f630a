"""Pydantic's validation errors turned into diagnostics on the YAML's own lines.

Each pydantic error type gets a stable code; an unknown key gets the closest
known key of the model at that place as a hint. Nothing here prints.
"""

from __future__ import annotations

import re
import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from convenant_cli.domain.diagnostics import Diagnostic, did_you_mean
from convenant_cli.domain.language import N_, _
from convenant_cli.models import DUTCH_REASONS
from convenant_cli.models.fields import described
from convenant_cli.reading.events import KeyPath
from convenant_cli.reading.source import SourceFile

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
AMOUNT_HINT = N_("write amounts as in 1166000.00: a dot before the cents, no thousands separators")
# pydantic's own messages, by error type, in the catalogue's words ({placeholders} from the error's ctx);
# a type not listed keeps pydantic's English text
PYDANTIC = {
    "missing": N_("missing key"),
    "string_type": N_("expected text"),
    "int_type": N_("expected a whole number"),
    "int_parsing": N_("expected a whole number"),
    "bool_type": N_("expected true or false"),
    "bool_parsing": N_("expected true or false"),
    "list_type": N_("expected a list"),
    "dict_type": N_("expected a mapping of keys"),
    "model_type": N_("expected a mapping of keys"),
    "model_attributes_type": N_("expected a mapping of keys"),
    "literal_error": N_("expected one of: {expected}"),
    "enum": N_("expected one of: {expected}"),
    "union_tag_invalid": N_("expected {expected_tags}"),
    "string_too_short": N_("expected at least {min_length} characters"),
    "string_too_long": N_("expected at most {max_length} characters"),
    "string_pattern_mismatch": N_("the text does not have the expected form ({pattern})"),
    "too_short": N_("expected at least {min_length} items"),
    "too_long": N_("expected at most {max_length} items"),
    "greater_than": N_("expected a number greater than {gt}"),
    "greater_than_equal": N_("expected a number of at least {ge}"),
    "less_than": N_("expected a number less than {lt}"),
    "less_than_equal": N_("expected a number of at most {le}"),
    "decimal_parsing": N_("expected a decimal number"),
    "decimal_type": N_("expected a decimal number"),
    "date_type": N_("expected a date as YYYY-MM-DD"),
    "date_parsing": N_("expected a date as YYYY-MM-DD"),
    "date_from_datetime_parsing": N_("expected a date as YYYY-MM-DD"),
}


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


def _keys(model: type[BaseModel]) -> dict[str, str]:
    """The keys a file writes for a model's fields (an alias such as `from`), to the field names."""
    return {info.alias or name: name for name, info in model.model_fields.items()}


def _tagged(annotation: object, tag: object) -> type[BaseModel] | None:
    """The member of a union of models (a cost line: `kind: wage` or `kind: operating`) whose
    `kind` is `tag`, the part pydantic puts in an error's place; None when there is none."""
    if get_origin(annotation) not in (Union, types.UnionType):
        return None
    for option in get_args(annotation):
        if (isinstance(option, type) and issubclass(option, BaseModel) and "kind" in option.model_fields
                and tag in get_args(option.model_fields["kind"].annotation)):
            return option
    return None


def _walk(model: type[BaseModel], path: KeyPath) -> tuple[KeyPath, object]:
    """The path as the file writes it (the union tags pydantic adds to an error's place left out),
    and the annotation at its end (None where the models do not say)."""
    annotation: object = model
    kept: list[str | int] = []
    for part in path:
        annotation = _unwrap(annotation)
        origin = get_origin(annotation)
        member = _tagged(annotation, part) if isinstance(part, str) else None
        if member is not None:
            annotation = member
            continue
        kept.append(part)
        if annotation is None:
            continue
        keys = _keys(annotation) if isinstance(annotation, type) and issubclass(annotation, BaseModel) else {}
        if isinstance(part, int) and origin is list:
            annotation = get_args(annotation)[0]
        elif part in keys and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = annotation.model_fields[keys[str(part)]].rebuild_annotation()
        elif origin is dict:
            annotation = get_args(annotation)[1]
        else:
            annotation = None
    return tuple(kept), annotation


def keys_at(model: type[BaseModel], path: KeyPath) -> list[str]:
    """The keys the model allows in the mapping at `path` (empty if unknown)."""
    annotation = _unwrap(_walk(model, path)[1])
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return list(_keys(annotation))
    return []


def _shown(value: object, limit: int = 60) -> str:
    """A bad value quoted in a message, cut so that a huge value never floods a report; never a
    Python value (`described`).

    >>> _shown("x" * 100)
    "'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…' (100 characters)"
    >>> _shown(False), _shown(7)
    ('false', '7')
    """
    if isinstance(value, str) and len(value) > limit:
        return _("'{start}…' ({length} characters)").format(start=value[:limit], length=len(value))
    return described(value, limit)


def map_errors(error: ValidationError, model: type[BaseModel], source: SourceFile) -> list[Diagnostic]:
    return [_one(item, model, source) for item in error.errors(include_url=False)]


def _one(item: ErrorDetails, model: type[BaseModel], source: SourceFile) -> Diagnostic:
    kind = item["type"]
    path: KeyPath = _walk(model, tuple(item["loc"]))[0]
    if kind == "union_tag_invalid":  # the `kind` of a cost line: point at its value
        path += ("kind",)
    code = CODES.get(kind, "CV103")
    where = dotted(path)
    hint = None
    if kind == "extra_forbidden":
        known = keys_at(model, tuple(item["loc"])[:-1])
        hint = did_you_mean(str(path[-1]), known) or (_("allowed here: {keys}").format(keys=", ".join(known))
                                                      if known else None)
        return Diagnostic.of(code, _("unknown key `{key}`").format(key=path[-1]), source.locate(path, key=True), hint)
    if kind == "union_tag_not_found":  # a cost line without its `kind`
        return Diagnostic.of("CV102", _("missing key `kind` in {parent}").format(parent=where),
                             source.locate(path), _("a cost line is `kind: wage` or `kind: operating`"))
    if kind == "missing":
        message = (_("missing key `{key}` in {parent}").format(key=path[-1], parent=dotted(path[:-1])) if path[:-1]
                   else _("missing key `{key}` in the file").format(key=path[-1]))
        return Diagnostic.of(code, message, source.locate(path[:-1]), None)
    value = item.get("input")
    if kind in ("decimal_places", "decimal_max_places"):
        hint = _("round to the cent (FTE to two decimals)")
    elif kind == "thousands_separator":
        hint = _("remove the thousands separators: write {number} (an amount as 72000.00); a decimal point is "
                 "followed by two digits for euro").format(number=str(value).strip().replace(".", ""))
    elif kind == "number_quoted":
        hint = _("remove the quotes: the schema says number")
    elif kind == "decimal_comma":
        hint = _(AMOUNT_HINT)
    elif kind == "number_format":
        hint = _("write digits with at most one decimal point, as in 1166000.00: no exponent (1e3), no separators")
    elif kind == "string_type" and isinstance(value, bool):
        hint = _("YAML reads yes/no/on/off/true/false as a yes-or-no value; put the text in quotes")
    elif kind in ("date_format", "date_value"):
        hint = _("dates are written as 2023-07-01")
    elif kind == "iban":
        hint = _("copy the IBAN again from Art. 1: one character is wrong or missing")
    elif kind == "enterprise_number":
        hint = _("copy the enterprise number again from Art. 1 (ten digits, e.g. 0409.845.289)")
    elif kind == "literal_error":
        english = DUTCH_REASONS.get(str(value).strip().lower()) if isinstance(value, str) else None
        hint = _("did you mean `{word}`? The YAML keeps English words").format(word=english) if english else None
    elif kind == "union_tag_invalid":
        from convenant_cli.domain.cost_kinds import DUTCH_COST_KINDS

        tag = (item.get("ctx") or {}).get("tag")
        english = DUTCH_COST_KINDS.get(str(tag).strip().lower())
        hint = _("did you mean `{word}`? The YAML keeps English words").format(word=english) if english else None
    elif kind == "list_type" and value is None:
        hint = _("the key has no value: write its items under it, each on a line starting with `- `, or `[]` for "
                 "none")
    elif kind in ("dict_type", "model_type", "model_attributes_type") and value is None:
        hint = _("the key has no value: write its keys under it, indented")
    elif kind in ("list_type", "dict_type", "model_type", "model_attributes_type"):
        hint = _("check the indentation: a list item starts with `- `, a mapping with `key: value`")
    message = _message(item)
    shows_value = kind in CODES or kind == "number_type" or (kind not in PYDANTIC and "got " in message)
    if not isinstance(value, (dict, list)) and not shows_value:
        message = _("{message}, got {value}").format(message=message, value=_shown(value))
    return Diagnostic.of(code, _("`{key}`: {message}").format(key=where, message=message) if where else message,
                         source.locate(path), hint)


def _message(item: ErrorDetails) -> str:
    """The error's message in the catalogue's words; pydantic's own for a type it does not know."""
    template = PYDANTIC.get(item["type"])
    if template is None:
        return item["msg"]
    context = {key: str(value) for key, value in (item.get("ctx") or {}).items()}
    if item["type"] in ("literal_error", "enum"):  # pydantic's "'a' or 'b'", without its English "or"
        context["expected"] = ", ".join(re.findall(r"'([^']*)'", context.get("expected", ""))) or \
            context.get("expected", "")
    if item["type"] == "union_tag_invalid":
        context["expected_tags"] = " | ".join(re.findall(r"'([^']*)'", context.get("expected_tags", "")))
    try:
        return _(template).format(**context)
    except (KeyError, IndexError):  # a pydantic release that names its context differently
        return item["msg"]
