"""Running the app: uvicorn with the limits a server open to clients needs.

uvicorn's defaults keep a connection that never finishes its request headers open for ever, and
accept connections until the process runs out of file descriptors (then asyncio logs every
failed ``accept()`` with its traceback, thousands a second). Here:

- a request's headers must be complete within ``header_timeout`` seconds of the connection
  opening, or of the previous response on it; otherwise the connection is closed;
- an idle keep-alive connection is closed after ``keep_alive`` seconds (uvicorn's own timer);
- at most ``max_connections`` connections are open at once. When one more comes, the connection
  that has waited longest for its request headers (a slow client, or an idle keep-alive one) is
  closed to make room; only when every connection is busy with a request is the new one answered
  ``503`` and closed, before it is read. asyncio accepts up to a backlog's worth of connections
  at a time before any of them is looked at, and those it pushes out are closed a turn of the
  loop later: the backlog is kept to :data:`ACCEPT_BURST`, and the process's open-file limit is
  checked (raised up to its hard limit if need be) to hold the connections, three such bursts
  and :data:`SPARE_FILES`;
- the log is rate-limited: each distinct message (a refused or timed-out connection, a bad
  request, a failed ``accept()``, a request that failed) once per :data:`LOG_INTERVAL` seconds,
  and at most :data:`LOG_BURST` messages in that time, with a count of those left out.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from quotewire.errors import QuotewireError

LOG_INTERVAL = 10.0
LOG_BURST = 20
ACCEPT_BURST = 32  # connections asyncio accepts in one go (the listening backlog)
SPARE_FILES = 64  # descriptors beyond the connections: the stores of the app's worker threads
# (serve.app.WORKER_THREADS, up to 3 files each), the model's files, the logs
REFUSED = (
    b"HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/plain; charset=utf-8\r\n"
    b"content-length: 26\r\nretry-after: 1\r\nconnection: close\r\n\r\n"
    b"too many open connections\n"
)

log = logging.getLogger("quotewire.serve")


@dataclass(frozen=True)
class Limits:
    """How long a client may take, and how many may be connected at once."""

    header_timeout: float = 10.0
    keep_alive: int = 5
    max_connections: int = 256
    body_timeout: float = 60.0


class RateLimitedLog(logging.Filter):
    """Lets each distinct message through once per ``interval`` seconds, and ``burst`` messages
    per interval in all; the next message let through says how many were left out."""

    def __init__(self, interval: float = LOG_INTERVAL, burst: int = LOG_BURST) -> None:
        super().__init__()
        self.interval = interval
        self.burst = burst
        self.last: dict[str, float] = {}  # message -> when it was last let through
        self.window = -interval
        self.let_through = 0
        self.left_out = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self.window >= self.interval:
            self.window, self.let_through = now, 0
            self.last = {m: t for m, t in self.last.items() if now - t < self.interval}
        message = f"{record.name}: {record.getMessage()}"
        if message in self.last or self.let_through >= self.burst:
            self.left_out += 1
            return False
        self.last[message] = now
        self.let_through += 1
        if self.left_out:
            note = f"{self.left_out} repeated or similar messages left out of the log before this"
            record.msg, record.args = f"{record.getMessage()} ({note})", None
            self.left_out = 0
        return True


def guarded_protocol(limits: Limits) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a header deadline and a connection limit."""

    # the connections awaiting request headers, the longest waiting first
    waiting: dict[GuardedH11Protocol, None] = {}

    class GuardedH11Protocol(H11Protocol):  # type: ignore[misc]
        header_timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            if len(self.connections) > limits.max_connections:
                if waiting:
                    oldest = next(iter(waiting))
                    log.warning(
                        "%d connections open (--limit-concurrency): closed the one waiting "
                        "longest for its request headers",
                        limits.max_connections,
                    )
                    oldest._close_waiting()
                else:
                    log.warning(
                        "%d connections open and busy (--limit-concurrency): refused one",
                        limits.max_connections,
                    )
                    transport.write(REFUSED)
                    transport.close()
                    return
            self._watch_headers()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            self._watch_headers()

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._watch_headers()

        def connection_lost(self, exc: Exception | None) -> None:
            self._stop_header_timer()
            super().connection_lost(exc)

        def _watch_headers(self) -> None:
            """Arm the deadline while the next request's headers are awaited, else disarm it."""
            awaited = self.conn.their_state is h11.IDLE and not self.transport.is_closing()
            if not awaited:
                self._stop_header_timer()
            elif self.header_timer is None:
                self.header_timer = self.loop.call_later(
                    limits.header_timeout, self._headers_too_slow
                )
                waiting[self] = None

        def _stop_header_timer(self) -> None:
            waiting.pop(self, None)
            if self.header_timer is not None:
                self.header_timer.cancel()
                self.header_timer = None

        def _headers_too_slow(self) -> None:
            self.header_timer = None
            if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                log.warning(
                    "closed a connection that sent no complete request headers in %g s "
                    "(--header-timeout)",
                    limits.header_timeout,
                )
                self._close_waiting()

        def _close_waiting(self) -> None:
            self._stop_header_timer()
            self.transport.close()

    return GuardedH11Protocol


def files_needed(connections: int) -> int:
    """Descriptors a server holding ``connections`` may have open at once: those, the bursts
    accepted while the connections they push out are being closed, and the spare ones."""
    return connections + 3 * min(connections, ACCEPT_BURST) + SPARE_FILES


def ensure_open_files(connections: int) -> None:
    """Raise the process's soft open-file limit as far as needed to hold ``connections`` (up to
    the hard limit); an error naming the option if even that is too low."""
    try:
        import resource
    except ImportError:  # not on this platform: nothing to check
        return
    needed = files_needed(connections)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= needed:
        return
    if hard != resource.RLIM_INFINITY and hard < needed:
        raise QuotewireError(
            f"--limit-concurrency {connections}: needs {needed} open files, and this process "
            f"may open {hard} at most (raise `ulimit -n`, or lower --limit-concurrency)"
        )
    resource.setrlimit(resource.RLIMIT_NOFILE, (needed, hard))


def quiet_logging() -> None:
    """Warnings and errors on standard error, repeated ones rate-limited; no access log."""
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RateLimitedLog())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(logging.WARNING)


def run(app: Any, *, host: str, port: int, limits: Limits) -> None:
    """Serve ``app`` until interrupted."""
    import uvicorn

    ensure_open_files(limits.max_connections)
    quiet_logging()
    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        http=guarded_protocol(limits),
        timeout_keep_alive=limits.keep_alive,
        backlog=min(limits.max_connections, ACCEPT_BURST),
        timeout_graceful_shutdown=10,
        log_config=None,
        log_level="warning",
        access_log=False,
        server_header=False,
        lifespan="on",  # (the app caps its worker threads at start)
    )
    uvicorn.Server(config).run()
