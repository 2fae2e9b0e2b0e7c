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
import csv
import dataclasses
import functools
import io
import json
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
from quotewire.speakers.names import fold
from quotewire.store import BadFilter, QuoteHit, Store, content_hash, open_store

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


PAGE_ROWS = pages.DEFAULT_ROWS
"""Rows on one page of the web UI's lists, unless ``?limit=`` says otherwise."""
PageRows = Annotated[int, Query(ge=1, le=200)]
MAX_DOWNLOAD = 10_000
"""Quotes in one download of a search (``/api/quotes/download``)."""

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
        outlet: Annotated[str | None, Query(max_length=200)] = None,
        since: date | None = None,
        until: date | None = None,
        limit: Annotated[int, Query(ge=1, le=200)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Stored articles, newest first, with their quote and claim counts; ``outlet``
        (exactly, as ``outlets`` lists them) and ``since``/``until`` (inclusive) narrow them;
        ``total`` counts them all."""
        current = store()
        filters = {
            "outlet": outlet,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
        }
        items = current.articles(**filters, limit=limit, offset=offset)
        return {
            "items": items,
            "total": current.count_articles(**filters),
            "outlets": current.outlets(),
            "limit": limit,
            "offset": offset,
        }

    @app.get("/api/articles/{article_id}")
    def article(article_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
        """One article: its text, debris, entities, quotes and claims, every span in place."""
        try:
            result = store().result(article_id)
        except NotFound:
            raise ApiError(404, "not_found", f"no article {article_id}") from None
        return {"article_id": article_id, **result.to_dict()}

    def quote_filters(
        speaker: str | None, type: str | None, since: date | None, until: date | None
    ) -> dict[str, str | None]:
        return {
            "speaker": speaker,
            "since": since.isoformat() if since else None,
            "until": until.isoformat() if until else None,
            "type": type,
        }

    def hits(
        q: str, filters: dict[str, str | None], limit: int, offset: int
    ) -> list[dict[str, Any]]:
        """A page of a search's hits."""
        try:
            found = store().search(q, **filters, limit=limit, offset=offset)
        except BadFilter as error:  # (a store that fails is a 500, from the edge)
            raise ApiError(400, "bad_query", str(error)) from None
        return [h.to_dict() for h in found]

    def found_quotes(
        q: str,
        speaker: str | None,
        type: str | None,
        since: date | None,
        until: date | None,
        limit: int,
        offset: int,
    ) -> tuple[list[dict[str, Any]], int]:
        """A page of a search's hits, and the number of all of them."""
        filters = quote_filters(speaker, type, since, until)
        page = hits(q, filters, limit, offset)  # (a bad filter is refused here, before the count)
        return page, store().count_quotes(q, **filters)

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
        """Quotes matching every word of ``q`` (text, speaker or title), best first;
        ``total`` counts every match, not only this page."""
        items, total = found_quotes(q, speaker, type, since, until, limit, offset)
        return {"items": items, "total": total, "limit": limit, "offset": offset}

    @app.get("/api/quotes/download")
    def download_quotes(
        q: Annotated[str, Query(max_length=500)] = "",
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        type: QuoteType = None,
        since: date | None = None,
        until: date | None = None,
        format: Annotated[str, Query(pattern="^(csv|json)$")] = "csv",
        limit: Annotated[int, Query(ge=1, le=MAX_DOWNLOAD)] = MAX_DOWNLOAD,
    ) -> Response:
        """A search as a file to download: CSV (one row per quote, a header row) or JSON
        (a list), the first ``limit`` matches (at most 10,000), best first."""
        items = hits(q, quote_filters(speaker, type, since, until), limit, 0)
        if format == "json":
            body = json.dumps(items, ensure_ascii=False, indent=1)
            kind = "application/json"
        else:
            out = io.StringIO()
            writer = csv.DictWriter(out, fieldnames=[f.name for f in dataclasses.fields(QuoteHit)])
            writer.writeheader()
            writer.writerows(items)
            body, kind = out.getvalue(), "text/csv; charset=utf-8"
        attachment = {"content-disposition": f"attachment; filename=quotes.{format}"}
        return Response(body, media_type=kind, headers=attachment)

    @app.get("/api/speakers")
    def speakers(
        q: Annotated[str, Query(max_length=200)] = "",
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """People and organizations quoted, most quoted first, with their roles; ``q`` keeps
        those whose name or an alias holds it (case and accents aside); ``total`` counts
        them all."""
        ranked = store().speakers()
        if q:
            needle = fold(q)
            ranked = [
                (e, n) for e, n in ranked if any(needle in fold(a) for a in (e.name, *e.aliases))
            ]
        return {
            "items": [
                {**entity.model_dump(exclude={"members"}), "quotes": count}
                for entity, count in ranked[offset : offset + limit]
            ],
            "total": len(ranked),
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
            "claims": flagged(current, current.claims(speaker_id=speaker_id, limit=10_000)),
        }

    @app.get("/api/claims")
    def claims(
        measure: Annotated[str | None, Query(max_length=200)] = None,
        speaker: Annotated[str | None, Query(max_length=200)] = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 100,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Claims, by measure (words it contains) and claimant (name or registry id), in time
        order; each carries its ``flags``: a change from the claimant's figure before it, or a
        contradiction of an earlier figure for the same period (kind, note, and the earlier
        claim's article and words), computed over every claim in the store."""
        current = store()
        try:
            items = current.claims(measure=measure, speaker=speaker, limit=limit, offset=offset)
        except BadFilter as error:  # (a store that fails is a 500, from the edge)
            raise ApiError(400, "bad_query", str(error)) from None
        return {"items": flagged(current, items), "limit": limit, "offset": offset}

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
    def page_error(error: ApiError | ValueError) -> str:
        return error.message if isinstance(error, ApiError) else str(error)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def search_page(
        q: Annotated[str, Query(max_length=500)] = "",
        speaker: Annotated[str, Query(max_length=200)] = "",
        type: Annotated[str, Query(max_length=20)] = "",
        since: Annotated[str, Query(max_length=20)] = "",
        until: Annotated[str, Query(max_length=20)] = "",
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
        limit: PageRows = PAGE_ROWS,
    ) -> Response:
        params = {"q": q, "speaker": speaker, "type": type, "since": since, "until": until}
        found: list[dict[str, Any]] = []
        total, error = 0, None
        try:
            if type and type not in pages.QUOTE_TYPES:
                raise ValueError(f"type: {type!r} is not one of " + ", ".join(pages.QUOTE_TYPES))
            found, total = found_quotes(
                q,
                speaker or None,
                type or None,
                _day("since", since),
                _day("until", until),
                limit,
                offset,
            )
        except (ApiError, ValueError) as failed:
            error = page_error(failed)
        found = canonical_names(store(), found)
        paging = pages.Paging("/", params, offset, limit, total)
        return HTMLResponse(
            pages.search_page(params, found, paging, error), status_code=400 if error else 200
        )

    @app.get("/articles", response_class=HTMLResponse, include_in_schema=False)
    def articles_page(
        outlet: Annotated[str, Query(max_length=200)] = "",
        since: Annotated[str, Query(max_length=20)] = "",
        until: Annotated[str, Query(max_length=20)] = "",
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        limit: PageRows = PAGE_ROWS,
    ) -> Response:
        params = {"outlet": outlet, "since": since, "until": until}
        listed: dict[str, Any] = {"items": [], "total": 0, "outlets": store().outlets()}
        error = None
        try:
            listed = articles(
                outlet=outlet or None,
                since=_day("since", since),
                until=_day("until", until),
                limit=limit,
                offset=offset,
            )
        except ValueError as failed:
            error = page_error(failed)
        paging = pages.Paging("/articles", params, offset, limit, listed["total"])
        return HTMLResponse(
            pages.articles_page(params, listed["items"], paging, listed["outlets"], error),
            status_code=400 if error else 200,
        )

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: Annotated[int, Path(ge=1, le=2**62)]) -> str:
        current = store()
        try:
            result = current.result(article_id)
        except NotFound:
            raise ApiError(404, "not_found", f"no article {article_id}") from None
        registry = current.registry()
        linked = {}
        for entity in result.entities:
            joined = registry.entity_of(str(article_id), entity.id)
            if joined is not None:
                linked[entity.id] = pages.Linked(joined.id, joined.name)
        return pages.article_page(article_id, result, linked)

    @app.get("/speakers", response_class=HTMLResponse, include_in_schema=False)
    def speakers_page(
        q: Annotated[str, Query(max_length=200)] = "",
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        limit: PageRows = PAGE_ROWS,
    ) -> str:
        listed = speakers(q=q, limit=limit, offset=offset)
        paging = pages.Paging("/speakers", {"q": q}, offset, limit, listed["total"])
        return pages.speakers_page({"q": q}, listed["items"], paging)

    @app.get("/speakers/{speaker_id}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(
        speaker_id: Annotated[str, Path(max_length=200)],
        offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
        limit: PageRows = PAGE_ROWS,
    ) -> str:
        entity = speaker(speaker_id)
        said, total = found_quotes("", speaker_id, None, None, None, limit, offset)
        articles = {m["article"] for m in entity["members"]}
        titles = store().article_titles(sorted(int(a) for a in articles if a.isdigit()))
        paging = pages.Paging(f"/speakers/{speaker_id}", {}, offset, limit, total)
        return pages.speaker_page(entity, said, paging, {str(k): v for k, v in titles.items()})

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


def canonical_names(store: Store, hits: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search hits with each registry speaker named as the registry names them ("Henrik
    Lund", where an article wrote "H. Lund"), for the pages."""
    registry = store.registry()
    named = []
    for hit in hits:
        try:
            name = registry.get(hit["speaker_id"]).name if hit["speaker_id"] else None
        except NotFound:
            name = None
        named.append({**hit, "speaker": name or hit["speaker"]})
    return named


def flagged(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Claims rows, each with its ``flags`` (:meth:`Store.claim_flags`)."""
    flags = store.claim_flags(rows)
    return [
        {**row, "flags": [dataclasses.asdict(f) for f in flags.get(_claim_key(row), [])]}
        for row in rows
    ]


def _claim_key(row: dict[str, Any]) -> tuple[int, str]:
    return int(row["article_id"]), str(row["claim_id"])


def _day(name: str, value: str) -> date | None:
    """A date typed into a form (YYYY-MM-DD), or None when left empty; a ValueError naming
    the field otherwise."""
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date (YYYY-MM-DD)") from None
