"""The embedded store: one SQLite file, WAL mode, named migrations, FTS5 search kept in sync by
triggers.

Each article is stored with its exact text and its whole result (JSON), keyed by a hash of its
content (and by its URL where known), so storing the same article twice adds nothing. Quotes,
claims and the cross-article registry are also stored in their own tables for search; every
stored span still points into the stored text. One article is one transaction: an interrupted
ingest keeps every article it committed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from quotewire.errors import QuotewireError
from quotewire.model import RegistryEntity, Result
from quotewire.speakers.registry import Registry

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
)


def speaker_key(registry_id: str | None) -> str | None:
    """A registry id as one search token: "person:maria-kowalska" -> "personmariakowalska"."""
    if not registry_id:
        return None
    return "".join(ch for ch in registry_id.lower() if ch.isalnum())


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quote found by :meth:`SQLiteStore.search`."""

    article_id: int
    quote_id: str
    type: str
    text: str
    speaker: str | None
    speaker_id: str | None
    published: str | None
    title: str | None
    url: str | None
    source: str | None

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}


def content_hash(text: str, url: str | None = None) -> str:
    """The key of an article: a SHA-256 of its text (and its URL, where known)."""
    digest = hashlib.sha256(text.encode("utf-8"))
    if url:
        digest.update(b"\0" + url.encode("utf-8"))
    return digest.hexdigest()


