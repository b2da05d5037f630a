"""Checks beyond types: plain functions `check_x(doc) -> list[Diagnostic]`, listed
per kind, so one run reports every problem of a file. They never raise for bad
input and never print.
"""

from __future__ import annotations

from collections.abc import Callable

from convenant_cli.checks.action_plan import ACTION_PLAN_CHECKS
from convenant_cli.checks.agreement import ADDENDUM_CHECKS, CONVENANT_CHECKS
from convenant_cli.checks.realisation import REALISATION_CHECKS
from convenant_cli.diagnostics import Diagnostic
from convenant_cli.document import LoadedDocument
from convenant_cli.kinds import Kind

Check = Callable[[LoadedDocument], list[Diagnostic]]
CHECKS: dict[Kind, tuple[Check, ...]] = {
    Kind.CONVENANT: CONVENANT_CHECKS,
    Kind.ADDENDUM: ADDENDUM_CHECKS,
    Kind.ACTION_PLAN: ACTION_PLAN_CHECKS,
    Kind.REALISATION: REALISATION_CHECKS,
}


def run_checks(doc: LoadedDocument, kind: Kind) -> list[Diagnostic]:
    return [problem for check in CHECKS[kind] for problem in check(doc)]
