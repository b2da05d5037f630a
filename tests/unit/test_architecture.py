"""The shape of the package, held by tests: the import contracts of `[tool.importlinter]`
in pyproject.toml (the layers of the pipeline, the pure engine and checks, no circle) hold,
the lazy imports inside functions included; no entry of `sys.modules` is swapped;
registries are plain imports the type checker sees; no private attribute of typer or click
is written; wide records are keyword-only; the CLI's choice lists are its registries'."""

from __future__ import annotations

import ast
import dataclasses
import importlib
import pkgutil

from importlinter.api import read_configuration
from importlinter.cli import lint_imports

import convenant_cli
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "convenant_cli"
CONFIG = str(ROOT / "pyproject.toml")


def test_the_import_contracts_hold(capsys):
    kept = lint_imports(config_filename=CONFIG, no_cache=True, no_logo=True)
    assert kept == 0, capsys.readouterr().out


def test_the_contracts_are_the_pipeline():
    contracts = {c["id"]: c for c in read_configuration(CONFIG)["contracts_options"]}
    # the pipeline, highest first: a module may import its own layer and the layers below it
    assert contracts["layers"]["layers"] == ["cli", "app", "render", "engine", "loading", "checks", "models",
                                             "reading", "domain"]
    assert contracts["layers"]["exhaustive"] == "True" and "ignore_imports" not in contracts["layers"]
    assert sorted(contracts["pure"]["source_modules"]) == ["convenant_cli.checks", "convenant_cli.engine"]
    assert sorted(contracts["pure"]["forbidden_modules"]) == ["convenant_cli.loading", "convenant_cli.render"]
    assert contracts["acyclic"]["ancestors"] == ["convenant_cli"]
    assert all("ignore_imports" not in contract for contract in contracts.values())


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


def _touches_sys_modules(node: ast.AST) -> bool:
    """`sys.modules[...] = ...`, `del sys.modules[...]`, or a call that changes the mapping."""
    def is_sys_modules(expr: ast.AST) -> bool:
        return ast.unparse(expr) == "sys.modules"

    if isinstance(node, ast.Assign | ast.AugAssign | ast.Delete):
        targets = node.targets if isinstance(node, ast.Assign | ast.Delete) else [node.target]
        return any(isinstance(target, ast.Subscript) and is_sys_modules(target.value) for target in targets)
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and is_sys_modules(node.func.value)
            and node.func.attr in {"update", "setdefault", "pop", "popitem", "clear", "__setitem__", "__delitem__"})


def test_no_module_is_swapped_in_sys_modules():
    swapped = [f"{path.relative_to(PACKAGE)}:{node.lineno}" for path in PACKAGE.rglob("*.py")
               for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))) if _touches_sys_modules(node)]
    assert swapped == []


def test_the_sys_modules_finder_finds_a_swap():
    found = [_touches_sys_modules(node) for node in ast.walk(ast.parse(
        "sys.modules['ssl'] = stand_in\ndel sys.modules['ssl']\nsys.modules.update(x)\nsys.modules.get('ssl')"))
        if isinstance(node, ast.Assign | ast.Delete | ast.Call)]
    assert found == [True, True, True, False]


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
    from convenant_cli.engine.families import FAMILY_KEYS
    from convenant_cli.engine.settlement import FIGURE_KEYS, IF_MET
    from convenant_cli.models.case import CombinedFigures, Figures
    from convenant_cli.render import vocabulary

    assert set(Figures.model_fields) == {*FIGURE_KEYS, IF_MET}
    assert set(CombinedFigures.model_fields) == set(FAMILY_KEYS)
    assert set(FIGURE_KEYS) <= set(vocabulary.FIGURES) and set(FIGURE_KEYS) <= set(vocabulary.SUMMARY)


def test_the_engine_and_the_renderers_round_only_through_money():
    for folder in ("engine", "render"):
        for path in (PACKAGE / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            assert ".quantize(" not in text and "ROUND_" not in text and "round(" not in text.replace(
                "round_half_up(", ""), path
            assert ":.2f}" not in text and ":.4f}" not in text, path
