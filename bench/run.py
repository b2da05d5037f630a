"""Speed of convenant, measured (not asserted): run `python bench/run.py` from the project
folder with convenant and the test extras installed. Prints the three figures of the
README's speed table.

1. start-up: `convenant settle convenants/metaal-2023-2025.yaml -r
   convenants/examples/metaal-2023-2025-realisatie.yaml --format json` against the
   yardstick `bench/yardstick.py`, a minimal typer app that loads the same files and
   validates them with pydantic (typer coerces its parameters through pydantic, so a bare
   import of the stack would be no floor);
2. `convenant validate convenants/` against `check-jsonschema` with the exported schema on
   the same files;
3. a generated realisation of 60 beneficiaries, 600 consultants and 3.000 absences, and
   the same at a quarter and a half of that size, settled end to end;
4. a sector repository of 500 YAML files (20 covenants with 20 eindrapporten each, 80 files
   of other tools) in which one covenant changed: `validate` of that file (as the pre-commit
   hook runs it), which finds and checks its 20 dependants, against the same without the
   search (`--no-dependants`) and against `validate` of the whole repository.
"""

from __future__ import annotations

import json
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from stdnum.be import vat

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CONVENANT = str(BIN / "convenant")



def wall(command: list[str], runs: int) -> float:
    """Median wall time in seconds of `runs` runs, after one warm-up run."""
    subprocess.run(command, capture_output=True, check=False)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def paired(first: list[str], second: list[str], runs: int) -> tuple[float, float]:
    """Median wall times of two commands run in turn (A B A B ...), so that a machine whose
    speed drifts during the measurement affects both alike."""
    for command in (first, second):
        subprocess.run(command, capture_output=True, check=False)
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for command, found in zip((first, second), times, strict=True):
            started = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False)
            found.append(time.perf_counter() - started)
    return statistics.median(times[0]), statistics.median(times[1])


def timed(command: list[str], out: Path) -> float:
    """One run of `command`, its output to `out`: seconds."""
    with out.open("w") as sink:
        started = time.perf_counter()
        subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=True)
        return time.perf_counter() - started


def enterprise_numbers(count: int) -> list[str]:
    """Valid enterprise numbers found with python-stdnum (no checksum written here)."""
    found, base = [], 4_100_000
    while len(found) < count:
        for check in range(100):
            candidate = f"0{base:07d}{check:02d}"
            if vat.is_valid(candidate):
                found.append(candidate)
                break
        base += 1
    return found


def generate(folder: Path, beneficiaries: int, per_beneficiary: int, per_consultant: int) -> tuple[Path, Path]:
    rng = random.Random(20231)
    numbers = enterprise_numbers(beneficiaries)
    members = "\n".join(
        f"      - {{name: Begunstigde {i}, enterprise_number: '{n}', iban: BE25 2100 0498 8882, address: Straat {i}}}"
        for i, n in enumerate(numbers))
    total = beneficiaries * 106000
    (folder / "big.yaml").write_text(f"""schema_version: 1
kind: convenant
id: bench
title: Benchmark
sector: Benchmark
period: {{start: 2023-07-01, end: 2025-06-30}}
max_subsidy: {total}.00
fte: {beneficiaries}.00
beneficiaries:
  - group: a
    amount_each: 106000.00
    fte_each: 1.00
    members:
{members}
result_commitments:
  - {{id: R1, title: Een, qualitative: x}}
""")
    fte = f"{1 / per_beneficiary:.2f}"
    reasons = ["illness", "accident", "time_credit", "career_break", "maternity_leave", "unpaid_leave"]
    lines = ["schema_version: 1", "kind: realisation", "convenant: big.yaml",
             "results: {R1: {achieved: true, note: bench}}", "staffing:"]
    for n in numbers:
        lines += [f"  - beneficiary: '{n}'", "    consultants:"]
        for c in range(per_beneficiary):
            lines.append(f"      - name: Consulent {c}\n        fte: {fte}\n        absences:")
            days = sorted(rng.sample(range(0, 730, 4), 2 * per_consultant))
            for first, last in zip(days[::2], days[1::2], strict=True):
                start = date(2023, 7, 1) + timedelta(days=first)
                end = date(2023, 7, 1) + timedelta(days=min(last, first + 60))
                lines.append(f"          - {{start: {start}, end: {end}, reason: {rng.choice(reasons)}, "
                             f"replaced: {str(rng.random() < 0.2).lower()}}}")
    (folder / "big-realisatie.yaml").write_text("\n".join(lines) + "\n")
    return folder / "big.yaml", folder / "big-realisatie.yaml"


