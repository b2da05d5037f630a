"""The file kinds of the rulebook as frozen pydantic models: data, no I/O. The covenant, the
addendum and the realisation are here; the action plan and the golden case in modules of
their own, loaded by `model_of` when a run meets one.

Key names are the contract sectors write by hand (the file formats): unknown keys
are refused. Rule settings carry the defaults of the rulebook. Cross-field and
cross-file rules (sums, overlaps, references) live in `checks`, so that one
run reports every problem with its own line.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Literal, Optional

from pydantic import Field

from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.units import Unit
from convenant_cli.models.base import Model
from convenant_cli.models.fields import (
    Days,
    EnterpriseNumber,
    Filled,
    Fte,
    Iban,
    Insz,
    IsoDate,
    Money,
    Quantity,
    SchemaVersion,
    Share,
    Text,
    WorkYear,
)

AbsenceReason = Annotated[Literal[
    "illness", "accident", "time_credit", "career_break", "maternity_leave", "unpaid_leave"
], Unit.REASON]
Counting = Annotated[Literal["per_commitment", "per_year"], Unit.COUNTING]
DeductionBase = Annotated[Literal["maximum", "payable"], Unit.DEDUCTION_BASE]
INCAPACITY: frozenset[str] = frozenset({"illness", "accident"})
# The Dutch word for each reason, as people read it (tables, workbooks), and the words an
# author may write by mistake in its place (a hint points to the English key).
REASONS_NL: dict[str, str] = {
    "illness": "ziekte",
    "accident": "ongeval",
    "time_credit": "tijdskrediet",
    "career_break": "loopbaanonderbreking",
    "maternity_leave": "moederschapsrust",
    "unpaid_leave": "onbetaald verlof",
}
DUTCH_REASONS: dict[str, str] = {
    **{dutch: reason for reason, dutch in REASONS_NL.items()},
    "ziek": "illness", "arbeidsongeschiktheid": "illness", "arbeidsongeval": "accident",
    "zwangerschapsverlof": "maternity_leave", "bevallingsverlof": "maternity_leave",
    "moederschapsverlof": "maternity_leave", "onbetaald_verlof": "unpaid_leave", "tijdkrediet": "time_credit",
}


class Period(Model):
    start: IsoDate
    end: IsoDate


class Rules(Model):
    """Settlement settings of the rulebook, with the defaults of the 2023-2025 texts."""

    effort_share: Share = Decimal("0.70")
    result_share: Share = Decimal("0.30")
    result_minimum: Share = Decimal("0.5")
    result_counting: Counting = "per_commitment"
    guaranteed_wage_days: Days = 30
    relapse_days: Optional[Days] = None
    deduction_base: DeductionBase = "maximum"


class RuleOverrides(Model):
    """The settings an addendum changes; the others are its covenant's (Art. 8)."""

    # Every setting of `Rules`, optional (a test keeps the two lists alike); `rules.py`
    # puts them on top of the parent's.
    effort_share: Optional[Share] = None
    result_share: Optional[Share] = None
    result_minimum: Optional[Share] = None
    result_counting: Optional[Counting] = None
    guaranteed_wage_days: Optional[Days] = None
    relapse_days: Optional[Days] = None
    deduction_base: Optional[DeductionBase] = None


class Member(Model):
    name: Text
    enterprise_number: EnterpriseNumber
    iban: Iban
    address: Text


class Group(Model):
    """One line a) b) c) ... of Art. 1: every member receives `amount_each` for `fte_each`."""

    group: Text
    amount_each: Money
    fte_each: Annotated[Optional[Fte], Filled] = None
    members: Annotated[list[Member], Field(min_length=1)]


class Target(Model):
    indicator: Text
    year: Optional[WorkYear] = None  # None: a total over the whole term
    minimum: Quantity


class ResultCommitment(Model):
    id: Text
    title: Text
    targets: Optional[Annotated[list[Target], Field(min_length=1)]] = None
    qualitative: Annotated[Optional[Text], Filled] = None


class Agreement(Model):
    """What a covenant and an addendum share: Art. 1 money, Art. 2 commitments."""

    schema_version: SchemaVersion
    kind: Literal["convenant", "addendum"]
    id: Text
    title: Text
    sector: Text
    period: Period
    max_subsidy: Money
    beneficiaries: Annotated[list[Group], Field(min_length=1)]
    result_commitments: Annotated[list[ResultCommitment], Field(min_length=1)]
    fte: Optional[Fte] = None  # a covenant must give it; an addendum without it has no absence deduction
    rules: Rules | RuleOverrides = Field(default_factory=Rules)  # as written; `rules.py` says what is in force
    notes: Optional[Text] = None

    def members(self) -> list[tuple[Group, Member]]:
        return [(group, member) for group in self.beneficiaries for member in group.members]


class Convenant(Agreement):
    kind: Literal["convenant"]
    fte: Fte
    rules: Rules = Field(default_factory=Rules)


class Addendum(Agreement):
    kind: Literal["addendum"]
    parent: Text
    theme: Optional[Text] = None
    extension: bool = False  # Art. 7/8: continues its parent, from the day after the parent's term ends
    fte: Optional[Fte] = None  # none: no absence deduction
    rules: RuleOverrides = Field(default_factory=RuleOverrides)


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
        return unicodedata.normalize("NFC", self.id if self.id is not None else self.name)


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


class Realisation(Model):
    schema_version: SchemaVersion
    kind: Literal["realisation"]
    convenant: Text
    # a progress report (Art. 6): the facts up to and including this day
    as_of: Optional[IsoDate] = None
    results: dict[str, ResultRealisation]
    staffing: list[Staffing] = []
    advances: list[Advance] = []
    eligible_costs: list[Payment] = []
    notes: Optional[Text] = None


if TYPE_CHECKING:
    from typing import TypeAlias

    from convenant_cli.models.action_plan import ActionPlan
    from convenant_cli.models.case import Case

    Document: TypeAlias = Convenant | Addendum | ActionPlan | Realisation | Case

# The models of the kinds `settle` and `diff` seldom read load when first asked for.
_CORE: dict[Kind, type[Model]] = {Kind.CONVENANT: Convenant, Kind.ADDENDUM: Addendum, Kind.REALISATION: Realisation}


def model_of(kind: Kind) -> type[Model]:
    """The model of a file kind."""
    match kind:
        case Kind.CONVENANT | Kind.ADDENDUM | Kind.REALISATION:
            return _CORE[kind]
        case Kind.ACTION_PLAN:
            from convenant_cli.models.action_plan import ActionPlan

            return ActionPlan
        case Kind.CASE:
            from convenant_cli.models.case import Case

            return Case


def all_models() -> dict[Kind, type[Model]]:
    return {kind: model_of(kind) for kind in Kind}
