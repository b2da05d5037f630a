"""The files that depend on changed files: a realisation that names a changed covenant, an
addendum whose parent changed, a case that settles either, and so on, transitively.

`validate FILE` (and the pre-commit hook, which passes only the changed files) checks
these too, so that renaming a commitment in a covenant fails where a realisation still
uses the old name. The search reads the YAML files under the root of each changed file
(the project root of `references`) as text and picks the reference keys out with a pattern,
without parsing: a repository of hundreds of files is searched in milliseconds. A
reference written in an unusual YAML form (an anchor, a multi-line string) is not seen
here; a full `validate` of the folder still checks it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from convenant_cli.domain.errors import InputError
from convenant_cli.domain.kinds import REFERENCE_KEYS
from convenant_cli.reading.references import Roots
from convenant_cli.reading.source import read_bytes, walk_yaml

MAX_ENTRIES = 50_000  # files and folders under one root; a project has hundreds


def _value(text: str) -> str:
    """A scalar as written, without its comment or quotes (`'b.yaml'  # x` -> `b.yaml`)."""
    return text.partition("#")[0].strip().strip("'\"").strip()


def referenced_paths(text: str) -> list[str]:
    """The paths a file's top-level reference keys name, as written: `parent: x.yaml`,
    `convenant: x.yaml`, `settle: [a.yaml, b.yaml]`, or a block list under the key.

    `str.find` looks for each key at the start of a line, and only those lines (and the
    items of a block list under one) are read further; no regular expression. The time is
    proportional to the bytes, whatever a hostile line holds, and a long file of other
    content costs a few scans in C.

    >>> referenced_paths("parent: ../metaal.yaml  # Art. 8\\nsettle: [a.yaml, 'b.yaml']\\n")
    ['../metaal.yaml', 'a.yaml', 'b.yaml']
    >>> referenced_paths("realisation:\\n  - feiten/x.yaml\\n  - feiten/y.yaml  # z\\nexpect: {}\\n")
    ['feiten/x.yaml', 'feiten/y.yaml']
    """
    text = "\n" + text
    found: list[str] = []
    for key in sorted(REFERENCE_KEYS):
        at = text.find("\n" + key)
        while at >= 0:
            end = _end_of_line(text, at + 1)
            rest = text[at + 1 + len(key):end].lstrip(" \t")
            if rest.startswith(":"):
                written = rest[1:].partition("#")[0].strip()
                if written.startswith("[") and written.endswith("]"):
                    found += [value for value in map(_value, written[1:-1].split(",")) if value]
                elif written:
                    found.append(_value(written))
                else:
                    end = _block_items(text, end, found)
            at = text.find("\n" + key, end)
    return found


def _end_of_line(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _block_items(text: str, end: int, found: list[str]) -> int:
    """The items of a block list that starts after `end` (`  - a.yaml`); where it ends."""
    while end < len(text):
        stop = _end_of_line(text, end + 1)
        item = text[end + 1:stop]
        stripped = item.lstrip(" \t")
        if len(stripped) == len(item) or not stripped.startswith("-"):
            return end
        value = _value(stripped[1:])
        if value:
            found.append(value)
        end = stop
    return end


def yaml_files(root: Path, limit: int) -> tuple[list[Path], bool]:
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
        files, whole = yaml_files(root, limit)
        complete &= whole
        for path in files:
            try:
                resolved = path.resolve()
            except (OSError, RuntimeError):  # a loop of links: validate reports it when it reads the file
                continue
            if resolved not in scanned and resolved.is_relative_to(root):  # a link out of the project: never read
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
