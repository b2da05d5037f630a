"""The explanations of the codes of a covenant's or an addendum's content (CV2xx): its groups,
shares, identifiers, result commitments and period."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import INSZ, R1, R2, R3, R7, UNTRUSTED_INPUT, Explanation
from convenant_cli.domain.language import N_

_PERIOD = "period: {start: 2023-07-01, end: 2025-06-30}\n"
_TARGET = "- {indicator: bedrijfsbezoeken, year: 2, minimum: 200}\n"

EXPLANATIONS = (
    Explanation(code="CV201", section=R1, text=N_(
        "Art. 1 gives each group of beneficiaries an amount for each of its members (`amount_each`); the members' "
        "amounts add up to `max_subsidy`, to the cent. Most often an amount is mistyped, or a member of a group "
        "is missing. The message shows the total expected, the total computed and the difference."),
        mistake="max_subsidy: 1160600.00\n", fix="max_subsidy: 1166000.00\n"),
    Explanation(code="CV202", section=R1, text=N_(
        "Art. 1 gives each group's FTE for each of its members (`fte_each`); the members' FTE add up to `fte`. An "
        "addendum without `fte` has no deduction for absence, and so no `fte_each` either."),
        mistake="fte: 11.5\n", fix="fte: 11.0\n"),
    Explanation(code="CV203", section=R1, text=N_(
        "A group costs a different amount per FTE (`amount_each` / `fte_each`) than the other groups. In the "
        "2023-2025 texts every group costs 106.000,00 euro per FTE for the two years, so another rate is most "
        "often a mistyped amount or FTE. It is a warning: where the covenant's text does say so, accept it with "
        "`# convenant: accept CV203 -- reason`."),
        mistake="fte_each: 0.68\n", fix="fte_each: 0.86\n"),
    Explanation(code="CV204", section=R1, text=N_(
        "The period's `end` lies before its `start`: the years are swapped or mistyped. A term is given by its "
        "first and its last day, both included."),
        mistake="period: {start: 2023-07-01, end: 2023-06-30}\n", fix=_PERIOD),
    Explanation(code="CV205", section=R2, text=N_(
        "Art. 2 pays the subsidy partly against effort commitments and partly against result commitments; "
        "`effort_share` and `result_share` under `rules` are those parts, and they add up to exactly 1 (the "
        "2023-2025 texts: 0,70 and 0,30)."),
        mistake="result_share: 0.20\n", fix="result_share: 0.30\n"),
    Explanation(code="CV206", section=R1, text=N_(
        "An IBAN's check digits do not match the rest of the number (python-stdnum checks it as a bank does): a "
        "digit is mistyped, or two are swapped. Copy the account number from the covenant's text."),
        mistake="iban: BE25 2100 0498 8883\n", fix="iban: BE25 2100 0498 8882\n"),
    Explanation(code="CV207", section=R1, text=N_(
        "A Belgian enterprise number (ondernemingsnummer) fails its check (python-stdnum): its last two digits are "
        "97 minus the rest modulo 97, so a mistyped digit shows. Write it as the Crossroads Bank for Enterprises "
        "gives it, as 0409.845.289."),
        mistake="enterprise_number: 0409.845.288\n", fix="enterprise_number: 0409.845.289\n"),
    Explanation(code="CV208", section=R1, text=N_(
        "The same enterprise number appears twice among the beneficiaries, while Art. 1 lists a beneficiary once, "
        "in one group. Most often a number was copied from the member above; the hint gives the line of the "
        "first."),
        mistake="enterprise_number: 0433.981.067\n", fix="enterprise_number: 0436.785.555\n"),
    Explanation(code="CV209", section=R3, text=N_(
        "Two result commitments have the same `id`. An eindrapport names a commitment by its id (`results: R1: "
        "...`), so each id is unique within its covenant or addendum."),
        mistake="- id: R1\n  title: Intersectorale samenwerking\n",
        fix="- id: R2\n  title: Intersectorale samenwerking\n"),
    Explanation(code="CV210", section=R3, text=N_(
        "A result commitment is either measurable, with `targets` (an indicator, a work year and a minimum each), "
        "or qualitative, with `qualitative` (a text that is judged); it has exactly one of the two."),
        mistake="title: Bereiken van werkvloeren (en werknemers op die werkvloeren)\n"
                "qualitative: Minstens 200 bedrijfsbezoeken per werkjaar.\ntargets:\n",
        fix="title: Bereiken van werkvloeren (en werknemers op die werkvloeren)\ntargets:\n"),
    Explanation(code="CV211", section=R3, text=N_(
        "A target, or a measured value, is given twice for one indicator and work year: two minimums in a "
        "covenant, two values in an eindrapport. Keep one; another work year is written with its own `year`."),
        mistake="- {indicator: bedrijfsbezoeken, year: 1, minimum: 200}\n", fix=_TARGET),
    Explanation(code="CV212", section=R3, text=N_(
        "A target names a work year that the term does not have. Work year 1 is the first twelve months from the "
        "term's start, so a covenant of two years has the work years 1 and 2."),
        mistake="- {indicator: bedrijfsbezoeken, year: 3, minimum: 200}\n", fix=_TARGET),
    Explanation(code="CV214", section=R1, text=N_(
        "A group has `fte_each: 0`. The amount per FTE, on which the deduction for absence (Art. 5) rests, needs "
        "an FTE above 0. An addendum without consultants leaves out `fte` and `fte_each` altogether."),
        mistake="fte_each: 0\n", fix="fte_each: 0.50\n"),
    Explanation(code="CV215", section=UNTRUSTED_INPUT, text=N_(
        "The term is longer than 10 years. A covenant runs two years and an extension one, so a longer term is "
        "almost always a mistyped year; the bound keeps every count over work years short."),
        mistake="period: {start: 2023-07-01, end: 2035-06-30}\n", fix=_PERIOD),
    Explanation(code="CV216", section=R7, text=N_(
        "An addendum's period does not lie within its covenant's: an addendum adds money within the covenant's "
        "term (Art. 8). An extension (`extension: true`) instead starts on the day after the covenant ends, with "
        "neither a gap nor an overlap."),
        mistake="period: {start: 2025-06-01, end: 2026-06-30}\n", fix="period: {start: 2025-07-01, end: 2026-06-30}\n"),
    # no digits in the example: an INSZ is never shown whole, and no bundled file holds one
    Explanation(code="CV218", section=INSZ, checked=False, text=N_(
        "An INSZ (a national register number, or a BIS number) fails its check (python-stdnum): a digit is "
        "mistyped or missing. It is written YY.MM.DD-NNN.CC: the date of birth, a sequence number, and two check "
        "digits, 97 minus the first nine digits modulo 97 (with a 2 before them for a birth from 2000 on). An "
        "INSZ is personal data: convenant never shows one from a file whole, in a message or an output, only its "
        "last two digits."),
        mistake="- name: Consulent A\n  insz: YY.MM.DD-NNN\n  fte: 1.0\n",
        fix="- name: Consulent A\n  insz: YY.MM.DD-NNN.CC\n  fte: 1.0\n"),
    Explanation(code="CV219", section=INSZ, checked=False, text=N_(
        "A national register or BIS number (INSZ) stands in free text: a name, a note, a reference or a title. "
        "Eleven digits in one of the usual spellings (YY.MM.DD-NNN.CC, or the eleven digits together) whose check "
        "digits hold are taken for one. It is personal data, so every output masks it to its last two digits, and "
        "this warning says where it stands. A consultant's INSZ belongs in their `insz:` field only, where it is "
        "checked and never shown whole; take it out of the text."),
        mistake="- name: Consulent A (YY.MM.DD-NNN.CC)\n  fte: 1.0\n",
        fix="- name: Consulent A\n  insz: YY.MM.DD-NNN.CC\n  fte: 1.0\n"),
)
