"""For every test and doctest: messages in English (`CONVENANT_LANG=en`), the language the
assertions are written in. A test of the Dutch default removes the variable itself."""

from __future__ import annotations

import pytest

from convenant_cli.domain.language import set_language


@pytest.fixture(autouse=True)
def english_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CONVENANT_LANG", "en")
    set_language("en")
