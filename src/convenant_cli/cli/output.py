"""What every command shares: the run's settings (--debug, --color), one-line messages and
writes to stdout and stderr (a failed write is exit 2), the rich console, the guard that
turns errors into exit statuses, and the problems of a run printed as `validate` prints
them. Only the command line imports this.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, ParamSpec, TextIO, TypeVar

import typer

from convenant_cli.cli import streams
from convenant_cli.cli.choices import choice
from convenant_cli.cli.help import Command
from convenant_cli.cli.terminal import ColorMode, wants_color
from convenant_cli.domain.errors import ConvenantError, ExitStatus, OutputError, UsageError, os_reason
from convenant_cli.domain.language import N_, _

if TYPE_CHECKING:
    from rich.console import RenderableType

    from convenant_cli.domain.diagnostics import Diagnostic
    from convenant_cli.loading.workspace import Workspace

P = ParamSpec("P")
R = TypeVar("R")


@dataclass
class Settings:
    """What the options of one run ask of its output."""

    debug: bool = False
    color: ColorMode = ColorMode.auto

    def reset_color(self) -> None:
        self.color = ColorMode.auto


state = Settings()

ColorOption = Annotated[ColorMode, typer.Option(
    "--color", metavar=N_("WHEN"), parser=choice(ColorMode),
    help=N_("Colour: auto (a terminal, unless NO_COLOR is set), always or never."))]


def realisation_option(help: str) -> Any:
    """`--realisation FILE`, repeatable: the eindrapport files of a run."""
    return typer.Option("--realisation", "-r", metavar=N_("FILE"), help=help)


def xlsx_option(help: str) -> Any:
    """`--xlsx FILE`: a workbook written beside the output."""
    return typer.Option("--xlsx", metavar=N_("FILE"), help=help)


def single_command(name: str, function: Callable[P, R], help: str) -> typer.Typer:
    """A one-command typer app, as the root group loads a subcommand; `help` is marked
    with `N_` and translated where it is shown."""
    single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    single.command(name=name, cls=Command, help=help)(function)
    return single


ERROR, NOTE = N_("error"), N_("note")  # the label of a one-line message


def say(message: str, hint: str | None, prefix: str = ERROR) -> None:
    """A one-line message on stderr (text from files made visible, never raw), its label
    (`ERROR` or `NOTE`) in the run's language."""
    from convenant_cli.render.safe_text import visible

    text = f"convenant: {_(prefix)}: {visible(message)}\n"
    if hint:
        text += f"  {_('hint:')} {visible(hint)}\n"
    with suppress(OSError):  # stderr gone too: the exit status is all that is left
        streams.write_all(sys.stderr, text)


def say_written(path: Path, next_step: str | None = None) -> None:
    """Every command that writes a file says so in one way: `written: PATH`, and what to do
    with it next as a hint."""
    say(_("written: {path}").format(path=path), next_step, prefix=NOTE)


def fail(message: str, hint: str | None, status: ExitStatus) -> typer.Exit:
    say(message, hint)
    return typer.Exit(int(status))


def write(text: str, *, err: bool = False) -> None:
    """Print to stdout (or stderr), every byte of it checked (`streams`): a failed or short
    write (a full disk, a closed pipe, an I/O error) is exit 2."""
    try:
        streams.write_all(sys.stderr if err else sys.stdout, text)
    except OSError as error:
        raise _output_failed(error, stdout=not err) from None


def colored(stream: TextIO) -> bool:
    return wants_color(state.color, stream)


PIPE_WIDTH = 160  # columns for a file or a pipe: every table of a covenant fits, and prose still reads


def _width(*, terminal: bool = True) -> int:
    """The width output is laid out for: `COLUMNS` when set, else a terminal's own width, else
    (a file or a pipe) `PIPE_WIDTH`. Lines carry no trailing spaces, so content narrower than
    that keeps its own width."""
    if "COLUMNS" in os.environ or (terminal and streams.isatty(sys.stdout)):
        from rich.console import Console

        return Console(file=sys.stdout).width  # reads COLUMNS, or asks the terminal
    return PIPE_WIDTH


def _rendered(output: RenderableType, *, width: int, color: bool, encoding: str) -> str:
    """A rich renderable as text, drawn with the characters `encoding` holds (rich draws
    ASCII boxes for a stream that is not UTF), without the spaces rich pads each line with."""
    from rich.console import Console, Group

    from convenant_cli.render.layout import Lines

    aside = streams.Aside(encoding)
    console = Console(file=aside, width=width, highlight=False, soft_wrap=False, force_terminal=color or None,
                      color_system="auto" if color else None)
    others: list[RenderableType] = []
    for part in _parts(output):  # plain lines written as they are, the rest drawn by rich in its turn
        drawn = part.drawn(console) if isinstance(part, Lines) else None
        if drawn is None:
            others.append(part)
            continue
        if others:
            console.print(Group(*others))
            others = []
        aside.write(drawn)
    if others:
        console.print(Group(*others))
    return "\n".join(line.rstrip(" ") for line in aside.getvalue().split("\n"))


