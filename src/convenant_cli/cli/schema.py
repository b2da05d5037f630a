"""`convenant schema [--kind K]`: the JSON Schema of the file kinds."""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from convenant_cli.cli.output import guarded, single_command, write
from convenant_cli.domain.kinds import Kind


@guarded
def schema(
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", metavar="KIND", help=f"Only this kind ({', '.join(Kind.names())}); default: all, on `kind`.")] = None,
) -> None:
    """Print the JSON Schema of the file kinds (for editors and CI tools)."""
    import json

    from convenant_cli.models.schema import json_schema

    write(json.dumps(json_schema(kind), indent=2, ensure_ascii=False) + "\n")


command = single_command("schema", schema)
