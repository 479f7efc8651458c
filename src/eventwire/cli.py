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
from dataclasses import replace
from enum import StrEnum
from typing import IO, TYPE_CHECKING, NoReturn

import typer

from .errors import EventwireError, InputError
from .options import Options

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

EXIT_INPUT = 2  # bad input or bad arguments, as for click's usage errors
EXIT_FAILURE = 1  # anything else eventwire reports (a model missing, a stage failing)


class Format(StrEnum):
    json = "json"
    csv = "csv"


@app.callback()
def _main(
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log progress to stderr."),
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.command()
def extract(
    file: str = typer.Argument(..., metavar="FILE|-", help="Article (text or HTML), - for stdin."),
    published: str | None = typer.Option(
        None, "--published", metavar="YYYY-MM-DD", help="Publication date of the article."
    ),
    title: str | None = typer.Option(None, "--title", help="Headline of the article."),
    format: Format = typer.Option(Format.json, "--format", help="json, or ACLED's CSV columns."),
    jsonl: bool = typer.Option(
        False, "--jsonl", help='FILE is JSONL: one {"id", "text", "published"?, ...} a line.'
    ),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
) -> None:
    """Code the events of one article, or of every line of a JSONL file."""
    options = Options() if model is None else replace(Options(), model=model)
    if jsonl:
        if published is not None or title is not None:
            _fail(
                "--published and --title are for one article; with --jsonl give them on each line",
                EXIT_INPUT,
            )
        _extract_jsonl(file, format, options)
        return

    from .articles import read_article, read_bytes
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
    except InputError as exc:
        _fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        _fail(str(exc), EXIT_FAILURE)
    for warning in result.warnings:
        typer.echo(f"warning: {warning}", err=True)
    if result.error:
        typer.echo(f"error: {result.error}", err=True)
    if format is Format.csv:
        _write_csv([result], sys.stdout)
    else:
        typer.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    if result.error:
        raise typer.Exit(EXIT_FAILURE)


def _extract_jsonl(file: str, format: Format, options: Options) -> None:
    from .articles import iter_jsonl
    from .pipeline import extract_stream

    counts = {"events": 0, "none": 0, "errors": 0}
    out = sys.stdout
    writer = _csv_writer(out) if format is Format.csv else None
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
                    out.write(json.dumps(result.as_dict(), ensure_ascii=False) + "\n")
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
    """A rich progress count on stderr when it is a terminal; nothing otherwise."""
    if not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(
        SpinnerColumn(),
        TextColumn("{task.completed} articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("extract", total=None)
        yield lambda: bar.advance(task)


def _csv_writer(out: IO[str]) -> csv.DictWriter[str]:
    from .records import ACLED_COLUMNS

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


def _fail(message: str, code: int) -> NoReturn:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def version() -> None:
    """Print eventwire's version."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as dist_version

    try:
        typer.echo(dist_version("eventwire"))
    except PackageNotFoundError:  # run from a source tree that was never installed
        typer.echo("0+unknown")


# ---- gazetteer: GeoNames country files for villages ------------------------------------

gazetteer_app = typer.Typer(
    help="Import, fetch, list and remove GeoNames country files (villages the bundled "
    "gazetteer lacks).",
    no_args_is_help=True,
)
app.add_typer(gazetteer_app, name="gazetteer")


def _import_each(items: list[str], run: Callable[[str], list], code: int) -> None:  # type: ignore[type-arg]
    """Run an import per item; one that fails is reported and the others still run."""
    failed = 0
    for item in items:
        try:
            for c in run(item):
                typer.echo(f"{c.iso2}: {c.places} places from {c.source}")
        except EventwireError as exc:
            typer.echo(f"error: {exc}", err=True)
            failed += 1
    if failed:
        raise typer.Exit(code)


@gazetteer_app.command("import")
def gazetteer_import(
    files: list[str] = typer.Argument(..., help="GeoNames dumps: XX.zip or XX.txt."),
) -> None:
    """Import GeoNames country dumps (the tab-separated export format, CC-BY)."""
    from .geonames import gazetteer_import as run

    _import_each(files, lambda f: run([f]), EXIT_INPUT)


@gazetteer_app.command("fetch")
def gazetteer_fetch(
    codes: list[str] = typer.Argument(..., help="ISO 3166 two-letter codes: SY IQ ..."),
    url: str = typer.Option(
        None, "--url", help="Where XX.zip files are (default: GeoNames' download folder)."
    ),
) -> None:
    """Download GeoNames country dumps and import them (needs the internet)."""
    from .geonames import DEFAULT_URL
    from .geonames import gazetteer_fetch as run

    _import_each(codes, lambda code: run([code], url or DEFAULT_URL), EXIT_FAILURE)


@gazetteer_app.command("info")
def gazetteer_info(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Say what the gazetteer holds: bundled towns and imported countries."""
    from .geonames import gazetteer_info as run

    info = run()
    if as_json:
        typer.echo(json.dumps(info.as_dict()))
        return
    typer.echo(f"bundled: {info.bundled_places} GeoNames places (cities500), "
               f"{info.bundled_names} names in the index")
    typer.echo(f"imported ({info.data_dir}): {len(info.imported) or 'none'}")
    for c in info.imported:
        typer.echo(f"  {c.iso2}  {c.places} places  from {c.source}  on {c.imported}")


@gazetteer_app.command("remove")
def gazetteer_remove(
    codes: list[str] = typer.Argument(..., help="ISO codes of imported countries."),
) -> None:
    """Remove imported GeoNames countries."""
    from .geonames import gazetteer_remove as run

    removed = run(codes)
    for code in codes:
        state = "removed" if code.upper() in removed else "was not imported"
        typer.echo(f"{code.upper()}: {state}")


def main() -> None:
    """Entry point for ``python -m eventwire``."""
    app(prog_name="eventwire")


if __name__ == "__main__":
    main()
