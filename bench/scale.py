"""Every output of `settle` at scale: a covenant of the bundled Metaal covenant's shape (four
groups, three result commitments, one of them qualitative) with N beneficiaries, each with one
or two consultants and a few absences, and its eindrapport (the actuals, the self-assessment,
advances for half the beneficiaries), generated deterministically into a temporary folder and
settled at 1.000, 4.000 and 10.000 beneficiaries as

- JSON (`--format json`), the reference;
- the table (the default format), piped (it is then laid out 160 wide, a block per beneficiary),
  with `COLUMNS=100` (the same blocks), and with `COLUMNS=200` (wide enough for the table);
- `--explain`, written to a file;
- JSON with the workbook (`--xlsx`) and JSON with the HTML report (`--html`).

Goals at each size: every output within 2 times the JSON run, the workbook within 4 times
(XlsxWriter's own cost per cell is about 3 times a JSON run, and no evidence column is left
out); and the JSON run linear: its time per beneficiary at 10.000 within 1,25 times that at
1.000. The runs are paired (JSON, other, JSON, other, ...) so that a machine whose speed
drifts affects both alike; medians of the pairs are printed. A run's time is its processor
time (user and system, as the kernel accounts the finished process): on a shared machine the
wall time of the same run moves by half under the others' load, its processor time much less.

Run from the project folder with convenant installed:
    python bench/scale.py [--runs N] [--only NAME,...] [SIZES...]
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

BIN = Path(sys.executable).parent
CONVENANT = str(BIN / "convenant")
SIZES = (1_000, 4_000, 10_000)
# Metaal's 106.000,00 euro an FTE; at most 1 FTE a beneficiary, so that 10.000 stay within a
# covenant's 10.000 FTE
GROUPS = (("a", "106000.00", "1.00"), ("b", "101760.00", "0.96"), ("c", "91160.00", "0.86"),
          ("d", "53000.00", "0.50"))
REASONS = ("illness", "illness", "accident", "time_credit", "maternity_leave", "unpaid_leave", "career_break")
GOALS = {"table": 2.0, "table-100": 2.0, "table-200": 2.0, "explain": 2.0, "xlsx": 4.0, "html": 2.0}
LINEAR = 1.25
START = date(2023, 7, 1)


def enterprise_number(serial: int) -> str:
    """The serial-th valid Belgian enterprise number from 0410.000.0xx on, its check digits
    found with python-stdnum (no checksum written here).

    >>> enterprise_number(0)
    '0410.000.093'
    """
    from stdnum.be import vat

    base = 4_100_000 + serial
    digits = next(candidate for check in range(100) if vat.is_valid(candidate := f"{base:08d}{check:02d}"))
    return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"


def group_of(serial: int) -> tuple[str, str, str]:
    """Metaal's mix: one in ten in group a, half in b, the rest in c and d."""
    return GROUPS[0 if serial % 10 == 0 else 1 if serial % 2 else 2 + serial % 4 // 2]


def covenant_text(size: int) -> str:
    members: dict[str, list[str]] = {name: [] for name, _, _ in GROUPS}
    for serial in range(size):
        members[group_of(serial)[0]].append(
            f"      - {{name: Begunstigde {serial} vzw, enterprise_number: {enterprise_number(serial)}, "
            f"iban: BE25 2100 0498 8882, address: 'Straat {serial}, 1000 Brussel'}}")
    total = sum(len(members[name]) * int(amount.replace(".", "")) for name, amount, _ in GROUPS)
    fte = sum(len(members[name]) * int(each.replace(".", "")) for name, _, each in GROUPS)
    groups = "".join(f"  - group: {name}\n    amount_each: {amount}\n    fte_each: {each}\n    members:\n"
                     + "\n".join(members[name]) + "\n" for name, amount, each in GROUPS if members[name])
    return f"""schema_version: 1
kind: convenant
id: schaal-{size}
title: Sectorconvenant 2023-2025 Schaal {size}
sector: Schaal
period: {{start: 2023-07-01, end: 2025-06-30}}
max_subsidy: {total // 100}.{total % 100:02d}
fte: {fte // 100}.{fte % 100:02d}
beneficiaries:
{groups}result_commitments:
  - id: R1
    title: Bereiken van werkvloeren
    targets:
      - {{indicator: bedrijfsbezoeken, year: 1, minimum: {200 * size}}}
      - {{indicator: bedrijfsbezoeken, year: 2, minimum: {200 * size}}}
  - id: R2
    title: Intersectorale samenwerking
    qualitative: De sectorconsulent stemt regelmatig af met de medesectoren.
  - id: R3
    title: Bereiken van personen in de zijinstroom
    targets:
      - {{indicator: opgeleide werkzoekenden, year: 1, minimum: {300 * size}}}
      - {{indicator: opgeleide werkzoekenden, year: 2, minimum: {300 * size}}}
"""


def absences(rng: random.Random) -> list[str]:
    """Nought to two absences in the two years, apart, up to two months long."""
    days = sorted(rng.sample(range(0, 720, 10), 2 * rng.choice((0, 1, 1, 2))))
    found = []
    for first, last in zip(days[::2], days[1::2], strict=True):
        start, end = START + timedelta(days=first), START + timedelta(days=min(last, first + 60))
        replaced = ", replaced: true" if rng.random() < 0.2 else ""
        found.append(f"{{start: {start}, end: {end}, reason: {rng.choice(REASONS)}{replaced}}}")
    return found


def realisation_text(size: int) -> str:
    """Written compactly (flow style, sequences not indented), so that 10.000 beneficiaries stay
    within the 2 MiB that a file may hold."""
    rng = random.Random(20231)
    lines = ["schema_version: 1", "kind: realisation", "convenant: schaal.yaml", "results:",
             "  R1:", "    actuals:", f"    - {{indicator: bedrijfsbezoeken, year: 1, value: {214 * size}}}",
             f"    - {{indicator: bedrijfsbezoeken, year: 2, value: {188 * size}}}",
             "  R2: {achieved: true, note: Eindrapport p. 14}",
             "  R3:", "    actuals:", f"    - {{indicator: opgeleide werkzoekenden, year: 1, value: {312 * size}}}",
             f"    - {{indicator: opgeleide werkzoekenden, year: 2, value: {305 * size}}}", "staffing:"]
    advances = ["advances:"]
    for serial in range(size):
        _, amount, each = group_of(serial)
        lines += [f"- beneficiary: {enterprise_number(serial)}", "  consultants:"]
        fte = int(each.replace(".", ""))
        shares = [fte] if fte < 100 or serial % 3 else [50, fte - 50]  # one in three full-time posts is two halves
        for number, share in enumerate(shares):
            found = absences(rng)
            away = f", absences: [{', '.join(found)}]" if found else ""
            lines.append(f"  - {{name: C{serial}-{number}, fte: {share // 100}.{share % 100:02d}{away}}}")
        if serial % 2 == 0:
            half = int(amount.replace(".", "")) // 2
            advances.append(f"- {{beneficiary: {enterprise_number(serial)}, amount: {half // 100}.{half % 100:02d}}}")
    return "\n".join(lines + advances) + "\n"


def generate(folder: Path, size: int) -> tuple[Path, Path]:
    """The covenant and its eindrapport for `size` beneficiaries, written into `folder`."""
    covenant, realisation = folder / "schaal.yaml", folder / "schaal-realisatie.yaml"
    covenant.write_text(covenant_text(size), encoding="utf-8")
    realisation.write_text(realisation_text(size), encoding="utf-8")
    return covenant, realisation


def commands(folder: Path, covenant: Path, realisation: Path) -> dict[str, tuple[list[str], dict[str, str]]]:
    base = [CONVENANT, "settle", str(covenant), "-r", str(realisation)]
    piped = {key: value for key, value in os.environ.items() if key != "COLUMNS"}
    return {
        "json": (base + ["--format", "json"], piped),
        "table": (base, piped),
        "table-100": (base, piped | {"COLUMNS": "100"}),
        "table-200": (base, piped | {"COLUMNS": "200"}),  # wide enough for the table itself
        "explain": (base + ["--explain"], piped),
        "xlsx": (base + ["--format", "json", "--xlsx", str(folder / "afrekening.xlsx"), "--force"], piped),
        "html": (base + ["--format", "json", "--html", str(folder / "rapport"), "--force"], piped),
    }


def timed(command: list[str], env: dict[str, str], out: Path) -> float:
    """One run of `command`, its output to `out`: its processor seconds (user and system)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with out.open("w") as sink:
        subprocess.run(command, stdout=sink, stderr=subprocess.DEVNULL, check=True, env=env)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def measure(size: int, runs: int, only: tuple[str, ...]) -> float:
    """Print each output's pairs against JSON at this size; returns the JSON median."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        covenant, realisation = generate(folder, size)
        found = commands(folder, covenant, realisation)
        json_command, json_env = found["json"]
        out = folder / "out.txt"
        timed(json_command, json_env, out)  # warm-up
        json_times: list[float] = []
        for name in only:
            command, env = found[name]
            pairs = [(timed(json_command, json_env, out), timed(command, env, out)) for _ in range(runs)]
            json_times += [a for a, _ in pairs]
            ratio = statistics.median(b / a for a, b in pairs)
            goal = GOALS[name]
            print(f"{size:>6} beneficiaries, {name:>9}: {statistics.median(b for _, b in pairs):6.2f} s against JSON "
                  f"{statistics.median(a for a, _ in pairs):6.2f} s: {ratio:.2f}x (goal <= {goal}x: "
                  f"{'met' if ratio <= goal else 'NOT met'}; median of {runs} pairs)", flush=True)
            shutil.rmtree(folder / "rapport", ignore_errors=True)
        if not only:
            json_times = [timed(json_command, json_env, out) for _ in range(runs)]
        return statistics.median(json_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(GOALS), help="outputs to pair with JSON: " + ",".join(GOALS))
    parser.add_argument("sizes", nargs="*", type=int, default=SIZES)
    arguments = parser.parse_args()
    only = tuple(name for name in arguments.only.split(",") if name)
    medians = {size: measure(size, arguments.runs, only) for size in arguments.sizes}
    sizes = sorted(medians)
    for size in sizes:
        print(f"{size:>6} beneficiaries: JSON {medians[size]:.2f} s")
    marginal = [(medians[b] - medians[a]) / (b - a) for a, b in itertools.pairwise(sizes)]
    for (a, b), cost in zip(itertools.pairwise(sizes), marginal, strict=True):
        print(f"JSON from {a} to {b} beneficiaries: {cost * 1e3:.2f} ms a beneficiary more")
    if len(marginal) > 1:
        growth = marginal[-1] / marginal[0]
        print(f"the last of these against the first: {growth:.2f}x (linear when about 1; goal <= {LINEAR}x: "
              f"{'met' if growth <= LINEAR else 'NOT met'})")


if __name__ == "__main__":
    main()
