"""The covenant or addendum a workbook names by its id, looked up among the project's files.

A workbook travels (by mail, to a laptop outside the project), so it names its agreement by
id and SHA-256, never by a path. `convenant import` without `--convenant` looks the id up
under the project root of the current folder (the git work tree that holds it, else the
folder itself), in the YAML files outside hidden folders, as `validate` finds them. A file
that links out of the root is never read; a file that does not hold the id's text is not
parsed. Bounded as the search for dependants is: a root of more than `MAX_ENTRIES` names is
not searched whole. Never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from convenant_cli.domain.errors import InputError
from convenant_cli.domain.kinds import Kind
from convenant_cli.reading.dependants import MAX_ENTRIES, yaml_files
from convenant_cli.reading.source import parse_source, read_bytes

_AGREEMENT_KINDS = (Kind.CONVENANT.value, Kind.ADDENDUM.value)


@dataclass(frozen=True, kw_only=True)
class Found:
    """The agreements with the id, in path order, and whether the whole root was searched."""

    paths: tuple[Path, ...]
    complete: bool


def find_agreements(identifier: str, root: Path, *, limit: int = MAX_ENTRIES) -> Found:
    """Every covenant and addendum under `root` whose `id` is `identifier`."""
    root = root.resolve()
    files, complete = yaml_files(root, limit)
    wanted = identifier.encode("utf-8")
    found: set[Path] = set()
    for path in files:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a loop of links
            continue
        if not resolved.is_relative_to(root) or resolved in found:  # a link out of the project: never read
            continue
        try:
            raw = read_bytes(resolved)
        except InputError:
            continue
        if wanted not in raw:
            continue
        data = parse_source(raw, str(path)).data
        if isinstance(data, dict) and data.get("kind") in _AGREEMENT_KINDS and data.get("id") == identifier:
            found.add(resolved)
    return Found(paths=tuple(sorted(found)), complete=complete)
