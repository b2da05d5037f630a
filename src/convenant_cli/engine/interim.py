"""Art. 6: the facts of a realisation as they stood on a monitoring day.

An interim view settles nothing: it counts the shortfall and the deduction accrued from
the term's start up to and including that day, and the advances paid by then. Every
fact after the day is left out, so that the view at a day equals what a final settlement
of the same facts shows for the days up to it (rulebook R8): an absence that
runs past the day (or has no end yet) is cut at it; an absence or an employment that
starts after it, and an advance dated after it, are not there yet. An undated advance
counts (the caller warns about it). Employments are not cut: the days counted stop at
the day anyway, and a consultant still employed is not one who left.

Pure: a realisation in, a realisation out.
"""

from __future__ import annotations

from datetime import date

from convenant_cli.models import Absence, Consultant, Realisation


def facts_until(realisation: Realisation, as_of: date) -> Realisation:
    """The realisation as known on `as_of`.

    >>> from decimal import Decimal
    >>> from convenant_cli.models import Advance, Staffing
    >>> ill = Absence(start=date(2024, 9, 2), reason="illness")
    >>> later = Absence(start=date(2024, 11, 4), end=date(2024, 11, 8), reason="illness")
    >>> a = Consultant(name="A", fte=Decimal("1.00"), absences=[ill, later])
    >>> facts = Realisation(schema_version=1, kind="realisation", convenant="c.yaml", results={},
    ...     staffing=[Staffing(beneficiary="0409845289", consultants=[a])],
    ...     advances=[Advance(beneficiary="0409845289", amount=Decimal("10.00"), date=date(2024, 10, 1))])
    >>> known = facts_until(facts, date(2024, 9, 30))
    >>> [(x.start.isoformat(), x.end.isoformat()) for x in known.staffing[0].consultants[0].absences]
    [('2024-09-02', '2024-09-30')]
    >>> known.advances
    []
    """
    staffing = [item.model_copy(update={"consultants": [known for consultant in item.consultants
                                                        if (known := _consultant_until(consultant, as_of))]})
                for item in realisation.staffing]
    advances = [advance for advance in realisation.advances if advance.date is None or advance.date <= as_of]
    return realisation.model_copy(update={"staffing": staffing, "advances": advances})


def _consultant_until(consultant: Consultant, as_of: date) -> Consultant | None:
    if consultant.employed is not None and consultant.employed.start > as_of:
        return None
    absences = [_absence_until(absence, as_of) for absence in consultant.absences if absence.start <= as_of]
    return consultant.model_copy(update={"absences": absences})


def _absence_until(absence: Absence, as_of: date) -> Absence:
    if absence.end is not None and absence.end <= as_of:
        return absence
    return absence.model_copy(update={"end": as_of})
