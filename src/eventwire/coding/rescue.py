"""Events the cards had no word for: the classifier reads the whole text, and when it is
sure the text tells an event, the lead sentence is coded as that event.

"The OSCE monitors recorded 65 bursts of small-arms fire near Popasna" holds no trigger
word the lexicon knows, yet a coder would log a clash. The model's label becomes the
trigger of the lead sentence's main verb, and the frame finder then reads that sentence
as it reads any other: its actors, place, date and toll. The event says the model
decided it (``classified_by``), and its evidence for the type is that verb.

>>> coded = rescue(doc, article, places, dates, actors, decide)   # doctest: +SKIP
>>> coded[0][2].classified_by                                     # doctest: +SKIP
'model:default 0.71'
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from ..actors import ActorMention
from ..dates import DateMention
from ..lexicon import parsed_text, speech_words
from ..place_lexicon import PlaceMention
from ..records import Actor, Article, Event
from .assemble import assemble
from .factuality import denied
from .frames import find_frames
from .learned import ModelDecider
from .records import Draft, TriggerHit, Verdict
from .triggers import match_triggers, other_sense
from .words import Trigger, vetoes, word_class

if TYPE_CHECKING:  # spaCy's types only: the writer process never imports spaCy
    from spacy.tokens import Doc, Span, Token

# The weight of the stand-in trigger: below every card's threshold for a "type" word,
# so the cards never take it for a word of the lexicon.
_STAND_IN_WEIGHT = 0.3
_CACHE = "eventwire.triggers"


def _lead(doc: Doc) -> Span | None:
    """The first sentence that says something happened (a verb at its root)."""
    text = parsed_text(doc)
    nl = text.find("\n")
    title_end = nl if 0 < nl < 200 and text[:nl].rstrip()[-1:] not in ".!?" else -1
    first = None
    for sent in doc.sents:
        if not sent.text.strip():
            continue
        first = first or sent
        if sent.start_char > title_end and sent.root.pos_ in ("VERB", "AUX"):
            return sent
    return first


def _told_verb(sent: Span) -> Token:
    """The verb that tells what happened: the root, or under "..., police said" the
    clause said."""
    root = sent.root
    if root.lemma_.lower() in speech_words()[0]:
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis") and child.pos_ in ("VERB", "AUX"):
                return child
    if denied(root):
        # "youths burned several hamlets; no one was hurt": the clause beside the denial.
        for child in root.children:
            if child.dep_ in ("ccomp", "parataxis", "conj") and child.pos_ == "VERB":
                return child
    return root


def rescue(
    doc: Doc,
    article: Article,
    places: list[PlaceMention],
    dates: Sequence[DateMention],
    actors: list[ActorMention],
    decide: ModelDecider,
) -> list[tuple[Draft, Verdict, Event]]:
    """The event the model reads in a text the cards found none in, or nothing."""
    guess = decide.whole_text(doc)
    sent = _lead(doc)
    if guess is None or sent is None:
        return []
    label, prob = guess
    root = _told_verb(sent)
    negated = any(c.dep_ == "neg" for c in root.children) or denied(root)
    if negated or root.lemma_.lower() in word_class("modal_head"):
        # "Residents fear a new offensive", "no fighting was reported": nothing happened.
        return []
    if any(c.dep_ == "nsubj" and c.pos_ == "NOUN" and c.lemma_.lower() in vetoes()[0]
           for c in root.children):
        return []  # "A storm tore roofs off houses": the weather did it
    if any(h.i <= root.i < h.j and other_sense(h, doc) for h in match_triggers(doc)):
        return []  # "the minister came under fire for ...": the lexicon read it, as no event
    stand_in = TriggerHit(
        root.i, root.i + 1, root.idx, root.idx + len(root.text), root.text,
        Trigger((root.lemma_.lower(),), "type", label, _STAND_IN_WEIGHT),
    )  # fmt: skip
    saved = doc.user_data.get(_CACHE)
    hits = [h for h in match_triggers(doc) if h.i != root.i]
    doc.user_data[_CACHE] = tuple(sorted([*hits, stand_in], key=lambda h: h.i))
    try:
        frames = [
            f for f in find_frames(doc, list(dates), places, actors)
            if any(h is stand_in for h in f.triggers)
        ]  # fmt: skip
        decided = _Decided(label, f"{decide.model.name} {prob:.2f}")
        return assemble(doc, article, frames, places, dates, decide=decided, actors=actors)
    finally:
        # The later stages (claims) read the lexicon's own hits, not the stand-in.
        if saved is None:
            doc.user_data.pop(_CACHE, None)
        else:
            doc.user_data[_CACHE] = saved


class _Decided:
    """A decider that answers what the model already decided for the whole text."""

    def __init__(self, label: str, by: str) -> None:
        self.label, self.by = label, by

    def __call__(
        self,
        draft: Draft,
        doc: Doc,
        verdict: Verdict,
        actor1: Actor | None,
        actor2: Actor | None,
        killed: int | None,
        injured: int | None,
    ) -> Verdict:
        return replace(verdict, sub_event_type=self.label, model=self.by)
