"""The auditor's assessment of one realisation (`kind: assessment`) as frozen pydantic models:
who judged and when, a verdict with its reason per commitment, corrections of measured values,
and cost lines not accepted. The sector writes the realisation; the auditor writes this file
(rulebook). Data, no I/O; what a verdict does to the money is the engine's, whether each
commitment, value and cost line it names exists is `checks`'.
"""

from __future__ import annotations

from typing import Literal, Optional

from convenant_cli.models.base import Model
from convenant_cli.models.fields import EnterpriseNumber, IsoDate, Quantity, SchemaVersion, Text, WorkYear


class Verdict(Model):
    """The auditor's judgement of one result commitment, with its reason."""

    achieved: bool
    note: Text


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
    schema_version: SchemaVersion
    kind: Literal["assessment"]
    realisation: Text  # the path of the realisation judged, relative to this file
    auditor: Text
    date: IsoDate  # the day of the judgement
    verdicts: dict[str, Verdict] = {}
    corrections: list[Correction] = []
    costs: list[CostDecision] = []
    notes: Optional[Text] = None
