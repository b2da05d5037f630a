"""A diff as rich tables for people, in the run's language. Bank-account (IBAN) changes come
first, in their own table, so an auditor never misses one; then the money effect on each
beneficiary's maximum and, when both versions could be settled, on its settlement, with each
cost cap that moved (R6).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _, ngettext
from convenant_cli.domain.money import show_fraction
from convenant_cli.domain.units import Unit
from convenant_cli.engine.changes import CATEGORY_ORDER, Change
from convenant_cli.engine.money_effect import CapChange, RatioEffect, SettlementEffect
from convenant_cli.render import vocabulary
from convenant_cli.render.diff.view import DiffView, change_row, heading, versions
from convenant_cli.render.layout import Fitted, cell, stacked, title
from convenant_cli.render.values import show
from convenant_cli.render.vocabulary import amount, label, number


def _changes_table(rows: list[Change], style: str, names: dict[str, str]) -> Fitted:
    headers = vocabulary.columns("diff")
    table = Table()
    for column in headers:
        table.add_column(column, overflow="fold")
    shown = [change_row(change, names) for change in rows]
    for row in shown:
        table.add_row(*(cell(text, style) for text in row))

    def narrow() -> Group:
        return Group(*(stacked(cell(f"{row[0]}: {row[1]}", style or "bold"),
                               [(header, cell(text)) for header, text in zip(headers[2:], row[2:], strict=True)])
                       for row in shown))

    return Fitted(table, narrow)


def _money(value: Decimal | None) -> str:
    return show(value, Unit.EURO)


def _maximum_table(view: DiffView) -> Fitted:
    result = view.result
    old, new = result.total_old or Decimal(0), result.total_new or Decimal(0)
    beneficiary, *names = vocabulary.columns("effect")
    columns = tuple(zip(names, (old, new, new - old), strict=True))
    total = _("Total (maximum subsidy)")
    table = Table(show_footer=True)
    table.add_column(beneficiary, footer=total, overflow="fold")
    for column, footer in columns:
        table.add_column(column, justify="right", no_wrap=True, footer=amount(footer))
    rows = [(f"{e.name} ({format_enterprise_number(e.enterprise_number)})", _money(e.old), _money(e.new),
             amount(e.difference)) for e in result.effects]
    for name, *figures in rows:
        table.add_row(cell(name), *figures)

    def narrow() -> Group:
        blocks = [stacked(cell(name, "bold"), list(zip(names, figures, strict=True))) for name, *figures in rows]
        blocks.append(stacked(Text(total, style="bold"), [(column, amount(value)) for column, value in columns]))
        return Group(*blocks)

    return Fitted(table, narrow)


def _settlement_table(view: DiffView) -> Fitted:
    effect = view.effect
    assert effect is not None
    words = vocabulary.figures()
    sides = tuple(vocabulary.word(side) for side in ("old", "new", "difference"))
    table = Table(show_footer=True)
    table.add_column(vocabulary.word("beneficiary"), footer=vocabulary.word("total"), overflow="fold", min_width=18)
    for key in effect.keys:
        for side, figure in zip(sides, (effect.old_totals[key], effect.new_totals[key], effect.difference[key]),
                                strict=True):
            table.add_column(f"{words[key][1]}\n{side}", justify="right", no_wrap=True, footer=amount(figure))
    changed = [b for b in effect.beneficiaries if b.changed]
    for b in changed:
        old, new = b.old or {}, b.new or {}
        table.add_row(cell(f"{b.name}\n{format_enterprise_number(b.enterprise_number)}"),
                      *(text for key in effect.keys for text in (_money(old.get(key)), _money(new.get(key)),
                                                                 amount(b.difference[key]))))

    def narrow() -> Group:
        blocks = []
        for b in changed:
            old, new = b.old or {}, b.new or {}
            blocks.append(stacked(cell(f"{b.name} ({format_enterprise_number(b.enterprise_number)})", "bold"),
                                  [(f"{label(key)} {side}", text) for key in effect.keys for side, text in
                                   zip(sides, (_money(old.get(key)), _money(new.get(key)),
                                               amount(b.difference[key])), strict=True)]))
        blocks.append(stacked(Text(vocabulary.word("total"), style="bold"),
                              [(f"{label(key)} {side}", amount(figure)) for key in effect.keys
                               for side, figure in zip(sides, (effect.old_totals[key], effect.new_totals[key],
                                                               effect.difference[key]), strict=True)]))
        return Group(*blocks)

    return Fitted(table, narrow)


def render_table(view: DiffView) -> Group:
    result = view.result
    categories = vocabulary.translated(vocabulary.DIFF_CATEGORIES)
    parts: list[RenderableType] = [title(heading(view), "bold")]
    for category in CATEGORY_ORDER:
        rows = [change for change in result.changes if change.category == category]
        if rows:
            style = "bold red" if category == "bank_account" else ""
            parts.append(title(categories[category], style))
            parts.append(_changes_table(rows, style, view.names))
    if result.effects or (result.total_old is not None and result.total_old != result.total_new):
        parts.append(Text(_("Effect on the maximum per beneficiary (Art. 1)")))
        parts.append(_maximum_table(view))
    if result.rate_old != result.rate_new:
        old_rate, new_rate = (amount(rate) for rate in (result.rate_old, result.rate_new))
        parts.append(Text(_("Amount per FTE (maximum subsidy / FTE): {old} → {new}").format(old=old_rate,
                                                                                             new=new_rate)))
    if view.effect is not None and view.realisations is not None:
        old, new = view.realisations
        if view.effect.interim:
            old_day, new_day = (_("interim at {day}").format(day=day) if day else _("eindrapport")
                                for day in view.effect.as_of)
            parts.append(title(_("Effect per beneficiary: deduction and advances ({files}; no payable amount before "
                                 "the end of the term, Art. 6)")
                               .format(files=versions(f"{old}, {old_day}", f"{new}, {new_day}"))))
        else:
            parts.append(title(_("Effect on the settlement per beneficiary (eindrapport {files})")
                               .format(files=versions(old, new))))
        parts.append(_settlement_table(view))
        parts.extend(cell(f"* {sentence}") for sentence in provisional_sentences(view.effect))
        parts.extend(cell(f"* {cap_sentence(cap)}") for cap in view.effect.caps)
        if view.effect.ratio is not None and view.effect.ratio.changed:
            parts.extend(_ratio_parts(view.effect.ratio))
    return Group(*parts)


def _ratio_parts(ratio: RatioEffect) -> list[RenderableType]:
    """Art. 2: why the result financing moved: the ratio old and new, and the verdicts."""
    parts: list[RenderableType] = [title(ratio_sentence(ratio))]
    if ratio.verdicts:
        table = Table()
        for header in vocabulary.columns("verdicts"):
            table.add_column(header, overflow="fold")
        for verdict in ratio.verdicts:
            table.add_row(cell(f"{verdict.commitment} {verdict.title}"), str(verdict.year or "—"),
                          verdict_word(verdict.old), verdict_word(verdict.new))
        parts.append(table)
    return parts


def provisional_sentences(effect: SettlementEffect) -> list[str]:
    """Each side that waits for the auditor's verdict, in words: its payable is only what is
    certain, so the difference is too."""
    sides = (vocabulary.word("old"), vocabulary.word("new"))
    return [ngettext("PROVISIONAL ({side}): {ids} waits for the auditor's verdict; its payable counts it as not met, "
                     "and so does this difference (add --assessment with the auditor's assessment)",
                     "PROVISIONAL ({side}): {ids} wait for the auditor's verdict; its payable counts them as not "
                     "met, and so does this difference (add --assessment with the auditor's assessment)",
                     len(waiting)).format(side=side, ids=", ".join(waiting))
            for side, status, waiting in zip(sides, effect.status, effect.waiting, strict=True)
            if status == "provisional"]


def cap_sentence(cap: CapChange) -> str:
    """R6: a beneficiary's eligible costs old and new, and whether that moves its payable amount."""
    costs = _("{name} ({number}): eligible costs {old} → {new} (R6)").format(
        name=cap.name, number=format_enterprise_number(cap.enterprise_number), old=_money(cap.old),
        new=_money(cap.new))
    if cap.moves_payable and cap.old_payable is not None and cap.new_payable is not None:
        return _("{costs}; the cap moves the payable amount {old} → {new} ({difference})").format(
            costs=costs, old=amount(cap.old_payable), new=amount(cap.new_payable),
            difference=amount(cap.new_payable - cap.old_payable))
    return _("{costs}; above effort + result in both versions: the payable amount does not move").format(costs=costs) \
        if cap.old_payable == cap.new_payable else costs


