"""The pictures of the HTML report in the auditor's guide (docs/images/rapport-*.png): the
bundled generation's report (`settle convenants/ --html`), the Metaal page as Chromium shows
it on screen, and the page of one beneficiary (RTM Vlaams-Brabant, its payable capped) as it
prints on A4. Needs Chromium and poppler-utils (Debian's chromium and poppler-utils); the
pictures are committed, so the docs build without them.

    python scripts/report_images.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
CHROMIUM = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def main() -> int:
    browser = shutil.which("chromium")
    if browser is None or shutil.which("pdftoppm") is None:
        print("needs chromium and pdftoppm (poppler-utils)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        report = work / "rapport"
        subprocess.run([sys.executable, "-m", "convenant_cli", "settle", "convenants/", "--html", str(report),
                        "--reference", "DWSE/SC/2025/117", "--date", "2025-12-01"],
                       check=True, cwd=ROOT, capture_output=True, env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"})
        page = (report / "metaal-2023-2025.html").as_uri()
        profile = f"--user-data-dir={work / 'profile'}"
        IMAGES.mkdir(exist_ok=True)
        subprocess.run([browser, *CHROMIUM, profile, "--window-size=1000,1250",
                        f"--screenshot={IMAGES / 'rapport-scherm.png'}", page], check=True, capture_output=True)
        pdf = work / "metaal.pdf"
        subprocess.run([browser, *CHROMIUM, profile, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page],
                       check=True, capture_output=True)
        # the first page of RTM Vlaams-Brabant, whose payable its eligible costs cap (R6), as the annex of its
        # settlement letter
        def sheet_text(n: int) -> str:
            return subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"], check=True,
                                  capture_output=True, text=True).stdout

        sheet = next(n for n in range(1, 100) if "RTM Vlaams-Brabant vzw (0474" in sheet_text(n))
        subprocess.run(["pdftoppm", "-png", "-singlefile", "-r", "70", "-f", str(sheet), "-l", str(sheet), str(pdf),
                        str(IMAGES / "rapport-afdruk")], check=True)
    print(f"written: {IMAGES / 'rapport-scherm.png'}, {IMAGES / 'rapport-afdruk.png'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
