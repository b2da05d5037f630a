"""The `settle` use case: load a covenant (with its addenda) and their realisations, settle
each, combine them per beneficiary (R7), write the evidence workbook, and render the result
in the format asked for. Knows no typer and no terminal: the command line prints what
`render_settlement` returns and the problems of `load_settlement`'s workspace.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_cli.loading.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import RenderableType

    from convenant_cli.engine.combination import CombinedLine
    from convenant_cli.engine.settlement import Settlement
    from convenant_cli.models.document import LoadedDocument


class SettlementFormat(StrEnum):
    """The formats of `settle --format` (the workbook is `--xlsx`, beside any of them)."""

    TABLE = "table"
    JSON = "json"


@dataclass(frozen=True, eq=False, kw_only=True, repr=False)
class SettleRun:
    workspace: Workspace
    settlements: list[Settlement]
    combined: tuple[CombinedLine, ...] | None  # one line per beneficiary over several files (R7)

    @property
    def unsettled(self) -> list[str]:
        """The agreements shown as maxima: no realisation was given for them."""
        return [settlement.id for settlement in self.settlements if not settlement.settled]


def load_settlement(files: list[Path], realisations: list[Path]) -> tuple[Workspace, list[LoadedDocument]]:
    """Load the files to settle, then their realisations; the workspace holds their problems."""
    workspace = Workspace()
    return workspace, [workspace.load(path) for path in files + realisations]


def settle_documents(workspace: Workspace, docs: list[LoadedDocument], files: int) -> SettleRun:
    """Settle the first `files` documents with the realisations that follow them."""
    from convenant_cli.engine.settlement import settle
    from convenant_cli.loading.inputs import settlement_inputs

    inputs = settlement_inputs(docs[:files], docs[files:])
    settlements = [settle(item.agreement, item.rules, item.realisation) for item in inputs]
    combined = None
    if len(settlements) > 1:
        from convenant_cli.engine.combination import combine

        combined = combine(settlements)
    return SettleRun(workspace=workspace, settlements=settlements, combined=combined)


def write_settlement_workbook(run: SettleRun, target: Path, *, version: str, created: datetime,
                              force: bool) -> None:
    """The evidence workbook, whole or not at all; never over one of the run's inputs."""
    from convenant_cli.app.output_file import write_atomically
    from convenant_cli.loading.provenance import file_records
    from convenant_cli.render.settlement.xlsx import Provenance, build_workbook
    from convenant_cli.render.workbook import save

    provenance = Provenance(version, created, tuple(file_records(run.workspace)))
    book = build_workbook(run.settlements, run.combined, provenance)
    write_atomically(target, lambda path: save(book, path, created), force=force,
                     inputs=[doc.path for doc in run.workspace.documents.values()])


def render_settlement(run: SettleRun, output_format: SettlementFormat, *, explain: bool) -> str | RenderableType:
    """Text (JSON) to write as it is, or a rich renderable for the console."""
    match output_format:
        case SettlementFormat.JSON:
            from convenant_cli.render.settlement.json import render_json

            return render_json(run.settlements, explain)
        case SettlementFormat.TABLE:
            from convenant_cli.render.settlement.table import render_tables

            return render_tables(run.settlements, run.combined, explain)
