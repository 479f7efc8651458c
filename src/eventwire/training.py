"""Training the event classifier on coded texts: ``eventwire train FILE... --out DIR``.

The texts run through the rule cards first (the model learns from their verdicts too),
a share of them is held back, a logistic regression learns from the rest, and the held-back
share is scored. The model directory gets the weights and a card saying what went in and
how it scored. Seeded: the same files and options give the same model.

>>> report = train(["coded.jsonl"], "my-model")          # doctest: +SKIP
>>> report.scores["sub_event_weighted_f1"]               # doctest: +SKIP
0.87
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from .about import version
from .articles import read_article
from .coding.learned import Recorder
from .coding.model import NO_EVENT, Model, vectorise
from .errors import ConfigError, EventwireError, InputError
from .labelled import Labelled, read_labelled
from .lexicon import taxonomy
from .options import Options
from .pipeline import FINDING_STAGES, Work, code_articles, stage_events

Progress = Callable[[int], None]


@dataclass(frozen=True, slots=True)
class TrainOptions:
    """How a model is trained. The defaults made the bundled model."""

    seed: int = 13
    # The share of texts kept out of training and scored at the end.
    held_back: float = 0.15
    # Inverse regularisation strength of the logistic regression.
    c: float = 16.0
    # A feature seen in fewer training texts than this is left out (names, typos).
    min_count: int = 2
    # The solver stops when its steps are this small. Looser, it stops in a flat valley
    # at a point that depends on the order of the texts and the machine's arithmetic.
    tol: float = 1e-6
    with_default: bool = False
    name: str = "custom"


@dataclass(slots=True)
class TrainReport:
    """What ``train`` did: where the model went, what it learned from, how it scored."""

    model_dir: Path
    trained: int
    held_back: int
    counts: dict[str, int]
    scores: dict[str, Any] = field(default_factory=dict)


def default_corpus() -> list[Path]:
    """The project's own training corpus, shipped in the package (``data/corpus``)."""
    folder = Path(str(resources.files("eventwire").joinpath("data").joinpath("corpus")))
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise ConfigError(f"the bundled training corpus is missing from {folder}")
    return files


