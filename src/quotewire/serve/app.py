"""The REST API over a store: one FastAPI app (``quotewire serve``).

Every error is one JSON shape with a 4xx status::

    {"error": {"status": 404, "code": "not_found", "message": "no article 12"}}

Reads go through a connection per worker thread; ingest by POST is off unless a token is
configured, and its body is size-limited.
"""

from __future__ import annotations

import hmac
import threading
from datetime import date
from typing import Annotated, Any

from fastapi import FastAPI, Header, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from quotewire.errors import InputError, QuotewireError
from quotewire.pipeline import Document, run_one
from quotewire.serve import pages
from quotewire.store import Store, open_store
from quotewire.store.sqlite import content_hash

MAX_INGEST_BYTES = 2_000_000
QuoteType = Annotated[str | None, Query(pattern="^(direct|indirect|mixed|headline)$")]


class ApiError(Exception):
    """An error with its HTTP status and a short code; rendered as the one error shape."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class IngestRequest(BaseModel):
    """One article to ingest: its ``text`` or its ``html`` (with its ``url``)."""

    text: str | None = Field(default=None, max_length=MAX_INGEST_BYTES)
    html: str | None = Field(default=None, max_length=MAX_INGEST_BYTES)
    url: str | None = Field(default=None, max_length=2000)
    id: str | None = Field(default=None, max_length=200)


def _error(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": {"status": status, "code": code, "message": message}}
    )


def create_app(db: str, *, ingest_token: str | None = None) -> FastAPI:
    """The API over the store at ``db`` (opened now; read-only unless ingest is on)."""
    read_only = ingest_token is None
    open_store(db, read_only=read_only).close()  # a bad store fails here, not at a request
    local = threading.local()
    nlp: list[Any] = []
    lock = threading.Lock()

    def store() -> Store:
        current: Store | None = getattr(local, "store", None)
        if current is None:
            current = local.store = open_store(db, read_only=read_only)
            local.version = None
        version = current.version()
        if version != local.version:  # another connection wrote: reload the registry
            current.forget_registry()
            local.version = version
        return current

    app = FastAPI(
        title="quotewire",
        description="Who said what, with which numbers, and when: quotes, speakers and claims "
        "from the articles in a quotewire store.",
        version="1",
    )

    @app.middleware("http")
    async def limit_body(request: Request, call_next: Any) -> Any:
        length = request.headers.get("content-length", "")
        if length and (not length.isdigit() or int(length) > MAX_INGEST_BYTES + 10_000):
            return _error(
                413, "too_large", f"a request body is limited to {MAX_INGEST_BYTES:,} bytes"
            )
        return await call_next(request)

    @app.exception_handler(ApiError)
    async def api_error(_: Request, error: ApiError) -> JSONResponse:
        return _error(error.status, error.code, error.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(error.status_code, "bad_request")
        return _error(error.status_code, code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return _error(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

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
        except QuotewireError:
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
        except QuotewireError as error:
            raise ApiError(400, "bad_query", str(error)) from None
        return {"items": [h.to_dict() for h in hits], "limit": limit, "offset": offset}

    @app.get("/api/speakers")
    def speakers() -> dict[str, Any]:
        """People and organizations quoted, most quoted first, with their roles."""
        return {
            "items": [
                {**entity.model_dump(exclude={"members"}), "quotes": count}
                for entity, count in store().speakers()
            ]
        }

    @app.get("/api/speakers/{speaker_id}")
    def speaker(speaker_id: Annotated[str, Path(max_length=200)]) -> dict[str, Any]:
        """One speaker: roles, the articles that joined it and why, quotes per month, claims."""
        current = store()
        try:
            entity = current.registry().get(speaker_id)
        except QuotewireError:
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
        items = store().claims(measure=measure, speaker=speaker, limit=limit, offset=offset)
        return {"items": items, "limit": limit, "offset": offset}

    @app.post("/api/ingest", status_code=201)
    def ingest(
        body: IngestRequest,
        authorization: Annotated[str | None, Header(max_length=500)] = None,
    ) -> dict[str, Any]:
        """Ingest one article (needs ``Authorization: Bearer <token>``; off without a token)."""
        if ingest_token is None:
            raise ApiError(403, "ingest_disabled", "ingest is off: start with an ingest token")
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not hmac.compare_digest(given.encode(), ingest_token.encode()):
            raise ApiError(401, "unauthorized", "a valid Bearer token is needed to ingest")
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
        try:
            result = run_one(document, nlp=nlp[0])
        except InputError as error:
            raise ApiError(422, "bad_input", str(error)) from None
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
        except QuotewireError:
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

    return app


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None
