"""Start-up in instructions, which do not drift like wall time: `valgrind --tool=callgrind`
counts what `convenant settle` executes on the Metaal covenant with its bundled eindrapport
(15 consultants, 8 absences):

    convenant settle convenants/metaal-2023-2025.yaml \
        -r convenants/examples/metaal-2023-2025-realisatie.yaml --format json

and what the yardstick executes on the same two files (`bench/yardstick.py`: a minimal typer
app that loads them, validates them with pydantic and prints JSON, as `--format json` does).
Goal: at most 1,4 times the yardstick. For information, also the table format (rich), and
generated eindrapporten of a big sector (105 absences) and of five times that (500).

Run from the project folder, with convenant installed and valgrind on the PATH:
python bench/instructions.py. The package's modules are compiled first, as `pip install`
compiles them: under PYTHONDONTWRITEBYTECODE every run would compile them anew and count it.
"""

from __future__ import annotations

import compileall
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
COVENANT = "convenants/metaal-2023-2025.yaml"
EINDRAPPORT = "convenants/examples/metaal-2023-2025-realisatie.yaml"
GOAL = 1.4


def instructions(command: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *command],
                             capture_output=True, text=True, cwd=ROOT, check=False)
    found = re.search(r"Collected : (\d+)", run.stderr)
    if run.returncode != 0 or found is None:
        raise SystemExit(f"valgrind did not count {command} (exit {run.returncode}): {run.stderr[-500:]}")
    return int(found.group(1))


def settle(covenant: str, eindrapport: str, *options: str) -> list[str]:
    return [str(BIN / "convenant"), "settle", covenant, "-r", eindrapport, *options]


def yardstick(covenant: str, eindrapport: str) -> list[str]:
    return [sys.executable, str(ROOT / "bench" / "yardstick.py"), covenant, eindrapport]


def compare(label: str, ours: list[str], theirs: list[str], goal: float | None) -> None:
    counted, floor = instructions(ours), instructions(theirs)
    ratio = counted / floor
    verdict = f"goal <= {goal:.2f}: {'met' if ratio <= goal else 'NOT met'}" if goal else "for information"
    print(f"{label}: {counted / 1e9:.3f} against {floor / 1e9:.3f} billion instructions, "
          f"ratio {ratio:.3f} ({verdict})")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    import convenant_cli

    compileall.compile_dir(Path(convenant_cli.__file__).parent, quiet=1)
    print("measured: " + " ".join(["convenant", *settle(COVENANT, EINDRAPPORT, "--format", "json")[1:]]))
    compare("settle --format json, Metaal with its eindrapport", settle(COVENANT, EINDRAPPORT, "--format", "json"),
            yardstick(COVENANT, EINDRAPPORT), GOAL)
    compare("settle (the table), the same files", settle(COVENANT, EINDRAPPORT), yardstick(COVENANT, EINDRAPPORT),
            None)
    sys.path.insert(0, str(ROOT / "bench"))
    from run import generate

    # a big sector's eindrapport: 5 beneficiaries, 7 consultants each, 3 absences each over the two years;
    # then five times that, beyond real life
    for beneficiaries, consultants, absences in ((5, 7, 3), (10, 10, 5)):
        with tempfile.TemporaryDirectory() as tmp:
            covenant, realisation = (str(path) for path in generate(Path(tmp), beneficiaries, consultants, absences))
            compare(f"settle --format json, {beneficiaries * consultants * absences} absences",
                    settle(covenant, realisation, "--format", "json"), yardstick(covenant, realisation), None)


if __name__ == "__main__":
    main()
