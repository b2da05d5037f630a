"""The `settle` use case: load covenants and addenda (named, or found in folders), their
realisations and the auditor's assessments of those, settle each, group them in families
(R7) and a portfolio, write the evidence workbook, and render the result in the format
asked for. Knows no typer and no terminal: the command line prints what `render_settlement`
returns and the problems of the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _, ngettext
from convenant_cli.loading.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import RenderableType

    from convenant_cli.engine.families import Family, Portfolio
    from convenant_cli.engine.settlement import Settlement
    from convenant_cli.loading.inputs import SettlementInput
    from convenant_cli.models.document import LoadedDocument

SETTLED_KINDS = frozenset({Kind.CONVENANT, Kind.ADDENDUM, Kind.REALISATION, Kind.ASSESSMENT})


class SettlementFormat(StrEnum):
    """The formats of `settle --format` (the workbook is `--xlsx`, beside any of them)."""

    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True, kw_only=True)
class SettleFiles:
    """What a run read: the files named, the realisations and assessments named, what the
    folders held, and the folders of golden cases it left out (rulebook R7)."""

    named: list[LoadedDocument]
    realisations: list[LoadedDocument]
    found: list[LoadedDocument]
    case_folders: list[str]
    assessments: list[LoadedDocument] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True)
class SettleRun:
    workspace: Workspace
    settlements: list[Settlement]
    families: tuple[Family, ...]
    portfolio: Portfolio
    # what the reader of each settlement's view must know (an interim view, a day at the term's
    # end, a settlement that waits for the auditor), in the order of `settlements`
    view_notes: list[list[str]]
    left_out: list[str]  # the agreements not yet begun at the day of the view, each in a note

    @property
    def notes(self) -> list[str]:
        return self.left_out + [note for notes in self.view_notes for note in notes]

    @property
    def unsettled(self) -> list[str]:
        """The agreements shown as maxima: no realisation was given for them."""
        return [settlement.id for settlement in self.settlements if not settlement.settled]


def load_settlement(paths: list[Path], realisations: list[Path],
                    assessments: list[Path] | None = None) -> tuple[Workspace, SettleFiles]:
    """Load the files and folders to settle, then the realisations and assessments named; the
    workspace holds their problems. A folder brings every covenant, addendum, realisation and
    assessment under it."""
    from convenant_cli.loading.discovery import collect_files, shown_path

    workspace = Workspace()
    files = SettleFiles(named=[], realisations=[], found=[], case_folders=[])
    for path in paths:
        if path.is_dir():
            found, unreadable = collect_files([path])
            if unreadable:
                raise unreadable[0]
            found, left_out = without_cases(workspace, found)
            files.case_folders.extend(shown_path(folder) for folder in left_out)
            files.found.extend(doc for item in found if (doc := workspace.load_found(item, SETTLED_KINDS)))
        else:
            files.named.append(workspace.load(path))
    files.realisations.extend(workspace.load(path) for path in realisations)
    files.assessments.extend(workspace.load(path) for path in assessments or [])
    return workspace, files


def without_cases(workspace: Workspace, found: list[Path]) -> tuple[list[Path], list[Path]]:
    """A folder that holds a golden case (`kind: case`) is the case's, with everything under it:
    its covenants and eindrapporten are the fixtures of examples of the rules, not agreements of
    the generation (rulebook R7). The files left, and the case folders left out."""
    folders = sorted({path.parent for path in found if workspace.kind_of(path) == Kind.CASE.value})
    kept = [path for path in found if not any(folder in path.parents for folder in folders)]
    return kept, folders


def settle_documents(workspace: Workspace, files: SettleFiles,
                     on_settled: Callable[[int, int], None] | None = None, *, as_of: date | None = None) -> SettleRun:
    """Settle every agreement with its realisation; `on_settled(done, total)` after each.
    With `as_of` (or a progress report, whose `as_of` is its day), the interim view of Art. 6."""
    from convenant_cli.engine.families import families, portfolio
    from convenant_cli.loading.inputs import settlement_inputs

    inputs: list[SettlementInput] = settlement_inputs(files.named, files.realisations, files.found,
                                                      files.assessments)
    inputs, left_out = _started(inputs, as_of)
    days = [view_day(item, as_of) for item in inputs]  # every refusal before any work
    settlements, notes = [], []
    for item, day in zip(inputs, days, strict=True):
        settlement = settle_input(item, day)
        settlements.append(settlement)
        notes.append(view_notes(settlement, day))
        if on_settled is not None:
            on_settled(len(settlements), len(inputs))
    groups = families(settlements, [(item.root, item.sector) for item in inputs])
    return SettleRun(workspace=workspace, settlements=settlements, families=groups, portfolio=portfolio(groups),
                     view_notes=notes, left_out=left_out)


def _started(inputs: list[SettlementInput], as_of: date | None) -> tuple[list[SettlementInput], list[str]]:
    """The agreements a view at `as_of` shows, and a note for each left out: one whose term
    starts after the day (an extension not yet begun) has no facts at that day. When none has
    begun, all stay, so that the day is refused with its reason."""
    started = [item for item in inputs if as_of is None or as_of >= item.agreement.period.start]
    if not started:
        return inputs, []
    return started, [_("{id}: its term starts on {start}, after {day}: not in this view")
                     .format(id=item.agreement.id, start=item.agreement.period.start, day=as_of)
                     for item in inputs if as_of is not None and as_of < item.agreement.period.start]


def settle_input(item: SettlementInput, day: date | None) -> Settlement:
    """One agreement settled on its facts and the auditor's judgement of them, at `day`."""
    from convenant_cli.engine.settlement import settle

    return settle(item.agreement, item.rules, item.realisation, day, item.assessment,
                  assessment_file=item.assessment_file)


