"""The files that depend on changed files: a realisation that names a changed covenant, an
addendum whose parent changed, a case that settles either, and so on, transitively.

`validate FILE` (and the pre-commit hook, which passes only the changed files) checks
these too, so that renaming a commitment in a covenant fails where a realisation still
uses the old name. The search reads the YAML files under the root of each changed file
(the project root of SPEC §6) as text and picks the reference keys out with a pattern,
without parsing: a repository of hundreds of files is searched in milliseconds. A
reference written in an unusual YAML form (an anchor, a multi-line string) is not seen
here; a full `validate` of the folder still checks it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from convenant_cli.errors import InputError
from convenant_cli.references import Roots
from convenant_cli.source import read_bytes, walk_yaml

MAX_ENTRIES = 50_000  # files and folders under one root; a project has hundreds
# `parent: x.yaml`, `convenant: x.yaml`, `settle: [a.yaml, b.yaml]`, `realisation: x.yaml`
_SINGLE = re.compile(r"^(?:parent|convenant|settle|realisation)[ \t]*:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$",
                     re.MULTILINE)
# a block list under settle: or realisation:
_BLOCK = re.compile(r"^(?:settle|realisation)[ \t]*:[ \t]*(?:#.*)?\n(?P<items>(?:[ \t]+-[^\n]*\n?)+)", re.MULTILINE)
_ITEM = re.compile(r"^[ \t]+-\s*(?P<value>[^#\n]*?)\s*(?:#.*)?$", re.MULTILINE)


def _unquote(text: str) -> str:
    return text.strip().strip("'\"").strip()


def referenced_paths(text: str) -> list[str]:
    """The paths a file's top-level reference keys name, as written.

    >>> referenced_paths("parent: ../metaal.yaml  # Art. 8\\nsettle: [a.yaml, 'b.yaml']\\n")
    ['../metaal.yaml', 'a.yaml', 'b.yaml']
    >>> referenced_paths("realisation:\\n  - feiten/x.yaml\\n  - feiten/y.yaml\\n")
    ['feiten/x.yaml', 'feiten/y.yaml']
    """
    found: list[str] = []
    for match in _SINGLE.finditer(text):
        value = match.group("value")
        if value.startswith("[") and value.endswith("]"):
            found += [_unquote(item) for item in value[1:-1].split(",") if _unquote(item)]
        elif value:
            found.append(_unquote(value))
    for block in _BLOCK.finditer(text):
        found += [_unquote(item.group("value")) for item in _ITEM.finditer(block.group("items"))]
    return found


def _yaml_files(root: Path, limit: int) -> tuple[list[Path], bool]:
    """The YAML files under `root` (not in hidden folders), and whether the walk saw them
    all before `limit` names: a root that is a home folder is not searched whole."""
    found: list[Path] = []
    seen = 0
    for batch, names in walk_yaml(root):
        seen += names
        if seen > limit:
            return found, False
        found += batch
    return found, True


def _references(path: Path) -> list[Path]:
    try:
        text = read_bytes(path).decode("utf-8", errors="replace")  # a regular file only: never a pipe
    except InputError:
        return []  # validate reports an unreadable file itself when it reads it
    found = []
    for target in referenced_paths(text):
        if "\0" in target or os.path.isabs(target):
            continue
        try:
            found.append((path.parent / target).resolve())
        except (OSError, RuntimeError):
            continue
    return found


@dataclass(frozen=True, eq=False)
class Dependants:
    """Each file that depends on a changed file, with the file it refers to (a changed file,
    or another dependant); `complete` is false when a root was too large to search whole."""

    refers_to: dict[Path, Path]
    complete: bool = True


def find_dependants(changed: list[Path], roots: Roots, *, limit: int = MAX_ENTRIES) -> Dependants:
    """Every YAML file under the changed files' roots that refers, directly or through
    others, to one of them; in path order, without the changed files themselves."""
    targets = {path.resolve() for path in changed}
    scanned: dict[Path, list[Path]] = {}
    complete = True
    for root in {roots.root_of(path) for path in changed}:
        files, whole = _yaml_files(root, limit)
        complete &= whole
        for path in files:
            resolved = path.resolve()
            if resolved not in scanned:
                scanned[resolved] = _references(resolved)
    refers_to: dict[Path, Path] = {}
    frontier = targets
    while frontier:
        found = {}
        for path, references in scanned.items():
            if path in targets or path in refers_to:
                continue
            hit = next((reference for reference in references if reference in frontier), None)
            if hit is not None:
                found[path] = hit
        refers_to.update(found)
        frontier = set(found)
    return Dependants(dict(sorted(refers_to.items())), complete)
