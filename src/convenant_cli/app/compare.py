"""The `diff` use case: load two versions (and the realisations that show the money effect),
compare them, settle both where a realisation allows, write the workbook, and render the
difference. Knows no typer and no terminal.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_cli.domain.errors import ConvenantError, ExitStatus, UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.loading.workspace import Workspace

if TYPE_CHECKING:
    from rich.console import RenderableType

    from convenant_cli.engine.diff import Diff
    from convenant_cli.models.document import LoadedDocument
    from convenant_cli.render.diff.view import DiffView


class DiffFormat(StrEnum):
    """The formats of `diff --format` (the workbook is `--xlsx`, beside any of them)."""

    TABLE = "table"
    JSON = "json"


AMBIGUOUS = frozenset({"CV208", "CV515"})  # a key given twice: matching by it would merge two entries


class AmbiguousMatchError(ConvenantError):
    """A version lists a beneficiary (its enterprise number) or a consultant (its key) twice:
    matched by that key, the two would be merged silently. Exit 1: the files have problems."""

    status = ExitStatus.PROBLEMS


@dataclass(frozen=True, eq=False, kw_only=True)
class CompareRun:
    workspace: Workspace
    view: DiffView
    no_money_effect: bool  # two realisations compared, but one of them (or its covenant) has errors
    agreements: tuple[str, str] | None = None  # the two are of different agreements (their ids), not versions


def _agreement_id(doc: LoadedDocument) -> str | None:
    """The id of the agreement a file is, or is the eindrapport of, or judges the eindrapport of."""
    from convenant_cli.models import Agreement

    for _step in range(3):  # an assessment -> its realisation -> its agreement
        if isinstance(doc.model, Agreement):
            return doc.model.id
        if doc.reference is None:
            return None
        doc = doc.reference
    return None


def _other_agreements(docs: list[LoadedDocument]) -> tuple[str, str] | None:
    """The ids of two files that are of two agreements (a covenant and its extension are one
    line of versions, as the diff allows them), or None."""
    from convenant_cli.models import Addendum

    old, new = (_agreement_id(doc) for doc in docs)
    if old is None or new is None or old == new:
        return None
    after = docs[1].model
    if isinstance(after, Addendum) and after.extension and docs[1].reference is not None \
            and _agreement_id(docs[1].reference) == old:
        return None
    return old, new


def load_versions(old: Path, new: Path, realisations: list[Path], assessments: list[Path] | None = None
                  ) -> tuple[Workspace, list[LoadedDocument], list[LoadedDocument], list[LoadedDocument]]:
    """Load both versions, the realisations and the assessments; a file with only checksum
    errors in its identifiers is still compared, its problems reported beside."""
    workspace = Workspace(lenient_identifiers=True)
    docs = [workspace.load(old), workspace.load(new)]
    return (workspace, docs, [workspace.load(path) for path in realisations],
            [workspace.load(path) for path in assessments or []])


def compare_versions(workspace: Workspace, docs: list[LoadedDocument], facts: list[LoadedDocument],
                     judgements: list[LoadedDocument] | None = None) -> CompareRun:
    from convenant_cli.engine.diff import KindMismatchError, diff
    from convenant_cli.loading.versions import diff_inputs, readable

    unreadable = [doc.name for doc in docs + facts + (judgements or []) if not readable(doc)]
    ambiguous = list(dict.fromkeys(doc.name for doc in docs for d in doc.diagnostics if d.code in AMBIGUOUS))
    if ambiguous:
        raise AmbiguousMatchError(_("cannot compare: {names} lists a beneficiary or a consultant twice (see above); "
                                    "matched by its key the two would be merged, so there are no changes and no "
                                    "money effect to show").format(names=", ".join(ambiguous)),
                                  _("fix the problems above, then compare again"))
    before, after = docs[0].model, docs[1].model
    if unreadable or before is None or after is None:
        raise UsageError(_("cannot compare: the structure of {unreadable} cannot be read; fix the problems above first")
                         .format(unreadable=', '.join(unreadable)))
    try:
        result = diff(before, after)
    except KindMismatchError as error:
        raise UsageError(_("{name} and {name2}: {error}").format(name=docs[0].name, name2=docs[1].name, error=error),
                         _("compare two versions of the same kind of file, or a covenant and its extension")) from None
    result = _same_references(result, docs)
    inputs = diff_inputs(docs[0], docs[1], facts, judgements)
    effect = None
    no_money_effect = False
    if inputs.settlements is not None:
        from convenant_cli.app.settle import settle_input, view_day
        from convenant_cli.engine.money_effect import settlement_effect

        old_settlement, new_settlement = (settle_input(item, view_day(item, None)) for item in inputs.settlements)
        effect = settlement_effect(old_settlement, new_settlement)
    elif isinstance(before, type(after)) and docs[0].kind in (Kind.REALISATION, Kind.ASSESSMENT):
        no_money_effect = True
    from convenant_cli.render.diff.view import DiffView

    view = DiffView(result, docs[0].name, docs[1].name, effect, inputs.realisations, workspace.diagnostics())
    return CompareRun(workspace=workspace, view=view, no_money_effect=no_money_effect,
                      agreements=_other_agreements(docs))


def _same_references(result: Diff, docs: list[LoadedDocument]) -> Diff:
    """A reference written two ways is no change: a realisation's `convenant:`, an addendum's
    `parent:`, an assessment's `realisation:` that names one file by two paths (each relative to
    its own file's folder), or two files with the same content (SHA-256)."""
    key = _reference_key(docs[0])
    old, new = docs[0].reference, docs[1].reference
    if key is None or key != _reference_key(docs[1]) or old is None or new is None:
        return result
    if old.path != new.path and old.source.sha256 != new.source.sha256:
        return result
    kept = tuple(change for change in result.changes
                 if not (change.category == "scalar" and change.field == key)
                 and not (change.subject.type == "assessment" and change.field == key))
    return replace(result, changes=kept)


def _reference_key(doc: LoadedDocument) -> str | None:
    """The key by which a file names the one it belongs to (`convenant:`, `parent:`, `realisation:`)."""
    keys = doc.kind.reference_keys if doc.kind is not None else ()
    return keys[0] if len(keys) == 1 else None


def write_diff_outputs(run: CompareRun, *, xlsx: Path | None, output: Path | None, text: Callable[[], str],
                       created: datetime, force: bool) -> None:
    """The workbook and the table or JSON (`-o FILE`), whole and together or not at all
    (`staging`); never over one of the run's inputs. `text()` gives what `-o` holds."""
    from convenant_cli.app.output_file import check_workbook_name
    from convenant_cli.app.staging import Staging

    with Staging(doc.path for doc in run.workspace.documents.values()) as staging:
        book = staging.file(xlsx, force=force, check=check_workbook_name) if xlsx is not None else None
        listing = staging.file(output, force=force) if output is not None else None
        if book is not None:
            from convenant_cli.render.diff.xlsx import write_workbook

            staging.write(book, lambda path: write_workbook(path, run.view, created))
        if listing is not None:
            staging.write(listing, lambda path: path.write_text(text(), encoding="utf-8"))
        staging.commit()


def render_diff(run: CompareRun, output_format: DiffFormat) -> str | RenderableType | None:
    """Text (JSON) to write, a rich renderable, or None when a table has no difference to show."""
    match output_format:
        case DiffFormat.JSON:
            from convenant_cli.render.diff.json import render_json

            return render_json(run.view)
        case DiffFormat.TABLE:
            if run.view.result.same:
                return None
            from convenant_cli.render.diff.table import render_table

            return render_table(run.view)
