"""The inputs of `diff`: the two versions to compare and, for the money effect, the
settlement of each on its eindrapport (one for both versions, or one each, matched by its
`convenant:`). Refusals are `UsageError`s; never prints.
"""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.checks import run_checks
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.loading.inputs import SettlementInput, settlement_input
from convenant_cli.models import Agreement, Realisation
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


def _settlement_input(agreement: LoadedDocument, real: LoadedDocument | None) -> SettlementInput | None:
    """As `settle` builds it, when both files loaded without errors (else no money effect)."""
    if not agreement.ok or not isinstance(agreement.model, Agreement) or agreement.rules is None:
        return None
    if real is not None and (not real.ok or not isinstance(real.model, Realisation)):
        return None
    return settlement_input(agreement, real)


def diff_inputs(old: LoadedDocument, new: LoadedDocument, realisations: list[LoadedDocument]) -> DiffInput:
    """The money effect of a diff: two realisations are settled each against its own
    covenant; two covenants (or addenda) with `--realisation` are settled on those facts,
    one eindrapport for both versions or one each, matched by its `convenant:`."""
    if isinstance(old.model, Realisation) and isinstance(new.model, Realisation):
        if realisations:
            raise UsageError(_("--realisation goes with two covenants or addenda, not with two realisations"),
                             _("two realisations are settled each against the covenant its `convenant:` names"))
        pair = _settlement_input_of(old), _settlement_input_of(new)
        both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
        return DiffInput(old, new, both, (old.name, new.name) if both else None)
    if not realisations:
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
    pair = _settlement_input(old, fitted[0]), _settlement_input(new, fitted[1])
    both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
    names = (facts[0].name, facts[1].name) if facts[0] is not None and facts[1] is not None else None
    return DiffInput(old, new, both, names if both else None)


def _settlement_input_of(real: LoadedDocument) -> SettlementInput | None:
    return _settlement_input(real.reference, real) if real.reference is not None else None


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
