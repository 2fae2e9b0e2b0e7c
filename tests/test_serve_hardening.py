"""``quotewire serve`` under hostile or careless clients, each against a real server process:
bodies refused before they are read, the bearer token checked first, control characters refused
at the edge, slow or idle connections closed, a connection limit that keeps the server
reachable, 500s in the error shape, security headers, and pages that render in linear time."""

from __future__ import annotations

import contextlib
import os
import re
import resource
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import quote as url_quote

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotewire.model import Article, Entity, Mention, Quote, Result, Span, Speaker
from quotewire.serve import pages
from quotewire.store import open_store

MB = 1024 * 1024


@dataclass
class Server:
    base: str
    process: subprocess.Popen[bytes]
    log: Path

    def memory(self) -> dict[str, int]:
        """The server process's peak and current resident memory, in kB."""
        fields = {}
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            name, _, value = line.partition(":")
            if name in ("VmHWM", "VmRSS"):
                fields[name] = int(value.split()[0])
        return fields


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def serving(
    db: str,
    *args: str,
    folder: Path,
    env: dict[str, str] | None = None,
    preexec: Callable[[], None] | None = None,
) -> Iterator[Server]:
    """``quotewire serve`` over ``db`` (created first, as ``ingest`` would: without an ingest
    token the server opens it read-only) with ``args``, its standard error in a file."""
    open_store(db).close()
    port = _free_port()
    log = folder / f"serve-{port}.log"
    environment = {k: v for k, v in os.environ.items() if k != "QUOTEWIRE_INGEST_TOKEN"}
    with log.open("wb") as err:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "quotewire.cli",
                "serve",
                "--db",
                db,
                "--port",
                str(port),
                *args,
            ],
            env={**environment, **(env or {})},
            stdout=subprocess.DEVNULL,
            stderr=err,
            preexec_fn=preexec,
        )
    server = Server(f"http://127.0.0.1:{port}", process, log)
    try:
        deadline = time.time() + 60
        while time.time() < deadline:
            try:
                if httpx.get(f"{server.base}/api/articles", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start: " + log.read_text())
        assert process.poll() is None, log.read_text()
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _error(response: httpx.Response) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"status", "code", "message"}
    assert body["error"]["status"] == response.status_code
    return dict(body["error"])


def _chunks(total: int, sent: list[int], size: int = MB) -> Iterator[bytes]:
    """A JSON body of about ``total`` bytes in chunks (so sent chunked, with no length);
    ``sent`` counts the bytes handed to the client."""
    yield b'{"text": "'
    while sum(sent) < total:
        sent.append(size)
        yield b"x" * size
    yield b'"}'


# ---- ingest: refused before the body is read, cut off at the limit ----------------------------


def test_ingest_off_refuses_a_chunked_body_without_reading_it(tmp_path: Path) -> None:
    with serving(str(tmp_path / "q.db"), folder=tmp_path) as server:
        before = server.memory()
        sent: list[int] = []
        response = httpx.post(
            f"{server.base}/api/ingest", content=_chunks(50 * MB, sent), timeout=60
        )
        after = server.memory()
        assert response.status_code == 403 and _error(response)["code"] == "ingest_disabled"
        grown = (after["VmHWM"] - before["VmHWM"]) // 1024
        assert grown < 30, f"the server's peak memory grew by {grown} MB for a refused body"
        assert sum(sent) < 40 * MB, "the connection was closed, not the body read to its end"


