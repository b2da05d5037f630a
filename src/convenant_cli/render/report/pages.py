"""The HTML report's pages from the settlements: an index (portfolio and families), a page
per agreement (each beneficiary's figures with their article and rulebook section, the
result commitments with who decided each, the cost statement line by line with its sum and
the cap, a staffing timeline; the auditor and the day of the judgement on every beneficiary's
page, the annex of its settlement letter), and the sources (files with their SHA-256, the
tool's version, the rules in effect).

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
from datetime import datetime
from decimal import Decimal
from importlib.resources import files
from pathlib import Path

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import language
from convenant_cli.engine.costs import CostStatementOutcome
from convenant_cli.engine.families import Family, Portfolio
from convenant_cli.engine.settlement import IF_MET, Line, Settlement
from convenant_cli.loading.provenance import FileRecord
from convenant_cli.render import vocabulary
from convenant_cli.render.report.timeline import Timeline, timeline
from convenant_cli.render.safe_text import shown_in_page
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.explanation import rule_value

# each figure of a beneficiary's chain: the rulebook section and the covenant's article
CHAIN = (("maximum", "R1", "Art. 1"), ("deduction", "R4", "Art. 5"), ("base", "R5", "Art. 2, 5"),
         ("effort", "R2", "Art. 2"), ("result", "R2, R3", "Art. 2"), ("eligible_costs", "R6", "Art. 5, 6"),
         ("payable", "R2, R6", "Art. 2, 3"), ("advances", "R6", "Art. 3"), ("balance", "R6", "Art. 3"))


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: Decimal | None
    shown: str
    rulebook: str
    article: str


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


@dataclass(frozen=True)
class Page:
    file: str
    settlement: Settlement
    beneficiaries: tuple[Beneficiary, ...]


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
    """The chain's figures this view has (an interim view and maxima have fewer; the base
    stands wherever effort and result do)."""
    shown = settlement.shown_keys
    found = []
    for key, rulebook, article in CHAIN:
        if key == "eligible_costs":  # the cap of R6, where a settlement has one
            if not settlement.final or line.eligible_costs is None:
                continue
        elif key not in shown and not (key == "base" and "effort" in shown):
            continue
        value = getattr(line, key)
        found.append(Figure(key, names[key], value, vocabulary.amount(value), rulebook, article))
        if key == "payable" and settlement.provisional:  # beside what is certain, what waits for the auditor
            found.append(Figure(IF_MET, names[IF_MET], line.payable_if_met, vocabulary.amount(line.payable_if_met),
                                "R3", "Art. 2"))
    return tuple(found)


def _beneficiary(settlement: Settlement, line: Line, names: dict[str, str]) -> Beneficiary:
    picture = timeline(line.staffing, settlement.term) if line.staffing and line.staffing.consultants else None
    word = None
    if settlement.final:
        word = names["to_pay"] if line.balance >= 0 else names["to_recover"]
    return Beneficiary(anchor=f"b{line.enterprise_number}", name=line.name,
                       enterprise_number=format_enterprise_number(line.enterprise_number),
                       figures=_figures(settlement, line, names), balance_word=word, timeline=picture,
                       shortfall_fte_days=line.shortfall_fte_days, costs=line.costs if settlement.final else None,
                       capped=settlement.final and line.capped)


def pages(settlements: list[Settlement], names: dict[str, str]) -> list[Page]:
    taken: set[str] = set()
    return [Page(page_name(s.id, taken), s,
                 tuple(_beneficiary(s, line, names) for line in s.lines)) for s in settlements]


def write_report(folder: Path, settlements: list[Settlement], families: tuple[Family, ...], portfolio: Portfolio,
                 *, version: str, created: datetime, records: list[FileRecord]) -> None:
    """The report's pages, written into `folder` (which exists and is empty)."""
    from jinja2 import Environment, FileSystemLoader

    templates = files("convenant_cli.render.report") / "templates"
    environment = Environment(loader=FileSystemLoader(str(templates)), autoescape=True, trim_blocks=True,
                              lstrip_blocks=True, keep_trailing_newline=True, finalize=shown_in_page)
    names = vocabulary.translated(vocabulary.REPORT)
    made = pages(settlements, names)
    by_id = {page.settlement.id: page for page in made}
    common = {
        "t": names, "lang": language(), "version": version, "amount": vocabulary.amount, "fte": vocabulary.fte,
        "ratio": vocabulary.ratio, "number": vocabulary.number, "reason": vocabulary.reason, "day": vocabulary.day,
        "days": vocabulary.days,
        "kind": vocabulary.kind, "cost_kinds": vocabulary.translated(vocabulary.COST_KINDS),
        "style": (templates / "report.css").read_text(encoding="utf-8"),
        "status": vocabulary.translated(vocabulary.FAMILY_STATUS),
        # who decided what: the annex's line, each commitment's source and the sector's own view
        "judged_by": judgement.judged_by, "source": judgement.source, "self_assessment": judgement.self_assessment,
        "correction": judgement.correction, "waiting": judgement.waiting,
    }
    outputs = {
        "index.html": environment.get_template("index.html").render(
            **common, pages=made, families=families, portfolio=portfolio, by_id=by_id,
            several=len(families) > 1, keys=("maximum", "deduction", "effort", "result", "payable", "advances",
                                              "balance"),
            family_keys=("maximum", "deduction", "effort", "result", "payable", "advances",
                         *(("advances_interim",) if portfolio.interim else ()), "balance")),
        "sources.html": environment.get_template("sources.html").render(
            **common, created=f"{vocabulary.day(created.date())} {created:%H:%M:%S} UTC", records=records,
            settlements=settlements, rule_labels=vocabulary.translated(vocabulary.RULES),
            origins=vocabulary.translated(vocabulary.ORIGINS), legal=vocabulary.translated(vocabulary.LEGAL_SOURCES),
            rule_value=rule_value),
    }
    for page in made:
        outputs[page.file] = environment.get_template("agreement.html").render(**common, page=page)
    for name, text in outputs.items():
        (folder / name).write_text(text, encoding="utf-8")
