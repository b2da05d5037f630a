"""What people see, seen the way they see it: LibreOffice prints a workbook to PDF, poppler
reads the PDF back (page sizes, the words and where each stands on its page).

The programs come from Debian's packages (`.ci/run` installs them). Without them a test that
needs them is skipped, unless CONVENANT_REQUIRE_VIEWERS is set (as `.ci/run` does): then a
missing program fails the run instead of hiding the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

A4 = (595.0, 842.0)  # points, portrait


def need(program: str) -> str:
    """The program's path, or skip (fail when CONVENANT_REQUIRE_VIEWERS is set)."""
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CONVENANT_REQUIRE_VIEWERS"):
            pytest.fail(f"{program} is not installed; .ci/run installs it from Debian's packages")
        pytest.skip(f"{program} is not installed")
    return found


def print_workbook(workbook: Path, folder: Path) -> Path:
    """The workbook printed to PDF by LibreOffice, headless, with a profile of its own, in the
    C locale (numbers as 1,234.56)."""
    soffice = need("soffice")
    need("pdftotext")
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{folder}/lo-profile", "--convert-to", "pdf",
                    "--outdir", str(folder), str(workbook)], check=True, capture_output=True, timeout=240, env=env)
    pdf = folder / (workbook.stem + ".pdf")
    assert pdf.stat().st_size > 1000
    return pdf


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    """Each page's (width, height) in points."""
    text = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", str(pdf)], check=True, capture_output=True,
                          text=True).stdout
    return [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", text)]


def is_a4(size: tuple[float, float]) -> bool:
    return sorted(round(side) for side in size) == [round(side) for side in A4]


def text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout


def figures(printed: str) -> set[Decimal]:
    """Every amount with two decimals on the pages (`1,234.56` or `-77,390.15`)."""
    return {Decimal(found.replace(",", "")) for found in re.findall(r"-?\d{1,3}(?:,\d{3})*\.\d{2}\b", printed)}


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x_min: float
    y_min: float
    x_max: float
    y_max: float


def words(pdf: Path) -> list[Word]:
    """Every word with its box, from `pdftotext -bbox`."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    found, page = [], 0
    for piece in re.finditer(r'<page |<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)'
                             r"</word>", html):
        if piece.group(0) == "<page ":
            page += 1
            continue
        x_min, y_min, x_max, y_max = (float(piece.group(n)) for n in range(1, 5))
        found.append(Word(page, piece.group(5), x_min, y_min, x_max, y_max))
    return found


def overlaps(found: list[Word]) -> list[tuple[Word, Word]]:
    """Pairs of words drawn over each other: their boxes share more than a point across and
    more than a third of the lower one's height (text of one row run into the next, or a
    clipped header over its neighbour)."""
    clashes = []
    by_page: dict[int, list[Word]] = {}
    for word in found:
        by_page.setdefault(word.page, []).append(word)
    for page_words in by_page.values():
        page_words.sort(key=lambda w: w.y_min)
        for n, word in enumerate(page_words):
            for other in page_words[n + 1:]:
                if other.y_min >= word.y_max:
                    break
                shared_height = min(word.y_max, other.y_max) - max(word.y_min, other.y_min)
                shared_width = min(word.x_max, other.x_max) - max(word.x_min, other.x_min)
                if shared_width > 1 and shared_height > min(word.y_max - word.y_min, other.y_max - other.y_min) / 3:
                    clashes.append((word, other))
    return clashes
