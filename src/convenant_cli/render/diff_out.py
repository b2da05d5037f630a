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
from convenant_cli.identifiers import format_iban
from convenant_cli.money import format_eur, quantize
from convenant_cli.render.layout import Fitted, cell, stacked, title
from convenant_cli.render.safe_text import escape_json
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
    return escape_json(json.dumps(as_dict(result, old_name, new_name), indent=2, ensure_ascii=False)) + "\n"


def render_table(result: Diff, old_name: str, new_name: str) -> Group:
    parts = []
    for category in CATEGORY_ORDER:
        rows = [c for c in result.changes if c.category == category]
        if not rows:
            continue
        style = "bold red" if category == "bank_account" else ""
        parts.append(title(f"{TITLES[category]} — {old_name} → {new_name}", style))
        parts.append(_changes_table(rows, style))
    if result.effects or (result.total_old is not None and result.total_old != result.total_new):
        parts.append(Text("Effect op het maximum per begunstigde (Art. 1)"))
        parts.append(_money_table(result))
    if result.rate_old != result.rate_new:
        def rate(value):
            return "—" if value is None else format_eur(value)

        parts.append(Text(f"Bedrag per VTE (max_subsidy / fte): {rate(result.rate_old)} → {rate(result.rate_new)}"))
    return Group(*parts)


def _changes_table(rows: list, style: str) -> Fitted:
    headers = ("Wijziging", "Onderwerp", "Veld", "Oud", "Nieuw")
    table = Table()
    for column in headers:
        table.add_column(column, overflow="fold")
    for c in rows:
        table.add_row(*(cell(text, style) for text in (c.change, c.subject, c.field, _value(c, c.old),
                                                        _value(c, c.new))))

    def narrow() -> Group:
        return Group(*(stacked(cell(f"{c.change}: {c.subject}", style or "bold"),
                               [(header, cell(text)) for header, text in
                                zip(headers[2:], (c.field, _value(c, c.old), _value(c, c.new)))]) for c in rows))

    return Fitted(table, narrow)


def _money_table(result: Diff) -> Fitted:
    columns = (("Oud", result.total_old), ("Nieuw", result.total_new),
               ("Verschil", result.total_new - result.total_old))
    table = Table(show_footer=True)
    table.add_column("Begunstigde", footer="Totaal (max_subsidy)", overflow="fold")
    for column, footer in columns:
        table.add_column(column, justify="right", no_wrap=True, footer=format_eur(footer))
    rows = [(e.name, show(e.old, "amount"), show(e.new, "amount"), format_eur(e.difference)) for e in result.effects]
    for name, *figures in rows:
        table.add_row(cell(name), *figures)

    def narrow() -> Group:
        blocks = [stacked(cell(name, "bold"), list(zip(("Oud", "Nieuw", "Verschil"), figures)))
                  for name, *figures in rows]
        blocks.append(stacked(Text("Totaal (max_subsidy)", style="bold"),
                              [(column, format_eur(total)) for column, total in columns]))
        return Group(*blocks)

    return Fitted(table, narrow)


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
