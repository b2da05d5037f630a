"""The HTML report's folder, so that nothing a user owns is overwritten, half-written or deleted.

A report folder holds a manifest (`MARKER`): the files the tool wrote there. An existing
folder is replaced only with `force`, and only when it holds nothing but those files (or
nothing at all); a file or folder a user added is named and the report refused. Replacing
removes exactly the files the manifest names. A folder that holds one of the run's inputs is
never written into or replaced.

One run writes a report folder at a time: a lock file beside it (`.NAME.lock`), held while
the run writes and moves its outputs, refuses a second run (`FolderLock`). The writing
itself is `staging`'s.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from convenant_cli.domain.errors import InputError, UsageError, os_reason
from convenant_cli.domain.language import _

MARKER = ".convenant-report"  # the manifest: its first line says what it is, each next line a file written
_FIRST_LINE = "convenant"
_SHOWN = 3  # foreign files named in a refusal


def check_folder_target(target: Path, *, force: bool, inputs: Iterable[Path]) -> None:
    """Every refusal of `target` as the report's folder, before any work."""
    parent = target.parent if str(target.parent) else Path(".")
    resolved = target.resolve()
    for path in inputs:
        if path.resolve() == resolved or resolved in path.resolve().parents:
            raise UsageError(_("--html {target}: holds {path}, a file this run reads; never written into")
                             .format(target=target, path=path), _("write the report to a folder of its own"))
    try:
        if not parent.is_dir():
            raise InputError(_("--html {target}: the folder {folder} does not exist").format(target=target,
                                                                                           folder=parent),
                             hint=_("create it first, or choose another path"))
        if target.is_symlink() or (target.exists() and not target.is_dir()):
            raise InputError(_("--html {target}: is not a folder; never replaced").format(target=target),
                             hint=_("choose a new folder for the report"))
        if target.is_dir() and not force:
            raise InputError(_("--html {target}: exists; not overwritten").format(target=target),
                             hint=_("choose another folder, or add --force to replace a report written before"))
        if target.is_dir():
            check_replaceable(target)
    except OSError as error:
        raise cannot_write(target, error) from None


def cannot_write(target: Path, error: OSError) -> InputError:
    """The folder cannot even be begun (its parent, a permission)."""
    return InputError(_("--html {target}: cannot write ({reason})").format(target=target, reason=os_reason(error)),
                      hint=_("check that the folder exists and that you may write in it"))


def not_written(target: Path, error: OSError) -> InputError:
    """Writing failed on the way (a full disk, an I/O error): one line, and nothing changed."""
    return InputError(_("--html {target}: not written ({reason}); existing files are left as they were")
                      .format(target=target, reason=os_reason(error)))


def check_replaceable(target: Path) -> None:
    """A folder that `--force` may replace: nothing in it but what its manifest names, or empty."""
    written = manifest(target)
    if written is None and any(target.iterdir()):
        raise InputError(_("--html {target}: is a folder with other files than a report; never replaced")
                         .format(target=target), hint=_("choose a new folder for the report"))
    foreign = _foreign(target, written or frozenset())
    if foreign:
        shown = ", ".join(foreign[:_SHOWN]) + (", ..." if len(foreign) > _SHOWN else "")
        raise InputError(_("--html {target}: holds files the report did not write ({files}); never replaced")
                         .format(target=target, files=shown),
                         hint=_("move them out of the folder, or choose a new folder for the report"))