def held_back(row: Labelled, seed: int, share: float) -> bool:
    """Whether ``row`` is kept out of training: a fixed draw from its text and the seed."""
    digest = hashlib.sha256(f"{seed}\n{row.text}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < share


def featurise(
    rows: Sequence[Labelled], options: Options = Options(), progress: Progress | None = None
) -> list[dict[str, float]]:
    """The classifier's features of each row, from the rule cards' reading of it."""
    out: list[dict[str, float]] = []
    step = max(1, options.batch_size)
    for k in range(0, len(rows), step):
        chunk = rows[k : k + step]
        articles = []
        for row in chunk:
            try:
                articles.append(read_article(row.text, published=row.published, options=options))
            except InputError as exc:
                raise InputError(f"{row.source}: {exc}") from exc
        recorders: dict[int, Recorder] = {}
        recording: Callable[[Work], None] = functools.partial(_record, recorders)
        stages = (*FINDING_STAGES, ("events", recording))
        for art, work in code_articles(articles, options, stages):
            recorder = recorders.get(id(art))
            if work is None or work.doc is None or recorder is None:
                out.append({})  # skipped (not English) or failed: nothing to learn from
                continue
            main = work.coded[0][0] if work.coded else None
            out.append(recorder.features_for(work.doc, main))
        if progress is not None:
            progress(len(chunk))
    return out


def _record(recorders: dict[int, Recorder], work: Work) -> None:
    """The events stage, with a decider that keeps the features of every draft."""
    recorders[id(work.article)] = recorder = Recorder()
    stage_events(work, decide=recorder)


def fit(
    feats: Sequence[dict[str, float]], labels: Sequence[str], options: TrainOptions
) -> Model:
    """A logistic regression over the features seen in at least ``min_count`` texts."""
    try:
        # scikit-learn loads only to train: coding needs numpy alone (coding/model.py).
        import numpy as np
        from scipy.sparse import csr_matrix
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise ConfigError("training needs scikit-learn: pip install scikit-learn") from exc
    if len(set(labels)) < 2:
        raise InputError("training needs texts of at least two different labels")
    seen: Counter[str] = Counter()
    for f in feats:
        seen.update(f.keys())
    names = sorted(k for k, n in seen.items() if n >= options.min_count)
    index = {k: i for i, k in enumerate(names)}
    data: list[float] = []
    cols: list[int] = []
    ptr = [0]
    for f in feats:
        rows, vals = vectorise(f, index)
        cols.extend(rows)
        data.extend(vals)
        ptr.append(len(cols))
    matrix = csr_matrix((data, cols, ptr), shape=(len(feats), len(names)))
    clf = LogisticRegression(
        C=options.c, max_iter=5000, tol=options.tol, random_state=options.seed
    )
    clf.fit(matrix, list(labels))
    classes = [str(c) for c in clf.classes_]
    coef = np.asarray(clf.coef_, dtype=np.float64)
    bias = np.asarray(clf.intercept_, dtype=np.float64)
    if len(classes) == 2:  # scikit-learn keeps one row for two classes: make it two
        coef = np.vstack([-coef[0] / 2, coef[0] / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    return Model(options.name, classes, names, coef.T.copy(), bias)


def weighted_f1(pairs: Iterable[tuple[str, str]]) -> float:
    """F1 per gold label, weighted by the label's share of the gold (CASE 2021's measure)."""
    pairs = list(pairs)
    support = Counter(g for g, _ in pairs)
    total = 0.0
    for label, n in support.items():
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / n
        total += n * (2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return total / len(pairs) if pairs else 0.0


def per_class(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Precision, recall, F1 and support of each gold label."""
    out = {}
    for label in sorted({g for g, _ in pairs}):
        tp = sum(1 for g, p in pairs if g == label and p == label)
        fp = sum(1 for g, p in pairs if g != label and p == label)
        n = sum(1 for g, _ in pairs if g == label)
        prec = tp / (tp + fp) if tp + fp else 0.0
        rec = tp / n if n else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[label or "(no event)"] = {
            "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3),
            "support": n,
        }  # fmt: skip
    return out


def score_pairs(pairs: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Held-back figures: accuracy, weighted F1, event type accuracy, per class."""
    types = taxonomy()

    def etype(label: str) -> str:
        return types[label][0] if label in types else ""

    n = len(pairs) or 1
    return {
        "n": len(pairs),
        "accuracy": round(sum(g == p for g, p in pairs) / n, 3),
        "sub_event_weighted_f1": round(weighted_f1(pairs), 3),
        "event_type_accuracy": round(sum(etype(g) == etype(p) for g, p in pairs) / n, 3),
        "per_class": per_class(pairs),
    }


def train(
    files: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    options: TrainOptions = TrainOptions(),
    extract_options: Options = Options(),
    progress: Callable[[str, int, int], Progress] | None = None,
) -> TrainReport:
    """Train a classifier on coded ``files`` (plus the bundled corpus with
    ``with_default``) and write it to ``out``.

    ``progress(label, total, done)`` may return a callback that is told how many texts
    each step finished.
    """
    paths = [Path(f) for f in files] + (default_corpus() if options.with_default else [])
    if not paths:
        raise InputError("no training files given")
    rows = read_labelled(paths)
    keep = [not held_back(r, options.seed, options.held_back) for r in rows]
    tick = progress("featurising", len(rows), 0) if progress else None
    try:
        feats = featurise(rows, extract_options, tick)
    except EventwireError:
        raise
    train_f = [f for f, k in zip(feats, keep, strict=True) if k]
    train_y = [r.sub_event_type for r, k in zip(rows, keep, strict=True) if k]
    model = fit(train_f, train_y, options)
    pairs = [
        (r.sub_event_type, model.predict(f)[0][0])
        for r, f, k in zip(rows, feats, keep, strict=True)
        if not k
    ]
    scores = score_pairs(pairs) if pairs else {}
    counts = Counter(r.sub_event_type or NO_EVENT for r in rows)
    model.meta = _card(paths, options, rows, counts, scores, len(train_y))
    where = model.save(out)
    (where / "README.md").write_text(model_card(model.name, model.meta), encoding="utf-8")
    return TrainReport(where, len(train_y), len(pairs), dict(counts), scores)


def model_card(name: str, meta: dict[str, Any]) -> str:
    """The model card as Markdown: what it learned from and how it scored held back."""
    scores = meta.get("held_back_scores") or {}
    lines = [
        f"# eventwire event classifier: {name}",
        "",
        f"Trained {meta.get('trained_on')} by eventwire {meta.get('eventwire_version')} "
        f"(`eventwire train`, options {json.dumps(meta.get('options'))}).",
        "",
        f"Texts: {meta.get('texts')} ({meta.get('trained_texts')} trained, the rest held "
        f"back), mean length {meta.get('mean_length_words')} words. Files: "
        + ", ".join(f"`{f['file']}`" for f in meta.get("files", [])) + ".",
        "",
        "## Held-back scores",
        "",
    ]
    if scores:
        lines += [
            f"Accuracy {scores['accuracy']}, sub-event weighted F1 "
            f"{scores['sub_event_weighted_f1']}, event type accuracy "
            f"{scores['event_type_accuracy']} on {scores['n']} held-back texts.",
            "",
            "| label | texts (all) | held back | precision | recall | F1 |",
            "|---|---|---|---|---|---|",
        ]
        counts = meta.get("counts", {})
        for label, v in sorted(scores["per_class"].items()):
            lines.append(
                f"| {label} | {counts.get(label, '')} | {v['support']} | {v['precision']} "
                f"| {v['recall']} | {v['f1']} |"
            )
    else:
        lines.append("Nothing was held back.")
    return "\n".join(lines) + "\n"


def _card(
    paths: Sequence[Path],
    options: TrainOptions,
    rows: Sequence[Labelled],
    counts: Counter[str],
    scores: dict[str, Any],
    trained: int,
) -> dict[str, Any]:
    files = []
    for p in paths:
        data = p.read_bytes()
        files.append({"file": p.name, "sha256": hashlib.sha256(data).hexdigest()})
    return {
        "trained_on": dt.date.today().isoformat(),
        "eventwire_version": version(),
        "options": asdict(options),
        "files": files,
        "texts": len(rows),
        "trained_texts": trained,
        "counts": {(k or "(no event)"): v for k, v in sorted(counts.items())},
        "held_back_scores": scores,
        "mean_length_words": round(
            sum(len(r.text.split()) for r in rows) / max(1, len(rows)), 1
        ),
    }
