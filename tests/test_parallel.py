"""Extraction in worker processes and on a Dask cluster stores what one process stores.

Real processes throughout: a forkserver pool of workers, and a real ``distributed``
LocalCluster of worker processes. Texts are invented (tests/corpus_events.py and the
literals below).
"""

from __future__ import annotations

import csv
import io
import json
import os
from dataclasses import replace
from pathlib import Path

import pytest

from corpus_events import make_corpus
from eventwire.exports import export
from eventwire.ingestion import ingest
from eventwire.options import Options
from eventwire.parallel import ProcessExtractor, extract_batch
from eventwire.records import Article
from eventwire.store import open_store
from test_store import _snapshot

# Invented: a report whose marker sentence makes the test's batch function misbehave.
CRASH = "The relay station's generator failed for the third time this week."
RAISE = "Engineers said the fault was in the cooling pump."
ODD_REPORT = (
    "Gunmen killed four villagers in Kano, Nigeria, on 2 April 2024, police said. {marker} "
    "Traders said they would return on Monday."
)


def _misbehave(articles: list[Article], options: Options) -> list:  # type: ignore[type-arg]
    """A batch function that kills its worker process when a batch holds CRASH, and
    raises (as a parser might) when it holds RAISE; otherwise the pipeline's."""
    if any(CRASH in a.text for a in articles):
        os._exit(3)
    if any(RAISE in a.text for a in articles):
        raise RuntimeError("the parser gave up")
    from eventwire.pipeline import extract_articles

    return extract_articles(articles, options)


def _write(path: Path, texts: list[dict]) -> str:  # type: ignore[type-arg]
    with path.open("w", encoding="utf-8") as f:
        for obj in texts:
            f.write(json.dumps(obj) + "\n")
    return str(path)


