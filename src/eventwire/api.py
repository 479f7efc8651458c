"""The REST API and the web page: one FastAPI app over a store, read-only unless a token is set.

>>> app = create_app("events.db")                                  # doctest: +SKIP
>>> serve("events.db", host="127.0.0.1", port=8000)                # doctest: +SKIP

    GET  /api/events          merged events: filters, sort, pagination (format=acled-csv,
                              geojson or jsonl: every matching event, streamed as a file)
    GET  /api/events/{id}     one event with every source, its evidence and its history
    PATCH /api/events/{id}    a person's correction: fields, accept or reject (token)
    GET  /api/articles/{id}   an article's text, the spans its events use, claims, quotes, relations
    GET  /api/actors          actors of the matching events, with how many events name them
    GET  /api/stats           events and fatalities by day, event type and country
    GET  /api/meta            what the page needs: version, taxonomy, basemap, writable, counts
    GET  /api/basemap         the map's labels for a view: countries, divisions, towns
    POST /api/articles        ingest one article (``Authorization: Bearer TOKEN``)
    GET  /openapi.json        the schema of all of the above; /docs shows it and tries it
    GET  /                    the page (``static/``), which reads the same JSON

Every answer is one envelope, made in ONE place (``_ok`` and the exception handlers in
``_envelope_errors``): ``{"ok": true, ...}`` or ``{"ok": false, "error": ..., "status": ...}``
with the same HTTP status. Query parameters are checked here (``event_filter``) before
the store sees them, and the store passes every value to SQL as a parameter; a parameter
an endpoint does not take is refused (422), never ignored (api_support.py).
"""

from __future__ import annotations

import hmac
import logging
import os
import threading
from collections.abc import Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Annotated, Any, TypeVar
from urllib.parse import urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from . import about
from .api_support import DOWNLOADS, EventPatch, download, known_parameters
from .basemap import labels
from .errors import ConfigError, ConflictError, EventwireError, InputError, NotFoundError
from .ingestion import ingest
from .lexicon import taxonomy
from .options import Options
from .readers import read_object
from .records import RELATION_TYPES, content_hash
from .store import DEFAULT_DB, EventFilter, ExtraFilter, Store, open_store
from .store.corrections import FIELDS
from .store.filters import EVENT_STATUSES, check_filter, iso_date

__all__ = ["ServeOptions", "create_app", "event_filter", "read_token", "serve"]

log = logging.getLogger(__name__)

TOKEN_ENV = "EVENTWIRE_TOKEN"
# A write token anyone could guess is no protection: refuse short ones.
MIN_TOKEN_CHARS = 16
# The sort keys the API offers; each is a key ``Store.query_events`` accepts.
SORTS = ("event_date", "fatalities", "n_sources", "country", "id")
STATIC = Path(__file__).with_name("static")
# Rows one request may ask for (``limit``): a page of the table, or the map's points.
MAX_LIMIT = 1000
# A correction's body: fields and a reason, a few KB at most.
MAX_PATCH_BYTES = 100_000


@dataclass(frozen=True, slots=True)
class ServeOptions:
    """How the server runs. Separate from ``Options`` (how articles are coded), which
    it carries for the articles POSTed to it.

    ``token``: the bearer token that allows POST /api/articles (None: read-only);
    ``tile_url``: an online tile layer drawn under the borders
    (``https://tile.example.org/{z}/{x}/{y}.png``; None: the offline borders only);
    ``allowed_hosts``: names the server may be reached by, past the local ones.
    """

    token: str | None = None
    tile_url: str | None = None
    tile_attribution: str = ""
    extraction: Options = field(default_factory=Options)
    # Host names the server answers to besides the local ones (``LOCAL_HOSTS``); "*" is
    # any. A page on another name (DNS rebinding) is refused: see ``_check_host``.
    allowed_hosts: tuple[str, ...] = ()


