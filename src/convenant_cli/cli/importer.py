"""`convenant import FILE.xlsx [-o FILE.yaml] [--convenant FILE]`: a filled-in eindrapport
workbook back into a realisation YAML, checked as `validate` checks it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from convenant_cli.cli.output import (
    NOTE,
    ColorOption,
    count,
    guarded,
    output_option,
    report_problems,
    say,
    say_written,
    single_command,
    standard_output_or,
    state,
    write,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus
from convenant_cli.domain.language import N_, _, ngettext
from convenant_cli.render.diagnostics.text import label

if TYPE_CHECKING:
    from convenant_cli.app.import_workbook import Imported


@guarded
def import_workbook(
    workbook: Annotated[Path, typer.Argument(metavar=N_("FILE.xlsx"), help=N_("The eindrapport workbook, filled in."))],
    output: Annotated[Optional[Path], output_option(
        N_("Write the realisation here instead of to standard output (- is standard output)."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --output file."))] = False,
    color: ColorOption = ColorMode.auto,
    convenant: Annotated[Optional[Path], typer.Option(
        "--convenant", metavar=N_("FILE"),
        help=N_("The covenant or addendum the workbook was written for; without it, the one of the project "
                "with the workbook's Id."))] = None,
) -> None:
    state.color = color
    output = standard_output_or(output)
    from convenant_cli.app.import_workbook import import_realisation
    from convenant_cli.render.safe_text import visible

    imported = import_realisation(workbook, output, convenant)
    workspace, reading, text = imported.workspace, imported.reading, imported.text
    shown, left_out = reading.shown()
    for problem in shown:  # on stderr, as validate's; text from the workbook is data: made visible, never raw
        where = problem.location
        write(f"{visible(where.file)}: {label(problem.severity)}[{problem.code}]: {visible(problem.message)}\n",
              err=True)
        if problem.hint:
            write(f"  {_('hint:')} {visible(problem.hint)}\n", err=True)
    for sheet, more in left_out.items():
        write(visible(f"{reading.name}:{sheet}: ") + ngettext("{count} more problem not shown",
                                                              "{count} more problems not shown", more)
              .format(count=more) + "\n", err=True)
    agreement_errors = report_problems(workspace)

    def summarise() -> None:  # after the realisation is out: a failed write says only what was not written
        _summarise(imported, errors=len(reading.errors) + agreement_errors,
                   warnings=len(reading.problems) - len(reading.errors) + count(workspace.diagnostics())[1])

    if agreement_errors or reading.errors or text is None:
        summarise()
        raise typer.Exit(int(ExitStatus.PROBLEMS))
    if output is None:
        write(text)
        summarise()
        return
    from convenant_cli.app.staging import write_atomically

    def write_text(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    read = [path for path in workspace.inputs if path != output.resolve()]  # not the new file, checked in memory
    write_atomically(output, write_text, force=force, inputs=[workbook, *read])
    summarise()
    say_written(output, _("check it with `convenant validate {output}`").format(output=output))


def _summarise(imported: Imported, *, errors: int, warnings: int) -> None:
    """On stderr, as `validate` says it: the file checked and its problems; the rows read per
    sheet when the workbook was read whole."""
    from convenant_cli.reading.eindrapport_format import SHEETS

    line = ngettext("{count} file checked", "{count} files checked", 1).format(count=1)
    write(_("{checked}: {errors}, {warnings}").format(
        checked=line, errors=ngettext("{count} error", "{count} errors", errors).format(count=errors),
        warnings=ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings)) + "\n", err=True)
    if imported.text is not None:
        rows = ", ".join(ngettext("{sheet} {count} row", "{sheet} {count} rows", imported.rows.get(sheet, 0))
                         .format(sheet=sheet, count=imported.rows.get(sheet, 0)) for sheet in SHEETS)
        write(_("rows read: {rows}").format(rows=rows) + "\n", err=True)
    if imported.library_warnings:  # openpyxl's own words are English and name its internals: said in ours
        say(ngettext("{name}: openpyxl warned {count} time while reading the workbook (a part it does not read, or "
                     "a value it cannot convert); a cell whose value could not be read has a problem of its own",
                     "{name}: openpyxl warned {count} times while reading the workbook (a part it does not read, or "
                     "a value it cannot convert); a cell whose value could not be read has a problem of its own",
                     imported.library_warnings).format(name=imported.reading.name, count=imported.library_warnings),
            None, prefix=NOTE)


command = single_command("import", import_workbook, N_("Read a filled-in eindrapport workbook into a realisation: "
                                                       "exit 0 read, 1 problems, 2 usage or I/O error."))
