"""A SARIF report's rules carry each code's explanation (`fullDescription`), the explanation
with its example (`help`) and a link to its section of the page of codes (`helpUri`), and the
report stays valid SARIF 2.1.0."""

from __future__ import annotations

import json

import jsonschema

from convenant_cli.domain.explanations import EXPLANATIONS
from tests.conftest import DATA


def test_every_rule_carries_its_explanation_and_a_link_to_it(run_cli):
    result = run_cli("validate", "--format", "sarif", DATA / "invalid" / "group-amounts.yaml",
                     DATA / "invalid" / "realisation-absence-without-end.yaml")
    assert result.exit_code == 1
    log = json.loads(result.stdout)
    schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text())  # the OASIS schema
    validator = jsonschema.validators.validator_for(schema)
    validator(schema, format_checker=validator.FORMAT_CHECKER).validate(log)
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    assert list(rules) == ["CV201", "CV203", "CV518"]
    cv518 = rules["CV518"]
    assert cv518["fullDescription"] == {"text": EXPLANATIONS["CV518"].text}
    assert cv518["helpUri"] == "docs/reference/codes.md#cv518"
    assert cv518["help"]["text"] == (
        EXPLANATIONS["CV518"].text + "\n\nMistake:\n- {start: 2025-01-06, reason: accident}"
        "\n\nFix:\n- {start: 2025-01-06, end: 2025-03-31, reason: accident}")
    assert "```yaml\n- {start: 2025-01-06, reason: accident}\n```" in cv518["help"]["markdown"]
    # the page the link leads to has the code's section
    assert "\n## CV518\n" in (DATA.parent.parent / "docs" / "reference" / "codes.md").read_text(encoding="utf-8")
