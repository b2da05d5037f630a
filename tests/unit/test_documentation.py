"""The documentation cannot drift from the tool: every command shown with its output (a
`console` block in the README or in `docs/`) is run and its output compared line for line
(an excerpt's `...` for the lines it leaves out; an example that edits a bundled file first
runs in a scratch copy), and no other block shows the tool's output;
the generated reference pages are what the generators print now; the README stays short
and its links lead to files that exist. (`mkdocs build --strict` in `.ci/run` checks the
site's own links and anchors.)"""

from __future__ import annotations

import re

import pytest

from convenant_cli.cli.reference import markdown_reference as commands_page
from convenant_cli.models.reference import markdown_reference as formats_page
from scripts.update_doc_examples import (
    FENCE,
    apply_edit,
    console_examples,
    matches,
    pages,
    printed_lines,
    scratch_project,
    split_command,
)
from tests.conftest import ROOT

PAGES = pages()
EXAMPLES = [(path.relative_to(ROOT).as_posix(), example)
            for path in PAGES for language, block in FENCE.findall(path.read_text(encoding="utf-8"))
            if language == "console" for example in console_examples(block) if not example.is_edit]
# what only the tool prints: a diagnostic, a case's verdict, a step of an explanation, a table's title
OUTPUT = re.compile(r"^\S+:\d+:\d+: (error|warning|note)\[CV\d+\]|^(OK  |FOUT )\S|^\s+→ |^(Afrekening|Totaal) ", re.M)


def test_every_page_shows_examples_only_in_blocks_that_are_run():
    for path in PAGES:
        for language, block in FENCE.findall(path.read_text(encoding="utf-8")):
            if re.search(r"^\$ ", block, re.M):
                assert language == "console", f"{path.name}: a `$ ` command in a {language or 'plain'} block is not run"


def test_no_page_shows_the_tools_output_outside_a_block_that_is_run():
    for path in PAGES:
        for language, block in FENCE.findall(path.read_text(encoding="utf-8")):
            if language != "console" and (shown := OUTPUT.search(block)):
                raise AssertionError(f"{path.name}: {shown.group(0)!r} is output in a {language or 'plain'} block: "
                                     "show it in a console block under its command (an excerpt with `...`)")


def test_the_readme_and_the_guides_have_examples():
    pages = {page for page, _ in EXAMPLES}
    assert {"README.md", "docs/guides/auditor.md", "docs/guides/analyst.md", "docs/guides/case-writer.md",
            "docs/guides/sector.md"} <= pages


@pytest.mark.parametrize(("page", "example"), EXAMPLES, ids=[f"{p}: {e.command[:60]}" for p, e in EXAMPLES])
def test_a_documented_example_prints_what_the_page_shows(page, example, run_cli, monkeypatch, tmp_path):
    monkeypatch.delenv("COLUMNS")  # laid out as for a file or a pipe: 160 columns, unless the example sets it
    monkeypatch.delenv("CONVENANT_LANG")  # in the default language, as a reader who copies the command sees it
    columns, (program, *args) = split_command(example.command)
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    assert program == "convenant", f"{page}: only convenant commands are run"
    if example.edits:  # the block edits a bundled file first: in a copy
        monkeypatch.chdir(scratch_project(tmp_path))
        for edit in example.edits:
            apply_edit(edit, tmp_path)
    result = run_cli(*args)
    printed = "\n".join(printed_lines(result.stdout, result.stderr))
    assert matches(example.expected, printed), f"{page}: `{example.command}` printed otherwise:\n{printed}"


def test_an_example_that_differs_from_the_output_fails():
    """The comparison itself: a changed line, a line too many, an excerpt out of order."""
    printed = "a\nb\nc\nd"
    assert matches("a\nb\nc\nd", printed) and not matches("a\nb\nC\nd", printed) and not matches("a\nb\nc", printed)
    assert matches("...\nb\nc\n...", printed) and matches("a\n...\nd", printed) and matches("...\nd", printed)
    assert not matches("...\nc\nb\n...", printed) and not matches("b\n...", printed) and not matches("...\nc", printed)
    assert not matches("...\nb\nd\n...", printed)  # the lines around an elision follow each other


