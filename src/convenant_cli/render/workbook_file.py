"""Saving a workbook: the file XlsxWriter's zip writes into, and its errors as the system's.

XlsxWriter raises its own errors for a failed save (`FileCreateError` around the system's
`OSError`, `FileSizeError`), and when a save fails part-way its zip is left open, to fail
again when it is collected (`Exception ignored in ZipFile.__del__`). Here the file is ours:
once a write failed it is given up, and what the zip still writes goes nowhere. Every
failure is an `OSError` for the caller (`staging` reports it as an I/O error, exit 2).
"""

from __future__ import annotations

import errno
import shutil
import tempfile
import weakref
import zipfile
from contextlib import suppress
from pathlib import Path
from typing import Any, BinaryIO

from xlsxwriter.exceptions import FileSizeError, XlsxFileError

_SAVE_ERRORS = (XlsxFileError, zipfile.LargeZipFile, OSError)


class Saving:
    """Where one workbook is saved: its file, and a folder of its own for XlsxWriter's
    temporary files (a sheet's rows, the parts before they are zipped), removed when the
    workbook is saved or, if it never is (its run stopped), when its owner is collected."""

    def __init__(self, owner: object, path: Path) -> None:
        self.scratch = tempfile.mkdtemp(prefix="convenant-xlsx-")
        try:
            self.file = WorkbookFile(path)
        except BaseException:
            shutil.rmtree(self.scratch, ignore_errors=True)
            raise
        self._cleanup = weakref.finalize(owner, discard, self.file, self.scratch)

    def save(self, workbook: Any) -> None:
        """Close the XlsxWriter `workbook` into the file. Any failure on the way (of XlsxWriter,
        the zip or the disk: `FileCreateError`, `LargeZipFile`, a full disk) is an `OSError`,
        and leaves no open file, temporary file or pending write to fail again when collected."""
        try:
            workbook.close()
            self.file.close()
        except _SAVE_ERRORS as error:
            self.file.give_up()
            raise as_os_error(error) from None
        except BaseException:
            self.file.give_up()
            raise
        finally:
            self._cleanup()


class WorkbookFile:
    """The workbook's file, as XlsxWriter's zip writes it. Once given up (a write failed),
    what the zip still writes as it is collected goes nowhere (its positions still add up)
    instead of failing again."""

    def __init__(self, path: Path) -> None:
        self._file: BinaryIO | None = path.open("wb")
        self._position = self._end = 0  # where a given-up file stands

    def write(self, data: bytes) -> int:
        if self._file is not None:
            return self._file.write(data)
        self._position += len(data)
        self._end = max(self._end, self._position)
        return len(data)

    def tell(self) -> int:
        return self._file.tell() if self._file is not None else self._position

    def seek(self, offset: int, whence: int = 0) -> int:
        if self._file is not None:
            return self._file.seek(offset, whence)
        self._position = {0: 0, 1: self._position, 2: self._end}[whence] + offset
        return self._position

    def seekable(self) -> bool:
        return True

    def flush(self) -> None:
        if self._file is not None:
            self._file.flush()

    def close(self) -> None:
        """Flush and close; a write the disk refuses now raises."""
        if self._file is not None:
            file, self._file = self._file, None
            file.close()

    def give_up(self) -> None:
        if self._file is None:
            return
        file, self._file = self._file, None
        with suppress(OSError, ValueError):
            self._position = file.tell()
            self._end = file.seek(0, 2)
            self._position = min(self._position, self._end)
        with suppress(OSError):
            file.close()


def discard(file: WorkbookFile, scratch: str) -> None:
    """A workbook never closed (its run stopped): its file given up, its temporary files gone."""
    file.give_up()
    shutil.rmtree(scratch, ignore_errors=True)


def as_os_error(error: BaseException) -> OSError:
    """XlsxWriter wraps the system's error (`FileCreateError(OSError)`); a zip too large is an I/O error too."""
    if isinstance(error, OSError):
        return error
    cause = error.args[0] if error.args else None
    if isinstance(cause, OSError):
        return cause
    return OSError(errno.EFBIG if isinstance(error, zipfile.LargeZipFile | FileSizeError) else errno.EIO,
                   str(error) or type(error).__name__)
