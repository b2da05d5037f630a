"""Where each figure of a settlement comes from: its section of the project's rulebook
(`docs/rulebook.md`, R1-R8) and the covenant's article. One table, read by every output that
cites a figure (the explanation of `--explain`, the HTML report's chain), so that a figure is
cited one way everywhere; a test holds each against the rulebook's headings.

Codes, not words: a rulebook section and an article read the same in every language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    rulebook: str  # the rulebook's sections, as "R2/R5"
    article: str  # the covenant's articles, as "Art. 2, Art. 5"

    @property
    def sections(self) -> tuple[str, ...]:
        """
        >>> CITATIONS["result"].sections
        ('R2', 'R3', 'R5')
        """
        return tuple(self.rulebook.split("/"))

    @property
    def articles(self) -> tuple[int, ...]:
        """
        >>> CITATIONS["advances_as_of"].articles
        (3, 6)
        """
        return tuple(int(part.removeprefix("Art. ")) for part in self.article.split(", "))


# each figure by its key; `cap` is the payable amount at most the eligible costs, and
# `advances_as_of` the advances paid by the day of an interim view
CITATIONS: dict[str, Citation] = {
    "maximum": Citation("R1", "Art. 1"),
    "shortfall_fte_days": Citation("R4", "Art. 5"),
    "deduction": Citation("R4", "Art. 5"),
    "base": Citation("R5", "Art. 2, Art. 5"),
    "effort": Citation("R2/R5", "Art. 2"),
    "result": Citation("R2/R3/R5", "Art. 2"),
    "ratio": Citation("R3", "Art. 2"),
    "payable_before_cap": Citation("R5", "Art. 2, Art. 5"),
    "payable": Citation("R5", "Art. 2, Art. 5"),
    "payable_if_met": Citation("R3", "Art. 2"),
    "eligible_costs": Citation("R6", "Art. 5, Art. 6"),
    "cap": Citation("R6", "Art. 5"),
    "advances": Citation("R6", "Art. 3"),
    "advances_as_of": Citation("R6", "Art. 3, Art. 6"),
    "balance": Citation("R6", "Art. 3"),
}


def cite(key: str) -> tuple[str, str]:
    """A figure's rulebook sections and articles, as a step of an explanation names them.

    >>> cite("payable")
    ('R5', 'Art. 2, Art. 5')
    """
    citation = CITATIONS[key]
    return citation.rulebook, citation.article
