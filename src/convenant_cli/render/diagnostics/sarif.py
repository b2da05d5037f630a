"""Diagnostics as SARIF 2.1.0 (GitHub code scanning, Azure DevOps, editors' SARIF viewers).

One run of the tool `convenant`; a rule for each code that occurs, with its summary and
severity from the registry, its explanation (`fullDescription`), its explanation with the
example of the mistake and its fix (`help`, as GitHub shows it), and its section of the
documentation (`helpUri`, relative to the project's folder: no address of a published site
is known); each result at its file (a URI relative to the folder the
command ran in, under `%SRCROOT%`) and region. A region that spans a value ends at the
column after its last character, as SARIF counts.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from convenant_cli import __version__
from convenant_cli.domain.codes import CODES, documentation_of
from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.domain.language import _
from convenant_cli.render.diagnostics.report import Report, end_of, full_message
from convenant_cli.render.safe_text import escape_json, visible

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def _uri(file: str) -> str:
    return quote(visible(file).replace(os.sep, "/"))


def _result(d: Diagnostic, index: int) -> dict[str, object]:
    region: dict[str, int] = {"startLine": d.location.line, "startColumn": d.location.col}
    end = end_of(d)
    if end:
        region.update(endLine=end[0], endColumn=end[1])
    return {
        "ruleId": d.code,
        "ruleIndex": index,
        "level": d.severity.value,
        "message": {"text": f"[{d.code}] {full_message(d)}"},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": _uri(d.location.file), "uriBaseId": "%SRCROOT%"},
            "region": region,
        }}],
    }


def _rule(code: str) -> dict[str, object]:
    from convenant_cli.domain.explanations import EXPLANATIONS

    explanation = EXPLANATIONS[code]
    text = _(explanation.text)
    example = [(_("Mistake:"), explanation.mistake), (_("Fix:"), explanation.fix)]
    return {
        "id": code,
        "shortDescription": {"text": _(CODES[code].summary)},
        "fullDescription": {"text": text},
        "help": {
            "text": "\n\n".join([text, *(f"{title}\n{lines.rstrip()}" for title, lines in example)]),
            "markdown": "\n\n".join([text, *(f"{title}\n\n```{explanation.language}\n{lines.rstrip()}\n```"
                                              for title, lines in example)]),
        },
        "helpUri": documentation_of(code),
        "defaultConfiguration": {"level": CODES[code].severity.value},
    }


def render_sarif(report: Report) -> str:
    codes = sorted({d.code for d in report.diagnostics})
    index = {code: number for number, code in enumerate(codes)}
    rules = [_rule(code) for code in codes]
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "convenant", "version": __version__, "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": [_result(d, index[d.code]) for d in report.diagnostics],
        }],
    }
    return escape_json(json.dumps(log, indent=2, ensure_ascii=False)) + "\n"
