"""Plain values (Decimal, date, mappings) shown for people or made JSON-safe."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.identifiers import format_iban
from convenant_cli.money import format_eur, format_fraction, format_number

MONEY_FIELDS = frozenset({"max_subsidy", "amount_each", "amount", "advances", "eligible_costs"})


def show(value: object, field: str | None = None) -> str:
    """For a table: Belgian numbers, ISO dates, mappings as `key: value; ...`.

    >>> show(Decimal("144160.00"), "amount_each"), show(Decimal("1.36")), show(None)
    ('144.160,00', '1,36', '—')
    """
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, Decimal):
        return format_eur(value) if field in MONEY_FIELDS else format_number(value)
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return "; ".join(f"{k}: {show(v, k)}" for k, v in value.items() if v is not None)
    return str(value)


def show_change(change, value: object) -> str:
    """A changed value for a table or workbook: an IBAN in groups of four, else `show`."""
    if change.field == "iban" and value is not None:
        return format_iban(str(value))
    return show(value, change.field)


def jsonable(value: object) -> object:
    """For JSON: decimals and dates as strings, mappings recursively.

    >>> jsonable({"amount": Decimal("1.50"), "start": date(2024, 1, 8)})
    {'amount': '1.50', 'start': '2024-01-08'}
    """
    if isinstance(value, (Decimal, date)):
        return str(value)
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    return value