def verdict_word(achieved: bool | None) -> str:
    if achieved is None:
        return "—"
    return vocabulary.translated(vocabulary.UNIT_STATUS)["met" if achieved else "not_met"]


def ratio_sentence(ratio: RatioEffect) -> str:
    """
    >>> from convenant_cli.domain.language import set_language
    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> set_language("nl")
    >>> sentence = ratio_sentence(RatioEffect(old_achieved=2, old_total=3, old_ratio=Fraction(2, 3),
    ...     new_achieved=1, new_total=3, new_ratio=Fraction(0), minimum=Decimal("0.5"), verdicts=()))
    >>> for side in sentence.split(" → "):
    ...     print(side)
    Resultaatsratio (Art. 2): oud 2/3 (2 van 3 behaald)
    nieuw 0 (1 van 3 behaald: onder het minimum 0,5, geen resultaatsfinanciering)
    """
    def side(achieved: int, total: int, paid: Fraction) -> str:
        below = paid == 0 and achieved > 0
        text = (_("{ratio} ({achieved} of {total} met: below the minimum {minimum}, no result financing)") if below
                else _("{ratio} ({achieved} of {total} met)"))
        return text.format(ratio=show_fraction(paid), achieved=achieved, total=total, minimum=number(ratio.minimum))

    return (_("Result ratio (Art. 2): old {old} → new {new}")
            .format(old=side(ratio.old_achieved, ratio.old_total, ratio.old_ratio),
                    new=side(ratio.new_achieved, ratio.new_total, ratio.new_ratio)))
