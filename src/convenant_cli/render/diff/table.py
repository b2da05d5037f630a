"""A diff as rich tables for people, in Dutch. Bank-account (IBAN) changes come first,
in their own table, so an auditor never misses one."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from convenant_cli.engine.diff import CATEGORY_ORDER, Diff
from convenant_cli.money import format_eur
from convenant_cli.render.labels import DIFF_CATEGORIES
from convenant_cli.render.layout import Fitted, cell, stacked, title
from convenant_cli.render.values import show
from convenant_cli.units import Unit


def render_table(result: Diff, old_name: str, new_name: str) -> Group:
    parts = []
    for category in CATEGORY_ORDER:
        rows = [c for c in result.changes if c.category == category]
        if not rows:
            continue
        style = "bold red" if category == "bank_account" else ""
        parts.append(title(f"{DIFF_CATEGORIES[category]} — {old_name} → {new_name}", style))
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
        table.add_row(*(cell(text, style) for text in (c.change, c.subject, c.field, show(c.old, c.unit),
                                                        show(c.new, c.unit))))

    def narrow() -> Group:
        return Group(*(stacked(cell(f"{c.change}: {c.subject}", style or "bold"),
                               [(header, cell(text)) for header, text in
                                zip(headers[2:], (c.field, show(c.old, c.unit), show(c.new, c.unit)), strict=True)])
                       for c in rows))

    return Fitted(table, narrow)


def _money_table(result: Diff) -> Fitted:
    columns = (("Oud", result.total_old), ("Nieuw", result.total_new),
               ("Verschil", result.total_new - result.total_old))
    table = Table(show_footer=True)
    table.add_column("Begunstigde", footer="Totaal (max_subsidy)", overflow="fold")
    for column, footer in columns:
        table.add_column(column, justify="right", no_wrap=True, footer=format_eur(footer))
    rows = [(e.name, show(e.old, Unit.EURO), show(e.new, Unit.EURO), format_eur(e.difference)) for e in result.effects]
    for name, *figures in rows:
        table.add_row(cell(name), *figures)

    def narrow() -> Group:
        blocks = [stacked(cell(name, "bold"), list(zip(("Oud", "Nieuw", "Verschil"), figures, strict=False)))
                  for name, *figures in rows]
        blocks.append(stacked(Text("Totaal (max_subsidy)", style="bold"),
                              [(column, format_eur(total)) for column, total in columns]))
        return Group(*blocks)

    return Fitted(table, narrow)
