"""``eventwire edit``: a person's corrections to the store's events.

    eventwire edit NGA12 --set fatalities=23 --set actor2= --why "second outlet misread 31"
    eventwire edit NGA7 --reject --why "a README, not a report"
    eventwire edit NGA7 --accept --why "checked against the army's statement"
    eventwire edit merge NGA1 NGA4 --why "one attack: the town and its district"
    eventwire edit split SOM3 --source 5f1c2a9e --why "two raids on two days"

Each form calls one public function (``editing.edit``, ``merge_events``, ``split_event``);
cli.py registers the command. A bad field or value, an unknown event, a missing reason or
a verdict the event already has exits 2 with one ``error:`` line and changes nothing.
"""

from __future__ import annotations

import getpass
import json
from typing import Any

import typer

from .cli_store import must_exist
from .cli_support import EXIT_FAILURE, EXIT_INPUT, fail
from .editing import edit as run_edit
from .editing import merge_events, split_event
from .errors import ConflictError, EventwireError, InputError, NotFoundError
from .store.corrections import FIELDS, parse_value

_FORMS = "EVENT_ID, or: merge EVENT_ID EVENT_ID..., or: split EVENT_ID"
_METAVAR = "EVENT_ID | merge EVENT_ID EVENT_ID... | split EVENT_ID"
_DB_HELP = "Store: a SQLite file or a postgresql:// URL."


def _who(given: str | None) -> str:
    if given:
        return given
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment: say so, not crash
        return "unknown"


def _fields(assignments: list[str]) -> dict[str, Any]:
    """``--set FIELD=VALUE`` options as typed values (store/corrections.py)."""
    out: dict[str, Any] = {}
    for item in assignments:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            fail(f"--set takes FIELD=VALUE (got {item!r}); fields: {', '.join(FIELDS)}", EXIT_INPUT)
        try:
            out[name.strip()] = parse_value(name.strip(), value)
        except InputError as exc:
            fail(str(exc).removeprefix("fields."), EXIT_INPUT)
    return out


def edit(
    target: list[str] = typer.Argument(..., metavar=_METAVAR),
    set_: list[str] = typer.Option(
        None, "--set", metavar="FIELD=VALUE", help="A field to correct (FIELD= empties it)."
    ),
    why: str | None = typer.Option(None, "--why", help="Why: kept in the event's history."),
    reject: bool = typer.Option(False, "--reject", help="Reject the event (not a real event)."),
    accept: bool = typer.Option(False, "--accept", help="Accept the event as checked."),
    source: list[str] = typer.Option(
        None, "--source", metavar="ARTICLE_ID", help="split: a source to take out (id or its "
        "first 6+ characters); default every source but the first.",
    ),  # fmt: skip
    who: str | None = typer.Option(None, "--who", help="Who corrects (default: your user)."),
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the event as it now stands."),
) -> None:
    """Correct an event, accept or reject it, or merge or split events by hand."""
    if reject and accept:
        fail("--reject and --accept say opposite things: give one", EXIT_INPUT)
    must_exist(db)
    form, ids = (target[0], target[1:]) if target[0] in ("merge", "split") else ("", target)
    try:
        if form == "merge":
            done = merge_events(ids, db=db, why=why, who=_who(who))
            typer.echo(f"{', '.join(i.upper() for i in ids[1:])} merged into {done}", err=True)
        elif form == "split":
            if len(ids) != 1:
                fail(f"split takes one EVENT_ID (got {len(ids)})", EXIT_INPUT)
            made = split_event(ids[0], source or None, db=db, why=why, who=_who(who))
            typer.echo(f"{ids[0].upper()} split: {', '.join(made)} made", err=True)
        else:
            _correct(ids, set_ or [], reject, accept, why, _who(who), db, json_out)
    except (InputError, NotFoundError, ConflictError) as exc:
        fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        fail(str(exc), EXIT_FAILURE)


def _correct(ids: list[str], assignments: list[str], reject: bool, accept: bool,
             why: str | None, who: str, db: str, json_out: bool) -> None:  # fmt: skip
    if len(ids) != 1:
        fail(f"give one EVENT_ID to correct (got {len(ids)}); forms: {_FORMS}", EXIT_INPUT)
    status = "rejected" if reject else "accepted" if accept else None
    found = run_edit(ids[0], db=db, fields=_fields(assignments) or None, status=status, why=why,
                     who=who)  # fmt: skip
    if json_out:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    last = found["history"][-1]
    typer.echo(f"{found['event']['event_id']} v{last['version']} {last['status']}: "
               f"{last['reason']}")  # fmt: skip
