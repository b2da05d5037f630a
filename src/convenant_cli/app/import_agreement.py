"""Which covenant or addendum an eindrapport workbook is for: the one `--convenant` names, else
the one file of the project with the id the workbook's sheet Convenant gives. Either way the
file must be that agreement as it was when the workbook was written (its SHA-256): a workbook
of a changed agreement is refused. Never prints.
"""

from __future__ import annotations

from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import N_, _
from convenant_cli.loading.discovery import shown_path
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import REASONS_NL, Agreement
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.eindrapport_facts import AgreementOutline, CommitmentOutline
from convenant_cli.reading.eindrapport_workbook import NamedAgreement

_NAME_IT = N_("name the agreement with --convenant FILE")


def agreement_of(named: NamedAgreement, workbook: str, convenant: Path | None,
                 workspace: Workspace) -> LoadedDocument | None:
    """The agreement the workbook is for, loaded and checked in `workspace` (None when it has
    errors: they are the workspace's to report); `UsageError` when it cannot be told which
    file it is, or the file changed since."""
    if convenant is None:
        doc = workspace.load(_looked_up(named, workbook, workspace))
    else:
        doc = workspace.load(convenant)
        if doc.ok and isinstance(doc.model, Agreement) and doc.model.id != named.id:
            raise UsageError(_("{workbook} is the eindrapport of {id}; --convenant {name} is {other}")
                             .format(workbook=workbook, id=named.id, name=doc.name, other=doc.model.id),
                             _("give the covenant or addendum the workbook was written for"))
    if not doc.ok:
        return None
    if not isinstance(doc.model, Agreement):
        raise UsageError(_("{name} is not a covenant or addendum").format(name=doc.name),
                         _("give the covenant or addendum the workbook was written for"))
    if doc.source.sha256 != named.sha256:
        raise UsageError(_("{name} was written for another version of {name2} (its SHA-256 differs)")
                         .format(name=workbook, name2=doc.name),
                         _("write a new workbook: convenant new realisation {name} --xlsx ... --from ...")
                         .format(name=doc.name))
    return doc


def _looked_up(named: NamedAgreement, workbook: str, workspace: Workspace) -> Path:
    from convenant_cli.reading.agreement_search import find_agreements

    root = workspace.roots.project()
    found = find_agreements(named.id, root)
    if len(found.paths) == 1:
        return found.paths[0]
    written_for = [path for path in found.paths if _sha256(path) == named.sha256]
    if len(written_for) == 1:  # an amended version beside the covenant: the workbook names the one it is of
        return written_for[0]
    if found.paths:
        raise UsageError(_("{workbook} is the eindrapport of {id}, and {count} files of the project have that id: "
                           "{files}").format(workbook=workbook, id=named.id, count=len(found.paths),
                                             files=", ".join(shown_path(path) for path in found.paths)),
                         _(_NAME_IT))
    searched = _("in the project folder {root}") if found.complete else \
        _("in the project folder {root} (searched in part: it holds too many files)")
    raise UsageError(_("{workbook} is the eindrapport of {id}; no covenant or addendum with that id {searched}")
                     .format(workbook=workbook, id=named.id, searched=searched.format(root=root)), _(_NAME_IT))


def _sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def outline_of(agreement: Agreement) -> AgreementOutline:
    """What the workbook's cells are read against, from the agreement."""
    return AgreementOutline(
        id=agreement.id, start=agreement.period.start, end=agreement.period.end,
        beneficiaries={member.enterprise_number: member.name for _group, member in agreement.members()},
        has_fte=agreement.fte is not None,
        commitments=tuple(CommitmentOutline(id=c.id, targets=tuple((t.indicator, t.year) for t in c.targets or ()),
                                            qualitative=c.qualitative is not None)
                          for c in agreement.result_commitments),
        reasons={dutch: english for english, dutch in REASONS_NL.items()})
