"""typer's click command classes, adapted: help that reads as a command line's help, and
subcommands built when they are called.

typer shows the Python type of every parameter (`--strict <bool>`, `<list[Path]>`); here
a flag shows no value and an argument its metavar, as in click, ruff and git. They change
the help only, never parsing.

typer also builds every command's parameters at start-up, most of a command line's start
time; `Group` builds only the command that runs (all of them for the group's help or a
mistyped name), so that a new command costs `settle` nothing.

(typer carries its own copy of click; importing click as well would only cost start-up.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

if TYPE_CHECKING:
    import typer


def _usage_name(argument: Any) -> str:
    """An argument in the usage line: its metavar, `...` when it repeats, `[...]` when optional.

    >>> from types import SimpleNamespace as Arg
    >>> _usage_name(Arg(name="paths", metavar="PATH", nargs=-1, required=True))
    'PATH...'
    >>> _usage_name(Arg(name="old", metavar=None, nargs=1, required=False))
    '[OLD]'
    """
    name = argument.metavar or (argument.name or "").upper()
    name = f"{name}..." if argument.nargs != 1 else name
    return name if argument.required else f"[{name}]"


def _no_type(ctx: Any) -> None:
    return None


def _usage_pieces(argument: TyperArgument, ctx: Any) -> list[str]:
    return [_usage_name(argument)]


def _plain(params: list[Any]) -> list[Any]:
    """Through click's public parameter API only (`metavar`, `display_type_rich`,
    `get_usage_pieces`), so that a typer release that renames its private helpers cannot
    change the help: a flag shows no value, an argument its metavar and no type column."""
    for param in params:
        if isinstance(param, TyperOption) and (param.is_flag or param.count):
            param.metavar = ""  # typer shows the metavar instead of `<bool>`
        elif isinstance(param, TyperArgument):
            param.display_type_rich = _no_type  # type: ignore[method-assign]
            param.get_usage_pieces = functools.partial(_usage_pieces, param)  # type: ignore[method-assign]
    return params


class Command(TyperCommand):
    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))


class Group(TyperGroup):
    """The root of the command line: `subcommands` loads each one-command typer app, which
    is turned into a click command when first asked for."""

    subcommands: ClassVar[Mapping[str, Callable[[], typer.Typer]]] = {}

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.subcommands)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.subcommands:
            from typer.main import get_command

            self.commands[cmd_name] = get_command(self.subcommands[cmd_name]())
        return self.commands.get(cmd_name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.subcommands:  # a typo: every name for "did you mean"
            for name in self.subcommands:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)
