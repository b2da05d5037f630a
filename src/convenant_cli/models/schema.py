"""JSON Schema of the file kinds, generated from the pydantic models (never hand-written),
for editors (yaml-language-server) and other CI tools (check-jsonschema)."""

from __future__ import annotations

from typing import Annotated, Union

from pydantic import Field, TypeAdapter

from convenant_cli.domain.kinds import Kind
from convenant_cli.models import all_models, model_of

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema(kind: Kind | None = None) -> dict[str, object]:
    """One kind's schema, or (no kind) one schema for every kind, discriminated on `kind`."""
    if kind is not None:
        schema = model_of(kind).model_json_schema()
        title = f"convenant file: {kind.value}"
    else:
        union = Annotated[Union[tuple(all_models().values())], Field(discriminator="kind")]  # type: ignore[valid-type]
        schema = TypeAdapter(union).json_schema()  # type: ignore[arg-type]  # built at run time from the models
        title = "convenant file (convenant, addendum, action_plan, realisation, assessment or case)"
    return {"$schema": DIALECT, "title": title, **{k: v for k, v in schema.items() if k != "title"}}
