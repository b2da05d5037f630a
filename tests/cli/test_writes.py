"""Every write tells the truth: a full disk, a short write, a closed pipe, an encoding that
cannot hold a character, an interrupted run and two runs at once are each an error (exit 2,
one line) or handled, never a quiet success; what a user had stays as it was.

Two kinds of test: a stream stub (short counts, ENOSPC, EPIPE, EIO), which always runs, and
a real small disk (a 64 KiB tmpfs), which needs root and the right to mount; elsewhere those
skip.
"""

from __future__ import annotations

import errno
import io
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from convenant_cli.app.report_folder import MARKER
from tests.conftest import CONVENANTS, DATA, EXAMPLES, ROOT

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
AMENDED = ROOT / "amendments" / "metaal-2023-2025-gewijzigd.yaml"
EXE = str(Path(sys.executable).parent / "convenant")


# -- standard output through a stub ------------------------------------------------------

class Disk(io.RawIOBase):
    """An unbuffered byte stream as the system gives one (`PYTHONUNBUFFERED`): each write takes
    at most `chunk` bytes (a short count), and after `room` bytes it raises `error`."""

    def __init__(self, room: int | None = None, chunk: int = 7, error: int = errno.ENOSPC) -> None:
        self.room, self.chunk, self.error = room, chunk, error
        self.data = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        if self.room is not None and len(self.data) >= self.room:
            raise OSError(self.error, os.strerror(self.error))
        taken = bytes(data[: self.chunk])
        self.data += taken
        return len(taken)


def over(disk: io.RawIOBase, encoding: str = "utf-8") -> io.TextIOWrapper:
    """A text stream straight over `disk`, as Python makes stdout under PYTHONUNBUFFERED."""
    return io.TextIOWrapper(disk, encoding=encoding, write_through=True)


@pytest.fixture
def run_with_stdout(monkeypatch, capsys, workbook):
    """Run `convenant ARGS` in-process with `stdout` as standard output, in the project of
    `workbook`; (status, stderr)."""
    monkeypatch.chdir(workbook.parent.parent)
    monkeypatch.setenv("COLUMNS", "320")

    def run(stdout: io.TextIOBase, *args: object) -> tuple[int, str]:
        from convenant_cli.cli import app

        captured = sys.stdout
        sys.stdout = stdout
        try:
            with pytest.raises(SystemExit) as stopped:
                app([str(arg) for arg in args], prog_name="convenant")
        finally:
            sys.stdout = captured  # back before anything else prints
        return int(stopped.value.code or 0), capsys.readouterr().err

    return run


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    """A filled-in eindrapport workbook (the bundled eindrapport's), for `import`."""
    folder = tmp_path_factory.mktemp("workbook")
    shutil.copytree(CONVENANTS, folder / "convenants")
    book = folder / "convenants" / "eindrapport.xlsx"
    subprocess.run([EXE, "new", "realisation", "convenants/metaal-2023-2025.yaml", "--xlsx", str(book), "--from",
                    "convenants/examples/metaal-2023-2025-realisatie.yaml"], cwd=folder, check=True,
                   capture_output=True)
    return book


def commands(workbook: Path) -> dict[str, list[object]]:
    """A run of each command that prints more than a page on standard output."""
    return {
        "settle": ["settle", METAAL, "-r", METAAL_REAL, "--explain", "--format", "json"],
        "diff": ["diff", METAAL, AMENDED, "-r", METAAL_REAL, "--format", "json"],
        "validate": ["validate", DATA / "invalid", "--format", "json"],
        "new": ["new", "realisation", METAAL],
        "import": ["import", workbook.relative_to(workbook.parent.parent)],  # run in its project
    }


STATUS = {"settle": 0, "diff": 1, "validate": 1, "new": 0, "import": 0}  # of a run whose output all arrives


