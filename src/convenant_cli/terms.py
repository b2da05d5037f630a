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


def add_years(day: date, years: int) -> date:
    """Same day `years` later; 29 February becomes 28 February.

    >>> add_years(date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def work_years(term: Span) -> list[Span]:
    """Work year 1 starts on the first day of the term; the last may be short.

    >>> [(y.start.isoformat(), y.end.isoformat()) for y in work_years(Span(date(2023, 7, 1), date(2025, 6, 30)))]
    [('2023-07-01', '2024-06-30'), ('2024-07-01', '2025-06-30')]
    """
    years, n = [], 0
    while (start := add_years(term.start, n)) <= term.end:
        years.append(Span(start, min(add_years(term.start, n + 1) - ONE_DAY, term.end)))
        n += 1
    return years
