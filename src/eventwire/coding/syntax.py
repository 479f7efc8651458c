"""Walking spaCy's dependency tree: governors, ancestors, paths and phrases with holes.

>>> [t.text for t in governors(doc[3], 6)]          # doctest: +SKIP
['killed']
"""

from __future__ import annotations

from typing import Any


def ancestors(tok: Any, limit: int = 6) -> list[Any]:
    out: list[Any] = []
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def governors(tok: Any, limit: int) -> list[Any]:
    """The words that govern ``tok``, nearest first. A conjunct's governor is its first
    conjunct's: in "pledged allegiance and merged", "pledged" does not govern "merged"."""
    out: list[Any] = []
    cur = tok
    while cur.head.i != cur.i and len(out) < limit:
        if cur.dep_ == "conj":
            while cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
            continue
        cur = cur.head
        out.append(cur)
    return out


def path_up(tok: Any, stop: Any) -> list[Any]:
    """Tokens from ``tok`` up to (not including) ``stop``."""
    out: list[Any] = []
    while tok.i != stop.i and tok.head.i != tok.i and len(out) < 12:
        out.append(tok)
        tok = tok.head
    return out


class _Tokens:
    """A phrase minus some of its parts, walkable like a token's subtree."""

    def __init__(self, tokens: list[Any]) -> None:
        self.subtree = tokens


def without(tok: Any, parts: Any) -> Any:
    """``tok``'s phrase without the conjuncts in ``parts`` (and their subtrees)."""
    drop = {t.i for p in parts for t in p.subtree}
    return _Tokens([t for t in tok.subtree if t.i not in drop])
