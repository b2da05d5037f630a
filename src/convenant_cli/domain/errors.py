"""Exceptions for "cannot continue", and the exit statuses they map to.

Problems in a file's content are not exceptions but `Diagnostic` values
(see `diagnostics`); an exception here means the run cannot go on at all.
Only the CLI catches these and turns them into an exit status.
"""

from __future__ import annotations

import errno
from enum import IntEnum

from convenant_cli.domain.language import N_, _


class ExitStatus(IntEnum):
    OK = 0
    PROBLEMS = 1  # invalid input, or (for `diff`) the files differ
    USAGE = 2  # usage or I/O error
    INTERNAL = 3  # a bug in convenant itself


class ConvenantError(Exception):
    """Base of every error the CLI reports as one line with a hint."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, hint: str | None = None, also: tuple[ConvenantError, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.also = also  # more of the same kind, found in the same run: each is reported before this one


class InputError(ConvenantError):
    """A path cannot be read, or an output cannot be written (exit 2)."""


class OutputError(ConvenantError):
    """Standard output cannot be written (a full disk, a closed pipe): exit 2."""


class UsageError(ConvenantError):
    """The command line asks for something that cannot be done (exit 2)."""


# the operating system's reasons (its own text is English), in the catalogue
_OS_REASONS = {
    errno.ENOENT: N_("no such file or folder"), errno.EACCES: N_("permission denied"),
    errno.EPERM: N_("operation not permitted"), errno.EISDIR: N_("is a folder"), errno.ENOTDIR: N_("not a folder"),
    errno.ENOSPC: N_("no space left on the device"), errno.EROFS: N_("read-only file system"),
    errno.ELOOP: N_("a loop of symbolic links"), errno.EIO: N_("input/output error"),
    errno.EMFILE: N_("too many open files"), errno.ENAMETOOLONG: N_("file name too long"),
    errno.EEXIST: N_("the file exists"), errno.EPIPE: N_("the reader has gone (broken pipe)"),
}


def os_reason(error: OSError) -> str:
    """Why the operating system refused, in the run's language (its own words when unlisted).

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); os_reason(PermissionError(errno.EACCES, "Permission denied"))
    'geen toegang'
    >>> set_language("en"); os_reason(OSError(errno.EXDEV, "Invalid cross-device link"))
    'Invalid cross-device link'
    """
    reason = _OS_REASONS.get(error.errno or 0)
    return _(reason) if reason else str(error.strerror or error)

