"""Checks on a golden case (rulebook): its files are a covenant or addendum to settle, the
eindrapporten of those and the auditor's assessments of these; the figures it expects name
beneficiaries of the file they are of, and figures that exist (payable, advances and balance
only with an eindrapport), and the results it expects commitments of that file.
"""

from __future__ import annotations

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.models import Agreement, Realisation
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.base import Model
from convenant_cli.models.case import Case
from convenant_cli.models.document import LoadedDocument

SETTLED_ONLY = ("payable", "advances", "balance", "payable_if_met")  # null when the figures are maxima
NOT_INTERIM = ("effort", "result", "payable", "balance", "payable_if_met")  # null in an interim view (Art. 6)


def _agreements(doc: LoadedDocument) -> list[Agreement]:
    return [linked.model for linked in doc.linked.get("settle", []) if linked is not None and linked.ok
            and isinstance(linked.model, Agreement)]


def _written_keys(doc: LoadedDocument, section: str) -> dict[str, str]:
    """The keys of `expect.<section>` as the file writes them (`0434.112.117`), by the number
    the model holds compact (`0434112117`), so that a problem points at its own line; made
    once per case (a case may expect thousands of beneficiaries)."""
    data = doc.source.data
    written = data.get("expect", {}).get(section, {}) if isinstance(data, dict) else {}
    if not isinstance(written, dict):
        return {}
    found: dict[str, str] = {}
    for key in written:
        found.setdefault("".join(char for char in str(key) if char.isdigit()), str(key))
    return found


def check_case_files(doc: LoadedDocument) -> list[Diagnostic]:
    found = []
    settled = doc.linked.get("settle", [])
    for index, linked in enumerate(settled):
        if linked is not None and linked.model is not None and not isinstance(linked.model, Agreement):
            what = Kind.in_a_sentence(linked.kind)
            found.append(doc.problem("CV601", _("`settle` names {name}, {what}; a case settles a convenant or an "
                                                "addendum").format(name=linked.name, what=what), ("settle", index),
                                     _("name its eindrapport under `realisation:`") if isinstance(
                                         linked.model, Realisation) else None))
    found += _belonging(doc, "realisation", Realisation, "CV601", "settle",
                        _("`realisation` names {name}, {what}, not an eindrapport"),
                        _("`realisation` names the eindrapport of {name}, which the case does not settle"))
    found += _belonging(doc, "assessment", Assessment, "CV607", "realisation",
                        _("`assessment` names {name}, {what}, not an assessment"),
                        _("`assessment` names the assessment of {name}, which the case does not name under "
                          "`realisation:`"))
    return found


def _belonging(doc: LoadedDocument, key: str, model: type[Model], code: str, parent_key: str, wrong: str,
               outside: str) -> list[Diagnostic]:
    """Each file a case names under `key` is a `model` (`wrong` otherwise) that belongs to a file it
    names under `parent_key` (`outside` otherwise): an eindrapport of a file it settles, an
    assessment of an eindrapport it names."""
    parents = {linked.path for linked in doc.linked.get(parent_key, []) if linked is not None}
    found = []
    for index, linked in enumerate(doc.linked.get(key, [])):
        if linked is None or linked.model is None:
            continue
        if not isinstance(linked.model, model):
            found.append(doc.problem(code, wrong.format(name=linked.name, what=Kind.in_a_sentence(linked.kind)),
                                     (key, index)))
        elif linked.reference is not None and linked.reference.path not in parents:
            found.append(doc.problem(code, outside.format(name=linked.reference.name), (key, index),
                                     _("add {name} under `{key}:`").format(name=linked.reference.name,
                                                                           key=parent_key)))
    return found


