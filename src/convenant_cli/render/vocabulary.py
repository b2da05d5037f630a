"""The words people read, in one place and in the run's language: each figure's label and
column header, each sheet's name and column headers, statuses, verdicts, reasons, units,
the report's words; and (from `notation`) numbers and days as people of that language write them.

Every renderer that shows a figure, a column or a sheet to a person takes its word from
here: the tables, the explanation, the notes, the workbooks, the diff and the HTML report.
The words are written in English and marked for the catalogue (`N_`); the Dutch catalogue
translates them. A table's words are translated once per language (`translated`), so that
a workbook of hundreds of thousands of cells asks the catalogue a few hundred times, not a
few hundred thousand. Keys, codes and JSON stay English: this module never names a JSON key.
Nothing here is translated at import: a run that shows no word never reads the catalogue.

The fill-in eindrapport workbook (`realisation_xlsx`) is a file format: its sheet names and
headers are fixed, in Dutch, whatever the language; they are not here.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, TypeVar

from convenant_cli.domain.language import N_, _, language

# numbers, amounts and days as the run's language writes them: here too, for every renderer
from convenant_cli.render.notation import amount as amount
from convenant_cli.render.notation import day as day
from convenant_cli.render.notation import fte as fte
from convenant_cli.render.notation import month as month
from convenant_cli.render.notation import number as number
from convenant_cli.render.notation import ratio as ratio

K = TypeVar("K")

# A figure by its key: (its label in a sentence or a stacked block, its column header in a table
# and a workbook: the label broken over lines, so that a column is as narrow as its figures). A
# figure that is not in euro names its unit in both ("in FTE-days"), so that it never reads as an
# amount among amounts.
FIGURES: dict[str, tuple[str, str]] = {
    "maximum": (N_("Maximum"), N_("Maximum")),
    "shortfall_fte_days": (N_("Shortfall in FTE-days"), N_("Shortfall in\nFTE-days")),
    "deduction": (N_("Deduction for absence"), N_("Deduction\nfor absence")),
    "base": (N_("Base for effort and result"), N_("Base for\neffort and result")),
    "effort": (N_("Effort financing"), N_("Effort\nfinancing")),
    "result": (N_("Result financing"), N_("Result\nfinancing")),
    "eligible_costs": (N_("Eligible costs"), N_("Eligible\ncosts")),
    "payable": (N_("Amount payable"), N_("Amount\npayable")),
    # a provisional settlement's other payable: every commitment that waits for the auditor met
    "payable_if_met": (N_("Payable if met"), N_("Payable\nif met")),
    "advances": (N_("Advances"), N_("Advances")),
    "advances_interim": (N_("Advances still running"), N_("Advances\nstill running")),  # of interim members
    "balance": (N_("Balance"), N_("Balance")),
}
# the same figures of an agreement without an eindrapport: each is a maximum
MAXIMA_FIGURES: dict[str, tuple[str, str]] = {
    "maximum": (N_("Maximum"), N_("Maximum")),
    "effort": (N_("Max. effort financing"), N_("Max. effort\nfinancing")),
    "result": (N_("Max. result financing"), N_("Max. result\nfinancing")),
}
# the portfolio over families: its own columns beside the figures
PORTFOLIO: dict[str, tuple[str, str]] = {
    "maximum": (N_("Maximum (settled)"), N_("Maximum\n(settled)")),
    **{key: FIGURES[key] for key in ("deduction", "effort", "result", "payable", "advances", "advances_interim",
                                     "balance")},
    "maxima_maximum": (N_("Maxima without an eindrapport"), N_("Maxima without\nan eindrapport")),
}
# short headers, for a table that shows every figure side by side (the report's index)
SHORT: dict[str, str] = {"deduction": N_("Deduction"), "effort": N_("Effort"), "result": N_("Result"),
                         "advances": N_("Advances"), "advances_interim": N_("Advances still running")}
UNITS: dict[str, str] = {"fte": N_("FTE"), "fte_days": N_("FTE-days"), "day": N_("day"), "days": N_("days"),
                         "calendar_days": N_("calendar days")}

# a word people read for a value of the vocabulary
COMMON: dict[str, str] = {
    "beneficiary": N_("Beneficiary"), "enterprise_number": N_("Enterprise number"), "total": N_("Total"),
    "covenant": N_("Covenant"), "sector": N_("Sector"), "status": N_("Status"), "consultant": N_("Consultant"),
    "yes": N_("yes"), "no": N_("no"), "to_pay": N_("still to pay"), "to_recover": N_("to recover"),
    "even": N_("settled in full"), "none": N_("none"), "old": N_("old"), "new": N_("new"),
    # what a balance asks for, under it in a table's column: short, so that the column keeps its width
    "to_pay_short": N_("to pay"), "to_recover_short": N_("to\nrecover"),
    "difference": N_("difference"),
}
STATUS: dict[str, str] = {"settled": N_("settled"), "provisional": N_("PROVISIONAL, waits for the auditor"),
                          "interim": N_("INTERIM, no settlement"),
                          "maxima": N_("MAXIMA, no settlement")}
FAMILY_STATUS: dict[str, str] = {"settled": N_("settled"), "provisional": N_("provisional"), "interim": N_("interim"),
                                 "maxima": N_("maxima"),
                                 "partial": N_("partly settled")}
UNIT_STATUS: dict[str, str] = {"met": N_("yes"), "not_met": N_("NO"), "not_due": N_("not yet to judge"),
                               "unjudged": N_("waits for the auditor")}
REASONS: dict[str, str] = {
    "illness": N_("illness"), "accident": N_("accident"), "time_credit": N_("time credit"),
    "career_break": N_("career break"), "maternity_leave": N_("maternity leave"), "unpaid_leave": N_("unpaid leave"),
}
COST_KINDS: dict[str, str] = {"wage": N_("wage"), "operating": N_("operating")}  # R6, Art. 5: loon, werking
KINDS: dict[str, str] = {"convenant": N_("covenant"), "addendum": N_("addendum"), "realisation": N_("eindrapport"),
                         "action_plan": N_("action plan"), "assessment": N_("auditor's assessment")}
COUNTING: dict[str, str] = {"per_commitment": N_("per commitment"),
                            "per_year": N_("per commitment and work year")}
DEDUCTION_BASE: dict[str, str] = {"maximum": N_("on the maximum"), "payable": N_("on the payable amount")}
ORIGINS: dict[str, str] = {"default": N_("default (rulebook R5)"), "convenant": N_("covenant"),
                           "addendum": N_("addendum")}
RULES: dict[str, str] = {
    "effort_share": N_("Share of effort financing"),
    "result_share": N_("Share of result financing"),
    "result_minimum": N_("Minimum of result commitments met"),
    "result_counting": N_("Counting of result commitments"),
    "guaranteed_wage_days": N_("Guaranteed wage in calendar days"),
    "relapse_days": N_("Relapse window in calendar days"),
    "deduction_base": N_("Deduction applied"),
}
# where each rule comes from in law and covenant (the rules' own list, in words people read)
LEGAL_SOURCES: dict[str, str] = {
    "effort_share": N_("Art. 2 (70% effort commitments)"),
    "result_share": N_("Art. 2 (30% result commitments)"),
    "result_minimum": N_("Art. 2 (at least half met)"),
    "result_counting": N_("Art. 2 (pro rata of the result commitments met)"),
    "guaranteed_wage_days": N_("Art. 5; art. 70 of the law of 3 July 1978 (guaranteed wage)"),
    "relapse_days": N_("art. 70 of the law of 3 July 1978 (relapse: 14 days, 8 weeks from 1 January 2026)"),
    "deduction_base": N_("Art. 5 (deduction) and Art. 2 (division)"),
}
WAGE_LAW = N_("Art. 5; art. 70 of the law of 3 July 1978")

DIFF_CATEGORIES: dict[str, str] = {
    "bank_account": N_("BANK ACCOUNT CHANGED (IBAN)"),
    "scalar": N_("General (period, amounts, rules)"),
    "beneficiary": N_("Beneficiaries"),
    "commitment": N_("Result commitments"),
    "result": N_("Results"),
    "staffing": N_("Staffing"),
    "payment": N_("Advances and costs"),
}
CHANGES: dict[str, str] = {"added": N_("added"), "removed": N_("removed"), "changed": N_("changed")}
# a field of a file, as a change names it
FIELDS: dict[str, str] = {
    "id": N_("Id"), "kind": N_("Kind"), "title": N_("Title"), "sector": N_("Sector"),
    "max_subsidy": N_("Maximum subsidy"), "fte": N_("FTE"), "notes": N_("Notes"),
    "parent": N_("Main covenant (file)"), "theme": N_("Theme"), "extension": N_("Extension"),
    "start": N_("Start date"), "end": N_("End date"), "group": N_("Group"),
    "amount_each": N_("Amount per beneficiary"), "fte_each": N_("FTE per beneficiary"), "name": N_("Name"),
    "address": N_("Address"), "iban": N_("Bank account (IBAN)"), "qualitative": N_("Qualitative description"),
    "minimum": N_("Target (minimum)"), "achieved": N_("Met (the sector's self-assessment)"), "note": N_("Note"),
    "auditor": N_("Auditor"), "realisation": N_("Eindrapport (file)"), "accepted": N_("Accepted"),
    "value": N_("Measured value"), "convenant": N_("Covenant (file)"), "employed": N_("Employed"),
    "reason": N_("Reason"),
    "replaced": N_("Replaced"), "new_illness": N_("New illness"), "amount": N_("Amount"), "date": N_("Date"),
    "reference": N_("Reference"), "consultants": N_("Consultants"), "absences": N_("Absences"),
    "insz": N_("INSZ changed"), "consultant": N_("Consultant"), "from": N_("From"), "to": N_("To"), **RULES,
}

# a field of the auditor's assessment, where it reads otherwise than the same key of another file
ASSESSMENT_FIELDS: dict[str, str] = {"achieved": N_("Met (the auditor's verdict)"),
                                     "value": N_("Value as the auditor counted")}

# Each workbook's sheets by key, and each sheet's column headers (a figure's column takes the
# figure's label). A sheet's name is at most 31 characters in every language (a test holds it).
SHEETS: dict[str, str] = {
    "summary": N_("Summary"), "portfolio": N_("Overview"), "families": N_("Per beneficiary"),
    "consultants": N_("Consultants"), "absences": N_("Absences"), "short_spans": N_("Shortfall per period"),
    "commitments": N_("Result commitments"), "advances": N_("Advances"), "costs": N_("Costs"),
    "explanation": N_("Explanation"), "sources": N_("Sources"), "calculation": N_("Calculation"),
    "changes": N_("Changes"), "maxima": N_("Money effect on the maximum"), "caps": N_("Cost cap"),
    "settlement": N_("Money effect on settlement"), "ratio": N_("Result ratio"), "problems": N_("Problems"),
}
_NUMBER = N_("Enterprise\nnumber")  # a workbook's header: its long words break, the column as narrow as its figures
SUMMARY: dict[str, str] = {
    "name": COMMON["beneficiary"], "convenant": COMMON["covenant"], "enterprise_number": _NUMBER, "fte": N_("FTE"),
    "rate": N_("Amount per FTE"), "term_days": N_("Days in the term"), "deduction_exact": N_("Deduction, exact"),
    "effort_share": N_("Effort share"), "result_share": N_("Result share"), "ratio": N_("Result\nratio"),
    "payable_before_cap": N_("Effort + result"), "capped": N_("Cap applied"), "balance_word": N_("Balance is"),
    "ratio_if_met": N_("Result ratio\nif met"), "result_if_met": N_("Result financing\nif met"),  # what waits, met
    **{key: header for key, (_label, header) in FIGURES.items()},  # as a table's column shows the figure
}
_WHO = (COMMON["beneficiary"], COMMON["covenant"])
COLUMNS: dict[str, tuple[str, ...]] = {
    "consultants": (*_WHO, _NUMBER, COMMON["consultant"], N_("Key (id or name)"), N_("INSZ"), N_("FTE"),
                    N_("Employed from"), N_("Employed until"), N_("Dates in the eindrapport"),
                    RULES["guaranteed_wage_days"], N_("Absences"), N_("Uncovered FTE-days before replacement")),
    "absences": (*_WHO, COMMON["consultant"], N_("Reason"), N_("From"), N_("To"), N_("Days"), N_("FTE"),
                 N_("Days in the term"), N_("Guaranteed wage from"), N_("Guaranteed wage to"),
                 N_("Guaranteed wage (days)"), N_("of which in the term"), N_("Relapse"), N_("Relapse\nwindow from"),
                 N_("Relapse\nwindow to"), N_("New illness"), N_("Replaced"), N_("Uncovered from"),
                 N_("Uncovered to"), N_("Uncovered days"), N_("FTE-days lost (before replacement)"),
                 N_("Legal basis")),
    "short_spans": (*_WHO, N_("From"), N_("To"), N_("Days"), N_("FTE of the beneficiary"), N_("FTE employed"),
                    N_("FTE absent (uncovered)"), N_("FTE counted"), N_("Vacancy FTE"),
                    N_("Replacement or surplus FTE"), N_("Shortfall FTE"), FIGURES["shortfall_fte_days"][1],
                    N_("Cause")),
    "commitments": (N_("Commitment"), COMMON["covenant"], N_("Title"), N_("Work year"), N_("Met"), N_("Ground"),
                    N_("Indicator"), N_("Work year of the target"), N_("Minimum"), N_("Measured value"),
                    N_("Target met"), N_("Decided by"), N_("The sector's self-assessment"),
                    N_("Value reported by the sector"), N_("Correction by the auditor")),
    "advances": (*_WHO, _NUMBER, N_("Date"), N_("Reference"), N_("Amount")),
    "costs": (*_WHO, _NUMBER, N_("Kind"), N_("Reference"), COMMON["consultant"], N_("From"),
              N_("To"), N_("Amount"), N_("Days"), N_("Eligible from"), N_("Eligible to"), N_("Eligible days"),
              N_("Eligible part"), N_("Not eligible"), N_("Not accepted"), N_("Refused"), FIGURES["eligible_costs"][1],
              N_("Auditor's reason")),
    "explanation": (N_("Subject"), COMMON["covenant"], COMMON["consultant"], N_("Figure"), N_("Rule"),
                    N_("Article"), N_("Inputs"), N_("Calculation")),
    "sources": (N_("Item"), N_("Value"), N_("Origin"), N_("Source"), N_("Legal source"), N_("SHA-256")),
    "families": (COMMON["beneficiary"], _NUMBER),
    "portfolio": (COMMON["covenant"], COMMON["sector"], COMMON["status"]),
    "changes": (N_("Subject"), N_("Category"), N_("Change"), N_("Field"), N_("Old"), N_("New")),
    "maxima": (COMMON["beneficiary"], _NUMBER, N_("Old maximum"), N_("New maximum"),
               N_("Difference"), N_("Changed")),
    "ratio": (N_("Commitment"), N_("Title"), N_("Work year"), N_("Met, old"), N_("Met, new")),
    "problems": (N_("File"), N_("Line"), N_("Column"), N_("Code"), N_("Severity"), N_("Problem"), N_("Hint")),
    # the terminal's tables
    "diff": (N_("Change"), N_("Subject"), N_("Field"), N_("Old"), N_("New")),
    "effect": (COMMON["beneficiary"], N_("Old"), N_("New"), N_("Difference")),
    "results": (N_("Commitment"), N_("Work year"), N_("Met"), N_("Ground")),
    "verdicts": (N_("Commitment"), N_("Work year"), N_("Met, old"), N_("Met, new")),
}

# the HTML report's words, by the key its templates use
REPORT: dict[str, str] = {
    "report": N_("Settlement report"), "portfolio": N_("Portfolio"),
    "families": N_("Families: a covenant with its addenda"), "agreements": N_("Agreements"),
    "agreement": N_("Agreement"), "kind": N_("Kind"), "status": COMMON["status"], "term": N_("Term"),
    "ratio": N_("Result ratio"), "sector": COMMON["sector"], "members": N_("Members"),
    "beneficiary": COMMON["beneficiary"], "enterprise_number": COMMON["enterprise_number"], "total": COMMON["total"],
    "figure": N_("Figure"), "amount": N_("Amount"), "article": N_("Article"), "rulebook": N_("Rulebook"),
    **{key: label for key, (label, _header) in FIGURES.items()},
    **{f"short_{key}": word for key, word in SHORT.items()},
    "to_pay": COMMON["to_pay"], "to_recover": COMMON["to_recover"],
    "commitments": N_("Result commitments"), "commitment": N_("Commitment"), "year": N_("Work year"),
    "indicator": N_("Indicator"), "target": N_("Target (minimum)"), "measured": N_("Measured"), "met": N_("Met"),
    "yes": COMMON["yes"], "no": COMMON["no"], "not_due": UNIT_STATUS["not_due"],
    "by_auditor": N_("auditor's verdict"), "unjudged": UNIT_STATUS["unjudged"],
    "decided_by": N_("Decided by"), "payable_if_met": FIGURES["payable_if_met"][0],
    "provisional_note": N_("Provisional: a qualitative commitment waits for the auditor's verdict. The amount payable "
                           "counts it as not met; the payable if met is shown beside it."),
    "staffing": N_("Staffing over the term"),
    "staffing_about": N_("A row per consultant: employed, absent by reason, the part paid as guaranteed wage, "
                         "a replaced absence. Below, the shortfall in FTE on each day: its area is the "
                         "shortfall in FTE-days that the deduction is computed from."),
    "shortfall": N_("Shortfall"), "fte": UNITS["fte"], "days": UNITS["days"],
    "employment": N_("employed"), "wage": N_("guaranteed wage (no deduction)"),
    "replaced": N_("replaced (no deduction)"),
    "no_staffing": N_("No consultants in the eindrapport for this beneficiary: no timeline."),
    "costs": N_("Cost statement"), "reference": N_("Reference"), "cost_kind": N_("Kind"), "period": N_("Period"),
    "cost_days": N_("Days in term and employment"), "eligible_part": N_("Eligible part"), "declared": N_("Declared"),
    "not_eligible": N_("Not eligible (outside term or employment)"), "refused": N_("Not accepted by the auditor"),
    "not_accepted": N_("not accepted"), "cap": N_("Eligible costs: the payable amount is at most this sum (R6)"),
    "capped": N_("capped"), "not_capped": N_("above effort + result: caps nothing"),
    "sources": N_("Sources"), "tool": N_("Tool"), "created": N_("Created"), "files": N_("Input files"),
    "file": N_("File"), "rules": N_("Rules in effect"), "rule": N_("Rule"), "value": N_("Value"),
    "origin": N_("Origin"), "legal_source": N_("Legal source"), "back": N_("Overview"),
    "maxima_note": N_("Maxima, no settlement: there is no eindrapport for this agreement."),
    "interim_note": N_("Interim view, no settlement: nothing is payable before the term ends (Art. 6)."),
    "print_note": N_("Print this page on A4: each beneficiary starts on a page of its own, as an annex to the "
                     "settlement letter."),
    **FAMILY_STATUS,
    # the annex of a settlement letter (issue 34): what a page is, its heading block, its notes, its chain
    "view_settled": N_("Settlement"),
    "view_provisional": N_("Provisional settlement — waits for the auditor's verdict"),
    "view_interim": N_("Interim view at {day} — no settlement"), "view_maxima": N_("Maxima — no settlement"),
    "interim_views": N_("Interim views — no settlement"),
    "annex_to": N_("Annex to the settlement decision"), "decision_reference": N_("Reference of the decision"),
    "issued": N_("Date of issue"), "auditor_name": N_("Name of the auditor"), "signature": N_("Signature"),
    "page": N_("page"), "of": N_("of"),
    "notes": N_("Notes on this settlement"), "line_item": N_("Line item"),
    "payable_before_cap": SUMMARY["payable_before_cap"],
    "payable_before_cap_deducted": N_("Effort + result − deduction"),
    "floored": N_("negative: paid as {zero} (R5)"),
    "capped_at": N_("capped at the eligible costs {costs} (R6)"),
    "verdict_on": N_("Verdict on {unit}"), "verdict_on_year": N_("Verdict on {unit}, work year {year}"),
    # the staffing chart's value axis and interim day, its legend, and the table of short spans under it
    "as_of_line": N_("as of {day}"),
    "as_of_legend": N_("as of {day}: nothing is drawn after this day"),
    "as_of_about": N_("Interim view: the chart shows the days up to and including {day}; the term runs until {end}."),
    "short_spans": N_("Days short of the beneficiary's FTE"),
    "short_spans_about": N_("Each period with the same staffing and absences on which the beneficiary was short of "
                            "its FTE, with its cause: the FTE-days add up to the shortfall in FTE-days above."),
    "no_short_spans": N_("No day short of the beneficiary's FTE."),
    "from": N_("From"), "to": N_("To"), "short_fte": N_("Short (FTE)"), "cause": N_("Cause"),
    "fte_days": UNITS["fte_days"], "days_column": N_("Days"),
    "cause_absence": N_("{reason}: {name} ({fte} FTE)"),
    "cause_vacancy": N_("vacancy: {fte} FTE not filled"),
    "cause_away": N_("vacancy: {fte} FTE not filled (not employed: {names})"),
    "cause_made_up": N_("made up by a replacement or surplus: {fte} FTE"),
}

_translated: dict[tuple[int, str], dict[Any, Any]] = {}  # (a table's id, language): its words


def translated(table: Mapping[K, str]) -> dict[K, str]:
    """`table`'s words in the run's language, asked of the catalogue once per language.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); translated(CHANGES)["added"]
    'toegevoegd'
    >>> set_language("en"); translated(CHANGES)["added"]
    'added'
    """
    key = (id(table), language())
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = {name: _(word) for name, word in table.items()}
    return found


def _pairs(table: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    key = (id(table), language())
    found = _translated.get(key)
    if found is None:
        found = _translated[key] = {name: (_(one), _(two)) for name, (one, two) in table.items()}
    return found


def figures(table: Mapping[str, tuple[str, str]] = FIGURES) -> dict[str, tuple[str, str]]:
    """The (label, header) of each figure of `table` (`FIGURES`, `MAXIMA_FIGURES`, `PORTFOLIO`)."""
    return _pairs(table)


def label(key: str) -> str:
    """A figure's label.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); label("deduction"), label("shortfall_fte_days")
    ('Vermindering afwezigheid', 'Tekort in VTE-dagen')
    >>> set_language("en"); label("deduction")
    'Deduction for absence'
    """
    return _pairs(FIGURES)[key][0]


def word(key: str) -> str:
    """One of the common words (`COMMON`): beneficiary, total, yes, no, old, new, ..."""
    return translated(COMMON)[key]


def sheet(key: str) -> str:
    """A workbook sheet's name."""
    return translated(SHEETS)[key]


