"""Accepted warnings: `# convenant: accept CV508 -- reason` in a YAML file.

A comment on the line a warning points to, or on the line above it, accepts that
warning there; `# convenant: accept-file CV508 -- reason` anywhere in the file accepts
it in the whole file. The reason is required: an acceptance without one, of an unknown
code or of an error is itself a warning (CV007) and accepts nothing. Errors are never
accepted.

Scans the file's text once, with `str.find` and `split` (no regular expression, so a
hostile line costs time in proportion to its length). Knows nothing of printing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from convenant_cli.domain.diagnostics import Diagnostic, Location
from convenant_cli.domain.kinds import ACCEPT_MARKER as MARKER
from convenant_cli.domain.language import _
from convenant_cli.domain.severity import Severity

_ACCEPT, _ACCEPT_FILE = "accept", "accept-file"


@dataclass(frozen=True, kw_only=True)
class Acceptance:
    """One comment: which codes it accepts, on which line (None: the whole file), and why."""

    codes: frozenset[str]
    line: int | None
    reason: str


@dataclass(frozen=True, kw_only=True)
class Accepted:
    """A warning that an acceptance took out of the report, with the reason given."""

    diagnostic: Diagnostic
    reason: str


def parse_comment(text: str) -> tuple[str, list[str], str] | None:
    """The verb, codes and reason of a `# convenant:` comment's text after the marker.

    >>> parse_comment(" accept CV508 -- one consultant, fully staffed")
    ('accept', ['CV508'], 'one consultant, fully staffed')
    >>> parse_comment(" accept-file CV203, CV508")
    ('accept-file', ['CV203', 'CV508'], '')
    >>> parse_comment(" something else") is None
    True
    """
    head, _dashes, reason = text.partition("--")
    words = head.replace(",", " ").split()
    if not words or words[0] not in (_ACCEPT, _ACCEPT_FILE):
        return None
    return words[0], words[1:], reason.strip()


def find_acceptances(name: str, lines: Iterable[str]) -> tuple[list[Acceptance], list[Diagnostic]]:
    """Every acceptance in a file's lines, and a CV007 warning for each that is incomplete."""
    from convenant_cli.domain.codes import CODES

    found: list[Acceptance] = []
    problems: list[Diagnostic] = []
    for number, line in enumerate(lines, start=1):
        at = line.find(MARKER)
        if at < 0:
            continue
        parsed = parse_comment(line[at + len(MARKER):])
        if parsed is None:
            continue
        verb, codes, reason = parsed
        where = Location(name, number, at + 1)
        retired = [code for code in codes if code in CODES and CODES[code].retired is not None]
        unknown = [code for code in codes if code not in CODES]
        errors = [code for code in codes if code in CODES and CODES[code].severity is Severity.ERROR]
        if retired:
            problems.append(Diagnostic.of("CV007", _("`{verb}` names a retired code: {codes}")
                                                   .format(verb=verb, codes=", ".join(retired)), where,
                                          "; ".join(f"{code}: {_(CODES[code].retired or '')}" for code in retired)))
        elif not codes or unknown:
            message = (_("`{verb}` names no known warning code: {codes}").format(verb=verb, codes=", ".join(unknown))
                       if unknown else _("`{verb}` names no known warning code").format(verb=verb))
            problems.append(Diagnostic.of("CV007", message, where,
                                          _("write `{marker} {verb} CV508 -- why this warning is right here`")
                                          .format(marker=MARKER, verb=verb)))
        elif errors:
            problems.append(Diagnostic.of("CV007", _("{errors} is an error; errors cannot be accepted")
                                                   .format(errors=', '.join(errors)),
                                          where, _("fix the error instead")))
        elif not reason:
            problems.append(Diagnostic.of("CV007", _("`{verb} {codes}` gives no reason")
                                                   .format(verb=verb, codes=', '.join(codes)), where,
                                          _("add the reason after ` -- `: `{marker} {verb} {code} -- why`")
                                          .format(marker=MARKER, verb=verb, code=codes[0])))
        else:
            found.append(Acceptance(codes=frozenset(codes), line=None if verb == _ACCEPT_FILE else number,
                                    reason=reason))
    return found, problems


def apply_acceptances(name: str, lines: Iterable[str],
                      diagnostics: list[Diagnostic]) -> tuple[list[Diagnostic], list[Accepted]]:
    """Split a file's diagnostics into those still reported and the accepted warnings."""
    acceptances, problems = find_acceptances(name, lines)
    kept: list[Diagnostic] = []
    accepted: list[Accepted] = []
    for diagnostic in diagnostics:
        match = None if diagnostic.is_error else _matching(acceptances, diagnostic)
        if match is None:
            kept.append(diagnostic)
        else:
            accepted.append(Accepted(diagnostic=diagnostic, reason=match.reason))
    return kept + problems, accepted


def _matching(acceptances: list[Acceptance], diagnostic: Diagnostic) -> Acceptance | None:
    line = diagnostic.location.line
    for acceptance in acceptances:
        if diagnostic.code in acceptance.codes and acceptance.line in (None, line, line - 1):
            return acceptance
    return None
