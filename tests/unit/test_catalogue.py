"""One language per reader: every message of the code is in the Dutch catalogue with its
translation, the catalogue holds nothing the code no longer says, the translation keeps
the message's placeholders, and the compiled catalogue the tool reads is the `.po`.
Messages are marked where they are written: no message text reaches a diagnostic, an
error or a one-line note without `_()`."""

from __future__ import annotations

import ast
import gettext
import io
import re
import string
from pathlib import Path

import pytest

from convenant_cli.domain.language import _, ngettext, set_language
from scripts.update_catalogue import MO, PACKAGE, extracted, mo_bytes, read_catalogue

MESSAGES = extracted()
CATALOGUE = read_catalogue()
ENTRIES = {m.id: m for m in CATALOGUE if m.id}


def _key(message_id: str | tuple[str, str]) -> str:
    return message_id if isinstance(message_id, str) else message_id[0]


def test_every_message_of_the_code_has_a_translation():
    missing = sorted(_key(k) for k in MESSAGES if _key(k) not in {_key(i) for i in ENTRIES})
    assert not missing, f"not in the catalogue (run scripts/update_catalogue.py): {missing}"
    empty = sorted(_key(i) for i, m in ENTRIES.items() if not all(m.string if isinstance(m.string, tuple)
                                                                   else [m.string]))
    assert not empty, f"no Dutch translation yet: {empty}"
    assert len(MESSAGES) > 400  # the extraction found the messages (a broken extraction finds none)


def test_a_plural_in_the_code_is_a_plural_in_the_catalogue():
    """ngettext finds a translation only in a plural entry: a message that became a plural
    keeps no singular translation."""
    entries = {_key(i): m for i, m in ENTRIES.items()}
    wrong = [_key(k) for k in MESSAGES if _key(k) in entries
             and isinstance(k, tuple) != isinstance(entries[_key(k)].string, tuple)]
    assert not wrong, wrong


def test_the_catalogue_holds_nothing_the_code_no_longer_says():
    obsolete = sorted(_key(i) for i in ENTRIES if _key(i) not in {_key(k) for k in MESSAGES})
    assert not obsolete, f"in the catalogue but no longer in the code: {obsolete}"


def _fields(text: str) -> set[str]:
    try:
        return {field for _, field, spec, conversion in string.Formatter().parse(text) if field is not None}
    except ValueError:  # not a format string (a parser's text that names '}'): it must stay one
        return {"<no format string>"}


@pytest.mark.parametrize("entry", list(ENTRIES.values()), ids=lambda m: _key(m.id)[:50])
def test_a_translation_keeps_the_placeholders(entry):
    ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
    strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    for text in strings:
        assert _fields(text) == _fields(ids[0]), f"{ids[0]!r} -> {text!r}"
        # rich markup ([blue]...[/] in typer's texts) only where the English has it
        assert ("[/]" in text) == ("[/]" in ids[0])


def test_the_compiled_catalogue_is_the_po():
    shipped = gettext.GNUTranslations(io.BytesIO(MO.read_bytes()))
    compiled = gettext.GNUTranslations(io.BytesIO(mo_bytes(CATALOGUE)))
    assert shipped._catalog == compiled._catalog, "run scripts/update_catalogue.py"  # type: ignore[attr-defined]


def test_dutch_by_default_english_on_request():
    set_language("nl")
    # hand-picked pairs, as a reader checks them
    assert _("hint:") == "tip:" and _("error") == "fout" and _("warning") == "waarschuwing"
    assert ngettext("{count} file checked", "{count} files checked", 1) == "{count} bestand gecontroleerd"
    assert ngettext("{count} file checked", "{count} files checked", 79) == "{count} bestanden gecontroleerd"
    set_language("en")
    assert _("hint:") == "hint:" and ngettext("{count} error", "{count} errors", 2) == "{count} errors"
    with pytest.raises(ValueError):
        set_language("fr")


# calls whose text arguments are messages: a diagnostic (a code `CVnnn` among its arguments),
# an error, a refusal, a one-line note
_MESSAGE_CALLS = {"UsageError", "InputError", "OutputError", "ConvenantError", "Refusal", "say", "fail",
                  "PydanticCustomError", "_Limit", "KindMismatchError"}


def _callee(call: ast.Call) -> str:
    return call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")


