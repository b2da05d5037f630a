"""Evidence at scale: a realisation of 60 beneficiaries, 2.100 consultants and 10.500 absences
settled to JSON, to JSON with the workbook (`--xlsx`), and with `--explain` (the table,
written to a file). Goals: the workbook run at most 3 times the JSON run, `--explain` at
most 4 times. The runs are paired (JSON, other, JSON, other, ...) so that a machine whose
speed drifts affects both alike; medians of the pairs' ratios are printed.

Run from the project folder with convenant installed:  python bench/evidence.py [RUNS]
"""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CONVENANT, generate, timed


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        covenant, realisation = generate(folder, 60, 35, 5)
        base = [CONVENANT, "settle", str(covenant), "-r", str(realisation)]
        commands = {
            "json": base + ["--format", "json"],
            "xlsx": base + ["--format", "json", "--xlsx", str(folder / "afrekening.xlsx"), "--force"],
            "explain": base + ["--explain"],
        }
        for name in ("xlsx", "explain"):
            timed(commands["json"], folder / "out.txt")
            timed(commands[name], folder / "out.txt")  # warm-up
            pairs = [(timed(commands["json"], folder / "out.txt"), timed(commands[name], folder / "out.txt"))
                     for _ in range(runs)]
            json_median = statistics.median(a for a, _ in pairs)
            other_median = statistics.median(b for _, b in pairs)
            ratio = statistics.median(b / a for a, b in pairs)
            goal = 3.0 if name == "xlsx" else 4.0
            print(f"{name}: {other_median:.2f} s against JSON {json_median:.2f} s: {ratio:.2f}x (goal <= {goal}x; "
                  f"median of {runs} pairs)")


if __name__ == "__main__":
    main()
