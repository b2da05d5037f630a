"""The `import` use case: an eindrapport workbook (written by `convenant new realisation
--xlsx`, filled in by a sector) back into a realisation YAML that `validate` accepts.

A workbook is input from outside, read as hostile as a YAML file is: size limits before it is
opened, no formula evaluated (a formula cell is refused), text as data. Every problem names
its sheet, cell and row (`eindrapport.xlsx:Afwezigheden!D7`) with the code `validate` uses for
it. Amounts are read to the cent from the number Excel stores (a double): its shortest
decimal text, refused when it is not a whole number of cents; a date typed as text is
refused, never guessed. The workbook of an agreement that has changed since (its SHA-256)
is refused.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from convenant_cli.domain.diagnostics import Diagnostic, Location, Vocabulary
from convenant_cli.domain.errors import InputError, UsageError, os_reason
from convenant_cli.domain.identifiers import InvalidIdentifier, format_enterprise_number, validate_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import REASONS_NL, Agreement
from convenant_cli.render.realisation_xlsx import AGREEMENT_SHEET, SHEETS
from convenant_cli.render.realisation_yaml import Facts, realisation_yaml

MAX_WORKBOOK_BYTES = 20 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # a zip bomb stops here, before any XML is parsed
MAX_ROWS = 100_000
REASONS = {dutch: english for english, dutch in REASONS_NL.items()}


@dataclass(eq=False, kw_only=True, repr=False)
class Reading:
    """What one workbook gave: the realisation's parts, and the problems, cell by cell."""

    name: str
    problems: list[Diagnostic] = field(default_factory=list)

    def problem(self, code: str, sheet: str, cell: str, row: int, column: int, message: str,
                hint: str | None = None) -> None:
        self.problems.append(Diagnostic.of(code, message, Location(f"{self.name}:{sheet}!{cell}", row, column),
                                           hint))

    def at(self, code: str, cell: _Cell, message: str, hint: str | None = None) -> None:
        self.problem(code, cell.sheet, cell.ref, cell.row, cell.column, message, hint)


class _Cell:
    """One cell as read: its value, where it is."""

    __slots__ = ("column", "kind", "row", "sheet", "value")

    def __init__(self, sheet: str, row: int, column: int, value: object, kind: str) -> None:
        self.sheet, self.row, self.column, self.value, self.kind = sheet, row, column, value, kind

    @property
    def ref(self) -> str:
        from convenant_cli.render.workbook import letter

        return f"{letter(self.column)}{self.row}"

    @property
    def empty(self) -> bool:
        return self.value is None or (isinstance(self.value, str) and not self.value.strip())


