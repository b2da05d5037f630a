"""typer's click command classes, as this command line uses them (`cls=`): help in the run's
language, `--lang` on every command, and subcommands built when they are called.

Through typer's and click's public API only: the methods click calls to write a help page
(`format_help`, `format_usage`, `collect_usage_pieces`, `format_options`) are overridden, and
commands and parameters are read, never written. Nothing of typer or click is assigned here
(a test holds it).

The help is click's plain layout, written with click's `HelpFormatter`: the usage line, the
command's text, and a section of two columns each for the arguments, the options and the
commands. Every word comes from the catalogue, when the help is shown: the help texts and
metavars are declared in English (the msgid) and marked `N_`, and translated here. typer's own
rich help cannot speak Dutch without rewriting typer: its titles are module constants, and it
reads each parameter's help straight from the object. So a flag shows no value and an argument
no type column, as in click, ruff and git.

typer builds every command's parameters when it builds the command, most of a command line's
start time; `Group` builds only the command that runs (all of them for the group's help or a
mistyped name), so that a new command costs `settle` nothing.

(typer carries its own copy of click; importing click as well would only cost start-up.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

from typer.core import TyperArgument, TyperCommand, TyperGroup, TyperOption

from convenant_cli.cli.language import lang_option
from convenant_cli.domain.language import N_, _

if TYPE_CHECKING:
    import typer

# typer's and click's own help texts, in the catalogue so that the help speaks one language
_TYPER_HELP = (N_("Show this message and exit."), N_("Install completion for the current shell."),
               N_("Show completion for the current shell, to copy it or customize the installation."))


def _text(message: str | None) -> str:
    """A text declared in English, in the run's language (never `_("")`: that is the catalogue's header)."""
    return _(message) if message else ""


def usage_name(argument: Any) -> str:
    """An argument as the usage line and the help show it: its metavar, `...` when it repeats,
    `[...]` when optional.

    >>> from types import SimpleNamespace as Arg
    >>> usage_name(Arg(name="paths", metavar="PATH", nargs=-1, required=True))
    'PATH...'
    >>> usage_name(Arg(name="old", metavar=None, nargs=1, required=False))
    '[OLD]'
    """
    name = _text(argument.metavar) or (argument.name or "").upper()
    name = f"{name}..." if argument.nargs != 1 else name
    return name if argument.required else f"[{name}]"


def _option_names(option: Any) -> str:
    """`-o, --output FILE`, `--dependants / --no-dependants`: the short name first, a value's metavar.

    >>> from types import SimpleNamespace as Opt
    >>> _option_names(Opt(opts=["--output", "-o"], secondary_opts=[], is_flag=False, count=False, metavar="FILE"))
    '-o, --output FILE'
    """
    def joined(names: list[str]) -> str:
        return ", ".join(sorted(names, key=lambda name: name.startswith("--")))

    text = joined(option.opts) + (f" / {joined(option.secondary_opts)}" if option.secondary_opts else "")
    if not option.is_flag and not option.count:
        text += " " + (_text(option.metavar) or option.name.upper())
    return text


def _default(option: Any) -> str | None:
    """The default the help names: a value's, never a plain flag's."""
    default = option.default
    if not option.show_default or default in (None, (), []) or (option.is_flag and not option.secondary_opts):
        return None
    if isinstance(option.show_default, str):
        return option.show_default
    if option.is_flag:  # `--dependants / --no-dependants`: the name that is in force
        return str((option.opts if default else option.secondary_opts)[0])
    return str(getattr(default, "value", default))  # an enum's value, as it is typed


def _record(param: Any) -> tuple[str, str]:
    """A parameter's line of the help: its names, and its help text with its default and whether it is required."""
    is_option = isinstance(param, TyperOption)
    notes = [_text(param.help)]
    default = _default(param) if is_option else None
    if default:
        notes.append(_("[default: {value}]").format(value=default))
    if param.required:
        notes.append(_("[required]"))
    return (_option_names(param) if is_option else usage_name(param)), "  ".join(note for note in notes if note)


class _Help:
    """A help page and a usage line in the run's language, written with click's formatter."""

    if TYPE_CHECKING:
        help: str | None

        def get_params(self, ctx: Any) -> list[Any]: ...

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [_("[OPTIONS]"), *(usage_name(p) for p in self.get_params(ctx) if isinstance(p, TyperArgument))]

    def format_usage(self, ctx: Any, formatter: Any) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), _("Usage:") + " ")

    def format_help(self, ctx: Any, formatter: Any) -> None:
        self.format_usage(ctx, formatter)
        text = _text(self.help)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)
        self.format_options(ctx, formatter)

    def format_options(self, ctx: Any, formatter: Any) -> None:
        shown = [param for param in self.get_params(ctx) if not param.hidden]
        for title, kind in ((N_("Arguments"), TyperArgument), (N_("Options"), TyperOption)):
            rows = [_record(param) for param in shown if isinstance(param, kind)]
            if rows:
                with formatter.section(_(title)):
                    formatter.write_dl(rows)


def _with_lang(attrs: dict[str, Any]) -> dict[str, Any]:
    """A command's arguments to its class, with `--lang` among its options."""
    return {**attrs, "params": [*(attrs.get("params") or ()), lang_option()]}


class Command(_Help, TyperCommand):
    def __init__(self, name: str | None, **attrs: Any) -> None:
        super().__init__(name, **_with_lang(attrs))


class Group(_Help, TyperGroup):
    """A group of commands (the root of the command line, `new`): `subcommands` loads each
    one-command typer app, which is turned into a click command when first asked for."""

    subcommands: ClassVar[Mapping[str, Callable[[], typer.Typer]]] = {}

    def __init__(self, **attrs: Any) -> None:
        super().__init__(**_with_lang(attrs))

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        return [_("[OPTIONS]"), _("COMMAND [ARGS]...")]

    def format_options(self, ctx: Any, formatter: Any) -> None:
        super().format_options(ctx, formatter)
        rows = [(name, _text(command.help)) for name in self.list_commands(ctx)
                if (command := self.get_command(ctx, name)) is not None and not command.hidden]
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """No command: the help, on standard output, and exit 2 (a usage error, as click has it)."""
        if not args and self.no_args_is_help and not ctx.resilient_parsing:
            import typer

            typer.echo(ctx.get_help())
            ctx.exit(2)
        return super().parse_args(ctx, args)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        if cmd_name not in self.commands and cmd_name in self.subcommands:
            from typer.main import get_command

            self.add_command(get_command(self.subcommands[cmd_name]()), cmd_name)
        return self.commands.get(cmd_name)

    def list_commands(self, ctx: Any) -> list[str]:
        return list(self.subcommands) or super().list_commands(ctx)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.subcommands:  # a typo: every name for "did you mean"
            for name in self.subcommands:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)
