"""Running golden cases: load each case file and the files it names, settle them, hold
the figures against the case's expectations (`engine.cases`). Returns values; printing
is the CLI's and the renderers' job.
"""

from __future__ import annotations

import re
from enum import StrEnum
from pathlib import Path

from convenant_cli.domain.errors import ConvenantError, InputError, UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.engine.cases import CaseResult, compare
from convenant_cli.loading.discovery import collect_files
from convenant_cli.loading.inputs import settlement_inputs
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models.case import Case
from convenant_cli.models.document import LoadedDocument


def find_cases(workspace: Workspace, paths: list[Path]) -> tuple[list[LoadedDocument], list[InputError]]:
    """The case files under `paths`: a folder's other YAML files are left alone; a file
    named on its own must be a case."""
    files, unreadable = collect_files(paths)
    given = {path.resolve() for path in paths if not path.is_dir()}
    cases = []
    seen: set[Path] = set()
    for path in files:
        try:
            doc = workspace.load(path)
        except InputError as error:
            unreadable.append(error)
            continue
        if _is_case(doc):
            if doc.path not in seen:  # a case named twice, or in a folder also given, runs once
                seen.add(doc.path)
                cases.append(doc)
        elif path.resolve() in given:
            raise UsageError(_("{name} is not a case (kind: case)")
                             .format(name=doc.name), _("`convenant test` runs golden case files"))
    return cases, unreadable


_SAYS_CASE = re.compile(r"^kind:\s*['\"]?case['\"]?\s*(#.*)?$", re.MULTILINE)


def _is_case(doc: LoadedDocument) -> bool:
    """A case file, also one that cannot be read (it then fails, and says why)."""
    if isinstance(doc.source.data, dict):
        return doc.source.data.get("kind") == Kind.CASE.value
    return bool(_SAYS_CASE.search(doc.source.text))


def run_case(workspace: Workspace, doc: LoadedDocument) -> CaseResult:
    data = doc.source.data if isinstance(doc.source.data, dict) else {}
    title, reference = str(data.get("title", doc.name)), str(data.get("reference", ""))
    linked = [d for key in ("settle", "realisation", "assessment") for d in doc.linked.get(key, []) if d is not None]
    files = {item.path: item for item in [doc, *linked]}.values()  # a case that names itself, or one file twice
    problems = tuple(dict.fromkeys(d for item in files for d in item.diagnostics if d.is_error))
    if problems or not isinstance(doc.model, Case):
        return CaseResult(doc.name, title, reference, (), problems or tuple(doc.diagnostics))
    from convenant_cli.engine.families import families

    settled = [d for d in doc.linked["settle"] if d is not None]
    facts = [d for d in doc.linked["realisation"] if d is not None]
    judgements = [d for d in doc.linked.get("assessment", []) if d is not None]
    try:
        inputs = settlement_inputs(settled, facts, assessments=judgements)
    except ConvenantError as error:
        return CaseResult(doc.name, title, reference, (), (), error.message)
    from convenant_cli.app.settle import settle_input, view_day

    try:
        days = [view_day(item, doc.model.as_of) for item in inputs]
    except ConvenantError as error:
        return CaseResult(doc.name, title, reference, (), (), error.message)
    settlements = [settle_input(item, day) for item, day in zip(inputs, days, strict=True)]
    groups = families(settlements, [(item.root, item.sector) for item in inputs])
    return CaseResult(doc.name, title, reference, compare(doc.model.expect, settlements, groups), ())


class CaseFormat(StrEnum):
    """The formats of `test --format`: one line per case for people, or JSON."""

    TABLE = "table"
    JSON = "json"


def render_results(results: list[CaseResult], output_format: CaseFormat, *, color: bool = False) -> str:
    match output_format:
        case CaseFormat.JSON:
            from convenant_cli.render.cases import render_json

            return render_json(results)
        case CaseFormat.TABLE:
            from convenant_cli.render.cases import render_text

            return render_text(results, color=color)
