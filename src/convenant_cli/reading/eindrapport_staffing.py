"""The sheets Consulenten and Afwezigheden of an eindrapport workbook (Art. 5): a row per
consultant of each beneficiary, and a row per absence, naming its consultant by Sleutel (else
Naam). Checked on the cells, in the sheets' words, as `validate` checks `staffing`: one name
twice without a Sleutel, an absence of a consultant not listed. A consultant whose row has a
problem is remembered, so that its absences are not reported as a second, different mistake.
Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from convenant_cli.domain.diagnostics import Vocabulary
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.reading.eindrapport_facts import AT, AgreementOutline, Facts, Record
from convenant_cli.reading.eindrapport_format import (
    ABSENCES,
    CONSULTANT,
    CONSULTANTS,
    EMPLOYED_FROM,
    EMPLOYED_TO,
    ENTERPRISE_NUMBER,
    FROM,
    FTE,
    INSZ,
    KEY,
    KEYS,
    NAME,
    NEW_INCAPACITY,
    REASON,
    REPLACED,
    TO,
    WAGE_DAYS,
)
from convenant_cli.reading.workbook_cells import (
    Reading,
    Row,
    read_beneficiary,
    read_date,
    read_decimal,
    read_insz,
    read_text,
    read_yes_no,
)


@dataclass(eq=False, kw_only=True)
class Consultants:
    """The consultants read, by beneficiary and key (Sleutel, else Naam), the row of each, and
    those whose row had a problem: an absence of one of them is not reported again, nor an
    absence of a beneficiary one of whose consultants could not be named (a formula in Naam)."""

    by_key: dict[str, dict[str, Record]] = field(default_factory=dict)
    rows: dict[tuple[str, str], int] = field(default_factory=dict)
    broken: dict[str, set[str]] = field(default_factory=dict)
    unnamed: set[str] = field(default_factory=set)  # beneficiaries with a consultant whose name was refused


def read_consultants(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline,
                     facts: Facts) -> Consultants:
    found = Consultants()
    known = agreement.beneficiaries
    for row in rows:
        if all(cell.empty or cell.reported for cell in row.cells[2:]):  # nothing, or only what was reported
            continue
        facts.rows[CONSULTANTS] = facts.rows.get(CONSULTANTS, 0) + 1
        errors = len(reading.errors)
        number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, known)
        key, name = read_text(row[KEY]), read_text(row[NAME])
        if name is None and not row[NAME].reported:
            reading.at("CV102", row[NAME], _("no name"))
        fte = read_decimal(row[FTE], reading, 2, FTE)
        if fte is None and row[FTE].empty:
            reading.at("CV102", row[FTE], _("no FTE"))
        consultant: Record = {"name": name}
        if key is not None:
            consultant["id"] = key
        insz = read_insz(row[INSZ], reading)
        if insz is not None and not insz.startswith("*"):  # a masked INSZ (a prefilled workbook) is not read
            consultant["insz"] = insz
        consultant["fte"] = fte
        employed = _employment(row, reading, agreement)
        if employed is not None:
            consultant["employed"] = employed
        wage = read_decimal(row[WAGE_DAYS], reading, 0, WAGE_DAYS)
        if wage is not None:
            consultant["guaranteed_wage_days"] = int(wage)
        consultant["absences"] = []
        consultant[AT] = row.origins(KEYS[CONSULTANTS])
        who = key or name
        if number is not None and who is None and (row[KEY].reported or row[NAME].reported):
            found.unnamed.add(number)  # a consultant who cannot be named: an absence may be theirs
        if number is None or who is None:
            continue
        if len(reading.errors) > errors:
            found.broken.setdefault(number, set()).add(who)
            continue
        mine = found.by_key.setdefault(number, {})
        if who in mine:
            reading.at("CV515", row[KEY] if key is not None else row[NAME],
                       _("two consultants of {number} are '{who}'").format(number=format_enterprise_number(number),
                                                                          who=who),
                       _("the other is in row {row}; give each a Sleutel (any text, unique within the beneficiary)")
                       .format(row=found.rows[(number, who)]))
            found.broken.setdefault(number, set()).add(who)
            continue
        mine[who] = consultant
        found.rows[(number, who)] = row.number
        facts.consultants.setdefault(number, []).append(consultant)
    return found


def read_absences(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline, consultants: Consultants,
                  facts: Facts) -> None:
    reasons = agreement.reasons
    for row in rows:
        if row.blank:
            continue
        facts.rows[ABSENCES] = facts.rows.get(ABSENCES, 0) + 1
        number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, agreement.beneficiaries)
        who = read_text(row[CONSULTANT])
        mine = consultants.by_key.get(number or "", {})
        if number is not None and who in consultants.broken.get(number, set()):
            continue  # its consultant's row has a problem already
        if number is not None and who not in mine and number in consultants.unnamed:
            continue  # perhaps the consultant whose Sleutel or Naam could not be read: told there
        if number is not None and who not in mine and not row[CONSULTANT].reported:
            hint = Vocabulary(mine).did_you_mean(who or "")
            reading.at("CV506", row[CONSULTANT],
                       _("'{who}' is not a consultant of {number} in {sheet}")
                       .format(who=who or "", number=format_enterprise_number(number), sheet=CONSULTANTS)
                       if who is not None else _("no consultant"),
                       hint or _("give the consultant's Sleutel, or its Naam when it has none"))
        start, end = read_date(row[FROM], reading, FROM), read_date(row[TO], reading, TO)
        reason_text = read_text(row[REASON])
        reason = reasons.get((reason_text or "").lower())
        if reason is None and not row[REASON].reported:
            hint = Vocabulary(reasons).did_you_mean(reason_text or "")
            reading.at("CV103", row[REASON],
                       _("reason '{reason}' is not one of {reasons}").format(reason=reason_text, reasons=", ".join(
                           reasons)) if reason_text is not None else _("no reason"), hint)
        fte = read_decimal(row[FTE], reading, 2, FTE)
        replaced = read_yes_no(row[REPLACED], reading, REPLACED)
        new_illness = read_yes_no(row[NEW_INCAPACITY], reading, NEW_INCAPACITY)
        for cell, what in ((row[FROM], _("no start date")), (row[TO], _("no end date"))):
            if cell.empty:
                reading.at("CV102", cell, what)
        if number is None or who is None or who not in mine or start is None or end is None or reason is None:
            continue
        absence: Record = {"start": start, "end": end, "reason": reason}
        if fte is not None:
            absence["fte"] = fte
        if replaced:
            absence["replaced"] = True
        if new_illness:
            absence["new_illness"] = True
        absence[AT] = row.origins(KEYS[ABSENCES])
        listed = mine[who]["absences"]
        if isinstance(listed, list):
            listed.append(absence)


def _employment(row: Row, reading: Reading, agreement: AgreementOutline) -> dict[str, object] | None:
    """`employed` from In dienst van and In dienst tot; a blank one is the term's first or last
    day (rulebook R4: a consultant hired mid-term works to its end), both blank the whole term
    (None). An end before the start is left to `validate` (CV509, at In dienst van)."""
    start = read_date(row[EMPLOYED_FROM], reading, EMPLOYED_FROM)
    end = read_date(row[EMPLOYED_TO], reading, EMPLOYED_TO)
    if row[EMPLOYED_FROM].reported or row[EMPLOYED_TO].reported or (start is None and end is None):
        return None
    return {"start": start or agreement.start, "end": end or agreement.end}
