"""Checks on a realisation (eindrapport) against its covenant or addendum:
every commitment reported on, indicators and years known, beneficiaries known,
absences inside the term and the employment, one consultant's absences apart; the cost
statement's lines (`checks.costs`).
"""

from __future__ import annotations

from convenant_cli.checks.costs import check_cost_statement
from convenant_cli.domain.diagnostics import Diagnostic, Vocabulary
from convenant_cli.domain.identifiers import format_enterprise_number
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import _
from convenant_cli.domain.terms import Span, years_due
from convenant_cli.models import Agreement, Realisation, ResultCommitment, ResultRealisation
from convenant_cli.models.document import LoadedDocument
from convenant_cli.reading.events import KeyPath


def _when(year: int | None) -> str:
    """A target's work year in a sentence; a target without one is over the whole term."""
    return _("year {year}").format(year=year) if year is not None else _("the whole term")


def _agreement(doc: LoadedDocument) -> tuple[Agreement, str] | tuple[None, None]:
    """The covenant or addendum the realisation settles, and its file name, when it loaded cleanly."""
    agreement = doc.reference_as(Agreement)
    if agreement is None or doc.reference is None:
        return None, None
    return agreement, doc.reference.name


def check_realisation_target(doc: LoadedDocument) -> list[Diagnostic]:
    ref = doc.reference
    if ref is not None and ref.model is not None and not isinstance(ref.model, Agreement):
        what = Kind.in_a_sentence(ref.kind)
        return [doc.problem("CV302", _("`convenant` names {name}, {what}; a realisation settles a convenant or an "
                                       "addendum").format(name=ref.name, what=what), ("convenant",))]
    return []


def check_results(doc: LoadedDocument) -> list[Diagnostic]:
    """Art. 2: the sector reports on every result commitment: a measured value for each target
    (of the work years due, in a progress report) and, for a qualitative commitment, where the
    eindrapport shows it (`note:`). The sector's `achieved:` is its self-assessment: shown beside
    the verdict, it stands in for no measured value; the verdict is the auditor's, in an
    assessment (rulebook R3)."""
    agreement, target = _agreement(doc)
    if agreement is None:
        return []
    model = doc.model_as(Realisation)
    commitments = {c.id: c for c in agreement.result_commitments}
    ids = Vocabulary(commitments)
    due = _years_due(agreement, model)
    found = []
    for key, result in model.results.items():
        path = ("results", key)
        commitment = commitments.get(key)
        if commitment is None:
            found.append(doc.problem("CV502", _("result commitment '{key}' is not in {target}")
                                              .format(key=key, target=target), path,
                                     ids.did_you_mean(key), key=True))
            continue
        found += _note(doc, key, commitment, result, due)
        targets = {(t.indicator, t.year) for t in commitment.targets or []}
        years: dict[str, list[str]] = {}
        for indicator, year in sorted(targets, key=str):
            years.setdefault(indicator, []).append(str(year))
        indicators = Vocabulary(sorted(years))
        given = set()
        for index, actual in enumerate(result.actuals):
            where = path + ("actuals", index)
            pair = (actual.indicator, actual.year)
            if pair in given:
                found.append(doc.problem("CV211", _("{key}: a value for {indicator} ({when}) is given twice")
                                                  .format(key=key, indicator=actual.indicator,
                                                          when=_when(actual.year)), where))
            given.add(pair)
            if pair not in targets:
                hint = (_("the targets of {key} for {indicator} are for years {years}")
                        .format(key=key, indicator=actual.indicator, years=", ".join(years[actual.indicator]))
                        if actual.indicator in years else indicators.did_you_mean(actual.indicator))
                found.append(doc.problem("CV504", _("{key} has no target {indicator} for {when}")
                                                  .format(key=key, indicator=actual.indicator,
                                                          when=_when(actual.year)), where, hint))
        for indicator, year in sorted(targets - given, key=str):
            if due is not None and (year is None or year > due):
                continue  # a progress report: not yet due (Art. 6)
            found.append(doc.problem("CV521", _("{key}: no value for {indicator} ({when})")
                                              .format(key=key, indicator=indicator, when=_when(year)), path,
                                     _("give the measured value; `achieved:` is the sector's self-assessment and "
                                       "stands in for no value"), key=True))
    for commitment_id, commitment in commitments.items():
        if commitment_id not in model.results and (due is None or _has_due_target(commitment, due)):
            found.append(doc.problem(
                "CV503", _("result commitment {commitment_id} is missing from `results`")
                         .format(commitment_id=commitment_id), ("results",),
                _("the eindrapport reports on every commitment: add `{commitment_id}:` with its measured values, or "
                  "with a `note:` saying where the eindrapport shows a qualitative one")
                .format(commitment_id=commitment_id),
                key=True))
    return found


