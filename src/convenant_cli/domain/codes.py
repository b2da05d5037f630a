"""Every diagnostic code, once: its severity and what it means (in English, the
documentation's language; a SARIF report gives it in the run's language). Each code is
explained at length, with an example, in `domain/explanations/` (keyed by code).

The documentation's page of codes (`docs/reference/codes.md`) is generated from `CODES` and
the explanations (`python -m convenant_cli.domain.codes`), and a test fails when the page,
the codes the package raises, the explanations or the bad files under `tests/data/invalid/`
drift from it. A code keeps one meaning and one severity for ever: a new meaning gets a new
code. A code whose meaning has gone is retired, never reused: it stays here with the reason
(`retired`), nothing raises it, and the page says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from convenant_cli.domain.language import N_
from convenant_cli.domain.severity import Severity


@dataclass(frozen=True, eq=False)
class Code:
    code: str
    severity: Severity
    summary: str
    retired: str | None = None  # why nothing raises it any more, and what took its place


_E, _W = Severity.ERROR, Severity.WARNING
_ALL = (
    Code("CV001", _E, N_("YAML syntax error, not UTF-8 text, binary file")),
    Code("CV002", _E, N_("a key appears twice in one mapping")),
    Code("CV003", _E, N_("a YAML tag (`!!python/...`, `!custom`), a merge key `<<`, or a non-text key")),
    Code("CV004", _E, N_("empty file, more than one document, or not a mapping at the top")),
    Code("CV005", _E, N_("a resource limit (file size, nesting, values or text after alias expansion)")),
    Code("CV006", _E, N_("unknown `kind` or unsupported `schema_version`")),
    Code("CV007", _W, N_("a `# convenant: accept` comment without a reason, or naming an unknown code or an error (it "
                      "accepts nothing)")),
    Code("CV101", _E, N_("unknown key (with the closest known key)")),
    Code("CV102", _E, N_("missing key")),
    Code("CV103", _E, N_("a value of the wrong type or out of range")),
    Code("CV104", _E, N_("more decimals than allowed: two in an amount or FTE, four in a share or a count")),
    Code("CV105", _E, N_("a date that is not `YYYY-MM-DD`, not in the calendar (2023-02-30), or outside "
                      "1900-01-01 – 2199-12-31")),
    Code("CV106", _E, N_("a number written with a Belgian thousands separator (`72.000`, `1.166.000`)")),
    Code("CV107", _E, N_("a number in a notation convenant does not read: quoted, exponent (`1e3`), decimal comma, "
                      "hex, longer than 20 characters")),
    Code("CV201", _E, N_("Art. 1: the groups' amounts do not add up to `max_subsidy`")),
    Code("CV202", _E, N_("Art. 1: the groups' FTE do not add up to `fte` (or `fte_each` without `fte`)")),
    Code("CV203", _W, N_("a group costs a different amount per FTE than the others")),
    Code("CV204", _E, N_("the period ends before it starts")),
    Code("CV205", _E, N_("`effort_share` + `result_share` is not 1")),
    Code("CV206", _E, N_("an IBAN fails its checksum (python-stdnum)")),
    Code("CV207", _E, N_("a Belgian enterprise number fails its checksum (python-stdnum)")),
    Code("CV208", _E, N_("the same enterprise number twice")),
    Code("CV209", _E, N_("two result commitments with one id")),
    Code("CV210", _E, N_("a result commitment with both `targets` and `qualitative`, or neither")),
    Code("CV211", _E, N_("a target, or a measured value, given twice for one indicator and work year")),
    Code("CV212", _E, N_("a work year outside the term")),
    Code("CV214", _E, N_("a group with `fte_each: 0`")),
    Code("CV215", _E, N_("a term longer than 10 years")),
    Code("CV216", _E, N_("an addendum's period is not within its covenant's (an extension's: not the day after it)")),
    Code("CV218", _E, N_("an INSZ (national register or BIS number) fails its check (python-stdnum); never shown "
                         "whole")),
    Code("CV219", _W, N_("a national number (INSZ) in free text (a name, note, reference, title); masked in every "
                         "output")),
    Code("CV301", _E, N_("a reference (`parent:`, `convenant:`) names a file that does not exist")),
    Code("CV302", _E, N_("a reference names a file of the wrong kind")),
    Code("CV303", _W, N_("an addendum's beneficiary is not a beneficiary of its covenant")),
    Code("CV304", _E, N_("a reference is an absolute path, or leaves the project's root (also through a link)")),
    Code("CV305", _E, N_("a reference names a folder, a device, a pipe or a socket")),
    Code("CV306", _E, N_("a reference cannot be read: too long, a NUL character, permission denied, a loop of links")),
    Code("CV307", _E, N_("a reference names a file that is not a convenant file (its content is never shown)")),
    Code("CV308", _E, N_("a file named on the command line or found in a folder is a link to a file outside the "
                      "project's root (it is never read)")),
    Code("CV401", _E, N_("action plan: the lines do not add up to a section's subtotal (days or euro)")),
    Code("CV402", _E, N_("action plan: the lines do not add up to the total (days or euro)")),
    Code("CV502", _E, N_("realisation: a result commitment the covenant does not have")),
    Code("CV503", _E, N_("realisation: a result commitment missing from `results`")),
    Code("CV504", _E, N_("realisation: a value for an indicator or work year that has no target")),
    Code("CV505", _E, N_("realisation: an enterprise number that is not a beneficiary")),
    Code("CV506", _E, N_("realisation: an absence outside the consultant's `employed` dates")),
    Code("CV507", _E, N_("realisation: two absences of one consultant overlap")),
    Code("CV508", _W, N_("realisation: a beneficiary without staffing is taken as fully staffed")),
    Code("CV509", _E, N_("realisation: an absence or employment that ends before it starts")),
    Code("CV510", _E, N_("realisation: an absence of more FTE than the consultant has")),
    Code("CV511", _W, N_("realisation: the auditor's `achieved:` without a `note:`"),
         retired=N_("the realisation holds the sector's self-assessment, not the auditor's verdict: see CV522")),
    Code("CV512", _E, N_("realisation: no measured value for a target (or a qualitative commitment) and no verdict"),
         retired=N_("a verdict is the auditor's, in an assessment: see CV521 (a value) and CV703 (a verdict)")),
    Code("CV513", _E, N_("realisation: a beneficiary listed twice in `staffing`, `costs` or `eligible_costs`")),
    Code("CV514", _W, N_("realisation: `staffing` for an addendum without `fte` (no deduction applies)")),
    Code("CV515", _E, N_("realisation: two consultants of one beneficiary with one name and no `id` to tell them "
                         "apart")),
    Code("CV516", _W, N_("realisation: a consultant who is not employed during the term")),
    Code("CV517", _W, N_("realisation: an absence that starts after the term (it cannot count)")),
    Code("CV518", _E, N_("realisation: an absence without an `end` in an eindrapport (only a progress report, with "
                         "`as_of`, may list an ongoing absence)")),
    Code("CV519", _E, N_("realisation: `as_of` outside the term (a progress report is made before the term ends)")),
    Code("CV520", _W, N_("realisation: a fact dated after the progress report's `as_of` (it is not used)")),
    Code("CV521", _E, N_("realisation: no measured value for a target (the sector's `achieved:` does not stand in "
                         "for one)")),
    Code("CV522", _W, N_("realisation: a qualitative commitment, or the sector's self-assessment (`achieved:`), "
                         "without a `note:` saying where the eindrapport shows it")),
    Code("CV523", _W, N_("realisation: an advance listed twice for one beneficiary (its reference, or its day and "
                         "amount without one)")),
    Code("CV524", _W, N_("realisation: a consultant's own guaranteed wage longer than the rules in force (the "
                         "deduction starts later)")),
    Code("CV530", _E, N_("cost statement: a line names a consultant who is not in that beneficiary's staffing")),
    Code("CV531", _E, N_("cost statement: a reference given twice within one beneficiary")),
    Code("CV532", _E, N_("cost statement: a wage line's period does not overlap the consultant's employment")),
    Code("CV533", _W, N_("cost statement: an operating line dated outside the term (it is not eligible)")),
    Code("CV534", _W, N_("cost statement: part of a wage line's period outside the term or the employment (that part "
                         "is not eligible)")),
    Code("CV535", _E, N_("cost statement: a beneficiary with cost lines and an `eligible_costs` total both")),
    Code("CV536", _E, N_("cost statement: a wage line whose `from` is after its `to`")),
    Code("CV537", _W, N_("cost statement: cost lines in a progress report (`as_of`); they are not used")),
    Code("CV601", _E, N_("case: `settle` names no covenant or addendum, or `realisation` no eindrapport of a settled "
                      "file")),
    Code("CV602", _E, N_("case: an expected figure of a beneficiary the settled file does not have")),
    Code("CV603", _E, N_("case: `expect.convenant` names a file the case does not settle")),
    Code("CV604", _E, N_("case: `expect.combined` with a single settled file")),
    Code("CV605", _E, N_("case: payable, advances, balance, ratio or costs expected without an eindrapport "
                         "(maxima)")),
    Code("CV606", _E, N_("case: effort, result, payable, balance, ratio or costs expected of an interim view "
                         "(`as_of`)")),
    Code("CV607", _E, N_("case: `assessment` names no assessment, or the assessment of an eindrapport the case does "
                         "not name")),
    Code("CV608", _E, N_("case: an expected result of a commitment the settled file does not have")),
    Code("CV701", _E, N_("assessment: a verdict on a result commitment the agreement does not have")),
    Code("CV702", _E, N_("assessment: a correction of a measured value the agreement has no target for (commitment, "
                         "indicator, work year)")),
    Code("CV703", _W, N_("assessment: a qualitative commitment without a verdict (the settlement stays provisional)")),
    Code("CV704", _W, N_("assessment: a correction that gives the value the realisation already has")),
    Code("CV705", _W, N_("assessment: dated before the facts it judges (the term's end, or a progress report's "
                         "`as_of`)")),
    Code("CV706", _E, N_("assessment: a cost line refused or accepted that the realisation's cost statement does not "
                         "have (beneficiary and reference)")),
    Code("CV707", _E, N_("assessment: the realisation changed after it was judged (its SHA-256 differs)")),
    Code("CV708", _W, N_("assessment: no `realisation_sha256`, so a change to the realisation judged goes unseen")),
)
CODES: dict[str, Code] = {code.code: code for code in _ALL}


def severity_of(code: str) -> Severity:
    """
    >>> severity_of("CV203").value, severity_of("CV201").value
    ('warning', 'error')
    """
    return CODES[code].severity


def in_use() -> dict[str, Code]:
    """The codes a run may raise: every code but the retired ones."""
    return {key: code for key, code in CODES.items() if code.retired is None}


PAGE = "docs/reference/codes.md"


def documentation_of(code: str) -> str:
    """Where the documentation explains a code: its section of the page of codes, as a link
    relative to the project's folder (SARIF's `helpUri`).

    >>> documentation_of("CV518")
    'docs/reference/codes.md#cv518'
    """
    return f"{PAGE}#{code.lower()}"


def markdown_reference() -> str:
    """The generated part of `docs/reference/codes.md`: the table of codes, then each code's
    explanation, example and section of the documentation."""
    from convenant_cli.domain.explanations import EXPLANATIONS

    rows = ["| code | severity | what |", "|---|---|---|"]
    rows += [f"| [{c.code}](#{c.code.lower()}) | {c.severity.value} | {c.summary} |" if c.retired is None else
             f"| [{c.code}](#{c.code.lower()}) | retired | ~~{c.summary}~~ — retired: {c.retired} |" for c in _ALL]
    for c in _ALL:
        explanation = EXPLANATIONS[c.code]
        language = explanation.language
        said = (f"**{c.severity.value}**: {c.summary}" if c.retired is None else
                f"**retired** (was {c.severity.value}: {c.summary}): {c.retired}")
        rows += ["", f"## {c.code}", "", said, "", explanation.text, "",
                 "Mistake:", "", f"```{language}", explanation.mistake.rstrip("\n"), "```", "",
                 "Fix:", "", f"```{language}", explanation.fix.rstrip("\n"), "```", "",
                 f"See [{explanation.section}](../{explanation.section})."]
    return "\n".join(rows) + "\n"


if __name__ == "__main__":
    print(markdown_reference(), end="")