@pytest.mark.parametrize("command", list(STATUS))
def test_short_writes_are_written_again_to_the_last_byte(run_with_stdout, workbook, command):
    args = commands(workbook)[command]
    whole = Disk(chunk=1 << 30)
    assert run_with_stdout(over(whole), *args)[0] == STATUS[command]
    short = Disk(chunk=7)  # every write takes 7 bytes: a slow pipe, or a disk near full
    assert run_with_stdout(over(short), *args)[0] == STATUS[command]
    assert len(whole.data) > 2_000 and short.data == whole.data


@pytest.mark.parametrize("error, reason", [(errno.ENOSPC, "no space left on the device"),
                                           (errno.EPIPE, "the reader has gone (broken pipe)"),
                                           (errno.EIO, "input/output error")])
@pytest.mark.parametrize("command", list(STATUS))
def test_a_failed_write_to_stdout_is_exit_2_and_one_line(run_with_stdout, workbook, command, error, reason):
    disk = Disk(room=1_000, chunk=300, error=error)  # short counts, then the error
    status, stderr = run_with_stdout(over(disk), *commands(workbook)[command])
    assert status == 2, stderr
    failure = f"convenant: error: cannot write to standard output ({reason}): the output is incomplete"
    assert [line for line in stderr.splitlines() if "error" in line] == [failure]
    assert "Traceback" not in stderr and len(disk.data) == 1_200  # 300 bytes at a time, up to the room


def test_a_stream_that_cannot_encode_a_character_gets_a_stand_in(run_with_stdout):
    disk = Disk(chunk=1 << 30)
    status, stderr = run_with_stdout(over(disk, "latin-1"), "settle", METAAL)
    assert status == 0, stderr
    text = disk.data.decode("latin-1")
    # the title's dash, and ASCII boxes instead of rich's box drawing
    assert "MAXIMA metaal-2023-2025 (covenant), no settlement - without an eindrapport" in text  # (English)
    assert text.splitlines()[1].startswith("+----") and "|" in text and "━" not in text


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_pythonioencoding_without_utf8_never_raises(encoding, tmp_path):
    (tmp_path / "bad.yaml").write_text("schema_version: 1\nkind: convenant\ntitel: x — y\n", encoding="utf-8")
    for args in (["settle", str(METAAL), "-r", str(METAAL_REAL), "--explain"],
                 ["validate", str(tmp_path / "bad.yaml")]):
        runs = {}
        for code in ("utf-8", encoding):
            environment = {**os.environ, "PYTHONIOENCODING": code, "CONVENANT_LANG": "en", "COLUMNS": "200"}
            run = subprocess.run([EXE, *args], capture_output=True, env=environment, cwd=ROOT)
            runs[code] = (run.returncode, run.stdout.decode(code) + run.stderr.decode(code))
        (status, shown), (expected, unicode) = runs[encoding], runs["utf-8"]
        assert status == expected and status in (0, 1), shown
        assert "UnicodeEncodeError" not in shown and "Traceback" not in shown
        assert shown.count("?") == unicode.count("?")  # every character the encoding lacks has a stand-in
        assert ("—" in shown) == ("—" in unicode and encoding == "cp1252")  # cp1252 has the dash; latin-1 gets "-"
        if args[0] == "validate":
            assert "titel: x — y" in shown if encoding == "cp1252" else "titel: x - y" in shown


# -- a closed pipe ---------------------------------------------------------------------------