def view_day(item: SettlementInput, as_of: date | None) -> date | None:
    """The day of an agreement's interim view (Art. 6): `--as-of`, else its progress report's
    `as_of`; None for a settlement. A day before the term, or after the day a progress report
    was made, is refused: there are no facts to show for it."""
    report = item.realisation.as_of if item.realisation is not None else None
    day = as_of if as_of is not None else report
    if day is None:
        return None
    term = item.agreement.period
    if day < term.start:
        raise UsageError(_("{day} is before the term of {id}: {start} - {end}")
                         .format(day=day, id=item.agreement.id, start=term.start, end=term.end),
                         _("an interim view is at a day of the term, from {start}").format(start=term.start))
    if report is not None and day > report:
        raise UsageError(_("{day} is after the day of the progress report of {id} ({report}): its facts stop there")
                         .format(day=day, id=item.agreement.id, report=report),
                         _("choose a day up to {report}, or settle on a later report").format(report=report))
    return day


def view_notes(settlement: Settlement, day: date | None) -> list[str]:
    """What a reader must know of a view: a settlement that waits for the auditor; an assessment
    dated after the day, not used; an interim view pays nothing; undated advances counted as
    paid; a day at or after the term's end is the final settlement."""
    notes = judgement_notes(settlement, day)
    if day is None or not settlement.settled:
        return notes
    notes += _day_notes(settlement, day)
    return notes


def judgement_notes(settlement: Settlement, day: date | None) -> list[str]:
    """Who decided, in words: which commitments wait for the auditor's verdict, and an
    assessment set aside because it was made after the day of the view."""
    notes = []
    aside = settlement.set_aside
    if aside is not None and day is not None:
        notes.append(_("{id}: the assessment of {date} by {auditor} is dated after {day}: it decides nothing at that "
                       "day").format(id=settlement.id, date=aside.date, auditor=aside.auditor, day=day))
    if settlement.provisional and settlement.ratio is not None:
        waiting = settlement.ratio.waiting
        notes.append(ngettext("{id}: provisional: {ids} waits for the auditor's verdict; the payable counts it as not "
                              "met (add --assessment with the auditor's assessment)",
                              "{id}: provisional: {ids} wait for the auditor's verdict; the payable counts them as "
                              "not met (add --assessment with the auditor's assessment)", len(waiting))
                     .format(id=settlement.id, ids=", ".join(waiting)))
    return notes


