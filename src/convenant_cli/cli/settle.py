"""`convenant settle FILE... [--realisation R]...`: the settlement, or the maxima."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli import __version__
from convenant_cli.app.settle import (
    SettlementFormat,
    SettleOutputs,
    load_settlement,
    render_settlement,
    settle_documents,
)
from convenant_cli.cli.choices import as_of_option, parse_day, table_or_json_option
from convenant_cli.cli.output import (
    NOTE,
    ColorOption,
    as_text,
    guarded,
    now,
    output_option,
    progress_bar,
    realisation_option,
    say,
    say_written,
    show,
    single_command,
    standard_output_or,
    state,
    stop_on_errors,
    xlsx_option,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import N_, _

# Aliases: typer evaluates each parameter's annotation from its text (this module's annotations
# are strings), and a short name is far cheaper to evaluate at every start than the whole option.
FilesArgument = Annotated[list[Path], typer.Argument(
    metavar=N_("PATH"), help=N_("Covenants and addenda, or folders: every covenant and addendum under them is settled "
                                "with the realisation that names it (kind: realisation), or shown as maxima without "
                                "one."))]
RealisationOption = Annotated[Optional[list[Path]], realisation_option(
    N_("The eindrapport facts (kind: realisation); repeat for each file."))]
AssessmentOption = Annotated[Optional[list[Path]], typer.Option(
    "--assessment", metavar=N_("FILE"), help=N_(
        "The auditor's assessment of an eindrapport (kind: assessment): the verdicts and corrections that settle "
        "it; repeat for each file. Without one, a qualitative commitment waits and the settlement is provisional."))]
ExplainOption = Annotated[bool, typer.Option("--explain", help=N_("Show every figure's rule, article and arithmetic."))]
AsOfOption = Annotated[Optional[date], as_of_option(
    N_("An interim view at this day (Art. 6): the deduction accrued and the advances paid up to and including it, "
       "each work year's commitments judged once it has ended; nothing payable before the term ends."))]
FormatOption = Annotated[SettlementFormat, table_or_json_option(SettlementFormat)]
XlsxOption = Annotated[Optional[Path], xlsx_option(N_("Also write an Excel workbook to this path."))]
HtmlOption = Annotated[Optional[Path], typer.Option("--html", metavar=N_("FOLDER"), help=N_(
    "Also write an HTML report into this new folder: an index, a page per agreement with each beneficiary's figures "
    "and staffing timeline, and the sources; it opens from disk and prints on A4."))]
ReferenceOption = Annotated[Optional[str], typer.Option("--reference", metavar=N_("TEXT"), help=N_(
    "The reference of the settlement decision, printed in the heading of every page of the --html report (the annex "
    "of the settlement letter)."))]
DateOption = Annotated[Optional[date], typer.Option("--date", metavar=N_("DAY"), parser=parse_day, help=N_(
    "The date of issue in the heading of the --html report, as YYYY-MM-DD; default today (SOURCE_DATE_EPOCH when "
    "set)."))]
OutputOption = Annotated[Optional[Path], output_option(
    N_("Write the table or JSON to this file instead of standard output (- is standard output)."))]
ForceOption = Annotated[bool, typer.Option("--force", help=N_(
    "Replace an existing --xlsx or --output file, or an --html report written before."))]


@guarded
def settle(
    files: FilesArgument,
    realisation: RealisationOption = None,
    assessment: AssessmentOption = None,
    explain: ExplainOption = False,
    as_of: AsOfOption = None,
    output_format: FormatOption = SettlementFormat.TABLE,
    xlsx: XlsxOption = None,
    html: HtmlOption = None,
    reference: ReferenceOption = None,
    issued: DateOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    if html is None and (reference is not None or issued is not None):
        raise UsageError(_("--reference and --date are the heading of the --html report; there is no report without "
                           "--html"), _("add --html FOLDER, or leave them out"))
    workspace, found = load_settlement(list(files), list(realisation or []), list(assessment or []))
    stop_on_errors(workspace)
    with progress_bar(N_("settling")) as advance:
        run = settle_documents(workspace, found, advance, as_of=as_of)
    rendered = render_settlement(run, output_format, explain=explain)
    outputs = SettleOutputs(xlsx=xlsx, html=html, output=standard_output_or(output), force=force,
                            reference=reference, issued=issued)
    if outputs.any:
        from convenant_cli.app.settle import write_settlement_outputs

        write_settlement_outputs(run, outputs, lambda: as_text(rendered), version=__version__, created=now())
    if outputs.output is None:
        show(rendered)
    for written in (outputs.xlsx, outputs.output):
        if written is not None:
            say_written(written)
    if outputs.html is not None:
        say_written(outputs.html / "index.html")
    for folder in found.case_folders:
        say(_("{folder}: golden cases and their files, left out of the settlement; run them with `convenant test "
              "{folder}`").format(folder=folder), None, prefix=NOTE)
    for note in run.notes:
        say(note, None, prefix=NOTE)
    if run.unsettled:
        say(_("{unsettled}: maxima, no settlement; add --realisation with the eindrapport (kind: realisation) "
              "to settle").format(unsettled=', '.join(run.unsettled)), None, prefix=NOTE)


command = single_command("settle", settle, N_("Settle covenants and their addenda; without a realisation, show the "
                                              "maxima."))
