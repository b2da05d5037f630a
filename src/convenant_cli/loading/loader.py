"""Loading documents: source → model → referenced file → rules in force → checks, and
the inputs of a command (the files to settle with their realisations, the two versions
to compare), checked for kind and pairing.

A `Workspace` loads each file once per run, follows `parent:` and `convenant:`
references relative to the referring file, and keeps every loaded document so
that a run reports each file's problems exactly once. It does not print.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from pydantic import ValidationError

from convenant_cli.checks import run_checks
from convenant_cli.domain.diagnostics import Diagnostic, Location, did_you_mean
from convenant_cli.loading.document import LoadedDocument
from convenant_cli.domain.errors import InputError, UsageError
from convenant_cli.domain.kinds import ACCEPT_MARKER, Kind
from convenant_cli.models import Agreement, Realisation, all_models, model_of
from convenant_cli.models.rules import RulesInForce, rules_in_force
from convenant_cli.reading.source import KeyPath, SourceFile, load_source, walk_yaml

if TYPE_CHECKING:
    from convenant_cli.reading.acceptance import Accepted
    from convenant_cli.reading.references import Roots

SCHEMA_VERSIONS = ("1",)


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

            for batch, _ in walk_yaml(path, onerror=unreadable):
                found += batch
            if not found and len(problems) == before:
                problems.append(InputError(f"{path}: no *.yaml or *.yml files in this folder"))
            files += sorted(found)
        elif exists:
            files.append(path)
        elif os.path.islink(path):  # a loop of links, or a link to nothing
            from convenant_cli.reading.references import Roots, confine

            try:
                confine(path, Roots(Path.cwd()))
            except InputError as problem:
                problems.append(problem)
        else:
            problems.append(InputError(f"{path}: no such file or folder", hint="check the path and its spelling"))
    return files, problems


# Words any YAML file may use, and words a convenant file uses that other tools use too
# (mkdocs' `theme`, yamllint's `rules`): one of the latter alone does not make a file ours.
GENERIC_KEYS = frozenset({"id", "title", "notes", "reference"})
SHARED_KEYS = frozenset({"period", "rules", "theme", "parent", "budget", "results", "sector", "extension"})


def is_foreign(source: SourceFile) -> bool:
    """A YAML file that is no convenant file and does not try to be one (a CI workflow, a
    pre-commit or mkdocs config, a list): `validate` leaves it alone.

    A file tries to be one when its top level is a mapping (or a list of mappings) with
    `schema_version`, a `kind` that names a convenant kind (or nearly: `kind: convenent`),
    a key only convenant files use (`max_subsidy`, `staffing`, ...), or two of the keys they
    share with other tools (`period` and `rules`). Such a file that lost its `kind` is
    checked, and fails. A file that cannot be read as YAML at all is checked too: nobody
    can tell what it meant to be.

    >>> from convenant_cli.reading.source import parse_source
    >>> is_foreign(parse_source(b"name: ci\\non: [push]\\njobs: {}\\n", "ci.yml"))
    True
    >>> is_foreign(parse_source(b"apiVersion: v1\\nkind: Service\\n", "k8s.yaml"))
    True
    >>> is_foreign(parse_source(b"max_subsidy: 1166000.00\\n", "metaal.yaml"))
    False
    >>> is_foreign(parse_source(b"kind: convenent\\n", "metaal.yaml"))
    False
    >>> is_foreign(parse_source(b"- schema_version: 1\\n", "metaal.yaml")), is_foreign(parse_source(b"- a\\n", "x.yml"))
    (False, True)
    """
    data = source.data
    if data is None:
        return False  # empty, binary or a syntax error: reported, whatever it meant to be
    if isinstance(data, list):  # a file of covenants as a list tried, and fails
        return not any(isinstance(item, dict) and _tries(item) for item in data)
    return not (isinstance(data, dict) and _tries(data))


def _tries(data: dict[object, object]) -> bool:
    if "schema_version" in data:
        return True
    kind = data.get("kind")
    if isinstance(kind, str) and (kind in Kind.names() or did_you_mean(kind, Kind.names())):
        return True
    keys = set(data) & _convenant_keys()
    return bool(keys - SHARED_KEYS - GENERIC_KEYS) or len(keys & SHARED_KEYS) >= 2


@cache
def _convenant_keys() -> frozenset[str]:
    keys = {name for model in all_models().values() for name in model.model_fields}
    return frozenset(keys - {"kind", "schema_version"})


def shown_path(path: Path) -> str:
    """A path as every report shows it: relative to the current folder (SPEC §6), whatever
    form it was given in.

    >>> shown_path(Path.cwd() / "convenants" / "x.yaml")
    'convenants/x.yaml'
    """
    try:
        return os.path.relpath(os.path.abspath(path))
    except ValueError:  # another drive
        return os.path.abspath(path)


def is_convenant_file(source: SourceFile) -> bool:
    """A file that says it is one of the kinds; only such a file's content may be shown."""
    return isinstance(source.data, dict) and source.data.get("kind") in Kind.names()


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

    def load(self, path: Path, display: str | None = None, *, source: SourceFile | None = None) -> LoadedDocument:
        """Load, model and check one file given by the user (I/O failures raise `InputError`)."""
        name = display or shown_path(path)
        doc = self._load(path, name, source or self._refused(path, name))
        self.inputs.add(doc.path)
        return doc

    def load_unless_foreign(self, path: Path, source: SourceFile | None = None) -> LoadedDocument | None:
        """As `load`, but a YAML file that is no convenant file is left alone (None), and
        remembered in `skipped` (validate in a sector's repository)."""
        name = shown_path(path)
        source = source or self._refused(path, name)
        known = self.documents.get(path.resolve())  # read before, as the target of a reference
        source = known.source if known else source or load_source(path, name)
        if is_foreign(source):
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
        """The project root of each file (SPEC §6), found when first asked for."""
        if self._roots is None:
            from convenant_cli.reading.references import Roots

            self._roots = Roots(Path.cwd())
        return self._roots

    def reported(self) -> list[LoadedDocument]:
        """The documents whose problems a run shows: every input, and every referenced file
        that is a convenant file itself. Another referenced file is never echoed (SPEC §6)."""
        return [doc for doc in self.documents.values() if doc.path in self.inputs or is_convenant_file(doc.source)]

    def diagnostics(self) -> list[Diagnostic]:
        """Every reported problem once, in file, line and column order."""
        return sorted((d for doc in self.reported() for d in doc.diagnostics), key=lambda d: (d.location, d.code))

    def accepted(self) -> list[Accepted]:
        """The warnings accepted by a comment in their file: counted, listed only on request."""
        return sorted((a for doc in self.reported() for a in doc.accepted),
                      key=lambda a: (a.diagnostic.location, a.diagnostic.code))

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
        doc = LoadedDocument(resolved, source, diagnostics=list(source.problems))
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
            doc.add("CV102", "missing key `schema_version`", hint="add `schema_version: 1` at the top")
        elif str(version) not in SCHEMA_VERSIONS:
            doc.add("CV006", f"unsupported schema_version {version!r}", ("schema_version",),
                    f"this convenant reads schema_version {', '.join(SCHEMA_VERSIONS)}")
        if kind is None:
            doc.add("CV102", "missing key `kind`", hint=f"add `kind:` with one of {', '.join(Kind.names())}")
        elif not isinstance(kind, str) or kind not in Kind.names():
            doc.add("CV006", f"unknown kind {kind!r}", ("kind",),
                    did_you_mean(str(kind), Kind.names()) or f"one of {', '.join(Kind.names())}")
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
        for where it may point before a byte of it is read (SPEC §6)."""
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
            doc.add("CV306", f"`{key}`: {target!r} cannot be read", path, error.hint)
            return None
        if found not in self.inputs and not is_convenant_file(reference.source):
            doc.add("CV307", f"`{key}` names {target!r}, which is not a convenant file", path,
                    f"a convenant file starts with `schema_version: 1` and a `kind:` ({', '.join(Kind.names())})")
            return None
        return reference


@dataclass(frozen=True, eq=False)
class FileRecord:
    """A file a run read, for the evidence: as named, its kind, the SHA-256 of its bytes."""

    name: str
    kind: str
    sha256: str
    given: bool  # on the command line, or read because a given file refers to it


def file_records(workspace: Workspace) -> list[FileRecord]:
    return [FileRecord(doc.name, doc.kind.value if doc.kind else "", doc.source.sha256, doc.path in workspace.inputs)
            for doc in workspace.reported()]


@dataclass(frozen=True, eq=False)
class SettlementInput:
    """One covenant or addendum to settle: its model, the rules in force, its realisation."""

    agreement: Agreement
    rules: RulesInForce
    realisation: Realisation | None


def settlement_inputs(agreements: list[LoadedDocument], realisations: list[LoadedDocument]) -> list[SettlementInput]:
    """The files of `settle`, each with the realisation whose `convenant:` names it.

    The documents are valid (the caller reported their problems first); a file that is not
    a covenant or addendum, a realisation of a file not settled here, two realisations for
    one file, or one file twice is a usage error.
    """
    for doc in agreements:
        if not isinstance(doc.model, Agreement):
            hint = "pass it with --realisation" if doc.kind is Kind.REALISATION else \
                "settle takes convenants and addenda"
            raise UsageError(f"{doc.name} is a {doc.kind.value if doc.kind else 'file'}; there is nothing to settle "
                             "in it", hint)
    if len({doc.path for doc in agreements}) != len(agreements):
        raise UsageError("the same file is given twice")
    paired: dict[Path, LoadedDocument] = {}
    by_path = {doc.path: doc for doc in agreements}
    for real in realisations:
        reference = real.reference
        if not isinstance(real.model, Realisation) or reference is None:
            raise UsageError(f"{real.name} is a {real.kind.value if real.kind else 'file'}, not a realisation",
                             "--realisation takes the eindrapport file (kind: realisation)")
        target = reference.path
        if target not in by_path:
            raise UsageError(f"{real.name} is the realisation of {reference.name}, which is not settled here",
                             f"add {reference.name} to the files to settle")
        if target in paired:
            raise UsageError(f"two realisations for {reference.name}: {paired[target].name} and {real.name}")
        paired[target] = real
    inputs = []
    for doc in agreements:
        found = paired.get(doc.path)
        if doc.rules is None:
            raise TypeError(f"{doc.name}: no rules resolved")  # the loader resolves them for every agreement
        inputs.append(SettlementInput(doc.model_as(Agreement), doc.rules,
                                      found.model_as(Realisation) if found is not None else None))
    return inputs


@dataclass(frozen=True, eq=False)
class DiffInput:
    """Two versions to compare and, for the money effect of the change, the settlement of
    each (None when it cannot be computed: a file with problems, or no eindrapport)."""

    old: LoadedDocument
    new: LoadedDocument
    settlements: tuple[SettlementInput, SettlementInput] | None
    realisations: tuple[str, str] | None  # the eindrapporten the settlements rest on


def readable(doc: LoadedDocument) -> bool:
    """A file whose structure could be read into a model, with problems or without."""
    return doc.model is not None


def _settlement_input(agreement: LoadedDocument, real: LoadedDocument | None) -> SettlementInput | None:
    if not agreement.ok or not isinstance(agreement.model, Agreement) or agreement.rules is None:
        return None
    facts = None
    if real is not None:
        if not real.ok or not isinstance(real.model, Realisation):
            return None
        facts = real.model
    return SettlementInput(agreement.model, agreement.rules, facts)


def diff_inputs(old: LoadedDocument, new: LoadedDocument, realisations: list[LoadedDocument]) -> DiffInput:
    """The money effect of a diff: two realisations are settled each against its own
    covenant; two covenants (or addenda) with `--realisation` are settled on those facts,
    one eindrapport for both versions or one each, matched by its `convenant:`."""
    if isinstance(old.model, Realisation) and isinstance(new.model, Realisation):
        if realisations:
            raise UsageError("--realisation goes with two covenants or addenda, not with two realisations",
                             "two realisations are settled each against the covenant its `convenant:` names")
        pair = _settlement_input_of(old), _settlement_input_of(new)
        both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
        return DiffInput(old, new, both, (old.name, new.name) if both else None)
    if not realisations:
        return DiffInput(old, new, None, None)
    if len(realisations) > 2:
        raise UsageError("at most two --realisation: one for both versions, or one for each")
    for real in realisations:
        if not isinstance(real.model, Realisation):
            raise UsageError(f"{real.name} is not a realisation", "--realisation takes an eindrapport file")
    by_target = {real.reference.path: real for real in realisations if real.reference is not None}
    facts = (by_target.get(old.path), by_target.get(new.path))
    if len(realisations) == 1:
        facts = (realisations[0], realisations[0])
    elif None in facts:
        raise UsageError("each --realisation names, by its `convenant:`, one of the two files compared",
                         "give one eindrapport for both versions, or one for each")
    fitted = (_fit(facts[0], old), _fit(facts[1], new))
    pair = _settlement_input(old, fitted[0]), _settlement_input(new, fitted[1])
    both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
    names = (facts[0].name, facts[1].name) if facts[0] is not None and facts[1] is not None else None
    return DiffInput(old, new, both, names if both else None)


def _settlement_input_of(real: LoadedDocument) -> SettlementInput | None:
    return _settlement_input(real.reference, real) if real.reference is not None else None


def _fit(real: LoadedDocument | None, agreement: LoadedDocument) -> LoadedDocument | None:
    """The eindrapport as the facts of `agreement`: checked against it when its `convenant:`
    names the other version, so that one eindrapport can settle both."""
    if real is None or (real.reference is not None and real.reference.path == agreement.path):
        return real
    fitted = LoadedDocument(real.path, real.source, real.kind, real.model, agreement)
    fitted.diagnostics.extend(run_checks(fitted, Kind.REALISATION))
    problems = [d for d in fitted.diagnostics if d.is_error]
    if problems:
        raise UsageError(f"{real.name} does not fit {agreement.name}: {problems[0].message}",
                         "give one eindrapport for each version: --realisation OLD --realisation NEW")
    return fitted
