"""Readers for collections of articles: RSS/Atom feeds (feedparser) and WARC files (warcio).

Each yields :class:`~quotewire.pipeline.Document` records, or the :class:`InputError` of a
record that cannot be read, so a batch goes on past one bad record:

- a feed (a file, or an http(s) URL) gives one document per entry: its full content when the
  feed carries it, else its summary, with the entry's link as the URL and its title;
- a WARC file (plain or gzipped, as in Common Crawl's news archive) gives one document per
  successful HTML response, with the target URI as the URL.
"""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, BinaryIO

from quotewire.errors import InputError, MalformedRecord, MissingInput, shown
from quotewire.ingest.document import Document
from quotewire.ingest.files import MAX_BYTES, decode_bytes

FEED_SUFFIXES = frozenset({".rss", ".atom", ".xml"})
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_feed(where: str) -> bool:
    """Whether ``where`` names a feed: a URL, or a file ending in .rss, .atom or .xml."""
    return where.startswith(("http://", "https://")) or Path(where).suffix.lower() in FEED_SUFFIXES


def is_warc(where: str) -> bool:
    return where.lower().endswith(WARC_SUFFIXES)


def read_feed(where: str) -> Iterator[Document | InputError]:
    """The entries of the feed at ``where`` (a file path or an http(s) URL)."""
    import feedparser

    if not where.startswith(("http://", "https://")) and not Path(where).is_file():
        raise MissingInput("no such file", source=where)
    parsed: Any = feedparser.parse(where)
    if parsed.get("bozo") and not parsed.entries:
        reason = parsed.get("bozo_exception") or "not a feed"
        raise MalformedRecord(f"not a readable RSS or Atom feed ({reason})", source=where)
    for n, entry in enumerate(parsed.entries, start=1):
        source = f"{shown(where)}#{n}"
        body = _entry_body(entry)
        if not body.strip():
            yield MalformedRecord("the entry has no content or summary", source=source)
            continue
        link = entry.get("link")
        title = entry.get("title")
        if title and html.escape(title) not in body:
            body = f"<h1>{html.escape(title)}</h1>\n{body}"
        yield Document(
            html=f"<html><body><article>{body}</article></body></html>",
            url=link if isinstance(link, str) else None,
            id=entry.get("id") or link or source,
            source=source,
        )


def _entry_body(entry: Any) -> str:
    contents = entry.get("content") or []
    for content in contents:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value
    summary = entry.get("summary")
    return summary if isinstance(summary, str) else ""


def read_warc(path: str) -> Iterator[Document | InputError]:
    """The HTML responses in a WARC file. A record that cannot be read (no target URI, broken
    HTTP headers) is that record's error; a file that breaks off (truncated, corrupt gzip) ends
    with an error naming the record where it broke, after the records before it."""
    if not Path(path).is_file():
        raise MissingInput("no such file", source=path)
    with open(path, "rb") as stream:
        yield from warc_documents(stream, path)


def warc_documents(stream: BinaryIO, where: str) -> Iterator[Document | InputError]:
    """:func:`read_warc` over an open binary ``stream`` (a local file, or the bytes a Hadoop
    file system gave a Spark task), named ``where`` in its errors."""
    from warcio.archiveiterator import ArchiveIterator

    if not _starts_like_warc(stream):
        raise MalformedRecord(
            "not a WARC file (it does not start with a WARC record)", source=where
        )
    # HTTP headers are parsed here, record by record: warcio's own parse fails on a
    # response without a target URI, and its failure would end the whole file
    records = ArchiveIterator(stream, no_record_parse=True)
    n = 0
    while True:
        try:
            record = next(records, None)
        except Exception as error:  # warcio raises many kinds on a damaged file
            yield MalformedRecord(
                f"the WARC file breaks off after record {n} ({_reason(error)})", source=where
            )
            return
        if record is None:
            return
        n += 1
        if record.rec_type == "response":
            document = _warc_response(record, f"{shown(where)}#{n}")
            if document is not None:
                yield document


def jsonl_documents(stream: BinaryIO, where: str) -> Iterator[Document | InputError]:
    """Batch records ``{"id", "text"}`` or ``{"id", "html", "url"}``, one JSON object per line
    of ``stream``; a line that is not one is that line's error (``where:LINE``). A binary file
    is refused as a whole rather than line by line."""
    head = stream.read(8192)
    if head.strip():
        decode_bytes(head, source=where)
    stream.seek(0)
    for n, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        line = f"{shown(where)}:{n}"
        try:
            record = json.loads(raw)
        except UnicodeDecodeError:
            yield MalformedRecord("not UTF-8 text", source=line)
            continue
        except json.JSONDecodeError as error:
            yield MalformedRecord(f"not valid JSON ({error.msg})", source=line)
            continue
        if not isinstance(record, dict):
            yield MalformedRecord("a record must be a JSON object", source=line)
            continue
        yield record_document(record, line)


def record_document(record: Mapping[str, Any], where: str) -> Document | InputError:
    """The document of one batch record (a JSON object, or a Parquet row with the same
    columns): ``text``, or ``html`` with ``url``; ``id`` names it."""
    rid = record.get("id")
    source = f"{where} (id {rid})" if rid is not None else where
    text, html = record.get("text"), record.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return MalformedRecord('needs a "text" or an "html" string', source=source)
    url = record.get("url")
    return Document(
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        url=url if isinstance(url, str) else None,
        id=None if rid is None else str(rid),
        source=source,
    )


def _warc_response(record: Any, where: str) -> Document | InputError | None:
    """The document of one WARC response record: None when it is not a successful HTML
    response, its error when it cannot be read."""
    from warcio.statusandheaders import StatusAndHeadersParser

    uri = record.rec_headers.get_header("WARC-Target-URI")
    if not uri:
        return MalformedRecord("a response record without a WARC-Target-URI", source=where)
    source = f"{where} ({uri})"
    try:
        http = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False).parse(
            record.raw_stream
        )
        status = http.get_statuscode()
        kind = (http.get_header("Content-Type") or "").lower()
        if status != "200" or "html" not in kind:
            return None
        record.http_headers = http  # so that chunked or compressed payloads are decoded
        data = record.content_stream().read(MAX_BYTES + 1)
    except Exception as error:  # a damaged record: its error, not the end of the file
        return MalformedRecord(f"unreadable HTTP response ({_reason(error)})", source=source)
    try:
        loaded = decode_bytes(data, source=source)
    except InputError as error:
        return error
    return Document(html=loaded.text, url=uri, id=uri, source=source, warnings=loaded.warnings)


def _reason(error: BaseException) -> str:
    return " ".join(str(error).split())[:160] or type(error).__name__


def _starts_like_warc(stream: BinaryIO) -> bool:
    """Whether ``stream`` (plain or gzipped) starts with a WARC record; it is left at its start."""
    try:
        gzipped = stream.read(2) == b"\x1f\x8b"
        stream.seek(0)
        if gzipped:
            with gzip.GzipFile(fileobj=stream) as unzipped:
                return bool(unzipped.read(5) == b"WARC/")
        return bool(stream.read(5) == b"WARC/")
    except (OSError, EOFError):
        return False
    finally:
        stream.seek(0)
