"""``eventwire gazetteer``: import, fetch, list and remove GeoNames country files, the
villages the bundled gazetteer lacks (``eventwire.geonames`` does the work)."""

from __future__ import annotations

import json
from collections.abc import Callable

import typer

from . import geonames
from .cli_support import EXIT_FAILURE, EXIT_INPUT
from .errors import EventwireError

gazetteer_app = typer.Typer(
    help="Import, fetch, list and remove GeoNames country files (villages the bundled "
    "gazetteer lacks).",
    no_args_is_help=True,
)
def _import_each(items: list[str], run: Callable[[str], list], code: int) -> None:  # type: ignore[type-arg]
    """Run an import per item; one that fails is reported and the others still run."""
    failed = 0
    for item in items:
        try:
            for c in run(item):
                bad = f" ({c.bad_lines} unreadable lines left out)" if c.bad_lines else ""
                typer.echo(f"{c.iso2}: {c.places} places from {c.source}{bad}")
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
    _import_each(files, lambda f: geonames.gazetteer_import([f]), EXIT_INPUT)


@gazetteer_app.command("fetch")
def gazetteer_fetch(
    codes: list[str] = typer.Argument(..., help="ISO 3166 two-letter codes: SY IQ ..."),
    url: str = typer.Option(
        None, "--url", help="Where XX.zip files are (default: GeoNames' download folder)."
    ),
) -> None:
    """Download GeoNames country dumps and import them (needs the internet)."""
    _import_each(
        codes, lambda code: geonames.gazetteer_fetch([code], url or geonames.DEFAULT_URL),
        EXIT_FAILURE,
    )


@gazetteer_app.command("info")
def gazetteer_info(
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object."),
) -> None:
    """Say what the gazetteer holds: bundled towns and imported countries."""
    info = geonames.gazetteer_info()
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
    removed = geonames.gazetteer_remove(codes)
    for code in codes:
        state = "removed" if code.upper() in removed else "was not imported"
        typer.echo(f"{code.upper()}: {state}")