def _small_pipe() -> tuple[int, int]:
    """A pipe that holds one page (4 KiB), so that a reader that stops early is noticed."""
    import fcntl

    read, write = os.pipe()
    fcntl.fcntl(write, getattr(fcntl, "F_SETPIPE_SZ", 1031), 4096)
    return read, write


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="F_SETPIPE_SZ is Linux's")
def test_a_reader_that_stops_early_is_exit_2_with_one_line():
    read, write = _small_pipe()
    writer = subprocess.Popen([EXE, "settle", str(METAAL), "-r", str(METAAL_REAL), "--format", "json"], stdout=write,
                              stderr=subprocess.PIPE, cwd=ROOT, env={**os.environ, "CONVENANT_LANG": "en"})
    os.close(write)
    head = subprocess.run(["head", "-c", "100"], stdin=read, capture_output=True, timeout=60)
    os.close(read)
    stderr = writer.communicate(timeout=60)[1].decode()
    assert len(head.stdout) == 100 and head.stdout.startswith(b"{")
    assert writer.returncode == 2, stderr
    errors = [line for line in stderr.splitlines() if ": error:" in line]
    assert errors == ["convenant: error: cannot write to standard output (the reader has gone (broken pipe)): "
                      "the output is incomplete"]
    assert "Traceback" not in stderr and "Exception ignored" not in stderr


def test_a_reader_gone_before_the_first_byte_is_exit_2():
    read, write = os.pipe()
    os.close(read)
    run = subprocess.run([EXE, "new", "realisation", str(METAAL)], stdout=write, stderr=subprocess.PIPE, cwd=ROOT,
                         env={**os.environ, "CONVENANT_LANG": "en"}, timeout=60)
    os.close(write)
    assert run.returncode == 2
    assert run.stderr.decode().splitlines() == [
        "convenant: error: cannot write to standard output (the reader has gone (broken pipe)): "
        "the output is incomplete"]


def test_a_reader_that_takes_everything_is_exit_0():
    run = subprocess.run(f"{EXE} settle {METAAL} --format json | wc -c", shell=True, capture_output=True, cwd=ROOT,
                         text=True, timeout=60, env={**os.environ, "CONVENANT_LANG": "en"})
    assert run.returncode == 0 and int(run.stdout) > 5_000
    assert "error" not in run.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="pipes as POSIX has them")
def test_what_a_gone_reader_left_in_the_pipe_is_counted():
    from convenant_cli.cli.streams import unread

    read, write = os.pipe()
    with open(write, "w", closefd=True) as stream:
        os.write(write, b"x" * 500)
        assert unread(stream, wait=0) == 0  # the reader is still there: it may yet read
        os.read(read, 100)
        os.close(read)
        assert unread(stream, wait=0) in (0, 400)  # 400 where the system reports it (Linux, the BSDs)
        if sys.platform.startswith("linux"):
            assert unread(stream, wait=0) == 400


