"""The file formats' reference page, generated from the JSON Schema of the models (never
hand-written): `python -m convenant_cli.models.reference > docs/reference/file-formats.md`.
A test fails when the page drifts from the models."""

from __future__ import annotations

from typing import Any

from convenant_cli.domain.kinds import Kind
from convenant_cli.models import model_of
from convenant_cli.models.schema import json_schema

INTRO = """# File formats

Every file is YAML with `schema_version: 1` and a `kind`. This page is generated from the
models that read the files (`python -m convenant_cli.models.reference`); `convenant schema`
prints the same as a JSON Schema, for an editor or another CI tool. A key not listed is an
error (CV101); amounts are decimals written as in the covenant's text, dates ISO
(`2023-07-01`). *required* keys must be written; the others have the default shown.
"""


def _anchor(name: str) -> str:
    return name.lower()


def _type(schema: dict[str, Any]) -> str:
    """A property's type in words, with a link to an object's own table."""
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        return f"[{name}](#{_anchor(name)})"
    if "const" in schema:
        return f"`{schema['const']}`"
    if "enum" in schema:
        return " or ".join(f"`{value}`" for value in schema["enum"])
    if "anyOf" in schema or "oneOf" in schema:  # oneOf: a union told apart by its `kind` (a cost line)
        options = schema["anyOf"] if "anyOf" in schema else schema["oneOf"]
        kinds = [_type(option) for option in options if option.get("type") != "null"]
        return " or ".join(dict.fromkeys(kinds))
    kind = schema.get("type")
    if kind == "array":
        return f"list of {_type(schema.get('items', {}))}"
    if kind == "object":
        values: Any = schema.get("additionalProperties") or next(iter(schema.get("patternProperties", {}).values()), {})
        return f"mapping to {_type(values)}" if isinstance(values, dict) and values else "mapping"
    if schema.get("format") == "date":
        return "date"
    if "pattern" in schema:
        return "text (an enterprise number)" if "BE" in schema["pattern"] else "text"
    return {"string": "text", "number": "number", "integer": "whole number", "boolean": "true or false"}.get(
        str(kind), "value")


def _default(schema: dict[str, Any], required: bool) -> str:
    if required:
        return "required"
    if "default" not in schema:
        return "optional"
    default = schema["default"]
    if isinstance(default, bool):
        return f"`{str(default).lower()}`"
    return "none" if default is None or default == [] else f"`{default}`"


def _table(name: str, schema: dict[str, Any]) -> list[str]:
    lines = [f"### {name}", ""]
    if schema.get("description"):
        lines += [" ".join(schema["description"].split()), ""]
    required = set(schema.get("required", []))
    lines += ["| key | type | |", "|---|---|---|"]
    for key, prop in schema.get("properties", {}).items():
        lines.append(f"| `{key}` | {_type(prop)} | {_default(prop, key in required)} |")
    return [*lines, ""]


def markdown_reference() -> str:
    """The page: each kind's top level, then every object a kind refers to."""
    whole = json_schema()
    definitions: dict[str, Any] = whole["$defs"]  # type: ignore[assignment]
    lines = [INTRO, "## Kinds", ""]
    for kind in Kind:
        lines += _table(f"kind: {kind.value}", json_schema(kind))
    lines += ["## Objects", ""]
    top = {model_of(kind).__name__ for kind in Kind}
    for name in sorted(definitions):
        if name not in top:
            lines += _table(name, definitions[name])
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(markdown_reference(), end="")