def _unmarked(tree: ast.AST) -> list[int]:
    lines = []
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        coded = [i for i, a in enumerate(call.args) if isinstance(a, ast.Constant) and isinstance(a.value, str)
                 and re.fullmatch(r"CV\d{3}", a.value)]
        if not coded and _callee(call) not in _MESSAGE_CALLS:
            continue
        arguments = call.args[coded[0] + 1:] if coded else call.args
        arguments += [k.value for k in call.keywords if k.arg in ("hint", "message")]
        for argument in arguments:
            if isinstance(argument, ast.JoinedStr):  # words around the values, not a cell name like f"A{row}"
                argument = ast.Constant("".join(str(v.value) for v in argument.values if isinstance(v, ast.Constant)),
                                        lineno=argument.lineno)
            if isinstance(argument, ast.Constant) and isinstance(argument.value, str) and " " in argument.value:
                lines.append(argument.lineno)
    return lines


def test_no_message_is_written_without_marking_it():
    unmarked = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        lines = _unmarked(ast.parse(path.read_text(encoding="utf-8")))
        if lines:
            unmarked[path.relative_to(PACKAGE).as_posix()] = lines
    assert not unmarked, f"a message without _(): {unmarked}"


def test_the_marking_check_finds_an_unmarked_message():
    assert _unmarked(ast.parse('doc.problem("CV101", f"unknown key {key}", path, "did you mean it?")')) == [1, 1]
    assert _unmarked(ast.parse('raise UsageError(_("no files"), _("give one"))')) == []


# Counted words take their number from ngettext, never a bracket ("consulent(en)", "file(s)",
# "afwezigheid/-heden"); a message shows a value as people write it, never as Python prints it.
MACHINE_MADE = re.compile(r"\w\((en|s|n|e)\)|/-\w|!r\}|\bNone\b|\bTrue\b|\bFalse\b")


def test_no_message_counts_with_brackets_or_shows_a_python_value():
    found = []
    for message in CATALOGUE:
        if not message.id:
            continue
        texts = [*(message.id if isinstance(message.id, tuple) else [message.id]),
                 *(message.string if isinstance(message.string, tuple) else [message.string])]
        found += [text for text in texts if MACHINE_MADE.search(text)]
    assert not found, found


def test_the_renderers_count_without_brackets():
    """The tables, explanations and workbooks take their words from the catalogue and their
    counts from ngettext; no text of theirs outside the catalogue counts with brackets either."""
    render = PACKAGE / "render"
    texts = [(path.name, node.value) for path in sorted(render.rglob("*.py"))
             for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Constant) and isinstance(node.value, str)]
    assert len(texts) > 500  # the walk found the renderers' texts
    found = [f"{name}: {text}" for name, text in texts if re.search(r"\w\((en|s)\)|/-heden", text)]
    assert not found, found


def test_a_type_error_names_an_empty_value_as_empty(tmp_path):
    from convenant_cli.loading.model_errors import _shown
    from convenant_cli.models.fields import described

    set_language("en")
    assert (described(None), described(True), described([]), described({})) == (
        "an empty value", "true", "a list", "a mapping")
    assert _shown(None) == "an empty value"
    set_language("nl")
    assert described(None) == "een lege waarde"
    set_language("en")


def test_the_runtime_catalogue_finds_every_message_of_the_po_with_its_translation():
    """The compiled catalogue is looked up one message at a time (`domain/catalogue.py`): every
    message of the `.po`, singular and plural, comes back translated as the `.po` says, and one
    that is not in it comes back as it is."""
    from convenant_cli.domain.catalogue import Catalogue
    from convenant_cli.domain.language import catalogue_folder

    book = Catalogue(MO.read_bytes())
    assert Path(catalogue_folder()) / "nl" / "LC_MESSAGES" / "convenant.mo" == MO
    checked = 0
    for message in read_catalogue():
        if not message.id:
            continue
        if isinstance(message.id, tuple):
            assert book.ngettext(message.id[0], message.id[1], 1) == message.string[0]
            assert book.ngettext(message.id[0], message.id[1], 2) == message.string[1]
        else:
            assert book.gettext(message.id) == message.string, message.id
        checked += 1
    assert checked > 1000
    assert book.gettext("a message no one wrote") == "a message no one wrote"
    assert book.ngettext("{n} thing", "{n} things", 2) == "{n} things"


def test_a_catalogue_cut_short_or_pointing_past_its_end_is_refused_when_opened():
    import struct

    from convenant_cli.domain.catalogue import Catalogue

    whole = MO.read_bytes()
    originals = struct.unpack("<I", whole[12:16])[0]  # where the table of originals starts
    past_end = whole[:originals] + struct.pack("<I", 10**9) + whole[originals + 4:]  # its first length
    for damaged in (whole[:19], whole[:len(whole) // 2], b"\0" * 4 + whole[4:], past_end):
        with pytest.raises(ValueError):
            Catalogue(damaged)
