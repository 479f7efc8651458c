"""eventwire: turn conflict news into ACLED-coded event records with evidence spans.

>>> import eventwire
>>> result = eventwire.extract("Gunmen killed two men in Kano on 3 May 2024.")  # doctest: +SKIP
>>> result.events[0].fatalities                                                   # doctest: +SKIP
2

Nothing is imported at import time (CONVENTIONS.md 10): each public name is looked up
in ``_LAZY`` and its module imported on first access, so ``import eventwire`` stays
cheap and spaCy loads only when extraction is first asked for.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Public name -> the module (relative to this package) that defines it.
_LAZY: dict[str, str] = {
    "extract": "pipeline",
    "extract_article": "pipeline",
    "extract_stream": "pipeline",
    "Options": "options",
    "Article": "records",
    "Event": "records",
    "Span": "records",
    "Place": "records",
    "Actor": "records",
    "Claim": "records",
    "Quote": "records",
    "Relation": "records",
    "Result": "records",
    "ACLED_COLUMNS": "records",
    "EventwireError": "errors",
    "InputError": "errors",
    "ExtractionError": "errors",
    "GeocodeError": "errors",
    "StoreError": "errors",
    "ConfigError": "errors",
    "gazetteer_import": "geonames",
    "gazetteer_fetch": "geonames",
    "gazetteer_info": "geonames",
    "gazetteer_remove": "geonames",
    # The store (issue 4). Modules are not named like the functions (ingestion.ingest,
    # exports.export): a submodule import would otherwise rebind the package attribute.
    "ingest": "ingestion",
    "IngestReport": "ingestion",
    "export": "exports",
    "why": "store",
    "open_store": "store",
    "Store": "store",
    "EventFilter": "store",
    "ExtraFilter": "store",
    # The REST API and the web page (issue 5).
    "serve": "api",
    "create_app": "api",
    "ServeOptions": "api",
    # Scale (issue 7): polling feeds on a schedule.
    "watch": "watching",
    # The analyst's workbench (issue 14): corrections by a person.
    "edit": "editing",
    "merge_events": "editing",
    "split_event": "editing",
    "NotFoundError": "errors",
    "ConflictError": "errors",
}

__all__ = [
    "extract",
    "extract_article",
    "extract_stream",
    "Options",
    "Article",
    "Event",
    "Span",
    "Place",
    "Actor",
    "Claim",
    "Quote",
    "Relation",
    "Result",
    "ACLED_COLUMNS",
    "EventwireError",
    "InputError",
    "ExtractionError",
    "GeocodeError",
    "StoreError",
    "ConfigError",
    "gazetteer_import",
    "gazetteer_fetch",
    "gazetteer_info",
    "gazetteer_remove",
    "ingest",
    "IngestReport",
    "export",
    "why",
    "open_store",
    "Store",
    "EventFilter",
    "ExtraFilter",
    "serve",
    "create_app",
    "ServeOptions",
    "watch",
    "edit",
    "merge_events",
    "split_event",
    "NotFoundError",
    "ConflictError",
    "__version__",
]

if TYPE_CHECKING:  # for type checkers and IDEs only; never run
    from .api import ServeOptions, create_app, serve
    from .editing import edit, merge_events, split_event
    from .errors import (
        ConfigError,
        ConflictError,
        EventwireError,
        ExtractionError,
        GeocodeError,
        InputError,
        NotFoundError,
        StoreError,
    )
    from .exports import export
    from .geonames import gazetteer_fetch, gazetteer_import, gazetteer_info, gazetteer_remove
    from .ingestion import IngestReport, ingest
    from .options import Options
    from .pipeline import extract, extract_article, extract_stream
    from .records import (
        ACLED_COLUMNS,
        Actor,
        Article,
        Claim,
        Event,
        Place,
        Quote,
        Relation,
        Result,
        Span,
    )
    from .store import EventFilter, ExtraFilter, Store, open_store, why
    from .watching import watch

    __version__: str


def __getattr__(name: str) -> Any:
    if name == "__version__":
        value: Any = importlib.import_module(".about", __name__).version()
    elif name in _LAZY:
        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value  # cache: later lookups skip __getattr__
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
