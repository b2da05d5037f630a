"""Diagnostics as a GitLab Code Quality report (`artifacts: reports: codequality:`).

Each problem has a fingerprint that stays the same while the problem does: from its
code, file and message (and how many identical problems came before it in that file),
not its line, so that a merge request that moves a problem does not show it as new.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter

from convenant_cli.domain.severity import Severity
from convenant_cli.render.diagnostics.report import Report, end_of
from convenant_cli.render.safe_text import escape_json, visible

_SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor"}


def render_gitlab(report: Report) -> str:
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in report.diagnostics:
        path = visible(d.location.file)
        identity = (d.code, path, d.message)
        seen[identity] += 1
        fingerprint = hashlib.sha256("\0".join((*identity, str(seen[identity]))).encode()).hexdigest()
        end = end_of(d)
        issue: dict[str, object] = {
            "type": "issue",
            "check_name": d.code,
            "description": visible(f"[{d.code}] {d.message}"),
            "categories": ["Bug Risk"],
            "fingerprint": fingerprint,
            "severity": _SEVERITY[d.severity],
            "location": {"path": path, "lines": {"begin": d.location.line, "end": end[0] if end else d.location.line}},
        }
        if d.hint:
            issue["content"] = {"body": visible(f"hint: {d.hint}")}
        issues.append(issue)
    return escape_json(json.dumps(issues, indent=2, ensure_ascii=False)) + "\n"