class SQLiteStore:
    """A quotewire store in one SQLite file (created, and migrated, when opened)."""

    _MIGRATIONS = MIGRATIONS
    _LIKE = "LIKE"  # case-insensitive for ASCII in SQLite
    _REGISTRY_ORDER = "rowid"
    _BEGIN = "BEGIN IMMEDIATE"

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.where = str(path)  # how messages name the store
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        except sqlite3.Error as error:
            raise QuotewireError(f"{self.where}: cannot open the store ({error})") from None
        self.db.row_factory = sqlite3.Row
        try:
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as error:
            self.db.close()
            raise QuotewireError(f"{self.where}: not a quotewire store ({error})") from None
        self._registry: Registry | None = None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLiteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- migrations ---------------------------------------------------------------------------
    def _migrate(self) -> None:
        self.db.execute(
            "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT)"
        )
        done = {row[0] for row in self.db.execute("SELECT name FROM migrations")}
        for name, sql in self._MIGRATIONS:
            if name in done:
                continue
            with self._transaction():
                self._apply(sql)
                self.db.execute(
                    "INSERT INTO migrations (name, applied_at) VALUES (?, ?)", (name, _now())
                )

    def _apply(self, sql: str) -> None:
        """Run one migration's statements (inside its transaction)."""
        for statement in _statements(sql):
            self.db.execute(statement)

    def migrations(self) -> list[str]:
        """Names of the migrations applied, in order."""
        return [r[0] for r in self.db.execute("SELECT name FROM migrations ORDER BY name")]

    # ---- writing ------------------------------------------------------------------------------
    def has(self, key: str, url: str | None = None) -> bool:
        """Whether an article with this content hash (or this URL) is stored."""
        sql = "SELECT 1 FROM articles WHERE content_hash = ?"
        params: list[str] = [key]
        if url:  # (a NULL parameter compared in SQL has no type for PostgreSQL)
            sql += " OR url = ?"
            params.append(url)
        return self.db.execute(sql, params).fetchone() is not None

    def add(self, result: Result, *, key: str, source: str | None = None) -> int | None:
        """Store one result under its content hash ``key`` in one transaction, and register
        its entities; returns the new article id, or None when it was stored already."""
        article = result.article
        if self.has(key, article.url):
            return None
        registry = self.registry()
        with self._transaction():
            article_id = self._insert_article(
                (
                    key,
                    article.url,
                    source,
                    article.title,
                    article.published,
                    article.text,
                    result.to_json(),
                    _now(),
                )
            )
            joined = registry.add(str(article_id), result.entities, article.published)
            self._write_rows(article_id, result, joined)
            self._save_registry({joined[e] for e in joined})
        return article_id

    def _insert_article(self, values: tuple[Any, ...]) -> int:
        cursor = self.db.execute(
            "INSERT INTO articles (content_hash, url, source, title, published, text, "
            "result, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            values,
        )
        return int(cursor.lastrowid or 0)

    def _write_rows(self, article_id: int, result: Result, joined: dict[str, str]) -> None:
        published = result.article.published
        self.db.executemany(
            "INSERT INTO quotes (article_id, quote_id, type, text, speaker, speaker_id, "
            'speaker_key, cue, start, "end", published, confidence) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    q.id,
                    q.type,
                    q.text,
                    q.speaker.name if q.speaker else None,
                    joined.get(q.speaker.entity or "") if q.speaker else None,
                    speaker_key(joined.get(q.speaker.entity or "")) if q.speaker else None,
                    q.cue.text if q.cue else None,
                    q.content[0].start,
                    q.content[-1].end,
                    published,
                    q.confidence,
                )
                for q in result.quotes
            ],
        )
        self.db.executemany(
            "INSERT INTO claims (article_id, claim_id, quote_id, claimant, claimant_id, value, "
            'high, unit, comparator, measure, period, text, start, "end", checkworthy) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    article_id,
                    c.id,
                    c.quote,
                    c.claimant.name if c.claimant else None,
                    joined.get(c.claimant.entity or "") if c.claimant else None,
                    c.value,
                    c.high,
                    c.unit,
                    c.comparator,
                    c.measure,
                    c.time.period if c.time else None,
                    c.span.text,
                    c.span.start,
                    c.span.end,
                    c.checkworthy,
                )
                for c in result.claims
            ],
        )

    # ---- the registry -------------------------------------------------------------------------
    def registry(self) -> Registry:
        """The cross-article registry as stored (loaded once per store object)."""
        if self._registry is None:
            entities = [
                RegistryEntity.model_validate_json(row[0])
                for row in self.db.execute(
                    f"SELECT record FROM registry ORDER BY {self._REGISTRY_ORDER}"
                )
            ]
            apart = [tuple(row) for row in self.db.execute("SELECT * FROM registry_apart")]
            self._registry = Registry.restore(entities, apart)  # type: ignore[arg-type]
        return self._registry

    def _save_registry(self, ids: set[str]) -> None:
        registry = self.registry()
        for id in sorted(ids):
            entity = registry.get(id)
            self.db.execute(
                "INSERT INTO registry (id, name, type, record) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(id) DO UPDATE SET name = excluded.name, record = excluded.record",
                (entity.id, entity.name, entity.type, entity.model_dump_json()),
            )

    # ---- reading ------------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "quotes", "claims", "registry"):
            raise QuotewireError(f"no table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def result(self, article_id: int) -> Result:
        """The stored result of one article."""
        row = self.db.execute("SELECT result FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise QuotewireError(f"no article {article_id} in {self.where}")
        return Result.model_validate_json(row[0])

    def results(self) -> Iterator[tuple[int, Result]]:
        """Every stored result, in the order stored."""
        for row in self.db.execute("SELECT id, result FROM articles ORDER BY id"):
            yield int(row[0]), Result.model_validate_json(row[1])

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
        """Quotes matching every word of ``query`` (in their text, speaker or article title),
        best first (bm25; for a word with more than :attr:`RANKED` matches and no other filter,
        among the most recently stored ones); ``speaker`` (a name, part of one, or a registry
        id), ``since``/``until`` (ISO dates, inclusive) and ``type`` narrow them."""
        where: list[str] = []
        params: list[Any] = []
        words = [w.replace('"', "") for w in query.split() if w.strip('"')]
        match = " ".join(f'"{w}"' for w in words)
        if speaker:
            ids = [e.id for e in self.registry().find(speaker)] or [speaker]
            if words and ids != [speaker]:  # both in the index: "word" AND speaker_key: (a OR b)
                keys = " OR ".join(f'"{speaker_key(id)}"' for id in ids)
                match = f"({match}) AND speaker_key: ({keys})"
            else:
                marks = ", ".join("?" * len(ids))
                where.append(f"(q.speaker_id IN ({marks}) OR q.speaker LIKE ?)")
                params += [*ids, f"%{speaker}%"]
        if words:
            where.append("quotes_fts MATCH ?")
            params.insert(0, match)
            if not (since or until or type or where[:-1]):
                floor = self._recent_floor(match)
                if floor is not None:  # rank only the latest matches of a very common word
                    where.append("quotes_fts.rowid >= ?")
                    params.append(floor)
        if since:
            where.append("q.published >= ?")
            params.append(since)
        if until:
            where.append("substr(q.published, 1, 10) <= ?")
            params.append(until)
        if type:
            where.append("q.type = ?")
            params.append(type)
        order = "quotes_fts.rank" if words else "q.published DESC, q.rowid"
        sql = (
            "SELECT q.article_id, q.quote_id, q.type, q.text, q.speaker, q.speaker_id, "
            "q.published, a.title, a.url, a.source FROM quotes AS q "
            "JOIN quotes_fts ON quotes_fts.rowid = q.rowid "
            "JOIN articles AS a ON a.id = q.article_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + f" ORDER BY {order} LIMIT ? OFFSET ?"
        )
        try:
            rows = self.db.execute(sql, [*params, limit, offset]).fetchall()
        except sqlite3.OperationalError as error:
            raise QuotewireError(f"cannot search for {query!r}: {error}") from None
        return [QuoteHit(*row) for row in rows]

    def articles(self, *, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Stored articles (id, title, published, url, source, quote count), newest first."""
        rows = self.db.execute(
            "SELECT a.id, a.title, a.published, a.url, a.source, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes "
            "FROM articles a ORDER BY a.published DESC, a.id DESC LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [dict(r) for r in rows]

    def quotes_per_month(self, speaker_id: str) -> list[dict[str, Any]]:
        """How many quotes a registry entity has per month ("2025-06"), in time order."""
        rows = self.db.execute(
            "SELECT substr(published, 1, 7) AS month, count(*) AS quotes FROM quotes "
            "WHERE speaker_id = ? GROUP BY month ORDER BY month",
            (speaker_id,),
        )
        return [dict(r) for r in rows]

    def claims(
        self,
        *,
        measure: str | None = None,
        speaker: str | None = None,
        speaker_id: str | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored claims in time order: by words of their measure, by claimant (a name, part
        of one, or an id: ``speaker``) or by exactly one registry id (``speaker_id``)."""
        where: list[str] = []
        params: list[Any] = []
        if measure:
            where.append(f"c.measure {self._LIKE} ?")
            params.append(f"%{measure}%")
        if speaker_id:
            where.append("c.claimant_id = ?")
            params.append(speaker_id)
        if speaker:
            ids = [e.id for e in self.registry().find(speaker)] or [speaker]
            marks = ", ".join("?" * len(ids))
            where.append(f"(c.claimant_id IN ({marks}) OR c.claimant {self._LIKE} ?)")
            params += [*ids, f"%{speaker}%"]
        rows = self.db.execute(
            "SELECT c.article_id, c.claim_id, c.quote_id, c.claimant, c.claimant_id, "
            "coalesce(r.name, c.claimant) AS claimant_name, c.value, c.high, c.unit, "
            "c.comparator, c.measure, c.period, c.text, a.published "
            "FROM claims c JOIN articles a ON a.id = c.article_id "
            "LEFT JOIN registry r ON r.id = c.claimant_id"
            + (" WHERE " + " AND ".join(where) if where else "")
            + " ORDER BY coalesce(c.period, a.published), c.article_id, c.claim_id "
            "LIMIT ? OFFSET ?",
            [*params, limit, offset],
        )
        return [dict(r) for r in rows]

    def version(self) -> int:
        """A number that changes when another connection writes to the store."""
        return int(self.db.execute("PRAGMA data_version").fetchone()[0])

    def forget_registry(self) -> None:
        """Reload the registry at its next use (another connection may have changed it)."""
        self._registry = None

    RANKED = 5000
    """A text search ranks at most this many of the most recently stored matches."""

    def _recent_floor(self, match: str) -> int | None:
        """The rowid of the RANKED-th most recent match, or None when there are fewer."""
        row = self.db.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid DESC "
            "LIMIT 1 OFFSET ?",
            (match, self.RANKED - 1),
        ).fetchone()
        return int(row[0]) if row else None

    def speakers(self) -> list[tuple[RegistryEntity, int]]:
        """Registry entities that are speakers, with their quote counts, most quoted first."""
        counts = dict(
            self.db.execute(
                "SELECT speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL "
                "GROUP BY speaker_id"
            ).fetchall()
        )
        registry = self.registry()
        found = [(registry.get(id), int(n)) for id, n in counts.items()]
        return sorted(found, key=lambda pair: (-pair[1], pair[0].name))

    # ---- helpers ------------------------------------------------------------------------------
    def _transaction(self) -> _Transaction:
        return _Transaction(self.db, self._BEGIN)


class _Transaction:
    def __init__(self, db: Any, begin: str) -> None:
        self.db = db
        self.begin = begin

    def __enter__(self) -> None:
        self.db.execute(self.begin)

    def __exit__(self, kind: object, *rest: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")


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


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


__all__ = ["MIGRATIONS", "QuoteHit", "SQLiteStore", "content_hash"]
