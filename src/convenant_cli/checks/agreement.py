"""Checks on a covenant or an addendum beyond its types: the Art. 1 sums, the
rate per FTE, shares, unique numbers, commitments, and an addendum's parent.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.diagnostics import Diagnostic, SumMismatch
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.domain.money import format_eur, format_number
from convenant_cli.domain.terms import MAX_TERM_YEARS, ONE_DAY, Span, term_too_long, work_years
from convenant_cli.domain.units import Unit
from convenant_cli.models import Addendum, Agreement, Convenant
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.events import KeyPath


def check_period(doc: LoadedDocument) -> list[Diagnostic]:
    period = doc.model_as(Agreement).period
    if period.end <= period.start:
        return [doc.problem("CV204", _("the period ends ({end}) before it starts ({start})")
                                     .format(end=period.end, start=period.start),
                            ("period", "end"), _("Art. 1 gives the term: start first, end after it"))]
    if term_too_long(Span(period.start, period.end)):
        return [doc.problem("CV215", _("the term {start} - {end} is longer than {limit} years")
                                     .format(start=period.start, end=period.end, limit=MAX_TERM_YEARS),
                            ("period", "end"), _("a covenant runs a few years; check the year of the end date"))]
    return []


def _breakdown(model: Agreement, attribute: str, fmt: Callable[[Decimal], str]) -> str:
    parts = [f"{g.group}: {len(g.members)} × {fmt(getattr(g, attribute) or Decimal(0))}" for g in model.beneficiaries]
    return "; ".join(parts)


def check_group_totals(doc: LoadedDocument) -> list[Diagnostic]:
    """Art. 1: every member of a group receives the group's amount and FTE; they add up exactly."""
    model = doc.model_as(Agreement)
    found = []
    amounts = sum((g.amount_each * len(g.members) for g in model.beneficiaries), Decimal(0))
    if amounts != model.max_subsidy:
        found.append(doc.problem(
            "CV201", _("Art. 1: the beneficiaries' amounts do not add up to max_subsidy"), ("max_subsidy",),
            _("each member receives its group's amount_each ({groups})")
            .format(groups=_breakdown(model, 'amount_each', format_eur)),
            sums=SumMismatch(model.max_subsidy, amounts)))
    if model.fte is None:
        for index, group in enumerate(model.beneficiaries):
            if group.fte_each is not None:
                found.append(doc.problem("CV202", _("group {group} has fte_each but the addendum has no fte")
                                                  .format(group=group.group),
                                         ("beneficiaries", index, "fte_each"), _("add `fte:` or remove fte_each")))
        return found
    missing = [i for i, g in enumerate(model.beneficiaries) if g.fte_each is None]
    for index in missing:
        found.append(doc.problem("CV102", _("missing key `fte_each`"), ("beneficiaries", index),
                                 _("Art. 1 gives each group's FTE (hetzij ... VTE)")))
    if not missing:
        ftes = sum(((g.fte_each or Decimal(0)) * len(g.members) for g in model.beneficiaries), Decimal(0))
        if ftes != model.fte:
            found.append(doc.problem(
                "CV202", _("Art. 1: the beneficiaries' FTE do not add up to fte"), ("fte",),
                _("each member has its group's fte_each ({groups})")
                .format(groups=_breakdown(model, 'fte_each', format_number)),
                sums=SumMismatch(model.fte, ftes, unit=Unit.FTE)))
    return found


def check_rate(doc: LoadedDocument) -> list[Diagnostic]:
    """Every group should cost the same per FTE (106.000,00 euro in the 2023-2025 texts)."""
    model = doc.model_as(Agreement)
    if model.fte is None:
        return []
    found, rates = [], {}
    for index, group in enumerate(model.beneficiaries):
        if group.fte_each is None:
            continue
        if group.fte_each == 0:
            found.append(doc.problem("CV214", _("group {group} has fte_each 0").format(group=group.group),
                                     ("beneficiaries", index, "fte_each"),
                                     _("the amount per FTE, and so the Art. 5 deduction, needs an FTE above 0")))
            continue
        rates[index] = Fraction(group.amount_each) / Fraction(group.fte_each)
    by_rate: dict[Fraction, list[int]] = {}
    for index, rate in rates.items():
        by_rate.setdefault(rate, []).append(index)
    if len(by_rate) < 2:
        return found
    ranked = sorted(by_rate.items(), key=lambda item: -len(item[1]))
    if len(ranked[0][1]) == len(ranked[1][1]):  # no rate most groups share: name them all
        listing = "; ".join(f"{model.beneficiaries[i].group}: {format_eur(r)}" for r, ix in ranked for i in ix)
        found.append(doc.problem("CV203", _("the groups cost different amounts per FTE ({listing})")
                                          .format(listing=listing),
                                 ("beneficiaries",), _("check amount_each and fte_each against Art. 1"), key=True))
        return found
    common = ranked[0][0]
    for rate, indices in ranked[1:]:
        for index in indices:
            group = model.beneficiaries[index]
            found.append(doc.problem(
                "CV203", _("group {group} costs {rate} euro per FTE, the others {common}")
                         .format(group=group.group, rate=format_eur(rate), common=format_eur(common)),
                ("beneficiaries", index, "amount_each"), _("check amount_each and fte_each against Art. 1")))
    return found


