"""The vocabulary: one word per figure and per column in each language, agreeing with what
the files and the rules know, and sheet names a workbook accepts."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from convenant_cli.domain.language import set_language
from convenant_cli.render import vocabulary

LANGUAGES = ("nl", "en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_sheet_name_is_one_a_workbook_accepts(language):
    set_language(language)
    names = list(vocabulary.translated(vocabulary.SHEETS).values())
    assert len(set(names)) == len(names)  # no two sheets of a workbook share a name
    for name in names:
        assert 0 < len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), name


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("table", ["FIGURES", "MAXIMA_FIGURES", "PORTFOLIO"])
def test_a_figures_header_is_its_label_broken_over_lines(language, table):
    """A column says what a block's label says: the same words, broken where the column wraps."""
    set_language(language)
    for key, (label, header) in vocabulary.figures(getattr(vocabulary, table)).items():
        assert " ".join(header.replace("-\n", "").split()) == label, (key, label, header)


def test_the_dutch_words_are_the_ones_the_files_know():
    """The reasons a file may write in Dutch, the rules and their legal sources: the same keys,
    and for the reasons the same Dutch words."""
    from convenant_cli.models import REASONS_NL
    from convenant_cli.models.rules import LEGAL_SOURCES

    set_language("nl")
    assert vocabulary.translated(vocabulary.REASONS) == REASONS_NL
    assert set(vocabulary.RULES) == set(vocabulary.LEGAL_SOURCES) == set(LEGAL_SOURCES)
    assert vocabulary.translated(vocabulary.LEGAL_SOURCES) == LEGAL_SOURCES


def test_the_summary_has_a_header_for_every_column():
    from convenant_cli.render.settlement.xlsx import SUMMARY_KEYS

    assert set(SUMMARY_KEYS) <= set(vocabulary.SUMMARY)


def test_a_table_is_asked_of_the_catalogue_once_a_language():
    set_language("nl")
    dutch = vocabulary.translated(vocabulary.COLUMNS)
    assert vocabulary.translated(vocabulary.COLUMNS) is dutch
    set_language("en")
    assert vocabulary.translated(vocabulary.COLUMNS) is not dutch


def test_a_day_in_words_and_numbers_in_each_notation():
    set_language("nl")
    months = [vocabulary.day(date(2024, month, 1)) for month in range(1, 13)]
    assert months[0] == "1 januari 2024" and months[4] == "1 mei 2024" and months[11] == "1 december 2024"
    assert vocabulary.day(date(2025, 6, 30)) == "30 juni 2025"
    # Metaal's payable total: 1.022.559,87 in Dutch, 1,022,559.87 in English
    assert (vocabulary.amount(Decimal("1022559.87")), vocabulary.fte(Decimal("36.2"))) == ("1.022.559,87", "36,20")
    set_language("en")
    assert vocabulary.day(date(2023, 7, 1)) == "1 July 2023"
    assert (vocabulary.amount(Decimal("1022559.87")), vocabulary.fte(Decimal("36.2"))) == ("1,022,559.87", "36.20")
    assert vocabulary.balance_word(Decimal("-5800.00")) == "to recover"
