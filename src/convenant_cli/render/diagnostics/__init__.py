"""Diagnostics in every report format, chosen by name through one registry.

A renderer takes a `Report` (the diagnostics, a way to read a source line, the files
checked) and returns its text, or (text) the text a problem at a time. `RENDERERS` is the
one list of formats: `validate --format` takes its choices from it. Adding a format is a
module beside these and its line here. The modules are small and load only when a run
has a report to write.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum

from convenant_cli.render.diagnostics import azure, github, gitlab, json, junit, sarif, text
from convenant_cli.render.diagnostics.report import Report

Renderer = Callable[[Report], str | Iterator[str]]


class DiagnosticFormat(StrEnum):
    """The names `validate --format` takes; a test holds them to `RENDERERS`."""

    TEXT = "text"
    JSON = "json"
    GITHUB = "github"
    GITLAB = "gitlab"
    SARIF = "sarif"
    JUNIT = "junit"
    AZURE = "azure"


RENDERERS: dict[DiagnosticFormat, Renderer] = {
    DiagnosticFormat.TEXT: text.iter_text,
    DiagnosticFormat.JSON: json.render_json,
    DiagnosticFormat.GITHUB: github.render_github,
    DiagnosticFormat.GITLAB: gitlab.render_gitlab,
    DiagnosticFormat.SARIF: sarif.render_sarif,
    DiagnosticFormat.JUNIT: junit.render_junit,
    DiagnosticFormat.AZURE: azure.render_azure,
}


def render_chunks(name: str, report: Report) -> Iterable[str]:
    """The report in format `name`, as pieces of text to write one after another."""
    rendered = RENDERERS[DiagnosticFormat(name)](report)
    return (rendered,) if isinstance(rendered, str) else rendered