def check_case_expectations(doc: LoadedDocument) -> list[Diagnostic]:
    case = doc.model_as(Case)
    agreements = _agreements(doc)
    if not agreements or len(agreements) != len(case.settle):
        return []  # the files' own problems are reported; nothing to hold the figures against
    expect = case.expect
    found = []
    target = agreements[0]
    if expect.convenant is not None:
        chosen = [a for a in agreements if a.id == expect.convenant]
        if not chosen:
            found.append(doc.problem("CV603", _("`expect.convenant` names '{convenant}', which the case does not "
                                                "settle").format(convenant=expect.convenant), ("expect", "convenant"),
                                     _("one of: {value}").format(value=', '.join(a.id for a in agreements))))
            return found
        target = chosen[0]
    commitments = {c.id for c in target.result_commitments}
    for index, result in enumerate(expect.results):
        if result.commitment not in commitments:
            found.append(doc.problem("CV608", _("result commitment '{key}' is not in {id}")
                                              .format(key=result.commitment, id=target.id),
                                     ("expect", "results", index, "commitment"),
                                     _("one of: {value}").format(value=", ".join(sorted(commitments)))))
    written = {section: _written_keys(doc, section) for section in ("beneficiaries", "combined", "costs")}

    def as_written(section: str, number: str) -> str:
        return written[section].get(number, number)

    members = {m.enterprise_number for _group, m in target.members()}
    for number in expect.beneficiaries:
        if number not in members:
            found.append(doc.problem("CV602", _("{number} is not a beneficiary of {id}")
                                              .format(number=format_enterprise_number(number), id=target.id),
                                     ("expect", "beneficiaries", as_written("beneficiaries", number)), key=True))
    for number in expect.costs:
        if number not in members:
            found.append(doc.problem("CV602", _("{number} is not a beneficiary of {id}")
                                              .format(number=format_enterprise_number(number), id=target.id),
                                     ("expect", "costs", as_written("costs", number)), key=True))
    everyone = {m.enterprise_number for agreement in agreements for _group, m in agreement.members()}
    for number in expect.combined:
        if number not in everyone:
            found.append(doc.problem("CV602", _("{number} is not a beneficiary of the settled files")
                                              .format(number=format_enterprise_number(number)),
                                     ("expect", "combined", as_written("combined", number)), key=True))
    if expect.combined and len(agreements) < 2:
        found.append(doc.problem("CV604", _("`expect.combined` needs several settled files (R7)"),
                                 ("expect", "combined"), key=True))
    expected = [(("expect", "beneficiaries", as_written("beneficiaries", number)), f)
                for number, f in expect.beneficiaries.items()] + \
        ([(("expect", "totals"), expect.totals)] if expect.totals else [])
    if case.as_of is not None and case.realisation:
        found += [doc.problem("CV606", _("`{key}` has no value in an interim view (`as_of`): nothing is paid before "
                                         "the term ends").format(key=key), path + (key,),
                              _("expect the deduction, the shortfall or the advances of the interim view"), key=True)
                  for path, figures in expected for key in NOT_INTERIM if getattr(figures, key) is not None]
        if expect.costs:
            found.append(doc.problem("CV606", _("`costs` has no value in an interim view (`as_of`): the cost "
                                                "statement belongs to the eindrapport (Art. 6)"),
                                     ("expect", "costs"), key=True))
        if expect.ratio is not None:
            found.append(doc.problem("CV606", _("`ratio` has no value in an interim view (`as_of`)"),
                                     ("expect", "ratio"), key=True))
    if not case.realisation:
        named = [(path, key) for path, figures in expected
                 for key in SETTLED_ONLY if getattr(figures, key) is not None]
        found += [doc.problem("CV605", _("`{key}` has no value without an eindrapport (the figures are maxima)")
                                       .format(key=key),
                              path + (key,), _("add the eindrapport under `realisation:`, or expect the maxima"),
                              key=True) for path, key in named]
        if expect.costs:
            found.append(doc.problem("CV605", _("`costs` has no value without an eindrapport"), ("expect", "costs"),
                                     key=True))
        if expect.ratio is not None:
            found.append(doc.problem("CV605", _("`ratio` has no value without an eindrapport"), ("expect", "ratio"),
                                     key=True))
    return found


CASE_CHECKS = (check_case_files, check_case_expectations)
