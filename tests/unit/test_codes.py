"""The registry of diagnostic codes is the one source: the package raises only registered
codes, raises every one of them, and the documentation's page is generated from it (and from
the explanations, which tests/unit/test_explanations.py holds to it)."""

from __future__ import annotations

import re

from convenant_cli.domain.codes import CODES, in_use, markdown_reference
from tests.conftest import ROOT

SOURCE = ROOT / "src" / "convenant_cli"
EXPLAINED = SOURCE / "domain" / "explanations"  # names every code, raises none


def _raised() -> set[str]:
    return {code for path in SOURCE.rglob("*.py") if path.name != "codes.py" and EXPLAINED not in path.parents
            for code in re.findall(r'"(CV\d{3})"', path.read_text(encoding="utf-8"))}


def test_the_package_raises_only_registered_codes_and_every_one_of_them():
    raised = _raised()
    assert raised - set(CODES) == set(), "codes used but not registered in codes.py"
    assert set(in_use()) - raised == set(), "registered codes that nothing raises"


def test_a_retired_code_is_never_raised_and_keeps_its_row():
    retired = {key for key, code in CODES.items() if code.retired is not None}
    assert {"CV511", "CV512"} <= retired  # the realisation's `achieved:` is no longer the auditor's verdict
    assert retired & _raised() == set(), "a retired code is raised again; give the new meaning a new code"
    page = markdown_reference()
    for key in retired:
        assert f"| [{key}](#{key.lower()}) | retired | ~~" in page


def test_the_documented_page_is_the_registry():
    page = (ROOT / "docs" / "reference" / "codes.md").read_text(encoding="utf-8")
    assert page.endswith("\n\n" + markdown_reference()), "regenerate with `python -m convenant_cli.domain.codes`"


def test_codes_are_in_order_and_unique():
    assert list(CODES) == sorted(CODES)
