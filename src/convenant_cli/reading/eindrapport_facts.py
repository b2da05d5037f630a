"""What reading an eindrapport workbook needs and gives: the outline of the agreement it is
for (its term, beneficiaries and commitments, as plain data: this layer knows no model), and
the facts the sheets hold, keyed as the realisation YAML writes them, each record with the
cells its values came from (`AT`). Data only; never prints.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

AT = "_at"  # a record's cells: field name -> `Sheet!D7`; "" -> the row (`Sheet!row 7`)
Record = dict[str, object]


@dataclass(frozen=True, kw_only=True)
class CommitmentOutline:
    """A result commitment as the sheet Resultaten lists it: its targets (indicator, work year),
    or none for a qualitative one."""

    id: str
    targets: tuple[tuple[str, int | None], ...]
    qualitative: bool


@dataclass(frozen=True, kw_only=True)
class AgreementOutline:
    """What a workbook's cells are read against: the agreement's term (a blank employment date
    takes its day), its beneficiaries (enterprise number -> name, in the agreement's order),
    whether it has FTE (else no absence deduction), its commitments, and the Dutch word of
    each absence reason (-> its YAML key)."""

    id: str
    start: date
    end: date
    beneficiaries: Mapping[str, str]
    has_fte: bool
    commitments: tuple[CommitmentOutline, ...]
    reasons: Mapping[str, str]


@dataclass(eq=False, kw_only=True)
class Facts:
    """What a filled-in workbook holds, in the order of its rows, keyed as the YAML writes it;
    each record carries its cells under `AT`; and how many rows each sheet held."""

    results: dict[str, Record] = field(default_factory=dict)
    consultants: dict[str, list[Record]] = field(default_factory=dict)
    advances: list[Record] = field(default_factory=list)
    cost_lines: dict[str, list[Record]] = field(default_factory=dict)  # the cost statement, by beneficiary
    costs: list[Record] = field(default_factory=list)  # a total per beneficiary without a cost statement
    rows: dict[str, int] = field(default_factory=dict)  # sheet -> rows with something in them
