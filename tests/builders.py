"""Small models built in code for the engine's tests: one beneficiary of 106.000,00 euro
for 1,00 FTE over 2023-07-01 - 2025-06-30 (731 days), unless a test says otherwise."""

from __future__ import annotations

import shutil
from pathlib import Path

from convenant_cli.engine.settlement import settle
from convenant_cli.models import Convenant, Realisation
from convenant_cli.models.assessment import Assessment
from convenant_cli.models.rules import rules_in_force
from tests.conftest import CONVENANTS, EXAMPLES

INOM = "0409.845.289"
ANTWERPEN = "0433.981.067"


def convenant(*, rules=None, commitments=None, groups=None, fte="1.00", max_subsidy="106000.00") -> Convenant:
    return Convenant.model_validate({
        "schema_version": 1, "kind": "convenant", "id": "test", "title": "Test", "sector": "Test",
        "period": {"start": "2023-07-01", "end": "2025-06-30"},
        "max_subsidy": max_subsidy, "fte": fte, "rules": rules or {},
        "beneficiaries": groups or [{"group": "a", "amount_each": "106000.00", "fte_each": "1.00", "members": [
            {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "Brussel"}]}],
        "result_commitments": commitments or [
            {"id": "R1", "title": "one", "qualitative": "x"},
            {"id": "R2", "title": "two", "qualitative": "x"},
            {"id": "R3", "title": "three", "qualitative": "x"}],
    })


def realisation(*, achieved=(True, True, True), absences=(), consultants=None, results=None, advances=None,
                costs=None, cost_lines=None, as_of=None) -> Realisation:
    staff = consultants if consultants is not None else [{"name": "A", "fte": "1.00", "absences": list(absences)}]
    return Realisation.model_validate({
        "schema_version": 1, "kind": "realisation", "convenant": "x.yaml",
        "results": results or {f"R{i}": {"achieved": a, "note": "p. 1"} for i, a in enumerate(achieved, 1)},
        "staffing": [{"beneficiary": INOM, "consultants": staff}],
        "advances": [{"beneficiary": INOM, "amount": advances}] if advances else [],
        "eligible_costs": [{"beneficiary": INOM, "amount": costs}] if costs else [],
        "costs": [{"beneficiary": INOM, "lines": cost_lines}] if cost_lines is not None else [],
        **({"as_of": as_of} if as_of is not None else {}),
    })


def agreeing(real: Realisation) -> Assessment:
    """The auditor's assessment that gives, as its verdict, the sector's own `achieved:` on each
    commitment (the engine's tests judge through the assessment, as a settlement does)."""
    return Assessment.model_validate({
        "schema_version": 1, "kind": "assessment", "realisation": "x.yaml", "auditor": "An Peeters",
        "date": "2025-11-14", "verdicts": {key: {"achieved": result.achieved, "note": result.note or "p. 1"}
                                           for key, result in real.results.items() if result.achieved is not None}})


def run(conv=None, real=None):
    """Settle `real` (default: three commitments met) with an assessment that agrees with it."""
    conv = conv or convenant()
    real = real if real is not None else realisation()
    result = settle(conv, rules_in_force(conv), real, assessment=agreeing(real))
    return result, result.lines[0]


def absence(start, end, reason, **extra):
    return {"start": start, "end": end, "reason": reason, **extra}


# -- a sector's repository, for validate in CI and as a pre-commit hook -------------------------

FOREIGN = {
    ".github/workflows/ci.yml": "name: ci\non: [push, pull_request]\njobs:\n  test: {runs-on: ubuntu-latest}\n",
    ".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks: []\n",
    "mkdocs.yml": "site_name: Convenants\ntheme: material\n",  # one key a covenant also uses
    ".yamllint.yaml": "extends: default\nrules: {line-length: disable}\n",
    "k8s.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: x}\n",  # a kind that is not ours
    "labels.yml": "- name: bug\n- name: docs\n",
    "sentence.yaml": "just a sentence\n",
}


def sector_repository(tmp_path: Path) -> Path:
    """A sector repository: the Metaal covenant, its eindrapport, its extension and the
    extension's eindrapport, beside the YAML files of other tools."""
    (tmp_path / ".git").mkdir()
    for name in ("metaal-2023-2025.yaml",):
        shutil.copy(CONVENANTS / name, tmp_path / name)
    (tmp_path / "examples").mkdir()
    for name in ("metaal-2023-2025-realisatie.yaml", "metaal-verlenging-2025-2026.yaml",
                 "metaal-verlenging-2025-2026-realisatie.yaml"):
        shutil.copy(EXAMPLES / name, tmp_path / "examples" / name)
    for name, text in FOREIGN.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    return tmp_path
