"""The steps of an explanation, and the narration of what a sector has thousands of: each
absence and each short span, in the run's language, from the settlement's own numbers.

A sector's eindrapport has thousands of absences: the words a step of each absence needs
are translated once a language (`_words`), not once a step. `explanation` builds the
other steps from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from convenant_cli.domain.language import N_, _, language
from convenant_cli.domain.money import round_half_up
from convenant_cli.domain.terms import Span
from convenant_cli.engine.absence import AbsenceOutcome, ShortSpan
from convenant_cli.render import vocabulary
from convenant_cli.render.vocabulary import number


@dataclass(frozen=True)
class Step:
    """One figure explained: which rule and article, from what, by which arithmetic."""

    subject: str  # the covenant, or a beneficiary
    figure: str
    rule: str
    article: str
    inputs: str
    arithmetic: str
    detail: str | None = None  # a consultant of that beneficiary

    @property
    def who(self) -> str:
        return f"{self.subject}: {self.detail}" if self.detail else self.subject


# the sentences of an absence and a short span: one of each for every absence of a sector
_ABSENCE = {
    "span": N_("{start} – {end} ({days})"),
    "absence": N_("Absence"),
    "replaced_facts": N_("{facts}; replaced"),
    "replaced": N_("replaced: does not count as a shortfall"),
    "not_covered": N_("{reason} is not covered"),
    "wage_figure": N_("Guaranteed wage"),
    "wage_facts": N_("{facts}; guaranteed wage {days} calendar days per incapacity"),
    "wage": N_("guaranteed wage {span}"),
    "wage_used": N_("guaranteed wage already used up ({used} of {days} days)"),
    "first": N_("first incapacity: the count starts"),
    "window": N_("window of {days} days after the end of the previous one ({end}): {first} – {last}"),
    "relapse": N_("relapse: starts {start}, within the {window}; the count goes on ({used} of {days} days already "
                  "used)"),
    "new_illness": N_("a new illness (`new_illness: true`), although it starts within the {window}: a new count"),
    "no_relapse": N_("no relapse: starts {start}, after the {window}: a new count"),
    "outside": N_("outside the term (counts only for the count of the guaranteed wage)"),
    "all_covered": N_("no uncovered days within the term"),
    "uncovered": N_("uncovered within the term {span} × {fte} = {fte_days}"),
    "vacancy": N_("vacancy: {fte} not filled"),
    "surplus": N_("replacement or surplus staff: {fte} made up"),
    "short_figure": N_("Shortfall per period"),
    "short_facts": N_("{start} – {end} ({days}); cause: {cause}"),
    "short": N_("max(0; beneficiary {fte} − counted {counted}) = {short} × {days} = {fte_days}"),
    "made_up": N_("{fte_days} (made up)"),
}


def _words() -> dict[str, str]:
    return vocabulary.translated(_ABSENCE)


def exact(value: Fraction) -> str:
    """An exact figure shown to four decimals, for the arithmetic of an explanation.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); exact(Fraction(2, 3)), exact(Fraction(5249247606, 1000000))
    ('0,6667', '5.249,2476')
    >>> set_language("en"); exact(Fraction(5249247606, 1000000))
    '5,249.2476'
    """
    return number(round_half_up(value, 4))


def days(span: Span | None) -> str:
    """
    >>> from datetime import date
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> days(Span(date(2024, 1, 8), date(2024, 4, 30))), days(Span(date(2024, 1, 8), date(2024, 1, 8)))
    ('2024-01-08 – 2024-04-30 (114 dagen)', '2024-01-08 – 2024-01-08 (1 dag)')
    >>> set_language("en"); days(Span(date(2024, 1, 8), date(2024, 4, 30)))
    '2024-01-08 – 2024-04-30 (114 days)'
    """
    if span is None:
        return vocabulary.word("none")
    return _words()["span"].format(start=span.start, end=span.end, days=vocabulary.days(span.days))


def fte(value: Decimal) -> str:
    """
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); fte(Decimal("1.0")), fte(Decimal("0.36"))
    ('1,00 VTE', '0,36 VTE')
    >>> set_language("en"); fte(Decimal("1.0"))
    '1.00 FTE'
    """
    return _fte(value, language())


@lru_cache(maxsize=4096)  # a sector's spans repeat a few FTE figures many thousand times
def _fte(value: Decimal, _language: str) -> str:
    return f"{vocabulary.fte(value)} {vocabulary.translated(vocabulary.UNITS)['fte']}"


def fte_days(value: Decimal) -> str:
    return f"{vocabulary.fte(value)} {vocabulary.translated(vocabulary.UNITS)['fte_days']}"


def consultant(absence: AbsenceOutcome) -> str:
    """A consultant as a reader knows them: the name, and the `id` where one tells two apart."""
    return absence.name if absence.consultant == absence.name else f"{absence.name} [{absence.consultant}]"


def absence_step(subject: str, absence: AbsenceOutcome) -> Step:
    words = _words()
    who = consultant(absence)
    reason = vocabulary.reason(absence.reason)
    facts = f"{reason} {days(absence.span)}, {fte(absence.fte)}"
    if absence.replaced:
        return Step(subject, words["absence"], "R4", "Art. 5", words["replaced_facts"].format(facts=facts),
                    _joined(words["replaced"], _cost(absence)), who)
    if not absence.incapacity:
        return Step(subject, words["absence"], "R4", "Art. 5", facts,
                    _joined(words["not_covered"].format(reason=reason), _cost(absence)), who)
    wage = (words["wage"].format(span=days(absence.wage)) if absence.wage else
            words["wage_used"].format(used=absence.used_before, days=absence.guaranteed_wage_days))
    return Step(subject, words["wage_figure"], "R4", _(vocabulary.WAGE_LAW),
                words["wage_facts"].format(facts=facts, days=absence.guaranteed_wage_days),
                _joined(_chain(absence), wage, _cost(absence)), who)


def _joined(*clauses: str) -> str:
    return "; ".join(clauses)


def _chain(absence: AbsenceOutcome) -> str:
    words = _words()
    window = absence.window
    if window is None:
        return words["first"]
    where = words["window"].format(days=window.days, end=window.previous_end, first=window.first, last=window.last)
    if absence.relapse:
        return words["relapse"].format(start=absence.span.start, window=where, used=absence.used_before,
                                       days=absence.guaranteed_wage_days)
    if absence.new_illness and window.holds(absence.span.start):
        return words["new_illness"].format(window=where)
    return words["no_relapse"].format(start=absence.span.start, window=where)


def _cost(absence: AbsenceOutcome) -> str:
    words = _words()
    if absence.in_term is None:
        return words["outside"]
    if absence.uncovered is None:
        return words["all_covered"]
    return words["uncovered"].format(span=days(absence.uncovered), fte=fte(absence.fte),
                                     fte_days=fte_days(absence.lost_fte_days))


def cause(span: ShortSpan) -> str:
    """Who or what made a span short: the consultants' uncovered absences, a vacancy, and
    what a replacement or surplus made up for."""
    words = _words()
    parts = [_absent(a, language()) for a in sorted(span.absences, key=lambda a: (a.consultant, a.span.start))]
    if span.vacancy_fte:
        parts.append(words["vacancy"].format(fte=fte(span.vacancy_fte)))
    if span.surplus_fte:
        parts.append(words["surplus"].format(fte=fte(span.surplus_fte)))
    return "; ".join(parts)


@lru_cache(maxsize=65536)  # an absence is named in every span it covers
def _absent(absence: AbsenceOutcome, _language: str) -> str:
    return f"{consultant(absence)}: {vocabulary.reason(absence.reason)} {absence.span.start} – {absence.span.end} " \
           f"({fte(absence.fte)})"


def span_step(subject: str, span: ShortSpan) -> Step:
    words = _words()
    short = fte_days(span.shortfall_fte_days)
    shown = short if span.shortfall_fte else words["made_up"].format(fte_days=short)
    count = vocabulary.days(span.days)
    return Step(subject, words["short_figure"], "R4", "Art. 5",
                words["short_facts"].format(start=span.start, end=span.end, days=count, cause=cause(span)),
                words["short"].format(fte=fte(span.beneficiary_fte), counted=fte(span.counted_fte),
                                      short=fte(span.shortfall_fte), days=count,
                                      fte_days=shown))
