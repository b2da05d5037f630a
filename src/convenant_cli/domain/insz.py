"""The INSZ of a consultant (Art. 5 asks for it): a Belgian national register number or a BIS
number, checked with python-stdnum, and never shown whole. Every output shows at most its
last two characters (`**.**.**-***.12`), a value that is no valid INSZ included; text that
holds a number of its shape is masked the same way, digit for digit, so that no excerpt or
message of a file ever carries one. In free text (a name, a note, a reference), a national
number (eleven digits in one of the usual spellings, whose check digits python-stdnum accepts)
is masked where the text is read (`mask_national_numbers`), so that no output shows it.

>>> mask_insz("85073003328"), mask_insz("0102031234X")
('**.**.**-***.28', '**.**.**-***.4X')
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
# (a full stop after it ends a sentence; a point and a digit would make it a longer number)
_IN_TEXT = re.compile(r"(?<![0-9])[0-9]{2}[. ]?[0-9]{2}[. ]?[0-9]{2}[-. ]?[0-9]{3}[. ]?[0-9]{2}(?![0-9]|\.[0-9])")


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
    """An INSZ as every output shows it: its last two characters, whatever it holds."""
    return f"**.**.**-***.{number.strip()[-2:]}"


def national_numbers(text: str) -> list[str]:
    """The national register and BIS numbers in `text`, as written: eleven digits in the
    groups of an INSZ, not inside a longer number, with check digits python-stdnum accepts.

    >>> national_numbers("Consulent 85.07.30-033.28, tel. 85073003329, dossier 850730 033 28.")
    ['85.07.30-033.28', '850730 033 28']
    """
    found = []
    for match in _IN_TEXT.finditer(text):
        digits = "".join(char for char in match.group(0) if char.isdigit())
        from stdnum.be import bis, nn  # loaded for a text that holds eleven digits

        if nn.is_valid(digits) or bis.is_valid(digits):
            found.append(match.group(0))
    return found


def mask_national_numbers(text: str) -> str:
    """Free text with each national number masked digit for digit, its last two digits shown.

    >>> mask_national_numbers("Toelichting: zie 85.07.30-033.28 en 85073003329")
    'Toelichting: zie **.**.**-***.28 en 85073003329'
    """
    if not _IN_TEXT.search(text):  # the common case: no eleven digits at all
        return text
    numbers = set(national_numbers(text))
    return _IN_TEXT.sub(lambda match: _masked(match) if match.group(0) in numbers else match.group(0), text)


def mask_in_text(text: str) -> str:
    """Text with every number of an INSZ's shape masked digit for digit, its length kept (so
    that a caret under a source line still points where it did), its last two digits shown."""
    return _IN_TEXT.sub(_masked, text)


def _masked(match: re.Match[str]) -> str:
    found = match.group(0)
    digits = [index for index, char in enumerate(found) if char.isdigit()]
    keep = set(digits[-2:])
    return "".join(char if index in keep or not char.isdigit() else "*" for index, char in enumerate(found))