def manifest(folder: Path) -> frozenset[str] | None:
    """The files a report folder says the tool wrote there (paths relative to it, with `/`),
    or None when it is no report. A manifest of an earlier version holds only its first
    line: such a report is its pages, the `.html` files at its top."""
    if (folder / MARKER).is_symlink():
        return None
    try:
        lines = (folder / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not lines or lines[0].strip() != _FIRST_LINE:
        return None
    if len(lines) == 1:
        return frozenset(entry.name for entry in folder.iterdir() if entry.suffix == ".html"
                         and entry.is_file() and not entry.is_symlink())
    return frozenset(line for line in lines[1:] if _inside(line))


def _inside(line: str) -> bool:
    """A manifest line names a file inside the folder (a manifest is a file on disk, and may be edited)."""
    path = PurePosixPath(line)
    return bool(line) and not path.is_absolute() and ".." not in path.parts and "\\" not in line


def _foreign(folder: Path, written: frozenset[str]) -> list[str]:
    """What `folder` holds that the tool did not write there: a file not in the manifest, a
    link, or a folder that leads to none of the files written; the first few only."""
    kept = {str(parent) for name in written for parent in PurePosixPath(name).parents if str(parent) != "."}
    found: list[str] = []
    for root, folders, files in os.walk(folder):
        base = Path(root).relative_to(folder).as_posix()
        prefix = "" if base == "." else base + "/"
        descend = []
        for name in folders:
            relative = prefix + name
            if (Path(root) / name).is_symlink():
                found.append(relative)
            elif relative in kept:
                descend.append(name)
            else:
                found.append(relative + "/")
        folders[:] = descend
        for name in files:
            path, relative = Path(root) / name, prefix + name
            if relative == MARKER or (relative in written and path.is_file() and not path.is_symlink()):
                continue
            found.append(relative)
        if len(found) > _SHOWN:
            break
    return found


def seal(folder: Path) -> None:
    """Write the manifest of the files written into `folder`, and sync each to disk (a late
    write error shows now, not after the move)."""
    names = []
    for root, _folders, files in os.walk(folder):
        for name in files:
            path = Path(root) / name
            sync(path)
            names.append(path.relative_to(folder).as_posix())
    (folder / MARKER).write_text("\n".join([_FIRST_LINE, *sorted(names)]) + "\n", encoding="utf-8")
    sync(folder / MARKER)


def sync(path: Path) -> None:
    """A written file's bytes on the disk (a late write error, a full disk, shows now)."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def remove_written(folder: Path) -> None:
    """Remove exactly what the manifest of `folder` names, then the folders left empty; what
    else it may hold stays where it is."""
    written = manifest(folder) or frozenset()
    for name in sorted(written, key=lambda item: -item.count("/")):
        path = folder / name
        if path.is_file() and not path.is_symlink():
            path.unlink()
    (folder / MARKER).unlink(missing_ok=True)
    parents = {parent for name in written for parent in PurePosixPath(name).parents if str(parent) != "."}
    for parent in sorted(parents, key=lambda item: -len(item.parts)):
        with contextlib.suppress(OSError):
            (folder / parent).rmdir()
    with contextlib.suppress(OSError):
        folder.rmdir()


class FolderLock:
    """The lock file beside a report folder (`.NAME.lock`): while one run holds it, another is
    refused. With `fcntl`, the system holds the lock, so a run that was killed leaves none
    that counts; elsewhere the file's exclusive creation is the lock."""

    def __init__(self, target: Path) -> None:
        absolute = Path(os.path.abspath(target))
        self.target = target
        self.path = absolute.parent / f".{absolute.name}.lock"
        self._descriptor: int | None = None

    def acquire(self) -> None:
        """Take the lock, or refuse: another run is writing this report."""
        try:
            taken = self._take()
        except OSError as error:
            raise cannot_write(self.target, error) from None
        if not taken:
            raise InputError(_("--html {target}: another run is writing this report; not written")
                             .format(target=self.target),
                             hint=_("let that run finish, or write the report to another folder"))

    def _take(self) -> bool:
        try:
            import fcntl
        except ImportError:  # no fcntl (Windows): creating the file is the lock
            try:
                self._descriptor = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
            except FileExistsError:
                return False
            return True
        for _attempt in range(3):
            descriptor = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                os.close(descriptor)
                return False
            try:
                current = os.stat(self.path).st_ino
            except FileNotFoundError:
                current = None
            if current == os.fstat(descriptor).st_ino:
                self._descriptor = descriptor
                return True
            os.close(descriptor)  # the run before removed the file as it let go: take the new one
        return False

    def release(self) -> None:
        if self._descriptor is None:
            return
        with contextlib.suppress(OSError):  # still held: no other run can take the file being removed
            os.unlink(self.path)
        os.close(self._descriptor)
        self._descriptor = None
