"""Checks beyond types: plain functions `check_x(doc) -> list[Diagnostic]`, listed
per kind, so one run reports every problem of a file. They never raise for bad
input and never print.

`CHECKS` names, per kind, the module and the tuple of its checks; a run imports only
the modules of the kinds it reads.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module
from typing import TYPE_CHECKING

from convenant_cli.domain.kinds import Kind

if TYPE_CHECKING:
    from convenant_cli.domain.diagnostics import Diagnostic
    from convenant_cli.loading.document import LoadedDocument

    Check = Callable[[LoadedDocument], list[Diagnostic]]

# kind: (module under convenant_cli.checks, name of its tuple of checks)
CHECKS: dict[Kind, tuple[str, str]] = {
    Kind.CONVENANT: ("agreement", "CONVENANT_CHECKS"),
    Kind.ADDENDUM: ("agreement", "ADDENDUM_CHECKS"),
    Kind.ACTION_PLAN: ("action_plan", "ACTION_PLAN_CHECKS"),
    Kind.REALISATION: ("realisation", "REALISATION_CHECKS"),
    Kind.CASE: ("case", "CASE_CHECKS"),
}


def checks_for(kind: Kind) -> tuple[Check, ...]:
    module, name = CHECKS[kind]
    found: tuple[Check, ...] = getattr(import_module(f"{__name__}.{module}"), name)
    return found


def run_checks(doc: LoadedDocument, kind: Kind) -> list[Diagnostic]:
    return [problem for check in checks_for(kind) for problem in check(doc)]
