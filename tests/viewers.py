"""What people see, seen the way they see it: LibreOffice prints a workbook to PDF, poppler
reads the PDF back (page sizes, the words and where each stands on its page), Chromium opens
the HTML report.

The programs and the Carlito font (Calibri's widths, which the workbooks are laid out for)
come from Debian's packages: `libreoffice-calc poppler-utils chromium fonts-crosextra-carlito`
(`.ci/run` installs them). A test that runs one of them carries the `viewers` marker, which
the default `pytest` run leaves out; `pytest -m viewers -p no:xdist` runs them, one at a time.
Without the programs or the font such a test is skipped, unless CONVENANT_REQUIRE_VIEWERS is
set (as `.ci/run` does): then it fails instead of hiding.

Every wait on a program has a deadline, and a program that overruns it is killed with every
process it started (each runs in a session of its own) before the test fails.
"""

from __future__ import annotations

import contextlib
import functools
import html
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

A4 = (595.0, 842.0)  # points, portrait
FONT = "Carlito"
PACKAGES = "libreoffice-calc poppler-utils chromium fonts-crosextra-carlito"

# Set by tests/conftest.py before each test's setup: whether the test carries the `viewers`
# marker (None outside a pytest run, as in a script).
marked: bool | None = None


def need(program: str) -> str:
    """The program's path, once the program and the Carlito font are both installed; else skip
    (fail when CONVENANT_REQUIRE_VIEWERS is set). Only a test marked `viewers` may ask."""
    found = shutil.which(program)
    _require([name for name, there in ((program, found), (f"the {FONT} font", font_files())) if not there], program)
    assert found is not None
    return found


def need_font() -> Metrics:
    """Carlito's metrics, as `need` asks for a program."""
    _require([] if font_files() else [f"the {FONT} font"], FONT)
    return metrics()


def _require(missing: list[str], what: str) -> None:
    if marked is False:
        pytest.fail(f"a test that needs {what} carries @pytest.mark.viewers (the default run leaves it out)")
    if missing:
        message = f"{' and '.join(missing)} not installed (Debian's packages {PACKAGES})"
        if os.environ.get("CONVENANT_REQUIRE_VIEWERS"):
            pytest.fail(message)
        pytest.skip(message)


@functools.cache
def font_files() -> tuple[Path, ...]:
    """The Carlito faces fontconfig knows (`fc-list`), regular first; none without fontconfig."""
    if shutil.which("fc-list") is None:
        return ()
    listed = run(["fc-list", f":family={FONT}", "file", "style"], timeout=60).splitlines()
    faces = sorted(listed, key=lambda line: ("Regular" not in line, line))
    return tuple(Path(line.split(":", 1)[0]) for line in faces if line.strip())


def run(argv: list[str], timeout: float, env: dict[str, str] | None = None) -> str:
    """The program's standard output (it must exit 0). It runs in a session of its own, so
    that a deadline or any other error kills it with every process it started, and reaps it."""
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                               start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except BaseException:
        kill(process)
        raise
    kill(process)  # a helper it left running in its session (soffice leaves none when it is done)
    if process.returncode != 0:
        raise subprocess.CalledProcessError(process.returncode, argv, out, err)
    return out


