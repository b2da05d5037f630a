"""The HTML report's pages from the settlements: an index (portfolio and families), a page
per agreement (each beneficiary's figures in the order their arithmetic runs, each with its
article and rulebook section from one table of citations, so that the page adds up on its own;
the result commitments with a verdict per work year and who decided each; the cost statement
line by line with its sum and the cap; a staffing timeline; every note of the settlement; the
auditor and the day of the judgement on every beneficiary's page, the annex of its settlement
letter, with the decision's reference, the date of issue and blank fields to sign), and the
sources (files with their SHA-256, the tool's version, the rules in effect). Every page says
what it is (a settlement, an interim view, maxima) in its title and in the running header and
footer it prints on every sheet (page-margin boxes of literal text, escaped as CSS strings).

Jinja2 renders the templates with autoescape on: every text from a file (a name, a title, a
note) is escaped, in the HTML and in the inline SVG alike, and made visible first (a control or
bidi character shown as the placeholder every output uses, `safe_text.shown_in_page`). The pages load nothing: the
stylesheet is in each page and a Content-Security-Policy forbids any other resource and any
script, so a page opened from disk reaches nothing outside its folder. Every word is the
vocabulary's, in the run's language; a day is written in words (1 juli 2023).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from convenant_cli.domain.citations import CITATIONS
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import language
from convenant_cli.domain.money import ZERO
from convenant_cli.engine.costs import CostStatementOutcome
from convenant_cli.engine.families import INTERIM_ADVANCES, Family, Portfolio, shown_keys
from convenant_cli.engine.settlement import IF_MET, Line, Settlement
from convenant_cli.loading.provenance import FileRecord
from convenant_cli.render import vocabulary
from convenant_cli.render.report.timeline import Timeline, timeline
from convenant_cli.render.safe_text import shown_in_page
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.explanation import rule_value
from convenant_cli.render.settlement.notes import owned_notes


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One line of a beneficiary's chain: a figure with how it follows from the lines above it
    (`sign`: − subtracted, + added, = the result so far), its article and rulebook section, and
    what changed it (`remark`: the cap of R6)."""

    key: str
    label: str
    value: Decimal | None
    shown: str
    rulebook: str
    article: str
    sign: str = ""
    remark: str | None = None


@dataclass(frozen=True, kw_only=True)
class Beneficiary:
    anchor: str
    name: str
    enterprise_number: str
    figures: tuple[Figure, ...]
    balance_word: str | None
    timeline: Timeline | None
    shortfall_fte_days: Decimal
    costs: CostStatementOutcome | None = None  # the cost statement of a settlement (R6), line by line
    capped: bool = False  # the eligible costs cap the payable amount
    notes: tuple[str, ...] = ()  # what the terminal notes of this beneficiary


@dataclass(frozen=True)
class Page:
    file: str
    settlement: Settlement
    beneficiaries: tuple[Beneficiary, ...]
    notes: tuple[str, ...] = ()  # what the terminal notes of the whole agreement, on every beneficiary's page too
    view: str = ""  # what the page is: a settlement, an interim view, maxima (its title and print header)


@dataclass(frozen=True, kw_only=True)
class Annex:
    """What makes the report the annex of a settlement letter: the decision's reference (text
    from the user), the date of issue, and each settlement's notes of its view (`view_notes`
    of the run, in the order of the settlements)."""

    reference: str | None = None
    issued: date | None = None
    notes: list[list[str]] | None = None


# names that a page can never take: the report's own pages, in either language, and the names
# Windows reserves for devices (with any extension: `CON.html` opens the console)
_OWN_PAGES = frozenset({"index.html", "sources.html", "bronnen.html"})
_DEVICES = frozenset({"con", "prn", "aux", "nul", *(f"{port}{n}" for port in ("com", "lpt") for n in range(1, 10))})


