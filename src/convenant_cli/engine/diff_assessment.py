"""What changed between two assessments of the auditor: who judged and when, the verdicts by
commitment id, the corrections by commitment, indicator and work year, the cost lines decided
by beneficiary and reference. Pure; the money effect of the change (each assessment settled
on the eindrapport it judges) is `money_effect`'s.
"""

from __future__ import annotations

from convenant_cli.engine.changes import Change, Record, Subject, fields, keyed, record, target_key
from convenant_cli.models.assessment import Assessment, Correction, CostDecision, Verdict

CorrectionKey = tuple[str, str, int | None]


def assessment_changes(old: Assessment, new: Assessment) -> list[Change]:
    changes = fields("scalar", Subject("assessment", {}, "assessment"), "", old, new,
                     ("realisation", "auditor", "date", "notes"))
    changes += keyed("result", dict(old.verdicts), dict(new.verdicts),
                     lambda key, _: Subject("verdict", {"id": key}, key), lambda key: f"verdicts[{key}]",
                     lambda subject, path, a, b: fields("result", subject, path, a, b, ("achieved", "note")),
                     _verdict_record)
    changes += keyed("result", _corrections(old), _corrections(new), _correction, _correction_path,
                     lambda subject, path, a, b: fields("result", subject, path, a, b, ("value", "note")),
                     lambda c: record(c, ("value", "note")))
    changes += keyed("payment", {(c.beneficiary, c.reference): c for c in old.costs},
                     {(c.beneficiary, c.reference): c for c in new.costs},
                     lambda key, _: Subject("cost_decision", {"beneficiary": key[0], "reference": key[1]}, key[1]),
                     lambda key: f"costs[beneficiary={key[0]},reference={key[1]}]",
                     lambda subject, path, a, b: fields("payment", subject, path, a, b, ("accepted", "note")),
                     _cost_record)
    return changes


def _verdict_record(verdict: Verdict) -> Record:
    return record(verdict, ("achieved", "note"))


def _cost_record(decision: CostDecision) -> Record:
    return record(decision, ("accepted", "note"))


def _corrections(assessment: Assessment) -> dict[CorrectionKey, Correction]:
    return {(c.commitment, c.indicator, c.year): c for c in assessment.corrections}


def _correction(key: CorrectionKey, _: Correction) -> Subject:
    commitment, indicator, year = key
    return Subject("correction", {"id": commitment, "indicator": indicator, "year": str(year) if year else ""},
                   indicator)


def _correction_path(key: CorrectionKey) -> str:
    commitment, indicator, year = key
    return f"corrections[id={commitment}].{target_key(indicator, year, 'actuals')}"