def _note(doc: LoadedDocument, key: str, commitment: ResultCommitment, result: ResultRealisation,
          due: int | None) -> list[Diagnostic]:
    """The auditor judges a qualitative commitment, or checks the sector's self-assessment, on
    the page of the eindrapport the `note:` names: without one there is nothing to look up."""
    if result.note is not None:
        return []
    if result.achieved is not None:
        return [doc.problem("CV522", _("the self-assessment of {key} has no `note`").format(key=key),
                            ("results", key),
                            _("say where the eindrapport shows it, e.g. `note: Eindrapport p. 14`"), key=True)]
    if commitment.qualitative is not None and due is None:
        return [doc.problem("CV522", _("{key} is qualitative: say in `note:` where the eindrapport reports on it")
                                     .format(key=key), ("results", key),
                            _("the auditor judges it in an assessment (kind: assessment); an `achieved:` here is the "
                              "sector's self-assessment"), key=True)]
    return []


def _years_due(agreement: Agreement, model: Realisation) -> int | None:
    """The work years a progress report (`as_of`) is judged on; None for an eindrapport."""
    if model.as_of is None:
        return None
    return years_due(Span(agreement.period.start, agreement.period.end), model.as_of)


def _has_due_target(commitment: ResultCommitment, due: int) -> bool:
    return any(target.year is not None and target.year <= due for target in commitment.targets or [])


def check_as_of(doc: LoadedDocument) -> list[Diagnostic]:
    """Art. 6: a progress report is made during the term, before its last day (at the last
    day, the report is the eindrapport and has no `as_of`)."""
    agreement, _name = _agreement(doc)
    as_of = doc.model_as(Realisation).as_of
    if agreement is None or as_of is None:
        return []
    start, end = agreement.period.start, agreement.period.end
    if start <= as_of < end:
        return []
    return [doc.problem("CV519", _("`as_of` {as_of} is not a day of the term {start} - {end} before its last day")
                                 .format(as_of=as_of, start=start, end=end), ("as_of",),
                        _("a progress report is made during the term; the report at its end is the eindrapport, "
                          "without `as_of`"))]


def check_beneficiaries(doc: LoadedDocument) -> list[Diagnostic]:
    agreement, target = _agreement(doc)
    if agreement is None:
        return []
    model = doc.model_as(Realisation)
    names = {m.enterprise_number: m.name for _group, m in agreement.members()}
    found = []
    for section in ("staffing", "costs", "advances", "eligible_costs"):
        seen = set()
        once = section != "advances"  # advances come in tranches (rulebook); the others are one entry each
        for index, item in enumerate(getattr(model, section)):
            path = (section, index, "beneficiary")
            number = item.beneficiary
            if number not in names:
                found.append(doc.problem("CV505", _("{number} is not a beneficiary of {target}")
                                                  .format(number=format_enterprise_number(number), target=target), path,
                                         _("beneficiaries are named by their enterprise number from Art. 1")))
            elif once and number in seen:
                found.append(doc.problem("CV513", _("{names} is listed twice in `{section}`")
                                                  .format(names=names[number], section=section), path,
                                         _("list each beneficiary once")))
            seen.add(number)
    if agreement.fte is None and model.staffing:
        found.append(doc.problem("CV514", _("the addendum has no fte, so there is no absence deduction; `staffing` "
                                            "is not used"), ("staffing",), key=True))
    elif agreement.fte is not None:
        staffed = {s.beneficiary for s in model.staffing}
        for number, name in names.items():
            if number not in staffed:
                found.append(doc.problem("CV508", _("{name} ({number}) has no staffing: taken as fully staffed, no "
                                                    "deduction")
                                                  .format(name=name, number=format_enterprise_number(number)),
                                         ("staffing",), key=True))
    return found


