"""One language per reader: Dutch by default, English with `--lang en` (before the command or
after it) or CONVENANT_LANG=en. Diagnostics and their hints, labels, summaries, notes, the help
and the hint under a usage error follow the language (click's own message of a usage error is
English); codes, keys and JSON vocabulary stay English."""

from __future__ import annotations

import json
import re

import pytest

from tests.conftest import CONVENANTS

# the Metaal covenant with an unknown key (`sectr`, so `sector` is missing too) and two wrong types
_MISTAKES = (("sector:", "sectr:"), ("  result_counting: per_commitment", "  result_counting: [per_commitment]"),
             ("  guaranteed_wage_days: 30", "  guaranteed_wage_days: dertig"))
# English words of the messages above; none may appear in the Dutch run
_ENGLISH = re.compile(r"\b(error|errors|warning|hint|missing|unknown|expected|got|file|checked|did you mean|"
                      r"whole number|one of)\b")


@pytest.fixture
def mistaken(project):
    text = (CONVENANTS / "metaal-2023-2025.yaml").read_text(encoding="utf-8")
    for old, new in _MISTAKES:
        assert old in text
        text = text.replace(old, new, 1)
    (project / "fout.yaml").write_text(text, encoding="utf-8")
    return "fout.yaml"


def test_validate_speaks_only_dutch_by_default(run_cli, mistaken, dutch):
    result = run_cli("validate", mistaken)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "fout.yaml:4:1: fout[CV102]: ontbrekende sleutel `sector` in het bestand" in lines
    assert "fout.yaml:8:1: fout[CV101]: onbekende sleutel `sectr`" in lines
    assert "  tip: bedoelde u `sector`?" in lines
    assert "fout.yaml:16:20: fout[CV103]: `rules.result_counting`: verwacht een van: per_commitment, per_year" in lines
    assert "fout.yaml:17:25: fout[CV103]: `rules.guaranteed_wage_days`: verwacht een geheel getal, kreeg 'dertig'" \
        in lines
    assert result.stderr == "1 bestand gecontroleerd: 4 fouten, 0 waarschuwingen\n"
    messages = [line.split(": ", 2)[-1] for line in lines if "[CV" in line] + [result.stderr]
    assert not [m for m in messages if _ENGLISH.search(m.replace("fout.yaml", ""))], messages


def test_validate_speaks_english_with_lang_en_or_the_environment(run_cli, mistaken, dutch, monkeypatch):
    english = run_cli("validate", mistaken, "--lang", "en")
    lines = english.stdout.splitlines()
    assert "fout.yaml:8:1: error[CV101]: unknown key `sectr`" in lines
    assert "  hint: did you mean `sector`?" in lines
    assert "fout.yaml:17:25: error[CV103]: `rules.guaranteed_wage_days`: expected a whole number, got 'dertig'" \
        in lines
    assert english.stderr == "1 file checked: 4 errors, 0 warnings\n"
    monkeypatch.setenv("CONVENANT_LANG", "en")
    assert run_cli("validate", mistaken).stdout == english.stdout
    dutch_again = run_cli("--lang", "nl", "validate", mistaken)  # --lang wins over the environment
    assert dutch_again.stderr == "1 bestand gecontroleerd: 4 fouten, 0 waarschuwingen\n"


def test_json_keeps_its_vocabulary_and_carries_the_message_in_the_language(run_cli, mistaken, dutch):
    problems = json.loads(run_cli("validate", mistaken, "--format", "json").stdout)
    assert problems[1] == {"file": "fout.yaml", "line": 8, "column": 1, "code": "CV101", "severity": "error",
                           "message": "onbekende sleutel `sectr`", "hint": "bedoelde u `sector`?"}
    sarif = json.loads(run_cli("validate", mistaken, "--format", "sarif").stdout)["runs"][0]
    rule = next(r for r in sarif["tool"]["driver"]["rules"] if r["id"] == "CV101")
    assert rule["shortDescription"] == {"text": "onbekende sleutel (met de dichtstbijzijnde gekende sleutel)"}
    assert rule["fullDescription"]["text"].startswith("Een sleutel die de soort van het bestand niet heeft")
    assert rule["help"]["text"].endswith("Zo wel:\nguaranteed_wage_days: 30")
    assert rule["helpUri"] == "docs/reference/codes.md#cv101" and rule["defaultConfiguration"] == {"level": "error"}
    junit = run_cli("validate", mistaken, "--format", "junit").stdout
    assert "fout.yaml:8:1: fout[CV101]: onbekende sleutel `sectr`" in junit


def test_settle_help_is_dutch(run_cli, dutch):
    page = run_cli("settle", "--help").stdout
    assert re.search(r"^Gebruik: \S+ settle \[OPTIES\] PAD\.\.\.$", page, re.M)
    for dutch_text in ("Argumenten:", "Opties:",
                       "Reken convenanten en hun addenda af; zonder eindrapport, toon de maxima.",
                       "-r, --realisation BESTAND", "[standaard: table]", "[verplicht]", "Toon deze hulp en stop."):
        assert dutch_text in " ".join(page.split()), dutch_text
    for english in ("Usage", "Arguments", "Options", "Settle covenants", "Show this message", "default:",
                    "required", "FILE"):
        assert english not in page, english