def sector_repository(folder: Path) -> Path:
    """20 copies of the Metaal covenant, each with 20 copies of its eindrapport, and 80
    YAML files of other tools; returns the 8th covenant."""
    (folder / ".git").mkdir()
    covenant = (ROOT / "convenants/metaal-2023-2025.yaml").read_text()
    realisation = (ROOT / "convenants/examples/metaal-2023-2025-realisatie.yaml").read_text()
    for number in range(20):
        (folder / f"convenant-{number:02d}.yaml").write_text(covenant)
        reports = folder / f"eindrapporten-{number:02d}"
        reports.mkdir()
        refers = realisation.replace("../metaal-2023-2025.yaml", f"../convenant-{number:02d}.yaml")
        for report in range(20):
            (reports / f"{report:02d}.yaml").write_text(refers)
    (folder / "ci").mkdir()
    for number in range(80):
        (folder / "ci" / f"workflow-{number:02d}.yml").write_text("name: ci\non: [push]\njobs: {}\n")
    return folder / "convenant-07.yaml"


def main() -> None:
    runs = 9
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; median of {runs} runs after a warm-up")

    metaal = str(ROOT / "convenants/metaal-2023-2025.yaml")
    eindrapport = str(ROOT / "convenants/examples/metaal-2023-2025-realisatie.yaml")
    yardstick, settle = paired([sys.executable, str(ROOT / "bench/yardstick.py"), metaal, eindrapport],
                               [CONVENANT, "settle", metaal, "-r", eindrapport, "--format", "json"], runs)
    print(f"1. start-up: settle --format json {settle * 1000:.0f} ms; yardstick (typer + pydantic, same files) "
          f"{yardstick * 1000:.0f} ms; ratio {settle / yardstick:.2f} (goal <= 1.40)")

    files = [str(p) for p in sorted((ROOT / "convenants").rglob("*.yaml"))]
    with tempfile.TemporaryDirectory() as tmp:
        schema = Path(tmp) / "schema.json"
        schema.write_text(subprocess.run([CONVENANT, "schema"], capture_output=True, text=True, check=True).stdout)
        ours = wall([CONVENANT, "validate", str(ROOT / "convenants")], runs)
        theirs = wall([str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files], runs)
    print(f"2. validate {len(files)} files: convenant {ours * 1000:.0f} ms; check-jsonschema {theirs * 1000:.0f} ms; "
          f"convenant is {(1 - ours / theirs) * 100:.0f}% faster (goal >= 30%)")

    print("3. settle a generated realisation (end to end, including start-up):")
    timings = []
    for scale in (15, 30, 60):
        with tempfile.TemporaryDirectory() as tmp:
            conv, real = generate(Path(tmp), scale, 10, 5)
            command = [CONVENANT, "settle", str(conv), "--realisation", str(real), "--format", "json"]
            out = subprocess.run(command, capture_output=True, text=True)
            assert out.returncode == 0, out.stderr[:2000]
            seconds = wall(command, 3)
            absences = scale * 10 * 5
            shortfall = json.loads(out.stdout)["totals"]["shortfall_fte_days"]
            print(f"   {scale:3d} beneficiaries, {scale * 10:4d} consultants, {absences:5d} absences: "
                  f"{seconds:.2f} s ({seconds / absences * 1e6:.0f} µs per absence; shortfall {shortfall} FTE-days)"
                  + ("  (goal < 2 s)" if scale == 60 else ""))
            timings.append((absences, seconds))
    (a1, t1), (a2, t2), (a3, t3) = timings
    print(f"   marginal cost per absence: {(t2 - t1) / (a2 - a1) * 1e6:.0f} µs (750 -> 1500), "
          f"{(t3 - t2) / (a3 - a2) * 1e6:.0f} µs (1500 -> 3000): linear when these are alike")

    with tempfile.TemporaryDirectory() as tmp:
        changed = sector_repository(Path(tmp))
        out = subprocess.run([CONVENANT, "validate", str(changed)], capture_output=True, text=True, cwd=tmp)
        assert out.returncode == 0 and "20 referring to a given file" in out.stderr, out.stderr[:2000]
        alone, hook = paired([CONVENANT, "validate", "--no-dependants", str(changed)],
                             [CONVENANT, "validate", str(changed)], runs)
        whole = wall([CONVENANT, "validate", tmp], runs)
    print(f"4. a repository of 500 YAML files, one covenant changed: validate it with its 20 dependants "
          f"{hook * 1000:.0f} ms; the covenant alone {alone * 1000:.0f} ms; the whole repository {whole * 1000:.0f} ms "
          "(goal: about a second)")


if __name__ == "__main__":
    main()
