"""What changed between two versions of a covenant, addendum or realisation (rulebook).

Pure: two validated models in, a frozen `Diff` out. Every change names what it is about
as a `Subject` (a kind of thing, its key, its own name), where it is (a machine `path`
with key selectors, never a list index), the field, the unit and the typed old and new
values. Beneficiaries are matched by enterprise number, commitments by id, targets by
indicator and work year, consultants by their key (`id`, else the NFC name), absences by
their first day. A changed IBAN is its own category (`bank_account`) and sorts first.

A covenant and its extension (an addendum with `extension: true`) can be compared: the
diff shows what the extension changes. Realisations are compared in `diff_realisation`, the
auditor's assessments in `diff_assessment`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel

from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.domain.units import Typed, Unit
from convenant_cli.engine.changes import (
    Change,
    Record,
    Subject,
    change_kind,
    fields,
    keyed,
    ordered,
    record,
    same_text,
    target_key,
)
from convenant_cli.models import Addendum, Agreement, Convenant, Group, Member, Realisation, ResultCommitment
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.fields import unit_of
from convenant_cli.models.rules import rules_in_force


@dataclass(frozen=True, eq=False)
class MaximumEffect:
    """Art. 1: a beneficiary whose maximum changed, was added or was removed."""

    enterprise_number: str
    name: str
    old: Decimal | None
    new: Decimal | None

    @property
    def difference(self) -> Decimal:
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@dataclass(frozen=True, eq=False)
class Diff:
    kinds: tuple[str, str]
    changes: tuple[Change, ...]
    maxima: tuple[MaximumEffect, ...] = ()  # every beneficiary of either version, old and new maximum
    total_old: Decimal | None = None
    total_new: Decimal | None = None
    rate_old: Fraction | None = None  # max_subsidy / fte
    rate_new: Fraction | None = None

    @property
    def kind(self) -> str:
        return self.kinds[0] if self.kinds[0] == self.kinds[1] else f"{self.kinds[0]}/{self.kinds[1]}"

    @property
    def same(self) -> bool:
        return not self.changes

    @property
    def effects(self) -> tuple[MaximumEffect, ...]:
        """The beneficiaries whose maximum changed, was added or was removed."""
        return tuple(effect for effect in self.maxima if effect.old != effect.new)


class KindMismatchError(ValueError):
    """The two files are of kinds that cannot be compared."""


def diff(old: BaseModel, new: BaseModel) -> Diff:
    if isinstance(old, Agreement) and isinstance(new, Agreement) and _comparable(old, new):
        return _diff_agreements(old, new)
    if isinstance(old, Realisation) and isinstance(new, Realisation):
        from convenant_cli.engine.diff_realisation import realisation_changes

        return Diff((old.kind, new.kind), ordered(realisation_changes(old, new)))
    if isinstance(old, Assessment) and isinstance(new, Assessment):
        from convenant_cli.engine.diff_assessment import assessment_changes

        return Diff((old.kind, new.kind), ordered(assessment_changes(old, new)))
    old_kind, new_kind = getattr(old, "kind", "?"), getattr(new, "kind", "?")
    if type(old) is not type(new):
        raise KindMismatchError(_("cannot compare {old} with {new}")
                                .format(old=_article(old_kind), new=_article(new_kind)))
    raise KindMismatchError(_("diff compares convenants, addenda, realisations or assessments, not {kind}")
                            .format(kind=_article(old_kind)))


def _comparable(old: Agreement, new: Agreement) -> bool:
    """Two of one kind, or a covenant and its extension (either way round)."""
    if type(old) is type(new):
        return True
    pairs = ((old, new), (new, old))
    return any(isinstance(a, Convenant) and isinstance(b, Addendum) and b.extension for a, b in pairs)


def _article(kind: str) -> str:
    return Kind.in_a_sentence(Kind(kind) if kind in Kind.names() else None)


def _rate(model: Agreement) -> Fraction | None:
    return Fraction(model.max_subsidy) / Fraction(model.fte) if model.fte else None


def _diff_agreements(old: Agreement, new: Agreement) -> Diff:
    covenant = Subject("covenant", {"id": new.id}, new.title)
    scalars = ("id", "kind", "title", "sector", "max_subsidy", "fte", "notes")
    changes = [Change("scalar", "changed", covenant, name, name, unit_of(Addendum, name), getattr(old, name),
                      getattr(new, name)) for name in scalars if not same_text(getattr(old, name), getattr(new, name))]
    if isinstance(old, Addendum) and isinstance(new, Addendum):
        changes += fields("scalar", covenant, "", old, new, ("parent", "theme", "extension"))
    changes += fields("scalar", Subject("period", {}, "period"), "period", old.period, new.period, ("start", "end"))
    changes += _rule_changes(old, new)
    members_old, members_new = _members(old), _members(new)
    changes += keyed("beneficiary", members_old, members_new, _beneficiary,
                     lambda number: f"beneficiaries[enterprise_number={number}]", _compare_member, _member_record)
    changes += _commitment_changes(old, new)
    maxima = []
    for number in list(members_old) + [n for n in members_new if n not in members_old]:
        before = members_old[number][0].amount_each if number in members_old else None
        after = members_new[number][0].amount_each if number in members_new else None
        name = (members_new.get(number) or members_old[number])[1].name
        maxima.append(MaximumEffect(number, name, before, after))
    return Diff((old.kind, new.kind), ordered(changes), tuple(maxima), old.max_subsidy, new.max_subsidy,
                _rate(old), _rate(new))


def _rule_changes(old: Agreement, new: Agreement) -> list[Change]:
    """The rule settings as written; between a covenant and its extension, the rules in force
    (an extension writes only what it changes, Art. 8)."""
    subject = Subject("rules", {}, "rules")
    if type(old) is type(new):
        return fields("scalar", subject, "rules", old.rules, new.rules, tuple(type(old.rules).model_fields))
    parent = old if isinstance(old, Convenant) else new
    before, after = rules_in_force(old, parent).rules, rules_in_force(new, parent).rules
    return fields("scalar", subject, "rules", before, after, tuple(type(before).model_fields))


def _members(model: Agreement) -> dict[str, tuple[Group, Member]]:
    return {m.enterprise_number: (g, m) for g, m in model.members()}


def _beneficiary(number: str, pair: tuple[Group, Member]) -> Subject:
    return Subject("beneficiary", {"enterprise_number": number}, pair[1].name)


def _compare_member(subject: Subject, path: str, before: tuple[Group, Member],
                    after: tuple[Group, Member]) -> list[Change]:
    (g0, m0), (g1, m1) = before, after
    found = fields("beneficiary", subject, path, g0, g1, ("group", "amount_each", "fte_each"))
    found += fields("beneficiary", subject, path, m0, m1, ("name", "address"))
    found += fields("bank_account", subject, path, m0, m1, ("iban",))
    return found


def _member_record(pair: tuple[Group, Member]) -> Record:
    group, member = pair
    return record(group, ("group", "amount_each", "fte_each")) | record(member, ("name", "iban", "address"))


def _commitment_changes(old: Agreement, new: Agreement) -> list[Change]:
    def describe(key: str, commitment: ResultCommitment) -> Subject:
        return Subject("commitment", {"id": key}, commitment.title)

    def where(key: str) -> str:
        return f"result_commitments[id={key}]"

    def compare(subject: Subject, path: str, before: ResultCommitment, after: ResultCommitment) -> list[Change]:
        found = fields("commitment", subject, path, before, after, ("title", "qualitative"))
        targets_before = {(t.indicator, t.year): t.minimum for t in before.targets or []}
        targets_after = {(t.indicator, t.year): t.minimum for t in after.targets or []}
        for key in sorted(set(targets_before) | set(targets_after), key=str):
            if targets_before.get(key) != targets_after.get(key):
                indicator, year = key
                target = Subject("target", {"id": subject.key["id"], "indicator": indicator,
                                            "year": str(year) if year else ""}, indicator)
                change = change_kind(key, targets_before, targets_after)
                found.append(Change("commitment", change, target, f"{path}.{target_key(indicator, year)}.minimum",
                                    "minimum",
                                    Unit.COUNT, targets_before.get(key), targets_after.get(key)))
        return found

    def summary(commitment: ResultCommitment) -> Record:
        targets = {target_key(t.indicator, t.year) + ".minimum": Typed(t.minimum, Unit.COUNT)
                   for t in commitment.targets or []}
        return record(commitment, ("title",)) | (targets or record(commitment, ("qualitative",)))

    return keyed("commitment", {c.id: c for c in old.result_commitments}, {c.id: c for c in new.result_commitments},
                 describe, where, compare, summary)
