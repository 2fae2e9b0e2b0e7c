"""Ingesting feeds (a file and a URL served here) and WARC files."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quotewire.errors import InputError
from quotewire.ingest.sources import read_feed, read_warc
from quotewire.store import open_store

STORY = (
    "<p>The port of Halden handled 2.4 million tonnes of cargo last year, harbour director "
    'Kari Berg said on Monday.</p><p>"We expect more than 3 million tonnes by 2027," '
    "Berg said.</p>"
)
RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Harbour news</title><link>https://news.invalid/</link>
<item><title>Halden port traffic grows</title><link>https://news.invalid/halden</link>
<guid>halden-1</guid><content:encoded><![CDATA[{STORY}]]></content:encoded></item>
<item><title>Ferry timetable</title><link>https://news.invalid/ferry</link><guid>ferry-1</guid>
<description><![CDATA[<p>The ferry will run 14 crossings a day from June, operator Nils
Dahl said.</p>]]></description></item>
<item><title>Empty</title><link>https://news.invalid/empty</link><guid>empty-1</guid></item>
</channel></rss>
"""


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *args], capture_output=True, text=True, timeout=300
    )


def _warc(path: Path) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)

        def response(uri: str, status: str, kind: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                uri, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        page = "<html><head><title>Halden port traffic grows</title></head><body><article>"
        response(
            "https://news.invalid/halden",
            "200 OK",
            "text/html; charset=utf-8",
            (page + f"<h1>Halden port traffic grows</h1>{STORY}</article></body></html>").encode(),
        )
        response("https://news.invalid/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n")
        response("https://news.invalid/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        response(
            "https://news.invalid/ferry",
            "200 OK",
            "text/html",
            b"<html><body><article><h1>Ferry timetable</h1><p>The ferry will run 14 "
            b"crossings a day from June, operator Nils Dahl said.</p></article></body>"
            b"</html>",
        )


@pytest.fixture
def served(tmp_path: Path) -> Iterator[str]:
    (tmp_path / "feed.xml").write_text(RSS, encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/feed.xml"
    server.shutdown()


def test_a_feed_file_gives_its_entries_and_names_an_empty_one(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text(RSS, encoding="utf-8")
    items = list(read_feed(str(feed)))
    documents = [d for d in items if not isinstance(d, InputError)]
    errors = [d for d in items if isinstance(d, InputError)]
    assert [d.url for d in documents] == [
        "https://news.invalid/halden",
        "https://news.invalid/ferry",
    ]
    assert documents[0].html is not None and "2.4 million tonnes" in documents[0].html
    assert len(errors) == 1 and "#3" in str(errors[0]) and "no content" in str(errors[0])


def test_a_warc_file_gives_its_html_responses(tmp_path: Path) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    documents = list(read_warc(str(warc)))
    assert [d.url for d in documents if not isinstance(d, InputError)] == [
        "https://news.invalid/halden",
        "https://news.invalid/ferry",
    ]


def test_ingest_feed_url_and_warc_keyed_by_url(tmp_path: Path, served: str) -> None:
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc)
    db = tmp_path / "q.db"
    run = _run("ingest", served, "--db", str(db))
    assert run.returncode == 1, run.stderr  # the empty entry is reported, the rest stored
    assert "3 read, 2 added" in run.stderr and "#3" in run.stderr
    # the same stories from a crawl: known by their URLs, so nothing is added twice
    again = _run("ingest", str(warc), "--db", str(db))
    assert again.returncode == 0, again.stderr
    assert "2 read, 0 added, 2 already stored" in again.stderr
    with open_store(db) as store:
        urls = [r[0] for r in store.db.execute("SELECT url FROM articles ORDER BY id")]
        assert urls == ["https://news.invalid/halden", "https://news.invalid/ferry"]
        hits = store.search("tonnes", speaker="Kari Berg")
        assert hits and hits[0].url == "https://news.invalid/halden"
        claims = store.db.execute("SELECT text, unit FROM claims ORDER BY rowid").fetchall()
        assert ("2.4 million tonnes", "tonnes") in [tuple(c) for c in claims]


def test_unreadable_feed_and_warc_are_one_line_each(tmp_path: Path) -> None:
    bad_warc = tmp_path / "broken.warc"
    bad_warc.write_bytes(b"this is not a warc file at all\n" * 10)
    bad_feed = tmp_path / "broken.rss"
    bad_feed.write_text("<rss><channel><item>", encoding="utf-8")
    run = _run("ingest", str(bad_warc), str(bad_feed), "--db", str(tmp_path / "q.db"))
    assert run.returncode == 2
    assert "broken.warc" in run.stderr and "broken.rss" in run.stderr
    assert "Traceback" not in run.stderr
