"""Plain values shown for people, by their unit, or made JSON-safe.

A value arrives with its `Unit` (from its field type), never guessed from a field's
name: euro to the cent, FTE and counts as plain numbers, each in the notation of the
run's language (Belgian in Dutch), an IBAN in groups of four, dates in ISO form.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.identifiers import format_enterprise_number, format_iban
from convenant_cli.domain.money import format_fraction, show_fraction
from convenant_cli.domain.units import Typed, Unit
from convenant_cli.render import vocabulary


def show(value: object, unit: Unit) -> str:
    """For a table: by unit; a record as `key: value; ...`.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> show(Decimal("144160.00"), Unit.EURO), show(Decimal("1.36"), Unit.FTE), show(None, Unit.EURO)
    ('144.160,00', '1,36', '—')
    >>> show({"fte": Typed(Decimal("0.5"), Unit.FTE), "replaced": Typed(True, Unit.BOOLEAN)}, Unit.RECORD)
    'fte: 0,50; replaced: ja'
    >>> set_language("en"); show(Decimal("144160.00"), Unit.EURO), show(True, Unit.BOOLEAN)
    ('144,160.00', 'yes')
    """
    if value is None:
        return "—"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {show(item.value, item.unit)}" for key, item in value.items())
    if isinstance(value, bool):
        return vocabulary.yes_no(value)
    if unit is Unit.REASON:
        return vocabulary.reason(str(value))
    if unit is Unit.COUNTING:
        return vocabulary.translated(vocabulary.COUNTING).get(str(value), str(value))
    if unit is Unit.DEDUCTION_BASE:
        return vocabulary.translated(vocabulary.DEDUCTION_BASE).get(str(value), str(value))
    if unit is Unit.EURO and isinstance(value, (Decimal, Fraction)):
        return vocabulary.amount(value)
    if unit is Unit.IBAN:
        return format_iban(str(value))
    if unit is Unit.ENTERPRISE_NUMBER:
        return format_enterprise_number(str(value))
    if isinstance(value, Decimal):
        return vocabulary.fte(value) if unit in (Unit.FTE, Unit.FTE_DAYS) else vocabulary.number(value)
    if isinstance(value, Fraction):
        return show_fraction(value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def jsonable(value: object) -> object:
    """For JSON: decimals and dates as strings, records as objects of their values.

    >>> jsonable({"amount": Typed(Decimal("1.50"), Unit.EURO), "start": Typed(date(2024, 1, 8), Unit.DATE)})
    {'amount': '1.50', 'start': '2024-01-08'}
    """
    if isinstance(value, Typed):
        return jsonable(value.value)
    if isinstance(value, (Decimal, date)):
        return str(value)
    if isinstance(value, Fraction):
        return format_fraction(value)
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    return value