def page_name(identifier: str, taken: set[str]) -> str:
    """A file name for an agreement's page from its id (text from a file): letters, digits,
    dots and dashes only, never a path, never a device name, and never one taken before on
    any common file system, where case may not count (`taken` holds the names case-folded).

    >>> taken = set()
    >>> page_name("metaal-2023-2025", taken), page_name("../x y", taken), page_name("METAAL-2023-2025", taken)
    ('metaal-2023-2025.html', 'x-y.html', 'METAAL-2023-2025-2.html')
    >>> page_name("Index", taken), page_name("con", taken), page_name("Lpt1.v2", taken)
    ('Index-2.html', 'overeenkomst-con.html', 'overeenkomst-Lpt1.v2.html')
    """
    stem = re.sub(r"[^A-Za-z0-9.-]+", "-", identifier).strip(".-")[:80] or "overeenkomst"
    if stem.split(".")[0].casefold() in _DEVICES:
        stem = f"overeenkomst-{stem}"
    name, number = f"{stem}.html", 2
    while name.casefold() in taken or name.casefold() in _OWN_PAGES:
        name, number = f"{stem}-{number}.html", number + 1
    taken.add(name.casefold())
    return name


def _figures(settlement: Settlement, line: Line, names: dict[str, str]) -> tuple[Figure, ...]:
    """The chain this view has, in the order its arithmetic runs, so that the page adds up on
    its own: maximum − deduction = base; effort + result (− deduction, under `deduction_base:
    payable`); capped at the eligible costs when they are less; payable − advances = balance. An
    interim view and maxima have fewer lines; the base stands wherever effort and result do."""
    shown = settlement.shown_keys
    on_maximum = settlement.rules.rules.deduction_base == "maximum"
    found: list[Figure] = []

    def add(key: str, value: Decimal | None, sign: str = "", *, cited: str | None = None,
            remark: str | None = None, label: str | None = None) -> None:
        citation = CITATIONS[cited or key]
        found.append(Figure(key=key, label=label or names[key], value=value, shown=vocabulary.amount(value),
                            rulebook=citation.rulebook, article=citation.article, sign=sign, remark=remark))

    add("maximum", line.maximum)
    if "deduction" in shown and (on_maximum or "effort" not in shown):
        add("deduction", line.deduction, "−" if "effort" in shown else "")  # an interim view subtracts it from nothing
    if "effort" in shown:
        if on_maximum:
            add("base", line.base, "=")
        add("effort", line.effort)
        add("result", line.result, "+")
        if not on_maximum and "deduction" in shown:
            add("deduction", line.deduction, "−")
    if not settlement.final:
        if "advances" in shown:  # an interim view: the advances paid by its day
            add("advances", line.advances, cited="advances_as_of")
        return tuple(found)
    capped = line.capped and line.eligible_costs is not None
    if capped or line.floored:  # the sum before the cap, or before the floor at zero (as it came out, below it)
        before = line.payable_before_cap if on_maximum else line.effort + line.result - line.deduction
        add("payable_before_cap", before, "=",
            label=names["payable_before_cap" if on_maximum else "payable_before_cap_deducted"],
            remark=names["floored"].format(zero=vocabulary.amount(ZERO)) if line.floored else None)
    if line.eligible_costs is not None:
        add("eligible_costs", line.eligible_costs, "min" if capped else "",
            remark=(names["capped_at"].format(costs=vocabulary.amount(line.eligible_costs)) if capped
                    else names["not_capped"]))
    add("payable", line.payable, "=", cited="cap" if capped else None)
    if settlement.provisional:  # beside what is certain, what waits for the auditor
        add(IF_MET, line.payable_if_met)
    add("advances", line.advances, "−")
    add("balance", line.balance, "=")
    return tuple(found)


def _beneficiary(settlement: Settlement, line: Line, names: dict[str, str], notes: tuple[str, ...]) -> Beneficiary:
    picture = timeline(line.staffing, settlement.term) if line.staffing and line.staffing.consultants else None
    word = None
    if settlement.final:
        word = names["to_pay"] if line.balance >= 0 else names["to_recover"]
    return Beneficiary(anchor=f"b{line.enterprise_number}", name=line.name,
                       enterprise_number=format_enterprise_number(line.enterprise_number),
                       figures=_figures(settlement, line, names), balance_word=word, timeline=picture,
                       shortfall_fte_days=line.shortfall_fte_days, costs=line.costs if settlement.final else None,
                       capped=settlement.final and line.capped, notes=notes)


