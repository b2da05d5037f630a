"""The product owns its rules: the rulebook (`docs/rulebook.md`) has a section per rule R1-R8,
every golden case's `reference` names a rule of it that exists (or a covenant's article or a
law), every case is cited by the rulebook, and nothing shipped cites an internal document."""

from __future__ import annotations

import re

import yaml

from tests.conftest import CONVENANTS, ROOT

RULEBOOK = (ROOT / "docs" / "rulebook.md").read_text(encoding="utf-8")
SECTIONS = set(re.findall(r"^## (R[0-9]) — ", RULEBOOK, re.M))
CASES = sorted((ROOT / "cases").glob("*.yaml"))


def test_the_rulebook_has_a_section_for_every_rule():
    assert {f"R{n}" for n in range(1, 9)} == SECTIONS


def test_every_case_reference_resolves_and_every_case_is_cited():
    for path in CASES:
        reference = yaml.safe_load(path.read_text(encoding="utf-8"))["reference"]
        rules = set(re.findall(r"regelboek (R[0-9])", reference))
        articles = re.findall(r"\bart\. [0-9]+", reference, re.I)
        assert rules or articles, f"{path.name}: {reference!r} names no rule and no article"
        assert rules <= SECTIONS, f"{path.name}: {reference!r} names a rule the rulebook lacks"
        assert f"`{path.name}`" in RULEBOOK, f"{path.name} is not cited by the rulebook"


def test_nothing_shipped_cites_an_internal_document():
    shipped = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md")),
               *sorted((ROOT / "src" / "convenant_cli").rglob("*.py")),
               *(path for folder in (CONVENANTS, ROOT / "cases", ROOT / "amendments")
                 for path in sorted(folder.rglob("*.yaml")))]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        assert "shared/seeds" not in text and "SPEC" not in text, path


def test_the_case_writers_table_is_the_cases_and_no_reference_repeats_itself():
    """The guide's table lists each case with its own title and reference (it cannot drift),
    and a reference names each rule of the rulebook once."""
    table = (ROOT / "docs" / "guides" / "case-writer.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| `([^`]+)` \| (.*) \| (.*) \|$", table, re.M)
    expected = []
    for path in CASES:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        rules = re.findall(r"regelboek (R[0-9])", case["reference"])
        assert len(rules) == len(set(rules)), f"{path.name}: {case['reference']!r} names a rule twice"
        expected.append((path.name, case["title"], case["reference"]))
    assert rows == expected
