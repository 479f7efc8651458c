"""The main event of a text, for the tests of coding conventions: the first event the
pipeline gives, which must exist (the text is in the failure message when it does not)."""

from __future__ import annotations

from eventwire.pipeline import extract
from eventwire.records import Event


def main_event(text: str, published: str) -> Event:
    events = extract(text, published=published).events
    assert events, text
    return events[0]
