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
from convenant_cli.models import Agreement, ResultCommitment, Target
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


def realisation_skeleton(agreement: Agreement, agreement_path: Path, output: Path | None,
                         as_of: date | None = None) -> str:
    """An eindrapport to fill in: every commitment, target and beneficiary of the agreement.
    With `as_of`, a progress report at that day (Art. 6): only the targets of the work years
    ended by then; a commitment with none is left out, said in a comment."""
    due = None if as_of is None else _years_due(agreement, as_of)
    what = "Eindrapport" if as_of is None else f"Voortgangsrapport (Art. 6) op {as_of}"
    lines = [f"# {what} voor {_comment(agreement.title)} ({agreement.id}),",
             f"# termijn {agreement.period.start} tot {agreement.period.end}.",
             "# Vul elke lege waarde in: tot dan meldt `convenant validate` een fout op die regel.",
             "# Per begunstigde: elke consulent (name, fte, employed, absences) onder `consultants:`."]
    if as_of is not None:
        lines.append(f"# Alleen de feiten tot en met {as_of}; een afwezigheid die dan nog loopt, heeft geen `end`.")
    lines += ["schema_version: 1", "kind: realisation", f"convenant: {relative(agreement_path, output)}"]
    if as_of is not None:
        lines.append(f"as_of: {as_of}")
    lines.append("results:" if due is None or any(_targets_due(c, due) for c in agreement.result_commitments)
                 else "results: {}")
    for commitment in agreement.result_commitments:
        targets = commitment.targets if due is None else _targets_due(commitment, due)
        if due is not None and not targets:
            lines.append(f"  # {commitment.id}: nog niet te beoordelen op {as_of} (werkjaar of termijn niet voorbij)")
            continue
        lines.append(f"  {commitment.id}:  # {_comment(commitment.title)}")
        if targets:
            lines.append("    actuals:")
            for target in targets:
                year = f", werkjaar {target.year}" if target.year else ", over de hele termijn"
                lines.append(f"      - indicator: {_text(target.indicator)}")
                if target.year:
                    lines.append(f"        year: {target.year}")
                lines.append(f"        value:  # gemeten waarde (minimum {target.minimum}{year})")
        else:
            lines.append("    achieved:  # true of false: het oordeel van de auditor (kwalitatieve verbintenis)")
            lines.append("    note:  # waar het eindrapport het staaft, bv. Eindrapport p. 12")
    lines.append("staffing:")
    for _group, member in agreement.members():
        lines.append(f"  - beneficiary: {format_enterprise_number(member.enterprise_number)}  "
                     f"# {_comment(member.name)}")
        lines.append("    consultants:  # - {name: ..., fte: 1.00, absences: [{start: ..., end: ..., reason: ...}]}")
    lines.append("advances: []")
    return "\n".join(lines) + "\n"


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
    """A covenant to fill in from its text (Art. 1, 2 and 5)."""
    return "\n".join([
        "# Een nieuw sectorconvenant: vul elke lege waarde in uit de tekst van het convenant.",
        "# Tot dan meldt `convenant validate` een fout op elke lege regel.",
        "schema_version: 1",
        "kind: convenant",
        f"id: {_text(identifier)}",
        "title:  # de titel van het convenant",
        "sector:  # de sector",
        "period:  # Art. 1: de termijn",
        "  start:  # 2025-07-01",
        "  end:  # 2027-06-30",
        "max_subsidy:  # Art. 1: de maximale toelage in euro, bv. 1166000.00",
        "fte:  # Art. 1 en 5: het aantal VTE sectorconsulenten, bv. 11.00",
        "beneficiaries:  # Art. 1: elke groep begunstigden",
        "  - group: a",
        "    amount_each:  # euro per lid van de groep",
        "    fte_each:  # VTE per lid van de groep",
        "    members:",
        "      - name:",
        "        enterprise_number:  # 0409.845.289",
        "        iban:  # BE25 2100 0498 8882",
        "        address:",
        "result_commitments:  # Art. 2: elke resultaatsverbintenis",
        "  - id: R1",
        "    title:",
        "    targets:  # of `qualitative:` met de tekst van een kwalitatieve verbintenis",
        "      - indicator:",
        "        year: 1",
        "        minimum:",
    ]) + "\n"


