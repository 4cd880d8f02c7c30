"""The JSON API and the page, in one FastAPI app over one store.

Why this shape (the datasette model): every list on the page is a call to `/api/...`, and every
`/api/...` call is one function of `newsevents.store.query`, the same module `newsevents query` uses,
so the page, the API and the command line can never disagree about what a filter means.

Serving choices:
- rows are serialised once with orjson into a `Response`: no pydantic round trip per row;
- the store is touched from ONE worker thread (DuckDB connections are not for concurrent use), so
  async handlers never block the event loop on a query;
- a DuckDB store is opened read-only, and DuckDB then keeps writers out for as long as we hold it,
  so the data cannot change under us and answers are kept in a bounded cache keyed by the query;
- every size is bounded: rows per page, request bodies, query strings, the cache.

(No `from __future__ import annotations` here: FastAPI must resolve the parameter aliases defined
inside `create_app` at run time.)
"""

import asyncio
import inspect
import logging
import re
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import orjson
from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field

from ..store import Store
from ..store import query as Q
from .cache import CachingLayer, ResponseCache
from .security import LOOPBACK_NAMES, Guard

log = logging.getLogger("newsevents.api")

DEFAULT_MAX_ROWS = 1000
DEFAULT_MAX_BODY = 1_000_000  # bytes: a long article is ~50 kB; HTML pages a few hundred kB
DEFAULT_CACHE_BYTES = 64 << 20
_PENDING_EXTRACTS = 4

DATE_RE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
COUNTRY_RE = r"^[A-Za-z]{2}$"
WORD_RE = r"^[A-Za-z_]{1,32}$"


def static_dir() -> Path:
    return Path(str(resources.files("newsevents.web") / "static"))


class Page(BaseModel):
    """What every list endpoint returns (documentation only: responses are written with orjson)."""

    rows: list[dict[str, Any]]
    count: int = Field(description="Rows in this page.")
    limit: int
    offset: int
    truncated: bool = Field(description="True when the page is full: ask again with offset=next_offset.")
    next_offset: int | None


