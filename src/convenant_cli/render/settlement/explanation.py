"""The explanation of a settlement (`--explain`): every figure with its rule, article,
inputs and arithmetic, in the run's language, narrated from the settlement's own numbers
so that a figure and its explanation cannot drift apart.

Returns `Step` values (`steps`, which narrates each absence and short span); the table,
JSON and workbook renderers show them.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from convenant_cli.domain.citations import cite
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.language import _, ngettext
from convenant_cli.domain.money import ZERO, show_fraction
from convenant_cli.engine.absence import StaffingOutcome
from convenant_cli.engine.result_ratio import ResultRatio, UnitOutcome
from convenant_cli.engine.settlement import Line, Settlement, Staffed
from convenant_cli.render import vocabulary
from convenant_cli.render.settlement import judgement
from convenant_cli.render.settlement.steps import Step, absence_step, days, exact, fte, span_step
from convenant_cli.render.vocabulary import amount, label, number


def settlement_steps(settlement: Settlement, *, per_absence: bool = True) -> list[Step]:
    """Every step: first the covenant's, then each beneficiary's. Without `per_absence`, an
    absence and a short span get no step of their own (a workbook has a row for each of them
    on its own sheet)."""
    steps = agreement_steps(settlement)
    for line in settlement.lines:
        steps += line_steps(settlement, line, per_absence=per_absence)
    return steps


def agreement_steps(settlement: Settlement) -> list[Step]:
    """The covenant's own steps: Art. 1, the rules no file writes, the Art. 2 ratio."""
    steps = [_art1(settlement), *_rules(settlement)]
    if settlement.ratio is not None:
        steps += [_decided(settlement, unit) for unit in settlement.ratio.units]
    if settlement.ratio is not None and settlement.ratio.interim:
        steps.append(_interim_results(settlement.ratio, settlement.as_of))
    elif settlement.ratio is not None:
        steps.append(_ratio(settlement.ratio))
    return steps


def _decided(settlement: Settlement, unit: UnitOutcome) -> Step:
    """Art. 2: who decided one counted unit, on what: the measured values (each correction with
    the sector's value beside it), the auditor's verdict, or nobody yet; the sector's own
    self-assessment shown as such."""
    inputs = [judgement.source(unit, settlement.judgement)]
    if unit.by_auditor and unit.note:
        inputs.append(unit.note)
    inputs += [judgement.correction(target) for target in unit.targets if unit.due and target.corrected]
    said = judgement.self_assessment(unit)
    if said is not None:
        inputs.append(said)
    status = vocabulary.translated(vocabulary.UNIT_STATUS)[unit.status]
    return Step(_("result commitments"), _("Verdict on {unit}").format(unit=_unit_name(unit)), "R3", "Art. 2",
                "; ".join(inputs), status)


def line_steps(settlement: Settlement, line: Line, *, per_absence: bool = True) -> list[Step]:
    subject = f"{line.name} ({format_enterprise_number(line.enterprise_number)})"
    steps = [_maximum(subject, line)]
    steps += _deduction(subject, line, settlement.settled, per_absence, settlement.as_of)
    if settlement.interim:  # Art. 6: nothing is financed or paid before the term ends
        return steps + _advances_paid(subject, line, settlement.as_of)
    steps += _financing(subject, line, settlement)
    if settlement.settled:
        steps += _payments(subject, line)
    return steps


def _art1(settlement: Settlement) -> Step:
    agreement = settlement.agreement
    parts = " + ".join(f"{len(g.members)} × {amount(g.amount_each)}" for g in agreement.beneficiaries)
    total = amount(agreement.max_subsidy)
    staff = fte(agreement.fte) if agreement.fte is not None else _("no FTE (no deduction under Art. 5)")
    what = (_("settlement") if settlement.final else
            _("INTERIM VIEW at {day}, no settlement").format(day=settlement.as_of) if settlement.interim else
            _("MAXIMA, no settlement"))
    return Step(agreement.id, _("Maximum subsidy"), "R1", "Art. 1",
                _("{what}; maximum subsidy {total}; {staff}; term {term}")
                .format(what=what, total=total, staff=staff, term=days(settlement.term)), f"{parts} = {total}")


