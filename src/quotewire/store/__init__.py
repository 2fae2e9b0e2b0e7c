"""Stores: where ingested articles, their quotes and claims, and the registry are kept.

``open_store(url)`` opens the embedded SQLite store (a path, or ``sqlite:///path``; default
``quotewire.db`` in the working folder) or a PostgreSQL one (``postgresql://...``, or a libpq
keyword string ``host=... dbname=...``). Opened for writing (``quotewire ingest``), a store is
created and migrated; opened ``read_only`` (``search``, ``speakers``, ``export``, ``serve``
without ingest) it is only read: a missing or out-of-date store is an error saying so. Any
number of writers may work on one store at once (:mod:`quotewire.store.base`). A store URL is
shown everywhere with its passwords masked (:func:`redact`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any, Protocol

from quotewire.claims.track import StoredFlag
from quotewire.errors import InputError, QuotewireError
from quotewire.model import RegistryEntity, Result
from quotewire.speakers.registry import Registry
from quotewire.store.base import (
    BadFilter,
    Incoming,
    QuoteHit,
    SQLStore,
    StoreError,
    content_hash,
)
from quotewire.store.sqlite import SQLiteStore
from quotewire.store.url import SQLITE_SCHEME, is_postgres, redact


class Store(Protocol):
    """What the commands and the API use of a store (``SQLiteStore``, ``PostgresStore``)."""

    where: str  # how messages name the store (passwords masked)

    def close(self) -> None: ...
    def has(self, key: str, url: str | None = None) -> bool: ...
    def add(self, result: Result, *, key: str, source: str | None = None) -> int | None: ...
    def add_many(self, batch: Sequence[Incoming]) -> list[int | InputError | None]: ...
    def bulk_load(self) -> AbstractContextManager[None]: ...
    def registry(self) -> Registry: ...
    def rebuild_registry(self) -> int: ...
    def forget_registry(self) -> None: ...
    def count(self, table: str = "articles") -> int: ...
    def result(self, article_id: int) -> Result: ...
    def results(self) -> Iterator[tuple[int, Result]]: ...
    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]: ...
    def count_articles(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> int: ...
    def outlets(self) -> list[dict[str, Any]]: ...
    def article_titles(self, ids: Sequence[int]) -> dict[int, str | None]: ...
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
    def count_quotes(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
    ) -> int: ...
    def claim_flags(
        self, rows: Sequence[Mapping[str, Any]], min_checkworthy: float = ...
    ) -> dict[tuple[int, str], list[StoredFlag]]: ...
    def speakers(self) -> list[tuple[RegistryEntity, int]]: ...


DEFAULT_DB = "quotewire.db"


def open_store(url: str | Path | None = None, *, read_only: bool = False) -> SQLStore:
    """The store at ``url``: a SQLite file path or ``sqlite:///path``, or a PostgreSQL database
    (``postgresql://user@host:port/name`` or a libpq keyword string). For writing (the default)
    it is created and migrated as needed; ``read_only`` it must exist, be up to date, and is
    never written."""
    where = str(url or DEFAULT_DB)
    if is_postgres(where):
        from quotewire.store.postgres import PostgresStore

        return PostgresStore(where, read_only=read_only)
    if where.startswith(SQLITE_SCHEME):
        where = where[len(SQLITE_SCHEME) :]
    elif "://" in where:
        raise QuotewireError(f"{redact(where)}: not a store URL (a file path or sqlite:///path)")
    return SQLiteStore(where, read_only=read_only)


__all__ = [
    "DEFAULT_DB",
    "BadFilter",
    "Incoming",
    "QuoteHit",
    "SQLStore",
    "SQLiteStore",
    "Store",
    "StoreError",
    "content_hash",
    "open_store",
    "redact",
]
