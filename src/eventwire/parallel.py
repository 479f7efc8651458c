"""Extraction in parallel: worker processes on this machine, or a Dask cluster.

>>> ingest(["news/"], db="events.db", workers=4)                               # doctest: +SKIP
>>> ingest(["crawl/"], db="postgresql://db/events", dask="tcp://10.0.0.5:8786")  # doctest: +SKIP

Both are ``ingestion.Extractor``s: batches of Articles in, one batch of Results per
batch out, in input order. The calling process stays the store's ONE writer and stores
results in input order, so event ids (numbered per country in arrival order) come out
exactly as with one process. Articles travel to the workers as dicts; each Result comes
back as a dict with its article's warnings (parsing an article written in capitals adds
one), so the parent stores what the pipeline would have stored in-process.

- ``ProcessExtractor``: N worker processes started with ``forkserver`` (``spawn`` where
  there is none), each loading the model once; one batch per worker at a time and at most
  ``in_flight`` batches out (backpressure: reading waits for the writer). A worker is
  replaced after ``recycle_after`` articles, or sooner when it holds more than
  ``max_worker_mb``, so memory stays bounded over a long backfill. A worker that dies
  (a crash in native code, the kernel's OOM killer) loses nothing: its batch runs again
  one article at a time, and an article that kills a worker on its own comes back failed
  with the reason.
- ``DaskExtractor``: the same batches submitted to a Dask distributed scheduler; the model
  is loaded once per Dask worker process (``nlp.load_model`` is cached per process).

A failing article never takes its batch with it (``extract_batch``).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import wait
from typing import Any

from .errors import ConfigError, ExtractionError
from .nlp import load_parser
from .options import Options
from .pipeline import BatchFn, extract_batch
from .records import Article, Result

__all__ = [
    "DASK_HINT", "DaskExtractor", "Extractor", "PoolStats", "ProcessExtractor",
    "default_workers", "extract_batch", "in_process", "make_extractor",
]  # fmt: skip

log = logging.getLogger(__name__)

DASK_HINT = "the Dask path needs Dask distributed: pip install 'eventwire[dask]'"

# Maps batches of Articles to batches of Results, one Result per Article, in order: what
# ``ingestion.ingest`` extracts with.
Extractor = Callable[[Iterator[list[Article]]], Iterator[list[Result]]]
# What a worker sends back per article: the Result's dict and the article's warnings.
Payload = list[tuple[dict[str, Any], list[str]]]

# A worker is replaced after this many articles (about 20 minutes of work on one core,
# for a few seconds of loading the model again) ...
RECYCLE_AFTER = 10_000
# ... or as soon as its resident memory passes this. With the default model a worker
# settles at about 500 MB (bench/README.md); the bound is 1 GB.
MAX_WORKER_MB = 900
# Workers that die before they are ready this many times in a row are a broken set-up
# (a model that does not load, no memory), not a bad article: the run stops.
MAX_EARLY_DEATHS = 3


def default_workers() -> int:
    """The number of CPUs this process may run on (``eventwire ingest``'s default)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def make_extractor(
    options: Options = Options(), *, workers: int | None = None, dask: str | None = None
) -> Any:
    """The extractor for a run: a Dask cluster, N worker processes, or this process."""
    if dask and workers and workers > 1:
        raise ConfigError("give either a number of workers or a Dask scheduler, not both")
    if dask:
        return DaskExtractor(dask, options)
    if workers is not None and workers < 1:
        raise ConfigError(f"workers must be at least 1, not {workers}")
    if not workers or workers == 1:
        return in_process(options)
    return ProcessExtractor(workers, options)


def in_process(options: Options = Options()) -> Extractor:
    """The default extractor: the pipeline in this process, batch by batch."""

    def run(batches: Iterator[list[Article]]) -> Iterator[list[Result]]:
        for batch in batches:
            yield extract_batch(batch, options)

    return run


def _encode(results: list[Result], articles: list[Article]) -> Payload:
    return [(r.as_dict(), list(a.warnings)) for r, a in zip(results, articles, strict=True)]


def _decode(payload: Payload, articles: list[Article]) -> list[Result]:
    if len(payload) != len(articles):
        raise ExtractionError(f"a worker returned {len(payload)} results for {len(articles)}")
    out = []
    for (data, warnings), art in zip(payload, articles, strict=True):
        art.warnings[:] = warnings  # as the in-process pipeline leaves the article
        out.append(Result.from_dict(data))
    return out


