"""Nothing silently misread, cut off, crashed or leaked (issue: trust in every figure).

Each test is a case a new user ran into: the exit status and the message it now gets.
"""

from __future__ import annotations

import json
import os
import re
import time
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from convenant_cli.domain.money import format_eur, format_number
from tests.conftest import CONVENANTS, DATA, EXAMPLES, ROOT, counted_run, settlement

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"
SMALL = DATA / "valid" / "small-convenant.yaml"
SMALL_REAL = DATA / "valid" / "small-realisation.yaml"


def clean(result, status: int) -> str:
    """The run's whole output, after checking its status and that nothing crashed."""
    output = result.stdout + result.stderr
    assert result.exit_code == status, output
    assert "Traceback" not in output and "internal error" not in output
    return output


def edit(path: Path, old: str, new: str) -> int:
    """Replace the first `old` in the file; return its line number."""
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


# -- Belgian thousands separators and other number notations ----------------------------

@pytest.mark.parametrize("old, new", [
    ("{beneficiary: 0433.981.067, amount: 72080.00}", "{beneficiary: 0433.981.067, amount: 72.000}"),
    ("{beneficiary: 0409.845.289, amount: 196100.00}", "{beneficiary: 0409.845.289, amount: 196.100}"),
    ("{indicator: opgeleide werkzoekenden, year: 1, value: 312}",
     "{indicator: opgeleide werkzoekenden, year: 1, value: 1.105}"),
])
def test_a_thousands_separator_is_refused_on_its_line(run_cli, project, old, new):
    line = edit(project / "examples" / "real.yaml", old, new)
    written = new.split(": ")[-1].rstrip("}")
    for command in (["validate", "examples/real.yaml"], ["settle", "metaal.yaml", "-r", "examples/real.yaml"]):
        output = clean(run_cli(*command), 1)
        assert re.search(rf"examples/real.yaml:{line}:\d+: error\[CV106\]: .*'{re.escape(written)}' is written with "
                         "a thousands separator", output)
        assert f"hint: remove the thousands separators: write {written.replace('.', '')}" in output


def test_max_subsidy_with_thousands_separators_and_a_quoted_amount(run_cli, project):
    line = edit(project / "metaal.yaml", "max_subsidy: 1166000.00", "max_subsidy: 1.166.000")
    output = clean(run_cli("validate", "metaal.yaml"), 1)
    assert f"metaal.yaml:{line}:14: error[CV106]" in output
    edit(project / "metaal.yaml", "max_subsidy: 1.166.000", "max_subsidy: '1166000.00'")
    output = clean(run_cli("validate", "metaal.yaml"), 1)
    assert f"metaal.yaml:{line}:14: error[CV107]: `max_subsidy`: a number is written without quotes" in output
    assert "hint: remove the quotes: the schema says number" in output


@pytest.mark.parametrize("written", ["1.0e-999999999", "1e5", "0x1F", "1_000", "12:30", ".5", "1" * 25])
def test_other_number_notations_are_refused_quickly_and_briefly(run_cli, project, written):
    line = edit(project / "examples" / "real.yaml", "amount: 72080.00}", f"amount: {written}}}")
    result, work = counted_run(run_cli, "settle", "metaal.yaml", "-r", "examples/real.yaml")
    assert work.calls < 100_000, work.calls  # about 30.000 calls for the whole run
    output = clean(result, 1)
    assert re.search(rf"examples/real.yaml:{line}:\d+: error\[CV10[37]\]", output)
    assert len(output) < 5_000  # the bad value is quoted, not expanded


@pytest.mark.parametrize("written", ["0.125", "0.70", "1166000.00", "11.0", "1000.000"])
def test_decimals_that_are_not_thousands_separators_are_read(written):
    from convenant_cli.models.fields import parse_decimal

    assert parse_decimal(written) == Decimal(written)


def test_counts_and_days_refuse_exponents(run_cli, project):
    line = edit(project / "metaal.yaml", "guaranteed_wage_days: 30", "guaranteed_wage_days: 3.0e+1")
    output = clean(run_cli("validate", "metaal.yaml"), 1)
    assert f"metaal.yaml:{line}:25: error[CV107]" in output


def test_negative_zero_shows_as_zero(run_cli, project):
    edit(project / "examples" / "real.yaml", "amount: 72080.00}", "amount: -0.0}")
    result = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--format", "json")
    clean(result, 0)
    antwerpen = settlement(result.stdout)["beneficiaries"][1]
    assert antwerpen["advances"] == "0.00"
    table = clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml"), 0)
    assert "-0,00" not in table


