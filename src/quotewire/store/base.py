"""What the SQLite and the PostgreSQL stores share: writing an article with its registry, the
filters of ``search`` and ``claims``, reading, and the rules that hold on both.

Each store supplies its own connection (a :class:`Database`: its driver, its parameter mark, its
errors) and its own full-text search; the SQL here is written once, with the store's parameter
mark put in where a value goes (``{p}``), never by rewriting another dialect's SQL.

The rules that hold on both stores:

- **Writers.** Every write is one transaction taken after every other writer's (SQLite: ``BEGIN
  IMMEDIATE``; PostgreSQL: the store's advisory lock), so any number of processes may ingest into
  one store at once and get what one would get. Inside it, an article already stored is skipped
  (the check and the insert are one step), and the registry is brought up to date before the
  article's people join it: a counter in the database (``registry_generation``) goes up with
  every registry write, and a store object reloads only the entities written since the
  generation it last saw (none, for a single writer).
- **Readers.** A store opened ``read_only`` never writes (SQLite: ``mode=ro``; PostgreSQL: a
  read-only session), is never created or migrated by opening it, and says so in one line when
  it is missing or out of date.
- **Errors.** Every error of the database driver is a :class:`StoreError` naming the store (its
  password masked, :func:`~quotewire.store.url.redact`), one line.
- **Filters.** A NUL character in a text filter, or a limit or offset outside 0..2**63-1, is a
  :class:`BadFilter`; ``%`` and ``_`` in a name or measure match themselves; an article holding
  a NUL is refused (PostgreSQL cannot keep it) as an :class:`~quotewire.errors.InputError`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, ClassVar, TypeVar

from pydantic import ValidationError

from quotewire.claims.track import (
    MIN_CHECKWORTHY,
    StoredClaim,
    StoredFlag,
    measure_key,
    stored_flags,
)
from quotewire.errors import InputError, NotFound, QuotewireError
from quotewire.ingest.document import content_hash
from quotewire.model import Article, RegistryEntity, Result
from quotewire.speakers.registry import Registry
from quotewire.store.terms import index_terms
from quotewire.store.url import scrub

T = TypeVar("T")

MAX_COUNT = 2**63 - 1
"""The largest limit or offset a store takes (a signed 64-bit integer, on both stores)."""


class StoreError(QuotewireError):
    """The store cannot be opened, read or written (named, password masked, in one line)."""

    code = "store_error"


class BadFilter(QuotewireError):
    """A filter no store can take: a NUL character, a count out of range."""

    code = "bad_filter"


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One quote found by :meth:`SQLStore.search`."""

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


def speaker_key(registry_id: str | None) -> str | None:
    """A registry id as one search token: "person:maria-kowalska" -> "personmariakowalska"."""
    if not registry_id:
        return None
    return "".join(ch for ch in registry_id.lower() if ch.isalnum())


def query_words(query: str) -> list[str]:
    """The words a search looks for: runs of letters and digits ("deficit\\" OR (AND" ->
    deficit, OR, AND), the same on both stores."""
    return re.findall(r"[^\W_]+", query)


