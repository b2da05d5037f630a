"""The command line: arguments in, text out, exit status. The only module that
touches argv, stdout/stderr and exit codes; everything it calls returns values.

Heavy modules (rich, openpyxl, the engines, the renderers) are imported inside the
command that needs them, so that `settle --format json` starts fast.
"""

from __future__ import annotations

import functools
import os
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, ClassVar, Optional, ParamSpec, TextIO, TypeVar

import typer

from convenant_cli import __version__
from convenant_cli.cli.help import Command, Group
from convenant_cli.cli.terminal import ColorMode, wants_color
from convenant_cli.domain.errors import ConvenantError, ExitStatus, OutputError, UsageError
from convenant_cli.domain.kinds import Kind

if TYPE_CHECKING:
    from rich.console import Console, RenderableType

    from convenant_cli.app.validate import Validation
    from convenant_cli.domain.diagnostics import Diagnostic
    from convenant_cli.loading.document import LoadedDocument
    from convenant_cli.loading.workspace import Workspace


class _Root(Group):
    subcommands: ClassVar[dict[str, typer.Typer]] = {}  # filled once, below, by `command`


app = typer.Typer(
    cls=_Root,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Settle, compare and validate Flemish sector covenants (sectorconvenants).",
)


@dataclass
class _Settings:
    """What the options of one run ask of its output."""

    debug: bool = False
    color: ColorMode = ColorMode.auto


_state = _Settings()
P = ParamSpec("P")
R = TypeVar("R")


def command(name: str) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Register a subcommand of `app`: a one-command typer app, built when it runs."""

    def register(function: Callable[P, R]) -> Callable[P, R]:
        single = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
        single.command(name=name, cls=Command)(function)
        _Root.subcommands[name] = single
        return function

    return register


def _version(value: bool) -> None:
    if value:
        typer.echo(f"convenant {__version__}")
        raise typer.Exit()


ColorOption = Annotated[ColorMode, typer.Option(
    "--color", metavar="WHEN", help="Colour: auto (a terminal, unless NO_COLOR is set), always or never.")]


@app.callback()
def _main(
    debug: Annotated[bool, typer.Option("--debug", help="Show the traceback of an internal error.")] = False,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    _state.debug = debug
    _state.color = ColorMode.auto  # until a command's --color says otherwise


# -- output: every write goes through here, so that a failed write is exit 2 -------------

def _say(message: str, hint: str | None, prefix: str = "error") -> None:
    """A one-line message on stderr (text from files made visible, never raw)."""
    from convenant_cli.render.safe_text import visible

    try:
        typer.echo(f"convenant: {prefix}: {visible(message)}", err=True)
        if hint:
            typer.echo(f"  hint: {visible(hint)}", err=True)
    except OSError:  # stderr is gone too: the exit status is all that is left
        pass


def _fail(message: str, hint: str | None, status: ExitStatus) -> typer.Exit:
    _say(message, hint)
    return typer.Exit(int(status))


def _write(text: str, *, err: bool = False) -> None:
    """Print to stdout (or stderr); a failed write (a full disk, a closed pipe) is exit 2."""
    try:
        typer.echo(text, nl=False, err=err, color=True)  # colour only where a renderer asked for it
    except OSError as error:
        raise _output_failed(error) from None


def _colored(stream: TextIO) -> bool:
    return wants_color(_state.color, stream)


def _console() -> Console:
    from rich.console import Console

    # A pipe or file gets wide lines (rich would assume 80 columns); COLUMNS still decides.
    wide = sys.stdout.isatty() or "COLUMNS" in os.environ
    colored = _colored(sys.stdout)
    return Console(width=None if wide else 240, highlight=False, soft_wrap=False, force_terminal=colored or None,
                   color_system="auto" if colored else None)


def _print(renderable: RenderableType) -> None:
    try:
        _console().print(renderable)
    except OSError as error:
        raise _output_failed(error) from None


def _output_failed(error: OSError) -> OutputError:
    # Point stdout at /dev/null so that the interpreter's last flush cannot fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    return OutputError(f"cannot write to standard output ({error.strerror or error})")


def guarded(command: Callable[P, R]) -> Callable[P, R]:
    """Turn `ConvenantError` into its exit status and any other exception into exit 3."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except ConvenantError as error:
            raise _fail(error.message, error.hint, error.status) from None
        except Exception as error:  # a bug of ours: one line, the traceback only on request
            if _state.debug:
                traceback.print_exc()
            raise _fail(f"internal error ({type(error).__name__}); please report it with the command and files "
                        "that caused it", None if _state.debug else "run again with `convenant --debug ...` to see "
                        "the traceback", ExitStatus.INTERNAL) from None

    return wrapper


