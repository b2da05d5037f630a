"""Problems found in input files, as values.

A `Diagnostic` is what a check returns: a stable code, a severity, a message,
where in the YAML it is, and a hint where one exists. Nothing here prints;
`render.diagnostics` formats them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from convenant_cli.domain.severity import Severity
from convenant_cli.domain.units import Unit


@dataclass(frozen=True)
class Location:
    file: str
    line: int  # 1-based
    col: int  # 1-based
    end_line: int | None = field(default=None, compare=False)  # the last character of a value, when known
    end_col: int | None = field(default=None, compare=False)

    @property
    def order(self) -> tuple[str, int, int]:
        """Where it sorts: by file, line and column (a key, rather than generated comparisons)."""
        return self.file, self.line, self.col


@dataclass(frozen=True, eq=False)
class SumMismatch:
    """For a sum that does not add up: shown as expected / computed / difference."""

    expected: Decimal
    computed: Decimal
    unit: Unit = Unit.EURO

    @property
    def difference(self) -> Decimal:
        return self.computed - self.expected


@dataclass(frozen=True, eq=False)  # a problem is reported once; nothing compares two by value
class Diagnostic:
    code: str
    severity: Severity
    message: str
    location: Location
    hint: str | None = None
    sums: SumMismatch | None = field(default=None, compare=False)

    @classmethod
    def of(cls, code: str, message: str, location: Location, hint: str | None = None,
           sums: SumMismatch | None = None) -> Diagnostic:
        """A diagnostic with its code's severity from the registry (an unknown code is a bug)."""
        from convenant_cli.domain.codes import severity_of  # the registry loads when there is a problem to report
        from convenant_cli.domain.insz import mask_in_text  # no message ever carries a whole INSZ

        return cls(code, severity_of(code), mask_in_text(message), location, hint and mask_in_text(hint), sums)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class Vocabulary:
    """The known words of one place (keys, commitment ids), to explain a typo.

    Build it once per check, not per unknown word: a lookup that differs only in case
    is a dictionary probe, and the fuzzy search (difflib, linear in the vocabulary) is
    bounded, so that thousands of unknown words against thousands of known ones stay
    linear: it runs for at most `FUZZY_QUERIES` words, on vocabularies of at most
    `FUZZY_WORDS`; beyond that an unknown word simply gets no guess.
    """

    FUZZY_WORDS = 1_000
    FUZZY_QUERIES = 200

    def __init__(self, words: Iterable[str]) -> None:
        self.words = list(dict.fromkeys(words))
        self._folded = {word.casefold(): word for word in self.words}
        self._queries = 0

    def closest(self, word: str) -> str | None:
        """The known word a typo most likely meant, if any.

        >>> Vocabulary(["amount", "advances"]).closest("ammount")
        'amount'
        >>> Vocabulary(["amount"]).closest("xyz") is None, Vocabulary(["R1"]).closest("r1")
        (True, 'R1')
        """
        folded = self._folded.get(word.casefold())
        if folded is not None:
            return folded
        if len(self.words) > self.FUZZY_WORDS or self._queries >= self.FUZZY_QUERIES:
            return None
        self._queries += 1
        import difflib  # only when there is a typo to explain

        matches = difflib.get_close_matches(word, self.words, n=1, cutoff=0.6)
        return matches[0] if matches else None

    def did_you_mean(self, word: str) -> str | None:
        guess = self.closest(word)
        from convenant_cli.domain.language import _

        return _("did you mean `{word}`?").format(word=guess) if guess else None


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    """For a one-off question; a check that asks many times keeps one `Vocabulary`."""
    return Vocabulary(choices).did_you_mean(word)
