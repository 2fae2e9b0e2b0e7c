"""The embedded store: one SQLite file, WAL mode, named migrations, FTS5 search kept in sync by
triggers.

Each article is stored with its exact text and its whole result (JSON), keyed by a hash of its
content (and by its URL where known), so storing the same article twice adds nothing. Quotes,
claims and the cross-article registry are also stored in their own tables for search; every
stored span still points into the stored text. One article is one transaction (``BEGIN
IMMEDIATE``: writers take turns): an interrupted ingest keeps every article it committed, and
several processes may ingest at once. What it shares with the PostgreSQL store is in
:mod:`quotewire.store.base`.

Opened ``read_only`` (search, speakers, export, serve without ingest) the file is opened with
``mode=ro``: never created, migrated or written. A store in a folder nobody may write, with no
write-ahead log left beside it, is opened ``immutable`` (SQLite cannot share a lock there; no
one can be writing it either, short of a privileged process).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from quotewire.store.base import (
    Database,
    QuoteHit,
    SQLStore,
    StoreError,
    Where,
    check_counts,
    content_hash,
    like_pattern,
    query_words,
    refuse_nul,
    speaker_key,
)
from quotewire.store.terms import query_alternatives
from quotewire.store.url import redact, scrub

MIGRATIONS: tuple[tuple[str, str], ...] = (
    (
        "0001_articles_quotes_claims",
        """
        CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
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
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote_id TEXT NOT NULL,
            type TEXT NOT NULL,
            text TEXT NOT NULL,
            speaker TEXT,
            speaker_id TEXT,
            cue TEXT,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            published TEXT,
            confidence REAL NOT NULL,
            UNIQUE (article_id, quote_id)
        );
        CREATE INDEX quotes_speaker_id ON quotes(speaker_id);
        CREATE INDEX quotes_published ON quotes(published);
        CREATE TABLE claims (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            claim_id TEXT NOT NULL,
            quote_id TEXT,
            claimant TEXT,
            claimant_id TEXT,
            value REAL NOT NULL,
            high REAL,
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
            record TEXT NOT NULL
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
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, title);
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker, title) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id));
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
            INSERT INTO quotes_fts(rowid, text, speaker, title) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id));
        END;
        """,
    ),
    (
        "0004_quote_search_by_speaker",
        # the speaker's registry id as a column of the index, so that a search for words said
        # by one speaker intersects two lists in the index instead of filtering every match
        """
        ALTER TABLE quotes ADD COLUMN speaker_key TEXT;
        UPDATE quotes SET speaker_key = NULL;
        DROP TRIGGER quotes_fts_insert;
        DROP TRIGGER quotes_fts_delete;
        DROP TRIGGER quotes_fts_update;
        DROP TABLE quotes_fts;
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, title, speaker_key);
        INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key)
            SELECT q.rowid, q.text, coalesce(q.speaker, ''), coalesce(a.title, ''),
                   coalesce(q.speaker_key, '')
            FROM quotes AS q JOIN articles AS a ON a.id = q.article_id;
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id),
                coalesce(new.speaker_key, ''));
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
            INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id),
                coalesce(new.speaker_key, ''));
        END;
        """,
    ),
    (
        "0005_registry_generation",
        # a counter bumped by every registry write, and each entity's generation: a store object
        # sees whether another writer changed the registry, and reloads only what changed
        """
        CREATE TABLE registry_generation (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            generation INTEGER NOT NULL
        );
        INSERT INTO registry_generation (id, generation) VALUES (1, 0);
        ALTER TABLE registry ADD COLUMN generation INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX registry_by_generation ON registry(generation);
        """,
    ),
    (
        "0006_unregistered_speakers",
        # the quotes whose speaker is outside the registry, by name: a search for words said by
        # a registry speaker checks here that no such name holds it before it uses the index
        """
        CREATE INDEX quotes_unregistered_speaker ON quotes(speaker) WHERE speaker_id IS NULL;
        """,
    ),
    (
        "0007_article_outlet",
        # the outlet that published an article (its publisher, else the agency it credits), for
        # the articles page's filter; filled in for the articles stored before
        """
        ALTER TABLE articles ADD COLUMN outlet TEXT;
        UPDATE articles SET outlet = coalesce(
            json_extract(result, '$.article.publisher'),
            json_extract(result, '$.article.credited_source.name'));
        CREATE INDEX articles_outlet ON articles(outlet, published);
        """,
    ),
    (
        "0008_search_terms",
        # a quote's words folded and stemmed by its language's profile (quotewire.store.terms)
        # as a column of the index: "ставки" finds "ставка", "елка" finds "ёлка" (the quotes
        # stored before have none, and match by their words as written)
        """
        ALTER TABLE quotes ADD COLUMN search_terms TEXT;
        DROP TRIGGER quotes_fts_insert;
        DROP TRIGGER quotes_fts_delete;
        DROP TRIGGER quotes_fts_update;
        DROP TABLE quotes_fts;
        CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, title, speaker_key, terms);
        INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key, terms)
            SELECT q.rowid, q.text, coalesce(q.speaker, ''), coalesce(a.title, ''),
                   coalesce(q.speaker_key, ''), ''
            FROM quotes AS q JOIN articles AS a ON a.id = q.article_id;
        CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key, terms) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id),
                coalesce(new.speaker_key, ''), coalesce(new.search_terms, ''));
        END;
        CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
        END;
        CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
            DELETE FROM quotes_fts WHERE rowid = old.rowid;
            INSERT INTO quotes_fts(rowid, text, speaker, title, speaker_key, terms) VALUES (
                new.rowid, new.text, coalesce(new.speaker, ''),
                (SELECT coalesce(title, '') FROM articles WHERE id = new.article_id),
                coalesce(new.speaker_key, ''), coalesce(new.search_terms, ''));
        END;
        """,
    ),
)


class SQLiteDatabase(Database):
    """A connection to a SQLite file."""

    p: ClassVar[str] = "?"
    failures: ClassVar[tuple[type[BaseException], ...]] = (sqlite3.Error,)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self.errors():
            self.raw.executemany(sql, rows)

    def script(self, sql: str) -> None:
        for statement in _statements(sql):
            self.execute(statement)

    def begin(self) -> None:
        self.execute("BEGIN IMMEDIATE")  # the write lock, waiting up to the busy timeout


class SQLiteStore(SQLStore):
    """A quotewire store in one SQLite file (created, and migrated, when opened for writing)."""

    MIGRATIONS = MIGRATIONS
    _LIKE = "LIKE"  # case-insensitive for ASCII letters in SQLite
    _REGISTRY_ORDER = "rowid"

    RANKED = 5000
    """A text search ranks at most this many of the most recently stored matches."""

    INDEXED_SPEAKERS = 64
    """A search for words said by at most this many registry entities looks them up in the
    full-text index with the words; by more, it filters the words' matches."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        where = redact(str(path))
        try:
            raw = _connect(self.path, where, read_only=read_only)
        except sqlite3.Error as error:
            reason = scrub(str(error).strip().splitlines()[0], str(path))
            raise StoreError(f"{where}: cannot open the store ({reason})") from None
        raw.row_factory = sqlite3.Row
        db = SQLiteDatabase(raw, where, str(path))
        try:
            if not read_only and db.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA foreign_keys=ON")
            if not read_only:
                db.execute("PRAGMA synchronous=NORMAL")
        except StoreError:
            db.close()
            raise
        self._open(db, read_only=read_only)

    def __enter__(self) -> SQLiteStore:
        return self

    def _applied(self) -> list[str] | None:
        found = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
        ).fetchone()
        if found is None:
            return None
        return [str(row[0]) for row in self.db.execute("SELECT name FROM migrations")]

    def _has_tables(self) -> bool:
        found = self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1")
        return found.fetchone() is not None

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
        best first (bm25; for words with more than :attr:`RANKED` matches and no other filter,
        among the most recently stored ones); ``speaker`` (a registry id, a name or part of one:
        the registry's entities whose name holds it, or a speaker outside the registry whose
        name holds it), ``since``/``until`` (ISO dates, inclusive) and ``type`` narrow them."""
        check_counts(limit=limit, offset=offset)
        where, match = self._search_filter(query, speaker, since, until, type)
        if match and not (speaker or since or until or type):
            floor = self._recent_floor(match)
            if floor is not None:  # rank only the latest matches of a very common word
                where.add("quotes_fts.rowid >= ?", floor)
        # (FTS5 hands matches over in rank order itself: a second key would sort them again)
        order = "quotes_fts.rank" if match else "q.published DESC, q.rowid"
        rows = self.db.execute(
            "SELECT q.article_id, q.quote_id, q.type, q.text, q.speaker, q.speaker_id, "
            "q.published, a.title, a.url, a.source FROM quotes AS q "
            "JOIN quotes_fts ON quotes_fts.rowid = q.rowid "
            "JOIN articles AS a ON a.id = q.article_id"
            + where.sql()
            + f" ORDER BY {order} LIMIT ? OFFSET ?",
            [*where.params, limit, offset],
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
        where, match = self._search_filter(query, speaker, since, until, type)
        index = "JOIN quotes_fts ON quotes_fts.rowid = q.rowid" if match else ""
        found = self.db.execute(
            f"SELECT count(*) FROM quotes AS q {index}" + where.sql(), where.params
        )
        return int(found.fetchone()[0])

    def _search_filter(
        self,
        query: str,
        speaker: str | None,
        since: str | None,
        until: str | None,
        type: str | None,
    ) -> tuple[Where, str]:
        """The conditions of a search (over ``quotes AS q`` joined to ``quotes_fts``) and its
        full-text match ("" without words)."""
        refuse_nul(query=query, speaker=speaker, since=since, until=until, type=type)
        words = query_words(query)
        match = " AND ".join(
            "(" + " OR ".join(f'"{form}"' for form in forms) + ")"
            for forms in query_alternatives(words)
        )
        where = Where()
        if speaker:
            ids = self._speaker_ids(speaker)
            keys = [k for k in map(speaker_key, ids) if k]
            indexed = words and 0 < len(keys) <= self.INDEXED_SPEAKERS
            if indexed and not self._unregistered_speaker_named(speaker):
                # the ids are in the index: "word" AND speaker_key: (a OR b), so the search
                # intersects two lists in the index instead of filtering every match
                either = " OR ".join(f'"{k}"' for k in keys)
                match = f"({match}) AND speaker_key: ({either})"
                where.add(*self._one_of("q.speaker_id", ids))
            else:
                self._speaker_clause(where, "q.speaker_id", "q.speaker", speaker, ids)
        if words:
            where.add("quotes_fts MATCH ?", match)
        self._dates_and_type(where, since, until, type)
        return where, match

    def _one_of(self, column: str, values: list[str]) -> tuple[str, Any]:
        return f"{column} IN (SELECT value FROM json_each(?))", json.dumps(values)

    def _unregistered_speaker_named(self, speaker: str) -> bool:
        """Whether a quote whose speaker is outside the registry has a name holding
        ``speaker`` (read from a small index of those quotes alone)."""
        found = self.db.execute(
            "SELECT 1 FROM quotes INDEXED BY quotes_unregistered_speaker "
            "WHERE speaker_id IS NULL AND speaker LIKE ? ESCAPE '\\' LIMIT 1",
            (like_pattern(speaker),),
        )
        return found.fetchone() is not None

    def _recent_floor(self, match: str) -> int | None:
        """The rowid of the RANKED-th most recent match, or None when there are fewer."""
        row = self.db.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT 1 OFFSET ?",
            (match, self.RANKED - 1),
        ).fetchone()
        return int(row[0]) if row else None


def _connect(path: Path, where: str, *, read_only: bool) -> sqlite3.Connection:
    """A connection to the file: for writing (created when missing), or read-only."""
    if not read_only:
        return sqlite3.connect(path, isolation_level=None, timeout=30)
    if not path.is_file():
        raise StoreError(f"{where}: no store here (quotewire ingest creates one)")
    uri = f"{path.resolve().as_uri()}?mode=ro"
    db = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=30)
    try:
        db.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError as error:
        db.close()
        log = Path(f"{path}-wal")
        cannot_share = str(getattr(error, "sqlite_errorname", "")).startswith(
            ("SQLITE_READONLY", "SQLITE_CANTOPEN")
        )
        if not cannot_share or (log.exists() and log.stat().st_size > 0):
            raise
    # no lock can be shared in a folder nobody may write, and no log is there to read
    return sqlite3.connect(f"{uri}&immutable=1", uri=True, isolation_level=None, timeout=30)


def _statements(sql: str) -> Sequence[str]:
    """The statements of a migration (triggers keep their inner semicolons)."""
    statements, current = [], []
    for line in sql.strip().splitlines():
        current.append(line)
        text = "\n".join(current).strip()
        if text.endswith(";") and sqlite3.complete_statement(text):
            statements.append(text)
            current = []
    return statements


__all__ = ["MIGRATIONS", "QuoteHit", "SQLiteStore", "content_hash", "speaker_key"]
