"""One diagnostic code explained at length, as `convenant explain CODE`, the documentation's
page of codes and a SARIF rule show it; and the sections of the documentation the
explanations point to. A record and names only: the texts are in the modules beside it.
"""

from __future__ import annotations

from dataclasses import dataclass

# the sections of the documentation that give a code's rule: a page under docs/, with its anchor
R1 = "rulebook.md#r1-maximum-per-beneficiary-art-1"
R2 = "rulebook.md#r2-effort-and-result-financing-art-2"
R3 = "rulebook.md#r3-result-ratio-art-2"
R4 = "rulebook.md#r4-deduction-for-absence-art-5"
R5 = "rulebook.md#r5-order-and-rounding-art-2-and-5"
R6 = "rulebook.md#r6-costs-and-advances-art-3-5-and-6"
COSTS = "rulebook.md#the-cost-statement-kostenstaat-art-5-and-6"
R7 = "rulebook.md#r7-addenda-extensions-and-families-art-8"
R8 = "rulebook.md#r8-interim-views-at-a-monitoring-moment-art-6"
UNTRUSTED_INPUT = "reference/untrusted-input.md"
FILE_FORMATS = "reference/file-formats.md"
KINDS = "reference/file-formats.md#kinds"
ACCEPTING = "guides/sector.md#accepting-a-known-warning"
INSZ = "guides/sector.md#personal-data-the-insz"
CASES = "guides/case-writer.md#writing-a-case"
WHO = "rulebook.md#who-writes-what"
ASSESSMENT = "reference/file-formats.md#kind-assessment"


@dataclass(frozen=True, kw_only=True)
class Explanation:
    """A code's explanation (English, marked `N_`: translated where it is shown) and an
    example: lines of a file with the mistake, and the same lines mended (file content, never
    translated). `section` is where the documentation gives the rule.

    `checked`: the tests cut `fix` out of a bundled file, put `mistake` in its place and see
    `validate` report the code, and not report it on the file as it is. False only where the
    mistake cannot be written into a file's lines (a symbolic link) or no bundled file holds
    the mended lines."""

    code: str
    text: str
    mistake: str
    fix: str
    section: str
    checked: bool = True
    language: str = "yaml"  # of the example, for the documentation's code blocks
