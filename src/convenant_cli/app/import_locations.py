"""The problems `validate` finds in the YAML an import generates, reported where the person who
filled in the workbook finds them: at the cell a value came from (`Afwezigheden!D7`), else its
row, else its sheet; in the words of the sheet's column headers, never a key of the file or a
line of a text nobody sees. The checks `import` makes on the cells themselves are not reported
a second time. Pure: diagnostics and the origins of the generated lines in, diagnostics out.
"""

from __future__ import annotations

import re

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.language import _
from convenant_cli.reading.eindrapport_facts import AT
from convenant_cli.reading.eindrapport_format import (
    AGREEMENT,
    CONSULTANTS,
    COSTS,
    EMPLOYED_FROM,
    EMPLOYED_TO,
    KEYS,
    SHEETS,
)
from convenant_cli.reading.workbook_file import column_number
from convenant_cli.render.realisation_yaml import Origin

# checked on the cells by `import` (reading/eindrapport_*.py), in the sheet's words
CHECKED_ON_CELLS = frozenset({"CV211", "CV503", "CV504", "CV508", "CV513", "CV514", "CV515", "CV521", "CV522",
                              "CV530", "CV531", "CV535", "CV536"})
_KEY_PATH = re.compile(r"^`([^`]{1,300})`: ")


def located(diagnostics: list[Diagnostic], origins: list[Origin], name: str) -> list[Diagnostic]:
    found = []
    for diagnostic in diagnostics:
        if diagnostic.code in CHECKED_ON_CELLS:
            continue
        origin = _origin(diagnostic, origins)
        where = origin.where if origin is not None else AGREEMENT
        sheet = where.split("!", 1)[0]
        message, hint = _worded(diagnostic, sheet, origin, origins)
        row, column = _row_column(where)
        found.append(Diagnostic.of(diagnostic.code, message, Location(f"{name}:{where}", row, column), hint))
    return found


def _origin(diagnostic: Diagnostic, origins: list[Origin]) -> Origin | None:
    """The narrowest stretch of the diagnostic's line that holds its column, else the line's row."""
    line, column = diagnostic.location.line, diagnostic.location.col
    on_line = [origin for origin in origins if origin.line == line]
    holding = [origin for origin in on_line if origin.first <= column <= origin.last]
    candidates = holding or on_line
    return min(candidates, key=lambda origin: origin.last - origin.first) if candidates else None


def _worded(diagnostic: Diagnostic, sheet: str, origin: Origin | None,
            origins: list[Origin]) -> tuple[str, str | None]:
    """The message with a key path turned into the column's header, and the hints that speak of
    the file's keys or lines in the sheet's words."""
    message, hint = diagnostic.message, diagnostic.hint
    path = _KEY_PATH.match(message)
    if path is not None:
        field = re.sub(r"\[[^\]]*\]", "", path.group(1)).rsplit(".", 1)[-1]
        header = KEYS.get(sheet, {}).get(field, field if sheet not in SHEETS else sheet)
        message = f"{header}: {message[path.end():]}"
    if diagnostic.code == "CV506":
        hint = _("an absence falls within the consultant's {start} and {end} in {sheet}").format(
            start=EMPLOYED_FROM, end=EMPLOYED_TO, sheet=CONSULTANTS)
    elif diagnostic.code == "CV532":
        hint = _("a wage line pays the days of the consultant's {start} to {end} in {sheet}").format(
            start=EMPLOYED_FROM, end=EMPLOYED_TO, sheet=CONSULTANTS)
    elif diagnostic.code == "CV537":
        hint = _("Art. 6: the financial part belongs to the eindrapport only; leave {sheet} empty in a progress "
                 "report").format(sheet=COSTS)
    elif diagnostic.code == "CV507":
        other = _overlapping_row(origin, origins)
        hint = (_("the other absence is in row {row}; one day has one reason").format(row=other) if other
                else _("one day has one reason"))
    return message, hint


def _overlapping_row(origin: Origin | None, origins: list[Origin]) -> int | None:
    """The row of the absence that overlaps the one of `origin` (the same consultant's)."""
    absence = origin.record if origin is not None else None
    if absence is None:
        return None
    for candidate in origins:
        consultant = candidate.record
        absences = consultant.get("absences") if consultant is not None else None
        if not isinstance(absences, list) or not any(item is absence for item in absences):
            continue
        for other in absences:
            if other is not absence and other["start"] <= absence["end"] and absence["start"] <= other["end"]:
                cells = other.get(AT)
                return _row_column(cells.get("", "") if isinstance(cells, dict) else "")[0]
    return None


def _row_column(where: str) -> tuple[int, int]:
    """The row and column of `Sheet!D7` (or `Sheet!row 7`, or a sheet: 1, 1), for ordering.

    >>> _row_column("Afwezigheden!D7"), _row_column("Kosten"), _row_column("Afwezigheden!rij 3")
    ((7, 4), (1, 1), (3, 1))
    """
    ref = where.split("!", 1)[1] if "!" in where else ""
    cell = re.fullmatch(r"([A-Z]{1,3})([0-9]{1,7})", ref)
    if cell is not None:
        return int(cell.group(2)), column_number(cell.group(1))
    row = re.search(r"([0-9]{1,7})$", ref)
    return (int(row.group(1)), 1) if row is not None else (1, 1)
