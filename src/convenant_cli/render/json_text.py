"""JSON text for people and programs alike: indented at the outer levels, one line per
item deeper down, written by the C encoder (Python's own encoder, which `indent` needs,
is some twenty times slower on a sector's whole eindrapport). Control and format
characters are escaped (`safe_text.escape_json`).
"""

from __future__ import annotations

import json

from convenant_cli.render.safe_text import escape_json


def dumps(data: object, levels: int = 4, deeper: frozenset[str] = frozenset()) -> str:
    """`data` as JSON, indented two spaces for `levels` levels of objects and lists; the value
    of a key in `deeper` one level more (a list inside it then has an item on each line).

    >>> print(dumps({"a": [{"b": [1, 2]}], "c": {}}, levels=2), end="")
    {
      "a": [
        {"b": [1, 2]}
      ],
      "c": {}
    }
    >>> print(dumps({"a": {"b": [1, 2]}}, levels=1, deeper=frozenset({"a"})), end="")
    {
      "a": {
        "b": [1, 2]
      }
    }
    """
    return escape_json(_dumps(data, levels, 0, deeper)) + "\n"


def _dumps(data: object, levels: int, depth: int, deeper: frozenset[str]) -> str:
    inner = "  " * (depth + 1)
    if levels and isinstance(data, dict) and data:
        items = (f"{inner}{json.dumps(key, ensure_ascii=False)}: "
                 f"{_dumps(value, levels - (key not in deeper), depth + 1, deeper)}" for key, value in data.items())
        return "{\n" + ",\n".join(items) + "\n" + "  " * depth + "}"
    if levels and isinstance(data, list) and data:
        return "[\n" + ",\n".join(f"{inner}{_dumps(item, levels - 1, depth + 1, deeper)}" for item in data) + \
            "\n" + "  " * depth + "]"
    return json.dumps(data, ensure_ascii=False)