def kill(process: subprocess.Popen) -> None:
    """Kill the process's session (its group: the process and what it started), then reap it."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=30)


def print_workbook(workbook: Path, folder: Path) -> Path:
    """The workbook printed to PDF by LibreOffice, headless, with a profile of its own, in the
    C locale (numbers as 1,234.56)."""
    soffice = need("soffice")
    need("pdftotext")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    # a first start builds the profile: a minute on a busy machine, a few seconds after that
    run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to", "pdf",
         "--outdir", str(folder), str(workbook)], timeout=240, env=env)
    pdf = folder / (workbook.stem + ".pdf")
    assert pdf.stat().st_size > 1000
    return pdf


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    info = run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], timeout=60)
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]


def is_a4(size: tuple[float, float]) -> bool:
    return sorted(round(side) for side in size) == [round(side) for side in A4]


def text(pdf: Path) -> str:
    return run(["pdftotext", "-layout", str(pdf), "-"], timeout=60)


def figures(printed: str) -> set[Decimal]:
    """Every amount with two decimals on the pages (`1,234.56` or `-77,390.15`)."""
    return {Decimal(found.replace(",", "")) for found in re.findall(r"-?\d{1,3}(?:,\d{3})*\.\d{2}\b", printed)}


def fonts(pdf: Path) -> set[str]:
    """The fonts the pages are drawn with (`pdffonts`), without their subset prefix."""
    listed = run(["pdffonts", str(pdf)], timeout=60).splitlines()[2:]
    return {line.split()[0].split("+", 1)[-1] for line in listed if line.strip()}


@dataclass(frozen=True)
class Word:
    """A word and its box as poppler reports it: from `ascent` em above the baseline to
    `descent` em below it, whatever the glyphs (the box of the font, not of the ink)."""

    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float
    ascent: float = 0.95
    descent: float = 0.35

    @property
    def size(self) -> float:
        """The font size in points (the em), the print scale included."""
        return (self.y_max - self.y_min) / (self.ascent + self.descent)

    @property
    def baseline(self) -> float:
        return self.y_max - self.descent * self.size


def words(pdf: Path) -> list[Word]:
    """Every word with its box, from `pdftotext -bbox`."""
    ascent, descent = box_extents(pdf)
    boxes = run(["pdftotext", "-bbox", str(pdf), "-"], timeout=60)
    found, page = [], 0
    for piece in re.finditer(r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)'
                             r"</word>", boxes):
        if piece.group(0) == "<page ":
            page += 1
            continue
        x_min, y_min, x_max, y_max = (float(piece.group(n)) for n in range(1, 5))
        found.append(Word(page, html.unescape(piece.group(5)), x_min, y_min, x_max, y_max, ascent, descent))
    return found


def box_extents(pdf: Path) -> tuple[float, float]:
    """How far poppler's word boxes reach above and below the baseline, in em: the fonts'
    `/Ascent` and `/Descent` in the PDF, or poppler's 0.95 and 0.35 where they are 0 (as
    LibreOffice writes them). Every font of the file must agree, or a box cannot be read."""
    found = set()
    for ascent, descent in re.findall(rb"/Type\s*/FontDescriptor.*?/Ascent (-?[\d.]+)\s*/Descent (-?[\d.]+)",
                                      pdf.read_bytes(), re.S):
        up, down = abs(float(ascent)) / 1000, abs(float(descent)) / 1000
        found.add((up or 0.95, down or 0.35))
    assert len(found) == 1, f"{pdf.name}: the fonts' boxes differ ({found}); the overlap test cannot read them"
    return found.pop()


@dataclass(frozen=True)
class Glyph:
    """A character's ink and advance in em (from the font's `glyf` and `hmtx` tables)."""

    x_min: float
    y_min: float
    x_max: float
    y_max: float
    advance: float


class Metrics:
    """Carlito's glyphs, every face at once: a character's ink is the union of its ink in the
    regular and the bold face (a word's box does not say which face drew it), so an ink box
    is never smaller than the ink."""

    def __init__(self, files: tuple[Path, ...]) -> None:
        from fontTools.ttLib import TTFont  # the test dependency that reads the font's tables

        self.faces = [TTFont(file, lazy=True) for file in files]
        self._glyphs: dict[str, Glyph] = {}

    def glyph(self, character: str) -> Glyph:
        if character not in self._glyphs:
            boxes = [self._face_glyph(face, character) for face in self.faces]
            self._glyphs[character] = Glyph(min(b.x_min for b in boxes), min(b.y_min for b in boxes),
                                            max(b.x_max for b in boxes), max(b.y_max for b in boxes),
                                            min(b.advance for b in boxes))
        return self._glyphs[character]

    @staticmethod
    def _face_glyph(face, character: str) -> Glyph:
        em, head = face["head"].unitsPerEm, face["head"]
        name = face.getBestCmap().get(ord(character))
        if name is None:  # drawn from another font: take the whole of this one's box, to be safe
            return Glyph(head.xMin / em, head.yMin / em, head.xMax / em, head.yMax / em, 0.0)
        outline, (advance, _) = face["glyf"][name], face["hmtx"][name]
        if outline.numberOfContours == 0:  # a space: no ink
            return Glyph(0.0, 0.0, 0.0, 0.0, advance / em)
        return Glyph(outline.xMin / em, outline.yMin / em, outline.xMax / em, outline.yMax / em, advance / em)

    def ink(self, word: Word) -> tuple[float, float, float, float]:
        """The box of the word's ink on the page (x_min, y_min, x_max, y_max; y grows down): from
        the pen's start plus the first glyph's left bearing to the pen's end less the last
        glyph's right bearing, from the tallest glyph's top to the lowest glyph's bottom."""
        glyphs = [self.glyph(character) for character in word.text]
        size, base = word.size, word.baseline
        first, last = glyphs[0], glyphs[-1]
        return (word.x_min + first.x_min * size, base - max(g.y_max for g in glyphs) * size,
                word.x_max - (last.advance - last.x_max) * size, base - min(g.y_min for g in glyphs) * size)


@functools.cache
def metrics() -> Metrics:
    """Carlito's metrics (the font LibreOffice draws the workbooks with)."""
    files = font_files()
    assert files, f"the {FONT} font is not installed"
    return Metrics(files)


def overlaps(found: list[Word]) -> list[tuple[Word, Word]]:
    """Pairs of words whose ink is drawn over each other: text of one row run into the next, or
    a clipped header over its neighbour. A word's ink is worked out from Carlito's glyphs, its
    size and baseline from poppler's box, so that the margins between two rows or two cells
    are the font's own, not a guess in points: two boxes may share the font's empty leading
    (wrapped lines do, one em apart in boxes 1.3 em high) without a clash."""
    font = need_font()
    clashes = []
    by_page: dict[int, list[tuple[tuple[float, float, float, float], Word]]] = {}
    for word in found:
        by_page.setdefault(word.page, []).append((font.ink(word), word))
    for page_words in by_page.values():
        page_words.sort(key=lambda inked: inked[0][1])
        for n, (ink, word) in enumerate(page_words):
            for other_ink, other in page_words[n + 1:]:
                if other_ink[1] >= ink[3]:
                    break
                if min(ink[2], other_ink[2]) > max(ink[0], other_ink[0]):
                    clashes.append((word, other))
    return clashes


def png_colours(png: bytes) -> int:
    """How many different byte values the image's pixel data holds (1 or 2 for a blank page)."""
    import struct
    import zlib

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    data, at = b"", 8
    while at < len(png):
        length, kind = struct.unpack(">I4s", png[at:at + 8])
        if kind == b"IDAT":
            data += png[at + 8:at + 8 + length]
        at += 12 + length
    return len(set(zlib.decompress(data)))


def generation_report(folder: Path) -> dict:
    """`settle convenants/ --format json --html FOLDER` in Dutch, from the project folder: the JSON."""
    import json

    from typer.testing import CliRunner

    from convenant_cli.cli import app
    from tests.conftest import CONVENANTS, ROOT

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        patch.delenv("CONVENANT_LANG", raising=False)
        result = CliRunner().invoke(app, ["settle", str(CONVENANTS), "--format", "json", "--html", str(folder)],
                                    catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)
