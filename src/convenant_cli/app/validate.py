"""What `validate` checks: the files given, the YAML files of the folders given, one file
from standard input, and the files under the project root that refer to a given file
(its dependants). A YAML file that is no convenant file is left alone (`is_foreign`).

Reads files; never prints. The command line reports what this returns.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_cli.domain.errors import InputError, UsageError
from convenant_cli.domain.language import _
from convenant_cli.loading.discovery import collect_files, shown_path
from convenant_cli.loading.workspace import Workspace
from convenant_cli.reading.source import read_source

if TYPE_CHECKING:
    from convenant_cli.domain.diagnostics import Diagnostic

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


def deliver_report(run: Validation, diagnostics: list[Diagnostic], output_format: str, output: Path | None, *,
                   force: bool, strict: bool, color: bool) -> Iterable[str]:
    """The report in its format: the pieces to write on standard output, or (all of it, or
    nothing) in the `output` file, which is never one of the files being checked."""
    from convenant_cli.render.diagnostics import render_chunks
    from convenant_cli.render.diagnostics.report import Report

    inputs = {doc.path for doc in run.workspace.documents.values()}
    if output is not None and output.resolve() in inputs:
        raise UsageError(_("--output {output} is one of the files being checked")
                         .format(output=output), _("write the report elsewhere"))
    report = Report(diagnostics, run.workspace.source_line, run.checked, strict=strict, color=color)
    chunks = render_chunks(output_format, report)
    if output is None:
        return chunks
    from convenant_cli.app.staging import write_atomically

    def write(path: Path) -> None:
        with path.open("w", encoding="utf-8") as handle:
            handle.writelines(chunks)

    write_atomically(output, write, force=force, inputs=inputs)
    return ()
