"""Ingest: read any pile of news, extract events, store and merge them, account for everything.

>>> report = ingest(["news/"], db="events.db", published="2024-05-03")  # doctest: +SKIP
>>> report.stored, report.skipped, report.failed                          # doctest: +SKIP
(1840, 12, 3)

Three parts, so that extraction can later run in worker processes or on a Dask cluster
with the store keeping ONE writer:

1. reading (``readers.read_sources``): inputs become Items, in a fixed order;
2. extraction: an ``Extractor`` maps a stream of batches of Articles to a stream of
   batches of Results, in the same order (``parallel.py``: the default, ``in_process``,
   runs the pipeline in this process; worker processes and a Dask cluster run it
   elsewhere: ``workers=N``, ``dask="tcp://..."``);
3. the writer: ``Store.record`` stores each input's outcome in one transaction.

Content already stored by this eventwire version (or a later one) is not extracted again,
so re-running an interrupted ingest resumes it, and re-ingesting adds nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from . import about
from .errors import StoreError
from .options import Options
from .parallel import Extractor, in_process, make_extractor
from .readers import Item, read_sources
from .records import Article, Result
from .store import FAILED, STORED, Outcome, Store, open_store

__all__ = ["Extractor", "IngestReport", "in_process", "ingest"]

@dataclass(slots=True)
class IngestReport:
    """What an ingest did with its inputs (``record``'s answers, counted) and events stored."""

    stored: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0  # per-article events stored or re-coded in this run
    # Merged events, by id, in the order this run first touched them: new ones, older
    # ones that new reports joined, older ones that re-coding changed.
    created: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    recoded: list[str] = field(default_factory=list)
    noted: set[tuple[str, str]] = field(default_factory=set, repr=False)  # for the three above
    reasons: dict[str, int] = field(default_factory=dict)  # skip and failure reasons, counted
    # How extraction ran, when it ran elsewhere: worker processes or Dask (their ``stats``).
    extraction: dict[str, Any] = field(default_factory=dict)

    @property
    def inputs(self) -> int:
        return self.stored + self.updated + self.unchanged + self.skipped + self.failed

    def as_dict(self) -> dict[str, Any]:
        return {
            "inputs": self.inputs, "stored": self.stored, "updated": self.updated,
            "unchanged": self.unchanged, "skipped": self.skipped, "failed": self.failed,
            "events": self.events, "reasons": dict(self.reasons),
            "created": list(self.created), "merged": list(self.merged),
            "recoded": list(self.recoded), "extraction": dict(self.extraction),
        }  # fmt: skip


def ingest(
    paths: Iterable[str] = (),
    *,
    db: str | Store | None = None,
    feeds: Iterable[str] = (),
    published: str | None = None,
    options: Options = Options(),
    extractor: Extractor | None = None,
    version: str | None = None,
    progress: Callable[[str, int], None] | None = None,
    workers: int | None = None,
    dask: str | None = None,
    items: Iterable[Item] = (),
) -> IngestReport:
    """Read ``paths`` (files, folders, globs) and ``feeds`` (URLs) into the store ``db``.

    >>> ingest(["crawl.warc.gz"], db="postgresql://localhost/events")  # doctest: +SKIP

    ``published`` is the date of inputs that carry none; ``workers`` (N processes) or
    ``dask`` (a scheduler's address) run extraction in parallel, ``extractor`` replaces
    it altogether (by default it runs in this process); ``version`` is the eventwire
    version recorded with each article (a newer one re-codes stored articles);
    ``progress(status, bytes_read)`` is called after each input.
    ``items`` are inputs already read (``readers.read_object``), taken after ``paths``
    and ``feeds``: the REST API stores a POSTed article this way.
    """
    # One path or URL given as a plain string is one input, not a list of characters.
    paths = [paths] if isinstance(paths, str) else list(paths)
    feeds = [feeds] if isinstance(feeds, str) else list(feeds)
    version = version or about.version()
    if extractor is None:
        extractor = make_extractor(options, workers=workers, dask=dask)
    store = db if isinstance(db, Store) else open_store(db)
    report = IngestReport()
    try:
        read = read_sources(
            paths, feeds=feeds, published=published, options=options,
            known=lambda source: store.source_is_current(source, version),
        )  # fmt: skip
        batches = _batches(chain(read, items), store, version, options.batch_size)
        for outcome, pos in _write_order(batches, extractor):
            changes: list[tuple[str, str]] = []
            status = _record(store, outcome, version, changes)
            _count(report, status, outcome)
            _note_events(report, changes)
            if progress is not None:
                progress(status, pos)
    finally:
        if not isinstance(db, Store):
            store.close()
    stats = getattr(extractor, "stats", None)  # a parallel extractor's account of its run
    if stats is not None:
        report.extraction = stats.as_dict()
    return report


@dataclass(slots=True)
class _Batch:
    items: list[Item]
    todo: list[Article]  # the articles of ``items`` to extract, in order


def _batches(items: Iterable[Item], store: Store, version: str, size: int) -> Iterator[_Batch]:
    """Items grouped so that each batch holds up to ``size`` articles to extract."""
    batch = _Batch([], [])
    pending: set[str] = set()
    for item in items:
        batch.items.append(item)
        art = item.article
        if art is not None and art.id not in pending and store.needs_extraction(art.id, version):
            batch.todo.append(art)
            pending.add(art.id)
        if len(batch.todo) >= size:
            yield batch
            batch, pending = _Batch([], []), set()
    if batch.items:
        yield batch


def _write_order(batches: Iterator[_Batch], extractor: Extractor) -> Iterator[tuple[Outcome, int]]:
    """Each input's Outcome, in input order, with its Result where it was extracted."""
    queue: list[_Batch] = []

    def todo() -> Iterator[list[Article]]:
        for batch in batches:
            queue.append(batch)
            yield batch.todo

    for results in extractor(todo()):
        batch = queue.pop(0)
        if len(results) != len(batch.todo):
            raise RuntimeError(f"extractor returned {len(results)} results for {len(batch.todo)}")
        by_article = {id(a): r for a, r in zip(batch.todo, results, strict=True)}
        for item in batch.items:
            yield _outcome(item, by_article.get(id(item.article))), item.pos


def _outcome(item: Item, result: Result | None) -> Outcome:
    if item.article is None:
        return Outcome(item.source, item.status or FAILED, item.reason, "read")
    if result is not None and result.error:
        return Outcome(item.source, FAILED, result.error, "extract")
    if result is not None:
        result.id = item.article.id
    return Outcome(item.source, STORED, article=item.article, result=result)


def _note_events(report: IngestReport, changes: list[tuple[str, str]]) -> None:
    """Add what one input did to merged events to the report (an event created in this
    run stays "created" when later reports join it)."""
    lists = {"created": report.created, "merged": report.merged, "updated": report.recoded}
    for event_id, what in changes:
        if (event_id, "created") not in report.noted and (event_id, what) not in report.noted:
            lists[what].append(event_id)
            report.noted.add((event_id, what))


def _record(store: Store, outcome: Outcome, version: str, changes: list[tuple[str, str]]) -> str:
    """``store.record``, and when the store refuses an article (a value no column can
    hold, whatever no one foresaw), the input is recorded as failed at stage "store",
    with the reason, and the run goes on. When even that is refused, the store itself is
    out of order and the error stops the run (a rerun resumes it)."""
    try:
        return store.record(outcome, version, changes)
    except StoreError as exc:
        if outcome.status != STORED:
            raise
        failed = Outcome(outcome.source, FAILED, f"cannot be stored: {exc}", "store")
        return store.record(failed, version, changes)


def _count(report: IngestReport, status: str, outcome: Outcome) -> None:
    setattr(report, status, getattr(report, status) + 1)
    if status in ("stored", "updated") and outcome.result is not None:
        report.events += len(outcome.result.events)
    if status in ("skipped", "failed"):
        # The store finds duplicates: an input read as an article and answered "skipped".
        dup = outcome.status == STORED and status == "skipped"
        reason = "duplicate" if dup else (outcome.reason or status).split(" (")[0]
        report.reasons[reason] = report.reasons.get(reason, 0) + 1