def _parts(output: RenderableType) -> Iterator[RenderableType]:
    """A renderable's parts in the order drawn: a group's, group within group, one by one."""
    from rich.console import Group

    if isinstance(output, Group):
        for part in output.renderables:
            yield from _parts(part)
    else:
        yield output


def show(output: str | RenderableType) -> None:
    """Text as it is, or a rich renderable laid out for standard output; through `write`."""
    if isinstance(output, str):
        write(output)
        return
    write(_rendered(output, width=_width(), color=colored(sys.stdout), encoding=streams.encoding_of(sys.stdout)))


def as_text(output: str | RenderableType) -> str:
    """What `show` prints, for a file (`-o FILE`): no colour, UTF-8, laid out as for a pipe."""
    if isinstance(output, str):
        return output
    return _rendered(output, width=_width(terminal=False), color=False, encoding="utf-8")


STDOUT = Path("-")  # `-o -`: standard output


def output_option(help: str) -> Any:
    """`-o/--output FILE`: what a command prints, written to a file instead (`-` is standard output)."""
    return typer.Option("--output", "-o", metavar=N_("FILE"), help=help)


def standard_output_or(path: Path | None) -> Path | None:
    """The file `-o` names, or None for standard output (`-o -`, or no `-o`)."""
    return None if path is None or path == STDOUT else path


def finish_output() -> None:
    """Before a command's exit status is decided: flush standard output, and check that a pipe's
    reader took what was written (`streams.unread`); either failure is exit 2."""
    try:
        sys.stdout.flush()
    except OSError as error:
        raise _output_failed(error) from None
    except ValueError:  # closed already
        return
    left = streams.unread(sys.stdout)
    if left:
        raise _output_failed(OSError(errno.EPIPE, os.strerror(errno.EPIPE)))


def _output_failed(error: OSError, *, stdout: bool = True) -> OutputError:
    if stdout:  # point stdout at /dev/null, so that the interpreter's last flush cannot fail again
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        except (OSError, ValueError):
            pass
        return OutputError(_("cannot write to standard output ({reason}): the output is incomplete")
                           .format(reason=os_reason(error)))
    return OutputError(_("cannot write to standard error ({reason})").format(reason=os_reason(error)))


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn `ConvenantError` into its exit status and any other exception into exit 3."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            try:
                result = command(*args, **kwargs)
            except (typer.Exit, typer.Abort, ConvenantError):
                finish_output()  # a failed write to stdout outweighs the status the command chose
                raise
            finish_output()
            return result
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except ConvenantError as error:
            for other in error.also:
                say(other.message, other.hint)
            raise fail(error.message, error.hint, error.status) from None
        except Exception as error:  # a bug of ours: one line, the traceback only on request
            if state.debug:
                traceback.print_exc()
            raise fail(_("internal error ({error}); please report it with the command and files that caused it")
                       .format(error=type(error).__name__),
                       None if state.debug else _("run again with `convenant --debug ...` to see the traceback"),
                       ExitStatus.INTERNAL) from None
        finally:
            _say_unread_catalogue()

    return wrapper


def _say_unread_catalogue() -> None:
    """One warning when the message catalogue could not be read: its messages are then the
    English source text, and so is this one (marked all the same: the catalogue is not there)."""
    from convenant_cli.domain.language import language, unread_catalogue

    reason = unread_catalogue()
    if reason is not None:
        say(_("the message catalogue of language '{language}' cannot be read ({reason}); messages are in English")
            .format(language=language(), reason=reason), _("reinstall convenant"), prefix=N_("warning"))


def count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(d.is_error for d in diagnostics)
    return errors, len(diagnostics) - errors


def report_problems(workspace: Workspace) -> int:
    """Print the problems of a settle or diff run on stderr, as `validate` prints them, a
    problem at a time; return the number of errors."""
    diagnostics = workspace.diagnostics()
    if not diagnostics:
        return 0
    from convenant_cli.render.diagnostics.report import Report
    from convenant_cli.render.diagnostics.text import iter_text

    for chunk in iter_text(Report(diagnostics, workspace.source_line, color=colored(sys.stderr))):
        write(chunk, err=True)
    return count(diagnostics)[0]


def stop_on_errors(workspace: Workspace) -> None:
    """Print the run's problems; exit 1 when any is an error."""
    if report_problems(workspace):
        raise typer.Exit(int(ExitStatus.PROBLEMS))


def now() -> datetime:
    """The date a workbook records: SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise UsageError(_("SOURCE_DATE_EPOCH='{epoch}' is not a number of seconds since 1970").format(epoch=epoch),
                             _("set it to a whole number, e.g. $(git log -1 --format=%ct)")) from None
    return datetime.now(tz=UTC).replace(tzinfo=None, microsecond=0)


@contextmanager
def progress_bar(description: str, *, at_least: int = 3) -> Iterator[Callable[[int, int], None]]:
    """A progress bar on stderr while a run settles many agreements: only on a terminal,
    never on a pipe or in a file, and gone when the run is done. Yields `advance(done, total)`.
    `description` is marked `N_`: translated only when a bar is shown."""
    if not sys.stderr.isatty():
        yield lambda done, total: None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(_(description), total=None)

        def advance(done: int, total: int) -> None:
            if total >= at_least:
                progress.update(task, completed=done, total=total)

        yield advance

