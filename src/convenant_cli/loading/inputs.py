"""The inputs of a command, paired and checked for kind: each covenant or addendum to settle
with its realisation, and the two versions to compare (with the realisations that let
`diff` show the money effect). Refusals are `UsageError`s; never prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.models import Agreement, Realisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.models.rules import RulesInForce


@dataclass(frozen=True, eq=False, repr=False)
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