def _rules(settlement: Settlement) -> list[Step]:
    steps = []
    rules = vocabulary.translated(vocabulary.RULES)
    for name, origin in settlement.rules.origins.items():
        if origin.value == "default":
            value = rule_value(name, getattr(settlement.rules.rules, name))
            steps.append(Step(settlement.id, rules[name], "R5", _("Art. 8; rulebook R5"),
                              _("`rules.{key}` is set in no file").format(key=name),
                              _("default applied: {value}").format(value=value)))
    return steps


def rule_value(name: str, value: object) -> str:
    """A rule's value as people read it (a rule no file sets: as the law sets it)."""
    if name == "relapse_days" and value is None:
        return _("by law: 14 days, 8 weeks (56 days) for an incapacity from 2026-01-01")
    if name == "result_counting":
        return vocabulary.translated(vocabulary.COUNTING)[str(value)]
    if name == "deduction_base":
        return vocabulary.translated(vocabulary.DEDUCTION_BASE)[str(value)]
    return number(value) if isinstance(value, Decimal) else str(value)


def _unit_name(unit: UnitOutcome) -> str:
    """A commitment, and its work year when it is counted per work year."""
    return _("{commitment} (work year {year})").format(commitment=unit.commitment, year=unit.year) if unit.year \
        else unit.commitment


def _ratio(ratio: ResultRatio) -> Step:
    unit = _("commitment") if ratio.counting == "per_commitment" else _("commitment-work year")
    missed = [_unit_name(u) for u in ratio.units if not u.achieved]
    minimum = number(ratio.minimum)
    share = show_fraction(ratio.share)
    verdict = (_("{share} ≥ {minimum}: paid pro rata") if ratio.ratio else
               _("{share} < {minimum}: no result financing")).format(share=share, minimum=minimum)
    counted = f"{ratio.total} × {unit} ({vocabulary.translated(vocabulary.COUNTING)[ratio.counting]})"
    return Step(_("result commitments"), _("Result ratio"), *cite("ratio"),
                _("{counted}; not met: {missed}").format(counted=counted,
                                                        missed=", ".join(missed) or vocabulary.word("none")),
                _("{achieved} met / {total} = {verdict} → ratio {ratio}")
                .format(achieved=ratio.achieved, total=ratio.total, verdict=verdict, ratio=show_fraction(ratio.ratio)))


def _interim_results(ratio: ResultRatio, as_of: date | None) -> Step:
    """Art. 6: at a monitoring moment, each commitment in each ended work year met or not."""
    none = vocabulary.word("none")
    missed = [_unit_name(u) for u in ratio.units if u.due and not u.achieved]
    waiting = [_unit_name(u) for u in ratio.units if not u.due]
    return Step(_("result commitments"), _("Result commitments at {day}").format(day=as_of), "R3", "Art. 2, Art. 6",
                _("to judge: {due} × commitment-work year whose work year has ended; not met: {missed}; not yet to "
                  "judge: {waiting}").format(due=ratio.due, missed=", ".join(missed) or none,
                                             waiting=", ".join(waiting) or none),
                _("{achieved} of {due} met; no ratio and no result financing before the end of the term")
                .format(achieved=ratio.achieved, due=ratio.due))


def _advances_paid(subject: str, line: Line, as_of: date | None) -> list[Step]:
    none = vocabulary.word("none")
    tranches = [_tranche(advance.amount, advance.date, advance.reference) for advance in line.advance_tranches]
    sum_text = " + ".join(amount(a.amount) for a in line.advance_tranches) or none
    return [Step(subject, label("advances"), *cite("advances_as_of"),
                 _("paid up to and including {day}: {tranches}").format(day=as_of,
                                                                         tranches="; ".join(tranches) or none),
                 _("{sum} = {total}; no balance before the final settlement")
                 .format(sum=sum_text, total=amount(line.advances)))]


