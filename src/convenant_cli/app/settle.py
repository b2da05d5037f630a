"""The `settle` use case: load covenants and addenda (named, or found in folders) and their
realisations, settle each, group them in families (R7) and a portfolio, write the evidence
workbook, and render the result in the format asked for. Knows no typer and no terminal:
the command line prints what `render_settlement` returns and the problems of the workspace.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from convenant_cli.domain.kinds import Kind
from convenant_cli.loading.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import RenderableType

    from convenant_cli.engine.families import Family, Portfolio
    from convenant_cli.engine.settlement import Settlement
    from convenant_cli.loading.inputs import SettlementInput
    from convenant_cli.models.document import LoadedDocument

SETTLED_KINDS = frozenset({Kind.CONVENANT, Kind.ADDENDUM, Kind.REALISATION})


class SettlementFormat(StrEnum):
    """The formats of `settle --format` (the workbook is `--xlsx`, beside any of them)."""

    TABLE = "table"
    JSON = "json"


# Records as `NamedTuple`s: every `settle` defines them, and a dataclass costs start-up.
class SettleFiles(NamedTuple):
    """What a run read: the files named, the realisations named, what the folders held."""

    named: list[LoadedDocument]
    realisations: list[LoadedDocument]
    found: list[LoadedDocument]


class SettleRun(NamedTuple):
    workspace: Workspace
    settlements: list[Settlement]
    families: tuple[Family, ...]
    portfolio: Portfolio

    @property
    def unsettled(self) -> list[str]:
        """The agreements shown as maxima: no realisation was given for them."""
        return [settlement.id for settlement in self.settlements if not settlement.settled]


def load_settlement(paths: list[Path], realisations: list[Path]) -> tuple[Workspace, SettleFiles]:
    """Load the files and folders to settle, then the realisations named; the workspace
    holds their problems. A folder brings every covenant, addendum and realisation under it."""
    from convenant_cli.loading.discovery import collect_files

    workspace = Workspace()
    files = SettleFiles(named=[], realisations=[], found=[])
    for path in paths:
        if path.is_dir():
            found, unreadable = collect_files([path])
            if unreadable:
                raise unreadable[0]
            files.found.extend(doc for item in found if (doc := workspace.load_found(item, SETTLED_KINDS)))
        else:
            files.named.append(workspace.load(path))
    files.realisations.extend(workspace.load(path) for path in realisations)
    return workspace, files


def settle_documents(workspace: Workspace, files: SettleFiles,
                     on_settled: Callable[[int, int], None] | None = None) -> SettleRun:
    """Settle every agreement with its realisation; `on_settled(done, total)` after each."""
    from convenant_cli.engine.families import families, portfolio
    from convenant_cli.engine.settlement import settle
    from convenant_cli.loading.inputs import settlement_inputs

    inputs: list[SettlementInput] = settlement_inputs(files.named, files.realisations, files.found)
    settlements = []
    for item in inputs:
        settlements.append(settle(item.agreement, item.rules, item.realisation))
        if on_settled is not None:
            on_settled(len(settlements), len(inputs))
    groups = families(settlements, [(item.root, item.sector) for item in inputs])
    return SettleRun(workspace=workspace, settlements=settlements, families=groups, portfolio=portfolio(groups))


def write_settlement_workbook(run: SettleRun, target: Path, *, version: str, created: datetime,
                              force: bool) -> None:
    """The evidence workbook, whole or not at all; never over one of the run's inputs."""
    from convenant_cli.app.output_file import check_workbook_name, write_atomically
    from convenant_cli.loading.provenance import file_records
    from convenant_cli.render.settlement.xlsx import Provenance, write_workbook

    provenance = Provenance(version, created, tuple(file_records(run.workspace)))
    write_atomically(target, lambda path: write_workbook(path, run.settlements, run.families, run.portfolio,
                                                         provenance),
                     force=force, inputs=[doc.path for doc in run.workspace.documents.values()],
                     check=check_workbook_name)


def render_settlement(run: SettleRun, output_format: SettlementFormat, *, explain: bool) -> str | RenderableType:
    """Text (JSON) to write as it is, or a rich renderable for the console."""
    match output_format:
        case SettlementFormat.JSON:
            from convenant_cli.render.settlement.json import render_json

            return render_json(run.settlements, run.families, run.portfolio, explain)
        case SettlementFormat.TABLE:
            from convenant_cli.render.settlement.table import render_tables

            return render_tables(run.settlements, run.families, run.portfolio, explain)
