"""The REST API and the web pages over a store: one FastAPI app behind the edge
(:mod:`quotewire.serve.guard`), for ``quotewire serve``.

Every API error is one JSON shape with its status (4xx, or 500 with code ``internal_error``)::

    {"error": {"status": 404, "code": "not_found", "message": "no article 12"}}

and every error on a web page is an HTML page saying the same. A 500 shows no traceback to the
client; the edge logs it once.

Reads go through a connection per worker thread; ingest by POST is off unless a token is
configured, and the edge checks the token and cuts the body off at its size limit before the
app reads it. ``/docs`` (Swagger UI) and ``/redoc`` load their scripts from this server.
"""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import FastAPI, Path, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from fastapi.security import HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotewire.errors import AnalysisFailed, InputError, NotFound
from quotewire.pipeline import Document, run_guarded
from quotewire.serve import pages
from quotewire.serve.guard import MAX_INGEST_CHARS, ASGIApp, Guard, error_body
from quotewire.store import BadFilter, Store, content_hash, open_store

QuoteType = Annotated[str | None, Query(pattern="^(direct|indirect|mixed|headline)$")]
STATIC = FilePath(__file__).parent / "static"
INTERNAL_ERROR = "internal error: the server's log has the details"
REDOCLY_LOGO = b"https://cdn.redoc.ly/redoc/logo-mini.svg"


class ApiError(Exception):
    """An error with its HTTP status and a short code; rendered as the one error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class IngestRequest(BaseModel):
    """One article to ingest: its ``text`` or its ``html`` (with its ``url``)."""

    text: str | None = Field(default=None, max_length=MAX_INGEST_CHARS)
    html: str | None = Field(default=None, max_length=MAX_INGEST_CHARS)
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(default=None, max_length=200)


def _error(request: Request, status: int, code: str, message: str) -> Response:
    """The error in its one shape: JSON for the API, an HTML page on the web pages."""
    body, kind = error_body(request.url.path, status, code, message)
    return Response(body, status_code=status, media_type=kind.decode().split(";")[0])


def create_app(db: str, *, ingest_token: str | None = None, body_timeout: float = 60.0) -> ASGIApp:
    """The API and pages over the store at ``db`` (opened now; read-only unless ingest is on),
    behind the edge that checks ingest's token and body size (``body_timeout``: seconds for a
    body to arrive)."""
    api = _api(db, read_only=ingest_token is None)
    return Guard(api, ingest_token=ingest_token, body_timeout=body_timeout)


WORKER_THREADS = 8
"""Threads that answer requests (each holds a store connection of its own, so this bounds the
files the stores keep open: ``serve/server.py`` budgets for them)."""


@contextlib.asynccontextmanager
async def _bounded_threads(_: FastAPI) -> AsyncIterator[None]:
    """At start, cap the threads that run the routes at :data:`WORKER_THREADS` (anyio's
    default, 40, would let the per-thread stores outgrow the open-file budget)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = WORKER_THREADS
    yield


