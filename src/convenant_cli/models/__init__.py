"""The file kinds of the rulebook as frozen pydantic models: data, no I/O. One module per
kind: `agreement` (covenant and addendum), `realisation`, `assessment`, `action_plan` and
`case`; the last three load only when a run meets such a file (`model_of`). Every model's validator is
built on first use (`models/base.py`).

Key names are the contract sectors write by hand (the file formats): unknown keys
are refused. Rule settings carry the defaults of the rulebook. Cross-field and
cross-file rules (sums, overlaps, references) live in `checks`, so that one
run reports every problem with its own line.

The names below are imported from here by the rest of the package.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from convenant_cli.domain.absence_reasons import DUTCH_REASONS, INCAPACITY, REASONS_NL
from convenant_cli.domain.kinds import Kind
from convenant_cli.models.agreement import (
    Addendum,
    Agreement,
    Convenant,
    Group,
    Member,
    Period,
    ResultCommitment,
    RuleOverrides,
    Rules,
    Target,
)
from convenant_cli.models.base import Model
from convenant_cli.models.realisation import (
    Absence,
    Actual,
    Advance,
    Consultant,
    CostLine,
    CostStatement,
    Employment,
    OperatingLine,
    Payment,
    Realisation,
    ResultRealisation,
    Staffing,
    WageLine,
)

__all__ = [
    "DUTCH_REASONS", "INCAPACITY", "REASONS_NL", "Absence", "Actual", "Addendum", "Advance", "Agreement",
    "Consultant", "Convenant", "CostLine", "CostStatement", "Employment", "Group", "Member", "OperatingLine",
    "Payment", "Period", "Realisation", "ResultCommitment", "ResultRealisation", "RuleOverrides", "Rules",
    "Staffing", "Target", "WageLine", "all_models", "model_of",
]

if TYPE_CHECKING:
    from typing import TypeAlias

    from convenant_cli.models.action_plan import ActionPlan
    from convenant_cli.models.assessment import Assessment
    from convenant_cli.models.case import Case

    Document: TypeAlias = Convenant | Addendum | ActionPlan | Realisation | Assessment | Case

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
        case Kind.ASSESSMENT:
            from convenant_cli.models.assessment import Assessment

            return Assessment
        case Kind.CASE:
            from convenant_cli.models.case import Case

            return Case


def all_models() -> dict[Kind, type[Model]]:
    return {kind: model_of(kind) for kind in Kind}
