"""`convenant validate PATH...`: every problem of every file, in the report format asked for."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from convenant_cli.app.validate import STDIN, deliver_report, validate_paths
from convenant_cli.cli.choices import choice
from convenant_cli.cli.output import (
    ColorOption,
    colored,
    count,
    guarded,
    plural,
    say,
    single_command,
    state,
    write,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus, UsageError
from convenant_cli.render.diagnostics import DiagnosticFormat

if TYPE_CHECKING:
    from convenant_cli.app.validate import Validation


@guarded
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Files, or folders searched for *.yaml and *.yml; - reads one file from standard "
        "input.")],
    output_format: Annotated[DiagnosticFormat, typer.Option(
        "--format", metavar="FORMAT", parser=choice(DiagnosticFormat),
        help="text (for people), json, or for CI: github, gitlab (Code Quality), "
        "sarif (2.1.0), junit, azure.")] = DiagnosticFormat.TEXT,
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
    state.color = color
    if paths.count(STDIN) > 1:
        raise UsageError("- (standard input) given more than once", "give - once; a file named - is ./-")
    stdin = _read_stdin() if STDIN in paths else None
    run = validate_paths(paths, stdin=stdin, with_dependants=dependants)
    diagnostics = run.workspace.diagnostics()
    errors, warnings = count(diagnostics)
    text = output_format is DiagnosticFormat.TEXT
    for chunk in deliver_report(run, diagnostics, output_format, output, force=force, strict=strict,
                                color=output is None and text and colored(sys.stdout)):
        write(chunk)
    # the counts beside a report for people, or one written to a file; never beside a report on stdout
    _summarise(run, errors, warnings, verbose=verbose, counts=text or output is not None)
    for problem in run.unreadable:
        say(problem.message, problem.hint)
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


def _summarise(run: Validation, errors: int, warnings: int, *, verbose: bool, counts: bool) -> None:
    """On stderr: with `verbose`, each file skipped, each dependant checked and each warning
    accepted; the counts."""
    workspace = run.workspace
    if verbose:
        for name in workspace.skipped:
            say(f"{name}: skipped, not a convenant file (no schema_version, kind or convenant keys)", None,
                prefix="note")
        for name, target in run.dependants.items():
            say(f"{name}: checked, it refers to {target}", None, prefix="note")
        for item in workspace.accepted():
            where = item.diagnostic.location
            say(f"{where.file}:{where.line}:{where.col}: warning[{item.diagnostic.code}] accepted: "
                f"{item.diagnostic.message} -- {item.reason}", None, prefix="note")
    if not run.dependants_complete:
        say("the search for files that refer to the given files stopped: the project folder holds too many "
            "files", "run `convenant validate` on the folder that holds the convenant files", prefix="note")
    if not counts:
        return
    line = f"{plural(len(run.checked), 'file')} checked"
    if run.dependants:
        line += f" ({len(run.dependants)} referring to a given file)"
    if workspace.skipped:
        line += f", {len(workspace.skipped)} skipped (not convenant files{'' if verbose else '; --verbose lists them'})"
    line = f"{line}: {plural(errors, 'error')}, {plural(warnings, 'warning')}"
    accepted = len(workspace.accepted())
    if accepted:
        line += f" ({accepted} accepted{'' if verbose else '; --verbose lists them'})"
    write(f"{line}\n", err=True)


command = single_command("validate", validate)