def _day_notes(settlement: Settlement, day: date) -> list[str]:
    if not settlement.interim:
        return [_("{id}: {day} is at or after the end of the term ({end}): this is the final settlement")
                .format(id=settlement.id, day=day, end=settlement.term.end)]
    notes = [_("{id}: interim view at {day} (Art. 6): no payable amount and no balance; the result ratio and the "
               "payment follow from the eindrapport after the term ends ({end})")
             .format(id=settlement.id, day=day, end=settlement.term.end)]
    undated = sum(1 for line in settlement.lines for advance in line.advance_tranches if advance.date is None)
    if undated:
        notes.append(ngettext("{id}: {count} advance has no date; it is counted as paid by {day}",
                              "{id}: {count} advances have no date; they are counted as paid by {day}", undated)
                     .format(id=settlement.id, count=undated, day=day))
    return notes


@dataclass(frozen=True, kw_only=True)
class SettleOutputs:
    """The files a run writes: a workbook, an HTML report's folder, and the table or JSON
    (`-o FILE`, instead of standard output); `force` replaces what is there."""

    xlsx: Path | None = None
    html: Path | None = None
    output: Path | None = None
    force: bool = False
    reference: str | None = None  # the settlement decision's, in the report's heading (text from the user)
    issued: date | None = None  # the report's date of issue; None: the day it is written

    @property
    def any(self) -> bool:
        return self.xlsx is not None or self.html is not None or self.output is not None


def write_settlement_outputs(run: SettleRun, outputs: SettleOutputs, text: Callable[[], str], *, version: str,
                             created: datetime) -> None:
    """Every file of the run, whole and together or not at all (`staging`): every target is
    claimed before any is written, and never one of the run's inputs; `text()` gives the
    table or JSON for `-o`."""
    from convenant_cli.app.output_file import check_workbook_name
    from convenant_cli.app.staging import Staging
    from convenant_cli.loading.provenance import file_records

    records = file_records(run.workspace)
    with Staging(doc.path for doc in run.workspace.documents.values()) as staging:
        book = (staging.file(outputs.xlsx, force=outputs.force, check=check_workbook_name)
                if outputs.xlsx is not None else None)
        report = staging.folder(outputs.html, force=outputs.force) if outputs.html is not None else None
        listing = staging.file(outputs.output, force=outputs.force) if outputs.output is not None else None
        if book is not None:
            from convenant_cli.render.settlement.xlsx import Provenance, write_workbook

            provenance = Provenance(version, created, tuple(records), notes=tuple(run.notes),
                                    warnings=tuple(d for d in run.workspace.diagnostics() if not d.is_error),
                                    accepted=tuple((a.diagnostic, a.reason) for a in run.workspace.accepted()))
            staging.write(book, lambda path: write_workbook(path, run.settlements, run.families, run.portfolio,
                                                            provenance))
        if report is not None:
            from convenant_cli.render.report.pages import Annex, write_report

            annex = Annex(reference=outputs.reference, issued=outputs.issued or created.date(), notes=run.view_notes)
            staging.write(report, lambda folder: write_report(folder, run.settlements, run.families,
                                                              run.portfolio, version=version, created=created,
                                                              records=records, annex=annex))
        if listing is not None:
            staging.write(listing, lambda path: path.write_text(text(), encoding="utf-8"))
        staging.commit()


def render_settlement(run: SettleRun, output_format: SettlementFormat, *, explain: bool) -> str | RenderableType:
    """Text (JSON) to write as it is, or a rich renderable for the console."""
    match output_format:
        case SettlementFormat.JSON:
            from convenant_cli.render.settlement.json import render_json

            return render_json(run.settlements, run.families, run.portfolio, explain)
        case SettlementFormat.TABLE:
            from convenant_cli.render.settlement.table import render_tables

            return render_tables(run.settlements, run.families, run.portfolio, explain)
