"""`convenant validate PATH...`: every problem of every file, in the report format asked for."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from convenant_cli.app.validate import STDIN, deliver_report, validate_paths
from convenant_cli.cli.choices import choice
from convenant_cli.cli.output import (
    NOTE,
    ColorOption,
    colored,
    count,
    guarded,
    say,
    say_written,
    single_command,
    state,
    write,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus, UsageError
from convenant_cli.domain.language import N_, _, ngettext
from convenant_cli.render.diagnostics import DiagnosticFormat

if TYPE_CHECKING:
    from convenant_cli.app.validate import Validation


@guarded
def validate(
    paths: Annotated[list[Path], typer.Argument(
        metavar=N_("PATH"), help=N_("Files, or folders searched for *.yaml and *.yml; - reads one file from standard "
                                "input."))],
    output_format: Annotated[DiagnosticFormat, typer.Option(
        "--format", metavar=N_("FORMAT"), parser=choice(DiagnosticFormat),
        help=N_("text (for people), json, or for CI: github, gitlab (Code Quality), sarif (2.1.0), junit, "
                "azure."))] = DiagnosticFormat.TEXT,
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar=N_("FILE"),
        help=N_("Write the report to this file instead of standard output."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --output file."))] = False,
    strict: Annotated[bool, typer.Option("--strict", help=N_("Warnings fail too."))] = False,
    dependants: Annotated[bool, typer.Option(
        "--dependants/--no-dependants", show_default=False,
        help=N_("Also check the files that refer to a file named here, as a realisation refers to its covenant (the "
                "default); or only the files given."))] = True,
    verbose: Annotated[bool, typer.Option(
        "--verbose", "-v",
        help=N_("List the files skipped as no convenant files, and the dependants checked."))] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    if paths.count(STDIN) > 1:
        raise UsageError(_("- (standard input) given more than once"), _("give - once; a file named - is ./-"))
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
    if output is not None:
        say_written(output)
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
        raise UsageError(_("cannot read standard input ({error})").format(error=error)) from None


def _summarise(run: Validation, errors: int, warnings: int, *, verbose: bool, counts: bool) -> None:
    """On stderr: with `verbose`, each file skipped, each dependant checked and each warning
    accepted; the counts."""
    workspace = run.workspace
    if verbose:
        for name in workspace.skipped:
            say(_("{name}: skipped, not a convenant file (no schema_version, kind or convenant keys)")
                .format(name=name), None, prefix=NOTE)
        for name, target in run.dependants.items():
            say(_("{name}: checked, it refers to {target}").format(name=name, target=target), None, prefix=NOTE)
        for item in workspace.accepted():
            where = item.diagnostic.location
            say(_("{file}:{line}:{col}: warning[{code}] accepted: {message} -- {reason}")
                .format(file=where.file, line=where.line, col=where.col, code=item.diagnostic.code,
                        message=item.diagnostic.message, reason=item.reason), None, prefix=NOTE)
    if not run.dependants_complete:
        say(_("the search for files that refer to the given files stopped: the project folder holds too "
              "many files"), _("run `convenant validate` on the folder that holds the convenant files"), prefix=NOTE)
    if not counts:
        return
    checked = len(run.checked)
    line = ngettext("{count} file checked", "{count} files checked", checked).format(count=checked)
    if run.dependants:
        line += " " + ngettext("({count} referring to a given file)", "({count} referring to a given file)",
                               len(run.dependants)).format(count=len(run.dependants))
    if workspace.skipped:
        skipped = (_("{count} skipped (not convenant files)") if verbose
                   else _("{count} skipped (not convenant files; --verbose lists them)"))
        line += ", " + skipped.format(count=len(workspace.skipped))
    line = _("{checked}: {errors}, {warnings}").format(
        checked=line, errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings))
    accepted = len(workspace.accepted())
    if accepted:
        note = _("({count} accepted)") if verbose else _("({count} accepted; --verbose lists them)")
        line += " " + note.format(count=accepted)
    write(f"{line}\n", err=True)


command = single_command("validate", validate, N_("Check files for every problem: exit 0 clean, 1 problems, 2 usage "
                                                  "or I/O error."))
