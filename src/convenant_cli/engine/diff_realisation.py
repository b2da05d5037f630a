"""What changed between two versions of a realisation (eindrapport): results by commitment
id, measured values by indicator and work year, consultants by their key (rulebook),
absences by their first day, advance tranches by date and reference, cost lines by
beneficiary and reference, eligible costs by beneficiary. Pure; the money effect of the
change is `money_effect`'s.
"""

from __future__ import annotations

from datetime import date

from convenant_cli.domain.units import Typed, Unit
from convenant_cli.engine.changes import (
    Change,
    Record,
    Subject,
    change_kind,
    fields,
    keyed,
    record,
    same_text,
    target_key,
)
from convenant_cli.models import (
    Absence,
    Advance,
    Consultant,
    CostLine,
    Realisation,
    ResultRealisation,
    Staffing,
    WageLine,
)

ABSENCE_FIELDS = ("start", "end", "reason", "fte", "replaced", "new_illness")


def realisation_changes(old: Realisation, new: Realisation) -> list[Change]:
    changes = fields("scalar", Subject("realisation", {}, "realisation"), "", old, new, ("convenant", "as_of", "notes"))
    changes += keyed("result", dict(old.results), dict(new.results), _result, lambda key: f"results[{key}]",
                     _compare_result, _result_record)
    changes += keyed("staffing", {s.beneficiary: s for s in old.staffing}, {s.beneficiary: s for s in new.staffing},
                     lambda number, _: Subject("staffing", {"beneficiary": number}, number),
                     lambda number: f"staffing[beneficiary={number}]", _compare_staffing,
                     lambda s: {"consultants": Typed(len(s.consultants), Unit.COUNT)})
    changes += keyed("payment", _tranches(old.advances), _tranches(new.advances), _tranche, _tranche_path,
                     _compare_tranche, lambda a: record(a, ("amount", "date", "reference")))
    changes += keyed("payment", _cost_lines(old), _cost_lines(new), _cost_subject, _cost_path, _compare_cost_line,
                     _cost_values)
    changes += keyed("payment", {p.beneficiary: p for p in old.eligible_costs},
                     {p.beneficiary: p for p in new.eligible_costs},
                     lambda number, _: Subject("eligible_costs", {"beneficiary": number}, number),
                     lambda number: f"eligible_costs[beneficiary={number}]",
                     lambda subject, path, a, b: fields("payment", subject, path, a, b, ("amount",)),
                     lambda p: record(p, ("amount",)))
    return changes


def _result(key: str, _: ResultRealisation) -> Subject:
    return Subject("result", {"id": key}, key)


def _result_record(result: ResultRealisation) -> Record:
    return record(result, ("achieved", "note")) | {
        target_key(a.indicator, a.year, "actuals") + ".value": Typed(a.value, Unit.COUNT) for a in result.actuals}


def _compare_result(subject: Subject, path: str, before: ResultRealisation, after: ResultRealisation) -> list[Change]:
    found = fields("result", subject, path, before, after, ("achieved", "note"))
    values_before = {(a.indicator, a.year): a.value for a in before.actuals}
    values_after = {(a.indicator, a.year): a.value for a in after.actuals}
    for key in sorted(set(values_before) | set(values_after), key=str):
        if values_before.get(key) != values_after.get(key):
            indicator, year = key
            change = change_kind(key, values_before, values_after)
            actual = Subject("actual", {"id": subject.key["id"], "indicator": indicator,
                                        "year": str(year) if year else ""}, indicator)
            found.append(Change("result", change, actual, f"{path}.{target_key(indicator, year, 'actuals')}.value",
                                "value", Unit.COUNT, values_before.get(key), values_after.get(key)))
    return found


def _compare_staffing(subject: Subject, path: str, before: Staffing, after: Staffing) -> list[Change]:
    number = subject.key["beneficiary"]

    def describe(key: str, consultant: Consultant) -> Subject:
        return Subject("consultant", {"beneficiary": number, "consultant": key}, consultant.name)

    return keyed("staffing", {c.key: c for c in before.consultants}, {c.key: c for c in after.consultants},
                 describe, lambda key: f"{path}.consultants[key={key}]", _compare_consultant,
                 lambda c: record(c, ("name", "id", "fte", "guaranteed_wage_days")) | {
                     "absences": Typed(len(c.absences), Unit.COUNT)})


