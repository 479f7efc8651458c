"""Walking spaCy's dependency tree: governors, ancestors, paths and phrases with holes.

>>> [t.text for t in governors(doc[3], 6)]          # doctest: +SKIP
['killed']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Token


def ancestors(tok: Token, limit: int = 6) -> list[Token]:
    """The words above ``tok`` in the tree, nearest first, at most ``limit``."""
    out: list[Token] = []
    while tok.head.i != tok.i and len(out) < limit:
        tok = tok.head
        out.append(tok)
    return out


def governors(tok: Token, limit: int) -> list[Token]:
    """The words that govern ``tok``, nearest first. A conjunct's governor is its first
    conjunct's: in "pledged allegiance and merged", "pledged" does not govern "merged"."""
    out: list[Token] = []
    cur = tok
    while cur.head.i != cur.i and len(out) < limit:
        if cur.dep_ == "conj":
            while cur.dep_ == "conj" and cur.head.i != cur.i:
                cur = cur.head
            continue
        cur = cur.head
        out.append(cur)
    return out


def path_up(tok: Token, stop: Token) -> list[Token]:
    """Tokens from ``tok`` up to (not including) ``stop``."""
    out: list[Token] = []
    while tok.i != stop.i and tok.head.i != tok.i and len(out) < 12:
        out.append(tok)
        tok = tok.head
    return out


class Phrase:
    """A phrase minus some of its parts, walkable like a token's subtree."""

    def __init__(self, tokens: list[Token]) -> None:
        self.subtree = tokens


def without(tok: Token, parts: Iterable[Token]) -> Phrase:
    """``tok``'s phrase without the conjuncts in ``parts`` (and their subtrees)."""
    drop = {t.i for p in parts for t in p.subtree}
    return Phrase([t for t in tok.subtree if t.i not in drop])
