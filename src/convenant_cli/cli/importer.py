"""`convenant import FILE.xlsx [-o FILE.yaml] [--convenant FILE]`: a filled-in eindrapport
workbook back into a realisation YAML, checked as `validate` checks it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli.cli.language import LangOption
from convenant_cli.cli.output import guarded, report_problems, say_written, single_command, write
from convenant_cli.domain.errors import ExitStatus
from convenant_cli.domain.language import N_, _
from convenant_cli.render.diagnostics.text import label


@guarded
def import_workbook(
    workbook: Annotated[Path, typer.Argument(metavar=N_("FILE.xlsx"), help=N_("The eindrapport workbook, filled in."))],
    output: Annotated[Optional[Path], typer.Option(
        "--output", "-o", metavar=N_("FILE"),
        help=N_("Write the realisation here instead of to standard output."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --output file."))] = False,
    convenant: Annotated[Optional[Path], typer.Option(
        "--convenant", metavar=N_("FILE"),
        help=N_("The covenant or addendum the workbook was written for; without it, the one of the project "
                "with the workbook's Id."))] = None,
    lang: LangOption = None,
) -> None:
    from convenant_cli.app.import_workbook import import_realisation
    from convenant_cli.render.safe_text import visible

    imported = import_realisation(workbook, output, convenant)
    workspace, reading, text = imported.workspace, imported.reading, imported.text
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
    from convenant_cli.app.output_file import write_atomically

    def write_text(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    read = [path for path in workspace.inputs if path != output.resolve()]  # not the new file, checked in memory
    write_atomically(output, write_text, force=force, inputs=[workbook, *read])
    say_written(output, _("check it with `convenant validate {output}`").format(output=output))


command = single_command("import", import_workbook, N_("Read a filled-in eindrapport workbook into a realisation: "
                                                       "exit 0 read, 1 problems, 2 usage or I/O error."))
