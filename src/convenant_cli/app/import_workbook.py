"""The `import` use case: an eindrapport workbook (written by `convenant new realisation
--xlsx`, filled in by a sector) back into a realisation YAML that `validate` accepts.

A workbook is input from outside, read as hostile as a YAML file is: judged before it is
opened (`reading/workbook_file.py`), no formula evaluated (a formula cell is refused), text as
data. Every problem names its sheet and cell, row or sheet (`eindrapport.xlsx:Afwezigheden!D7`)
with the code `validate` uses for it, in the words of the sheet's column headers: the checks
that speak of the file's keys (every commitment judged, a verdict's note, a beneficiary
without consultants, one name twice) are made here on the cells, and what `validate` finds
in the generated YAML besides is reported at the cell its value came from
(`app/import_locations.py`). The workbook of an agreement that has changed since (its SHA-256)
is refused.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from convenant_cli.domain.diagnostics import Vocabulary
from convenant_cli.domain.errors import InputError, UsageError
from convenant_cli.domain.identifiers import InvalidIdentifier, format_enterprise_number, validate_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import REASONS_NL, Agreement
from convenant_cli.reading.workbook_cells import Cell, Reading, read_date, read_decimal, read_text, read_yes_no
from convenant_cli.reading.workbook_file import MAX_ROWS, check_workbook_file
from convenant_cli.render.realisation_xlsx import AGREEMENT_SHEET, SHEETS
from convenant_cli.render.realisation_yaml import AT, Facts, realisation_yaml

REASONS = {dutch: english for english, dutch in REASONS_NL.items()}
Record = dict[str, object]


def _open(path: Path, handle: BinaryIO):  # type: ignore[no-untyped-def]  # openpyxl's workbook
    """The workbook, once `check_workbook_file` found nothing to refuse; parsed by openpyxl with
    defusedxml (entities refused), lazily: a sheet is read as it is iterated. It reads from
    `handle`, which the caller closes whatever happens (openpyxl leaves its file open when it
    fails)."""
    import openpyxl.xml
    from openpyxl import load_workbook

    if not openpyxl.xml.DEFUSEDXML:  # defusedxml is a dependency; OPENPYXL_DEFUSEDXML=False turns it off
        raise InputError(_("{path}: not read, because openpyxl would parse it without defusedxml")
                         .format(path=path), _("unset OPENPYXL_DEFUSEDXML"))
    try:
        return load_workbook(handle, read_only=True, data_only=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise _unreadable(path, error) from None


def _unreadable(path: Path, error: BaseException) -> InputError:
    """Why openpyxl could not read it, in a word: its own error wraps the parser's (`__cause__`)."""
    chain = [error]
    while chain[-1].__cause__ is not None and len(chain) < 10:
        chain.append(chain[-1].__cause__)
    if any(type(item).__module__.startswith("defusedxml") for item in chain):
        reason = _("XML entities, which are never expanded")
    elif any(isinstance(item, IndexError) for item in chain):
        reason = _("shared text out of range")
    else:
        reason = type(chain[-1]).__name__
    return InputError(_("{path}: cannot read this workbook ({reason})").format(path=path, reason=reason),
                      _("open it in Excel and save it again"))


def _rows(book, sheet: str, reading: Reading) -> Iterator[list[Cell]]:  # type: ignore[no-untyped-def]
    headers = SHEETS[sheet]
    if sheet not in book.sheetnames:
        reading.problem("CV102", sheet, _("the sheet {sheet} is missing").format(sheet=sheet),
                        _("use the workbook `convenant new realisation --xlsx` writes"))
        return
    rows = book[sheet].iter_rows()
    first = next(rows, ())
    found = tuple(str(cell.value).strip() if cell.value is not None else "" for cell in first[:len(headers)])
    if found != headers:
        reading.problem("CV101", sheet, _("the headers of {sheet} are not {headers}")
                                        .format(sheet=sheet, headers=', '.join(headers)),
                        _("keep the headers as `convenant new realisation --xlsx` writes them"))
        return
    for number, row in enumerate(rows, 2):
        if number > MAX_ROWS:
            reading.problem("CV005", f"{sheet}!A{number}", _("more than {limit} rows")
                            .format(limit=f"{MAX_ROWS:_}".replace("_", " ")), row=number)
            return
        cells = [Cell(sheet, number, column, cell.value, getattr(cell, "data_type", "n"))
                 for column, cell in enumerate(row[:len(headers)], 1)]
        cells += [Cell(sheet, number, column, None, "n") for column in range(len(cells) + 1, len(headers) + 1)]
        for cell in cells:
            if cell.kind == "f":
                reading.at("CV103", cell, _("a formula; type the value itself"),
                           _("a workbook's formulas are never evaluated on import"))
        yield cells


