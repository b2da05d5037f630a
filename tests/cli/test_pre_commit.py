"""The pre-commit hook, run by pre-commit itself in a scratch sector repository: the
sector guide's snippet as written (its `repo:` pointed at this checkout), and `pre-commit
try-repo` of this checkout. Slow: pre-commit installs convenant in an environment of its
own, once per revision. Skipped where git or pre-commit is missing, or where this project
is not a git checkout."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.builders import sector_repository
from tests.conftest import ROOT

pytestmark = [
    pytest.mark.slow,
    pytest.mark.timeout(1800),  # pre-commit installs convenant in an environment of its own, once per revision
    pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed"),
    pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None,
                       reason="pre-commit is not installed (it is in the release group: pip install --group release)"),
    pytest.mark.skipif(not (ROOT / ".git").exists(), reason="this project is not a git checkout"),
]
# a scratch repository needs no identity of the person running the tests
GIT_IDENTITY = {"GIT_AUTHOR_NAME": "test", "GIT_AUTHOR_EMAIL": "test@example.org",
                "GIT_COMMITTER_NAME": "test", "GIT_COMMITTER_EMAIL": "test@example.org"}


def readme_snippet() -> dict:
    """The sector guide's pre-commit configuration, as a sector copies it."""
    blocks = re.findall(r"```yaml\n(.*?)```", (ROOT / "docs" / "guides" / "sector.md").read_text(), re.S)
    (snippet,) = [block for block in blocks if "id: convenant-validate" in block]
    return yaml.safe_load(snippet)


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory) -> Path:
    """One cache for the module: each revision's environment is installed once."""
    return tmp_path_factory.mktemp("pre-commit-home")


def _git(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **GIT_IDENTITY},
                          timeout=60)


def _pre_commit(repository: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, **GIT_IDENTITY, "PRE_COMMIT_HOME": str(home), "PRE_COMMIT_COLOR": "never"}
    return subprocess.run([sys.executable, "-m", "pre_commit", *args], cwd=repository, env=env,
                          capture_output=True, text=True, timeout=900)


def _scratch(tmp_path: Path) -> Path:
    """A sector repository under git, its pre-commit configuration the sector guide's snippet
    with `repo:` this checkout."""
    repository = sector_repository(tmp_path)
    assert _git("init", "-q", cwd=repository).returncode == 0
    config = readme_snippet()
    config["repos"][0]["repo"] = str(ROOT)
    (repository / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config, sort_keys=False))
    assert _git("add", "-A", cwd=repository).returncode == 0
    return repository


def _rename_r1(repository: Path) -> None:
    covenant = repository / "metaal-2023-2025.yaml"
    covenant.write_text(covenant.read_text().replace("\n  - id: R1\n", "\n  - id: R1-werkzoekenden\n"))
    assert _git("add", "-A", cwd=repository).returncode == 0


def test_try_repo_passes_a_sector_repository_and_fails_the_dependant_of_a_change(tmp_path, pre_commit_home):
    repository = _scratch(tmp_path)
    result = _pre_commit(repository, pre_commit_home, "try-repo", str(ROOT), "convenant-validate", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^convenant validate\.+Passed$", result.stdout, re.M), result.stdout
    _rename_r1(repository)
    # pre-commit passes only the changed file: the eindrapport that refers to it is checked too
    result = _pre_commit(repository, pre_commit_home, "try-repo", str(ROOT), "convenant-validate",
                         "--files", "metaal-2023-2025.yaml")
    assert result.returncode == 1, result.stdout + result.stderr
    assert re.search(r"^convenant validate\.+Failed$", result.stdout, re.M), result.stdout
    assert ("examples/metaal-2023-2025-realisatie.yaml:6:3: error[CV502]: result commitment 'R1' is not in "
            "metaal-2023-2025.yaml") in result.stdout
    assert "4 files checked (3 referring to a given file): 2 errors, 0 warnings" in result.stdout


def test_the_readme_snippet_works_as_written(tmp_path, pre_commit_home):
    rev = readme_snippet()["repos"][0]["rev"]
    assert re.fullmatch(r"[0-9a-f]{40}", rev), f"rev: {rev!r} is not a commit; a tag may not exist where it is used"
    if _git("cat-file", "-e", f"{rev}^{{commit}}", cwd=ROOT).returncode != 0:
        shallow = _git("rev-parse", "--is-shallow-repository", cwd=ROOT).stdout.strip() == "true"
        if shallow:
            pytest.skip("a shallow clone: the sector guide's revision is not in it")
        pytest.fail(f"the sector guide's rev {rev} is not a commit of this repository")
    hooks = _git("show", f"{rev}:.pre-commit-hooks.yaml", cwd=ROOT).stdout
    assert hooks == (ROOT / ".pre-commit-hooks.yaml").read_text(), "the guide's rev holds another hook definition"
    result = _pre_commit(_scratch(tmp_path), pre_commit_home, "run", "--all-files")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"^convenant validate\.+Passed$", result.stdout, re.M), result.stdout