def check_shares(doc: LoadedDocument) -> list[Diagnostic]:
    if doc.rules is None:
        return []
    rules = doc.rules.rules
    total = rules.effort_share + rules.result_share
    if total != 1:
        return [doc.problem("CV205", _("Art. 2: effort_share and result_share must add up to 1"), ("rules",),
                            _("the 2023-2025 texts use 0.70 and 0.30"),
                            sums=SumMismatch(Decimal(1), total, unit=Unit.SHARE))]
    return []


def check_unique_members(doc: LoadedDocument) -> list[Diagnostic]:
    found: list[Diagnostic] = []
    seen: dict[str, KeyPath] = {}
    for g_index, group in enumerate(doc.model_as(Agreement).beneficiaries):
        for m_index, member in enumerate(group.members):
            path = ("beneficiaries", g_index, "members", m_index, "enterprise_number")
            number = member.enterprise_number
            if number in seen:
                found.append(doc.problem(
                    "CV208", _("enterprise number {number} appears twice")
                             .format(number=format_enterprise_number(number)), path,
                    _("first at line {line}; a beneficiary is listed once")
                    .format(line=doc.locate(*seen[number]).line)))
            else:
                seen[number] = path
    return found


def check_commitments(doc: LoadedDocument) -> list[Diagnostic]:
    model = doc.model_as(Agreement)
    found: list[Diagnostic] = []
    ids: dict[str, KeyPath] = {}
    term = Span(model.period.start, model.period.end)
    years = len(work_years(term)) if model.period.end > model.period.start and not term_too_long(term) else 0
    for index, commitment in enumerate(model.result_commitments):
        path = ("result_commitments", index)
        if commitment.id in ids:
            found.append(doc.problem("CV209", _("result commitment id '{id}' appears twice")
                                              .format(id=commitment.id), path + ("id",),
                                     _("first at line {line}").format(line=doc.locate(*ids[commitment.id]).line)))
        ids.setdefault(commitment.id, path + ("id",))
        if (commitment.targets is None) == (commitment.qualitative is None):
            found.append(doc.problem("CV210", _("result commitment {id} needs either `targets` or `qualitative`, not "
                                                "both or neither").format(id=commitment.id), path,
                                     _("measurable: targets with indicator, year, minimum; else a qualitative text")))
        seen = set()
        for t_index, target in enumerate(commitment.targets or []):
            where = path + ("targets", t_index)
            if (target.indicator, target.year) in seen:
                found.append(doc.problem("CV211", _("target {indicator} (year {year}) appears twice")
                                                  .format(indicator=target.indicator, year=target.year),
                                         where))
            seen.add((target.indicator, target.year))
            if years and target.year is not None and target.year > years:
                found.append(doc.problem("CV212", _("work year {year} is outside the term ({years} work years)")
                                                  .format(year=target.year, years=years),
                                         where + ("year",), _("year 1 is the first twelve months of the term")))
    return found


def check_parent(doc: LoadedDocument) -> list[Diagnostic]:
    """Art. 8 of an addendum: it belongs to a covenant, within that covenant's term; an
    extension (Art. 7/8) continues it, from the day after the covenant's term ends."""
    parent = doc.reference
    if parent is None or parent.model is None:
        return []
    if not isinstance(parent.model, Convenant):
        what = Kind.in_a_sentence(parent.kind)
        return [doc.problem("CV302", _("parent {name} is {what}, not a convenant")
                                     .format(name=parent.name, what=what), ("parent",))]
    model = doc.model_as(Addendum)
    outer, inner = parent.model.period, model.period
    found = []
    if model.extension:
        if inner.start != outer.end + ONE_DAY:
            found.append(doc.problem("CV216", _("the extension starts {start}, not the day after the covenant ends "
                                                "({value})").format(start=inner.start, value=outer.end + ONE_DAY),
                                              ("period", "start"),
                                     _("an extension continues its covenant without a gap or an overlap")))
    elif not (outer.start <= inner.start and inner.end <= outer.end):
        found.append(doc.problem("CV216", _("the addendum's period {start} - {end} is not within the covenant's "
                                            "{start2} - {end2}")
                                          .format(start=inner.start, end=inner.end, start2=outer.start, end2=outer.end),
                                          ("period",),
                                 _("an addendum that continues the covenant says `extension: true`")))
    known = {m.enterprise_number for _group, m in parent.model.members()}
    for g_index, group in enumerate(model.beneficiaries):
        for m_index, member in enumerate(group.members):
            if member.enterprise_number not in known:
                found.append(doc.problem(
                    "CV303", _("{name} is not a beneficiary of the covenant {name2}")
                             .format(name=member.name, name2=parent.name),
                    ("beneficiaries", g_index, "members", m_index, "enterprise_number")))
    return found


CONVENANT_CHECKS = (check_period, check_group_totals, check_rate, check_shares, check_unique_members,
                    check_commitments)
ADDENDUM_CHECKS = CONVENANT_CHECKS + (check_parent,)