def _memory_mb(field_name: str = "VmHWM") -> float:
    """This process's peak (``VmHWM``) or current (``VmRSS``) resident memory, in MB."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field_name + ":"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource  # not Linux: the peak is all there is

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


# -- worker processes on this machine ------------------------------------------------------


@dataclass(slots=True)
class PoolStats:
    """What a ProcessExtractor did: workers started, replaced and lost; memory peaks."""

    workers: int = 0  # at most this many at once
    started: int = 0
    recycled: int = 0  # replaced after RECYCLE_AFTER articles or MAX_WORKER_MB
    crashed: int = 0  # died while extracting
    batches: int = 0
    worker_peak_mb: float = 0.0  # the largest peak resident memory of any worker
    parent_peak_mb: float = 0.0  # the writer's own
    crashes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "mode": "processes", "workers": self.workers, "started": self.started,
            "recycled": self.recycled, "crashed": self.crashed, "batches": self.batches,
            "worker_peak_mb": round(self.worker_peak_mb, 1),
            "parent_peak_mb": round(self.parent_peak_mb, 1), "crashes": list(self.crashes),
        }  # fmt: skip


class ProcessExtractor:
    """Extraction in ``workers`` local processes; an ``ingestion.Extractor``.

    >>> extractor = ProcessExtractor(2)                       # doctest: +SKIP
    >>> ingest(["news/"], db="events.db", extractor=extractor)  # doctest: +SKIP
    >>> extractor.stats.worker_peak_mb                         # doctest: +SKIP
    512.3

    ``extract`` replaces the pipeline's batch function (a module-level function, as it
    is sent to the workers by name); ``start_method`` is a multiprocessing start method.
    """

    def __init__(
        self,
        workers: int,
        options: Options = Options(),
        *,
        in_flight: int | None = None,
        recycle_after: int | None = RECYCLE_AFTER,
        max_worker_mb: float | None = MAX_WORKER_MB,
        extract: BatchFn | None = None,
        start_method: str | None = None,
    ) -> None:
        if workers < 1:
            raise ConfigError(f"workers must be at least 1, not {workers}")
        self.workers = workers
        self.options = options
        # Two batches per worker: one running, one waiting, so no worker waits on the writer.
        self.in_flight = max(1, in_flight or 2 * workers)
        self.recycle_after = recycle_after
        self.max_worker_mb = max_worker_mb
        self.extract = extract
        self.start_method = start_method
        self.stats = PoolStats(workers=workers)

    def __call__(self, batches: Iterator[list[Article]]) -> Iterator[list[Result]]:
        pool = _Pool(self)
        self.stats = pool.stats
        pool.start()
        todo = iter(batches)
        try:
            submitted = written = 0
            more = True
            while True:
                while more and submitted - written < self.in_flight:
                    batch = next(todo, None)
                    if batch is None:
                        more = False
                        break
                    pool.submit(submitted, batch)
                    submitted += 1
                if written == submitted:
                    return
                yield pool.result(written)
                written += 1
        finally:
            pool.close()
            self.stats.parent_peak_mb = _memory_mb()


def _context(method: str | None) -> Any:
    if method is None:
        # forkserver: a clean process per worker, forked from a small server process; fork
        # itself would copy the writer's open database connection and its threads.
        methods = multiprocessing.get_all_start_methods()
        method = "forkserver" if "forkserver" in methods else "spawn"
    ctx = multiprocessing.get_context(method)
    if method == "forkserver":
        # Also makes the server take this process's sys.path (so a batch function of a
        # module found through it can be unpickled).
        ctx.set_forkserver_preload(["eventwire.pipeline"])
    return ctx


def _worker_main(conn: Any, options: Options, extract: BatchFn | None,
                 recycle_after: int | None, max_mb: float | None) -> None:  # fmt: skip
    """A worker process: load the model once, then extract batches until told to stop."""
    # Ctrl-C reaches the whole process group: the parent decides when workers stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        load_parser(options)
    except ConfigError as exc:
        conn.send(("fatal", str(exc)))
        return
    conn.send(("ready", os.getpid()))
    done = 0
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):  # the parent is gone
            return
        if task is None:
            return
        articles = [Article.from_dict(d) for d in task]
        try:
            results = extract_batch(articles, options, extract)
        except ConfigError as exc:
            conn.send(("fatal", str(exc)))
            return
        done += len(articles)
        # Said with the results, so the parent sends no more work to a worker on its way out.
        last = bool(recycle_after and done >= recycle_after) or bool(
            max_mb and _memory_mb("VmRSS") > max_mb
        )
        try:
            conn.send(("done", _encode(results, articles), _memory_mb(), last))
        except OSError:  # the parent is gone (killed): nobody to answer
            return
        if last:
            return


class _Job:
    """One batch: its articles and their results as they arrive."""

    __slots__ = ("seq", "articles", "results", "open")

    def __init__(self, seq: int, articles: list[Article]) -> None:
        self.seq = seq
        self.articles = articles
        self.results: list[Result | None] = [None] * len(articles)
        self.open = 1  # tasks not yet answered


class _Task:
    __slots__ = ("job", "indices")

    def __init__(self, job: _Job, indices: list[int]) -> None:
        self.job = job
        self.indices = indices


class _Worker:
    __slots__ = ("process", "conn", "ready", "leaving", "task")

    def __init__(self, process: Any, conn: Any) -> None:
        self.process = process
        self.conn = conn
        self.ready = False
        self.leaving = False  # recycled: exits after its last answer
        self.task: _Task | None = None


class _Pool:
    """The workers, run by one thread of the parent: it hands out tasks and takes results
    as soon as they come, while the parent's main thread reads inputs and writes."""

    def __init__(self, owner: ProcessExtractor) -> None:
        self.owner = owner
        self.ctx = _context(owner.start_method)
        self.stats = PoolStats(workers=owner.workers)
        self.cond = threading.Condition()
        self.queue: deque[_Task] = deque()
        self.done: dict[int, list[Result]] = {}
        self.failure: BaseException | None = None
        self.closing = False
        self.workers: list[_Worker] = []
        self.early_deaths = 0
        self.wake_r, self.wake_w = self.ctx.Pipe(duplex=False)
        self.thread = threading.Thread(target=self._run, name="eventwire-workers", daemon=True)

    # -- called from the main thread --------------------------------------------------------

    def start(self) -> None:
        self.thread.start()

    def submit(self, seq: int, articles: list[Article]) -> None:
        with self.cond:
            if not articles:
                self.done[seq] = []
                return
            self.queue.append(_Task(_Job(seq, articles), list(range(len(articles)))))
        self._wake()

    def result(self, seq: int) -> list[Result]:
        with self.cond:
            while seq not in self.done and self.failure is None:
                self.cond.wait()
            if seq in self.done:
                return self.done.pop(seq)
            raise self.failure  # type: ignore[misc]

    def close(self) -> None:
        with self.cond:
            self.closing = True
        self._wake()
        self.thread.join()
        self.wake_r.close()
        self.wake_w.close()

    def _wake(self) -> None:
        try:
            self.wake_w.send_bytes(b".")
        except OSError:  # closed: the pool has stopped
            pass

    # -- the pool's thread ------------------------------------------------------------------

    def _run(self) -> None:
        try:
            while True:
                with self.cond:
                    if self.closing:
                        return
                self._dispatch()
                waits: list[Any] = [self.wake_r]
                for w in self.workers:
                    waits += [w.conn, w.process.sentinel]
                ready = set(wait(waits))
                if self.wake_r in ready:
                    while self.wake_r.poll():
                        self.wake_r.recv_bytes()
                for w in list(self.workers):
                    if w.conn in ready and not self._receive(w):
                        self._reap(w)  # died, perhaps half-way through sending
                    if w in self.workers and w.process.sentinel in ready:
                        self._reap(w)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread
            with self.cond:
                self.failure = exc
                self.cond.notify_all()
        finally:
            self._stop_all()

    def _dispatch(self) -> None:
        """Start workers for waiting tasks (up to the limit) and give idle ones a task."""
        with self.cond:
            waiting = len(self.queue)
        idle = [w for w in self.workers if w.ready and not w.leaving and w.task is None]
        starting = sum(1 for w in self.workers if not w.ready)
        staying = sum(1 for w in self.workers if not w.leaving)
        while staying < self.owner.workers and waiting > len(idle) + starting:
            self._spawn()
            starting += 1
            staying += 1
        for w in idle:
            with self.cond:
                if not self.queue:
                    return
                task = self.queue.popleft()
            w.task = task
            try:
                w.conn.send([task.job.articles[i].as_dict() for i in task.indices])
            except OSError:
                pass  # it has just died: its sentinel says so next, and the task is retried

    def _spawn(self) -> None:
        here, there = self.ctx.Pipe()
        o = self.owner
        process = self.ctx.Process(
            target=_worker_main,
            args=(there, o.options, o.extract, o.recycle_after, o.max_worker_mb),
            name="eventwire-worker",
            daemon=True,
        )
        process.start()
        there.close()
        self.workers.append(_Worker(process, here))
        self.stats.started += 1

    def _receive(self, w: _Worker) -> bool:
        """Take one message from a worker; False when it can no longer send any."""
        try:
            msg = w.conn.recv()
        except (EOFError, OSError):
            return False
        if msg[0] == "ready":
            w.ready = True
            self.early_deaths = 0
        elif msg[0] == "fatal":
            raise ConfigError(msg[1])
        elif msg[0] == "done":
            _, payload, peak, w.leaving = msg
            task, w.task = w.task, None
            self.stats.worker_peak_mb = max(self.stats.worker_peak_mb, peak)
            self.stats.batches += 1
            assert task is not None
            arts = [task.job.articles[i] for i in task.indices]
            self._answer(task, _decode(payload, arts))
        return True

    def _answer(self, task: _Task, results: list[Result]) -> None:
        job = task.job
        for i, r in zip(task.indices, results, strict=True):
            job.results[i] = r
        with self.cond:
            job.open -= 1
            if job.open == 0:
                self.done[job.seq] = [r for r in job.results if r is not None]
                self.cond.notify_all()

    def _reap(self, w: _Worker) -> None:
        """A worker has exited: recycled, or died (its task is split up or failed)."""
        while _poll(w.conn) and self._receive(w):
            pass  # it may have answered before it exited
        self.workers.remove(w)
        w.process.join(timeout=5)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
        code = w.process.exitcode
        w.conn.close()
        if not w.ready:
            self.early_deaths += 1
            if self.early_deaths >= MAX_EARLY_DEATHS:
                raise ExtractionError(
                    f"worker processes die as they start (exit code {code}); "
                    "is there enough memory to load the model?"
                )
            return
        task = w.task
        if task is None:
            self.stats.recycled += 1
            return
        self.stats.crashed += 1
        job = task.job
        why = f"worker process died while extracting it (exit code {code})"
        self.stats.crashes.append(
            f"worker {w.process.pid}: exit code {code} with {len(task.indices)} articles"
        )
        if len(task.indices) > 1:
            log.warning("a worker process died (exit code %s) with a batch of %d articles; "
                        "running them again one at a time", code, len(task.indices))  # fmt: skip
            with self.cond:
                job.open += len(task.indices) - 1
                self.queue.extendleft(_Task(job, [i]) for i in reversed(task.indices))
            return
        art = job.articles[task.indices[0]]
        log.warning("a worker process died (exit code %s) on article %s alone: it fails",
                    code, art.id)  # fmt: skip
        self._answer(task, [Result(id=art.id, error=why, warnings=list(art.warnings))])

    def _stop_all(self) -> None:
        for w in self.workers:
            try:
                if w.task is None and w.ready:
                    w.conn.send(None)
                else:
                    w.process.terminate()  # stopped early: a half-done batch is dropped
            except OSError:
                pass
        for w in self.workers:
            w.process.join(timeout=10)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers.clear()


