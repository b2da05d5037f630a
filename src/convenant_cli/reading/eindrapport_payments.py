"""The sheets Voorschotten and Kosten of an eindrapport workbook (Art. 3, R6): a row per advance
paid (several for one beneficiary add up), and a row per beneficiary whose eligible costs cap
its payment (once each). Checked on the cells, in the sheets' words. Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable

from convenant_cli.domain.language import _
from convenant_cli.reading.eindrapport_facts import AT, AgreementOutline, Facts, Record
from convenant_cli.reading.eindrapport_format import (
    ADVANCES,
    AMOUNT,
    COSTS,
    DATE,
    ELIGIBLE_COSTS,
    ENTERPRISE_NUMBER,
    KEYS,
    REFERENCE,
)
from convenant_cli.reading.workbook_cells import Reading, Row, read_beneficiary, read_date, read_decimal, read_text


def read_advances(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline, facts: Facts) -> None:
    for row in rows:
        if row.blank:
            continue
        facts.rows[ADVANCES] = facts.rows.get(ADVANCES, 0) + 1
        number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, agreement.beneficiaries)
        amount = read_decimal(row[AMOUNT], reading, 2, AMOUNT)
        if row[AMOUNT].empty:
            reading.at("CV102", row[AMOUNT], _("no amount"))
        when, reference = read_date(row[DATE], reading, DATE), read_text(row[REFERENCE])
        if number is None or amount is None:
            continue
        advance: Record = {"beneficiary": number, "amount": amount}
        if when is not None:
            advance["date"] = when
        if reference is not None:
            advance["reference"] = reference
        advance[AT] = row.origins(KEYS[ADVANCES])
        facts.advances.append(advance)


def read_costs(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline, facts: Facts) -> None:
    seen: dict[str, int] = {}
    for row in rows:
        if row.blank:
            continue
        facts.rows[COSTS] = facts.rows.get(COSTS, 0) + 1
        number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, agreement.beneficiaries)
        amount = read_decimal(row[ELIGIBLE_COSTS], reading, 2, ELIGIBLE_COSTS)
        if row[ELIGIBLE_COSTS].empty:
            reading.at("CV102", row[ELIGIBLE_COSTS], _("no amount"))
        if number is None or amount is None:
            continue
        if number in seen:
            reading.at("CV513", row[ENTERPRISE_NUMBER], _("{name} is listed twice in {sheet}")
                       .format(name=agreement.beneficiaries[number], sheet=COSTS),
                       _("the other is in row {row}; list each beneficiary once").format(row=seen[number]))
            continue
        seen[number] = row.number
        facts.costs.append({"beneficiary": number, "amount": amount, AT: row.origins(KEYS[COSTS])})
