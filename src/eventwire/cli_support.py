"""What every ``eventwire`` command shares: exit codes, the one-line error, the options
given on the command line.

>>> options_with(model_dir=None).use_model
True
"""

from __future__ import annotations

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


def options_with(base: Options = Options(), **changes: Any) -> Options:
    """``base`` with the options given on the command line (None: not given)."""
    given = {k: v for k, v in changes.items() if v is not None}
    if "model_dir" in given:
        try:  # a bad directory is the user's input: say so before any work starts
            load_model_dir(given["model_dir"])
        except EventwireError as exc:
            fail(str(exc), EXIT_INPUT)
    return replace(base, **given)


def fail(message: str, code: int) -> NoReturn:
    """Print ``error: message`` on stderr and exit with ``code``."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)
