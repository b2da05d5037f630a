"""An output file, so that nothing a user owns is overwritten or half-written.

What may be written where: never over one of the run's inputs (by path, through a link, or
as a hard link of one), never over a folder, a device or a pipe, and over an existing file
only with `force`. The writing itself is `staging`'s: into a temporary folder beside the
target, moved into place once the whole run has written its outputs (`staging.write_atomically`
for a run with one output).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from convenant_cli.domain.errors import InputError, UsageError, os_reason
from convenant_cli.domain.language import _


def check_workbook_name(target: Path) -> None:
    """A workbook's name ends in `.xlsx`: `--xlsx maxima.csv` would write a workbook that a
    spreadsheet opens as text; and `--xlsx -` is no file at all."""
    if target == Path("-"):
        raise UsageError(_("--xlsx -: a workbook is never written to standard output"),
                         _("give the workbook a file name, e.g. --xlsx eindrapport.xlsx"))
    if target.suffix.lower() != ".xlsx":
        raise UsageError(_("--xlsx {target}: a workbook's file name ends in .xlsx").format(target=target),
                         _("write --xlsx {name}").format(name=target.with_suffix('.xlsx').name))


def folder_of(target: Path) -> Path:
    return target.parent if str(target.parent) else Path(".")


def check_file_target(target: Path, *, force: bool, inputs: Iterable[Path],
                      check: Callable[[Path], None] | None = None) -> None:
    """Every refusal of `target` as an output file, before any work; `check` judges the name
    once the input and file-type refusals have had their say."""
    if any(same_file(target, path) for path in inputs):
        raise UsageError(_("{target}: is one of the files this run reads; never replaced").format(target=target),
                         _("write the output to another file"))
    folder = folder_of(target)
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
    except OSError as error:
        raise cannot_write(target, error) from None


def cannot_write(target: Path, error: OSError) -> InputError:
    """The target cannot even be begun (its folder, a permission)."""
    return InputError(_("{target}: cannot write ({reason})").format(target=target, reason=os_reason(error)),
                      hint=_("check that the folder exists and that you may write in it"))


def not_written(target: Path, error: OSError) -> InputError:
    """Writing failed on the way (a full disk, an I/O error): one line, and nothing changed."""
    return InputError(_("{target}: not written ({reason}); existing files are left as they were")
                      .format(target=target, reason=os_reason(error)))


def move_without_clobbering(temporary: Path, target: Path) -> None:
    """Move a new file to a name that must still be free (`FileExistsError` if it is not)."""
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


def mode_for(target: Path) -> int:
    """The mode of the file being replaced, or what the umask gives a new file."""
    if target.exists():
        return target.stat().st_mode & 0o777
    return 0o666 & ~current_umask()


def current_umask() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return umask


def same_file(target: Path, path: Path) -> bool:
    """The same file: the same path, a link to it, or a hard link (the same inode)."""
    try:
        return os.path.samefile(target, path)
    except OSError:  # one of them does not exist (yet): not the same file
        return False
