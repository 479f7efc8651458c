"""Acceptance: one event per event over a generated corpus of 2,000+ invented reports.

The corpus (tests/corpus_events.py) is written from a known list of events, several
differently worded reports each with differing tolls, plus unrelated articles. It is
ingested with the real pipeline; the merged events must number the true events within
2%, and no merged event may hold reports of two different true events.

Extraction runs once per session (it is the slow part: about a minute on 2 cores); the
PostgreSQL run replays those Results through ``ingest``'s pluggable extractor, so both
backends merge exactly the same per-article records.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from pathlib import Path

import pytest

from corpus_events import hard_pairs, make_corpus
from eventwire.ingestion import in_process, ingest
from eventwire.records import Result
from eventwire.store import open_store


@pytest.fixture(scope="session")
def corpus():  # type: ignore[no-untyped-def]
    return make_corpus(seed=0)


@pytest.fixture(scope="session")
def extracted() -> dict[str, Result]:
    """Results by article id, filled by the first ingest of the session."""
    return {}


def _recording(cache: dict[str, Result]):  # type: ignore[no-untyped-def]
    """The in-process extractor, keeping each Result; a replay of them once all are kept."""
    real = in_process()

    def run(batches):  # type: ignore[no-untyped-def]
        for batch in batches:
            if all(a.id in cache for a in batch):
                yield [copy.deepcopy(cache[a.id]) for a in batch]
                continue
            results = next(real(iter([batch])))
            for art, res in zip(batch, results, strict=True):
                cache[art.id] = res
            yield results

    return run


def test_corpus_one_event_per_event(corpus, extracted, store_url, tmp_path: Path) -> None:
    assert len(corpus.articles) >= 2000
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for art in corpus.articles:
            f.write(json.dumps(art) + "\n")

    report = ingest([str(path)], db=store_url, extractor=_recording(extracted))
    assert report.failed == 0 and report.stored == len(corpus.articles)

    with open_store(store_url) as store:
        line_of = {r["article_id"]: r["source"] for r in store.db.query(
            "SELECT article_id, source FROM inputs")}  # fmt: skip
        truth = {
            aid: corpus.truth[corpus.articles[int(src.rsplit("#L", 1)[1]) - 1]["id"]]
            for aid, src in line_of.items()
        }
        events, total = store.query_events(limit=None)

    # Unrelated articles (sport, markets, weather) yield nothing.
    unrelated = [e.event_id for e in events if any(truth[s] is None for s in e.sources)]
    assert unrelated == []
    # No merged event holds reports of two true events.
    mixed = {e.event_id: sorted({truth[s] for s in e.sources}) for e in events}
    mixed = {k: v for k, v in mixed.items() if len(v) > 1}
    assert mixed == {}
    true_events = len(corpus.events)
    per_true = Counter(truth[s] for e in events for s in e.sources[:1])
    split = {k: n for k, n in per_true.items() if n > 1}
    missed = true_events - len(per_true)
    print(
        f"\ncorpus: {len(corpus.articles)} articles, {true_events} true events; merged "
        f"events {total} ({(total - true_events) / true_events:+.1%}); true events split "
        f"in two or more: {len(split)}; true events not found: {missed}; "
        f"mixed merges: {len(mixed)}; hard pairs kept apart: "
        f"{ {k: len(v) for k, v in hard_pairs(corpus.events).items()} }"
    )
    assert abs(total - true_events) <= 0.02 * true_events
    # The hard cases are there, and each pair's reports ended in different events (a
    # pair merged would be a mixed event above; here: both were found at all).
    hard = hard_pairs(corpus.events)
    assert len(hard["same_day"]) >= 10 and len(hard["week_apart"]) >= 5
    for a, b in hard["same_day"] + hard["week_apart"]:
        assert a in per_true and b in per_true


def test_corpus_reingest_adds_nothing(corpus, extracted, tmp_path: Path) -> None:
    """Re-ingesting the same corpus changes no table but the clock columns."""
    path = tmp_path / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for art in corpus.articles[:400]:
            f.write(json.dumps(art) + "\n")
    db = str(tmp_path / "e.db")
    ingest([str(path)], db=db, extractor=_recording(extracted))
    before = _tables(db)
    again = ingest([str(path)], db=db, extractor=_recording(extracted))
    assert again.unchanged == 400 and again.stored == 0 and again.events == 0
    assert _tables(db) == before


def _tables(db: str) -> dict[str, list[str]]:
    clock = {"ingested_at", "seen_at", "created_at", "updated_at", "at", "applied_at"}
    with open_store(db) as store:
        return {
            t: sorted(
                json.dumps({k: v for k, v in r.items() if k not in clock}, sort_keys=True)
                for r in store.db.query(f"SELECT * FROM {t}")
            )
            for t in ("articles", "inputs", "article_events", "events", "event_versions")
        }
