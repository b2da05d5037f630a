"""`convenant explain CODE`: a code's summary, explanation, example and section, in Dutch by
default and in English with `--lang en`; an unknown code is a usage error with the nearest."""

from __future__ import annotations

import pytest

from convenant_cli.cli.explain import explanation_text
from convenant_cli.domain.codes import CODES
from convenant_cli.domain.language import set_language

CV518_DUTCH = """\
CV518 (fout): eindrapport: een afwezigheid zonder `end` in een eindrapport (alleen een
voortgangsrapport, met `as_of`, mag een lopende afwezigheid vermelden)

Een afwezigheid heeft geen `end` in een eindrapport. Alleen een voortgangsrapport (een
eindrapport met `as_of:`) mag een afwezigheid vermelden die nog loopt; het eindrapport
wordt gemaakt als de termijn voorbij is, en dan heeft elke afwezigheid haar laatste dag.

Zo niet:
    - {start: 2025-01-06, reason: accident}

Zo wel:
    - {start: 2025-01-06, end: 2025-03-31, reason: accident}

Regelboek: docs/rulebook.md#r8-interim-views-at-a-monitoring-moment-art-6
"""

CV518_ENGLISH = """\
CV518 (error): realisation: an absence without an `end` in an eindrapport (only a
progress report, with `as_of`, may list an ongoing absence)

An absence has no `end` in an eindrapport. Only a progress report (a realisation with
`as_of:`) may list an absence that is still going on; the eindrapport is made when the
term is over, and then every absence has its last day.

Mistake:
    - {start: 2025-01-06, reason: accident}

Fix:
    - {start: 2025-01-06, end: 2025-03-31, reason: accident}

Rulebook: docs/rulebook.md#r8-interim-views-at-a-monitoring-moment-art-6
"""


def test_explain_speaks_dutch_by_default(run_cli, dutch):
    result = run_cli("explain", "CV518")
    assert (result.exit_code, result.stdout, result.stderr) == (0, CV518_DUTCH, "")


@pytest.mark.parametrize("args", [("explain", "CV518", "--lang", "en"), ("--lang", "en", "explain", "cv518")])
def test_explain_speaks_english_with_lang_en(run_cli, dutch, args):
    result = run_cli(*args)
    assert (result.exit_code, result.stdout, result.stderr) == (0, CV518_ENGLISH, "")


def test_a_section_outside_the_rulebook_is_named_documentation(run_cli):
    assert run_cli("explain", "CV001").stdout.endswith("\nDocumentation: docs/reference/untrusted-input.md\n")


def test_every_code_is_explained_in_both_languages():
    for code in CODES:
        set_language("nl")
        dutch_text = explanation_text(code)
        set_language("en")
        english = explanation_text(code)
        assert dutch_text.startswith(f"{code} (") and english.startswith(f"{code} ("), code
        assert "\nZo niet:\n" in dutch_text and "\nMistake:\n" in english and dutch_text != english, code


def test_an_unknown_code_is_a_usage_error_with_the_nearest(run_cli):
    typo = run_cli("explain", "CV5188")
    assert (typo.exit_code, typo.stdout) == (2, "")
    assert typo.stderr == "convenant: error: unknown code 'CV5188'\n  hint: did you mean `CV518`?\n"
    nothing_near = run_cli("explain", "ruff")
    assert nothing_near.exit_code == 2
    assert nothing_near.stderr.endswith("  hint: docs/reference/codes.md lists every code\n")
