"""The realisation (the eindrapport, or a progress report with `as_of`) as frozen pydantic
models: each result commitment's actuals, the staffing with its consultants and their
absences, the advances paid, and the costs: a cost statement of lines, or one eligible total.
Data, no I/O; what the facts settle to is the engine's, the overlaps and references `checks`'.
"""

from __future__ import annotations

import unicodedata
from typing import Annotated, Literal, Optional, Union

from pydantic import Field

from convenant_cli.domain.absence_reasons import Reason
from convenant_cli.domain.units import Unit
from convenant_cli.models.base import Model
from convenant_cli.models.fields import (
    Days,
    EnterpriseNumber,
    Filled,
    Fte,
    Insz,
    IsoDate,
    Money,
    Quantity,
    SchemaVersion,
    Text,
    WorkYear,
)

AbsenceReason = Annotated[Reason, Unit.REASON]


class Actual(Model):
    indicator: Text
    year: Optional[WorkYear] = None
    value: Quantity


class ResultRealisation(Model):
    actuals: list[Actual] = []
    achieved: Annotated[Optional[bool], Filled] = None  # the auditor's word; overrides the actuals
    note: Annotated[Optional[Text], Filled] = None


class Employment(Model):
    start: IsoDate
    end: IsoDate


class Absence(Model):
    start: IsoDate
    # left out: still going on; only a progress report (`as_of`) may say so (Art. 6)
    end: Optional[IsoDate] = None
    reason: AbsenceReason
    fte: Optional[Fte] = None  # none: the consultant's whole FTE
    replaced: bool = False
    new_illness: bool = False


class Consultant(Model):
    name: Text
    id: Optional[Text] = None  # needed when two consultants of one beneficiary share a name
    insz: Optional[Insz] = None  # Art. 5: national register or BIS number; never shown whole
    fte: Fte
    employed: Optional[Employment] = None  # none: the whole term (and before it, for an absence's real dates)
    guaranteed_wage_days: Optional[Days] = None  # this consultant's own length (a short contract), else the rule's
    absences: list[Absence] = []

    @property
    def key(self) -> str:
        """Who this consultant is within the beneficiary (rulebook): the `id`, else the name,
        compared after Unicode NFC normalisation so that one name typed two ways is one name."""
        return consultant_key(self.id if self.id is not None else self.name)


def consultant_key(text: str) -> str:
    """A consultant's key as another line names it (a cost line's `consultant`), compared as `Consultant.key`.

    >>> consultant_key("Ine\u0301s") == consultant_key("In\u00e9s")
    True
    """
    return unicodedata.normalize("NFC", text)


class Staffing(Model):
    beneficiary: EnterpriseNumber
    consultants: list[Consultant]


class Payment(Model):
    beneficiary: EnterpriseNumber
    amount: Money


class Advance(Payment):
    """One payment of an advance; a beneficiary may have several (tranches), which add up."""

    date: Optional[IsoDate] = None
    reference: Optional[Text] = None


class WageLine(Model):
    """A cost line of wages (Art. 5): one consultant of the beneficiary's staffing, by its key,
    over a period; the part inside the term and the employment is eligible (rulebook R6)."""

    kind: Literal["wage"]
    consultant: Text
    from_: IsoDate = Field(alias="from")
    to: IsoDate
    amount: Money
    reference: Text  # the payslip summary or ledger line an auditor can ask for; unique per beneficiary


class OperatingLine(Model):
    """A cost line of operating costs (Art. 5) on one day, of a consultant optionally; eligible
    when dated inside the term (rulebook R6)."""

    kind: Literal["operating"]
    date: IsoDate
    consultant: Optional[Text] = None
    amount: Money
    reference: Text  # the invoice or ledger line; unique per beneficiary


CostLine = Annotated[Union[WageLine, OperatingLine], Field(discriminator="kind")]


class CostStatement(Model):
    """One beneficiary's cost statement (*kostenstaat*, Art. 6: the eindrapport's financial part)."""

    beneficiary: EnterpriseNumber
    lines: list[CostLine]


class Realisation(Model):
    schema_version: SchemaVersion
    kind: Literal["realisation"]
    convenant: Text
    # a progress report (Art. 6): the facts up to and including this day
    as_of: Optional[IsoDate] = None
    results: dict[str, ResultRealisation]
    staffing: list[Staffing] = []
    advances: list[Advance] = []
    costs: list[CostStatement] = []  # per beneficiary, lines instead of one `eligible_costs` total
    eligible_costs: list[Payment] = []  # a total without a cost statement
    notes: Optional[Text] = None
