"""The HTML report in a real browser (Debian's Chromium, headless): every page opens from disk
with no console error and no request outside its folder, shows something, prints on A4 with
each beneficiary's payable and balance on the pages, and the figures the browser reads from
its DOM equal the JSON output. Viewer tests: `pytest -m viewers -p no:xdist`."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from tests.chromium import Chromium
from tests.viewers import generation_report, is_a4, need, page_sizes, png_colours, text

pytestmark = [pytest.mark.viewers, pytest.mark.timeout(300)]  # the browser's first start builds its profile


def dutch(value: str) -> str:
    """`1022559.87` as the report shows it: `1.022.559,87`."""
    whole, cents = f"{Decimal(value):,.2f}".split(".")
    return f"{whole.replace(',', '.')},{cents}"


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    need("chromium")
    need("pdftotext")
    base = tmp_path_factory.mktemp("browser")
    folder = base / "rapport"
    data = generation_report(folder)
    with Chromium(base / "profile") as browser:
        yield folder, data, browser, base


def test_every_page_opens_from_disk_without_errors_or_requests_outside_its_folder(report):
    folder, _, browser, base = report
    pages = sorted(folder.glob("*.html"))
    assert len(pages) == 6  # index, sources, four agreements
    for page in pages:
        browser.open(page.as_uri())
        assert browser.errors() == [], page.name
        outside = [url for url in browser.requests() if not url.startswith(folder.as_uri() + "/")]
        assert outside == [], page.name
        shot = browser.screenshot()
        assert png_colours(shot) > 16, page.name  # not a blank page
        (base / f"{page.stem}.png").write_bytes(shot)


def test_the_browser_reads_the_json_figures_from_each_agreement_page(report):
    folder, data, browser, _ = report
    script = ("JSON.stringify([...document.querySelectorAll('section.beneficiary')].map(s => [s.dataset.enterprise, "
              "[...s.querySelectorAll('data')].map(d => [d.dataset.key, d.value, d.textContent])]))")
    for settlement in data["settlements"]:
        browser.open((folder / f"{settlement['convenant']}.html").as_uri())
        found = json.loads(browser.call("Runtime.evaluate", session=True, expression=script)["result"]["value"])
        by_number = {number.replace(".", ""): {key: (value, text) for key, value, text in figures}
                     for number, figures in found}
        assert set(by_number) == {line["enterprise_number"] for line in settlement["beneficiaries"]}
        for line in settlement["beneficiaries"]:
            shown = by_number[line["enterprise_number"]]
            for key in ("maximum", "deduction", "effort", "result", "payable", "advances", "balance"):
                if line[key] is None:
                    assert key not in shown or shown[key][0] == "", (line["name"], key)
                    continue
                value, text = shown[key]
                assert Decimal(value) == Decimal(line[key]) and text == dutch(line[key]), (line["name"], key)


def test_each_agreement_page_prints_on_a4_with_every_payable_and_balance(report):
    folder, data, browser, base = report
    for settlement in data["settlements"]:
        browser.open((folder / f"{settlement['convenant']}.html").as_uri())
        pdf = base / f"{settlement['convenant']}.pdf"
        pdf.write_bytes(browser.pdf())
        sizes = page_sizes(pdf)
        # a page for the agreement, then (at least) one for each beneficiary
        assert len(sizes) >= 1 + len(settlement["beneficiaries"]) and all(is_a4(size) for size in sizes)
        printed = text(pdf)
        for line in settlement["beneficiaries"]:
            for key in ("payable", "balance"):
                assert dutch(line[key]) in printed, (settlement["convenant"], line["name"], key)


def _running(marker: str) -> list[int]:
    """The live processes whose environment holds `marker` (a zombie's environment is empty)."""
    import contextlib

    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError):
                if marker.encode() in (entry / "environ").read_bytes():
                    found.append(int(entry.name))
    return found


def test_a_browser_that_never_answers_fails_its_start_within_the_deadline_and_is_killed(tmp_path, monkeypatch):
    import time

    need("chromium")
    fake = tmp_path / "bin" / "chromium"
    fake.parent.mkdir()
    # it starts a helper of its own, as Chromium does, and never reads the pipe; both inherit
    # the marker in their environment, so that the test finds them without their help
    fake.write_text("#!/bin/sh\nsleep 600 &\nexec sleep 600\n")
    fake.chmod(0o755)
    marker = f"CONVENANT_FAKE_BROWSER={tmp_path}"
    monkeypatch.setenv("CONVENANT_FAKE_BROWSER", str(tmp_path))
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    with pytest.raises(TimeoutError, match=r"within 2\.0 s"):
        Chromium(tmp_path / "profile", timeout=2.0)
    for _ in range(200):  # SIGKILL is sent to the group; each dies when the kernel gets to it
        if not _running(marker):
            break
        time.sleep(0.05)
    assert _running(marker) == []


def test_an_error_inside_the_browsers_block_kills_it(tmp_path):
    with pytest.raises(RuntimeError, match=r"Nothing\.exists"), Chromium(tmp_path / "profile") as browser:
        browser.call("Nothing.exists")
    assert browser.process is not None and browser.process.returncode is not None  # killed and reaped
    with pytest.raises(RuntimeError, match="chromium was closed"):
        browser.call("Browser.getVersion")
