"""Which files a run reads: the files and folders given (`collect_files`), whether a YAML
file is a convenant file at all (`is_foreign`: a CI workflow or an mkdocs config is left
alone), and how a path is shown in every report (`shown_path`). Never prints.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

from convenant_cli.domain.diagnostics import did_you_mean
from convenant_cli.domain.errors import InputError, os_reason
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.models import all_models
from convenant_cli.reading.source import SourceFile, walk_yaml


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
            problems.append(InputError(_("{path}: cannot read ({reason})")
                                       .format(path=path, reason=os_reason(error))))
            continue
        if is_folder:
            found, before = [], len(problems)

            def unreadable(error: OSError) -> None:
                problems.append(InputError(_("{filename}: cannot read this folder ({reason})")
                                           .format(filename=error.filename, reason=os_reason(error)),
                                           hint=_("its files were not checked; fix its permissions")))

            for batch, _folders in walk_yaml(path, onerror=unreadable):
                found += batch
            if not found and len(problems) == before:
                problems.append(InputError(_("{path}: no *.yaml or *.yml files in this folder").format(path=path)))
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
            problems.append(InputError(_("{path}: no such file or folder")
                                       .format(path=path), hint=_("check the path and its spelling")))
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
    """A path as every report shows it: relative to the current folder (rulebook), whatever
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