def _maximum(subject: str, line: Line) -> Step:
    inputs = (_("group {group}: {maximum} for {fte}") if line.fte else _("group {group}: {maximum}")) \
        .format(group=line.group, maximum=amount(line.maximum), fte=fte(line.fte) if line.fte else "")
    arithmetic = amount(line.maximum)
    if line.rate is not None and line.fte:
        arithmetic = _("{maximum}; per FTE {maximum} / {fte} = {rate}").format(
            maximum=arithmetic, fte=vocabulary.fte(line.fte), rate=amount(line.rate))
    return Step(subject, label("maximum"), *cite("maximum"), inputs, arithmetic)


def _deduction(subject: str, line: Line, settled: bool, per_absence: bool = True,
               as_of: date | None = None) -> list[Step]:
    if not settled:
        return []
    if line.staffed is Staffed.NO_FTE:
        return [Step(subject, label("deduction"), *cite("deduction"), _("no FTE in Art. 1"),
                     _("no deduction: {zero}").format(zero=amount(ZERO)))]
    if line.staffed is Staffed.ASSUMED_FULL or line.staffing is None:
        return [Step(subject, label("shortfall_fte_days"), *cite("shortfall_fte_days"),
                     _("not in the staffing of the eindrapport"),
                     _("ASSUMPTION: taken as fully staffed, 0 FTE-days short, no deduction"))]
    steps = [absence_step(subject, absence) for absence in line.staffing.absences] if per_absence else []
    steps += [span_step(subject, span) for span in line.staffing.short_spans] if per_absence else []
    steps.append(_shortfall(subject, line.staffing))
    rate = amount(line.rate or Fraction(0))
    shortfall = vocabulary.fte(line.shortfall_fte_days)
    inputs = (_("per FTE {rate}; {shortfall} FTE-days short up to and including {day} (accrued, Art. 6); {days} days "
                "in the whole term") if as_of is not None else
              _("per FTE {rate}; {shortfall} FTE-days short; {days} days in the term"))
    steps.append(Step(subject, label("deduction"), *cite("deduction"),
                      inputs.format(rate=rate, shortfall=shortfall, day=as_of, days=line.term_days),
                      _("{rate} × {shortfall} / {days} = {exact} → {deduction} (rounded half up, once)")
                      .format(rate=rate, shortfall=shortfall, days=line.term_days, exact=exact(line.deduction_exact),
                              deduction=amount(line.deduction))))
    return steps


def _shortfall(subject: str, staffing: StaffingOutcome) -> Step:
    short = [vocabulary.fte(span.shortfall_fte_days) for span in staffing.short_spans if span.shortfall_fte]
    parts = " + ".join(short) + " = " if len(short) > 1 else ""
    consultants, absences = len(staffing.consultants), len(staffing.absences)
    return Step(subject, label("shortfall_fte_days"), *cite("shortfall_fte_days"),
                _("FTE of the beneficiary {fte}; {consultants}; {absences}; a surplus on one day never makes up for "
                  "another day").format(
                    fte=fte(staffing.beneficiary_fte),
                    consultants=ngettext("{count} consultant", "{count} consultants", consultants).format(
                        count=consultants),
                    absences=ngettext("{count} absence", "{count} absences", absences).format(count=absences)),
                _("Σ max(0; {fte} − counted) over the days = {sum}").format(
                    fte=vocabulary.fte(staffing.beneficiary_fte),
                    sum=parts + vocabulary.fte(staffing.shortfall_fte_days)))


