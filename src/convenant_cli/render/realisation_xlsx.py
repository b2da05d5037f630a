"""The eindrapport as a workbook to fill in (`convenant new realisation ... --xlsx`), for the
people at a sector's training fund who know Excel and their payroll export, not YAML.

Sheets and their headers, in this order, are the contract `convenant import` reads back:
Resultaten, Consulenten, Afwezigheden, Voorschotten, Kosten (the cost statement, a row per line;
`reading/eindrapport_format.py`), and
Convenant (the agreement's id and SHA-256, never a path, which breaks when the workbook travels;
a workbook of an agreement that changed since is refused); before
them, Uitleg says per sheet what to enter, in the run's language, and Resultaten has each
commitment's title beside its rows (after its headers: not read back). Zelfevaluatie is the
sector's own assessment (`achieved:`); the auditor's judgement is not the sector's to write. Reasons
are the Dutch words, yes/no columns take `ja`/`nee`, and lists, dates and numbers carry data
validation. Prefilled from an existing realisation (`--from`), it holds its facts; an INSZ is
written as its last two digits only (the workbook is an output too).
"""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from convenant_cli.domain.cost_kinds import COST_KINDS_NL
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.models import REASONS_NL, Agreement, Realisation, Target, WageLine
from convenant_cli.reading.eindrapport_format import (
    ABSENCES,
    ADVANCES,
    AGREEMENT,
    CONSULTANTS,
    COSTS,
    ENTERPRISE_NUMBER,
    FIRST_MEMBER_ROW,
    GUIDE,
    ID_LABEL,
    MEMBERS_LABEL,
    NO,
    RESULTS,
    SHA256_LABEL,
    SHEETS,
    TITLE_LABEL,
    TOTAL,
    YES,
)
from convenant_cli.render.workbook import COUNT, DATE, EURO, FTE, MAX_WIDTH, Book, Sheet

GUIDE_WIDTH = 58  # under the width at which a cell's text wraps
# Each column wide enough for what is typed in it: a date (2024-01-08), a reason
# (loopbaanonderbreking), an amount (196.100,00), a name; beside Resultaten, each commitment's title.
WIDTHS: dict[str, tuple[int, ...]] = {
    RESULTS: (11, 26, 9, 9, 15, 15, 36, 60),
    CONSULTANTS: (21, 42, 12, 26, 7, 14, 14, 12, 18),
    ABSENCES: (21, 22, 12, 12, 22, 7, 10, 12),
    ADVANCES: (21, 12, 18, 14),
    COSTS: (21, 9, 22, 12, 12, 12, 14, 24),
}
ROWS = 2000  # rows that carry data validation below the header
YES_NO = f'"{YES},{NO}"'


def _yes_no(value: bool | None) -> str | None:
    return None if value is None else YES if value else NO


def write_fill_in(path: Path, agreement: Agreement, sha256: str, created: datetime,
                  realisation: Realisation | None = None) -> None:
    book = Book(path, title=f"Eindrapport {agreement.id}", created=created)
    _guide(book.sheet(GUIDE), agreement)
    numbers = [format_enterprise_number(member.enterprise_number) for _group, member in agreement.members()]
    sheets = {name: book.sheet(name) for name in SHEETS}
    for name, sheet in sheets.items():
        sheet.at_least(WIDTHS[name])  # first: the header's row height follows the widths
        sheet.header(SHEETS[name] + ((_("Title, and what to fill in"),) if name == RESULTS else ()))
    last = FIRST_MEMBER_ROW - 1 + len(numbers)
    numbers_range = f"{AGREEMENT}!$B${FIRST_MEMBER_ROW}:$B${last}"
    _results(sheets[RESULTS], agreement, realisation)
    _consultants(sheets[CONSULTANTS], agreement, realisation, numbers_range)
    _absences(sheets[ABSENCES], realisation, numbers_range)
    _advances(sheets[ADVANCES], realisation, numbers_range)
    _costs(sheets[COSTS], realisation, numbers_range)
    for sheet in sheets.values():
        sheet.finish()
    about = book.sheet(AGREEMENT)  # by id and SHA-256, never a path: the workbook travels
    about.put_row(1, [ID_LABEL, agreement.id])
    about.put_row(2, [SHA256_LABEL, sha256])
    about.put_row(3, [TITLE_LABEL, agreement.title])
    about.put_row(FIRST_MEMBER_ROW - 1, [MEMBERS_LABEL, ENTERPRISE_NUMBER])
    for row, (number, (_group, member)) in enumerate(zip(numbers, agreement.members(), strict=True),
                                                     FIRST_MEMBER_ROW):
        about.put_row(row, [member.name, number])
    about.finish(header_row=FIRST_MEMBER_ROW - 1)
    book.close()


