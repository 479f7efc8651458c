"""The ``eventwire`` command: argument parsing and printing around the library.

    eventwire extract article.txt --published 2026-02-14
    eventwire extract page.html --format csv
    eventwire extract --jsonl articles.jsonl > results.jsonl
    eventwire version

Each command calls one public function (``extract_article``, ``extract_stream``); the
work is done there. Logging is configured here and nowhere else. Errors in the input
print one line, ``error: ...``, to stderr and exit with status 2; other eventwire
errors exit with status 1.
"""

from __future__ import annotations

import csv
import json
import logging
import os
import sys
from contextlib import contextmanager
from enum import StrEnum
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as dist_version
from typing import IO, TYPE_CHECKING, Any

import typer

from . import cli_edit, cli_gazetteer, cli_learning
from .articles import indexed_text, iter_jsonl, read_article, read_bytes
from .cli_store import (
    ALL_EVENTS,
    SINCE,
    UNTIL,
    count_bar,
    event_summary,
    must_exist,
    with_filters,
)
from .cli_support import COUNTRY_OPTION as _COUNTRY
from .cli_support import EXIT_FAILURE, EXIT_INPUT, json_line
from .cli_support import MODEL_DIR_OPTION as _MODEL_DIR
from .cli_support import fail as _fail
from .cli_support import options_with as _options
from .errors import ConfigError, EventwireError, InputError
from .exports import export as run_export
from .exports import format_name
from .options import Options
from .printable import one_line
from .readers import expand_paths
from .records import ACLED_COLUMNS
from .store import EventFilter, ExtraFilter, open_store
from .store import why as explain

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    from .records import Result

