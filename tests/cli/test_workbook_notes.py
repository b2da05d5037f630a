"""A workbook says all the terminal says about each agreement: every note under its table (the cost
cap of R6, eligible costs without a cost statement, each assumption such as the relapse window's
AANNAME, a provisional status), every note of the run on stderr (what waits for the auditor, an
interim view, undated advances), each on the summary under that agreement's total; and each warning,
printed or accepted by a comment with its reason, among the sources. Read back with openpyxl."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.conftest import CONVENANTS, DATA, EXAMPLES

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
HEADING = re.compile(r"^(?:Afrekening|TUSSENTIJDSE STAND|MAXIMA) (?P<id>[a-z0-9-]+) \(")
NOTE = "convenant: opmerking: "


def terminal_notes(stdout: str, stderr: str) -> dict[str, list[str]]:
    """Per agreement, the notes under its table (`* ...`, one a line at this width) and the run's
    notes about it on stderr (`convenant: opmerking: {id}: ...`)."""
    notes: dict[str, list[str]] = {}
    agreement = None
    for line in stdout.splitlines():
        heading = HEADING.match(line)
        if heading:
            agreement = heading.group("id")
            notes.setdefault(agreement, [])
        elif line.startswith(("Per begunstigde over convenant en addenda", "Portefeuille")):
            agreement = None  # the families and the portfolio: no agreement's notes
        elif line.startswith("* ") and agreement is not None:
            notes[agreement].append(line[2:].rstrip())
    for line in stderr.splitlines():
        if line.startswith(NOTE):
            note = line.removeprefix(NOTE)
            agreement = note.split(": ", 1)[0]
            if agreement in notes:
                notes[agreement].append(note)
    return notes


def workbook_notes(path) -> dict[str, list[str]]:
    """Per agreement, the sentences under its total on the summary (a row with no figure)."""
    sheet = load_workbook(path)["Samenvatting"]
    notes: dict[str, list[str]] = {}
    agreement = None
    for name, maximum in sheet.iter_rows(min_row=3, max_col=2, values_only=True):
        if isinstance(name, str) and name.startswith("Totaal ") and maximum is not None:
            agreement = name.removeprefix("Totaal ")
            notes[agreement] = []
        elif name is None:
            agreement = None  # the blank row after an agreement's notes
        elif agreement is not None and maximum is None:
            notes[agreement].append(name)
    return notes


def _settle(run_cli, tmp_path, *args):
    out = tmp_path / "afrekening.xlsx"
    result = run_cli("settle", *args, "--xlsx", out)
    assert result.exit_code == 0, result.stderr
    return terminal_notes(result.stdout, result.stderr), workbook_notes(out), out


def test_every_note_of_the_bundled_generation_is_under_its_agreement(run_cli, tmp_path, monkeypatch, dutch):
    monkeypatch.setenv("COLUMNS", "1000")  # a note on one line
    said, written, _ = _settle(run_cli, tmp_path, CONVENANTS)
    assert sorted(said) == sorted(written) == ["metaal-2023-2025", "metaal-duaal-leren-2023-2025",
                                               "metaal-verlenging-2025-2026", "social-profit-2023-2025"]
    for agreement, notes in said.items():
        assert notes, agreement  # every agreement leaves a rule to its default at least
        missing = [note for note in notes if note not in written[agreement]]
        assert not missing, (agreement, missing)
    metaal = written["metaal-2023-2025"]
    # RTM: effort 59.010,83 + result 16.860,24 = 75.871,07, capped at its cost statement's 72.000,00
    assert ("RTM Vlaams-Brabant vzw: uit te betalen beperkt tot de subsidiabele kosten 72.000,00 (inspanning + "
            "resultaat 75.871,07; R6)") in metaal
    assert any(note.startswith("AANNAME: Hervalvenster in kalenderdagen staat in geen enkel bestand")
               for note in metaal)


def test_the_runs_notes_of_a_provisional_and_an_interim_view_are_in_the_workbook(run_cli, tmp_path, monkeypatch,
                                                                                     dutch):
    monkeypatch.setenv("COLUMNS", "1000")
    said, written, _ = _settle(run_cli, tmp_path, METAAL, "-r", METAAL_REAL)
    notes = written["metaal-2023-2025"]
    assert said["metaal-2023-2025"] and all(note in notes for note in said["metaal-2023-2025"])
    # without the assessment R2 waits: 798.335,17 for certain, 1.022.559,87 if it is met
    assert "VOORLOPIG: R2 wacht op het oordeel van de auditor; zeker uit te betalen 798.335,17, indien behaald " \
           "1.022.559,87" in notes
    assert any(note.startswith("metaal-2023-2025: voorlopig: R2 wacht op het oordeel van de auditor") for note in notes)
    said, written, _ = _settle(run_cli, tmp_path, METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30", "--force")
    notes = written["metaal-2023-2025"]
    assert said["metaal-2023-2025"] and all(note in notes for note in said["metaal-2023-2025"])
    # the example's eight advances carry no date: counted as paid by the day of the view
    assert "metaal-2023-2025: 8 voorschotten hebben geen datum; ze tellen als betaald tegen 2024-09-30" in notes


def test_warnings_printed_and_accepted_are_among_the_sources(run_cli, tmp_path, dutch):
    rate = (DATA / "invalid" / "group-rate.yaml").read_text(encoding="utf-8")  # CV203 on line 11
    accepted = tmp_path / "aanvaard.yaml"
    accepted.write_text(rate.replace("beneficiaries:", "beneficiaries:  # convenant: accept CV203 -- groep a "
                                     "draagt de coördinatie (Art. 1)"), encoding="utf-8")
    printed = tmp_path / "gemeld.yaml"
    printed.write_text(rate, encoding="utf-8")
    for path, kind in ((accepted, "Aanvaarde waarschuwing (CV203)"), (printed, "Waarschuwing (CV203)")):
        out = tmp_path / f"{path.stem}.xlsx"
        result = run_cli("settle", path, "--xlsx", out)
        assert result.exit_code == 0, result.stderr
        assert ("CV203" in result.stderr) is (path == printed)  # accepted: not printed, but in the workbook
        rows = [row for row in load_workbook(out)["Bronnen"].iter_rows(values_only=True) if row[0] == kind]
        assert len(rows) == 1 and str(rows[0][2]).endswith(f"{path.name}:11"), rows
        if path == accepted:
            assert rows[0][3] == "aanvaard: groep a draagt de coördinatie (Art. 1)"


@pytest.mark.parametrize("folder", [False, True])
def test_a_note_shown_once_under_its_own_agreement(run_cli, tmp_path, monkeypatch, dutch, folder):
    """The run's note of one agreement is not under another's total."""
    monkeypatch.setenv("COLUMNS", "1000")
    args = (CONVENANTS,) if folder else (METAAL, "-r", METAAL_REAL)
    _, written, _ = _settle(run_cli, tmp_path, *args)
    for agreement, notes in written.items():
        assert len(notes) == len(set(notes)), agreement
        assert not [note for note in notes if re.match(r"[a-z0-9-]+: ", note) and not note.startswith(agreement)]
