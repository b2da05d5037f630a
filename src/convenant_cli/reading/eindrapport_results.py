"""The sheet Resultaten of an eindrapport workbook (Art. 2): a row per target of each result
commitment, and one for a qualitative commitment. Checked here on its cells, in the sheet's
words, as `validate` checks `results` (every commitment present, a value for each target, a
note for a qualitative commitment and for a self-assessment, a value once per target): each problem
at the cell to fill in. The column Zelfevaluatie is the sector's own word (`achieved:`); the
auditor judges in an assessment of their own. Never prints.
"""

from __future__ import annotations

from collections.abc import Iterable

from convenant_cli.domain.diagnostics import Vocabulary
from convenant_cli.domain.language import N_, _
from convenant_cli.reading.eindrapport_facts import AT, AgreementOutline, CommitmentOutline, Facts, Record
from convenant_cli.reading.eindrapport_format import (
    COMMITMENT,
    INDICATOR,
    MEASURED,
    NOTE,
    RESULTS,
    SELF_ASSESSMENT,
    WORK_YEAR,
)
from convenant_cli.reading.workbook_cells import Reading, Row, read_decimal, read_text, read_yes_no

FILL_IN = N_("fill in Gemeten waarde")


def read_results(rows: Iterable[Row], reading: Reading, agreement: AgreementOutline, facts: Facts) -> None:
    commitments = {c.id: c for c in agreement.commitments}
    by_commitment: dict[str, list[Row]] = {}
    for row in rows:
        if row.blank:
            continue
        facts.rows[RESULTS] = facts.rows.get(RESULTS, 0) + 1
        named = read_text(row[COMMITMENT])
        if named is None or named not in commitments:
            if not row[COMMITMENT].reported:
                reading.at("CV502", row[COMMITMENT], _("result commitment '{commitment}' is not in the agreement")
                           .format(commitment=named or ""), Vocabulary(commitments).did_you_mean(named or ""))
            continue
        by_commitment.setdefault(named, []).append(row)
    missing: list[tuple[str, str, int | None]] = []
    for commitment in agreement.commitments:
        rows_of = by_commitment.get(commitment.id)
        if rows_of is None:
            reading.problem("CV503", RESULTS, _("result commitment {commitment} has no row in {sheet}")
                            .format(commitment=commitment.id, sheet=RESULTS),
                            _("write a new workbook with `convenant new realisation --xlsx`, or copy its rows back"))
            continue
        missing += _commitment(commitment, rows_of, reading, facts)
    if not any(problem.location.file.startswith(f"{reading.name}:{RESULTS}") for problem in reading.problems):
        for commitment_id, indicator, year in missing:  # a row taken away, when no other row explains it
            reading.problem("CV521", RESULTS, _("{commitment}: no row for {indicator} (work year {year})")
                            .format(commitment=commitment_id, indicator=indicator,
                                    year=year if year is not None else "—"), _(FILL_IN))


def _commitment(commitment: CommitmentOutline, rows: list[Row], reading: Reading,
                facts: Facts) -> list[tuple[str, str, int | None]]:
    """Read one commitment's rows; return its targets without a row. The sector's self-assessment
    stands in for no measured value: the auditor judges in an assessment of their own."""
    entry: Record = {}
    assessed = None
    for row in rows:
        verdict = read_yes_no(row[SELF_ASSESSMENT], reading, SELF_ASSESSMENT, empty=None)
        if verdict is None:
            continue
        if assessed is not None and entry["achieved"] != verdict:
            reading.at("CV103", row[SELF_ASSESSMENT], _("{commitment}: the self-assessment differs from row {row}")
                       .format(commitment=commitment.id, row=assessed.row))
            continue
        assessed = assessed or row[SELF_ASSESSMENT]
        entry["achieved"] = verdict
    note_cell = next((row[NOTE] for row in rows if read_text(row[NOTE]) is not None), None)
    if note_cell is not None:
        entry["note"] = read_text(note_cell)
    first = rows[0]
    entry[AT] = {"": first.where, "achieved": (assessed or first[SELF_ASSESSMENT]).where,
                 "note": (note_cell or first[NOTE]).where}
    if assessed is not None and note_cell is None:
        reading.at("CV522", first[NOTE], _("{commitment}: the self-assessment has no Toelichting")
                   .format(commitment=commitment.id),
                   _("say where the eindrapport shows it, e.g. Eindrapport p. 14"))
    actuals, missing = _actuals(commitment, rows, reading)
    if actuals:
        entry["actuals"] = actuals
    if commitment.qualitative and assessed is None and note_cell is None and not first[NOTE].reported:
        reading.at("CV522", first[NOTE],
                   _("{commitment} is qualitative: say in Toelichting where the eindrapport reports on it")
                   .format(commitment=commitment.id),
                   _("the auditor judges it in an assessment; Zelfevaluatie is the sector's own view (optional)"))
    if len(entry) > 1 or commitment.qualitative:  # a qualitative commitment is reported on even when left blank
        facts.results[commitment.id] = entry
    return [(commitment.id, indicator, year) for indicator, year in missing]


def _actuals(commitment: CommitmentOutline, rows: list[Row],
             reading: Reading) -> tuple[list[Record], list[tuple[str, int | None]]]:
    targets = set(commitment.targets)
    indicators = Vocabulary(sorted({indicator for indicator, _year in targets}))
    actuals: list[Record] = []
    given: dict[tuple[str, int | None], int] = {}
    for row in rows:
        indicator = read_text(row[INDICATOR])
        year_number = read_decimal(row[WORK_YEAR], reading, 0, WORK_YEAR)
        year = int(year_number) if year_number is not None else None
        value = read_decimal(row[MEASURED], reading, None, MEASURED)
        if indicator is None or row[MEASURED].reported or row[WORK_YEAR].reported:
            continue  # a qualitative row, or one reported already
        pair = (indicator, year)
        shown_year = year if year is not None else "—"
        if pair not in targets:
            reading.at("CV504", row[INDICATOR], _("{commitment} has no target {indicator} for work year {year}")
                       .format(commitment=commitment.id, indicator=indicator, year=shown_year),
                       indicators.did_you_mean(indicator))
            continue
        if value is None:
            reading.at("CV521", row[MEASURED], _("{commitment}: no value for {indicator} (work year {year})")
                       .format(commitment=commitment.id, indicator=indicator, year=shown_year), _(FILL_IN))
            continue
        if pair in given:
            reading.at("CV211", row[MEASURED], _("{commitment}: a value for {indicator} (work year {year}) is given "
                                                 "twice").format(commitment=commitment.id, indicator=indicator,
                                                                 year=shown_year),
                       _("the other is in row {row}").format(row=given[pair]))
            continue
        given[pair] = row.number
        actual: Record = {"indicator": indicator, "value": value}
        if year is not None:
            actual["year"] = year
        actual[AT] = {"": row.where, "indicator": row[INDICATOR].where, "year": row[WORK_YEAR].where,
                      "value": row[MEASURED].where}
        actuals.append(actual)
    missing = targets - set(given) - {(read_text(row[INDICATOR]) or "", _year(row)) for row in rows}
    return actuals, sorted(missing, key=str)


def _year(row: Row) -> int | None:
    value = row[WORK_YEAR].value
    return int(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
