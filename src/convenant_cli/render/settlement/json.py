"""Settlements as JSON (rulebook): amounts as decimal strings, the ratio as a
fraction, enterprise numbers as ten digits; who judged and when (`assessment`), and per
result unit who decided it; per beneficiary its consultants and their absences, the short
spans with their causes, the advance tranches, the cost statement; the assumptions and notes
that change money as `warnings`; with `--explain`, the short spans with their causes and the
`steps`.

Keys, codes and vocabulary values are English; the explanation's sentences are in the run's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from convenant_cli.domain.money import format_fraction, quantize, round_half_up
from convenant_cli.domain.units import Unit
from convenant_cli.engine.settlement import FIGURES, IF_MET, Judgement, Line, Settlement, Totals
from convenant_cli.render.json_text import dumps

if TYPE_CHECKING:
    from convenant_cli.domain.terms import Span
    from convenant_cli.engine.absence import AbsenceOutcome, ConsultantOutcome, ShortSpan
    from convenant_cli.engine.costs import CostLineOutcome, CostStatementOutcome
    from convenant_cli.engine.families import Family, FamilyLine, Portfolio
    from convenant_cli.engine.result_ratio import UnitOutcome
    from convenant_cli.render.settlement.steps import Step

Json = dict[str, Any]


def _figures(item: Line | Totals, shown: tuple[str, ...]) -> Json:
    """Every figure; null where the view has none (maxima: nothing paid; an interim view: no
    effort, result, payable or balance before the term ends). A final settlement adds what it
    pays if every commitment that waits for the auditor is met (the payable when none waits)."""
    figures = {key: decimal_text(getattr(item, key), unit) if key in shown else None for key, unit in FIGURES.items()}
    figures[IF_MET] = decimal_text(item.payable_if_met, Unit.EURO) if "payable" in shown else None
    return figures


def decimal_text(value: Decimal, unit: Unit) -> str:
    """A figure for JSON: euro to the cent, FTE-days with two decimals.

    >>> decimal_text(Decimal("5249.2476"), Unit.EURO), decimal_text(Decimal("36.2"), Unit.FTE_DAYS)
    ('5249.25', '36.20')
    """
    return str(quantize(value)) if unit is Unit.EURO else str(round_half_up(value, 2))


def _fte(value: Decimal) -> str:
    return str(round_half_up(value, 2))


def _span(span: Span | None) -> Json | None:
    return None if span is None else {"start": span.start.isoformat(), "end": span.end.isoformat(), "days": span.days}


def _absence(absence: AbsenceOutcome, explain: bool) -> Json:
    """Dates, reason, FTE, days, days covered by guaranteed wage, relapse, replaced,
    lost FTE-days; with `--explain` also the part in the term, the spans and the relapse window."""
    data: Json = {
        "start": absence.span.start.isoformat(), "end": absence.span.end.isoformat(), "reason": absence.reason,
        "fte": _fte(absence.fte), "days": absence.days, "covered_days": absence.wage_days,
        "relapse": absence.relapse, "replaced": absence.replaced, "lost_fte_days": _fte(absence.lost_fte_days),
    }
    if explain:
        window = absence.window
        data.update(
            new_illness=absence.new_illness, days_in_term=absence.days_in_term,
            covered_days_in_term=absence.wage_days_in_term, covered=_span(absence.wage),
            uncovered=_span(absence.uncovered),
            relapse_window=None if window is None else {
                "previous_end": window.previous_end.isoformat(), "days": window.days,
                "first": window.first.isoformat(), "last": window.last.isoformat()})
    return data


def _consultant(consultant: ConsultantOutcome, explain: bool) -> Json:
    return {
        "key": consultant.key, "name": consultant.name, "insz": consultant.insz, "fte": _fte(consultant.fte),
        "employed": {"start": consultant.employed.start.isoformat(), "end": consultant.employed.end.isoformat(),
                     "given": consultant.employed_given},
        "guaranteed_wage_days": consultant.guaranteed_wage_days,
        "absences": [_absence(absence, explain) for absence in consultant.absences],
    }


def _short_span(span: ShortSpan) -> Json:
    return {
        "start": str(span.start), "end": str(span.end), "days": span.days,
        **{key: _fte(getattr(span, key)) for key in ("beneficiary_fte", "employed_fte", "absent_fte", "counted_fte",
                                                      "vacancy_fte", "surplus_fte", "shortfall_fte")},
        "shortfall_fte_days": _fte(span.shortfall_fte_days),
        "causes": [{"consultant": a.consultant, "reason": a.reason, "start": str(a.span.start),
                    "end": str(a.span.end), "fte": _fte(a.fte)} for a in span.absences],
    }


def _cost_line(line: CostLineOutcome) -> Json:
    wage = line.kind == "wage"
    return {"kind": line.kind, "reference": line.reference, "consultant": line.consultant,
            "from": str(line.period.start) if wage else None, "to": str(line.period.end) if wage else None,
            "date": None if wage else str(line.period.start), "amount": decimal_text(line.amount, Unit.EURO),
            "days": line.days, "eligible_days": line.eligible_days, "eligible": decimal_text(line.eligible, Unit.EURO),
            "refused": line.refused, "note": line.note}


def _costs(statement: CostStatementOutcome | None) -> Json | None:
    """R6: the cost statement's sums (declared = not eligible + refused + eligible) and each line."""
    if statement is None:
        return None
    return {**{key: decimal_text(getattr(statement, key), Unit.EURO)
               for key in ("declared", "not_eligible", "refused", "eligible")},
            "lines": [_cost_line(line) for line in statement.lines]}