app = typer.Typer(
    name="eventwire",
    help="Turn conflict news into ACLED-coded event records.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

class Format(StrEnum):
    json = "json"
    acled_csv = "acled-csv"
    csv = "csv"  # acled-csv's old name, still accepted


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress to stderr."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    # trafilatura reports every page it finds no text in ("discarding data: None") at
    # error level; eventwire reports those pages itself, once, with their source.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL if not verbose else logging.INFO)
    # warcio logs the raw header of a damaged record; eventwire lists the record itself,
    # on one line (`eventwire errors`).
    logging.getLogger("warcio").setLevel(logging.ERROR if not verbose else logging.INFO)


@app.command()
def extract(
    file: str = typer.Argument(..., metavar="FILE|-", help="Article (text or HTML), - for stdin."),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Publication date of the article."
    ),
    title: str | None = typer.Option(None, "--title", help="Headline of the article."),
    format: Format = typer.Option(
        Format.json, "--format", help="json, or acled-csv: ACLED's CSV columns (old name: csv)."
    ),
    jsonl: bool = typer.Option(
        False, "--jsonl", help='FILE is JSONL: one {"id", "text", "published"?, ...} a line.'
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
    model_dir: str | None = _MODEL_DIR,
    rules_only: bool = typer.Option(
        False, "--rules-only", help="Code by the rule cards alone, without the classifier."
    ),
    country: str | None = _COUNTRY,
) -> None:
    """Code the events of one article, or of every line of a JSONL file."""
    options = _options(model=model, model_dir=model_dir, country=country,
                       use_model=False if rules_only else None)  # fmt: skip
    if jsonl:
        if published is not None or title is not None:
            _fail(
                "--published and --title are for one article; with --jsonl give them on each line",
                EXIT_INPUT,
            )
        _extract_jsonl(file, format, options)
        return

    # Deferred: the pipeline (and its lexicons) load only for the commands that extract.
    from .pipeline import extract_article

    try:
        data = read_bytes(file, options=options)
        article = read_article(
            data,
            title=title,
            published=published,
            url=None,
            id="" if file == "-" else file,
            options=options,
        )
        result = extract_article(article, options)
        result.text = indexed_text(article, data)
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if result.error:
        typer.echo(f"error: {result.error}", err=True)
    if format is not Format.json:
        _write_csv([result], sys.stdout)
    else:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    if result.error:
        raise typer.Exit(EXIT_FAILURE)


def _extract_jsonl(file: str, format: Format, options: Options) -> None:
    # Deferred: the pipeline (and its lexicons) load only for the commands that extract.
    from .pipeline import extract_stream

    counts = {"events": 0, "none": 0, "errors": 0}
    out = sys.stdout
    writer = _csv_writer(out) if format is not Format.json else None
    try:
        with _progress() as advance:
            for result in extract_stream(iter_jsonl(file, max_bytes=options.max_bytes), options):
                if result.error:
                    counts["errors"] += 1
                    if writer is not None:  # CSV has no place for it: report it here
                        typer.echo(f"error: {result.id}: {result.error}", err=True)
                elif result.events:
                    counts["events"] += 1
                else:
                    counts["none"] += 1
                if writer is not None:
                    _write_rows(writer, result)
                else:
                    out.write(json_line(result.as_dict()) + "\n")
                out.flush()
                advance()
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(0) from None
    n = sum(counts.values())
    typer.echo(
        f"{n} lines: {counts['events']} with events, {counts['none']} without, "
        f"{counts['errors']} errors",
        err=True,
    )


@contextmanager
def _progress() -> Iterator[Callable[[], None]]:
    """A rich progress count of articles on stderr when it is a terminal; nothing otherwise."""
    with count_bar("articles") as count:
        done = [0]

        def advance() -> None:
            done[0] += 1
            count(done[0])

        yield advance


def _csv_writer(out: IO[str]) -> csv.DictWriter[str]:
    writer = csv.DictWriter(out, fieldnames=list(ACLED_COLUMNS), lineterminator="\n")
    writer.writeheader()
    return writer


def _write_rows(writer: csv.DictWriter[str], result: Result) -> None:
    for event in result.events:
        writer.writerow(event.acled_row())


def _write_csv(results: Iterable[Result], out: IO[str]) -> None:
    writer = _csv_writer(out)
    for result in results:
        _write_rows(writer, result)


@app.command()
def version() -> None:
    """Print eventwire's version."""
    try:
        typer.echo(dist_version("eventwire"))
    except PackageNotFoundError:  # run from a source tree that was never installed
        typer.echo("0+unknown")


# ---- gazetteer: GeoNames country files for villages (cli_gazetteer.py) -----------------

app.add_typer(cli_gazetteer.gazetteer_app, name="gazetteer")


def main() -> None:
    """Entry point for ``python -m eventwire``."""
    app(prog_name="eventwire")


if __name__ == "__main__":
    main()


# -- the store: ingest, errors, why, events, export --------------------------------------

_DB_HELP = "Store: a SQLite file or a postgresql:// URL."


@app.command()
def ingest(
    paths: list[str] = typer.Argument(
        None, metavar="PATH...", help="Files, folders (recursive) or globs."
    ),
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Date of inputs that carry none."
    ),
    feed: list[str] = typer.Option(None, "--feed", metavar="URL", help="Read a feed once."),
    pages: bool = typer.Option(
        True, "--pages/--no-pages",
        help="Code each --feed item's page (default), or only the feed's summary.",
    ),
    batch_size: int | None = typer.Option(None, "--batch-size", help="Articles per batch."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
    workers: int | None = typer.Option(
        None, "--workers", "-w", min=1,
        help="Extraction processes (default: one per CPU core; 1: in this process).",
    ),
    dask: str | None = typer.Option(
        None, "--dask", metavar="tcp://HOST:PORT", help="Extract on this Dask scheduler's cluster."
    ),
    model_dir: str | None = _MODEL_DIR,
    country: str | None = _COUNTRY,
) -> None:
    """Read news into the store: extract, merge, and account for every input."""
    # Deferred: ingestion brings the whole pipeline; other commands start without it.
    from .ingestion import ingest as run_ingest
    from .parallel import default_workers

    options = _options(
        feed_pages=pages, model=model, model_dir=model_dir, country=country,
        batch_size=max(1, batch_size) if batch_size is not None else None,
    )  # fmt: skip
    if not paths and not feed:
        _fail("give at least one PATH or --feed URL", EXIT_INPUT)
    files, _ = expand_paths(paths or [])
    total = sum(f.stat().st_size for f in files if f.exists())
    try:
        with _ingest_progress(total) as advance:
            report = run_ingest(
                paths or [], db=db, feeds=feed or [], published=published, options=options,
                progress=advance, dask=dask,
                workers=workers or (None if dask else default_workers()),
            )  # fmt: skip
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    r = report
    typer.echo(
        f"{r.inputs} inputs: {r.stored} stored, {r.updated} updated, {r.unchanged} unchanged, "
        f"{r.skipped} skipped, {r.failed} failed; {r.events} events extracted",
        err=True,
    )
    typer.echo(event_summary(r), err=True)
    _echo_extraction(r.extraction)
    if r.skipped or r.failed:
        typer.echo(f"see: eventwire errors --db {db}", err=True)


def _echo_extraction(stats: dict[str, Any]) -> None:
    """Where extraction ran, when not in this process: workers, their memory, crashes."""
    if stats.get("mode") == "processes":
        line = (f"extraction: {stats['started']} worker processes (at most {stats['workers']} "
                f"at once), peak {stats['worker_peak_mb']:.0f} MB each")  # fmt: skip
        if stats["crashed"]:
            line += f"; {stats['crashed']} died, their articles retried one at a time"
        typer.echo(line, err=True)
    elif stats.get("mode") == "dask":
        typer.echo(f"extraction: Dask at {stats['address']}, {stats['workers']} workers, "
                   f"{stats['threads']} threads", err=True)  # fmt: skip


@contextmanager
def _ingest_progress(total_bytes: int) -> Iterator[Callable[[str, int], None]]:
    """A rich progress bar (bytes read, inputs, rate, ETA) on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield lambda status, pos: None
        return
    # Deferred: rich loads only when a progress bar or table is drawn.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.fields[n]} inputs"),
        BarColumn(),
        TaskProgressColumn(),
        TextColumn("{task.fields[rate]:.1f} inputs/s"),
        TimeElapsedColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("ingest", total=total_bytes or None, n=0, rate=0.0)
        seen = [0]

        def advance(status: str, pos: int) -> None:
            seen[0] += 1
            elapsed = bar.tasks[0].elapsed or 0.0
            rate = seen[0] / elapsed if elapsed else 0.0
            bar.update(task, completed=pos, n=seen[0], rate=rate)

        yield advance


@app.command()
def errors(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="One JSON object a line."),
    warnings: bool = typer.Option(
        False, "--warnings", help="Also stored inputs read with a warning (e.g. an encoding)."
    ),
) -> None:
    """List every input that was skipped or failed, with the reason."""
    with _store(db) as store:
        rows = store.errors(warnings=warnings)
    for row in rows:
        if json_out:
            typer.echo(json_line(row))
        else:  # one line per input, whatever bytes its name or reason holds
            typer.echo("\t".join(one_line(str(row[k])) for k in ("status", "source", "reason")))
    bad = sum(row["status"] != "stored" for row in rows)
    warned = f", {len(rows) - bad} stored with a warning" if warnings else ""
    typer.echo(f"{bad} inputs skipped or failed{warned}", err=True)


@app.command()
def why(
    event_id: str = typer.Argument(..., metavar="EVENT_ID"),
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    json_out: bool = typer.Option(False, "--json", help="The whole explanation as JSON."),
) -> None:
    """Explain an event: which articles were merged into it, and on what evidence."""
    must_exist(db)
    try:
        found = explain(event_id, db=db)
    except EventwireError as exc:
        _fail(str(exc), EXIT_INPUT)
    if json_out:
        typer.echo(json.dumps(found, ensure_ascii=False, indent=2))
        return
    ev = found["event"]
    typer.echo(f"{ev['event_id']} [{found['status']}, version {found['version']}]: {ev['notes']}")
    typer.echo(f"sub-event type {ev['sub_event_type']!r} decided by {_decided_by(ev)}")
    for n, src in enumerate(found["sources"], 1):
        merge = src["merge"]
        title = src["title"] or src["url"] or src["source"]
        typer.echo(f"{n}. article {src['article_id']} event {src['event_index']}: {title}")
        if merge.get("event_id") is None:
            typer.echo(f"   started this event ({merge.get('note') or 'no match in its block'})")
        else:
            typer.echo(f"   joined with score {merge['score']:g}:")
            for field_name, what in merge["evidence"].items():
                typer.echo(f"     {field_name}: {what}")
        for other, reason in merge.get("rejected", {}).items():
            typer.echo(f"   kept apart from {other}: {reason}")
        per = src["event"]
        typer.echo(
            f"   this source: {per.get('event_date')} {per.get('location')} "
            f"{per.get('sub_event_type')} ({_decided_by(per)}), {per.get('fatalities')} killed"
        )
    for h in found["history"]:
        made_by = f"eventwire {h['eventwire_version']}"
        if h.get("who"):
            made_by = f"{h['who']}, {h['at']}: {h['why']}"
        typer.echo(f"v{h['version']} {h['status']}: {h['reason']} ({made_by})")


def _decided_by(event: dict[str, Any]) -> str:
    """An event's ``classified_by`` as ``why`` prints it ("rule:attack"; events stored
    before eventwire recorded it have none)."""
    return event.get("classified_by") or "an earlier eventwire (not recorded)"


@contextmanager
def _store(db: str) -> Iterator[Any]:
    must_exist(db)
    try:
        store = open_store(db)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    try:
        yield store
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    finally:
        store.close()


@app.command()
@with_filters
def events(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    sort: str = typer.Option("event_date", "--sort", help="Sort key; -key for descending."),
    limit: int = typer.Option(50, "--limit", help="At most this many (0: all)."),
    json_out: bool = typer.Option(False, "--json", help="One JSON event a line."),
    filters: EventFilter = ALL_EVENTS,
) -> None:
    """Query the merged events: a table, or JSON lines."""
    with _store(db) as store:
        rows, total = store.query_events(filters, sort=sort, limit=limit or None)
    if json_out:
        for ev in rows:
            typer.echo(json.dumps(ev.as_dict(), ensure_ascii=False))
    else:
        # Deferred: rich loads only when a progress bar or table is drawn.
        from rich.console import Console
        from rich.table import Table

        table = Table("id", "date", "type", "location", "country", "actor1", "actor2", "killed",
                      "sources", box=None)  # fmt: skip
        for ev in rows:
            killed = str(ev.fatalities)
            if ev.fatalities_high is not None:
                killed += f" ({ev.fatalities_low}-{ev.fatalities_high})"
            killed += " !" if any(f.startswith("fatalities:") for f in ev.flags) else ""
            killed += " (rejected)" if ev.review == "rejected" else ""
            table.add_row(ev.event_id, ev.event_date or "", ev.sub_event_type, ev.location or "",
                          ev.country or "", ev.actor1 or "", ev.actor2 or "", killed,
                          str(len(ev.sources)))  # fmt: skip
        Console(width=200 if not sys.stdout.isatty() else None).print(table)
    typer.echo(f"{len(rows)} of {total} events", err=True)


@app.command()
@with_filters
def export(
    format: str = typer.Option(
        "acled-csv", "--format", help="acled-csv (old name: csv), geojson, jsonl, parquet, or "
        "training: a person's corrections as lines for `eventwire train`.",
    ),  # fmt: skip
    output: str | None = typer.Option(None, "--output", "-o", help="File (default stdout)."),
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    filters: EventFilter = ALL_EVENTS,
) -> None:
    """Export the merged events: ACLED CSV, GeoJSON, JSONL, Parquet, or training lines."""
    try:
        format = format_name(format)
    except EventwireError as exc:
        _fail(str(exc), EXIT_INPUT)
    must_exist(db)
    try:
        with count_bar("events" if format != "training" else "lines") as advance:
            n = run_export(db, format, output, filters, progress=advance)
    except EventwireError as exc:
        _fail(str(exc), EXIT_INPUT if isinstance(exc, ConfigError) else EXIT_FAILURE)
    what = "training lines" if format == "training" else "events"
    typer.echo(f"{n} {what} exported", err=True)


# -- claims, quotes and relations of the stored articles ---------------------------------

_TEXT = typer.Option(None, "--text", help="Words in the record's fields or text.")
_LIMIT = typer.Option(50, "--limit", help="At most this many (0: all).")
_JSON = typer.Option(False, "--json", help="One JSON record a line (with its article).")


def _list_extras(
    db: str, kind: str, filters: Any, limit: int, json_out: bool, columns: tuple[str, ...],
    row: Callable[[dict], tuple[str, ...]],
) -> None:  # fmt: skip
    """Print the stored records of one kind: a table, or JSON lines; the count on stderr."""
    with _store(db) as store:
        rows, total = getattr(store, f"query_{kind}")(filters, limit=limit or None)
    if json_out:
        for rec in rows:
            typer.echo(json.dumps(rec, ensure_ascii=False))
    else:
        # Deferred: rich loads only when a progress bar or table is drawn.
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns, box=None)
        for rec in rows:
            table.add_row(*row(rec))
        Console(width=200 if not sys.stdout.isatty() else None).print(table)
    typer.echo(f"{len(rows)} of {total} {kind}", err=True)


@app.command()
def claims(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    actor: str | None = typer.Option(None, "--actor", help="Who did it, or part of the name."),
    claimant: str | None = typer.Option(None, "--claimant", help="Who makes the claim."),
    action: str | None = typer.Option(None, "--action", help="The act counted: capture, kill."),
    text: str | None = _TEXT,
    limit: int = _LIMIT,
    json_out: bool = _JSON,
) -> None:
    """List the claims of the stored articles: campaign figures and other totals."""
    filters = ExtraFilter(since=since, until=until, text=text, actor=actor, speaker=claimant,
                          action=action)  # fmt: skip

    def row(c: dict) -> tuple[str, ...]:
        value = f"{c['low']}-{c['high']}" if c.get("high") else str(c["value"])
        if c["qualifier"] not in ("exact", "range"):
            value = f"{c['qualifier']} {value}"
        return (c.get("published") or "", value, c["counted"], c.get("actor") or "",
                c.get("period") or "", c.get("claimant") or "")  # fmt: skip

    _list_extras(db, "claims", filters, limit, json_out,
                 ("published", "value", "counted", "actor", "period", "claimant"), row)  # fmt: skip


@app.command()
def quotes(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    speaker: str | None = typer.Option(None, "--speaker", help="The speaker, or part of the name."),
    organisation: str | None = typer.Option(None, "--organisation", help="The speaker's side."),
    direct: bool | None = typer.Option(
        None, "--direct/--indirect", help="Only quotations, or only reported speech."
    ),
    text: str | None = _TEXT,
    limit: int = _LIMIT,
    json_out: bool = _JSON,
) -> None:
    """List the quotes of the stored articles with their speakers."""
    filters = ExtraFilter(since=since, until=until, text=text, speaker=speaker,
                          actor=organisation, direct=direct)  # fmt: skip

    def row(q: dict) -> tuple[str, ...]:
        said = q["text"] if len(q["text"]) <= 90 else q["text"][:87] + "..."
        who = ", ".join(x for x in (q.get("role"), q.get("organisation")) if x)
        return (q.get("published") or "", q.get("speaker") or "?", who,
                "direct" if q["direct"] else "reported", said)  # fmt: skip

    _list_extras(db, "quotes", filters, limit, json_out,
                 ("published", "speaker", "role, organisation", "kind", "text"), row)  # fmt: skip


@app.command()
def relations(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    since: str | None = SINCE,
    until: str | None = UNTIL,
    actor: str | None = typer.Option(None, "--actor", help="Either side, or part of its name."),
    relation: str | None = typer.Option(
        None, "--relation", help="affiliated_with, member_of, leader_of, linked_to, "
        "allied_with, part_of or opposed_to."
    ),  # fmt: skip
    text: str | None = _TEXT,
    limit: int = _LIMIT,
    json_out: bool = _JSON,
) -> None:
    """List the relations between actors found in the stored articles."""
    filters = ExtraFilter(since=since, until=until, text=text, actor=actor, relation=relation)

    def row(r: dict) -> tuple[str, ...]:
        source = r["source"] + (f" ({r['source_role']})" if r.get("source_role") else "")
        return (r.get("published") or "", source, r["relation"], r["target"])

    _list_extras(db, "relations", filters, limit, json_out,
                 ("published", "source", "relation", "target"), row)  # fmt: skip
# -- corrections by a person (cli_edit.py) ------------------------------------------------

app.command(context_settings={"allow_interspersed_args": True})(cli_edit.edit)

# -- the web page and REST API -----------------------------------------------------------


@app.command()
def serve(
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", help="Port to listen on."),
    token_file: str | None = typer.Option(
        None, "--token-file", help="File whose first line is the write token "
        "(default: $EVENTWIRE_TOKEN). Without one the server is read-only.",
    ),
    tile_url: str | None = typer.Option(
        None, "--tile-url", envvar="EVENTWIRE_TILE_URL",
        help="Online map tiles under the borders, e.g. https://tiles.example/{z}/{x}/{y}.png.",
    ),
    tile_attribution: str = typer.Option("", "--tile-attribution", help="Credit for the tiles."),
    model_dir: str | None = _MODEL_DIR,
    allowed_host: list[str] = typer.Option(
        None, "--allowed-host", metavar="NAME",
        help="Also answer to this host name (besides localhost and --host; * for any).",
    ),  # fmt: skip
) -> None:
    """Serve the REST API and the web page (map, timeline, evidence) for a store."""
    # Deferred: FastAPI and the server load only for `eventwire serve`.
    from .api import ServeOptions, read_token
    from .api import serve as run_serve

    extraction = _options(model_dir=model_dir)
    try:
        options = ServeOptions(token=read_token(token_file), tile_url=tile_url,
                               tile_attribution=tile_attribution, extraction=extraction,
                               allowed_hosts=tuple(allowed_host or ()))  # fmt: skip
        if options.token and host not in ("127.0.0.1", "localhost", "::1"):
            typer.echo("warning: the write token crosses the network in clear over plain HTTP; "
                       "put a TLS proxy in front", err=True)  # fmt: skip
        run_serve(db, host=host, port=port, options=options)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)


# -- watch: poll feeds on a schedule ------------------------------------------------------


@app.command()
def watch(
    feeds_file: str | None = typer.Argument(
        None, metavar="FEEDS.txt", help="Feed URLs, one a line (# lines are comments)."
    ),
    every: str = typer.Option("15m", "--every", help="Time between polls: 90s, 15m, 1h."),
    db: str = typer.Option("eventwire.db", "--db", help=_DB_HELP),
    once: bool = typer.Option(False, "--once", help="Poll the feeds that are due, then stop."),
    status: bool = typer.Option(False, "--status", help="Show each feed's state, then stop."),
    timeout: float = typer.Option(30, "--timeout", help="Seconds to wait for a feed."),
    retries: int = typer.Option(2, "--retries", min=0, help="Tries again within a round."),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Date of items that carry none."
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
    pages: bool = typer.Option(
        True, "--pages/--no-pages", help="Code each item's page (default), or only the summary."
    ),
    model_dir: str | None = _MODEL_DIR,
    country: str | None = _COUNTRY,
) -> None:
    """Poll RSS/Atom feeds and ingest new items; failures are retried and reported."""
    # Deferred: watching brings the whole pipeline; other commands start without it.
    from .watching import feed_status, parse_interval
    from .watching import watch as run_watch

    if status:
        must_exist(db)
        try:
            states = feed_status(db)
        except EventwireError as exc:
            _fail(str(exc), EXIT_FAILURE)
        for s in states:
            typer.echo(_feed_line(s))
        typer.echo(f"{len(states)} feeds", err=True)
        return
    if not feeds_file:
        _fail("give a FEEDS.txt file (or --status)", EXIT_INPUT)
    options = _options(feed_pages=pages, model=model, model_dir=model_dir, country=country)
    try:
        polled = run_watch(feeds_file, db=db, every=parse_interval(every), once=once,
                           options=options, published=published, timeout=timeout,
                           retries=retries,
                           on_poll=lambda s: typer.echo(_feed_line(s), err=True))  # fmt: skip
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    except KeyboardInterrupt:
        typer.echo("stopped", err=True)
        return
    if polled and all(s.status not in ("ok", "not modified") for s in polled):
        _fail(f"every feed polled failed ({len(polled)})", EXIT_FAILURE)


def _feed_line(s: Any) -> str:
    """One feed's state: status, URL, then what happened (tab-separated, for grep/cut)."""
    if s.status in ("ok", "not modified"):
        what = f"{s.items} items, {s.new_items} new" if s.status == "ok" else "no change"
    else:
        what = f"{s.error}; {s.failures} failed polls in a row, next poll at {s.next_poll}"
    moved = f"\tmoved to {s.location}" if s.location else ""
    return f"{s.status}\t{s.url}\t{what}{moved}"


# -- the event classifier: train and evaluate (cli_learning.py) --------------------------

app.command()(cli_learning.train)
app.command()(cli_learning.evaluate)
