"""Options with a closed set of values: a wrong value is named with every valid one, and
with a hint where a likely mistake has one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import StrEnum
from typing import Any, TypeVar

import typer

E = TypeVar("E", bound=StrEnum)

# `--format xlsx`: the workbook is an option of its own, beside the table or the JSON
_XLSX_HINT = {"xlsx": "the workbook has an option of its own: --xlsx FILE"}


def choice(kind: type[E], hints: Mapping[str, str] | None = None) -> Callable[[Any], E]:
    """The parser of an option with a closed set of values: a wrong value is named with
    every valid one, and with a hint where a likely mistake has one (`--format xlsx`).

    The value is shown as `repr`, so that what was typed cannot reach the terminal as a
    control sequence (typer already escapes rich markup)."""

    def parse(value: Any) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            hint = (hints or {}).get(str(value).strip().lower())
            message = f"{str(value)!r} is not one of: {', '.join(member.value for member in kind)}."
            raise typer.BadParameter(message + (f" hint: {hint}" if hint else "")) from None

    return parse


def table_or_json_option(kind: type[StrEnum]) -> Any:
    """`--format table|json` of a command that writes its workbook with `--xlsx`."""
    return typer.Option("--format", metavar="FORMAT", parser=choice(kind, _XLSX_HINT), help="table or json.")
