"""Stores: where ingested articles, their quotes and claims, and the registry are kept.

``open_store(url)`` opens the embedded SQLite store: a path, or ``sqlite:///path`` (default
``quotewire.db`` in the working folder).
"""

from __future__ import annotations

from pathlib import Path

from quotewire.errors import QuotewireError
from quotewire.store.sqlite import QuoteHit, SQLiteStore, content_hash

DEFAULT_DB = "quotewire.db"


def open_store(url: str | Path | None = None) -> SQLiteStore:
    """The store at ``url``: a file path or ``sqlite:///path`` (created when missing)."""
    where = str(url or DEFAULT_DB)
    if where.startswith(("postgresql://", "postgres://")):
        raise QuotewireError(
            f"{where.split('@')[-1]}: the PostgreSQL store is not available yet; "
            "use a SQLite file (--db quotewire.db)"
        )
    if where.startswith("sqlite:///"):
        where = where[len("sqlite:///") :]
    elif "://" in where:
        raise QuotewireError(f"{where}: not a store URL (a file path or sqlite:///path)")
    return SQLiteStore(where)


__all__ = ["DEFAULT_DB", "QuoteHit", "SQLiteStore", "content_hash", "open_store"]
