"""The `console` examples of the documentation: each `$ convenant ...` line (a line ending
in `\\` goes on on the next, as in a shell) and the output shown under it.

`tests/unit/test_documentation.py` runs every example and compares the output. Run as a
script, this rewrites the output of every example of the given pages from a real run (not
a terminal; 160 columns unless the command sets `COLUMNS=`; in the default language), for after a change that alters
an output on purpose; read the diff before committing it.

    python scripts/update_doc_examples.py README.md docs/guides/*.md
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)


class Example(NamedTuple):
    lines: list[str]  # the command as the page shows it, continuation lines included
    expected: str  # the output under it

    @property
    def command(self) -> str:
        return " ".join(line.rstrip("\\").strip() for line in self.lines)[2:]


def console_examples(block: str) -> list[Example]:
    """The examples of one `console` block's text."""
    examples: list[Example] = []
    lines = block.splitlines()
    while lines:
        line = lines.pop(0)
        if not line.startswith("$ "):
            continue  # text before the first command
        command = [line]
        while command[-1].endswith("\\") and lines:
            command.append(lines.pop(0))
        output = []
        while lines and not lines[0].startswith("$ "):
            output.append(lines.pop(0))
        examples.append(Example(command, "\n".join(output)))
    return examples


def split_command(command: str) -> tuple[str | None, list[str]]:
    """A command's `COLUMNS=` setting (or None) and its arguments."""
    argv, columns = shlex.split(command), None
    while argv and argv[0].startswith("COLUMNS="):
        columns = argv.pop(0).split("=", 1)[1]
    return columns, argv


def _run(command: str) -> list[str]:
    columns, argv = split_command(command)
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "CONVENANT_LANG")}
    if columns is not None:
        environment["COLUMNS"] = columns
    result = subprocess.run(argv, capture_output=True, text=True, env=environment, check=False)
    return [line.rstrip() for line in (result.stdout + result.stderr).rstrip("\n").splitlines()]


def _rewritten(match: re.Match[str]) -> str:
    language, block = match.groups()
    if language != "console":
        return match.group(0)
    lines = [line for example in console_examples(block) for line in [*example.lines, *_run(example.command)]]
    return "```console\n" + "\n".join(lines) + "\n```"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        page = Path(name)
        page.write_text(FENCE.sub(_rewritten, page.read_text(encoding="utf-8")), encoding="utf-8")