# -- figures are never cut ---------------------------------------------------------------

FIGURES = ("maximum", "deduction", "shortfall_fte_days", "effort", "result", "payable", "advances", "balance")


def _figures(data: dict) -> set[str]:
    found = set()
    for item in data["beneficiaries"] + [data["totals"]]:
        for key in FIGURES:
            value = item[key]
            if key == "shortfall_fte_days":
                found.add(format_number(Decimal(value)))
            elif value is not None:
                found.add(format_eur(Decimal(value)))
    return found


@pytest.mark.parametrize("width", [80, 100, 140])
def test_no_figure_is_cut_at_80_100_or_140_columns(run_cli, monkeypatch, width, dutch):
    data = settlement(run_cli("settle", METAAL, "-r", METAAL_REAL,
                              "--assessment", METAAL_JUDGED, "--format", "json").stdout)
    monkeypatch.setenv("COLUMNS", str(width))
    table = clean(run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED), 0)
    assert "…" not in table
    assert max(len(line) for line in table.splitlines()) <= width
    cells = set(re.findall(r"-?[\d.]+,\d\d", table))
    assert _figures(data) <= cells, sorted(_figures(data) - cells)
    for line in data["beneficiaries"]:
        assert line["name"].split()[0] in table


@pytest.mark.parametrize("width", [80, 100, 140])
def test_diff_and_combined_tables_keep_every_figure(run_cli, monkeypatch, width, dutch):
    monkeypatch.setenv("COLUMNS", str(width))
    diff = clean(run_cli("diff", METAAL, ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"), 1)
    assert "…" not in diff and max(len(line) for line in diff.splitlines()) <= width
    for figure in ("91.160,00", "112.360,00", "21.200,00", "-10.600,00", "1.166.000,00", "0,00"):
        assert figure in diff, figure
    duaal = CONVENANTS / "metaal-duaal-leren-2023-2025.yaml"
    both = clean(run_cli("settle", METAAL, duaal, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "-r",
                         EXAMPLES / "metaal-duaal-leren-2023-2025-realisatie.yaml"), 0)
    assert "…" not in both
    assert "477.717,08" in both  # INOM vzw over both: 348.255,68 + 129.461,40


def test_at_155_columns_the_settlement_is_still_one_table(run_cli, monkeypatch, dutch):
    # nine figure columns since the eligible costs stand beside the payable amount they cap (R6):
    # one column more than fitted in 140
    monkeypatch.setenv("COLUMNS", "155")
    table = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED).stdout
    assert re.search(r"│ +392\.200,00 │ +36,20 │ +5\.249,25 │ .* │ +390\.000,00 │ +348\.255,68 │", table)
    monkeypatch.setenv("COLUMNS", "100")
    stacked = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED).stdout
    assert re.search(r"Vermindering afwezigheid +5\.249,25", stacked)


# -- text from a file is data -------------------------------------------------------------

HOSTILE = r'"INOM [/] [link=https://evil.example]klik[/link] \e[2J \e]0;pwned\a \u202eabc"'


def _hostile(project: Path) -> None:
    edit(project / "metaal.yaml", "name: INOM vzw - Instituut", f"name: {HOSTILE} #")


def _assert_shown_literally(output: str) -> None:
    assert "\x1b" not in output and "\x07" not in output and "\u202e" not in output
    assert "[/]" in output and "[link=https://evil.example]klik[/link]" in output
    assert "␛[2J" in output and "⟨U+202E⟩" in output


def test_markup_and_control_characters_in_a_name_are_shown_literally(run_cli, project):
    _hostile(project)
    for args in (["settle", "metaal.yaml", "-r", "examples/real.yaml", "--explain"], ["settle", "metaal.yaml"]):
        _assert_shown_literally(clean(run_cli(*args), 0))
    changed = project / "new.yaml"
    changed.write_text((project / "metaal.yaml").read_text(encoding="utf-8").replace("klik", "hier"),
                       encoding="utf-8")
    diff = clean(run_cli("diff", "metaal.yaml", "new.yaml"), 1)
    _assert_shown_literally(diff)
    raw = settlement(run_cli("settle", "metaal.yaml", "--format", "json").stdout)
    assert raw["beneficiaries"][0]["name"].startswith("INOM [/] [link=https://evil.example]klik[/link] \x1b[2J")


