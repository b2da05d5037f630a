"""`convenant new realisation|assessment|convenant|addendum|case`: a file to start from, on standard
output or in `-o FILE` (never over an existing file without `--force`)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Optional

import typer

from convenant_cli.cli.choices import as_of_option
from convenant_cli.cli.help import Command, Group
from convenant_cli.cli.output import (
    STDOUT,
    ColorOption,
    guarded,
    now,
    output_option,
    say_written,
    standard_output_or,
    state,
    stop_on_errors,
    write,
)
from convenant_cli.cli.terminal import ColorMode
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import N_, _

OutputOption = Annotated[Optional[Path], output_option(
    N_("Write the file here instead of to standard output (- is standard output)."))]
ForceOption = Annotated[bool, typer.Option("--force", help=N_("Replace an existing --output file."))]

command = typer.Typer(cls=Group, add_completion=False, pretty_exceptions_enable=False, no_args_is_help=True,
                      help=N_("Start a file: an eindrapport for an agreement, the auditor's assessment of an "
                              "eindrapport, a covenant, an addendum or a golden case."))


def _deliver(text: str, output: Path | None, force: bool, inputs: list[Path]) -> None:
    output = standard_output_or(output)
    if output is None:
        write(text)
        return
    from convenant_cli.app.staging import write_atomically

    def write_text(path: Path) -> None:
        path.write_text(text, encoding="utf-8")

    write_atomically(output, write_text, force=force, inputs=inputs)
    say_written(output, _("fill in every empty value and check it with `convenant validate {output}`")
                .format(output=output))


@command.command("realisation", cls=Command, help=N_("An eindrapport to fill in: every result commitment and target, "
                                                     "every beneficiary."))
@guarded
def new_realisation(
    agreement: Annotated[Path, typer.Argument(
        metavar=N_("AGREEMENT"), help=N_("The covenant or addendum it reports on."))],
    output: OutputOption = None,
    xlsx: Annotated[Optional[Path], typer.Option(
        "--xlsx", metavar=N_("FILE"),
        help=N_("Write a workbook to fill in instead (sheets Resultaten, Consulenten, Afwezigheden, Voorschotten, "
                "Kosten); read it back with `convenant import`."))] = None,
    from_realisation: Annotated[Optional[Path], typer.Option(
        "--from", metavar=N_("REALISATION"), help=N_("Prefill the workbook from this eindrapport."))] = None,
    as_of: Annotated[Optional[date], as_of_option(
        N_("A progress report at this day instead (Art. 6): only the targets of the work years ended by then; an "
           "absence still going on has no end."))] = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    from convenant_cli.app.new import load_agreement, realisation_skeleton

    if xlsx == STDOUT:
        raise UsageError(_("--xlsx -: a workbook is never written to standard output"),
                         _("give the workbook a file name, e.g. --xlsx eindrapport.xlsx"))
    workspace, doc, model = load_agreement(agreement)
    stop_on_errors(workspace)
    if xlsx is None:
        if from_realisation is not None:
            raise UsageError(_("--from prefills a workbook"), _("add --xlsx FILE.xlsx"))
        _deliver(realisation_skeleton(model, agreement, standard_output_or(output), as_of), output, force, [doc.path])
        return
    if as_of is not None:
        raise UsageError(_("--as-of writes a progress report in YAML, not a workbook"), _("leave out --xlsx"))
    from convenant_cli.app.new import write_fill_in_workbook

    write_fill_in_workbook(workspace, doc, xlsx, from_realisation, created=now(), force=force)
    stop_on_errors(workspace)
    say_written(xlsx, _("fill it in and read it back with `convenant import {xlsx}`").format(xlsx=xlsx))


@command.command("assessment", cls=Command, help=N_("The auditor's assessment of an eindrapport to fill in: a "
                                                    "verdict for every qualitative commitment, the measured values "
                                                    "for reference."))
@guarded
def new_assessment(
    realisation: Annotated[Path, typer.Argument(
        metavar=N_("REALISATION"), help=N_("The eindrapport it judges (kind: realisation)."))],
    output: OutputOption = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    from convenant_cli.app.new_assessment import assessment_skeleton, load_realisation

    workspace, doc = load_realisation(realisation)
    stop_on_errors(workspace)
    _deliver(assessment_skeleton(doc, standard_output_or(output)), output, force, [doc.path])


@command.command("convenant", cls=Command, help=N_("A covenant to fill in from its text (Art. 1, 2 and 5)."))
@guarded
def new_convenant(
    identifier: Annotated[str, typer.Argument(metavar=N_("ID"), help=N_("The covenant's id, e.g. metaal-2025-2027."))],
    output: OutputOption = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    from convenant_cli.app.new import convenant_skeleton

    _deliver(convenant_skeleton(identifier), output, force, [])


@command.command("addendum", cls=Command, help=N_("An addendum to a covenant, its beneficiaries listed (Art. 8: the "
                                                  "covenant's rules apply)."))
@guarded
def new_addendum(
    parent: Annotated[Path, typer.Option("--parent", metavar=N_("FILE"), help=N_("The covenant it belongs to."))],
    output: OutputOption = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    from convenant_cli.app.new import addendum_skeleton, load_parent

    workspace, doc, model = load_parent(parent)
    stop_on_errors(workspace)
    _deliver(addendum_skeleton(model, parent, standard_output_or(output)), output, force, [doc.path])


@command.command("case", cls=Command, help=N_("A golden case that records the figures computed now, to be checked by "
                                              "hand."))
@guarded
def new_case(
    settle: Annotated[list[Path], typer.Option("--settle", metavar=N_("FILE"), help=N_("A file to settle; repeat."))],
    realisation: Annotated[Optional[list[Path]], typer.Option(
        "--realisation", "-r", metavar=N_("FILE"), help=N_("An eindrapport; repeat."))] = None,
    assessment: Annotated[Optional[list[Path]], typer.Option(
        "--assessment", metavar=N_("FILE"), help=N_("The auditor's assessment of an eindrapport; repeat."))] = None,
    output: OutputOption = None,
    force: ForceOption = False,
    color: ColorOption = ColorMode.auto,
) -> None:
    state.color = color
    from convenant_cli.app.new import case_skeleton
    from convenant_cli.loading.workspace import Workspace

    workspace = Workspace()
    text = case_skeleton(workspace, list(settle), list(realisation or []), standard_output_or(output),
                         list(assessment or []))
    stop_on_errors(workspace)  # the files' problems, before the refusal that names them
    if text is None:
        raise UsageError(_("the files to settle have errors (see above); a case records a settlement"),
                         _("fix them with `convenant validate` first"))
    _deliver(text, output, force, [doc.path for doc in workspace.documents.values()])