def test_an_edit_is_carried_out_in_a_copy_and_one_that_changes_nothing_is_an_error(tmp_path):
    scratch_project(tmp_path)
    apply_edit("sed -i 's/deduction: \"8990.42\"/deduction: \"8990.41\"/' cases/vacature.yaml", tmp_path)
    assert 'deduction: "8990.41"' in (tmp_path / "cases" / "vacature.yaml").read_text(encoding="utf-8")
    assert 'deduction: "8990.42"' in (ROOT / "cases" / "vacature.yaml").read_text(encoding="utf-8")
    with pytest.raises(ValueError, match="has no"):
        apply_edit("sed -i 's/no such text/x/' cases/vacature.yaml", tmp_path)


def test_the_generated_reference_pages_are_current():
    reference = ROOT / "docs" / "reference"
    assert (reference / "commands.md").read_text(encoding="utf-8") == commands_page(), \
        "regenerate: python -m convenant_cli.cli.reference > docs/reference/commands.md"
    assert (reference / "file-formats.md").read_text(encoding="utf-8") == formats_page(), \
        "regenerate: python -m convenant_cli.models.reference > docs/reference/file-formats.md"


def test_the_readme_is_short_and_its_links_lead_somewhere():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 250
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", readme):
        if not target.startswith("https://"):
            assert (ROOT / target).is_file(), target
    commands = [line for language, block in FENCE.findall(readme) if language in ("sh", "console")
                for line in block.splitlines() if language == "sh" or line.startswith(("$ ", "    "))]
    assert commands and max(len(line) for line in commands) <= 100, "split long commands for copying"


def test_every_page_is_in_the_site():
    mkdocs = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    for page in (ROOT / "docs").rglob("*.md"):
        assert page.relative_to(ROOT / "docs").as_posix() in mkdocs, page


def test_the_site_renders_every_interpretations_list_as_a_list(tmp_path):
    """Markdown needs a blank line before a list: without it the rulebook's interpretations ran
    together as one paragraph. The site is built as readers get it, and each Interpretations
    heading of the rulebook is followed by a list of items."""
    import os
    import subprocess
    import sys

    site = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
                   cwd=ROOT, check=True, capture_output=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                   timeout=90)
    html = (site / "rulebook" / "index.html").read_text(encoding="utf-8")
    sections = html.split("<strong>Interpretations.</strong>")[1:]
    written = (ROOT / "docs" / "rulebook.md").read_text(encoding="utf-8").count("**Interpretations.**")
    assert len(sections) == written >= 3
    for section in sections:
        following = section.split("</p>", 1)[1].lstrip()
        assert following.startswith("<ul>") and "<li>" in following.split("</ul>", 1)[0]


def test_the_sector_guide_shows_every_sheet_of_the_workbook():
    from convenant_cli.reading.eindrapport_format import GUIDE, SHEETS

    guide = (ROOT / "docs" / "guides" / "sector.md").read_text(encoding="utf-8")
    for sheet in (GUIDE, *SHEETS):
        image = f"../images/eindrapport-{sheet.lower()}.png"
        assert f"![The sheet {sheet}]({image})" in guide, sheet
        assert (ROOT / "docs" / "guides" / image).resolve().is_file(), image


def test_the_auditors_guide_shows_the_report_on_screen_and_printed():
    """The pictures come from `scripts/report_images.py` (Chromium on the bundled generation)."""
    guide = (ROOT / "docs" / "guides" / "auditor.md").read_text(encoding="utf-8")
    for image, words in (("rapport-scherm", "in a browser"), ("rapport-afdruk", "as it prints on A4")):
        assert f"]({f'../images/{image}.png'})" in guide and words in guide, image
        picture = ROOT / "docs" / "images" / f"{image}.png"
        assert picture.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and picture.stat().st_size > 20_000, image
    assert "### The report (`--html`)" in guide and "**Printing.**" in guide
