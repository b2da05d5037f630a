"""A golden case (rulebook): the files to settle and the figures expected of them."""

from __future__ import annotations

from typing import Annotated, Literal, Optional

from pydantic import Field

from convenant_cli.models.base import Model
from convenant_cli.models.fields import (
    EnterpriseNumber,
    ExpectedFigure,
    IsoDate,
    RatioText,
    SchemaVersion,
    Text,
    WorkYear,
)


# The figures are the engine's keys (`engine.settlement.MONEY_KEYS`, `FIGURE_KEYS`); a test
# holds them together. The docstrings are the schema's descriptions, which editors show.
class _MoneyFigures(Model):
    maximum: Optional[ExpectedFigure] = None
    deduction: Optional[ExpectedFigure] = None
    effort: Optional[ExpectedFigure] = None
    result: Optional[ExpectedFigure] = None
    payable: Optional[ExpectedFigure] = None
    advances: Optional[ExpectedFigure] = None
    balance: Optional[ExpectedFigure] = None


class CombinedFigures(_MoneyFigures):
    """Expected figures of one beneficiary over all settled files (R7)."""

    advances_interim: Optional[ExpectedFigure] = None  # the advances of the members still running


class Figures(_MoneyFigures):
    """Expected figures of one beneficiary, or of the totals: only those named are compared."""

    shortfall_fte_days: Optional[ExpectedFigure] = None
    payable_if_met: Optional[ExpectedFigure] = None  # a provisional settlement: every unjudged commitment met


class ExpectedResult(Model):
    """The expected outcome of one counted unit (a commitment, or a commitment in one work
    year), and optionally who decided it: the measured values, the measured values with an
    auditor's correction, or the auditor's verdict."""

    commitment: Text
    year: Optional[WorkYear] = None
    status: Literal["met", "not_met", "not_due", "unjudged"]
    source: Optional[Literal["measured", "corrected", "assessment"]] = None


class CostFigures(Model):
    """Expected figures of one beneficiary's cost statement (R6): declared = not eligible +
    refused + eligible; `lines` the eligible part of each line, by its reference."""

    declared: Optional[ExpectedFigure] = None
    not_eligible: Optional[ExpectedFigure] = None
    refused: Optional[ExpectedFigure] = None
    eligible: Optional[ExpectedFigure] = None
    lines: dict[Text, ExpectedFigure] = {}


class Expectation(Model):
    convenant: Optional[Text] = None  # the id of the settled file these figures are of; default: the first
    status: Optional[Literal["settled", "provisional", "interim", "maxima"]] = None
    ratio: Optional[RatioText] = None
    results: list[ExpectedResult] = []
    beneficiaries: dict[EnterpriseNumber, Figures] = {}
    totals: Optional[Figures] = None
    combined: dict[EnterpriseNumber, CombinedFigures] = {}
    costs: dict[EnterpriseNumber, CostFigures] = {}  # the cost statements (R6), of an eindrapport


class Case(Model):
    """A golden case (rulebook): an interpretation kept as an executable example."""

    schema_version: SchemaVersion
    kind: Literal["case"]
    title: Text
    reference: Text  # the article, law or rulebook rule it rests on
    settle: Annotated[list[Text], Field(min_length=1)]  # paths relative to this file
    realisation: list[Text] = []
    assessment: list[Text] = []  # the auditor's assessments of those eindrapporten
    as_of: Optional[IsoDate] = None  # the interim view at this day (Art. 6), as `settle --as-of`
    expect: Expectation
    notes: Optional[Text] = None
