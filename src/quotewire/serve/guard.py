"""The edge of ``quotewire serve``: a pure ASGI layer in front of the FastAPI app that refuses
what the app should never see, before any body is read.

- ``POST /api/ingest``: refused with 403 when ingest is off and 401 unless the request bears
  ``Authorization: Bearer <token>``, both before a byte of the body is read; then the body is read
  here, whatever its transfer encoding (``Content-Length`` or chunked), and cut off with 413 at
  :data:`MAX_BODY_BYTES` (or 408 when it has not all arrived within ``body_timeout`` seconds).
  A refused request's connection is closed, so an unread body is never drained.
- Any other request that carries a body gets its answer with ``Connection: close``: no other
  route reads a body, and the server does not go on reading one nobody wants.
- Control characters (C0 but tab, line feed and carriage return) in the path or in any query
  parameter's name or value: 422, before any route sees them.
- Every response gets the security headers (:func:`security_headers`).
- An exception that reaches this layer is logged here, once, with its traceback; the client gets
  the 500 in the documented shape (JSON for the API, an HTML page for the browser's pages).

Errors are the app's one shape: JSON ``{"error": {"status", "code", "message"}}`` for the API,
and for the web pages (:func:`is_page`) an HTML page saying the same.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from quotewire.serve import pages

Message = MutableMapping[str, Any]
Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_INGEST_CHARS = 2_000_000
MAX_BODY_BYTES = MAX_INGEST_CHARS + 10_000  # the article's text or HTML, and its JSON around it
INGEST_PATH = "/api/ingest"
ALLOWED_CONTROLS = frozenset("\t\n\r")
PAGE_PATHS = frozenset({"/", "/articles", "/speakers", "/claims", "/docs", "/redoc"})
PAGE_PREFIXES = ("/articles/", "/speakers/")

# no script on the pages, no style but the served sheet, nothing from elsewhere
PAGE_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
# Swagger UI: its script, its start-up script and its style sheet all served from here
SWAGGER_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# ReDoc writes its styles into <style> elements from script, and searches in a worker made from
# a blob: URL: both allowed on /redoc alone
REDOC_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; worker-src blob:; base-uri 'none'; "
    "frame-ancestors 'none'"
)
OTHER_POLICY = "default-src 'none'; frame-ancestors 'none'"
COMMON_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
)

log = logging.getLogger("quotewire.serve")


@dataclass(frozen=True)
class Refusal:
    """A request answered here, without the app: its status, error code and message."""

    status: int
    code: str
    message: str
    headers: tuple[tuple[bytes, bytes], ...] = ()


def is_page(path: str) -> bool:
    """Whether ``path`` is one of the browser's pages (errors there are HTML, not JSON)."""
    return path in PAGE_PATHS or path.startswith(PAGE_PREFIXES)


def control_character(value: str) -> str | None:
    """The first control character in ``value`` that is refused, as ``U+0000``, or None."""
    for char in value:
        if char < " " and char not in ALLOWED_CONTROLS:
            return f"U+{ord(char):04X}"
    return None


def parameter_problem(scope: Scope) -> str | None:
    """What is wrong with the request's path or query parameters, or None."""
    found = control_character(scope.get("path", ""))
    if found:
        return f"path: contains a control character ({found})"
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True):
        found = control_character(name) or control_character(value)
        if found:
            return f"query.{repr(name)[1:-1]}: contains a control character ({found})"
    return None


def ingest_refusal(token: str | None, headers: list[tuple[bytes, bytes]]) -> Refusal | None:
    """Why an ingest request is refused before its body is read, or None: ingest off, a missing
    or wrong bearer token, or a declared length over the limit. The token is compared in
    constant time; only ``Authorization: Bearer <token>`` is taken (the scheme in any case)."""
    if token is None:
        return Refusal(403, "ingest_disabled", "ingest is off: start with an ingest token")
    given = [value for name, value in headers if name.lower() == b"authorization"]
    scheme, _, credentials = (given[0].decode("latin-1") if len(given) == 1 else "").partition(" ")
    matches = hmac.compare_digest(credentials.strip().encode(), token.encode())
    if scheme.lower() != "bearer" or not matches:
        return Refusal(
            401,
            "unauthorized",
            "a valid 'Authorization: Bearer <token>' header is needed to ingest",
            ((b"www-authenticate", b"Bearer"),),
        )
    lengths = [value for name, value in headers if name.lower() == b"content-length"]
    if lengths and not (len(lengths) == 1 and lengths[0].isdigit()):
        return Refusal(400, "bad_request", "Content-Length is not one number")
    if lengths and int(lengths[0]) > MAX_BODY_BYTES:
        return _too_large()
    return None


