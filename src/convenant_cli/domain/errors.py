"""Exceptions for "cannot continue", and the exit statuses they map to.

Problems in a file's content are not exceptions but `Diagnostic` values
(see `diagnostics`); an exception here means the run cannot go on at all.
Only the CLI catches these and turns them into an exit status.
"""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0
    PROBLEMS = 1  # invalid input, or (for `diff`) the files differ
    USAGE = 2  # usage or I/O error
    INTERNAL = 3  # a bug in convenant itself


class ConvenantError(Exception):
    """Base of every error the CLI reports as one line with a hint."""

    status = ExitStatus.USAGE

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class InputError(ConvenantError):
    """A path cannot be read, or an output cannot be written (exit 2)."""


class OutputError(ConvenantError):
    """Standard output cannot be written (a full disk, a closed pipe): exit 2."""


class UsageError(ConvenantError):
    """The command line asks for something that cannot be done (exit 2)."""
