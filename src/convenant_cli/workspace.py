"""Loading documents: source → model → referenced file → checks.

A `Workspace` loads each file once per run, follows `parent:` and `convenant:`
references relative to the referring file, and keeps every loaded document so
that a run reports each file's problems exactly once. It does not print.
"""

from __future__ import annotations

import os
from pathlib import Path

from pydantic import ValidationError

from convenant_cli.checks import run_checks
from convenant_cli.diagnostics import did_you_mean
from convenant_cli.document import LoadedDocument
from convenant_cli.errormap import map_errors
from convenant_cli.models import MODELS
from convenant_cli.source import load_source

SCHEMA_VERSIONS = ("1",)
REFERENCE_KEY = {"addendum": "parent", "action_plan": "parent", "realisation": "convenant"}


class Workspace:
    def __init__(self) -> None:
        self.documents: dict[Path, LoadedDocument] = {}

    def load(self, path: Path, display: str | None = None) -> LoadedDocument:
        """Load, model and check one file (I/O failures raise `InputError`)."""
        resolved = path.resolve()
        if resolved in self.documents:
            return self.documents[resolved]
        source = load_source(path, display or os.path.normpath(str(path)))
        doc = LoadedDocument(resolved, source, diagnostics=list(source.problems))
        self.documents[resolved] = doc
        if isinstance(source.data, dict) and not doc.diagnostics:
            self._model(doc, source.data)
        if doc.model is not None:
            self._follow_reference(doc)
            doc.diagnostics.extend(run_checks(doc))
        return doc

    def _model(self, doc: LoadedDocument, data: dict) -> None:
        kind, version = data.get("kind"), data.get("schema_version")
        if version is None:
            doc.add("CV102", "missing key `schema_version`", hint="add `schema_version: 1` at the top")
        elif str(version) not in SCHEMA_VERSIONS:
            doc.add("CV006", f"unsupported schema_version {version!r}", ("schema_version",),
                    f"this convenant reads schema_version {', '.join(SCHEMA_VERSIONS)}")
        if kind is None:
            doc.add("CV102", "missing key `kind`", hint=f"add `kind:` with one of {', '.join(MODELS)}")
        elif not isinstance(kind, str) or kind not in MODELS:
            doc.add("CV006", f"unknown kind {kind!r}", ("kind",),
                    did_you_mean(str(kind), list(MODELS)) or f"one of {', '.join(MODELS)}")
        if doc.diagnostics:
            return
        doc.kind = kind
        model = MODELS[kind]
        try:
            doc.model = model.model_validate(data)
        except ValidationError as error:
            doc.diagnostics.extend(map_errors(error, model, doc.source))

    def _follow_reference(self, doc: LoadedDocument) -> None:
        key = REFERENCE_KEY.get(doc.kind or "")
        if key is None:
            return
        target = getattr(doc.model, key)
        path = doc.path.parent / target
        display = os.path.normpath(os.path.join(os.path.dirname(doc.name), target))
        if not path.is_file():
            doc.add("CV301", f"`{key}` names {target!r}, which does not exist", (key,),
                    f"give the path of the file relative to {doc.name}")
            return
        doc.reference = self.load(path, display)