def _at(cells: list[Cell], **fields: int) -> dict[str, str]:
    """A record's cells: each field's, and its row's (under "")."""
    return {"": cells[0].row_where, **{name: cells[index].where for name, index in fields.items()}}


def _beneficiary(cell: Cell, reading: Reading, known: dict[str, str]) -> str | None:
    text = read_text(cell)
    if text is None:
        if not cell.reported:
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
    check_workbook_file(path)
    with path.open("rb") as handle:
        return _read_open(path, handle, reading, workspace)


def _read_open(path: Path, handle: BinaryIO, reading: Reading,
               workspace: Workspace) -> tuple[Reading, Agreement | None, Path | None, Facts]:
    book = _open(path, handle)
    try:
        return _read_book(book, path, reading, workspace)
    except (IndexError, KeyError, SyntaxError, EOFError) as error:
        # a damaged sheet is met as it is read (read-only mode): shared text out of range, bad XML
        raise _unreadable(path, error) from None
    except Exception as error:
        if type(error).__module__.startswith(("defusedxml", "xml.", "zipfile")):
            raise _unreadable(path, error) from None
        raise
    finally:
        book.close()


def _read_book(book, path: Path, reading: Reading,  # type: ignore[no-untyped-def]
               workspace: Workspace) -> tuple[Reading, Agreement | None, Path | None, Facts]:
    facts = Facts()
    if AGREEMENT_SHEET not in book.sheetnames:
        reading.problem("CV102", AGREEMENT_SHEET, _("the sheet Convenant (the agreement and its SHA-256) is missing"),
                        _("use the workbook `convenant new realisation --xlsx` writes"))
        return reading, None, None, facts
    about = {str(row[0].value): row[1].value for row in book[AGREEMENT_SHEET].iter_rows(max_row=3) if len(row) > 1}
    reference = str(about.get("Convenant") or "")
    agreement_path = path.parent / reference
    doc = workspace.load(agreement_path)
    if doc.ok and not isinstance(doc.model, Agreement):
        reading.problem("CV302", f"{AGREEMENT_SHEET}!B1", _("names {name}, which is not a covenant or addendum")
                        .format(name=doc.name), _("use the workbook `convenant new realisation --xlsx` writes"),
                        column=2)
    if not doc.ok or not isinstance(doc.model, Agreement):
        return reading, None, None, facts
    if doc.source.sha256 != about.get("SHA-256"):
        raise UsageError(_("{name} was written for another version of {name2} (its SHA-256 differs)")
                         .format(name=reading.name, name2=doc.name),
                         _("write a new workbook: convenant new realisation {name} --xlsx ... --from ...")
                         .format(name=doc.name))
    agreement = doc.model
    known = {member.enterprise_number: member.name for _group, member in agreement.members()}
    from convenant_cli.app.import_results import read_results

    read_results(_rows(book, "Resultaten", reading), reading, agreement, facts)
    consultants = _consultants(book, reading, known, facts)
    if agreement.fte is None and facts.consultants:
        reading.problem("CV514", "Consulenten", _("the addendum has no FTE, so there is no absence deduction; "
                                                  "Consulenten and Afwezigheden are not used"))
    elif agreement.fte is not None:
        for number, name in known.items():
            if number not in facts.consultants and number not in consultants.broken:
                reading.problem("CV508", "Consulenten", _("{name} ({number}) has no consultant in Consulenten: "
                                                          "taken as fully staffed, no deduction")
                                .format(name=name, number=format_enterprise_number(number)))
    _absences(book, reading, known, consultants)
    _payments(book, reading, known, facts)
    return reading, agreement, doc.path, facts


