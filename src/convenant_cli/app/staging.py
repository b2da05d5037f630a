"""The outputs of one run, written aside and moved into place together at the end.

A run that writes several outputs (`settle --xlsx out.xlsx --html report -o out.json`)
claims each target first, so that every refusal comes before any work (a report folder is
locked for the run: `report_folder.FolderLock`). Each output is written into a temporary
place beside its target. Only when all are written are they moved into place, one after the
other, with SIGINT, SIGTERM and SIGHUP held off during the moves. A failure or an
interruption before then leaves every old output as it was, and nothing behind. A move that
fails puts back the outputs moved before it.

Knows no terminal: a refusal or an I/O error is an `InputError` naming the target.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from convenant_cli.app import output_file, report_folder
from convenant_cli.domain.errors import InputError
from convenant_cli.domain.language import _


@dataclass(eq=False)
class _Output:
    """One output: its target, where it is written meanwhile, and how far it got."""

    target: Path
    temporary: Path
    scratch: Path  # the temporary folder to remove at the end (for a file: the folder it is written in)
    force: bool
    folder: bool  # a report folder, or a file
    lock: report_folder.FolderLock | None = None
    backup: Path | None = None  # the file or report it replaced, until the run is done
    placed: bool = False

    def failed(self, error: OSError) -> InputError:
        if self.folder:
            return report_folder.not_written(self.target, error)
        return output_file.not_written(self.target, error)


class Staging:
    """The files and report folders one run writes. Claim every target (`file`, `folder`),
    write each (`write`), then `commit`; leaving the `with` block without a commit discards
    everything written."""

    def __init__(self, inputs: Iterable[Path] = ()) -> None:
        self.inputs = [Path(path) for path in inputs]
        self._outputs: list[_Output] = []
        self._finished = False

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        if not self._finished:
            self.discard()

    def file(self, target: Path, *, force: bool = False, check: Callable[[Path], None] | None = None) -> Path:
        """Claim the file `target`; return the temporary path to write it to."""
        output_file.check_file_target(target, force=force, inputs=self.inputs, check=check)
        folder = output_file.folder_of(target)
        try:
            scratch = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder))
        except OSError as error:
            raise output_file.cannot_write(target, error) from None
        self._outputs.append(_Output(target, scratch / target.name, scratch, force, folder=False))
        return scratch / target.name

    def folder(self, target: Path, *, force: bool = False) -> Path:
        """Claim the report folder `target` (locked until the run is done); return the
        temporary folder to write the report into."""
        report_folder.check_folder_target(target, force=force, inputs=self.inputs)
        lock = report_folder.FolderLock(target)
        lock.acquire()
        try:
            report_folder.check_folder_target(target, force=force, inputs=self.inputs)  # again, now that it is ours
            parent = target.parent if str(target.parent) else Path(".")
            try:
                temporary = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent))
            except OSError as error:
                raise report_folder.cannot_write(target, error) from None
        except BaseException:
            lock.release()
            raise
        self._outputs.append(_Output(target, temporary, temporary, force, folder=True, lock=lock))
        return temporary

    def write(self, temporary: Path, writer: Callable[[Path], object]) -> None:
        """Write an output claimed before through `writer`; an I/O error names its target."""
        output = next(output for output in self._outputs if output.temporary == temporary)
        try:
            writer(temporary)
        except OSError as error:
            raise output.failed(error) from None

    def commit(self) -> None:
        """Move every output into place, or (when one cannot be) none of them."""
        with _signals_held():
            done: list[_Output] = []
            try:
                for output in self._outputs:
                    try:
                        _place(output)
                    except FileExistsError:
                        raise InputError(_("{target}: exists; not overwritten").format(target=output.target),
                                         hint=_("add --force to replace it")) from None
                    except OSError as error:
                        raise output.failed(error) from None
                    done.append(output)
            except BaseException:
                for output in reversed(done):
                    _put_back(output)
                self.discard()
                raise
            self._finished = True
            for output in self._outputs:
                _clean(output)

    def discard(self) -> None:
        """Remove everything written aside; the targets are as they were."""
        self._finished = True
        for output in self._outputs:
            _clean(output)


def write_atomically(target: Path, write: Callable[[Path], object], *, force: bool = False,
                     inputs: Iterable[Path] = (), check: Callable[[Path], None] | None = None) -> None:
    """A run's one output file, written through `write` on a temporary path and moved into place."""
    with Staging(inputs) as staging:
        temporary = staging.file(target, force=force, check=check)
        staging.write(temporary, write)
        staging.commit()


def _place(output: _Output) -> None:
    if output.folder:
        _place_folder(output)
    else:
        _place_file(output)
    output.placed = True


def _place_file(output: _Output) -> None:
    temporary, target = output.temporary, output.target
    report_folder.sync(temporary)  # a late write error (a full disk, an I/O error) shows now, before the move
    os.chmod(temporary, output_file.mode_for(target))  # mkstemp makes 0600; give the file its usual mode
    if not output.force:
        output_file.move_without_clobbering(temporary, target)
        return
    if target.exists():
        backup = output.scratch / f"{target.name}.old"
        try:
            os.link(target, backup)  # the old file, to put back if a later output cannot be placed
        except OSError:  # no hard links here: move it aside instead
            os.replace(target, backup)
        output.backup = backup
    os.replace(temporary, target)


def _place_folder(output: _Output) -> None:
    target = output.target
    report_folder.seal(output.temporary)
    os.chmod(output.temporary, 0o777 & ~output_file.current_umask())  # mkdtemp makes 0700
    if target.is_dir():
        report_folder.check_replaceable(target)  # again: a file may have been added while the report was written
        parent = target.parent if str(target.parent) else Path(".")
        aside = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=parent))
        output.backup = aside / "report"
        os.replace(target, output.backup)
    os.rename(output.temporary, target)


def _put_back(output: _Output) -> None:
    """Undo a move: the old file or report returns to its name, or the new one goes."""
    target, backup = output.target, output.backup
    try:
        if output.folder:
            os.rename(target, output.temporary)
        elif backup is None:
            os.unlink(target)
        if backup is not None:
            os.replace(backup, target)
            output.backup = None
            if output.folder:
                _remove_if_empty(backup.parent)
    except OSError:
        pass
    output.placed = False


def _clean(output: _Output) -> None:
    """What is left aside once the run is done: a new output not placed, the file replaced,
    or the files of the report replaced (exactly those its manifest names); and the lock."""
    if not output.placed or not output.folder:
        shutil.rmtree(output.scratch, ignore_errors=True)
    elif output.backup is not None:
        report_folder.remove_written(output.backup)
        _remove_if_empty(output.backup.parent)
    if output.lock is not None:
        output.lock.release()
        output.lock = None


def _remove_if_empty(folder: Path) -> None:
    with suppress(OSError):
        folder.rmdir()


@contextmanager
def _signals_held() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP wait while the outputs are moved: a run stops before its
    first move or after its last, never between two."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    held = {getattr(signal, name) for name in names if hasattr(signal, name)}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
