"""The covenant and the addendum as frozen pydantic models: Art. 1 money (the groups of
beneficiaries and their members), Art. 2 result commitments, the term and the rule settings
with the defaults of the rulebook. Data, no I/O; the rules in force over a covenant and its
addenda are `rules.py`'s, the sums and cross-file rules `checks`'.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import Field

from convenant_cli.domain.units import Unit
from convenant_cli.models.base import Model
from convenant_cli.models.fields import (
    Days,
    EnterpriseNumber,
    Filled,
    Fte,
    Iban,
    IsoDate,
    Money,
    Quantity,
    SchemaVersion,
    Share,
    Text,
    WorkYear,
)

Counting = Annotated[Literal["per_commitment", "per_year"], Unit.COUNTING]
DeductionBase = Annotated[Literal["maximum", "payable"], Unit.DEDUCTION_BASE]


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
