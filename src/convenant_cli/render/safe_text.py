"""Text from a file, made safe to show: data, never markup or terminal control.

A name, note or path in a YAML file may hold an escape sequence (`ESC[2J`, an OSC
title), a bidi override that reorders what a reader sees, or a NUL byte that a
workbook cannot store. Every renderer passes such text through `visible`, which
replaces each of these characters by a visible placeholder: the Unicode control
picture for C0 controls and DEL (`␛`), `⟨U+202E⟩` for the others. A line break
becomes `␊`, so that no text from a file starts a line of its own: a CI log runs a line
that starts with `::error` (GitHub). Azure Pipelines runs a logging command wherever
`##vso[` stands in a line, so its bracket is shown as `⟨U+005B⟩` (JSON writes it as
`\u005b`: the same data). The rest of the text stays as written. Rich markup is not
this module's business: the rich renderers wrap text in `rich.text.Text`, which never
parses markup.

Imports nothing heavy; used by the diagnostic renderers at start-up.
"""

from __future__ import annotations

import re
from functools import cache

# Every character of Unicode's categories Cc (C0 and C1 controls, DEL), Cf (bidi embeddings,
# overrides and isolates, zero-width characters, the BOM, tag characters), Zl and Zp
# (line and paragraph separators); a test holds this list against `unicodedata`. Also Cs: a
# lone surrogate is how Python spells a byte of a file name that is not UTF-8, and no
# terminal, JSON reader or XML parser may receive one raw.
_FORMAT_BMP = ("\x7f-\x9f\ud800-\udfff\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
               "\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb")
_FORMAT_ASTRAL = ("\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                  "\U000e0001\U000e0020-\U000e007f")
_C0, _C0_BUT_NEWLINE = "\x00-\x1f", "\x00-\x09\x0b-\x1f"
_UNSAFE, _UNSAFE_BUT_NEWLINE, _FORMAT_ONLY = _C0, _C0_BUT_NEWLINE, ""  # json.dumps escapes C0 itself


_AZURE = re.compile(r"(##vso)\[", re.IGNORECASE)  # the agent looks for it anywhere in a line


@cache
def _pattern(controls: str, astral: bool) -> re.Pattern[str]:
    """Compiled on first use. A class with astral ranges scans some five times slower, and
    most text has no astral character, so that class is only used for text that does."""
    return re.compile(f"[{controls}{_FORMAT_BMP}{_FORMAT_ASTRAL if astral else ''}]")


@cache
def _astral() -> re.Pattern[str]:
    return re.compile("[\U00010000-\U0010ffff]")


def _pick(controls: str, text: str) -> re.Pattern[str]:
    return _pattern(controls, not text.isascii() and _astral().search(text) is not None)


def _placeholder(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟, ␛ for ESC
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟨U+{code:04X}⟩"  # not one character wide: a caret under a line is placed on `visible(prefix)`


def visible(text: str, *, newlines: bool = False) -> str:
    """`text` with every control or invisible format character shown as a placeholder;
    with `newlines`, line breaks stay (for a table cell that may wrap).

    >>> visible("mtech+\\x1b[2J Antwerpen")
    'mtech+␛[2J Antwerpen'
    >>> visible("abc\\u202edef"), visible("a\\nb"), visible("a\\nb", newlines=True)
    ('abc⟨U+202E⟩def', 'a␊b', 'a\\nb')
    >>> visible("R9\\n##vso[task.setvariable variable=X]Y")
    'R9␊##vso⟨U+005B⟩task.setvariable variable=X]Y'
    """
    if "##" in text:
        text = _AZURE.sub(r"\1⟨U+005B⟩", text)
    if text.isascii() and text.isprintable():  # the common case needs no pattern at all
        return text
    pattern = _pick(_UNSAFE_BUT_NEWLINE if newlines else _UNSAFE, text)
    return pattern.sub(_placeholder, text) if pattern.search(text) else text


def shown_in_page(value: object) -> object:
    """A value an HTML page prints (the report's templates, as Jinja's `finalize`): text from a
    file made `visible`, line breaks kept (whitespace in HTML), so that a bidi override cannot
    turn "gnp.exe" round and a NUL is no parse error; markup the report built itself
    (`__html__`) and numbers as they are. Jinja escapes the result.

    >>> shown_in_page("INOM \\u202egnp.exe"), shown_in_page("a\\x07\\nb"), shown_in_page(3)
    ('INOM ⟨U+202E⟩gnp.exe', 'a␇\\nb', 3)
    """
    if isinstance(value, str) and not hasattr(value, "__html__"):
        return visible(value, newlines=True)
    return value


def escape_json(text: str) -> str:
    """JSON text (from `json.dumps(..., ensure_ascii=False)`) with the characters that
    `json.dumps` leaves raw (C1 controls, bidi and other format characters) escaped as
    `\\uXXXX`: the same data, harmless on a terminal.

    >>> escape_json('"a\\u202eb"')
    '"a\\\\u202eb"'
    >>> import json; json.loads(escape_json(json.dumps("x\\U000e0041\\x85", ensure_ascii=False))) == "x\\U000e0041\\x85"
    True
    >>> escape_json('"##vso[task.complete]"'), json.loads(escape_json('"##vso[x]"'))
    ('"##vso\\\\u005btask.complete]"', '##vso[x]')
    """
    if "##" in text:  # only inside a string: no JSON bracket follows `##vso`
        text = _AZURE.sub(r"\1\\u005b", text)
    if text.isascii() and "\x7f" not in text:  # json.dumps has escaped every other ASCII control
        return text
    pattern = _pick(_FORMAT_ONLY, text)
    return pattern.sub(_json_escape, text) if pattern.search(text) else text


def _json_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code <= 0xFFFF:
        return f"\\u{code:04x}"
    code -= 0x10000  # beyond the BMP: a surrogate pair, as JSON spells it
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"

