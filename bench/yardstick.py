"""The start-up yardstick: a minimal typer app that loads the same files and validates them
with pydantic, then prints JSON. `convenant settle --format json` is measured against it
(`bench/instructions.py`, `bench/run.py`): typer coerces its parameters through pydantic,
so a bare import of the stack would be no floor.

Run: python bench/yardstick.py FILE...
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
import yaml
from pydantic import BaseModel, ConfigDict


class Loose(BaseModel):
    model_config = ConfigDict(extra="allow")


class Member(Loose):
    name: str
    enterprise_number: str


class Group(Loose):
    amount_each: Decimal
    members: list[Member]


class Period(Loose):
    start: date
    end: date


class File(Loose):
    schema_version: int
    kind: str
    period: Period | None = None
    max_subsidy: Decimal | None = None
    beneficiaries: list[Group] = []


app = typer.Typer(add_completion=False)


@app.command()
def main(files: Annotated[list[Path], typer.Argument()]) -> None:
    out = []
    for path in files:
        model = File.model_validate(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
        out.append({"kind": model.kind, "maximum": str(sum((g.amount_each * len(g.members)
                                                            for g in model.beneficiaries), Decimal(0)))})
    typer.echo(json.dumps(out, indent=2))


if __name__ == "__main__":
    app()
