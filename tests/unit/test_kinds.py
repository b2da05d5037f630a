"""The kinds of file are one vocabulary: every layer that keys on a kind covers each one."""

from __future__ import annotations

import typing

from convenant_cli.checks import checks_for
from convenant_cli.domain.kinds import Kind
from convenant_cli.models import RuleOverrides, Rules, all_models


def test_models_and_checks_cover_every_kind():
    assert set(all_models()) == set(Kind)
    for kind in Kind:
        assert checks_for(kind), kind


def test_each_model_declares_its_own_kind():
    for kind, model in all_models().items():
        assert typing.get_args(model.model_fields["kind"].annotation) == (kind.value,), kind


def test_an_addendum_can_override_every_rule_and_only_those():
    assert list(RuleOverrides.model_fields) == list(Rules.model_fields)
