"""The explanations of the codes of references between files (CV3xx) and of an action plan's
budget (CV4xx)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import KINDS, R7, UNTRUSTED_INPUT, Explanation
from convenant_cli.domain.language import N_

_CONVENANT = "convenant: ../metaal-2023-2025.yaml\n"
_PLAN = "reference/file-formats.md#kind-action_plan"

EXPLANATIONS = (
    Explanation(code="CV301", section=UNTRUSTED_INPUT, text=N_(
        "A reference (the `parent:` of an addendum or an action plan, the `convenant:` of a realisation, the files "
        "of a case) names a file that does not exist. A reference is a path relative to the file that holds it, "
        "not to the folder the command runs in."),
        mistake="convenant: metaal-2023-2025.yaml\n", fix=_CONVENANT),
    Explanation(code="CV302", section=KINDS, text=N_(
        "A reference names a file of the wrong kind: the `convenant:` of a realisation names a convenant or an "
        "addendum, the `parent:` of an addendum a convenant."),
        mistake="convenant: ../metaal-actieplan-diversiteit-inclusie.yaml\n", fix=_CONVENANT),
    Explanation(code="CV303", section=R7, text=N_(
        "A beneficiary of the addendum is not a beneficiary of its covenant. Art. 8 adds money for one theme to "
        "the covenant's beneficiaries; a new one is possible but rare, so this is a warning. Check the enterprise "
        "number, or accept the warning with its reason."),
        mistake="- name: INOM vzw\n  enterprise_number: 0403.019.261\n",
        fix="- name: INOM vzw\n  enterprise_number: 0409.845.289\n"),
    Explanation(code="CV304", section=UNTRUSTED_INPUT, text=N_(
        "A reference is an absolute path, or it leads out of the project's root (the git work tree that holds "
        "the file), also through a symbolic link. References stay inside the project, so that a file from a "
        "sector can never make convenant read a file elsewhere on the machine: write the path relative to the "
        "file."),
        mistake="convenant: /home/an/convenants/metaal-2023-2025.yaml\n", fix=_CONVENANT),
    Explanation(code="CV305", section=UNTRUSTED_INPUT, text=N_(
        "A reference names a folder, a device, a pipe or a socket instead of a file. Name the file itself."),
        mistake="convenant: ..\n", fix=_CONVENANT),
    Explanation(code="CV306", section=UNTRUSTED_INPUT, text=N_(
        "A reference cannot be read: the path is too long or holds a NUL character, reading it is not permitted, "
        "or symbolic links lead round in a circle. The message gives the reason the system gave."),
        mistake='convenant: "../metaal-2023-2025.yaml\\0"\n', fix=_CONVENANT),
    Explanation(code="CV307", section=UNTRUSTED_INPUT, text=N_(
        "A reference names a file that is not a convenant file: not a YAML mapping with a `schema_version` and a "
        "known `kind` (a JSON export, a spreadsheet, a settings file). Nothing of its content is shown, since it "
        "may be any file."),
        mistake="convenant: ../../mkdocs.yml\n", fix=_CONVENANT),
    Explanation(code="CV308", section=UNTRUSTED_INPUT, checked=False, language="text", text=N_(
        "A file named on the command line, or found in a folder, is a symbolic link to a file outside the "
        "project's root. It is never read, so that a link in a sector's repository cannot make convenant read a "
        "file elsewhere and show it in a message. Copy the file into the project instead."),
        mistake="convenants/metaal-2023-2025.yaml -> /home/an/metaal-2023-2025.yaml\n",
        fix="convenants/metaal-2023-2025.yaml\n"),
    Explanation(code="CV401", section=_PLAN, text=N_(
        "The lines of a section of the action plan's budget do not add up to the section's `subtotal`, in days or "
        "in euro. The message shows the subtotal, the sum of the lines and the difference."),
        mistake="- {action: Dag van Inclusie, days: 19, euro: 1500.00}\n",
        fix="- {action: Dag van Inclusie, days: 9, euro: 1500.00}\n"),
    Explanation(code="CV402", section=_PLAN, text=N_(
        "The lines of the action plan's budget do not add up to its `total`, in days or in euro. The message "
        "shows the total, the sum of the lines and the difference."),
        mistake="total: {days: 104, euro: 35000.00}\n", fix="total: {days: 104, euro: 35500.00}\n"),
)
