"""Money: the one module that knows how amounts are held, rounded and printed.

Always take `Decimal` and the rounding from here. Amounts are `Decimal` from
the YAML text to the output; inside a computation exact `Fraction`s are used,
and `quantize` is the only place where a figure is rounded (half-up, to the cent).
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

ZERO = Decimal("0.00")
CENT = Decimal("0.01")


def quantize(value: Decimal | Fraction | int) -> Decimal:
    """Round once, half-up, to the cent.

    A `Fraction` is rounded exactly (no intermediate decimal expansion):

    >>> quantize(Fraction(1, 200))
    Decimal('0.01')
    >>> quantize(Fraction(-1, 200))
    Decimal('-0.01')
    >>> quantize(Decimal("2.665")), quantize(Fraction(2665, 1000))  # half-even would give 2.66
    (Decimal('2.67'), Decimal('2.67'))
    """
    if isinstance(value, Fraction):
        sign = -1 if value < 0 else 1
        cents = abs(value) * 100
        whole, rest = divmod(cents.numerator, cents.denominator)
        if 2 * rest >= cents.denominator:
            whole += 1
        return (Decimal(sign * whole) / 100).quantize(CENT)
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def format_eur(value: Decimal | Fraction) -> str:
    """Belgian number format: dot for thousands, comma for decimals.

    >>> format_eur(Decimal("1166000"))
    '1.166.000,00'
    >>> format_eur(Decimal("-0.5"))
    '-0,50'
    """
    text = f"{quantize(value):,.2f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_number(value: Decimal) -> str:
    """A plain decimal (FTE, days) in Belgian notation, without padding zeros.

    >>> format_number(Decimal("11.0"))
    '11,0'
    >>> format_number(Decimal("1234.5"))
    '1.234,5'
    """
    _sign, _digits, exponent = value.as_tuple()
    places = max(0, -int(exponent))
    text = f"{value:,.{places}f}"
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_fraction(value: Fraction) -> str:
    """A ratio as the SPEC writes it: `2/3`, `1/1`, `0/1`.

    >>> format_fraction(Fraction(4, 6))
    '2/3'
    >>> format_fraction(Fraction(1))
    '1/1'
    """
    return f"{value.numerator}/{value.denominator}"
