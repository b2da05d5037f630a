"""The file names of the report's agreement pages (`render/report/pages.py`, `page_name`): never
a path, never the report's own pages or a device name, and never two that one file system
could take for the same file, whether it tells case apart (Linux) or not (macOS, Windows)."""

from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convenant_cli.render.report.pages import page_name

DEVICES = ["CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)), *(f"LPT{n}" for n in range(1, 10))]


def names(*identifiers: str) -> list[str]:
    taken: set[str] = set()
    return [page_name(identifier, taken) for identifier in identifiers]


def test_ids_that_differ_in_case_only_get_different_pages():
    assert names("A-B", "a-b", "A-b") == ["A-B.html", "a-b-2.html", "A-b-3.html"]


@pytest.mark.parametrize("identifier", ["index", "INDEX", "Sources", "bronnen", "index.html", "SOURCES.HTML"])
def test_an_id_never_takes_the_reports_own_pages(identifier):
    (name,) = names(identifier)
    assert name.casefold() not in {"index.html", "sources.html", "bronnen.html"}
    assert name.casefold().startswith(identifier.casefold().removesuffix(".html"))


@pytest.mark.parametrize("device", DEVICES + [d.lower() for d in DEVICES] + ["Con", "nul.v2", "COM1.old", "lpt9.x.y"])
def test_an_id_never_takes_a_name_windows_reserves(device):
    (name,) = names(device)
    assert name.split(".")[0].casefold() not in {d.casefold() for d in DEVICES}
    assert name == f"overeenkomst-{device}.html"


def test_names_close_to_a_device_are_left_as_they_are():
    assert names("CONSULENT", "COM10", "LPT0", "con-2024") == ["CONSULENT.html", "COM10.html", "LPT0.html",
                                                               "con-2024.html"]


@given(st.lists(st.text(alphabet=string.ascii_letters + string.digits + ".-_ /\\:é", max_size=12), max_size=40))
def test_no_two_pages_are_one_file_anywhere(identifiers):
    made = names(*identifiers)
    folded = [name.casefold() for name in made]
    assert len(set(folded)) == len(made)
    assert not {"index.html", "sources.html", "bronnen.html"} & set(folded)
    for name in made:
        assert "/" not in name and "\\" not in name and not name.startswith(".")
        assert name.split(".")[0].casefold() not in {d.casefold() for d in DEVICES}
