"""What the event classifier sees of an event: named features of its words and of the rules.

The classifier (``coding/model.py``) learns the event and sub-event type from these. They
are built to carry across wording and region rather than to memorise names:

- ``w:`` lemmas of the event's sentences, lower case; names of people, places, dates and
  numbers become their kind (``w:<gpe>``), so "Monguno" and "Kherson" weigh the same;
- ``b:`` lemma pairs next to each other ("tear gas", "open fire", "set ablaze");
- ``d:`` a verb with its subject or object ("fire>gas", "fire>shell", "kill<mob");
- ``t:`` trigger classes and the sub-event types the trigger lexicon votes for, and
  ``r:``/``card:`` what the rule cards decided, so the model learns when to trust them;
- ``a1:``/``a2:`` the ACLED inter codes of the event's actors, ``s:`` what the cards know
  of the sides (the side hit is armed, crowds are the parties), ``toll:`` whether people
  were killed or injured.

>>> feats = event_features(nlp("Police fired tear gas at the marchers."))  # doctest: +SKIP
>>> feats["b:tear gas"]                                                   # doctest: +SKIP
1.0
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from ..lexicon import sentence_starts, token_starts

# Entity kinds whose words are names, not meaning: the kind is kept, the name dropped.
_NAMED = {
    "PERSON": "<person>",
    "GPE": "<place>",
    "LOC": "<place>",
    "FAC": "<place>",
    "DATE": "<date>",
    "TIME": "<time>",
    "CARDINAL": "<num>",
    "MONEY": "<num>",
    "QUANTITY": "<num>",
    "PERCENT": "<num>",
    "ORDINAL": "<ord>",
}
# Dependents that say who did what to what: the verb's subject and object.
_ARGUMENT_DEPS = {"nsubj": "<", "nsubjpass": ">", "dobj": ">", "agent": "<", "attr": ">"}


@dataclass(frozen=True, slots=True)
class RuleView:
    """What the rules made of one event, as the classifier's features read it.

    ``sub_event_type`` is the rule cards' verdict (None when the rules found no event),
    ``card`` the card that decided, ``inter1``/``inter2`` ACLED inter codes of the actors.
    """

    sub_event_type: str | None = None
    card: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    fatalities: int = 0
    injuries: int = 0
    trigger_classes: tuple[str, ...] = ()
    trigger_votes: tuple[tuple[str, float], ...] = ()
    signals: tuple[str, ...] = ()


def word(tok: Token) -> str | None:
    """The token as the classifier reads it, or None for punctuation and spaces."""
    if tok.is_punct or tok.is_space or not tok.text.strip():
        return None
    kind = _NAMED.get(tok.ent_type_)
    if kind is not None:
        return kind
    if tok.like_num:
        return "<num>"
    if tok.pos_ == "PROPN" and not tok.ent_type_:
        return "<name>"
    return tok.lemma_.lower()


def _tokens(doc: Doc, spans: Sequence[tuple[int, int]] | None) -> list[Token]:
    """The tokens of ``doc`` that start inside one of ``spans`` (character offsets), in
    text order; all of them where no span is given."""
    if not spans:
        return list(doc)
    starts = token_starts(doc)
    keep: set[int] = set()
    for s, e in spans:
        keep.update(range(bisect_left(starts, s), bisect_left(starts, e)))
    return [doc[i] for i in sorted(keep)]


def word_features(tokens: Iterable[Token]) -> dict[str, float]:
    """Unigrams, bigrams and verb-argument pairs of a run of tokens (counts)."""
    feats: dict[str, float] = {}

    def add(name: str) -> None:
        feats[name] = feats.get(name, 0.0) + 1.0

    prev: str | None = None
    prev_sent: int | None = None
    starts: list[int] | None = None
    for tok in tokens:
        w = word(tok)
        starts = starts or sentence_starts(tok.doc)
        sent = starts[tok.i]
        if w is None:
            prev = None
            continue
        if not tok.is_stop or tok.pos_ in ("ADP", "PART"):
            add("w:" + w)
        if prev is not None and prev_sent == sent:
            add(f"b:{prev} {w}")
        prev, prev_sent = w, sent
        if tok.pos_ in ("VERB", "NOUN") and tok.dep_ in _ARGUMENT_DEPS:
            head = word(tok.head)
            if head is not None and tok.head.pos_ in ("VERB", "AUX"):
                add(f"d:{head}{_ARGUMENT_DEPS[tok.dep_]}{w}")
    return feats


def rule_features(view: RuleView | None) -> dict[str, float]:
    """The rules' verdict and what they saw, as features."""
    if view is None:
        return {}
    feats: dict[str, float] = {}
    if view.sub_event_type:
        # "The rules found nothing" is left unsaid: texts the rules miss are what the
        # model must still read (it learned that lesson from their words, not from here).
        feats["r:" + view.sub_event_type] = 1.0
    if view.card:
        feats["card:" + view.card] = 1.0
    for cls in set(view.trigger_classes):
        feats["t:" + cls] = 1.0
    for sub, weight in view.trigger_votes:
        key = "tv:" + sub
        feats[key] = max(feats.get(key, 0.0), weight)
    feats[f"a1:{view.inter1 or 0}"] = 1.0
    feats[f"a2:{view.inter2 or 0}"] = 1.0
    for name in view.signals:
        feats["s:" + name] = 1.0
    if view.fatalities:
        feats["toll:killed"] = 1.0
    if view.injuries:
        feats["toll:injured"] = 1.0
    return feats


def event_features(
    doc: Doc,
    spans: Sequence[tuple[int, int]] | None = None,
    view: RuleView | None = None,
) -> dict[str, float]:
    """All features of an event told in ``spans`` of ``doc`` (the whole doc when None)."""
    feats = word_features(_tokens(doc, spans))
    feats.update(rule_features(view))
    return feats
