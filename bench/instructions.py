"""Start-up in instructions, which do not drift like wall time: `valgrind --tool=callgrind`
counts what `convenant settle --format json` executes on the Metaal covenant with its
bundled eindrapport (9 absences), on a generated eindrapport of a big sector (105 absences)
and on one five times larger (500), and what the yardstick executes on the same files
(`bench/yardstick.py`: a minimal typer app that loads them and validates them with
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


def compare(label: str, files: list[str]) -> None:
    settle = instructions([str(BIN / "convenant"), "settle", files[0], "--realisation", files[1], "--format", "json"])
    yardstick = instructions([sys.executable, str(ROOT / "bench" / "yardstick.py"), *files])
    print(f"settle --format json ({label}): {settle / 1e9:.3f} billion instructions")
    print(f"yardstick (typer + pydantic, the same files): {yardstick / 1e9:.3f} billion instructions")
    print(f"ratio {settle / yardstick:.3f} (goal <= 1.30)")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    compare("Metaal with its eindrapport", FILES)
    sys.path.insert(0, str(ROOT / "bench"))
    from run import generate

    # a big sector's eindrapport: 5 beneficiaries, 7 consultants each, 3 absences each over the two years
    # (the bundled one has 14 consultants and 9 absences); then five times that, beyond real life
    for beneficiaries, consultants, absences in ((5, 7, 3), (10, 10, 5)):
        with tempfile.TemporaryDirectory() as tmp:
            covenant, realisation = generate(Path(tmp), beneficiaries, consultants, absences)
            compare(f"{beneficiaries * consultants * absences} absences", [str(covenant), str(realisation)])


if __name__ == "__main__":
    main()
