"""A diff as a workbook: the changes, and the money effect with a SUM total."""

from __future__ import annotations

from openpyxl import Workbook

from convenant_cli.engine.diff import Diff
from convenant_cli.render.labels import DIFF_CATEGORIES
from convenant_cli.render.values import show
from convenant_cli.render.workbook import EURO, header, put, sum_formula


def build_workbook(result: Diff, old_name: str, new_name: str) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Wijzigingen"
    header(sheet, ["Categorie", "Wijziging", "Onderwerp", "Veld", "Oud", "Nieuw"])
    for row, c in enumerate(result.changes, 2):
        values = [DIFF_CATEGORIES[c.category], c.change, c.subject, c.field or "", show(c.old, c.unit),
                  show(c.new, c.unit)]
        for column, value in enumerate(values, 1):
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
