"""The project's training corpus and the model shipped with it.

The corpus (``data/corpus``) must cover every ACLED sub-event type and the texts a reader
would not code, and the bundled model (``data/model``) must be what ``eventwire train``
makes of that corpus alone: same files, same features, weights to rounding.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path

import numpy as np

from eventwire.coding.model import default_model_dir, load_model_dir
from eventwire.labelled import read_labelled
from eventwire.lexicon import taxonomy
from eventwire.training import TrainOptions, default_corpus, train


def test_training_corpus_covers_every_type_and_the_texts_not_to_code() -> None:
    rows = read_labelled(default_corpus())  # raises on any bad label or line
    assert len(rows) >= 5000
    counts = Counter(r.sub_event_type for r in rows)
    for sub in taxonomy():
        assert counts[sub] >= 120, sub
    assert counts[""] >= 1200
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    texts = [r.text.strip().lower() for r in rows]
    assert len(texts) == len(set(texts))


def test_training_corpus_spreads_over_regions_and_registers() -> None:
    regions: Counter[str] = Counter()
    registers: Counter[str] = Counter()
    for path in default_corpus():
        for line in path.read_text(encoding="utf-8").splitlines():
            obj = json.loads(line)
            regions[obj["region"]] += 1
            registers[obj["register"]] += 1
    total = sum(regions.values())
    assert len(regions) >= 12 and max(regions.values()) < 0.2 * total
    assert set(registers) >= {"acled", "wire", "local", "ngo", "headline", "sentence"}
    assert max(registers.values()) < 0.4 * total


def test_training_bundled_model_card_names_the_corpus_it_was_trained_on() -> None:
    model = load_model_dir()
    card = model.meta
    files = {f["file"]: f["sha256"] for f in card["files"]}
    corpus = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in default_corpus()}
    assert files == corpus, "retrain: eventwire train --with-default --out <model> --name default"
    assert card["options"]["with_default"] is True
    assert set(model.labels) == set(taxonomy()) | {""}
    assert (default_model_dir() / "README.md").is_file()


def test_training_bundled_model_is_reproduced_by_eventwire_train(tmp_path: Path) -> None:
    """Retrain from the corpus alone and compare: the shipped model is no black box."""
    shipped = load_model_dir()
    opts = TrainOptions(**{**shipped.meta["options"], "with_default": True})
    report = train([], tmp_path / "again", opts)
    again = load_model_dir(tmp_path / "again")
    assert again.features == shipped.features and again.labels == shipped.labels
    # Solvers and BLAS builds differ in the last digits; the model does not.
    assert np.max(np.abs(again.weights - shipped.weights)) < 0.05
    held = shipped.meta["held_back_scores"]
    assert abs(report.scores["sub_event_weighted_f1"] - held["sub_event_weighted_f1"]) <= 0.01
