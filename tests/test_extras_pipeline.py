"""Claims, quotes and relations through ``eventwire.extract`` and the CLI's JSONL contract.

The report below is invented for these tests. It carries over the facts of the project's
example (a US strike in Syria killing a man tied to the Palmyra ambush) in new words, so
that the issue's acceptance items are checked without copying the example's text.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventwire
from eventwire import Claim, Quote, Relation, Result, Span

REPO = Path(__file__).resolve().parent.parent

REPORT = (
    "US forces kill militant tied to Palmyra attack\n"
    "US Central Command (CENTCOM) said an airstrike in northwestern Syria on Friday killed "
    "Bilal Hasan al-Jasim, an al-Qaeda-affiliated militant directly connected to the ISIS gunman "
    "behind the December ambush in Palmyra that killed two US soldiers.\n"
    "Since the ambush, US forces and their partners have struck more than 100 ISIS weapons "
    "sites across Syria, CENTCOM said. It added that over the past year partner forces had "
    "captured more than 300 ISIS members and killed over 20.\n"
    "\"Anyone who targets our troops will be found and held to account,\" CENTCOM commander "
    "Admiral Brad Cooper said in a written statement.\n"
    "President Donald Trump, speaking to reporters after the ambush, said: \"Those responsible "
    "will pay a very heavy price.\"\n"
)


@pytest.fixture(scope="module")
def report() -> Result:
    result = eventwire.extract(REPORT, published="2026-01-17")
    assert result.error is None, result.error
    return result


def test_pipeline_campaign_figures_are_claims_with_lower_bounds(report: Result) -> None:
    got = {(c.value, c.qualifier, c.action) for c in report.claims}
    assert got == {(100, "more than", "strike"), (300, "more than", "capture"),
                   (20, "more than", "kill")}
    by_value = {c.value: c for c in report.claims}
    assert by_value[300].counted == "ISIS members captured"
    assert by_value[300].period == "over the past year"
    assert by_value[20].counted == "killed"
    assert all(c.claimant == "CENTCOM" for c in report.claims)
    assert all(c.report_date == "2026-01-17" for c in report.claims)
    assert by_value[100].actor is not None and "United States" in by_value[100].actor


def test_pipeline_quotes_have_their_speakers(report: Result) -> None:
    direct = [q for q in report.quotes if q.direct]
    assert [(q.speaker, q.role, q.organisation) for q in direct] == [
        ("Brad Cooper", "commander", "CENTCOM"), ("Donald Trump", "president", None)]
    assert any(not q.direct and q.speaker == "CENTCOM" for q in report.quotes)


def test_pipeline_relations_tie_the_militant(report: Result) -> None:
    got = {(r.source, r.relation, r.target, r.target_type) for r in report.relations}
    assert ("Bilal Hasan al-Jasim", "affiliated_with", "Al Qaeda", "group") in got
    assert ("Bilal Hasan al-Jasim", "linked_to", "ISIS gunman", "unnamed") in got


def test_pipeline_campaign_figures_are_not_events(report: Result) -> None:
    # The strike and the ambush are events; the running totals are not.
    assert all(e.fatalities < 20 for e in report.events)


def _texts() -> list[tuple[str, str | None]]:
    items = [json.loads(line) for line in
             (REPO / "tests" / "extras_gold" / "passages.jsonl").read_text().splitlines()]
    texts = [(it["text"], it.get("published")) for it in items]
    texts.append((REPORT, "2026-01-17"))
    for path in sorted((REPO / "examples").glob("*.txt")):
        texts.append((path.read_text(encoding="utf-8"), None))
    return texts


def test_pipeline_extras_evidence_indexes_the_text() -> None:
    checked = 0
    for text, published in _texts():
        result = eventwire.extract(text, published=published)
        for record in [*result.claims, *result.quotes, *result.relations]:
            for spans in record.evidence.values():
                for s in spans:
                    assert 0 <= s.start <= s.end <= len(text)
                    assert text[s.start : s.end] == s.text, (record, s)
                    checked += 1
    assert checked > 500


def test_pipeline_extras_survive_a_json_round_trip(report: Result) -> None:
    back = Result.from_dict(json.loads(json.dumps(report.as_dict())))
    assert back.id == report.id
    for cls, records in ((Claim, report.claims), (Quote, report.quotes),
                         (Relation, report.relations)):
        for record in records:
            again = cls.from_dict(json.loads(json.dumps(record.as_dict())))
            assert again == record
            assert all(isinstance(s, Span) for spans in again.evidence.values() for s in spans)


def test_pipeline_jsonl_output_carries_extras(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": REPORT, "published": "2026-01-17"}) + "\n")
    proc = run_cli("extract", "--jsonl", str(src))
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.splitlines()
    out = json.loads(line)
    assert out["id"] == "r1"
    assert {c["value"] for c in out["claims"]} == {100, 300, 20}
    assert {"Brad Cooper", "Donald Trump"} <= {q["speaker"] for q in out["quotes"]}
    assert any(r["relation"] == "affiliated_with" for r in out["relations"])
    span = out["claims"][0]["evidence"]["value"][0]
    assert REPORT[span["start"] : span["end"]] == span["text"]
