"""The event classifier: a linear model over named features, stored as plain files.

A model directory holds ``model.json`` (its card: what it was trained on, when, by which
eventwire, how it scored on text held back from training, its labels and feature names)
and ``weights.npz`` (one weight per feature and label, one bias per label). Nothing is
pickled, so a model written by one eventwire loads in another without running code, and a
directory from elsewhere is refused with a clear error rather than half-read.

The labels are ACLED's 25 sub-event types and ``""``, "no event". The event type follows
from the sub-event type (``data/taxonomy.tsv``).

>>> model = load_model_dir()                      # the bundled default  # doctest: +SKIP
>>> model.predict({"w:airstrike": 1.0})[0]        # doctest: +SKIP
('Air/drone strike', 0.93)
"""

from __future__ import annotations

import functools
import json
import math
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..lexicon import taxonomy

# Bumped when the files' layout changes; a model of another format is refused.
FORMAT = "eventwire-classifier/1"
NO_EVENT = ""
# The environment variable naming a model directory for every command (--model-dir wins).
MODEL_DIR_ENV = "EVENTWIRE_MODEL_DIR"


@dataclass(slots=True)
class Model:
    """A trained classifier: feature names, weights and its card (``meta``)."""

    name: str
    labels: list[str]
    features: list[str]
    weights: Any  # numpy array, features x labels
    bias: Any  # numpy array, labels
    meta: dict[str, Any] = field(default_factory=dict)
    index: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.index:
            self.index = {f: i for i, f in enumerate(self.features)}

    def scores(self, feats: dict[str, float]) -> Any:
        """Label probabilities for one feature dict (values scaled as in training)."""
        rows, vals = vectorise(feats, self.index)
        z = self.bias.astype(np.float64).copy()
        if rows:
            z += np.asarray(vals, dtype=np.float64) @ self.weights[rows].astype(np.float64)
        z -= z.max()
        p = np.exp(z)
        return p / p.sum()

    def predict(self, feats: dict[str, float]) -> list[tuple[str, float]]:
        """Labels with their probabilities, most likely first."""
        p = self.scores(feats)
        order = np.argsort(-p)
        return [(self.labels[k], float(p[k])) for k in order]

    def save(self, out: str | os.PathLike[str]) -> Path:
        """Write the model's two files into ``out`` (created if missing)."""
        path = Path(out)
        path.mkdir(parents=True, exist_ok=True)
        card = {
            **self.meta,
            "format": FORMAT,
            "name": self.name,
            "labels": self.labels,
            "features": self.features,
        }
        np.savez_compressed(
            path / "weights.npz",
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )
        (path / "model.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
        return path


def vectorise(feats: dict[str, float], index: dict[str, int]) -> tuple[list[int], list[float]]:
    """Known features as (rows, values): counts damped (1 + log n), then unit length.

    Damping keeps a word said five times from outweighing five different words; unit
    length makes a headline and a long report comparable.
    """
    rows: list[int] = []
    vals: list[float] = []
    for name, value in feats.items():
        k = index.get(name)
        if k is None or value <= 0:
            continue
        rows.append(k)
        vals.append(1.0 + math.log(value) if value >= 1 else value)
    norm = math.sqrt(sum(v * v for v in vals)) or 1.0
    return rows, [v / norm for v in vals]


def default_model_dir() -> Path:
    """The model shipped inside the package."""
    return Path(str(resources.files("eventwire").joinpath("data").joinpath("model")))


def model_dir_from(option: str | os.PathLike[str] | None) -> Path:
    """The directory to load: the option, else ``$EVENTWIRE_MODEL_DIR``, else the default."""
    chosen = option or os.environ.get(MODEL_DIR_ENV) or None
    return Path(chosen) if chosen else default_model_dir()


def load_model_dir(path: str | os.PathLike[str] | None = None) -> Model:
    """Load a model directory (the bundled default when ``path`` is None)."""
    return _load(str(Path(path).resolve()) if path else str(default_model_dir()))


@functools.lru_cache(maxsize=4)
def _load(path: str) -> Model:
    where = Path(path)
    if not where.is_dir():
        raise ConfigError(f"model directory {path!r} does not exist")
    card_file, weight_file = where / "model.json", where / "weights.npz"
    if not card_file.is_file() or not weight_file.is_file():
        raise ConfigError(
            f"{path!r} is not an eventwire model directory (it needs model.json and "
            "weights.npz, as written by `eventwire train --out DIR`)"
        )
    try:
        card = json.loads(card_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{card_file}: not a readable model card: {exc}") from exc
    if not isinstance(card, dict) or card.get("format") != FORMAT:
        found = card.get("format") if isinstance(card, dict) else None
        raise ConfigError(
            f"{card_file}: model format {found!r} is not {FORMAT!r}; "
            "retrain it with this eventwire (`eventwire train`)"
        )
    labels, features = card.get("labels"), card.get("features")
    if not isinstance(labels, list) or not isinstance(features, list):
        raise ConfigError(f"{card_file}: the card lists no labels or features")
    known = taxonomy()
    unknown = [x for x in labels if x != NO_EVENT and x not in known]
    if unknown:
        raise ConfigError(f"{card_file}: labels that are not ACLED sub-event types: {unknown}")
    try:
        with np.load(weight_file, allow_pickle=False) as arrays:
            weights, bias = arrays["weights"], arrays["bias"]
    except (OSError, ValueError, KeyError) as exc:
        raise ConfigError(f"{weight_file}: unreadable weights: {exc}") from exc
    if weights.shape != (len(features), len(labels)) or bias.shape != (len(labels),):
        raise ConfigError(
            f"{weight_file}: weights of shape {weights.shape} do not fit "
            f"{len(features)} features and {len(labels)} labels"
        )
    meta = {k: v for k, v in card.items() if k not in ("labels", "features")}
    return Model(str(card.get("name") or where.name), labels, features, weights, bias, meta)
