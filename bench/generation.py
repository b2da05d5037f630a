"""A real generation's evidence: 35 covenants with their eindrapporten, 130 consultants in all
(two to four a covenant, three absences each), settled as one folder to JSON, and to JSON with
the workbook (`--xlsx`) and with the HTML report (`--html`). Goal: the workbook and the report
each take less than a second beyond the JSON run. The runs are paired (JSON, other, ...);
medians of the pairs' differences are printed.

Run from the project folder with convenant installed:  python bench/generation.py [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import CONVENANT, generate, timed

COVENANTS = 35


def generation(folder: Path) -> int:
    """35 covenants, each in a folder of its own with its eindrapport; returns the consultants."""
    consultants = 0
    for number in range(COVENANTS):
        beneficiaries = 2 if number < 30 else 1  # 30 x 2 x 2 + 5 x 1 x 2 = 130 consultants
        own = folder / f"convenant-{number:02d}"
        own.mkdir()
        covenant, _ = generate(own, beneficiaries, 2, 3)
        covenant.write_text(covenant.read_text().replace("id: bench", f"id: bench-{number:02d}"))
        consultants += beneficiaries * 2
    return consultants


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "generatie"
        folder.mkdir()
        consultants = generation(folder)
        base = [CONVENANT, "settle", str(folder), "--format", "json"]
        report = Path(tmp) / "rapport"
        commands = {
            "xlsx": base + ["--xlsx", str(Path(tmp) / "generatie.xlsx"), "--force"],
            "html": base + ["--html", str(report), "--force"],
        }
        print(f"{COVENANTS} covenants, {consultants} consultants")
        for name, command in commands.items():
            timed(base, Path(tmp) / "out.txt")
            timed(command, Path(tmp) / "out.txt")  # warm-up
            pairs = [(timed(base, Path(tmp) / "out.txt"), timed(command, Path(tmp) / "out.txt")) for _ in range(runs)]
            extra = statistics.median(b - a for a, b in pairs)
            print(f"{name}: {statistics.median(b for _, b in pairs):.2f} s against JSON "
                  f"{statistics.median(a for a, _ in pairs):.2f} s: the {name} output takes {extra:.2f} s "
                  f"(goal < 1 s; median of {runs} pairs)")
            shutil.rmtree(report, ignore_errors=True)


if __name__ == "__main__":
    main()
