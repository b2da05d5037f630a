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
from typing import TYPE_CHECKING, Protocol

import yaml

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.errors import InputError, os_reason
from convenant_cli.domain.language import N_, _
from convenant_cli.reading.yaml_texts import in_language

YAML_SUFFIXES = (".yaml", ".yml")
MAX_FILE_BYTES = 2 * 1024 * 1024  # a large covenant is ~20 kB; a big eindrapport ~1 MB
MAX_DEPTH = 50  # nesting levels; the deepest real file has 6
MAX_NODES = 500_000  # values after alias expansion
MAX_TEXT = 16 * 1024 * 1024  # characters of text after alias expansion
_LIMIT_HINT = N_("real covenant files need no anchors this large nor such deep nesting")

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()
_TAG = "tag:yaml.org,2002:"
_SCALAR_TAGS = {f"{_TAG}{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
_NUMBER_TAGS = {f"{_TAG}int", f"{_TAG}float"}
_STR, _NULL, _BOOL_TAG, _MERGE, _MAP, _SEQ = (f"{_TAG}{name}" for name in ("str", "null", "bool", "merge", "map",
                                                                           "seq"))
_BOOL = yaml.constructor.SafeConstructor.bool_values

KeyPath = tuple[str | int, ...]


if TYPE_CHECKING:
    class Mark(Protocol):
        """Where the parser stands (PyYAML's pure and C parsers have a mark class each)."""

        line: int
        column: int


class NumberText(str):
    """A plain scalar that YAML itself reads as a number (`1166000.00`, `72.000`, `0200065765`).

    It stays the text it was written as; the mark tells a number field that the
    author wrote a number, and lets it judge that text (see `fields.parse_decimal`).
    """


class QuotedText(str):
    """A quoted scalar (`'1166000.00'`): text, even when it looks like a number."""


@dataclass(frozen=True, eq=False, repr=False)
class SourceFile:
    """A YAML file as data, with where each value and key stands."""

    path: str
    text: str
    data: object
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
        """The file's lines, split once (an excerpt per diagnostic stays cheap)."""
        return tuple(self.text.splitlines())

    def line(self, number: int) -> str:
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""


class _Limit(Exception):
    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


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
    builder = _Builder(name)
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
                                                .format(limit=MAX_DEPTH), _pos(mark), _(_LIMIT_HINT))
        message = _("YAML syntax: {error}").format(error=in_language(error.problem or error.context))
        line = text.splitlines()[mark.line] if mark and mark.line < len(text.splitlines()) else ""
        hint = _("YAML indents with spaces; replace the tab") if "\t" in line else None
        if error.context and error.problem:
            message = _("YAML syntax: {error} ({context})").format(error=in_language(error.problem),
                                                                  context=in_language(error.context))
        return _failed(name, text, "CV001", message, _pos(mark), hint)
    except yaml.YAMLError as error:
        return _failed(name, text, "CV001", _("YAML syntax: {error}").format(error=error), (1, 1), None)
    except _Limit as limit:
        return _failed(name, text, "CV005", limit.message, _pos(limit.mark), _(_LIMIT_HINT))
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


_RESOLVED: dict[tuple[str, tuple[bool, bool]], str] = {}  # an eindrapport repeats its words, numbers and dates


def _resolve(event: yaml.ScalarEvent) -> str:
    """The tag YAML gives an untagged scalar (`1.5` a float, `yes` a bool, `abc` a string)."""
    key = (event.value, event.implicit)
    tag = _RESOLVED.get(key)
    if tag is None:
        tag = _RESOLVER.resolve(yaml.ScalarNode, event.value, event.implicit)  # type: ignore[no-untyped-call]
        if len(_RESOLVED) < 4096 and len(event.value) <= 40:
            _RESOLVED[key] = tag
    return tag


def _last(mark: Mark | None) -> tuple[int, int]:
    """The 1-based line and column of the last character before `mark` (an event's end)."""
    return (mark.line + 1, max(mark.column, 1)) if mark is not None else (1, 1)