def view_title(settlement: Settlement, names: dict[str, str]) -> str:
    """What a page is, in its title, its print header and at the top of each beneficiary.

    An interim view says so with its day (Art. 6), and never reads as a settlement."""
    if settlement.as_of is not None:
        return names["view_interim"].format(day=vocabulary.day(settlement.as_of))
    return names[f"view_{settlement.status}"]


def pages(settlements: list[Settlement], names: dict[str, str],
          view_notes: list[list[str]] | None = None) -> list[Page]:
    """A page per settlement, each beneficiary with the notes about it and the page with the
    notes about the whole agreement (the table's notes, then those of the view)."""
    taken: set[str] = set()
    made = []
    for number, settlement in enumerate(settlements):
        owned = owned_notes(settlement)
        common = tuple(note.text for note in owned if note.beneficiary is None)
        common += tuple(view_notes[number]) if view_notes is not None else ()
        lines = tuple(_beneficiary(settlement, line, names,
                                   tuple(n.text for n in owned if n.beneficiary == line.enterprise_number))
                      for line in settlement.lines)
        made.append(Page(page_name(settlement.id, taken), settlement, lines, common, view_title(settlement, names)))
    return made


def css_string(text: str) -> str:
    """Text as a CSS string, every character but a letter, a digit or a space escaped, so that
    text from a file or the command line can close neither the string nor the stylesheet.

    >>> print(css_string('Ref "1" </style>'))
    "Ref \\22 1\\22  \\3c \\2f style\\3e "
    """
    escaped = "".join(char if char.isalnum() or char == " " else f"\\{ord(char):x} "
                      for char in str(shown_in_page(text)))
    return f'"{escaped}"'


def print_style(title: str, names: dict[str, str], annex: Annex) -> str:
    """The running header and footer a printed page carries on every sheet (CSS page-margin boxes
    of literal text): what the page is, and in the footer the decision's reference, the date of
    issue and the page number."""
    foot = [title]
    if annex.reference:
        foot.append(f"{names['decision_reference']}: {annex.reference}")
    if annex.issued is not None:
        foot.append(f"{names['issued']}: {vocabulary.day(annex.issued)}")
    page = f'{css_string(names["page"] + " ")} counter(page) {css_string(" " + names["of"] + " ")} counter(pages)'
    return ("@page { @top-left { content: " + css_string(title) + "; } "
            "@bottom-left { content: " + css_string(" · ".join(foot)) + "; } "
            "@bottom-right { content: " + page + "; } }")


def _money(key: str, value: Decimal | None) -> object:
    """An amount as the page prints it, with its figure's key and exact value for a reader
    that checks it (the tests do): `<data data-key="payable" value="72000.00">72.000,00</data>`.
    Written here, not as a template macro: a page has thousands of them."""
    from markupsafe import Markup, escape

    exact = "" if value is None else str(value)  # a Decimal's digits: nothing to escape, escaped all the same
    return Markup(f'<data data-key="{_shown(key)}" value="{escape(exact)}">{escape(vocabulary.amount(value))}</data>')


@lru_cache(maxsize=4096)
def _shown(text: str) -> str:
    """A text as a template prints it: made visible, then escaped (a chain's words repeat on
    every beneficiary's page, so each is escaped once)."""
    from markupsafe import escape

    return str(escape(shown_in_page(text)))