def _financing(subject: str, line: Line, settlement: Settlement) -> list[Step]:
    rules = settlement.rules.rules
    on_maximum = rules.deduction_base == "maximum"
    base = (f"({amount(line.maximum)} − {amount(line.deduction)})" if on_maximum and line.deduction
            else amount(line.maximum))
    ratio = show_fraction(settlement.share) if settlement.ratio is not None else _("1 (maximum)")
    deduction_base = vocabulary.translated(vocabulary.DEDUCTION_BASE)[rules.deduction_base]
    effort_share, result_share = number(rules.effort_share), number(rules.result_share)
    steps = [
        Step(subject, label("effort"), *cite("effort"),
             _("deduction {base}; share {share}").format(base=deduction_base, share=effort_share),
             f"{base} × {effort_share} = {amount(line.effort)}"),
        Step(subject, label("result"), *cite("result"),
             _("share {share}; ratio {ratio}").format(share=result_share, ratio=ratio),
             f"{base} × {result_share} × {ratio} = {amount(line.result)}"),
    ]
    if not settlement.settled:
        return steps
    if on_maximum:
        payable = f"{amount(line.effort)} + {amount(line.result)} = {amount(line.payable_before_cap)}"
    else:
        payable = (f"{amount(line.effort)} + {amount(line.result)} − {amount(line.deduction)} = "
                   f"{amount(line.effort + line.result - line.deduction)}")
        if line.floored:
            payable = _("{sum} → {zero} (never below zero)").format(sum=payable, zero=amount(ZERO))
    steps.append(Step(subject, label("payable"), *cite("payable"),
                      _("deduction {base}").format(base=deduction_base), payable))
    if settlement.provisional and settlement.ratio is not None:
        if_met = show_fraction(settlement.ratio.ratio_if_met)
        before = line.effort + line.result_if_met if on_maximum else line.effort + line.result_if_met - line.deduction
        capped = _(" (capped at the costs)") if line.payable_if_met < before else ""
        steps.append(Step(subject, label("payable_if_met"), *cite("payable_if_met"),
                          _("{waiting}; ratio if met {ratio}").format(waiting=judgement.waiting(settlement),
                                                                      ratio=if_met),
                          f"{base} × {result_share} × {if_met} = {amount(line.result_if_met)}; "
                          f"{amount(line.effort)} + {amount(line.result_if_met)} → {amount(line.payable_if_met)}"
                          f"{capped}"))
    return steps


def _payments(subject: str, line: Line) -> list[Step]:
    steps = []
    if line.costs is not None:
        from convenant_cli.render.settlement.cost_steps import cost_steps  # only an eindrapport with a statement

        steps += cost_steps(subject, line.costs)
    if line.eligible_costs is not None:
        verdict = _("capped at the costs") if line.capped else _("the costs cap nothing")
        given = (_("eligible costs {costs} (the cost statement)") if line.costs is not None else
                 _("eligible costs {costs} (a total without a cost statement)"))
        steps.append(Step(subject, _("Cap of the eligible costs"), *cite("cap"),
                          given.format(costs=amount(line.eligible_costs)),
                          f"min({amount(line.payable_before_cap)}; {amount(line.eligible_costs)}) = "
                          f"{amount(line.payable)} ({verdict})"))
    tranches = [_tranche(advance.amount, advance.date, advance.reference) for advance in line.advance_tranches]
    if len(tranches) > 1:
        steps.append(Step(subject, label("advances"), *cite("advances"), "; ".join(tranches),
                          " + ".join(amount(a.amount) for a in line.advance_tranches) +
                          f" = {amount(line.advances)}"))
    single = line.advance_tranches[0] if len(line.advance_tranches) == 1 else None
    dated = single is not None and (single.date is not None or single.reference is not None)
    paid = _("advances {paid}").format(paid=tranches[0] if dated else amount(line.advances))
    steps.append(Step(subject, label("balance"), *cite("balance"), paid,
                      f"{amount(line.payable)} − {amount(line.advances)} = {amount(line.balance)} "
                      f"({vocabulary.balance_word(line.balance)})"))
    return steps


def _tranche(value: Decimal, when: date | None, reference: str | None) -> str:
    """One payment of an advance, without brackets in brackets.

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl")
    >>> _tranche(Decimal("72080.00"), date(2023, 9, 15), "VS-2023-01"), _tranche(Decimal("10.00"), None, None)
    ('72.080,00 op 2023-09-15 (VS-2023-01)', '10,00')
    """
    paid = _("{amount} on {day}").format(amount=amount(value), day=when) if when else amount(value)
    return paid + (f" ({reference})" if reference else "")