def _open(path: Path):  # type: ignore[no-untyped-def]  # openpyxl's workbook
    try:
        size = path.stat().st_size
    except OSError as error:
        raise InputError(_("{path}: cannot read ({reason})")
                         .format(path=path, reason=os_reason(error))) from None
    if size > MAX_WORKBOOK_BYTES:
        raise InputError(_("{path}: larger than {limit} MiB; not a filled-in eindrapport")
                         .format(path=path, limit=MAX_WORKBOOK_BYTES // 1024 // 1024),
                         _("check that it is the workbook `convenant new realisation --xlsx` wrote"))
    try:
        with zipfile.ZipFile(path) as archive:
            if sum(info.file_size for info in archive.infolist()) > MAX_UNPACKED_BYTES:
                raise InputError(_("{path}: unpacks to more than {limit} MiB")
                                 .format(path=path, limit=MAX_UNPACKED_BYTES // 1024 // 1024),
                                 _("an eindrapport workbook is a few megabytes"))
    except zipfile.BadZipFile:
        raise InputError(_("{path}: not an Excel workbook (.xlsx)")
                         .format(path=path), _("save it as an Excel workbook")) from None
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise InputError(_("{path}: cannot read this workbook ({error})").format(path=path, error=type(error).__name__),
                         _("open it in Excel and save it again")) from None


def _rows(book, sheet: str, reading: Reading) -> Iterator[list[_Cell]]:  # type: ignore[no-untyped-def]
    headers = SHEETS[sheet]
    if sheet not in book.sheetnames:
        reading.problem("CV102", sheet, "A1", 1, 1, _("the sheet {sheet} is missing").format(sheet=sheet),
                        _("use the workbook `convenant new realisation --xlsx` writes"))
        return
    rows = book[sheet].iter_rows()
    first = next(rows, ())
    found = tuple(str(cell.value).strip() if cell.value is not None else "" for cell in first[:len(headers)])
    if found != headers:
        reading.problem("CV101", sheet, "A1", 1, 1, _("the headers of {sheet} are not {headers}")
                                                    .format(sheet=sheet, headers=', '.join(headers)),
                        _("keep the headers as `convenant new realisation --xlsx` writes them"))
        return
    for number, row in enumerate(rows, 2):
        if number > MAX_ROWS:
            reading.problem("CV005", sheet, f"A{number}", number, 1,
                            _("more than {limit} rows").format(limit=f"{MAX_ROWS:_}".replace("_", " ")))
            return
        cells = [_Cell(sheet, number, column, cell.value, getattr(cell, "data_type", "n"))
                 for column, cell in enumerate(row[:len(headers)], 1)]
        cells += [_Cell(sheet, number, column, None, "n") for column in range(len(cells) + 1, len(headers) + 1)]
        for cell in cells:
            if cell.kind == "f":
                reading.at("CV103", cell, _("a formula; type the value itself"),
                           _("a workbook's formulas are never evaluated on import"))
                cell.value = None
        yield cells


def _text(cell: _Cell) -> str | None:
    if cell.empty:
        return None
    value = cell.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _decimal(cell: _Cell, reading: Reading, places: int | None, what: str) -> Decimal | None:
    """A number as its shortest decimal text (Excel keeps a double), refused with more places
    than `places` allows: never a binary float on the way into a money figure."""
    if cell.empty:
        return None
    value = cell.value
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        reading.at("CV103", cell, _("{what}: expected a number").format(what=what))
        return None
    try:
        number = Decimal(repr(value) if isinstance(value, float) else str(value).strip())
    except InvalidOperation:
        reading.at("CV103", cell, _("{what}: expected a number, got text").format(what=what),
                   _("type the number in the cell, e.g. 72000,00"))
        return None
    if not number.is_finite():
        reading.at("CV103", cell, _("{what}: expected a number").format(what=what))
        return None
    if places is not None and number != number.quantize(Decimal(1).scaleb(-places)):
        reading.at("CV104", cell, _("{what}: more than {places} decimals").format(what=what, places=places),
                   _("round it to the cent (FTE to two decimals)"))
        return None
    if places is not None:
        return number.quantize(Decimal(1).scaleb(-places))
    return Decimal(format(number.normalize(), "f"))  # 310, not 3.1E+2


def _date(cell: _Cell, reading: Reading, what: str) -> date | None:
    if cell.empty:
        return None
    value = cell.value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    reading.at("CV105", cell, _("{what}: '{cell}' is not a date cell (a date typed as text is never guessed)")
               .format(what=what, cell=_text(cell)),
               _("type the date so that Excel shows it as a date, e.g. 8/01/2024, or use the date format"))
    return None


def _yes_no(cell: _Cell, reading: Reading, what: str, *, empty: bool | None = False) -> bool | None:
    text = _text(cell)
    if text is None:
        return empty
    if text.lower() in ("ja", "nee"):
        return text.lower() == "ja"
    reading.at("CV103", cell, _("{what}: '{text}' is not ja or nee").format(what=what, text=text))
    return empty


def _beneficiary(cell: _Cell, reading: Reading, known: dict[str, str]) -> str | None:
    text = _text(cell)
    if text is None:
        reading.at("CV102", cell, _("no enterprise number"))
        return None
    try:
        number = validate_enterprise_number(text)
    except InvalidIdentifier as error:
        reading.at("CV207", cell, _("invalid enterprise number: {error}").format(error=error))
        return None
    if number not in known:
        reading.at("CV505", cell, _("{number} is not a beneficiary of the agreement")
                   .format(number=format_enterprise_number(number)))
        return None
    return number


def read_workbook(path: Path, workspace: Workspace) -> tuple[Reading, Agreement | None, Path | None, Facts]:
    """Read a filled-in workbook: the agreement it names (checked against its SHA-256), and its facts."""
    reading = Reading(name=path.name if path.parent == Path(".") else str(path))
    book = _open(path)
    facts = Facts()
    if AGREEMENT_SHEET not in book.sheetnames:
        reading.problem("CV102", AGREEMENT_SHEET, "B1", 1, 2,
                        _("the sheet Convenant (the agreement and its SHA-256) is missing"),
                        _("use the workbook `convenant new realisation --xlsx` writes"))
        return reading, None, None, facts
    about = {str(row[0].value): row[1].value for row in book[AGREEMENT_SHEET].iter_rows(max_row=3) if len(row) > 1}
    reference = str(about.get("Convenant") or "")
    agreement_path = path.parent / reference
    doc = workspace.load(agreement_path)
    if not doc.ok or not isinstance(doc.model, Agreement):
        return reading, None, None, facts
    if doc.source.sha256 != about.get("SHA-256"):
        raise UsageError(_("{name} was written for another version of {name2} (its SHA-256 differs)")
                         .format(name=reading.name, name2=doc.name),
                         _("write a new workbook: convenant new realisation {name} --xlsx ... --from ...")
                         .format(name=doc.name))
    agreement = doc.model
    known = {member.enterprise_number: member.name for _group, member in agreement.members()}
    _results(book, reading, agreement, facts)
    keys = _consultants(book, reading, known, facts)
    _absences(book, reading, known, keys, facts)
    _payments(book, reading, known, facts)
    return reading, agreement, doc.path, facts


def _results(book, reading: Reading, agreement: Agreement, facts: Facts) -> None:  # type: ignore[no-untyped-def]
    commitments = {c.id: c for c in agreement.result_commitments}
    for cells in _rows(book, "Resultaten", reading):
        if all(cell.empty for cell in cells[4:]):
            continue  # nothing filled in: validate says what is missing
        commitment = _text(cells[0])
        if commitment not in commitments:
            hint = Vocabulary(commitments).did_you_mean(commitment or "")
            reading.at("CV502", cells[0],
                       _("result commitment '{commitment}' is not in the agreement")
                       .format(commitment=commitment), hint)
            continue
        entry = facts.results.setdefault(commitment, {})
        value = _decimal(cells[4], reading, None, "Gemeten waarde")
        indicator = _text(cells[1])
        if value is not None and indicator is not None:
            year = _decimal(cells[2], reading, 0, "Werkjaar")
            actual: dict[str, object] = {"indicator": indicator, "value": value}
            if year is not None:
                actual["year"] = int(year)
            entry.setdefault("actuals", []).append(actual)  # type: ignore[attr-defined]
        verdict = _yes_no(cells[5], reading, "Oordeel auditor", empty=None)
        if verdict is not None:
            if entry.get("achieved", verdict) != verdict:
                reading.at("CV103", cells[5],
                           _("{commitment}: the auditor's verdict differs from an earlier row")
                           .format(commitment=commitment))
            entry["achieved"] = verdict
        note = _text(cells[6])
        if note is not None:
            entry.setdefault("note", note)


def _consultants(book, reading: Reading, known: dict[str, str],  # type: ignore[no-untyped-def]
                 facts: Facts) -> dict[str, dict[str, dict[str, object]]]:
    keys: dict[str, dict[str, dict[str, object]]] = {}
    for cells in _rows(book, "Consulenten", reading):
        if all(cell.empty for cell in cells[2:]):
            continue
        number = _beneficiary(cells[0], reading, known)
        name = _text(cells[3])
        if name is None:
            reading.at("CV102", cells[3], _("no name"))
        fte = _decimal(cells[4], reading, 2, "VTE")
        if fte is None and not cells[4].empty:
            continue
        if fte is None:
            reading.at("CV102", cells[4], _("no FTE"))
        if number is None or name is None or fte is None:
            continue
        consultant: dict[str, object] = {"name": name}
        key = _text(cells[2])
        if key is not None:
            consultant["id"] = key
        insz = _text(cells[8])
        if insz is not None and not insz.startswith("*"):  # a masked INSZ (a prefilled workbook) is not read
            consultant["insz"] = insz
        consultant["fte"] = fte
        start, end = _date(cells[5], reading, "In dienst van"), _date(cells[6], reading, "In dienst tot")
        if start is not None and end is not None:
            consultant["employed"] = {"start": start, "end": end}
        elif cells[5].empty != cells[6].empty:
            missing = cells[6] if cells[6].empty else cells[5]
            reading.at("CV102", missing,
                       _("an employment has a start and an end"), _("fill in both, or neither (the whole term)"))
        wage = _decimal(cells[7], reading, 0, "Gewaarborgd loon (dagen)")
        if wage is not None:
            consultant["guaranteed_wage_days"] = int(wage)
        consultant["absences"] = []
        facts.consultants.setdefault(number, []).append(consultant)
        keys.setdefault(number, {})[key or name] = consultant
    return keys


def _absences(book, reading: Reading, known: dict[str, str],  # type: ignore[no-untyped-def]
              keys: dict[str, dict[str, dict[str, object]]], facts: Facts) -> None:
    for cells in _rows(book, "Afwezigheden", reading):
        if all(cell.empty for cell in cells):
            continue
        number = _beneficiary(cells[0], reading, known)
        who = _text(cells[1])
        consultants = keys.get(number or "", {})
        if number is not None and who not in consultants:
            hint = Vocabulary(consultants).did_you_mean(who or "")
            reading.at("CV506", cells[1],
                       _("'{who}' is not a consultant of {number} in Consulenten")
                       .format(who=who, number=format_enterprise_number(number)),
                       hint or _("give the consultant's Sleutel, or its Naam when it has none"))
            continue
        start, end = _date(cells[2], reading, "Van"), _date(cells[3], reading, "Tot")
        reason_text = _text(cells[4])
        reason = REASONS.get((reason_text or "").lower())
        if reason is None:
            hint = Vocabulary(REASONS).did_you_mean(reason_text or "")
            reading.at("CV103", cells[4],
                       _("reason '{reason}' is not one of {reasons}")
                       .format(reason=reason_text, reasons=", ".join(REASONS)), hint)
        fte = _decimal(cells[5], reading, 2, "VTE")
        replaced = _yes_no(cells[6], reading, "Vervangen")
        new_illness = _yes_no(cells[7], reading, "Nieuwe ongeschiktheid")
        if number is None or who is None or start is None or end is None or reason is None:
            if start is None and cells[2].empty:
                reading.at("CV102", cells[2], _("no start date"))
            if end is None and cells[3].empty:
                reading.at("CV102", cells[3], _("no end date"))
            continue
        absence: dict[str, object] = {"start": start, "end": end, "reason": reason}
        if fte is not None:
            absence["fte"] = fte
        if replaced:
            absence["replaced"] = True
        if new_illness:
            absence["new_illness"] = True
        consultants[who]["absences"].append(absence)  # type: ignore[attr-defined]


def _payments(book, reading: Reading, known: dict[str, str], facts: Facts) -> None:  # type: ignore[no-untyped-def]
    for cells in _rows(book, "Voorschotten", reading):
        if all(cell.empty for cell in cells):
            continue
        number = _beneficiary(cells[0], reading, known)
        amount = _decimal(cells[3], reading, 2, "Bedrag")
        if amount is None and cells[3].empty:
            reading.at("CV102", cells[3], _("no amount"))
        if number is None or amount is None:
            continue
        advance: dict[str, object] = {"beneficiary": number, "amount": amount}
        when, reference = _date(cells[1], reading, "Datum"), _text(cells[2])
        if when is not None:
            advance["date"] = when
        if reference is not None:
            advance["reference"] = reference
        facts.advances.append(advance)
    for cells in _rows(book, "Kosten", reading):
        if all(cell.empty for cell in cells):
            continue
        number = _beneficiary(cells[0], reading, known)
        amount = _decimal(cells[1], reading, 2, "Subsidiabele kosten")
        if number is not None and amount is not None:
            facts.costs.append({"beneficiary": number, "amount": amount})


def import_realisation(workbook: Path, output: Path | None) -> tuple[Workspace, Reading, str | None]:
    """The realisation a workbook holds, as YAML, checked as `validate` checks a file (its
    problems are in the workspace, under the name it will be written as); None when the
    workbook itself has problems."""
    from convenant_cli.reading.source import read_source

    workspace = Workspace()
    reading, agreement, agreement_path, facts = read_workbook(workbook, workspace)
    if agreement is None or agreement_path is None or reading.problems:
        return workspace, reading, None
    if output is not None and any(output.resolve() == doc for doc in [workbook.resolve(), *workspace.documents]):
        raise UsageError(_("{output}: is one of the files this run reads; never replaced").format(output=output),
                         _("write the output to another file"))
    text = realisation_yaml(agreement, agreement_path, facts, workbook.name, output)
    name = str(output) if output is not None else "<import>"
    where = output if output is not None else Path.cwd() / "<import>"
    workspace.load(where, name, source=read_source(text.encode("utf-8"), name))
    return workspace, reading, text
