"""The package root: what is public (CONVENTIONS.md 11) and that importing it is cheap (10)."""

from __future__ import annotations

import subprocess
import sys

import eventwire

PUBLIC = {
    "extract", "extract_article", "extract_stream", "Options",
    "Article", "Event", "Span", "Place", "Actor", "Claim", "Quote", "Relation", "Result",
    "ACLED_COLUMNS",
    "EventwireError", "InputError", "ExtractionError", "GeocodeError", "StoreError",
    "ConfigError",
    "gazetteer_import", "gazetteer_fetch", "gazetteer_info", "gazetteer_remove",
    "ingest", "IngestReport", "export", "why", "open_store", "Store", "EventFilter",
    "ExtraFilter",
    "serve", "create_app", "ServeOptions",
    "watch", "__version__",
    "edit", "merge_events", "split_event", "NotFoundError", "ConflictError",
}


def test_init_public_api_is_all() -> None:
    assert len(eventwire.__all__) == len(set(eventwire.__all__)), "duplicate in __all__"
    assert set(eventwire.__all__) == PUBLIC
    for name in eventwire.__all__:
        assert getattr(eventwire, name) is not None, name
    # Names resolve to the objects of the modules that define them.
    from eventwire import errors, options, pipeline, records

    assert eventwire.extract is pipeline.extract
    assert eventwire.Options is options.Options
    assert eventwire.Event is records.Event
    assert eventwire.ACLED_COLUMNS is records.ACLED_COLUMNS
    assert issubclass(eventwire.InputError, eventwire.EventwireError)
    assert eventwire.ConfigError is errors.ConfigError
    assert isinstance(eventwire.__version__, str) and eventwire.__version__
    from eventwire import exports, ingestion, store

    assert eventwire.ingest is ingestion.ingest
    assert eventwire.export is exports.export
    assert eventwire.why is store.why
    from eventwire import api

    assert eventwire.serve is api.serve
    assert eventwire.create_app is api.create_app
    assert eventwire.open_store is store.open_store
    from eventwire import watching

    assert eventwire.watch is watching.watch
    from eventwire import editing

    assert eventwire.edit is editing.edit
    assert issubclass(eventwire.NotFoundError, eventwire.StoreError)


def test_init_unknown_name_raises_attribute_error() -> None:
    try:
        eventwire.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("eventwire.no_such_name resolved")


def test_init_import_does_no_heavy_work() -> None:
    code = (
        "import sys, eventwire\n"
        "assert 'spacy' not in sys.modules, 'spacy imported by import eventwire'\n"
        "assert 'eventwire.pipeline' not in sys.modules, 'pipeline imported eagerly'\n"
        "eventwire.Options\n"
        "assert 'spacy' not in sys.modules, 'spacy imported by eventwire.Options'\n"
        "print('ok')\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "ok"
