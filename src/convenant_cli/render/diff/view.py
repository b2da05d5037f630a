"""What every diff renderer shows, in one bundle, and how a person reads a change in the
run's language: the subject (`mtech+ Limburg vzw (0434.112.117)`), the field (`Bedrag per
begunstigde`), the change (`gewijzigd`) and the values by their unit; and the two files
compared, each named once.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import Change, Subject
from convenant_cli.engine.diff import Diff
from convenant_cli.engine.money_effect import SettlementEffect
from convenant_cli.render import vocabulary
from convenant_cli.render.values import show

_ITEM = re.compile(r"(targets|actuals)\[indicator=(?P<indicator>[^,\]]*)(,year=(?P<year>[0-9]+))?\]\.(minimum|value)")


@dataclass(frozen=True, eq=False)
class DiffView:
    result: Diff
    old_name: str
    new_name: str
    effect: SettlementEffect | None  # the settlement effect, when both versions could be settled
    realisations: tuple[str, str] | None  # the eindrapporten those settlements rest on
    problems: list[Diagnostic]

    @cached_property
    def names(self) -> dict[str, str]:
        """Each beneficiary's name by enterprise number, where a version names it (an eindrapport
        gives only numbers: its covenant, settled beside the diff, gives the names)."""
        found = {effect.enterprise_number: effect.name for effect in self.result.maxima}
        if self.effect is not None:
            found.update((b.enterprise_number, b.name) for b in self.effect.beneficiaries)
        return found


def field_label(name: str | None, subject: str | None = None) -> str:
    """
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> field_label("amount_each"), field_label("targets[indicator=bijeenkomsten].minimum")
    ('Bedrag per begunstigde', 'Streefcijfer bijeenkomsten (hele termijn)')
    >>> set_language("en"); field_label("actuals[indicator=bezoeken,year=2].value")
    'Measured bezoeken (work year 2)'
    >>> field_label("achieved", "verdict"), field_label("achieved", "result")
    ("Met (the auditor's verdict)", "Met (the sector's self-assessment)")
    """
    if name is None:
        return ""
    if subject in ("verdict", "correction") and name in vocabulary.ASSESSMENT_FIELDS:
        return vocabulary.translated(vocabulary.ASSESSMENT_FIELDS)[name]
    item = _ITEM.fullmatch(name)
    if item:
        year = item.group("year")
        if item.group(1) == "targets":
            text = _("Target {indicator} (work year {year})") if year else _("Target {indicator} (whole term)")
        else:
            text = _("Measured {indicator} (work year {year})") if year else _("Measured {indicator} (whole term)")
        return text.format(indicator=item.group("indicator"), year=year)
    return vocabulary.translated(vocabulary.FIELDS).get(name, name)


def subject_label(subject: Subject, names: Mapping[str, str] | None = None) -> str:
    """The subject as a person names it; a beneficiary by its name where `names` has it.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> subject_label(Subject("beneficiary", {"enterprise_number": "0434112117"}, "mtech+ Limburg vzw"))
    'mtech+ Limburg vzw (0434.112.117)'
    >>> subject_label(Subject("target", {"id": "R3", "indicator": "x", "year": 2}, "opgeleide werkzoekenden"))
    'R3: streefcijfer opgeleide werkzoekenden (werkjaar 2)'
    >>> absence = Subject("absence", {"beneficiary": "0474431354", "start": "2025-01-06"}, "Consulent L")
    >>> subject_label(absence)
    'Consulent L (0474.431.354): afwezigheid vanaf 2025-01-06'
    >>> subject_label(absence, {"0474431354": "RTM Vlaams-Brabant vzw"})
    'Consulent L, RTM Vlaams-Brabant vzw (0474.431.354): afwezigheid vanaf 2025-01-06'
    """
    key = subject.key
    number = key.get("enterprise_number") or key.get("beneficiary") or ""
    shown = format_enterprise_number(number) if len(number) == 10 and number.isdigit() else number
    named = (names or {}).get(number)
    if named is not None and subject.type not in ("beneficiary", "covenant"):  # a part of a beneficiary
        shown = f"{named} ({shown})"
    name, identifier, year = subject.name, key.get("id", ""), key.get("year")
    match subject.type:
        case "covenant":
            return name
        case "period":
            return _("Period")
        case "rules":
            return _("Rules")
        case "realisation":
            return _("Eindrapport")
        case "beneficiary":
            return f"{name} ({shown})"
        case "consultant":
            return f"{name}, {shown}" if named else f"{name} ({shown})"
        case "commitment":
            return f"{identifier} {name}"
        case "target":
            return (_("{id}: target {name} (work year {year})") if year else _("{id}: target {name} (whole term)")) \
                .format(id=identifier, name=name, year=year)
        case "result":
            return _("Result {id}").format(id=identifier)
        case "actual":
            return (_("Result {id}: measured {name} (work year {year})") if year else
                    _("Result {id}: measured {name} (whole term)")).format(id=identifier, name=name, year=year)
        case "staffing":
            return _("Staffing of {number}").format(number=shown)
        case "absence":
            return (_("{name}, {beneficiary}: absence from {day}") if named else
                    _("{name} ({number}): absence from {day}")).format(name=name, number=shown, beneficiary=shown,
                                                                       day=key.get("start", ""))
        case "advance":
            return _("Advance {number}").format(number=shown) + "".join(
                f" {key[k]}" for k in ("date", "reference") if key.get(k))
        case "eligible_costs":
            return _("Eligible costs {number}").format(number=shown)
        case "assessment":
            return _("Assessment")
        case "verdict":
            return _("Verdict on {id}").format(id=identifier)
        case "correction":
            return (_("Correction of {id}: {name} (work year {year})") if year else
                    _("Correction of {id}: {name} (whole term)")).format(id=identifier, name=name, year=year)
        case "cost_line" | "cost_decision":  # a line of the cost statement, or the auditor's decision on it
            return _("Cost line {reference} of {number}").format(reference=key.get("reference", ""), number=shown)


def value_label(change: Change, value: object) -> str:
    """A value by its unit; a cost line's kind (a key of the file) in words."""
    if isinstance(value, dict):
        return "; ".join(f"{field_label(name, change.subject.type)}: " +
                         (_cost_kind(str(item.value)) if _a_cost_kind(change, name) else
                          show(item.value, item.unit)) for name, item in value.items())
    if _a_cost_kind(change, change.field) and isinstance(value, str):
        return _cost_kind(value)
    return show(value, change.unit)


