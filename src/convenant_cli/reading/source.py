"""Reading YAML: the one module that opens and parses a YAML file.

It builds plain data (dicts, lists, strings, booleans, None) from the parser's
events, never through a constructor, so no YAML tag can run code, and keeps
for every key and value its line and column. Numbers stay the text they were
written as (`1166000.00`, `0200065765`): the models turn that text into an
exact `Decimal` or keep it as an identifier; nothing passes through a float
or an octal int. Duplicate keys, foreign tags, alias bombs, deep nesting and
oversized files become diagnostics, not exceptions.

It must not validate meaning (that is `models` and `checks`) nor print.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

import yaml

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.errors import InputError, os_reason
from convenant_cli.domain.language import N_, _
from convenant_cli.reading.events import (
    MAX_DEPTH,
    EventBuilder,
    KeyPath,
    LimitExceeded,
    position,
)
from convenant_cli.reading.yaml_texts import in_language

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 2 * 1024 * 1024  # a large covenant is ~20 kB; a big eindrapport ~1 MB
_LIMIT_HINT = N_("real covenant files need no anchors this large nor such deep nesting")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)



@dataclass(frozen=True, eq=False)
class SourceFile:
    """A YAML file as data, with where each value and key stands."""

    path: str
    text: str = field(repr=False)  # the repr names the file and its problems, not its content
    data: object = field(repr=False)
    values: dict[KeyPath, tuple[int, int]] = field(repr=False)
    keys: dict[KeyPath, tuple[int, int]] = field(repr=False)
    ends: dict[KeyPath, tuple[int, int]] = field(default_factory=dict, repr=False)  # last character of a scalar
    problems: tuple[Diagnostic, ...] = ()
    raw: bytes = field(default=b"", repr=False)  # the file's bytes, for the evidence of what was settled

    @cached_property
    def sha256(self) -> str:
        import hashlib  # only a workbook asks for it

        return hashlib.sha256(self.raw).hexdigest()

    def locate(self, path: KeyPath, *, key: bool = False) -> Location:
        """The line and column of `path`, or of its nearest known ancestor."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return Location(self.path, *table[probe], *(self.ends.get(probe, ()) if not key else ()))
            if probe in self.values:
                return Location(self.path, *self.values[probe], *self.ends.get(probe, ()))
            probe = probe[:-1]
        return Location(self.path, *self.values.get((), (1, 1)))

    @cached_property
    def lines(self) -> tuple[str, ...]:
        """The file's lines, split once (an excerpt per diagnostic stays cheap), each value of
        an `insz` key masked but for its last two characters: an excerpt shows an INSZ, valid
        or not, as every output does."""
        lines = self.text.splitlines()
        for path, start in self.values.items():
            if path and path[-1] == INSZ_KEY:
                _mask_span(lines, start, self.ends.get(path))
        return tuple(lines)

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


INSZ_KEY = "insz"  # personal data (Art. 5): never shown whole, not even in an excerpt


def _mask_span(lines: list[str], start: tuple[int, int], end: tuple[int, int] | None) -> None:
    """Mask the letters and digits of a value from `start` to `end` (line and column, 1-based,
    both included; no end: to the end of its line), all but the last two; in time linear in
    the value's length.

    >>> lines = ["  - {name: A, insz: '0102031234X', fte: 1}"]
    >>> _mask_span(lines, (1, 21), (1, 33)); lines
    ["  - {name: A, insz: '*********4X', fte: 1}"]
    """
    first_line, first_col = start
    last_line, last_col = end if end is not None else (first_line, 0)
    last_line = min(max(last_line, first_line), len(lines))
    spans = []  # (line index, first column, column after the last), 0-based
    for number in range(first_line, last_line + 1):
        line = lines[number - 1]
        begin = first_col - 1 if number == first_line else 0
        stop = last_col if number == last_line and end is not None else len(line)
        spans.append((number - 1, max(begin, 0), min(stop, len(line))))
    keep = 2
    for index, begin, stop in reversed(spans):  # the last two letters or digits stay, wherever they are
        chars = list(lines[index])
        for col in range(stop - 1, begin - 1, -1):
            if chars[col].isalnum():
                if keep:
                    keep -= 1
                else:
                    chars[col] = "*"
        lines[index] = "".join(chars)


def read_bytes(path: Path) -> bytes:
    """Read a whole regular file, at most one byte past the size limit (reported by
    `parse_source`), so a huge file or a device never blocks a run."""
    try:
        if path.is_dir():
            raise InputError(_("{path}: is a folder, not a file").format(path=path))
        if not path.is_file():
            if not path.exists():
                raise InputError(_("{path}: no such file").format(path=path), hint=_("check the path and its spelling"))
            raise InputError(_("{path}: not a regular file").format(path=path), hint=_("give a YAML file"))
        with path.open("rb") as handle:
            return handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise InputError(_("{path}: permission denied").format(path=path)) from None
    except OSError as error:
        raise InputError(_("{path}: cannot read ({reason})")
                         .format(path=path, reason=os_reason(error))) from None