def columns(key: str) -> list[str]:
    """The column headers of a sheet or a table."""
    return [_(header) for header in COLUMNS[key]]


def yes_no(value: bool) -> str:
    return translated(COMMON)["yes" if value else "no"]


def balance_word(balance: Decimal, *, short: bool = False) -> str:
    """What a balance asks for: to pay, to recover, or nothing; `short` under it in a column.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> balance_word(Decimal("1")), balance_word(Decimal("-1")), balance_word(Decimal("0"))
    ('nog te betalen', 'terug te vorderen', 'vereffend')
    >>> balance_word(Decimal("1"), short=True), balance_word(Decimal("-1"), short=True)
    ('te betalen', 'terug te\\nvorderen')
    """
    words = translated(COMMON)
    if balance > 0:
        return words["to_pay_short" if short else "to_pay"]
    return words["to_recover_short" if short else "to_recover"] if balance < 0 else words["even"]


def reason(key: str) -> str:
    """An absence's reason (a key of the file) in words; an unknown key as it is."""
    return translated(REASONS).get(key, key)


def kind(key: str) -> str:
    return translated(KINDS).get(key, key)


def days(count: int) -> str:
    """A number of days, with its unit in the right number.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); days(1), days(731)
    ('1 dag', '731 dagen')
    >>> set_language("en"); days(1), days(1022)
    ('1 day', '1022 days')
    """
    units = translated(UNITS)
    return f"{count} {units['day'] if count == 1 else units['days']}"
