"""Checks on an action plan: its lines add up to each declared subtotal and total."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from convenant_cli.domain.diagnostics import Diagnostic, SumMismatch
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.domain.units import Unit
from convenant_cli.models import Agreement
from convenant_cli.models.action_plan import ActionPlan, Amounts, BudgetLine
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.events import KeyPath


def _sum_mismatches(doc: LoadedDocument, lines: Sequence[BudgetLine], declared: Amounts, path: KeyPath, what: str,
                    code: str) -> list[Diagnostic]:
    found = []
    differ = {Unit.DAYS: _("{what}: the lines add up to a different number of days"),
              Unit.EURO: _("{what}: the lines add up to a different amount in euro")}
    for unit, attribute in ((Unit.DAYS, "days"), (Unit.EURO, "euro")):
        computed = sum((getattr(line, attribute) for line in lines), Decimal(0))
        expected = getattr(declared, attribute)
        if computed != expected:
            found.append(doc.problem(code, differ[unit].format(what=what),
                                     path + (attribute,), _("correct the declared figure or the lines"),
                                     sums=SumMismatch(expected, computed, unit=unit)))
    return found


def check_budget_sums(doc: LoadedDocument) -> list[Diagnostic]:
    budget = doc.model_as(ActionPlan).budget
    found = []
    for index, section in enumerate(budget.sections):
        found += _sum_mismatches(doc, section.lines, section.subtotal, ("budget", "sections", index, "subtotal"),
                                 _("subtotal of '{title}'").format(title=section.title), "CV401")
    every_line = [line for section in budget.sections for line in section.lines]
    found += _sum_mismatches(doc, every_line, budget.total, ("budget", "total"), _("budget total"), "CV402")
    return found


def check_plan_parent(doc: LoadedDocument) -> list[Diagnostic]:
    parent = doc.reference
    if parent is not None and parent.model is not None and not isinstance(parent.model, Agreement):
        what = Kind.in_a_sentence(parent.kind)
        return [doc.problem("CV302", _("parent {name} is {what}, not a convenant or addendum")
                                     .format(name=parent.name, what=what), ("parent",))]
    return []


ACTION_PLAN_CHECKS = (check_budget_sums, check_plan_parent)
