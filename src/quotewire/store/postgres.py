"""The PostgreSQL store (``--db postgresql://...``), for teams: the same tables and the same
methods as the SQLite store, with PostgreSQL's own full-text search (a ``tsvector`` kept by a
trigger, a GIN index, ``plainto_tsquery`` and ``ts_rank``; the 'simple' configuration, so words
match as they do in SQLite's index).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quotewire.errors import QuotewireError
from quotewire.store.sqlite import QuoteHit, SQLiteStore

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles_quotes_claims",
        """
        CREATE TABLE articles (
            id BIGSERIAL PRIMARY KEY,
            content_hash TEXT NOT NULL UNIQUE,
            url TEXT,
            source TEXT,
            title TEXT,
            published TEXT,
            text TEXT NOT NULL,
            result TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
        CREATE INDEX articles_published ON articles(published);
        CREATE TABLE quotes (
            id BIGSERIAL PRIMARY KEY,
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote_id TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_id TEXT,
            speaker_key TEXT,
            cue TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            published TEXT,
            confidence REAL NOT NULL,
            search TSVECTOR,
            UNIQUE (article_id, quote_id)
        );
        CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
        CREATE INDEX quotes_published ON quotes(published);
        CREATE INDEX quotes_search ON quotes USING GIN (search);
        CREATE TABLE claims (
            article_id BIGINT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            quote_id TEXT,
            claimant TEXT,
            claimant_id TEXT,
            value DOUBLE PRECISION NOT NULL,
            high DOUBLE PRECISION,
            unit TEXT NOT NULL,
            comparator TEXT NOT NULL,
            measure TEXT,
            period TEXT,
            text TEXT NOT NULL,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            checkworthy REAL NOT NULL,
            UNIQUE (article_id, claim_id)
        );
        CREATE INDEX claims_claimant_id ON claims(claimant_id);
        """,
    ),
    (
        "0002_registry",
        """
        CREATE TABLE registry (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            record TEXT NOT NULL,
            seq BIGSERIAL
        );
        CREATE TABLE registry_apart (
            registry_id TEXT NOT NULL,
            article TEXT NOT NULL,
            entity TEXT NOT NULL,
            PRIMARY KEY (registry_id, article, entity)
        );
        """,
    ),
    (
        "0003_quote_search",
        """
        CREATE FUNCTION quotes_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search := to_tsvector('simple',
                coalesce(NEW.text, '') || ' ' || coalesce(NEW.speaker, '') || ' ' ||
                coalesce((SELECT title FROM articles WHERE id = NEW.article_id), '') || ' ' ||
                coalesce(NEW.speaker_key, ''));
            RETURN NEW;
        END $$;
        CREATE TRIGGER quotes_search BEFORE INSERT OR UPDATE ON quotes
            FOR EACH ROW EXECUTE FUNCTION quotes_search();
        """,
    ),
)


class _Row(tuple):  # type: ignore[type-arg]
    """A result row read by position (``row[0]``) or by name (``dict(row)``)."""

    _names: tuple[str, ...] = ()

    def keys(self) -> tuple[str, ...]:
        return self._names

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names.index(key))
        return tuple.__getitem__(self, key)


def _rows(cursor: Any) -> Any:
    names = tuple(c.name for c in cursor.description or ())
    kind = type("Row", (_Row,), {"_names": names})
    return lambda values: kind(values)


class _Connection:
    """A psycopg connection that takes the SQLite store's "?" placeholders."""

    def __init__(self, connection: Any) -> None:
        self.connection = connection

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.connection.execute(_placeholders(sql), tuple(params))

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.connection.cursor() as cursor:
            cursor.executemany(_placeholders(sql), rows)

    def close(self) -> None:
        self.connection.close()


def _placeholders(sql: str) -> str:
    return sql.replace("%", "%%").replace("?", "%s")


class PostgresStore(SQLiteStore):
    """A quotewire store in a PostgreSQL database (its tables created, and migrated, when
    opened)."""

    _MIGRATIONS = MIGRATIONS
    _LIKE = "ILIKE"
    _REGISTRY_ORDER = "seq"
    _BEGIN = "BEGIN"

    def __init__(self, url: str) -> None:
        import psycopg

        self.where = re.sub(r"//[^@/]*@", "//***@", url)  # for messages: no password
        self.path = Path(self.where)
        try:
            connection = psycopg.connect(url, autocommit=True, row_factory=_rows)
        except psycopg.Error as error:
            reason = str(error).strip().splitlines()[0] if str(error).strip() else "refused"
            raise QuotewireError(f"{self.where}: cannot open the store ({reason})") from None
        self.db = _Connection(connection)  # type: ignore[assignment]
        self._registry = None
        try:
            self._migrate()
        except psycopg.Error as error:
            connection.close()
            raise QuotewireError(f"{self.where}: not a quotewire store ({error})") from None

    def _apply(self, sql: str) -> None:
        self.db.connection.execute(sql)  # type: ignore[attr-defined]  # PostgreSQL runs it whole

    def _insert_article(self, values: tuple[Any, ...]) -> int:
        row = self.db.execute(
            "INSERT INTO articles (content_hash, url, source, title, published, text, "
            "result, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            values,
        ).fetchone()
        return int(row[0])

    def version(self) -> int:
        row = self.db.execute(
            "SELECT (SELECT coalesce(max(id), 0) FROM articles) * 1000003 + "
            "(SELECT count(*) FROM registry)"
        ).fetchone()
        return int(row[0])

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
    ) -> list[QuoteHit]:
        words = " ".join(w.replace('"', "") for w in query.split() if w.strip('"'))
        where: list[str] = []
        params: list[Any] = []
        if words:
            where.append("q.search @@ plainto_tsquery('simple', ?)")
            params.append(words)
        if speaker:
            ids = [e.id for e in self.registry().find(speaker)] or [speaker]
            where.append("(q.speaker_id = ANY(?) OR q.speaker ILIKE ?)")
            params += [ids, f"%{speaker}%"]
        if since:
            where.append("q.published >= ?")
            params.append(since)
        if until:
            where.append("substr(q.published, 1, 10) <= ?")
            params.append(until)
        if type:
            where.append("q.type = ?")
            params.append(type)
        order = "q.published DESC NULLS LAST, q.id"
        if words:
            order = "ts_rank(q.search, plainto_tsquery('simple', ?)) DESC, q.id"
        sql = (
            "SELECT q.article_id, q.quote_id, q.type, q.text, q.speaker, q.speaker_id, "
            "q.published, a.title, a.url, a.source FROM quotes AS q "
            "JOIN articles AS a ON a.id = q.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {order} LIMIT ? OFFSET ?"
        )
        tail = [words] if words else []
        try:
            rows = self.db.execute(sql, [*params, *tail, limit, offset]).fetchall()
        except Exception as error:  # psycopg.Error: a query the server refuses
            raise QuotewireError(f"cannot search for {query!r}: {error}") from None
        return [QuoteHit(*row) for row in rows]
