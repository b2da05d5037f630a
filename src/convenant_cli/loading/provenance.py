"""The files a run read, for the evidence of a workbook: as named, kind, SHA-256, and
whether given on the command line. Loaded only when a workbook is written."""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.loading.workspace import Workspace


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
