"""`convenant test` at scale: a golden case that expects the figures of every beneficiary of a
generated covenant (1.000, 4.000 and 10.000 beneficiaries, one consultant and one absence
each), against `settle --format json` of the same covenant and eindrapport. Goal: `test`
within 2 times the settlement at each size, so that checking the expected figures stays
linear in their number. The runs are paired (settle, test, settle, test, ...) so that a
machine whose speed drifts affects both alike; medians are printed.

The case is what `convenant new case` writes for the generated files (every beneficiary's
deduction, effort, result, payable and balance, its key written `0410.000.0xx`).

Run from the project folder with convenant installed:  python bench/cases.py [RUNS] [SIZES...]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CONVENANT, generate, timed

SIZES = (1_000, 4_000, 10_000)


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    sizes = tuple(int(size) for size in sys.argv[2:]) or SIZES
    for size in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            covenant, realisation = generate(folder, size, 1, 1)
            case = folder / "case.yaml"
            subprocess.run([CONVENANT, "new", "case", "--settle", str(covenant), "-r", str(realisation),
                            "-o", str(case)], check=True, capture_output=True)
            expected = case.read_text(encoding="utf-8").count("deduction:")
            settle = [CONVENANT, "settle", str(covenant), "-r", str(realisation), "--format", "json"]
            test = [CONVENANT, "test", str(case)]
            timed(settle, folder / "out.txt")
            timed(test, folder / "out.txt")  # warm-up
            pairs = [(timed(settle, folder / "out.txt"), timed(test, folder / "out.txt")) for _ in range(runs)]
            settle_median = statistics.median(a for a, _ in pairs)
            test_median = statistics.median(b for _, b in pairs)
            ratio = statistics.median(b / a for a, b in pairs)
            print(f"{size:>6} beneficiaries ({expected} expected): test {test_median:.2f} s, "
                  f"settle {settle_median:.2f} s: {ratio:.2f}x (goal <= 2x; median of {runs} pairs)", flush=True)


if __name__ == "__main__":
    main()
