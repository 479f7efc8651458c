"""Claims, quotes and relations in the store (store/extras.py) and their CLI listings, on
SQLite and PostgreSQL. The records are built by hand, as extraction returns them; the
article texts are invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventwire.records import Article, Claim, Quote, Relation, Result, Span
from eventwire.store import ExtraFilter, Outcome, content_hash, open_store
from eventwire.store.extras import KINDS

TEXT_A = ("Since January the army has captured more than 300 fighters, General Musa Bello said. "
          "\"We will not stop,\" he said. Abu Omar, a commander of Ansar Dine, was among them.")
TEXT_B = ("Police said 40 protesters were detained in the past week. The governor said calm "
          "had returned. Katiba Macina is allied with Ansar Dine.")


def _span(text: str, words: str) -> list[Span]:
    at = text.index(words)
    return [Span.of(text, at, at + len(words))]


def _result_a(text: str) -> Result:
    claim = Claim(300, "more than", counted="fighters captured", action="capture",
                  actor="Military Forces of Mali (2021-)", period="Since January",
                  claimant="Musa Bello", report_date="2024-03-02")
    claim.evidence["value"] = _span(text, "more than 300")
    direct = Quote("We will not stop", speaker="Musa Bello", role="general",
                   direct=True, attribution="pronoun")
    reported = Quote("the army has captured more than 300 fighters", speaker="Musa Bello",
                     direct=False, attribution="indirect")
    rel = Relation("Abu Omar", "leader_of", "Ansar Dine", "person", "group", "commander")
    return Result(claims=[claim], quotes=[direct, reported], relations=[rel])


def _result_b() -> Result:
    return Result(
        claims=[Claim(40, "exact", counted="protesters detained", action="detain",
                      actor="Police Forces of Mali (2021-)", period="in the past week",
                      claimant="Police", report_date="2024-03-09")],
        quotes=[Quote("calm had returned", speaker="governor", role="governor", direct=False)],
        relations=[Relation("Katiba Macina", "allied_with", "Ansar Dine")],
    )


def _outcome(source: str, text: str, result: Result, published: str) -> Outcome:
    art = Article(text=text, id=content_hash(text), published=published, title=source)
    result.id = art.id
    return Outcome(source, "stored", article=art, result=result)


@pytest.fixture
def filled(store_url):  # type: ignore[no-untyped-def]
    """A store holding two invented articles with their claims, quotes and relations."""
    with open_store(store_url) as store:
        store.record(_outcome("a.txt", TEXT_A, _result_a(TEXT_A), "2024-03-02"), "1.0.0")
        store.record(_outcome("b.txt", TEXT_B, _result_b(), "2024-03-09"), "1.0.0")
        yield store


def test_store_extras_are_listed_with_their_articles(filled) -> None:  # type: ignore[no-untyped-def]
    rows, total = filled.query_claims()
    assert total == 2 and [r["value"] for r in rows] == [300, 40]  # storage order
    first = rows[0]
    assert (first["article_title"], first["published"], first["claimant"]) == (
        "a.txt", "2024-03-02", "Musa Bello")
    span = first["evidence"]["value"][0]
    assert TEXT_A[span["start"] : span["end"]] == span["text"]  # spans survive the store
    quotes, n_quotes = filled.query_quotes()
    relations, n_relations = filled.query_relations()
    assert (n_quotes, n_relations) == (3, 2)
    assert relations[0]["source_role"] == "commander"


@pytest.mark.parametrize("kind, filters, want", [
    ("claims", ExtraFilter(actor="mali"), [300, 40]),
    ("claims", ExtraFilter(actor="police"), [40]),
    ("claims", ExtraFilter(speaker="bello"), [300]),
    ("claims", ExtraFilter(action="detain"), [40]),
    ("claims", ExtraFilter(since="2024-03-05"), [40]),
    ("claims", ExtraFilter(until="2024-03-05"), [300]),
    ("claims", ExtraFilter(text="past week"), [40]),
    ("quotes", ExtraFilter(direct=True), ["We will not stop"]),
    ("quotes", ExtraFilter(direct=False, speaker="governor"), ["calm had returned"]),
    ("relations", ExtraFilter(actor="ansar dine"), ["leader_of", "allied_with"]),
    ("relations", ExtraFilter(relation="allied_with"), ["allied_with"]),
    ("relations", ExtraFilter(actor="100%_"), []),  # LIKE wildcards are taken literally
])
def test_store_extras_filters(filled, kind: str, filters: ExtraFilter, want: list) -> None:  # type: ignore[no-untyped-def]
    rows, total = getattr(filled, f"query_{kind}")(filters)
    key = {"claims": "value", "quotes": "text", "relations": "relation"}[kind]
    assert [r[key] for r in rows] == want and total == len(want)


def test_store_extras_page(filled) -> None:  # type: ignore[no-untyped-def]
    rows, total = filled.query_quotes(limit=1, offset=1)
    assert total == 3 and [r["direct"] for r in rows] == [False]


def test_store_extras_recoded_article_replaces_its_rows(filled) -> None:  # type: ignore[no-untyped-def]
    newer = _result_a(TEXT_A)
    newer.claims[0].value = 310
    newer.relations = []
    assert filled.record(_outcome("a.txt", TEXT_A, newer, "2024-03-02"), "2.0.0") == "updated"
    assert [r["value"] for r in filled.query_claims()[0]] == [310, 40]
    assert [r["relation"] for r in filled.query_relations()[0]] == ["allied_with"]


def test_store_extras_migration_fills_an_older_store(store_url) -> None:  # type: ignore[no-untyped-def]
    with open_store(store_url) as store:
        store.record(_outcome("a.txt", TEXT_A, _result_a(TEXT_A), "2024-03-02"), "1.0.0")
        # Back to a store made before migration 2: its tables gone, its record removed.
        with store.db.transaction():
            for table in KINDS:
                store.db.execute(f"DROP TABLE {table}")
            store.db.execute("DELETE FROM schema_migrations WHERE version = 2")
    with open_store(store_url) as store:  # opening migrates, filling from the stored Results
        assert store.schema_version() >= 2
        assert [r["value"] for r in store.query_claims()[0]] == [300]
        assert store.query_quotes()[1] == 2 and store.query_relations()[1] == 1


def test_store_extras_cli_lists(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = ("Since the start of the year, the army has arrested more than 200 suspected "
            "militants, military spokesman Ahmed Saleh said on Sunday. \"Our operations will "
            "continue,\" he said. Abu Yasir, a commander of al-Shabaab, was among those held.")
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "s1", "text": text, "published": "2024-06-02"}) + "\n")
    db = str(tmp_path / "events.db")
    assert run_cli("ingest", str(src), "--db", db).returncode == 0
    out = run_cli("claims", "--db", db, "--json", "--claimant", "saleh")
    assert out.returncode == 0, out.stderr
    (claim,) = [json.loads(line) for line in out.stdout.splitlines()]
    assert (claim["value"], claim["qualifier"], claim["published"]) == (200, "more than",
                                                                        "2024-06-02")
    quotes = run_cli("quotes", "--db", db, "--direct")
    assert "Ahmed Saleh" in quotes.stdout and "1 of 1 quotes" in quotes.stderr
    rels = run_cli("relations", "--db", db, "--json", "--relation", "leader_of")
    (rel,) = [json.loads(line) for line in rels.stdout.splitlines()]
    assert rel["source"] == "Abu Yasir" and "Shabaab" in rel["target"]
