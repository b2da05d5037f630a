"""The seed texts as encoded under convenants/: their figures, worked out by hand."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest

from convenant_cli.domain.terms import Span, work_years
from convenant_cli.loading.workspace import Workspace
from convenant_cli.models import Addendum, Convenant
from tests.conftest import CONVENANTS


def load(name: str):
    doc = Workspace().load(CONVENANTS / name)
    assert doc.ok, doc.diagnostics
    return doc.model


def test_metaal_groups_add_up_to_art_1():
    metaal: Convenant = load("metaal-2023-2025.yaml")
    # a) 1 x 392.200,00 + b) 4 x 144.160,00 + c) 1 x 91.160,00 + d) 2 x 53.000,00
    #  = 392.200 + 576.640 + 91.160 + 106.000 = 1.166.000,00
    total = sum(g.amount_each * len(g.members) for g in metaal.beneficiaries)
    assert total == Decimal("1166000.00") == metaal.max_subsidy
    # 3,70 + 4 x 1,36 + 0,86 + 2 x 0,50 = 3,70 + 5,44 + 0,86 + 1,00 = 11,0 VTE
    assert sum(g.fte_each * len(g.members) for g in metaal.beneficiaries) == Decimal("11.0") == metaal.fte
    # Eight beneficiaries ("De acht begunstigden waarvan sprake in artikel 1").
    assert len(metaal.members()) == 8


@pytest.mark.parametrize("name", ["metaal-2023-2025.yaml", "social-profit-2023-2025.yaml"])
def test_every_group_costs_106000_per_fte(name):
    model = load(name)
    # 392.200/3,70 = 144.160/1,36 = 91.160/0,86 = 53.000/0,50 = 742.000/7 = 106.000,00
    assert {Fraction(g.amount_each) / Fraction(g.fte_each) for g in model.beneficiaries} == {106000}


def test_term_has_731_days_and_two_work_years():
    metaal = load("metaal-2023-2025.yaml")
    term = Span(metaal.period.start, metaal.period.end)
    assert term.days == 731  # 366 (1/7/2023-30/6/2024, with 29/2/2024) + 365
    assert [y.days for y in work_years(term)] == [366, 365]


def test_duaal_leren_addendum():
    addendum: Addendum = load("metaal-duaal-leren-2023-2025.yaml")
    assert addendum.max_subsidy == Decimal("143846.00")
    assert addendum.fte is None  # no consultants funded: no Art. 5 deduction
    assert addendum.members()[0][1].enterprise_number == "0409845289"
    # 3 categories x 2 work years, each a commitment of its own
    assert addendum.rules.result_counting == "per_year"
    assert sum(len(c.targets) for c in addendum.result_commitments) == 6


def test_social_profit_has_one_beneficiary_with_seven_fte():
    social = load("social-profit-2023-2025.yaml")
    assert social.max_subsidy == Decimal("742000.00") and social.fte == Decimal("7.00")
    assert [len(c.targets or []) for c in social.result_commitments] == [8, 0, 2]


def test_diversity_action_plan_adds_up_to_104_days_and_35500_euro():
    plan = load("metaal-actieplan-diversiteit-inclusie.yaml")
    lines = [line for section in plan.budget.sections for line in section.lines]
    # 35 + 13,5 + 15,5 + 40 = 104 days; 3.500 + 2.000 + 23.000 + 7.000 = 35.500 euro
    assert sum(line.days for line in lines) == Decimal(104) == plan.budget.total.days
    assert sum(line.euro for line in lines) == Decimal("35500.00") == plan.budget.total.euro
    # Section 4.3 announces 69 days and 32.000 euro for the three sectoral sections.
    sectoral = plan.budget.sections[1:]
    assert sum(s.subtotal.days for s in sectoral) == 69
    assert sum(s.subtotal.euro for s in sectoral) == Decimal("32000.00")
