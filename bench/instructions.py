"""Start-up in instructions, which do not drift like wall time: `valgrind --tool=callgrind`
counts what `convenant settle --format json` executes on the Metaal covenant with its
bundled eindrapport (absences included), and what the yardstick executes on the same
files (`bench/yardstick.py`: a minimal typer app that loads them and validates them with
pydantic). Goal: at most 1,3 times the yardstick.

Run from the project folder, with convenant installed (not editable: an editable install
adds an import hook of its own) and valgrind on the PATH:  python bench/instructions.py
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
FILES = ["convenants/metaal-2023-2025.yaml", "convenants/examples/metaal-2023-2025-realisatie.yaml"]


def instructions(command: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                             capture_output=True, text=True, cwd=ROOT, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if found is None:
        raise SystemExit(f"valgrind did not count {command}: {run.stderr[-500:]}")
    return int(found.group(1))


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    settle = instructions([str(BIN / "convenant"), "settle", FILES[0], "--realisation", FILES[1], "--format", "json"])
    yardstick = instructions([sys.executable, str(ROOT / "bench" / "yardstick.py"), *FILES])
    print(f"settle --format json (Metaal with its eindrapport): {settle / 1e9:.3f} billion instructions")
    print(f"yardstick (typer + pydantic, the same files):       {yardstick / 1e9:.3f} billion instructions")
    print(f"ratio {settle / yardstick:.3f} (goal <= 1.30)")


if __name__ == "__main__":
    main()