def like_pattern(text: str) -> str:
    """A LIKE pattern matching names that hold ``text`` literally (used with ``ESCAPE '\\'``)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def refuse_nul(**filters: str | None) -> None:
    """A :class:`BadFilter` for the first filter holding a NUL character."""
    for name, value in filters.items():
        if value is not None and "\0" in value:
            raise BadFilter(f"the {name} filter holds a NUL character")


def check_counts(**counts: int) -> None:
    """A :class:`BadFilter` for a limit or offset outside 0..MAX_COUNT."""
    for name, value in counts.items():
        if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= MAX_COUNT:
            raise BadFilter(f"{name} must be a whole number from 0 to {MAX_COUNT}, not {value}")


# ---- the connection ----------------------------------------------------------------------------
class Cursor:
    """A driver's cursor whose errors are the store's (rows read lazily, as the driver does)."""

    def __init__(self, raw: Any, database: Database) -> None:
        self.raw = raw
        self.database = database

    def fetchone(self) -> Any:
        with self.database.errors():
            return self.raw.fetchone()

    def fetchall(self) -> list[Any]:
        with self.database.errors():
            return list(self.raw.fetchall())

    def __iter__(self) -> Iterator[Any]:
        while True:  # (not ``yield from`` the driver's: a loop left early must not close it)
            with self.database.errors():
                rows = self.raw.fetchmany(256)
            if not rows:
                return
            yield from rows

    @property
    def lastrowid(self) -> int | None:
        return getattr(self.raw, "lastrowid", None)


class Database:
    """One connection to a store: SQL in the driver's own parameter style (:attr:`p` is its
    mark for one value), every error of the driver a :class:`StoreError` naming the store."""

    p: ClassVar[str] = "?"
    failures: ClassVar[tuple[type[BaseException], ...]] = ()

    def __init__(self, raw: Any, where: str, url: str) -> None:
        self.raw = raw
        self.where = where  # the store's name in messages, password masked
        self.url = url  # what was given, to mask its passwords in the driver's messages

    def marks(self, n: int) -> str:
        """``n`` parameter marks, comma separated."""
        return ", ".join([self.p] * n)

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        with self.errors():
            raw = self.raw.execute(sql, tuple(params)) if params else self.raw.execute(sql)
            return Cursor(raw, self)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        """Rows into ``table`` (``columns`` in their order); a store may load them its own
        faster way."""
        names = ", ".join(f'"{c}"' for c in columns)
        self.executemany(f"INSERT INTO {table} ({names}) VALUES ({self.marks(len(columns))})", rows)

    def script(self, sql: str) -> None:
        """Run a migration's statements (inside the caller's transaction)."""
        raise NotImplementedError

    def close(self) -> None:
        self.raw.close()

    @contextmanager
    def errors(self) -> Iterator[None]:
        """The driver's errors, as the store's."""
        try:
            yield
        except self.failures as error:
            raise self.failure(error) from None
        except OverflowError:  # a number the driver cannot bind
            raise StoreError(f"{self.where}: a number too large for the store") from None

    def failure(self, error: BaseException) -> StoreError:
        """The store's error for one of the driver's: its first line, named."""
        lines = str(error).strip().splitlines()
        reason = scrub(lines[0].strip() if lines else type(error).__name__, self.url)
        return StoreError(f"{self.where}: {reason}")

    # ---- transactions (each store begins its own way) ------------------------------------
    def begin(self) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        self.execute("COMMIT")

    def rollback(self) -> None:
        """End a failed transaction (quietly: the failure that led here is what to report)."""
        with suppress(Exception):  # no transaction left to roll back, or no connection
            self.raw.execute("ROLLBACK")


# ---- the store ---------------------------------------------------------------------------------
@dataclass(slots=True)
class Where:
    """The conditions of a query and their values, kept in the order they are written."""

    clauses: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.clauses) if self.clauses else ""


Migrations = tuple[tuple[str, str], ...]


class SQLStore:
    """What both stores share. A subclass opens :attr:`db`, gives its :attr:`MIGRATIONS`, its
    case-insensitive LIKE and its full-text :meth:`search`."""

    MIGRATIONS: ClassVar[Migrations] = ()
    _LIKE: ClassVar[str] = "LIKE"
    _REGISTRY_ORDER: ClassVar[str] = "rowid"

    db: Database
    where: str
    read_only: bool

    def _open(self, db: Database, *, read_only: bool) -> None:
        """Take the connection, then migrate the store (or, read-only, check it needs none)."""
        self.db = db
        self.where = db.where
        self.read_only = read_only
        self._registry: Registry | None = None
        self._generation = -1  # of the registry held, as stored
        try:
            if read_only:
                self._check_migrations()
            else:
                self._migrate()
        except BaseException:
            db.close()
            raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> SQLStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- migrations ---------------------------------------------------------------------------
    def _applied(self) -> list[str] | None:
        """Names of the migrations applied, or None when the store has no migrations table
        (then it must hold no table at all to become a store)."""
        raise NotImplementedError

    def _has_tables(self) -> bool:
        raise NotImplementedError

    def _pending(self, applied: list[str] | None) -> list[str]:
        return [name for name, _ in self.MIGRATIONS if name not in (applied or [])]

    def _check_migrations(self) -> None:
        applied = self._applied()
        if applied is None and self._has_tables():
            raise StoreError(f"{self.where}: not a quotewire store (it holds other tables)")
        if applied is None:
            raise StoreError(f"{self.where}: no store here (quotewire ingest creates one)")
        pending = self._pending(applied)
        if pending:
            raise StoreError(
                f"{self.where}: the store needs migrations ({', '.join(pending)}), and a store "
                "opened for reading is not changed: quotewire ingest applies them"
            )

    def _migrate(self) -> None:
        applied = self._applied()
        if applied is not None and not self._pending(applied):
            return  # the usual case: nothing to write, no lock taken
        with self._writing():
            applied = self._applied()  # again, now that no other writer is at it
            if applied is None:
                if self._has_tables():
                    raise StoreError(f"{self.where}: not a quotewire store (it holds other tables)")
                self.db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            for name, sql in self.MIGRATIONS:
                if name in (applied or []):
                    continue
                self.db.script(sql)
                self.db.execute(
                    f"INSERT INTO migrations (name, applied_at) VALUES ({self.db.marks(2)})",
                    (name, _now()),
                )

    def migrations(self) -> list[str]:
        """Names of the migrations applied, in order."""
        return sorted(self._applied() or [])

    # ---- transactions -------------------------------------------------------------------------
    @contextmanager
    def _writing(self) -> Iterator[None]:
        """One write transaction, begun once every other writer's has ended."""
        if self.read_only:
            raise StoreError(f"{self.where}: the store is open read-only")
        self.db.begin()
        try:
            yield
        except BaseException:
            self.db.rollback()
            raise
        try:
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    # ---- writing ------------------------------------------------------------------------------
    def has(self, key: str, url: str | None = None) -> bool:
        """Whether an article with this content hash (or this URL) is stored."""
        refuse_nul(key=key, url=url)
        p = self.db.p
        sql = f"SELECT 1 FROM articles WHERE content_hash = {p}"
        params = [key]
        if url:  # (a NULL parameter compared in SQL has no type for PostgreSQL)
            sql += f" OR url = {p}"
            params.append(url)
        return self.db.execute(sql, params).fetchone() is not None

    def add(self, result: Result, *, key: str, source: str | None = None) -> int | None:
        """Store one result under its content hash ``key`` in one transaction, and register
        its entities; returns the new article id, or None when it was stored already (by
        anyone, even a writer that stored it a moment ago)."""
        added = self.add_many([Incoming(result, key, source)])[0]
        if isinstance(added, InputError):
            raise added
        return added

    def add_many(self, batch: Sequence[Incoming]) -> list[int | InputError | None]:
        """Store several results in one transaction, in order, as :meth:`add` stores each
        (the same rows, the same registry); for each, its new article id, None when it was
        stored already (or earlier in the batch), or the error of a result no store can keep
        (a NUL character), which leaves the others to be stored. The statements and figures
        of the whole batch are written at once (``COPY`` on PostgreSQL)."""
        prepared = [_prepared(item) for item in batch]
        outcome: list[int | InputError | None] = []
        try:
            with self._writing():
                registry = self._current_registry()
                quotes: list[tuple[Any, ...]] = []
                claims: list[tuple[Any, ...]] = []
                changed: list[str] = []
                for item in prepared:
                    if isinstance(item, InputError):
                        outcome.append(item)
                        continue
                    article_id = (
                        None if self.has(item.key, item.url) else self._insert_article(item.row)
                    )
                    outcome.append(article_id)
                    if article_id is None:  # stored already, or meanwhile by a writer outside
                        continue  # the lock
                    joined = registry.add(str(article_id), item.entities, item.published)
                    quotes += _registered_quotes(article_id, item.quotes, joined)
                    claims += _registered_claims(article_id, item.claims, joined)
                    changed += joined.values()
                self._insert_rows(quotes, claims)
                self._save_registry(list(dict.fromkeys(changed)))
        except BaseException:
            self.forget_registry()  # it may hold what was just rolled back
            raise
        return outcome

    @contextmanager
    def bulk_load(self) -> Iterator[None]:
        """Around a load of many batches (:meth:`add_many`): a store may build its indexes
        once at the end rather than row by row (PostgreSQL does, into an empty store)."""
        yield

    def _insert_article(self, row: tuple[Any, ...]) -> int | None:
        found = self.db.execute(
            "INSERT INTO articles (content_hash, url, source, title, published, text, "
            f"result, ingested_at, outlet) VALUES ({self.db.marks(9)}) "
            "ON CONFLICT DO NOTHING RETURNING id",
            row,
        ).fetchall()
        return int(found[0][0]) if found else None

    QUOTE_COLUMNS: ClassVar[tuple[str, ...]] = (
        "article_id",
        "quote_id",
        "type",
        "text",
        "speaker",
        "speaker_id",
        "speaker_key",
        "cue",
        "start",
        "end",
        "published",
        "confidence",
        "search_terms",
    )
    CLAIM_COLUMNS: ClassVar[tuple[str, ...]] = (
        "article_id",
        "claim_id",
        "quote_id",
        "claimant",
        "claimant_id",
        "value",
        "high",
        "unit",
        "comparator",
        "measure",
        "period",
        "text",
        "start",
        "end",
        "checkworthy",
    )

    def _insert_rows(self, quotes: list[tuple[Any, ...]], claims: list[tuple[Any, ...]]) -> None:
        """Insert the rows of :data:`QUOTE_COLUMNS` and :data:`CLAIM_COLUMNS`."""
        if quotes:
            self.db.insert("quotes", self.QUOTE_COLUMNS, quotes)
        if claims:
            self.db.insert("claims", self.CLAIM_COLUMNS, claims)

    # ---- the registry -------------------------------------------------------------------------
    def registry(self) -> Registry:
        """The cross-article registry as stored now: loaded once, then brought up to date
        (only the entities other writers changed) whenever another writer has changed it."""
        return self._current_registry()

    def forget_registry(self) -> None:
        """Load the whole registry again at its next use."""
        self._registry = None
        self._generation = -1

    def rebuild_registry(self) -> int:
        """Build the registry again from every stored article at once, as ``quotewire spark``
        and :class:`~quotewire.corpus.Corpus` build it
        (:func:`~quotewire.speakers.registry.build_registry`: each block of names resolved in
        the order of its articles' dates and text hashes), so that it no longer depends on the
        order the articles were stored in; the statements' and figures' registry ids follow, in
        the same transaction. Returns the number of entities. It reads every stored result:
        run it after an ingest, not per article."""
        from quotewire.corpus import result_sightings
        from quotewire.speakers.registry import Sighting, build_registry

        try:
            with self._writing():
                seen: list[Sighting] = []
                quotes: list[tuple[str, str, str]] = []  # (article, local speaker, quote)
                claims: list[tuple[str, str, str]] = []  # (article, local claimant, claim)
                for article_id, result in self.results():
                    article = str(article_id)
                    seen += result_sightings(article, result)
                    quotes += [
                        (article, q.speaker.entity, q.id)
                        for q in result.quotes
                        if q.speaker and q.speaker.entity
                    ]
                    claims += [
                        (article, c.claimant.entity, c.id)
                        for c in result.claims
                        if c.claimant and c.claimant.entity
                    ]
                registry = build_registry(seen)
                self._write_registry(registry, quotes, claims)
        except BaseException:
            self.forget_registry()  # it may hold what was just rolled back
            raise
        return len(registry)

    def _write_registry(
        self,
        registry: Registry,
        quotes: list[tuple[str, str, str]],
        claims: list[tuple[str, str, str]],
    ) -> None:
        """Replace the stored registry with ``registry`` and give each listed statement and
        figure the registry id its local entity joined (inside the caller's transaction)."""

        def joined(article: str, local: str) -> str | None:
            entity = registry.entity_of(article, local)
            return entity.id if entity is not None else None

        p = self.db.p
        self.db.execute("DELETE FROM registry")
        self._registry, self._generation = registry, -1
        self._save_registry([e.id for e in registry])
        self.db.executemany(
            f"UPDATE quotes SET speaker_id = {p}, speaker_key = {p} "
            f"WHERE article_id = {p} AND quote_id = {p}",
            [
                (id, speaker_key(id), int(article), quote)
                for article, local, quote in quotes
                for id in [joined(article, local)]
            ],
        )
        self.db.executemany(
            f"UPDATE claims SET claimant_id = {p} WHERE article_id = {p} AND claim_id = {p}",
            [(joined(article, local), int(article), claim) for article, local, claim in claims],
        )

    def _stored_generation(self) -> int:
        row = self.db.execute("SELECT generation FROM registry_generation").fetchone()
        if row is None:
            raise StoreError(f"{self.where}: the registry's generation row is missing")
        return int(row[0])

    def _current_registry(self) -> Registry:
        """The registry, reloaded where the stored one has changed since it was read (the
        generation is read first: entities read after it are at least as new)."""
        generation = self._stored_generation()
        if self._registry is not None and generation == self._generation:
            return self._registry
        if self._registry is not None and 0 <= self._generation < generation:
            self._registry.update(self._entities(since=self._generation), self._apart())
            if len(self._registry) == int(
                self.db.execute("SELECT count(*) FROM registry").fetchone()[0]
            ):
                self._generation = generation
                return self._registry
        self._registry = Registry.restore(self._entities(), self._apart())
        self._generation = generation
        return self._registry

    def _entities(self, since: int | None = None) -> list[RegistryEntity]:
        sql = "SELECT id, record FROM registry"
        params: list[int] = []
        if since is not None:
            sql += f" WHERE generation > {self.db.p}"
            params.append(since)
        rows = self.db.execute(f"{sql} ORDER BY {self._REGISTRY_ORDER}", params)
        parse = RegistryEntity.model_validate_json
        return [self._stored(parse, f"registry entity {id}", record) for id, record in rows]

    def _apart(self) -> list[tuple[str, str, str]]:
        rows = self.db.execute("SELECT registry_id, article, entity FROM registry_apart")
        return [(str(a), str(b), str(c)) for a, b, c in rows]

    def _save_registry(self, ids: list[str]) -> None:
        """Write the entities an article changed (inside its transaction), under the next
        registry generation; new ones in the order they were made, the registry's own order
        (a store that reloads it must hold what the writer held)."""
        if not ids:
            return
        bumped = self.db.execute(
            "UPDATE registry_generation SET generation = generation + 1 RETURNING generation"
        ).fetchall()
        if not bumped:
            raise StoreError(f"{self.where}: the registry's generation row is missing")
        generation = int(bumped[0][0])
        assert self._registry is not None  # read by add(), in this transaction
        registry = self._registry
        self.db.executemany(
            "INSERT INTO registry (id, name, type, record, generation) "
            f"VALUES ({self.db.marks(5)}) ON CONFLICT (id) DO UPDATE SET name = excluded.name, "
            "record = excluded.record, generation = excluded.generation",
            [
                (e.id, e.name, e.type, e.model_dump_json(), generation)
                for e in map(registry.get, ids)
            ],
        )
        self._generation = generation

    def _speaker_ids(self, speaker: str) -> list[str]:
        """The registry ids a speaker filter names: itself (an id) and the entities whose name
        or alias holds it."""
        return list(dict.fromkeys([speaker, *(e.id for e in self.registry().find(speaker))]))

    def _speaker_clause(
        self, where: Where, id_column: str, name_column: str, speaker: str, ids: list[str]
    ) -> None:
        """Said by one of ``ids``, or, by a speaker outside the registry, by a name holding
        ``speaker`` (case aside, ``%`` and ``_`` literally)."""
        one_of, values = self._one_of(id_column, ids)
        where.add(
            f"({one_of} OR ({id_column} IS NULL AND "
            f"{name_column} {self._LIKE} {self.db.p} ESCAPE '\\'))",
            values,
            like_pattern(speaker),
        )

    def _one_of(self, column: str, values: list[str]) -> tuple[str, Any]:
        """The condition that ``column`` holds one of ``values`` (as many as there are: a
        filter may name thousands of registry entities), and its one parameter."""
        raise NotImplementedError

    # ---- reading ------------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        if table not in ("articles", "quotes", "claims", "registry"):
            raise QuotewireError(f"no table {table!r}")
        return int(self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])

    def result(self, article_id: int) -> Result:
        """The stored result of one article."""
        row = None
        if 0 < article_id <= MAX_COUNT:
            row = self.db.execute(
                f"SELECT result FROM articles WHERE id = {self.db.p}", (article_id,)
            ).fetchone()
        if row is None:
            raise NotFound(f"no article {article_id} in {self.where}")
        return self._stored(Result.model_validate_json, f"article {article_id}", row[0])

    def results(self) -> Iterator[tuple[int, Result]]:
        """Every stored result, in the order stored."""
        for article_id, stored in self.db.execute("SELECT id, result FROM articles ORDER BY id"):
            yield (
                int(article_id),
                self._stored(Result.model_validate_json, f"article {article_id}", stored),
            )

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
        best first; ``speaker`` (a registry id, a name or part of one: the registry's entities
        whose name holds it, or a speaker outside the registry whose name holds it),
        ``since``/``until`` (ISO dates, inclusive) and ``type`` narrow them."""
        raise NotImplementedError

    def _dates_and_type(
        self, where: Where, since: str | None, until: str | None, type: str | None
    ) -> None:
        p = self.db.p
        if since:
            where.add(f"q.published >= {p}", since)
        if until:
            where.add(f"substr(q.published, 1, 10) <= {p}", until)
        if type:
            where.add(f"q.type = {p}", type)

    def articles(
        self,
        *,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Stored articles (id, title, published, url, source, outlet, quote and claim
        counts), newest first (those without a date last, in every store); ``outlet``
        (exactly) and ``since``/``until`` (ISO dates, inclusive) narrow them."""
        check_counts(limit=limit, offset=offset)
        where = self._article_filter(outlet, since, until)
        rows = self.db.execute(
            "SELECT a.id, a.title, a.published, a.url, a.source, a.outlet, "
            "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS quotes, "
            "(SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims "
            "FROM articles a"
            + where.sql()
            + " ORDER BY a.published IS NULL, a.published DESC, a.id DESC "
            f"LIMIT {self.db.p} OFFSET {self.db.p}",
            [*where.params, limit, offset],
        )
        return [dict(r) for r in rows]

    def count_articles(
        self, *, outlet: str | None = None, since: str | None = None, until: str | None = None
    ) -> int:
        """How many articles :meth:`articles` pages through with these filters."""
        where = self._article_filter(outlet, since, until)
        found = self.db.execute("SELECT count(*) FROM articles a" + where.sql(), where.params)
        return int(found.fetchone()[0])

    def outlets(self) -> list[dict[str, Any]]:
        """The outlets of the stored articles with their article counts, most articles first."""
        rows = self.db.execute(
            "SELECT outlet, count(*) AS articles FROM articles WHERE outlet IS NOT NULL "
            "GROUP BY outlet ORDER BY count(*) DESC, outlet"
        )
        return [dict(r) for r in rows]

    def article_titles(self, ids: Sequence[int]) -> dict[int, str | None]:
        """The titles of the articles ``ids`` (those stored), by id."""
        titles: dict[int, str | None] = {}
        for start in range(0, len(ids), 500):
            chunk = [int(i) for i in ids[start : start + 500]]
            rows = self.db.execute(
                f"SELECT id, title FROM articles WHERE id IN ({self.db.marks(len(chunk))})",
                chunk,
            )
            titles.update({int(id): title for id, title in rows})
        return titles

    def _article_filter(self, outlet: str | None, since: str | None, until: str | None) -> Where:
        refuse_nul(outlet=outlet, since=since, until=until)
        p = self.db.p
        where = Where()
        if outlet:
            where.add(f"a.outlet = {p}", outlet)
        if since:
            where.add(f"a.published >= {p}", since)
        if until:
            where.add(f"substr(a.published, 1, 10) <= {p}", until)
        return where

    def count_quotes(
        self,
        query: str = "",
        *,
        speaker: str | None = None,
        since: str | None = None,
        until: str | None = None,
        type: str | None = None,
    ) -> int:
        """How many quotes :meth:`search` finds with these words and filters (all of them,
        not only the page asked for)."""
        raise NotImplementedError

    def quotes_per_month(self, speaker_id: str) -> list[dict[str, Any]]:
        """How many quotes a registry entity has per month ("2025-06"), in time order."""
        refuse_nul(speaker_id=speaker_id)
        rows = self.db.execute(
            "SELECT substr(published, 1, 7) AS month, count(*) AS quotes FROM quotes "
            f"WHERE speaker_id = {self.db.p} GROUP BY month ORDER BY month",
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
        """Stored claims in time order: by words of their measure (held literally, case
        aside), by claimant (``speaker``: as :meth:`search` takes it) or by exactly one
        registry id (``speaker_id``)."""
        refuse_nul(measure=measure, speaker=speaker, speaker_id=speaker_id)
        check_counts(limit=limit, offset=offset)
        p = self.db.p
        where = Where()
        if measure:
            where.add(f"c.measure {self._LIKE} {p} ESCAPE '\\'", like_pattern(measure))
        if speaker_id:
            where.add(f"c.claimant_id = {p}", speaker_id)
        if speaker:
            ids = self._speaker_ids(speaker)
            self._speaker_clause(where, "c.claimant_id", "c.claimant", speaker, ids)
        rows = self.db.execute(
            "SELECT c.article_id, c.claim_id, c.quote_id, c.claimant, c.claimant_id, "
            "coalesce(r.name, c.claimant) AS claimant_name, c.value, c.high, c.unit, "
            "c.comparator, c.measure, c.period, c.text, a.published "
            "FROM claims c JOIN articles a ON a.id = c.article_id "
            "LEFT JOIN registry r ON r.id = c.claimant_id"
            + where.sql()
            + " ORDER BY coalesce(c.period, a.published), c.article_id, c.claim_id "
            f"LIMIT {p} OFFSET {p}",
            [*where.params, limit, offset],
        )
        return [dict(r) for r in rows]

    def claim_flags(
        self, rows: Sequence[Mapping[str, Any]], min_checkworthy: float = MIN_CHECKWORTHY
    ) -> dict[tuple[int, str], list[StoredFlag]]:
        """The change and contradiction flags of the claims ``rows`` (as :meth:`claims` gives
        them), by (article id, claim id): each row's timeline (the stored claims of its
        claimant, unit and measure, checkworthy enough) read from the store and flagged by
        :func:`~quotewire.claims.track.stored_flags`, as ``quotewire claims`` flags files."""
        groups = {
            (r["claimant_id"], None if r["claimant_id"] else r["claimant"], r["unit"], head)
            for r in rows
            if r["measure"] and (head := measure_key(r["measure"])[0])
        }
        found: dict[tuple[int, str], StoredClaim] = {}
        p = self.db.p
        for claimant_id, claimant, unit, head in groups:
            where = Where()
            where.add(f"c.unit = {p}", unit)
            where.add(f"c.measure {self._LIKE} {p} ESCAPE '\\'", like_pattern(head))
            where.add(f"c.checkworthy >= {p}", min_checkworthy)
            if claimant_id:
                where.add(f"c.claimant_id = {p}", claimant_id)
            elif claimant:
                where.add(f"c.claimant_id IS NULL AND c.claimant = {p}", claimant)
            else:
                where.add("c.claimant_id IS NULL AND c.claimant IS NULL")
            for row in self.db.execute(
                "SELECT c.article_id, c.claim_id, c.claimant, c.claimant_id, "
                "coalesce(r.name, c.claimant) AS claimant_name, c.value, c.high, c.unit, "
                "c.comparator, c.measure, c.period, c.text, c.checkworthy, a.published, a.title "
                "FROM claims c JOIN articles a ON a.id = c.article_id "
                "LEFT JOIN registry r ON r.id = c.claimant_id" + where.sql(),
                where.params,
            ):
                if measure_key(row["measure"])[0] != head:
                    continue  # ("rate" holds "rat"; the head word must be the same)
                claimant_key = row["claimant_id"] or (
                    f"unresolved:{row['claimant']}" if row["claimant"] else None
                )
                found[(int(row["article_id"]), row["claim_id"])] = StoredClaim(
                    article_id=int(row["article_id"]),
                    claim_id=row["claim_id"],
                    claimant_key=claimant_key,
                    claimant_name=row["claimant_name"] or "narrator",
                    value=float(row["value"]),
                    high=None if row["high"] is None else float(row["high"]),
                    unit=row["unit"],
                    comparator=row["comparator"],
                    measure=row["measure"],
                    period=row["period"],
                    text=row["text"],
                    checkworthy=float(row["checkworthy"]),
                    published=row["published"],
                    title=row["title"],
                )
        return stored_flags(found.values())

    def speakers(self) -> list[tuple[RegistryEntity, int]]:
        """Registry entities that are speakers, with their quote counts, most quoted first."""
        counts = {
            str(id): int(n)
            for id, n in self.db.execute(
                "SELECT speaker_id, count(*) FROM quotes WHERE speaker_id IS NOT NULL "
                "GROUP BY speaker_id"
            )
        }
        registry = self.registry()  # read after the counts: it holds every id they name
        found = [(registry.get(id), n) for id, n in counts.items()]
        return sorted(found, key=lambda pair: (-pair[1], pair[0].name))

    # ---- helpers ------------------------------------------------------------------------------
    def _stored(self, parse: Callable[[str], T], what: str, text: str) -> T:
        """A record read back from the store, or a :class:`StoreError` if it is damaged."""
        try:
            return parse(text)
        except ValidationError as error:
            reason = str(error).splitlines()[0]
            raise StoreError(f"{self.where}: {what} is damaged ({reason})") from None


def _quote_rows(result: Result) -> list[tuple[Any, ...]]:
    """The article's quotes as rows: (id, type, text, speaker, speaker's local entity, cue,
    start, end, published, confidence, search terms)."""
    return [
        (
            q.id,
            q.type,
            q.text,
            q.speaker.name if q.speaker else None,
            q.speaker.entity if q.speaker else None,
            q.cue.text if q.cue else None,
            q.content[0].start,
            q.content[-1].end,
            result.article.published,
            q.confidence,
            index_terms(q.text, q.speaker.name if q.speaker else None, result.article.title),
        )
        for q in result.quotes
    ]


def _claim_rows(result: Result) -> list[tuple[Any, ...]]:
    """The article's claims as rows: (id, quote, claimant, claimant's local entity, value, high,
    unit, comparator, measure, period, text, start, end, checkworthy)."""
    return [
        (
            c.id,
            c.quote,
            c.claimant.name if c.claimant else None,
            c.claimant.entity if c.claimant else None,
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
    ]


@dataclass(frozen=True, slots=True)
class Incoming:
    """A result to store (:meth:`SQLStore.add_many`) under its content hash ``key``."""

    result: Result
    key: str
    source: str | None = None


@dataclass(frozen=True, slots=True)
class _Prepared:
    """An incoming result as the store writes it: its article row, its statements' and
    figures' rows (with local entity ids, joined to the registry when stored), its entities."""

    key: str
    url: str | None
    published: str | None
    row: tuple[Any, ...]
    quotes: list[tuple[Any, ...]]
    claims: list[tuple[Any, ...]]
    entities: Sequence[Any]


def _prepared(item: Incoming) -> _Prepared | InputError:
    """The rows of one incoming result, or the error of a result that holds a NUL character
    (which no store can keep); a NUL in its key or URL is a :class:`BadFilter`."""
    result, article = item.result, item.result.article
    refuse_nul(key=item.key, url=article.url)
    row = (
        item.key,
        article.url,
        item.source,
        article.title,
        article.published,
        article.text,
        result.to_json(),
        _now(),
        outlet_of(article),
    )
    quotes, claims = _quote_rows(result), _claim_rows(result)
    names = [(e.name, *e.roles) for e in result.entities]
    if _holds_nul([row, *quotes, *claims, *names]):
        return InputError(
            "the article holds a NUL character; it is not stored",
            source=item.source or article.url or "the article",
        )
    return _Prepared(item.key, article.url, article.published, row, quotes, claims, result.entities)


def _registered_quotes(
    article_id: int, quotes: list[tuple[Any, ...]], joined: dict[str, str]
) -> list[tuple[Any, ...]]:
    """Quote rows of :data:`SQLStore.QUOTE_COLUMNS`, the speaker's local entity replaced by its
    registry id (and the id's search token)."""
    rows = []
    for id, kind, text, name, local, *rest in quotes:
        registered = joined.get(local) if local is not None else None
        rows.append((article_id, id, kind, text, name, registered, speaker_key(registered), *rest))
    return rows


def _registered_claims(
    article_id: int, claims: list[tuple[Any, ...]], joined: dict[str, str]
) -> list[tuple[Any, ...]]:
    """Claim rows of :data:`SQLStore.CLAIM_COLUMNS`, the claimant's local entity replaced by
    its registry id."""
    return [
        (article_id, id, quote, name, joined.get(local) if local is not None else None, *rest)
        for id, quote, name, local, *rest in claims
    ]


def _holds_nul(rows: list[tuple[Any, ...]]) -> bool:
    return any(isinstance(v, str) and "\0" in v for row in rows for v in row)


def outlet_of(article: Article) -> str | None:
    """The outlet that published ``article``: its publisher (the page's site name), else the
    agency its text credits ("(BelTA)"); None when neither is known."""
    if article.publisher:
        return article.publisher
    return article.credited_source.name if article.credited_source else None


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


__all__ = [
    "MAX_COUNT",
    "BadFilter",
    "Database",
    "Incoming",
    "QuoteHit",
    "SQLStore",
    "StoreError",
    "Where",
    "check_counts",
    "content_hash",
    "like_pattern",
    "query_words",
    "refuse_nul",
    "speaker_key",
]
