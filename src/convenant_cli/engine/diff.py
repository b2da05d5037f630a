"""What changed between two versions of a covenant, addendum or realisation (SPEC §5).

Pure: two validated models in, a frozen `Diff` out. Beneficiaries are matched by
enterprise number, commitments by id, targets by indicator and work year,
consultants by name — never by position, so reordering is no change. A changed
IBAN is its own category (`bank_account`) and sorts first.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pydantic import BaseModel

from convenant_cli.fields import unit_of
from convenant_cli.identifiers import format_enterprise_number
from convenant_cli.models import Addendum, Agreement, Convenant, Realisation
from convenant_cli.units import Typed, Unit

CATEGORY_ORDER = ("bank_account", "scalar", "beneficiary", "commitment", "result", "staffing", "payment")


Record = dict[str, Typed]  # an added or removed item: its main fields, each typed


def record(model: BaseModel, names: tuple[str, ...]) -> Record:
    return {name: Typed(getattr(model, name), unit_of(type(model), name)) for name in names
            if getattr(model, name) is not None}


@dataclass(frozen=True)
class Change:
    category: str  # one of CATEGORY_ORDER
    change: str  # added | removed | changed
    subject: str  # what it is about: a key, a beneficiary, a commitment
    field: str | None
    old: object  # a value of `unit`, a `Record` (unit RECORD), or None
    new: object
    unit: Unit = Unit.RECORD


@dataclass(frozen=True)
class MoneyEffect:
    enterprise_number: str
    name: str
    old: Decimal | None
    new: Decimal | None

    @property
    def difference(self) -> Decimal:
        return (self.new or Decimal(0)) - (self.old or Decimal(0))


@dataclass(frozen=True)
class Diff:
    kind: str
    changes: tuple[Change, ...]
    effects: tuple[MoneyEffect, ...]  # beneficiaries whose maximum changed, added or removed
    total_old: Decimal | None
    total_new: Decimal | None
    rate_old: Fraction | None  # max_subsidy / fte
    rate_new: Fraction | None

    @property
    def same(self) -> bool:
        return not self.changes


class KindMismatchError(ValueError):
    """The two files are of different kinds: no meaningful diff."""


def diff(old, new) -> Diff:
    if type(old) is not type(new):
        raise KindMismatchError(f"cannot compare {_article(old.kind)} with {_article(new.kind)}")
    if isinstance(old, Agreement):
        return _diff_agreements(old, new)
    if isinstance(old, Realisation):
        changes = _realisation_changes(old, new)
        return Diff(old.kind, _ordered(changes), (), None, None, None, None)
    raise KindMismatchError(f"diff compares convenants, addenda or realisations, not {_article(old.kind)}")


def _article(kind: str) -> str:
    return f"{'an' if kind[0] in 'aeiou' else 'a'} {kind}"


def _ordered(changes: list[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=lambda c: CATEGORY_ORDER.index(c.category)))


def _fields(category: str, subject: str, old, new, names: tuple[str, ...], prefix: str = "") -> list[Change]:
    return [Change(category, "changed", subject, prefix + name, getattr(old, name), getattr(new, name),
                   unit_of(type(old), name))
            for name in names if getattr(old, name) != getattr(new, name)]


def _keyed(category: str, old: dict, new: dict, describe, compare, summary=lambda item: None) -> list[Change]:
    """Added, removed, and (through `compare`) changed items of two dicts matched by key;
    an added or removed item carries `summary(item)`, a `Record` of its main values."""
    changes = [Change(category, "removed", describe(key, old[key]), None, summary(old[key]), None)
               for key in old if key not in new]
    changes += [Change(category, "added", describe(key, new[key]), None, None, summary(new[key]))
                for key in new if key not in old]
    for key in old:
        if key in new:
            changes += compare(describe(key, new[key]), old[key], new[key])
    return changes


def _rate(model: Agreement) -> Fraction | None:
    return Fraction(model.max_subsidy) / Fraction(model.fte) if model.fte else None


def _diff_agreements(old: Agreement, new: Agreement) -> Diff:
    scalars = ("title", "sector", "max_subsidy", "fte", "notes")
    scalars += ("parent", "theme") if isinstance(old, Addendum) else ()
    changes = _fields("scalar", "convenant", old, new, scalars)
    changes += _fields("scalar", "period", old.period, new.period, ("start", "end"), "period.")
    rule_names = tuple(Convenant.model_fields["rules"].annotation.model_fields)
    changes += _fields("scalar", "rules", old.rules, new.rules, rule_names, "rules.")

    def members(model: Agreement) -> dict:
        return {m.enterprise_number: (g, m) for g, m in model.members()}

    def describe(number, pair) -> str:
        return f"{pair[1].name} ({format_enterprise_number(number)})"

    def compare_member(subject, before, after) -> list[Change]:
        (g0, m0), (g1, m1) = before, after
        found = _fields("beneficiary", subject, g0, g1, ("group", "amount_each", "fte_each"))
        found += _fields("beneficiary", subject, m0, m1, ("name", "address"))
        if m0.iban != m1.iban:
            found.append(Change("bank_account", "changed", subject, "iban", m0.iban, m1.iban, Unit.IBAN))
        return found

    def summary(pair) -> Record:
        group, member = pair
        return record(group, ("group", "amount_each", "fte_each")) | record(member, ("iban", "address"))

    old_members, new_members = members(old), members(new)
    changes += _keyed("beneficiary", old_members, new_members, describe, compare_member, summary)
    changes += _commitment_changes(old, new)

    effects = []
    for number in list(old_members) + [n for n in new_members if n not in old_members]:
        before = old_members[number][0].amount_each if number in old_members else None
        after = new_members[number][0].amount_each if number in new_members else None
        if before != after:
            name = (new_members.get(number) or old_members[number])[1].name
            effects.append(MoneyEffect(number, name, before, after))
    return Diff(old.kind, _ordered(changes), tuple(effects), old.max_subsidy, new.max_subsidy, _rate(old), _rate(new))


def _commitment_changes(old: Agreement, new: Agreement) -> list[Change]:
    def describe(key, commitment) -> str:
        return f"{key} {commitment.title}"

    def compare(subject, before, after) -> list[Change]:
        found = _fields("commitment", subject, before, after, ("title", "qualitative"))
        targets_before = {(t.indicator, t.year): t.minimum for t in before.targets or []}
        targets_after = {(t.indicator, t.year): t.minimum for t in after.targets or []}
        for key in sorted(set(targets_before) | set(targets_after), key=str):
            if targets_before.get(key) != targets_after.get(key):
                indicator, year = key
                where = f"target {indicator}" + (f" (year {year})" if year else " (term)")
                change = "added" if key not in targets_before else "removed" if key not in targets_after else "changed"
                found.append(Change("commitment", change, subject, where, targets_before.get(key),
                                    targets_after.get(key), Unit.COUNT))
        return found

    def summary(commitment) -> Record:
        targets = {f"{t.indicator} (year {t.year})" if t.year else t.indicator: Typed(t.minimum, Unit.COUNT)
                   for t in commitment.targets or []}
        return targets or record(commitment, ("qualitative",))

    return _keyed("commitment", {c.id: c for c in old.result_commitments},
                  {c.id: c for c in new.result_commitments}, describe, compare, summary)


def _realisation_changes(old: Realisation, new: Realisation) -> list[Change]:
    changes = _fields("scalar", "realisation", old, new, ("convenant", "notes"))

    def compare_result(subject, before, after) -> list[Change]:
        found = _fields("result", subject, before, after, ("achieved", "note"))
        values_before = {(a.indicator, a.year): a.value for a in before.actuals}
        values_after = {(a.indicator, a.year): a.value for a in after.actuals}
        for key in sorted(set(values_before) | set(values_after), key=str):
            if values_before.get(key) != values_after.get(key):
                label = f"value {key[0]}" + (f" (year {key[1]})" if key[1] else "")
                found.append(Change("result", "changed", subject, label, values_before.get(key), values_after.get(key),
                                    Unit.COUNT))
        return found

    changes += _keyed("result", dict(old.results), dict(new.results), lambda key, _: key, compare_result,
                      lambda result: record(result, ("achieved", "note")) | {
                          f"value {a.indicator}" + (f" (year {a.year})" if a.year else ""): Typed(a.value, Unit.COUNT)
                          for a in result.actuals})

    def compare_staffing(subject, before, after) -> list[Change]:
        def compare_consultant(who, c0, c1) -> list[Change]:
            found = _fields("staffing", who, c0, c1, ("name", "fte"))
            if c0.employed != c1.employed:
                found.append(Change("staffing", "changed", who, "employed",
                                    record(c0.employed, ("start", "end")) if c0.employed else None,
                                    record(c1.employed, ("start", "end")) if c1.employed else None))
            a0, a1 = set(c0.absences), set(c1.absences)
            fields = ("start", "end", "reason", "fte", "replaced", "new_illness")
            found += [Change("staffing", "removed", who, "absence", record(a, fields), None)
                      for a in c0.absences if a not in a1]
            found += [Change("staffing", "added", who, "absence", None, record(a, fields))
                      for a in c1.absences if a not in a0]
            return found

        return _keyed("staffing", {c.key: c for c in before.consultants}, {c.key: c for c in after.consultants},
                      lambda name, _: f"{subject}: {name}", compare_consultant,
                      lambda c: record(c, ("fte",)) | {"absences": Typed(len(c.absences), Unit.COUNT)})

    def staffing(model: Realisation) -> dict:
        return {s.beneficiary: s for s in model.staffing}

    changes += _keyed("staffing", staffing(old), staffing(new), lambda number, _: format_enterprise_number(number),
                      compare_staffing, lambda s: {"consultants": Typed(len(s.consultants), Unit.COUNT)})
    for section in ("advances", "eligible_costs"):
        before = {p.beneficiary: p.amount for p in getattr(old, section)}
        after = {p.beneficiary: p.amount for p in getattr(new, section)}
        for number in sorted(set(before) | set(after)):
            if before.get(number) != after.get(number):
                change = "added" if number not in before else "removed" if number not in after else "changed"
                changes.append(Change("payment", change, format_enterprise_number(number), section,
                                      before.get(number), after.get(number), Unit.EURO))
    return changes
