"""Belgian enterprise numbers and IBANs: validate (and compact), format, and the pattern
the JSON Schema gives editors. Checksums are python-stdnum's, never hand-written; it is
imported by the functions that check or format a number, so that a run that checks none
never loads it (its import is costly: `docs/reference/speed.md`).

>>> validate_enterprise_number("0409.845.289"), format_enterprise_number("0409845289")
('0409845289', '0409.845.289')
>>> validate_iban("BE25 2100 0498 8882"), format_iban("BE25210004988882")
('BE25210004988882', 'BE25 2100 0498 8882')
>>> validate_enterprise_number("0409.845.288")
Traceback (most recent call last):
...
convenant_cli.domain.identifiers.InvalidIdentifier: the number's checksum or check digit is invalid
"""

from __future__ import annotations

from types import ModuleType

from convenant_cli.domain.language import N_, _

ENTERPRISE_NUMBER_PATTERN = r"^(BE)?\s*[0-9][0-9. ]{8,12}$"
IBAN_PATTERN = r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{8,40}$"


class InvalidIdentifier(ValueError):
    """An identifier that python-stdnum refuses; the message is its reason, in lower case."""


# python-stdnum's reasons, by its exception class, in the catalogue's words
_REASONS = {
    "InvalidChecksum": N_("the number's checksum or check digit is invalid"),
    "InvalidLength": N_("the number has an invalid length"),
    "InvalidFormat": N_("the number has an invalid format"),
    "InvalidComponent": N_("one of the parts of the number is invalid or unknown"),
}


def _validated(module: ModuleType, text: str) -> str:
    from stdnum.exceptions import ValidationError

    try:
        return str(module.validate(text))
    except ValidationError as error:
        reason = _REASONS.get(type(error).__name__)
        raise InvalidIdentifier(_(reason) if reason else str(error).rstrip(".").lower()) from None


def compact(text: str) -> str:
    """An identifier as the diff matches it when its checksum is wrong: no spaces, dots or
    dashes, upper case (python-stdnum's own notion of compact, without the check).

    >>> compact("be 0409.845.288")
    'BE0409845288'
    """
    return "".join(char for char in text if char not in " .-/").upper()


def validate_enterprise_number(text: str) -> str:
    """The ten digits of a valid Belgian enterprise number (KBO/BCE)."""
    from stdnum.be import vat  # python-stdnum loads when a number is checked (see speed.md)

    return _validated(vat, text)


def format_enterprise_number(number: str) -> str:
    """The official notation of a ten-digit enterprise number: 0409.845.289."""
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def validate_iban(text: str) -> str:
    """The compact form of a valid IBAN."""
    from stdnum import iban

    return _validated(iban, text)


def format_iban(number: str) -> str:
    """An IBAN in groups of four, as printed on a statement."""
    from stdnum import iban

    return str(iban.format(number))
