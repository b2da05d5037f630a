"""`--lang nl|en` and CONVENANT_LANG: the language of every message of a run.

A run starts in CONVENANT_LANG's language, else Dutch (`start_language`, before click reads
the command line). `--lang` is declared once, here (`LangOption`), and every command carries it
(`lang_option`, added by the command classes of cli/help.py), so that it may stand before the
command or after it. Click calls it before a command's other options (it is eager), so that
their usage errors, the help and the first diagnostic already speak it.
"""

from __future__ import annotations

import functools
import os
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from convenant_cli.cli.choices import choice
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import DEFAULT, ENVIRONMENT, N_, _, set_language

if TYPE_CHECKING:
    from typer.core import TyperOption


class Language(StrEnum):
    nl = "nl"
    en = "en"


def _speak(value: Optional[Language]) -> None:
    if value is not None:
        set_language(value.value)


LangOption = Annotated[Optional[Language], typer.Option(
    "--lang", metavar=N_("LANG"), parser=choice(Language), is_eager=True, expose_value=False, callback=_speak,
    help=N_("The language of the messages: nl (the default) or en; also CONVENANT_LANG."))]


def _declaration(lang: LangOption = None) -> None:
    """Never called: typer makes the `--lang` option out of this signature."""


@functools.cache
def lang_option() -> TyperOption:
    """The `--lang` option as click reads it, made by typer from its one declaration; one
    object that every command holds (click keeps the values in each command's context)."""
    declaration = typer.Typer()
    declaration.command()(_declaration)
    option: TyperOption = typer.main.get_command(declaration).params[0]  # type: ignore[assignment]
    return option


def start_language() -> None:
    """Speak CONVENANT_LANG's language, else Dutch, until a `--lang` says otherwise."""
    set_language(DEFAULT)  # a run starts from the default, whatever a run before it chose
    environment = os.environ.get(ENVIRONMENT, "").strip().lower()
    if environment and environment not in Language.__members__:
        raise UsageError(_("{variable}='{value}' is not a language convenant speaks")
                         .format(variable=ENVIRONMENT, value=environment), _("set it to nl or en, or unset it"))
    set_language(environment or DEFAULT)
