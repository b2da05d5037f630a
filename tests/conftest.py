"""Shared fixtures: the CLI runner, small YAML files written inline, project paths."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from convenant_cli.cli import app
from tests import viewers

T = TypeVar("T")
ROOT = Path(__file__).resolve().parent.parent
CONVENANTS = ROOT / "convenants"
EXAMPLES = CONVENANTS / "examples"
DATA = ROOT / "tests" / "data"

# Example counts: `dev` keeps the README's test run quick; `.ci/run` sets HYPOTHESIS_PROFILE=ci
# for the full counts. Tests that name their own max_examples keep it in both.
settings.register_profile("ci", max_examples=300)
settings.register_profile("dev", max_examples=40)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    """Before the test's fixtures: whether it may run a viewer (`viewers.need` fails in a test
    without the `viewers` marker, which the default run would otherwise run on every core)."""
    viewers.marked = item.get_closest_marker("viewers") is not None


@dataclass
class Result:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_cli(monkeypatch):
    """Run `convenant ARGS` in-process from the project folder (reports show paths relative
    to it); stdout and stderr apart; `input` is standard input. No colour unless asked for."""
    monkeypatch.setenv("COLUMNS", "320")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.chdir(ROOT)

    def run(*args: str | Path, input: bytes | str | None = None) -> Result:
        runner = CliRunner()
        result = runner.invoke(app, [str(a) for a in args], input=input, catch_exceptions=False)
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


def one_line(header: object) -> object:
    """A workbook's column header as one line: a figure's header is its label broken over lines
    (`Inspannings-\nfinanciering` is `Inspanningsfinanciering`)."""
    return " ".join(header.replace("-\n", "").split()) if isinstance(header, str) else header


@pytest.fixture
def dutch(monkeypatch):
    """Messages in the default language, Dutch (the tests speak English otherwise; see the
    project's conftest.py)."""
    monkeypatch.delenv("CONVENANT_LANG", raising=False)


@pytest.fixture
def project(tmp_path, monkeypatch, run_cli):
    """A scratch project folder (not a git work tree) that is the current folder, with the
    Metaal covenant, its example eindrapport and the auditor's assessment of it copied in.
    (After `run_cli`, which starts in the project folder.)"""
    (tmp_path / "examples").mkdir()
    (tmp_path / "metaal.yaml").write_text((CONVENANTS / "metaal-2023-2025.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    real = (EXAMPLES / "metaal-2023-2025-realisatie.yaml").read_text(encoding="utf-8")
    (tmp_path / "examples" / "real.yaml").write_text(real.replace("../metaal-2023-2025.yaml", "../metaal.yaml"),
                                                     encoding="utf-8")
    judged = (EXAMPLES / "metaal-2023-2025-beoordeling.yaml").read_text(
        encoding="utf-8")
    (tmp_path / "examples" / "beoordeling.yaml").write_text(
        judging(judged.replace("realisation: metaal-2023-2025-realisatie.yaml", "realisation: real.yaml"),
                tmp_path / "examples" / "real.yaml"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def restamp(project: Path) -> None:
    """The `project`'s assessment recording its eindrapport as a test has changed it: the
    auditor judged this version (a test of something else than CV707)."""
    judged = project / "examples" / "beoordeling.yaml"
    judged.write_text(judging(judged.read_text(encoding="utf-8"), project / "examples" / "real.yaml"),
                      encoding="utf-8")


def judging(assessment: str, realisation: Path) -> str:
    """An assessment's text recording `realisation` as it is now (`realisation_sha256`): the
    auditor's judgement of a copy, or of an eindrapport a test has written."""
    import hashlib
    import re

    sha256 = hashlib.sha256(realisation.read_bytes()).hexdigest()
    if "realisation_sha256:" in assessment:
        return re.sub(r"(?m)^realisation_sha256: .*$", f"realisation_sha256: {sha256}", assessment)
    return re.sub(r"(?m)^(realisation: .*)$", lambda m: f"{m.group(1)}\nrealisation_sha256: {sha256}", assessment,
                  count=1)


@pytest.fixture
def write_yaml(tmp_path):
    """Write dedented YAML text to tmp_path/name and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


class Work:
    """The function calls (Python and C) a block of code made: a measure of work that,
    unlike seconds, does not depend on the machine, its load or a coverage tracer."""

    def __init__(self) -> None:
        self.calls = 0

    def _count(self, frame: object, event: str, arg: object) -> None:
        if event in ("call", "c_call"):
            self.calls += 1


@contextmanager
def counted_work() -> Iterator[Work]:
    work = Work()
    previous = sys.getprofile()
    sys.setprofile(work._count)
    try:
        yield work
    finally:
        sys.setprofile(previous)


def counted_run(run: Callable[..., T], *args: object) -> tuple[T, Work]:
    """`run(*args)` twice, and the work of the second: the first pays for what a process does
    once (importing a command's modules, building a model's validator), which depends on the
    tests this worker ran before, not on the input under test."""
    run(*args)
    with counted_work() as work:
        result = run(*args)
    return result, work


def settlements(stdout: str) -> list[dict]:
    """The settlements of `settle --format json` (one object, `convenant.settlement/3`)."""
    import json

    data = json.loads(stdout)
    assert data["format"] == "convenant.settlement/3"
    return data["settlements"]


def settlement(stdout: str) -> dict:
    """The one settlement of a `settle --format json` run of one file."""
    [only] = settlements(stdout)
    return only
