"""What `validate` checks: the files given, the YAML files of the folders given, one file
from standard input, and the files under the project root that refer to a given file
(its dependants). A YAML file that is no convenant file is left alone (`is_foreign`).

Reads files; never prints. The command line reports what this returns.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from convenant_cli.domain.errors import InputError
from convenant_cli.loading.discovery import collect_files, shown_path
from convenant_cli.loading.workspace import Workspace
from convenant_cli.reading.source import read_source

STDIN = Path("-")
STDIN_NAME = "<stdin>"


@dataclass(eq=False)
class Validation:
    workspace: Workspace
    unreadable: list[InputError]
    dependants: dict[str, str] = field(default_factory=dict)  # a dependant checked: the file it refers to
    dependants_complete: bool = True  # false when a root was too large to search whole

    @property
    def checked(self) -> list[str]:
        return [doc.name for doc in self.workspace.reported()]


def validate_paths(paths: list[Path], *, stdin: bytes | None = None, with_dependants: bool = True) -> Validation:
    """Load and check every file `paths` names (`-` is `stdin`, read by the caller).

    A file named on the command line (not a folder: a folder is checked whole) brings in
    its dependants, so that the pre-commit hook, which passes only the changed files,
    still fails a realisation whose covenant lost the commitment it reports on.
    """
    workspace = Workspace()
    given = [path for path in paths if path != STDIN]
    files, unreadable = collect_files(given)
    if stdin is not None:  # references are relative to the current folder, its root the project's
        workspace.load_unless_foreign(Path.cwd() / STDIN_NAME, read_source(stdin, STDIN_NAME))
    for path in files:
        try:
            workspace.load_unless_foreign(path)
        except InputError as failure:
            unreadable.append(failure)
    run = Validation(workspace, unreadable)
    named = [path for path in given if path.is_file()]
    if with_dependants and named:
        from convenant_cli.reading.dependants import find_dependants

        found = find_dependants(named, workspace.roots)
        run.dependants_complete = found.complete
        for dependant, target in found.refers_to.items():
            if dependant in workspace.inputs:
                continue
            try:
                doc = workspace.load_unless_foreign(dependant)
            except InputError as failure:
                unreadable.append(failure)
                continue
            if doc is not None:
                run.dependants[doc.name] = shown_path(target)
    return run
