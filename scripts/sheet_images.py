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
# sheet -> (its first page in the PDF, the height to keep at 100 dpi); Uitleg takes two pages
PAGES = {"uitleg": (1, 700), "resultaten": (3, 160), "consulenten": (4, 300), "afwezigheden": (5, 230),
         "voorschotten": (6, 220), "kosten": (7, 130)}


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
        for name, (page, height) in PAGES.items():
            target = IMAGES / f"eindrapport-{name}"
            subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", "100", "-f", str(page), "-l", str(page),
                            "-x", "40", "-y", "40", "-W", "1020", "-H", str(height), str(work / "eindrapport.pdf"),
                            str(target)], check=True)
            print(target.with_suffix(".png").relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
