"""The sheet Voorschotten of an eindrapport workbook (Art. 3, R6): a row per advance paid
(several for one beneficiary add up). Checked on the cells, in the sheet's words. Never prints.
The sheet Kosten, the cost statement, is `eindrapport_costs`'.
"""

from __future__ import annotations

from collections.abc import Iterable

from convenant_cli.domain.language import _
from convenant_cli.reading.eindrapport_facts import AT, AgreementOutline, Facts, Record
from convenant_cli.reading.eindrapport_format import (
    ADVANCES,
    AMOUNT,
    DATE,
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