# -- output files on a full disk (a real one: tmpfs) ------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """A 64 KiB file system, mounted for this test; skipped without root or the right to mount."""
    if not sys.platform.startswith("linux") or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("a tmpfs needs root on Linux")
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(disk: Path, free: int) -> None:
    """Fill `disk` until `free` bytes (whole pages) are left."""
    descriptor = os.open(disk / "filler", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(descriptor, b"\0" * 4096)
    except OSError:
        pass
    os.ftruncate(descriptor, max(0, os.fstat(descriptor).st_size - free))
    os.close(descriptor)


def run(*args: object, stdout=subprocess.PIPE, unbuffered: bool = True, cwd: Path = ROOT
        ) -> subprocess.CompletedProcess:
    environment = {**os.environ, "CONVENANT_LANG": "en"}
    environment.pop("PYTHONUNBUFFERED", None)
    if unbuffered:
        environment["PYTHONUNBUFFERED"] = "1"
    return subprocess.run([EXE, *map(str, args)], stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=environment,
                          timeout=120)


def one_error(result: subprocess.CompletedProcess) -> str:
    """The run failed with exit 2 and said so in one line, with no traceback."""
    stderr = result.stderr.decode()
    assert result.returncode == 2, stderr
    lines = [line for line in stderr.splitlines() if ": error:" in line or "Traceback" in line
             or "Exception" in line or line.startswith("  hint:")]
    assert len(lines) == 1, stderr
    return lines[0]


@pytest.mark.parametrize("command, unbuffered", [(command, True) for command in STATUS] + [("settle", False)])
def test_stdout_to_a_full_disk_is_exit_2(small_disk, workbook, command, unbuffered):
    fill(small_disk, 4096 if command not in ("new", "import") else 0)  # a page free: the output fills it
    with (small_disk / "out.txt").open("wb") as out:
        result = run(*commands(workbook)[command], stdout=out, unbuffered=unbuffered, cwd=workbook.parent.parent)
    assert one_error(result) == ("convenant: error: cannot write to standard output (no space left on the device): "
                                 "the output is incomplete")


@pytest.mark.parametrize("option, target", [("-o", "out.txt"), ("--xlsx", "out.xlsx"), ("--html", "report")])
def test_a_file_on_a_full_disk_is_exit_2_and_the_old_one_stays(small_disk, option, target):
    path = small_disk / target
    if option == "--html":  # a report written before (a whole one does not fit this disk)
        path.mkdir()
        (path / MARKER).write_text("convenant\nindex.html\n", encoding="utf-8")
        (path / "index.html").write_text("last year's", encoding="utf-8")
        before = {p.name: p.read_bytes() for p in path.iterdir()}
    else:
        path.write_bytes(b"last year's")
    fill(small_disk, 4096)
    result = run("settle", METAAL, "-r", METAAL_REAL, "--explain", "--format", "json", option, path, "--force")
    assert one_error(result).endswith(f"{path}: not written (no space left on the device); existing files are "
                                      "left as they were")
    if option == "--html":
        assert {p.name: p.read_bytes() for p in path.iterdir()} == before
    else:
        assert path.read_bytes() == b"last year's"
    assert sorted(p.name for p in small_disk.iterdir()) == sorted(["filler", target])  # nothing half-written


@pytest.mark.parametrize("args", [
    ["diff", METAAL, AMENDED, "-r", METAAL_REAL, "--format", "json", "-o", "{disk}/out.json"],
    ["diff", METAAL, AMENDED, "--xlsx", "{disk}/out.xlsx"],
    ["validate", DATA / "invalid", "--format", "json", "-o", "{disk}/out.json"],
    ["new", "realisation", METAAL, "-o", "{disk}/out.yaml"],
    ["new", "realisation", METAAL, "--xlsx", "{disk}/out.xlsx"],
    ["import", "{workbook}", "-o", "{disk}/out.yaml"],
], ids=["diff -o", "diff --xlsx", "validate -o", "new -o", "new --xlsx", "import -o"])
def test_every_command_that_writes_a_file_fails_whole_on_a_full_disk(small_disk, workbook, args):
    project = small_disk.parent  # the disk is a folder of the project, as the realisation's reference needs
    shutil.copytree(workbook.parent, project / "convenants")
    fill(small_disk, 0)
    result = run(*(str(arg).format(disk=small_disk, workbook=project / "convenants" / workbook.name)
                   for arg in args), cwd=project)
    assert "not written (no space left on the device)" in one_error(result)
    assert [p.name for p in small_disk.iterdir()] == ["filler"]


# -- workbooks fail like reports -------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["settle", METAAL, "-r", METAAL_REAL, "--format", "json"],
    ["diff", METAAL, AMENDED],
    ["new", "realisation", METAAL],
], ids=["settle", "diff", "new realisation"])
def test_a_workbook_that_cannot_be_saved_is_an_io_error(run_cli, tmp_path, monkeypatch, args):
    from convenant_cli.render import workbook_file

    written = []

    def full(self, data):  # the disk fills after 4 KiB of the zip
        if sum(written) + len(data) > 4096:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(len(data))
        return len(data)

    monkeypatch.setattr(workbook_file.WorkbookFile, "write", full)
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"the old workbook")
    result = run_cli(*args, "--xlsx", target, "--force")
    assert result.exit_code == 2, result.stderr
    assert (f"convenant: error: {target}: not written (no space left on the device); existing files are left as "
            "they were") in result.stderr
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr
    assert target.read_bytes() == b"the old workbook" and os.listdir(tmp_path) == ["out.xlsx"]


