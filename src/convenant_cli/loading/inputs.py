"""The inputs of a command, paired and checked for kind: each covenant or addendum to settle
with its realisation, and the two versions to compare (with the realisations that let
`diff` show the money effect). Refusals are `UsageError`s; never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _, ngettext
from convenant_cli.models import Addendum, Agreement, Realisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.rules import RulesInForce


@dataclass(frozen=True, eq=False, kw_only=True)
class SettlementInput:
    """One covenant or addendum to settle: its model, the rules in force, its realisation,
    and the covenant at the root of its family (its id and sector; R7)."""

    agreement: Agreement
    rules: RulesInForce
    realisation: Realisation | None
    root: str
    sector: str


def settlement_inputs(agreements: list[LoadedDocument], realisations: list[LoadedDocument],
                      found: Sequence[LoadedDocument] = ()) -> list[SettlementInput]:
    """The agreements of `settle`, each with the realisation whose `convenant:` names it.

    `agreements` and `realisations` are the files named (`--realisation`); `found` the
    covenants, addenda and realisations found in the folders named. An agreement found in a
    folder, or named by a realisation found there, is settled too. The documents are valid
    (the caller reported their problems first); a named file that is not a covenant or
    addendum, a named realisation of a file not settled here, two realisations for one
    agreement (named, or found without one named), one file named twice, or two agreements
    with one id is a usage error.
    """
    for doc in agreements:
        if not isinstance(doc.model, Agreement):
            hint = _("pass it with --realisation") if doc.kind is Kind.REALISATION else \
                _("settle takes convenants and addenda")
            raise UsageError(_("{name} is {kind}; there is nothing to settle in it")
                             .format(name=doc.name, kind=Kind.in_a_sentence(doc.kind)), hint)
    if len({doc.path for doc in agreements}) != len(agreements):
        raise UsageError(_("the same file is given twice"))
    found_facts = [doc for doc in found if isinstance(doc.model, Realisation)]
    settled = _with_found(agreements, found, found_facts)
    paired = _pair_named(realisations, {doc.path for doc in settled})
    ambiguities = _pair_found(found_facts, paired) + _one_id_twice(settled)
    if ambiguities:  # every one of them in one run
        raise UsageError(ambiguities[-1].message, ambiguities[-1].hint, also=tuple(ambiguities[:-1]))
    return _in_family_order([settlement_input(doc, paired.get(doc.path)) for doc in settled])


def _in_family_order(inputs: list[SettlementInput]) -> list[SettlementInput]:
    """Each family together, in the order its first member came (R7): its covenant first,
    then its addenda by the day they start, so that an extension follows its parent."""
    first: dict[str, int] = {}
    for index, item in enumerate(inputs):
        first.setdefault(item.root, index)
    return sorted(inputs, key=lambda item: (first[item.root], isinstance(item.agreement, Addendum),
                                            item.agreement.period.start))


def _with_found(named: list[LoadedDocument], found: Sequence[LoadedDocument],
                facts: list[LoadedDocument]) -> list[LoadedDocument]:
    """The agreements named, then those found in folders, then those the realisations found
    there name; each once."""
    settled = {doc.path: doc for doc in named}
    for doc in found:
        if isinstance(doc.model, Agreement):
            settled.setdefault(doc.path, doc)
    for real in facts:
        if real.reference is not None and isinstance(real.reference.model, Agreement):
            settled.setdefault(real.reference.path, real.reference)
    return list(settled.values())


def _pair_named(realisations: list[LoadedDocument], settled: set[Path]) -> dict[Path, LoadedDocument]:
    paired: dict[Path, LoadedDocument] = {}
    for real in realisations:
        reference = real.reference
        if not isinstance(real.model, Realisation) or reference is None:
            raise UsageError(_("{name} is {kind}, not a realisation")
                             .format(name=real.name, kind=Kind.in_a_sentence(real.kind)),
                             _("--realisation takes the eindrapport file (kind: realisation)"))
        target = reference.path
        if target not in settled:
            raise UsageError(_("{name} is the realisation of {name2}, which is not settled here")
                             .format(name=real.name, name2=reference.name),
                             _("add {name} to the files to settle").format(name=reference.name))
        if target in paired:
            raise UsageError(_("two realisations for {name}: {name2} and {name3}")
                             .format(name=reference.name, name2=paired[target].name, name3=real.name))
        paired[target] = real
    return paired


def _pair_found(facts: list[LoadedDocument], paired: dict[Path, LoadedDocument]) -> list[UsageError]:
    """A realisation found in a folder pairs with the agreement it names, unless one was
    named for it; two found for one agreement (and none named) is an ambiguity naming them."""
    by_target: dict[Path, list[LoadedDocument]] = {}
    for real in facts:
        if real.reference is not None and real.reference.path not in paired:
            by_target.setdefault(real.reference.path, []).append(real)
    found = []
    for reals in by_target.values():
        reference = reals[0].reference
        if len(reals) > 1 and reference is not None:
            names = ", ".join(real.name for real in reals)
            found.append(UsageError(ngettext("{count} realisation for {name}: {names}",
                                             "{count} realisations for {name}: {names}", len(reals))
                                    .format(count=len(reals), name=reference.name, names=names),
                                    _("pass the one meant with --realisation, e.g. --realisation {name}")
                                    .format(name=reals[0].name)))
    paired.update({path: reals[0] for path, reals in by_target.items()})
    return found


def _one_id_twice(settled: list[LoadedDocument]) -> list[UsageError]:
    seen: dict[str, LoadedDocument] = {}
    found = []
    for doc in settled:
        agreement = doc.model_as(Agreement)
        if agreement.id in seen:
            found.append(UsageError(_("{name} and {name2} are both `{id}`")
                                    .format(name=seen[agreement.id].name, name2=doc.name, id=agreement.id),
                                    _("settle one version of an agreement; compare two with `convenant diff`")))
        else:
            seen[agreement.id] = doc
    return found


def settlement_input(doc: LoadedDocument, real: LoadedDocument | None) -> SettlementInput:
    """The settlement input of a covenant or addendum that loaded, with its eindrapport if any."""
    if doc.rules is None:
        raise TypeError(f"{doc.name}: no rules resolved")  # the workspace resolves them for every agreement
    agreement = doc.model_as(Agreement)
    root = doc.reference_as(Agreement) if isinstance(agreement, Addendum) else agreement
    root = root if root is not None else agreement
    return SettlementInput(agreement=agreement, rules=doc.rules,
                           realisation=real.model_as(Realisation) if real is not None else None,
                           root=root.id, sector=root.sector)
