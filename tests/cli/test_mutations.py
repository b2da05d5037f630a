"""Random edits of the bundled files (delete, duplicate, change a character, shift the
indentation, put a hostile value in place of a value, a 20.000-character line, a digit of
another script) and links added beside them (out of the project, in a loop, to nothing)
never make `validate` or `settle` raise, hang, flood the output, echo a file from outside
the project or pass a control character to the terminal: they answer 0 or 1, or 2 for a
link that cannot be read."""

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
    operation = draw(st.sampled_from(["delete", "duplicate", "character", "indent", "dedent", "value", "long",
                                      "digit"]))
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
    elif operation == "long":  # one very wide line: a long value, or many flow items
        filler = draw(st.sampled_from(["x" * 20_000, " " * 20_000, "{a: 1}, " * 2_500, "1" * 20_000]))
        key = line.partition(":")[0] if ":" in line else "notes"
        lines[index] = f"{key}: [{filler}]" if filler.startswith("{") else f"{key}: {filler}"
    elif operation == "digit":  # a digit of another script where an ASCII one stood
        digits = [at for at, char in enumerate(line) if char.isdigit()]
        if digits:
            at = draw(st.sampled_from(digits))
            lines[index] = line[:at] + draw(st.sampled_from(["١", "１", "𝟏", "٠"])) + line[at + 1:]
    elif operation == "indent":
        lines[index] = "  " + line
    else:
        lines[index] = line[2:] if line.startswith("  ") else line.lstrip()
    return target, operation, index, "\n".join(lines)


SECRET = "AKIA-NOT-FOR-THE-REPORT"
LINKS = st.sampled_from(["none", "outside", "loop", "dangling"])


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits(), LINKS)
def test_random_edits_answer_0_or_1_quickly(edit, link):
    target, operation, index, text = edit
    runner = CliRunner()
    with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as elsewhere:
        root = Path(tmp)
        shutil.copytree(CONVENANTS, root, dirs_exist_ok=True)
        (root / target).write_bytes(text.encode("utf-8", "surrogatepass"))
        secret = Path(elsewhere) / "credentials.yaml"
        secret.write_text(f"kind: convenant\nmax_subsidy: {SECRET}\n")
        made = {"outside": secret, "loop": root / "examples" / "link.yaml", "dangling": root / "nothing.yaml"}
        if link != "none":
            (root / "examples" / "link.yaml").symlink_to(made[link])
        with counted_work() as work:
            validate = runner.invoke(app, ["validate", str(root)], catch_exceptions=False)
        allowed = (0, 1, 2) if link in ("loop", "dangling") else (0, 1)
        assert validate.exit_code in allowed, (operation, index, link, validate.stdout, validate.stderr)
        assert SECRET not in validate.stdout + validate.stderr
        if link == "outside":
            assert "CV308" in validate.stdout
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
