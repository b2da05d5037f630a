"""Releases (docs/reference/development.md): the version is the changelog's latest release, and
the sector guide's pre-commit `rev:` is the commit of that release, with nothing after it that
changes what the hook does: its definition, validate's options, or the messages it prints.
Skipped where git is missing or this project is not a git checkout (a wheel, an sdist)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from convenant_cli import __version__
from tests.conftest import ROOT

HOOK_PATHS = (".pre-commit-hooks.yaml", "src/convenant_cli/cli/validate.py", "src/convenant_cli/locale")
no_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
no_checkout = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="this project is not a git checkout")


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=True,
                          timeout=60).stdout.strip()


def _guide_rev() -> str:
    guide = (ROOT / "docs" / "guides" / "sector.md").read_text(encoding="utf-8")
    (rev,) = re.findall(r"^    rev: (\S+)$", guide, re.M)
    return rev


def test_the_version_is_the_changelogs_latest_release():
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[([0-9]+\.[0-9]+\.[0-9]+)\] - [0-9]{4}-[0-9]{2}-[0-9]{2}$", changelog, re.M)
    assert "## [Unreleased]" in changelog
    assert releases[0] == __version__
    assert tuple(int(part) for part in __version__.split(".")) >= (0, 4, 0)


@no_git
@no_checkout
def test_the_guides_pin_is_the_current_release_and_nothing_after_it_changes_the_hook():
    rev = _guide_rev()
    assert re.fullmatch(r"[0-9a-f]{40}", rev), rev
    if subprocess.run(["git", "cat-file", "-e", f"{rev}^{{commit}}"], cwd=ROOT, timeout=60).returncode != 0:
        if _git("rev-parse", "--is-shallow-repository") == "true":
            pytest.skip("a shallow clone: the sector guide's revision is not in it")
        pytest.fail(f"the sector guide's rev {rev} is not a commit of this repository")
    pinned = _git("show", f"{rev}:src/convenant_cli/__init__.py")
    assert f'__version__ = "{__version__}"' in pinned, f"the guide pins {rev}, which is not release {__version__}"
    assert f"## [{__version__}]" in _git("show", f"{rev}:CHANGELOG.md"), "the pinned commit lacks its changelog entry"
    changed = _git("diff", "--name-only", rev, "HEAD", "--", *HOOK_PATHS)
    assert not changed, (f"changed after the release {__version__} while the guide still pins it: {changed}; "
                         "cut a new release (docs/reference/development.md#releases)")