def _number_column(sheet: Sheet, numbers_range: str) -> None:
    sheet.validate(1, 2, ROWS, "list", numbers_range, message="een ondernemingsnummer van een begunstigde")


def _guide(sheet: Sheet, agreement: Agreement) -> None:
    """What to enter on each sheet, for the person who fills the workbook in (never read back)."""
    lines = [
        (_("Eindrapport for {title} ({id}), term {start} to {end}")
         .format(title=agreement.title, id=agreement.id, start=agreement.period.start, end=agreement.period.end), ""),
        (_("Fill in the sheets below, save the workbook, and read it back with `convenant import`: every problem "
           "is then named by its sheet and cell."), ""),
        (RESULTS, _("A row per target: type the measured value in Gemeten waarde. A qualitative commitment "
                    "has no target: say in Toelichting where the eindrapport reports on it, and if you wish in "
                    "Zelfevaluatie whether it was achieved (ja or nee). That is the sector's own view: the "
                    "auditor judges it.")),
        (CONSULTANTS, _("A row per consultant of each beneficiary: Ondernemingsnummer from the list, Naam, VTE "
                          "(e.g. 0,50); In dienst van and In dienst tot only when the consultant did not work the "
                          "whole term (a blank one is the term's first or last day); Sleutel when two consultants "
                          "share a name. A beneficiary without a row is taken as fully staffed.")),
        (ABSENCES, _("A row per absence: the consultant's Sleutel (else Naam), Van and Tot as dates, Reden "
                           "from the list; VTE only for a partial absence; Vervangen ja when a replacement took "
                           "over; Nieuwe ongeschiktheid ja for an illness that is not a relapse.")),
        (ADVANCES, _("A row per advance paid: Datum, Referentie and Bedrag in euro.")),
        (COSTS, _("The cost statement, a row per cost line: Soort loon with the Consulent (Sleutel, else Naam) and "
                  "Van and Tot of the period paid, or werking with its Datum (a Consulent optionally); Bedrag in "
                  "euro and the Referentie of the payslip or the invoice, once per beneficiary. Only the part in the "
                  "term and the employment is eligible. Without a cost statement, one row of Soort totaal gives a "
                  "beneficiary's eligible costs in Bedrag.")),
        (AGREEMENT, _("The agreement this workbook was written for, by its Id and SHA-256: leave it as it is. "
                      "`convenant import` finds the agreement by its Id in the project, or with --convenant.")),
        (_("Dates"), _("A date cell, not text: the cell shows the date right-aligned; =DATE(2024,1,8) gives one. "
                       "Numbers as numbers, not text.")),
    ]
    sheet.header([_("Sheet"), _("What to enter")])
    row = 2
    for name, what in lines:  # a line of at most 58 characters a row: nothing wraps, nothing overlaps in print
        for number, part in enumerate(textwrap.wrap(what or name, GUIDE_WIDTH)):
            sheet.put_row(row, [name if what and number == 0 else None, part])
            row += 1
        row += 1
    sheet.at_least((16, GUIDE_WIDTH))
    sheet.finish()


def _results(sheet: Sheet, agreement: Agreement, realisation: Realisation | None) -> None:
    row = 2
    for commitment in agreement.result_commitments:
        given = realisation.results.get(commitment.id) if realisation else None
        verdict, note = (given.achieved, given.note) if given else (None, None)
        values = {(a.indicator, a.year): a.value for a in given.actuals} if given else {}
        targets: list[Target | None] = list(commitment.targets) if commitment.targets else [None]
        about = commitment.title if commitment.targets else _(
            "{title} — qualitative: Toelichting (and Zelfevaluatie, optional)").format(title=commitment.title)
        about = textwrap.shorten(about, MAX_WIDTH, placeholder="…")  # one line: no wrapped text over the next row
        for target in targets:
            indicator = target.indicator if target else None
            year = target.year if target else None
            sheet.put_row(row, [commitment.id, indicator, year, target.minimum if target else None,
                                values.get((str(indicator), year)) if target else None, _yes_no(verdict), note,
                                about],
                          [None, None, COUNT, COUNT, COUNT])
            row += 1
    sheet.validate(5, 2, ROWS, "decimal", "0", message="een getal van ten minste 0")
    sheet.validate(6, 2, ROWS, "list", YES_NO, message="ja, nee, of leeg (geen zelfevaluatie)")


