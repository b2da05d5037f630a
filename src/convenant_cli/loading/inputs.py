"""The inputs of a command, paired and checked for kind: each covenant or addendum to settle
with its realisation, and the two versions to compare (with the realisations that let
`diff` show the money effect). Refusals are `UsageError`s; never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from convenant_cli.checks import run_checks
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.models import Agreement, Realisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.rules import RulesInForce


@dataclass(frozen=True, eq=False)
class SettlementInput:
    """One covenant or addendum to settle: its model, the rules in force, its realisation."""

    agreement: Agreement
    rules: RulesInForce
    realisation: Realisation | None


def settlement_inputs(agreements: list[LoadedDocument], realisations: list[LoadedDocument]) -> list[SettlementInput]:
    """The files of `settle`, each with the realisation whose `convenant:` names it.

    The documents are valid (the caller reported their problems first); a file that is not
    a covenant or addendum, a realisation of a file not settled here, two realisations for
    one file, or one file twice is a usage error.
    """
    for doc in agreements:
        if not isinstance(doc.model, Agreement):
            hint = "pass it with --realisation" if doc.kind is Kind.REALISATION else \
                "settle takes convenants and addenda"
            raise UsageError(f"{doc.name} is a {doc.kind.value if doc.kind else 'file'}; there is nothing to settle "
                             "in it", hint)
    if len({doc.path for doc in agreements}) != len(agreements):
        raise UsageError("the same file is given twice")
    paired: dict[Path, LoadedDocument] = {}
    by_path = {doc.path: doc for doc in agreements}
    for real in realisations:
        reference = real.reference
        if not isinstance(real.model, Realisation) or reference is None:
            raise UsageError(f"{real.name} is a {real.kind.value if real.kind else 'file'}, not a realisation",
                             "--realisation takes the eindrapport file (kind: realisation)")
        target = reference.path
        if target not in by_path:
            raise UsageError(f"{real.name} is the realisation of {reference.name}, which is not settled here",
                             f"add {reference.name} to the files to settle")
        if target in paired:
            raise UsageError(f"two realisations for {reference.name}: {paired[target].name} and {real.name}")
        paired[target] = real
    inputs = []
    for doc in agreements:
        found = paired.get(doc.path)
        if doc.rules is None:
            raise TypeError(f"{doc.name}: no rules resolved")  # the workspace resolves them for every agreement
        inputs.append(SettlementInput(doc.model_as(Agreement), doc.rules,
                                      found.model_as(Realisation) if found is not None else None))
    return inputs


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
    if not agreement.ok or not isinstance(agreement.model, Agreement) or agreement.rules is None:
        return None
    facts = None
    if real is not None:
        if not real.ok or not isinstance(real.model, Realisation):
            return None
        facts = real.model
    return SettlementInput(agreement.model, agreement.rules, facts)


def diff_inputs(old: LoadedDocument, new: LoadedDocument, realisations: list[LoadedDocument]) -> DiffInput:
    """The money effect of a diff: two realisations are settled each against its own
    covenant; two covenants (or addenda) with `--realisation` are settled on those facts,
    one eindrapport for both versions or one each, matched by its `convenant:`."""
    if isinstance(old.model, Realisation) and isinstance(new.model, Realisation):
        if realisations:
            raise UsageError("--realisation goes with two covenants or addenda, not with two realisations",
                             "two realisations are settled each against the covenant its `convenant:` names")
        pair = _settlement_input_of(old), _settlement_input_of(new)
        both = (pair[0], pair[1]) if pair[0] is not None and pair[1] is not None else None
        return DiffInput(old, new, both, (old.name, new.name) if both else None)
    if not realisations:
        return DiffInput(old, new, None, None)
    if len(realisations) > 2:
        raise UsageError("at most two --realisation: one for both versions, or one for each")
    for real in realisations:
        if not isinstance(real.model, Realisation):
            raise UsageError(f"{real.name} is not a realisation", "--realisation takes an eindrapport file")
    by_target = {real.reference.path: real for real in realisations if real.reference is not None}
    facts = (by_target.get(old.path), by_target.get(new.path))
    if len(realisations) == 1:
        facts = (realisations[0], realisations[0])
    elif None in facts:
        raise UsageError("each --realisation names, by its `convenant:`, one of the two files compared",
                         "give one eindrapport for both versions, or one for each")
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
        raise UsageError(f"{real.name} does not fit {agreement.name}: {problems[0].message}",
                         "give one eindrapport for each version: --realisation OLD --realisation NEW")
    return fitted
