"""The explanation of a settlement (`--explain`): every figure with its rule, article,
inputs and arithmetic, in Dutch, narrated from the settlement's own numbers so that a
figure and its explanation cannot drift apart.

Returns `Step` values; the table, JSON and workbook renderers show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.money import format_eur, format_fte, format_number, round_half_up, show_fraction
from convenant_cli.domain.terms import Span
from convenant_cli.engine.absence import AbsenceOutcome, ShortSpan, StaffingOutcome
from convenant_cli.engine.result_ratio import ResultRatio, UnitOutcome
from convenant_cli.engine.settlement import Line, Settlement, Staffed
from convenant_cli.render import labels

WAGE_LAW = "Art. 5; art. 70 wet van 3 juli 1978"


@dataclass(frozen=True)
class Step:
    """One figure explained: which rule and article, from what, by which arithmetic."""

    subject: str  # the covenant, or a beneficiary
    figure: str
    rule: str
    article: str
    inputs: str
    arithmetic: str
    detail: str | None = None  # a consultant of that beneficiary

    @property
    def who(self) -> str:
        return f"{self.subject}: {self.detail}" if self.detail else self.subject


def exact(value: Fraction) -> str:
    """An exact figure shown to four decimals, for the arithmetic of an explanation.

    >>> exact(Fraction(2, 3)), exact(Fraction(5249247606, 1000000))
    ('0,6667', '5.249,2476')
    """
    return format_number(round_half_up(value, 4))


def days(span: Span | None) -> str:
    """
    >>> days(Span(date(2024, 1, 8), date(2024, 4, 30)))
    '2024-01-08 – 2024-04-30 (114 dagen)'
    """
    if span is None:
        return "geen"
    return f"{span.start} – {span.end} ({span.days} {'dag' if span.days == 1 else 'dagen'})"


@lru_cache(maxsize=4096)  # a sector's spans repeat a few FTE figures many thousand times
def fte(value: Decimal) -> str:
    """
    >>> fte(Decimal("1.0")), fte(Decimal("0.36"))
    ('1,00 VTE', '0,36 VTE')
    """
    return f"{format_number(round_half_up(value, 2))} VTE"


def fte_days(value: Decimal) -> str:
    return f"{format_number(round_half_up(value, 2))} VTE-dagen"


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
    if settlement.ratio is not None and settlement.ratio.interim:
        steps.append(_interim_results(settlement.ratio, settlement.as_of))
    elif settlement.ratio is not None:
        steps.append(_ratio(settlement.ratio))
    return steps


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
    parts = " + ".join(f"{len(g.members)} × {format_eur(g.amount_each)}" for g in agreement.beneficiaries)
    total = format_eur(agreement.max_subsidy)
    staff = fte(agreement.fte) if agreement.fte is not None else "geen VTE (geen vermindering volgens Art. 5)"
    what = ("afrekening" if settlement.final else f"TUSSENTIJDSE STAND op {settlement.as_of}, geen afrekening"
            if settlement.interim else "MAXIMA, geen afrekening")
    return Step(agreement.id, "Maximale toelage", "R1", "Art. 1",
                f"{what}; maximale toelage {total}; {staff}; termijn {days(settlement.term)}", f"{parts} = {total}")


def _rules(settlement: Settlement) -> list[Step]:
    steps = []
    for name, origin in settlement.rules.origins.items():
        if origin.value == "default":
            value = rule_value(name, getattr(settlement.rules.rules, name))
            steps.append(Step(settlement.id, labels.RULES[name], "R5", "Art. 8; regelboek R5",
                              f"{name} staat niet in het bestand", f"standaard toegepast: {value}"))
    return steps


def rule_value(name: str, value: object) -> str:
    if name == "relapse_days" and value is None:
        return "volgens de wet: 14 dagen, 8 weken (56 dagen) voor een arbeidsongeschiktheid vanaf 2026-01-01"
    if name == "result_counting":
        return labels.COUNTING[str(value)]
    if name == "deduction_base":
        return labels.DEDUCTION_BASE[str(value)]
    return format_number(value) if isinstance(value, Decimal) else str(value)


def _ratio(ratio: ResultRatio) -> Step:
    unit = "verbintenis" if ratio.counting == "per_commitment" else "verbintenis-werkjaar"
    missed = [u.commitment + (f" (werkjaar {u.year})" if u.year else "") for u in ratio.units if not u.achieved]
    minimum = format_number(ratio.minimum)
    verdict = (f"{show_fraction(ratio.share)} ≥ {minimum}: a rato betaald" if ratio.ratio
               else f"{show_fraction(ratio.share)} < {minimum}: geen resultaatsfinanciering")
    counted = f"{ratio.total} × {unit} ({labels.COUNTING[ratio.counting]})"
    return Step("resultaatsverbintenissen", "Resultaatsratio", "R3", "Art. 2",
                f"{counted}; niet behaald: {', '.join(missed) or 'geen'}",
                f"{ratio.achieved} behaald / {ratio.total} = {verdict} → ratio {show_fraction(ratio.ratio)}")


def _interim_results(ratio: ResultRatio, as_of: date | None) -> Step:
    """Art. 6: at a monitoring moment, each commitment in each ended work year met or not."""
    def name(unit: UnitOutcome) -> str:
        return unit.commitment + (f" (werkjaar {unit.year})" if unit.year else "")

    missed = [name(u) for u in ratio.units if u.due and not u.achieved]
    waiting = [name(u) for u in ratio.units if not u.due]
    return Step("resultaatsverbintenissen", "Resultaatsverbintenissen op " + str(as_of), "R3", "Art. 2, Art. 6",
                f"te beoordelen: {ratio.due} × verbintenis-werkjaar waarvan het werkjaar voorbij is; niet behaald: "
                f"{', '.join(missed) or 'geen'}; nog niet te beoordelen: {', '.join(waiting) or 'geen'}",
                f"{ratio.achieved} van {ratio.due} behaald; geen ratio en geen resultaatsfinanciering vóór het einde "
                "van de termijn")


def _advances_paid(subject: str, line: Line, as_of: date | None) -> list[Step]:
    tranches = [_tranche(advance.amount, advance.date, advance.reference) for advance in line.advance_tranches]
    sum_text = " + ".join(format_eur(a.amount) for a in line.advance_tranches) or "geen"
    return [Step(subject, labels.label("advances"), "R6", "Art. 3, Art. 6",
                 f"betaald tot en met {as_of}: {'; '.join(tranches) or 'geen'}",
                 f"{sum_text} = {format_eur(line.advances)}; geen saldo vóór de eindafrekening")]


def _maximum(subject: str, line: Line) -> Step:
    staff = f" voor {fte(line.fte)}" if line.fte else ""
    per_fte = f"; per VTE {format_eur(line.maximum)} / {format_fte(line.fte)} = {format_eur(line.rate)}" \
        if line.rate is not None and line.fte else ""
    return Step(subject, "Maximum", "R1", "Art. 1", f"groep {line.group}: {format_eur(line.maximum)}{staff}",
                format_eur(line.maximum) + per_fte)


def _deduction(subject: str, line: Line, settled: bool, per_absence: bool = True,
               as_of: date | None = None) -> list[Step]:
    if not settled:
        return []
    if line.staffed is Staffed.NO_FTE:
        return [Step(subject, "Vermindering afwezigheid", "R4", "Art. 5", "geen VTE in Art. 1",
                     "geen vermindering: 0,00")]
    if line.staffed is Staffed.ASSUMED_FULL or line.staffing is None:
        return [Step(subject, "Tekort VTE-dagen", "R4", "Art. 5",
                     "niet in de personeelsgegevens van het eindrapport",
                     "AANNAME: als volledig bezet beschouwd, 0 VTE-dagen tekort, geen vermindering")]
    steps = [_absence(subject, absence) for absence in line.staffing.absences] if per_absence else []
    steps += [_span(subject, span) for span in line.staffing.short_spans] if per_absence else []
    steps.append(_shortfall(subject, line.staffing))
    rate = line.rate or Fraction(0)
    until, whole = (f" tot en met {as_of} (opgebouwd, Art. 6)", "de hele termijn") if as_of is not None else \
        ("", "de termijn")
    steps.append(Step(subject, "Vermindering afwezigheid", "R4", "Art. 5",
                      f"per VTE {format_eur(rate)}; {format_fte(line.shortfall_fte_days)} VTE-dagen tekort{until}; "
                      f"{line.term_days} dagen in {whole}",
                      f"{format_eur(rate)} × {format_fte(line.shortfall_fte_days)} / {line.term_days} = "
                      f"{exact(line.deduction_exact)} → {format_eur(line.deduction)} (eenmaal half naar boven "
                      "afgerond)"))
    return steps


def consultant(absence: AbsenceOutcome) -> str:
    """A consultant as a reader knows them: the name, and the `id` where one tells two apart."""
    return absence.name if absence.consultant == absence.name else f"{absence.name} [{absence.consultant}]"


def _absence(subject: str, absence: AbsenceOutcome) -> Step:
    who = consultant(absence)
    facts = f"{labels.reason(absence.reason)} {days(absence.span)}, {fte(absence.fte)}"
    if absence.replaced:
        return Step(subject, "Afwezigheid", "R4", "Art. 5", facts + "; vervangen",
                    "vervangen: telt niet als tekort" + _cost(absence), who)
    if not absence.incapacity:
        return Step(subject, "Afwezigheid", "R4", "Art. 5", facts,
                    f"{labels.reason(absence.reason)} is niet gedekt" + _cost(absence), who)
    chain = _chain(absence)
    wage = (f"gewaarborgd loon {days(absence.wage)}" if absence.wage else
            f"gewaarborgd loon al opgebruikt ({absence.used_before} van {absence.guaranteed_wage_days} dagen)")
    return Step(subject, "Gewaarborgd loon", "R4", WAGE_LAW,
                f"{facts}; gewaarborgd loon {absence.guaranteed_wage_days} kalenderdagen per arbeidsongeschiktheid",
                f"{chain}{wage}" + _cost(absence), who)


def _chain(absence: AbsenceOutcome) -> str:
    window = absence.window
    if window is None:
        return "eerste arbeidsongeschiktheid: telling begint; "
    where = (f"venster van {window.days} dagen na het einde van de vorige ({window.previous_end}): "
             f"{window.first} – {window.last}")
    if absence.relapse:
        return (f"herval: begint {absence.span.start}, binnen het {where}; de telling loopt door "
                f"({absence.used_before} van {absence.guaranteed_wage_days} dagen al gebruikt); ")
    if absence.new_illness and window.holds(absence.span.start):
        return f"nieuwe ziekte (new_illness), al begint ze binnen het {where}: nieuwe telling; "
    return f"geen herval: begint {absence.span.start}, na het {where}: nieuwe telling; "


def _cost(absence: AbsenceOutcome) -> str:
    if absence.in_term is None:
        return "; valt buiten de termijn (telt alleen voor de telling van het gewaarborgd loon)"
    if absence.uncovered is None:
        return "; binnen de termijn geen niet-gedekte dagen"
    return (f"; niet gedekt binnen de termijn {days(absence.uncovered)} × {fte(absence.fte)} = "
            f"{fte_days(absence.lost_fte_days)}")


def cause(span: ShortSpan) -> str:
    """Who or what made a span short: the consultants' uncovered absences, a vacancy, and
    what a replacement or surplus made up for."""
    parts = [_absent(a) for a in sorted(span.absences, key=lambda a: (a.consultant, a.span.start))]
    if span.vacancy_fte:
        parts.append(f"vacature: {fte(span.vacancy_fte)} niet ingevuld")
    if span.surplus_fte:
        parts.append(f"vervanging of boventallige inzet: {fte(span.surplus_fte)} opgevangen")
    return "; ".join(parts)


@lru_cache(maxsize=65536)  # an absence is named in every span it covers
def _absent(absence: AbsenceOutcome) -> str:
    return f"{consultant(absence)}: {labels.reason(absence.reason)} {absence.span.start} – {absence.span.end} " \
           f"({fte(absence.fte)})"


def _span(subject: str, span: ShortSpan) -> Step:
    made_up = " (opgevangen)" if not span.shortfall_fte else ""
    return Step(subject, "Tekort per periode", "R4", "Art. 5",
                f"{span.start} – {span.end} ({span.days} dagen); oorzaak: {cause(span)}",
                f"max(0; begunstigde {fte(span.beneficiary_fte)} − geteld {fte(span.counted_fte)}) = "
                f"{fte(span.shortfall_fte)} × {span.days} dagen = {fte_days(span.shortfall_fte_days)}{made_up}")


def _shortfall(subject: str, staffing: StaffingOutcome) -> Step:
    short = [format_fte(span.shortfall_fte_days) for span in staffing.short_spans if span.shortfall_fte]
    parts = " + ".join(short) + " = " if len(short) > 1 else ""
    return Step(subject, "Tekort VTE-dagen", "R4", "Art. 5",
                f"VTE van de begunstigde {fte(staffing.beneficiary_fte)}; "
                f"{labels.counted(len(staffing.consultants), 'consulent', 'consulenten')}; "
                f"{labels.counted(len(staffing.absences), 'afwezigheid', 'afwezigheden')}; een overschot op de ene "
                "dag compenseert nooit een andere dag",
                f"Σ max(0; {format_fte(staffing.beneficiary_fte)} − geteld) over de dagen = {parts}"
                f"{format_fte(staffing.shortfall_fte_days)}")


def _financing(subject: str, line: Line, settlement: Settlement) -> list[Step]:
    rules = settlement.rules.rules
    on_maximum = rules.deduction_base == "maximum"
    base = (f"({format_eur(line.maximum)} − {format_eur(line.deduction)})" if on_maximum and line.deduction
            else format_eur(line.maximum))
    ratio = show_fraction(settlement.share) if settlement.ratio is not None else "1 (maximum)"
    steps = [
        Step(subject, labels.label("effort"), "R2/R5", "Art. 2",
             f"vermindering {labels.DEDUCTION_BASE[rules.deduction_base]}; aandeel {format_number(rules.effort_share)}",
             f"{base} × {format_number(rules.effort_share)} = {format_eur(line.effort)}"),
        Step(subject, labels.label("result"), "R2/R3/R5", "Art. 2",
             f"aandeel {format_number(rules.result_share)}; ratio {ratio}",
             f"{base} × {format_number(rules.result_share)} × {ratio} = {format_eur(line.result)}"),
    ]
    if not settlement.settled:
        return steps
    if on_maximum:
        payable = f"{format_eur(line.effort)} + {format_eur(line.result)} = {format_eur(line.payable_before_cap)}"
    else:
        payable = (f"{format_eur(line.effort)} + {format_eur(line.result)} − {format_eur(line.deduction)} = "
                   f"{format_eur(line.effort + line.result - line.deduction)}")
        if line.floored:
            payable += " → 0,00 (nooit onder nul)"
    steps.append(Step(subject, labels.label("payable"), "R5", "Art. 2, Art. 5",
                      f"vermindering {labels.DEDUCTION_BASE[rules.deduction_base]}", payable))
    return steps


def _payments(subject: str, line: Line) -> list[Step]:
    steps = []
    if line.eligible_costs is not None:
        verdict = "beperkt tot de kosten" if line.capped else "de kosten beperken niets"
        steps.append(Step(subject, "Plafond subsidiabele kosten", "R6", "Art. 5",
                          f"subsidiabele kosten {format_eur(line.eligible_costs)}",
                          f"min({format_eur(line.payable_before_cap)}; {format_eur(line.eligible_costs)}) = "
                          f"{format_eur(line.payable)} ({verdict})"))
    tranches = [_tranche(advance.amount, advance.date, advance.reference) for advance in line.advance_tranches]
    if len(tranches) > 1:
        steps.append(Step(subject, labels.label("advances"), "R6", "Art. 3", "; ".join(tranches),
                          " + ".join(format_eur(a.amount) for a in line.advance_tranches) +
                          f" = {format_eur(line.advances)}"))
    single = line.advance_tranches[0] if len(line.advance_tranches) == 1 else None
    dated = single is not None and (single.date is not None or single.reference is not None)
    paid = "voorschotten " + (tranches[0] if dated else format_eur(line.advances))
    steps.append(Step(subject, labels.label("balance"), "R6", "Art. 3", paid,
                      f"{format_eur(line.payable)} − {format_eur(line.advances)} = {format_eur(line.balance)} "
                      f"({labels.balance_word(line.balance)})"))
    return steps


def _tranche(amount: Decimal, when: date | None, reference: str | None) -> str:
    """One payment of an advance, without brackets in brackets.

    >>> _tranche(Decimal("72080.00"), date(2023, 9, 15), "VS-2023-01"), _tranche(Decimal("10.00"), None, None)
    ('72.080,00 op 2023-09-15 (VS-2023-01)', '10,00')
    """
    return format_eur(amount) + (f" op {when}" if when else "") + (f" ({reference})" if reference else "")
