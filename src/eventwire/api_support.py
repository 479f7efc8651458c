"""Parts of the REST API that need nothing of api.py: the check that refuses unknown query
parameters, the body of a correction (PATCH), and downloads streamed in a format.

>>> EventPatch.model_validate({"fields": {"fatalities": 23}, "why": "misread"}).who
'api'

api.py wires them into the app; the envelope stays made there, in one place.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Literal

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field

from .exports import MEDIA_TYPES, export_text, format_name
from .store import EventFilter, open_store

__all__ = ["DOWNLOADS", "EventPatch", "download", "known_parameters"]

# The formats ``GET /api/events?format=`` streams (json, the default, is the envelope).
DOWNLOADS = ("acled-csv", "geojson", "jsonl")

_NAMES: dict[int, frozenset[str]] = {}


def _query_names(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def known_parameters(request: Request) -> None:
    """Refuse (422, naming it) a query parameter that the endpoint does not take, or one
    given twice: a misspelt filter would otherwise be ignored and answer everything."""
    route = request.scope.get("route")
    if route is None or not request.url.path.startswith("/api/"):
        return
    known = _NAMES.get(id(route))
    if known is None:
        known = _NAMES[id(route)] = frozenset(_query_names(route.dependant))
    errors = []
    for name in dict.fromkeys(request.query_params.keys()):
        values = request.query_params.getlist(name)
        if name not in known:
            takes = ", ".join(sorted(known)) or "none"
            msg = f"unknown parameter (this endpoint takes: {takes})"
        elif len(values) > 1:
            msg = "given more than once"
        else:
            continue
        errors.append({"loc": ("query", name), "msg": msg, "type": "value_error",
                       "input": values[0]})  # fmt: skip
    if errors:
        raise RequestValidationError(errors)


class EventPatch(BaseModel):
    """A correction of one event (PATCH /api/events/{id}): fields to set, and/or a verdict,
    with the reason and who made it."""

    model_config = ConfigDict(extra="forbid")

    fields: dict[str, Any] | None = Field(
        None, description="Fields to set: {\"fatalities\": 23, \"actor2\": null}."
    )
    status: Literal["accepted", "rejected"] | None = Field(
        None, description="A person's verdict on the event."
    )
    why: str = Field(min_length=1, max_length=2000, description="Why; kept in the history.")
    who: str = Field("api", min_length=1, max_length=100, description="Who corrects it.")


def download(url: str, format: str, filters: EventFilter, sort: str) -> StreamingResponse:
    """Every event matching ``filters`` in ``format`` (acled-csv, geojson, jsonl; csv is
    acled-csv's old name), streamed from a connection of its own as it is read."""
    format = format_name(format)
    media, extension = MEDIA_TYPES[format]

    def pieces() -> Iterator[str]:
        store = open_store(url)
        try:
            yield from export_text(store, format, filters, sort=sort)
        finally:
            store.close()

    saved_as = f'attachment; filename="eventwire-events.{extension}"'
    return StreamingResponse(pieces(), media_type=media,
                             headers={"Content-Disposition": saved_as})  # fmt: skip
