"""The shape of the package, held by tests: imports (the lazy ones inside functions too)
form no circle and never run from a lower layer to a higher one; registries are plain
imports the type checker sees; no private attribute of typer or click is written; wide
records are keyword-only; the CLI's choice lists are its registries'."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil
from pathlib import Path

import convenant_cli
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "convenant_cli"
# the pipeline, lowest first: a module may import its own layer and the layers below it
LAYERS = ["domain", "reading", "models", "checks", "loading", "engine", "render", "app", "cli"]


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> dict[str, set[str]]:
    """Every module of the package and the package modules it imports, anywhere in its body."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("convenant_cli"):
                for alias in node.names:  # `from pkg import module` imports the module
                    candidate = f"{node.module}.{alias.name}"
                    found.add(candidate if candidate in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {alias.name for alias in node.names if alias.name.startswith("convenant_cli")}
        graph[name] = {target for target in found if target in modules and target != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def _layer(module: str) -> int | None:
    parts = module.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_the_imports_form_no_circle():
    assert _cycles(_imports()) == []


def test_the_cycle_finder_finds_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_runs_up_the_pipeline():
    upward = [(module, target) for module, targets in _imports().items() for target in targets
              if (_layer(module) is not None and _layer(target) is not None and _layer(target) > _layer(module))]
    assert upward == []


def test_the_package_root_holds_few_modules():
    assert sorted(p.name for p in PACKAGE.glob("*.py")) == ["__init__.py", "__main__.py"]
    assert len(list(PACKAGE.glob("*.py"))) <= 14


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE)): n for p in PACKAGE.rglob("*.py")
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert long == {}


def test_no_registry_is_a_string_resolved_at_run_time():
    for path in PACKAGE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import_module" not in text and "__import__" not in text, path


def test_no_private_attribute_of_typer_or_click_is_written():
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name.startswith("_") and not node.name.startswith("__"):
                parent_classes = [c for c in ast.walk(tree) if isinstance(c, ast.ClassDef) and node in c.body]
                for cls in parent_classes:
                    bases = {ast.unparse(base) for base in cls.bases}
                    assert not bases & {"TyperArgument", "TyperOption", "TyperCommand", "TyperGroup"}, (
                        f"{path}: {cls.name}.{node.name} overrides a private method of typer")
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Attribute) and target.attr in ("__class__",):
                        raise AssertionError(f"{path}:{node.lineno}: assigns {target.attr}")


def test_records_of_more_than_eight_fields_are_keyword_only():
    wide = []
    for module in pkgutil.walk_packages(convenant_cli.__path__, "convenant_cli."):
        if module.name.endswith("__main__"):
            continue
        for value in vars(importlib.import_module(module.name)).values():
            if dataclasses.is_dataclass(value) and isinstance(value, type) and value.__module__ == module.name:
                fields = dataclasses.fields(value)
                if len(fields) > 8 and not all(field.kw_only for field in fields):
                    wide.append(f"{module.name}.{value.__name__} ({len(fields)} fields)")
    assert wide == []


def test_the_validate_formats_are_the_registry():
    from convenant_cli.render.diagnostics import RENDERERS, DiagnosticFormat

    assert list(RENDERERS) == list(DiagnosticFormat)


def test_figure_keys_have_one_source():
    from convenant_cli.engine.settlement import FIGURE_KEYS, MONEY_KEYS
    from convenant_cli.models.case import CombinedFigures, Figures
    from convenant_cli.render import vocabulary

    assert set(Figures.model_fields) == set(FIGURE_KEYS)
    assert set(CombinedFigures.model_fields) == set(MONEY_KEYS)
    assert set(FIGURE_KEYS) <= set(vocabulary.FIGURES) and set(FIGURE_KEYS) <= set(vocabulary.SUMMARY)


def test_the_engine_and_the_renderers_round_only_through_money():
    for folder in ("engine", "render"):
        for path in (PACKAGE / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert ".quantize(" not in text and "ROUND_" not in text and "round(" not in text.replace(
                "round_half_up(", ""), path
            assert ":.2f}" not in text and ":.4f}" not in text, path
