"""Reusable field types for the models: money, FTE, dates, Belgian identifiers.

Each type parses the text the YAML source kept (never a float), states its
limits, and names its error with a stable type that `validation_errors` turns into a
diagnostic code. Checksums are python-stdnum's, never hand-written.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BaseModel, BeforeValidator, Field, ValidationInfo, WithJsonSchema
from pydantic_core import PydanticCustomError

from convenant_cli.domain.identifiers import (
    ENTERPRISE_NUMBER_PATTERN,
    IBAN_PATTERN,
    InvalidIdentifier,
    compact,
    validate_enterprise_number,
    validate_iban,
)
from convenant_cli.domain.language import N_, _
from convenant_cli.domain.units import Unit
from convenant_cli.reading.events import QuotedText

_ISO_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")  # ASCII digits only: never ２０２３
FIRST_DATE, LAST_DATE = date(1900, 1, 1), date(2199, 12, 31)  # wider than any covenant, employment or illness
_DECIMAL = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")  # [0-9], not \d: ١١٦٦ and １１ are no amounts
_INTEGER = re.compile(r"[+-]?[0-9]+")
# A dot before groups of exactly three digits, after one to three leading digits: how a
# Belgian writes 72.000 or 1.166.000. Never the way a decimal is written in these files
# (an amount has two decimals; `0.125` starts with 0, which no thousands group follows).
_THOUSANDS = re.compile(r"[+-]?[1-9][0-9]{0,2}(?:\.[0-9]{3})+")
MAX_NUMBER_TEXT = 20  # characters: 999.999.999.999,99 needs 15


def _number_text(value: object, whole: bool = False) -> str | None:
    """The written text of a number (a whole one with `whole`), judged before it becomes
    one; None for a Python number.

    >>> _number_text("72.000")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: '72.000' is written with a thousands separator (a dot ...
    >>> _number_text("0.125")
    '0.125'
    """
    if value is None:
        raise PydanticCustomError("empty_value", _("no value: write the number here"))
    if isinstance(value, bool) or not isinstance(value, (str, int, Decimal)):
        raise PydanticCustomError("number_type", _expected(whole), {"value": described(value)})
    if not isinstance(value, str):
        return None
    if isinstance(value, QuotedText):
        raise PydanticCustomError("number_quoted",
                                  _("a number is written without quotes or a `!!str` tag, got '{value}'"),
                                  {"value": _short(value)})
    text = value.strip()
    if not any(char.isdigit() for char in text):
        raise PydanticCustomError("number_type", _expected(whole), {"value": described(text)})
    if not text.isascii():
        raise PydanticCustomError("number_format", _("'{value}' holds characters other than the digits 0-9, a sign "
                                                     "and a point"), {"value": _short(text)})
    if _THOUSANDS.fullmatch(text):
        raise PydanticCustomError(
            "thousands_separator",
            _("'{value}' is written with a thousands separator (a dot before three digits): it would "
              "read {meaning} in Belgium, {plain} elsewhere"),
            {"value": text, "meaning": text.replace(".", ""), "plain": _plain_reading(text)})
    if len(text) > MAX_NUMBER_TEXT:
        raise PydanticCustomError("number_format", _("a number has more than {limit} characters"),
                                  {"value": _short(text), "limit": MAX_NUMBER_TEXT})
    if "," in text:
        raise PydanticCustomError("decimal_comma", _("'{value}' has a decimal comma"), {"value": text})
    if not (_INTEGER if whole else _DECIMAL).fullmatch(text):
        message = (_("'{value}' is not written as a whole number") if whole
                   else _("'{value}' is not written as a decimal number"))
        raise PydanticCustomError("number_format", message, {"value": text})
    return text


def _expected(whole: bool) -> str:  # only when a number is wrong: a run without a problem reads no catalogue
    return _("expected a whole number, got {value}") if whole else _("expected a decimal number, got {value}")


def _plain_reading(text: str) -> str:
    """What a program that knows no thousands separators makes of the text.

    >>> _plain_reading("72.000"), _plain_reading("1.105"), _plain_reading("1.166.000")
    ('72', '1.105', 'nothing (two points)')
    """
    if text.count(".") > 1:
        return _("nothing (two points)")
    return format(Decimal(text).normalize(), "f")


def described(value: object, limit: int = 40) -> str:
    """A value from a file as a message shows it: text in quotes (cut when long), a yes-or-no
    value as YAML writes it, and what a list, a mapping or nothing is, never a Python value.

    >>> described("dertig"), described(True), described([1]), described(None)
    ("'dertig'", 'true', 'a list', 'an empty value')
    """
    if value is None:
        return _("an empty value")
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping")
    if isinstance(value, (int, Decimal)):
        return str(value)
    return f"'{_short(value, limit)}'"


def _short(value: object, limit: int = 40) -> str:
    """A value quoted in a message, cut so that a huge value never floods a report."""
    text = str(value)
    return text if len(text) <= limit else text[:limit] + "…"


def parse_decimal(value: object) -> object:
    """A decimal from the text the author wrote: digits, one optional point, nothing else.

    >>> parse_decimal("1166000.00"), parse_decimal("-0.0")
    (Decimal('1166000.00'), Decimal('0.0'))
    """
    text = _number_text(value)
    number = Decimal(value) if text is None else Decimal(text)  # type: ignore[arg-type]
    return abs(number) if number.is_zero() else number  # -0.0 is 0,00, never "-0,00"


def parse_expected(value: object) -> object:
    """An expected figure of a golden case: a decimal, quoted or not (the rulebook writes them
    quoted, as JSON does), judged like any number otherwise.

    >>> parse_expected(QuotedText("-8990.42")), parse_expected("49572.63")
    (Decimal('-8990.42'), Decimal('49572.63'))
    """
    return parse_decimal(str(value) if isinstance(value, QuotedText) else value)


def parse_integer(value: object) -> object:
    """
    >>> parse_integer("30")
    30
    """
    text = _number_text(value, whole=True)
    if text is None:
        if isinstance(value, Decimal) and value != value.to_integral_value():
            raise PydanticCustomError("number_format", _("expected a whole number, got {value}"), {"value": value})
        return int(value)  # type: ignore[call-overload]
    return int(text)


def _at_most_two_decimals(value: Decimal) -> Decimal:
    if value != value.quantize(Decimal("0.01")):
        raise PydanticCustomError(
            "decimal_places", _("at most two decimals allowed, got {value}"), {"value": str(value)}
        )
    return value


def _iso_date(value: object) -> object:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        raise PydanticCustomError("date_format", _("expected a date as YYYY-MM-DD, got '{value}'"),
                                  {"value": _short(value)})
    try:
        day = date.fromisoformat(value.strip())
    except ValueError:  # Python's reason ("day is out of range for month") would be English in any language
        raise PydanticCustomError("date_value", _("{value} is not a calendar date (no such day)"),
                                  {"value": value}) from None
    if not FIRST_DATE <= day <= LAST_DATE:
        raise PydanticCustomError("date_value", _("{value} is outside the dates convenant reads ({first} - {last})"),
                                  {"value": value, "first": str(FIRST_DATE), "last": str(LAST_DATE)})
    return day


LENIENT_IDENTIFIERS = "lenient_identifiers"  # validation context: keep an identifier whose checksum fails


def _checked(validate: Callable[[str], str], error_type: str,
             message: str) -> Callable[[str, ValidationInfo], str]:
    """A field validator from an identifier's validator (see `identifiers`). Under the
    context `LENIENT_IDENTIFIERS` (a diff, after the strict run has reported the problem)
    a number whose checksum fails is kept in compact form instead of refused."""

    def check(value: str, info: ValidationInfo) -> str:
        try:
            return validate(value)
        except InvalidIdentifier as error:
            if isinstance(info.context, dict) and info.context.get(LENIENT_IDENTIFIERS):
                return compact(value)
            raise PydanticCustomError(error_type, _(message), {"value": _short(value), "reason": str(error)}) from None

    return check


def unit_of(model: type[BaseModel], name: str) -> Unit:
    """The unit of a model's field, from its type (`Money` is euro, `Fte` FTE, ...).

    >>> from pydantic import BaseModel
    >>> class Line(BaseModel):
    ...     amount: Money
    ...     fte: Fte | None = None
    ...     note: str = ""
    >>> unit_of(Line, "amount"), unit_of(Line, "fte"), unit_of(Line, "note")
    (<Unit.EURO: 'euro'>, <Unit.FTE: 'fte'>, <Unit.TEXT: 'text'>)
    """
    annotation = model.model_fields[name].rebuild_annotation()
    pending = [annotation]
    while pending:
        current = pending.pop()
        for item in getattr(current, "__metadata__", ()):
            if isinstance(item, Unit):
                return item
        pending += [arg for arg in get_args(current) if arg is not type(None)]
        if current is bool:
            return Unit.BOOLEAN
        if current is date:
            return Unit.DATE
    return Unit.TEXT


_NUMBER = {"type": "number", "minimum": 0}

Money = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    Field(ge=0, le=Decimal("999999999999.99"), allow_inf_nan=False),
    AfterValidator(_at_most_two_decimals),
    WithJsonSchema({**_NUMBER, "description": "euro, at most two decimals"}),
    Unit.EURO,
]
Fte = Annotated[
    Decimal,
    BeforeValidator(parse_decimal),
    Field(ge=0, le=10000, allow_inf_nan=False),
    AfterValidator(_at_most_two_decimals),
    WithJsonSchema({**_NUMBER, "description": "full-time equivalents, at most two decimals"}),
    Unit.FTE,
]
Share = Annotated[
    Decimal, BeforeValidator(parse_decimal), Field(ge=0, le=1, allow_inf_nan=False, decimal_places=4),
    WithJsonSchema({**_NUMBER, "maximum": 1}),
    Unit.SHARE,
]
Quantity = Annotated[
    Decimal, BeforeValidator(parse_decimal), Field(ge=0, le=Decimal("1e12"), allow_inf_nan=False, decimal_places=4),
    WithJsonSchema(_NUMBER),
    Unit.COUNT,
]
IsoDate = Annotated[
    date, BeforeValidator(_iso_date), WithJsonSchema({"type": "string", "format": "date"}), Unit.DATE
]
EnterpriseNumber = Annotated[
    str,
    AfterValidator(_checked(validate_enterprise_number, "enterprise_number",
                            N_("invalid Belgian enterprise number '{value}': {reason}"))),
    WithJsonSchema({"type": "string", "pattern": ENTERPRISE_NUMBER_PATTERN,
                    "description": "Belgian enterprise number, e.g. 0409.845.289"}),
    Unit.ENTERPRISE_NUMBER,
]
Iban = Annotated[
    str,
    AfterValidator(_checked(validate_iban, "iban", N_("invalid IBAN '{value}': {reason}"))),
    WithJsonSchema({"type": "string", "pattern": IBAN_PATTERN}),
    Unit.IBAN,
]
SchemaVersion = Annotated[
    Literal[1], BeforeValidator(lambda v: 1 if v == "1" else v), WithJsonSchema({"const": 1})
]
def _without_national_numbers(value: str) -> str:
    """Free text as every output shows it: a national number in it masked but for its last two
    digits (`validate` warns where it stands: checks/personal_data.py)."""
    from convenant_cli.domain.insz import mask_national_numbers

    return mask_national_numbers(value)


Text = Annotated[str, Field(min_length=1, max_length=10_000), AfterValidator(_without_national_numbers)]
ExpectedFigure = Annotated[
    Decimal,
    BeforeValidator(parse_expected),
    Field(allow_inf_nan=False),
    AfterValidator(_at_most_two_decimals),
    WithJsonSchema({"type": ["string", "number"], "pattern": r"^-?[0-9]+(\.[0-9]{1,2})?$",
                    "description": "an expected amount or FTE-days figure, e.g. \"8990.42\""}),
]
_RATIO = r"^[0-9]+/[0-9]+$"
RatioText = Annotated[str, Field(pattern=_RATIO), WithJsonSchema({"type": "string", "pattern": _RATIO,
                                                                  "description": "a fraction, e.g. \"2/3\""})]
WorkYear = Annotated[int, Field(ge=1, le=50), BeforeValidator(parse_integer), Unit.WORK_YEAR]
Days = Annotated[int, Field(ge=0, le=3660), BeforeValidator(parse_integer), Unit.DAYS]


def refuse_empty(value: object) -> object:
    """A key written without a value (`achieved:`, as a new eindrapport leaves it to fill in)
    is refused on its own line; a key left out keeps its default.

    >>> refuse_empty(True)
    True
    """
    if value is None:
        raise PydanticCustomError("empty_value", _("no value: fill it in, or leave the key out"))
    return value


Filled = BeforeValidator(refuse_empty)


def _validate_insz(value: str, info: ValidationInfo) -> str:
    """An INSZ, or its error: the value shown as every output shows an INSZ, valid or not
    (`**.**.**-***.4X`), never whole."""
    from convenant_cli.domain.insz import mask_insz, validate_insz  # loaded for a file that has one

    try:
        return validate_insz(value)
    except InvalidIdentifier as error:
        if isinstance(info.context, dict) and info.context.get(LENIENT_IDENTIFIERS):
            return compact(value)
        raise PydanticCustomError("insz", _("invalid INSZ '{value}': {reason}"),
                                  {"value": mask_insz(value), "reason": str(error)}) from None


Insz = Annotated[
    str, AfterValidator(_validate_insz),
    Unit.TEXT,
    WithJsonSchema({"type": "string", "pattern": "^[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[-. ]?[0-9]{3}[. ]?[0-9]{2}$",
                    "description": "INSZ: national register or BIS number (Art. 5); never shown whole"}),
]
