"""Diagnostics as a JUnit XML report (GitLab's test report, Azure's PublishTestResults,
Jenkins), as ruff writes one: a suite per file; in it a test case for each problem that
fails the run, or one passing case `valid` for a file without such problems.

A warning fails only under `--strict`, as the exit status does; otherwise it is kept in
the file's `system-out`, so that the report's verdict and the command's agree.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import defaultdict

from convenant_cli.domain.diagnostics import Diagnostic
from convenant_cli.render.diagnostics.report import Report, full_message
from convenant_cli.render.diagnostics.text import label
from convenant_cli.render.safe_text import visible

# Characters XML 1.0 cannot hold at all (`visible` has replaced the controls already)
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(d: Diagnostic) -> str:
    loc = d.location
    return _xml(f"{visible(loc.file)}:{loc.line}:{loc.col}: {label(d.severity)}[{d.code}]: {full_message(d)}")


def render_junit(report: Report) -> str:
    by_file: dict[str, list[Diagnostic]] = defaultdict(list)
    for d in report.diagnostics:
        by_file[d.location.file].append(d)
    files = list(dict.fromkeys([*report.files, *by_file]))
    root = ET.Element("testsuites", name="convenant validate")
    total = failed = 0
    for file in files:
        name = _xml(visible(file))
        failing = [d for d in by_file[file] if report.fails(d)]
        others = [d for d in by_file[file] if not report.fails(d)]
        suite = ET.SubElement(root, "testsuite", name=name, tests=str(max(len(failing), 1)),
                              failures=str(len(failing)), errors="0", skipped="0")
        for d in failing:
            case = ET.SubElement(suite, "testcase", classname=name, name=f"{d.code} {d.location.line}:{d.location.col}",
                                 file=name, line=str(d.location.line))
            failure = ET.SubElement(case, "failure", type=d.code, message=_xml(f"[{d.code}] {visible(d.message)}"))
            failure.text = _line(d)
        if not failing:
            ET.SubElement(suite, "testcase", classname=name, name="valid", file=name)
        if others:
            ET.SubElement(suite, "system-out").text = "\n".join(_line(d) for d in others)
        total += max(len(failing), 1)
        failed += len(failing)
    root.set("tests", str(total))
    root.set("failures", str(failed))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
