"""`convenant import FILE.xlsx [-o FILE.yaml]`: a filled-in eindrapport workbook back into a
realisation YAML, checked as `validate` checks it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli.cli.output import (
    ColorOption,
    guarded,
    output_option,
    report_problems,
    say_written,
    single_command,
    standard_output_or,
    state,
    write,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus
from convenant_cli.domain.language import N_, _
from convenant_cli.render.diagnostics.text import label


@guarded
def import_workbook(
    workbook: Annotated[Path, typer.Argument(metavar=N_("FILE.xlsx"), help=N_("The eindrapport workbook, filled in."))],
    output: Annotated[Optional[Path], output_option(
        N_("Write the realisation here instead of to standard output (- is standard output)."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --output file."))] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    output = standard_output_or(output)
    from convenant_cli.app.import_workbook import import_realisation
    from convenant_cli.render.safe_text import visible

    workspace, reading, text = import_realisation(workbook, output)
    for problem in reading.problems:  # text from the workbook is data: made visible, never raw
        where = problem.location
        write(f"{visible(where.file)}: {label(problem.severity)}[{problem.code}]: {visible(problem.message)}\n")
        if problem.hint:
            write(f"  {_('hint:')} {visible(problem.hint)}\n")
    if report_problems(workspace) or reading.errors or text is None:
        raise typer.Exit(int(ExitStatus.PROBLEMS))
    if output is None:
        write(text)
        return
    from convenant_cli.app.staging import write_atomically

    def write_text(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    read = [path for path in workspace.inputs if path != output.resolve()]  # not the new file, checked in memory
    write_atomically(output, write_text, force=force, inputs=[workbook, *read])
    say_written(output, _("check it with `convenant validate {output}`").format(output=output))


command = single_command("import", import_workbook, N_("Read a filled-in eindrapport workbook into a realisation: "
                                                       "exit 0 read, 1 problems, 2 usage or I/O error."))
