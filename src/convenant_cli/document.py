"""A loaded file: its source, its model, the file it refers to, its problems.

Shared by the `loader` and `checks`; holds no logic beyond
locating a key path and building a diagnostic there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from convenant_cli.diagnostics import Diagnostic, Location, Severity, SumMismatch
from convenant_cli.models import Convenant, Document, Rules
from convenant_cli.source import KeyPath, SourceFile


@dataclass
class LoadedDocument:
    path: Path  # resolved, the cache key
    source: SourceFile
    kind: str | None = None
    model: Document | None = None
    reference: LoadedDocument | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.source.path

    @property
    def ok(self) -> bool:
        """Valid on its own: a model was built and no error was found."""
        return self.model is not None and not any(d.is_error for d in self.diagnostics)

    def locate(self, *path: str | int, key: bool = False) -> Location:
        return self.source.locate(tuple(path), key=key)

    def problem(self, code: str, message: str, path: KeyPath = (), hint: str | None = None, *,
                warning: bool = False, key: bool = False, sums: SumMismatch | None = None) -> Diagnostic:
        severity = Severity.WARNING if warning else Severity.ERROR
        return Diagnostic(code, severity, message, self.source.locate(path, key=key), hint, sums)

    def add(self, *args, **kwargs) -> None:
        self.diagnostics.append(self.problem(*args, **kwargs))


def agreement_rules(doc: LoadedDocument) -> Rules:
    """The rules in force: an addendum's overrides on top of its parent's rules."""
    model = doc.model
    if isinstance(model, Convenant):
        return model.rules
    parent = doc.reference.model if doc.reference is not None else None
    base = parent.rules if isinstance(parent, Convenant) else Rules()
    return model.effective_rules(base)
