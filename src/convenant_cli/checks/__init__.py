"""Checks beyond types: plain functions `check_x(doc) -> list[Diagnostic]`, listed
per kind, so one run reports every problem of a file. They never raise for bad
input and never print.

`checks_for` names, per kind, the tuple of its checks (a `match` the type checker sees);
a run imports only the modules of the kinds it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from convenant_cli.domain.kinds import Kind

if TYPE_CHECKING:
    from convenant_cli.domain.diagnostics import Diagnostic
    from convenant_cli.models.document import LoadedDocument

    Check = Callable[[LoadedDocument], list[Diagnostic]]

def checks_for(kind: Kind) -> tuple[Check, ...]:
    """The checks of one kind, their module imported when a run first meets that kind."""
    match kind:
        case Kind.CONVENANT:
            from convenant_cli.checks.agreement import CONVENANT_CHECKS

            return CONVENANT_CHECKS
        case Kind.ADDENDUM:
            from convenant_cli.checks.agreement import ADDENDUM_CHECKS

            return ADDENDUM_CHECKS
        case Kind.ACTION_PLAN:
            from convenant_cli.checks.action_plan import ACTION_PLAN_CHECKS

            return ACTION_PLAN_CHECKS
        case Kind.REALISATION:
            from convenant_cli.checks.realisation import REALISATION_CHECKS

            return REALISATION_CHECKS
        case Kind.ASSESSMENT:
            from convenant_cli.checks.assessment import ASSESSMENT_CHECKS

            return ASSESSMENT_CHECKS
        case Kind.CASE:
            from convenant_cli.checks.case import CASE_CHECKS

            return CASE_CHECKS


def run_checks(doc: LoadedDocument, kind: Kind) -> list[Diagnostic]:
    from convenant_cli.checks.personal_data import check_national_numbers  # every kind has free text

    return [problem for check in (*checks_for(kind), check_national_numbers) for problem in check(doc)]
