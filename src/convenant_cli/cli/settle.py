"""`convenant settle FILE... [--realisation R]...`: the settlement, or the maxima."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli import __version__
from convenant_cli.app.settle import SettlementFormat, load_settlement, render_settlement, settle_documents
from convenant_cli.cli.choices import table_or_json_option
from convenant_cli.cli.output import (
    ColorOption,
    ForceXlsxOption,
    guarded,
    now,
    progress_bar,
    realisation_option,
    say,
    show,
    single_command,
    state,
    stop_on_errors,
    xlsx_option,
)
from convenant_cli.cli.terminal import ColorMode


@guarded
def settle(
    files: Annotated[list[Path], typer.Argument(
        metavar="PATH", help="Covenants and addenda, or folders: every covenant and addendum under them is settled "
        "with the realisation that names it (kind: realisation), or shown as maxima without one.")],
    realisation: Annotated[Optional[list[Path]], realisation_option(
        "The eindrapport facts (kind: realisation); repeat for each file.")] = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show every figure's rule, article and arithmetic.")]
    = False,
    output_format: Annotated[SettlementFormat, table_or_json_option(SettlementFormat)] = SettlementFormat.TABLE,
    xlsx: Annotated[Optional[Path], xlsx_option("Also write an Excel workbook to this path.")] = None,
    force: ForceXlsxOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    """Settle covenants and their addenda; without a realisation, show the maxima."""
    state.color = color
    workspace, found = load_settlement(list(files), list(realisation or []))
    stop_on_errors(workspace)
    with progress_bar("afrekenen") as advance:
        run = settle_documents(workspace, found, advance)
    if xlsx is not None:
        from convenant_cli.app.settle import write_settlement_workbook

        write_settlement_workbook(run, xlsx, version=__version__, created=now(), force=force)
    show(render_settlement(run, output_format, explain=explain))
    if xlsx is not None:
        say(f"werkmap geschreven: {xlsx}", None, prefix="opmerking")
    if run.unsettled:
        say(f"{', '.join(run.unsettled)}: maxima, geen afrekening; voeg --realisation toe met het eindrapport "
            "(kind: realisation) om af te rekenen", None, prefix="opmerking")


command = single_command("settle", settle)