def security_headers(path: str, content_type: bytes) -> list[tuple[bytes, bytes]]:
    """The headers every response gets; the policy depends on what the response is."""
    if not content_type.startswith(b"text/html"):
        policy = OTHER_POLICY
    else:
        policy = {"/docs": SWAGGER_POLICY, "/redoc": REDOC_POLICY}.get(path, PAGE_POLICY)
    return [*COMMON_HEADERS, (b"content-security-policy", policy.encode())]


def error_body(path: str, status: int, code: str, message: str) -> tuple[bytes, bytes]:
    """The error response's body and content type: HTML on the pages, else the JSON shape."""
    if is_page(path):
        return pages.error_page(status, message).encode(), b"text/html; charset=utf-8"
    shape = {"error": {"status": status, "code": code, "message": message}}
    return json.dumps(shape).encode(), b"application/json"


class Guard:
    """The ASGI app that answers at the edge and passes the rest to ``app``."""

    def __init__(self, app: ASGIApp, *, ingest_token: str | None, body_timeout: float) -> None:
        self.app = app
        self.ingest_token = ingest_token
        self.body_timeout = body_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False
        path = scope.get("path", "")
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers", []))
        close = _has_body(headers)

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                out = list(message.get("headers", []))
                kind = next((v for k, v in out if k.lower() == b"content-type"), b"")
                out += security_headers(path, kind)
                if close and not any(k.lower() == b"connection" for k, _ in out):
                    out.append((b"connection", b"close"))
                message = {**message, "headers": out}
            await send(message)

        try:
            problem = parameter_problem(scope)
            if problem:
                await _answer(guarded_send, path, Refusal(422, "invalid_request", problem))
                return
            if path == INGEST_PATH and scope.get("method") == "POST":
                refusal = ingest_refusal(self.ingest_token, headers)
                body = None
                if refusal is None:
                    body, refusal = await self._read_body(receive)
                if refusal is not None:
                    await _answer(guarded_send, path, refusal)
                if body is None:
                    return  # refused, or the client went away
                close = False  # the body is read: the connection may go on
                receive = _replay(body, receive)
            await self.app(scope, receive, guarded_send)
        except Exception as error:
            log.error("%s %s failed", scope.get("method"), path, exc_info=error)
            if not started:
                message = "internal error: the server's log has the details"
                await _answer(guarded_send, path, Refusal(500, "internal_error", message))

    async def _read_body(self, receive: Receive) -> tuple[bytes | None, Refusal | None]:
        """The whole body, read up to the limit (None if the client left), or the refusal."""
        chunks: list[bytes] = []
        size = 0
        try:
            async with asyncio.timeout(self.body_timeout):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return None, None
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > MAX_BODY_BYTES:
                        return None, _too_large()
                    chunks.append(chunk)
                    if not message.get("more_body", False):
                        return b"".join(chunks), None
        except TimeoutError:
            seconds = f"{self.body_timeout:g}"
            return None, Refusal(408, "request_timeout", f"the body did not arrive in {seconds} s")


def _too_large() -> Refusal:
    return Refusal(413, "too_large", f"a request body is limited to {MAX_BODY_BYTES:,} bytes")


def _has_body(headers: list[tuple[bytes, bytes]]) -> bool:
    for name, value in headers:
        lowered = name.lower()
        if lowered == b"transfer-encoding" or (lowered == b"content-length" and value != b"0"):
            return True
    return False


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that gives the body read already, then what the server says next."""
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def replayed() -> Message:
        return pending.pop() if pending else await receive()

    return replayed


async def _answer(send: Send, path: str, refusal: Refusal) -> None:
    body, kind = error_body(path, refusal.status, refusal.code, refusal.message)
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        *refusal.headers,
    ]
    await send({"type": "http.response.start", "status": refusal.status, "headers": headers})
    await send({"type": "http.response.body", "body": body, "more_body": False})
