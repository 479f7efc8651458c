"""Help in a fight: an actor named as helping another ("regime forces backed by Russian
jets") and a weapon named as help ("supported by Coalition airstrikes") are part of the
side they help, not the fight's other side.

>>> is_supporter(mention, doc)                       # doctest: +SKIP
True
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..actors import ActorMention
from .syntax import ancestors
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token


def in_support(tok: Token) -> bool:
    """A weapon named as help to the fighters ("QSD, supported by Coalition airstrikes,
    clashed with IS"; "with the cover of Russian warplanes") is part of their fight.
    (A verb is never help: "forces backed by militias clashed with IS", misparsed.)"""
    if tok.pos_ in ("VERB", "AUX"):
        return False
    for anc in ancestors(tok, 4):
        if anc.dep_ == "agent" and anc.head.lemma_.lower() in word_class("support"):
            return True
        if anc.lower_ == "of" and anc.head.lemma_.lower() in word_class("support_noun"):
            return True
        if anc.pos_ == "VERB" and anc.lemma_.lower() not in word_class("support"):
            return False
    return False


def is_supporter(mention: ActorMention, doc: Doc) -> bool:
    """An actor named as helping another: "regime forces backed by Russian jets"."""
    tok = doc[mention.tok_end - 1]
    for k, anc in enumerate([tok, *ancestors(tok, 4)]):
        lemma = anc.lemma_.lower()
        if anc.dep_ == "prep" and anc.lower_ in ("against", "on", "between"):
            return False  # "backed by jets, against IS fighters": the enemy, not a helper
        if k > 0 and lemma in word_class("support"):
            return True
        if (
            k > 0
            and anc.dep_ == "prep"
            and anc.lower_ in ("with", "alongside")
            and anc.head.pos_ in ("NOUN", "PROPN")
            and anc.head.lemma_ not in word_class("fight_noun")
        ):
            return True
        if anc.pos_ == "VERB" and lemma not in word_class("support"):
            return False
    return mention.tok_start > 0 and doc[mention.tok_start - 1].lower_ in word_class("allied_word")
