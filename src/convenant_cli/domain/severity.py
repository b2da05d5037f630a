"""How much a problem weighs: an error fails a run, a warning only under `--strict`."""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