def check_consultant_keys(doc: LoadedDocument) -> list[Diagnostic]:
    """Consultants are keyed by name within a beneficiary; two with one name need an `id` each."""
    found = []
    for s_index, staffing in enumerate(doc.model_as(Realisation).staffing):
        seen: dict[str, int] = {}
        for c_index, consultant in enumerate(staffing.consultants):
            key = consultant.key
            if key in seen:
                first = doc.locate("staffing", s_index, "consultants", seen[key]).line
                what = (_("two consultants of one beneficiary have the id '{id}'").format(id=consultant.id)
                        if consultant.id is not None else
                        _("two consultants of one beneficiary have the name '{name}'").format(name=consultant.name))
                found.append(doc.problem(
                    "CV515", what,
                    ("staffing", s_index, "consultants", c_index),
                    _("the other is at line {first}; give each an `id:` (any text, unique within the beneficiary)")
                    .format(first=first)))
            else:
                seen[key] = c_index
    return found


def check_absences(doc: LoadedDocument) -> list[Diagnostic]:
    """Art. 5 facts as they happened (rulebook): dates in order, an absence inside the
    employment when the eindrapport gives its dates, no overlap. An absence may start, or
    lie wholly, before the term: its real dates drive the guaranteed-wage count and the
    relapse chain. One after the term cannot count, so it is a warning."""
    agreement, _name = _agreement(doc)
    if agreement is None or agreement.fte is None:
        return []
    term = Span(agreement.period.start, agreement.period.end)
    model = doc.model_as(Realisation)
    found = _after_as_of(doc, model)
    for s_index, staffing in enumerate(model.staffing):
        for c_index, consultant in enumerate(staffing.consultants):
            path = ("staffing", s_index, "consultants", c_index)
            employed: Span | None = None  # no dates given: employed during the term, and before it
            if consultant.employed is not None:
                dates = consultant.employed
                if dates.end < dates.start:
                    found.append(doc.problem("CV509", _("{name}: employment ends before it starts")
                                                      .format(name=consultant.name),
                                             path + ("employed", "end")))
                    continue
                employed = Span(dates.start, dates.end)
                if not employed.overlaps(term):
                    found.append(doc.problem("CV516", _("{name} is not employed during the term {start} - {end}")
                                                      .format(name=consultant.name, start=term.start, end=term.end),
                                             path + ("employed",)))
            previous: list[tuple[Span, int]] = []
            for a_index, absence in enumerate(consultant.absences):
                where = path + ("absences", a_index)
                if absence.end is None and model.as_of is None:
                    found.append(doc.problem("CV518", _("{name}: the absence from {start} has no end")
                                                      .format(name=consultant.name, start=absence.start), where,
                                             _("give the last day of the absence as `end:`; only a progress report "
                                               "(with `as_of:`) may list an absence that is still going on")))
                    continue
                end = absence.end if absence.end is not None else max(absence.start, model.as_of or absence.start)
                if end < absence.start:
                    found.append(doc.problem("CV509", _("{name}: absence ends ({end}) before it starts ({start})")
                                                      .format(name=consultant.name, end=absence.end,
                                                              start=absence.start), where + ("end",)))
                    continue
                span = Span(absence.start, end)
                if employed is not None and not employed.covers(span):
                    found.append(doc.problem("CV506", _("{name}: absence {start} - {end} is outside the employment "
                                                        "{start2} - {end2}")
                                                      .format(name=consultant.name, start=span.start, end=span.end,
                                                              start2=employed.start, end2=employed.end), where,
                                             _("an absence falls within the consultant's `employed` dates")))
                elif span.start > term.end:
                    found.append(doc.problem("CV517", _("{name}: absence {start} - {end} starts after the term ends "
                                                        "({end2}); it does not count")
                                                      .format(name=consultant.name, start=span.start, end=span.end,
                                                              end2=term.end), where,
                                             _("check the year; an absence of an extension belongs in its own "
                                               "eindrapport")))
                if absence.fte is not None and absence.fte > consultant.fte:
                    found.append(doc.problem("CV510", _("{name}: absent for {fte} FTE but employed for {fte2}")
                                                      .format(name=consultant.name, fte=absence.fte,
                                                              fte2=consultant.fte), where + ("fte",)))
                previous.append((span, a_index))
            found += _overlaps(doc, consultant.name, path, previous)
    return found


