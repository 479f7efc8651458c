"""Ingest throughput against the number of worker processes, with identical exports.

    .venv/bin/python bench/workers.py --n 240                 # 1 and 2 workers, 2 rounds
    .venv/bin/python bench/workers.py --n 240 --workers 1,2,3 --dask --pg postgresql://...

The corpus (``bench/corpus.py``: invented articles of about 600 words) is written as
JSONL, then ingested into a fresh SQLite store once per configuration and round, each in
a fresh Python process (model loading, worker start-up and the writer all counted, as a
user's ``eventwire ingest`` pays them). ``--workers 1`` runs in-process; N > 1 starts N
worker processes (``parallel.ProcessExtractor``); ``--dask`` adds a run on a local Dask
cluster of N processes (the largest N). Within a round the order of the configurations
flips from one round to the next, so a machine that gets busier or quieter part-way
favours no one; the median of the rounds is reported.

Printed for each configuration: wall seconds, articles/s, the time to the first stored
article (start-up plus one batch), the peak resident memory of the writer process and of
each worker (``VmHWM``), and the load average around the run. Then: whether the ACLED
exports of every run are identical (the ``timestamp`` column, a wall-clock time, masked),
and the writer's own rate: the same Results stored again into an empty store with no
extraction at all (SQLite, and PostgreSQL with ``--pg``), i.e. where the single writer
would become the bottleneck. Figures go to ``bench/results/workers.json``. The exit status
is 1 when the exports differ, or when N=2 is less than ``--min-speedup`` times N=1.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def child(args: argparse.Namespace) -> int:
    """One timed ingest in this (fresh) process; prints one JSON line."""
    from eventwire.ingestion import ingest
    from eventwire.parallel import _memory_mb

    first: list[float] = []
    t0 = time.perf_counter()

    def tick(status: str, pos: int) -> None:
        if not first:
            first.append(time.perf_counter() - t0)

    kw: dict[str, Any] = {"dask": args.dask} if args.dask else {"workers": args.child_workers}
    report = ingest([args.jsonl], db=args.db, progress=tick, **kw)
    wall = time.perf_counter() - t0
    print(json.dumps({"wall_s": wall, "first_s": first[0] if first else None,
                      "report": report.as_dict(), "parent_peak_mb": _memory_mb()}))  # fmt: skip
    return 0


def run_one(jsonl: Path, db: Path, workers: int, dask: str | None) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", "--jsonl", str(jsonl), "--db", str(db),
           "--child-workers", str(workers)]  # fmt: skip
    if dask:
        cmd += ["--dask-address", dask]
    load = os.getloadavg()[0]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"run failed: {' '.join(cmd)}\n{proc.stderr}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["load_before"], out["load_after"] = load, os.getloadavg()[0]
    return out


def exported(db: Path) -> list[dict[str, str]]:
    """The ACLED CSV export's rows, less ``timestamp`` (the wall-clock time of a change)."""
    from eventwire.exports import export

    buf = io.StringIO()
    export(str(db), "acled-csv", buf)
    buf.seek(0)
    return [{k: v for k, v in row.items() if k != "timestamp"} for row in csv.DictReader(buf)]


