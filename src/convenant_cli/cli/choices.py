"""Options with a closed set of values: a wrong value is named with every valid one, and
with a hint where a likely mistake has one."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from enum import StrEnum
from typing import Any, TypeVar

import typer

from convenant_cli.domain.language import N_, _

E = TypeVar("E", bound=StrEnum)

# `--format xlsx`: the workbook is an option of its own, beside the table or the JSON
_XLSX_HINT = {"xlsx": N_("the workbook is an option of its own: use --xlsx FILE")}


def choice(kind: type[E], hints: Mapping[str, str] | None = None) -> Callable[[Any], E]:
    """The parser of an option with a closed set of values: a wrong value is named with
    every valid one, and with a hint where a likely mistake has one (`--format xlsx`).

    The value is shown made visible, so that what was typed cannot reach the terminal as a
    control sequence (typer already escapes rich markup)."""

    def parse(value: Any) -> E:
        if isinstance(value, kind):
            return value
        try:
            return kind(value)
        except ValueError:
            from convenant_cli.render.safe_text import visible  # only for a wrong value

            hint = (hints or {}).get(str(value).strip().lower())
            message = _("'{value}' is not one of: {choices}.").format(
                value=visible(str(value)), choices=", ".join(member.value for member in kind))
            if hint:
                message += " " + _("hint:") + " " + _(hint)
            raise typer.BadParameter(message) from None

    return parse


def parse_day(value: Any) -> date:
    """An ISO day `YYYY-MM-DD` from the command line (`--as-of`), refused with a real day as example."""
    if isinstance(value, date):
        return value
    text = str(value)
    try:
        if len(text) != 10:
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        from convenant_cli.render.safe_text import visible  # only for a wrong value

        raise typer.BadParameter(_("'{value}' is not a day written as YYYY-MM-DD, e.g. 2024-09-30")
                                 .format(value=visible(text))) from None


def as_of_option(help: str) -> Any:
    """`--as-of DAY`: the interim view at a monitoring moment (Art. 6)."""
    return typer.Option("--as-of", metavar=N_("DAY"), parser=parse_day, help=help)


def table_or_json_option(kind: type[StrEnum]) -> Any:
    """`--format table|json` of a command that writes its workbook with `--xlsx`."""
    return typer.Option("--format", metavar=N_("FORMAT"), parser=choice(kind, _XLSX_HINT), help=N_("table or json."))
