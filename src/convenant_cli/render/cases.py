"""The report of `convenant test`: a line per case, and for a failing case each differing
figure (expected, computed, difference) or the problems that kept it from running; as
text for people (in the run's language and its notation: Belgian numbers in Dutch) or JSON
for machines.
"""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.domain.language import _, ngettext
from convenant_cli.engine.cases import CaseResult, is_figure
from convenant_cli.render.diagnostics.json import as_dict as diagnostic
from convenant_cli.render.json_text import dumps
from convenant_cli.render.safe_text import visible
from convenant_cli.render.vocabulary import number


def _number(text: str | None) -> str:
    if text is None:
        return _("none (that figure does not exist)")
    if not is_figure(text):  # a ratio, a status, who decided
        return text
    return number(Decimal(text))


def render_text(results: list[CaseResult], *, color: bool = False) -> str:
    out = []
    passed, failed = _("OK"), _("FAIL")  # the verdict of a case
    width = max(len(passed), len(failed))
    passed, failed = f"{passed:<{width}}", f"{failed:<{width}}"
    if color:  # green and bold red, as a terminal shows a warning's and an error's label
        passed, failed = f"\x1b[32m{passed}\x1b[0m", f"\x1b[1;31m{failed}\x1b[0m"
    for result in results:
        verdict = passed if result.passed else failed
        out.append(f"{verdict} {visible(result.file)} — {visible(result.title)}")
        for mismatch in result.mismatches:
            difference = mismatch.difference
            line = _("{path}: expected {expected}, computed {computed}").format(
                path=mismatch.path, expected=_number(mismatch.expected), computed=_number(mismatch.computed))
            if difference is not None:
                line += _(", difference {difference}").format(
                    difference=("+" if difference > 0 else "") + number(difference))
            out.append(f"       {line}")
        for problem in result.problems:
            out.append(f"       {visible(problem.location.file)}:{problem.location.line}: {problem.code}: "
                       f"{visible(problem.message)}")
        if result.error:
            out.append(f"       {visible(result.error)}")
    failures = sum(not r.passed for r in results)
    out.append(ngettext("{count} case: {passed} passed, {failed} failed",
                        "{count} cases: {passed} passed, {failed} failed",
                        len(results)).format(count=len(results), passed=len(results) - failures, failed=failures))
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
