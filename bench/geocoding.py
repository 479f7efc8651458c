"""What geocoding costs: extraction with and without the places stage, side by side.

    .venv/bin/python bench/geocoding.py --n 200

On the same invented texts (``corpus.py``), in one process, chunk by chunk:

(a) full      spaCy's parse of the chunk plus every stage of ``pipeline.STAGES``;
(b) no places the same parse plus every stage but ``places`` (events then carry only
              what the actors say of their country).

The order of (a) and (b) flips at every chunk so a busy machine slows both alike; each
side is timed ``--rounds`` times and the medians compared: the geocoding share is
``a / b - 1``. The places stage's own time, summed over the articles of (a), is printed
too, as is the gazetteer's load time, its memory (resident set growth on first load) and
the time of a name lookup. Figures go to ``bench/results/geocoding.json``. The exit status
is 1 when the share is above ``--max-share`` (0.10: the issue's limit) — a benchmark's
verdict on this machine, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import timeit
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def _rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--chunk", type=int, default=32)
    ap.add_argument("--max-share", type=float, default=0.10)
    ap.add_argument("--out", default=str(RESULTS / "geocoding.json"))
    a = ap.parse_args()

    # The gazetteer first, in a process that has loaded nothing else of eventwire's data.
    from eventwire.gazetteer import Gazetteer

    rss0 = _rss_mb()
    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    load_s = time.perf_counter() - t0
    rss_mb = _rss_mb() - rss0
    lookup_us = timeit.timeit(lambda: gaz.towns("palmyra"), number=20000) / 20000 * 1e6
    resolve_us = timeit.timeit(lambda: gaz.lookup("Tripoli"), number=2000) / 2000 * 1e6

    from eventwire import pipeline
    from eventwire.articles import read_article
    from eventwire.options import Options

    options = Options()
    from eventwire.nlp import load_parser

    nlp = load_parser(options)
    full = pipeline.STAGES
    bare = tuple(s for s in full if s[0] != "places")
    corpus = make_corpus(a.n, a.seed)
    articles = [read_article(c["text"], published=c.get("published"), options=options)
                for c in corpus]
    words = sum(len(c["text"].split()) for c in corpus)
    places_s = [0.0]

    def timed_places(work: pipeline.Work) -> None:
        t = time.perf_counter()
        pipeline.stage_places(work)
        places_s[0] += time.perf_counter() - t

    full = tuple((n, timed_places if n == "places" else f) for n, f in full)

    def run(chunk: list, stages: tuple) -> float:  # type: ignore[type-arg]
        t = time.perf_counter()
        texts = [pipeline.analysis_text(x.text) for x in chunk]
        docs = nlp.pipe(texts, batch_size=options.batch_size)
        for art, text, doc in zip(chunk, texts, docs, strict=True):
            pipeline.run_stages(pipeline.Work(art, options, doc, text=text), stages)
        return time.perf_counter() - t

    # Warm-up: a whole round of each, not timed. The model, lexicons and lazy imports load,
    # and the allocator settles: a first timed round ran 10-15% slower than the next ones
    # on either side, which a median of three rounds does not wash out.
    for k in range(0, len(articles), a.chunk):
        run(articles[k:k + a.chunk], full)
        run(articles[k:k + a.chunk], bare)
    totals: dict[str, list[float]] = {"full": [], "no_places": []}
    stage_rounds = []
    for r in range(a.rounds):
        tf = tb = 0.0
        places_s[0] = 0.0
        for k in range(0, len(articles), a.chunk):
            chunk = articles[k:k + a.chunk]
            if (k // a.chunk + r) % 2:
                tb += run(chunk, bare)
                tf += run(chunk, full)
            else:
                tf += run(chunk, full)
                tb += run(chunk, bare)
        totals["full"].append(tf)
        totals["no_places"].append(tb)
        stage_rounds.append(places_s[0])
    med_full = statistics.median(totals["full"])
    med_bare = statistics.median(totals["no_places"])
    share = med_full / med_bare - 1
    stage_share = statistics.median(stage_rounds) / med_full
    res = {
        "n": a.n, "words": words, "rounds": a.rounds, "chunk": a.chunk,
        "full_s": round(med_full, 3), "no_places_s": round(med_bare, 3),
        "geocoding_share": round(share, 4),
        "places_stage_s": round(statistics.median(stage_rounds), 3),
        "places_stage_share_of_full": round(stage_share, 4),
        "places_words_per_s": round(words / statistics.median(stage_rounds)),
        "gazetteer_load_s": round(load_s, 3), "gazetteer_rss_mb": round(rss_mb, 1),
        "gazetteer_entries": len(gaz.names), "gazetteer_keys": len(gaz.index),
        "imported_countries": gaz.imported,
        "towns_lookup_us": round(lookup_us, 2), "lookup_us": round(resolve_us, 1),
        "rounds_s": totals,
    }
    print(f"{'texts':<28}{a.n} ({words} words)")
    print(f"{'extraction, full':<28}{med_full:.2f} s")
    print(f"{'extraction, no places':<28}{med_bare:.2f} s")
    print(f"{'geocoding share':<28}{share:+.1%}  (limit {a.max_share:.0%})")
    print(f"{'places stage alone':<28}{res['places_stage_s']} s, {stage_share:.1%} of full, "
          f"{res['places_words_per_s']} words/s")
    print(f"{'gazetteer':<28}{len(gaz.names)} places, {len(gaz.index)} names, "
          f"load {load_s:.2f} s, +{rss_mb:.0f} MB resident")
    print(f"{'lookup':<28}{lookup_us:.1f} us (index), {resolve_us:.0f} us (ranked places)")
    Path(a.out).parent.mkdir(parents=True, exist_ok=True)
    Path(a.out).write_text(json.dumps(res, indent=1), encoding="utf-8")
    if share > a.max_share:
        print(f"FAIL: geocoding adds {share:.1%} (> {a.max_share:.0%})")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
