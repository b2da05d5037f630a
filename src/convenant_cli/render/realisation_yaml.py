"""A realisation as YAML, from the facts an eindrapport workbook holds (`convenant import`):
in the agreement's order, strings quoted as JSON (a YAML scalar for any text), amounts and
dates as their own text. Returns the text, and for each line the workbook cells its values
came from, so that a problem `validate` finds in the text is reported at its cell. The caller
writes the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.models import Agreement
from convenant_cli.reading.eindrapport_facts import AT, Facts
from convenant_cli.reading.eindrapport_format import ADVANCES, AGREEMENT, CONSULTANTS, COSTS, RESULTS
from convenant_cli.reading.references import written_reference


@dataclass(frozen=True, kw_only=True)
class Origin:
    """The cell a stretch of a line of the YAML came from (columns 1-based, `last` included)."""

    line: int
    first: int
    last: int
    where: str
    record: dict[str, object] | None


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (Decimal, int, date)):
        return str(value)
    return json.dumps(str(value), ensure_ascii=False)


class _Text:
    """The lines written so far, and where each stretch of them came from."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.origins: list[Origin] = []

    def add(self, text: str, record: dict[str, object] | None = None, key: str | None = None,
            where: str | None = None) -> None:
        """A line; with `record`, the line is that record's row, or with `key` that field's cell."""
        self.lines.append(text)
        number = len(self.lines)
        cells = _cells(record)
        spot = where or cells.get(key or "") or cells.get("")
        if spot:
            self.origins.append(Origin(line=number, first=1, last=len(text) + 1, where=spot, record=record))

    def flow(self, indent: str, record: dict[str, object]) -> None:
        """`- {key: value, ...}` on one line, each value at its own cell."""
        cells = _cells(record)
        parts: list[str] = []
        spans: list[tuple[int, int, str | None]] = []
        column = len(indent) + 4  # after "- {"
        for key, value in record.items():
            if key == AT:
                continue
            shown = _flow(value) if isinstance(value, dict) else _scalar(value)
            part = f"{key}: {shown}"
            if parts:
                column += 2  # ", "
            spans.append((column, column + len(part) - 1, cells.get(key) or cells.get("")))
            parts.append(part)
            column += len(part)
        self.add(f"{indent}- {{{', '.join(parts)}}}", record)
        number = len(self.lines)
        self.origins += [Origin(line=number, first=first, last=last, where=spot, record=record)
                         for first, last, spot in spans if spot]


def _cells(record: dict[str, object] | None) -> dict[str, str]:
    found = record.get(AT) if record is not None else None
    return found if isinstance(found, dict) else {}


def _flow(item: dict[str, object]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in item.items() if key != AT) + "}"


def realisation_yaml(agreement: Agreement, agreement_path: Path, facts: Facts, source: str,
                     output: Path | None) -> tuple[str, list[Origin]]:
    """The realisation as YAML, in the agreement's order, with where it came from; and the
    cells of its lines."""
    text = _Text()
    text.add(f"# Eindrapport voor {agreement.id}, ingelezen uit {source} (convenant import).")
    for line in ("schema_version: 1", "kind: realisation"):
        text.add(line, where=AGREEMENT)
    text.add(f"convenant: {written_reference(agreement_path, output)}", where=AGREEMENT)
    written = [commitment for commitment in agreement.result_commitments if commitment.id in facts.results]
    text.add("results:" if written else "results: {}", where=RESULTS)
    for commitment in written:
        entry = facts.results[commitment.id]
        if not any(key in entry for key in ("achieved", "note", "actuals")):  # reported on, left blank
            text.add(f"  {commitment.id}: {{}}", entry)
            continue
        text.add(f"  {commitment.id}:", entry)
        for key in ("achieved", "note"):
            if key in entry:
                text.add(f"    {key}: {_scalar(entry[key])}", entry, key)
        actuals = entry.get("actuals")
        if isinstance(actuals, list) and actuals:
            text.add("    actuals:", entry)
            for actual in actuals:
                text.flow("      ", actual)
    text.add("staffing:" if facts.consultants else "staffing: []", where=CONSULTANTS)
    for _, member in agreement.members():
        for_member = facts.consultants.get(member.enterprise_number)
        if not for_member:
            continue
        text.add(f"  - beneficiary: {format_enterprise_number(member.enterprise_number)}", for_member[0],
                 "beneficiary")
        text.add("    consultants:", for_member[0])
        for consultant in for_member:
            first = True
            for key, value in consultant.items():
                if key in ("absences", AT):
                    continue
                shown = _flow(value) if isinstance(value, dict) else _scalar(value)
                text.add(f"      {'- ' if first else '  '}{key}: {shown}", consultant, key)
                first = False
            absences = consultant["absences"]
            if isinstance(absences, list) and absences:
                text.add("        absences:", consultant)
                for absence in absences:
                    text.flow("          ", absence)
    text.add("advances:" if facts.advances else "advances: []", where=ADVANCES)
    for advance in facts.advances:
        text.flow("  ", advance)
    if facts.cost_lines:
        text.add("costs:", where=COSTS)
    for _, member in agreement.members():
        lines = facts.cost_lines.get(member.enterprise_number)
        if not lines:
            continue
        text.add(f"  - beneficiary: {format_enterprise_number(member.enterprise_number)}", lines[0], "beneficiary")
        text.add("    lines:", lines[0])
        for cost_line in lines:
            text.flow("      ", cost_line)
    if facts.costs:
        text.add("eligible_costs:", where=COSTS)
        for cost in facts.costs:
            text.flow("  ", cost)
    return "\n".join(text.lines) + "\n", text.origins
