"""Every regular expression of the package runs in time linear in its input: no unbounded
repetition inside another, and no two unbounded repetitions in a row (optional items and
groups between them do not count) that can match the same character. Checked on the
parsed pattern, so that no test needs to time a hostile line."""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre  # type: ignore[attr-defined]

import pytest

import convenant_cli

SAMPLE = string.printable + "é…١１\u00a0\u2028"
REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _one_character(sub) -> re.Pattern[str] | None:
    """A compiled pattern for a repetition's item when it is one character class; else None."""
    if len(sub) == 1 and sub[0][0] in (sre.IN, sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.CATEGORY):
        return sre_compile.compile(sub, sub.state.flags)
    return None


def _overlap(a, b) -> bool:
    first, second = _one_character(a), _one_character(b)
    if first is None or second is None:
        return True  # not a single class: assume the worst
    return any(first.fullmatch(c) and second.fullmatch(c) for c in SAMPLE)


def _unbounded_inside(sub) -> bool:
    for op, av in _flat(sub):
        if op in REPEATS and (av[1] == sre.MAXREPEAT or _unbounded_inside(av[2])):
            return True
        if op is sre.BRANCH and any(_unbounded_inside(branch) for branch in av[1]):
            return True
    return False


def _flat(items):
    """The items of a sequence, groups opened in place (a group is no separator)."""
    for op, av in items:
        if op is sre.SUBPATTERN:
            yield from _flat(av[-1])
        else:
            yield op, av


def risks(items, previous=None) -> tuple[list[str], object]:
    """The risky spots of a parsed sequence, and the unbounded repetition it may end on."""
    found: list[str] = []
    for op, av in _flat(items):
        if op in REPEATS:
            low, high, sub = av
            if high == sre.MAXREPEAT:
                if _unbounded_inside(sub):
                    found.append("an unbounded repetition inside another")
                if previous is not None and _overlap(previous, sub):
                    found.append("two unbounded repetitions in a row over the same characters")
                previous = sub
            else:
                inner, trailing = risks(sub, previous)
                found += inner
                if low > 0 or trailing is not None:  # a required item, or an optional one's end
                    previous = trailing
        elif op is sre.BRANCH:
            ends = []
            for branch in av[1]:
                inner, trailing = risks(branch, previous)
                found += inner
                ends.append(trailing)
            previous = next((end for end in ends if end is not None), None)
        elif op is sre.AT:
            continue  # zero-width: separates nothing
        else:
            previous = None  # a required character between two repetitions
    return found, previous


def _package_patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for module in pkgutil.walk_packages(convenant_cli.__path__, "convenant_cli."):
        if module.name.endswith("__main__"):
            continue
        loaded = importlib.import_module(module.name)
        found += [(f"{module.name}.{name}", value) for name, value in vars(loaded).items()
                  if isinstance(value, re.Pattern)]
    return found


PATTERNS = _package_patterns()


def test_the_package_has_patterns_to_check():
    names = {name for name, _ in PATTERNS}
    assert {"convenant_cli.models.fields._DECIMAL", "convenant_cli.app.cases._SAYS_CASE"} <= names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_every_pattern_is_linear(name, pattern):
    assert risks(sre.parse(pattern.pattern, pattern.flags))[0] == [], pattern.pattern


@pytest.mark.parametrize("pattern", [
    # the dependants pattern of 2026-11-23, quadratic on `parent: a` + 40.000 spaces + `x`
    r"^(?:parent|convenant)[ \t]*:[ \t]*(?P<value>[^#\n]*?)[ \t]*(?:#.*)?$",
    r"^[ \t]+-\s*(?P<value>[^#\n]*?)\s*(?:#.*)?$",
    r"(a+)+$",
    r"\d+\d+",
])
def test_the_check_catches_a_quadratic_or_exponential_pattern(pattern):
    assert risks(sre.parse(pattern))[0] != []


def test_the_check_passes_disjoint_neighbours():
    assert risks(sre.parse(r"[0-9]+\.[0-9]+ *#.*"))[0] == []
    assert risks(sre.parse(r"[a-z]*[0-9]*"))[0] == []
