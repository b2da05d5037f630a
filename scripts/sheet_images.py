"""The pictures of the eindrapport workbook in the sector's guide (docs/images/eindrapport-*.png):
the Metaal template prefilled with the example eindrapport, printed by LibreOffice headless,
each sheet's first page cut to what it holds. Needs LibreOffice and poppler-utils (Debian's
libreoffice-calc and poppler-utils); the pictures are committed, so the docs build without them.

    python scripts/sheet_images.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
# sheet -> the height to keep at 100 dpi of its first page (found by the sheet's name in the footer)
PAGES = {"uitleg": 700, "resultaten": 160, "consulenten": 300, "afwezigheden": 230, "voorschotten": 220,
         "kosten": 130}


def first_pages(pdf: Path) -> dict[str, int]:
    """Each sheet's first page: the footer of every page names its sheet."""
    found: dict[str, int] = {}
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for number, page in enumerate(text.split("\f"), 1):
        lines = [line.split() for line in page.splitlines() if "Pagina" in line or "Page" in line]
        if lines and lines[-1]:
            found.setdefault(lines[-1][0].lower(), number)
    return found


def main() -> int:
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        print("needs soffice (libreoffice-calc) and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        book = work / "eindrapport.xlsx"
        subprocess.run([sys.executable, "-m", "convenant_cli", "new", "realisation",
                        str(ROOT / "convenants" / "metaal-2023-2025.yaml"), "--xlsx", str(book), "--from",
                        str(ROOT / "convenants" / "examples" / "metaal-2023-2025-realisatie.yaml")],
                       check=True, cwd=ROOT, capture_output=True)
        subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(book)],
                       check=True, capture_output=True)
        IMAGES.mkdir(exist_ok=True)
        pages = first_pages(work / "eindrapport.pdf")
        for name, height in PAGES.items():
            page = pages[name]
            target = IMAGES / f"eindrapport-{name}"
            subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", "100", "-f", str(page), "-l", str(page),
                            "-x", "40", "-y", "40", "-W", "1020", "-H", str(height), str(work / "eindrapport.pdf"),
                            str(target)], check=True)
            print(target.with_suffix(".png").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
