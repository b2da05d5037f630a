"""`convenant new assessment REALISATION`: the skeleton of the auditor's assessment of one
eindrapport. Every qualitative commitment gets a verdict to fill in, with the sector's own
self-assessment and note beside it as a comment; every commitment with targets lists its
measured values as comments, for reference (a verdict overrides them, a correction replaces
one). The auditor's name and the day of the judgement are left empty, so that `validate`
reports each on its own line until filled in.

Builds YAML text; writing it (never over a file without `force`) is `output_file`'s job.
"""

from __future__ import annotations

import json
from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import Agreement, Realisation, ResultRealisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.references import written_reference
from convenant_cli.render.safe_text import visible


def load_realisation(path: Path) -> tuple[Workspace, LoadedDocument]:
    """The eindrapport an assessment judges, with its covenant or addendum; both must be valid
    (their problems are the workspace's to report)."""
    workspace = Workspace()
    doc = workspace.load(path)
    if doc.ok and not isinstance(doc.model, Realisation):
        raise UsageError(_("{name} is {kind}, not a realisation")
                         .format(name=doc.name, kind=Kind.in_a_sentence(doc.kind)),
                         _("give the eindrapport (kind: realisation) the auditor judges"))
    return workspace, doc


def _comment(value: str) -> str:
    """Text in a comment: one line, its control characters made visible."""
    return visible(" ".join(value.split()))


def _yes_no(achieved: bool | None) -> str:
    return "—" if achieved is None else "true" if achieved else "false"


def assessment_skeleton(doc: LoadedDocument, output: Path | None) -> str:
    """The assessment to fill in for the realisation `doc` (valid, with its agreement)."""
    realisation = doc.model_as(Realisation)
    agreement = doc.reference_as(Agreement)
    if agreement is None:
        raise TypeError(f"{doc.name}: its agreement did not load")  # the caller stops on the problems first
    qualitative = [c for c in agreement.result_commitments if c.targets is None]
    measured = [c for c in agreement.result_commitments if c.targets is not None]
    lines = ["# " + _("The auditor's assessment of {name}: the eindrapport of {title} ({id}).")
             .format(name=_comment(doc.name), title=_comment(agreement.title), id=agreement.id),
             "# " + _("Fill in the auditor, the day of the judgement and a verdict for every qualitative commitment;"),
             "# " + _("until then `convenant validate` reports an error on each empty line, and `settle` is "
                      "provisional."),
             "schema_version: 1", "kind: assessment",
             f"realisation: {written_reference(doc.path, output)}",
             f"realisation_sha256: {doc.source.sha256}  # " + _("the eindrapport as judged: a change to it shows"),
             "auditor:  # " + _("the auditor's name"),
             "date:  # " + _("the day of the judgement, e.g. {day}").format(day=agreement.period.end)]
    lines.append("verdicts:" if qualitative else "verdicts: {}")
    for commitment in qualitative:
        result = realisation.results.get(commitment.id, ResultRealisation())
        lines.append(f"  {commitment.id}:  # {_comment(commitment.title)}")
        lines.append("    # " + _("the sector's self-assessment: achieved {achieved}; note: {note}")
                     .format(achieved=_yes_no(result.achieved), note=_comment(result.note or "—")))
        lines.append("    achieved:  # " + _("true or false: the auditor's verdict"))
        lines.append("    note:  # " + _("the reason, e.g. where the eindrapport shows it"))
    if measured:
        lines.append("# " + _("Measured values, for reference: a verdict under `verdicts:` overrides a commitment's "
                              "values, a correction replaces one."))
    for commitment in measured:
        result = realisation.results.get(commitment.id, ResultRealisation())
        values = {(a.indicator, a.year): a.value for a in result.actuals}
        lines.append(f"#   {commitment.id}: {_comment(commitment.title)}")
        for target in commitment.targets or []:
            value = values.get((target.indicator, target.year))
            year = (_("work year {year}").format(year=target.year) if target.year is not None else
                    _("over the whole term"))
            lines.append("#     " + _("{indicator}, {year}: {value} (minimum {minimum})")
                         .format(indicator=_comment(target.indicator), year=year,
                                 value=value if value is not None else "—", minimum=target.minimum))
        if result.achieved is not None:
            lines.append("#     " + _("the sector's self-assessment: achieved {achieved}")
                         .format(achieved=_yes_no(result.achieved)))
    example = next(((c.id, t) for c in measured for t in c.targets or []), None)
    if example is None:
        lines.append("corrections: []")
    else:
        commitment_id, target = example
        written_year = target.year if target.year is not None else "null"
        lines.append("corrections: []  # " + _comment(f"- {{commitment: {commitment_id}, indicator: "
                                                      f"{json.dumps(target.indicator, ensure_ascii=False)}, "
                                                      f"year: {written_year}, value: ..., note: ...}}"))
    return "\n".join(lines) + "\n"