def load_source(path: Path, display: str | None = None) -> SourceFile:
    """Read and parse one YAML file; I/O failures raise `InputError`."""
    return read_source(read_bytes(path), display or str(path))


def walk_yaml(folder: Path, onerror: Callable[[OSError], None] | None = None) -> Iterator[tuple[list[Path], int]]:
    """Each folder under `folder`, hidden ones (`.git`, `.venv`) left out: its *.yaml and
    *.yml files, and how many names it holds (for a walk that must stop somewhere)."""
    for current, folders, names in os.walk(folder, onerror=onerror):
        folders[:] = [name for name in folders if not name.startswith(".")]
        yield [Path(current) / name for name in names if name.endswith(YAML_SUFFIXES)], len(names) + len(folders)


def read_source(raw: bytes, name: str) -> SourceFile:
    """Parse a file's bytes (from a file, or standard input) and keep them as evidence."""
    return replace(parse_source(raw, name), raw=raw)


def parse_source(raw: bytes, name: str) -> SourceFile:
    if len(raw) > MAX_FILE_BYTES:
        return _failed(name, "", "CV005", _("file is larger than the limit of {limit} MiB")
                                          .format(limit=MAX_FILE_BYTES // 1024 // 1024),
                       (1, 1), _("split the file, or check that it is the file you meant"))
    if _looks_utf16(raw):
        return _failed(name, "", "CV001", _("UTF-16 text; convenant files are UTF-8"), (1, 1),
                       _("save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8)"))
    if b"\0" in raw:
        return _failed(name, "", "CV001", _("not a text file (it contains NUL bytes)"), (1, 1),
                       _("give a YAML file"))
    body = raw.removeprefix(b"\xef\xbb\xbf")  # a byte-order mark is not text
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        at = error.start + len(raw) - len(body) + 1
        return _failed(name, "", "CV001", _("not UTF-8 text (byte {at} is invalid)")
                                          .format(at=at), (1, 1), _("save the file as UTF-8"))
    if not text.strip() or all(not line.strip() or line.lstrip().startswith("#") for line in text.splitlines()):
        return _failed(name, text, "CV004", _("the file is empty"), (1, 1),
                       _("a convenant file starts with `schema_version: 1` and `kind:`"))
    builder = EventBuilder(name)
    loader = _Loader(text)
    feed, next_event = builder.feed, loader.get_event  # `yaml.parse` without its generator: an event is a call
    try:
        event = next_event()
        while event is not None:
            feed(event)
            event = next_event()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        if "nesting depth" in str(error.problem):  # libyaml's own limit, met while it reads ahead of ours
            return _failed(name, text, "CV005", _("nesting deeper than {limit} levels")
                                                .format(limit=MAX_DEPTH), position(mark), _(_LIMIT_HINT))
        message = _("YAML syntax: {error}").format(error=in_language(error.problem or error.context))
        line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        hint = _("YAML indents with spaces; replace the tab") if "\t" in line else None
        if error.context and error.problem:
            message = _("YAML syntax: {error} ({context})").format(error=in_language(error.problem),
                                                                  context=in_language(error.context))
        return _failed(name, text, "CV001", message, position(mark), hint)
    except yaml.YAMLError as error:
        return _failed(name, text, "CV001", _("YAML syntax: {error}").format(error=error), (1, 1), None)
    except LimitExceeded as limit:
        return _failed(name, text, "CV005", limit.message, position(limit.mark), _(_LIMIT_HINT))
    except RecursionError:
        return _failed(name, text, "CV005", _("the file is nested too deeply to read"), (1, 1), None)
    finally:
        loader.dispose()
    if not isinstance(builder.root, dict):
        what = _("the file holds a list; expected a mapping of keys") if isinstance(builder.root, list) else \
            _("the file holds a single value; expected a mapping of keys")
        not_a_mapping = Diagnostic.of("CV004", what,
                                      Location(name, *builder.values.get((), (1, 1))),
                                      _("start with `schema_version: 1` and `kind: ...`"))
        return SourceFile(name, text, builder.root, builder.values, builder.keys, ends=builder.ends,
                          problems=(*builder.problems, not_a_mapping))
    return SourceFile(name, text, builder.root, builder.values, builder.keys, ends=builder.ends,
                      problems=tuple(builder.problems))


def _looks_utf16(raw: bytes) -> bool:
    """UTF-16: an even number of bytes that start with a byte-order mark, or of which every
    other one among the first is NUL (ASCII text in UTF-16 without a mark).

    >>> _looks_utf16("kind: convenant".encode("utf-16-le")), _looks_utf16(b"kind: convenant")
    (True, False)
    """
    if len(raw) % 2 or len(raw) < 4:
        return False
    head = raw[:64]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # a byte-order mark
        return True
    return head[1::2].count(0) == len(head[1::2]) or head[0::2].count(0) == len(head[0::2])


def _failed(name: str, text: str, code: str, message: str, pos: tuple[int, int], hint: str | None) -> SourceFile:
    problem = Diagnostic.of(code, message, Location(name, *pos), hint)
    return SourceFile(name, text, None, {}, {}, problems=(problem,))
