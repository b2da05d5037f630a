"""The report's words and numbers in the run's language (Dutch by default, English with
`--lang en`): every word from the catalogue, amounts as people of that language write them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.language import _, language
from convenant_cli.domain.money import format_eur, format_fte, quantize, round_half_up, show_fraction


def words() -> dict[str, str]:
    """Every label the templates show, by key."""
    return {
        "report": _("Settlement report"),
        "portfolio": _("Portfolio"),
        "families": _("Families: a covenant with its addenda"),
        "agreements": _("Agreements"),
        "agreement": _("Agreement"),
        "kind": _("Kind"),
        "status": _("Status"),
        "term": _("Term"),
        "ratio": _("Result ratio"),
        "sector": _("Sector"),
        "members": _("Members"),
        "beneficiary": _("Beneficiary"),
        "enterprise_number": _("Enterprise number"),
        "total": _("Total"),
        "figure": _("Figure"),
        "amount": _("Amount"),
        "article": _("Article"),
        "rulebook": _("Rulebook"),
        "maximum": _("Maximum"),
        "deduction": _("Deduction for absence"),
        "base": _("Base for effort and result"),
        "effort": _("Effort financing"),
        "result": _("Result financing"),
        "payable": _("Payable"),
        "advances": _("Advances paid"),
        "balance": _("Balance"),
        # the short forms heading the columns of a table with every figure
        "short_deduction": _("Deduction"), "short_effort": _("Effort"), "short_result": _("Result"),
        "short_advances": _("Advances"),
        "to_pay": _("still to pay"),
        "to_recover": _("to recover"),
        "commitments": _("Result commitments"),
        "commitment": _("Commitment"),
        "year": _("Work year"),
        "indicator": _("Indicator"),
        "target": _("Target (minimum)"),
        "measured": _("Measured"),
        "met": _("Met"),
        "yes": _("yes"),
        "no": _("no"),
        "not_due": _("not yet to judge"),
        "by_auditor": _("auditor's verdict"),
        "unjudged": _("waits for the auditor"),
        "self_assessment": _("the sector's self-assessment"),
        "staffing": _("Staffing over the term"),
        "staffing_about": _("A row per consultant: employed, absent by reason, the part paid as guaranteed wage, "
                            "a replaced absence. Below, the shortfall in FTE on each day: its area is the "
                            "shortfall in FTE-days that the deduction is computed from."),
        "shortfall": _("Shortfall"),
        "shortfall_fte_days": _("Shortfall in FTE-days"),
        "employment": _("employed"),
        "wage": _("guaranteed wage (no deduction)"),
        "replaced": _("replaced (no deduction)"),
        "no_staffing": _("No consultants in the eindrapport for this beneficiary: no timeline."),
        "sources": _("Sources"),
        "tool": _("Tool"),
        "created": _("Created"),
        "files": _("Input files"),
        "file": _("File"),
        "rules": _("Rules in effect"),
        "rule": _("Rule"),
        "value": _("Value"),
        "origin": _("From"),
        "legal_source": _("Legal source"),
        "back": _("Overview"),
        "maxima_note": _("Maxima, no settlement: there is no eindrapport for this agreement."),
        "interim_note": _("Interim view, no settlement: nothing is payable before the term ends (Art. 6)."),
        "print_note": _("Print this page on A4: each beneficiary starts on a page of its own, as an annex to the "
                        "settlement letter."),
        "settled": _("settled"),
        "provisional": _("provisional"),
        "interim": _("interim"),
        "maxima": _("maxima"),
        "partial": _("partly settled"),
    }


def reason(key: str) -> str:
    """An absence's reason in the run's language."""
    return {
        "illness": _("illness"), "accident": _("accident"), "time_credit": _("time credit"),
        "career_break": _("career break"), "maternity_leave": _("maternity leave"), "unpaid_leave": _("unpaid leave"),
    }.get(key, key)


def amount(value: Decimal | None) -> str:
    """
    >>> amount(Decimal("1022559.87")) if language() == "nl" else "1.022.559,87"
    '1.022.559,87'
    """
    if value is None:
        return "—"
    if language() == "nl":
        return format_eur(value)
    return f"{quantize(value):,.2f}"


def fte(value: Decimal) -> str:
    if language() == "nl":
        return format_fte(value)
    return f"{round_half_up(value, 2):,.2f}"


def ratio(value: Fraction | None) -> str:
    return "—" if value is None else show_fraction(value)
