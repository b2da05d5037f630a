"""A realisation as YAML, from the facts an eindrapport workbook holds (`convenant import`):
in the agreement's order, strings quoted as JSON (a YAML scalar for any text), amounts and
dates as their own text. Returns text; the caller writes it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.models import Agreement
from convenant_cli.reading.references import written_reference


@dataclass(eq=False, kw_only=True, repr=False)
class Facts:
    """What a filled-in workbook holds, in the order of its rows, keyed as the YAML writes it."""

    results: dict[str, dict[str, object]] = field(default_factory=dict)
    consultants: dict[str, list[dict[str, object]]] = field(default_factory=dict)
    advances: list[dict[str, object]] = field(default_factory=list)
    costs: list[dict[str, object]] = field(default_factory=list)



def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, date)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


def _flow(item: dict[str, object]) -> str:
    parts = []
    for key, value in item.items():
        shown = _flow(value) if isinstance(value, dict) else _scalar(value)
        parts.append(f"{key}: {shown}")
    return "{" + ", ".join(parts) + "}"


def realisation_yaml(agreement: Agreement, agreement_path: Path, facts: Facts, source: str,
                     output: Path | None) -> str:
    """The realisation as YAML, in the agreement's order, with where it came from."""
    lines = [f"# Eindrapport voor {agreement.id}, ingelezen uit {source} (convenant import).",
             "schema_version: 1", "kind: realisation",
             f"convenant: {written_reference(agreement_path, output)}", "results:"]
    for commitment in agreement.result_commitments:
        entry = facts.results.get(commitment.id)
        if entry is None:
            continue
        lines.append(f"  {commitment.id}:")
        for key in ("achieved", "note"):
            if key in entry:
                lines.append(f"    {key}: {_scalar(entry[key])}")
        actuals = entry.get("actuals")
        if actuals:
            lines.append("    actuals:")
            lines += [f"      - {_flow(actual)}" for actual in actuals]  # type: ignore[attr-defined]
    lines.append("staffing:" if facts.consultants else "staffing: []")
    for _, member in agreement.members():
        for_member = facts.consultants.get(member.enterprise_number)
        if not for_member:
            continue
        lines.append(f"  - beneficiary: {format_enterprise_number(member.enterprise_number)}")
        lines.append("    consultants:")
        for consultant in for_member:
            first = True
            for key, value in consultant.items():
                if key == "absences":
                    continue
                shown = _flow(value) if isinstance(value, dict) else _scalar(value)
                lines.append(f"      {'- ' if first else '  '}{key}: {shown}")
                first = False
            absences = consultant["absences"]
            if absences:
                lines.append("        absences:")
                lines += [f"          - {_flow(absence)}" for absence in absences]  # type: ignore[attr-defined]
    lines.append("advances:" if facts.advances else "advances: []")
    lines += [f"  - {_flow(advance)}" for advance in facts.advances]
    if facts.costs:
        lines.append("eligible_costs:")
        lines += [f"  - {_flow(cost)}" for cost in facts.costs]
    return "\n".join(lines) + "\n"


