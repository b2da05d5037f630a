"""The fill-in eindrapport workbook as a file format: its sheets, their column headers in
order, the YAML key each column is read into, and the labels of the sheet that names the
agreement.

These words are the contract with the sectors (a workbook written this year is read back next
year, filled in by people who know the sheets by these names): Dutch, and never translated.
The writer (`render/realisation_xlsx.py`), the reader (`reading/eindrapport_workbook.py` and
the modules beside it) and the messages that speak of a column (`app/import_locations.py`)
take them from here. Data only.
"""

from __future__ import annotations

GUIDE = "Uitleg"  # what to enter on each sheet, in the run's language; never read back
RESULTS = "Resultaten"
CONSULTANTS = "Consulenten"
ABSENCES = "Afwezigheden"
ADVANCES = "Voorschotten"
COSTS = "Kosten"
AGREEMENT = "Convenant"  # the agreement the workbook is for: its id and SHA-256

# column headers
ENTERPRISE_NUMBER = "Ondernemingsnummer"
COMMITMENT = "Verbintenis"
INDICATOR = "Indicator"
WORK_YEAR = "Werkjaar"
MINIMUM = "Minimum"
MEASURED = "Gemeten waarde"
SELF_ASSESSMENT = "Zelfevaluatie"  # the sector's own `achieved:`; the auditor judges in an assessment
NOTE = "Toelichting"
BENEFICIARY = "Begunstigde"
KEY = "Sleutel"
NAME = "Naam"
FTE = "VTE"
EMPLOYED_FROM = "In dienst van"
EMPLOYED_TO = "In dienst tot"
WAGE_DAYS = "Gewaarborgd loon (dagen)"
INSZ = "INSZ"
CONSULTANT = "Consulent"
FROM = "Van"
TO = "Tot"
REASON = "Reden"
REPLACED = "Vervangen"
NEW_INCAPACITY = "Nieuwe ongeschiktheid"
DATE = "Datum"
REFERENCE = "Referentie"
AMOUNT = "Bedrag"
KIND = "Soort"  # of a cost line: loon or werking (`domain.cost_kinds`), or TOTAL
ELIGIBLE_COSTS = "Subsidiabele kosten"  # the one column of a 0.6 workbook's Kosten beside the number
TOTAL = "totaal"  # a Soort of Kosten: the eligible costs of a beneficiary without a cost statement

# Row 1 of each sheet read back, in this order.
SHEETS: dict[str, tuple[str, ...]] = {
    RESULTS: (COMMITMENT, INDICATOR, WORK_YEAR, MINIMUM, MEASURED, SELF_ASSESSMENT, NOTE),
    CONSULTANTS: (ENTERPRISE_NUMBER, BENEFICIARY, KEY, NAME, FTE, EMPLOYED_FROM, EMPLOYED_TO, WAGE_DAYS, INSZ),
    ABSENCES: (ENTERPRISE_NUMBER, CONSULTANT, FROM, TO, REASON, FTE, REPLACED, NEW_INCAPACITY),
    ADVANCES: (ENTERPRISE_NUMBER, DATE, REFERENCE, AMOUNT),
    COSTS: (ENTERPRISE_NUMBER, KIND, CONSULTANT, FROM, TO, DATE, AMOUNT, REFERENCE),
}
# The headers of a sheet as a workbook of 0.6 wrote it, read as the same facts: its Kosten held
# one eligible costs total per beneficiary, the cost statement's lines came later (rulebook R6).
FORMER_SHEETS: dict[str, tuple[str, ...]] = {COSTS: (ENTERPRISE_NUMBER, ELIGIBLE_COSTS)}
# Headers a workbook of 0.6 gave a column, read as the column's header now (the same facts):
# its Resultaten called the sector's own `achieved:` "Oordeel auditor".
FORMER_HEADERS: dict[str, dict[str, str]] = {RESULTS: {"Oordeel auditor": SELF_ASSESSMENT}}
# The YAML key each column is read into, per sheet: a record's cells, and the words a problem
# `validate` finds in the generated YAML is told in.
KEYS: dict[str, dict[str, str]] = {
    RESULTS: {"indicator": INDICATOR, "year": WORK_YEAR, "value": MEASURED, "achieved": SELF_ASSESSMENT,
              "note": NOTE},
    CONSULTANTS: {"name": NAME, "id": KEY, "fte": FTE, "employed": EMPLOYED_FROM, "start": EMPLOYED_FROM,
                  "end": EMPLOYED_TO, "guaranteed_wage_days": WAGE_DAYS, "insz": INSZ},
    ABSENCES: {"start": FROM, "end": TO, "reason": REASON, "fte": FTE, "replaced": REPLACED,
               "new_illness": NEW_INCAPACITY},
    ADVANCES: {"beneficiary": ENTERPRISE_NUMBER, "date": DATE, "reference": REFERENCE, "amount": AMOUNT},
    COSTS: {"beneficiary": ENTERPRISE_NUMBER, "kind": KIND, "consultant": CONSULTANT, "from": FROM, "to": TO,
            "date": DATE, "amount": AMOUNT, "reference": REFERENCE},
}
FORMER_KEYS: dict[str, dict[str, str]] = {COSTS: {"beneficiary": ENTERPRISE_NUMBER, "amount": ELIGIBLE_COSTS}}
YES, NO = "ja", "nee"

# The sheet Convenant: a label in column A, its value in column B; the beneficiaries (each
# name and enterprise number) from row FIRST_MEMBER_ROW on, the list the number columns offer.
ID_LABEL = "Id"
SHA256_LABEL = "SHA-256"
TITLE_LABEL = "Titel"
MEMBERS_LABEL = "Begunstigden"
FIRST_MEMBER_ROW = 5
