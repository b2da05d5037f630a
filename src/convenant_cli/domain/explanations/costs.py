"""The explanations of the codes of a realisation's cost statement (CV53x, rulebook R6)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import COSTS, Explanation
from convenant_cli.domain.language import N_

_WAGE_K = "- {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2025-06-30, amount: 100000.00, " \
          "reference: loonstaat K}\n"
_INVOICE = "- {kind: operating, date: 2024-03-15, amount: 1200.00, reference: factuur 2024-117}\n"
_WAGE_L = "- {kind: wage, consultant: Consulent L, from: 2024-01-01, to: 2024-12-31, amount: 31800.00, " \
          "reference: loonstaat 2024}\n"
_YEAR_1 = "- {kind: wage, consultant: Consulent K, from: 2023-07-01, to: 2024-06-30, amount: 49000.00, " \
          "reference: loonstaat werkjaar 1}\n"
_YEAR_2 = "- {kind: wage, consultant: Consulent K, from: 2024-07-01, to: 2025-06-30, amount: 49500.00, " \
          "reference: loonstaat werkjaar 2}\n"
_REPLACEMENT = "- {kind: wage, consultant: Vervanger L, from: 2024-01-01, to: 2024-06-30, amount: 15000.05, " \
               "reference: loonstaat L 2024-01/06}\n"
_ADVANCES = "advances:\n  - {beneficiary: 0409.845.289, amount: 84800.00}\n"

EXPLANATIONS = (
    Explanation(code="CV530", section=COSTS, text=N_(
        "A cost line names a consultant who is not in its beneficiary's `staffing`. A wage line pays one of the "
        "beneficiary's consultants, named by its key (its `id`, else its name), so that its period can be held "
        "against the employment; an operating line may name one too. The name is mistyped (the hint gives the "
        "nearest), or the consultant is missing from the staffing."),
        mistake=_WAGE_K.replace("Consulent K", "Consulent X"), fix=_WAGE_K),
    Explanation(code="CV531", section=COSTS, text=N_(
        "Two cost lines of one beneficiary have the same `reference`. The reference is the payslip summary, the "
        "invoice or the ledger line an auditor asks for, and the assessment refuses a line by it: each line has "
        "its own. The hint gives the line of the other."),
        mistake=_WAGE_L.replace("loonstaat 2024", "loonstaat 2023-H2"), fix=_WAGE_L),
    Explanation(code="CV532", section=COSTS, text=N_(
        "A wage line's period lies wholly outside its consultant's `employed` dates: a consultant is paid for the "
        "days of the employment. A date is mistyped, or the line belongs to another consultant."),
        mistake=_REPLACEMENT.replace("from: 2024-01-01, to: 2024-06-30", "from: 2024-07-01, to: 2024-12-31"),
        fix=_REPLACEMENT),
    Explanation(code="CV533", section=COSTS, text=N_(
        "An operating line is dated outside the term. Art. 5 counts the costs made within the term only, so it is "
        "not eligible: a warning. Check the date; accept the warning when the invoice does fall outside the term."),
        mistake=_INVOICE.replace("2024-03-15", "2025-07-15"), fix=_INVOICE),
    Explanation(code="CV534", section=COSTS, text=N_(
        "Part of a wage line's period falls outside the term, or outside its consultant's employment. That part is "
        "not eligible: the amount is cut pro rata by calendar days, rounded half up once per line, and the warning "
        "names the days cut. Split the line at the term's end, or accept the warning when the cut is what the "
        "statement means (a yearly payslip summary)."),
        mistake=_YEAR_2.replace("2025-06-30", "2025-07-31"), fix=_YEAR_2),
    Explanation(code="CV535", section=COSTS, text=N_(
        "A beneficiary has cost lines under `costs` and an `eligible_costs` total both. Its eligible costs are the "
        "sum of its cost lines, or the total it gives without a cost statement, never both: remove one."),
        mistake=_ADVANCES + "eligible_costs:\n  - {beneficiary: 0409.845.289, amount: 98765.43}\n", fix=_ADVANCES),
    Explanation(code="CV536", section=COSTS, text=N_(
        "A wage line's `from` is after its `to`: the dates are swapped or a year is mistyped."),
        mistake=_YEAR_1.replace("to: 2024-06-30", "to: 2023-06-30"), fix=_YEAR_1),
    Explanation(code="CV537", section=COSTS, text=N_(
        "A progress report (a realisation with `as_of:`) has cost lines. Art. 6 asks the financial account of the "
        "eindrapport only, so they are not used: a warning. Give the cost statement in the eindrapport."),
        mistake="convenant: ../basis/kostenstaat.yaml\nas_of: 2024-09-30\nresults:\n",
        fix="convenant: ../basis/kostenstaat.yaml\nresults:\n"),
)