class _Consultants:
    """The consultants read, by beneficiary and key (Sleutel, else Naam), and those whose row
    had a problem: an absence of one of them is not reported again."""

    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, Record]] = {}
        self.rows: dict[tuple[str, str], int] = {}  # the row of each consultant read
        self.broken: dict[str, set[str]] = {}


def _consultants(book, reading: Reading, known: dict[str, str],  # type: ignore[no-untyped-def]
                 facts: Facts) -> _Consultants:
    found = _Consultants()
    for cells in _rows(book, "Consulenten", reading):
        if all(cell.empty or cell.reported for cell in cells[2:]):  # nothing, or only what was reported
            continue
        errors = len(reading.errors)
        number = _beneficiary(cells[0], reading, known)
        key, name = read_text(cells[2]), read_text(cells[3])
        if name is None and not cells[3].reported:
            reading.at("CV102", cells[3], _("no name"))
        fte = read_decimal(cells[4], reading, 2, "VTE")
        if fte is None and cells[4].empty:
            reading.at("CV102", cells[4], _("no FTE"))
        consultant: Record = {"name": name}
        if key is not None:
            consultant["id"] = key
        insz = read_text(cells[8])
        if insz is not None and not insz.startswith("*"):  # a masked INSZ (a prefilled workbook) is not read
            consultant["insz"] = insz
        consultant["fte"] = fte
        start, end = read_date(cells[5], reading, "In dienst van"), read_date(cells[6], reading, "In dienst tot")
        if start is not None and end is not None:
            consultant["employed"] = {"start": start, "end": end}
        elif cells[5].empty != cells[6].empty:
            missing = cells[6] if cells[6].empty else cells[5]
            reading.at("CV102", missing,
                       _("an employment has a start and an end"), _("fill in both, or neither (the whole term)"))
        wage = read_decimal(cells[7], reading, 0, "Gewaarborgd loon (dagen)")
        if wage is not None:
            consultant["guaranteed_wage_days"] = int(wage)
        consultant["absences"] = []
        consultant[AT] = _at(cells, name=3, id=2, fte=4, employed=5, guaranteed_wage_days=7, insz=8)
        who = key or name
        if number is None or who is None:
            continue
        if len(reading.errors) > errors:
            found.broken.setdefault(number, set()).add(who)
            continue
        mine = found.by_key.setdefault(number, {})
        if who in mine:
            first = found.rows[(number, who)]
            reading.at("CV515", cells[2] if key is not None else cells[3],
                       _("two consultants of {number} are '{who}'").format(number=format_enterprise_number(number),
                                                                          who=who),
                       _("the other is in row {row}; give each a Sleutel (any text, unique within the beneficiary)")
                       .format(row=first))
            found.broken.setdefault(number, set()).add(who)
            continue
        mine[who] = consultant
        found.rows[(number, who)] = cells[0].row
        facts.consultants.setdefault(number, []).append(consultant)
    return found


def _absences(book, reading: Reading, known: dict[str, str],  # type: ignore[no-untyped-def]
              consultants: _Consultants) -> None:
    for cells in _rows(book, "Afwezigheden", reading):
        if all(cell.empty or cell.reported for cell in cells):  # nothing, or only what was reported
            continue
        number = _beneficiary(cells[0], reading, known)
        who = read_text(cells[1])
        mine = consultants.by_key.get(number or "", {})
        if number is not None and who in consultants.broken.get(number, set()):
            continue  # its consultant's row has a problem already
        if number is not None and who not in mine and not cells[1].reported:
            hint = Vocabulary(mine).did_you_mean(who or "")
            reading.at("CV506", cells[1],
                       _("'{who}' is not a consultant of {number} in Consulenten")
                       .format(who=who or "", number=format_enterprise_number(number))
                       if who is not None else _("no consultant"),
                       hint or _("give the consultant's Sleutel, or its Naam when it has none"))
        start, end = read_date(cells[2], reading, "Van"), read_date(cells[3], reading, "Tot")
        reason_text = read_text(cells[4])
        reason = REASONS.get((reason_text or "").lower())
        if reason is None and not cells[4].reported:
            hint = Vocabulary(REASONS).did_you_mean(reason_text or "")
            reading.at("CV103", cells[4],
                       _("reason '{reason}' is not one of {reasons}").format(reason=reason_text, reasons=", ".join(
                           REASONS)) if reason_text is not None else _("no reason"), hint)
        fte = read_decimal(cells[5], reading, 2, "VTE")
        replaced = read_yes_no(cells[6], reading, "Vervangen")
        new_illness = read_yes_no(cells[7], reading, "Nieuwe ongeschiktheid")
        for cell, what in ((cells[2], _("no start date")), (cells[3], _("no end date"))):
            if cell.empty:
                reading.at("CV102", cell, what)
        if number is None or who not in mine or start is None or end is None or reason is None:
            continue
        absence: Record = {"start": start, "end": end, "reason": reason}
        if fte is not None:
            absence["fte"] = fte
        if replaced:
            absence["replaced"] = True
        if new_illness:
            absence["new_illness"] = True
        absence[AT] = _at(cells, start=2, end=3, reason=4, fte=5, replaced=6, new_illness=7)
        mine[who]["absences"].append(absence)  # type: ignore[attr-defined]


