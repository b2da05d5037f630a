"""Linear output: `settle` of a covenant of many beneficiaries (the shape of `bench/scale.py`,
which times 1.000, 4.000 and 10.000) does the same work for each beneficiary more, in every
format, and the table of blocks about what the JSON does. Work is counted in function calls
(`counted_run`), never read from the clock."""

from __future__ import annotations

import importlib.util
import itertools
from pathlib import Path

import pytest

from tests.conftest import ROOT, counted_run, settlement

SIZES = (20, 40, 80)


def bench_scale():
    """bench/scale.py, whose generator the test shares (bench/ is no package)."""
    spec = importlib.util.spec_from_file_location("bench_scale", ROOT / "bench" / "scale.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def covenants(tmp_path_factory) -> dict[int, tuple[Path, Path]]:
    scale = bench_scale()
    found = {}
    for size in SIZES:
        folder = tmp_path_factory.mktemp(f"scale-{size}")
        found[size] = scale.generate(folder, size)
    return found


def marginal(calls: dict[int, int]) -> list[float]:
    """The calls a beneficiary more costs, from each size to the next."""
    return [(calls[b] - calls[a]) / (b - a) for a, b in itertools.pairwise(SIZES)]


def blocks(output: str) -> int:
    """The stacked blocks a table output holds: each starts its figures with the maximum."""
    return sum(line.startswith("  Maximum ") for line in output.splitlines())


OUTPUTS = {
    "json": (["--format", "json"], "320"),
    "blocks": ([], "100"),  # a block per beneficiary, as piped (160 wide) from 40 beneficiaries on
    "table": ([], "320"),  # the table itself
    "explain": (["--explain"], "100"),
}


@pytest.fixture(scope="module")
def work(covenants) -> dict[str, dict[int, int]]:
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    counted: dict[str, dict[int, int]] = {name: {} for name in OUTPUTS}
    with pytest.MonkeyPatch.context() as patch:
        patch.delenv("FORCE_COLOR", raising=False)
        patch.delenv("NO_COLOR", raising=False)
        for name, (options, columns) in OUTPUTS.items():
            patch.setenv("COLUMNS", columns)
            for size, (covenant, realisation) in covenants.items():
                def run(*args: str) -> object:
                    return CliRunner().invoke(app, list(args), catch_exceptions=False)

                result, calls = counted_run(run, "settle", str(covenant), "-r", str(realisation), *options)
                assert result.exit_code == 0, result.output
                if name == "json":
                    assert len(settlement(result.stdout)["beneficiaries"]) == size
                if name == "blocks":  # one block a beneficiary and the total's, no table of figures drawn
                    assert blocks(result.stdout) == size + 1
                counted[name][size] = calls.calls
    return counted


@pytest.mark.parametrize("name", OUTPUTS)
def test_every_output_costs_the_same_for_each_beneficiary_more(work, name):
    # from 20 to 40 and from 40 to 80 beneficiaries: what one more costs stays within 5%
    # (a quadratic look-up would double it from one step to the next)
    first, second = marginal(work[name])
    assert 0.95 <= second / first <= 1.05, (name, work[name])


def test_the_blocks_cost_a_beneficiary_no_more_than_twice_what_the_json_costs(work):
    # the blocks are written as lines: before, each was a rich table measured and laid out,
    # about 10 times the JSON's calls for each beneficiary more
    for blocks, json in zip(marginal(work["blocks"]), marginal(work["json"]), strict=True):
        assert blocks <= 2 * json, (work["blocks"], work["json"])


def test_piped_the_table_measures_no_cell_when_its_figures_alone_are_too_wide(work, covenants):
    # piped, 160 wide, from 40 beneficiaries on the figures alone are wider than that: blocks, and
    # the table is not measured first (measuring it costs about 2.400 calls a beneficiary more)
    from typer.testing import CliRunner

    from convenant_cli.cli import app

    def run(*args: str) -> object:
        return CliRunner().invoke(app, list(args), catch_exceptions=False)

    calls = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COLUMNS", "160")
        for size in (40, 80):
            covenant, realisation = covenants[size]
            result, counted = counted_run(run, "settle", str(covenant), "-r", str(realisation))
            assert result.exit_code == 0 and blocks(result.stdout) == size + 1
            calls[size] = counted.calls
    json = (work["json"][80] - work["json"][40]) / 40
    assert (calls[80] - calls[40]) / 40 <= 2 * json, (calls, work["json"])
