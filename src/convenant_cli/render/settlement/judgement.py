"""Who decided what, in the run's language: the auditor and the day of the judgement, each
counted unit's source (the measured values, the values as the auditor corrected them, the
auditor's verdict, or nobody yet), each correction with the sector's value beside it, and the
sector's own self-assessment, shown as such. One source for the table, the explanation, the
notes, the workbook and the HTML report, so that they say the same.
"""

from __future__ import annotations

from convenant_cli.domain.language import _, ngettext
from convenant_cli.engine.result_ratio import Source, TargetOutcome, UnitOutcome
from convenant_cli.engine.settlement import Judgement, Settlement
from convenant_cli.render import vocabulary
from convenant_cli.render.vocabulary import amount, number


def judged_by(judgement: Judgement) -> str:
    """The line of a settlement's annex: who judged and when.

    >>> from datetime import date
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); judged_by(Judgement(auditor="An Peeters", date=date(2025, 11, 14)))
    'beoordeeld door An Peeters op 14 november 2025'
    """
    return _("judged by {auditor} on {day}").format(auditor=judgement.auditor, day=vocabulary.day(judgement.date))


def waiting(settlement: Settlement) -> str:
    """The commitments a provisional settlement waits for, in a sentence."""
    ids = settlement.ratio.waiting if settlement.ratio is not None else ()
    return ngettext("{ids} waits for the auditor's verdict", "{ids} wait for the auditor's verdict",
                    len(ids)).format(ids=", ".join(ids))


def status_line(settlement: Settlement) -> str | None:
    """Who decided a final settlement, for its title: the auditor and the day, or what waits
    for the auditor (provisional); an assessment left out because it is dated after the day."""
    parts = []
    if settlement.provisional:
        parts.append(_("PROVISIONAL: {waiting}").format(waiting=waiting(settlement)))
    if settlement.judgement is not None:
        parts.append(judged_by(settlement.judgement))
    elif settlement.set_aside is not None:
        parts.append(_("the assessment of {day} is after this day and is not used")
                     .format(day=vocabulary.day(settlement.set_aside.date)))
    return "; ".join(parts) or None


def provisional_note(settlement: Settlement) -> str:
    """What a provisional settlement pays for certain, and what if the commitments that wait are met."""
    return (_("PROVISIONAL: {waiting}; payable for certain {payable}, if met {if_met}")
            .format(waiting=waiting(settlement), payable=amount(settlement.totals.payable),
                    if_met=amount(settlement.totals.payable_if_met)))


def _target(target: TargetOutcome) -> str:
    return (_("{indicator} (work year {year})").format(indicator=target.indicator, year=target.year)
            if target.year else target.indicator)


def correction(target: TargetOutcome) -> str:
    """A value the auditor counted differently: both values, and the reason.

    >>> from decimal import Decimal
    >>> from convenant_cli.domain.language import set_language
    >>> set_language("en"); correction(TargetOutcome(indicator="bezoeken", year=2, minimum=Decimal(200),
    ...     value=Decimal(186), reported=Decimal(188), correction="twice counted"))
    'bezoeken (work year 2): 186 as the auditor counted (the sector: 188; twice counted)'
    """
    reported = number(target.reported) if target.reported is not None else "—"
    value = number(target.value) if target.value is not None else "—"
    return (_("{target}: {value} as the auditor counted (the sector: {reported}; {reason})")
            .format(target=_target(target), value=value, reported=reported, reason=target.correction or ""))


def self_assessment(unit: UnitOutcome) -> str | None:
    """The sector's own view of a commitment, shown as such (never the verdict)."""
    if unit.self_assessment is None and unit.self_note is None:
        return None
    said = (vocabulary.yes_no(unit.self_assessment) if unit.self_assessment is not None else "—")
    note = f" — {unit.self_note}" if unit.self_note else ""
    return _("the sector's self-assessment: {said}{note}").format(said=said, note=note)


def source(unit: UnitOutcome, judgement: Judgement | None) -> str:
    """Who decided a counted unit, in words."""
    if not unit.due:
        return _("not yet to judge")
    if unit.source is None:
        return _("waits for the auditor's verdict")
    if unit.source is Source.ASSESSMENT:
        return (_("the auditor's verdict ({who})").format(who=judged_by(judgement)) if judgement is not None else
                _("the auditor's verdict"))
    if unit.source is Source.CORRECTED:
        return _("the measured values, corrected by the auditor")
    return _("the measured values")
