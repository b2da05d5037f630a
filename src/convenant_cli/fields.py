"""Reusable field types for the models: money, FTE, dates, Belgian identifiers.

Each type parses the text the YAML source kept (never a float), states its
limits, and names its error with a stable type that `errormap` turns into a
diagnostic code. Checksums are python-stdnum's, never hand-written.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field, WithJsonSchema
from pydantic_core import PydanticCustomError
from stdnum import iban as stdnum_iban
from stdnum.be import vat as stdnum_be_vat
from stdnum.exceptions import ValidationError as StdnumError

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _at_most_two_decimals(value: Decimal) -> Decimal:
    if value != value.quantize(Decimal("0.01")):
        raise PydanticCustomError(
            "decimal_places", "at most two decimals allowed, got {value}", {"value": str(value)}
        )
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("date_format", "expected a date as YYYY-MM-DD, got '{value}'",
                                  {"value": value})
    try:
        return date.fromisoformat(value.strip())
    except ValueError as error:
        raise PydanticCustomError("date_value", "{value} is not a calendar date ({reason})",
                                  {"value": value, "reason": str(error)}) from None


def _checked(module, error_type: str, label: str):
    """A validator that lets python-stdnum check (and compact) a number."""

    def validate(value: str) -> str:
        try:
            return module.validate(value)
        except StdnumError as error:
            raise PydanticCustomError(error_type, f"invalid {label} '{{value}}': {{reason}}",
                                      {"value": value, "reason": str(error).rstrip(".").lower()}) from None

    return validate


def format_enterprise_number(number: str) -> str:
    """The official notation of a 10-digit enterprise number.

    >>> format_enterprise_number("0409845289")
    '0409.845.289'
    """
    return f"{number[:4]}.{number[4:7]}.{number[7:]}"


def format_iban(number: str) -> str:
    return stdnum_iban.format(number)


_NUMBER = {"type": "number", "minimum": 0}

Money = Annotated[
    Decimal,
    Field(ge=0, le=Decimal("999999999999.99"), allow_inf_nan=False),
    AfterValidator(_at_most_two_decimals),
    WithJsonSchema({**_NUMBER, "description": "euro, at most two decimals"}),
]
Fte = Annotated[
    Decimal,
    Field(ge=0, le=10000, allow_inf_nan=False),
    AfterValidator(_at_most_two_decimals),
    WithJsonSchema({**_NUMBER, "description": "full-time equivalents, at most two decimals"}),
]
Share = Annotated[
    Decimal, Field(ge=0, le=1, allow_inf_nan=False), WithJsonSchema({**_NUMBER, "maximum": 1})
]
Quantity = Annotated[
    Decimal, Field(ge=0, le=Decimal("1e12"), allow_inf_nan=False), WithJsonSchema(_NUMBER)
]
IsoDate = Annotated[
    date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"})
]
EnterpriseNumber = Annotated[
    str,
    AfterValidator(_checked(stdnum_be_vat, "enterprise_number", "Belgian enterprise number")),
    WithJsonSchema({"type": "string", "pattern": r"^(BE)?\s*[0-9][0-9. ]{8,12}$",
                    "description": "Belgian enterprise number, e.g. 0409.845.289"}),
]
Iban = Annotated[
    str,
    AfterValidator(_checked(stdnum_iban, "iban", "IBAN")),
    WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9 ]{8,40}$"}),
]
SchemaVersion = Annotated[
    Literal[1], BeforeValidator(lambda v: 1 if v == "1" else v), WithJsonSchema({"const": 1})
]
Text = Annotated[str, Field(min_length=1, max_length=10_000)]
WorkYear = Annotated[int, Field(ge=1, le=50)]
Days = Annotated[int, Field(ge=0, le=3660)]