def addendum_skeleton(parent: Agreement, parent_path: Path, output: Path | None) -> str:
    """An addendum to a covenant: its beneficiaries listed, their amounts to fill in (Art. 8:
    the covenant's rules apply unless the addendum says otherwise)."""
    lines = [f"# Een addendum bij {_comment(parent.title)} ({parent.id}).",
             "# Vul elke lege waarde in; de regels van het convenant gelden tenzij het addendum ze wijzigt (art. 8).",
             "schema_version: 1", "kind: addendum", f"parent: {relative(parent_path, output)}",
             "id:  # bv. " + _comment(parent.id) + "-thema", "title:", f"sector: {_text(parent.sector)}",
             "# theme: het thema van het addendum", "period:", f"  start: {parent.period.start}",
             f"  end: {parent.period.end}", "max_subsidy:  # Art. 1 van het addendum",
             "beneficiaries:  # de begunstigden van het convenant; laat weg wie niets ontvangt"]
    for group in parent.beneficiaries:
        lines += [f"  - group: {_text(group.group)}", "    amount_each:  # euro per lid", "    members:"]
        for member in group.members:
            lines += [f"      - name: {_text(member.name)}",
                      f"        enterprise_number: {format_enterprise_number(member.enterprise_number)}",
                      f"        iban: {member.iban}", f"        address: {_text(member.address)}"]
    lines += ["result_commitments:", "  - id: A1", "    title:", "    qualitative:"]
    return "\n".join(lines) + "\n"


def case_skeleton(workspace: Workspace, settle: list[Path], realisations: list[Path], output: Path | None) -> str:
    """A golden case that records the figures the files settle to now."""
    from convenant_cli.app.settle import SettleFiles, settle_documents
    from convenant_cli.domain.money import format_fraction

    files = SettleFiles(named=[workspace.load(path) for path in settle],
                        realisations=[workspace.load(path) for path in realisations], found=[], case_folders=[])
    if any(d.is_error for d in workspace.diagnostics()):
        raise UsageError(_("the files to settle have errors (see above); a case records a settlement"),
                         _("fix them with `convenant validate` first"))
    run = settle_documents(workspace, files)
    first = run.settlements[0]
    keys = {"settled": ("deduction", "effort", "result", "payable", "balance"),
            "interim": ("shortfall_fte_days", "deduction", "advances"),  # nothing paid yet (rulebook R8)
            "maxima": ("maximum", "effort", "result")}[first.status]
    lines = ["# DEZE CIJFERS ZIJN NU BEREKEND, niet met de hand nagerekend. Reken elk cijfer met de hand na,",
             "# schrijf de berekening hier in commentaar, en leg het geval pas daarna vast.",
             "schema_version: 1", "kind: case",
             f"title: {_text('Afrekening van ' + first.id)}  # wat dit geval vastlegt, in een zin",
             f"reference: {_text(first.agreement.title + ' art. 1, 2 en 5')}  # het artikel of de regel",
             "settle: [" + ", ".join(relative(path, output) for path in settle) + "]"]
    if realisations:
        lines.append("realisation: [" + ", ".join(relative(path, output) for path in realisations) + "]")
    lines.append("expect:")
    if len(run.settlements) > 1:
        lines.append(f"  convenant: {_text(first.id)}")
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
    from convenant_cli.app.output_file import check_workbook_name, write_atomically
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
        facts = found.model
    model = agreement.model_as(Agreement)
    write_atomically(target, lambda path: write_fill_in(path, model, relative(agreement.path, target),
                                                        agreement.source.sha256, created, facts),
                     force=force, inputs=[doc.path for doc in workspace.documents.values()], check=check_workbook_name)
