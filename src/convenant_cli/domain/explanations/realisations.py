"""The explanations of the codes of a realisation: an eindrapport or a progress report (CV5xx)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import R3, R4, R6, R7, R8, Explanation
from convenant_cli.domain.language import N_

_VERDICT = "R2: {achieved: true, note: Eindrapport p. 14}\n"
_ACCIDENT = "- {start: 2025-01-06, end: 2025-03-31, reason: accident}\n"
_ILLNESS = "- {start: 2024-01-08, end: 2024-04-30, reason: illness}\n"
_REALISATION = "reference/file-formats.md#kind-realisation"

EXPLANATIONS = (
    Explanation(code="CV502", section=R3, text=N_(
        "`results` names a result commitment that the covenant (or addendum) does not have: its id is mistyped, or "
        "the eindrapport belongs to another agreement. The hint names the nearest id."),
        mistake="R3: {achieved: true, note: Eindrapport p. 14}\n", fix=_VERDICT),
    Explanation(code="CV503", section=R3, text=N_(
        "A result commitment of the covenant is missing from the eindrapport's `results`. The eindrapport reports "
        "on every commitment (Art. 2): its measured values, or where it shows a qualitative one (`note:`); one "
        "left out is never counted as not met without a word."),
        mistake="staffing:\n", fix="  " + _VERDICT + "staffing:\n"),
    Explanation(code="CV504", section=R3, text=N_(
        "A measured value names an indicator or a work year for which the commitment has no target: the "
        "indicator is mistyped (the hint gives the nearest), or the commitment has no target in that year."),
        mistake="- {indicator: bedrijfsbezoek, year: 2, value: 188}\n",
        fix="- {indicator: bedrijfsbezoeken, year: 2, value: 188}\n"),
    Explanation(code="CV505", section=_REALISATION, text=N_(
        "`staffing`, `costs`, `advances` or `eligible_costs` names an enterprise number that is not a beneficiary "
        "of the agreement (Art. 1): a digit is mistyped, or it is a beneficiary of another covenant."),
        mistake="- {beneficiary: 0403.019.261, amount: 45580.00}\n",
        fix="- {beneficiary: 0474.431.354, amount: 45580.00}\n"),
    Explanation(code="CV506", section=R4, text=N_(
        "An absence lies, wholly or in part, outside the consultant's `employed` dates: no one is absent from a job "
        "before it starts or after it ends. Check the dates of both."),
        mistake="employed: {start: 2021-03-01, end: 2025-12-31}\n",
        fix="employed: {start: 2021-03-01, end: 2026-06-30}\n"),
    Explanation(code="CV507", section=R4, text=N_(
        "Two absences of one consultant overlap, while a day has one reason (an illness, a time credit, ...). "
        "Most often a date is mistyped; the hint gives the line of the other absence."),
        mistake="- {start: 2023-10-02, end: 2023-11-02, reason: illness}\n",
        fix="- {start: 2023-10-02, end: 2023-10-20, reason: illness}\n"),
    Explanation(code="CV508", section=R4, text=N_(
        "A beneficiary of the agreement has no entry in `staffing`. It is taken as fully staffed for the whole "
        "term, with no deduction, and every settlement names that assumption. When the beneficiary had no "
        "consultant for a time, say so in `staffing` (a vacancy counts); when the assumption is right, accept the "
        "warning with its reason."),
        mistake="- beneficiary: 0434.112.117\n",
        fix="- beneficiary: 0433.981.067\n  consultants:\n    - {name: Consulent C, fte: 1.0}\n"
            "- beneficiary: 0434.112.117\n"),
    Explanation(code="CV509", section=R4, text=N_(
        "An absence, or an employment, ends before it starts: the dates are swapped or a year is mistyped."),
        mistake="- {start: 2024-01-08, end: 2023-04-30, reason: illness}\n", fix=_ILLNESS),
    Explanation(code="CV510", section=R4, text=N_(
        "An absence is of more FTE than the consultant works: a consultant of 0,5 FTE is absent for 0,5 FTE at "
        "most. An absence without `fte` is of the consultant's whole FTE."),
        mistake="- {start: 2024-09-01, end: 2025-02-28, reason: time_credit, fte: 2.0}\n",
        fix="- {start: 2024-09-01, end: 2025-02-28, reason: time_credit, fte: 0.2}\n"),
    # retired: the realisation's `achieved:` was the auditor's verdict; it is now the sector's
    # self-assessment, and the verdict is in an assessment (CV521, CV522, CV703 took their places)
    Explanation(code="CV511", section=R3, checked=False, text=N_(
        "No longer raised. It was the warning for a commitment judged with `achieved:` but without a `note:`, "
        "when the eindrapport held the auditor's verdict. The eindrapport's `achieved:` is now the sector's "
        "self-assessment, and the same warning is CV522; the auditor's verdict is in an assessment."),
        mistake="R2: {achieved: true}\n", fix=_VERDICT),
    Explanation(code="CV512", section=R3, checked=False, text=N_(
        "No longer raised. It was the error for a target without a measured value and without the auditor's "
        "`achieved:` in the eindrapport, or a qualitative commitment without `achieved:`. A missing value is now "
        "CV521 (the sector's `achieved:` stands in for none), and a qualitative commitment without a verdict is "
        "judged in the auditor's assessment (CV703)."),
        mistake="- {indicator: bedrijfsbezoeken, year: 1, value: 214}\n",
        fix="- {indicator: bedrijfsbezoeken, year: 1, value: 214}\n"
            "- {indicator: bedrijfsbezoeken, year: 2, value: 188}\n"),
    Explanation(code="CV513", section=R6, text=N_(
        "A beneficiary is listed twice in `staffing`, `costs` or `eligible_costs`. Its consultants belong in one "
        "entry, its cost lines in one cost statement and its eligible costs are one total; only advances may come "
        "in several tranches."),
        mistake="- {beneficiary: 0409.845.289, amount: 390000.00}\n- {beneficiary: 0409.845.289, amount: 5000.00}\n",
        fix="- {beneficiary: 0409.845.289, amount: 390000.00}\n"),
    Explanation(code="CV514", section=R7, text=N_(
        "The eindrapport of an addendum without `fte` gives `staffing`. Such an addendum has no deduction for "
        "absence, so the staffing is not used: leave it out, or check that the eindrapport names the right "
        "agreement."),
        mistake="staffing:\n  - beneficiary: 0409.845.289\n    consultants:\n      - {name: Consulent A, fte: 1.0}\n"
                "advances:\n  - {beneficiary: 0409.845.289, amount: 71923.00}\n",
        fix="advances:\n  - {beneficiary: 0409.845.289, amount: 71923.00}\n"),
    Explanation(code="CV515", section=R4, text=N_(
        "Two consultants of one beneficiary have the same name (or the same `id`). A consultant is known by its "
        "name within the beneficiary, so that `diff` can follow it from one version to the next; two people with "
        "one name each get an `id:` (any text, unique within the beneficiary)."),
        mistake="- {name: Consulent B, fte: 1.0}\n- {name: Consulent B, fte: 1.0}\n",
        fix="- {name: Consulent B, fte: 1.0}\n- {name: Consulent C, fte: 1.0}\n"),
    Explanation(code="CV516", section=R4, text=N_(
        "A consultant's `employed` dates lie wholly outside the term, so the consultant counts on none of its "
        "days. Most often a year is mistyped; a consultant who left before the term has no place in its "
        "eindrapport."),
        mistake="employed: {start: 2022-02-07, end: 2022-04-30}\n",
        fix="employed: {start: 2024-02-07, end: 2024-04-30}\n"),
    Explanation(code="CV517", section=R4, text=N_(
        "An absence starts after the term has ended, so it cannot count: a warning. Most often a year is "
        "mistyped; an absence during an extension belongs in the extension's own eindrapport."),
        mistake="- {start: 2026-01-06, end: 2026-03-31, reason: accident}\n", fix=_ACCIDENT),
    Explanation(code="CV518", section=R8, text=N_(
        "An absence has no `end` in an eindrapport. Only a progress report (a realisation with `as_of:`) may list "
        "an absence that is still going on; the eindrapport is made when the term is over, and then every absence "
        "has its last day."),
        mistake="- {start: 2025-01-06, reason: accident}\n", fix=_ACCIDENT),
    Explanation(code="CV519", section=R8, text=N_(
        "A progress report's `as_of` is not a day of the term before its last day. A progress report (Art. 6) is "
        "made during the term; the report at its end is the eindrapport, which has no `as_of`."),
        mistake="as_of: 2025-06-30\n", fix="as_of: 2024-09-30\n"),
    Explanation(code="CV520", section=R8, text=N_(
        "A progress report holds a fact dated after its own `as_of`: an absence that starts later, or an advance "
        "paid later. It is not used, since the report shows the facts up to its day; it belongs in the next "
        "report."),
        mistake="- {beneficiary: 0409.845.289, amount: 26500.00, date: 2024-10-20, reference: VS-2}\n",
        fix="- {beneficiary: 0409.845.289, amount: 26500.00, date: 2024-09-20, reference: VS-2}\n"),
    Explanation(code="CV521", section=R3, text=N_(
        "A target of the covenant has no measured value in the eindrapport. A missing value would count as not met "
        "without a word, so each is named: give the value measured. The sector's own `achieved:` is its "
        "self-assessment and stands in for no value; a verdict that overrides the values is the auditor's, in an "
        "assessment."),
        mistake="- {indicator: bedrijfsbezoeken, year: 1, value: 214}\n",
        fix="- {indicator: bedrijfsbezoeken, year: 1, value: 214}\n"
            "- {indicator: bedrijfsbezoeken, year: 2, value: 188}\n"),
    Explanation(code="CV522", section=R3, text=N_(
        "A qualitative commitment, or the sector's self-assessment (`achieved:`) of a commitment, has no `note:` "
        "saying where the eindrapport shows it. The auditor judges a qualitative commitment on that page of the "
        "eindrapport: without it there is nothing to look up."),
        mistake="R2: {}\n", fix="R2: {note: p. 2}\n"),
    Explanation(code="CV523", section=R6, text=N_(
        "An advance stands twice for one beneficiary: the same payment reference, or, without a reference, the same "
        "day and amount. Tranches add up, so a row copied twice counts the payment twice and lowers the balance by "
        "it (a balance to pay can become one to recover). Remove the copy, or give each tranche its own reference."),
        mistake="- {beneficiary: 0409.845.289, amount: 196100.00}\n- {beneficiary: 0409.845.289, amount: 196100.00}\n",
        fix="- {beneficiary: 0409.845.289, amount: 196100.00}\n"),
    Explanation(code="CV524", section=R4, text=N_(
        "A consultant's own `guaranteed_wage_days` is longer than the guaranteed wage of the rules in force. The "
        "key is for a shorter one, such as a short fixed-term contract; a longer one means that no absence of that "
        "consultant costs anything until that many days have passed, on the sector's word alone. A warning: the "
        "auditor asks for the contract that says so."),
        mistake="guaranteed_wage_days: 45\n", fix="guaranteed_wage_days: 7\n"),
)