def _poll(conn: Any) -> bool:
    try:
        return bool(conn.poll())
    except (EOFError, OSError):
        return False


# -- a Dask distributed cluster --------------------------------------------------------------

# A Dask worker with several threads runs one batch at a time: the spaCy pipeline is
# not meant to be shared by threads, and the GIL would serialise them anyway.
_DASK_LOCK = threading.Lock()


def _dask_task(articles: list[dict[str, Any]], options: Options,
               extract: BatchFn | None) -> Payload:  # fmt: skip
    """Run on a Dask worker: the model is loaded at the first call and kept (per process)."""
    arts = [Article.from_dict(d) for d in articles]
    with _DASK_LOCK:
        results = extract_batch(arts, options, extract)
    return _encode(results, arts)


@dataclass(slots=True)
class DaskStats:
    address: str = ""
    workers: int = 0
    threads: int = 0
    batches: int = 0
    lost: int = 0  # batches whose worker died; run again one article at a time

    def as_dict(self) -> dict[str, Any]:
        return {"mode": "dask", "address": self.address, "workers": self.workers,
                "threads": self.threads, "batches": self.batches, "lost": self.lost}  # fmt: skip


class DaskExtractor:
    """Extraction on an existing Dask distributed cluster; an ``ingestion.Extractor``.

    >>> ingest(["crawl/"], db="postgresql://db/events",
    ...        extractor=DaskExtractor("tcp://10.0.0.5:8786"))  # doctest: +SKIP

    eventwire (with its model) must be installed on every Dask worker. Batches are
    submitted as the writer keeps up (at most ``in_flight`` out; twice the cluster's
    threads by default) and written back in input order. A batch whose worker died is
    run again one article at a time; an article that kills workers on its own comes back
    failed with the reason.
    """

    def __init__(
        self,
        address: str,
        options: Options = Options(),
        *,
        in_flight: int | None = None,
        extract: BatchFn | None = None,
        timeout: float = 30,
    ) -> None:
        self.address = address
        self.options = options
        self.in_flight = in_flight
        self.extract = extract
        self.timeout = timeout
        self.stats = DaskStats(address=address)

    def __call__(self, batches: Iterator[list[Article]]) -> Iterator[list[Result]]:
        try:
            # Deferred: Dask is an optional extra (eventwire[dask]).
            from distributed import Client
        except ImportError as exc:
            raise ConfigError(DASK_HINT) from exc
        try:
            client = Client(self.address, timeout=self.timeout)
        except (OSError, TimeoutError) as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from exc
        try:
            threads = client.nthreads()
            self.stats.workers, self.stats.threads = len(threads), sum(threads.values())
            window = max(1, self.in_flight or 2 * max(1, self.stats.threads))
            out: deque[tuple[list[Article], Any]] = deque()
            for batch in batches:
                out.append((batch, self._submit(client, batch) if batch else None))
                while out and (len(out) >= window or (out[0][1] is None or out[0][1].done())):
                    yield self._collect(client, *out.popleft())
            while out:
                yield self._collect(client, *out.popleft())
        finally:
            client.close()

    def _submit(self, client: Any, batch: list[Article]) -> Any:
        return client.submit(_dask_task, [a.as_dict() for a in batch], self.options,
                             self.extract, pure=False)  # fmt: skip

    def _collect(self, client: Any, batch: list[Article], future: Any) -> list[Result]:
        if future is None:
            return []
        self.stats.batches += 1
        first: list[Result | BaseException]
        try:
            return _decode(future.result(), batch)
        except ConfigError:
            raise
        except Exception as exc:  # noqa: BLE001 - KilledWorker, a lost worker connection
            self.stats.lost += 1
            log.warning("a Dask batch of %d articles was lost (%s); running them again one "
                        "at a time", len(batch), type(exc).__name__)  # fmt: skip
            first = [exc]
        if len(batch) > 1:
            singles = deque(self._submit(client, [art]) for art in batch)
            # Each future is let go of once read: a worker dying later would otherwise
            # make Dask compute it again.
            first = [self._single(art, singles.popleft()) for art in batch]
        # A worker that dies takes every task assigned to it down with it, not only the
        # one it was running: an article lost among others is tried once more, alone.
        results = []
        for art, got in zip(batch, first, strict=True):
            if isinstance(got, BaseException):
                got = self._single(art, self._submit(client, [art]))
            results.append(_lost(art, got) if isinstance(got, BaseException) else got)
        return results

    def _single(self, art: Article, future: Any) -> Result | BaseException:
        """One article's Result, or what became of its worker."""
        try:
            return _decode(future.result(), [art])[0]
        except ConfigError:
            raise
        except Exception as exc:  # noqa: BLE001 - KilledWorker and its kind
            return exc


def _lost(art: Article, exc: BaseException) -> Result:
    # KilledWorker's message runs to a paragraph: its first sentence says enough.
    first = str(exc).split(". ")[0][:200]
    why = f"Dask worker lost while extracting it ({type(exc).__name__}: {first})"
    return Result(id=art.id, error=why, warnings=list(art.warnings))
