"""What a diagnostic renderer may ask of the files: one line of a file, by name."""

from __future__ import annotations

from collections.abc import Callable

SourceLine = Callable[[str, int], str]  # (file as reported, 1-based line) -> the line, or "" if unknown
