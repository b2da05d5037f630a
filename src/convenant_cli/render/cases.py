"""The report of `convenant test`: a line per case, and for a failing case each differing
figure (expected, computed, difference) or the problems that kept it from running; as
text for people (Dutch, Belgian numbers) or JSON for machines.
"""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.domain.money import format_number
from convenant_cli.engine.cases import CaseResult
from convenant_cli.render.diagnostics.json import as_dict as diagnostic
from convenant_cli.render.json_text import dumps
from convenant_cli.render.safe_text import visible


def _number(text: str | None) -> str:
    if text is None:
        return "geen (die figuur bestaat niet)"
    if "/" in text:
        return text
    return format_number(Decimal(text))


def render_text(results: list[CaseResult]) -> str:
    out = []
    for result in results:
        verdict = "OK  " if result.passed else "FOUT"
        out.append(f"{verdict} {visible(result.file)} — {visible(result.title)}")
        for mismatch in result.mismatches:
            difference = mismatch.difference
            shown = f", verschil {'+' if difference > 0 else ''}{format_number(difference)}" if difference is not None \
                else ""
            out.append(f"       {mismatch.path}: verwacht {_number(mismatch.expected)}, berekend "
                       f"{_number(mismatch.computed)}{shown}")
        for problem in result.problems:
            out.append(f"       {visible(problem.location.file)}:{problem.location.line}: {problem.code}: "
                       f"{visible(problem.message)}")
        if result.error:
            out.append(f"       {visible(result.error)}")
    failed = sum(not r.passed for r in results)
    out.append(f"{len(results)} geval{'len' * (len(results) != 1)}: {len(results) - failed} geslaagd, "
               f"{failed} mislukt")
    return "\n".join(out) + "\n"


def render_json(results: list[CaseResult]) -> str:
    return dumps({
        "cases": [{"file": r.file, "title": r.title, "reference": r.reference, "passed": r.passed,
                   "mismatches": [{"path": m.path, "expected": m.expected, "computed": m.computed,
                                   "difference": None if m.difference is None else str(m.difference)}
                                  for m in r.mismatches],
                   "problems": [diagnostic(p) for p in r.problems], "error": r.error} for r in results],
        "passed": sum(r.passed for r in results),
        "failed": sum(not r.passed for r in results),
    }, levels=3)
