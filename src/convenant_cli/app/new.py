"""The `new` use case: the skeleton of a file a sector or an auditor starts from. An
eindrapport for a covenant or addendum lists everything the agreement asks for (every result
commitment with each target's indicator and work year, every beneficiary by enterprise
number); a new covenant, addendum or golden case has every key its kind needs. What the
writer must fill in is left empty, and `validate` reports each empty value on its own line
until it is filled in. A new case records the figures computed now, with a comment that
they must be checked by hand.

Builds YAML text; writing it (never over a file without `force`) is `output_file`'s job.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.domain.terms import Span, years_due
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import Agreement, Convenant, ResultCommitment, Target
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.references import written_reference
from convenant_cli.render.safe_text import visible


def _text(value: str) -> str:
    """A YAML scalar for any text: JSON's double-quoted string is one.

    >>> _text("bedrijfsbezoeken"), _text("R1: #2")
    ('"bedrijfsbezoeken"', '"R1: #2"')
    """
    return json.dumps(value, ensure_ascii=False)


def _comment(value: str) -> str:
    """Text in a comment: one line, its control characters made visible."""
    return visible(" ".join(value.split()))


relative = written_reference


def load_agreement(path: Path) -> tuple[Workspace, LoadedDocument, Agreement]:
    """The covenant or addendum a new file is for; it must be valid (its problems are the
    workspace's to report)."""
    workspace = Workspace()
    doc = workspace.load(path)
    if doc.ok and not isinstance(doc.model, Agreement):
        raise UsageError(_("{name} is {kind}, not a covenant or addendum")
                         .format(name=doc.name, kind=Kind.in_a_sentence(doc.kind)),
                         _("give the covenant or addendum the new file is for"))
    return workspace, doc, doc.model  # type: ignore[return-value]  # the caller stops on its problems first


def load_parent(path: Path) -> tuple[Workspace, LoadedDocument, Convenant]:
    """The covenant a new addendum belongs to (an addendum's parent is a covenant, never an
    addendum); it must be valid (its problems are the workspace's to report)."""
    workspace = Workspace()
    doc = workspace.load(path)
    if doc.model is not None and not isinstance(doc.model, Convenant):
        raise UsageError(_("--parent {name} is {kind}, not a covenant").format(name=doc.name,
                                                                            kind=Kind.in_a_sentence(doc.kind)),
                         _("an addendum's parent is the covenant it belongs to (its `parent:`, if it is an addendum)"))
    return workspace, doc, doc.model  # type: ignore[return-value]  # the caller stops on its problems first


def realisation_skeleton(agreement: Agreement, agreement_path: Path, output: Path | None,
                         as_of: date | None = None) -> str:
    """An eindrapport to fill in: every commitment, target and beneficiary of the agreement.
    With `as_of`, a progress report at that day (Art. 6): only the targets of the work years
    ended by then; a commitment with none is left out, said in a comment. The comments speak
    the run's language; the keys stay the file format's."""
    due = None if as_of is None else _years_due(agreement, as_of)
    what = (_("Eindrapport for {title} ({id}),") if as_of is None else
            _("Progress report (Art. 6) at {day} for {title} ({id}),"))
    lines = ["# " + what.format(day=as_of, title=_comment(agreement.title), id=agreement.id),
             "# " + _("term {start} to {end}.").format(start=agreement.period.start, end=agreement.period.end),
             "# " + _("Fill in every empty value: until then `convenant validate` reports an error on its line."),
             "# " + _("Per beneficiary: every consultant (name, fte, employed, absences) under `consultants:`.")]
    if as_of is not None:
        lines.append("# " + _("Only the facts up to and including {day}; an absence still going on then has no "
                              "`end`.").format(day=as_of))
    lines += ["schema_version: 1", "kind: realisation", f"convenant: {relative(agreement_path, output)}"]
    if as_of is not None:
        lines.append(f"as_of: {as_of}")
    lines.append("results:" if due is None or any(_targets_due(c, due) for c in agreement.result_commitments)
                 else "results: {}")
    for commitment in agreement.result_commitments:
        targets = commitment.targets if due is None else _targets_due(commitment, due)
        if due is not None and not targets:
            lines.append("  # " + _("{id}: not yet due at {day} (its work year or the term has not ended)")
                         .format(id=commitment.id, day=as_of))
            continue
        lines.append(f"  {commitment.id}:  # {_comment(commitment.title)}")
        if targets:
            lines.append("    actuals:")
            for target in targets:
                measured = (_("measured value (minimum {minimum}, work year {year})") if target.year else
                            _("measured value (minimum {minimum}, over the whole term)"))
                lines.append(f"      - indicator: {_text(target.indicator)}")
                if target.year:
                    lines.append(f"        year: {target.year}")
                lines.append("        value:  # " + measured.format(minimum=target.minimum, year=target.year))
        else:
            lines.append("    note:  # " + _("where the eindrapport reports on it, e.g. Eindrapport p. 12"))
            lines.append("    # achieved: true  # " + _("optional: the sector's self-assessment; the auditor judges "
                                                        "the commitment in an assessment"))
    lines.append("staffing:")
    for _group, member in agreement.members():
        lines.append(f"  - beneficiary: {format_enterprise_number(member.enterprise_number)}  "
                     f"# {_comment(member.name)}")
        lines.append("    consultants:  # - {name: ..., fte: 1.00, absences: [{start: ..., end: ..., reason: ...}]}")
    lines.append("advances: []")
    if as_of is None:  # Art. 6: the financial part belongs to the eindrapport only
        lines += _cost_example(agreement)
    return "\n".join(lines) + "\n"


def _cost_example(agreement: Agreement) -> list[str]:
    """The cost statement as a commented example (rulebook R6): a wage line and an operating
    line for the first beneficiary, dated in the term, so that a skeleton left as it is stays
    the same eindrapport."""
    _group, member = next(iter(agreement.members()))
    start = agreement.period.start
    end = min(agreement.period.end, date(start.year, 12, 31))
    return ["# " + _("The cost statement (Art. 5 and 6): per beneficiary, its cost lines instead of one "
                     "`eligible_costs` total."),
            "# " + _("A wage line names a consultant of the staffing and the period it pays; an operating line has "
                     "its date."),
            "# " + _("Each line has its amount and a reference (payslip, invoice); only its part in the term and the "
                     "employment is eligible."),
            "# costs:",
            f"#   - beneficiary: {format_enterprise_number(member.enterprise_number)}  # {_comment(member.name)}",
            "#     lines:",
            f"#       - {{kind: wage, consultant: Consulent A, from: {start}, to: {end}, amount: 31250.00, "
            f"reference: loonstaat {start.year}}}",
            f"#       - {{kind: operating, date: {start}, amount: 1200.00, reference: factuur {start.year}-001}}"]


def _years_due(agreement: Agreement, as_of: date) -> int:
    """The work years ended by `as_of`; a day outside the term, or its last day, is refused."""
    start, end = agreement.period.start, agreement.period.end
    if not start <= as_of < end:
        raise UsageError(_("{day} is not a day of the term {start} - {end} before its last day")
                         .format(day=as_of, start=start, end=end),
                         _("a progress report is made during the term; the report at its end is the eindrapport, "
                           "without --as-of"))
    return years_due(Span(start, end), as_of)


def _targets_due(commitment: ResultCommitment, due: int) -> list[Target]:
    return [target for target in commitment.targets or [] if target.year is not None and target.year <= due]


def convenant_skeleton(identifier: str) -> str:
    """A covenant to fill in from its text (Art. 1, 2 and 5), its comments in the run's language."""
    return "\n".join([
        "# " + _("A new sector covenant: fill in every empty value from the covenant's text."),
        "# " + _("Until then `convenant validate` reports an error on each empty line."),
        "schema_version: 1",
        "kind: convenant",
        f"id: {_text(identifier)}",
        "title:  # " + _("the covenant's title"),
        "sector:  # " + _("the sector"),
        "period:  # " + _("Art. 1: the term"),
        "  start:  # 2025-07-01",
        "  end:  # 2027-06-30",
        "max_subsidy:  # " + _("Art. 1: the maximum subsidy in euro, e.g. 1166000.00"),
        "fte:  # " + _("Art. 1 and 5: the number of FTE sector consultants, e.g. 11.00"),
        "beneficiaries:  # " + _("Art. 1: each group of beneficiaries"),
        "  - group: a",
        "    amount_each:  # " + _("euro per member of the group"),
        "    fte_each:  # " + _("FTE per member of the group"),
        "    members:",
        "      - name:",
        "        enterprise_number:  # 0409.845.289",
        "        iban:  # BE25 2100 0498 8882",
        "        address:",
        "result_commitments:  # " + _("Art. 2: each result commitment"),
        "  - id: R1",
        "    title:",
        "    targets:  # " + _("or `qualitative:` with the text of a qualitative commitment"),
        "      - indicator:",
        "        year: 1",
        "        minimum:",
    ]) + "\n"


def addendum_skeleton(parent: Agreement, parent_path: Path, output: Path | None) -> str:
    """An addendum to a covenant: its beneficiaries listed, their amounts to fill in (Art. 8:
    the covenant's rules apply unless the addendum says otherwise)."""
    lines = ["# " + _("An addendum to {title} ({id}).").format(title=_comment(parent.title), id=parent.id),
             "# " + _("Fill in every empty value; the covenant's rules apply unless the addendum changes them "
                      "(Art. 8)."),
             "schema_version: 1", "kind: addendum", f"parent: {relative(parent_path, output)}",
             "id:  # " + _("e.g. {id}-theme").format(id=_comment(parent.id)), "title:",
             f"sector: {_text(parent.sector)}",
             "# theme: " + _("the addendum's theme"), "period:", f"  start: {parent.period.start}",
             f"  end: {parent.period.end}", "max_subsidy:  # " + _("Art. 1 of the addendum"),
             "beneficiaries:  # " + _("the covenant's beneficiaries; leave out whoever receives nothing")]
    for group in parent.beneficiaries:
        lines += [f"  - group: {_text(group.group)}", "    amount_each:  # " + _("euro per member"), "    members:"]
        for member in group.members:
            lines += [f"      - name: {_text(member.name)}",
                      f"        enterprise_number: {format_enterprise_number(member.enterprise_number)}",
                      f"        iban: {member.iban}", f"        address: {_text(member.address)}"]
    lines += ["result_commitments:", "  - id: A1", "    title:", "    qualitative:"]
    return "\n".join(lines) + "\n"


def case_skeleton(workspace: Workspace, settle: list[Path], realisations: list[Path], output: Path | None,
                  assessments: list[Path] | None = None) -> str | None:
    """A golden case that records the figures the files settle to now, and its status; None
    when the files have errors (the workspace's to report)."""
    from convenant_cli.app.settle import SettleFiles, settle_documents
    from convenant_cli.domain.money import format_fraction

    judged = assessments or []
    files = SettleFiles(named=[workspace.load(path) for path in settle],
                        realisations=[workspace.load(path) for path in realisations], found=[], case_folders=[],
                        assessments=[workspace.load(path) for path in judged])
    if any(d.is_error for d in workspace.diagnostics()):
        return None
    run = settle_documents(workspace, files)
    first = run.settlements[0]
    keys = {"settled": ("deduction", "effort", "result", "payable", "balance"),
            "provisional": ("deduction", "effort", "result", "payable", "payable_if_met", "balance"),
            "interim": ("shortfall_fte_days", "deduction", "advances"),  # nothing paid yet (rulebook R8)
            "maxima": ("maximum", "effort", "result")}[first.status]
    lines = ["# " + _("THESE FIGURES ARE COMPUTED NOW, not worked by hand. Work each figure out by hand,"),
             "# " + _("write the arithmetic here in comments, and only then commit the case."),
             "schema_version: 1", "kind: case",
             f"title: {_text('Afrekening van ' + first.id)}  # " + _("what this case pins, in one sentence"),
             f"reference: {_text(first.agreement.title + ' art. 1, 2 en 5')}  # " + _("the article or the rule"),
             "settle: [" + ", ".join(relative(path, output) for path in settle) + "]"]
    if realisations:
        lines.append("realisation: [" + ", ".join(relative(path, output) for path in realisations) + "]")
    if judged:
        lines.append("assessment: [" + ", ".join(relative(path, output) for path in judged) + "]")
    lines.append("expect:")
    if len(run.settlements) > 1:
        lines.append(f"  convenant: {_text(first.id)}")
    lines.append(f"  status: {first.status}")
    if first.ratio is not None and not first.interim:  # an interim view has no ratio (rulebook R8)
        lines.append(f'  ratio: "{format_fraction(first.ratio.ratio)}"')
    lines.append("  beneficiaries:")
    for line in first.lines:
        figures = ", ".join(f'{key}: "{getattr(line, key)}"' for key in keys)
        lines.append(f'    "{format_enterprise_number(line.enterprise_number)}": {{{figures}}}  '
                     f"# {_comment(line.name)}")
    lines.append("  totals: {" + ", ".join(f'{key}: "{getattr(first.totals, key)}"' for key in keys) + "}")
    return "\n".join(lines) + "\n"


def write_fill_in_workbook(workspace: Workspace, agreement: LoadedDocument, target: Path, prefill: Path | None, *,
                           created: datetime, force: bool) -> None:
    """The eindrapport as a workbook to fill in, prefilled from `prefill` when given (a
    realisation of this agreement); whole or not at all, never over an input."""
    from convenant_cli.app.output_file import check_workbook_name
    from convenant_cli.app.staging import write_atomically
    from convenant_cli.models import Realisation
    from convenant_cli.render.realisation_xlsx import write_fill_in

    facts = None
    if prefill is not None:
        found = workspace.load(prefill)
        if any(d.is_error for d in workspace.diagnostics()):
            return  # the caller reports the problems
        if not isinstance(found.model, Realisation) or found.reference is None or \
                found.reference.path != agreement.path:
            raise UsageError(_("--from {name} is not an eindrapport of {name2}")
                             .format(name=found.name, name2=agreement.name),
                             _("give the realisation whose `convenant:` names this agreement"))
        if found.model.as_of is not None:  # its day and its ongoing absences have no column in the workbook
            raise UsageError(_("--from {name} is a progress report (as_of {day}); the workbook holds an eindrapport")
                             .format(name=found.name, day=found.model.as_of),
                             _("keep a progress report in YAML (convenant new realisation --as-of)"))
        facts = found.model
    model = agreement.model_as(Agreement)
    write_atomically(target, lambda path: write_fill_in(path, model, agreement.source.sha256, created, facts),
                     force=force, inputs=[doc.path for doc in workspace.documents.values()], check=check_workbook_name)