def writer_rate(db: Path, target: str) -> dict[str, Any]:
    """Store the stored Results again into the empty store ``target``: the writer alone."""
    from eventwire.records import Article, Result
    from eventwire.store import Outcome, open_store

    with open_store(str(db)) as src:
        rows = src.db.query(
            "SELECT a.id, a.text, a.title, a.url, a.published, a.language, a.warnings, "
            "a.result, a.extractor_version, a.source FROM articles a ORDER BY a.seq"
        )
    outcomes = []
    for r in rows:
        art = Article(text=r["text"], id=r["id"], title=r["title"], url=r["url"],
                      published=r["published"], language=r["language"],
                      warnings=json.loads(r["warnings"]))  # fmt: skip
        result = Result.from_dict(json.loads(r["result"]))
        outcomes.append(Outcome(r["source"] + "#again", "stored", article=art, result=result))
    events = sum(len(o.result.events) for o in outcomes if o.result)
    with open_store(target) as store:
        t0 = time.perf_counter()
        for o in outcomes:
            store.record(o, rows[0]["extractor_version"])
        seconds = time.perf_counter() - t0
    n = len(outcomes)
    return {"articles": n, "events": events, "seconds": seconds, "articles_per_s": n / seconds,
            "ms_per_article": 1000 * seconds / n}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=240, help="articles (240)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", default="1,2", help="worker counts to time (1,2)")
    ap.add_argument("--rounds", type=int, default=2, help="timed rounds (2)")
    ap.add_argument("--dask", action="store_true", help="also time a local Dask cluster")
    ap.add_argument("--pg", help="an empty PostgreSQL database URL for the writer's rate")
    ap.add_argument("--min-speedup", type=float, default=1.5)
    ap.add_argument("--out", type=Path, default=RESULTS / "workers.json")
    # Internal: one timed run in a child process.
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--jsonl", help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--child-workers", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--dask-address", dest="dask_address", help=argparse.SUPPRESS)
    args, _ = ap.parse_known_args(argv)
    if args.child:
        args.dask = args.dask_address
        return child(args)

    counts = [int(x) for x in args.workers.split(",")]
    corpus = make_corpus(args.n, args.seed)
    words = sum(len(a["text"].split()) for a in corpus)
    tmp = Path(tempfile.mkdtemp(prefix="eventwire-bench-"))
    jsonl = tmp / "corpus.jsonl"
    with jsonl.open("w", encoding="utf-8") as f:
        for a in corpus:
            f.write(json.dumps(a) + "\n")
    print(f"corpus: {args.n} articles, {words} words; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f}", flush=True)

    configs: list[tuple[str, int, str | None]] = [(f"{n} worker" + "s" * (n > 1), n, None)
                                                  for n in counts]  # fmt: skip
    cluster = None
    if args.dask:
        from distributed import LocalCluster

        biggest = max(counts)
        cluster = LocalCluster(n_workers=biggest, processes=True, threads_per_worker=1,
                               dashboard_address=None)  # fmt: skip
        configs.append((f"Dask, {biggest} processes", biggest, cluster.scheduler_address))
    runs: dict[str, list[dict[str, Any]]] = {label: [] for label, _, _ in configs}
    dbs: list[Path] = []
    try:
        for r in range(args.rounds):
            order = configs if r % 2 == 0 else configs[::-1]
            for label, n, address in order:
                db = tmp / f"{label.replace(' ', '_').replace(',', '')}-{r}.db"
                out = run_one(jsonl, db, n, address)
                runs[label].append(out)
                dbs.append(db)
                print(f"  round {r + 1} {label:22} {out['wall_s']:7.1f} s  "
                      f"{args.n / out['wall_s']:6.1f} articles/s  (load {out['load_before']:.1f}"
                      f" -> {out['load_after']:.1f})", flush=True)  # fmt: skip
    finally:
        if cluster is not None:
            cluster.close()

    print()
    print(f"{'':24}{'median s':>9}{'articles/s':>12}{'words/s':>9}{'first s':>9}"
          f"{'writer MB':>11}{'worker MB':>11}")
    summary: dict[str, Any] = {}
    for label, _, _ in configs:
        walls = [o["wall_s"] for o in runs[label]]
        med = statistics.median(walls)
        first = statistics.median(o["first_s"] for o in runs[label])
        parent = max(o["parent_peak_mb"] for o in runs[label])
        worker = max(o["report"]["extraction"].get("worker_peak_mb", 0) for o in runs[label])
        summary[label] = {"runs_s": walls, "median_s": med, "articles_per_s": args.n / med,
                          "words_per_s": words / med, "first_stored_s": first,
                          "writer_peak_mb": parent, "worker_peak_mb": worker or None,
                          "runs": runs[label]}  # fmt: skip
        print(f"{label:24}{med:9.1f}{args.n / med:12.1f}{words / med:9.0f}{first:9.1f}"
              f"{parent:11.0f}{(f'{worker:.0f}' if worker else '-'):>11}")
    speedup = None
    if 1 in counts and 2 in counts:
        speedup = summary["1 worker"]["median_s"] / summary["2 workers"]["median_s"]
        print(f"speed-up, 2 workers over 1: {speedup:.2f}x (runs paired by round: "
              + ", ".join(f"{a['wall_s'] / b['wall_s']:.2f}x"
                          for a, b in zip(runs["1 worker"], runs["2 workers"], strict=True))
              + ")")  # fmt: skip

    exports = [exported(db) for db in dbs]
    identical = all(e == exports[0] for e in exports)
    n_events = len(exports[0])
    print(f"exports identical across all {len(exports)} runs: {identical} "
          f"({n_events} events; timestamp column masked)")

    writer = {"sqlite": writer_rate(dbs[0], str(tmp / "writer.db"))}
    if args.pg:
        writer["postgresql"] = writer_rate(dbs[0], args.pg)
    for kind, w in writer.items():
        print(f"writer alone ({kind}): {w['articles']} articles, {w['events']} events in "
              f"{w['seconds']:.2f} s: {w['articles_per_s']:.0f} articles/s "
              f"({w['ms_per_article']:.1f} ms/article)")

    report = {"n": args.n, "seed": args.seed, "words": words, "cpus": os.cpu_count(),
              "configs": summary, "speedup_2_over_1": speedup, "exports_identical": identical,
              "events": n_events, "writer": writer}  # fmt: skip
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written: {args.out}")
    if not identical:
        print("FAIL: the exports differ", file=sys.stderr)
        return 1
    if speedup is not None and speedup < args.min_speedup:
        print(f"FAIL: 2 workers {speedup:.2f}x one, under {args.min_speedup}x", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
