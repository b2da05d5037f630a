"""The built artefact: `python -m build` makes an sdist and a wheel from a copy of this
checkout, and the wheel alone, installed into a fresh virtual environment, runs. Slow
(builds and installs): `.ci/run` runs it with `-m slow`.

The fresh environment reaches the dependencies of the environment running the tests
through a `.pth` line placed after its own site-packages, so the test needs no network,
and `convenant_cli` can only come from the wheel (checked: the module's file lies in the
fresh environment)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from convenant_cli import __version__
from tests.conftest import ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]  # builds the sdist and wheel, installs the wheel


def _copy_checkout(target: Path) -> Path:
    ignore = shutil.ignore_patterns(".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis",
                                    ".pytest_cache", "*.xlsx")
    return Path(shutil.copytree(ROOT, target / "src-copy", ignore=ignore, symlinks=True))


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    tmp = tmp_path_factory.mktemp("build")
    source = _copy_checkout(tmp)
    out = tmp / "dist"
    subprocess.run([sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, text=True, timeout=600)
    [wheel] = out.glob("*.whl")
    [sdist] = out.glob("*.tar.gz")
    return wheel, sdist


def test_the_wheel_and_sdist_carry_the_one_version_and_what_a_run_needs(built):
    wheel, sdist = built
    assert wheel.name == f"convenant-{__version__}-py3-none-any.whl"
    assert sdist.name == f"convenant-{__version__}.tar.gz"
    names = set(zipfile.ZipFile(wheel).namelist())
    package = {Path(name).relative_to("src") for name in
               (str(p.relative_to(ROOT)) for p in (ROOT / "src" / "convenant_cli").rglob("*")
                if p.is_file() and "__pycache__" not in p.parts)}
    assert {str(p) for p in package} <= names, "files of the package missing from the wheel"
    assert "convenant_cli/py.typed" in names
    with tarfile.open(sdist) as archive:
        members = {Path(m).relative_to(f"convenant-{__version__}").as_posix() for m in archive.getnames()[1:]}
    assert {"pyproject.toml", "README.md", "src/convenant_cli/py.typed", "src/convenant_cli/cli/__init__.py"} <= members


def test_the_wheel_alone_runs_in_a_fresh_environment(built, tmp_path):
    wheel, _ = built
    env_dir = tmp_path / "fresh"
    venv.create(env_dir, with_pip=False)
    python = env_dir / "bin" / "python"
    purelib = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  check=True, capture_output=True, text=True, timeout=60).stdout.strip())
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    str(wheel)], check=True, capture_output=True, text=True, timeout=300)
    # the dependencies, after the fresh site-packages (the package itself must come from the wheel)
    (purelib / "zz_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = tmp_path / "work"
    shutil.copytree(ROOT / "cases", work / "cases")
    exe = env_dir / "bin" / "convenant"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        environment = {name: value for name, value in os.environ.items() if name != "CONVENANT_LANG"}
        return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=work, env=environment,
                              timeout=60)

    where = subprocess.run([python, "-c", "import convenant_cli; print(convenant_cli.__file__)"], cwd=work,
                           check=True, capture_output=True, text=True, timeout=60).stdout
    assert where.startswith(str(purelib)), where
    version = run("--version")
    assert (version.returncode, version.stdout) == (0, f"convenant {__version__}\n")
    schema = run("schema")
    assert schema.returncode == 0 and json.loads(schema.stdout)["$schema"].endswith("2020-12/schema")
    settled = run("settle", "cases/basis/een-consulent.yaml", "-r", "cases/feiten/volledig-bezet.yaml",
                  "--assessment", "cases/beoordelingen/volledig-bezet.yaml", "--format", "json")
    assert settled.returncode == 0, settled.stderr
    totals = json.loads(settled.stdout)["settlements"][0]["totals"]
    # one consultant, fully staffed, all three commitments met (the auditor's verdicts: a sector's
    # own word decides nothing): 106.000,00 x 0,70 = 74.200,00 effort,
    # 106.000,00 x 0,30 x 3/3 = 31.800,00 result, nothing deducted: 106.000,00 payable
    assert (totals["deduction"], totals["effort"], totals["result"], totals["payable"]) == (
        "0.00", "74200.00", "31800.00", "106000.00")
    # the report's templates came with the wheel; the workbook and report libraries are there
    written = run("settle", "cases/basis/een-consulent.yaml", "-r", "cases/feiten/volledig-bezet.yaml",
                  "--assessment", "cases/beoordelingen/volledig-bezet.yaml", "--html", "rapport", "--xlsx",
                  "afrekening.xlsx")
    assert written.returncode == 0, written.stderr
    page = (work / "rapport" / "geval-een-consulent.html").read_text(encoding="utf-8")
    assert '<data data-key="payable" value="106000.00">106.000,00</data>' in page
    assert zipfile.is_zipfile(work / "afrekening.xlsx")
    # the Dutch catalogue came with the wheel: the default language is Dutch
    missing = run("validate", "cases/geen.yaml")
    assert missing.returncode == 2
    assert "convenant: fout: cases/geen.yaml: bestand of map bestaat niet\n" in missing.stderr
