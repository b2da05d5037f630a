"""The auditor's assessment of one realisation (`kind: assessment`) as frozen pydantic models:
who judged and when, a verdict with its reason per commitment, corrections of measured values,
and cost lines not accepted. The sector writes the realisation; the auditor writes this file
(rulebook). Data, no I/O; what a verdict does to the money is the engine's, whether each
commitment, value and cost line it names exists is `checks`'.
"""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field

from convenant_cli.models.base import Model
from convenant_cli.models.fields import EnterpriseNumber, Filled, IsoDate, Quantity, SchemaVersion, Text, WorkYear


# The docstrings are the schema's descriptions, which editors show.
class Verdict(Model):
    """The auditor's judgement of one result commitment, with its reason. On a qualitative
    commitment it is what settles it; on one with targets it overrides the measured values."""

    # `Filled`: a skeleton (`convenant new assessment`) leaves them empty, an error on its own line
    achieved: Annotated[bool, Filled]
    note: Annotated[Text, Filled]


class Correction(Model):
    """A measured value the auditor counts differently: the auditor's value replaces the
    sector's, and both are shown with the reason."""

    commitment: Text
    indicator: Text
    year: Optional[WorkYear] = None  # None: a total over the term
    value: Quantity
    note: Text


class CostDecision(Model):
    """A cost line of the realisation's cost statement, by beneficiary and reference, that the
    auditor does not accept (or accepts explicitly)."""

    beneficiary: EnterpriseNumber
    reference: Text
    accepted: bool
    note: Text


class Assessment(Model):
    """The auditor's judgement of one realisation: who, when, a verdict per commitment judged,
    the measured values counted differently, the cost lines not accepted."""

    schema_version: SchemaVersion
    kind: Literal["assessment"]
    realisation: Text  # the path of the realisation judged, relative to this file
    # the SHA-256 of that realisation as the auditor judged it: a realisation changed after the
    # judgement no longer matches (CV707), and an assessment without it says so (CV708)
    realisation_sha256: Optional[Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]] = None
    auditor: Annotated[Text, Filled]
    date: Annotated[IsoDate, Filled]  # the day of the judgement: an interim view at an earlier day does not use it
    verdicts: dict[str, Verdict] = {}
    corrections: list[Correction] = []
    costs: list[CostDecision] = []
    notes: Optional[Text] = None

    def correction_of(self, commitment: str, indicator: str, year: int | None) -> Correction | None:
        """The correction of one measured value, if the auditor made one."""
        return next((c for c in self.corrections if (c.commitment, c.indicator, c.year) == (commitment, indicator,
                                                                                               year)), None)
