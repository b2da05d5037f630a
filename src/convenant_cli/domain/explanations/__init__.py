"""Every diagnostic code explained at length, keyed by code: what `convenant explain CODE`
prints, the documentation's page of codes shows and a SARIF rule carries. One module per
family of codes; a code's summary and severity stay in `domain/codes.py`, and a test fails
when a code of the registry has no explanation here, or the other way round.

Imported only where an explanation is shown, never when a file is checked.
"""

from __future__ import annotations

from convenant_cli.domain.explanations import agreements, assessments, cases, costs, files, realisations, references
from convenant_cli.domain.explanations.record import Explanation

EXPLANATIONS: dict[str, Explanation] = {
    explanation.code: explanation
    for family in (files, agreements, references, realisations, costs, cases, assessments)
    for explanation in family.EXPLANATIONS
}

__all__ = ["EXPLANATIONS", "Explanation"]
