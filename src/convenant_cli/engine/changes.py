"""The vocabulary of a difference: what a change is about (`Subject`), the `Change` itself
with its category, path, unit and typed values, and the helpers that find changes between
two models or two mappings matched by key. Shared by `diff` (covenants and addenda),
`diff_realisation` and `diff_assessment`; pure, and imports none of them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, get_args

from pydantic import BaseModel

from convenant_cli.domain.units import Typed, Unit
from convenant_cli.models.fields import unit_of

# what a change is about, in the order a report shows them: a changed IBAN first
Category = Literal["bank_account", "scalar", "beneficiary", "commitment", "result", "staffing", "payment"]
CATEGORY_ORDER: tuple[Category, ...] = get_args(Category)
ChangeKind = Literal["added", "removed", "changed"]
SubjectType = Literal["covenant", "period", "rules", "beneficiary", "commitment", "target", "realisation", "result",
                      "actual", "staffing", "consultant", "absence", "advance", "cost_line", "eligible_costs",
                      "assessment", "verdict", "correction", "cost_decision"]
Record = dict[str, Typed]  # an added or removed item: its main fields, each typed


@dataclass(frozen=True, eq=False)
class Subject:
    """What a change is about: the kind of thing, the key it is matched on, its own name."""

    type: SubjectType
    key: dict[str, str] = field(default_factory=dict)
    name: str = ""


@dataclass(frozen=True, eq=False)
class Change:
    category: Category
    change: ChangeKind
    subject: Subject
    path: str  # e.g. beneficiaries[enterprise_number=0474431354].amount_each
    field: str | None  # the changed key; None for an item added or removed whole
    unit: Unit
    old: object  # a value of `unit`, a `Record` (unit RECORD), or None
    new: object


def ordered(changes: list[Change]) -> tuple[Change, ...]:
    return tuple(sorted(changes, key=lambda c: CATEGORY_ORDER.index(c.category)))


def same_text(a: object, b: object) -> bool:
    """Equal, with text compared after Unicode NFC normalisation (one name typed two ways is one name)."""
    if isinstance(a, str) and isinstance(b, str):
        return unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b)
    return a == b


def record(model: BaseModel, names: tuple[str, ...]) -> Record:
    return {name: Typed(getattr(model, name), unit_of(type(model), name)) for name in names
            if getattr(model, name) is not None}


def fields(category: Category, subject: Subject, path: str, old: BaseModel, new: BaseModel,
           names: tuple[str, ...]) -> list[Change]:
    """A change for every named field whose value differs."""
    return [Change(category, "changed", subject, f"{path}.{name}" if path else name, name,
                   unit_of(type(old), name), getattr(old, name), getattr(new, name))
            for name in names if not same_text(getattr(old, name), getattr(new, name))]


def keyed(category: Category, old: Mapping[Any, Any], new: Mapping[Any, Any], describe: Callable[[Any, Any], Subject],
          where: Callable[[Any], str], compare: Callable[[Subject, str, Any, Any], list[Change]],
          summary: Callable[[Any], Record]) -> list[Change]:
    """Added, removed, and (through `compare`) changed items of two mappings matched by key;
    an added or removed item carries `summary(item)`, a `Record` of its main values."""
    changes = [Change(category, "removed", describe(key, old[key]), where(key), None, Unit.RECORD,
                      summary(old[key]), None) for key in old if key not in new]
    changes += [Change(category, "added", describe(key, new[key]), where(key), None, Unit.RECORD, None,
                       summary(new[key])) for key in new if key not in old]
    for key in old:
        if key in new:
            changes += compare(describe(key, new[key]), where(key), old[key], new[key])
    return changes


def target_key(indicator: str, year: int | None, items: str = "targets") -> str:
    """
    >>> target_key("bedrijfsbezoeken", 2), target_key("bijeenkomsten", None, "actuals")
    ('targets[indicator=bedrijfsbezoeken,year=2]', 'actuals[indicator=bijeenkomsten]')
    """
    return f"{items}[indicator={indicator}" + (f",year={year}" if year else "") + "]"


def change_kind(key: object, before: Mapping[Any, Any], after: Mapping[Any, Any]) -> ChangeKind:
    """
    >>> change_kind(1, {}, {1: "x"}), change_kind(1, {1: "x"}, {}), change_kind(1, {1: "x"}, {1: "y"})
    ('added', 'removed', 'changed')
    """
    return "added" if key not in before else "removed" if key not in after else "changed"
