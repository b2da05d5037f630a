"""Diagnostics in every report format, chosen by name through one registry.

A renderer takes the diagnostics and a way to read a source line, and returns text;
each is imported only when its format is asked for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from importlib import import_module

from convenant_cli.diagnostics import Diagnostic
from convenant_cli.render.diagnostics.sources import SourceLine

Renderer = Callable[[Iterable[Diagnostic], SourceLine], str]

# format name: (module, function)
RENDERERS: dict[str, tuple[str, str]] = {
    "text": ("text", "render_text"),
    "json": ("json", "render_json"),
    "github": ("github", "render_github"),
}


def renderer(name: str) -> Renderer:
    module, function = RENDERERS[name]
    found: Renderer = getattr(import_module(f"{__name__}.{module}"), function)
    return found
