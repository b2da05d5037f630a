"""Loading documents: source → model → referenced file → rules in force → checks.

A `Workspace` loads each file once per run, follows `parent:` and `convenant:`
references relative to the referring file, and keeps every loaded document so
that a run reports each file's problems exactly once. It does not print.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from convenant_cli.checks import run_checks
from convenant_cli.domain.diagnostics import Diagnostic, Location, did_you_mean
from convenant_cli.domain.errors import InputError
from convenant_cli.domain.kinds import ACCEPT_MARKER, Kind
from convenant_cli.domain.language import _
from convenant_cli.loading.discovery import is_convenant_file, is_foreign, shown_path
from convenant_cli.models import Agreement, model_of
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.rules import rules_in_force
from convenant_cli.reading.events import KeyPath
from convenant_cli.reading.source import SourceFile, load_source

if TYPE_CHECKING:
    from convenant_cli.reading.acceptance import Accepted
    from convenant_cli.reading.references import Roots

SCHEMA_VERSIONS = ("1",)


class Workspace:
    """Loads files once per run. With `lenient_identifiers` (for `diff`), a file whose only
    type errors are identifier checksums is still modelled, so that the difference can be
    shown with the problem reported beside it."""

    def __init__(self, *, lenient_identifiers: bool = False) -> None:
        self.lenient_identifiers = lenient_identifiers
        self.skipped: list[str] = []  # files left alone by `load_unless_foreign`
        self.documents: dict[Path, LoadedDocument] = {}
        self.inputs: set[Path] = set()
        self._roots: Roots | None = None  # found on the first reference
        self._peeked: dict[Path, SourceFile] = {}  # read by `kind_of`, before a folder's files are loaded

    def load(self, path: Path, display: str | None = None, *, source: SourceFile | None = None) -> LoadedDocument:
        """Load, model and check one file given by the user (I/O failures raise `InputError`;
        so does a workbook, which `convenant import` reads)."""
        name = display or shown_path(path)
        source = source or self._refused(path, name)
        if source is None and path.resolve() not in self.documents:
            source = load_source(path, name)
        if source is not None:
            refuse_workbook(source, name)
        doc = self._load(path, name, source)
        self.inputs.add(doc.path)
        return doc

    def load_unless_foreign(self, path: Path, source: SourceFile | None = None) -> LoadedDocument | None:
        """As `load`, but a YAML file that is no convenant file is left alone (None), and
        remembered in `skipped` (validate in a sector's repository)."""
        name = shown_path(path)
        source = source or self._refused(path, name)
        known = self.documents.get(path.resolve())  # read before, as the target of a reference
        source = known.source if known else source or load_source(path, name)
        refuse_workbook(source, name)
        if is_foreign(source):
            self.skipped.append(name)
            return None
        return self.load(path, name, source=source)

    def kind_of(self, path: Path) -> object:
        """What a file found in a folder says its `kind` is (None for no mapping), read once: a
        file that links outside its project root is not read (None)."""
        source = self._peek(path)
        return source.data.get("kind") if isinstance(source.data, dict) else None

    def _peek(self, path: Path) -> SourceFile:
        if path not in self._peeked:
            name = shown_path(path)
            refused = self._refused(path, name)
            known = self.documents.get(path.resolve())
            self._peeked[path] = refused or (known.source if known else load_source(path, name))
        return self._peeked[path]

    def load_found(self, path: Path, kinds: frozenset[Kind]) -> LoadedDocument | None:
        """A file found in a folder, loaded when it is of one of `kinds` or cannot be read as
        a file of any kind (it is reported: it may be the eindrapport meant); another kind,
        and a file of another tool, is left alone (None)."""
        name = shown_path(path)
        source = self._refused(path, name)
        if source is None:
            known = self.documents.get(path.resolve())
            source = known.source if known else self._peeked.get(path) or load_source(path, name)
        data = source.data
        if data is not None and (is_foreign(source) or not (isinstance(data, dict) and data.get("kind") in kinds)):
            self.skipped.append(name)
            return None
        return self.load(path, name, source=source)

    def _refused(self, path: Path, name: str) -> SourceFile | None:
        """For a file named or found in a folder that links outside its project root: a source
        holding only that problem, so that the file is reported and never read."""
        from convenant_cli.reading.references import confine

        refusal = confine(path, self.roots)
        if refusal is None:
            return None
        problem = Diagnostic.of(refusal.code, refusal.message, Location(name, 1, 1), refusal.hint)
        return SourceFile(name, "", None, {}, {}, problems=(problem,))

    @property
    def roots(self) -> Roots:
        """The project root of each file (rulebook), found when first asked for."""
        if self._roots is None:
            from convenant_cli.reading.references import Roots

            self._roots = Roots(Path.cwd())
        return self._roots

    def reported(self) -> list[LoadedDocument]:
        """The documents whose problems a run shows: every input, and every referenced file
        that is a convenant file itself. Another referenced file is never echoed (rulebook)."""
        return [doc for doc in self.documents.values() if doc.path in self.inputs or is_convenant_file(doc.source)]

    def diagnostics(self) -> list[Diagnostic]:
        """Every reported problem once, in file, line and column order."""
        return sorted((d for doc in self.reported() for d in doc.diagnostics), key=lambda d: (d.location.order, d.code))

    def accepted(self) -> list[Accepted]:
        """The warnings accepted by a comment in their file: counted, listed only on request."""
        return sorted((a for doc in self.reported() for a in doc.accepted),
                      key=lambda a: (a.diagnostic.location.order, a.diagnostic.code))

    def source_line(self, name: str, number: int) -> str:
        """A line of a reported file, by the name its diagnostics give (for excerpts)."""
        for doc in self.reported():
            if doc.name == name:
                return doc.source.line(number)
        return ""

    def _load(self, path: Path, display: str, source: SourceFile | None = None) -> LoadedDocument:
        resolved = path.resolve()
        if resolved in self.documents:
            return self.documents[resolved]
        source = source or load_source(path, display)
        doc = LoadedDocument(path=resolved, source=source, diagnostics=list(source.problems))
        self.documents[resolved] = doc
        if isinstance(source.data, dict) and not doc.diagnostics:
            self._model(doc, source.data)
        if doc.model is not None and doc.kind is not None:
            self._follow_reference(doc, doc.kind)
            if isinstance(doc.model, Agreement):
                doc.rules = rules_in_force(doc.model, doc.reference_as(Agreement))
            doc.diagnostics.extend(run_checks(doc, doc.kind))
        if ACCEPT_MARKER in source.text:
            from convenant_cli.reading.acceptance import apply_acceptances

            doc.diagnostics, doc.accepted = apply_acceptances(doc.name, source.lines, doc.diagnostics)
        return doc

    def _model(self, doc: LoadedDocument, data: dict[str, object]) -> None:
        kind, version = data.get("kind"), data.get("schema_version")
        if version is None:
            doc.add("CV102", _("missing key `schema_version`"), hint=_("add `schema_version: 1` at the top"))
        elif str(version) not in SCHEMA_VERSIONS:
            doc.add("CV006", _("unsupported schema_version '{version}'").format(version=version), ("schema_version",),
                    _("this convenant reads schema_version {versions}").format(versions=', '.join(SCHEMA_VERSIONS)))
        if kind is None:
            doc.add("CV102", _("missing key `kind`"), hint=_("add `kind:` with one of {names}")
                                                           .format(names=', '.join(Kind.names())))
        elif not isinstance(kind, str) or kind not in Kind.names():
            doc.add("CV006", _("unknown kind '{kind}'").format(kind=kind), ("kind",),
                    did_you_mean(str(kind), Kind.names()) or _("one of {names}").format(names=", ".join(Kind.names())))
        if doc.diagnostics or not isinstance(kind, str):
            return
        doc.kind = Kind(kind)
        model = model_of(doc.kind)
        try:
            doc.model = model.model_validate(data)  # type: ignore[assignment]
        except ValidationError as error:
            from convenant_cli.loading.model_errors import map_errors  # only a file with errors needs it

            doc.diagnostics.extend(map_errors(error, model, doc.source))
            checksums = all(item["type"] in ("iban", "enterprise_number") for item in error.errors())
            if self.lenient_identifiers and checksums:
                from convenant_cli.models.fields import LENIENT_IDENTIFIERS

                doc.model = model.model_validate(data, context={LENIENT_IDENTIFIERS: True})  # type: ignore[assignment]

    def _follow_reference(self, doc: LoadedDocument, kind: Kind) -> None:
        """Load the files `doc` names (`parent:`, `convenant:`, a case's lists), each checked
        for where it may point before a byte of it is read (rulebook)."""
        for key in kind.reference_keys:
            value = getattr(doc.model, key)
            targets: list[tuple[str, KeyPath]] = [(value, (key,))] if isinstance(value, str) else [
                (item, (key, index)) for index, item in enumerate(value)]
            doc.linked[key] = [self._reference(doc, key, target, path) for target, path in targets]
        if len(kind.reference_keys) == 1 and doc.linked[kind.reference_keys[0]]:
            doc.reference = doc.linked[kind.reference_keys[0]][0]

    def _reference(self, doc: LoadedDocument, key: str, target: str, path: KeyPath) -> LoadedDocument | None:
        from convenant_cli.reading.references import Refusal, resolve_reference  # a covenant refers to nothing

        found = resolve_reference(doc.path, target, self.roots)
        if isinstance(found, Refusal):
            doc.add(found.code, f"`{key}`: {found.message}", path, found.hint)
            return None
        display = os.path.normpath(os.path.join(os.path.dirname(doc.name), target))
        try:
            reference = self._load(found, display)
        except InputError as error:
            doc.add("CV306", _("`{key}`: '{target}' cannot be read").format(key=key, target=target), path, error.hint)
            return None
        if found not in self.inputs and not is_convenant_file(reference.source):
            doc.add("CV307", _("`{key}` names '{target}', which is not a convenant file")
                             .format(key=key, target=target), path,
                    _("a convenant file starts with `schema_version: 1` and a `kind:` ({names})")
                    .format(names=', '.join(Kind.names())))
            return None
        return reference


OFFICE_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # a zip (xlsx, xlsm, ods, docx) and an OLE file (xls, encrypted)


def refuse_workbook(source: SourceFile, name: str) -> None:
    """A workbook given where a YAML file is expected is not a broken YAML file: it is read by
    `convenant import` (exit 2, with the command)."""
    if source.raw.startswith(OFFICE_MAGIC):
        raise InputError(_("{name} is a workbook (a zip-based or older office file), not a convenant file")
                         .format(name=name),
                         _("a filled-in eindrapport workbook becomes a realisation with `convenant import {name} -o "
                           "eindrapport.yaml`").format(name=name))
