"""The classifier's part in coding: where an event is told, what the rules said of it.

``event_spans`` finds the sentences that tell an event (those holding its trigger words),
``rule_view`` collects the rules' verdict on it, and ``text_features`` gives the features
of a whole coded text for training: those of its main event, or of the whole text when the
rules found none.

>>> spans = event_spans(doc, event)             # doctest: +SKIP
>>> feats = event_features(doc, spans, rule_view(doc, event, spans))  # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from ..mentions import match_triggers
from ..records import Event
from .features import RuleView, event_features
from .model import NO_EVENT

# A text of this many sentences or fewer is read whole for every event it holds: short
# notes and snippets tell one event, and their background words still say what it was.
SHORT_TEXT_SENTENCES = 4
# The evidence fields that point at the words telling the event.
_TELLING_FIELDS = ("sub_event_type", "event_type", "actor1", "actor2", "fatalities")


def _sentences(doc: Doc) -> list[tuple[int, int]]:
    return [(s.start_char, s.end_char) for s in doc.sents]


def event_spans(doc: Doc, event: Event | None) -> list[tuple[int, int]] | None:
    """Character spans of the sentences telling ``event``; None means the whole text."""
    sents = _sentences(doc)
    if event is None or len(sents) <= SHORT_TEXT_SENTENCES:
        return None
    marks = [
        s.start for key in _TELLING_FIELDS for s in (event.evidence.get(key) or ())
    ]  # fmt: skip
    chosen = [(a, b) for a, b in sents if any(a <= m < b for m in marks)]
    if not chosen:
        return None
    # The lead sentence says what the article is about: "Gunmen attacked a checkpoint".
    if sents[0] not in chosen:
        chosen.insert(0, sents[0])
    return chosen


def _trigger_hits(
    doc: Doc, spans: Sequence[tuple[int, int]] | None
) -> list[tuple[str, str, float]]:
    """(class, sub-event type, weight) of the trigger words inside ``spans``."""
    out = []
    for h in match_triggers(doc):
        if spans is None or any(a <= h.start < b for a, b in spans):
            out.append((h.entry.cls, h.entry.sub_event_type or "", h.entry.weight))
    return out


def rule_view(doc: Doc, event: Event | None, spans: Sequence[tuple[int, int]] | None) -> RuleView:
    """What the rules made of ``event`` (None: the rules found no event in the text)."""
    hits = _trigger_hits(doc, spans)
    classes = tuple(sorted({c for c, _s, _w in hits}))
    votes: dict[str, float] = {}
    for _c, sub, weight in hits:
        if sub:
            votes[sub] = max(votes.get(sub, 0.0), weight)
    if event is None:
        return RuleView(trigger_classes=classes, trigger_votes=tuple(sorted(votes.items())))
    card = getattr(event, "classified_by", None) or None
    if card and card.startswith("rule:"):
        card = card[5:]
    return RuleView(
        sub_event_type=event.sub_event_type or None,
        card=card,
        inter1=event.inter1,
        inter2=event.inter2,
        fatalities=event.fatalities or 0,
        injuries=event.injuries or 0,
        trigger_classes=classes,
        trigger_votes=tuple(sorted(votes.items())),
    )


def features_of(doc: Doc, event: Event | None) -> dict[str, float]:
    """The classifier's features for ``event`` of ``doc`` (None: the text as a whole)."""
    spans = event_spans(doc, event)
    return event_features(doc, spans, rule_view(doc, event, spans))


# The model's say over a rule card's verdict. An event the rules found is dropped when
# the model gives "no event" at least ``DROP_EVENT`` (on the corpus's held-back share this
# drops 0.5% of true events and half of the accidents, talks and totals the rules took
# for events); one told with a strong trigger word (weight ``STRONG_TRIGGER`` or more,
# "airstrike", "suicide bomber") only at ``DROP_STRONG``. Otherwise the model's best
# event label is taken.
DROP_EVENT = 0.8
STRONG_TRIGGER = 0.9
DROP_STRONG = 0.99


def relabel(event: Event, label: str, model_name: str, prob: float) -> None:
    """Give ``event`` the model's sub-event type and the fields that follow from it."""
    from ..lexicon import taxonomy

    event_type, disorder = taxonomy()[label]
    event.event_type, event.sub_event_type, event.disorder_type = event_type, label, disorder
    event.classified_by = f"model:{model_name} {prob:.2f}"
    event.confidence = round(min(event.confidence or 1.0, prob) if event.confidence else prob, 3)
    if event_type == "Violence against civilians":
        event.civilian_targeting = "Civilian targeting"
    elif event_type != "Explosions/Remote violence":
        event.civilian_targeting = None


def classify_events(doc: Doc, events: list[Event], model: Any) -> list[Event]:
    """The events the model keeps, each with the model's or a certain card's type."""
    kept = []
    for event in events:
        spans = event_spans(doc, event)
        view = rule_view(doc, event, spans)
        ranked = model.predict(event_features(doc, spans, view))
        label, prob = ranked[0]
        if label == NO_EVENT:
            strong = max((w for _s, w in view.trigger_votes), default=0.0) >= STRONG_TRIGGER
            if prob >= (DROP_STRONG if strong else DROP_EVENT):
                continue
            label, prob = next((x, p) for x, p in ranked if x != NO_EVENT)
        relabel(event, label, model.name, prob)
        kept.append(event)
    return kept