def test_a_chunked_body_over_the_limit_gets_413_and_is_cut_off(tmp_path: Path) -> None:
    token = tmp_path / "token"
    token.write_text("file-token-93ab\nsecond line is not the token\n")
    db = str(tmp_path / "q.db")
    with serving(db, "--ingest-token-file", str(token), folder=tmp_path) as server:
        before = server.memory()
        sent: list[int] = []
        response = httpx.post(
            f"{server.base}/api/ingest",
            content=_chunks(200 * MB, sent),
            headers={"Authorization": "Bearer file-token-93ab"},
            timeout=60,
        )
        assert response.status_code == 413 and _error(response)["code"] == "too_large"
        assert sum(sent) < 50 * MB, "the body was cut off near the limit"
        grown = (server.memory()["VmHWM"] - before["VmHWM"]) // 1024
        assert grown < 30, f"the server's peak memory grew by {grown} MB"
        declared = httpx.post(
            f"{server.base}/api/ingest",
            content=b"x" * (3 * MB),
            headers={"Authorization": "Bearer file-token-93ab"},
            timeout=60,
        )
        assert declared.status_code == 413
        # the token from the file's first line works, and the server is still there
        story = (
            "Ferry fares rise\n\nFerry fares will rise by 6% in April, transport director "
            "Lena Holm said on Tuesday."
        )
        added = httpx.post(
            f"{server.base}/api/ingest",
            json={"text": story},
            headers={"Authorization": "bearer file-token-93ab"},
            timeout=120,
        )
        assert added.status_code == 201 and added.json()["added"] is True
        assert "file-token-93ab" not in server.log.read_text()


