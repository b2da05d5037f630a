"""The Dutch words people read, in one place: figure labels, column headers, reasons,
verdicts. Keys, codes and JSON stay English (SPEC §6 "Language"); every renderer that
shows a figure to a person takes its word from here.
"""

from __future__ import annotations

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

REASONS = {
    "illness": "ziekte",
    "accident": "ongeval",
    "time_credit": "tijdskrediet",
    "career_break": "loopbaanonderbreking",
    "maternity_leave": "moederschapsrust",
    "unpaid_leave": "onbetaald verlof",
}


def label(key: str) -> str:
    """
    >>> label("deduction")
    'Vermindering afwezigheid'
    """
    return FIGURES[key][0]


def yes_no(value: bool) -> str:
    return "ja" if value else "nee"
