"""Rewrite the output of every `console` block of the given pages from a real run of its
`$ convenant ...` commands, as `tests/unit/test_documentation.py` runs them (not a
terminal; 240 columns unless the command sets `COLUMNS=`). For after a change that alters
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

FENCE = re.compile(r"^```console\n(.*?)^```$", re.M | re.S)
ENVIRONMENT = {name: value for name, value in os.environ.items() if name not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR")}


def _run(command: str) -> list[str]:
    argv = shlex.split(command)
    environment = dict(ENVIRONMENT)
    while argv[0].startswith("COLUMNS="):
        environment["COLUMNS"] = argv.pop(0).split("=", 1)[1]
    result = subprocess.run(argv, capture_output=True, text=True, env=environment, check=False)
    return [line.rstrip() for line in (result.stdout + result.stderr).rstrip("\n").splitlines()]


def _block(body: str) -> str:
    lines, out = body.splitlines(), []
    while lines:
        line = lines.pop(0)
        if not line.startswith("$ "):
            continue  # the old output
        command = [line]
        while command[-1].endswith("\\") and lines:
            command.append(lines.pop(0))
        out += [*command, *_run(" ".join(part.rstrip("\\").strip() for part in command)[2:])]
    return "```console\n" + "\n".join(out) + "\n```"


if __name__ == "__main__":
    for name in sys.argv[1:]:
        page = Path(name)
        page.write_text(FENCE.sub(lambda match: _block(match.group(1)), page.read_text(encoding="utf-8")),
                        encoding="utf-8")