# -- the outputs of one run land together ---------------------------------------------------

@pytest.fixture
def outputs(tmp_path):
    """A workbook and a report written by an earlier run, and what they held."""
    folder = tmp_path / "out"
    folder.mkdir()
    book, report = folder / "afrekening.xlsx", folder / "rapport"
    result = run("settle", METAAL, "-r", METAAL_REAL, "--xlsx", book, "--html", report)
    assert result.returncode == 0, result.stderr
    return book, report, book.read_bytes(), {p.name: p.read_bytes() for p in report.iterdir()}


def test_sigterm_while_the_report_is_written_leaves_both_old_outputs(run_cli, outputs, monkeypatch):
    from convenant_cli.cli import install_signal_handlers
    from convenant_cli.render.report import pages

    book, report, old_book, old_report = outputs
    write_report = pages.write_report

    def interrupted(folder: Path, *args, **kwargs) -> None:
        (folder / "index.html").write_text("half a report", encoding="utf-8")
        os.kill(os.getpid(), signal.SIGTERM)
        time.sleep(5)  # the handler ends the run here
        write_report(folder, *args, **kwargs)

    monkeypatch.setattr(pages, "write_report", interrupted)
    previous = signal.getsignal(signal.SIGTERM)
    install_signal_handlers()
    try:
        result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--xlsx", book, "--html", report, "--force")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert result.exit_code == 128 + signal.SIGTERM
    assert book.read_bytes() == old_book  # the new workbook was written aside, and never moved in
    assert {p.name: p.read_bytes() for p in report.iterdir()} == old_report
    assert sorted(os.listdir(book.parent)) == ["afrekening.xlsx", "rapport"]


def test_sigterm_while_the_outputs_are_moved_waits_until_all_are_in_place(run_cli, outputs, monkeypatch):
    from convenant_cli.app import report_folder
    from convenant_cli.cli import install_signal_handlers

    book, report, old_book, old_report = outputs
    seal = report_folder.seal

    def interrupted(folder: Path) -> None:  # the first step of the moves
        signal.pthread_kill(threading.main_thread().ident or 0, signal.SIGTERM)  # as the run's only thread gets it
        seal(folder)

    monkeypatch.setattr(report_folder, "seal", interrupted)
    previous = signal.getsignal(signal.SIGTERM)
    install_signal_handlers()
    try:
        result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30", "--xlsx", book, "--html",
                         report, "--force")
    finally:
        signal.signal(signal.SIGTERM, previous)
    assert result.exit_code == 128 + signal.SIGTERM
    assert book.read_bytes() != old_book and (report / "index.html").read_bytes() != old_report["index.html"]
    assert sorted(os.listdir(book.parent)) == ["afrekening.xlsx", "rapport"]


def test_an_output_that_cannot_be_placed_puts_back_the_ones_before_it(run_cli, outputs, tmp_path):
    from convenant_cli.app.staging import Staging
    from convenant_cli.domain.errors import InputError

    book, report, old_book, old_report = outputs
    with Staging() as staging:
        first = staging.file(book, force=True)
        second = staging.folder(report, force=True)
        third = staging.file(tmp_path / "out" / "later.json")
        staging.write(first, lambda path: path.write_bytes(b"new workbook"))
        staging.write(second, lambda folder: (folder / "index.html").write_text("new", encoding="utf-8"))
        staging.write(third, lambda path: path.write_text("{}", encoding="utf-8"))
        (tmp_path / "out" / "later.json").write_text("someone else's", encoding="utf-8")  # taken meanwhile
        with pytest.raises(InputError, match=r"later\.json: exists; not overwritten"):
            staging.commit()
    assert book.read_bytes() == old_book
    assert {p.name: p.read_bytes() for p in report.iterdir()} == old_report
    assert (tmp_path / "out" / "later.json").read_text(encoding="utf-8") == "someone else's"
    assert sorted(os.listdir(tmp_path / "out")) == ["afrekening.xlsx", "later.json", "rapport"]


