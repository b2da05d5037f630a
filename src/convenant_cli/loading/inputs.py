"""The inputs of a command, paired and checked for kind: each covenant or addendum to settle
with its realisation and the auditor's assessment of that realisation, and the two versions
to compare (with the realisations that let `diff` show the money effect). Refusals are
`UsageError`s; never prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _, ngettext
from convenant_cli.models import Addendum, Agreement, Realisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.rules import RulesInForce

if TYPE_CHECKING:
    from convenant_cli.models.assessment import Assessment  # loaded only when an assessment is


@dataclass(frozen=True, eq=False, kw_only=True)
class SettlementInput:
    """One covenant or addendum to settle: its model, the rules in force, its realisation,
    the auditor's assessment of it (with its file's name and SHA-256), and the covenant at the
    root of its family (its id and sector; R7)."""

    agreement: Agreement
    rules: RulesInForce
    realisation: Realisation | None
    root: str
    sector: str
    assessment: Assessment | None = None
    assessment_file: tuple[str, str] | None = None


def settlement_inputs(agreements: list[LoadedDocument], realisations: list[LoadedDocument],
                      found: Sequence[LoadedDocument] = (),
                      assessments: Sequence[LoadedDocument] = ()) -> list[SettlementInput]:
    """The agreements of `settle`, each with the realisation whose `convenant:` names it and
    the assessment whose `realisation:` names that realisation.

    `agreements`, `realisations` and `assessments` are the files named (`--realisation`,
    `--assessment`); `found` the covenants, addenda, realisations and assessments found in the
    folders named. An agreement found in a folder, or named by a realisation found there (or by
    the realisation an assessment found there judges), is settled too. The documents are valid
    (the caller reported their problems first); a named file that is not a covenant or
    addendum, a named realisation of a file not settled here, a named assessment of a
    realisation not used here, two realisations for one agreement or two assessments for one
    realisation (named, or found without one named), one file named twice, or two agreements
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
    found_judgements = [doc for doc in found if doc.model is not None and doc.kind is Kind.ASSESSMENT]
    found_facts = _with_judged([doc for doc in found if isinstance(doc.model, Realisation)], found_judgements)
    settled = _with_found(agreements, found, found_facts)
    paired = _pair_named(realisations, {doc.path for doc in settled})
    ambiguities = _pair_found(found_facts, paired) + _one_id_twice(settled)
    judged, twice = _pair_assessments(assessments, found_judgements, {real.path for real in paired.values()})
    ambiguities += twice
    if ambiguities:  # every one of them in one run
        raise UsageError(ambiguities[-1].message, ambiguities[-1].hint, also=tuple(ambiguities[:-1]))
    inputs = []
    for doc in settled:
        real = paired.get(doc.path)
        inputs.append(settlement_input(doc, real, judged.get(real.path) if real is not None else None))
    return _in_family_order(inputs)


def _with_judged(facts: list[LoadedDocument], judgements: list[LoadedDocument]) -> list[LoadedDocument]:
    """The realisations found in folders, and those that an assessment found there judges."""
    found = {doc.path: doc for doc in facts}
    for judgement in judgements:
        real = judgement.reference
        if real is not None and isinstance(real.model, Realisation):
            found.setdefault(real.path, real)
    return list(found.values())


def _pair_assessments(named: Sequence[LoadedDocument], found: list[LoadedDocument],
                      used: set[Path]) -> tuple[dict[Path, LoadedDocument], list[UsageError]]:
    """Each realisation used with the assessment whose `realisation:` names it: the one named
    (`--assessment`), else the one found in a folder. Two for one realisation, named or found
    (and none named), is an ambiguity naming them all."""
    by_target: dict[Path, list[LoadedDocument]] = {}
    for doc in {doc.path: doc for doc in named}.values():
        real = doc.reference
        if doc.model is None or doc.kind is not Kind.ASSESSMENT or real is None:
            raise UsageError(_("{name} is {kind}, not an assessment")
                             .format(name=doc.name, kind=Kind.in_a_sentence(doc.kind)),
                             _("--assessment takes the auditor's assessment of an eindrapport (kind: assessment)"))
        if real.path not in used:
            raise UsageError(_("{name} is the assessment of {name2}, which is not settled here")
                             .format(name=doc.name, name2=real.name),
                             _("add --realisation {name}").format(name=real.name))
        by_target.setdefault(real.path, []).append(doc)
    named_for = set(by_target)  # a realisation with an assessment named: those found for it are left alone
    for doc in found:
        real = doc.reference
        if real is not None and real.path in used and real.path not in named_for:
            by_target.setdefault(real.path, []).append(doc)
    problems = []
    for docs in by_target.values():
        real = docs[0].reference
        if len(docs) > 1 and real is not None:
            problems.append(UsageError(ngettext("{count} assessment of {name}: {names}",
                                                "{count} assessments of {name}: {names}", len(docs))
                                       .format(count=len(docs), name=real.name,
                                               names=", ".join(doc.name for doc in docs)),
                                       _("pass the one meant with --assessment, e.g. --assessment {name}")
                                       .format(name=docs[0].name)))
    return {path: docs[0] for path, docs in by_target.items()}, problems


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
                             .format(name=reference.name, name2=paired[target].name, name3=real.name),
                             _("give one --realisation for each agreement: the eindrapport meant"))
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


def settlement_input(doc: LoadedDocument, real: LoadedDocument | None,
                     judgement: LoadedDocument | None = None) -> SettlementInput:
    """The settlement input of a covenant or addendum that loaded, with its eindrapport and the
    auditor's assessment of that eindrapport, if any."""
    if doc.rules is None:
        raise TypeError(f"{doc.name}: no rules resolved")  # the workspace resolves them for every agreement
    agreement = doc.model_as(Agreement)
    assessment = None
    if judgement is not None:
        from convenant_cli.models.assessment import Assessment

        assessment = judgement.model_as(Assessment)
    root = doc.reference_as(Agreement) if isinstance(agreement, Addendum) else agreement
    root = root if root is not None else agreement
    return SettlementInput(agreement=agreement, rules=doc.rules,
                           realisation=real.model_as(Realisation) if real is not None else None,
                           root=root.id, sector=root.sector,
                           assessment=assessment,
                           assessment_file=(judgement.name, judgement.source.sha256) if judgement else None)
