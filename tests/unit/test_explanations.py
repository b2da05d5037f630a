"""Every code has its explanation and an example, and each example that can be written into a
file is true: the mended lines are cut from a bundled file, the mistake put in their place,
and `validate` reports the code on the mistake and not on the file as it is. The section an
explanation points to is a heading of the documentation."""

from __future__ import annotations

import json
import re
import shutil
import unicodedata

import pytest

from convenant_cli.domain.codes import CODES
from convenant_cli.domain.explanations import EXPLANATIONS
from convenant_cli.domain.language import N_
from tests.conftest import ROOT

# the files an example may be cut from, and what they refer to (copied into a scratch project)
_TREES = ("convenants", "cases", "tests/data/valid")
BASES = [path.relative_to(ROOT) for tree in _TREES for path in sorted((ROOT / tree).rglob("*.yaml"))]
CHECKED = [code for code, explanation in EXPLANATIONS.items() if explanation.checked]


def test_every_code_has_an_explanation_and_an_example_and_nothing_else_has():
    assert list(EXPLANATIONS) == list(CODES), "codes.py and domain/explanations/ list the same codes, in order"
    for code, explanation in EXPLANATIONS.items():
        assert len(explanation.text) >= 80, code  # a longer explanation than the summary
        assert explanation.text != N_(CODES[code].summary), code
        assert explanation.mistake.strip() and explanation.fix.strip(), code
        assert explanation.mistake != explanation.fix, code


def test_nearly_every_example_is_checked_against_validate():
    # CV218, CV219: no bundled file holds an INSZ (and none may: the docs show the examples);
    # CV308: a symbolic link is no line of a file; CV511, CV512: retired, nothing raises them;
    # CV707, CV708: the example's SHA-256 stands for a file's bytes (tests/cli/test_assessment.py raises both)
    assert sorted(set(EXPLANATIONS) - set(CHECKED)) == ["CV218", "CV219", "CV308", "CV511", "CV512", "CV707",
                                                        "CV708"]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _holds(line: str, expected: str) -> bool:
    """A line of a file is the expected one, perhaps with a comment after it."""
    return line == expected or (line.startswith(expected + " ") and line[len(expected):].lstrip().startswith("#"))


def mistaken(text: str, fix: str, mistake: str) -> str | None:
    """`text` with the lines of `fix` (at whatever indentation they stand) replaced by `mistake`.

    >>> mistaken("a:\\n  b: 1  # one\\n  c: 2\\n", "b: 1\\n", "b: x\\n")
    'a:\\n  b: x\\n  c: 2\\n'
    >>> mistaken("a: 1\\n", "b: 1\\n", "b: x\\n") is None
    True
    """
    lines, fixed, wrong = text.splitlines(), fix.splitlines(), mistake.splitlines()
    for start in range(len(lines) - len(fixed) + 1):
        shift = _indent(lines[start]) - _indent(fixed[0])
        if shift < 0:
            continue
        if all(_holds(lines[start + n], " " * shift + line) for n, line in enumerate(fixed)):
            mended = [" " * shift + line if line else line for line in wrong]
            return "\n".join([*lines[:start], *mended, *lines[start + len(fixed):]]) + "\n"
    return None


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    """A project folder with the bundled files, copied once for the module's tests."""
    folder = tmp_path_factory.mktemp("bundled")
    for tree in _TREES:
        shutil.copytree(ROOT / tree, folder / tree, symlinks=True)
    shutil.copy(ROOT / "mkdocs.yml", folder / "mkdocs.yml")  # a YAML file that is no convenant file
    return folder


@pytest.fixture
def scratch(bundled, monkeypatch, run_cli):
    """The bundled project as the current folder (after `run_cli`'s); a file a test changes
    is put back after it."""
    monkeypatch.chdir(bundled)
    before = {base: (bundled / base).read_bytes() for base in BASES}
    yield bundled
    for base, content in before.items():
        (bundled / base).write_bytes(content)


def _codes(run_cli, path) -> set[str]:
    result = run_cli("validate", "--format", "json", "--no-dependants", path)
    assert result.exit_code in (0, 1), result.stderr
    return {problem["code"] for problem in json.loads(result.stdout)}


@pytest.mark.parametrize("code", CHECKED)
def test_the_mistake_gives_the_code_and_the_fix_does_not(code, scratch, run_cli):
    explanation = EXPLANATIONS[code]
    found = [(base, text) for base in BASES
             if (text := mistaken((scratch / base).read_text(encoding="utf-8"), explanation.fix, explanation.mistake))]
    assert found, f"{code}: no bundled file holds the mended lines"
    base, text = found[0]
    assert code not in _codes(run_cli, base), f"{code} on {base} as it is"
    (scratch / base).write_text(text, encoding="utf-8")
    assert code in _codes(run_cli, base), f"{code}: not reported on {base} with the mistake"


def _slug(heading: str) -> str:
    """A heading's anchor as the documentation's site makes it (Python-Markdown's toc)."""
    text = unicodedata.normalize("NFKD", heading).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[-\s]+", "-", re.sub(r"[^\w\s-]", "", text).strip().lower())


def test_the_slug_is_the_sites():
    assert _slug("R8 — Interim views at a monitoring moment (Art. 6)") == \
        "r8-interim-views-at-a-monitoring-moment-art-6"


@pytest.mark.parametrize("code", list(EXPLANATIONS))
def test_the_section_is_a_heading_of_the_documentation(code):
    page, _, anchor = EXPLANATIONS[code].section.partition("#")
    text = (ROOT / "docs" / page).read_text(encoding="utf-8")
    if anchor:
        headings = {_slug(line.lstrip("#").strip()) for line in text.splitlines() if re.match(r"#{1,6} ", line)}
        assert anchor in headings, f"{code}: docs/{page} has no heading #{anchor}"

