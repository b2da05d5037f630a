"""Units: what a value measures (euro, FTE, a count, a date ...), and a value typed by one.

Field types carry their unit (`fields`), so that nothing downstream guesses it from a
field's name; renderers format by unit.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Unit(StrEnum):
    """What a value measures, carried by its field type so that nothing downstream has to
    guess it from a field's name: a renderer formats by unit."""

    EURO = "euro"
    FTE = "fte"
    FTE_DAYS = "fte_days"  # FTE times calendar days: the Art. 5 shortfall
    SHARE = "share"
    COUNT = "count"
    DAYS = "days"
    WORK_YEAR = "work_year"
    DATE = "date"
    TEXT = "text"
    IBAN = "iban"
    ENTERPRISE_NUMBER = "enterprise_number"
    BOOLEAN = "boolean"
    REASON = "reason"  # an absence reason: illness, accident, ...
    COUNTING = "counting"  # per_commitment, per_year
    DEDUCTION_BASE = "deduction_base"  # maximum, payable
    RECORD = "record"  # an added or removed item: a mapping of its fields


@dataclass(frozen=True)
class Typed:
    """A value with its unit."""

    value: object
    unit: Unit
