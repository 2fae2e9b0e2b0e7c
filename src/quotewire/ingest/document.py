"""The input record of the pipeline, and the key an article is stored under.

Kept apart from :mod:`quotewire.pipeline` (which loads the NLP stack) so that what only reads
inputs (the readers of :mod:`quotewire.ingest.sources`, the read stage of ``quotewire spark``)
imports no more than it needs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One input article: plain ``text`` or ``html`` (with its ``url``), and where it came from.

    ``published`` (an ISO date or date-time) and ``publisher`` are metadata given with the
    text, as a corpus record carries them: ``published`` is used as a page's metadata date is
    (when the text's dateline gives no date, or only an inferred year), ``publisher`` becomes
    ``article.publisher``.
    """

    text: str | None = None
    html: str | None = None
    url: str | None = None
    id: str | None = None
    source: str = "<text>"
    warnings: tuple[str, ...] = field(default_factory=tuple)
    published: str | None = None
    publisher: str | None = None


def content_hash(text: str, url: str | None = None) -> str:
    """The key of an article: a SHA-256 of its text (and its URL, where known)."""
    digest = hashlib.sha256(text.encode("utf-8"))
    if url:
        digest.update(b"\0" + url.encode("utf-8"))
    return digest.hexdigest()


def article_key(document: Document) -> str:
    """The key of a document's article: the stores' key, from the input text and URL."""
    return content_hash(document.text or document.html or "", document.url)