def test_control_characters_in_a_name_do_not_break_the_workbook(run_cli, project, dutch):
    _hostile(project)
    clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--xlsx", "out.xlsx"), 0)
    name = load_workbook(project / "out.xlsx")["Samenvatting"]["A3"].value
    assert name.startswith("INOM [/] [link=https://evil.example]klik[/link] ␛[2J ␛]0;pwned␇ ⟨U+202E⟩abc")


def test_diagnostic_excerpts_show_control_characters_as_placeholders(run_cli, project):
    path = project / "bad.yaml"
    path.write_text('schema_version: 1\nkind: convenant\n"ke\\e]0;x\\ay\u202e": 1\n', encoding="utf-8")
    output = clean(run_cli("validate", "bad.yaml"), 1)
    assert "\x1b" not in output and "\u202e" not in output
    assert "unknown key `ke␛]0;x␇y⟨U+202E⟩`" in output
    github = run_cli("validate", "--format", "github", "bad.yaml").stdout
    assert "\x1b" not in github and "\u202e" not in github
    as_json = run_cli("validate", "--format", "json", "bad.yaml").stdout
    assert "\u202e" not in as_json and "\\u202e" in as_json
    assert any(d["message"] == "unknown key `ke\x1b]0;x\x07y\u202e`" for d in json.loads(as_json))


# -- references stay inside the project ---------------------------------------------------

SECRET = '{"auths": {"registry.example": {"auth": "c2VjcmV0LXRva2Vu"}}}\n'


def _refer(project: Path, target: str) -> int:
    return edit(project / "examples" / "real.yaml", "convenant: ../metaal.yaml", f"convenant: '{target}'")


def test_an_absolute_reference_is_refused_and_its_file_never_echoed(run_cli, project, tmp_path_factory):
    secret = tmp_path_factory.mktemp("runner") / "config.json"
    secret.write_text(SECRET)
    line = _refer(project, str(secret))
    output = clean(run_cli("validate", "examples/real.yaml"), 1)
    assert f"examples/real.yaml:{line}:12: error[CV304]: `convenant`: '{secret}' is an absolute path" in output
    assert "c2VjcmV0" not in output and "auths" not in output


def test_a_reference_that_leaves_the_project_is_refused(run_cli, project, tmp_path_factory):
    outside = tmp_path_factory.mktemp("outside") / "config.json"
    outside.write_text(SECRET)
    relative = os.path.relpath(outside, project / "examples")
    line = _refer(project, relative)
    output = clean(run_cli("validate", "examples/real.yaml"), 1)
    assert f"examples/real.yaml:{line}:12: error[CV304]" in output and "leaves the project folder" in output
    assert "c2VjcmV0" not in output
    (project / "examples" / "link.yaml").symlink_to(outside)  # a link inside that points outside
    edit(project / "examples" / "real.yaml", relative, "link.yaml")
    output = clean(run_cli("validate", "examples/real.yaml"), 1)
    assert "error[CV304]" in output and "c2VjcmV0" not in output


def test_a_referenced_file_that_is_no_convenant_file_is_never_echoed(run_cli, project):
    (project / "config.json").write_text(SECRET)
    line = _refer(project, "../config.json")
    output = clean(run_cli("validate", "examples/real.yaml"), 1)
    assert f"examples/real.yaml:{line}:12: error[CV307]: `convenant` names '../config.json', which is not a " \
           "convenant file" in output
    assert "c2VjcmV0" not in output and "auths" not in output and "config.json:1" not in output


@pytest.mark.parametrize("make, code, needle", [
    (lambda p: os.mkfifo(p / "fifo.yaml"), "CV305", "is not a regular file"),
    (lambda p: (p / "fifo.yaml").mkdir(), "CV305", "is a folder, not a file"),
    (lambda p: None, "CV306", "too long"),
])
def test_a_reference_to_a_fifo_folder_or_overlong_path_has_its_own_code(run_cli, project, make, code, needle):
    make(project)
    target = "../fifo.yaml" if code == "CV305" else "../" + "x" * 300 + ".yaml"
    line = _refer(project, target)
    other = project / "other.yaml"
    other.write_text(SMALL.read_text().replace("fte: 4.00", "fte: 4.00\nammount: 1"))
    result, work = counted_run(run_cli, "validate", "examples/real.yaml", "other.yaml")
    output = clean(result, 1)
    assert work.calls < 100_000, work.calls  # about 27.000; reading a FIFO would block
    assert re.search(rf"examples/real.yaml:{line}:12: error\[{code}\]: .*{needle}", output)
    assert "other.yaml" in output and "error[CV101]: unknown key `ammount`" in output  # not hidden


