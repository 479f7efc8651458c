"""The classifier's commands: ``eventwire train`` and ``eventwire evaluate``.

    eventwire train coded.csv more.jsonl --out my-model [--with-default]
    eventwire evaluate coded.csv --model-dir my-model [--json]

Each calls one public function (``training.train``, ``evaluation.evaluate``); cli.py
registers them on the ``eventwire`` command.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer

from .cli_support import EXIT_FAILURE, EXIT_INPUT, MODEL_DIR_OPTION, fail, options_with
from .errors import EventwireError, InputError


@contextmanager
def _count_progress(what: str) -> Iterator[Callable[[str, int, int], Callable[[int], None]]]:
    """A rich progress bar per step (texts done of all) on stderr when it is a terminal."""
    if not sys.stderr.isatty():
        yield lambda label, total, done: (lambda n: None)
        return
    # rich is imported only for a terminal: loading it costs a tenth of a second.
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn(what), TimeElapsedColumn(), TimeRemainingColumn(),
        console=Console(stderr=True), transient=True,
    ) as bar:  # fmt: skip

        def start(label: str, total: int, done: int) -> Callable[[int], None]:
            task = bar.add_task(label, total=total, completed=done)
            return lambda n: bar.advance(task, n)

        yield start


def train(
    files: list[str] = typer.Argument(
        None, metavar="FILE...", help="ACLED export CSVs or JSONL lines {text, event_type, "
        "sub_event_type}.",
    ),
    out: str = typer.Option(..., "--out", metavar="DIR", help="Directory to write the model to."),
    with_default: bool = typer.Option(
        False, "--with-default", help="Also learn from the corpus bundled with eventwire."
    ),
    seed: int = typer.Option(13, "--seed", help="Seed of the held-back split and the solver."),
    held_back: float = typer.Option(
        0.15, "--held-back", min=0.0, max=0.9, help="Share of texts kept out and scored."
    ),
    name: str | None = typer.Option(None, "--name", help="The model's name (default: DIR's)."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
) -> None:
    """Train the event classifier on your own coded data (nothing leaves your machine)."""
    # scikit-learn and the pipeline load only when a command runs (``--help`` stays quick).
    from .training import TrainOptions
    from .training import train as run_train

    if not files and not with_default:
        fail("give at least one FILE (or --with-default for the bundled corpus)", EXIT_INPUT)
    opts = TrainOptions(
        seed=seed, held_back=held_back, with_default=with_default,
        name=name or Path(out).resolve().name,
    )  # fmt: skip
    try:
        with _count_progress("texts") as start:
            report = run_train(files or [], out, opts, options_with(model=model), progress=start)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        fail(str(exc), EXIT_FAILURE)
    if json_out:
        typer.echo(json.dumps({"model_dir": str(report.model_dir), "trained": report.trained,
                               "held_back": report.held_back, "counts": report.counts,
                               "scores": report.scores}, indent=1))  # fmt: skip
        return
    s = report.scores
    typer.echo(f"model written to {report.model_dir}: {report.trained} texts trained, "
               f"{report.held_back} held back", err=True)  # fmt: skip
    if s:
        typer.echo(f"held back: accuracy {s['accuracy']}, sub-event weighted F1 "
                   f"{s['sub_event_weighted_f1']}, event type {s['event_type_accuracy']}")
        for label, v in sorted(s["per_class"].items(), key=lambda kv: -kv[1]["support"]):
            typer.echo(f"  {label:<38} {v['support']:>5} F1 {v['f1']:.2f}")


def evaluate(
    files: list[str] = typer.Argument(
        ..., metavar="FILE...", help="Coded data: ACLED export CSVs, or JSONL with gold fields."
    ),
    model_dir: str | None = MODEL_DIR_OPTION,
    rules_only: bool = typer.Option(
        False, "--rules-only", help="Score the rule cards alone, without the classifier."
    ),
    n: int = typer.Option(0, "--n", min=0, help="Score a fixed sample of N texts (0: all)."),
    json_out: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    model: str | None = typer.Option(None, "--model", help="spaCy pipeline package to use."),
) -> None:
    """Score the coder against your coded data, field by field, before trusting it."""
    # The pipeline and spaCy load only when the command runs (``--help`` stays quick).
    from .evaluation import evaluate as run_evaluate
    from .evaluation import render

    use_model = False if rules_only else None
    options = options_with(model=model, model_dir=model_dir, use_model=use_model)
    try:
        with _count_progress("texts") as start:
            report = run_evaluate(files, options, n=n, progress=start)
    except InputError as exc:
        fail(str(exc), EXIT_INPUT)
    except EventwireError as exc:
        fail(str(exc), EXIT_FAILURE)
    typer.echo(json.dumps(report.as_dict(), indent=1) if json_out else render(report))
