"""The Dutch words people read, in one place: figure labels, column headers, reasons,
verdicts. Keys, codes and JSON stay English (one language for people, English for machines); every renderer that
shows a figure to a person takes its word from here.
"""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.models import REASONS_NL

# key: (label in a sentence or a stacked block, header of a table column; a line break
# keeps a wide table narrow enough for a terminal of 140 columns)
FIGURES: dict[str, tuple[str, str]] = {
    "maximum": ("Maximum", "Maximum"),
    "shortfall_fte_days": ("Tekort VTE-dagen", "Tekort\nVTE-dagen"),
    "deduction": ("Vermindering afwezigheid", "Vermindering\nafwezigheid"),
    "effort": ("Inspanningsfinanciering", "Inspannings-\nfinanciering"),
    "result": ("Resultaatsfinanciering", "Resultaats-\nfinanciering"),
    "eligible_costs": ("Subsidiabele kosten", "Subsidiabele\nkosten"),
    "payable": ("Uit te betalen", "Uit te\nbetalen"),
    "advances": ("Voorschotten", "Voorschotten"),
    "balance": ("Saldo", "Saldo"),
}
MAXIMA_FIGURES: dict[str, tuple[str, str]] = {
    "maximum": ("Maximum", "Maximum"),
    "effort": ("Max. inspanningsfinanciering", "Max. inspannings-\nfinanciering"),
    "result": ("Max. resultaatsfinanciering", "Max. resultaats-\nfinanciering"),
}

# the settlement workbook's summary, column by column (`render.settlement.xlsx`)
SUMMARY: dict[str, str] = {
    "name": "Begunstigde", "convenant": "Convenant", "enterprise_number": "Ondernemingsnummer", "status": "Status",
    "fte": "VTE", "maximum": "Maximum", "rate": "Bedrag per VTE", "term_days": "Dagen in termijn",
    "shortfall_fte_days": "Tekort VTE-dagen", "deduction_exact": "Vermindering exact",
    "deduction": "Vermindering afwezigheid", "base": "Basis voor 70/30", "effort_share": "Aandeel inspanning",
    "effort": "Financiering inspanning", "result_share": "Aandeel resultaat", "ratio": "Resultaatsratio",
    "result": "Financiering resultaat", "payable_before_cap": "Inspanning + resultaat",
    "eligible_costs": "Subsidiabele kosten", "capped": "Plafond toegepast", "payable": "Uit te betalen",
    "advances": "Voorschotten", "balance": "Saldo", "balance_word": "Saldo is",
}

# the portfolio over families: (in a sentence, column header)
PORTFOLIO: dict[str, tuple[str, str]] = {
    "maximum": ("Maximum (afgerekend)", "Maximum\n(afgerekend)"),
    "deduction": ("Vermindering afwezigheid", "Vermindering\nafwezigheid"),
    "payable": ("Uit te betalen", "Uit te\nbetalen"),
    "advances": ("Voorschotten", "Voorschotten"),
    "balance": ("Saldo", "Saldo"),
    "maxima_maximum": ("Maxima zonder eindrapport", "Maxima zonder\neindrapport"),
}
FAMILY_STATUS = {"settled": "afgerekend", "provisional": "voorlopig", "interim": "tussentijds", "maxima": "maxima",
                 "partial": "gedeeltelijk afgerekend"}

BENEFICIARY = "Begunstigde"
ENTERPRISE_NUMBER = "Ondernemingsnummer"
TOTAL = "Totaal"

DIFF_CATEGORIES = {
    "bank_account": "BANKREKENING GEWIJZIGD (IBAN)",
    "scalar": "Algemeen (periode, bedragen, regels)",
    "beneficiary": "Begunstigden",
    "commitment": "Resultaatsverbintenissen",
    "result": "Resultaten",
    "staffing": "Personeel",
    "payment": "Voorschotten en kosten",
}

REASONS = REASONS_NL


KINDS = {"convenant": "convenant", "addendum": "addendum", "realisation": "eindrapport", "action_plan": "actieplan"}
COUNTING = {"per_commitment": "per verbintenis", "per_year": "per verbintenis en werkjaar"}
DEDUCTION_BASE = {"maximum": "op het maximum", "payable": "op het uit te betalen bedrag"}
ORIGINS = {"default": "standaard (regelboek R5)", "convenant": "convenant", "addendum": "addendum"}
RULES = {
    "effort_share": "Aandeel inspanningsfinanciering",
    "result_share": "Aandeel resultaatsfinanciering",
    "result_minimum": "Minimum behaalde resultaatsverbintenissen",
    "result_counting": "Telling resultaatsverbintenissen",
    "guaranteed_wage_days": "Gewaarborgd loon (kalenderdagen)",
    "relapse_days": "Hervalvenster (kalenderdagen)",
    "deduction_base": "Vermindering toegepast",
}
STATUS = {"settled": "afgerekend", "provisional": "VOORLOPIG, wacht op het oordeel van de auditor",
          "interim": "TUSSENTIJDS, geen afrekening", "maxima": "MAXIMA, geen afrekening"}
UNIT_STATUS = {"met": "ja", "not_met": "NEE", "not_due": "nog niet te beoordelen",
               "unjudged": "wacht op de auditor"}  # a commitment in a work year


def balance_word(balance: Decimal) -> str:
    """
    >>> balance_word(Decimal("1")), balance_word(Decimal("-1")), balance_word(Decimal("0"))
    ('nog te betalen', 'terug te vorderen', 'vereffend')
    """
    return "nog te betalen" if balance > 0 else "terug te vorderen" if balance < 0 else "vereffend"


def reason(value: str) -> str:
    return REASONS.get(value, value)


def label(key: str) -> str:
    """
    >>> label("deduction")
    'Vermindering afwezigheid'
    """
    return FIGURES[key][0]


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"


def counted(number: int, one: str, many: str) -> str:
    """A count with its noun in the right number (the tables and explanations speak Dutch in
    every language, so their plurals are chosen here, not in the catalogue).

    >>> counted(1, "consulent", "consulenten"), counted(0, "afwezigheid", "afwezigheden")
    ('1 consulent', '0 afwezigheden')
    """
    return f"{number} {one if number == 1 else many}"
