"""Writing text to standard output or standard error so that every byte is accounted for.

Python's text streams can lose output without a word: over an unbuffered stream
(`PYTHONUNBUFFERED`, `python -u`), a write that the system completes only in part (a disk
that fills up) returns a short count, and `TextIOWrapper` drops the rest. Here the text is
encoded first, handed to the byte stream underneath until every byte is taken, and flushed:
a short count is written again, and a full disk, a closed pipe or an I/O error is an
`OSError` for the caller. A character the stream's encoding cannot hold (`—` on a latin-1 or
cp1252 terminal) is written as a plain stand-in (`-`), or `?`: never a `UnicodeEncodeError`.

Knows no typer and no messages; `output` turns the errors into exit statuses.
"""

from __future__ import annotations

import codecs
import errno
import io
import os
import sys
from typing import IO, Any

_PLAIN = {  # the stand-ins for the typography of the tool's own words, on a stream that cannot encode them
    "—": "-", "–": "-", "−": "-", "‑": "-", "→": "->", "←": "<-", "≥": ">=", "≤": "<=", "≠": "!=", "×": "x",
    "…": "...", "‘": "'", "’": "'", "“": '"', "”": '"', "„": '"', "€": "EUR", "\u00a0": " ", "\u202f": " ",
    "⟨": "<", "⟩": ">", "✓": "v", "✗": "x", "Σ": "sum", "•": "*", "·": ".",
}
_WAIT = 60.0  # seconds a non-blocking stream may stay full before the write is given up
_READER = 0.25  # seconds a pipe's reader is given at the end to take what is left, or to go


def _plain(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    piece = error.object[error.start:error.end]
    return "".join(_PLAIN.get(char, "?") for char in piece), error.end


codecs.register_error("convenant-plain", _plain)


def encoding_of(stream: IO[str]) -> str:
    return getattr(stream, "encoding", None) or "utf-8"


def encode(text: str, encoding: str) -> bytes:
    """`text` in `encoding`, a character it cannot hold replaced by a stand-in.

    >>> encode("4 — 5 €", "latin-1"), encode("Ω", "ascii"), encode("—", "utf-8")
    (b'4 - 5 EUR', b'?', b'\\xe2\\x80\\x94')
    """
    return text.encode(encoding, errors="convenant-plain")


def isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (ValueError, OSError):  # closed
        return False


class Aside(io.StringIO):
    """Text rendered aside for a stream, with that stream's encoding, which rich reads to
    choose its characters (ASCII boxes for a stream that is not UTF)."""

    def __init__(self, encoding: str) -> None:
        super().__init__()
        self._target_encoding = encoding

    @property
    def encoding(self) -> str:  # type: ignore[override]  # StringIO has none; rich asks for it
        return self._target_encoding


def write_all(stream: IO[str], text: str) -> None:
    """Write `text` to `stream` whole and flush it; raise `OSError` when any of it cannot be written."""
    if not text:
        return
    if os.linesep != "\n":
        text = text.replace("\n", os.linesep)  # what the text layer would have done
    stream.flush()  # what others wrote to it first goes first
    data = encode(text, encoding_of(stream))
    buffer: Any = getattr(stream, "buffer", None)
    if buffer is None:  # a text stream with no bytes underneath (a StringIO)
        shown = data.decode(encoding_of(stream))
        count = stream.write(shown)
        if count is not None and count < len(shown):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        stream.flush()
        return
    _write_bytes(buffer, memoryview(data))
    while True:
        try:
            buffer.flush()
            return
        except BlockingIOError:
            _wait_until_writable(buffer)


def _write_bytes(buffer: Any, view: memoryview) -> None:
    """Every byte of `view` into `buffer`: a short count is written again; a stream that takes
    nothing is an I/O error; a non-blocking stream that is full is waited for."""
    while view:
        try:
            count = buffer.write(view)
        except BlockingIOError as full:
            view = view[full.characters_written:]
            _wait_until_writable(buffer)
            continue
        if count is None:  # a raw non-blocking stream that took nothing
            _wait_until_writable(buffer)
            continue
        if count <= 0:
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        view = view[count:]


def _wait_until_writable(buffer: Any) -> None:
    import select

    try:
        ready = select.select([], [buffer.fileno()], [], _WAIT)[1]
    except (OSError, ValueError, AttributeError):
        ready = []
    if not ready:
        raise OSError(errno.EAGAIN, os.strerror(errno.EAGAIN))


def unread(stream: IO[str], wait: float = _READER) -> int:  # not money: seconds
    """The bytes left in a pipe whose reader has gone (`| head -c 100` stopped reading): what
    was written but never read. A reader still busy is given `wait` seconds to take the rest
    or go; a reader that takes it all, a reader still there after that, a file and a terminal
    are 0, and so is a system that cannot tell (Linux and the BSDs report both: a reader
    gone, bytes left)."""
    if sys.platform == "win32":
        return 0
    import fcntl
    import select
    import stat
    import termios
    import time

    try:
        descriptor = stream.fileno()
        if not stat.S_ISFIFO(os.fstat(descriptor).st_mode):
            return 0
        poll = select.poll()
        poll.register(descriptor, 0)  # no events asked: POLLERR says the reading end is closed
        left = bytearray(4)
        deadline = time.monotonic() + wait
        while True:
            fcntl.ioctl(descriptor, termios.FIONREAD, left)
            count = int.from_bytes(left, sys.byteorder)
            if not count:
                return 0
            if any(events & select.POLLERR for _fd, events in poll.poll(10)):
                fcntl.ioctl(descriptor, termios.FIONREAD, left)
                return int.from_bytes(left, sys.byteorder)
            if time.monotonic() > deadline:
                return 0
    except (OSError, ValueError, AttributeError):
        return 0