def _step(step: Step) -> Json:
    return {"subject": step.subject, "detail": step.detail, "figure": step.figure, "rule": step.rule,
            "article": step.article, "inputs": step.inputs, "arithmetic": step.arithmetic}


def _line(settlement: Settlement, line: Line, explain: bool) -> Json:
    data: Json = {"name": line.name, "enterprise_number": line.enterprise_number,
                  **_figures(line, settlement.shown_keys)}
    staffing = line.staffing
    if settlement.settled:
        final = settlement.final
        data["eligible_costs"] = None if line.eligible_costs is None else decimal_text(line.eligible_costs, Unit.EURO)
        data["costs"] = _costs(line.costs)
        data["payable_before_cap"] = decimal_text(line.payable_before_cap, Unit.EURO) if final else None
        data["advance_tranches"] = [{"amount": decimal_text(a.amount, Unit.EURO),
                                     "date": str(a.date) if a.date else None, "reference": a.reference}
                                    for a in line.advance_tranches]
        data["staffing"] = line.staffed.value
        data["consultants"] = [_consultant(c, explain) for c in staffing.consultants] if staffing else []
    if explain:
        from convenant_cli.render.settlement.explanation import line_steps  # only when asked

        data["short_spans"] = [_short_span(span) for span in staffing.short_spans] if staffing else []
        data["steps"] = [_step(step) for step in line_steps(settlement, line)]
    return data


def judgement_dict(judgement: Judgement | None) -> Json | None:
    """Who judged the realisation, when, and in which file (`null`: nobody yet)."""
    if judgement is None:
        return None
    return {"auditor": judgement.auditor, "date": judgement.date.isoformat(), "file": judgement.file,
            "sha256": judgement.sha256}


def _unit(unit: UnitOutcome) -> Json:
    """A counted unit, who decided it (`source`: measured, corrected, assessment; `null`:
    nobody yet), the auditor's reason, the sector's self-assessment, and each value the
    auditor corrected with the sector's beside it."""
    return {
        "commitment": unit.commitment, "year": unit.year, "status": unit.status,
        "source": unit.source.value if unit.source is not None else None, "note": unit.note,
        "self_assessment": None if unit.self_assessment is None else {"achieved": unit.self_assessment,
                                                                     "note": unit.self_note},
        "corrections": [{"indicator": t.indicator, "year": t.year,
                         "reported": None if t.reported is None else str(t.reported),
                         "value": str(t.value), "note": t.correction} for t in unit.targets if t.corrected],
    }


