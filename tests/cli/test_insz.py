"""An INSZ (Art. 5: a consultant's national register or BIS number) is personal data: no
output of any command shows more of it than its last two digits. Every output is searched
for the whole number and for its first nine digits, with and without separators."""

from __future__ import annotations

import json
import zipfile

import pytest
from stdnum.be import nn

from tests.conftest import settlement

REAL = "examples/real.yaml"


def _valid_insz(first_nine: str) -> str:
    """A national register number that python-stdnum accepts (no checksum written here)."""
    return next(candidate for candidate in (f"{first_nine}{check:02d}" for check in range(100))
                if nn.is_valid(candidate))


FIRST, SECOND = _valid_insz("850730033"), _valid_insz("900101123")


def _forms(number: str) -> list[str]:
    """The number and its first nine digits, written with and without separators."""
    dotted = f"{number[:2]}.{number[2:4]}.{number[4:6]}-{number[6:9]}.{number[9:]}"
    return [number, dotted, number[:9], dotted[:12], f"{number[:6]}-{number[6:9]}"]


def _assert_hidden(text: str, *numbers: str) -> None:
    for number in numbers:
        for form in _forms(number):
            assert form not in text, form


def _workbook_text(path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(name).decode("utf-8") for name in archive.namelist())


@pytest.fixture
def with_insz(project):
    real = project / "examples" / "real.yaml"
    text = real.read_text(encoding="utf-8")
    assert "      - name: Consulent A\n        fte: 1.0\n" in text
    real.write_text(text.replace("      - name: Consulent A\n        fte: 1.0\n",
                                 f"      - name: Consulent A\n        fte: 1.0\n        insz: {FIRST}\n"),
                    encoding="utf-8")
    return project


def test_settle_shows_only_the_last_two_digits(run_cli, with_insz):
    for args in ([], ["--explain"], ["--format", "json", "--explain"]):
        result = run_cli("settle", "metaal.yaml", "-r", REAL, *args)
        assert result.exit_code == 0, result.stderr
        _assert_hidden(result.stdout + result.stderr, FIRST)
    consultant = settlement(run_cli("settle", "metaal.yaml", "-r", REAL, "--format", "json").stdout)
    inom = consultant["beneficiaries"][0]["consultants"][0]
    assert (inom["name"], inom["insz"]) == ("Consulent A", f"**.**.**-***.{FIRST[-2:]}")
    out = with_insz / "afrekening.xlsx"
    assert run_cli("settle", "metaal.yaml", "-r", REAL, "--xlsx", out).exit_code == 0
    book = _workbook_text(out)
    _assert_hidden(book, FIRST)
    assert f"**.**.**-***.{FIRST[-2:]}" in book


@pytest.mark.parametrize("output_format", ["text", "json", "github", "gitlab", "sarif", "junit", "azure"])
def test_a_wrong_insz_and_its_line_are_masked_in_every_report(run_cli, with_insz, output_format):
    real = with_insz / "examples" / "real.yaml"
    wrong = FIRST[:-1] + str((int(FIRST[-1]) + 1) % 10)  # one check digit off
    text = real.read_text(encoding="utf-8").replace(f"insz: {FIRST}", f"insz: {wrong}, nonsense: {FIRST}")
    text = text.replace(f"insz: {wrong}, nonsense: {FIRST}", f"insz: {wrong}\n        nonsense: [{FIRST}]")
    real.write_text(text, encoding="utf-8")
    result = run_cli("validate", "--format", output_format, REAL)
    assert result.exit_code == 1
    assert "CV218" in result.stdout and "CV101" in result.stdout  # the wrong number, and the unknown key
    _assert_hidden(result.stdout + result.stderr, FIRST, wrong)
    settled = run_cli("settle", "metaal.yaml", "-r", REAL)
    _assert_hidden(settled.stdout + settled.stderr, FIRST, wrong)


def test_a_long_line_cut_through_an_insz_shows_none_of_its_digits(run_cli, with_insz):
    real = with_insz / "examples" / "real.yaml"
    text = real.read_text(encoding="utf-8")
    # `note:` is no key of a consultant (CV101, column 9): the excerpt shows the line's first 120
    # characters, and the INSZ stands across that edge, from character 113 on
    line = "        note: " + "x" * 99 + FIRST + " en meer tekst" * 3
    assert line.index(FIRST) == 113 and len(line) > 130
    real.write_text(text.replace(f"        insz: {FIRST}\n", f"        insz: {FIRST}\n{line}\n"), encoding="utf-8")
    result = run_cli("validate", REAL)
    assert result.exit_code == 1 and "error[CV101]: unknown key `note`" in result.stdout
    excerpt = next(out for out in result.stdout.splitlines() if "xxxx" in out)
    assert excerpt.endswith("…") and "*******" in excerpt  # cut inside the number, and masked before the cut
    assert FIRST[:5] not in result.stdout


def test_diff_says_only_that_the_insz_changed(run_cli, with_insz, tmp_path, dutch):
    real = with_insz / "examples" / "real.yaml"
    changed = with_insz / "examples" / "changed.yaml"
    changed.write_text(real.read_text(encoding="utf-8").replace(f"insz: {FIRST}", f"insz: {SECOND}"),
                       encoding="utf-8")
    table = run_cli("diff", REAL, "examples/changed.yaml")
    assert table.exit_code == 1 and "INSZ gewijzigd" in table.stdout
    data = json.loads(run_cli("diff", REAL, "examples/changed.yaml", "--format", "json").stdout)
    [change] = [c for c in data["changes"] if c["field"] == "insz"]
    assert (change["old"], change["new"]) == (None, None)
    out = tmp_path / "verschil.xlsx"
    assert run_cli("diff", REAL, "examples/changed.yaml", "--xlsx", out).exit_code == 1
    everything = table.stdout + table.stderr + json.dumps(data) + _workbook_text(out)
    _assert_hidden(everything, FIRST, SECOND)


def test_the_fill_in_workbook_and_its_import_keep_the_insz_hidden(run_cli, with_insz):
    result = run_cli("new", "realisation", "metaal.yaml", "--xlsx", "invul.xlsx", "--from", REAL)
    assert result.exit_code == 0, result.stderr
    book = _workbook_text(with_insz / "invul.xlsx")
    _assert_hidden(book + result.stdout + result.stderr, FIRST)
    assert f"**.**.**-***.{FIRST[-2:]}" in book
    imported = run_cli("import", "invul.xlsx")
    assert imported.exit_code == 0, imported.stdout
    _assert_hidden(imported.stdout + imported.stderr, FIRST)
    assert "insz" not in imported.stdout  # a masked INSZ is left out, not written back half
