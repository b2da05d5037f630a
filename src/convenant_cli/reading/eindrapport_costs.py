"""The sheet Kosten of an eindrapport workbook: the cost statement (rulebook R6, Art. 5 and 6).

A row per cost line: Soort `loon` with the Consulent (Sleutel, else Naam, as in Afwezigheden)
and the period paid, Van and Tot; or `werking` with its Datum (a Consulent optionally); each
with its Bedrag and Referentie. A beneficiary without a cost statement may give one row of Soort
`totaal`, its eligible costs in Bedrag. A workbook of 0.6 held only that total per beneficiary
(Ondernemingsnummer, Subsidiabele kosten), and is read as such.

Checked on the cells, in the sheet's words, as `validate` checks `costs`: a consultant of the
beneficiary's Consulenten, a reference once within a beneficiary, Van not after Tot, the cells
of one Soort only, lines or a total per beneficiary. What the term and the employment cut is
`validate`'s, reported at the row's cells (`import_locations`). Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from convenant_cli.domain.cost_kinds import COST_KINDS_NL
from convenant_cli.domain.diagnostics import Vocabulary
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.reading.eindrapport_facts import AT, AgreementOutline, Facts, Record
from convenant_cli.reading.eindrapport_format import (
    AMOUNT,
    CONSULTANT,
    CONSULTANTS,
    COSTS,
    DATE,
    ELIGIBLE_COSTS,
    ENTERPRISE_NUMBER,
    FORMER_KEYS,
    FROM,
    KEYS,
    KIND,
    REFERENCE,
    TO,
    TOTAL,
)
from convenant_cli.reading.eindrapport_staffing import Consultants
from convenant_cli.reading.workbook_cells import (
    Cell,
    Reading,
    Row,
    read_beneficiary,
    read_date,
    read_decimal,
    read_text,
)

# the words of Soort, to the key a cost line writes (`total`: an `eligible_costs` entry)
KINDS: dict[str, str] = {**{dutch: kind for kind, dutch in COST_KINDS_NL.items()}, TOTAL: "total"}
# the cells each Soort fills in; a value in another is a mistake of the row
_USED = {"wage": (CONSULTANT, FROM, TO), "operating": (CONSULTANT, DATE), "total": ()}


def read_costs(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline, consultants: Consultants,
               facts: Facts) -> None:
    statement = _Statement(reading, agreement, consultants, facts)
    for row in rows:
        if row.blank:
            continue
        facts.rows[COSTS] = facts.rows.get(COSTS, 0) + 1
        if ELIGIBLE_COSTS in row:  # a 0.6 workbook: one total per beneficiary
            number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, agreement.beneficiaries)
            statement.total(row, number, row[ELIGIBLE_COSTS], FORMER_KEYS[COSTS])
        else:
            statement.line(row)


class _Statement:
    """The rows read so far: each beneficiary's references and totals, by row."""

    def __init__(self, reading: Reading, agreement: AgreementOutline, consultants: Consultants,
                 facts: Facts) -> None:
        self.reading, self.agreement, self.consultants, self.facts = reading, agreement, consultants, facts
        self.references: dict[tuple[str, str], int] = {}
        self.totals: dict[str, int] = {}
        self.lines: dict[str, int] = {}  # the first row of each beneficiary's lines

    def line(self, row: Row) -> None:
        reading = self.reading
        number = read_beneficiary(row[ENTERPRISE_NUMBER], reading, self.agreement.beneficiaries)
        word = read_text(row[KIND])
        kind = KINDS.get((word or "").lower())
        if kind is None and not row[KIND].reported:
            reading.at("CV102" if word is None else "CV103", row[KIND],
                       _("no {what}").format(what=KIND) if word is None else
                       _("{what}: '{word}' is not one of {words}").format(what=KIND, word=word, words=", ".join(KINDS)),
                       Vocabulary(KINDS).did_you_mean(word or "") or _("{words} (or {total}: a beneficiary's eligible "
                                                                      "costs without a cost statement)")
                       .format(words=", ".join(COST_KINDS_NL.values()), total=TOTAL))
        if kind is None:
            return
        for header in (CONSULTANT, FROM, TO, DATE, REFERENCE) if kind == "total" else (CONSULTANT, FROM, TO, DATE):
            if header not in _USED[kind] and not row[header].empty and not row[header].reported:
                reading.at("CV103", row[header], _("{header}: not used in a row of {what} {word}")
                           .format(header=header, what=KIND, word=word), _("leave the cell empty"))
        if kind == "total":
            self.total(row, number, row[AMOUNT], KEYS[COSTS])
            return
        amount = read_decimal(row[AMOUNT], reading, 2, AMOUNT)
        if row[AMOUNT].empty:
            reading.at("CV102", row[AMOUNT], _("no amount"))
        reference = read_text(row[REFERENCE])
        if reference is None and not row[REFERENCE].reported:
            reading.at("CV102", row[REFERENCE], _("no {what}: the payslip, the invoice or the ledger line")
                       .format(what=REFERENCE))
        line: Record = {"kind": kind}
        who = self._consultant(row, number, required=kind == "wage")
        if kind == "wage":
            start, end = self._date(row[FROM], FROM), self._date(row[TO], TO)
            line.update(consultant=who, **{"from": start}, to=end)
            if start is not None and end is not None and end < start:
                reading.at("CV536", row[TO], _("{end}: {what} is before {start}")
                           .format(end=end, what=TO, start=FROM), _("the line pays the days from {start} to {end}")
                           .format(start=FROM, end=TO))
                return
        else:
            line["date"] = self._date(row[DATE], DATE)
            if who is not None:
                line["consultant"] = who
        if number is None or amount is None or reference is None or None in line.values():
            return
        if self._twice(row, number, reference) or self._beside_a_total(row, number):
            return
        line.update(amount=amount, reference=reference)
        line[AT] = row.origins(KEYS[COSTS])
        self.facts.cost_lines.setdefault(number, []).append(line)

    def total(self, row: Row, number: str | None, cell: Cell, keys: dict[str, str]) -> None:
        """A beneficiary's eligible costs without a cost statement: once, and not beside its lines."""
        reading = self.reading
        amount = read_decimal(cell, reading, 2, ELIGIBLE_COSTS if ELIGIBLE_COSTS in row else AMOUNT)
        if cell.empty:
            reading.at("CV102", cell, _("no amount"))
        if number is None or amount is None:
            return
        if number in self.totals:
            reading.at("CV513", row[ENTERPRISE_NUMBER], _("{name} is listed twice in {sheet}")
                       .format(name=self.agreement.beneficiaries[number], sheet=COSTS),
                       _("the other is in row {row}; list each beneficiary once").format(row=self.totals[number]))
            return
        if number in self.lines:
            self._both(row, number, self.lines[number])
            return
        self.totals[number] = row.number
        self.facts.costs.append({"beneficiary": number, "amount": amount, AT: row.origins(keys)})

    def _date(self, cell: Cell, header: str) -> date | None:
        day = read_date(cell, self.reading, header)
        if day is None and cell.empty:
            self.reading.at("CV102", cell, _("no {what}").format(what=header))
        return day

    def _consultant(self, row: Row, number: str | None, *, required: bool) -> str | None:
        """The consultant's Sleutel (else Naam) as Consulenten lists it for the beneficiary."""
        cell = row[CONSULTANT]
        who = read_text(cell)
        if who is None:
            if required and not cell.reported:
                self.reading.at("CV102", cell, _("no consultant"),
                                _("give the consultant's Sleutel, or its Naam when it has none"))
            return None
        consultants = self.consultants
        if number is None or who in consultants.broken.get(number, set()) or number in consultants.unnamed:
            return who  # its row in Consulenten has a problem already, or perhaps it is the unnamed one
        mine = consultants.by_key.get(number, {})
        if who not in mine:
            self.reading.at("CV530", cell, _("'{who}' is not a consultant of {number} in {sheet}")
                            .format(who=who, number=format_enterprise_number(number), sheet=CONSULTANTS),
                            Vocabulary(mine).did_you_mean(who)
                            or _("give the consultant's Sleutel, or its Naam when it has none"))
            return None
        return who

    def _twice(self, row: Row, number: str, reference: str) -> bool:
        first = self.references.get((number, reference))
        if first is None:
            self.references[(number, reference)] = row.number
            return False
        self.reading.at("CV531", row[REFERENCE], _("{number}: the reference '{reference}' is given twice")
                        .format(number=format_enterprise_number(number), reference=reference),
                        _("the other is in row {row}; each line has a reference of its own").format(row=first))
        return True

    def _beside_a_total(self, row: Row, number: str) -> bool:
        self.lines.setdefault(number, row.number)
        if number not in self.totals:
            return False
        self._both(row, number, self.totals[number])
        return True

    def _both(self, row: Row, number: str, other: int) -> None:
        self.reading.at("CV535", row[ENTERPRISE_NUMBER], _("{number} has cost lines and a {total} row both")
                        .format(number=format_enterprise_number(number), total=TOTAL),
                        _("the other is in row {row}; the eligible costs are the sum of the lines, or the total "
                          "without them").format(row=other))

