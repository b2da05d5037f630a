"""The kinds of cost line of a cost statement (rulebook R6, Art. 5): the keys a realisation
writes, the Dutch word for each as the fill-in workbook and people read it, and the Dutch
words an author may write by mistake in a key's place. Data only.

>>> from typing import get_args
>>> list(COST_KINDS_NL) == list(get_args(CostKind))
True
"""

from __future__ import annotations

from typing import Literal

CostKind = Literal["wage", "operating"]
# Art. 5: "de loon- en werkingskosten van deze sectorconsulenten"
COST_KINDS_NL: dict[str, str] = {"wage": "loon", "operating": "werking"}
DUTCH_COST_KINDS: dict[str, str] = {
    **{dutch: kind for kind, dutch in COST_KINDS_NL.items()},
    "loonkost": "wage", "loonkosten": "wage", "werkingskost": "operating", "werkingskosten": "operating",
}
