"""Settlements as JSON (SPEC §4 and §6): amounts as decimal strings, the ratio as a
fraction, enterprise numbers as ten digits; per beneficiary its consultants and their
absences, the short spans with their causes, the advance tranches; the assumptions and
notes that change money as `warnings`; with `--explain`, the `steps`.

Keys and codes are English; the explanation's sentences are Dutch, as people read them.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from convenant_cli.engine.absence import AbsenceOutcome, ConsultantOutcome, ShortSpan
from convenant_cli.engine.settlement import FIGURES, Line, Settlement, Totals
from convenant_cli.money import format_fraction
from convenant_cli.render.safe_text import escape_json
from convenant_cli.render.settlement.explanation import Step, agreement_steps, line_steps
from convenant_cli.render.values import decimal_text
from convenant_cli.terms import Span
from convenant_cli.units import Unit

UNSETTLED_KEYS = ("payable", "advances", "balance")  # SPEC §6: null when the figures are maxima
Json = dict[str, Any]


def _figures(item: Line | Totals, settled: bool) -> Json:
    return {key: None if not settled and key in UNSETTLED_KEYS else decimal_text(getattr(item, key), unit)
            for key, unit in FIGURES.items()}


def _fte(value: Decimal) -> str:
    return f"{value:.2f}"


def _span(span: Span | None) -> Json | None:
    return None if span is None else {"start": str(span.start), "end": str(span.end), "days": span.days}


def _absence(absence: AbsenceOutcome) -> Json:
    window = absence.window
    return {
        "start": str(absence.span.start), "end": str(absence.span.end), "reason": absence.reason,
        "fte": _fte(absence.fte), "days": absence.days, "days_in_term": absence.days_in_term,
        "covered_days": absence.wage_days, "covered_days_in_term": absence.wage_days_in_term,
        "covered": _span(absence.wage),
        "relapse": absence.relapse, "new_illness": absence.new_illness, "replaced": absence.replaced,
        "relapse_window": None if window is None else {
            "previous_end": str(window.previous_end), "days": window.days, "first": str(window.first),
            "last": str(window.last)},
        "uncovered": _span(absence.uncovered), "lost_fte_days": _fte(absence.lost_fte_days),
    }


def _consultant(consultant: ConsultantOutcome) -> Json:
    return {
        "key": consultant.key, "name": consultant.name, "fte": _fte(consultant.fte),
        "employed": {"start": str(consultant.employed.start), "end": str(consultant.employed.end),
                     "given": consultant.employed_given},
        "guaranteed_wage_days": consultant.guaranteed_wage_days,
        "absences": [_absence(absence) for absence in consultant.absences],
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


def _step(step: Step) -> Json:
    return {"subject": step.subject, "detail": step.detail, "figure": step.figure, "rule": step.rule,
            "article": step.article, "inputs": step.inputs, "arithmetic": step.arithmetic}


def _line(settlement: Settlement, line: Line, explain: bool) -> Json:
    data: Json = {"name": line.name, "enterprise_number": line.enterprise_number,
                  **_figures(line, settlement.settled)}
    if settlement.settled:
        data["eligible_costs"] = None if line.eligible_costs is None else decimal_text(line.eligible_costs, Unit.EURO)
        data["payable_before_cap"] = decimal_text(line.payable_before_cap, Unit.EURO)
        data["advance_tranches"] = [{"amount": decimal_text(a.amount, Unit.EURO),
                                     "date": str(a.date) if a.date else None, "reference": a.reference}
                                    for a in line.advance_tranches]
        data["staffing"] = line.staffed.value
        staffing = line.staffing
        data["consultants"] = [_consultant(c) for c in staffing.consultants] if staffing else []
        data["short_spans"] = [_short_span(span) for span in staffing.short_spans] if staffing else []
    if explain:
        data["steps"] = [_step(step) for step in line_steps(settlement, line)]
    return data


def warnings(settlement: Settlement) -> list[Json]:
    found: list[Json] = []
    for line in settlement.lines:
        if settlement.settled and line.capped:
            found.append({"code": "cost_cap", "beneficiary": line.enterprise_number})
        if settlement.settled and line.floored:
            found.append({"code": "floored_at_zero", "beneficiary": line.enterprise_number})
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
    data: Json = {
        "convenant": settlement.id,
        "kind": settlement.kind,
        "status": "settled" if settlement.settled else "maxima",
        "ratio": format_fraction(settlement.ratio.ratio) if settlement.ratio is not None else None,
        "period": {"start": str(settlement.term.start), "end": str(settlement.term.end), "days": settlement.term.days},
        "beneficiaries": [_line(settlement, line, explain) for line in settlement.lines],
        "totals": _figures(settlement.totals, settlement.settled),
        "warnings": warnings(settlement),
    }
    if explain:
        data["steps"] = [_step(step) for step in agreement_steps(settlement)]
    return data


def render_json(settlements: list[Settlement], explain: bool = False) -> str:
    data = as_dict(settlements[0], explain) if len(settlements) == 1 else [as_dict(s, explain) for s in settlements]
    return escape_json(json.dumps(data, indent=2, ensure_ascii=False)) + "\n"