def _compare_consultant(subject: Subject, path: str, before: Consultant, after: Consultant) -> list[Change]:
    found = fields("staffing", subject, path, before, after, ("name", "id", "fte", "guaranteed_wage_days"))
    if before.insz != after.insz:  # personal data: the diff says that it changed, never from what to what
        found.append(Change("staffing", "changed", subject, f"{path}.insz", "insz", Unit.TEXT, None, None))
    if before.employed != after.employed:
        found.append(Change("staffing", "changed", subject, f"{path}.employed", "employed", Unit.RECORD,
                            record(before.employed, ("start", "end")) if before.employed else None,
                            record(after.employed, ("start", "end")) if after.employed else None))

    def describe(start: date, absence: Absence) -> Subject:
        return Subject("absence", {**subject.key, "start": start.isoformat()}, subject.name)

    found += keyed("staffing", {a.start: a for a in before.absences}, {a.start: a for a in after.absences},
                   describe, lambda start: f"{path}.absences[start={start.isoformat()}]",
                   lambda s, p, a, b: fields("staffing", s, p, a, b, ABSENCE_FIELDS[1:]),
                   lambda a: record(a, ABSENCE_FIELDS))
    return found


TrancheKey = tuple[str, str, str, int]


def _tranches(advances: list[Advance]) -> dict[TrancheKey, Advance]:
    """Tranches keyed by beneficiary, date and reference (and which of several alike)."""
    keyed_: dict[TrancheKey, Advance] = {}
    for advance in advances:
        base = (advance.beneficiary, advance.date.isoformat() if advance.date else "", advance.reference or "")
        occurrence = sum(1 for key in keyed_ if key[:3] == base)
        keyed_[(*base, occurrence)] = advance
    return keyed_


def _tranche(key: TrancheKey, _: Advance) -> Subject:
    number, when, reference, occurrence = key
    selector = {"beneficiary": number, "date": when, "reference": reference}
    if occurrence:
        selector["occurrence"] = str(occurrence + 1)
    return Subject("advance", selector, number)


def _tranche_path(key: TrancheKey) -> str:
    number, when, reference, occurrence = key
    parts = [f"beneficiary={number}"] + ([f"date={when}"] if when else []) + (
        [f"reference={reference}"] if reference else []) + ([f"occurrence={occurrence + 1}"] if occurrence else [])
    return f"advances[{','.join(parts)}]"


def _compare_tranche(subject: Subject, path: str, before: Advance, after: Advance) -> list[Change]:
    return fields("payment", subject, path, before, after, ("amount",))


CostKey = tuple[str, str]  # beneficiary, reference: unique within a beneficiary (rulebook R6)


def _cost_lines(realisation: Realisation) -> dict[CostKey, CostLine]:
    return {(statement.beneficiary, line.reference): line for statement in realisation.costs
            for line in statement.lines}


def _cost_subject(key: CostKey, _: CostLine) -> Subject:
    number, reference = key
    return Subject("cost_line", {"beneficiary": number, "reference": reference}, reference)


def _cost_path(key: CostKey) -> str:
    number, reference = key
    return f"costs[beneficiary={number}].lines[reference={reference}]"


def _cost_values(line: CostLine) -> Record:
    """A line's values under the keys the file writes (`from`, not the field `from_`)."""
    if isinstance(line, WageLine):
        values = {"kind": Typed(line.kind, Unit.TEXT), "consultant": Typed(line.consultant, Unit.TEXT),
                  "from": Typed(line.from_, Unit.DATE), "to": Typed(line.to, Unit.DATE)}
    else:
        values = {"kind": Typed(line.kind, Unit.TEXT), "date": Typed(line.date, Unit.DATE)}
        if line.consultant is not None:
            values["consultant"] = Typed(line.consultant, Unit.TEXT)
    return values | {"amount": Typed(line.amount, Unit.EURO)}


def _compare_cost_line(subject: Subject, path: str, before: CostLine, after: CostLine) -> list[Change]:
    """Every key of a cost line whose value differs; a line that changes its kind, as a whole."""
    if before.kind != after.kind:
        return [Change("payment", "changed", subject, path, None, Unit.RECORD, _cost_values(before),
                       _cost_values(after))]
    old, new = _cost_values(before), _cost_values(after)
    found = []
    for name in dict.fromkeys([*old, *new]):
        was, now = old.get(name), new.get(name)
        item = was if was is not None else now
        if item is not None and not same_text(was.value if was else None, now.value if now else None):
            found.append(Change("payment", "changed", subject, f"{path}.{name}", name, item.unit,
                                was.value if was else None, now.value if now else None))
    return found

