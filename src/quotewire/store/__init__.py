"""Stores: where ingested articles, their quotes and claims, and the registry are kept.

``open_store(url)`` opens the embedded SQLite store (a path, or ``sqlite:///path``; default
``quotewire.db`` in the working folder) or a PostgreSQL one (``postgresql://...``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from quotewire.errors import QuotewireError
from quotewire.model import RegistryEntity, Result
from quotewire.speakers.registry import Registry
from quotewire.store.sqlite import QuoteHit, SQLiteStore, content_hash


class Store(Protocol):
    """What the commands and the API use of a store; ``SQLiteStore`` is the embedded one (a
    PostgreSQL one is to implement the same)."""

    def close(self) -> None: ...
    def has(self, key: str, url: str | None = None) -> bool: ...
    def add(self, result: Result, *, key: str, source: str | None = None) -> int | None: ...
    def registry(self) -> Registry: ...
    def forget_registry(self) -> None: ...
    def version(self) -> int: ...
    def count(self, table: str = "articles") -> int: ...
    def result(self, article_id: int) -> Result: ...
    def results(self) -> Iterator[tuple[int, Result]]: ...
    def articles(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]: ...
    def quotes_per_month(self, speaker_id: str) -> list[dict[str, Any]]: ...
    def claims(
        self,
        *,
        measure: str | None = None,
        speaker: str | None = None,
        speaker_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]: ...
    def search(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[QuoteHit]: ...
    def speakers(self) -> list[tuple[RegistryEntity, int]]: ...


DEFAULT_DB = "quotewire.db"


def open_store(url: str | Path | None = None) -> SQLiteStore:
    """The store at ``url``: a SQLite file path or ``sqlite:///path`` (created when missing),
    or a PostgreSQL database ``postgresql://user@host:port/name`` (its tables created)."""
    where = str(url or DEFAULT_DB)
    if where.startswith(("postgresql://", "postgres://")):
        from quotewire.store.postgres import PostgresStore

        return PostgresStore(where)
    if where.startswith("sqlite:///"):
        where = where[len("sqlite:///") :]
    elif "://" in where:
        raise QuotewireError(f"{where}: not a store URL (a file path or sqlite:///path)")
    return SQLiteStore(where)


__all__ = ["DEFAULT_DB", "QuoteHit", "SQLiteStore", "Store", "content_hash", "open_store"]
