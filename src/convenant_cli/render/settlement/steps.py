"""The steps of an explanation, and the narration of what a sector has thousands of: each
absence and each short span, in the run's language, from the settlement's own numbers.

A sector's eindrapport has thousands of absences: the words a step of each absence needs
are translated once a language (`_words`) and fetched once a step. `explanation` builds the
other steps from these.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from convenant_cli.domain.language import N_, _
from convenant_cli.domain.language import language as current_language
from convenant_cli.domain.money import format_fte, round_half_up
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


@lru_cache(maxsize=4)
def _words(language: str) -> dict[str, str]:
    """The sentences above, the units and the reasons, in `language`: asked for once a step."""
    return {**vocabulary.translated(_ABSENCE), **{f"unit {key}": word for key, word in
                                                   vocabulary.translated(vocabulary.UNITS).items()},
            **{f"reason {key}": word for key, word in vocabulary.translated(vocabulary.REASONS).items()},
            "none": vocabulary.word("none"), "wage law": _(vocabulary.WAGE_LAW)}


def _reason(key: str, words: dict[str, str]) -> str:
    return words.get(f"reason {key}", key)


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
    return _days(span, _words(current_language()))


def _days(span: Span | None, words: dict[str, str]) -> str:
    if span is None:
        return words["none"]
    return words["span"].format(start=span.start, end=span.end, days=_count(span.days, words))


def _count(count: int, words: dict[str, str]) -> str:
    return f"{count} {words['unit day'] if count == 1 else words['unit days']}"


def fte(value: Decimal) -> str:
    """
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); fte(Decimal("1.0")), fte(Decimal("0.36"))
    ('1,00 VTE', '0,36 VTE')
    >>> set_language("en"); fte(Decimal("1.0"))
    '1.00 FTE'
    """
    return _fte(value, current_language())


@lru_cache(maxsize=4096)  # a sector's spans repeat a few FTE figures many thousand times
def _fte(value: Decimal, language: str) -> str:
    return f"{format_fte(value, language)} {_words(language)['unit fte']}"


def fte_days(value: Decimal) -> str:
    return _fte_days(value, current_language())


@lru_cache(maxsize=4096)
def _fte_days(value: Decimal, language: str) -> str:
    return f"{format_fte(value, language)} {_words(language)['unit fte_days']}"


def consultant(absence: AbsenceOutcome) -> str:
    """A consultant as a reader knows them: the name, and the `id` where one tells two apart."""
    return absence.name if absence.consultant == absence.name else f"{absence.name} [{absence.consultant}]"


def absence_step(subject: str, absence: AbsenceOutcome) -> Step:
    language = current_language()
    words = _words(language)
    who = consultant(absence)
    reason = _reason(absence.reason, words)
    facts = f"{reason} {_days(absence.span, words)}, {_fte(absence.fte, language)}"
    if absence.replaced:
        return Step(subject, words["absence"], "R4", "Art. 5", words["replaced_facts"].format(facts=facts),
                    _joined(words["replaced"], _cost(absence, words, language)), who)
    if not absence.incapacity:
        return Step(subject, words["absence"], "R4", "Art. 5", facts,
                    _joined(words["not_covered"].format(reason=reason), _cost(absence, words, language)), who)
    wage = (words["wage"].format(span=_days(absence.wage, words)) if absence.wage else
            words["wage_used"].format(used=absence.used_before, days=absence.guaranteed_wage_days))
    return Step(subject, words["wage_figure"], "R4", words["wage law"],
                words["wage_facts"].format(facts=facts, days=absence.guaranteed_wage_days),
                _joined(_chain(absence, words), wage, _cost(absence, words, language)), who)


def _joined(*clauses: str) -> str:
    return "; ".join(clauses)


def _chain(absence: AbsenceOutcome, words: dict[str, str]) -> str:
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


def _cost(absence: AbsenceOutcome, words: dict[str, str], language: str) -> str:
    if absence.in_term is None:
        return words["outside"]
    if absence.uncovered is None:
        return words["all_covered"]
    return words["uncovered"].format(span=_days(absence.uncovered, words), fte=_fte(absence.fte, language),
                                     fte_days=_fte_days(absence.lost_fte_days, language))


def cause(span: ShortSpan) -> str:
    """Who or what made a span short: the consultants' uncovered absences, a vacancy, and
    what a replacement or surplus made up for."""
    return _cause(span, current_language())


def _cause(span: ShortSpan, language: str) -> str:
    words = _words(language)
    parts = [_absent(a, language) for a in sorted(span.absences, key=lambda a: (a.consultant, a.span.start))]
    if span.vacancy_fte:
        parts.append(words["vacancy"].format(fte=_fte(span.vacancy_fte, language)))
    if span.surplus_fte:
        parts.append(words["surplus"].format(fte=_fte(span.surplus_fte, language)))
    return "; ".join(parts)


@lru_cache(maxsize=65536)  # an absence is named in every span it covers
def _absent(absence: AbsenceOutcome, language: str) -> str:
    return f"{consultant(absence)}: {_reason(absence.reason, _words(language))} {absence.span.start} – " \
           f"{absence.span.end} ({_fte(absence.fte, language)})"


def span_step(subject: str, span: ShortSpan) -> Step:
    language = current_language()
    words = _words(language)
    short = _fte_days(span.shortfall_fte_days, language)
    shown = short if span.shortfall_fte else words["made_up"].format(fte_days=short)
    count = _count(span.days, words)
    return Step(subject, words["short_figure"], "R4", "Art. 5",
                words["short_facts"].format(start=span.start, end=span.end, days=count, cause=_cause(span, language)),
                words["short"].format(fte=_fte(span.beneficiary_fte, language),
                                      counted=_fte(span.counted_fte, language),
                                      short=_fte(span.shortfall_fte, language), days=count, fte_days=shown))
