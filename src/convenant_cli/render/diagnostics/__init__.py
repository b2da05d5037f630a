"""Diagnostics in every report format, chosen by name through one registry.

A renderer takes a `Report` (the diagnostics, a way to read a source line, the files
checked) and returns text; each is imported only when its format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import import_module

from convenant_cli.render.diagnostics.report import Report

Renderer = Callable[[Report], str]

# format name: (module, function)
RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "json": ("json", "render_json"),
    "github": ("github", "render_github"),
    "gitlab": ("gitlab", "render_gitlab"),
    "sarif": ("sarif", "render_sarif"),
    "junit": ("junit", "render_junit"),
    "azure": ("azure", "render_azure"),
}


def renderer(name: str) -> Renderer:
    module, function = RENDERERS[name]
    found: Renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return found
