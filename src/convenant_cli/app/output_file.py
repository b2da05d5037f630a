"""Writing output files so that nothing a user owns is overwritten or half-written.

The file is written to a temporary file in the target folder and moved into place
in one step; an existing file is replaced only with `force`, and never when it is one
of the run's inputs (by path, through a link, or as a hard link of one). A failure
leaves nothing behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from convenant_cli.domain.errors import InputError, UsageError, os_reason
from convenant_cli.domain.language import _


def check_workbook_name(target: Path) -> None:
    """A workbook's name ends in `.xlsx`: `--xlsx maxima.csv` would write a workbook that a
    spreadsheet opens as text."""
    if target.suffix.lower() != ".xlsx":
        raise UsageError(_("--xlsx {target}: a workbook's file name ends in .xlsx").format(target=target),
                         _("write --xlsx {name}").format(name=target.with_suffix('.xlsx').name))


def write_atomically(target: Path, write: Callable[[Path], None], *, force: bool = False,
                     inputs: Iterable[Path] = (), check: Callable[[Path], None] | None = None) -> None:
    """Write `target` through `write` on a temporary file moved into place; `check` judges
    the name once the input and file-type refusals have had their say."""
    folder = target.parent if str(target.parent) else Path(".")
    if any(_same_file(target, path) for path in inputs):
        raise UsageError(_("{target}: is one of the files this run reads; never replaced").format(target=target),
                         _("write the output to another file"))
    try:
        if not folder.is_dir():
            raise InputError(_("{target}: the folder {folder} does not exist").format(target=target, folder=folder),
                             hint=_("create it first, or choose another path"))
        if target.is_dir():
            raise InputError(_("{target}: is a folder").format(target=target))
        if target.exists() and not target.is_file():
            raise InputError(_("{target}: is not a regular file (a device or pipe); never replaced")
                             .format(target=target),
                             hint=_("choose a file name for the workbook"))
        if check is not None:
            check(target)
        if target.exists() and not force:
            raise InputError(_("{target}: exists; not overwritten").format(target=target),
                             hint=_("choose another name, or add --force to replace it"))
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.close(handle)
    except OSError as error:
        raise InputError(_("{target}: cannot write ({reason})").format(target=target, reason=os_reason(error)),
                         hint=_("check that the folder exists and that you may write in it")) from None
    try:
        write(Path(temporary))
        os.chmod(temporary, _mode_for(target))  # mkstemp makes 0600; give the file its usual mode
        if force:
            os.replace(temporary, target)
        else:
            _move_without_clobbering(temporary, target)
    except BaseException as error:  # nothing half-written stays behind, whatever stopped the write
        if os.path.exists(temporary):
            os.unlink(temporary)
        if isinstance(error, FileExistsError):
            raise InputError(_("{target}: exists; not overwritten")
                             .format(target=target), hint=_("add --force to replace it")) from None
        if isinstance(error, OSError):
            raise InputError(_("{target}: cannot write ({reason})")
                             .format(target=target, reason=os_reason(error))) from None
        raise


def _move_without_clobbering(temporary: str, target: Path) -> None:
    try:
        os.link(temporary, target)  # fails if the target appeared meanwhile
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links
        if target.exists():
            raise FileExistsError(str(target)) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _mode_for(target: Path) -> int:
    """The mode of the file being replaced, or what the umask gives a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _same_file(target: Path, path: Path) -> bool:
    """The same file: the same path, a link to it, or a hard link (the same inode)."""
    try:
        return os.path.samefile(target, path)
    except OSError:  # one of them does not exist (yet): not the same file
        return False
