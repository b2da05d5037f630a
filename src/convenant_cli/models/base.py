"""The base of every file model: frozen, unknown keys refused, validators built on first use."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    # defer_build: a model's validator is built on first use, so a run pays only for the
    # kinds it reads (this matters for the start-up time of every command).
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)
