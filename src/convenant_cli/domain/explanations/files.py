"""The explanations of the codes of reading a file: YAML, its limits, its kind and its keys
(CV0xx), and the values of the keys (CV1xx)."""

from __future__ import annotations

from convenant_cli.domain.explanations.record import (
    ACCEPTING,
    FILE_FORMATS,
    KINDS,
    R5,
    UNTRUSTED_INPUT,
    Explanation,
)
from convenant_cli.domain.language import N_

_TITLE = "title: Sectorconvenant 2023-2025 Metaal- en Technologische Industrie\n"
_SECTOR = "sector: Metaal- en Technologische Industrie\n"
_ALIASES = ("a: &a [x, x, x, x, x, x, x, x, x]\n"  # 9 values; each line below stands for nine times the one above
            "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
            "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
            "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
            "g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n")

EXPLANATIONS = (
    Explanation(code="CV001", section=UNTRUSTED_INPUT, text=N_(
        "The file cannot be read as YAML: a bracket or a quote left open, a tab used to indent, text that is not "
        "UTF-8 (a file saved as UTF-16 or Latin-1), or a binary file. Nothing else in the file is checked until it "
        "reads; the message gives the line and column where the reading stopped. Save the file as UTF-8, indent "
        "with spaces, and close what is opened."),
        mistake="title: [Sectorconvenant 2023-2025 Metaal- en Technologische Industrie\n", fix=_TITLE),
    Explanation(code="CV002", section=FILE_FORMATS, text=N_(
        "A key appears twice in one mapping. YAML readers disagree on which value counts (most keep the last one "
        "without a word), so convenant refuses the file instead of guessing. Keep one of the two; the hint gives "
        "the line of the first."),
        mistake=_TITLE + _SECTOR + "title: Sectorconvenant Metaal\n", fix=_TITLE + _SECTOR),
    Explanation(code="CV003", section=UNTRUSTED_INPUT, text=N_(
        "The file uses a YAML feature that convenant does not read: a tag (`!!python/object/apply:...`, `!custom`, "
        "`!!binary`, `!!set`), a merge key `<<`, or a key that is not text. A file is read as plain data and "
        "nothing in it is ever run. Write the value itself, and every key as a word."),
        mistake="sector: !!python/object/apply:os.system [echo hacked]\n", fix=_SECTOR),
    Explanation(code="CV004", section=FILE_FORMATS, text=N_(
        "The file is empty (or holds only comments), holds more than one YAML document (with `---` between them), "
        "or holds a list or a single value instead of a mapping of keys. A convenant file is one mapping, which "
        "starts with `schema_version` and `kind`."),
        mistake="schema_version: 1\n---\nkind: convenant\n", fix="schema_version: 1\nkind: convenant\n"),
    Explanation(code="CV005", section=UNTRUSTED_INPUT, text=N_(
        "The file goes past a limit that keeps every run short, whatever the input: larger than 2 MiB, nested "
        "deeper than 50 levels, or more than 500.000 values or 16 MiB of text once its YAML aliases are expanded "
        "(an alias repeats everything it names, so a few lines can stand for millions of values). A real "
        "convenant file is a few kilobytes: write the values out."),
        mistake=_SECTOR + _ALIASES, fix=_SECTOR),
    Explanation(code="CV006", section=KINDS, text=N_(
        "`kind` names no kind of file that convenant knows (a typing error such as `convenent`; the hint gives the "
        "nearest), or `schema_version` is not one that this version reads (1). The kinds are convenant, addendum, "
        "action_plan, realisation and case. A file written for a newer schema_version needs a newer convenant."),
        mistake="kind: convenent\n", fix="kind: convenant\n"),
    Explanation(code="CV007", section=ACCEPTING, text=N_(
        "A `# convenant: accept CODE -- reason` comment accepts nothing: it gives no reason after ` -- `, names a "
        "code that does not exist, or names an error (only a warning can be accepted; an error is mended). The "
        "warning it meant to accept is still reported, and this one beside it, so that an acceptance without its "
        "reason cannot pass CI unnoticed."),
        mistake="# convenant: accept CV508\n",
        fix="# convenant: accept CV508 -- dit geval toont net dat een begunstigde zonder staffing als volledig bezet "
            "geldt\n"),
    Explanation(code="CV101", section=FILE_FORMATS, text=N_(
        "A key that the file's kind does not have, most often a typing error: the hint names the closest known "
        "key. Every key is checked, so that a mistyped one is never passed over (a `guaranteed_wage_days` passed "
        "over would settle with the default of 30 days)."),
        mistake="guaranteed_wage_day: 30\n", fix="guaranteed_wage_days: 30\n"),
    Explanation(code="CV102", section=FILE_FORMATS, text=N_(
        "A key that the kind requires is missing; the reference of the file formats marks them as required. The "
        "message names the key and where it belongs."),
        mistake=_TITLE, fix=_TITLE + _SECTOR),
    Explanation(code="CV103", section=FILE_FORMATS, text=N_(
        "A value of the wrong type, or out of its range: text where a number belongs, a list where one value "
        "belongs, a word that is not one of the choices (the message lists them), a negative amount. The "
        "message says what was expected and what the file holds."),
        mistake="- {start: 2025-01-06, end: 2025-03-31, reason: ongeval}\n",
        fix="- {start: 2025-01-06, end: 2025-03-31, reason: accident}\n"),
    Explanation(code="CV104", section=R5, text=N_(
        "A value has more decimals than the covenant's text gives: an amount or an FTE has at most two (cents, "
        "hundredths of an FTE), a share or a count four. convenant computes exactly and never rounds what a file "
        "says, so a third decimal is refused rather than cut off."),
        mistake="amount_each: 53000.005\n", fix="amount_each: 53000.00\n"),
    Explanation(code="CV105", section=UNTRUSTED_INPUT, text=N_(
        "A date that is not written `YYYY-MM-DD`, that the calendar does not have (2023-02-30), or that lies "
        "outside 1900-01-01 - 2199-12-31. A date is never guessed from another notation: 06/07/2025 is read two "
        "ways in two countries."),
        mistake="period: {start: 2023-07-01, end: 30/06/2025}\n", fix="period: {start: 2023-07-01, end: 2025-06-30}\n"),
    Explanation(code="CV106", section=UNTRUSTED_INPUT, text=N_(
        "A number written with a Belgian thousands separator (`72.000`, `1.166.000`): read with a decimal point, "
        "as YAML reads it, it would be 72 or 1,166, so it is refused. Write an amount without separators and with "
        "a decimal point, as `72000.00`."),
        mistake="max_subsidy: 1.166.000\n", fix="max_subsidy: 1166000.00\n"),
    Explanation(code="CV107", section=UNTRUSTED_INPUT, text=N_(
        "A number in a notation that convenant does not read: quoted (`'72000.00'`), with an exponent (`7.2e4`), "
        "with a decimal comma (`72000,00`), in hex, with underscores, or longer than 20 characters. A number is "
        "digits with at most one decimal point, so that what the file says is what is computed."),
        mistake="max_subsidy: 1166000,00\n", fix="max_subsidy: 1166000.00\n"),
)
