"""A sector repository that attacks the runner: wide lines, adversarial lines for every
scan, symlinks out of the project and in loops, outputs aimed at inputs, digits of other
scripts, a zip date past 2107, UTF-16, a value said twice. Work is bounded by counting
calls and bytes, never by reading the clock."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from convenant_cli.reading.dependants import referenced_paths
from convenant_cli.render.diagnostics.text import EXCERPT
from tests.conftest import CONVENANTS, counted_work

SECRET = "AKIA-SECRET-OF-THE-RUNNER"
FORMATS = ["text", "json", "github", "gitlab", "sarif", "junit", "azure"]


def wide_covenant(members: int) -> str:
    """A covenant whose members sit on one flow-style line, each with a checksum error in
    its enterprise number and IBAN: two problems per member, all on line 13."""
    items = ", ".join(f"{{name: M{i}, enterprise_number: 0409.845.28{i % 9}, iban: BE25 2100 0498 8883, "
                      f"address: Straat {i}}}" for i in range(members))
    return ("schema_version: 1\nkind: convenant\nid: wide\ntitle: Wide\nsector: Test\n"
            "period: {start: 2023-07-01, end: 2025-06-30}\nmax_subsidy: 106000.00\nfte: 1.00\n"
            "beneficiaries:\n  - group: a\n    amount_each: 106.00\n    fte_each: 0.01\n"
            f"    members: [{items}]\n"
            "result_commitments:\n  - {id: R1, title: t, qualitative: q}\n")


# -- 1. reports linear in their input ------------------------------------------------------

def test_a_70_kb_line_with_two_thousand_problems_gives_a_small_report_in_bounded_memory(tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text(wide_covenant(750))
    assert 70_000 < path.stat().st_size < 80_000
    # the peak of this process's own memory: VmHWM, which starts anew at exec (ru_maxrss on Linux
    # keeps the peak of the process it was forked from, a pytest worker that grows with the run)
    script = ("import resource, sys\nfrom convenant_cli.cli import main\nsys.argv = ['convenant', 'validate', "
              f"{str(path)!r}]\ntry:\n    main()\nexcept SystemExit as e:\n    code = e.code\n"
              "try:\n    peak = int(next(line for line in open('/proc/self/status') if line.startswith('VmHWM:'))"
              ".split()[1])\nexcept OSError:\n    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
              "sys.stderr.write('RSS %d\\n' % peak)\nsys.exit(code)\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=tmp_path, timeout=60)
    assert run.returncode == 1
    report = run.stdout
    assert report.count(b"error[CV207]") == 750 and report.count(b"error[CV206]") == 750
    assert len(report) < 5_000_000, len(report)  # was 210 MB with the whole line under each problem
    longest = max(len(line) for line in report.decode().splitlines())
    assert longest < EXCERPT + 200, longest  # a window of the line, not the line
    rss_kb = int(run.stderr.decode().split("RSS ")[1])
    assert rss_kb < 300_000, rss_kb  # was 0,7 GB; about 80 MB now


def test_the_window_shows_the_column_with_its_caret_and_marks_the_cuts(run_cli, tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text(wide_covenant(300))
    lines = run_cli("validate", path).stdout.splitlines()
    first_cut = next(i for i, line in enumerate(lines) if line.startswith("   13 | …"))
    excerpt, caret = lines[first_cut], lines[first_cut + 1]
    assert excerpt.endswith("…")
    column = caret.index("^")
    assert excerpt[column:].startswith(("0409.845.28", "BE25 2100"))  # the caret points at the value


def test_settle_and_diff_print_their_problems_windowed_too(run_cli, tmp_path):
    path = tmp_path / "wide.yaml"
    path.write_text(wide_covenant(300))
    for args in (["settle", path], ["diff", path, path]):
        result = run_cli(*args)
        assert result.stderr.count("error[CV207]") == 300
        assert max(len(line) for line in result.stderr.splitlines()) < EXCERPT + 200


# -- 2. linear scans ---------------------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda n: "parent: a" + " " * n + "x",
    lambda n: "settle:\n  -" + " " * n + "x",
    lambda n: "realisation: [" + "a," * (n // 2) + "]",
    lambda n: "convenant" + " " * n + ":",
    lambda n: "settle:\n" + "  - a\n" * (n // 6),
], ids=["spaces-after-value", "spaces-in-item", "many-items", "spaces-before-colon", "many-lines"])
def test_the_dependants_scan_is_linear_on_an_adversarial_line(make):
    with counted_work() as short:
        referenced_paths(make(4_000))
    with counted_work() as long:
        referenced_paths(make(40_000))
    assert long.calls <= 11 * short.calls + 100  # ten times the text, at most ten times the work


def test_a_40000_space_line_costs_validate_less_than_three_times_the_run_without_dependants(run_cli, project):
    (project / ".git").mkdir()
    (project / "docs.yml").write_text("parent: a" + " " * 40_000 + "x\n")
    with counted_work() as alone:
        run_cli("validate", "--no-dependants", "metaal.yaml")
    with counted_work() as with_dependants:
        result = run_cli("validate", "metaal.yaml")
    assert result.exit_code == 0
    assert with_dependants.calls < 3 * alone.calls, (with_dependants.calls, alone.calls)


# -- 3. and 4. symlinks confined, loops reported -----------------------------------------

@pytest.fixture
def secret(tmp_path_factory):
    outside = tmp_path_factory.mktemp("home") / "credentials"
    outside.write_text(f"aws_access_key_id = {SECRET}\nkind: convenant\nmax_subsidy: 1\n")
    return outside


@pytest.mark.parametrize("output_format", FORMATS)
def test_a_link_out_of_the_project_is_refused_and_never_echoed(run_cli, project, secret, output_format):
    (project / "aws.yaml").symlink_to(secret)
    for args in (["."], ["aws.yaml"]):
        result = run_cli("validate", "--format", output_format, *args)
        assert result.exit_code == 1
        assert SECRET not in result.stdout + result.stderr
        assert "CV308" in result.stdout
    for args in (["settle", "aws.yaml"], ["diff", "aws.yaml", "metaal.yaml"], ["settle", "metaal.yaml", "-r",
                                                                             "aws.yaml"]):
        result = run_cli(*args)
        assert result.exit_code in (1, 2) and SECRET not in result.stdout + result.stderr
        assert "CV308" in result.stderr


def test_a_link_inside_the_project_is_read(run_cli, project):
    (project / "link.yaml").symlink_to(project / "metaal.yaml")
    result = run_cli("validate", "link.yaml")
    assert result.exit_code == 0, result.stdout


def test_a_loop_and_a_dangling_link_are_io_errors_after_the_other_problems(run_cli, project):
    (project / "loop.yaml").symlink_to(project / "loop.yaml")
    (project / "gone.yaml").symlink_to(project / "nothing.yaml")
    (project / "bad.yaml").write_text((project / "metaal.yaml").read_text().replace("fte: 11.0 ", "fte: elf "))
    result = run_cli("validate", ".")
    assert result.exit_code == 2
    assert "bad.yaml" in result.stdout and "error[CV103]" in result.stdout  # not hidden
    assert "convenant: error: loop.yaml: a loop of symbolic links" in result.stderr
    assert "convenant: error: gone.yaml: a symbolic link to a file that does not exist" in result.stderr
    assert result.stderr.index("files checked") < result.stderr.index("loop.yaml")
    named = run_cli("validate", "loop.yaml", "metaal.yaml")
    assert named.exit_code == 2 and "a loop of symbolic links" in named.stderr
    assert "internal error" not in result.stderr + named.stderr


def test_a_loop_anywhere_does_not_break_the_dependants_search(run_cli, project):
    (project / ".git").mkdir()
    (project / "loop.yaml").symlink_to(project / "loop.yaml")
    result = run_cli("validate", "metaal.yaml")
    assert result.exit_code == 0, result.stderr
    assert "3 files checked (2 referring to a given file)" in result.stderr  # its eindrapport and assessment


# -- 5. outputs never replace inputs -------------------------------------------------------

@pytest.mark.parametrize("target", ["examples/real.yaml", "metaal.yaml", "hard.yaml", "soft.yaml"])
def test_no_output_replaces_an_input(run_cli, project, target):
    os.link(project / "examples" / "real.yaml", project / "hard.yaml")
    (project / "soft.yaml").symlink_to(project / "metaal.yaml")
    before = {p: p.read_bytes() for p in (project / "metaal.yaml", project / "examples" / "real.yaml")}
    for args in (["settle", "metaal.yaml", "-r", "examples/real.yaml", "--xlsx", target, "--force"],
                 ["diff", "metaal.yaml", "metaal.yaml", "-r", "examples/real.yaml", "--xlsx", target, "--force"],
                 ["validate", "examples/real.yaml", "--output", target, "--force"]):
        result = run_cli(*args)
        assert result.exit_code == 2, (args, result.stderr)
        assert "never replaced" in result.stderr or "is one of the files being checked" in result.stderr
    assert {p: p.read_bytes() for p in before} == before


# -- 6. ASCII digits only ----------------------------------------------------------------

@pytest.mark.parametrize("written", ["١١٦٦٠٠٠.00", "１166000.00", "𝟏166000.00", "1166000.٠٠"])
def test_digits_of_other_scripts_are_cv107(run_cli, project, written):
    text = (project / "metaal.yaml").read_text().replace("max_subsidy: 1166000.00", f"max_subsidy: {written}")
    (project / "metaal.yaml").write_text(text)
    result = run_cli("validate", "metaal.yaml")
    assert result.exit_code == 1
    assert "error[CV107]: `max_subsidy`:" in result.stdout and "other than the digits 0-9" in result.stdout
    assert run_cli("settle", "metaal.yaml").exit_code == 1


def test_a_date_or_a_case_figure_in_other_digits_is_refused(run_cli, project):
    real = project / "examples" / "real.yaml"
    real.write_text(real.read_text().replace("start: 2024-01-08", "start: ２０２４-01-08", 1))
    assert "error[CV105]" in run_cli("validate", "examples/real.yaml").stdout
    case = project / "case.yaml"
    case.write_text("schema_version: 1\nkind: case\ntitle: t\nreference: Art. 5\nsettle: [metaal.yaml]\n"
                    "expect:\n  totals: {maximum: \"１166000.00\"}\n")
    result = run_cli("validate", "case.yaml")
    assert result.exit_code == 1 and "[CV107]" in result.stdout


# -- 7. to 9. ------------------------------------------------------------------------------

def test_a_source_date_epoch_past_2107_writes_the_workbook(run_cli, project, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "7258118400")  # 2200-01-01
    result = run_cli("settle", "metaal.yaml", "--xlsx", "out.xlsx")
    assert result.exit_code == 0, result.stderr
    import zipfile

    with zipfile.ZipFile(project / "out.xlsx") as archive:
        # the zip entries carry XlsxWriter's fixed date (31 January 1980 for the parts it writes to a
        # temporary file, which holds no earlier date everywhere); the workbook's own properties the date asked for
        assert {info.date_time for info in archive.infolist()} == {(1980, 1, 31, 0, 0, 0)}
        assert "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2200-01-01T00:00:00Z" in archive.read(
            "docProps/core.xml").decode()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_file_is_named_as_such(run_cli, tmp_path, encoding):
    path = tmp_path / "c.yaml"
    path.write_bytes((CONVENANTS / "metaal-2023-2025.yaml").read_text(encoding="utf-8").encode(encoding))
    result = run_cli("validate", path)
    assert result.exit_code == 1
    assert "error[CV001]: UTF-16 text; convenant files are UTF-8" in result.stdout
    assert "hint: save the file as UTF-8" in result.stdout


@pytest.mark.parametrize("written", ["elf", ".inf", ".nan", "''"])
def test_a_wrong_value_is_said_once(run_cli, project, written):
    text = (project / "metaal.yaml").read_text().replace("fte: 11.0 ", f"fte: {written} ", 1)
    (project / "metaal.yaml").write_text(text)
    message = next(line for line in run_cli("validate", "metaal.yaml").stdout.splitlines() if "`fte`" in line)
    assert message.count("got") == 1, message

