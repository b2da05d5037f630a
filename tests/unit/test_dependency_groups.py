"""The dependency groups of pyproject.toml and their locks (requirements/<group>.txt): every
package a group names is pinned in its lock at a version the group allows, the test and lint
locks hold the package's own dependencies, and locks that share a package pin it alike (so
that they install into one environment). The locks are made by `uv pip compile`
(docs/reference/development.md)."""

from __future__ import annotations

import re
import tomllib

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
GROUPS = PROJECT["dependency-groups"]


def group(name: str) -> list[Requirement]:
    """The group's requirements, its included groups' too (PEP 735 `include-group`)."""
    found = []
    for entry in GROUPS[name]:
        found += group(entry["include-group"]) if isinstance(entry, dict) else [Requirement(entry)]
    return found


def pins(name: str) -> dict[str, list[str]]:
    """Package → the versions its lock pins (one per environment marker)."""
    pinned: dict[str, list[str]] = {}
    text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    for package, version in re.findall(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", text, re.M):
        pinned.setdefault(canonicalize_name(package), []).append(version)
    return pinned


def test_the_groups_are_test_lint_docs_and_release_and_the_old_extra_is_gone():
    assert set(GROUPS) == {"test", "lint", "docs", "release"}
    assert "optional-dependencies" not in PROJECT["project"]
    assert sorted(path.stem for path in (ROOT / "requirements").glob("*.txt")) == sorted(GROUPS)


@pytest.mark.parametrize("name", sorted(GROUPS))
def test_every_package_of_a_group_is_pinned_in_its_lock_at_a_version_it_allows(name):
    locked = pins(name)
    wanted = group(name) + ([Requirement(r) for r in PROJECT["project"]["dependencies"]]
                            if name in ("test", "lint") else [])
    for requirement in wanted:
        versions = locked.get(canonicalize_name(requirement.name))
        assert versions, f"requirements/{name}.txt does not pin {requirement.name}: refresh the lock"
        assert all(requirement.specifier.contains(v, prereleases=True) for v in versions), (name, requirement)
    text = (ROOT / "requirements" / f"{name}.txt").read_text(encoding="utf-8")
    hashed = re.findall(r"^[A-Za-z0-9._-]+==[^\n]*\\\n\s+--hash=sha256:", text, re.M)
    assert len(hashed) == sum(len(versions) for versions in locked.values()), f"{name}: a pin without its hash"


def test_locks_that_share_a_package_pin_it_alike():
    test = pins("test")
    for name in ("lint", "docs", "release"):
        shared = {package: versions for package, versions in pins(name).items() if package in test}
        assert {package: test[package] for package in shared} == shared, name


def test_the_readme_installs_the_test_lock_only_and_ci_every_lock():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme[readme.index("# 2. "):readme.index("```", readme.index("# 2. "))]
    assert re.findall(r"requirements/\w+\.txt", command) == ["requirements/test.txt"]
    assert "ruff" not in command and "mypy" not in command
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert {"from_lock .venv test", "from_lock .venv-lint lint", "-r requirements/docs.txt",
            "--group test --group release"} <= set(re.findall(
                r"from_lock \S+ \w+|-r requirements/\w+\.txt|--group test --group release", ci))