def read_token(token_file: str | None = None) -> str | None:
    """The write token: the first line of ``token_file``, else ``$EVENTWIRE_TOKEN``.

    >>> read_token("/etc/eventwire/token")                         # doctest: +SKIP
    'the-first-line-of-that-file'

    None when neither is set; a ``ConfigError`` for an unreadable file or a short token.
    """
    if token_file:
        try:
            with open(token_file, "rb") as f:  # its head only: the path may be a device
                head = f.read(64 * 1024).decode("utf-8", "replace")
            token = head.strip().splitlines()[:1]
        except OSError as exc:
            raise ConfigError(f"cannot read the token file {token_file}: {exc.strerror}") from None
        value = token[0].strip() if token else ""
        where = f"token file {token_file}"
    else:
        value = os.environ.get(TOKEN_ENV, "").strip()
        where = TOKEN_ENV
    if not value:
        if token_file:
            raise ConfigError(f"the {where} is empty")
        return None
    if len(value) < MIN_TOKEN_CHARS:
        raise ConfigError(f"the token in {where} is shorter than {MIN_TOKEN_CHARS} characters")
    if not value.isprintable():  # an HTTP header cannot carry it: no client could send it
        raise ConfigError(f"the token in {where} holds characters that are not printable")
    return value


def serve(
    db: str | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    options: ServeOptions = ServeOptions(),
    log_level: str = "info",
) -> None:
    """Serve the REST API and the page for the store ``db`` until interrupted.

    >>> serve("events.db", port=8000)                              # doctest: +SKIP
    INFO:     Uvicorn running on http://127.0.0.1:8000 (Press CTRL+C to quit)
    """
    # Deferred: uvicorn is the server, loaded only when serving.
    import uvicorn

    url = db or DEFAULT_DB
    if _is_file_store(url) and not Path(_sqlite_path(url)).exists() and options.token is None:
        # Opening would create an empty file: a mistyped path would then serve nothing.
        raise ConfigError(f"no store at {url} (eventwire ingest ... --db {url} makes one)")
    if host not in ("0.0.0.0", "::", ""):  # the address listened on is a name it is reached by
        names = (host, f"[{host}]") if ":" in host else (host,)  # IPv6 comes in brackets
        options = replace(options, allowed_hosts=(*options.allowed_hosts, *names))
    uvicorn.run(create_app(url, options), host=host, port=port, log_level=log_level)


def create_app(store_url: str | None = None, options: ServeOptions = ServeOptions()) -> FastAPI:
    """The app for the store at ``store_url`` (a SQLite path or a PostgreSQL URL).

    >>> app = create_app("events.db", ServeOptions(token="a-long-random-secret"))  # doctest: +SKIP

    The store is opened here, so a bad URL fails now rather than at the first request.
    """
    _check_tile_url(options.tile_url)
    hub = _Hub(store_url or DEFAULT_DB)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> Any:
        yield
        hub.close()

    app = FastAPI(
        title="eventwire",
        version=about.version(),
        description="Events coded from news reports, each field with the evidence behind it.",
        # Swagger UI and ReDoc load their code from a CDN: /docs is the page's own
        # reader of the schema instead (web/src/docs.js), which works offline.
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(known_parameters)],
    )
    app.state.hub = hub
    app.state.options = options
    _envelope_errors(app)
    _check_host(app, options)  # added before the headers: its refusals carry them too
    _security_headers(app, options)
    # The borders file goes from 756 KB to 236 KB and the script from 208 KB to 61 KB.
    app.add_middleware(GZipMiddleware, minimum_size=2048)
    _read_routes(app, hub, options)
    _write_routes(app, hub, options)
    _page_routes(app)
    return app


# -- the envelope ------------------------------------------------------------------------


def _ok(code: int = 200, /, **payload: Any) -> JSONResponse:
    """A success: ``{"ok": true, **payload}`` (``payload`` may hold a ``status`` of its own)."""
    return JSONResponse({"ok": True, **payload}, status_code=code)


def _error(status: int, message: str, headers: Any = None, **extra: Any) -> JSONResponse:
    """A failure: ``{"ok": false, "error": message, "status": status, **extra}``."""
    body = {"ok": False, "error": message, "status": status, **extra}
    return JSONResponse(body, status_code=status, headers=headers)


class ErrorEnvelope(BaseModel):
    """What every failure answers (documented in the schema)."""

    ok: bool = False
    error: str
    status: int
    details: list[dict[str, str]] | None = None


_ERRORS: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorEnvelope, "description": "A parameter is malformed"},
}