def _payments(book, reading: Reading, known: dict[str, str], facts: Facts) -> None:  # type: ignore[no-untyped-def]
    for cells in _rows(book, "Voorschotten", reading):
        if all(cell.empty or cell.reported for cell in cells):  # nothing, or only what was reported
            continue
        number = _beneficiary(cells[0], reading, known)
        amount = read_decimal(cells[3], reading, 2, "Bedrag")
        if cells[3].empty:
            reading.at("CV102", cells[3], _("no amount"))
        when, reference = read_date(cells[1], reading, "Datum"), read_text(cells[2])
        if number is None or amount is None:
            continue
        advance: Record = {"beneficiary": number, "amount": amount}
        if when is not None:
            advance["date"] = when
        if reference is not None:
            advance["reference"] = reference
        advance[AT] = _at(cells, beneficiary=0, date=1, reference=2, amount=3)
        facts.advances.append(advance)
    seen: dict[str, int] = {}
    for cells in _rows(book, "Kosten", reading):
        if all(cell.empty or cell.reported for cell in cells):  # nothing, or only what was reported
            continue
        number = _beneficiary(cells[0], reading, known)
        amount = read_decimal(cells[1], reading, 2, "Subsidiabele kosten")
        if cells[1].empty:
            reading.at("CV102", cells[1], _("no amount"))
        if number is None or amount is None:
            continue
        if number in seen:
            reading.at("CV513", cells[0], _("{name} is listed twice in Kosten").format(name=known[number]),
                       _("the other is in row {row}; list each beneficiary once").format(row=seen[number]))
            continue
        seen[number] = cells[0].row
        facts.costs.append({"beneficiary": number, "amount": amount, AT: _at(cells, beneficiary=0, amount=1)})


def import_realisation(workbook: Path, output: Path | None) -> tuple[Workspace, Reading, str | None]:
    """The realisation a workbook holds, as YAML, checked as `validate` checks a file; every
    problem in `reading`, at its cell. None when the workbook has errors."""
    from convenant_cli.app.import_locations import located
    from convenant_cli.reading.source import read_source

    workspace = Workspace()
    reading, agreement, agreement_path, facts = read_workbook(workbook, workspace)
    if agreement is None or agreement_path is None or reading.errors:
        return workspace, reading, None
    if output is not None and any(output.resolve() == doc for doc in [workbook.resolve(), *workspace.documents]):
        raise UsageError(_("{output}: is one of the files this run reads; never replaced").format(output=output),
                         _("write the output to another file"))
    text, origins = realisation_yaml(agreement, agreement_path, facts, workbook.name, output)
    # checked where it will be read: the output file, or (for standard output, whose references are written
    # relative to the current folder) a file in the current folder
    where = (output if output is not None else Path(workbook.with_suffix(".yaml").name)).resolve()
    generated = workspace.load(where, reading.name, source=read_source(text.encode("utf-8"), reading.name))
    del workspace.documents[generated.path]  # its problems are the workbook's, at their cells
    workspace.inputs.discard(generated.path)
    reading.problems += located(generated.diagnostics, origins, reading.name)
    return workspace, reading, None if reading.errors else text
