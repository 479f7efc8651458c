"""Two ingests into a new SQLite file at once, again and again (issue 15, acceptance 3).

    .venv/bin/python bench/concurrent_create.py --trials 20     # about 4 minutes on 2 cores

Each trial makes a new, empty folder, starts two ``eventwire ingest`` processes on the
same inputs into one new SQLite file at the same moment, and checks that both exit 0
with nothing failed, and that the store they leave is the store one ingest leaves alone
(every table, wall-clock columns aside: ``tests/test_store.py``'s snapshot). The inputs
are a few invented articles (``bench/corpus.py``), enough that the two writers overlap
while the store is created, migrated and filled.

Printed: trials, successes, stores equal to the sequential one, and each failure's
stderr; the figures also go to ``bench/results/concurrent_create.json``. The exit status
is 1 when any trial fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

from corpus import make_corpus  # noqa: E402

RESULTS = HERE / "results"


def _ingest(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "eventwire", "ingest", str(folder), "--db", str(db),
         "--workers", "1"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _snapshot(db: Path) -> dict[str, Any]:
    from eventwire.store import open_store
    from test_store import _snapshot as snapshot

    with open_store(str(db)) as store:
        return snapshot(store)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--n", type=int, default=6, help="Articles ingested in each trial.")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "in"
        folder.mkdir()
        for k, art in enumerate(make_corpus(args.n, seed=15)):
            (folder / f"{k:03d}.txt").write_text(art["text"], encoding="utf-8")
        alone = Path(tmp) / "alone.db"
        proc = _ingest(folder, alone)
        _, err = proc.communicate()
        if proc.returncode:
            print(f"the sequential ingest failed: {err}")
            return 1
        expected = _snapshot(alone)
        ok = equal = 0
        failures: list[str] = []
        t0 = time.perf_counter()
        for trial in range(args.trials):
            db = Path(tmp) / f"trial{trial}.db"
            procs = [_ingest(folder, db), _ingest(folder, db)]
            errs = [p.communicate()[1] for p in procs]
            codes = [p.returncode for p in procs]
            fine = codes == [0, 0] and all(" 0 failed" in e for e in errs)
            ok += fine
            if not fine:
                failures.append(f"trial {trial}: exit {codes}: " + " | ".join(errs)[-600:])
                continue
            equal += _snapshot(db) == expected
        seconds = time.perf_counter() - t0
    figures = {"trials": args.trials, "articles": args.n, "both_succeeded": ok,
               "equal_to_sequential": equal, "seconds": round(seconds, 1),
               "failures": failures}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "concurrent_create.json").write_text(json.dumps(figures, indent=1))
    print(f"{args.trials} trials of two ingests into a new SQLite file ({args.n} articles): "
          f"{ok} with both succeeding, {equal} stores equal to one ingest's "
          f"({seconds:.0f} s)")  # fmt: skip
    for f in failures:
        print(f)
    return 0 if ok == equal == args.trials else 1


if __name__ == "__main__":
    sys.exit(main())
