"""What the store's commands share: the event filters as options (one definition for
``events`` and ``export``), the refusal of a store that is not there, the progress count
and the ingest's summary of events.

>>> event_summary(IngestReport(created=["NGA1"], merged=["SOM3"]))    # doctest: +SKIP
'events: 1 created (NGA1), 1 merged with new reports (SOM3), 0 updated by re-coding'

cli.py and cli_edit.py use them; the exit codes and the one-line error are cli_support's.
"""

from __future__ import annotations

import functools
import inspect
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import typer

from .cli_support import EXIT_FAILURE, EXIT_INPUT, fail
from .errors import EventwireError
from .store import EventFilter, store_exists
from .store.filters import EVENT_STATUSES, check_filter

COUNTRY = typer.Option(None, "--country", help="Country name or ISO code (any case).")
SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="First event date.")
UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Last event date.")
# The filters ``events`` and ``export`` share (and /api/events): one definition each.
FILTERS = {
    "country": COUNTRY,
    "since": SINCE,
    "until": UNTIL,
    "event_type": typer.Option(None, "--type", help="ACLED event type."),
    "sub_event_type": typer.Option(None, "--sub-type", help="ACLED sub-event type."),
    "actor": typer.Option(None, "--actor", help="Actor name, part of it, or an alias (RSF)."),
    "text": typer.Option(None, "--text", help="Words in notes, places, actors."),
    "bbox": typer.Option(None, "--bbox", metavar="W,S,E,N", help="Bounding box."),
    "status": typer.Option(
        None, "--status", help=f"By a person's verdict: {', '.join(EVENT_STATUSES)} "
        "(default active: all but rejected events).",
    ),  # fmt: skip
}
# What ``with_filters`` replaces: a command's ``filters`` before the options are read.
ALL_EVENTS = EventFilter()


def checked_filter(**given: str | None) -> EventFilter:
    """The filters of ``events`` and ``export``, checked as the REST API checks them
    (store/filters.py); a bad value exits 2 naming its option."""
    filters, problems = check_filter(given)
    if problems:
        name, message, value = problems[0]
        option = {"event_type": "type", "sub_event_type": "sub-type"}.get(name, name)
        fail(f"--{option}: {message} (got {value!r})", EXIT_INPUT)
    return filters


def with_filters(command: Callable[..., None]) -> Callable[..., None]:
    """Give a command every event filter (``FILTERS``): the options join its signature,
    and reach it checked, as its ``filters`` argument."""
    signature = inspect.signature(command)
    kept = [p for p in signature.parameters.values() if p.name != "filters"]
    added = [
        inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=option,
                          annotation="str | None")
        for name, option in FILTERS.items()
    ]  # fmt: skip

    @functools.wraps(command)
    def run(**given: Any) -> None:
        filters = checked_filter(**{name: given.pop(name) for name in FILTERS})
        command(filters=filters, **given)

    run.__signature__ = signature.replace(parameters=kept + added)  # type: ignore[attr-defined]
    run.__annotations__ = {k: v for k, v in command.__annotations__.items() if k != "filters"}
    run.__annotations__.update(dict.fromkeys(FILTERS, "str | None"))
    return run


def must_exist(db: str) -> None:
    """Refuse (exit 2) a store that is not there: a command that only reads must not
    create an empty one at a mistyped path."""
    try:
        there = store_exists(db)
    except EventwireError as exc:
        fail(str(exc), EXIT_FAILURE)
    if not there:
        fail(f"no store at {db} (eventwire ingest ... --db {db} makes one)", EXIT_INPUT)


@contextmanager
def count_bar(what: str) -> Iterator[Callable[[int], None]]:
    """A rich progress count (``n what``, the time taken) on stderr when it is a terminal;
    nothing otherwise. The callable takes how many are done so far."""
    if not sys.stderr.isatty():
        yield lambda n: None
        return
    # Deferred: rich loads only when a progress bar or table is drawn.
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    # redirect_stdout off: what the command writes to standard output (an export piped
    # to a file) must go there, not through the bar onto the terminal.
    with Progress(
        SpinnerColumn(),
        TextColumn(f"{{task.completed}} {what}"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    ) as bar:
        task = bar.add_task(what, total=None)
        yield lambda n: bar.update(task, completed=n)


def event_summary(report: Any, most: int = 12) -> str:
    """The merged events an ingest made or changed, by id: "events: 2 created (NGA1,
    NGA2), 1 merged with new reports (SOM1), 0 updated by re-coding"."""

    def ids(found: list[str]) -> str:
        if not found:
            return ""
        more = f", and {len(found) - most} more" if len(found) > most else ""
        return f" ({', '.join(found[:most])}{more})"

    return (f"events: {len(report.created)} created{ids(report.created)}, "
            f"{len(report.merged)} merged with new reports{ids(report.merged)}, "
            f"{len(report.recoded)} updated by re-coding{ids(report.recoded)}")  # fmt: skip
