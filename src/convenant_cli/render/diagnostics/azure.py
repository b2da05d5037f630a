"""Diagnostics as Azure Pipelines logging commands: `##vso[task.logissue ...]message`.

Escaped as the Azure Pipelines task library escapes them, so that no text from a file
can end the command or start another: in the message `%`, CR and LF; in a property also
`;` and `]`.
"""

from __future__ import annotations

from convenant_cli.render.diagnostics.report import Report, full_message
from convenant_cli.render.safe_text import visible


def _data(text: str) -> str:
    return text.replace("%", "%AZP25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace("]", "%5D").replace(";", "%3B")


def render_azure(report: Report) -> str:
    out = []
    for d in report.diagnostics:
        loc = d.location
        out.append(f"##vso[task.logissue type={d.severity.value};sourcepath={_property(visible(loc.file))};"
                   f"linenumber={loc.line};columnnumber={loc.col};code={d.code};]"
                   f"{_data(f'[{d.code}] ' + full_message(d))}")
    return "\n".join(out) + ("\n" if out else "")
