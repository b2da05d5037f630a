"""The command line uses typer and click as their authors mean them: no attribute of a typer
or click module or object is assigned from this package. Held twice: by reading the source
(every assignment, `setattr` and `delattr` in a module that imports typer or click), and by
running the help and usage errors in both languages and comparing typer's and click's module
dictionaries, classes and the command objects before and after."""

from __future__ import annotations

import ast
import contextlib
import sys

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from convenant_cli.cli import app
from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "convenant_cli"
_LIBRARIES = ("typer", "click")


def _imported_from_libraries(tree: ast.Module) -> set[str]:
    """The names a module binds to typer or click (their modules, classes, functions), anywhere in it."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {(alias.asname or alias.name).split(".")[0] for alias in node.names
                      if alias.name.split(".")[0] in _LIBRARIES}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in _LIBRARIES:
            names |= {alias.asname or alias.name for alias in node.names}
    return names


def _classes(trees: dict[str, ast.Module]) -> tuple[set[str], set[str]]:
    """The package's classes (by name): those whose objects are typer's or click's (they derive
    from a typer or click class, or are mixed into one that does), and the others."""
    imported = {module: _imported_from_libraries(tree) for module, tree in trees.items()}
    classes = {node.name: (module, {ast.unparse(base).split(".")[0] for base in node.bases})
               for module, tree in trees.items() for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    typer_classes: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, (module, bases) in classes.items():
            if bases & (imported[module] | typer_classes):
                new = ({name} | bases) & set(classes) - typer_classes  # a mixin's objects are typer's too
                if new:
                    typer_classes |= new
                    changed = True
    return typer_classes, set(classes) - typer_classes


def _own_objects(trees: dict[str, ast.Module], own_classes: set[str]) -> dict[str, set[str]]:
    """Per module, the module-level names bound to an object of one of the package's own
    classes (`state = Settings()`), or imported as such from another module of the package."""
    made = {module: {target.id for node in tree.body if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Call) and ast.unparse(node.value.func) in own_classes
                     for target in node.targets if isinstance(target, ast.Name)}
            for module, tree in trees.items()}
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in trees:
                made[module] |= {alias.asname or alias.name for alias in node.names
                                 if alias.name in made[node.module]}
    return made


def _base(target: ast.expr) -> tuple[ast.expr, bool]:
    """The innermost expression of `a.b[c].d` (`a`), and whether an attribute is on the way."""
    through_attribute = False
    while isinstance(target, (ast.Attribute, ast.Subscript, ast.Starred)):
        through_attribute |= isinstance(target, ast.Attribute)
        target = target.value
    return target, through_attribute


def assignments_to_typer(trees: dict[str, ast.Module]) -> list[str]:
    """Every place where a module that imports typer or click assigns or deletes an attribute
    of an object that is not one of the package's own (`self` of a class that is not typer's,
    a module-level object of an own class), or calls setattr, delattr or `__setattr__`."""
    typer_classes, own_classes = _classes(trees)
    own = _own_objects(trees, own_classes)
    found: list[str] = []
    for path, tree in trees.items():
        if not _imported_from_libraries(tree):
            continue
        instance_names: dict[ast.AST, str] = {}  # each method's node, the name of its `self`
        for cls in (node for node in ast.walk(tree) if isinstance(node, ast.ClassDef)):
            for method in cls.body:
                if isinstance(method, (ast.FunctionDef, ast.AsyncFunctionDef)) and method.args.args:
                    for inner in ast.walk(method):
                        instance_names[inner] = method.args.args[0].arg if cls.name not in typer_classes else ""
        for node in ast.walk(tree):
            where = f"{path}:{getattr(node, 'lineno', '?')}"
            if isinstance(node, ast.Call):
                called = ast.unparse(node.func)
                if called in ("setattr", "delattr") or called.endswith(("__setattr__", "__delattr__")):
                    found.append(f"{where}: {ast.unparse(node)}")
                continue
            targets: list[ast.expr] = []
            if isinstance(node, (ast.Assign, ast.Delete)):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
                targets = [node.target]
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                targets = [node.optional_vars]
            for target in targets:
                for item in (target.elts if isinstance(target, (ast.Tuple, ast.List)) else [target]):
                    base, through_attribute = _base(item)
                    if not through_attribute and not (isinstance(base, ast.Call) and isinstance(item, ast.Subscript)):
                        continue  # a local name, or an item of a local container
                    name = base.id if isinstance(base, ast.Name) else None
                    if name is not None and (name in own[path] or name == instance_names.get(node)):
                        continue
                    found.append(f"{where}: {ast.unparse(item)}")
    return found


def _package_trees() -> dict[str, ast.Module]:
    """Every module of the package by its name (`convenant_cli.cli.help`)."""
    trees = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        trees[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = ast.parse(path.read_text(encoding="utf-8"))
    return trees


def test_no_attribute_of_typer_or_click_is_assigned_in_the_source():
    assert assignments_to_typer(_package_trees()) == []


# what cli/help.py did before it followed typer's public API, each in one line
_PATCHES = {
    "a module constant": "from typer import rich_utils\nsetattr(rich_utils, 'OPTIONS_PANEL_TITLE', 'Opties')\n",
    "a module, assigned": "import typer.rich_utils\ntyper.rich_utils.OPTIONS_PANEL_TITLE = 'Opties'\n",
    "a method of a parameter": (
        "from typer.core import TyperArgument\n"
        "def plain(params):\n    for param in params:\n        param.display_type_rich = None\n"),
    "a caught error's method": (
        "import typer\ndef make(command):\n    try:\n        command.make_context()\n"
        "    except Exception as error:\n        error.format_message = lambda: 'Onbekende optie'\n        raise\n"),
    "a command's attribute in a subclass": (
        "from typer.core import TyperGroup\nclass Group(TyperGroup):\n"
        "    def get_command(self, ctx, name):\n        command = super().get_command(ctx, name)\n"
        "        command.name = name\n        return command\n"),
    "self of a typer subclass, through a mixin": (
        "from typer.core import TyperCommand\nclass Speaking:\n    def speak(self):\n        self.help = 'Help'\n"
        "class Command(Speaking, TyperCommand):\n    pass\n"),
    "an item of a command's dictionary": (
        "import typer\ndef add(group: typer.Typer, command):\n    group.commands['x'] = command\n"),
}


@pytest.mark.parametrize("source", _PATCHES.values(), ids=_PATCHES.keys())
def test_the_source_test_finds_each_way_of_patching(source):
    assert len(assignments_to_typer({"patched": ast.parse(source)})) == 1


def test_the_source_test_allows_the_packages_own_objects():
    source = ("import typer\nfrom dataclasses import dataclass\n@dataclass\nclass Settings:\n    debug: bool = False\n"
              "    def reset(self):\n        self.debug = False\nstate = Settings()\n"
              "def main(debug):\n    state.debug = debug\n    counts = {}\n    counts['x'] = 1\n")
    assert assignments_to_typer({"own": ast.parse(source)}) == []


# -- at run time -------------------------------------------------------------------------------

_RUNS = [("--help",), ("validate", "--help"), ("settle", "-h"), ("diff", "-h"), ("test", "-h"), ("new", "-h"),
         ("new", "realisation", "-h"), ("import", "-h"), ("schema", "-h"), ("validate", "convenants", "--bogus"),
         ("diff", "a.yaml"), ("valdate",), ("settle", "x.yaml", "--format", "xlsx"), ("new",), ()]


def _libraries_and(objects: list[object]) -> dict[str, dict[str, object]]:
    """typer's and click's module dictionaries and their classes', and the objects' own, as they are now."""
    state: dict[str, dict[str, object]] = {}
    for name, module in list(sys.modules.items()):
        if module is not None and name.split(".")[0] in _LIBRARIES:
            state[name] = dict(vars(module))
            for attribute, value in vars(module).items():
                if isinstance(value, type) and value.__module__ == name:
                    state[f"{name}.{attribute}"] = dict(vars(value))
    for number, item in enumerate(objects):
        state[f"object {number}: {item!r}"] = dict(vars(item))
    return state


def _changed(before: dict[str, dict[str, object]], after: dict[str, dict[str, object]]) -> list[str]:
    return [f"{key}.{attribute}" for key, values in before.items() if key in after
            for attribute in values.keys() | after[key].keys()
            if values.get(attribute, KeyError) is not after[key].get(attribute, KeyError)]


def _objects(root) -> list[object]:
    """The commands of the command line and their parameters."""
    found: list[object] = []
    pending = [root]
    while pending:
        command = pending.pop()
        context = typer.Context(command, info_name="convenant")
        found += [command, *command.get_params(context)]
        pending += [command.get_command(context, name) for name in getattr(command, "list_commands", lambda c: [])(
            context)]
    return found


def test_help_and_usage_errors_in_both_languages_change_nothing_of_typer_or_click(dutch):
    root = get_command(app)  # one command line for every run: the commands it builds are kept
    runner = CliRunner()

    def run(*args: str) -> str:
        with runner.isolation() as (stdout, stderr, _):
            with contextlib.suppress(SystemExit, typer.TyperException):  # (the command line catches them itself)
                root.main(list(args), prog_name="convenant", standalone_mode=False)
            return stdout.getvalue().decode() + stderr.getvalue().decode()

    def run_all(*lang: str) -> str:
        return "".join(run(*lang, *args) for args in _RUNS)

    run_all(), run_all("--lang", "en")  # every command is built, every module imported
    before = _libraries_and(_objects(root))
    assert "Gebruik: convenant settle" in run_all() and "No such option: --bogus" in run_all()
    assert _changed(before, _libraries_and(_objects(root))) == []
    assert "Usage: convenant settle" in run_all("--lang", "en")
    assert _changed(before, _libraries_and(_objects(root))) == []