def test_a_body_that_does_not_arrive_in_time_gets_408(tmp_path: Path) -> None:
    options = ("--body-timeout", "1", "--header-timeout", "60")
    environment = {"QUOTEWIRE_INGEST_TOKEN": "slow-body-token"}
    with serving(str(tmp_path / "q.db"), *options, folder=tmp_path, env=environment) as server:
        port = int(server.base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as slow:
            slow.sendall(
                b"POST /api/ingest HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Authorization: Bearer slow-body-token\r\nContent-Length: 100\r\n\r\n"
                b'{"text": "'
            )
            answer = b""
            while chunk := slow.recv(4096):  # until the server closes the connection
                answer += chunk
            assert answer.startswith(b"HTTP/1.1 408") and b"request_timeout" in answer


def test_ingest_checks_the_bearer_token_before_the_body(api: str, ingest_token: str) -> None:
    url = f"{api}/api/ingest"
    bare = httpx.post(url, json={"text": "Nothing here."}, headers={"Authorization": ingest_token})
    assert bare.status_code == 401 and _error(bare)["code"] == "unauthorized"
    assert bare.headers["www-authenticate"] == "Bearer"
    basic = httpx.post(url, json={"text": "x"}, headers={"Authorization": f"Basic {ingest_token}"})
    assert basic.status_code == 401
    wrong = httpx.post(url, json={"text": "x"}, headers={"Authorization": "Bearer not-it"})
    assert wrong.status_code == 401
    # a broken body from someone without the token learns nothing about the body's shape
    for body in (b"{not json", b'{"text": 5, "extra": true}', b"[]"):
        refused = httpx.post(url, content=body, headers={"Content-Type": "application/json"})
        assert refused.status_code == 401, refused.text
        assert "text" not in _error(refused)["message"]
    # with the token, the same broken body is a 422 in the error shape
    broken = httpx.post(
        url,
        content=b'{"text": 5}',
        headers={"Authorization": f"Bearer {ingest_token}", "Content-Type": "application/json"},
    )
    assert broken.status_code == 422 and _error(broken)["code"] == "invalid_request"


def test_a_get_with_a_body_is_answered_and_its_connection_closed(api: str) -> None:
    sent: list[int] = []
    response = httpx.request(
        "GET", f"{api}/api/articles", content=_chunks(30 * MB, sent), timeout=60
    )
    assert response.status_code == 200 and response.headers["connection"] == "close"
    assert sum(sent) < 25 * MB


# ---- the token kept out of the process list ---------------------------------------------------


def _serve_command(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "serve", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_an_unusable_token_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.write_text("\n  \n")
    db = str(tmp_path / "q.db")
    for path, reason in (
        (tmp_path / "missing", "No such file"),
        (empty, "first line is empty"),
        (tmp_path, "Is a directory"),
    ):
        done = _serve_command("--db", db, "--ingest-token-file", str(path))
        assert done.returncode == 2, done.stderr
        assert done.stderr.count("\n") == 1 and reason in done.stderr and str(path) in done.stderr
    both = _serve_command("--ingest-token", "a", "--ingest-token-file", str(empty))
    assert both.returncode == 2 and "not allowed with" in both.stderr
    helped = " ".join(_serve_command("--help").stdout.split())
    assert "QUOTEWIRE_INGEST_TOKEN" in helped and "--ingest-token-file" in helped
    assert "process list" in helped


def test_the_start_up_line_shows_no_database_password(postgres_server: str, tmp_path: Path) -> None:
    import psycopg

    name = f"serve_pw_{os.getpid()}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    host = postgres_server.split("@", 1)[1].rsplit("/", 1)[0]
    url = f"postgresql://postgres:sesame-71x@{host}/{name}"  # (trust: the password is unused)
    with serving(url, folder=tmp_path) as server:
        started = server.log.read_text()
    assert "serving postgresql://postgres:***@" in started and "sesame-71x" not in started


# ---- control characters refused at the edge ---------------------------------------------------

API_PARAMETERS = [
    ("/api/quotes", "q"),
    ("/api/quotes", "speaker"),
    ("/api/quotes", "type"),
    ("/api/quotes", "since"),
    ("/api/claims", "measure"),
    ("/api/claims", "speaker"),
    ("/api/articles", "limit"),
]
PAGE_PARAMETERS = [("/", "q"), ("/", "speaker"), ("/", "since"), ("/claims", "measure")]


@pytest.mark.parametrize("bad", ["\x00", "tax\x00es", "\x1b[31m", "a\x08b"])
def test_control_characters_are_a_422_on_every_route(api: str, bad: str) -> None:
    for path, name in API_PARAMETERS:
        response = httpx.get(f"{api}{path}", params={name: bad})
        assert response.status_code == 422, (path, name, response.text)
        error = _error(response)
        assert error["code"] == "invalid_request" and f"query.{name}" in error["message"]
    for path in ("/api/speakers/", "/api/articles/"):
        response = httpx.get(f"{api}{path}{url_quote('x' + bad, safe='')}")
        assert response.status_code == 422 and "control character" in _error(response)["message"]
    for path, name in PAGE_PARAMETERS:
        page = httpx.get(f"{api}{path}", params={name: bad})
        assert page.status_code == 422 and page.headers["content-type"].startswith("text/html")
        assert "control character" in page.text and "<header>" in page.text
    speaker_page = httpx.get(f"{api}/speakers/person%00x")
    assert speaker_page.status_code == 422 and "control character" in speaker_page.text


def test_tabs_and_newlines_are_still_words(api: str) -> None:
    found = httpx.get(f"{api}/api/quotes", params={"q": "inflation\t", "speaker": "Henrik\nLund"})
    assert found.status_code == 200
    assert httpx.get(f"{api}/", params={"q": "inflation\r\n"}).status_code == 200


# ---- 500s: the error shape, no traceback, logged once -----------------------------------------


def _drop_tables(db: str) -> None:
    """Break the store under the running server: its quotes and claims tables are gone."""
    if db.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(db, autocommit=True) as connection:
            connection.execute("DROP TABLE quotes, claims CASCADE")
    else:
        import sqlite3

        with contextlib.closing(sqlite3.connect(db)) as connection:
            connection.execute("DROP TABLE quotes")
            connection.execute("DROP TABLE claims")
            connection.commit()


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_a_store_failing_at_request_time_is_a_500_in_the_error_shape(
    kind: str, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    if kind == "sqlite":
        db = str(tmp_path / "q.db")
    else:
        import psycopg

        server_url = request.getfixturevalue("postgres_server")
        name = f"serve_fail_{os.getpid()}"
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        db = server_url.rsplit("/", 1)[0] + f"/{name}"
    with serving(db, folder=tmp_path) as server:
        assert httpx.get(f"{server.base}/api/speakers").status_code == 200
        _drop_tables(db)
        failed = httpx.get(f"{server.base}/api/speakers")
        assert failed.status_code == 500
        error = _error(failed)
        assert error["code"] == "internal_error" and "log" in error["message"]
        assert "Traceback" not in failed.text and "quotes" not in failed.text
        page = httpx.get(f"{server.base}/claims", params={"measure": "tax"})
        assert page.status_code == 500 and page.headers["content-type"].startswith("text/html")
        assert "Error 500" in page.text and "Traceback" not in page.text
        time.sleep(0.5)
        log = server.log.read_text()
    assert log.count("Traceback") == 2, log  # each failure logged once, with its traceback
    assert "GET /api/speakers failed" in log and "Exception in ASGI application" not in log


# ---- slow and idle connections, and the connection limit --------------------------------------


def _slow_connections(server: Server, count: int) -> list[socket.socket]:
    """Connections that send the start of a request line and never finish it."""
    port = int(server.base.rsplit(":", 1)[1])
    opened = []
    for _ in range(count):
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(b"GET /api/articles HT")
        opened.append(connection)
    return opened


def _closed_by_server(connection: socket.socket, within: float) -> bool:
    """Whether the server closes ``connection`` (or answers it and closes) within the time."""
    connection.settimeout(within)
    try:
        while connection.recv(4096):
            pass
        return True
    except TimeoutError:
        return False
    except OSError:
        return True


def test_connections_that_never_finish_their_headers_are_closed(tmp_path: Path) -> None:
    options = ("--header-timeout", "1", "--limit-concurrency", "40")
    with serving(str(tmp_path / "q.db"), *options, folder=tmp_path) as server:
        slow = _slow_connections(server, 30)
        with httpx.Client() as client:  # a normal client meanwhile
            assert client.get(f"{server.base}/api/articles", timeout=5).status_code == 200
        assert all(_closed_by_server(c, within=20) for c in slow)
        for connection in slow:
            connection.close()
        # the second request on a kept-alive connection has the same deadline
        port = int(server.base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as kept:
            kept.sendall(b"GET /api/articles HTTP/1.1\r\nHost: x\r\n\r\n")
            assert kept.recv(4096).startswith(b"HTTP/1.1 200")
            kept.sendall(b"GET /api/articles HTTP/1.1\r\nHo")
            assert _closed_by_server(kept, within=20)
        log = server.log.read_text()
    assert "--header-timeout" in log and log.count("\n") < 10, log


def test_idle_keep_alive_connections_are_closed(tmp_path: Path) -> None:
    options = ("--timeout-keep-alive", "1", "--header-timeout", "60")
    with serving(str(tmp_path / "q.db"), *options, folder=tmp_path) as server:
        port = int(server.base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=10) as idle:
            idle.sendall(b"GET /api/articles HTTP/1.1\r\nHost: x\r\n\r\n")
            assert idle.recv(4096).startswith(b"HTTP/1.1 200")
            assert _closed_by_server(idle, within=20)


def _low_file_limit() -> None:
    resource.setrlimit(resource.RLIMIT_NOFILE, (256, 256))


def test_more_slow_connections_than_files_leave_the_server_reachable(tmp_path: Path) -> None:
    """The audit's case: more slow connections than the process may open files. The newest
    connections push out the ones waiting longest for their headers, a normal request is served
    all along, and the log stays a few lines."""
    options = ("--limit-concurrency", "80", "--header-timeout", "30")
    db = str(tmp_path / "q.db")
    with serving(db, *options, folder=tmp_path, preexec=_low_file_limit) as server:
        slow = _slow_connections(server, 400)
        with httpx.Client() as client:
            for _ in range(3):
                assert client.get(f"{server.base}/api/articles", timeout=10).status_code == 200
        assert sum(_closed_by_server(c, within=0.5) for c in slow[:300]) >= 300 - 80
        for connection in slow:
            connection.close()
        time.sleep(0.5)
        log = server.log.read_text()
    assert len(log) < 2000 and "Too many open files" not in log, log


def test_a_limit_the_file_limit_cannot_hold_is_refused_at_start(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "serve",
            "--db",
            str(tmp_path / "q.db"),
            "--limit-concurrency",
            "1000",
            "--port",
            str(_free_port()),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_low_file_limit,
    )
    assert done.returncode == 2 and "--limit-concurrency 1000" in done.stderr
    assert done.stderr.count("\n") == 1, done.stderr


# ---- security headers and the docs' assets ------------------------------------------------------


def test_security_headers_on_pages_docs_and_api(api: str) -> None:
    inline_script = re.compile(r"<script(?![^>]*\bsrc=)", re.IGNORECASE)
    for path in ("/", "/articles/1", "/speakers/person:maria-kowalska", "/claims", "/docs"):
        response = httpx.get(f"{api}{path}")
        assert response.status_code == 200, path
        policy = response.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy, path
        assert "default-src 'none'" in policy and "https:" not in policy
        assert not inline_script.search(response.text), f"an inline script on {path}"
        assert "style=" not in response.text and "<style" not in response.text, path
    redoc = httpx.get(f"{api}/redoc")
    assert "script-src 'self'" in redoc.headers["content-security-policy"]
    assert not inline_script.search(redoc.text)
    for path in ("/", "/docs", "/redoc", "/api/articles", "/api/nowhere", "/style.css"):
        response = httpx.get(f"{api}{path}")
        assert response.headers["x-content-type-options"] == "nosniff", path
        assert response.headers["x-frame-options"] == "DENY", path
        assert response.headers["referrer-policy"] == "no-referrer", path
        assert "server" not in response.headers, path
    for path in ("/docs", "/redoc"):
        html = httpx.get(f"{api}{path}").text
        assets = re.findall(r"(?:src|href)='([^']+)'", html)
        assert assets and all(a.startswith("/") for a in assets), assets
        for asset in assets:
            served = httpx.get(f"{api}{asset}")
            assert served.status_code == 200 and len(served.content) > 100, asset
            assert b"cdn.redoc.ly" not in served.content


# ---- pages render in linear time ---------------------------------------------------------------


def synthetic_result(quotes: int) -> Result:
    """An article of ``quotes`` one-line quotes by 40 speakers, each with its cue and mention."""
    lines, spans = [], []
    at = 0
    for n in range(quotes):
        said = f"Figure {n} moved by {n % 7} points"
        who = f"Speaker{n % 40} Example"
        line = f'"{said}," {who} said.\n'
        content = (at + 1, at + 1 + len(said))
        mention = (at + len(said) + 4, at + len(said) + 4 + len(who))
        cue = (mention[1] + 1, mention[1] + 5)
        spans.append((content, mention, cue, n % 40))
        lines.append(line)
        at += len(line)
    text = "Synthetic figures\n\n" + "".join(lines)
    shift = len("Synthetic figures\n\n")

    def span(bounds: tuple[int, int]) -> Span:
        return Span.of(text, bounds[0] + shift, bounds[1] + shift)

    entities = [Entity(id=f"e{k}", name=f"Speaker{k} Example", type="PERSON") for k in range(40)]
    made = []
    for n, (content, mention, cue, k) in enumerate(spans):
        words = span(content)
        made.append(
            Quote(
                id=f"q{n + 1}",
                type="direct",
                text=words.text,
                content=[words],
                cue=span(cue),
                speaker=Speaker(entity=f"e{k}", name=f"Speaker{k} Example", mention=span(mention)),
                confidence=0.9,
            )
        )
    for k, entity in enumerate(entities):
        first = next(q for q in made if q.speaker and q.speaker.entity == f"e{k}")
        assert first.speaker and first.speaker.mention
        mention = first.speaker.mention
        entity.mentions.append(Mention(start=mention.start, end=mention.end, text=mention.text))
    article = Article(text=text, title="Synthetic figures", published="2026-03-01")
    return Result(article=article, entities=entities, quotes=made)


def _lines_run(render: Callable[[], object]) -> int:
    """How many lines of Python ``render`` executes: a count of operations, not a time."""
    count = 0

    def tracer(frame: Any, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        render()
    finally:
        sys.settrace(None)
    return count


def test_an_article_page_renders_in_linear_time() -> None:
    small = synthetic_result(400)
    large = synthetic_result(800)
    ratio = _lines_run(lambda: pages.article_page(1, large, {})) / _lines_run(
        lambda: pages.article_page(1, small, {})
    )
    assert ratio < 2.3, f"twice the quotes took {ratio:.2f} times the operations"
    per_quote = _lines_run(lambda: pages.article_page(1, synthetic_result(5000), {})) / 5000
    assert per_quote < 400, f"{per_quote:.0f} lines run per quote"


class _Period(str):
    """A period whose comparisons run Python code, so that ``_lines_run`` counts them."""

    def __eq__(self, other: object) -> bool:
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_a_claims_chart_renders_in_linear_time() -> None:
    def rows(n: int) -> list[dict[str, Any]]:
        return [
            {
                "period": _Period(f"{2000 + i // 12}-{i % 12 + 1:02d}"),
                "published": None,
                "claimant_name": f"Claimant {i % 5}",
                "value": float(i % 17),
                "text": f"{i % 17} points",
                "measure": "index",
                "article_id": i // 3 + 1,
                "claim_id": f"c{i % 3 + 1}",
                "unit": "points" if i % 4 else "percent",
                "flags": [],
            }
            for i in range(n)
        ]

    small = _lines_run(lambda: pages.claims_page("index", rows(500)))
    large = _lines_run(lambda: pages.claims_page("index", rows(1000)))
    assert large / small < 2.3, f"twice the rows took {large / small:.2f} times the operations"


def _marked_by_definition(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """What ``pages._marked`` renders, by its definition: each piece between two boundaries
    wrapped in every mark that covers it, the mark sorted last outermost (quadratic)."""
    cuts = sorted({0, len(text), *(m[0] for m in marks), *(m[1] for m in marks)})
    out = []
    for a, b in pairwise(cuts):
        piece = pages._e(text[a:b])
        for start, end, kind, extra in sorted(marks, key=lambda m: (m[0], -m[1])):
            if start <= a and b <= end:
                piece = f"<span class='{kind}' {extra}>{piece}</span>"
        out.append(piece)
    return "".join(out)


_MARK = st.tuples(
    st.integers(0, 30), st.integers(0, 30), st.sampled_from(["q", "cue", "who"]), st.text("ab")
)


@settings(max_examples=300, deadline=None)
@given(text=st.text("ab<&\n", max_size=30), marks=st.lists(_MARK, max_size=8))
def test_marking_is_the_same_html_as_by_definition(
    text: str, marks: list[tuple[int, int, str, str]]
) -> None:
    assert pages._marked(text, marks) == _marked_by_definition(text, marks)


def test_an_article_with_thousands_of_quotes_is_served(tmp_path: Path) -> None:
    db = str(tmp_path / "big.db")
    store = open_store(db)
    result = synthetic_result(5000)
    article_id = store.add(result, key="synthetic-5000", source="synthetic")
    store.close()
    with serving(db, folder=tmp_path) as server:
        page = httpx.get(f"{server.base}/articles/{article_id}", timeout=120)
        assert page.status_code == 200
        assert page.text.count("data-quote=") == 5000
        assert httpx.get(f"{server.base}/api/articles", timeout=10).status_code == 200
