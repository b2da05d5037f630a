"""Random edits of the bundled files (delete, duplicate, change a character, shift the
indentation, put a hostile value in place of a value) never make `validate` or `settle`
raise, hang, flood the output or pass a control character to the terminal: they answer
0 or 1."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from convenant_cli.cli import app
from tests.conftest import CONVENANTS, counted_work

PAIRS = [
    ("metaal-2023-2025.yaml", "examples/metaal-2023-2025-realisatie.yaml"),
    ("metaal-duaal-leren-2023-2025.yaml", "examples/metaal-duaal-leren-2023-2025-realisatie.yaml"),
    ("social-profit-2023-2025.yaml", "examples/social-profit-2023-2025-realisatie.yaml"),
    ("examples/metaal-verlenging-2025-2026.yaml", "examples/metaal-verlenging-2025-2026-realisatie.yaml"),
]
TARGETS = [name for pair in PAIRS for name in pair] + ["metaal-actieplan-diversiteit-inclusie.yaml"]
CHARACTERS = st.sampled_from(list("0123456789.,:-_ []{}#&*!|>'\"\tazAZ\n") + ["é", "\x00"])
# Values a careless or hostile author writes: Belgian thousands, huge exponents, quoted
# numbers, negative zero, far dates, paths out of the project, markup and terminal control.
HOSTILE_VALUES = st.sampled_from([
    "72.000", "1.166.000", "1.105", "1.0e-999999999", "9" * 40, "'1166000.00'", "-0.0", ".inf", "0x1F",
    "9999-12-31", "0001-01-01", "/etc/passwd", "../../../../etc/passwd", "'[/]'", "'[link=https://x]y[/link]'",
    r'"\e[2J\e]0;t\a"', r'"\u202eabc"', "&a x", "*a",
])


@st.composite
def edits(draw):
    target = draw(st.sampled_from(TARGETS))
    lines = (CONVENANTS / target).read_text(encoding="utf-8").split("\n")
    index = draw(st.integers(0, len(lines) - 1))
    operation = draw(st.sampled_from(["delete", "duplicate", "character", "indent", "dedent", "value"]))
    line = lines[index]
    if operation == "delete":
        del lines[index]
    elif operation == "duplicate":
        lines.insert(index, line)
    elif operation == "character":
        at = draw(st.integers(0, len(line)))
        replace = draw(st.booleans())
        lines[index] = line[:at] + draw(CHARACTERS) + line[at + (1 if replace else 0):]
    elif operation == "value" and ": " in line:
        key, _, rest = line.partition(": ")
        lines[index] = f"{key}: {draw(HOSTILE_VALUES)}" + ("}" if rest.rstrip().endswith("}") else "")
    elif operation == "indent":
        lines[index] = "  " + line
    else:
        lines[index] = line[2:] if line.startswith("  ") else line.lstrip()
    return target, operation, index, "\n".join(lines)


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits())
def test_random_edits_answer_0_or_1_quickly(edit):
    target, operation, index, text = edit
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copytree(CONVENANTS, root, dirs_exist_ok=True)
        (root / target).write_bytes(text.encode("utf-8", "surrogatepass"))
        with counted_work() as work:
            validate = runner.invoke(app, ["validate", str(root)], catch_exceptions=False)
        assert validate.exit_code in (0, 1), (operation, index, validate.stdout, validate.stderr)
        assert "\x1b" not in validate.stdout + validate.stderr
        assert len(validate.stdout) < 200_000
        assert work.calls < 2_000_000, work.calls  # about 450.000 for the 80 bundled files
        for covenant, realisation in PAIRS:
            if target in (covenant, realisation):
                args = ["settle", str(root / covenant), "--realisation", str(root / realisation), "--format", "json"]
                with counted_work() as work:
                    result = runner.invoke(app, args, catch_exceptions=False)
                assert work.calls < 500_000, work.calls  # about 46.000
                assert result.exit_code in (0, 1), (operation, index, result.stdout, result.stderr)
                assert "Traceback" not in result.stdout + result.stderr
                assert "\x1b" not in result.stderr