def test_inside_a_git_work_tree_the_tree_is_the_root(run_cli, project):
    (project / ".git").mkdir()
    nested = project / "deep" / "er"
    nested.mkdir(parents=True)
    (nested / "real.yaml").write_text((project / "examples" / "real.yaml").read_text().replace(
        "../metaal.yaml", "../../metaal.yaml"))
    os.chdir(nested)  # the current folder does not hold the covenant; the work tree does
    clean(run_cli("validate", "real.yaml"), 0)


# -- reports stay small and fast ----------------------------------------------------------

def test_twenty_thousand_diagnostics_in_text_cost_linear_work(run_cli, project):
    lines = (project / "examples" / "real.yaml").read_text().replace("results:\n", "results:\n" + "".join(
        f"  Q{i}: {{achieved: true, note: x}}\n" for i in range(20_000)))
    (project / "examples" / "real.yaml").write_text(lines)
    result, work = counted_run(run_cli, "validate", "examples/real.yaml")
    clean(result, 1)
    assert result.stdout.count("error[CV502]") == 20_000
    assert work.calls < 300 * 20_000, work.calls  # linear: about 180 calls a diagnostic


def test_did_you_mean_over_thousands_of_ids_stays_fast(run_cli, project):
    commitments = "".join(f"  - {{id: C{i:05d}, title: t, qualitative: q}}\n" for i in range(5_000))
    text = (project / "metaal.yaml").read_text()
    text = text[: text.index("result_commitments:")] + "result_commitments:\n" + commitments
    (project / "metaal.yaml").write_text(text)
    results = "".join(f"  X{i:05d}: {{achieved: true, note: x}}\n" for i in range(5_000))
    (project / "examples" / "real.yaml").write_text(
        "schema_version: 1\nkind: realisation\nconvenant: ../metaal.yaml\nresults:\n" + results)
    result, work = counted_run(run_cli, "validate", "examples/real.yaml")
    assert work.calls < 600 * 5_000, work.calls  # linear: about 370 calls an unknown id
    assert clean(result, 1).count("error[CV502]") == 5_000


def test_a_term_of_ten_thousand_years_is_refused(run_cli, project):
    line = edit(project / "metaal.yaml", "end: 2025-06-30}", "end: 9999-06-30}")
    result, work = counted_run(run_cli, "settle", "metaal.yaml", "-r", "examples/real.yaml")
    output = clean(result, 1)
    assert work.calls < 100_000, work.calls  # about 31.000; a day-by-day walk of the term would be millions
    assert f"metaal.yaml:{line}" in output and "error[CV105]" in output and "outside the dates" in output
    edit(project / "metaal.yaml", "end: 9999-06-30}", "end: 2099-06-30}")
    output = clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml"), 1)
    assert "error[CV215]: the term 2023-07-01 - 2099-06-30 is longer than 10 years" in output


def test_a_year_9999_date_is_refused_not_crashed(run_cli, project):
    line = edit(project / "examples" / "real.yaml", "{start: 2024-01-08, end: 2024-04-30, reason: illness}",
                "{start: 2024-01-08, end: 9999-12-31, reason: illness}")
    output = clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml"), 1)
    assert f"examples/real.yaml:{line}" in output and "9999-12-31 is outside the dates convenant reads" in output


def test_alias_expansion_counts_against_the_text_limit(run_cli, project):
    big = "x" * 100_000
    text = f"schema_version: 1\nkind: convenant\nid: &big {big}\nnotes: [" + ", ".join(["*big"] * 200) + "]\n"
    (project / "bomb.yaml").write_text(text)
    result, work = counted_run(run_cli, "validate", "bomb.yaml")
    assert work.calls < 100_000, work.calls  # about 15.000
    output = clean(result, 1)
    assert "error[CV005]: the file expands to more than 16 MiB of text (YAML aliases)" in output
    assert len(output) < 5_000


# -- dates and identity -------------------------------------------------------------------

