"""Checks beyond types: plain functions `check_x(doc) -> list[Diagnostic]`, listed
per kind, so one run reports every problem of a file. They never raise for bad
input and never print.
"""

from __future__ import annotations

from convenant_cli.checks.action_plan import ACTION_PLAN_CHECKS
from convenant_cli.checks.agreement import ADDENDUM_CHECKS, CONVENANT_CHECKS
from convenant_cli.checks.realisation import REALISATION_CHECKS
from convenant_cli.diagnostics import Diagnostic
from convenant_cli.document import LoadedDocument

CHECKS = {
    "convenant": CONVENANT_CHECKS,
    "addendum": ADDENDUM_CHECKS,
    "action_plan": ACTION_PLAN_CHECKS,
    "realisation": REALISATION_CHECKS,
}


def run_checks(doc: LoadedDocument) -> list[Diagnostic]:
    return [problem for check in CHECKS[doc.kind] for problem in check(doc)]
