"""The workbook's sheets over several agreements: per beneficiary (each beneficiary over a
family's covenant and addenda, R7) and the overview (the portfolio, a row per family)."""

from __future__ import annotations

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _
from convenant_cli.engine.families import FAMILY_KEYS, Family, Portfolio, shown_keys
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement.table import family_title, portfolio_figures, portfolio_keys, portfolio_total
from convenant_cli.render.workbook import EURO, Sheet


def families_sheet(sheet: Sheet, families: tuple[Family, ...]) -> None:
    """R7: per family of several members, a line per beneficiary and its total."""
    headers = vocabulary.figures()
    keys = shown_keys(FAMILY_KEYS, running=any(member.interim for family in families for member in family.members))
    sheet.header(vocabulary.columns("families") + [headers[key][1] for key in keys])
    row = 2
    for family in families:
        if len(family.members) < 2:
            continue
        sheet.put(row, 1, family_title(family, named=len(families) > 1), bold=True)
        row += 1
        first = row
        for line in family.lines:
            sheet.put_row(row, [line.name, format_enterprise_number(line.enterprise_number),
                                *(line.figures[key] for key in keys)], [None, None] + [EURO] * len(keys))
            row += 1
        sheet.put(row, 1, _("Total {id}").format(id=family.convenant), bold=True)
        for offset, key in enumerate(keys):
            total = family.totals.figures[key]
            if total is not None:
                sheet.sum_formula(row, 3 + offset, first, row - 1, EURO, total)
        row += 2
    sheet.finish()


def portfolio_sheet(sheet: Sheet, portfolio: Portfolio) -> None:
    """The overview: one row per family; the payable figures and their maximum over the settled
    agreements, the maxima of those without an eindrapport apart, so every column adds up."""
    # the table's columns, with the effort and result financing beside the deduction
    shown = portfolio_keys(portfolio)
    keys = shown[:2] + ("effort", "result") + shown[2:]
    sheet.limit(2, 30)  # a sector's name wraps: the figures stay on the page
    words = vocabulary.figures(vocabulary.PORTFOLIO)
    statuses = vocabulary.translated(vocabulary.FAMILY_STATUS)
    sheet.header(vocabulary.columns("portfolio") + [words[key][1] for key in keys])
    row = 2
    for family in portfolio.families:
        figures = portfolio_figures(family)
        settled = family.status != "maxima"
        figures.update({key: family.totals.figures[key] if settled else None for key in ("effort", "result")})
        sheet.put_row(row, [family.convenant, family.sector, statuses[family.status],
                            *(figures[key] for key in keys)], [None, None, None] + [EURO] * len(keys))
        row += 1
    sheet.put(row, 1, vocabulary.word("total"), bold=True)
    for offset, key in enumerate(keys):
        total = portfolio_total(portfolio, key)
        if total is not None:
            sheet.sum_formula(row, 4 + offset, 2, row - 1, EURO, total)
    sheet.note(row + 1, _("The totals count only agreements with an eindrapport or a progress report; the maxima "
                          "without an eindrapport stand apart."), 3)
    sheet.finish()
