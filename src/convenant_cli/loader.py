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
from convenant_cli.validation_errors import map_errors
from convenant_cli.errors import InputError
from convenant_cli.models import MODELS
from convenant_cli.references import Refusal, Roots, resolve_reference
from convenant_cli.source import SourceFile, load_source

SCHEMA_VERSIONS = ("1",)
REFERENCE_KEY = {"addendum": "parent", "action_plan": "parent", "realisation": "convenant"}


YAML_SUFFIXES = (".yaml", ".yml")


def collect_files(paths: list[Path]) -> tuple[list[Path], list[InputError]]:
    """Files as given, folders searched for *.yaml and *.yml (sorted, so runs repeat),
    and every path or folder that could not be read, so that one bad path never hides
    the problems of the other files."""
    files: list[Path] = []
    problems: list[InputError] = []
    for path in paths:
        try:
            is_folder, exists = path.is_dir(), path.exists()
        except OSError as error:
            problems.append(InputError(f"{path}: cannot read ({error.strerror or error})"))
            continue
        if is_folder:
            found, before = [], len(problems)

            def unreadable(error: OSError) -> None:
                problems.append(InputError(f"{error.filename}: cannot read this folder ({error.strerror})",
                                           hint="its files were not checked; fix its permissions"))

            for folder, folders, names in os.walk(path, onerror=unreadable):
                folders[:] = [name for name in folders if not name.startswith(".")]
                found += [Path(folder) / name for name in names if name.endswith(YAML_SUFFIXES)]
            if not found and len(problems) == before:
                problems.append(InputError(f"{path}: no *.yaml or *.yml files in this folder"))
            files += sorted(found)
        elif exists:
            files.append(path)
        else:
            problems.append(InputError(f"{path}: no such file or folder", hint="check the path and its spelling"))
    return files, problems


def is_convenant_file(source: SourceFile) -> bool:
    """A file that says it is one of the kinds; only such a file's content may be shown."""
    return isinstance(source.data, dict) and source.data.get("kind") in MODELS


class Workspace:
    def __init__(self) -> None:
        self.documents: dict[Path, LoadedDocument] = {}
        self.inputs: set[Path] = set()
        self.roots = Roots(Path.cwd())

    def load(self, path: Path, display: str | None = None) -> LoadedDocument:
        """Load, model and check one file given by the user (I/O failures raise `InputError`)."""
        doc = self._load(path, display or os.path.normpath(str(path)))
        self.inputs.add(doc.path)
        return doc

    def reported(self) -> list[LoadedDocument]:
        """The documents whose problems a run shows: every input, and every referenced file
        that is a convenant file itself. Another referenced file is never echoed (SPEC §6)."""
        return [doc for doc in self.documents.values() if doc.path in self.inputs or is_convenant_file(doc.source)]

    def _load(self, path: Path, display: str) -> LoadedDocument:
        resolved = path.resolve()
        if resolved in self.documents:
            return self.documents[resolved]
        source = load_source(path, display)
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
        found = resolve_reference(doc.path, target, self.roots)
        if isinstance(found, Refusal):
            doc.add(found.code, f"`{key}`: {found.message}", (key,), found.hint)
            return
        display = os.path.normpath(os.path.join(os.path.dirname(doc.name), target))
        try:
            reference = self._load(found, display)
        except InputError as error:
            doc.add("CV306", f"`{key}`: {target!r} cannot be read", (key,), error.hint)
            return
        if found not in self.inputs and not is_convenant_file(reference.source):
            doc.add("CV307", f"`{key}` names {target!r}, which is not a convenant file", (key,),
                    f"a convenant file starts with `schema_version: 1` and a `kind:` ({', '.join(MODELS)})")
            return
        doc.reference = reference
