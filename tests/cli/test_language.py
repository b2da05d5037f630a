"""One language per reader: Dutch by default, English with `--lang en` or CONVENANT_LANG=en.
Diagnostics and their hints, labels, summaries, notes, the help and click's usage errors
follow the language; codes, keys and JSON vocabulary stay English."""

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
    assert rule == {"id": "CV101", "shortDescription": {"text": "onbekende sleutel (met de dichtstbijzijnde gekende "
                                                                "sleutel)"}, "defaultConfiguration": {"level": "error"}}
    junit = run_cli("validate", mistaken, "--format", "junit").stdout
    assert "fout.yaml:8:1: fout[CV101]: onbekende sleutel `sectr`" in junit


def test_settle_help_is_dutch(run_cli, dutch):
    page = run_cli("settle", "--help").stdout
    assert re.search(r"Gebruik: \S+ settle \[OPTIES\] PAD\.\.\.", page)
    for dutch_text in ("Argumenten", "Opties",
                       "Reken convenanten en hun addenda af; zonder eindrapport, toon de maxima.",
                       "--realisation", "BESTAND", "[standaard: table]", "[verplicht]", "Toon deze hulp en stop."):
        assert dutch_text in page, dutch_text
    for english in ("Usage", "Arguments", "Options", "Settle covenants", "Show this message", "default:",
                    "required", "FILE"):
        assert english not in page, english
    assert "Settle covenants and their addenda" in run_cli("settle", "--help", "--lang", "en").stdout


def test_the_command_list_names_every_command_in_either_language(run_cli, dutch):
    page = run_cli("--help").stdout
    names = [line.split()[1] for line in page.splitlines() if re.match(r"│ [a-z]+ {2,}\S", line)]
    assert names == ["validate", "settle", "diff", "test", "new", "import", "schema"]
    assert "Commando's" in page and "Begin een bestand" in page


def test_usage_errors_speak_the_language(run_cli, dutch):
    xlsx = " ".join(run_cli("settle", "convenants/metaal-2023-2025.yaml", "--format", "xlsx").stderr
                    .replace("│", " ").split())
    assert "Ongeldige waarde voor '--format': 'xlsx' is niet een van: table, json. " \
           "tip: de werkmap is een eigen optie: gebruik --xlsx BESTAND" in xlsx
    assert re.search(r"Zie '\S+ settle -h' voor hulp\.", xlsx) and "Fout" in xlsx
    unknown = run_cli("validate", "convenants", "--bogus")
    assert unknown.exit_code == 2 and "Onbekende optie: --bogus" in unknown.stderr
    missing = run_cli("diff", "a.yaml")
    assert missing.exit_code == 2 and "Argument 'NIEUW' ontbreekt." in missing.stderr
    english = run_cli("validate", "convenants", "--bogus", "--lang", "en")
    assert "No such option: --bogus" in english.stderr and re.search(r"Try '\S+ validate -h' for help", english.stderr)


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