# -- one writer per report folder ----------------------------------------------------------

def test_two_runs_writing_one_new_report_folder_one_wins(tmp_path):
    report = tmp_path / "rapport"
    command = [EXE, "settle", str(METAAL), "-r", str(METAAL_REAL), "--html", str(report)]
    environment = {**os.environ, "CONVENANT_LANG": "en"}
    runs = [subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=environment)
            for _ in range(2)]
    errors = [process.communicate(timeout=120)[1].decode() for process in runs]
    finished = [(process.returncode, stderr) for process, stderr in zip(runs, errors, strict=True)]
    assert sorted(status for status, _ in finished) == [0, 2], finished
    refused = next(stderr for status, stderr in finished if status == 2)
    assert "another run is writing this report" in refused or "exists; not overwritten" in refused
    assert (report / "index.html").is_file() and (report / MARKER).is_file()
    assert sorted(os.listdir(tmp_path)) == ["rapport"]  # no lock, no temporary folder left


def test_while_one_run_writes_a_report_another_is_refused(tmp_path):
    from convenant_cli.app.staging import Staging
    from convenant_cli.domain.errors import InputError

    report = tmp_path / "rapport"
    writing, refused = threading.Event(), threading.Event()
    outcome: dict[str, object] = {}

    def first() -> None:
        with Staging() as staging:
            folder = staging.folder(report)

            def write(path: Path) -> None:
                (path / "index.html").write_text("first", encoding="utf-8")
                writing.set()
                refused.wait(30)

            staging.write(folder, write)
            staging.commit()
        outcome["first"] = "written"

    thread = threading.Thread(target=first)
    thread.start()
    assert writing.wait(30)
    with pytest.raises(InputError) as second, Staging() as staging:
        staging.folder(report, force=True)
    refused.set()
    thread.join(30)
    assert "another run is writing this report; not written" in second.value.message
    assert outcome == {"first": "written"} and (report / "index.html").read_text(encoding="utf-8") == "first"
    assert sorted(os.listdir(tmp_path)) == ["rapport"]


# -- --force replaces only what the tool wrote ------------------------------------------------

def test_a_report_lists_the_files_it_wrote(run_cli, tmp_path):
    report = tmp_path / "rapport"
    assert run_cli("settle", CONVENANTS, "--html", report).exit_code == 0
    lines = (report / MARKER).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "convenant"
    assert sorted(lines[1:]) == sorted(p.name for p in report.iterdir() if p.name != MARKER)
    assert {"index.html", "sources.html", "metaal-2023-2025.html"} <= set(lines[1:])


def test_force_replaces_the_report_and_removes_exactly_its_files(run_cli, tmp_path):
    report = tmp_path / "rapport"
    assert run_cli("settle", CONVENANTS, "--html", report).exit_code == 0
    assert (report / "social-profit-2023-2025.html").is_file()
    again = run_cli("settle", METAAL, "-r", METAAL_REAL, "--html", report, "--force")
    assert again.exit_code == 0, again.stderr
    # the pages of the agreements no longer settled are gone with the old report
    assert sorted(p.name for p in report.iterdir()) == sorted([MARKER, "index.html", "metaal-2023-2025.html",
                                                               "sources.html"])
    assert sorted(os.listdir(tmp_path)) == ["rapport"]