def _envelope_errors(app: FastAPI) -> None:
    """Every error, wherever raised, leaves as the error envelope."""

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else "error"
        return _error(exc.status_code, detail, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        details = [_readable(e) for e in exc.errors()]
        message = "; ".join(f"{d['field']}: {d['message']}" for d in details)
        return _error(422, message or "invalid request", details=details)

    @app.exception_handler(EventwireError)
    async def eventwire_error(request: Request, exc: EventwireError) -> JSONResponse:
        status = next((code for kind, code in ((InputError, 422), (NotFoundError, 404),
                                               (ConflictError, 409)) if isinstance(exc, kind)),
                      500)  # fmt: skip
        return _error(status, str(exc))

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return _error(500, f"internal error ({type(exc).__name__})")


def _readable(error: dict[str, Any]) -> dict[str, str]:
    """One pydantic error as ``{"field": "limit", "message": "..."}``."""
    where = [str(p) for p in error.get("loc", ()) if p not in ("query", "path", "body")]
    message = str(error.get("msg", "invalid")).removeprefix("Value error, ")
    given = error.get("input")
    if isinstance(given, (str, int, float)) and len(str(given)) <= 80:
        message += f" (got {given!r})"
    return {"field": ".".join(where) or "request", "message": message}


def _security_headers(app: FastAPI, options: ServeOptions) -> None:
    """A strict Content-Security-Policy: only the page's own script runs, even if some
    article text ever reached the DOM as markup."""
    tiles = f" {_origin(options.tile_url)}" if options.tile_url else ""
    policy = (
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        f"img-src 'self' data:{tiles}; connect-src 'self'; object-src 'none'; "
        "base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    )

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", policy)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response


# The names of this machine: a server reached by one of them is reached from this machine.
LOCAL_HOSTS = ("localhost", "127.0.0.1", "[::1]", "::1")


def _check_host(app: FastAPI, options: ServeOptions) -> None:
    """Answer only requests whose Host header names this server: a local name, the
    address it listens on, or one of ``options.allowed_hosts``. A web page on another
    site that makes its own name resolve to 127.0.0.1 (DNS rebinding) sends its own name
    in Host, and is refused (400) before it can read the API or post to it."""
    allowed = {h.lower() for h in (*LOCAL_HOSTS, *options.allowed_hosts)}

    @app.middleware("http")
    async def host(request: Request, call_next: Any) -> Any:
        given = request.headers.get("host")
        # No Host at all is no browser (browsers always send one): a script or a probe.
        if given is None or "*" in allowed or _host_name(given) in allowed:
            return await call_next(request)
        name = _host_name(given)
        return _error(400, f"this server does not answer to the host name {name!r} (start it "
                           f"with --allowed-host {name} to allow it)")  # fmt: skip


def _host_name(header: str) -> str:
    """The name of a Host header, without its port: "localhost:8000" -> "localhost",
    "[::1]:8000" -> "[::1]"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[: header.find("]") + 1] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


# -- query parameters --------------------------------------------------------------------


def _sort(value: str) -> str:
    if value.removeprefix("-") not in SORTS:
        raise ValueError(f"must be one of {', '.join(SORTS)}, with - before it for descending")
    return value


def _format(value: str) -> str:
    if value not in ("json", *DOWNLOADS, "csv"):
        raise ValueError(f"must be one of json, {', '.join(DOWNLOADS)}")
    return value


def _checked(errors: list[dict[str, Any]], name: str, value: str | None, check: Any) -> Any:
    """``check(value)``, or None with the problem added to ``errors`` (pydantic's shape)."""
    if value is None or value == "":
        return None
    try:
        return check(value)
    except ValueError as exc:
        errors.append({"loc": ("query", name), "msg": str(exc), "type": "value_error",
                       "input": value})  # fmt: skip
        return None


def _period(
    errors: list[dict[str, Any]], since: str | None, until: str | None
) -> tuple[str | None, str | None]:
    """``since`` and ``until`` checked as dates, and in order."""
    since = _checked(errors, "since", since, iso_date)
    until = _checked(errors, "until", until, iso_date)
    if since and until and since > until:
        errors.append({"loc": ("query", "since"), "msg": f"is after until ({until})",
                       "type": "value_error", "input": since})  # fmt: skip
    return since, until


def event_filter(
    since: Annotated[str | None, Query(description="First event date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last event date, YYYY-MM-DD.")] = None,
    bbox: Annotated[
        str | None, Query(description="west,south,east,north in degrees.", examples=["35,32,42,37"])
    ] = None,
    country: Annotated[
        str | None, Query(max_length=100, description="Country name or ISO code (any case).")
    ] = None,
    event_type: Annotated[str | None, Query(description="One of ACLED's 6 event types.")] = None,
    sub_event_type: Annotated[str | None, Query(description="One of ACLED's 25 sub-types.")] = None,
    actor: Annotated[
        str | None, Query(max_length=200, description="Actor, part of it, or an alias (RSF).")
    ] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="Words in notes, places, actors, types.")
    ] = None,
    status: Annotated[
        str | None, Query(description=f"By a person's verdict: {', '.join(EVENT_STATUSES)} "
                          "(default active: all but rejected events).")
    ] = None,  # fmt: skip
) -> EventFilter:
    """The filters shared by /api/events, /api/actors and /api/stats, checked
    (store/filters.py, as for the CLI): a malformed one is a 422 naming the parameter,
    never a query."""
    given = {"since": since, "until": until, "bbox": bbox, "country": country,
             "event_type": event_type, "sub_event_type": sub_event_type, "actor": actor,
             "text": text, "status": status}  # fmt: skip
    return _checked_filter(given)


def _checked_filter(given: dict[str, str | None]) -> EventFilter:
    """``store.filters.check_filter``, its problems raised as a 422 naming each one."""
    filters, problems = check_filter(given)
    if problems:
        raise RequestValidationError([
            {"loc": ("query", name), "msg": msg, "type": "value_error", "input": value}
            for name, msg, value in problems
        ])  # fmt: skip
    return filters


def extra_filter(
    since: Annotated[str | None, Query(description="First publication date, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Last publication date, YYYY-MM-DD.")] = None,
    article: Annotated[str | None, Query(max_length=64, description="An article id.")] = None,
    text: Annotated[str | None, Query(max_length=200, description="Words in the record.")] = None,
    actor: Annotated[
        str | None,
        Query(max_length=200, description="A claim's actor, a relation's side, a quote's side."),
    ] = None,
    speaker: Annotated[
        str | None, Query(max_length=200, description="A quote's speaker or a claim's claimant.")
    ] = None,
    relation: Annotated[str | None, Query(description="A relation type.")] = None,
    action: Annotated[
        str | None, Query(max_length=50, description="A claim's act: capture, kill...")
    ] = None,
    direct: Annotated[
        bool | None, Query(description="Quotes: true for quotations, false for reported speech.")
    ] = None,
) -> ExtraFilter:
    """The filters of /api/claims, /api/quotes and /api/relations, checked like the events'."""
    errors: list[dict[str, Any]] = []
    since, until = _period(errors, since, until)
    relation = _checked(errors, "relation", relation, _relation)
    if errors:
        raise RequestValidationError(errors)
    return ExtraFilter(since=since, until=until, article=article or None, text=text or None,
                       actor=actor or None, speaker=speaker or None, relation=relation,
                       action=action or None, direct=direct)  # fmt: skip


def _relation(value: str) -> str:
    if value not in RELATION_TYPES:
        raise ValueError(f"must be one of {', '.join(RELATION_TYPES)}")
    return value


# -- the store, shared by the request threads ----------------------------------------------


class _Hub:
    """The app's store connections: one for reads, one for writes, each used by one thread
    at a time (a connection is not safe to share). Two connections, so that a POSTed
    article being coded and stored never holds up the readers (SQLite runs in WAL mode)."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._reader: Store | None = open_store(url)
        self._writer: Store | None = None
        self._read_lock = threading.Lock()
        self._write_lock = threading.Lock()

    @contextmanager
    def reading(self) -> Iterator[Store]:
        with self._read_lock:
            if self._reader is None:
                self._reader = open_store(self.url)
            yield self._reader

    @contextmanager
    def writing(self) -> Iterator[Store]:
        with self._write_lock:
            if self._writer is None:
                self._writer = open_store(self.url)
            yield self._writer

    def close(self) -> None:
        for lock, name in ((self._read_lock, "_reader"), (self._write_lock, "_writer")):
            with lock:
                store = getattr(self, name)
                if store is not None:
                    store.close()
                    setattr(self, name, None)


# -- routes ------------------------------------------------------------------------------


# Parameters shared by the routes (module level: FastAPI resolves them by name).
Filters = Annotated[EventFilter, Depends(event_filter)]
ExtraFilters = Annotated[ExtraFilter, Depends(extra_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Rows per page, 1 to {MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Rows to skip.")]
Sort = Annotated[str, Query(description=f"{', '.join(SORTS)}; a leading - sorts descending.")]
Format = Annotated[str, Query(description=f"json (a page), or a file: {', '.join(DOWNLOADS)}.")]
Id = Annotated[str, PathParam(max_length=64)]


def _read_routes(app: FastAPI, hub: _Hub, options: ServeOptions) -> None:
    """The GET routes, in the order the schema lists them."""
    _record_routes(app, hub)
    _extra_routes(app, hub, options)


def _record_routes(app: FastAPI, hub: _Hub) -> None:
    """Events, one event, one article, and the actors of the matching events."""
    not_found: dict[int | str, dict[str, Any]] = {
        404: {"model": ErrorEnvelope, "description": "No such id"}
    }

    @app.get("/api/events", tags=["events"], responses=_ERRORS)
    def events(
        filters: Filters,
        sort: Sort = "event_date",
        limit: Limit = 100,
        offset: Offset = 0,
        format: Format = "json",
    ) -> Any:
        """Merged events matching every filter given, one page of them, and how many match;
        with ``format`` acled-csv, geojson or jsonl, every matching event as a file,
        streamed (limit and offset are for pages of JSON)."""
        errors: list[dict[str, Any]] = []
        _checked(errors, "sort", sort, _sort)
        _checked(errors, "format", format, _format)
        if errors:
            raise RequestValidationError(errors)
        if format != "json":
            return download(hub.url, format, filters, sort)
        with hub.reading() as store:
            rows, total = store.query_events(filters, sort=sort, limit=limit, offset=offset)
        return _ok(events=[e.as_dict() for e in rows], total=total, limit=limit, offset=offset,
                   sort=sort)  # fmt: skip

    @app.get("/api/events/{event_id}", tags=["events"], responses=not_found)
    def event(event_id: Id) -> JSONResponse:
        """One event (its id in any case): the merged record, every source with its
        outlet, toll, evidence and merge decision, and every version of it."""
        with hub.reading() as store:
            found = store.get_event(event_id)
            history = store.history(event_id) if found else []
        if found is None:
            raise HTTPException(404, f"no event {event_id!r}")
        return _ok(**found, history=history)

    @app.get("/api/articles/{article_id}", tags=["articles"], responses=not_found)
    def article(article_id: Id) -> JSONResponse:
        """An article's text and metadata, the evidence spans of its events, and the claims,
        quotes and relations coded from it."""
        with hub.reading() as store:
            found = store.get_article(article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        result = found.get("result") or {}
        extras = {k: result.get(k, []) for k in ("claims", "quotes", "relations")}
        return _ok(article={**found, **extras})

    @app.get("/api/actors", tags=["actors"], responses=_ERRORS)
    def actors(filters: Filters, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
        """Actors of the matching events, with how many of them name each, most first."""
        with hub.reading() as store:
            rows = store.actors(filters)
        return _ok(actors=rows[offset : offset + limit], total=len(rows), limit=limit,
                   offset=offset)  # fmt: skip


def _extra_routes(app: FastAPI, hub: _Hub, options: ServeOptions) -> None:
    """Claims, quotes and relations; the stats and the page's start-up facts."""

    def extras(kind: str, filters: ExtraFilter, limit: int, offset: int) -> JSONResponse:
        with hub.reading() as store:
            rows, total = getattr(store, f"query_{kind}")(filters, limit=limit, offset=offset)
        return _ok(**{kind: rows}, total=total, limit=limit, offset=offset)

    @app.get("/api/claims", tags=["claims, quotes and relations"], responses=_ERRORS)
    def claims(filters: ExtraFilters, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
        """Numeric claims of the stored articles (campaign totals, not events), with their
        qualifier, what is counted, actor, period, claimant and evidence."""
        return extras("claims", filters, limit, offset)

    @app.get("/api/quotes", tags=["claims, quotes and relations"], responses=_ERRORS)
    def quotes(filters: ExtraFilters, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
        """Quotations and reported speech with their speakers, roles and evidence."""
        return extras("quotes", filters, limit, offset)

    @app.get("/api/relations", tags=["claims, quotes and relations"], responses=_ERRORS)
    def relations(filters: ExtraFilters, limit: Limit = 100, offset: Offset = 0) -> JSONResponse:
        """Typed ties between actors (affiliated_with, member_of, ...) with their evidence."""
        return extras("relations", filters, limit, offset)

    @app.get("/api/stats", tags=["stats"], responses=_ERRORS)
    def stats(filters: Filters) -> JSONResponse:
        """Counts and fatalities of the matching events by day, event type and country."""
        with hub.reading() as store:
            return _ok(**store.stats(filters))

    @app.get("/api/meta", tags=["meta"])
    def meta() -> JSONResponse:
        """What a client needs to start: version, the ACLED taxonomy, the basemap settings,
        whether writes are open, and the store's counts."""
        types: dict[str, list[str]] = {}
        for sub, (kind, _) in taxonomy().items():
            types.setdefault(kind, []).append(sub)
        with hub.reading() as store:
            counts = store.counts()
        basemap = {"tile_url": options.tile_url, "attribution": options.tile_attribution}
        editable = {name: {"kind": spec.kind, "null": spec.null} for name, spec in FIELDS.items()}
        return _ok(version=about.version(), taxonomy=types, sorts=list(SORTS), basemap=basemap,
                   writable=options.token is not None, max_limit=MAX_LIMIT, counts=counts,
                   statuses=list(EVENT_STATUSES), downloads=list(DOWNLOADS),
                   editable=editable)  # fmt: skip

    @app.get("/api/basemap", tags=["meta"], responses=_ERRORS)
    def basemap(
        bbox: Annotated[str, Query(description="The view: west,south,east,north.")],
        zoom: Annotated[int, Query(ge=0, le=20, description="The map's zoom level.")],
    ) -> JSONResponse:
        """Labels for the offline map at this view and zoom: countries, first-level
        divisions and towns from the gazetteer (GeoNames), each with its rank."""
        box = _checked_filter({"bbox": bbox}).bbox
        assert box is not None  # a required parameter, checked
        return _ok(labels=labels(box, zoom), zoom=zoom)


Body = TypeVar("Body", bound=BaseModel)


class ArticleIn(BaseModel):
    """An article POSTed to /api/articles (the JSONL contract's fields, and ``source``)."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Plain text or an HTML page.")
    title: str | None = Field(None, max_length=1000)
    published: str | None = Field(None, max_length=40, description="YYYY-MM-DD.")
    url: str | None = Field(None, max_length=2000)
    source: str | None = Field(
        None, max_length=2000, description="How the input is named in the store (default: url)."
    )


def _write_routes(app: FastAPI, hub: _Hub, options: ServeOptions) -> None:
    limit = options.extraction.max_bytes
    answers: dict[int | str, dict[str, Any]] = {
        code: {"model": ErrorEnvelope, "description": why}
        for code, why in ((401, "No valid bearer token"), (403, "Writes are not enabled"),
                          (413, "Body too large"), (422, "Not an article, or one that failed"))
    }  # fmt: skip
    schema = {"content": {"application/json": {"schema": ArticleIn.model_json_schema()}},
              "required": True}  # fmt: skip

    @app.post("/api/articles", tags=["articles"], status_code=201, responses=answers,
              openapi_extra={"requestBody": schema})  # fmt: skip
    async def post_article(request: Request) -> JSONResponse:
        """Ingest one article through the store's write path: code it, merge its events.

        Answers 201 when stored, 200 when the content was already stored (``unchanged``,
        ``updated``) or skipped (a duplicate, not English), 422 when it failed (with the
        reason, which ``eventwire errors`` lists too).
        """
        # The token is checked before the body is read: no work for a stranger.
        _authorize(request.headers.get("authorization"), options.token)
        body = await _read_body(request, limit)
        try:
            posted = ArticleIn.model_validate_json(body)
        except ValidationError as exc:
            raise RequestValidationError(exc.errors()) from None
        return await run_in_threadpool(_ingest_one, hub, posted, options.extraction)

    wrong = (("401", "No valid bearer token"), ("403", "Writes are not enabled"),
             ("404", "No such event"), ("409", "The event already has that verdict"),
             ("422", "An unknown field, or a value of the wrong type"))  # fmt: skip
    patch_body = {"content": {"application/json": {"schema": EventPatch.model_json_schema()}}}

    @app.patch("/api/events/{event_id}", tags=["events"],
               responses={c: {"model": ErrorEnvelope, "description": w} for c, w in wrong},
               openapi_extra={"requestBody": {**patch_body, "required": True}})  # fmt: skip
    async def patch_event(event_id: Id, request: Request) -> JSONResponse:
        """Correct an event: set fields (``{"fields": {...}}``) and/or accept or reject it
        (``{"status": ...}``), saying why. One new version in its history, kept over later
        re-coding and merging; a rejected event leaves the default answers and exports."""
        patch = await _read_model(request, EventPatch, MAX_PATCH_BYTES, options.token)
        return await run_in_threadpool(_correct_one, hub, event_id, patch)


async def _read_model(request: Request, model: type[Body], limit: int, token: str | None) -> Body:
    """A write's body as ``model``: the token checked first (no work for a stranger),
    then the size, then the fields (422 naming the bad ones)."""
    _authorize(request.headers.get("authorization"), token)
    raw = await _read_body(request, limit)
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        raise RequestValidationError(exc.errors()) from None


def _correct_one(hub: _Hub, event_id: str, patch: EventPatch) -> JSONResponse:
    with hub.writing() as store:
        done = store.correct(event_id, fields=patch.fields, status=patch.status, why=patch.why,
                             who=patch.who, version=about.version())  # fmt: skip
        found = store.get_event(done)
        history = store.history(done)
    return _ok(**(found or {}), history=history)


def _authorize(header: str | None, token: str | None) -> None:
    if token is None:
        raise HTTPException(403, f"writes are disabled: start the server with a token "
                                 f"(${TOKEN_ENV} or --token-file)")  # fmt: skip
    scheme, _, given = (header or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode("utf-8"), token.encode("utf-8")
    ):
        raise HTTPException(401, "a valid 'Authorization: Bearer <token>' header is required",
                            headers={"WWW-Authenticate": "Bearer"})  # fmt: skip


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (413) past ``limit`` bytes without holding more of it."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise HTTPException(413, f"the body is over the limit of {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"the body is over the limit of {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest_one(hub: _Hub, posted: ArticleIn, options: Options) -> JSONResponse:
    fields = posted.model_dump(exclude_none=True, exclude={"source"})
    source = posted.source or posted.url or f"api:{content_hash(posted.text)}"
    item = read_object(fields, source, options=options)
    statuses: list[str] = []
    with hub.writing() as store:
        ingest(db=store, items=[item], options=options,
               progress=lambda status, _pos: statuses.append(status))  # fmt: skip
        status = statuses[0]
        article_id = item.article.id if item.article is not None else None
        stored = store.get_article(article_id) if article_id else None
        reason = item.reason or next(
            (r["reason"] for r in store.errors() if r["source"] == source), None
        )
    events = sorted({e["event_id"] for e in stored["events"]}) if stored else []
    if status == "failed":
        return _error(422, f"the article failed: {reason}", input=source, article_id=article_id)
    code = 201 if status == "stored" else 200
    return _ok(code, status=status, input=source, article_id=article_id, events=events,
               reason=reason if status == "skipped" else None)  # fmt: skip


def _page_routes(app: FastAPI) -> None:
    """The page: index.html and its built files (``web/`` builds them into ``static/``)."""
    index = STATIC / "index.html"
    if STATIC.is_dir():
        app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def page() -> Any:
        if not index.exists():
            raise HTTPException(503, "the page is not built (cd web && npm ci && npm run build)")
        return FileResponse(index, headers={"Cache-Control": "no-cache"})

    @app.get("/docs", include_in_schema=False)
    def docs() -> Any:
        """The API's documentation, read from /openapi.json, with a form to try each call."""
        page = STATIC / "docs.html"
        if not page.exists():
            raise HTTPException(503, "the page is not built (cd web && npm ci && npm run build)")
        return FileResponse(page, headers={"Cache-Control": "no-cache"})


# -- settings ----------------------------------------------------------------------------


def _check_tile_url(url: str | None) -> None:
    if url is None:
        return
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(f"the tile URL must be http(s)://...: {url!r}")
    if not all(k in url for k in ("{z}", "{x}", "{y}")):
        raise ConfigError(f"the tile URL needs {{z}}, {{x}} and {{y}}: {url!r}")


def _origin(url: str | None) -> str:
    """The CSP source of a tile URL: ``https://{s}.tile.example.org/...`` gives
    ``https://*.tile.example.org``."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc.replace('{s}', '*')}"


def _is_file_store(url: str) -> bool:
    return not url.startswith(("postgresql://", "postgres://")) and url != ":memory:"


def _sqlite_path(url: str) -> str:
    return url.removeprefix("sqlite:///")
