"""What people see, seen the way they see it: LibreOffice prints a workbook to PDF, poppler
reads the PDF back (page sizes, the words and where each stands on its page).

The programs come from Debian's packages (`.ci/run` installs them). Without them a test that
needs them is skipped, unless CONVENANT_REQUIRE_VIEWERS is set (as `.ci/run` does): then a
missing program fails the run instead of hiding the test.
"""

from __future__ import annotations

import contextlib
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


class Chromium:
    """Debian's Chromium, headless, driven over the DevTools protocol on a pipe (file
    descriptors 3 and 4 of the browser: no port, no library): open a page, collect its
    console errors, exceptions and every request it makes, take a screenshot, print to PDF."""

    def __init__(self, profile: Path) -> None:
        import json  # noqa: F401  (used by the methods)

        browser = need("chromium")
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()

        def descriptors() -> None:  # in the child: the pipe's ends become its descriptors 3 and 4
            reading, writing = os.dup(to_browser_read), os.dup(from_browser_write)  # above 4 either way
            os.dup2(reading, 3)
            os.dup2(writing, 4)

        self.process = subprocess.Popen(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--remote-debugging-pipe", f"--user-data-dir={profile}", "about:blank"],
            preexec_fn=descriptors, close_fds=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self._buffer = b""
        self._next = 0
        self.events: list[dict] = []
        targets = self.call("Target.getTargets")["targetInfos"]
        page = next(t for t in targets if t["type"] == "page")
        self.session = self.call("Target.attachToTarget", targetId=page["targetId"], flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable", session=True)

    def _send(self, message: dict) -> None:
        import json

        os.write(self._to_browser, json.dumps(message).encode() + b"\0")

    def _receive(self) -> dict:
        import json

        while b"\0" not in self._buffer:
            chunk = os.read(self._from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, session: bool = False, **params: object) -> dict:
        self._next += 1
        message: dict = {"id": self._next, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self._send(message)
        while True:
            reply = self._receive()
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def open(self, url: str) -> None:
        """Go to `url` and wait until it has loaded."""
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        while not any(e.get("method") == "Page.loadEventFired" for e in self.events):
            self.events.append(self._receive())

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and log entries of level error since `open`."""
        found = []
        for event in self.events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                found.append(str(params.get("args")))
            elif method == "Runtime.exceptionThrown":
                found.append(str(params.get("exceptionDetails")))
            elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
                found.append(params["entry"].get("text", ""))
        return found

    def requests(self) -> list[str]:
        """Every URL the page asked for since `open`."""
        return [e["params"]["request"]["url"] for e in self.events if e.get("method") == "Network.requestWillBeSent"]

    def screenshot(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.captureScreenshot", session=True, format="png")["data"])

    def pdf(self) -> bytes:
        import base64

        return base64.b64decode(self.call("Page.printToPDF", session=True, preferCSSPageSize=True,
                                          printBackground=True)["data"])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self._to_browser)
        os.close(self._from_browser)


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