@pytest.mark.parametrize("args", [("--lang", "en", "settle", "--help"), ("settle", "--lang", "en", "--help")],
                         ids=["before the command", "after it"])
def test_the_help_speaks_english_with_lang_en_before_or_after_the_command(run_cli, dutch, args):
    page = run_cli(*args).stdout
    assert re.search(r"^Usage: \S+ settle \[OPTIONS\] PATH\.\.\.$", page, re.M)
    assert "Settle covenants and their addenda" in page and "[default: table]" in page and "Gebruik" not in page


def test_lang_stands_before_or_after_a_command_of_a_group(run_cli, dutch):
    """`new` is a group of commands: `--lang` before the kind, or after it."""
    for args in (("new", "--lang", "en", "realisation"), ("new", "realisation", "--lang", "en")):
        missing = run_cli(*args)
        assert missing.exit_code == 2
        assert missing.stderr.splitlines()[-1] == "  hint: `root new realisation -h` lists the arguments and options"


def test_the_command_list_names_every_command_in_either_language(run_cli, dutch):
    for args, title, text in ((("--help",), "Commando's:", "Begin een bestand"),
                              (("--lang", "en", "--help"), "Commands:", "Start a file")):
        page = run_cli(*args).stdout
        commands = page.split(f"\n{title}\n")[1]
        assert re.findall(r"^  ([a-z]+) {2,}\S", commands, re.M) == [
            "validate", "settle", "diff", "test", "new", "import", "explain", "schema"]
        assert text in commands


def test_a_usage_error_is_clicks_message_with_a_hint_in_the_language(run_cli, dutch):
    """click's usage errors are English (typer carries click without its translations): each
    comes under the command's usage line, with a hint of our own in the run's language."""
    unknown = run_cli("validate", "convenants", "--bogus")
    assert unknown.exit_code == 2 and unknown.stdout == ""
    assert re.fullmatch(r"Gebruik: \S+ validate \[OPTIES\] PAD\.\.\.\n"
                        r"convenant: fout: No such option: --bogus \(Possible options: --verbose\)\n"
                        r"  tip: `\S+ validate -h` toont de argumenten en opties\n", unknown.stderr)
    missing = run_cli("diff", "a.yaml")
    assert missing.exit_code == 2 and "convenant: fout: Missing argument 'NEW'." in missing.stderr
    command = run_cli("valdate")
    assert command.exit_code == 2 and "No such command 'valdate'. Did you mean 'validate'?" in command.stderr
    assert re.search(r"tip: `\S+ -h` toont de argumenten en opties", command.stderr)
    english = run_cli("--lang", "en", "validate", "convenants", "--bogus")
    assert english.stderr.splitlines()[1:] == [
        "convenant: error: No such option: --bogus (Possible options: --verbose)",
        "  hint: `root validate -h` lists the arguments and options"]


def test_a_wrong_value_is_named_in_the_language_wherever_lang_stands(run_cli, dutch):
    """A value is checked after `--lang` is read, wherever it stands: the choice's own words
    follow the language, under click's English `Invalid value for`."""
    xlsx = run_cli("settle", "convenants/metaal-2023-2025.yaml", "--format", "xlsx")
    assert xlsx.exit_code == 2
    assert ("convenant: fout: Invalid value for '--format': 'xlsx' is niet een van: table, json. "
            "tip: de werkmap is een eigen optie: gebruik --xlsx BESTAND") in xlsx.stderr
    english = run_cli("settle", "convenants/metaal-2023-2025.yaml", "--format", "xlsx", "--lang", "en")
    assert ("convenant: error: Invalid value for '--format': 'xlsx' is not one of: table, json. "
            "hint: the workbook is an option of its own: use --xlsx FILE") in english.stderr


def test_a_wrong_language_is_named(run_cli, dutch, monkeypatch):
    wrong = run_cli("validate", "convenants", "--lang", "fr")
    assert wrong.exit_code == 2 and "'fr' is niet een van: nl, en." in " ".join(wrong.stderr.split())
    monkeypatch.setenv("CONVENANT_LANG", "fr")
    environment = run_cli("validate", "convenants")
    assert environment.exit_code == 2
    assert environment.stderr == ("convenant: fout: CONVENANT_LANG='fr' is geen taal die convenant spreekt\n"
                                  "  tip: zet ze op nl of en, of verwijder ze\n")


def test_a_run_without_a_message_never_reads_the_catalogue(run_cli, dutch, monkeypatch):
    """Start-up: the catalogue loads with the first message, not with every run."""
    import convenant_cli.domain.language as language

    def refused() -> None:
        raise AssertionError("the catalogue was read")

    monkeypatch.setattr(language, "_translations", refused)
    settled = run_cli("settle", "convenants/metaal-2023-2025.yaml", "-r",
                      "convenants/examples/metaal-2023-2025-realisatie.yaml", "--assessment",
                      "convenants/examples/metaal-2023-2025-beoordeling.yaml", "--format", "json")
    assert settled.exit_code == 0 and json.loads(settled.stdout)["portfolio"]["totals"]["payable"] == "1022559.87"
