"""The problems and contexts libyaml (and PyYAML) report, in the catalogue: a syntax error
reads in the run's language like every other message. A text not listed stays as the
parser wrote it."""

from __future__ import annotations

from convenant_cli.domain.language import N_, _

# what libyaml's scanner and parser say, word for word (the "problem" and the "context")
TEXTS = (
    N_("found character that cannot start any token"),
    N_("mapping values are not allowed in this context"),
    N_("mapping values are not allowed here"),
    N_("could not find expected ':'"),
    N_("found unexpected end of stream"),
    N_("found a tab character that violates indentation"),
    N_("found a tab character where an indentation space is expected"),
    N_("found unknown escape character"),
    N_("found unexpected document indicator"),
    N_("did not find expected comment or line break"),
    N_("did not find expected alphabetic or numeric character"),
    N_("block sequence entries are not allowed in this context"),
    N_("did not find expected whitespace or line break"),
    N_("did not find expected <document start>"),
    N_("did not find expected key"),
    N_("did not find expected node content"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected ',' or ']'"),
    N_("did not find expected ',' or '}'"),
    N_("found undefined tag handle"),
    N_("while scanning a simple key"),
    N_("while scanning for the next token"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a block node"),
    N_("while parsing a flow node"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow mapping"),
    N_("while parsing a node"),
    N_("while parsing a tag"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a plain scalar"),
    N_("while scanning a block scalar"),
    N_("while scanning an anchor"),
    N_("while scanning an alias"),
    N_("while scanning a tag"),
)


def in_language(text: object) -> str:
    """A parser's problem or context in the run's language (as written when not listed).

    >>> from convenant_cli.domain.language import set_language
    >>> set_language("nl"); in_language("did not find expected key"), in_language("a new problem")
    ('verwachte sleutel niet gevonden', 'a new problem')
    >>> set_language("en"); in_language("did not find expected key")
    'did not find expected key'
    """
    written = str(text)
    return _(written) if written in TEXTS else written
