"""`--lang nl|en` and CONVENANT_LANG: the language of every message of a run.

The language is chosen from the command line before click parses it, so that a usage
error, the help and the first diagnostic already speak it; `--lang` is also declared on
every command (`LangOption`), so that it shows in the help and a wrong value is named.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from enum import StrEnum
from typing import Annotated, Optional

import typer

from convenant_cli.cli.choices import choice
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.language import DEFAULT, ENVIRONMENT, N_, _, set_language


class Language(StrEnum):
    nl = "nl"
    en = "en"


LangOption = Annotated[Optional[Language], typer.Option(
    "--lang", metavar=N_("LANG"), parser=choice(Language),
    help=N_("The language of the messages: nl (the default) or en; also CONVENANT_LANG."))]


def asked(args: Sequence[str]) -> str | None:
    """The language `--lang` asks for, wherever it stands before `--`; None when none
    (or one click will refuse with its own message).

    >>> asked(["validate", "x.yaml", "--lang", "en"]), asked(["--lang=nl"]), asked(["--", "--lang", "en"])
    ('en', 'nl', None)
    """
    found = None
    for index, arg in enumerate(args):
        if arg == "--":
            break
        value = args[index + 1] if arg == "--lang" and index + 1 < len(args) else arg.removeprefix("--lang=")
        if (arg == "--lang" or arg.startswith("--lang=")) and value in Language.__members__:
            found = value
    return found


def choose_language(args: Sequence[str]) -> None:
    """Speak what `--lang` asks, else CONVENANT_LANG, else Dutch."""
    set_language(DEFAULT)  # a run starts from the default, whatever a run before it chose
    environment = os.environ.get(ENVIRONMENT, "").strip().lower()
    if environment and environment not in Language.__members__:
        raise UsageError(_("{variable}='{value}' is not a language convenant speaks")
                         .format(variable=ENVIRONMENT, value=environment), _("set it to nl or en, or unset it"))
    set_language(asked(args) or environment or DEFAULT)
