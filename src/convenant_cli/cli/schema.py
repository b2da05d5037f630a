"""`convenant schema [--kind K | --output settlement]`: the JSON Schema of the file kinds, or
of an output."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from convenant_cli.cli.choices import choice
from convenant_cli.cli.language import LangOption
from convenant_cli.cli.output import guarded, single_command, write
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import N_, _


class OutputSchema(StrEnum):
    """The outputs whose JSON Schema `schema --output` prints."""

    SETTLEMENT = "settlement"


@guarded
def schema(
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", metavar=N_("KIND"), parser=choice(Kind),
        help=N_("Only this kind (convenant, addendum, action_plan, realisation or case); default: all, on "
                "`kind`."))] = None,
    output: Annotated[Optional[OutputSchema], typer.Option(
        "--output", metavar=N_("OUTPUT"), parser=choice(OutputSchema),
        help=N_("The schema of an output instead: settlement (settle --format json)."))]
    = None,
    lang: LangOption = None,
) -> None:
    import json

    if kind is not None and output is not None:
        raise UsageError(_("--kind and --output ask for two schemas"), _("give one of them"))
    if output is OutputSchema.SETTLEMENT:
        from convenant_cli.render.settlement.output_schema import settlement_schema

        document = settlement_schema()
    else:
        from convenant_cli.models.schema import json_schema

        document = json_schema(kind)
    write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


command = single_command("schema", schema, N_("Print the JSON Schema of the file kinds (for editors and CI tools), "
                                              "or of an output."))