def _pos(mark: Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _failed(name: str, text: str, code: str, message: str, pos: tuple[int, int], hint: str | None) -> SourceFile:
    problem = Diagnostic.of(code, message, Location(name, *pos), hint)
    return SourceFile(name, text, None, {}, {}, problems=(problem,))


@dataclass(repr=False)
class _Frame:
    container: dict | list
    path: KeyPath
    is_map: bool = False
    key: str | None = None  # mapping frame: the key waiting for its value
    key_pos: tuple[int, int] | None = None
    skip: bool = False  # value of a duplicate key: parsed, then dropped
    anchor: str | None = None
    nodes_before: int = 0
    chars_before: int = 0


class _Builder:
    """Turns a stream of parser events into data and a position map, iteratively."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.root: object = None
        self.values: dict[KeyPath, tuple[int, int]] = {}
        self.keys: dict[KeyPath, tuple[int, int]] = {}
        self.ends: dict[KeyPath, tuple[int, int]] = {}
        self.problems: list[Diagnostic] = []
        self.stack: list[_Frame] = []
        self.anchors: dict[str, tuple[object, int, int]] = {}  # value, values and characters it holds
        self.nodes = 0
        self.chars = 0
        self.documents = 0

    def problem(self, code: str, message: str, mark: Mark | None, hint: str | None = None) -> None:
        self.problems.append(Diagnostic.of(code, message, Location(self.name, *_pos(mark)), hint))

    def feed(self, event: yaml.Event) -> None:
        if event.__class__ is yaml.ScalarEvent:  # nine events in ten: the common case first
            self.scalar(event)
        elif isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents == 2:
                self.problem("CV004", _("more than one YAML document in the file"), event.start_mark,
                             _("keep one document per file; remove the `---` line"))
        elif isinstance(event, yaml.ScalarEvent):
            self.scalar(event)
        elif isinstance(event, yaml.AliasEvent):
            if event.anchor not in self.anchors:
                self.problem("CV001", _("unknown alias `*{anchor}`").format(anchor=event.anchor), event.start_mark)
                self.add(None, event.start_mark)
                return
            value, size, chars = self.anchors[event.anchor]
            self.count(size - 1, chars, event.start_mark)  # `add` counts the value itself
            self.add(value, event.start_mark)
        elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self.open(event)
        elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if frame.anchor:
                self.anchors[frame.anchor] = (frame.container, self.nodes - frame.nodes_before,
                                              self.chars - frame.chars_before)

    def count(self, size: int, chars: int, mark: Mark | None) -> None:
        """Every value counts against the limits, an alias as often as it is used: the
        limits bound what the file expands to, not what it spells out."""
        self.nodes += size
        self.chars += chars
        if self.nodes > MAX_NODES:
            raise _Limit(_("the file expands to more than {limit} values (YAML aliases)")
                         .format(limit=f"{MAX_NODES:_}".replace("_", " ")), mark)
        if self.chars > MAX_TEXT:
            raise _Limit(_("the file expands to more than {limit} MiB of text (YAML aliases)")
                         .format(limit=MAX_TEXT // 1024 // 1024),
                         mark)

    def check_tag(self, tag: str | None, allowed: str, mark: Mark | None) -> None:
        if tag in (None, "!", allowed):
            return
        shown = tag.replace(_TAG, "!!") if tag else tag
        self.problem("CV003", _("YAML tag `{shown}` is not allowed").format(shown=shown), mark,
                     _("remove the tag; convenant files hold plain keys, lists, text and numbers"))

    def open(self, event: yaml.MappingStartEvent | yaml.SequenceStartEvent) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise _Limit(_("nesting deeper than {limit} levels").format(limit=MAX_DEPTH), event.start_mark)
        is_map = isinstance(event, yaml.MappingStartEvent)
        if event.tag is not None:
            self.check_tag(event.tag, _MAP if is_map else _SEQ, event.start_mark)
        container: dict | list = {} if is_map else []
        before, chars = self.nodes, self.chars
        path = self.add(container, event.start_mark)
        self.stack.append(_Frame(container, path, is_map, anchor=event.anchor, nodes_before=before,
                                 chars_before=chars))

    def scalar(self, event: yaml.ScalarEvent) -> None:
        frame = self.stack[-1] if self.stack else None
        if frame is not None and frame.is_map and frame.key is None:
            self.key(frame, event)
            return
        tag = event.tag
        if tag is None:
            tag = _resolve(event)
        elif tag == "!":
            tag = _STR
        if tag == _STR:  # the common case first
            value: object = QuotedText(event.value) if event.style in ("'", '"') else event.value
        elif tag not in _SCALAR_TAGS:
            self.check_tag(tag, "", event.start_mark)
            value = None
        elif tag == _NULL:
            value = None
        elif tag == _BOOL_TAG:
            value = _BOOL.get(event.value.lower(), event.value)
        elif tag in _NUMBER_TAGS:
            value = NumberText(event.value)
        else:  # a timestamp: the text as written, judged by the model
            value = QuotedText(event.value) if event.style in ("'", '"') else event.value
        path = self.add(value, event.start_mark, len(event.value))
        if path not in self.ends:
            self.ends[path] = _last(event.end_mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1, len(event.value))

    def key(self, frame: _Frame, event: yaml.ScalarEvent) -> None:
        pos = _pos(event.start_mark)
        if event.tag == _MERGE or (event.value == "<<" and event.implicit[0]):
            self.problem("CV003", _("merge keys (`<<`) are not supported"), event.start_mark,
                         _("write the keys out in full"))
        key = event.value
        path = frame.path + (key,)
        if key in frame.container:
            first = self.keys[path]
            self.problem("CV002", _("duplicate key `{key}`").format(key=key), event.start_mark,
                         _("`{key}` is already set at line {first}; keep one of them").format(key=key, first=first[0]))
            frame.skip = True
        else:
            self.keys[path] = pos
        frame.key = key
        frame.key_pos = pos

    def add(self, value: object, mark: Mark | None, chars: int = 0) -> KeyPath:
        self.nodes += 1
        self.chars += chars
        if self.nodes > MAX_NODES or self.chars > MAX_TEXT:
            self.count(0, 0, mark)  # says which limit
        if not self.stack:
            if self.root is None:
                self.root = value
                self.values[()] = _pos(mark)
            return ()
        frame = self.stack[-1]
        if not frame.is_map:
            path = frame.path + (len(frame.container),)
            frame.container.append(value)  # type: ignore[union-attr]
        else:
            if frame.key is None:  # a collection used as a key: dropped with its value
                self.problem("CV003", _("a key must be plain text"), mark, _("write the key as a word"))
                frame.key, frame.skip = "\0complex-key", True
                return frame.path + (frame.key,)
            path = frame.path + (frame.key,)
            if not frame.skip:
                frame.container[frame.key] = value  # type: ignore[call-overload]
            frame.key, frame.skip = None, False
        if path not in self.values:
            self.values[path] = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
        return path