def _chain_rows(b: Beneficiary) -> object:
    """A beneficiary's chain as table rows, written in code like `_money` (a report of
    thousands of beneficiaries); every text made visible and escaped as the templates do."""
    from markupsafe import Markup

    shown = _shown
    rows = []
    for f in b.figures:
        remark = (f'<br><span class="small remark" data-remark="{shown(f.key)}">{shown(f.remark)}</span>'
                  if f.remark else "")
        word = f' <span class="small">({shown(b.balance_word)})</span>' if f.key == "balance" and b.balance_word else ""
        rows.append(f'  <tr class="figure-{shown(f.key)}"><td>{shown(f.label)}{remark}</td><td class="sign">'
                    f'{shown(f.sign)}</td><td class="num">{_money(f.key, f.value)}{word}</td><td>{shown(f.article)}'
                    f'</td><td>{shown(f.rulebook)}</td></tr>\n')
    return Markup("".join(rows))


def write_report(folder: Path, settlements: list[Settlement], families: tuple[Family, ...], portfolio: Portfolio,
                 *, version: str, created: datetime, records: list[FileRecord], annex: Annex | None = None) -> None:
    """The report's pages, written into `folder` (which exists and is empty)."""
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup

    templates = files("convenant_cli.render.report") / "templates"
    environment = Environment(loader=FileSystemLoader(str(templates)), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True, finalize=shown_in_page)
    names = vocabulary.translated(vocabulary.REPORT)
    annex = annex or Annex(issued=created.date())
    made = pages(settlements, names, annex.notes)
    by_id = {page.settlement.id: page for page in made}
    title = report_title(made, names)
    common = {
        "t": names, "lang": language(), "version": version, "amount": vocabulary.amount, "fte": vocabulary.fte,
        "money": _money, "chain_rows": _chain_rows,
        "ratio": vocabulary.ratio, "number": vocabulary.number, "reason": vocabulary.reason, "day": vocabulary.day,
        "days": vocabulary.days,
        "kind": vocabulary.kind, "cost_kinds": vocabulary.translated(vocabulary.COST_KINDS),
        "style": (templates / "report.css").read_text(encoding="utf-8"),
        "status": vocabulary.translated(vocabulary.FAMILY_STATUS),
        # who decided what: the annex's line, each commitment's source and the sector's own view
        "judged_by": judgement.judged_by, "source": judgement.source, "self_assessment": judgement.self_assessment,
        "correction": judgement.correction, "waiting": judgement.waiting,
        "annex": annex, "issued": vocabulary.day(annex.issued) if annex.issued is not None else None,
    }
    outputs = {
        "index.html": environment.get_template("index.html").render(
            **common, title=title, print_style=Markup(print_style(title, names, annex)), pages=made,
            families=families, portfolio=portfolio, by_id=by_id,
            several=len(families) > 1, keys=("maximum", "deduction", "effort", "result", "payable", "advances",
                                              "balance"),
            family_keys=shown_keys(("maximum", "deduction", "effort", "result", "payable", "advances",
                                    INTERIM_ADVANCES, "balance"), running=portfolio.interim > 0)),
        "sources.html": environment.get_template("sources.html").render(
            **common, title=title, print_style=Markup(print_style(f"{names['sources']} — {title}", names, annex)),
            created=f"{vocabulary.day(created.date())} {created:%H:%M:%S} UTC", records=records,
            settlements=settlements, rule_labels=vocabulary.translated(vocabulary.RULES),
            origins=vocabulary.translated(vocabulary.ORIGINS), legal=vocabulary.translated(vocabulary.LEGAL_SOURCES),
            rule_value=rule_value),
    }
    for page in made:
        outputs[page.file] = environment.get_template("agreement.html").render(
            **common, page=page, print_style=Markup(print_style(f"{page.settlement.id} — {page.view}", names, annex)))
    for name, text in outputs.items():
        (folder / name).write_text(text, encoding="utf-8")


def report_title(made: list[Page], names: dict[str, str]) -> str:
    """The index's title: a settlement report, unless no page is a settlement (interim views,
    maxima), which the title then says."""
    views = {page.view for page in made}
    if len(views) == 1 and made and not made[0].settlement.final:
        return views.pop()
    if made and all(page.settlement.interim for page in made):
        return names["interim_views"]
    return names["report"]
