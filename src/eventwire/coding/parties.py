"""The actors of an event beyond actor1 and actor2: who only tells the news ("police
said"), and the associated actors of each side.

>>> is_teller(mention, doc)                          # doctest: +SKIP
True
"""

from __future__ import annotations

import functools
from typing import Any

from .. import actors as act
from ..lexicon import read_table


@functools.lru_cache(maxsize=1)
def _speech_words() -> tuple[frozenset[str], frozenset[str]]:
    """(verbs of saying, phrases before a source) of ``data/speech.tsv``."""
    rows = read_table("speech.tsv")
    return (
        frozenset(r["phrase"] for r in rows if r["kind"] == "verb"),
        frozenset(r["phrase"] for r in rows if r["kind"] == "prep"),
    )


def is_teller(mention: Any, doc: Any) -> bool:
    """The actor only reports the event: the subject of a verb of saying ("police said"),
    or the source after "according to"."""
    verbs, preps = _speech_words()
    tok = doc[mention.tok_end - 1]
    while tok.dep_ in ("compound", "amod", "poss", "nmod", "conj") and tok.head.i != tok.i:
        tok = tok.head  # "the police spokesman said": the spokesman's phrase
    if tok.dep_ == "nsubj" and tok.head.lemma_.lower() in verbs:
        # "The U.S. military said it had killed two": the teller speaks of its own act.
        own = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "we", "they")
            for clause in tok.head.children
            if clause.dep_ == "ccomp"
            for c in clause.children
        )
        return not own
    before = doc[max(mention.tok_start - 3, 0) : mention.tok_start].text.lower()
    return any(before.endswith(p) or f"{p} the" in before for p in preps)


def assoc_names(
    mentions: list[Any],
    taken: set[str | None],
    country: str | None,
    iso2: str | None,
    year: int | None,
) -> str | None:
    """ACLED's associated actors: the other actors of a side, "; "-separated, no repeats."""
    names: list[str] = []
    for m in mentions:
        name = act.resolve(m, country, iso2, year).name
        if name not in names and name not in taken:
            names.append(name)
    return "; ".join(names) or None
