"""The action plan of an addendum theme (rulebook): its budget in days and euro, by section."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Optional

from pydantic import Field

from convenant_cli.models.base import Model
from convenant_cli.models.fields import Money, Quantity, SchemaVersion, Text


class Amounts(Model):
    days: Quantity
    euro: Money


class BudgetLine(Model):
    action: Text
    days: Quantity = Decimal(0)
    euro: Money = Decimal(0)


class BudgetSection(Model):
    title: Text
    lines: Annotated[list[BudgetLine], Field(min_length=1)]
    subtotal: Amounts


class Budget(Model):
    sections: Annotated[list[BudgetSection], Field(min_length=1)]
    total: Amounts


class ActionPlan(Model):
    schema_version: SchemaVersion
    kind: Literal["action_plan"]
    id: Text
    title: Text
    parent: Text
    budget: Budget
    notes: Optional[Text] = None
