"""The sheet Resultaten of an eindrapport workbook (Art. 2): a row per target of each result
commitment, and one for a qualitative commitment. Checked here on its cells, in the sheet's
words, as `validate` checks `results` (every commitment judged, a value for each target or the
auditor's verdict, a verdict's note, a value once per target): each problem at the cell to
fill in. Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable

from convenant_cli.domain.diagnostics import Vocabulary
from convenant_cli.domain.language import N_, _
from convenant_cli.models import Agreement, ResultCommitment
from convenant_cli.reading.workbook_cells import Cell, Reading, read_decimal, read_text, read_yes_no
from convenant_cli.render.realisation_yaml import AT, Facts

FILL_IN = N_("fill in Gemeten waarde, or the auditor's verdict in Oordeel auditor (ja or nee) with a Toelichting")


def read_results(rows: Iterable[list[Cell]], reading: Reading, agreement: Agreement, facts: Facts) -> None:
    commitments = {c.id: c for c in agreement.result_commitments}
    by_commitment: dict[str, list[list[Cell]]] = {}
    for cells in rows:
        if all(cell.empty or cell.reported for cell in cells):  # nothing, or only what was reported
            continue
        named = read_text(cells[0])
        if named is None or named not in commitments:
            if not cells[0].reported:
                reading.at("CV502", cells[0], _("result commitment '{commitment}' is not in the agreement")
                           .format(commitment=named or ""), Vocabulary(commitments).did_you_mean(named or ""))
            continue
        by_commitment.setdefault(named, []).append(cells)
    missing: list[tuple[str, str, int | None]] = []
    for commitment in agreement.result_commitments:
        rows_of = by_commitment.get(commitment.id)
        if rows_of is None:
            reading.problem("CV503", "Resultaten", _("result commitment {commitment} has no row in Resultaten")
                            .format(commitment=commitment.id),
                            _("write a new workbook with `convenant new realisation --xlsx`, or copy its rows back"))
            continue
        missing += _commitment(commitment, rows_of, reading, facts)
    if not any(problem.location.file.startswith(f"{reading.name}:Resultaten") for problem in reading.problems):
        for commitment_id, indicator, year in missing:  # a row taken away, when no other row explains it
            reading.problem("CV521", "Resultaten", _("{commitment}: no row for {indicator} (work year {year})")
                            .format(commitment=commitment_id, indicator=indicator,
                                    year=year if year is not None else "—"), _(FILL_IN))


def _commitment(commitment: ResultCommitment, rows: list[list[Cell]], reading: Reading,
                facts: Facts) -> list[tuple[str, str, int | None]]:
    """Read one commitment's rows; return its targets without a row (unless the auditor judged it)."""
    entry: dict[str, object] = {}
    verdict_cell = None
    for cells in rows:
        verdict = read_yes_no(cells[5], reading, "Oordeel auditor", empty=None)
        if verdict is None:
            continue
        if verdict_cell is not None and entry["achieved"] != verdict:
            reading.at("CV103", cells[5], _("{commitment}: the auditor's verdict differs from row {row}")
                       .format(commitment=commitment.id, row=verdict_cell.row))
            continue
        verdict_cell = verdict_cell or cells[5]
        entry["achieved"] = verdict
    note_cell = next((cells[6] for cells in rows if read_text(cells[6]) is not None), None)
    if note_cell is not None:
        entry["note"] = read_text(note_cell)
    first = rows[0]
    entry[AT] = {"": first[0].row_where, "achieved": (verdict_cell or first[5]).where,
                 "note": (note_cell or first[6]).where}
    if verdict_cell is not None and note_cell is None:
        reading.at("CV522", first[6], _("{commitment}: the auditor's verdict has no Toelichting")
                   .format(commitment=commitment.id),
                   _("say where the eindrapport shows it, e.g. Eindrapport p. 14"))
    actuals, missing = _actuals(commitment, rows, reading, judged=verdict_cell is not None)
    if actuals:
        entry["actuals"] = actuals
    if len(entry) > 1:
        facts.results[commitment.id] = entry
    return [(commitment.id, indicator, year) for indicator, year in missing]


def _actuals(commitment: ResultCommitment, rows: list[list[Cell]], reading: Reading,
             judged: bool) -> tuple[list[dict[str, object]], list[tuple[str, int | None]]]:
    targets = {(t.indicator, t.year) for t in commitment.targets or []}
    indicators = Vocabulary(sorted({indicator for indicator, _year in targets}))
    actuals: list[dict[str, object]] = []
    given: dict[tuple[str, int | None], int] = {}
    for cells in rows:
        indicator = read_text(cells[1])
        year_number = read_decimal(cells[2], reading, 0, "Werkjaar")
        year = int(year_number) if year_number is not None else None
        value = read_decimal(cells[4], reading, None, "Gemeten waarde")
        if indicator is None or cells[4].reported or cells[2].reported:
            continue  # a qualitative row, or one reported already
        pair = (indicator, year)
        if pair not in targets:
            reading.at("CV504", cells[1], _("{commitment} has no target {indicator} for work year {year}")
                       .format(commitment=commitment.id, indicator=indicator, year=year if year is not None else "—"),
                       indicators.did_you_mean(indicator))
            continue
        if value is None:
            if not judged:
                reading.at("CV521", cells[4], _("{commitment}: no value for {indicator} (work year {year})")
                           .format(commitment=commitment.id, indicator=indicator,
                                   year=year if year is not None else "—"), _(FILL_IN))
            continue
        if pair in given:
            reading.at("CV211", cells[4], _("{commitment}: a value for {indicator} (work year {year}) is given twice")
                       .format(commitment=commitment.id, indicator=indicator, year=year if year is not None else "—"),
                       _("the other is in row {row}").format(row=given[pair]))
            continue
        given[pair] = cells[4].row
        actual: dict[str, object] = {"indicator": indicator, "value": value}
        if year is not None:
            actual["year"] = year
        actual[AT] = {"": cells[0].row_where, "indicator": cells[1].where, "year": cells[2].where,
                      "value": cells[4].where}
        actuals.append(actual)
    missing = targets - set(given) - {(read_text(c[1]) or "", _year(c)) for c in rows}
    return actuals, [] if judged else sorted(missing, key=str)


def _year(cells: list[Cell]) -> int | None:
    value = cells[2].value
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