def _consultants(sheet: Sheet, agreement: Agreement, realisation: Realisation | None, numbers_range: str) -> None:
    names = {member.enterprise_number: member.name for _group, member in agreement.members()}
    row = 2
    for staffing in realisation.staffing if realisation else []:
        for consultant in staffing.consultants:
            employed = consultant.employed
            insz = f"**.**.**-***.{consultant.insz[-2:]}" if consultant.insz else None
            name = textwrap.shorten(names.get(staffing.beneficiary, ""), 40, placeholder="…")  # shown, not read back
            sheet.put_row(row, [format_enterprise_number(staffing.beneficiary), name,
                                consultant.id, consultant.name, consultant.fte, employed.start if employed else None,
                                employed.end if employed else None, consultant.guaranteed_wage_days, insz],
                          [None, None, None, None, FTE, DATE, DATE, COUNT])
            row += 1
    _number_column(sheet, numbers_range)
    sheet.validate(5, 2, ROWS, "decimal", "0", message="VTE: een getal van ten minste 0")
    for column in (6, 7):
        sheet.validate(column, 2, ROWS, "date", "1", message="een datum")
    sheet.validate(8, 2, ROWS, "decimal", "0", message="een aantal dagen")


def _absences(sheet: Sheet, realisation: Realisation | None, numbers_range: str) -> None:
    row = 2
    for staffing in realisation.staffing if realisation else []:
        for consultant in staffing.consultants:
            for absence in consultant.absences:
                sheet.put_row(row, [format_enterprise_number(staffing.beneficiary), consultant.id or consultant.name,
                                    absence.start, absence.end, REASONS_NL[absence.reason], absence.fte,
                                    _yes_no(absence.replaced), _yes_no(absence.new_illness)],
                              [None, None, DATE, DATE, None, FTE])
                row += 1
    _number_column(sheet, numbers_range)
    for column in (3, 4):
        sheet.validate(column, 2, ROWS, "date", "1", message="een datum")
    sheet.validate(5, 2, ROWS, "list", '"' + ",".join(REASONS_NL.values()) + '"', message="een reden uit de lijst")
    sheet.validate(6, 2, ROWS, "decimal", "0", message="VTE: een getal van ten minste 0")
    for column in (7, 8):
        sheet.validate(column, 2, ROWS, "list", YES_NO, message="ja of nee")


def _advances(sheet: Sheet, realisation: Realisation | None, numbers_range: str) -> None:
    rows: Sequence[list[object]] = [[format_enterprise_number(a.beneficiary), a.date, a.reference, a.amount]
                                    for a in (realisation.advances if realisation else [])]
    for row, values in enumerate(rows, 2):
        sheet.put_row(row, values, [None, DATE, None, EURO])
    _number_column(sheet, numbers_range)
    sheet.validate(2, 2, ROWS, "date", "1", message="een datum")
    sheet.validate(4, 2, ROWS, "decimal", "0", message="een bedrag van ten minste 0")


def _costs(sheet: Sheet, realisation: Realisation | None, numbers_range: str) -> None:
    """The cost statement's lines, then each total given without one (rulebook R6)."""
    row = 2
    for statement in realisation.costs if realisation else []:
        number = format_enterprise_number(statement.beneficiary)
        for line in statement.lines:
            kind = COST_KINDS_NL[line.kind]
            if isinstance(line, WageLine):
                values: list[object] = [number, kind, line.consultant, line.from_, line.to, None, line.amount,
                                        line.reference]
            else:
                values = [number, kind, line.consultant, None, None, line.date, line.amount, line.reference]
            sheet.put_row(row, values, [None, None, None, DATE, DATE, DATE, EURO])
            row += 1
    for cost in realisation.eligible_costs if realisation else []:
        sheet.put_row(row, [format_enterprise_number(cost.beneficiary), TOTAL, None, None, None, None, cost.amount],
                      [None, None, None, None, None, None, EURO])
        row += 1
    _number_column(sheet, numbers_range)
    kinds = [*COST_KINDS_NL.values(), TOTAL]
    sheet.validate(2, 2, ROWS, "list", '"' + ",".join(kinds) + '"', message="loon, werking of totaal")
    # the consultant from the sheet Consulenten: its Naam, or a Sleutel typed (a warning, not a refusal)
    sheet.validate(3, 2, ROWS, "list", f"{CONSULTANTS}!$D$2:$D${ROWS + 1}", strict=False,
                   message="een consulent uit Consulenten (Naam, of Sleutel als die er is)")
    for column in (4, 5, 6):
        sheet.validate(column, 2, ROWS, "date", "1", message="een datum")
    sheet.validate(7, 2, ROWS, "decimal", "0", message="een bedrag van ten minste 0")
