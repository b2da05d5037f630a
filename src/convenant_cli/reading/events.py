"""YAML parser events into plain data, with the line and column of every key and value.

`reading.source` feeds the events of one file; the builder keeps them as dicts, lists and
text (numbers stay the text they were written as), counts every value against the limits
(an alias as often as it is used), and turns a duplicate key, a foreign tag or a complex
key into a diagnostic.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import yaml

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.language import _

MAX_DEPTH = 50  # nesting levels; the deepest real file has 6
MAX_NODES = 500_000  # values after alias expansion
MAX_TEXT = 16 * 1024 * 1024  # characters of text after alias expansion
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
    """A quoted scalar (`'1166000.00'`), or one tagged as text (`!!str 1166000.00`, `! x`): text,
    even when it looks like a number."""


class LimitExceeded(Exception):
    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.message = message
        self.mark = mark


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


def position(mark: Mark | None) -> tuple[int, int]:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


@dataclass
class _Frame:
    container: dict | list = field(repr=False)  # what was read so far: the path says where
    path: KeyPath
    is_map: bool = False
    key: str | None = None  # mapping frame: the key waiting for its value
    skip: bool = False  # value of a duplicate key: parsed, then dropped
    anchor: str | None = None
    nodes_before: int = 0
    chars_before: int = 0


class EventBuilder:
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
        self.problems.append(Diagnostic.of(code, message, Location(self.name, *position(mark)), hint))

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
            raise LimitExceeded(_("the file expands to more than {limit} values (YAML aliases)")
                         .format(limit=f"{MAX_NODES:_}".replace("_", " ")), mark)
        if self.chars > MAX_TEXT:
            raise LimitExceeded(_("the file expands to more than {limit} MiB of text (YAML aliases)")
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
            raise LimitExceeded(_("nesting deeper than {limit} levels").format(limit=MAX_DEPTH), event.start_mark)
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
        if tag == _STR:  # the common case first; `!!str 71923.00` says text as quotes do
            value: object = QuotedText(event.value) if event.style in ("'", '"') or event.tag is not None \
                else event.value
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
        pos = position(event.start_mark)
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

    def add(self, value: object, mark: Mark | None, chars: int = 0) -> KeyPath:
        self.nodes += 1
        self.chars += chars
        if self.nodes > MAX_NODES or self.chars > MAX_TEXT:
            self.count(0, 0, mark)  # says which limit
        if not self.stack:
            if self.root is None:
                self.root = value
                self.values[()] = position(mark)
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
