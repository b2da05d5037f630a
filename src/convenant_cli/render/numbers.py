"""Numbers as the run's language writes them: amounts in euro, plain decimals, FTE, ratios.
No words: those are `vocabulary`'s, which offers these beside them.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.language import language
from convenant_cli.domain.money import format_eur, format_fte, format_number, show_fraction


def amount(value: Decimal | Fraction | None) -> str:
    """An amount in euro to the cent, as the run's language writes it; "—" for none.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); amount(Decimal("1022559.87")), amount(None)
    ('1.022.559,87', '—')
    >>> set_language("en"); amount(Decimal("1022559.87")), amount(Decimal("-0.5"))
    ('1,022,559.87', '-0.50')
    """
    return "—" if value is None else format_eur(value, language())


def number(value: Decimal) -> str:
    """A plain decimal (a count, a share) as the run's language writes it, as many places as it has.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); number(Decimal("1240")), number(Decimal("0.70"))
    ('1.240', '0,70')
    """
    return format_number(value, language())


def fte(value: Decimal) -> str:
    """FTE or FTE-days to two places, without their unit.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("en"); fte(Decimal("36.2")), fte(Decimal("1234.567"))
    ('36.20', '1,234.57')
    """
    return format_fte(value, language())


def ratio(value: Fraction | None) -> str:
    return "—" if value is None else show_fraction(value)
