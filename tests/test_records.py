"""Records and their JSON form (records.py): what goes out comes back typed."""

from __future__ import annotations

import eventwire
from eventwire import Event, Result, Span


def test_records_result_round_trips_through_json() -> None:
    result = eventwire.extract(
        "Gunmen killed three farmers near Katsina on 3 May 2024, police said.",
        published="2024-05-04",
    )
    back = Result.from_dict(result.as_dict())
    assert back == result
    assert all(isinstance(e, Event) for e in back.events)
    spans = [s for e in back.events for v in e.evidence.values() for s in v]
    assert spans and all(isinstance(s, Span) for s in spans)
