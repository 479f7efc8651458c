"""What every ``eventwire`` command shares: exit codes, the one-line error, the options
given on the command line, a JSON line whatever its strings hold.

>>> options_with(model_dir=None).use_model
True
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any, NoReturn

import typer

from .coding.model import load_model_dir
from .errors import EventwireError
from .options import Options

EXIT_INPUT = 2  # bad input or bad arguments, as for click's usage errors
EXIT_FAILURE = 1  # anything else eventwire reports (a model missing, a stage failing)


MODEL_DIR_OPTION = typer.Option(
    None, "--model-dir", envvar="EVENTWIRE_MODEL_DIR", metavar="DIR",
    help="Event classifier written by `eventwire train` (default: the bundled one).",
)


COUNTRY_OPTION = typer.Option(
    None, "--country", metavar="NAME", envvar="EVENTWIRE_COUNTRY",
    help="Country the sources are about (a name, ISO code or demonym): a clue beside the text's.",
)


def options_with(base: Options = Options(), **changes: Any) -> Options:
    """``base`` with the options given on the command line (None: not given)."""
    given = {k: v for k, v in changes.items() if v is not None}
    if "model_dir" in given:
        try:  # a bad directory is the user's input: say so before any work starts
            load_model_dir(given["model_dir"])
        except EventwireError as exc:
            fail(str(exc), EXIT_INPUT)
    if "country" in given:
        given["country"] = country_name(given["country"])
    return replace(base, **given)


def country_name(name: str) -> str:
    """The country the user named, as eventwire names it; an unknown name fails."""
    # Deferred: the gazetteer loads only when a country is given.
    from .places import country_by_name

    place = country_by_name(name)
    if place is None or not place.country:
        fail(f"unknown country: {name!r} (give its name, ISO code or demonym)", EXIT_INPUT)
    return place.country


def fail(message: str, code: int) -> NoReturn:
    """Print ``error: message`` on stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def json_line(value: Any) -> str:
    """One JSON line, in UTF-8 where it can be; escaped to ASCII when the value holds a
    lone surrogate (an ``id`` given as ``"\\udc80"``), which UTF-8 cannot write."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return line
