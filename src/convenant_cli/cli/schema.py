"""`convenant schema [--kind K | --output settlement]`: the JSON Schema of the file kinds, or
of an output."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from convenant_cli.cli.choices import choice
from convenant_cli.cli.output import guarded, single_command, write
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind


class OutputSchema(StrEnum):
    """The outputs whose JSON Schema `schema --output` prints."""

    SETTLEMENT = "settlement"


@guarded
def schema(
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", metavar="KIND", parser=choice(Kind),
        help=f"Only this kind ({', '.join(Kind.names())}); default: all, on `kind`.")] = None,
    output: Annotated[Optional[OutputSchema], typer.Option(
        "--output", metavar="OUTPUT", parser=choice(OutputSchema),
        help="The schema of an output instead: settlement (settle --format json).")]
    = None,
) -> None:
    """Print the JSON Schema of the file kinds (for editors and CI tools), or of an output."""
    import json

    if kind is not None and output is not None:
        raise UsageError("--kind and --output ask for two schemas", "give one of them")
    if output is OutputSchema.SETTLEMENT:
        from convenant_cli.render.settlement.output_schema import settlement_schema

        document = settlement_schema()
    else:
        from convenant_cli.models.schema import json_schema

        document = json_schema(kind)
    write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


command = single_command("schema", schema)
