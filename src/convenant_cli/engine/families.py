"""R7 over a generation: families and the portfolio. Pure; loaded when several agreements
are settled together, or a golden case expects figures over covenant and addenda.

A *family* is one covenant with the addenda whose `parent:` it is (extensions included):
one line per beneficiary over its members, by enterprise number. Two covenants are never
merged. A family's maximum adds up every member's maximum; every other figure adds up the
members that were settled only, and is `None` when none was: a maximum is never added to
a payable figure. The *portfolio* has one row per family and totals over the settled
agreements only; what was shown as maxima is counted beside, never in them.

The records are `NamedTuple`s: immutable, built by keyword, and cheap to define, which
matters because every `settle` loads this module (a frozen dataclass costs a settle's
start-up more than all the arithmetic of a small covenant).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Literal, NamedTuple

from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import MONEY_KEYS, Line, Settlement, Totals

# every money figure but the maximum: summed over the settled members only
SETTLED_KEYS = tuple(key for key in MONEY_KEYS if key != "maximum")
Status = Literal["settled", "maxima", "partial"]


class FamilyLine(NamedTuple):
    """One beneficiary over a covenant and its addenda (R7), or a family's totals: each money
    figure by key (`MONEY_KEYS`), `None` where no member was settled."""

    name: str
    enterprise_number: str
    figures: dict[str, Decimal | None]


class Family(NamedTuple):
    convenant: str  # the id of the covenant at its root
    sector: str
    members: tuple[Settlement, ...]
    lines: tuple[FamilyLine, ...]
    totals: FamilyLine

    @property
    def status(self) -> Status:
        settled = [member.settled for member in self.members]
        return "settled" if all(settled) else "maxima" if not any(settled) else "partial"

    @property
    def settled_maximum(self) -> Decimal | None:
        """The maxima of the members settled: what the payable figures are of."""
        settled = [member.totals.maximum for member in self.members if member.settled]
        return sum(settled, ZERO) if settled else None

    @property
    def unsettled_maximum(self) -> Decimal | None:
        """The maxima of the members shown as maxima: never part of a payable total."""
        shown = [member.totals.maximum for member in self.members if not member.settled]
        return sum(shown, ZERO) if shown else None


class Portfolio(NamedTuple):
    families: tuple[Family, ...]
    settled: int  # agreements settled
    maxima: int  # agreements shown as maxima
    totals: dict[str, Decimal]  # every money figure, over the settled agreements only
    maxima_maximum: Decimal  # the maxima of the agreements shown as maxima, never in `totals`


def _sum(items: Iterable[Line | Totals], key: str) -> Decimal:
    return sum((getattr(item, key) for item in items), ZERO)


def _family_line(name: str, number: str, items: list[tuple[bool, Line | Totals]]) -> FamilyLine:
    settled = [item for is_settled, item in items if is_settled]
    figures: dict[str, Decimal | None] = {"maximum": _sum((item for _, item in items), "maximum")}
    figures.update({key: _sum(settled, key) if settled else None for key in SETTLED_KEYS})
    return FamilyLine(name=name, enterprise_number=number, figures=figures)


def family_of(root: str, sector: str, members: list[Settlement]) -> Family:
    """R7: each beneficiary's figures over the members of one family, by enterprise number."""
    by_number: dict[str, list[tuple[bool, Line | Totals]]] = {}
    names: dict[str, str] = {}
    for member in members:
        for line in member.lines:
            names.setdefault(line.enterprise_number, line.name)
            by_number.setdefault(line.enterprise_number, []).append((member.settled, line))
    lines = tuple(_family_line(names[number], number, items) for number, items in by_number.items())
    totals = _family_line("", "", [(member.settled, member.totals) for member in members])
    return Family(convenant=root, sector=sector, members=tuple(members), lines=lines, totals=totals)


def families(settlements: list[Settlement], roots: list[tuple[str, str]]) -> tuple[Family, ...]:
    """The settlements grouped by the covenant at their root, `roots[i]` being (that
    covenant's id, its sector) for `settlements[i]`; in the order they first appear."""
    grouped: dict[str, list[Settlement]] = {}
    sectors: dict[str, str] = {}
    for settlement, (root, sector) in zip(settlements, roots, strict=True):
        grouped.setdefault(root, []).append(settlement)
        sectors.setdefault(root, sector)
    return tuple(family_of(root, sectors[root], members) for root, members in grouped.items())


def portfolio(groups: tuple[Family, ...]) -> Portfolio:
    members = [member for family in groups for member in family.members]
    settled = [member for member in members if member.settled]
    unsettled = [member for member in members if not member.settled]
    return Portfolio(families=groups, settled=len(settled), maxima=len(unsettled),
                     totals={key: _sum((member.totals for member in settled), key) for key in MONEY_KEYS},
                     maxima_maximum=_sum((member.totals for member in unsettled), "maximum"))
