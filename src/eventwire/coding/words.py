"""The coding wing's lexicons, read from ``eventwire/data`` and checked as they load.

>>> triggers()["airstrike"][0].sub_event_type       # doctest: +SKIP
'Air/drone strike'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..errors import ConfigError
from ..lexicon import read_table, taxonomy


@dataclass(frozen=True, slots=True)
class Trigger:
    """One entry of ``triggers.tsv``."""

    lemmas: tuple[str, ...]
    cls: str
    sub_event_type: str | None
    weight: float


@functools.lru_cache(maxsize=1)
def triggers() -> dict[str, tuple[Trigger, ...]]:
    """Triggers indexed by their first lemma, longest phrase first."""
    index: dict[str, list[Trigger]] = {}
    known = taxonomy()
    for row in read_table("triggers.tsv"):
        sub = None if row["sub_event_type"] == "-" else row["sub_event_type"]
        if sub is not None and sub not in known:
            raise ConfigError(f"triggers.tsv: unknown sub-event type {sub!r}")
        # Split as spaCy splits: "sit-in" is three tokens, "sit", "-", "in".
        trig = Trigger(
            tuple(re.findall(r"[^\s-]+|-", row["phrase"].lower())),
            row["class"],
            sub,
            float(row["weight"]),
        )
        index.setdefault(trig.lemmas[0], []).append(trig)
    return {k: tuple(sorted(v, key=lambda t: -len(t.lemmas))) for k, v in index.items()}


@functools.lru_cache(maxsize=1)
def vetoes() -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
    """(cause nouns, topic words, cause verbs, weak topic words) of ``data/vetoes.tsv``."""
    rows = read_table("vetoes.tsv")
    return (
        frozenset(r["word"] for r in rows if r["context"] == "cause"),
        frozenset(r["word"] for r in rows if r["context"] == "topic"),
        frozenset(r["word"] for r in rows if r["context"] == "cause_verb"),
        frozenset(r["word"] for r in rows if r["context"] == "topic_weak"),
    )
