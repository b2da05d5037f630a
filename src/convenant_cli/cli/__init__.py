"""The command line: arguments in, text out, exit status. The only package that touches
argv, stdout/stderr and exit codes; each command is a module here that declares its
arguments and calls its use case in `app`.

A command's module loads only when that command runs (`COMMANDS`), with what it needs,
so that `settle --format json` starts fast and a new command costs the others nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any, ClassVar

import typer

from convenant_cli import __version__
from convenant_cli.cli.help import Group
from convenant_cli.cli.output import say, state
from convenant_cli.domain.language import N_, _


def _validate() -> typer.Typer:
    from convenant_cli.cli.validate import command

    return command


def _settle() -> typer.Typer:
    from convenant_cli.cli.settle import command

    return command


def _diff() -> typer.Typer:
    from convenant_cli.cli.diff import command

    return command


def _test() -> typer.Typer:
    from convenant_cli.cli.cases import command

    return command


def _new() -> typer.Typer:
    from convenant_cli.cli.new import command

    return command


def _import() -> typer.Typer:
    from convenant_cli.cli.importer import command

    return command


def _explain() -> typer.Typer:
    from convenant_cli.cli.explain import command

    return command


def _schema() -> typer.Typer:
    from convenant_cli.cli.schema import command

    return command


# name: the one-command typer app of that name, loaded when it runs (or for the group's help)
COMMANDS: dict[str, Callable[[], typer.Typer]] = {
    "validate": _validate, "settle": _settle, "diff": _diff, "test": _test, "new": _new, "import": _import,
    "explain": _explain, "schema": _schema,
}


class _Root(Group):
    subcommands: ClassVar[dict[str, Callable[[], typer.Typer]]] = COMMANDS

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None, complete_var: str | None = None,
             standalone_mode: bool = True, windows_expand_args: bool = True, **extra: Any) -> Any:
        """The run in CONVENANT_LANG's language (else Dutch) until a `--lang` says otherwise;
        click's usage errors as click words them (in English: typer carries click without
        its translations), each followed by a hint of our own in the run's language."""
        from convenant_cli.cli.language import start_language
        from convenant_cli.domain.errors import UsageError

        try:
            start_language()
            status = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except UsageError as error:
            say(error.message, error.hint)
            status = int(error.status)
        except typer.TyperException as error:  # click's, which it would print and exit with
            status = _click_error(error)
        except typer.Abort:
            say(_("aborted"), None)
            status = 1
        if not standalone_mode:
            return status
        sys.exit(status if isinstance(status, int) else 0)


def _click_error(error: typer.TyperException) -> int:
    """A usage error (exit 2) under the command's usage line, with a hint to its help."""
    context = getattr(error, "ctx", None)  # a usage error's: the command it was made for
    hint = None
    if context is not None:
        typer.echo(context.get_usage(), err=True)
        if context.help_option_names:
            hint = _("`{command} {option}` lists the arguments and options").format(
                command=context.command_path, option=context.help_option_names[0])
    say(error.format_message(), hint)
    return int(error.exit_code)


app = typer.Typer(
    cls=_Root,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},  # the commands inherit it
    help=N_("Settle, compare and validate Flemish sector covenants (sectorconvenants)."),
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"convenant {__version__}")
        raise typer.Exit()


# Aliases: typer evaluates each annotation from its text at every start; a name is cheap to evaluate
DebugOption = Annotated[bool, typer.Option("--debug", help=N_("Show the traceback of an internal error."))]
VersionOption = Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                             help=N_("Print the version and exit."))]


@app.callback()
def _main(
    debug: DebugOption = False,
    version: VersionOption = False,
) -> None:
    state.debug = debug
    state.reset_color()  # until a command's --color says otherwise


def _exit_on_signal(signum: int, frame: object) -> None:
    """SIGTERM and SIGHUP end a run as SIGINT does: through `finally` and `except
    BaseException`, so that a half-written output file is removed."""
    raise SystemExit(128 + signum)


def install_signal_handlers() -> None:
    import signal

    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _exit_on_signal)


def main() -> None:
    install_signal_handlers()
    app()
