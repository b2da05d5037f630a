"""`convenant schema [--kind K | --of settlement]`: the JSON Schema of the file kinds, or of
an output. `--output settlement`, the selector's first name, still works with a note: every
other command's `--output` names a file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Optional

import typer

from convenant_cli.cli.choices import choice
from convenant_cli.cli.output import NOTE, guarded, say, single_command, write
from convenant_cli.domain.errors import UsageError
from convenant_cli.domain.kinds import Kind
from convenant_cli.domain.language import N_, _


class OutputSchema(StrEnum):
    """The outputs whose JSON Schema `schema --of` prints."""

    SETTLEMENT = "settlement"


@guarded
def schema(
    kind: Annotated[Optional[Kind], typer.Option(
        "--kind", metavar=N_("KIND"), parser=choice(Kind),
        help=N_("Only this kind (convenant, addendum, action_plan, realisation, assessment or case); default: all, on "
                "`kind`."))] = None,
    of: Annotated[Optional[OutputSchema], typer.Option(
        "--of", metavar=N_("OUTPUT"), parser=choice(OutputSchema),
        help=N_("The schema of an output instead: settlement (settle --format json)."))]
    = None,
    old_of: Annotated[Optional[OutputSchema], typer.Option(
        "--output", parser=choice(OutputSchema), hidden=True)] = None,
) -> None:
    import json

    if old_of is not None:
        say(_("`schema --output {name}` is now `schema --of {name}`; the old spelling will go, as --output names a "
              "file everywhere else").format(name=old_of.value), None, prefix=NOTE)
        if of is not None and of is not old_of:
            raise UsageError(_("--of and --output ask for two schemas"), _("give --of only"))
        of = old_of
    output = of
    if kind is not None and output is not None:
        raise UsageError(_("--kind and --of ask for two schemas"), _("give one of them"))
    if output is OutputSchema.SETTLEMENT:
        from convenant_cli.render.settlement.output_schema import settlement_schema

        document = settlement_schema()
    else:
        from convenant_cli.models.schema import json_schema

        document = json_schema(kind)
    write(json.dumps(document, indent=2, ensure_ascii=False) + "\n")


command = single_command("schema", schema, N_("Print the JSON Schema of the file kinds (for editors and CI tools), "
                                              "or of an output."))
