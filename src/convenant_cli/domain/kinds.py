"""The kinds of convenant file (rulebook): one enum, the vocabulary every layer keys on.

The models (`models.model_of`), the checks (`checks.CHECKS`), the references a file makes
and the CLI's `--kind` choices are all keyed on `Kind`; a test holds each of them to it.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    CONVENANT = "convenant"
    ADDENDUM = "addendum"
    ACTION_PLAN = "action_plan"
    REALISATION = "realisation"
    ASSESSMENT = "assessment"
    CASE = "case"

    @property
    def reference_keys(self) -> tuple[str, ...]:
        """The keys that name other files (a path, or a list of paths for a case).

        >>> Kind.REALISATION.reference_keys, Kind.CONVENANT.reference_keys, Kind.ASSESSMENT.reference_keys
        (('convenant',), (), ('realisation',))
        >>> Kind.CASE.reference_keys
        ('settle', 'realisation', 'assessment')
        """
        return _REFERENCE_KEYS.get(self, ())

    @staticmethod
    def in_a_sentence(kind: Kind | None) -> str:
        """The kind with its article, as a sentence names it; a file of no kind is a file.

        >>> Kind.in_a_sentence(Kind.ADDENDUM), Kind.in_a_sentence(Kind.ACTION_PLAN), Kind.in_a_sentence(None)
        ('an addendum', 'an action_plan', 'a file')
        >>> Kind.in_a_sentence(Kind.CONVENANT), Kind.in_a_sentence(Kind.ASSESSMENT)
        ('a convenant', 'an assessment')
        """
        from convenant_cli.domain.language import _

        if kind is None:
            return _("a file")
        return (_("an {kind}") if kind.value[0] in "aeiou" else _("a {kind}")).format(kind=kind.value)

    @classmethod
    def names(cls) -> list[str]:
        return [kind.value for kind in cls]


_REFERENCE_KEYS = {Kind.ADDENDUM: ("parent",), Kind.ACTION_PLAN: ("parent",), Kind.REALISATION: ("convenant",),
                   Kind.ASSESSMENT: ("realisation",), Kind.CASE: ("settle", "realisation", "assessment")}
# every key of any kind that names another file (the dependants scan looks for these)
REFERENCE_KEYS = frozenset(key for keys in _REFERENCE_KEYS.values() for key in keys)
# the comment that accepts a warning in a file (`# convenant: accept CV508 -- reason`); the
# workspace looks for it before it imports `acceptance`
ACCEPT_MARKER = "# convenant:"