def test_a_term_from_29_february_has_two_work_years(run_cli, project):
    edit(project / "metaal.yaml", "period: {start: 2023-07-01, end: 2025-06-30}",
         "period: {start: 2024-02-29, end: 2026-02-28}")
    edit(project / "metaal.yaml", "{indicator: opgeleide werkzoekenden, year: 2, minimum: 300}",
         "{indicator: opgeleide werkzoekenden, year: 3, minimum: 300}")
    output = clean(run_cli("validate", "metaal.yaml"), 1)
    assert "error[CV212]: work year 3 is outside the term (2 work years)" in output


def test_two_consultants_with_one_name_need_an_id(run_cli, project):
    real = project / "examples" / "real.yaml"
    line = edit(real, "      - {name: Consulent C, fte: 1.0}", "      - {name: Consulent B, fte: 1.0}")
    output = clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml"), 1)
    assert f"examples/real.yaml:{line}:9: error[CV515]: two consultants of one beneficiary have the name " \
           "'Consulent B'" in output
    assert "give each an `id:`" in output
    edit(real, "      - {name: Consulent B, fte: 1.0}\n      - {name: Consulent B, fte: 1.0}",
         "      - {name: Consulent B, id: B1, fte: 1.0}\n      - {name: Consulent B, id: B2, fte: 1.0}")
    clean(run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml"), 0)


def test_names_are_compared_after_nfc_normalisation(run_cli, project):
    real = project / "examples" / "real.yaml"
    edit(real, "      - {name: Consulent B, fte: 1.0}\n      - {name: Consulent C, fte: 1.0}",
         "      - {name: \"Jos\\u00e9\", fte: 1.0}\n      - {name: \"Jose\\u0301\", fte: 1.0}")
    output = clean(run_cli("validate", "examples/real.yaml"), 1)
    assert "error[CV515]" in output


# -- I/O ----------------------------------------------------------------------------------

def test_an_unwritable_output_folder_is_exit_2(run_cli, project, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkdtemp", refuse)  # as root, chmod would not stop the write
    output = clean(run_cli("settle", "metaal.yaml", "--xlsx", "out.xlsx"), 2)
    assert "out.xlsx: cannot write (permission denied)" in output


def test_sigterm_and_sighup_leave_no_temporary_file(project):
    import signal

    from convenant_cli.app.staging import write_atomically
    from convenant_cli.cli import install_signal_handlers

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    install_signal_handlers()
    try:
        for sig in (signal.SIGTERM, signal.SIGHUP):
            def write(path: Path, sig=sig) -> None:
                path.write_bytes(b"half a workbook")
                os.kill(os.getpid(), sig)
                time.sleep(1)  # the handler interrupts this

            with pytest.raises(SystemExit) as stopped:
                write_atomically(project / "out.xlsx", write)
            assert stopped.value.code == 128 + sig
            assert sorted(p.name for p in project.iterdir()) == ["examples", "metaal.yaml"]
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def test_force_never_replaces_a_fifo_or_device(run_cli, project):
    os.mkfifo(project / "pipe.xlsx")
    output = clean(run_cli("settle", "metaal.yaml", "--xlsx", "pipe.xlsx", "--force"), 2)
    assert "pipe.xlsx: is not a regular file (a device or pipe); never replaced" in output
    assert (project / "pipe.xlsx").is_fifo()
    output = clean(run_cli("settle", "metaal.yaml", "--xlsx", "/dev/null", "--force"), 2)
    assert "never replaced" in output and Path("/dev/null").is_char_device()


def test_a_write_error_on_stdout_is_exit_2(project):
    import subprocess
    import sys

    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    exe = Path(sys.executable).parent / "convenant"
    with open("/dev/full", "w") as full:
        run = subprocess.run([str(exe), "settle", "metaal.yaml"], stdout=full, stderr=subprocess.PIPE, text=True,
                             timeout=60)
    assert run.returncode == 2, run.stderr
    assert "cannot write to standard output (no space left on the device)" in run.stderr
    assert "Traceback" not in run.stderr and "Exception ignored" not in run.stderr


def test_an_unreadable_subfolder_is_reported_not_skipped(run_cli, project, monkeypatch):
    (project / "locked").mkdir()
    (project / "locked" / "x.yaml").write_text("schema_version: 1\n")
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 would not stop the walk
    output = clean(run_cli("validate", "."), 2)
    assert "locked: cannot read this folder (permission denied)" in output
    assert "3 files checked" in output  # the readable files were still checked