def _cost_kind(key: str) -> str:
    return vocabulary.translated(vocabulary.COST_KINDS).get(key, key)


def _a_cost_kind(change: Change, name: str | None) -> bool:
    return change.subject.type == "cost_line" and name == "kind"


def change_row(change: Change, names: Mapping[str, str]) -> tuple[str, str, str, str, str]:
    """The change, its subject, the field, old and new (`vocabulary.COLUMNS["diff"]`)."""
    return (vocabulary.translated(vocabulary.CHANGES)[change.change], subject_label(change.subject, names),
            field_label(change.field, change.subject.type), value_label(change, change.old),
            value_label(change, change.new))


def versions(old: str, new: str) -> str:
    """Two files compared, old → new; one file once (one eindrapport that settles both versions).

    >>> versions("a.yaml", "b.yaml"), versions("x/r.yaml", "x/r.yaml")
    ('a.yaml → b.yaml', 'x/r.yaml')
    """
    return old if old == new else f"{old} → {new}"


def heading(view: DiffView) -> str:
    return _("Comparison {files}").format(files=versions(view.old_name, view.new_name))


def is_number(unit: Unit) -> bool:
    return unit in (Unit.EURO, Unit.FTE, Unit.SHARE, Unit.COUNT, Unit.DAYS, Unit.WORK_YEAR, Unit.FTE_DAYS)
