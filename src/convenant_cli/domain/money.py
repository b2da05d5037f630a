"""Money: the one module that knows how amounts are held, rounded and printed.

Always take `Decimal` and the rounding from here. Amounts are `Decimal` from
the YAML text to the output; inside a computation exact `Fraction`s are used,
and `quantize` (half-up, to the cent) and `round_half_up` (to other places, for what a
report shows) are the only places where a figure is rounded.
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
    return round_half_up(value, 2)


_STEPS = tuple(Decimal(1).scaleb(-places) for places in range(18))  # 1, 0.1, 0.01, ...


def round_half_up(value: Decimal | Fraction | int, places: int) -> Decimal:
    """Round once, half-up, to `places` decimals: money to the cent (`quantize`), and what
    a report shows of an exact figure (FTE to two places, a ratio's arithmetic to four).

    >>> round_half_up(Fraction(2, 3), 4), round_half_up(Decimal("0.125"), 2), round_half_up(Decimal("-0.125"), 2)
    (Decimal('0.6667'), Decimal('0.13'), Decimal('-0.13'))
    """
    step = _STEPS[places] if places < len(_STEPS) else Decimal(1).scaleb(-places)
    if value.__class__ is Decimal:  # the common case: an FTE or an amount shown
        return value.quantize(step, rounding=ROUND_HALF_UP)
    if isinstance(value, Fraction):
        sign = -1 if value < 0 else 1
        scaled = abs(value) * 10**places
        whole, rest = divmod(scaled.numerator, scaled.denominator)
        if 2 * rest >= scaled.denominator:
            whole += 1
        return (Decimal(sign * whole).scaleb(-places)).quantize(step)
    return Decimal(value).quantize(step, rounding=ROUND_HALF_UP)


def _notation(text: str, language: str) -> str:
    """A number written the English way (`1,234.5`) in the notation of `language`: English
    as it is; Dutch (and any other) the Belgian way, dot for thousands and comma for decimals."""
    return text if language == "en" else text.replace(",", " ").replace(".", ",").replace(" ", ".")


def format_eur(value: Decimal | Fraction, language: str = "nl") -> str:
    """An amount to the cent; Belgian notation (dot for thousands, comma for decimals), or
    English with `language="en"`.

    >>> format_eur(Decimal("1166000"))
    '1.166.000,00'
    >>> format_eur(Decimal("-0.5"))
    '-0,50'
    >>> format_eur(Decimal("1022559.87"), "en")
    '1,022,559.87'
    """
    return _notation(f"{quantize(value):,.2f}", language)


def format_number(value: Decimal, language: str = "nl") -> str:
    """A plain decimal (FTE, days) in Belgian notation (or English), without padding zeros.

    >>> format_number(Decimal("11.0"))
    '11,0'
    >>> format_number(Decimal("1234.5")), format_number(Decimal("1234.5"), "en")
    ('1.234,5', '1,234.5')
    """
    _sign, _digits, exponent = value.as_tuple()
    places = max(0, -int(exponent))
    return _notation(f"{value:,.{places}f}", language)


def format_fte(value: Decimal, language: str = "nl") -> str:
    """FTE and FTE-days as people read them: always two decimals, Belgian notation (or English).

    >>> format_fte(Decimal("11.0")), format_fte(Decimal("36.2")), format_fte(Decimal("0.125"))
    ('11,00', '36,20', '0,13')
    >>> format_fte(Decimal("1234.5"), "en")
    '1,234.50'
    """
    return format_number(round_half_up(value, 2), language)


def format_fraction(value: Fraction) -> str:
    """A ratio as the rulebook writes it: `2/3`, `1/1`, `0/1` (JSON and golden cases).

    >>> format_fraction(Fraction(4, 6))
    '2/3'
    >>> format_fraction(Fraction(1))
    '1/1'
    """
    return f"{value.numerator}/{value.denominator}"


def show_fraction(value: Fraction) -> str:
    """A ratio as people read it: `2/3`, `1`, and `0` rather than `0/1`.

    >>> show_fraction(Fraction(4, 6)), show_fraction(Fraction(0)), show_fraction(Fraction(1))
    ('2/3', '0', '1')
    """
    return str(value.numerator) if value.denominator == 1 else format_fraction(value)
