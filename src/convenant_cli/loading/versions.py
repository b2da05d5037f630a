"""The inputs of `diff`: the two versions to compare and, for the money effect, the
settlement of each on its eindrapport (one for both versions, or one each, matched by its
`convenant:`) and the auditor's assessment of that eindrapport (matched by its
`realisation:`). Two assessments are each settled on the eindrapport they judge. Refusals
are `UsageError`s; never prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.checks import run_checks
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _, ngettext
from convenant_cli.loading.inputs import SettlementInput, settlement_input
from convenant_cli.models import Agreement, Realisation
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.document import LoadedDocument


@dataclass(frozen=True, eq=False)
class DiffInput:
    """Two versions to compare and, for the money effect of the change, the settlement of
    each (None when it cannot be computed: a file with problems, or no eindrapport)."""

    old: LoadedDocument
    new: LoadedDocument
    settlements: tuple[SettlementInput, SettlementInput] | None
    realisations: tuple[str, str] | None  # the eindrapporten the settlements rest on


def readable(doc: LoadedDocument) -> bool:
    """A file whose structure could be read into a model, with problems or without."""
    return doc.model is not None


def _settlement_input(agreement: LoadedDocument, real: LoadedDocument | None,
                      judgement: LoadedDocument | None = None) -> SettlementInput | None:
    """As `settle` builds it, when the files loaded without errors (else no money effect)."""
    if not agreement.ok or not isinstance(agreement.model, Agreement) or agreement.rules is None:
        return None
    if real is not None and (not real.ok or not isinstance(real.model, Realisation)):
        return None
    if judgement is not None and not judgement.ok:
        return None
    return settlement_input(agreement, real, judgement)


def _judgement_of(real: LoadedDocument | None, assessments: list[LoadedDocument]) -> LoadedDocument | None:
    """The assessment among those given whose `realisation:` names `real`."""
    if real is None:
        return None
    return next((doc for doc in assessments if doc.reference is not None and doc.reference.path == real.path), None)


def _check_assessments(assessments: list[LoadedDocument], facts: list[LoadedDocument]) -> None:
    """Each `--assessment` judges one of the eindrapporten the diff settles, and each is judged once."""
    judged: dict[object, LoadedDocument] = {}
    for doc in assessments:
        if not isinstance(doc.model, Assessment) or doc.reference is None:
            raise UsageError(_("{name} is {kind}, not an assessment")
                             .format(name=doc.name, kind=Kind.in_a_sentence(doc.kind)),
                             _("--assessment takes the auditor's assessment of an eindrapport (kind: assessment)"))
        if doc.reference.path not in {real.path for real in facts}:
            raise UsageError(_("{name} is the assessment of {name2}, which is not settled here")
                             .format(name=doc.name, name2=doc.reference.name),
                             _("add --realisation {name}").format(name=doc.reference.name))
        if doc.reference.path in judged:
            raise UsageError(ngettext("{count} assessment of {name}: {names}",
                                      "{count} assessments of {name}: {names}", 2)
                             .format(count=2, name=doc.reference.name,
                                     names=f"{judged[doc.reference.path].name}, {doc.name}"),
                             _("pass the one meant with --assessment, e.g. --assessment {name}").format(name=doc.name))
        judged[doc.reference.path] = doc


def diff_inputs(old: LoadedDocument, new: LoadedDocument, realisations: list[LoadedDocument],
                assessments: list[LoadedDocument] | None = None) -> DiffInput:
    """The money effect of a diff: two assessments are settled each on the eindrapport it
    judges; two realisations each against its own covenant, with the `--assessment` that
    judges it; two covenants (or addenda) with `--realisation` are settled on those facts,
    one eindrapport for both versions or one each, matched by its `convenant:`, and judged by
    the `--assessment` whose `realisation:` names it."""
    judgements = assessments or []
    if isinstance(old.model, Assessment) and isinstance(new.model, Assessment):
        if realisations or judgements:
            raise UsageError(_("--realisation and --assessment go with two covenants, addenda or realisations, not "
                               "with two assessments"),
                             _("two assessments are settled each on the eindrapport its `realisation:` names"))
        pair = _settlement_input_of_judgement(old), _settlement_input_of_judgement(new)
        both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
        names = (old.reference.name, new.reference.name) if both and old.reference and new.reference else None
        return DiffInput(old, new, both, names)
    if isinstance(old.model, Realisation) and isinstance(new.model, Realisation):
        if realisations:
            raise UsageError(_("--realisation goes with two covenants or addenda, not with two realisations"),
                             _("two realisations are settled each against the covenant its `convenant:` names"))
        _check_assessments(judgements, [old, new])
        pair = (_settlement_input_of(old, _judgement_of(old, judgements)),
                _settlement_input_of(new, _judgement_of(new, judgements)))
        both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
        return DiffInput(old, new, both, (old.name, new.name) if both else None)
    if not realisations:
        if judgements:
            raise UsageError(_("--assessment judges an eindrapport: give it with --realisation"))
        return DiffInput(old, new, None, None)
    if len(realisations) > 2:
        raise UsageError(_("at most two --realisation: one for both versions, or one for each"))
    for real in realisations:
        if not isinstance(real.model, Realisation):
            raise UsageError(_("{name} is not a realisation")
                             .format(name=real.name), _("--realisation takes an eindrapport file"))
    by_target = {real.reference.path: real for real in realisations if real.reference is not None}
    facts = (by_target.get(old.path), by_target.get(new.path))
    if len(realisations) == 1:
        facts = (realisations[0], realisations[0])
    elif None in facts:
        raise UsageError(_("each --realisation names, by its `convenant:`, one of the two files compared"),
                         _("give one eindrapport for both versions, or one for each"))
    fitted = (_fit(facts[0], old), _fit(facts[1], new))
    _check_assessments(judgements, [real for real in facts if real is not None])
    pair = (_settlement_input(old, fitted[0], _judgement_of(fitted[0], judgements)),
            _settlement_input(new, fitted[1], _judgement_of(fitted[1], judgements)))
    both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
    names = (facts[0].name, facts[1].name) if facts[0] is not None and facts[1] is not None else None
    return DiffInput(old, new, both, names if both else None)


def _settlement_input_of(real: LoadedDocument, judgement: LoadedDocument | None = None) -> SettlementInput | None:
    return _settlement_input(real.reference, real, judgement) if real.reference is not None else None


def _settlement_input_of_judgement(judgement: LoadedDocument) -> SettlementInput | None:
    real = judgement.reference
    if real is None or not judgement.ok:
        return None
    return _settlement_input_of(real, judgement)


def _fit(real: LoadedDocument | None, agreement: LoadedDocument) -> LoadedDocument | None:
    """The eindrapport as the facts of `agreement`: checked against it when its `convenant:`
    names the other version, so that one eindrapport can settle both."""
    if real is None or (real.reference is not None and real.reference.path == agreement.path):
        return real
    fitted = LoadedDocument(path=real.path, source=real.source, kind=real.kind, model=real.model, reference=agreement)
    fitted.diagnostics.extend(run_checks(fitted, Kind.REALISATION))
    problems = [d for d in fitted.diagnostics if d.is_error]
    if problems:
        raise UsageError(_("{name} does not fit {name2}: {message}")
                         .format(name=real.name, name2=agreement.name, message=problems[0].message),
                         _("give one eindrapport for each version: --realisation OLD --realisation NEW"))
    return fitted
