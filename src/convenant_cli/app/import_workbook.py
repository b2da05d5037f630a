"""The `import` use case: an eindrapport workbook (written by `convenant new realisation
--xlsx`, filled in by a sector) back into a realisation YAML that `validate` accepts.

It wires: the workbook is opened and its cells read in `reading/` (every problem at its sheet
and cell, in the sheet's words), the agreement it names is found (`import_agreement.py`), the
facts become YAML (`render/realisation_yaml.py`), and what `validate` finds in that YAML is
reported at the cell its value came from (`import_locations.py`). Never prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import _
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import Agreement
from convenant_cli.reading.eindrapport_facts import Facts
from convenant_cli.reading.workbook_cells import Reading


@dataclass(eq=False, kw_only=True)
class Imported:
    """What an import gives: the workspace (the agreement's own problems), the workbook's
    problems, the YAML (None when the workbook has errors), the rows read per sheet, and how
    many warnings openpyxl gave while reading."""

    workspace: Workspace
    reading: Reading
    text: str | None = None
    rows: dict[str, int] = field(default_factory=dict)
    library_warnings: int = 0


def import_realisation(workbook: Path, output: Path | None, convenant: Path | None = None) -> Imported:
    """The realisation a workbook holds, as YAML, checked as `validate` checks a file; every
    problem in `reading`, at its cell."""
    from convenant_cli.app.import_agreement import agreement_of, outline_of
    from convenant_cli.reading.eindrapport_workbook import open_eindrapport, read_facts

    workspace = Workspace()
    imported = Imported(workspace=workspace,
                        reading=Reading(name=workbook.name if workbook.parent == Path(".") else str(workbook)))
    reading = imported.reading
    with open_eindrapport(workbook, reading) as book:
        named = book.named()
        doc = agreement_of(named, reading.name, convenant, workspace) if named is not None else None
        if doc is not None:
            facts = read_facts(book, outline_of(doc.model_as(Agreement)), reading)
            imported.rows = facts.rows
        imported.library_warnings = book.library_warnings
    if doc is None or reading.errors:
        return imported
    if output is not None and any(output.resolve() == path for path in [workbook.resolve(), *workspace.documents]):
        raise UsageError(_("{output}: is one of the files this run reads; never replaced").format(output=output),
                         _("write the output to another file"))
    imported.text = _checked(imported, doc.model_as(Agreement), doc.path, facts, workbook, output)
    return imported


def _checked(imported: Imported, agreement: Agreement, agreement_path: Path, facts: Facts, workbook: Path,
             output: Path | None) -> str | None:
    """The YAML, and the problems `validate` finds in it reported at their cells."""
    from convenant_cli.app.import_locations import located
    from convenant_cli.reading.source import read_source
    from convenant_cli.render.realisation_yaml import realisation_yaml

    workspace, reading = imported.workspace, imported.reading
    text, origins = realisation_yaml(agreement, agreement_path, facts, workbook.name, output)
    # checked where it will be read: the output file, or (for standard output, whose references are written
    # relative to the current folder) a file in the current folder
    where = (output if output is not None else Path(workbook.with_suffix(".yaml").name)).resolve()
    generated = workspace.load(where, reading.name, source=read_source(text.encode("utf-8"), reading.name))
    del workspace.documents[generated.path]  # its problems are the workbook's, at their cells
    workspace.inputs.discard(generated.path)
    reading.problems += located(generated.diagnostics, origins, reading.name)
    return None if reading.errors else text