def _after_as_of(doc: LoadedDocument, model: Realisation) -> list[Diagnostic]:
    """Art. 6: a progress report holds the facts up to its `as_of`; a later one is not used."""
    as_of = model.as_of
    if as_of is None:
        return []
    found = []
    hint = _("a progress report holds the facts up to its `as_of`; later ones belong in the next report")
    for s_index, staffing in enumerate(model.staffing):
        for c_index, consultant in enumerate(staffing.consultants):
            for a_index, absence in enumerate(consultant.absences):
                if absence.start > as_of:
                    found.append(doc.problem("CV520", _("{name}: the absence from {start} starts after the report's "
                                                        "`as_of` {as_of}; it is not used")
                                                      .format(name=consultant.name, start=absence.start, as_of=as_of),
                                             ("staffing", s_index, "consultants", c_index, "absences", a_index),
                                             hint))
    for index, advance in enumerate(model.advances):
        if advance.date is not None and advance.date > as_of:
            found.append(doc.problem("CV520", _("an advance paid on {date} is after the report's `as_of` {as_of}; it "
                                                "is not used").format(date=advance.date, as_of=as_of),
                                     ("advances", index, "date"), hint))
    return found


def _overlaps(doc: LoadedDocument, name: str, path: KeyPath, absences: list[tuple[Span, int]]) -> list[Diagnostic]:
    """Sorted by start, an absence overlaps when it starts before the latest end so far."""
    found, latest = [], None
    for span, index in sorted(absences):
        if latest is not None and span.start <= latest[0].end:
            line = doc.locate(*path, "absences", latest[1]).line
            found.append(doc.problem("CV507", _("{name}: absences overlap ({start} - {end} and {start2} - {end2})")
                                              .format(name=name, start=latest[0].start, end=latest[0].end,
                                                      start2=span.start, end2=span.end), path + ("absences", index),
                                     _("the other absence is at line {line}; one day has one reason")
                                     .format(line=line)))
        if latest is None or span.end > latest[0].end:
            latest = (span, index)
    return found


def check_own_guaranteed_wage(doc: LoadedDocument) -> list[Diagnostic]:
    """A consultant's own guaranteed wage is for a shorter one (a short contract): longer than
    the rules in force, it moves the start of every deduction of that consultant (Art. 5) on
    the sector's word alone, so it is said where it stands."""
    rules = doc.reference.rules if doc.reference is not None else None
    if rules is None:
        return []
    limit = rules.rules.guaranteed_wage_days
    found = []
    for s_index, staffing in enumerate(doc.model_as(Realisation).staffing):
        for c_index, consultant in enumerate(staffing.consultants):
            own = consultant.guaranteed_wage_days
            if own is not None and own > limit:
                found.append(doc.problem(
                    "CV524", _("{name}: a guaranteed wage of {days} days, longer than the {limit} days of the rules in "
                               "force: no deduction for the first {days} days of each absence").format(
                                   name=consultant.name, days=own, limit=limit),
                    ("staffing", s_index, "consultants", c_index, "guaranteed_wage_days"),
                    _("a consultant's own length is for a shorter guaranteed wage (a short contract); leave it "
                      "out, or keep the employment contract that says so for the auditor")))
    return found


def check_advances_twice(doc: LoadedDocument) -> list[Diagnostic]:
    """An advance listed twice for one beneficiary, by its reference, or by its day and amount
    when it has none: tranches add up, so a copied row would count one payment twice."""
    seen: set[tuple[object, ...]] = set()
    found = []
    for index, advance in enumerate(doc.model_as(Realisation).advances):
        key = ((advance.beneficiary, "reference", advance.reference) if advance.reference is not None else
               (advance.beneficiary, "day", advance.date, advance.amount))
        if key in seen:
            what = (_("reference {reference}").format(reference=advance.reference) if advance.reference is not None
                    else _("{amount} on {day}").format(amount=advance.amount, day=advance.date or "—"))
            found.append(doc.problem("CV523", _("{number}: an advance listed twice ({what}); tranches add up, so it "
                                                "counts twice").format(number=format_enterprise_number(
                                                    advance.beneficiary), what=what),
                                     ("advances", index),
                                     _("remove the copy, or give each tranche its own `reference`")))
        seen.add(key)
    return found


REALISATION_CHECKS = (check_realisation_target, check_as_of, check_results, check_beneficiaries,
                      check_consultant_keys, check_absences, check_own_guaranteed_wage, check_advances_twice,
                      check_cost_statement)