@pytest.mark.parametrize("added", ["notities.txt", "bijlagen/brief.docx", "index.html.bak", "lege-map/"])
def test_force_refuses_a_report_folder_that_holds_a_users_file(run_cli, tmp_path, added):
    report = tmp_path / "rapport"
    assert run_cli("settle", METAAL, "-r", METAAL_REAL, "--html", report).exit_code == 0
    path = report / added
    if added.endswith("/"):
        path.mkdir()
    else:
        path.parent.mkdir(exist_ok=True)
        path.write_text("the auditor's", encoding="utf-8")
    before = sorted(str(p.relative_to(report)) for p in report.rglob("*"))
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--html", report, "--force")
    assert result.exit_code == 2
    shown = added.split("/")[0] + "/" if "/" in added else added
    assert (f"--html {report}: holds files the report did not write ({shown}); never replaced"
            in result.stderr), result.stderr
    assert "hint: move them out of the folder, or choose a new folder for the report" in result.stderr
    assert sorted(str(p.relative_to(report)) for p in report.rglob("*")) == before
    assert sorted(os.listdir(tmp_path)) == ["rapport"]


def test_a_page_the_user_replaced_by_a_link_is_not_the_reports(run_cli, tmp_path):
    report = tmp_path / "rapport"
    assert run_cli("settle", METAAL, "--html", report).exit_code == 0
    (tmp_path / "mine.html").write_text("mine", encoding="utf-8")
    (report / "sources.html").unlink()
    (report / "sources.html").symlink_to(tmp_path / "mine.html")
    result = run_cli("settle", METAAL, "--html", report, "--force")
    assert result.exit_code == 2 and "(sources.html); never replaced" in result.stderr
    assert (tmp_path / "mine.html").read_text(encoding="utf-8") == "mine"


def test_a_report_of_an_earlier_version_is_its_pages(run_cli, tmp_path):
    report = tmp_path / "rapport"
    report.mkdir()
    (report / MARKER).write_text("convenant\n", encoding="utf-8")  # how 0.6 marked a report
    for name in ("index.html", "sources.html", "oud-convenant.html"):
        (report / name).write_text("0.6", encoding="utf-8")
    assert run_cli("settle", METAAL, "--html", report, "--force").exit_code == 0
    assert not (report / "oud-convenant.html").exists() and (report / "metaal-2023-2025.html").is_file()
    (report / MARKER).write_text("convenant\n", encoding="utf-8")
    (report / "brief.pdf").write_bytes(b"%PDF")
    refused = run_cli("settle", METAAL, "--html", report, "--force")
    assert refused.exit_code == 2 and "(brief.pdf); never replaced" in refused.stderr


def test_a_manifest_never_leads_outside_its_folder(run_cli, tmp_path):
    report = tmp_path / "rapport"
    assert run_cli("settle", METAAL, "--html", report).exit_code == 0
    outside = tmp_path / "bewaar.txt"
    outside.write_text("keep", encoding="utf-8")
    with (report / MARKER).open("a", encoding="utf-8") as manifest:
        manifest.write("../bewaar.txt\n/etc/hostname\n")
    assert run_cli("settle", METAAL, "--html", report, "--force").exit_code == 0
    assert outside.read_text(encoding="utf-8") == "keep"


def test_an_empty_folder_may_hold_a_report(run_cli, tmp_path):
    report = tmp_path / "rapport"
    report.mkdir()
    assert run_cli("settle", METAAL, "--html", report, "--force").exit_code == 0
    assert (report / "index.html").is_file()


# -- -o / --output, and - for standard output --------------------------------------------------

@pytest.mark.parametrize("command", [["settle", METAAL, "-r", METAAL_REAL], ["diff", METAAL, AMENDED]],
                         ids=["settle", "diff"])
@pytest.mark.parametrize("output_format", ["table", "json"])
def test_output_writes_what_stdout_would_show(run_cli, tmp_path, monkeypatch, command, output_format):
    monkeypatch.delenv("COLUMNS")
    shown = run_cli(*command, "--format", output_format)
    target = tmp_path / f"out.{output_format}"
    written = run_cli(*command, "--format", output_format, "-o", target)
    assert written.exit_code == shown.exit_code and written.stdout == ""
    assert f"convenant: note: written: {target}" in written.stderr
    assert target.read_text(encoding="utf-8") == shown.stdout
    assert run_cli(*command, "--format", output_format, "-o", "-").stdout == shown.stdout
    refused = run_cli(*command, "--format", output_format, "-o", target)
    assert refused.exit_code == 2 and "exists; not overwritten" in refused.stderr


