"""Private crime: violence told as a robbery or a quarrel at home, with no side a coder
of political violence follows ("two gunmen shot dead a cashier during a robbery at a
petrol station", "a man killed his wife after a domestic quarrel").

ACLED codes organised armed men who rob and kill on roads and in villages (the Sahel's
and Nigeria's bandits, "armed bandits robbed traders"), and crowds that beat suspected
thieves; a hold-up of a shop or a killing in a family is ordinary crime, no event. A
text that names a group (a dictionary actor that is no generic phrase), a crowd or a
demonstration is never private crime here, nor is a fight with the police or the army.

>>> private_crime(draft, doc)   # doctest: +SKIP
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .clues import names_any
from .merging import tells_a_crowd
from .records import Draft
from .words import word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Token

# Fire answered ("officers returned fire", "exchanged shots"): a fight, not a hold-up.
_FIRE_ANSWERED = re.compile(r"\b(?:return|exchang|trad)\w* (?:\w+ )?(?:fire|gunfire|shots)\b")
# Generic actor kinds of the state's forces: their fights with robbers are battles.
_FORCES = frozenset({"police", "military"})


def private_crime(draft: Draft, doc: Doc) -> bool:
    """Every telling of the draft is a robbery's or a family quarrel's, and none names a
    group, a crowd or a demonstration."""
    if tells_a_crowd(draft):
        return False
    for f in draft.frames:
        if any(a.entry is None or not a.entry.generic for a in f.actors):
            return False  # a group named
        if any(a.entry is not None and a.entry.kind in _FORCES for a in f.patients):
            return False  # "robbers opened fire on the police": a fight with the forces
    sentences = []
    for f in draft.frames:
        span = doc.char_span(f.sent_start, f.sent_end, alignment_mode="expand")
        if span is None:
            return False
        sentences.append(span)
    told = " ".join(sent.text.lower() for sent in sentences)
    if names_any(told, "gunfight_word") or _FIRE_ANSWERED.search(told):
        return False  # "... opened fire on officers, who returned fire": a battle
    return all(any(_robbery(t) or _kin_quarrel(t) for t in sent) for sent in sentences)


def _robbery(tok: Token) -> bool:
    """A robber doing it ("carjackers shot", "shot dead by burglars") or the act done
    during a robbery ("during a robbery at a petrol station")."""
    if tok.lemma_.lower() not in word_class("crime_word"):
        return False
    if tok.dep_ in ("nsubj", "nsubjpass"):
        return True
    return tok.dep_ == "pobj" and tok.head.lower_ in ("by", "during", "in")


def _kin_quarrel(tok: Token) -> bool:
    """Kin or a neighbour killed in a quarrel: "his wife", "her brother", with a word of
    quarrel in the sentence."""
    if tok.lemma_.lower() not in word_class("kin_word"):
        return False
    if not any(c.dep_ == "poss" and c.lower_ in ("his", "her", "their") for c in tok.children):
        return False
    quarrel = word_class("quarrel_word")
    return any(t.lemma_.lower() in quarrel for t in tok.sent)
