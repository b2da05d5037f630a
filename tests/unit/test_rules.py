"""Art. 8: an addendum is settled under its covenant's rules unless it overrides them."""

from __future__ import annotations

from decimal import Decimal

from convenant_cli.models import Addendum, Convenant
from convenant_cli.models.rules import Origin, rules_in_force
from tests.builders import INOM, convenant
from tests.conftest import settlements

ADDENDUM = {
    "schema_version": 1, "kind": "addendum", "id": "add", "title": "Addendum", "sector": "Test", "parent": "c.yaml",
    "period": {"start": "2023-07-01", "end": "2025-06-30"}, "max_subsidy": "10000.00",
    "beneficiaries": [{"group": "a", "amount_each": "10000.00", "members": [
        {"name": "INOM vzw", "enterprise_number": INOM, "iban": "BE25 2100 0498 8882", "address": "Brussel"}]}],
    "result_commitments": [{"id": f"A{i}", "title": "t", "qualitative": "q"} for i in range(1, 5)],
}


def test_an_addendum_takes_every_setting_it_does_not_write_from_its_covenant():
    parent = convenant(rules={"result_minimum": "0.75", "guaranteed_wage_days": 14})
    addendum = Addendum.model_validate({**ADDENDUM, "rules": {"deduction_base": "payable"}})
    in_force = rules_in_force(addendum, parent)
    assert (in_force.rules.result_minimum, in_force.rules.guaranteed_wage_days, in_force.rules.deduction_base) == (
        Decimal("0.75"), 14, "payable")
    assert in_force.origins["result_minimum"] is Origin.CONVENANT
    assert in_force.origins["deduction_base"] is Origin.ADDENDUM
    assert in_force.origins["effort_share"] is Origin.DEFAULT
    assert rules_in_force(Convenant.model_validate(parent.model_dump())).origins["result_minimum"] is Origin.CONVENANT


COVENANT_YAML = """\
schema_version: 1
kind: convenant
id: c
title: Covenant
sector: Test
period: {start: 2023-07-01, end: 2025-06-30}
max_subsidy: 106000.00
fte: 1.00
rules: {result_minimum: 0.75}
beneficiaries:
  - group: a
    amount_each: 106000.00
    fte_each: 1.00
    members:
      - {name: INOM vzw, enterprise_number: 0409.845.289, iban: BE25 2100 0498 8882, address: Brussel}
result_commitments:
  - {id: R1, title: one, qualitative: x}
"""
ADDENDUM_YAML = """\
schema_version: 1
kind: addendum
id: a
title: Addendum
sector: Test
parent: c.yaml
period: {start: 2023-07-01, end: 2025-06-30}
max_subsidy: 10000.00
beneficiaries:
  - group: a
    amount_each: 10000.00
    members:
      - {name: INOM vzw, enterprise_number: 0409.845.289, iban: BE25 2100 0498 8882, address: Brussel}
result_commitments:
  - {id: A1, title: one, qualitative: x}
  - {id: A2, title: two, qualitative: x}
  - {id: A3, title: three, qualitative: x}
  - {id: A4, title: four, qualitative: x}
"""
REALISATION_YAML = """\
schema_version: 1
kind: realisation
convenant: a.yaml
results:
  A1: {achieved: true, note: p. 1}
  A2: {achieved: true, note: p. 2}
  A3: {achieved: false, note: p. 3}
  A4: {achieved: false, note: p. 4}
"""


def test_an_addendum_is_settled_under_its_covenants_result_minimum(run_cli, tmp_path, monkeypatch):
    # The covenant asks three quarters of the commitments (result_minimum 0.75); the addendum
    # says nothing about it. Two of its four commitments are met: 2/4 = 1/2 < 0,75, so no
    # result financing. Under the default 0,5 the half would have been paid.
    for name, text in (("c.yaml", COVENANT_YAML), ("a.yaml", ADDENDUM_YAML), ("r.yaml", REALISATION_YAML)):
        (tmp_path / name).write_text(text)
    monkeypatch.chdir(tmp_path)
    result = run_cli("settle", "c.yaml", "a.yaml", "-r", "r.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    addendum = settlements(result.stdout)[1]
    assert addendum["ratio"] == "0/1"
    # 10.000,00 x 0,70 = 7.000,00 effort; result 10.000 x 0,30 x 0 = 0,00 (with 0,5: 10.000 x 0,30 x 1/2 = 1.500,00)
    assert (addendum["totals"]["effort"], addendum["totals"]["result"], addendum["totals"]["payable"]) == (
        "7000.00", "0.00", "7000.00")
