"""The PostgreSQL store (``--db postgresql://...``, or a libpq keyword string), for teams: the same
tables and the same methods as the SQLite store (:mod:`quotewire.store.base`), its own SQL where
they differ, with PostgreSQL's own full-text search (a ``tsvector`` kept by a trigger, a GIN
index, ``to_tsquery`` over each word or its other forms (:mod:`quotewire.store.terms`) and
``ts_rank``; the 'simple' configuration, so words match as they do in SQLite's index).

Writers take turns: every write transaction first takes the store's advisory lock
(:data:`WRITE_LOCK`). A store opened ``read_only`` is a read-only session, never migrated.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import psycopg

from quotewire.store.base import (
    Database,
    QuoteHit,
    SQLStore,
    StoreError,
    Where,
    check_counts,
    query_words,
    refuse_nul,
)
from quotewire.store.terms import query_alternatives
from quotewire.store.url import redact, scrub

WRITE_LOCK = 0x71756F746577  # "quotew": the advisory lock every writer of a store takes first

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
    (
        "0004_registry_generation",
        # a counter bumped by every registry write, and each entity's generation: a store object
        # sees whether another writer changed the registry, and reloads only what changed
        """
        CREATE TABLE registry_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation BIGINT NOT NULL
        );
        INSERT INTO registry_generation (id, generation) VALUES (1, 0);
        ALTER TABLE registry ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
        CREATE INDEX registry_by_generation ON registry(generation);
        """,
    ),
    (
        "0005_article_outlet",
        # the outlet that published an article (its publisher, else the agency it credits), for
        # the articles page's filter; filled in for the articles stored before
        """
        ALTER TABLE articles ADD COLUMN outlet TEXT;
        UPDATE articles SET outlet = coalesce(
            result::jsonb #>> '{article,publisher}',
            result::jsonb #>> '{article,credited_source,name}');
        CREATE INDEX articles_outlet ON articles(outlet, published);
        """,
    ),
    (
        "0006_search_terms",
        # a quote's words folded and stemmed by its language's profile (quotewire.store.terms)
        # in its search vector: "ставки" finds "ставка", "елка" finds "ёлка" (the quotes stored
        # before have none, and match by their words as written)
        """
        ALTER TABLE quotes ADD COLUMN search_terms TEXT;
        CREATE OR REPLACE FUNCTION quotes_search() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.search := to_tsvector('simple',
                coalesce(NEW.text, '') || ' ' || coalesce(NEW.speaker, '') || ' ' ||
                coalesce((SELECT title FROM articles WHERE id = NEW.article_id), '') || ' ' ||
                coalesce(NEW.speaker_key, '') || ' ' || coalesce(NEW.search_terms, ''));
            RETURN NEW;
        END $$;
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


class PostgresDatabase(Database):
    """A connection to a PostgreSQL database (autocommit; transactions begun explicitly)."""

    p: ClassVar[str] = "%s"
    failures: ClassVar[tuple[type[BaseException], ...]] = (psycopg.Error,)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.errors(), self.raw.cursor() as cursor:
            cursor.executemany(sql, rows)

    def script(self, sql: str) -> None:
        self.execute(sql)  # PostgreSQL runs the statements whole

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Rows into ``table`` by ``COPY ... FROM STDIN``, PostgreSQL's bulk load (row
        triggers run as for ``INSERT``)."""
        names = ", ".join(f'"{c}"' for c in columns)
        with (
            self.errors(),
            self.raw.cursor() as cursor,
            cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def begin(self) -> None:
        self.execute("BEGIN")
        try:
            self.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
        except BaseException:
            self.rollback()
            raise


class PostgresStore(SQLStore):
    """A quotewire store in a PostgreSQL database (its tables created, and migrated, when
    opened for writing)."""

    MIGRATIONS = MIGRATIONS
    _LIKE = "ILIKE"
    _REGISTRY_ORDER = "seq"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        where = redact(url)
        try:
            raw = psycopg.connect(url, autocommit=True, row_factory=_rows)
        except psycopg.Error as error:
            lines = str(error).strip().splitlines()
            reason = scrub(lines[0] if lines else "refused", url)
            raise StoreError(f"{where}: cannot open the store ({reason})") from None
        db = PostgresDatabase(raw, where, url)
        if read_only:
            try:
                db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            except StoreError:
                db.close()
                raise
        self._open(db, read_only=read_only)

    def __enter__(self) -> PostgresStore:
        return self

    _SEARCH_INDEX = "CREATE INDEX IF NOT EXISTS quotes_search ON quotes USING GIN (search)"

    def _open(self, db: Database, *, read_only: bool) -> None:
        super()._open(db, read_only=read_only)
        if not read_only and not self._has_search_index():  # a bulk load cut short
            with self._writing():
                self.db.execute(self._SEARCH_INDEX)

    def _has_search_index(self) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname = 'quotes_search'"
        ).fetchone()
        return found is not None

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Into a store without statements yet, the full-text index (GIN) is dropped for the
        load and built once at its end (or, should the load be cut short, when the store is
        next opened for writing); searches meanwhile are slower, not wrong."""
        empty = self.db.execute("SELECT NOT EXISTS (SELECT 1 FROM quotes)").fetchone()[0]
        if empty:
            with self._writing():
                self.db.execute("DROP INDEX IF EXISTS quotes_search")
        try:
            yield
        finally:
            if empty:
                with self._writing():
                    self.db.execute(self._SEARCH_INDEX)

    def _applied(self) -> list[str] | None:
        # read from the catalog table itself, not the session's cache of names: a writer waiting
        # for the lock must see the tables the writer before it has just created
        found = self.db.execute(
            "SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename = 'migrations'"
        ).fetchone()
        if found is None:
            return None
        return [str(row[0]) for row in self.db.execute("SELECT name FROM migrations")]

    def _has_tables(self) -> bool:
        found = self.db.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() LIMIT 1"
        )
        return found.fetchone() is not None

    def _one_of(self, column: str, values: list[str]) -> tuple[str, Any]:
        return f"{column} = ANY(%s)", values

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
        """Quotes holding every word of ``query`` (in their text, speaker or article title),
        best first (``ts_rank``); the filters as in the SQLite store."""
        check_counts(limit=limit, offset=offset)
        where, words = self._search_filter(query, speaker, since, until, type)
        order, ranked = "q.published DESC NULLS LAST, q.id", []
        if words:
            order, ranked = "ts_rank(q.search, to_tsquery('simple', %s)) DESC, q.id", [words]
        rows = self.db.execute(
            "SELECT q.article_id, q.quote_id, q.type, q.text, q.speaker, q.speaker_id, "
            "q.published, a.title, a.url, a.source FROM quotes AS q "
            "JOIN articles AS a ON a.id = q.article_id"
            + where.sql()
            + f" ORDER BY {order} LIMIT %s OFFSET %s",
            [*where.params, *ranked, limit, offset],
        ).fetchall()
        return [QuoteHit(*row) for row in rows]

    def count_quotes(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
    ) -> int:
        where, _ = self._search_filter(query, speaker, since, until, type)
        found = self.db.execute("SELECT count(*) FROM quotes AS q" + where.sql(), where.params)
        return int(found.fetchone()[0])

    def _search_filter(
        self,
        query: str,
        speaker: str | None,
        since: str | None,
        until: str | None,
        type: str | None,
    ) -> tuple[Where, str]:
        """The conditions of a search (over ``quotes AS q``) and its words ("" for none)."""
        refuse_nul(query=query, speaker=speaker, since=since, until=until, type=type)
        words = " & ".join(
            "(" + " | ".join(f"'{form}'" for form in forms) + ")"
            for forms in query_alternatives(query_words(query))
        )
        where = Where()
        if words:
            where.add("q.search @@ to_tsquery('simple', %s)", words)
        if speaker:
            ids = self._speaker_ids(speaker)
            self._speaker_clause(where, "q.speaker_id", "q.speaker", speaker, ids)
        self._dates_and_type(where, since, until, type)
        return where, words


__all__ = ["MIGRATIONS", "WRITE_LOCK", "PostgresStore"]
