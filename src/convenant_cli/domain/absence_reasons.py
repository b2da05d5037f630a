"""The reasons of absence (rulebook, Art. 5): the keys a realisation writes, which of them
are an incapacity (guaranteed wage, relapse), the Dutch word for each as people read it, and
the Dutch words an author may write by mistake in a key's place. Data only.

>>> from typing import get_args
>>> list(REASONS_NL) == list(get_args(Reason)) and INCAPACITY < set(REASONS_NL)
True
"""

from __future__ import annotations

from typing import Literal

Reason = Literal["illness", "accident", "time_credit", "career_break", "maternity_leave", "unpaid_leave"]
# guaranteed wage and relapse apply to these only (the law of 3 July 1978)
INCAPACITY: frozenset[str] = frozenset({"illness", "accident"})
# The Dutch word for each reason, as people read it (tables, workbooks), and the words an
# author may write by mistake in its place (a hint points to the English key).
REASONS_NL: dict[str, str] = {
    "illness": "ziekte",
    "accident": "ongeval",
    "time_credit": "tijdskrediet",
    "career_break": "loopbaanonderbreking",
    "maternity_leave": "moederschapsrust",
    "unpaid_leave": "onbetaald verlof",
}
DUTCH_REASONS: dict[str, str] = {
    **{dutch: reason for reason, dutch in REASONS_NL.items()},
    "ziek": "illness", "arbeidsongeschiktheid": "illness", "arbeidsongeval": "accident",
    "zwangerschapsverlof": "maternity_leave", "bevallingsverlof": "maternity_leave",
    "moederschapsverlof": "maternity_leave", "onbetaald_verlof": "unpaid_leave", "tijdkrediet": "time_credit",
}
