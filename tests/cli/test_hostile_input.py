"""Untrusted input: every bad file gets a clear message and the right exit status, within
limits of time and size; nothing is executed; nothing the user owns is lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from convenant_cli.reading.source import MAX_FILE_BYTES
from tests.conftest import CONVENANTS, DATA, counted_run

METAAL = CONVENANTS / "metaal-2023-2025.yaml"


def assert_clean_failure(result, status: int, *needles: str) -> None:
    assert result.exit_code == status, (result.stdout, result.stderr)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    for needle in needles:
        assert needle in output, needle


@pytest.mark.parametrize("content, code, needle", [
    (b"schema_version: 1\nkind: convenant\n\tid: x\n", "CV001", "YAML indents with spaces"),
    (b"", "CV004", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "CV001", "not a text file"),
    (b"\xff\xfe\xfa", "CV001", "not UTF-8 text"),
    (b"- schema_version: 1\n- kind: convenant\n", "CV004", "the file holds a list"),
    (b"schema_version: 1\nkind: convenant\nid: [unclosed\n", "CV001", "YAML syntax"),
    (b"schema_version: 1\nkind: convenant\nperiod: {start: 2023-02-30, end: 2025-06-30}\n", "CV105",
     "2023-02-30 is not a calendar date"),
    (b"schema_version: 1\nkind: treaty\n", "CV006", "unknown kind 'treaty'"),
    (b"schema_version: 3\nkind: convenant\n", "CV006", "unsupported schema_version '3'"),
    (b"schema_version: 1\nkind: convenant\nmax_subsidy: {a: 1}\n", "CV103", "max_subsidy"),
    (b"schema_version: 1\nkind: convenant\nx: !!python/object/apply:os.system [touch pwned]\n", "CV003",
     "YAML tag `!!python/object/apply:os.system` is not allowed"),
])
def test_bad_content_is_exit_1_with_a_message(run_cli, tmp_path, content, code, needle):
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    result = run_cli("validate", path)
    assert_clean_failure(result, 1, f"[{code}]", needle)
    settle = run_cli("settle", path)
    assert_clean_failure(settle, 1, f"[{code}]")
    assert not (tmp_path / "pwned").exists() and not Path("pwned").exists()


def test_alias_bomb_ends_quickly_with_a_limit(run_cli, tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 12):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [" + ",".join([f"*{chr(96 + i)}"] * 9) + "]")
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n")
    result, work = counted_run(run_cli, "validate", path)
    assert work.calls < 50_000, work.calls  # about 13.000 for the whole run
    assert_clean_failure(result, 1, "[CV005]", "expands to more than 500 000 values")


def test_5000_levels_of_nesting_end_quickly_with_a_limit(run_cli, tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    result, work = counted_run(run_cli, "validate", path)
    assert work.calls < 50_000, work.calls  # about 12.000 for the whole run
    assert_clean_failure(result, 1, "[CV005]", "nesting deeper than 50 levels")


def test_a_30_mb_file_ends_quickly_with_a_limit(run_cli, tmp_path):
    path = tmp_path / "huge.yaml"
    line = b"- {indicator: bedrijfsbezoeken, year: 1, value: 214}\n"
    path.write_bytes(b"results:\n" + line * (30 * 1024 * 1024 // len(line)))
    assert path.stat().st_size > 29 * 1024 * 1024 > MAX_FILE_BYTES
    result, work = counted_run(run_cli, "validate", path)
    assert work.calls < 50_000, work.calls  # about 12.000: the file is not parsed
    assert_clean_failure(result, 1, "[CV005]", "larger than the limit of 2 MiB")


def test_a_device_is_not_read(run_cli):
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    result = run_cli("validate", "/dev/zero")
    assert_clean_failure(result, 2, "not a regular file")


def test_unreadable_file_is_exit_2(run_cli, tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text("schema_version: 1\n")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)  # as root, chmod 000 would not stop a read
    assert_clean_failure(run_cli("validate", path), 2, "permission denied")


def test_missing_parent_is_reported_not_raised(run_cli, tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text((DATA / "valid" / "small-addendum.yaml").read_text())
    assert_clean_failure(run_cli("validate", path), 1, "[CV301]", "small-convenant.yaml")


def test_internal_error_is_one_line_and_exit_3_with_traceback_only_on_debug(run_cli, monkeypatch):
    import convenant_cli.engine.settlement as settlement

    def broken(*args, **kwargs):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(settlement, "settle", broken)
    result = run_cli("settle", METAAL)
    assert result.exit_code == 3
    assert "internal error (ZeroDivisionError); please report it" in result.stderr
    assert "Traceback" not in result.stderr
    debug = run_cli("--debug", "settle", METAAL)
    assert debug.exit_code == 3
    assert "Traceback" in debug.stderr and "boom" in debug.stderr


def test_failed_xlsx_write_leaves_the_existing_file_and_no_temporary(run_cli, tmp_path, monkeypatch):
    from convenant_cli.render import workbook

    out = tmp_path / "afrekening.xlsx"
    out.write_bytes(b"evidence of last year")

    close = workbook.Book.close

    def broken_close(book):  # the disk fills as the workbook's last part is written
        close(book)
        Path(book.path).write_bytes(b"half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(workbook.Book, "close", broken_close)
    result = run_cli("settle", METAAL, "--xlsx", out, "--force")
    assert_clean_failure(result, 2, "afrekening.xlsx: not written (no space left on the device)")
    assert out.read_bytes() == b"evidence of last year"
    assert sorted(os.listdir(tmp_path)) == ["afrekening.xlsx"]


def test_invalid_input_never_touches_the_xlsx(run_cli, tmp_path):
    out = tmp_path / "afrekening.xlsx"
    out.write_bytes(b"evidence")
    result = run_cli("settle", DATA / "invalid" / "bad-iban.yaml", "--xlsx", out, "--force")
    assert_clean_failure(result, 1, "[CV206]")
    assert out.read_bytes() == b"evidence"
