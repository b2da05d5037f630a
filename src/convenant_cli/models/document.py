"""A loaded file: its source, its model, the file it refers to, the rules in force, its
problems.

Shared by the `workspace` and `checks`; holds no logic beyond narrowing the model to the
kind a check expects, locating a key path and building a diagnostic there.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from convenant_cli.domain.diagnostics import Diagnostic, Location, SumMismatch
from convenant_cli.domain.kinds import Kind
from convenant_cli.models.base import Model
from convenant_cli.models.rules import RulesInForce
from convenant_cli.reading.events import KeyPath
from convenant_cli.reading.source import SourceFile

if TYPE_CHECKING:
    from convenant_cli.models import Document
    from convenant_cli.reading.acceptance import Accepted

M = TypeVar("M", bound=Model)


@dataclass(kw_only=True)
class LoadedDocument:
    # the repr names the file, its kind and its problems; its text, its model and the files it
    # refers to (each with a repr of its own) would drown them
    path: Path  # resolved, the cache key
    source: SourceFile = field(repr=False)
    kind: Kind | None = None
    model: Document | None = field(default=None, repr=False)
    reference: LoadedDocument | None = field(default=None, repr=False)  # the file it belongs to (parent:, convenant:)
    # a case's settle: and realisation:
    linked: dict[str, list[LoadedDocument | None]] = field(default_factory=dict, repr=False)
    rules: RulesInForce | None = None  # a covenant's or addendum's, once its parent is known (Art. 8)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    accepted: list[Accepted] = field(default_factory=list)  # warnings a `# convenant: accept` comment took out

    @property
    def name(self) -> str:
        return self.source.path

    @property
    def ok(self) -> bool:
        """Valid on its own: a model was built and no error was found."""
        return self.model is not None and not any(d.is_error for d in self.diagnostics)

    def model_as(self, cls: type[M]) -> M:
        """The model, known to be a `cls`: checks run only on documents of their kind."""
        if not isinstance(self.model, cls):
            raise TypeError(f"{self.name} holds no {cls.__name__}")
        return self.model

    def reference_as(self, cls: type[M]) -> M | None:
        """The referenced file's model when it loaded cleanly as a `cls`, else None."""
        ref = self.reference
        if ref is None or not ref.ok or not isinstance(ref.model, cls):
            return None
        return ref.model

    def locate(self, *path: str | int, key: bool = False) -> Location:
        return self.source.locate(tuple(path), key=key)

    def problem(self, code: str, message: str, path: KeyPath = (), hint: str | None = None, *,
                key: bool = False, sums: SumMismatch | None = None) -> Diagnostic:
        """A diagnostic at `path` (its key with `key`), with its code's severity (`codes`)."""
        return Diagnostic.of(code, message, self.source.locate(path, key=key), hint, sums)

    def add(self, code: str, message: str, path: KeyPath = (), hint: str | None = None, *,
            key: bool = False, sums: SumMismatch | None = None) -> None:
        self.diagnostics.append(self.problem(code, message, path, hint, key=key, sums=sums))
