"""Numbers, amounts, FTE, ratios, days and months as the run's language writes them: 1.022.559,87
and 1 juli 2023 in Dutch, 1,022,559.87 and 1 July 2023 in English. The words of the months are
the catalogue's; every other word people read is the vocabulary's (`vocabulary` shows these
functions beside its words, so that a renderer asks one module).

Nothing here is translated at import.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.language import N_, _, language
from convenant_cli.domain.money import format_eur, format_fte, format_number, show_fraction

MONTHS = (N_("January"), N_("February"), N_("March"), N_("April"), N_("May"), N_("June"), N_("July"),
          N_("August"), N_("September"), N_("October"), N_("November"), N_("December"))

# a month on a chart's axis, beside its year
SHORT_MONTHS = (N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"), N_("Jul"), N_("Aug"), N_("Sep"),
                N_("Oct"), N_("Nov"), N_("Dec"))


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


def day(value: date) -> str:
    """A day in words, as a letter writes it.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); day(date(2023, 7, 1)), day(date(2024, 9, 30))
    ('1 juli 2023', '30 september 2024')
    >>> set_language("en"); day(date(2023, 7, 1))
    '1 July 2023'
    """
    return f"{value.day} {_(MONTHS[value.month - 1])} {value.year}"


def month(value: date) -> str:
    """The month of a day, short, with its year: a chart's axis.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); month(date(2023, 10, 1)), month(date(2024, 3, 1))
    ('okt 2023', 'mrt 2024')
    >>> set_language("en"); month(date(2023, 10, 1))
    'Oct 2023'
    """
    return f"{_(SHORT_MONTHS[value.month - 1])} {value.year}"
