"""Belgian enterprise numbers and IBANs: validate (and compact), format, and the pattern
the JSON Schema gives editors. Checksums are python-stdnum's, never hand-written.

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

import importlib.util
import sys
import types

from convenant_cli.domain.language import N_, _


class _OnFirstUse(types.ModuleType):
    """Stands in for a standard module that python-stdnum's `util` imports for what
    validating a number never does (`ssl` for its online lookups, `pydoc` and `pkgutil` to
    list its formats). Loading `ssl` loads OpenSSL: a quarter of `settle`'s own start-up.
    The real module loads, as an import would load it, on the first use of one of its
    names; `sys.modules` holds the stand-in only while python-stdnum is imported."""

    def __getattr__(self, name: str) -> object:
        module = sys.modules.get(self.__name__)
        if module is None or module is self:
            spec = importlib.util.find_spec(self.__name__)
            if spec is None or spec.loader is None:
                raise AttributeError(name)
            module = importlib.util.module_from_spec(spec)
            sys.modules[self.__name__] = module
            spec.loader.exec_module(module)
        return getattr(module, name)


def _import_stdnum() -> tuple[types.ModuleType, types.ModuleType, type[Exception]]:
    stand_ins = {name: _OnFirstUse(name) for name in ("ssl", "pydoc", "pkgutil") if name not in sys.modules}
    sys.modules.update(stand_ins)
    try:
        from stdnum import iban
        from stdnum.be import vat
        from stdnum.exceptions import ValidationError
    finally:
        for name, stand_in in stand_ins.items():
            if sys.modules.get(name) is stand_in:
                del sys.modules[name]
    return iban, vat, ValidationError


stdnum_iban, stdnum_be_vat, StdnumError = _import_stdnum()

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


def _validated(module, text: str) -> str:  # type: ignore[no-untyped-def]
    try:
        return str(module.validate(text))
    except StdnumError as error:
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
    return _validated(stdnum_be_vat, text)


def format_enterprise_number(number: str) -> str:
    """The official notation of a ten-digit enterprise number: 0409.845.289."""
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def validate_iban(text: str) -> str:
    """The compact form of a valid IBAN."""
    return _validated(stdnum_iban, text)


def format_iban(number: str) -> str:
    """An IBAN in groups of four, as printed on a statement."""
    return str(stdnum_iban.format(number))
