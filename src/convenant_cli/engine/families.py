"""R7 over a generation: families and the portfolio. Pure; loaded when several agreements
are settled together, or a golden case expects figures over covenant and addenda.

A *family* is one covenant with the addenda whose `parent:` it is (extensions included):
one line per beneficiary over its members, by enterprise number. Two covenants are never
merged. A family's maximum adds up every member's maximum; every other figure adds up the
members with facts (settled, or an interim view at a day) that have that figure, and is
`None` when none has: a maximum is never added to a payable figure, and an interim view
(Art. 6), which pays nothing, adds its deduction but never a payable figure. Its advances are
counted apart (`advances_interim`): the advances beside a payable are those of the members
that have a balance, so that every line reconciles on its own (payable - advances = balance).
A provisional settlement (a commitment waits for the auditor's verdict) counts with its
certain figures: its payable and balance as if every unjudged commitment were not met; a
family with such a member is provisional itself. The *portfolio* has one row per family and
totals over the agreements with facts only; what was shown as maxima is counted beside,
never in them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from convenant_cli.domain.money import ZERO
from convenant_cli.engine.settlement import MONEY_KEYS, Line, Settlement, Totals

# every money figure but the maximum: summed over the members with facts that have it
SETTLED_KEYS = tuple(key for key in MONEY_KEYS if key != "maximum")
# the advances paid to the members still running (interim views, Art. 6): beside the advances,
# never in them, since those members have no payable figure and no balance yet
INTERIM_ADVANCES = "advances_interim"
# a family's and the portfolio's figures: the money figures and the interim members' advances
_AFTER = MONEY_KEYS.index("advances") + 1
FAMILY_KEYS = (*MONEY_KEYS[:_AFTER], INTERIM_ADVANCES, *MONEY_KEYS[_AFTER:])


def shown_keys(keys: tuple[str, ...], running: bool) -> tuple[str, ...]:
    """`keys` as a table of families or of the portfolio shows them: the advances of members
    still running only when one is."""
    return keys if running else tuple(key for key in keys if key != INTERIM_ADVANCES)


Status = Literal["settled", "provisional", "interim", "maxima", "partial"]


@dataclass(frozen=True, kw_only=True)
class FamilyLine:
    """One beneficiary over a covenant and its addenda (R7), or a family's totals: each figure
    by key (`FAMILY_KEYS`), `None` where no member has it."""

    name: str
    enterprise_number: str
    figures: dict[str, Decimal | None]


@dataclass(frozen=True, kw_only=True)
class Family:
    convenant: str  # the id of the covenant at its root
    sector: str
    members: tuple[Settlement, ...]
    lines: tuple[FamilyLine, ...]
    totals: FamilyLine

    @property
    def status(self) -> Status:
        """One status when every member has it; a final settlement with a provisional member is
        provisional (its payable figures are the certain ones); else partial."""
        statuses = {member.status for member in self.members}
        if statuses == {"settled", "provisional"}:
            return "provisional"
        return statuses.pop() if len(statuses) == 1 else "partial"

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


@dataclass(frozen=True, kw_only=True)
class Portfolio:
    families: tuple[Family, ...]
    settled: int  # agreements settled (final, or an interim view)
    maxima: int  # agreements shown as maxima
    interim: int  # of those settled, the interim views (Art. 6)
    provisional: int  # of those settled, the final settlements that wait for the auditor's verdict
    totals: dict[str, Decimal | None]  # every money figure, over the agreements with facts that have it
    maxima_maximum: Decimal  # the maxima of the agreements shown as maxima, never in `totals`


def _sum(items: Iterable[Line | Totals], key: str) -> Decimal:
    return sum((getattr(item, key) for item in items), ZERO)


def _with(key: str, items: list[tuple[Settlement, Line | Totals]]) -> list[Line | Totals]:
    """The figures `key` of the members with facts that have it (`Settlement.shown_keys`); the
    advances of the members that have a balance, the others' being the interim advances."""
    if key == "advances":
        return [item for member, item in items if member.settled and "balance" in member.shown_keys]
    return [item for member, item in items if member.settled and key in member.shown_keys]


def _settled_figures(items: list[tuple[Settlement, Line | Totals]]) -> dict[str, Decimal | None]:
    figures = {key: _sum(found, key) if (found := _with(key, items)) else None for key in SETTLED_KEYS}
    running = [item for member, item in items if member.interim]
    figures[INTERIM_ADVANCES] = _sum(running, "advances") if running else None
    return figures


def _family_line(name: str, number: str, items: list[tuple[Settlement, Line | Totals]]) -> FamilyLine:
    figures: dict[str, Decimal | None] = {"maximum": _sum((item for _, item in items), "maximum")}
    figures.update(_settled_figures(items))
    return FamilyLine(name=name, enterprise_number=number, figures={key: figures[key] for key in FAMILY_KEYS})


def family_of(root: str, sector: str, members: list[Settlement]) -> Family:
    """R7: each beneficiary's figures over the members of one family, by enterprise number."""
    by_number: dict[str, list[tuple[Settlement, Line | Totals]]] = {}
    names: dict[str, str] = {}
    for member in members:
        for line in member.lines:
            names.setdefault(line.enterprise_number, line.name)
            by_number.setdefault(line.enterprise_number, []).append((member, line))
    lines = tuple(_family_line(names[number], number, items) for number, items in by_number.items())
    totals = _family_line("", "", [(member, member.totals) for member in members])
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
    items: list[tuple[Settlement, Line | Totals]] = [(member, member.totals) for member in settled]
    totals: dict[str, Decimal | None] = {"maximum": _sum((member.totals for member in settled), "maximum")}
    totals.update(_settled_figures(items))
    totals = {key: totals[key] for key in FAMILY_KEYS}
    return Portfolio(families=groups, settled=len(settled), maxima=len(unsettled),
                     interim=sum(1 for member in settled if member.interim),
                     provisional=sum(1 for member in settled if member.provisional), totals=totals,
                     maxima_maximum=_sum((member.totals for member in unsettled), "maximum"))
