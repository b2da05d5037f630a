"""`convenant diff OLD NEW [--realisation R]...`: what changed, and what it does to the money."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli.app.compare import DiffFormat, compare_versions, load_versions, render_diff
from convenant_cli.cli.choices import table_or_json_option
from convenant_cli.cli.output import (
    ColorOption,
    ForceXlsxOption,
    guarded,
    now,
    realisation_option,
    report_problems,
    say,
    show,
    single_command,
    state,
    xlsx_option,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import ExitStatus


@guarded
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD", help="The earlier version.")],
    new: Annotated[Path, typer.Argument(metavar="NEW", help="The later version.")],
    realisation: Annotated[Optional[list[Path]], realisation_option(
        "Settle both versions of a covenant on this eindrapport (or one for each) to show the money effect.")]
    = None,
    output_format: Annotated[DiffFormat, table_or_json_option(DiffFormat)] = DiffFormat.TABLE,
    xlsx: Annotated[Optional[Path], xlsx_option("Also write the changes to a workbook.")] = None,
    force: ForceXlsxOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    """Compare two versions: exit 0 the same, 1 different, 2 error (as diff(1))."""
    state.color = color
    workspace, docs, facts = load_versions(old, new, list(realisation or []))
    report_problems(workspace)
    run = compare_versions(workspace, docs, facts)
    if run.no_money_effect:
        say("geen geldeffect: een van de eindrapporten of zijn convenant heeft fouten (zie hierboven)", None,
            prefix="opmerking")
    if xlsx is not None:
        from convenant_cli.app.compare import write_diff_workbook

        write_diff_workbook(run, xlsx, created=now(), force=force)
    rendered = render_diff(run, output_format)
    if rendered is None:
        say(f"geen verschillen tussen {run.view.old_name} en {run.view.new_name}", None, prefix="opmerking")
    else:
        show(rendered)
    raise typer.Exit(int(ExitStatus.OK if run.view.result.same else ExitStatus.PROBLEMS))


command = single_command("diff", diff)
