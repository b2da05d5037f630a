"""Problems found in input files, as values.

A `Diagnostic` is what a check returns: a stable code, a severity, a message,
where in the YAML it is, and a hint where one exists. Nothing here prints;
`render.diagnostics` formats them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Location:
    file: str
    line: int  # 1-based
    col: int  # 1-based


@dataclass(frozen=True)
class SumMismatch:
    """For a sum that does not add up: shown as expected / computed / difference."""

    expected: Decimal
    computed: Decimal
    unit: str = "euro"

    @property
    def difference(self) -> Decimal:
        return self.computed - self.expected


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    sums: SumMismatch | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


def closest(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    """The known word a typo most likely meant, if any.

    >>> closest("ammount", ["amount", "advances"])
    'amount'
    >>> closest("xyz", ["amount"]) is None
    True
    """
    import difflib  # only when there is a typo to explain

    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None


def did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | None:
    guess = closest(word, choices)
    return f"did you mean `{guess}`?" if guess else None
