"""A diff as a table for people, JSON for machines, or a workbook.

Bank-account (IBAN) changes come first, in their own table, so an auditor never
misses one.
"""

from __future__ import annotations

import json

from openpyxl import Workbook
from rich.console import Group
from rich.table import Table
from rich.text import Text

from convenant_cli.engine.diff import CATEGORY_ORDER, Diff
from convenant_cli.fields import format_iban
from convenant_cli.money import format_eur, quantize
from convenant_cli.render.values import jsonable, show
from convenant_cli.render.workbook import EURO, header, put, sum_formula

TITLES = {
    "bank_account": "BANKREKENING GEWIJZIGD (IBAN)",
    "scalar": "Algemeen (periode, bedragen, regels)",
    "beneficiary": "Begunstigden",
    "commitment": "Resultaatsverbintenissen",
    "result": "Resultaten",
    "staffing": "Personeel",
    "payment": "Voorschotten en kosten",
}


def _value(change, value) -> str:
    if change.field == "iban" and value is not None:
        return format_iban(value)
    return show(value, change.field)


def as_dict(result: Diff, old_name: str, new_name: str) -> dict:
    def rate(value):
        return None if value is None else str(quantize(value))

    data = {
        "kind": result.kind,
        "old": old_name,
        "new": new_name,
        "same": result.same,
        "changes": [{"category": c.category, "change": c.change, "subject": c.subject, "field": c.field,
                     "old": jsonable(c.old), "new": jsonable(c.new)} for c in result.changes],
        "money": None,
    }
    if result.total_old is not None:
        data["money"] = {
            "beneficiaries": [{"enterprise_number": e.enterprise_number, "name": e.name,
                               "old_maximum": jsonable(e.old), "new_maximum": jsonable(e.new),
                               "difference": jsonable(e.difference)} for e in result.effects],
            "totals": {"old": jsonable(result.total_old), "new": jsonable(result.total_new),
                       "difference": jsonable(result.total_new - result.total_old)},
            "per_fte": {"old": rate(result.rate_old), "new": rate(result.rate_new)},
        }
    return data


def render_json(result: Diff, old_name: str, new_name: str) -> str:
    return json.dumps(as_dict(result, old_name, new_name), indent=2, ensure_ascii=False) + "\n"


def render_table(result: Diff, old_name: str, new_name: str) -> Group:
    parts = []
    for category in CATEGORY_ORDER:
        rows = [c for c in result.changes if c.category == category]
        if not rows:
            continue
        style = "bold red" if category == "bank_account" else None
        table = Table(title=Text(f"{TITLES[category]} — {old_name} → {new_name}", style=style or ""),
                      title_justify="left")
        for column in ("Wijziging", "Onderwerp", "Veld", "Oud", "Nieuw"):
            table.add_column(column, overflow="fold")
        for c in rows:
            table.add_row(c.change, c.subject, c.field or "", _value(c, c.old), _value(c, c.new), style=style)
        parts.append(table)
    if result.effects or (result.total_old is not None and result.total_old != result.total_new):
        table = Table(title="Effect op het maximum per begunstigde (Art. 1)", show_footer=True, title_justify="left")
        table.add_column("Begunstigde", footer="Totaal (max_subsidy)")
        for column, footer in (("Oud", result.total_old), ("Nieuw", result.total_new),
                               ("Verschil", result.total_new - result.total_old)):
            table.add_column(column, justify="right", footer=format_eur(footer))
        for e in result.effects:
            table.add_row(e.name, show(e.old, "amount"), show(e.new, "amount"), format_eur(e.difference))
        parts.append(table)
    if result.rate_old != result.rate_new:
        def rate(value):
            return "—" if value is None else format_eur(value)

        parts.append(Text(f"Bedrag per VTE (max_subsidy / fte): {rate(result.rate_old)} → {rate(result.rate_new)}"))
    return Group(*parts)


def build_workbook(result: Diff, old_name: str, new_name: str) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Wijzigingen"
    header(sheet, ["Categorie", "Wijziging", "Onderwerp", "Veld", "Oud", "Nieuw"])
    for row, c in enumerate(result.changes, 2):
        for column, value in enumerate([TITLES[c.category], c.change, c.subject, c.field or "", _value(c, c.old),
                                        _value(c, c.new)], 1):
            put(sheet, row, column, value)
    money = book.create_sheet("Geldeffect")
    header(money, ["Begunstigde", "Ondernemingsnummer", "Oud maximum", "Nieuw maximum", "Verschil"])
    for row, e in enumerate(result.effects, 2):
        put(money, row, 1, e.name)
        put(money, row, 2, e.enterprise_number)
        for column, value in ((3, e.old or 0), (4, e.new or 0), (5, e.difference)):
            put(money, row, column, value, EURO)
    if result.effects:
        total = len(result.effects) + 2
        put(money, total, 1, "Totaal")
        for column in (3, 4, 5):
            sum_formula(money, total, column, 2, total - 1, EURO)
    return book
