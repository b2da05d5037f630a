"""The explanations of the codes of a golden case (CV6xx)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import CASES, R7, R8, Explanation
from convenant_cli.domain.language import N_

_SETTLE = "settle: [basis/per-jaar-helft.yaml]\n"
_EXPECT = 'beneficiaries:\n  "0409.845.289": {result: "15900.00"}\n'

EXPLANATIONS = (
    Explanation(code="CV601", section=CASES, text=N_(
        "The `settle:` of a case names a file that is not a covenant or an addendum (an eindrapport belongs under "
        "`realisation:`), or its `realisation:` names a file that is not an eindrapport, or the eindrapport of an "
        "agreement that the case does not settle."),
        mistake="settle: [basis/per-jaar-helft.yaml, feiten/precies-de-helft.yaml]\n", fix=_SETTLE),
    Explanation(code="CV602", section=CASES, text=N_(
        "A case expects figures of a beneficiary that the settled file does not have (under `beneficiaries`), or "
        "that none of the settled files has (under `combined`): the enterprise number is mistyped, or it belongs "
        "to another agreement."),
        mistake='beneficiaries:\n  "0403.019.261": {result: "15900.00"}\n', fix=_EXPECT),
    Explanation(code="CV603", section=CASES, text=N_(
        "`expect.convenant` names an agreement that the case does not settle. With several settled files it "
        "chooses whose figures `expect.beneficiaries` holds; the hint lists the ids of the settled ones."),
        mistake='expect:\n  convenant: metaal-2023-2025\n  ratio: "1/2"\n', fix='expect:\n  ratio: "1/2"\n'),
    Explanation(code="CV604", section=R7, text=N_(
        "`expect.combined` gives a beneficiary's figures over a covenant and its addenda together, so it needs at "
        "least two settled files; with one, expect the figures under `beneficiaries`."),
        mistake='combined:\n  "0409.845.289": {result: "15900.00"}\n', fix=_EXPECT),
    Explanation(code="CV605", section=CASES, text=N_(
        "A case without an eindrapport (no `realisation:`) settles nothing: it shows the maxima. So it has no "
        "payable amount, advances, balance or ratio to expect. Add the eindrapport, or expect the maxima."),
        mistake=_SETTLE, fix=_SETTLE + "realisation: [feiten/precies-de-helft.yaml]\n"),
    Explanation(code="CV606", section=R8, text=N_(
        "A case with `as_of` is an interim view, and nothing is paid before the term ends: it has no effort, "
        "result, payable amount, balance or ratio to expect. Expect the deduction, the shortfall in FTE-days or "
        "the advances of the interim view."),
        mistake='"0409.845.289": {shortfall_fte_days: "16.00", deduction: "2320.11", payable: "0.00"}\n',
        fix='"0409.845.289": {shortfall_fte_days: "16.00", deduction: "2320.11", advances: "53000.00"}\n'),
    Explanation(code="CV607", section=CASES, text=N_(
        "The `assessment:` of a case names a file that is not an auditor's assessment, or the assessment of an "
        "eindrapport the case does not name under `realisation:`. An assessment judges one eindrapport: name that "
        "eindrapport too, or the assessment meant."),
        mistake="assessment: [beoordelingen/tijdskrediet.yaml]\n", fix="assessment: [beoordelingen/vacature.yaml]\n"),
    Explanation(code="CV608", section=CASES, text=N_(
        "A case expects the result of a commitment (`expect.results`) that the settled file does not have: its id "
        "is mistyped, or it is a commitment of another agreement. The hint lists the file's commitments."),
        mistake="- {commitment: R4, year: 1, status: met, source: assessment}\n",
        fix="- {commitment: R2, year: 1, status: met, source: assessment}\n"),
)
