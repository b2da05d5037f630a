"""Checks on an auditor's assessment against the realisation it judges and that realisation's
covenant or addendum: the file named is a realisation, every commitment judged and every
measured value corrected exists there, and what a settlement would still wait for (a
qualitative commitment without a verdict). The cost lines it refuses or accepts are checked
against the cost statement in `checks.costs`.
"""

from __future__ import annotations

from convenant_cli.checks.costs import check_cost_decisions
from convenant_cli.domain.diagnostics import Diagnostic, Vocabulary
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.models import Agreement, Realisation
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.document import LoadedDocument


def _judged(doc: LoadedDocument) -> tuple[Realisation, Agreement] | tuple[None, None]:
    """The realisation judged and its agreement, when both were modelled (the realisation's own
    problems are its own to report: a verdict can be checked against a realisation with errors)."""
    realisation = doc.reference
    if realisation is None or not isinstance(realisation.model, Realisation):
        return None, None
    agreement = realisation.reference_as(Agreement)
    if agreement is None:
        return None, None
    return realisation.model, agreement


def check_assessment_target(doc: LoadedDocument) -> list[Diagnostic]:
    ref = doc.reference
    if ref is not None and ref.model is not None and not isinstance(ref.model, Realisation):
        what = Kind.in_a_sentence(ref.kind)
        return [doc.problem("CV302", _("`realisation` names {name}, {what}; an assessment judges a realisation (an "
                                       "eindrapport)").format(name=ref.name, what=what), ("realisation",))]
    return []


def check_verdicts(doc: LoadedDocument) -> list[Diagnostic]:
    """Every commitment judged is one of the agreement's; every qualitative one of an
    eindrapport is judged, or the settlement stays provisional (a warning: the auditor may
    judge in steps)."""
    realisation, agreement = _judged(doc)
    if agreement is None or realisation is None:
        return []
    model = doc.model_as(Assessment)
    commitments = {c.id: c for c in agreement.result_commitments}
    found = [doc.problem("CV701", _("result commitment '{key}' is not in {id}").format(key=key, id=agreement.id),
                         ("verdicts", key), Vocabulary(commitments).did_you_mean(key), key=True)
             for key in model.verdicts if key not in commitments]
    if realisation.as_of is None:
        waiting = [c.id for c in agreement.result_commitments if c.qualitative is not None and c.id not in
                   model.verdicts]
        if waiting:
            found.append(doc.problem("CV703", _("no verdict on {ids}: the settlement stays provisional until the "
                                                "auditor judges every qualitative commitment")
                                              .format(ids=", ".join(waiting)), ("verdicts",),
                                     _("add `{id}: {{achieved: true, note: ...}}` under `verdicts:`")
                                     .format(id=waiting[0]), key=True))
    return found


def check_corrections(doc: LoadedDocument) -> list[Diagnostic]:
    """A correction replaces one measured value: of a target the agreement has, once, and by a
    value other than the sector's."""
    realisation, agreement = _judged(doc)
    if agreement is None or realisation is None:
        return []
    targets = {c.id: {(t.indicator, t.year) for t in c.targets or []} for c in agreement.result_commitments}
    seen: set[tuple[str, str, int | None]] = set()
    found = []
    for index, correction in enumerate(doc.model_as(Assessment).corrections):
        where = ("corrections", index)
        key = (correction.commitment, correction.indicator, correction.year)
        year = correction.year if correction.year is not None else "—"
        if (correction.indicator, correction.year) not in targets.get(correction.commitment, set()):
            found.append(doc.problem("CV702", _("{key} has no target {indicator} for year {year}")
                                              .format(key=correction.commitment, indicator=correction.indicator,
                                                      year=year), where, _correction_hint(correction.commitment,
                                                                                          targets)))
            continue
        if key in seen:
            found.append(doc.problem("CV211", _("{key}: a correction of {indicator} (year {year}) is given twice")
                                              .format(key=correction.commitment, indicator=correction.indicator,
                                                      year=year), where))
        seen.add(key)
        result = realisation.results.get(correction.commitment)
        reported = next((a.value for a in result.actuals if (a.indicator, a.year) == key[1:]), None) if result else None
        if reported == correction.value:
            found.append(doc.problem("CV704", _("{key}: the correction of {indicator} (year {year}) gives {value}, the "
                                                "value the realisation has").format(
                                                    key=correction.commitment, indicator=correction.indicator,
                                                    year=year, value=correction.value), where + ("value",),
                                     _("leave the correction out, or give the value the auditor counted")))
    return found


def _correction_hint(commitment: str, targets: dict[str, set[tuple[str, int | None]]]) -> str | None:
    of = targets.get(commitment)
    if of is None:
        return Vocabulary(list(targets)).did_you_mean(commitment)
    if not of:
        return _("{key} is qualitative: judge it under `verdicts:`").format(key=commitment)
    named = ", ".join(f"{indicator} ({year if year is not None else '—'})" for indicator, year in sorted(of, key=str))
    return _("the targets of {key} (indicator and work year): {targets}").format(key=commitment, targets=named)


def check_judged_version(doc: LoadedDocument) -> list[Diagnostic]:
    """The auditor judged one version of the eindrapport: its SHA-256 is in the assessment. A
    realisation changed since is no longer the one judged (an error: its verdicts and
    corrections would be presented as the auditor's judgement of facts the auditor never saw)."""
    realisation = doc.reference
    if realisation is None or not isinstance(realisation.model, Realisation):
        return []
    recorded = doc.model_as(Assessment).realisation_sha256
    now = realisation.source.sha256
    if recorded is None:
        return [doc.problem("CV708", _("the assessment does not record which version of {name} it judged")
                                     .format(name=realisation.name), ("realisation",),
                            _("add `realisation_sha256: {sha256}` if this is the version the auditor judged")
                            .format(sha256=now), key=True)]
    if recorded == now:
        return []
    return [doc.problem("CV707", _("{name} changed after this assessment: it judged SHA-256 {judged}…, the file is "
                                   "now {now}…").format(name=realisation.name, judged=recorded[:12], now=now[:12]),
                        ("realisation_sha256",),
                        _("the auditor judges the changed eindrapport again and records its SHA-256"))]


def check_assessment_date(doc: LoadedDocument) -> list[Diagnostic]:
    """The auditor judges facts that exist: an eindrapport after the term ends, a progress report
    after its day."""
    realisation, agreement = _judged(doc)
    if agreement is None or realisation is None:
        return []
    day = doc.model_as(Assessment).date
    facts = realisation.as_of if realisation.as_of is not None else agreement.period.end
    if day >= facts:
        return []
    return [doc.problem("CV705", _("dated {day}, before the facts it judges are complete ({facts})")
                                 .format(day=day, facts=facts), ("date",),
                        _("the date of an assessment is the day the auditor judged the eindrapport"))]


ASSESSMENT_CHECKS = (check_assessment_target, check_judged_version, check_verdicts, check_corrections,
                     check_assessment_date, check_cost_decisions)
