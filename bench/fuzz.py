"""The long fuzz run of issue 15: 10,000 and more generated hostile inputs through the
entry points, and what came out of them.

    .venv/bin/python bench/fuzz.py                      # about 5 minutes on 2 cores
    .venv/bin/python bench/fuzz.py --scale 0.1 --seed 7 # a short run, another seed

The strategies and checks are those of ``tests/test_fuzz.py`` (``tests/fuzzing.py``),
run with many more examples and without stopping at the first problem: ``extract`` on
texts full of the audit's poison (lone surrogates, 5,000-digit numbers, 2⁶⁴, dates at
year 1 and 9999, markup, control characters), ``read_article`` on text and bytes, the
JSONL contract on whole files (bad JSON, deep nesting, huge numbers, odd ids), the
readers on damaged WARCs, and ``ingest`` into a real SQLite store of folders of odd
files (names that are not UTF-8, links, loops, FIFOs, feeds, empty files).

Printed: inputs tried, crashes (an exception other than InputError escaping a public
function), unaccounted inputs (no answer, no row), failed articles, and evidence spans
that are not exact substrings of the text they index, with the first examples of each.
The figures go to ``bench/results/fuzz.json``; the exit status is 1 when any of those
four counts is not 0.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import fuzzing  # noqa: E402

RESULTS = HERE / "results"


def _run(name: str, n: int, strategy: Any, check: Callable[..., fuzzing.Tally],
         total: fuzzing.Tally, at: int) -> dict[str, Any]:  # fmt: skip
    """``check`` on ``n`` examples of ``strategy``; its tally, added to ``total``."""
    tally = fuzzing.Tally()

    @seed(at)
    @settings(max_examples=n, deadline=None, database=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck))  # fmt: skip
    @given(strategy)
    def one(example: Any) -> None:
        tally.add(check(*example) if isinstance(example, tuple) else check(example))

    t0 = time.perf_counter()
    one()
    seconds = time.perf_counter() - t0
    total.add(tally)
    print(f"{name:<8} {tally.inputs:>6} inputs  {tally.crashes} crashes  "
          f"{tally.unaccounted} unaccounted  {tally.failed} failed articles  "
          f"{tally.inexact} inexact of {tally.spans} spans  ({seconds:.0f} s)",
          flush=True)  # fmt: skip
    return {**tally.as_dict(), "examples_run": n, "seconds": round(seconds, 1)}


def _in_folder(check: Callable[[Path, Any], fuzzing.Tally]) -> Callable[[Any], fuzzing.Tally]:
    def run(example: Any) -> fuzzing.Tally:
        with tempfile.TemporaryDirectory() as tmp:
            return check(Path(tmp), example)

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="Times the default counts.")
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    # trafilatura logs every page it finds no text in, warcio the raw header of a damaged
    # record; eventwire reports those itself (as the command line does).
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    logging.getLogger("warcio").setLevel(logging.ERROR)

    def k(n: int) -> int:
        return max(1, int(n * args.scale))

    encoded = fuzzing.texts.map(lambda t: t.encode("utf-8", "surrogatepass"))
    reading = st.one_of(fuzzing.texts, st.binary(max_size=300), encoded)
    runs = (
        ("extract", k(6000), st.tuples(fuzzing.texts, fuzzing.published), fuzzing.check_extract),
        ("read", k(3000), reading, fuzzing.check_read_article),
        ("jsonl", k(1500), fuzzing.jsonl_files, fuzzing.check_jsonl),
        ("warc", k(1500), fuzzing.damaged_warcs(), _in_folder(fuzzing.check_warc)),
        ("ingest", k(300), fuzzing.folders(), _in_folder(fuzzing.check_folder)),
    )
    total = fuzzing.Tally()
    t0 = time.perf_counter()
    parts = {name: _run(name, n, strategy, check, total, args.seed + i)
             for i, (name, n, strategy, check) in enumerate(runs)}  # fmt: skip
    figures = {"seed": args.seed, "seconds": round(time.perf_counter() - t0, 1),
               "total": total.as_dict(), "runs": parts}  # fmt: skip
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "fuzz.json").write_text(json.dumps(figures, indent=1, ensure_ascii=True))
    print(f"total: {total.inputs} inputs tried, {total.crashes} crashes, {total.unaccounted} "
          f"unaccounted, {total.failed} failed articles, {total.inexact} inexact spans of "
          f"{total.spans} checked ({figures['seconds']:.0f} s)")  # fmt: skip
    for example in total.examples:
        print("  " + example)
    return 1 if total.crashes or total.unaccounted or total.failed or total.inexact else 0


if __name__ == "__main__":
    sys.exit(main())
