"""Where eventwire's own time goes: cProfile over the stages, on docs parsed beforehand.

    .venv/bin/python bench/profile_stages.py --n 100 --top 15

The corpus (``bench/corpus.py``) is parsed with the model eventwire uses, outside the
profile; then ``read_article`` and every stage of ``pipeline.STAGES`` run under cProfile, a
first pass unprofiled so that lazy imports and caches are warm. Printed: the functions of
eventwire's own code (files under ``src/eventwire``) ranked by cumulative time, and, for
context, the top functions of any code by their own (internal) time. The raw profile is
saved to ``bench/results/stages.prof`` for ``python -m pstats`` or snakeviz.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import make_corpus  # noqa: E402

from eventwire import pipeline  # noqa: E402
from eventwire.articles import read_article  # noqa: E402
from eventwire.nlp import load_parser  # noqa: E402
from eventwire.options import Options  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"
PACKAGE = str(Path(pipeline.__file__).resolve().parent)


def run_all(corpus: list[dict[str, str]], docs: list[Any], options: Options) -> None:
    for obj, doc in zip(corpus, docs, strict=True):
        art = read_article(obj["text"], published=obj.get("published"), id=obj["id"],
                           options=options)
        doc.user_data.clear()  # the stages cache per-doc work there: start each pass bare
        work = pipeline.Work(art, options, doc)
        for _, fn in pipeline.STAGES:
            fn(work)


def own_rows(stats: pstats.Stats, top: int) -> list[tuple[float, float, int, str]]:
    """(cumulative s, internal s, calls, "file:line:function") of eventwire's functions."""
    rows = []
    for (path, line, func), (_cc, ncalls, tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if str(Path(path).resolve()).startswith(PACKAGE):
            rows.append((ct, tt, ncalls, f"{Path(path).name}:{line}:{func}"))
    rows.sort(reverse=True)
    return rows[:top]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=100, help="articles (100)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--top", type=int, default=15, help="rows of each table (15)")
    ap.add_argument("--out", type=Path, default=RESULTS / "stages.prof")
    args = ap.parse_args(argv)

    options = Options()
    corpus = make_corpus(args.n, args.seed)
    nlp = load_parser(options)
    texts = [read_article(o["text"], options=options).text for o in corpus]
    docs = list(nlp.pipe(texts, batch_size=options.batch_size))
    run_all(corpus[:10], docs[:10], options)  # warm: imports, gazetteer, lexicons

    prof = cProfile.Profile()
    prof.enable()
    run_all(corpus, docs, options)
    prof.disable()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    prof.dump_stats(str(args.out))

    stats = pstats.Stats(prof)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"{args.n} articles, {total:.2f}s profiled "
          f"({total / args.n * 1000:.1f} ms/article under the profiler)\n")
    print(f"eventwire's functions by cumulative time (top {args.top})")
    print(f"{'cum s':>8}{'own s':>8}{'calls':>10}  function")
    for ct, tt, n, name in own_rows(stats, args.top):
        print(f"{ct:8.3f}{tt:8.3f}{n:10d}  {name}")
    print(f"\nany code by internal time (top {args.top})")
    stats.sort_stats("tottime").print_stats(args.top)
    print(f"written: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
