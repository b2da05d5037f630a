"""The INSZ never leaves whole (issue of 2026-12-07, points 4 and 5).

A value in `insz:` that is no valid INSZ is shown as a valid one is, its last two characters
only, in the message and the excerpt, in every format, and in `import`. A national number
planted in every free-text field of a covenant and its eindrapport (titles, sector, notes,
names, an address, a group, a commitment's text, a consultant's id, a note, a reference) is
masked in every output: the table, the JSON, `--explain`, the workbooks' parts, every file of
the HTML report, `diff`, all 7 formats of `validate`, the fill-in workbook and `import`; and
`validate` warns (CV219) where each stands. Every output is searched for the first nine digits
of each number, with or without separators between any of them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from stdnum.be import bis, nn

from convenant_cli.render.diagnostics import DiagnosticFormat
from tests.conftest import restamp

REAL = "examples/real.yaml"


def _valid(first_nine: str) -> str:
    """A national register (or BIS) number python-stdnum accepts; no checksum written here."""
    return next(candidate for candidate in (f"{first_nine}{check:02d}" for check in range(100))
                if nn.is_valid(candidate) or bis.is_valid(candidate))


def _spelled(number: str, way: int) -> str:
    """The usual spellings of an INSZ."""
    d = number
    return [f"{d[:2]}.{d[2:4]}.{d[4:6]}-{d[6:9]}.{d[9:]}", d, f"{d[:6]} {d[6:9]} {d[9:]}", f"{d[:6]}-{d[6:9]}.{d[9:]}",
            f"{d[:2]} {d[2:4]} {d[4:6]} {d[6:9]} {d[9:]}"][way % 5]


def _leak(number: str) -> re.Pattern[str]:
    """The first nine digits of `number`, with or without a separator between any two."""
    return re.compile("[ .-]?".join(number[:9]))


def _assert_hidden(text: str, numbers: list[str], where: str) -> None:
    for number in numbers:
        found = _leak(number).search(text)
        assert found is None, f"{where}: {number} shows as {found.group(0) if found else ''}"


def _parts(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())


# The free-text fields planted: (file, text as written, the text with a number in it)
FIELDS = [
    ("metaal.yaml", "title: Sectorconvenant 2023-2025 Metaal- en Technologische Industrie",
     "title: Sectorconvenant 2023-2025 Metaal- en Technologische Industrie {n}"),
    ("metaal.yaml", "sector: Metaal- en Technologische Industrie", "sector: Metaal {n}"),
    ("metaal.yaml", "notes: >-\n  Art. 1 b)", "notes: >-\n  Dossier {n}. Art. 1 b)"),
    ("metaal.yaml", "  - group: a\n", "  - group: a {n}\n"),
    ("metaal.yaml", "      - name: INOM vzw - Instituut", "      - name: INOM vzw {n} - Instituut"),
    ("metaal.yaml", "    title: Bereiken van werkvloeren", "    title: Bereiken {n} van werkvloeren"),
    ("metaal.yaml", "    qualitative: >-\n", "    qualitative: >-\n      Contact {n}.\n"),
    ("examples/real.yaml", "note: Eindrapport p. 14", "note: Eindrapport p. 14 ({n})"),
    ("examples/real.yaml", "      - name: Consulent A\n", "      - name: Consulent A {n}\n"),
    ("examples/real.yaml", "{name: Consulent B, fte: 1.0}", "{{name: Consulent B, id: \"B {n}\", fte: 1.0}}"),
    ("examples/real.yaml", "  - {beneficiary: 0409.845.289, amount: 196100.00}",
     "  - {{beneficiary: 0409.845.289, amount: 196100.00, reference: \"overschrijving {n}\"}}"),
    ("examples/real.yaml", "advances:", "notes: \"Opgemaakt door {n}\"\nadvances:"),
]
NUMBERS = [_valid(f"{first}") for first in ("770412101", "801231222", "850731003", "900101123", "660606303",
                                             "720229404", "750815505", "811111606", "680303707", "930930808",
                                             "590101909", "880808012")]


@pytest.fixture
def planted(project):
    """The Metaal covenant and its eindrapport with a national number in each free-text field,
    each spelled in one of the usual ways; an address with one too."""
    for (name, old, new), (way, number) in zip(FIELDS, enumerate(NUMBERS), strict=True):
        path = project / name
        text = path.read_text(encoding="utf-8")
        assert old in text, old
        path.write_text(text.replace(old, new.format(n=_spelled(number, way)), 1), encoding="utf-8")
    covenant = project / "metaal.yaml"
    text = covenant.read_text(encoding="utf-8")
    address = re.search(r"address: ([^\n]+)", text)
    assert address is not None
    extra = _valid("700101321")
    covenant.write_text(text.replace(address.group(0), f"address: \"{address.group(1)} (bus {extra})\"", 1),
                        encoding="utf-8")
    restamp(project)
    return project, [*NUMBERS, extra]


def test_every_output_masks_a_national_number_in_free_text(run_cli, planted):
    project, numbers = planted
    runs = {
        "table": ["settle", "metaal.yaml", "-r", REAL],
        "explain": ["settle", "metaal.yaml", "-r", REAL, "--explain"],
        "json": ["settle", "metaal.yaml", "-r", REAL, "--format", "json", "--explain"],
        "maxima": ["settle", "metaal.yaml"],
        "skeleton": ["new", "realisation", "metaal.yaml"],
    }
    for where, args in runs.items():
        result = run_cli(*args)
        assert result.exit_code == 0, (where, result.stdout, result.stderr)
        _assert_hidden(result.stdout + result.stderr, numbers, where)
    assert run_cli("settle", "metaal.yaml", "-r", REAL, "--xlsx", "afrekening.xlsx", "--html", "rapport").exit_code == 0
    _assert_hidden(_parts(project / "afrekening.xlsx"), numbers, "settle --xlsx")
    pages = sorted((project / "rapport").rglob("*"))
    assert len([page for page in pages if page.suffix == ".html"]) >= 3
    for page in pages:
        if page.is_file():
            _assert_hidden(page.read_text(encoding="utf-8", errors="replace"), numbers, str(page))
    # the masked form is there: the text is kept, only the number is not
    assert "Consulent A ***" in run_cli("settle", "metaal.yaml", "-r", REAL, "--explain").stdout


def test_diff_masks_a_national_number_in_free_text(run_cli, planted):
    project, numbers = planted
    changed = project / "examples" / "changed.yaml"
    text = (project / REAL).read_text(encoding="utf-8")
    changed.write_text(text.replace("Opgemaakt door", "Nagekeken door").replace("value: 188", "value: 199"),
                       encoding="utf-8")
    for args in ([], ["--format", "json"], ["--xlsx", "verschil.xlsx"]):
        result = run_cli("diff", REAL, "examples/changed.yaml", *args)
        assert result.exit_code == 1, result.stdout + result.stderr
        _assert_hidden(result.stdout + result.stderr, numbers, f"diff {args}")
    _assert_hidden(_parts(project / "verschil.xlsx"), numbers, "diff --xlsx")
    covenant = run_cli("diff", "metaal.yaml", REAL.replace("examples/real.yaml", "metaal.yaml"))
    _assert_hidden(covenant.stdout + covenant.stderr, numbers, "diff of a covenant with itself")


@pytest.mark.parametrize("output_format", [f.value for f in DiagnosticFormat])
def test_validate_warns_where_each_number_stands_and_shows_none(run_cli, planted, output_format):
    _project, numbers = planted
    result = run_cli("validate", "--format", output_format, "metaal.yaml", REAL)
    assert result.exit_code == 0, result.stdout + result.stderr  # warnings only
    _assert_hidden(result.stdout + result.stderr, numbers, output_format)
    assert result.stdout.count("CV219") >= len(numbers) if output_format != "sarif" else "CV219" in result.stdout


def test_the_warning_names_the_line_and_column(run_cli, planted):
    project, _numbers = planted
    result = run_cli("validate", REAL)
    lines = (project / REAL).read_text(encoding="utf-8").splitlines()
    number = next(index for index, line in enumerate(lines, 1) if line.startswith("      - name: Consulent A "))
    assert f"examples/real.yaml:{number}:15: warning[CV219]: a national number (INSZ) in free text, masked in " \
           "every output: " in result.stdout


def test_the_fill_in_workbook_and_import_mask_a_national_number(run_cli, planted):
    project, numbers = planted
    written = run_cli("new", "realisation", "metaal.yaml", "--xlsx", "invul.xlsx", "--from", REAL)
    assert written.exit_code == 0, written.stdout + written.stderr
    _assert_hidden(_parts(project / "invul.xlsx"), numbers, "new --xlsx --from")
    # a sector types a number into a free-text cell: warned at the cell, masked in the YAML
    typed = _valid("820202202")
    book = load_workbook(project / "invul.xlsx")
    book["Voorschotten"]["C2"].value = f"factuur {_spelled(typed, 0)}"
    book.save(project / "invul.xlsx")
    imported = run_cli("import", "invul.xlsx")
    assert imported.exit_code == 0, imported.stdout + imported.stderr
    _assert_hidden(imported.stdout + imported.stderr, [*numbers, typed], "import")
    assert f"invul.xlsx:Voorschotten!C2: warning[CV219]: a national number (INSZ) in free text, masked in every " \
           f"output: **.**.**-***.{typed[-2:]}" in imported.stderr


# Point 4: a value in `insz:` that is no INSZ is shown as one is: its last two characters


MALFORMED = {
    "850731003289": "850731003289",  # one digit too many
    "'0102031234X'": "0102031234X",
    "'0102031234'": "0102031234",  # one too few
    "85073100328.0": "85073100328.0",
    "[85073100328]": None,  # not text at all
}


@pytest.mark.parametrize("output_format", [f.value for f in DiagnosticFormat])
@pytest.mark.parametrize("written", sorted(MALFORMED))
def test_a_malformed_insz_is_masked_in_its_message_and_excerpt(run_cli, project, written, output_format):
    real = project / REAL
    text = real.read_text(encoding="utf-8")
    consultant = "      - name: Consulent A\n"
    real.write_text(text.replace(consultant, f"{consultant}        insz: {written}\n"), encoding="utf-8")
    result = run_cli("validate", "--format", output_format, REAL)
    assert result.exit_code == 1
    shown = result.stdout + result.stderr
    value = MALFORMED[written]
    digits = re.sub("[^0-9X]", "", written)
    assert digits[:-2] not in shown and digits[:7] not in shown, shown
    if value is not None:
        assert "CV218" in shown and f"**.**.**-***.{value[-2:]}" in shown
    if output_format == "text":  # the excerpt under the message
        excerpt = next(line for line in result.stdout.splitlines() if "insz:" in line and " | " in line)
        assert excerpt.endswith(written[-2:] if written[-1].isalnum() else written[-3:])
    settled = run_cli("settle", "metaal.yaml", "-r", REAL)
    assert digits[:-2] not in settled.stdout + settled.stderr


def test_an_insz_typed_as_a_number_in_the_workbook_is_refused_without_its_digits(run_cli, project):
    assert run_cli("new", "realisation", "metaal.yaml", "--xlsx", "w.xlsx", "--from", REAL).exit_code == 0
    book = load_workbook(project / "w.xlsx")
    book["Consulenten"]["I2"].value = 1020312345  # 01.02.03-123.45 typed as a number: its leading 0 gone
    book.save(project / "w.xlsx")
    number = run_cli("import", "w.xlsx")
    assert number.exit_code == 1
    assert "w.xlsx:Consulenten!I2: error[CV103]: INSZ: typed as a number, which loses a leading 0" in number.stderr
    book["Consulenten"]["I2"].value = "0102031234X"
    book.save(project / "w.xlsx")
    text = run_cli("import", "w.xlsx")
    assert text.exit_code == 1
    assert "w.xlsx:Consulenten!I2: error[CV218]: INSZ: invalid INSZ '**.**.**-***.4X'" in text.stderr
    shown = number.stdout + number.stderr + text.stdout + text.stderr
    assert "10203123" not in shown and "01020312" not in shown
