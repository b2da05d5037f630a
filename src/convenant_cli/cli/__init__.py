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
from convenant_cli.cli.language import LangOption
from convenant_cli.cli.output import say, state
from convenant_cli.domain.language import N_


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


def _schema() -> typer.Typer:
    from convenant_cli.cli.schema import command

    return command


# name: the one-command typer app of that name, loaded when it runs (or for the group's help)
COMMANDS: dict[str, Callable[[], typer.Typer]] = {
    "validate": _validate, "settle": _settle, "diff": _diff, "test": _test, "new": _new, "import": _import,
    "schema": _schema,
}


class _Root(Group):
    subcommands: ClassVar[dict[str, Callable[[], typer.Typer]]] = COMMANDS

    def main(self, args: Sequence[str] | None = None, *rest: Any, **kwargs: Any) -> Any:
        """Choose the run's language before click reads the command line, so that its
        usage errors and the help already speak it."""
        from convenant_cli.cli.language import choose_language
        from convenant_cli.domain.errors import UsageError

        arguments = list(sys.argv[1:] if args is None else args)
        try:
            choose_language(arguments)
        except UsageError as error:
            say(error.message, error.hint)
            raise SystemExit(int(error.status)) from None
        return super().main(arguments, *rest, **kwargs)


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
    lang: LangOption = None,
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
