"""The INSZ of a consultant (Art. 5 asks for it): a Belgian national register number or a BIS
number, checked with python-stdnum, and never shown whole. Every output shows at most its
last two digits (`**.**.**-***.12`); text that holds a number of its shape is masked the same
way, digit for digit, so that no excerpt or message of a file ever carries one.

>>> mask_insz("85073003328")
'**.**.**-***.28'
>>> mask_in_text("insz: 85.07.30-033.28, fte: 1.0"), mask_in_text("insz: 85073003328")
('insz: **.**.**-***.28, fte: 1.0', 'insz: *********28')
>>> mask_in_text("BE25 2100 0498 8882; 0409.845.289; 1166000.00")
'BE25 2100 0498 8882; 0409.845.289; 1166000.00'
"""

from __future__ import annotations

import re

from convenant_cli.domain.identifiers import InvalidIdentifier, compact
from convenant_cli.domain.language import _

INSZ_PATTERN = r"^[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[-. ]?[0-9]{3}[. ]?[0-9]{2}$"
# eleven digits in the groups of an INSZ, not inside a longer run of digits
_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[-. ]?[0-9]{3}[. ]?[0-9]{2}(?![0-9.])")


def validate_insz(text: str) -> str:
    """The INSZ as eleven digits, when python-stdnum takes it as a national register number
    or a BIS number; else `InvalidIdentifier`, whose message never repeats the number."""
    number = compact(text)
    from stdnum.be import bis, nn
    from stdnum.exceptions import ValidationError

    for module in (nn, bis):
        try:
            return str(module.validate(number))
        except ValidationError:
            continue
    raise InvalidIdentifier(_("not a national register or BIS number (its check digits or date do not match)"))


def mask_insz(number: str) -> str:
    """An INSZ as every output shows it: its last two digits."""
    return f"**.**.**-***.{number[-2:]}"


def mask_in_text(text: str) -> str:
    """Text with every number of an INSZ's shape masked digit for digit, its length kept (so
    that a caret under a source line still points where it did), its last two digits shown."""
    return _IN_TEXT.sub(_masked, text)


def _masked(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = [index for index, char in enumerate(found) if char.isdigit()]
    keep = set(digits[-2:])
    return "".join(char if index in keep or not char.isdigit() else "*" for index, char in enumerate(found))