@pytest.mark.parametrize("command", [["settle", "{input}"], ["diff", "{input}", AMENDED]], ids=["settle", "diff"])
def test_output_never_replaces_an_input(run_cli, tmp_path, command):
    copy = tmp_path / "metaal.yaml"
    shutil.copy(METAAL, copy)
    result = run_cli(*(str(arg).format(input=copy) for arg in command), "-o", copy, "--force")
    assert result.exit_code == 2 and "is one of the files this run reads; never replaced" in result.stderr
    assert copy.read_bytes() == METAAL.read_bytes()


def test_new_with_output_dash_writes_to_stdout(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    printed = run_cli("new", "realisation", METAAL, "-o", "-")
    assert printed.exit_code == 0 and "kind: realisation" in printed.stdout
    assert printed.stdout == run_cli("new", "realisation", METAAL).stdout
    assert "written" not in printed.stderr and os.listdir(tmp_path) == []
    for args in (["new", "convenant", "x"], ["new", "addendum", "--parent", METAAL]):
        assert run_cli(*args, "-o", "-").stdout == run_cli(*args).stdout
    refused = run_cli("new", "realisation", METAAL, "--xlsx", "-")
    assert refused.exit_code == 2 and "--xlsx -: a workbook is never written to standard output" in refused.stderr
    assert os.listdir(tmp_path) == []


def test_import_with_output_dash_writes_to_stdout(run_cli, workbook, monkeypatch):
    monkeypatch.chdir(workbook.parent.parent)
    printed = run_cli("import", workbook, "-o", "-")
    assert printed.exit_code == 0 and printed.stdout == run_cli("import", workbook).stdout
    assert "kind: realisation" in printed.stdout and not Path("-").exists()


def test_a_parent_that_is_not_a_covenant_is_refused(run_cli):
    addendum = CONVENANTS / "metaal-duaal-leren-2023-2025.yaml"
    result = run_cli("new", "addendum", "--parent", addendum)
    assert result.exit_code == 2 and result.stdout == ""
    assert ("convenant: error: --parent convenants/metaal-duaal-leren-2023-2025.yaml is an addendum, not a "
            "covenant") in result.stderr
    case = run_cli("new", "addendum", "--parent", next((ROOT / "cases").glob("*.yaml")))
    assert case.exit_code == 2 and "is a case, not a covenant" in case.stderr


@pytest.mark.parametrize("command", [["test", "cases/"], ["new", "convenant", "x"], ["import", "{workbook}"]],
                         ids=["test", "new", "import"])
def test_every_command_that_writes_takes_color(run_cli, workbook, monkeypatch, command):
    args = [str(arg).format(workbook=workbook) for arg in command]
    if command[0] == "import":
        monkeypatch.chdir(workbook.parent.parent)
    assert run_cli(*args, "--color", "never").exit_code == 0
    assert run_cli(*args, "--color", "sometimes").exit_code == 2
    if command[0] == "test":
        assert "\x1b[32mOK  \x1b[0m cases/" in run_cli(*args, "--color", "always").stdout


# -- the width of a pipe or a file --------------------------------------------------------

def test_a_pipe_or_file_gets_160_columns_and_columns_still_decides(run_cli, monkeypatch):
    monkeypatch.delenv("COLUMNS")
    lines = run_cli("settle", METAAL, "-r", METAAL_REAL).stdout.splitlines()
    assert max(len(line) for line in lines) == 160  # the results table, its reasons wrapped
    assert all(line == line.rstrip() for line in lines)
    monkeypatch.setenv("COLUMNS", "240")
    assert max(len(line) for line in run_cli("settle", METAAL, "-r", METAAL_REAL).stdout.splitlines()) > 160
