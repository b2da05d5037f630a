"""`convenant diff OLD NEW [--realisation R]... [--assessment A]...`: what changed, and what it
does to the money."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli.app.compare import DiffFormat, compare_versions, load_versions, render_diff
from convenant_cli.cli.choices import table_or_json_option
from convenant_cli.cli.output import (
    NOTE,
    ColorOption,
    as_text,
    guarded,
    now,
    output_option,
    realisation_option,
    report_problems,
    say,
    say_written,
    show,
    single_command,
    standard_output_or,
    state,
    xlsx_option,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus
from convenant_cli.domain.language import N_, _


@guarded
def diff(
    old: Annotated[Path, typer.Argument(metavar=N_("OLD"), help=N_("The earlier version."))],
    new: Annotated[Path, typer.Argument(metavar=N_("NEW"), help=N_("The later version."))],
    realisation: Annotated[Optional[list[Path]], realisation_option(
        N_("Settle both versions of a covenant on this eindrapport (or one for each) to show the money effect."))]
    = None,
    assessment: Annotated[Optional[list[Path]], typer.Option(
        "--assessment", metavar=N_("FILE"), help=N_(
            "The auditor's assessment of an eindrapport given (kind: assessment), matched by its `realisation:`; "
            "repeat for each."))] = None,
    output_format: Annotated[DiffFormat, table_or_json_option(DiffFormat)] = DiffFormat.TABLE,
    xlsx: Annotated[Optional[Path], xlsx_option(N_("Also write the changes to a workbook."))] = None,
    output: Annotated[Optional[Path], output_option(
        N_("Write the table or JSON to this file instead of standard output (- is standard output)."))] = None,
    force: Annotated[bool, typer.Option("--force", help=N_("Replace an existing --xlsx or --output file."))] = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    workspace, docs, facts, judgements = load_versions(old, new, list(realisation or []), list(assessment or []))
    report_problems(workspace)
    run = compare_versions(workspace, docs, facts, judgements)
    if run.no_money_effect:
        say(_("no money effect: an eindrapport or its covenant has errors (see above)"), None,
            prefix=NOTE)
    if run.agreements is not None:
        say(_("{old} and {new} are of two agreements ({id}, {id2}), not two versions of one: the changes are how "
              "they differ").format(old=run.view.old_name, new=run.view.new_name, id=run.agreements[0],
                                    id2=run.agreements[1]), None, prefix=NOTE)
    rendered = render_diff(run, output_format)
    target = standard_output_or(output)
    if xlsx is not None or target is not None:
        from convenant_cli.app.compare import write_diff_outputs

        write_diff_outputs(run, xlsx=xlsx, output=target, text=lambda: as_text(rendered or ""), created=now(),
                           force=force)
    if rendered is None:
        say(_("no differences between {old} and {new}")
            .format(old=run.view.old_name, new=run.view.new_name), None, prefix=NOTE)
    elif target is None:
        show(rendered)
    for written in (xlsx, target):
        if written is not None:
            say_written(written)
    raise typer.Exit(int(ExitStatus.OK if run.view.result.same else ExitStatus.PROBLEMS))


command = single_command("diff", diff, N_("Compare two versions: exit 0 the same, 1 different, 2 error (as diff(1))."))
