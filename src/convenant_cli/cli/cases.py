"""`convenant test PATH...`: the golden cases, one line each."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from convenant_cli.app.cases import CaseFormat, find_cases, render_results, run_case
from convenant_cli.cli.choices import choice
from convenant_cli.cli.output import ColorOption, colored, guarded, say, show, single_command, state
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus, UsageError
from convenant_cli.domain.language import N_, _
from convenant_cli.loading.workspace import Workspace


@guarded
def golden_cases(
    paths: Annotated[list[Path], typer.Argument(
        metavar=N_("PATH"), help=N_("Case files, or folders searched for them (kind: case)."))],
    output_format: Annotated[CaseFormat, typer.Option(
        "--format", metavar=N_("FORMAT"), parser=choice(CaseFormat), help=N_("table (text) or json."))]
    = CaseFormat.TABLE,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    workspace = Workspace()
    cases, unreadable = find_cases(workspace, paths)
    for problem in unreadable:
        say(problem.message, problem.hint)
    if unreadable:
        raise typer.Exit(int(ExitStatus.USAGE))
    if not cases:
        raise UsageError(_("no case files (kind: case) under the given paths"), _("a golden case says `kind: case`"))
    results = [run_case(workspace, doc) for doc in cases]
    show(render_results(results, output_format, color=colored(sys.stdout)))
    if not all(result.passed for result in results):
        raise typer.Exit(int(ExitStatus.PROBLEMS))


command = single_command("test", golden_cases, N_("Run golden cases: exit 0 all pass, 1 any fails, 2 usage or I/O "
                                                  "error."))