def _api(db: str, *, read_only: bool) -> FastAPI:
    """The FastAPI app alone: routes and error shapes, without the edge's checks (ingest is
    taken from whoever reaches it)."""
    from fastapi_offline import __file__ as offline

    open_store(db, read_only=read_only).close()  # a bad store fails here, not at a request
    local = threading.local()
    nlp: list[Any] = []
    lock = threading.Lock()

    def store() -> Store:
        current: Store | None = getattr(local, "store", None)
        if current is None:  # (its registry follows other writers by itself)
            current = local.store = open_store(db, read_only=read_only)
        return current

    app = FastAPI(
        title="quotewire",
        description="Who said what, with which numbers, and when: quotes, speakers and claims "
        "from the articles in a quotewire store.",
        version="1",
        docs_url=None,
        redoc_url=None,
        lifespan=_bounded_threads,
    )

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return _error(request, error.status, error.code, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "bad_request")
        return _error(request, error.status_code, code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(request, 422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def failed(request: Request, _: Exception) -> Response:
        # the exception goes on to the edge, which logs it (once)
        return _error(request, 500, "internal_error", INTERNAL_ERROR)

    @app.get("/api/articles")
    def articles(
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Stored articles, newest first."""
        items = store().articles(limit=limit, offset=offset)
        return {"items": items, "limit": limit, "offset": offset}

    @app.get("/api/articles/{article_id}")
    def article(article_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        """One article: its text, debris, entities, quotes and claims, every span in place."""
        try:
            result = store().result(article_id)
        except NotFound:
            raise ApiError(404, "not_found", f"no article {article_id}") from None
        return {"article_id": article_id, **result.to_dict()}

    @app.get("/api/quotes")
    def quotes(
        q: Annotated[str, Query(max_length=500)] = "",
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        type: QuoteType = None,
        since: date | None = None,
        until: date | None = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
    ) -> dict[str, Any]:
        """Quotes matching every word of ``q`` (text, speaker or title), best first."""
        try:
            hits = store().search(
                q,
                speaker=speaker,
                since=since.isoformat() if since else None,
                until=until.isoformat() if until else None,
                type=type,
                limit=limit,
                offset=offset,
            )
        except BadFilter as error:  # (a store that fails is a 500, from the edge)
            raise ApiError(400, "bad_query", str(error)) from None
        return {"items": [h.to_dict() for h in hits], "limit": limit, "offset": offset}

    @app.get("/api/speakers")
    def speakers(
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """People and organizations quoted, most quoted first, with their roles."""
        ranked = store().speakers()[offset : offset + limit]
        return {
            "items": [
                {**entity.model_dump(exclude={"members"}), "quotes": count}
                for entity, count in ranked
            ],
            "limit": limit,
            "offset": offset,
        }

    @app.get("/api/speakers/{speaker_id}")
    def speaker(speaker_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        """One speaker: roles, the articles that joined it and why, quotes per month, claims."""
        current = store()
        try:
            entity = current.registry().get(speaker_id)
        except NotFound:
            raise ApiError(404, "not_found", f"no speaker {speaker_id!r}") from None
        return {
            **entity.model_dump(),
            "timeline": current.quotes_per_month(speaker_id),
            "claims": current.claims(speaker_id=speaker_id, limit=10_000),
        }

    @app.get("/api/claims")
    def claims(
        measure: Annotated[str | None, Query(max_length=200)] = None,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Claims, by measure (words it contains) and claimant (name or registry id)."""
        try:
            items = store().claims(measure=measure, speaker=speaker, limit=limit, offset=offset)
        except BadFilter as error:  # (a store that fails is a 500, from the edge)
            raise ApiError(400, "bad_query", str(error)) from None
        return {"items": items, "limit": limit, "offset": offset}

    refusals: dict[int | str, dict[str, Any]] = {
        401: {"description": "no 'Authorization: Bearer <token>' header, or the wrong token"},
        403: {"description": "ingest is off (the server has no token)"},
        408: {"description": "the body did not all arrive in time"},
        413: {"description": "the body is over the size limit"},
    }

    @app.post("/api/ingest", status_code=201, responses=refusals)
    def ingest(
        body: IngestRequest,
        _: Annotated[Any, Security(HTTPBearer(auto_error=False, scheme_name="ingest token"))],
    ) -> dict[str, Any]:
        """Ingest one article. Needs ``Authorization: Bearer <token>`` (403 when the server has
        no token, 401 without the right one, both before the body is read); the body is cut
        off at 2,010,000 bytes (413). The edge (``Guard``) checks all that; the security
        scheme here only documents it."""
        if not (body.text or body.html):
            raise ApiError(422, "invalid_request", 'needs "text" or "html"')
        document = Document(
            text=body.text,
            html=None if body.text else body.html,
            url=body.url,
            id=body.id,
            source=body.id or body.url or "<request>",
        )
        with lock:
            if not nlp:
                from quotewire.nlp.english import load_english

                nlp.append(load_english())
        result = run_guarded(document, nlp=nlp[0])
        if isinstance(result, AnalysisFailed):  # quotewire's fault, not the request's
            raise ApiError(500, result.code, str(result))
        if isinstance(result, InputError):
            raise ApiError(422, "bad_input", str(result))
        key = content_hash(body.text or body.html or "", body.url)
        with lock:
            added = store().add(result, key=key, source=document.source)
        return {"article_id": added, "added": added is not None, "quotes": len(result.quotes)}

    # ---- the web UI --------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        q: Annotated[str, Query(max_length=500)] = "",
        speaker: Annotated[str, Query(max_length=200)] = "",
        type: Annotated[str, Query(max_length=20)] = "",
        since: Annotated[str, Query(max_length=20)] = "",
        until: Annotated[str, Query(max_length=20)] = "",
    ) -> str:
        params = {"q": q, "speaker": speaker, "type": type, "since": since, "until": until}
        try:
            found = quotes(
                q=q,
                speaker=speaker or None,
                type=type if type in ("direct", "indirect", "mixed", "headline") else None,
                since=_day(since),
                until=_day(until),
                limit=100,
                offset=0,
            )["items"]
        except ApiError:
            found = []
        return pages.search_page(params, found)

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: Annotated[int, Path(ge=1, le=2**62)]) -> str:
        current = store()
        try:
            result = current.result(article_id)
        except NotFound:
            raise ApiError(404, "not_found", f"no article {article_id}") from None
        registry = current.registry()
        ids = {}
        for entity in result.entities:
            joined = registry.entity_of(str(article_id), entity.id)
            if joined is not None:
                ids[entity.id] = joined.id
        return pages.article_page(article_id, result, ids)

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(speaker_id: Annotated[str, Path(max_length=200)]) -> str:
        return pages.speaker_page(speaker(speaker_id))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(measure: Annotated[str, Query(max_length=200)] = "") -> str:
        rows = claims(measure=measure or None, speaker=None, limit=500, offset=0)["items"]
        return pages.claims_page(measure, rows)

    @app.get("/style.css", include_in_schema=False)
    def style() -> Response:
        return Response(pages.stylesheet(), media_type="text/css")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> str:
        return pages.docs_page(f"{app.title} - Swagger UI")

    @app.get("/redoc", response_class=HTMLResponse, include_in_schema=False)
    def redoc() -> str:
        return pages.redoc_page(f"{app.title} - ReDoc")

    assets = FilePath(offline).parent / "static"

    @app.get(pages.REDOC_SCRIPT, include_in_schema=False)
    def redoc_script() -> Response:
        return Response(_offline_redoc(assets), media_type="text/javascript")

    app.mount(pages.DOCS_ASSETS, StaticFiles(directory=assets))
    app.mount("/static", StaticFiles(directory=STATIC))

    return app


@functools.cache
def _offline_redoc(assets: FilePath) -> bytes:
    """ReDoc's script with the one address it fetches from elsewhere (Redocly's logo, always
    shown under the menu) replaced by an empty image, which ReDoc then hides."""
    script = (assets / "redoc.standalone.js").read_bytes()
    return script.replace(REDOCLY_LOGO, b"data:,")


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
