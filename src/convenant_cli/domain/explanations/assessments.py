"""The explanations of the codes of an auditor's assessment (CV7xx)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import COSTS, R3, R8, WHO, Explanation
from convenant_cli.domain.language import N_

_R2 = "R2: {achieved: true, note: Eindrapport p. 14 - financiële opvolging D&I-netwerk nagekeken}\n"
_REFUSED = "- {beneficiary: 0409.845.289, reference: factuur 2024-117, accepted: false, note: geen werkingskost van " \
           "de consulent}\n"
_CORRECTION = "- {commitment: R1, indicator: bedrijfsbezoeken, year: 2, value: 186, note: 2 bezoeken dubbel geteld}\n"

EXPLANATIONS = (
    Explanation(code="CV701", section=R3, text=N_(
        "`verdicts` judges a result commitment that the covenant (or addendum) of the eindrapport does not have: "
        "its id is mistyped, or the assessment names the eindrapport of another agreement. The hint names the "
        "nearest id."),
        mistake=_R2.replace("R2:", "R4:"), fix=_R2),
    Explanation(code="CV702", section=R3, text=N_(
        "A correction names a measured value the agreement has no target for: a commitment, an indicator or a "
        "work year that is mistyped, or a qualitative commitment (judge it under `verdicts:` instead). The hint "
        "lists the targets of the commitment."),
        mistake=_CORRECTION.replace("year: 2", "year: 3"), fix=_CORRECTION),
    Explanation(code="CV703", section=WHO, text=N_(
        "The assessment gives no verdict on a qualitative commitment of an eindrapport. No measured value decides "
        "such a commitment, so until the auditor judges it the settlement is provisional: it counts as not met in "
        "the payable amount, and the payable if it is met is shown beside. A warning: an auditor may judge in "
        "steps."),
        mistake="verdicts: {}\n",
        fix="verdicts:\n  R2: {achieved: false, note: Eindrapport p. 9 - de stuurgroep Care-er Onderwijs werd niet "
            "opgericht}\n"),
    Explanation(code="CV704", section=R3, text=N_(
        "A correction gives the value the eindrapport already has, so it changes nothing: a typing slip, or a "
        "recount that agreed with the sector. Leave it out, or give the value the auditor counted."),
        mistake=_CORRECTION.replace("value: 186", "value: 188"), fix=_CORRECTION),
    Explanation(code="CV705", section=R8, text=N_(
        "The assessment is dated before the facts it judges are complete: before the term's last day for an "
        "eindrapport, before the day of a progress report. The date is the day the auditor judged; a view of an "
        "earlier day does not use the assessment, so a mistyped year changes what a settlement shows."),
        mistake="date: 2025-03-14\n", fix="date: 2025-11-14\n"),
    Explanation(code="CV706", section=COSTS, text=N_(
        "The assessment refuses (or accepts) a cost line that the eindrapport's cost statement does not have: the "
        "reference is mistyped, or the line is of another beneficiary. The auditor decides on a line by its "
        "beneficiary and reference; a decision on no line would leave the line meant counted."),
        mistake=_REFUSED.replace("factuur 2024-117", "factuur 2024-171"), fix=_REFUSED),
    Explanation(code="CV707", section=WHO, checked=False, text=N_(
        "The eindrapport changed after the auditor judged it: its SHA-256 is no longer the one the assessment "
        "records. The verdicts and corrections were given on other facts, so they cannot stand as the auditor's "
        "judgement of these: the auditor judges the changed eindrapport again (`convenant diff` shows what "
        "changed) and records its new SHA-256."),
        mistake=f"realisation_sha256: {'5' * 64}\n", fix=f"realisation_sha256: {'c' * 64}\n"),
    Explanation(code="CV708", section=WHO, checked=False, text=N_(
        "The assessment does not record the SHA-256 of the eindrapport it judged, so nothing would show that the "
        "eindrapport changed after the judgement. `convenant new assessment` writes it; the hint gives the "
        "SHA-256 of the file as it is now, to add if that is the version the auditor judged."),
        mistake="realisation: metaal-2023-2025-realisatie.yaml\n",
        fix=f"realisation: metaal-2023-2025-realisatie.yaml\nrealisation_sha256: {'c' * 64}\n"),
)
