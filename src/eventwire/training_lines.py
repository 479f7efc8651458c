"""A person's corrections as coded texts: ``eventwire export --format training``.

>>> for line in training_lines(store):                         # doctest: +SKIP
...     print(line)
{"id": "NGA1:5f1c...", "text": "...", "event_type": "Battles", "sub_event_type": ...}

Each event a person corrected, accepted or rejected gives one JSONL line per source
article, in the format ``labelled.py`` reads and ``eventwire train`` learns from:
``{"id", "text", "published", "event_type", "sub_event_type"}`` and the gold fields
(``labelled.GOLD_FIELDS``) as the person left them. ``text`` is the sentences of the
article that hold the event's evidence, where the classifier looks. A rejected event
says its article holds no event (both types empty), when it was the only event coded
from that article; beside other events it says nothing, since the text still holds them.
The lines also carry ``event_id``, ``article_id`` and ``review`` so that a person can
trace them back; ``labelled.py`` ignores them.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .labelled import GOLD_FIELDS
from .store import EventFilter, Store

__all__ = ["training_lines"]

# Where a sentence ends: a full stop, question or exclamation mark before a space or a
# line break, or a blank line.
_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*(?=\s)|\n\s*\n")


def training_lines(store: Store, filters: EventFilter | None = None) -> Iterator[str]:
    """The JSONL lines (newline included) of the corrected events matching ``filters``
    (whatever their verdict: a rejection teaches as much as a correction)."""
    wanted: set[str] | None = None
    if filters is not None and filters != EventFilter():
        wanted = {e.event_id for e in store.iter_events(replace(filters, status="all"))}
    for event_id in store.corrected_events():
        if wanted is not None and event_id not in wanted:
            continue
        found = store.get_event(event_id)
        if found is None:
            continue
        for line in _lines(store, found):
            yield json.dumps(line, ensure_ascii=False) + "\n"


def _lines(store: Store, found: dict[str, Any]) -> Iterator[dict[str, Any]]:
    ev = found["event"]
    rejected = found["review"] == "rejected"
    for source in found["sources"]:
        article = store.get_article(source["article_id"])
        if article is None:
            continue
        if rejected:
            others = {e["event_id"] for e in article["events"]} - {ev["event_id"]}
            if any(_active(store, other) for other in others):
                continue  # the text still holds other events: it is no negative example
            text, labels = article["text"], ("", "")
        else:
            text = sentences_around(article["text"], source["evidence"])
            labels = (ev["event_type"], ev["sub_event_type"])
        line: dict[str, Any] = {
            "id": f"{ev['event_id']}:{source['article_id']}",
            "text": text,
            "published": article["published"],
            "event_type": labels[0],
            "sub_event_type": labels[1],
        }
        if not rejected:
            line.update({k: ev.get(k) for k in GOLD_FIELDS if ev.get(k) is not None})
        line.update(event_id=ev["event_id"], article_id=source["article_id"],
                    review=found["review"], corrected=ev.get("corrected", []))  # fmt: skip
        yield line


def _active(store: Store, event_id: str) -> bool:
    other = store.get_event(event_id)
    return other is not None and other["status"] == "active"


def sentences_around(text: str, evidence: dict[str, list[dict[str, Any]]]) -> str:
    """The sentences of ``text`` from the first to the last evidence span (the whole
    text when there is no evidence).

    >>> sentences_around("Rain fell. Gunmen killed 3 in Kano. Markets shut.",
    ...                  {"fatalities": [{"start": 25, "end": 26}]})
    'Gunmen killed 3 in Kano.'
    """
    spans = [s for spans in evidence.values() for s in spans]
    if not spans:
        return text.strip()
    first = min(s["start"] for s in spans)
    last = max(s["end"] for s in spans)
    start = 0
    for m in _SENTENCE_END.finditer(text, 0, first):
        start = m.end()
    end_match = _SENTENCE_END.search(text, last)
    end = end_match.end() if end_match else len(text)
    return text[start:end].strip()