def _corpus(n: int) -> list[dict]:  # type: ignore[type-arg]
    return make_corpus(seed=5, n_events=n // 3, n_unrelated=2).articles[:n]


def _exported(db: str) -> str:
    """The ACLED CSV export with its one clock column (``timestamp``) blanked."""
    buf = io.StringIO()
    export(db, "acled-csv", buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    at = rows[0].index("timestamp")
    for row in rows[1:]:
        row[at] = ""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


SMALL = replace(Options(), batch_size=4)


def test_parallel_two_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    news = _write(tmp_path / "news.jsonl", _corpus(16))
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    ingest([news], db=one, options=SMALL)
    # recycle_after=4 articles, one batch: every worker leaves after its first batch, so the
    # third and fourth batches are coded by replacements whatever the timing (with 8, two
    # workers could each end on their second and last batch and leave unreplaced), and
    # nothing changes for it.
    pool = ProcessExtractor(2, SMALL, recycle_after=4)
    report = ingest([news], db=two, options=SMALL, extractor=pool)
    assert report.stored == 16 and report.failed == 0
    assert report.extraction["workers"] == 2 and report.extraction["batches"] == 4
    assert pool.stats.started >= 2 and pool.stats.recycled >= 1 and pool.stats.crashed == 0
    assert 100 < pool.stats.worker_peak_mb < 1000
    with open_store(one) as a, open_store(two) as b:
        assert _snapshot(b) == _snapshot(a)
    assert _exported(two) == _exported(one)
    assert _exported(one).count("\n") > 5  # events were coded: not two empty files compared


def test_parallel_worker_that_dies_or_raises_costs_only_its_article(tmp_path: Path) -> None:
    corpus = _corpus(6)
    crash = {"text": ODD_REPORT.format(marker=CRASH), "published": "2024-04-02"}
    fault = {"text": ODD_REPORT.format(marker=RAISE), "published": "2024-04-02"}
    news = _write(tmp_path / "news.jsonl", [*corpus[:2], crash, *corpus[2:5], fault, corpus[5]])
    (tmp_path / "clean").mkdir()  # the same file name: exports name sources by it
    clean = _write(tmp_path / "clean" / "news.jsonl", corpus)
    base, db = str(tmp_path / "base.db"), str(tmp_path / "pool.db")
    ingest([clean], db=base, options=SMALL)
    pool = ProcessExtractor(2, SMALL, extract=_misbehave)
    report = ingest([news], db=db, options=SMALL, extractor=pool)
    assert (report.stored, report.failed) == (6, 2)
    # The crash's batch died, then the article alone killed another worker: both are
    # reported, and the raising article failed inside its worker without killing it.
    assert pool.stats.crashed == 2 and report.extraction["crashed"] == 2
    with open_store(db) as store:
        errors = {e["source"].rsplit("#", 1)[1]: e for e in store.errors()}
        assert errors["L3"]["reason"] == "worker process died while extracting it (exit code 3)"
        assert errors["L7"]["reason"] == "RuntimeError: the parser gave up"
        assert {e["stage"] for e in errors.values()} == {"extract"} and len(errors) == 2
        with open_store(base) as b:
            hashes = "SELECT id, result_hash FROM articles ORDER BY seq"
            assert store.db.query(hashes) == b.db.query(hashes)
    assert _exported(db) == _exported(base)


def test_parallel_extract_batch_keeps_the_rest_of_a_batch_when_one_raises() -> None:
    arts = [
        Article(text=ODD_REPORT.format(marker=""), id="a", published="2024-04-02"),
        Article(text=ODD_REPORT.format(marker=RAISE), id="b", published="2024-04-02"),
    ]
    first, second = extract_batch(arts, Options(), _misbehave)
    assert first.error is None and first.events and first.events[0].location == "Kano"
    assert second.error == "RuntimeError: the parser gave up" and not second.events


def test_parallel_cli_workers_export_what_one_process_exports(run_cli, tmp_path: Path) -> None:
    news = _write(tmp_path / "news.jsonl", _corpus(12))
    one, two = str(tmp_path / "one.db"), str(tmp_path / "two.db")
    ingest([news], db=one)
    proc = run_cli("ingest", news, "--db", two, "--workers", "2", "--batch-size", "4")
    assert proc.returncode == 0, proc.stderr
    assert "extraction: 2 worker processes (at most 2 at once), peak " in proc.stderr
    assert _exported(two) == _exported(one) and _exported(one).count("\n") > 5


@pytest.fixture(scope="module")
def dask_cluster():  # type: ignore[no-untyped-def]
    """A real Dask LocalCluster of two worker processes (one thread each); its address.

    A task whose worker dies fails at once (Dask's default is to try it on three
    workers), so the test of a crash stays short.
    """
    distributed = pytest.importorskip("distributed", reason="pip install 'eventwire[dask]'")
    import dask

    with dask.config.set({"distributed.scheduler.allowed-failures": 0}):
        cluster = distributed.LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                                           dashboard_address=None)  # fmt: skip
    with cluster:
        yield cluster.scheduler_address


# PostgreSQL: the store that several machines' ingests share.
@pytest.mark.parametrize("store_url", ["postgresql"], indirect=True)
def test_parallel_dask_cluster_stores_what_the_local_path_stores(
    dask_cluster: str, store_url, tmp_path: Path
) -> None:
    news = _write(tmp_path / "news.jsonl", _corpus(12))
    local = str(tmp_path / "local.db")
    ingest([news], db=local, options=SMALL)
    report = ingest([news], db=store_url, options=SMALL, dask=dask_cluster)
    assert report.stored == 12 and report.extraction["mode"] == "dask"
    assert report.extraction["workers"] == 2 and report.extraction["batches"] == 3
    with open_store(local) as a, open_store(store_url) as b:
        assert _snapshot(b) == _snapshot(a)
    assert _exported(store_url) == _exported(local)


def test_parallel_dask_worker_that_dies_costs_only_its_article(dask_cluster: str,
                                                               tmp_path: Path) -> None:  # fmt: skip
    from eventwire.parallel import DaskExtractor

    corpus = _corpus(5)
    crash = {"text": ODD_REPORT.format(marker=CRASH), "published": "2024-04-02"}
    news = _write(tmp_path / "news.jsonl", [*corpus[:2], crash, *corpus[2:]])
    extractor = DaskExtractor(dask_cluster, SMALL, extract=_misbehave)
    report = ingest([news], db=str(tmp_path / "d.db"), options=SMALL, extractor=extractor)
    assert (report.stored, report.failed) == (5, 1)
    # The dead worker's batch is lost, and with it any batch the scheduler had already
    # handed that worker (how many depends on timing: one or two here, never none).
    assert 1 <= extractor.stats.lost <= extractor.stats.batches
    with open_store(str(tmp_path / "d.db")) as store:
        (err,) = store.errors()
    assert err["source"].endswith("#L3") and err["stage"] == "extract"
    assert err["reason"].startswith("Dask worker lost while extracting it (KilledWorker: ")


def test_parallel_trigger_choice_is_the_same_in_every_process(nlp) -> None:  # type: ignore[no-untyped-def]
    """Where a word's lemma and its written form are both triggers ("killing": "kill" and
    "killing"), the lemma's entry is taken, whatever order the process's string hashing
    (PYTHONHASHSEED) gives a set: workers are other processes, and must code as this one."""
    from eventwire.coding.triggers import match_triggers

    text = (  # invented
        "Fighting between government soldiers and M23 rebels broke out near Goma on 3 May "
        "2024, killing seven fighters, the army said. Warplanes bombed rebel positions near "
        "Bunia on 4 May 2024, killing 31 civilians and wounding dozens of residents."
    )
    hits = [(h.text, h.entry.lemmas) for h in match_triggers(nlp(text))]
    assert hits == [
        ("Fighting", ("fight",)), ("killing", ("kill",)), ("Warplanes", ("warplane",)),
        ("bombed", ("bomb",)), ("killing", ("kill",)), ("wounding", ("wound",)),
    ]  # fmt: skip
