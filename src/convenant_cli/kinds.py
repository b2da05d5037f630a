"""The kinds of convenant file (SPEC §2): one enum, the vocabulary every layer keys on.

The models (`models.MODELS`), the checks (`checks.CHECKS`), the references a file makes
and the CLI's `--kind` choices are all keyed on `Kind`; a test holds each of them to it.
"""

from __future__ import annotations

from enum import StrEnum


class Kind(StrEnum):
    CONVENANT = "convenant"
    ADDENDUM = "addendum"
    ACTION_PLAN = "action_plan"
    REALISATION = "realisation"

    @property
    def reference_key(self) -> str | None:
        """The key that names the file this kind belongs to, if any.

        >>> Kind.REALISATION.reference_key, Kind.CONVENANT.reference_key
        ('convenant', None)
        """
        return _REFERENCE_KEYS.get(self)

    @classmethod
    def names(cls) -> list[str]:
        return [kind.value for kind in cls]


_REFERENCE_KEYS = {Kind.ADDENDUM: "parent", Kind.ACTION_PLAN: "parent", Kind.REALISATION: "convenant"}
