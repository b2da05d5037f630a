"""The commands' reference page, generated from the command line itself (never
hand-written): `python -m convenant_cli.cli.reference > docs/reference/commands.md`. A test
fails when the page drifts from the commands. Not imported when a command runs."""

from __future__ import annotations

from typing import Any

import typer
from typer.main import get_command

from convenant_cli.cli import app
from convenant_cli.domain.language import language, set_language

INTRO = """# Commands

Generated from the command line (`python -m convenant_cli.cli.reference`); `convenant -h` and
`convenant COMMAND -h` print the same, in Dutch unless `--lang en`. Exit status, for every
command: 0 success, 1 the problems, failures or differences the command looks for, 2 a usage
or I/O error, 3 an internal error (a bug: please report it with the command and its files;
`convenant --debug COMMAND ...` shows its traceback).

## Language

Every message a person reads — diagnostics and their hints, notes, summaries, the `test`
report, the help, the hint under a usage error — is Dutch by default; a usage error that click
finds in the command line is click's own message, in English. `--lang en` before the command or
after it (`convenant --lang en COMMAND ...`, `convenant COMMAND ... --lang en`) is read before
the command's other options, except a `-h` in front of it, which shows the help at once (write
`--lang en -h`). The environment variable `CONVENANT_LANG=en` makes the whole run
English; `--lang` wins over the variable, and another value is a usage error. Codes, YAML
keys, JSON keys and JSON values stay English; a diagnostic's `message` and `hint` in JSON
follow the language. Tables, explanations and workbooks keep the covenant's Dutch terms in
either language. The messages come from a gettext catalogue (see
[development](development.md#messages-and-their-translation)).
"""


def _cell(text: str | None) -> str:
    """Help text as one table cell: one line, and `*` or `|` not read as Markdown."""
    return " ".join((text or "").split()).replace("*", "\\*").replace("|", "\\|")


def _option(param: Any) -> str:
    names = ", ".join(f"`{name}`" for name in [*param.opts, *param.secondary_opts])
    metavar = f" `{param.metavar}`" if param.metavar else ""
    return f"| {names}{metavar} | {_cell(param.help)} |"


def _section(path: str, command: Any) -> list[str]:
    context = typer.Context(command, info_name=path)
    usage = " ".join([f"convenant {path}", *command.collect_usage_pieces(context)])
    lines = [f"## convenant {path}", "", _cell(command.help), "", f"    {usage}", ""]
    params = command.get_params(context)
    arguments = [p for p in params if p.param_type_name == "argument" and not p.hidden]
    options = [p for p in params if p.param_type_name == "option" and p.name != "help" and not p.hidden]
    if arguments:
        lines += ["| argument | |", "|---|---|"]
        lines += [f"| `{p.metavar or p.name.upper()}` | {_cell(p.help)} |" for p in arguments]
        lines.append("")
    if options:
        lines += ["| option | |", "|---|---|", *(_option(p) for p in options), ""]
    for name, sub in getattr(command, "commands", {}).items():
        lines += _section(f"{path} {name}", sub)
    return lines


def markdown_reference() -> str:
    """The page in English, the language of the documentation (`convenant -h` speaks Dutch
    unless asked otherwise)."""
    previous = language()
    set_language("en")
    try:
        root: Any = get_command(app)  # the root group
        context = typer.Context(root, info_name="convenant")
        lines = [INTRO]
        for name in root.list_commands(context):
            lines += _section(name, root.get_command(context, name))
    finally:
        set_language(previous)
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    print(markdown_reference(), end="")
