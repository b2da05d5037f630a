"""Colour on a terminal: `--color auto|always|never`, beside NO_COLOR and FORCE_COLOR.

`auto` colours a terminal, not a pipe or a file; NO_COLOR (https://no-color.org) turns
it off and FORCE_COLOR on, as most command-line tools read them. An explicit `always` or
`never` wins over both.
"""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TextIO


class ColorMode(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


def wants_color(mode: ColorMode, stream: TextIO) -> bool:
    """Whether to colour what goes to `stream`."""
    if mode is not ColorMode.auto:
        return mode is ColorMode.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty() and os.environ.get("TERM") != "dumb"
    except (ValueError, OSError):  # a closed stream
        return False