def warnings(settlement: Settlement) -> list[Json]:
    found: list[Json] = []
    if settlement.set_aside is not None:  # dated after the view's day: it decides nothing there
        found.append({"code": "assessment_after_day", "assessment": judgement_dict(settlement.set_aside)})
    for line in settlement.lines:
        if settlement.final and line.capped:
            found.append({"code": "cost_cap", "beneficiary": line.enterprise_number})
        if settlement.final and line.costs_without_statement:  # a total nothing checks: "kosten zonder kostenstaat"
            found.append({"code": "costs_without_statement", "beneficiary": line.enterprise_number})
        if settlement.final and line.floored:
            found.append({"code": "floored_at_zero", "beneficiary": line.enterprise_number})
        if settlement.interim and any(advance.date is None for advance in line.advance_tranches):
            found.append({"code": "undated_advance", "beneficiary": line.enterprise_number})  # counted as paid
    for assumption in settlement.assumptions:
        item: Json = {"code": assumption.code}
        if assumption.beneficiary is not None:
            item["beneficiary"] = assumption.beneficiary
        if assumption.setting is not None:
            value = getattr(settlement.rules.rules, assumption.setting)
            item.update(setting=assumption.setting, value=None if value is None else str(value))
        found.append(item)
    return found


def as_dict(settlement: Settlement, explain: bool = False) -> Json:
    ratio = settlement.ratio
    data: Json = {
        "convenant": settlement.id,
        "kind": settlement.kind,
        "status": settlement.status,
        "as_of": str(settlement.as_of) if settlement.as_of is not None else None,
        "ratio": format_fraction(ratio.ratio) if ratio is not None and not ratio.interim else None,
        "ratio_if_met": format_fraction(ratio.ratio_if_met) if ratio is not None and not ratio.interim else None,
        "assessment": judgement_dict(settlement.judgement),
        "awaiting_verdict": list(ratio.waiting) if ratio is not None and settlement.final else [],
        "period": {"start": str(settlement.term.start), "end": str(settlement.term.end), "days": settlement.term.days},
        "results": [_unit(unit) for unit in ratio.units] if ratio is not None else [],
        "beneficiaries": [_line(settlement, line, explain) for line in settlement.lines],
        "totals": _figures(settlement.totals, settlement.shown_keys),
        "warnings": warnings(settlement),
    }
    if explain:
        from convenant_cli.render.settlement.explanation import agreement_steps

        data["steps"] = [_step(step) for step in agreement_steps(settlement)]
    return data


FORMAT = "convenant.settlement/3"


def _money(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value, Unit.EURO)


def _family_figures(line: FamilyLine) -> Json:
    return {key: _money(value) for key, value in line.figures.items()}  # FAMILY_KEYS, in their order


def family_dict(family: Family) -> Json:
    """R7: one family, its members by id, each beneficiary over them, and its totals; every
    figure but the maximum over the settled members only (null when none was settled)."""
    return {
        "convenant": family.convenant,
        "sector": family.sector,
        "status": family.status,
        "members": [member.id for member in family.members],
        "beneficiaries": [{"enterprise_number": line.enterprise_number, "name": line.name,
                           **_family_figures(line)} for line in family.lines],
        "totals": _family_figures(family.totals),
    }


def portfolio_dict(portfolio: Portfolio) -> Json:
    return {
        "families": len(portfolio.families),
        "agreements": portfolio.settled + portfolio.maxima,
        "settled": portfolio.settled,  # with facts: final settlements and interim views
        "interim": portfolio.interim,
        "provisional": portfolio.provisional,  # of those settled, the final settlements that wait for a verdict
        "maxima": portfolio.maxima,
        "totals": {key: _money(value) for key, value in portfolio.totals.items()},  # settled agreements only
        "maxima_maximum": _money(portfolio.maxima_maximum),  # the agreements shown as maxima, apart
    }


def render_json(settlements: list[Settlement], families: tuple[Family, ...], portfolio: Portfolio,
                explain: bool = False) -> str:
    """One object, whatever the number of files (`"format": "convenant.settlement/3"`):
    every settlement, every family (R7) and the portfolio; indented down to each
    consultant, absence, span, step and cost line, which stand on a line of their own."""
    return dumps({"format": FORMAT, "settlements": [as_dict(s, explain) for s in settlements],
                  "families": [family_dict(family) for family in families],
                  "portfolio": portfolio_dict(portfolio)}, levels=6, deeper=frozenset({"costs"}))
