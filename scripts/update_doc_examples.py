"""The `console` examples of the documentation: each `$ convenant ...` line (a line ending
in `\\` goes on on the next, as in a shell) and the output shown under it.

Two more things a block may hold, so that every output a page shows is a real one:
- a line `...` in an output stands for lines the page leaves out (an excerpt: the lines
  around it must follow each other in the output as shown, in that order);
- a `$ sed -i 's/OLD/NEW/' FILE` line edits a bundled file (the first OLD of each line, taken
  literally), to show what the tool says of a mistake: the block's commands then run in a
  scratch copy of the project's files (PROJECT_FOLDERS), never on the checkout.

`tests/unit/test_documentation.py` runs every example and compares the output. Run as a
script, this rewrites the output of every example of the given pages (all of them by
default: README.md and docs/) from a real run (not a terminal; 160 columns unless the command
sets `COLUMNS=`; in the default language), for after a change that alters an output on
purpose; read the diff before committing it.

    python scripts/update_doc_examples.py [PAGE.md ...]
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple

FENCE = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
ELISION = "..."
ROOT = Path(__file__).resolve().parent.parent
PROJECT_FOLDERS = ("convenants", "cases", "amendments", "schema")  # what an edited example runs on


class Example(NamedTuple):
    lines: list[str]  # the command as the page shows it, continuation lines included
    expected: str  # the output under it
    edits: tuple[str, ...] = ()  # the `sed -i` commands before it in its block

    @property
    def command(self) -> str:
        return " ".join(line.rstrip("\\").strip() for line in self.lines)[2:]

    @property
    def is_edit(self) -> bool:
        return self.command.startswith("sed ")


def console_examples(block: str) -> list[Example]:
    """The examples of one `console` block's text."""
    examples: list[Example] = []
    edits: list[str] = []
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
        example = Example(command, "\n".join(output), tuple(edits))
        if example.is_edit:
            edits.append(example.command)
        examples.append(example)
    return examples


def split_command(command: str) -> tuple[str | None, list[str]]:
    """A command's `COLUMNS=` setting (or None) and its arguments."""
    argv, columns = shlex.split(command), None
    while argv and argv[0].startswith("COLUMNS="):
        columns = argv.pop(0).split("=", 1)[1]
    return columns, argv


def scratch_project(folder: Path) -> Path:
    """A copy of the project's bundled files in `folder`, for the examples that edit one."""
    for name in PROJECT_FOLDERS:
        shutil.copytree(ROOT / name, folder / name)
    return folder


def apply_edit(command: str, folder: Path) -> None:
    """Carry out `sed -i 's/OLD/NEW/' FILE` in `folder`: the first OLD of each line becomes NEW.
    An edit that changes nothing is an error (the page would show a mistake that is not made)."""
    program, option, expression, name = shlex.split(command)
    delimiter = expression[1:2]
    parts = expression[2:].split(delimiter) if delimiter else []
    if program != "sed" or option != "-i" or expression[:1] != "s" or len(parts) != 3 or parts[2]:
        raise ValueError(f"only `sed -i 's/OLD/NEW/' FILE` is carried out: {command}")
    old, new, _ = parts
    path = folder / name
    text = path.read_text(encoding="utf-8")
    edited = "".join(line.replace(old, new, 1) for line in text.splitlines(keepends=True))
    if edited == text:
        raise ValueError(f"{command}: {name} has no {old!r}")
    path.write_text(edited, encoding="utf-8")


def _segments(expected: list[str]) -> tuple[list[list[str]], bool, bool]:
    """The runs of lines between the elisions, and whether the output starts and ends with one."""
    segments: list[list[str]] = [[]]
    for line in expected:
        if line == ELISION:
            segments.append([])
        else:
            segments[-1].append(line)
    return segments, bool(expected) and expected[0] == ELISION, bool(expected) and expected[-1] == ELISION


def _place(segments: list[list[str]], printed: list[str], open_start: bool, open_end: bool) -> list[int] | None:
    """Where each segment starts in `printed`, in order and apart, or None when they cannot be
    placed so (the first at the start and the last at the end unless an elision is there)."""

    def fits(n: int, at: int) -> list[int] | None:
        if n == len(segments):
            return [] if open_end or at == len(printed) else None
        segment = segments[n]
        starts = range(at, len(printed) - len(segment) + 1) if n > 0 or open_start else [at]
        for start in starts:
            if printed[start:start + len(segment)] == segment:
                rest = fits(n + 1, start + len(segment))
                if rest is not None:
                    return [start, *rest]
        return None

    return fits(0, 0)


def matches(expected: str, printed: str) -> bool:
    """Whether the output a page shows is what the command printed (`...` for left-out lines)."""
    wanted, lines = expected.split("\n") if expected else [], printed.split("\n") if printed else []
    if ELISION not in wanted:
        return wanted == lines
    segments, open_start, open_end = _segments(wanted)
    return _place(segments, lines, open_start, open_end) is not None


def regenerated(expected: list[str], printed: list[str]) -> list[str]:
    """The output to show: what was printed, with the page's elisions kept. Each shown run of
    lines is taken anew from where it matches best (its first line, then most lines alike)."""
    if ELISION not in expected:
        return printed
    segments, open_start, open_end = _segments(expected)
    found: list[str] = [ELISION] if open_start else []
    at = 0
    for n, segment in enumerate(segments):
        if not segment:
            continue
        if n == 0 and not open_start:
            start = 0
        else:
            candidates = [i for i in range(at, len(printed)) if printed[i] == segment[0]] or [at]
            start = max(candidates, key=lambda i: sum(a == b for a, b in zip(printed[i:], segment, strict=False)))
        length = len(segment) if n < len(segments) - 1 or open_end else len(printed) - start
        found += printed[start:start + length] + ([ELISION] if n < len(segments) - 1 or open_end else [])
        at = start + length
    return found


def printed_lines(stdout: str, stderr: str) -> list[str]:
    """An output as a page shows it: stdout then stderr, without trailing spaces."""
    return [line.rstrip() for line in (stdout + stderr).rstrip("\n").splitlines()]


def _run(command: str, folder: Path) -> list[str]:
    columns, argv = split_command(command)
    environment = {name: value for name, value in os.environ.items()
                   if name not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "CONVENANT_LANG")}
    if columns is not None:
        environment["COLUMNS"] = columns
    beside = Path(sys.executable).parent / argv[0]  # the environment's own convenant, if it has one
    result = subprocess.run([str(beside) if beside.exists() else argv[0], *argv[1:]], capture_output=True,
                            text=True, env=environment, cwd=folder, check=False, timeout=300)
    return printed_lines(result.stdout, result.stderr)


def _rewritten_block(block: str) -> str:
    examples = console_examples(block)
    with tempfile.TemporaryDirectory() as scratch:
        folder = scratch_project(Path(scratch)) if any(e.is_edit for e in examples) else ROOT
        lines: list[str] = []
        for example in examples:
            lines += example.lines
            if example.is_edit:
                apply_edit(example.command, folder)
            else:
                lines += regenerated(example.expected.split("\n"), _run(example.command, folder))
    return "\n".join(lines)


def _rewritten(match: re.Match[str]) -> str:
    language, block = match.groups()
    if language != "console":
        return match.group(0)
    return "```console\n" + _rewritten_block(block) + "\n```"


def pages() -> list[Path]:
    """Every page with examples: the README and the documentation."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


if __name__ == "__main__":
    for page in [Path(name) for name in sys.argv[1:]] or pages():
        page.write_text(FENCE.sub(_rewritten, page.read_text(encoding="utf-8")), encoding="utf-8")
