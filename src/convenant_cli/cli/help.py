"""typer's click command classes, adapted: help that reads as a command line's help, and
subcommands built when they are called.

typer shows the Python type of every parameter (`--strict <bool>`, `<list[Path]>`); here
a flag shows no value and an argument its metavar, as in click, ruff and git. They change
the help only, never parsing.

typer also builds every command's parameters at start-up, most of a command line's start
time; `Group` builds only the command that runs (all of them for the group's help or a
mistyped name), so that a new command costs `settle` nothing.

The help, the usage line and click's usage errors speak the run's language: the help texts
and metavars are marked `N_` where they are declared and translated when they are shown
(the English msgid kept on the object), typer's panel titles are set from the catalogue,
and a usage error's English message is translated piece by piece (`usage_message`). A run
that shows none of them never reads the catalogue.

(typer carries its own copy of click; importing click as well would only cost start-up.)
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from convenant_cli.domain.language import N_, _

if TYPE_CHECKING:
    import typer

# typer's and click's own texts, in the catalogue so that the help speaks one language
_TYPER_HELP = (N_("Show this message and exit."), N_("Install completion for the current shell."),
               N_("Show completion for the current shell, to copy it or customize the installation."),
               N_("[OPTIONS]"), N_("COMMAND [ARGS]..."))
_RICH_TEXTS = {  # typer.rich_utils names them; it reads them when it draws the help or an error
    "ARGUMENTS_PANEL_TITLE": N_("Arguments"), "OPTIONS_PANEL_TITLE": N_("Options"),
    "COMMANDS_PANEL_TITLE": N_("Commands"), "ERRORS_PANEL_TITLE": N_("Error"),
    "DEFAULT_STRING": N_("[default: {}]"), "REQUIRED_LONG_STRING": N_("[required]"), "ABORTED_TEXT": N_("Aborted."),
    "RICH_HELP": N_("Try [blue]'{command_path} {help_option}'[/] for help."),
}
# click's usage errors (English in the click that typer carries): a pattern, and the message in the catalogue
_USAGE_ERRORS = (
    (r"No such option: (?P<option>\S+)", N_("No such option: {option}")),
    (r" Did you mean (?P<option>.+?)\?", N_(" Did you mean {option}?")),
    (r" \(Possible options: (?P<options>.+)\)", N_(" (Possible options: {options})")),
    (r"Missing argument '(?P<metavar>.+)'\.", N_("Missing argument '{metavar}'.")),
    (r"Missing option '(?P<name>.+)'\.", N_("Missing option '{name}'.")),
    (r"Invalid value for (?P<name>.+?): ", N_("Invalid value for {name}: ")),
    (r"Got unexpected extra arguments? \((?P<arguments>.*)\)", N_("Got unexpected extra arguments ({arguments})")),
    (r"No such command '(?P<name>.+)'\.", N_("No such command '{name}'.")),
    (r"Option '(?P<name>.+)' requires an argument\.", N_("Option '{name}' requires an argument.")),
    (r"Option '(?P<name>.+)' does not take a value\.", N_("Option '{name}' does not take a value.")),
    (r"Missing command\.", N_("Missing command.")),
)


def usage_message(english: str) -> str:
    """A click usage error in the run's language: each known piece translated, the rest
    (our own message after `Invalid value for ...:`, already translated) kept.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); usage_message("No such option: --bogus Did you mean --debug?")
    'Onbekende optie: --bogus Bedoelde u --debug?'
    >>> set_language("en"); usage_message("No such option: --bogus")
    'No such option: --bogus'
    """
    import re

    patterns = [(re.compile(pattern), message) for pattern, message in _USAGE_ERRORS]
    text, position = "", 0
    while position < len(english):
        for pattern, message in patterns:
            match = pattern.match(english, position)
            if match:
                found = match.groupdict()
                if "metavar" in found:  # the argument's name as the help shows it (PATH: PAD)
                    found["metavar"] = _(found["metavar"])
                text += _(message).format(**found)
                position = match.end()
                break
        else:
            text += english[position]
            position += 1
    return text


def _localise_typer() -> None:
    from typer import rich_utils

    for name, english in _RICH_TEXTS.items():
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, _(english))


def _localise_error(error: Exception) -> None:
    """Make a click usage error print in the run's language (its message is English)."""
    english = getattr(error, "format_message", None)
    if callable(english) and hasattr(error, "exit_code"):
        _localise_typer()
        text = usage_message(str(english()))
        error.format_message = lambda: text  # type: ignore[attr-defined]


def _in_language(item: Any, attribute: str) -> None:
    """A command's or parameter's text (its help, a metavar) in the run's language; the
    English text (the catalogue's msgid) is kept, so that a later run in another language
    finds it."""
    english = item.__dict__.setdefault(f"_english_{attribute}", getattr(item, attribute, None))
    if english:  # never `_("")`: that is the catalogue's header
        setattr(item, attribute, _(english))


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


class _Localised:
    """Help, usage line and usage errors in the run's language."""

    def get_params(self, ctx: Any) -> list[Any]:
        return _plain(super().get_params(ctx))  # type: ignore[misc]

    def _speak(self, ctx: Any) -> None:
        """Only for the help, the usage line and an error: a run that shows none of them
        never reads the catalogue."""
        _localise_typer()
        for item in (self, *self.get_params(ctx)):
            _in_language(item, "help")
            _in_language(item, "metavar")
        _in_language(self, "options_metavar")
        _in_language(self, "subcommand_metavar")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self._speak(ctx)
        super().format_help(ctx, formatter)  # type: ignore[misc]

    def get_usage(self, ctx: Any) -> str:
        self._speak(ctx)
        usage = str(super().get_usage(ctx))  # type: ignore[misc]
        return _("Usage:") + usage.removeprefix("Usage:") if usage.startswith("Usage:") else usage

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        try:
            return super().make_context(*args, **kwargs)  # type: ignore[misc]
        except Exception as error:
            _localise_error(error)
            raise


class Command(_Localised, TyperCommand):
    pass


class Group(_Localised, TyperGroup):
    """The root of the command line: `subcommands` loads each one-command typer app, which
    is turned into a click command when first asked for."""

    subcommands: ClassVar[Mapping[str, Callable[[], typer.Typer]]] = {}

    def format_help(self, ctx: Any, formatter: Any) -> None:
        for name in self.list_commands(ctx):  # each command's line in the list
            command = self.get_command(ctx, name)
            if command is not None:
                _in_language(command, "help")
        super().format_help(ctx, formatter)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.subcommands:
            from typer.main import get_command

            command = get_command(self.subcommands[cmd_name]())
            command.name = command.name or cmd_name  # a group of commands (`new`) has no name of its own
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.subcommands) or super().list_commands(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.subcommands:  # a typo: every name for "did you mean"
            for name in self.subcommands:
                self.get_command(ctx, name)
        try:
            return super().resolve_command(ctx, args)
        except Exception as error:
            _localise_error(error)
            raise