class ExtractIn(BaseModel):
    """An article to run through the pipeline. There is deliberately no URL field: nothing is fetched."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="Plain text or HTML of one article.")
    published: str | None = Field(default=None, pattern=DATE_RE, description="YYYY-MM-DD")
    source: str | None = Field(default=None, max_length=200)
    html: bool | None = Field(default=None, description="Force HTML (true) or plain text (false); default: detect.")


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    try:
        return Q.parse_bbox(value)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


def _near(value: str | None) -> tuple[float, float, float] | None:
    try:
        return Q.parse_near(value)
    except ValueError as exc:
        raise HTTPException(400, str(exc)) from None


def _accepts(fn: Callable[..., Any], name: str) -> bool:
    return name in inspect.signature(fn).parameters


def create_app(
    store: Store,
    *,
    max_rows: int = DEFAULT_MAX_ROWS,
    max_body: int = DEFAULT_MAX_BODY,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    allowed_hosts: list[str] | None = None,
    allow_extract: bool = True,
) -> Any:
    """Build the ASGI app over an open store. `cache_bytes=0` turns the answer cache off (use that
    for a store another process may write, e.g. PostgreSQL)."""
    db = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-store")
    nlp_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsevents-extract")
    cache = ResponseCache(cache_bytes) if cache_bytes > 0 else None
    pending = {"extract": 0}
    events_mode = _accepts(Q.query_events, "mode")

    app = FastAPI(
        title="newsevents",
        version="1",
        summary="Events, places, quotes, journeys and documents extracted from news, each linked to its source text.",
        docs_url=None,
        redoc_url=None,
    )
    app.state.store = store
    app.state.cache = cache

    async def run_db(fn: Callable[..., Any], *args: Any, **kw: Any) -> Any:
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(db, lambda: fn(store, *args, **kw))

    Limit = Annotated[int, Query(ge=1, le=max_rows, description=f"Rows per page (1..{max_rows}).")]
    Offset = Annotated[int, Query(ge=0, le=1_000_000)]
    DateQ = Annotated[str | None, Query(pattern=DATE_RE, description="YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")]
    Text = Annotated[str | None, Query(min_length=1, max_length=200)]
    Doc = Annotated[str | None, Query(min_length=1, max_length=64, description="Only this document's rows.")]
    Idx = Annotated[int | None, Query(ge=0, le=1_000_000, description="With `doc`: only the record at this index.")]

    async def page(endpoint: str, fn: Callable[..., Any], limit: int, offset: int, /, *, idx: int | None = None,
                   post: Callable[[dict], bool] | None = None, **filters: Any) -> Response:
        """Run one query function and write the page with orjson."""
        filters = {k: v for k, v in filters.items() if v is not None}
        if idx is not None or post is not None:
            # filters the query module has no column for: filter a bounded window here, then page
            rows = await run_db(fn, limit=Q.MAX_LIMIT, offset=0, **filters)
            if idx is not None:
                rows = [r for r in rows if r.get("idx") == idx]
            if post is not None:
                rows = [r for r in rows if post(r)]
            rows = rows[offset : offset + limit]
        else:
            rows = await run_db(fn, limit=limit, offset=offset, **filters)
        full = len(rows) >= limit
        body = orjson.dumps({
            "rows": rows, "count": len(rows), "limit": limit, "offset": offset,
            "truncated": full, "next_offset": offset + limit if full else None,
        }, option=orjson.OPT_NON_STR_KEYS)
        return Response(body, media_type="application/json")

    page_doc = {200: {"model": Page, "description": "A page of rows."}}

    @app.get("/api/events", tags=["events"], responses=page_doc, response_class=Response)
    async def events(
        type: Annotated[str | None, Query(pattern=WORD_RE, description="PLOVER type, e.g. PROTEST")] = None,
        mode: Annotated[str | None, Query(min_length=1, max_length=40, description="PLOVER mode")] = None,
        actor: Annotated[str | None, Query(min_length=1, max_length=200, description="Actor or target name contains")] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY_RE, description="ISO 3166-1 alpha-2")] = None,
        bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
        near: Annotated[str | None, Query(max_length=100, description="lat,lon,km")] = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        certainty: Annotated[str | None, Query(pattern=WORD_RE, description="asserted, reported, alleged, ...")] = None,
        cluster: Annotated[str | None, Query(min_length=1, max_length=80, description="Event cluster id")] = None,
        q: Text = None,
        doc: Doc = None,
        idx: Idx = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Events (trigger, type, mode, actor, target, place, date, certainty), each linked to its sentence."""
        extra: dict[str, Any] = {}
        post = None
        if mode is not None:
            if events_mode:
                extra["mode"] = mode
            else:
                m = mode.lower()
                post = lambda r: (r.get("mode") or "").lower() == m  # noqa: E731
        return await page("events", Q.query_events, limit, offset, idx=idx, post=post, type=type, actor=actor,
                          country=country, bbox=_bbox(bbox), near=_near(near), date_from=date_from,
                          date_to=date_to, certainty=certainty, cluster=cluster, q=q, doc_id=doc, **extra)

    @app.get("/api/places", tags=["places"], responses=page_doc, response_class=Response)
    async def places(
        country: Annotated[str | None, Query(pattern=COUNTRY_RE)] = None,
        bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
        near: Annotated[str | None, Query(max_length=100, description="lat,lon,km")] = None,
        role: Annotated[str | None, Query(pattern=WORD_RE, description="mention, context or dateline")] = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        q: Text = None,
        doc: Doc = None,
        idx: Idx = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Place mentions with their resolved coordinates and country."""
        return await page("places", Q.query_places, limit, offset, idx=idx, country=country, bbox=_bbox(bbox),
                          near=_near(near), role=role, date_from=date_from, date_to=date_to, q=q, doc_id=doc)

    @app.get("/api/quotes", tags=["quotes"], responses=page_doc, response_class=Response)
    async def quotes(
        speaker: Annotated[str | None, Query(min_length=1, max_length=200, description="Speaker name contains")] = None,
        kind: Annotated[str | None, Query(pattern=WORD_RE, description="direct, indirect or mixed")] = None,
        q: Annotated[str | None, Query(min_length=1, max_length=200, description="Full-text search in the quote")] = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        doc: Doc = None,
        idx: Idx = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Quotes with their speaker; `q` searches the quoted words."""
        return await page("quotes", Q.query_quotes, limit, offset, idx=idx, speaker=speaker, kind=kind, q=q,
                          date_from=date_from, date_to=date_to, doc_id=doc)

    @app.get("/api/journeys", tags=["journeys"], responses=page_doc, response_class=Response)
    async def journeys(
        person: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
        country: Annotated[str | None, Query(pattern=COUNTRY_RE)] = None,
        bbox: Annotated[str | None, Query(max_length=100, description="min_lon,min_lat,max_lon,max_lat")] = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        q: Annotated[str | None, Query(max_length=200, description="Same as person (the page's search box)")] = None,
        doc: Doc = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Journeys: a person's ordered stops, with coordinates and dates where known."""
        return await page("journeys", Q.query_journeys, limit, offset, person=person or q, country=country,
                          bbox=_bbox(bbox), date_from=date_from, date_to=date_to, doc_id=doc)

    @app.get("/api/documents", tags=["documents"], responses=page_doc, response_class=Response)
    async def documents(
        q: Text = None,
        source: Annotated[str | None, Query(min_length=1, max_length=200)] = None,
        date_from: DateQ = None,
        date_to: DateQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Document summaries (headline, date, source, counts); `q` searches headline and text."""
        return await page("documents", Q.query_documents, limit, offset, q=q, source=source,
                          date_from=date_from, date_to=date_to)

    @app.get("/api/documents/{doc_id}", tags=["documents"], response_class=Response,
             responses={200: {"description": "The full stored Document (see `newsevents schema`)."},
                        404: {"description": "No such document."}})
    async def document(doc_id: Annotated[str, PathParam(min_length=1, max_length=64)]) -> Response:
        """One full document: its text and every extracted item with character offsets into it."""
        doc = await run_db(Q.get_document, doc_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return Response(orjson.dumps(doc), media_type="application/json")

    @app.get("/api/clusters", tags=["events"], response_class=Response, responses=page_doc)
    async def clusters(
        type: Annotated[str | None, Query(pattern=WORD_RE)] = None,
        min_size: Annotated[int, Query(ge=1, le=10_000)] = 2,
        date_from: DateQ = None,
        date_to: DateQ = None,
        limit: Limit = 50,
        offset: Offset = 0,
    ) -> Response:
        """Event clusters: one real-world event reported by several documents."""
        return await page("clusters", Q.query_clusters, limit, offset, type=type, min_size=min_size,
                          date_from=date_from, date_to=date_to)

    @app.get("/api/stats", tags=["store"])
    async def stats() -> JSONResponse:
        """Row counts per table and events per type."""
        return JSONResponse(await run_db(Q.stats))

    @app.post("/api/extract", tags=["extract"], response_class=Response,
              responses={200: {"description": "The extracted Document (not stored)."},
                         413: {"description": "Body over the size limit."},
                         503: {"description": "Busy, or the language model is missing."}})
    async def extract(item: ExtractIn) -> Response:
        """Run the pipeline on one article and return the Document. Bodies over the server's limit
        (`--max-body`, default 1 MB) are refused with 413. Nothing is stored; no URL is ever fetched."""
        if not allow_extract:
            raise HTTPException(403, "extraction is turned off on this server")
        if pending["extract"] >= _PENDING_EXTRACTS:
            raise HTTPException(503, "busy: too many extractions queued")
        from ..ingest import InputError
        from ..nlp import ModelMissing
        from ..pipeline import extract as run_extract

        pending["extract"] += 1
        try:
            loop = asyncio.get_running_loop()
            doc = await loop.run_in_executor(
                nlp_pool, lambda: run_extract(item.text, published=item.published, source=item.source, html=item.html))
        except InputError as exc:
            raise HTTPException(400, str(exc)) from None
        except ModelMissing as exc:
            raise HTTPException(503, str(exc)) from None
        finally:
            pending["extract"] -= 1
        return Response(orjson.dumps(doc.model_dump(mode="json")), media_type="application/json")

    @app.get("/api/health", tags=["store"])
    async def health() -> dict[str, Any]:
        return {"ok": True, "max_rows": max_rows, "cache": None if cache is None else cache.stats()}

    # ---- the page and the offline API docs
    static = static_dir()
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(static / "index.html", media_type="text/html")

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json", title="newsevents API",
            swagger_js_url="/static/vendor/swagger-ui-bundle.js", swagger_css_url="/static/vendor/swagger-ui.css",
            swagger_favicon_url="/static/favicon.svg",
        )

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        # one readable line per problem, without echoing the (possibly huge) input back
        errs = [f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg', 'invalid')}" for e in exc.errors()]
        return JSONResponse({"detail": "; ".join(errs)[:1000]}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception) -> JSONResponse:
        log.error("%s %s failed: %s: %s", request.method, request.url.path, type(exc).__name__,
                  str(exc).splitlines()[0] if str(exc) else "")
        return JSONResponse({"detail": "internal error"}, status_code=500)

    inner = CachingLayer(app, cache) if cache is not None else app
    guard = Guard(inner, max_body=max_body, allowed_hosts=allowed_hosts)
    guard.fastapi = app  # type: ignore[attr-defined]
    guard.close = lambda: (db.shutdown(wait=False), nlp_pool.shutdown(wait=False))  # type: ignore[attr-defined]
    return guard


def loopback_hosts(host: str) -> list[str] | None:
    """Host names a browser may use for a loopback-bound server; None (any) for other bind addresses."""
    if host in LOOPBACK_NAMES or re.match(r"^127\.\d+\.\d+\.\d+$", host):
        return sorted(LOOPBACK_NAMES | {host})
    return None
