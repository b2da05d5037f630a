"""Each figure is cited one way: the table of `domain.citations` names rulebook sections that
`docs/rulebook.md` has, and articles its headings give those sections; the explanation
(`--explain`) and the HTML report's chain cite every figure as the table does."""

from __future__ import annotations

import json
import re

from convenant_cli.domain.citations import CITATIONS
from convenant_cli.render.vocabulary import label
from tests.conftest import CONVENANTS, EXAMPLES, ROOT

METAAL = CONVENANTS / "metaal-2023-2025.yaml"
METAAL_REAL = EXAMPLES / "metaal-2023-2025-realisatie.yaml"
METAAL_JUDGED = EXAMPLES / "metaal-2023-2025-beoordeling.yaml"


def rulebook_articles() -> dict[str, set[int]]:
    """Each section of the rulebook (`## R6 — Costs and advances (Art. 3, 5 and 6)`) with the
    articles its heading names."""
    found = {}
    for section, articles in re.findall(r"^## (R\d) — .*\(Art\. ([\d, and]+)\)$",
                                        (ROOT / "docs" / "rulebook.md").read_text(encoding="utf-8"), flags=re.M):
        found[section] = {int(number) for number in re.findall(r"\d+", articles)}
    return found


def test_every_citation_names_sections_of_the_rulebook_and_articles_their_headings_give():
    sections = rulebook_articles()
    assert sorted(sections) == [f"R{n}" for n in range(1, 9)]
    for key, citation in CITATIONS.items():
        assert set(citation.sections) <= set(sections), key
        allowed = set().union(*(sections[section] for section in citation.sections))
        assert set(citation.articles) <= allowed, (key, citation, allowed)


def test_the_explanation_cites_each_figure_as_the_table(run_cli):
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--assessment", METAAL_JUDGED, "--explain",
                     "--format", "json")
    assert result.exit_code == 0, result.stderr
    steps = [step for line in json.loads(result.stdout)["settlements"][0]["beneficiaries"] for step in line["steps"]]
    by_label = {label(key): key for key in CITATIONS if key in {"maximum", "shortfall_fte_days", "deduction", "effort",
                                                                "result", "payable", "eligible_costs", "advances",
                                                                "balance"}}
    by_label["Cap of the eligible costs"] = "cap"
    seen = set()
    for step in steps:
        key = by_label.get(step["figure"])
        if key is not None:
            assert (step["rule"], step["article"]) == (CITATIONS[key].rulebook, CITATIONS[key].article), step
            seen.add(key)
    assert seen == set(by_label.values()) - {"advances"}  # one tranche each: the balance's step names it
    # at a monitoring moment the advances paid by the day (Art. 6)
    result = run_cli("settle", METAAL, "-r", METAAL_REAL, "--as-of", "2024-09-30", "--explain", "--format", "json")
    assert result.exit_code == 0, result.stderr
    paid = [step for line in json.loads(result.stdout)["settlements"][0]["beneficiaries"] for step in line["steps"]
            if step["figure"] == label("advances")]
    assert len(paid) == 8
    assert {(step["rule"], step["article"]) for step in paid} == {(CITATIONS["advances_as_of"].rulebook,
                                                                   CITATIONS["advances_as_of"].article)}


def test_the_reports_chain_cites_each_figure_as_the_table(run_cli, tmp_path):
    result = run_cli("settle", CONVENANTS, "--html", tmp_path / "report")
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "report" / "metaal-2023-2025.html").read_text(encoding="utf-8")
    rows = re.findall(r'<tr class="figure-(\w+)">.*?<td class="num"><data data-key="\w+".*?</td><td>([^<]*)</td>'
                      r'<td>([^<]*)</td></tr>', html)
    # 8 beneficiaries × maximum, deduction, base, effort, result, payable, advances, balance; INOM's eligible
    # costs (a cap that caps nothing); RTM's effort + result and the eligible costs that cap it
    assert len(rows) == 8 * 8 + 1 + 2
    for key, article, rulebook in rows:
        # the capped payable is the cap's figure (R6), as the explanation's step of the cap gives it
        capped = key == "payable" and (article, rulebook) == (CITATIONS["cap"].article, CITATIONS["cap"].rulebook)
        cited = CITATIONS["cap" if capped else key]
        assert (article, rulebook) == (cited.article, cited.rulebook), key
    assert sum(1 for key, article, _ in rows if key == "payable" and article == "Art. 5") == 1  # RTM Vlaams-Brabant