def _count(diagnostics: list[Diagnostic]) -> tuple[int, int]:
    errors = sum(d.is_error for d in diagnostics)
    return errors, len(diagnostics) - errors


def _report_problems(workspace: Workspace) -> int:
    """Print the problems of a settle or diff run on stderr, as `validate` prints them;
    return the number of errors."""
    diagnostics = workspace.diagnostics()
    if not diagnostics:
        return 0
    from convenant_cli.render.diagnostics.report import Report
    from convenant_cli.render.diagnostics.text import iter_text

    for chunk in iter_text(Report(diagnostics, workspace.source_line, color=_colored(sys.stderr))):
        _write(chunk, err=True)
    return _count(diagnostics)[0]


def _load_valid(workspace: Workspace, paths: list[Path]) -> list[LoadedDocument]:
    """Load files; print their problems to stderr; exit 1 when any has an error."""
    docs = [workspace.load(path) for path in paths]
    if _report_problems(workspace):
        raise typer.Exit(int(ExitStatus.PROBLEMS))
    return docs


def _now() -> datetime:
    """The date a workbook records: SOURCE_DATE_EPOCH when set (reproducible builds), else now, in UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=UTC).replace(tzinfo=None)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds since 1970",
                             "set it to a whole number, e.g. $(git log -1 --format=%ct)") from None
    return datetime.now(tz=UTC).replace(tzinfo=None, microsecond=0)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


# -- commands -----------------------------------------------------------------------------

class DiagnosticFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"
    sarif = "sarif"
    junit = "junit"
    azure = "azure"


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


@command("validate")
@guarded
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Files, or folders searched for *.yaml and *.yml; - reads one file from standard "
        "input.")],
    output_format: Annotated[DiagnosticFormat, typer.Option(
        "--format", metavar="FORMAT", help="text (for people), json, or for CI: github, gitlab (Code Quality), "
        "sarif (2.1.0), junit, azure.")] = DiagnosticFormat.text,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar="FILE", help="Write the report to this file instead of standard output.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    dependants: Annotated[bool, typer.Option(
        "--dependants/--no-dependants", show_default=False, help="Also check the files that refer to a file named "
        "here, as a realisation refers to its covenant (the default); or only the files given.")] = True,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v", help="List the files skipped as no convenant files, and the dependants checked.")] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    """Check files for every problem: exit 0 clean, 1 problems, 2 usage or I/O error."""
    from convenant_cli.app.validate import STDIN, validate_paths

    _state.color = color
    if paths.count(STDIN) > 1:
        raise UsageError("- (standard input) given more than once", "give - once; a file named - is ./-")
    stdin = _read_stdin() if STDIN in paths else None
    run = validate_paths(paths, stdin=stdin, with_dependants=dependants)
    diagnostics = run.workspace.diagnostics()
    errors, warnings = _count(diagnostics)
    _deliver_report(run, diagnostics, output_format, output, force=force, strict=strict)
    # the counts beside a report for people, or one written to a file; never beside a report on stdout
    _summarise(run, errors, warnings, verbose=verbose,
               counts=output_format is DiagnosticFormat.text or output is not None)
    for problem in run.unreadable:
        _say(problem.message, problem.hint)
    if run.unreadable:
        raise typer.Exit(int(ExitStatus.USAGE))
    if errors or (strict and warnings):
        raise typer.Exit(int(ExitStatus.PROBLEMS))


def _read_stdin() -> bytes:
    from convenant_cli.reading.source import MAX_FILE_BYTES

    try:
        return sys.stdin.buffer.read(MAX_FILE_BYTES + 1)  # one byte more tells a file over the limit
    except (OSError, AttributeError, ValueError) as error:
        raise UsageError(f"cannot read standard input ({error})") from None


def _deliver_report(run: Validation, diagnostics: list[Diagnostic], output_format: DiagnosticFormat,
                    output: Path | None, *, force: bool, strict: bool) -> None:
    """The report in its format, on stdout or (all of it, or nothing) in the --output file."""
    from convenant_cli.render.diagnostics import renderer
    from convenant_cli.render.diagnostics.report import Report

    inputs = {doc.path for doc in run.workspace.documents.values()}
    if output is not None and output.resolve() in inputs:
        raise UsageError(f"--output {output} is one of the files being checked", "write the report elsewhere")
    color = output is None and output_format is DiagnosticFormat.text and _colored(sys.stdout)
    report = Report(diagnostics, run.workspace.source_line, run.checked, strict=strict, color=color)
    if output_format is DiagnosticFormat.text:  # written a problem at a time: its size is the problems'
        from convenant_cli.render.diagnostics.text import iter_text

        chunks: Iterable[str] = iter_text(report)
    else:
        chunks = (renderer(output_format.value)(report),)
    if output is None:
        for chunk in chunks:
            _write(chunk)
        return
    from convenant_cli.app.output_file import write_atomically

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            handle.writelines(chunks)

    write_atomically(output, write, force=force, inputs=inputs)


def _summarise(run: Validation, errors: int, warnings: int, *, verbose: bool, counts: bool) -> None:
    """On stderr: with `verbose`, each file skipped and each dependant checked; the counts."""
    workspace = run.workspace
    if verbose:
        for name in workspace.skipped:
            _say(f"{name}: skipped, not a convenant file (no schema_version, kind or convenant keys)", None,
                 prefix="note")
        for name, target in run.dependants.items():
            _say(f"{name}: checked, it refers to {target}", None, prefix="note")
        for item in workspace.accepted():
            where = item.diagnostic.location
            _say(f"{where.file}:{where.line}:{where.col}: warning[{item.diagnostic.code}] accepted: "
                 f"{item.diagnostic.message} -- {item.reason}", None, prefix="note")
    if not run.dependants_complete:
        _say("the search for files that refer to the given files stopped: the project folder holds too many "
             "files", "run `convenant validate` on the folder that holds the convenant files", prefix="note")
    if not counts:
        return
    line = f"{_plural(len(run.checked), 'file')} checked"
    if run.dependants:
        line += f" ({len(run.dependants)} referring to a given file)"
    if workspace.skipped:
        line += f", {len(workspace.skipped)} skipped (not convenant files{'' if verbose else '; --verbose lists them'})"
    line = f"{line}: {_plural(errors, 'error')}, {_plural(warnings, 'warning')}"
    accepted = len(workspace.accepted())
    if accepted:
        line += f" ({accepted} accepted{'' if verbose else '; --verbose lists them'})"
    _write(f"{line}\n", err=True)


@command("settle")
@guarded
def settle(
    files: Annotated[list[Path], typer.Argument(
        metavar="FILE", help="A covenant, optionally followed by its addenda.")],
    realisation: Annotated[Optional[list[Path]], typer.Option(
        "--realisation", "-r", metavar="FILE",
        help="The eindrapport facts (kind: realisation); repeat for each file.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every figure's rule, article and arithmetic.")]
    = False,
    output_format: Annotated[OutputFormat, typer.Option("--format", metavar="FORMAT", help="table or json.")]
    = OutputFormat.table,
    xlsx: Annotated[Optional[Path], typer.Option(
        "--xlsx", metavar="FILE", help="Also write an Excel workbook to this path.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --xlsx file.")] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    """Settle a covenant and its addenda; without --realisation, show the maxima."""
    _state.color = color
    from convenant_cli.engine.settlement import settle as settle_agreement
    from convenant_cli.loading.inputs import settlement_inputs
    from convenant_cli.loading.workspace import Workspace

    workspace = Workspace()
    docs = _load_valid(workspace, list(files) + list(realisation or []))
    inputs = settlement_inputs(docs[: len(files)], docs[len(files):])
    settlements = [settle_agreement(item.agreement, item.rules, item.realisation) for item in inputs]
    combined = None
    if len(settlements) > 1:
        from convenant_cli.engine.combination import combine

        combined = combine(settlements)
    if xlsx is not None:
        from convenant_cli.app.output_file import write_atomically
        from convenant_cli.loading.workspace import file_records
        from convenant_cli.render.settlement.xlsx import Provenance, build_workbook
        from convenant_cli.render.workbook import save

        created = _now()
        book = build_workbook(settlements, combined, Provenance(__version__, created, tuple(file_records(workspace))))
        write_atomically(xlsx, lambda path: save(book, path, created), force=force,
                         inputs=[doc.path for doc in workspace.documents.values()])
    if output_format is OutputFormat.json:
        from convenant_cli.render.settlement.json import render_json

        _write(render_json(settlements, explain))
    else:
        from convenant_cli.render.settlement.table import render_tables

        _print(render_tables(settlements, combined, explain))
    if xlsx is not None:
        _say(f"werkmap geschreven: {xlsx}", None, prefix="opmerking")
    unsettled = [s.id for s in settlements if not s.settled]
    if unsettled:
        _say(f"{', '.join(unsettled)}: maxima, geen afrekening; voeg --realisation toe met het eindrapport "
             "(kind: realisation) om af te rekenen", None, prefix="opmerking")


@command("diff")
@guarded
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier version.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later version.")],
    realisation: Annotated[Optional[list[Path]], typer.Option(
        "--realisation", "-r", metavar="FILE",
        help="Settle both versions of a covenant on this eindrapport (or one for each) to show the money "
        "effect.")] = None,
    output_format: Annotated[OutputFormat, typer.Option("--format", metavar="FORMAT", help="table or json.")]
    = OutputFormat.table,
    xlsx: Annotated[Optional[Path], typer.Option(
        "--xlsx", metavar="FILE", help="Also write the changes to a workbook.")] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace an existing --xlsx file.")] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    """Compare two versions: exit 0 the same, 1 different, 2 error (as diff(1))."""
    _state.color = color
    from convenant_cli.engine.diff import KindMismatchError
    from convenant_cli.engine.diff import diff as diff_models
    from convenant_cli.loading.inputs import diff_inputs, readable
    from convenant_cli.loading.workspace import Workspace

    workspace = Workspace(lenient_identifiers=True)
    docs = [workspace.load(old), workspace.load(new)]
    facts = [workspace.load(path) for path in realisation or []]
    _report_problems(workspace)
    unreadable = [doc.name for doc in docs + facts if not readable(doc)]
    before, after = docs[0].model, docs[1].model
    if unreadable or before is None or after is None:
        raise _fail(f"cannot compare: the structure of {', '.join(unreadable)} cannot be read; fix the problems "
                    "above first", None, ExitStatus.USAGE)
    try:
        result = diff_models(before, after)
    except KindMismatchError as error:
        raise UsageError(f"{docs[0].name} and {docs[1].name}: {error}",
                         "compare two versions of the same kind of file, or a covenant and its extension") from None
    inputs = diff_inputs(docs[0], docs[1], facts)
    effect = None
    if inputs.settlements is not None:
        from convenant_cli.engine.money_effect import settlement_effect
        from convenant_cli.engine.settlement import settle as settle_agreement

        old_settlement, new_settlement = (settle_agreement(item.agreement, item.rules, item.realisation)
                                          for item in inputs.settlements)
        effect = settlement_effect(old_settlement, new_settlement)
    elif isinstance(docs[0].model, type(docs[1].model)) and docs[0].kind is Kind.REALISATION:
        _say("geen geldeffect: een van de eindrapporten of zijn convenant heeft fouten (zie hierboven)", None,
             prefix="opmerking")
    from convenant_cli.render.diff.view import DiffView

    view = DiffView(result, docs[0].name, docs[1].name, effect, inputs.realisations, workspace.diagnostics())
    if xlsx is not None:
        from convenant_cli.app.output_file import write_atomically
        from convenant_cli.render.diff.xlsx import build_workbook as build_diff_workbook
        from convenant_cli.render.workbook import save

        created = _now()
        book = build_diff_workbook(view)
        write_atomically(xlsx, lambda path: save(book, path, created), force=force,
                         inputs=[doc.path for doc in workspace.documents.values()])
    if output_format is OutputFormat.json:
        from convenant_cli.render.diff.json import render_json as render_diff_json

        _write(render_diff_json(view))
    elif result.same:
        _say(f"geen verschillen tussen {view.old_name} en {view.new_name}", None, prefix="opmerking")
    else:
        from convenant_cli.render.diff.table import render_table as render_diff_table

        _print(render_diff_table(view))
    raise typer.Exit(int(ExitStatus.OK if result.same else ExitStatus.PROBLEMS))


@command("test")
@guarded
def golden_cases(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Case files, or folders searched for them (kind: case).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", metavar="FORMAT", help="table (text) or json.")]
    = OutputFormat.table,
) -> None:
    """Run golden cases: exit 0 all pass, 1 any fails, 2 usage or I/O error."""
    from convenant_cli.app.cases import find_cases, run_case
    from convenant_cli.loading.workspace import Workspace

    workspace = Workspace()
    cases, unreadable = find_cases(workspace, paths)
    for problem in unreadable:
        _say(problem.message, problem.hint)
    if unreadable:
        raise typer.Exit(int(ExitStatus.USAGE))
    if not cases:
        raise UsageError("no case files (kind: case) under the given paths", "a golden case says `kind: case`")
    results = [run_case(workspace, doc) for doc in cases]
    if output_format is OutputFormat.json:
        from convenant_cli.render.cases import render_json

        _write(render_json(results))
    else:
        from convenant_cli.render.cases import render_text

        _write(render_text(results))
    if not all(result.passed for result in results):
        raise typer.Exit(int(ExitStatus.PROBLEMS))


@command("schema")
@guarded
def schema(
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", metavar="KIND", help=f"Only this kind ({', '.join(Kind.names())}); default: all, on `kind`.")] = None,
) -> None:
    """Print the JSON Schema of the file kinds (for editors and CI tools)."""
    import json

    from convenant_cli.models.schema import json_schema

    _write(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n")


# -- the process ----------------------------------------------------------------------------

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
