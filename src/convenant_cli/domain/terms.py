"""Calendar facts of a covenant's term: its days and its work years.

Pure date arithmetic shared by checks and the settlement engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, order=True)
class Span:
    """A closed range of calendar days, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> int:
        """
        >>> Span(date(2023, 7, 1), date(2025, 6, 30)).days  # 2024 is a leap year
        731
        """
        return (self.end - self.start).days + 1

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start <= other.end and other.start <= self.end

    def clip(self, other: Span) -> Span | None:
        start, end = max(self.start, other.start), min(self.end, other.end)
        return Span(start, end) if start <= end else None


MAX_TERM_YEARS = 10  # a covenant runs two years, with an extension three; ten bounds every loop over years


def anniversary(day: date, years: int) -> date:
    """The `years`-th anniversary of `day`; that of 29 February in a common year is 1 March (rulebook R3).

    >>> anniversary(date(2024, 2, 29), 1), anniversary(date(2024, 2, 29), 4)
    (datetime.date(2025, 3, 1), datetime.date(2028, 2, 29))
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return date(day.year + years, 3, 1)


def work_years(term: Span) -> list[Span]:
    """Work year n starts on the (n-1)-th anniversary of the term's start and ends the day
    before the next; the last ends with the term.

    >>> [(y.start.isoformat(), y.end.isoformat()) for y in work_years(Span(date(2023, 7, 1), date(2025, 6, 30)))]
    [('2023-07-01', '2024-06-30'), ('2024-07-01', '2025-06-30')]
    >>> [(y.start.isoformat(), y.end.isoformat()) for y in work_years(Span(date(2024, 2, 29), date(2026, 2, 28)))]
    [('2024-02-29', '2025-02-28'), ('2025-03-01', '2026-02-28')]
    """
    years, n = [], 0
    while n < MAX_TERM_YEARS + 1 and (start := anniversary(term.start, n)) <= term.end:
        years.append(Span(start, min(anniversary(term.start, n + 1) - ONE_DAY, term.end)))
        n += 1
    return years


def years_due(term: Span, as_of: date) -> int:
    """How many work years have ended by `as_of` (that day included): the years a progress
    report at that date is judged on (Art. 6).

    >>> term = Span(date(2023, 7, 1), date(2025, 6, 30))
    >>> years_due(term, date(2024, 6, 29)), years_due(term, date(2024, 6, 30)), years_due(term, date(2025, 6, 30))
    (0, 1, 2)
    """
    return sum(1 for year in work_years(term) if year.end <= as_of)


def term_too_long(term: Span) -> bool:
    """
    >>> start = date(2023, 7, 1)
    >>> term_too_long(Span(start, date(2033, 6, 30))), term_too_long(Span(start, date(2033, 7, 1)))
    (False, True)
    """
    return term.end >= anniversary(term.start, MAX_TERM_YEARS)
