"""Every control or invisible format character is shown as a placeholder, in plain text
and in a text that also holds astral characters (the two patterns `safe_text` picks from)."""

from __future__ import annotations

import json
import sys
import unicodedata

from convenant_cli.render.safe_text import escape_json, visible

UNSAFE = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) in ("Cc", "Cf", "Zl", "Zp", "Cs")]


def test_every_control_and_format_character_becomes_visible():
    for char in UNSAFE:
        for text in (f"a{char}b", f"😀a{char}b"):
            shown = visible(text)
            assert char not in shown, hex(ord(char))
            assert not any(c in shown for c in UNSAFE), hex(ord(char))


def test_json_keeps_the_data_and_escapes_what_a_terminal_would_act_on():
    for char in UNSAFE:
        for text in (f"a{char}b", f"😀a{char}b"):
            out = escape_json(json.dumps(text, ensure_ascii=False))
            assert json.loads(out) == text, hex(ord(char))
            assert not any(c in out for c in UNSAFE), hex(ord(char))


def test_ordinary_text_is_left_alone():
    text = "INOM vzw – Zwijnaarde; José, Łódź, 😀 [/] [link=x]"
    assert visible(text) == text
    assert escape_json(json.dumps(text, ensure_ascii=False)) == json.dumps(text, ensure_ascii=False)
