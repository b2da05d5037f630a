"""A diff as rich tables for people, in Dutch. Bank-account (IBAN) changes come first,
in their own table, so an auditor never misses one; then the money effect on each
beneficiary's maximum and, when both versions could be settled, on its settlement.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.money import format_eur, format_number, show_fraction
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import CATEGORY_ORDER, Change
from convenant_cli.engine.money_effect import RatioEffect
from convenant_cli.render.diff.view import DiffView, change_row
from convenant_cli.render.labels import DIFF_CATEGORIES, FIGURES, label
from convenant_cli.render.layout import Fitted, cell, stacked, title
from convenant_cli.render.values import show

HEADERS = ("Wijziging", "Onderwerp", "Veld", "Oud", "Nieuw")


def _changes_table(rows: list[Change], style: str) -> Fitted:
    table = Table()
    for column in HEADERS:
        table.add_column(column, overflow="fold")
    shown = [change_row(change) for change in rows]
    for row in shown:
        table.add_row(*(cell(text, style) for text in row))

    def narrow() -> Group:
        return Group(*(stacked(cell(f"{row[0]}: {row[1]}", style or "bold"),
                               [(header, cell(text)) for header, text in zip(HEADERS[2:], row[2:], strict=True)])
                       for row in shown))

    return Fitted(table, narrow)


def _money(value: Decimal | None) -> str:
    return show(value, Unit.EURO)


def _maximum_table(view: DiffView) -> Fitted:
    result = view.result
    old, new = result.total_old or Decimal(0), result.total_new or Decimal(0)
    columns = (("Oud", old), ("Nieuw", new), ("Verschil", new - old))
    table = Table(show_footer=True)
    table.add_column("Begunstigde", footer="Totaal (maximale toelage)", overflow="fold")
    for column, footer in columns:
        table.add_column(column, justify="right", no_wrap=True, footer=format_eur(footer))
    rows = [(f"{e.name} ({format_enterprise_number(e.enterprise_number)})", _money(e.old), _money(e.new),
             format_eur(e.difference)) for e in result.effects]
    for name, *figures in rows:
        table.add_row(cell(name), *figures)

    def narrow() -> Group:
        blocks = [stacked(cell(name, "bold"), list(zip(("Oud", "Nieuw", "Verschil"), figures, strict=True)))
                  for name, *figures in rows]
        blocks.append(stacked(Text("Totaal (maximale toelage)", style="bold"),
                              [(column, format_eur(total)) for column, total in columns]))
        return Group(*blocks)

    return Fitted(table, narrow)


def _settlement_table(view: DiffView) -> Fitted:
    effect = view.effect
    assert effect is not None
    table = Table(show_footer=True)
    table.add_column("Begunstigde", footer="Totaal", overflow="fold", min_width=18)
    for key in effect.keys:
        for column, figure in (("oud", effect.old_totals[key]), ("nieuw", effect.new_totals[key]),
                               ("verschil", effect.difference[key])):
            table.add_column(f"{FIGURES[key][1]}\n{column}", justify="right", no_wrap=True, footer=format_eur(figure))
    changed = [b for b in effect.beneficiaries if b.changed]
    for b in changed:
        old, new = b.old or {}, b.new or {}
        table.add_row(cell(f"{b.name}\n{format_enterprise_number(b.enterprise_number)}"),
                      *(text for key in effect.keys for text in (_money(old.get(key)), _money(new.get(key)),
                                                                 format_eur(b.difference[key]))))

    def narrow() -> Group:
        blocks = []
        for b in changed:
            old, new = b.old or {}, b.new or {}
            blocks.append(stacked(cell(f"{b.name} ({format_enterprise_number(b.enterprise_number)})", "bold"),
                                  [(f"{label(key)} {column}", text) for key in effect.keys for column, text in
                                   (("oud", _money(old.get(key))), ("nieuw", _money(new.get(key))),
                                    ("verschil", format_eur(b.difference[key])))]))
        blocks.append(stacked(Text("Totaal", style="bold"),
                              [(f"{label(key)} {column}", format_eur(figure)) for key in effect.keys
                               for column, figure in (("oud", effect.old_totals[key]),
                                                      ("nieuw", effect.new_totals[key]),
                                                      ("verschil", effect.difference[key]))]))
        return Group(*blocks)

    return Fitted(table, narrow)


def render_table(view: DiffView) -> Group:
    result = view.result
    parts: list[RenderableType] = [title(f"Vergelijking {view.old_name} → {view.new_name}", "bold")]
    for category in CATEGORY_ORDER:
        rows = [change for change in result.changes if change.category == category]
        if rows:
            style = "bold red" if category == "bank_account" else ""
            parts.append(title(DIFF_CATEGORIES[category], style))
            parts.append(_changes_table(rows, style))
    if result.effects or (result.total_old is not None and result.total_old != result.total_new):
        parts.append(Text("Effect op het maximum per begunstigde (Art. 1)"))
        parts.append(_maximum_table(view))
    if result.rate_old != result.rate_new:
        rates = (format_eur(rate) if rate is not None else "—" for rate in (result.rate_old, result.rate_new))
        parts.append(Text("Bedrag per VTE (maximale toelage / VTE): {} → {}".format(*rates)))
    if view.effect is not None and view.realisations is not None:
        old, new = view.realisations
        if view.effect.interim:
            old_day, new_day = (f"tussentijds op {day}" if day else "eindrapport" for day in view.effect.as_of)
            parts.append(title(f"Effect per begunstigde: vermindering en voorschotten ({old}, {old_day} → {new}, "
                               f"{new_day}; geen uit te betalen bedrag vóór het einde van de termijn, Art. 6)"))
        else:
            parts.append(title(f"Effect op de afrekening per begunstigde (eindrapport {old} → {new})"))
        parts.append(_settlement_table(view))
        if view.effect.ratio is not None and view.effect.ratio.changed:
            parts.extend(_ratio_parts(view.effect.ratio))
    return Group(*parts)


def _ratio_parts(ratio: RatioEffect) -> list[RenderableType]:
    """Art. 2: why the result financing moved: the ratio old and new, and the verdicts."""
    parts: list[RenderableType] = [title(ratio_sentence(ratio))]
    if ratio.verdicts:
        table = Table()
        for header in ("Verbintenis", "Werkjaar", "Behaald oud", "Behaald nieuw"):
            table.add_column(header, overflow="fold")
        for verdict in ratio.verdicts:
            table.add_row(cell(f"{verdict.commitment} {verdict.title}"), str(verdict.year or "—"),
                          verdict_word(verdict.old), verdict_word(verdict.new))
        parts.append(table)
    return parts


def verdict_word(achieved: bool | None) -> str:
    return "—" if achieved is None else "ja" if achieved else "NEE"


def ratio_sentence(ratio: RatioEffect) -> str:
    """
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> sentence = ratio_sentence(RatioEffect(old_achieved=2, old_total=3, old_ratio=Fraction(2, 3),
    ...     new_achieved=1, new_total=3, new_ratio=Fraction(0), minimum=Decimal("0.5"), verdicts=()))
    >>> for side in sentence.split(" → "):
    ...     print(side)
    Resultaatsratio (Art. 2): oud 2/3 (2 van 3 behaald)
    nieuw 0 (1 van 3 behaald: onder het minimum 0,5, geen resultaatsfinanciering)
    """
    def side(achieved: int, total: int, paid: Fraction) -> str:
        below = paid == 0 and achieved > 0
        note = f": onder het minimum {format_number(ratio.minimum)}, geen resultaatsfinanciering" if below else ""
        return f"{show_fraction(paid)} ({achieved} van {total} behaald{note})"

    return (f"Resultaatsratio (Art. 2): oud {side(ratio.old_achieved, ratio.old_total, ratio.old_ratio)} → "
            f"nieuw {side(ratio.new_achieved, ratio.new_total, ratio.new_ratio)}")
