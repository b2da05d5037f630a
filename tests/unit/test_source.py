"""The YAML reader: exact text for numbers, positions, and refusals."""

from __future__ import annotations

from convenant_cli.reading.source import MAX_DEPTH, parse_source
from tests.conftest import counted_work


def parse(text: str):
    return parse_source(text.encode(), "t.yaml")


def test_numbers_keep_their_text_so_nothing_passes_through_float_or_octal():
    source = parse("amount: 1166000.10\nid: 0200065765\nfte: 12.10\nn: ~\nflag: yes\n")
    assert source.data == {"amount": "1166000.10", "id": "0200065765", "fte": "12.10", "n": None, "flag": True}


def test_positions_are_one_based_for_keys_and_values():
    source = parse("a: 1\nb:\n  - {x: 2}\n")
    assert source.locate(("b", 0, "x")).line == 3
    assert source.locate(("b", 0, "x")).col == 9
    assert source.locate(("b", 0, "x"), key=True).col == 6
    # an unknown path falls back to its nearest known ancestor
    assert source.locate(("b", 0, "missing")).line == 3


def test_duplicate_key_is_reported_on_the_second_occurrence_and_the_first_kept():
    source = parse("a: 1\nb: 2\na: 3\n")
    assert [(p.code, p.location.line) for p in source.problems] == [("CV002", 3)]
    assert source.data["a"] == "1"
    assert "line 1" in source.problems[0].hint


def test_python_tags_are_refused_and_never_run(tmp_path):
    marker = tmp_path / "ran"
    source = parse(f"a: !!python/object/apply:os.system ['touch {marker}']\n")
    assert [p.code for p in source.problems] == ["CV003"]
    assert not marker.exists()


def test_tab_indentation_gets_a_hint():
    source = parse("a:\n\t- 1\n")
    assert source.problems[0].code == "CV001"
    assert source.problems[0].location.line == 2
    assert "tab" in source.problems[0].hint


def test_alias_bomb_stops_quickly_with_a_limit():
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev, name = chr(96 + i), chr(97 + i)
        lines.append(f"{name}: &{name} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
    with counted_work() as work:
        source = parse("\n".join(lines) + "\n")
    assert work.calls < 5_000, work.calls  # about 1.000 calls; expanding the aliases would make 10**9 values
    assert [p.code for p in source.problems] == ["CV005"]


def test_deep_nesting_stops_at_the_limit():
    source = parse("[" * 5000)
    assert source.problems[0].code == "CV005"
    assert f"{MAX_DEPTH}" in source.problems[0].message


def test_empty_and_non_mapping_files():
    assert parse("# only a comment\n").problems[0].code == "CV004"
    assert parse("- a\n- b\n").problems[0].code == "CV004"
    assert parse("just text\n").problems[0].code == "CV004"


def test_binary_and_non_utf8_files():
    assert parse_source(b"\x00\x01\x02", "b.bin").problems[0].code == "CV001"
    assert "UTF-8" in parse_source(b"a: \xff\xfe\n", "b.yaml").problems[0].message
