"""Benchmark: the store's write path and cross-article merging grow linearly with the stream.

Per-article events are generated here (no NLP: this measures the store, not extraction),
as a stream in time at a constant density: each day brings the same number of reports,
so ten times the reports cover ten times the days, as a real feed does. Blocking by
country and date window keeps each new event's candidates bounded, so the time per report
must stay flat: the criterion is that 10x the reports take at most 12x the time.

    .venv/bin/python bench/merge_scaling.py --n 1000          # about a minute
    .venv/bin/python bench/merge_scaling.py --n 500 --db postgresql://...

Both sizes run in one process, one after the other, each into a fresh store; the ratio
is what counts (seconds depend on the machine). Exit status 1 with ``FAIL:`` when the
ratio is over ``--max-ratio``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

from eventwire.records import Article, Event, Result
from eventwire.store import Outcome, content_hash, open_store

# Invented facts: town names and rough coordinates; the incidents are generated.
TOWNS = {
    "Nigeria": (566, [("Kaduna", 10.5, 7.4), ("Kano", 12.0, 8.5), ("Jos", 9.9, 8.9)]),
    "Somalia": (706, [("Baidoa", 3.1, 43.6), ("Kismayo", -0.4, 42.5), ("Garowe", 8.4, 48.5)]),
    "Syria": (760, [("Aleppo", 36.2, 37.2), ("Homs", 34.7, 36.7), ("Idlib", 35.9, 36.6)]),
    "Mali": (466, [("Gao", 16.3, -0.04), ("Mopti", 14.5, -4.2), ("Kidal", 18.4, 1.4)]),
}
KINDS = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
]
REPORTS_PER_EVENT = 3
EVENTS_PER_DAY = 12


def make_stream(n_reports: int, seed: int = 0) -> list[Outcome]:
    """``n_reports`` reports of ``n_reports / 3`` events, EVENTS_PER_DAY events a day."""
    rng = random.Random(seed)
    start = dt.date(2024, 1, 1)
    out: list[Outcome] = []
    n_events = n_reports // REPORTS_PER_EVENT
    for k in range(n_events):
        day = start + dt.timedelta(days=k // EVENTS_PER_DAY)
        country = rng.choice(sorted(TOWNS))
        iso, towns = TOWNS[country]
        town, lat, lon = rng.choice(towns)
        etype, sub = rng.choice(KINDS)
        for r in range(REPORTS_PER_EVENT):
            text = f"Report {r} of generated event {k} in {town} on {day}: {rng.random()}."
            ev = Event(event_date=day.isoformat(), time_precision=1, date_status="explicit",
                       event_type=etype, sub_event_type=sub, country=country, iso=iso,
                       location=town, admin1=town, latitude=lat, longitude=lon,
                       geo_precision=1, fatalities=rng.randint(1, 9))  # fmt: skip
            art = Article(text=text, id=content_hash(text), published=day.isoformat())
            out.append(Outcome(f"gen#{k}.{r}", "stored", article=art, result=Result(events=[ev])))
    return out


def run(n: int, db: str | None) -> tuple[float, int]:
    stream = make_stream(n)
    with tempfile.TemporaryDirectory() as tmp:
        url = db or str(Path(tmp) / "bench.db")
        with open_store(url) as store:
            t0 = time.perf_counter()
            for outcome in stream:
                store.record(outcome, "bench")
            seconds = time.perf_counter() - t0
            events = store.query_events(limit=1)[1]
    return seconds, events


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1000, help="reports in the small run")
    ap.add_argument("--factor", type=int, default=10, help="the large run is n * factor")
    ap.add_argument("--max-ratio", type=float, default=12.0)
    ap.add_argument("--db", help="an empty PostgreSQL database URL (default: SQLite files)")
    args = ap.parse_args()
    if args.db:
        print("note: with --db both runs share one database; empty it between runs")
    small, big = args.n, args.n * args.factor
    t_small, e_small = run(small, args.db)
    t_big, e_big = run(big, None if not args.db else args.db)
    ratio = t_big / t_small
    for n, t, e in ((small, t_small, e_small), (big, t_big, e_big)):
        print(f"{n:>7} reports -> {e:>6} events  {t:8.2f} s  {1000 * t / n:6.2f} ms/report")
    print(f"time ratio {ratio:.2f} for {args.factor}x the reports (limit {args.max_ratio:g})")
    if ratio > args.max_ratio:
        print(f"FAIL: {ratio:.2f} > {args.max_ratio:g}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
