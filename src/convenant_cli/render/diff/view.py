"""What every diff renderer shows, in one bundle, and how a person reads a change in Dutch:
the subject (`mtech+ Limburg vzw (0434.112.117)`), the field (`Bedrag per begunstigde`),
the change (`gewijzigd`) and the values by their unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import Change, Subject
from convenant_cli.engine.diff import Diff
from convenant_cli.engine.money_effect import SettlementEffect
from convenant_cli.render import labels
from convenant_cli.render.values import show

CHANGES = {"added": "toegevoegd", "removed": "verwijderd", "changed": "gewijzigd"}
FIELDS = {
    "id": "Id", "kind": "Soort", "title": "Titel", "sector": "Sector", "max_subsidy": "Maximale toelage",
    "fte": "VTE", "notes": "Opmerkingen", "parent": "Hoofdconvenant (bestand)", "theme": "Thema",
    "extension": "Verlenging", "start": "Begindatum", "end": "Einddatum", "group": "Groep",
    "amount_each": "Bedrag per begunstigde", "fte_each": "VTE per begunstigde", "name": "Naam",
    "address": "Adres", "iban": "Rekeningnummer (IBAN)", "qualitative": "Kwalitatieve omschrijving",
    "minimum": "Streefcijfer (minimum)", "achieved": "Behaald (oordeel auditor)", "note": "Nota",
    "value": "Gemeten waarde", "convenant": "Convenant (bestand)", "employed": "In dienst",
    "guaranteed_wage_days": "Gewaarborgd loon (kalenderdagen)", "reason": "Reden", "replaced": "Vervangen",
    "new_illness": "Nieuwe ziekte", "amount": "Bedrag", "date": "Datum", "reference": "Referentie",
    "consultants": "Consulenten", "absences": "Afwezigheden", "insz": "INSZ gewijzigd", **labels.RULES,
}
_ITEM = re.compile(r"(targets|actuals)\[indicator=(?P<indicator>[^,\]]*)(,year=(?P<year>[0-9]+))?\]\.(minimum|value)")


@dataclass(frozen=True, eq=False)
class DiffView:
    result: Diff
    old_name: str
    new_name: str
    effect: SettlementEffect | None  # the settlement effect, when both versions could be settled
    realisations: tuple[str, str] | None  # the eindrapporten those settlements rest on
    problems: list[Diagnostic]


def field_label(name: str | None) -> str:
    """
    >>> field_label("amount_each"), field_label("targets[indicator=bijeenkomsten].minimum")
    ('Bedrag per begunstigde', 'Streefcijfer bijeenkomsten (hele termijn)')
    """
    if name is None:
        return ""
    item = _ITEM.fullmatch(name)
    if item:
        what = "Streefcijfer" if item.group(1) == "targets" else "Gemeten"
        year = item.group("year")
        return f"{what} {item.group('indicator')} " + (f"(werkjaar {year})" if year else "(hele termijn)")
    return FIELDS.get(name, name)


def subject_label(subject: Subject) -> str:
    """The subject as a person names it.

    >>> subject_label(Subject("beneficiary", {"enterprise_number": "0434112117"}, "mtech+ Limburg vzw"))
    'mtech+ Limburg vzw (0434.112.117)'
    """
    key = subject.key
    number = key.get("enterprise_number") or key.get("beneficiary") or ""
    shown = format_enterprise_number(number) if len(number) == 10 and number.isdigit() else number
    year = f" (werkjaar {key['year']})" if key.get("year") else " (hele termijn)"
    labels_by_type = {
        "covenant": subject.name,
        "period": "Periode",
        "rules": "Regels",
        "realisation": "Eindrapport",
        "beneficiary": f"{subject.name} ({shown})",
        "commitment": f"{key.get('id', '')} {subject.name}",
        "target": f"{key.get('id', '')}: streefcijfer {subject.name}{year}",
        "result": f"Resultaat {key.get('id', '')}",
        "actual": f"Resultaat {key.get('id', '')}: gemeten {subject.name}{year}",
        "staffing": f"Personeel van {shown}",
        "consultant": f"{subject.name} ({shown})",
        "absence": f"{subject.name} ({shown}): afwezigheid vanaf {key.get('start', '')}",
        "advance": f"Voorschot {shown}" + "".join(f" {key[k]}" for k in ("date", "reference") if key.get(k)),
        "eligible_costs": f"Subsidiabele kosten {shown}",
    }
    return labels_by_type.get(subject.type, subject.name)


def value_label(change: Change, value: object) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{field_label(name)}: {show(item.value, item.unit)}" for name, item in value.items())
    return show(value, change.unit)


def change_row(change: Change) -> tuple[str, str, str, str, str]:
    """Wijziging, Onderwerp, Veld, Oud, Nieuw."""
    return (CHANGES[change.change], subject_label(change.subject), field_label(change.field),
            value_label(change, change.old), value_label(change, change.new))


def is_number(unit: Unit) -> bool:
    return unit in (Unit.EURO, Unit.FTE, Unit.SHARE, Unit.COUNT, Unit.DAYS, Unit.WORK_YEAR, Unit.FTE_DAYS)
