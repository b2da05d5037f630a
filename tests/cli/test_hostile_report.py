"""The HTML report shows text from a file as data (issue of 2026-12-07, point 9): a bidi
override, BEL, ESC and NUL are replaced by the placeholders every other output shows, in the
text and in attributes alike; the page holds none of them raw (NUL is an HTML parse error, and
U+202E makes "gnp.exe" read "exe.png")."""

from __future__ import annotations

import re

RAW = re.compile("[\u202a-\u202e\u2066-\u2069\x00-\x08\x0b-\x1f\x7f]")


def test_bidi_and_control_characters_reach_no_page_raw(run_cli, project):
    covenant = project / "metaal.yaml"
    text = covenant.read_text(encoding="utf-8")
    old = "      - name: INOM vzw - Instituut voor Naschoolse Opleiding van de Metaalverwerkende Nijverheid"
    assert old in text
    covenant.write_text(text.replace(old, '      - name: "INOM \\u202Egnp.exe"'), encoding="utf-8")
    real = project / "examples" / "real.yaml"
    text = real.read_text(encoding="utf-8")
    old = "note: Eindrapport p. 14 - financiële opvolging D&I-netwerk"
    assert old in text
    real.write_text(text.replace(old, 'note: "Eindrapport\\a p.\\e[2J 14\\0 - opvolging"'), encoding="utf-8")
    result = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml", "--html", "rapport")
    assert result.exit_code == 0, result.stdout + result.stderr
    pages = {page.name: page.read_text(encoding="utf-8") for page in (project / "rapport").glob("*.html")}
    assert len(pages) >= 3
    for name, page in pages.items():
        found = RAW.search(page)
        assert found is None, f"{name}: U+{ord(found.group()):04X} raw" if found else name
    agreement = pages["metaal-2023-2025.html"]
    assert "<h2" in agreement and "INOM ⟨U+202E⟩gnp.exe" in agreement  # the heading, as the table shows it
    assert 'aria-label="' in agreement and re.search(r'aria-label="[^"]*INOM ⟨U\+202E⟩gnp\.exe', agreement)
    assert "Eindrapport␇ p.␛[2J 14␀ - opvolging" in agreement
    table = run_cli("settle", "metaal.yaml", "-r", "examples/real.yaml").stdout
    assert "INOM ⟨U+202E⟩gnp.exe" in table  # the placeholder the other outputs use
