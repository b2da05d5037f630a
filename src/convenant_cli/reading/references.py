"""Where a reference (`parent:`, `convenant:`, a case's `settle:` and `realisation:`) may point.

A reference is a relative path that stays inside the project's root: the
git work tree that holds the referring file; outside any git work tree, the current
directory when it holds the referring file, else the referring file's own folder.
An absolute path, a path that leaves the root (also through a symbolic link), and
anything that is not a regular file are refused before a byte of it is read.

Pure path logic plus `stat`; it never opens a file and never prints.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath

from convenant_cli.domain.errors import InputError, os_reason
from convenant_cli.domain.language import _

MAX_REFERENCE = 1024  # characters; a real reference is a few dozen
MAX_PART = 255  # characters in one folder or file name (most file systems)


@dataclass(frozen=True)
class Refusal:
    """Why a reference is not followed: a diagnostic code and a message without file content."""

    code: str
    message: str
    hint: str | None = None


class Roots:
    """Finds the root of each referring file once per run (a walk up to the nearest `.git`)."""

    def __init__(self, cwd: Path) -> None:
        self.cwd = cwd.resolve()
        self._git: dict[Path, Path | None] = {}

    def _work_tree(self, folder: Path) -> Path | None:
        if folder not in self._git:
            if (folder / ".git").exists():
                self._git[folder] = folder
            else:
                self._git[folder] = None if folder.parent == folder else self._work_tree(folder.parent)
        return self._git[folder]

    def project(self) -> Path:
        """The root of the current folder: the git work tree that holds it, else the folder itself."""
        return self._work_tree(self.cwd) or self.cwd

    def root_of(self, referring: Path) -> Path:
        return self.root_of_place(referring.resolve())

    def root_of_place(self, path: Path) -> Path:
        """The root of the place `path` names, its links not resolved (a link's own folder)."""
        folder = path.parent
        tree = self._work_tree(folder)
        if tree is not None:
            return tree
        return self.cwd if folder.is_relative_to(self.cwd) else folder


def resolve_reference(referring: Path, target: str, roots: Roots) -> Path | Refusal:
    """The file `target` names, relative to the referring file, or why it is refused."""
    shown = target if len(target) <= 80 else target[:80] + "…"
    if "\0" in target or len(target) > MAX_REFERENCE or any(len(p) > MAX_PART for p in target.split("/")):
        return Refusal("CV306", _("the path '{shown}' is too long or holds a NUL character").format(shown=shown),
                       _("give a short relative path to the file"))
    if PurePosixPath(target).is_absolute() or PureWindowsPath(target).is_absolute() or PureWindowsPath(target).drive:
        return Refusal("CV304", _("'{shown}' is an absolute path; references are relative to the referring file")
                                .format(shown=shown),
                       _("write the path from this file's folder, e.g. ../metaal-2023-2025.yaml"))
    root = roots.root_of(referring)
    try:
        path = (referring.resolve().parent / target).resolve()
        if not path.is_relative_to(root):
            return Refusal("CV304", _("'{shown}' leaves the project folder {root}").format(shown=shown, root=root),
                           _("a reference stays inside the git work tree (or folder) of the file that makes it"))
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return Refusal("CV301", _("'{shown}' does not exist")
                                .format(shown=shown), _("give the path of the file relative to this file"))
    except (OSError, RuntimeError) as error:  # RuntimeError: a symbolic-link loop
        reason = os_reason(error) if isinstance(error, OSError) else _("a loop of symbolic links")
        return Refusal("CV306", _("'{shown}' cannot be read ({reason})").format(shown=shown, reason=reason), None)
    if stat.S_ISDIR(mode):
        return Refusal("CV305", _("'{shown}' is a folder, not a file")
                                .format(shown=shown), _("name the YAML file in it"))
    if not stat.S_ISREG(mode):
        return Refusal("CV305", _("'{shown}' is not a regular file (a device, pipe or socket)")
                                .format(shown=shown), _("name a YAML file"))
    return path


def confine(path: Path, roots: Roots) -> Refusal | None:
    """Why a file named on the command line or found in a folder is not to be read, or None.

    With its links resolved, the file must lie inside the root of the place where it was
    found, as a reference must: a link `convenants/aws.yaml` to `~/.aws/credentials` is
    refused (CV308) before a byte of it is read. A loop of links, or a link to nothing,
    raises `InputError` (an I/O problem, exit 2).
    """
    lexical = Path(os.path.abspath(path))
    try:
        real = Path(os.path.realpath(lexical, strict=True))
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise InputError(_("{path}: a loop of symbolic links").format(path=path),
                             hint=_("remove the link or point it at a file")) from None
        if os.path.islink(lexical):
            raise InputError(_("{path}: a symbolic link to a file that does not exist").format(path=path),
                             hint=_("remove the link or point it at a file")) from None
        raise InputError(_("{path}: cannot read ({reason})")
                         .format(path=path, reason=os_reason(error))) from None
    if real == lexical:
        return None
    root = roots.root_of_place(lexical)
    if real.is_relative_to(os.path.realpath(root)):
        return None
    return Refusal("CV308", _("a symbolic link to a file outside the project folder {root}; it is not read")
                            .format(root=root),
                   _("link only to files inside the project, or copy the file into it"))


def written_reference(target: Path, output: Path | None) -> str:
    """`target` as a reference written in a new file `output` (relative to its folder), or,
    for standard output, relative to the current folder."""
    folder = output.parent if output is not None else Path(".")
    return Path(os.path.relpath(os.path.abspath(target), os.path.abspath(folder))).as_posix()
