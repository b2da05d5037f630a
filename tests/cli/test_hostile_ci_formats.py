"""No text from a file can start a CI command in any report format (issue of 2026-12-07,
point 3). GitHub runs a line that starts with `::error`; Azure Pipelines runs `##vso[...]`
wherever it stands in a line. One results key holding both, behind line breaks, is reported
in every format of `validate`: each line the report prints is the format's own."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET

import pytest

from convenant_cli.render.diagnostics import DiagnosticFormat
from tests.conftest import restamp

HOSTILE = "R9\n::error file=/etc/passwd,line=1::X\n##vso[task.setvariable variable=PWN]Y\r::warning::Z"
REAL = "examples/real.yaml"


@pytest.fixture
def hostile(project):
    real = project / "examples" / "real.yaml"
    text = real.read_text(encoding="utf-8")
    assert "results:\n" in text
    key = json.dumps(HOSTILE)  # a YAML double-quoted key: the breaks written as \n and \r
    real.write_text(text.replace("results:\n", f"results:\n  {key}: {{achieved: true, note: x}}\n", 1),
                    encoding="utf-8")
    restamp(project)
    return project


@pytest.mark.parametrize("output_format", [f.value for f in DiagnosticFormat])
def test_a_hostile_key_starts_no_ci_command_in_any_format(run_cli, hostile, output_format):
    result = run_cli("validate", "--format", output_format, REAL)
    assert result.exit_code == 1
    assert "CV502" in result.stdout  # the key is reported: a commitment the covenant does not have
    for line in (result.stdout + result.stderr).splitlines():
        stripped = line.lstrip()
        if stripped.startswith("::"):  # only the github format's own annotations
            assert output_format == "github" and re.match(r"::(error|warning) file=examples/real\.yaml,line=", line), \
                line
        if "##vso[" in line.lower():  # only the azure format's own command, once, at the start
            assert output_format == "azure" and line.startswith("##vso[task.logissue type=") and \
                line.lower().count("##vso[") == 1, line
        own = output_format == "azure" and line.startswith("##vso[task.logissue type=")
        assert own or not stripped.startswith(("##", "/etc/passwd")), line
    if output_format == "junit":
        failure = ET.fromstring(result.stdout).find(".//failure")
        assert failure is not None and failure.text is not None
        assert "R9␊::error file=/etc/passwd,line=1::X␊##vso⟨U+005B⟩task.setvariable" in failure.text
    if output_format in ("json", "gitlab", "sarif"):
        assert "R9\\n::error file=/etc/passwd" in result.stdout or "R9␊::error" in result.stdout
        json.loads(result.stdout)  # still JSON, the same data


def test_a_hostile_key_in_json_keeps_its_data(run_cli, hostile):
    [problem] = [d for d in json.loads(run_cli("validate", "--format", "json", REAL).stdout) if d["code"] == "CV502"]
    assert HOSTILE.replace("\r", "\\r") in problem["message"].replace("\r", "\\r")  # escaped, not changed
