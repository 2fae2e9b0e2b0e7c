"""Every filter of ``search`` and ``claims``, alone and together, on SQLite and PostgreSQL, against
rows computed here from the stored results and the registry (not from the store's tables).

The rules computed here are the store's documented ones:

- words: every word of the query is a word of the quote's text, its speaker's name, its article's
  title or its speaker's registry key (case aside);
- speaker S: the quote's speaker is S itself (a registry id), or an entity of the registry whose
  name or alias holds S (``Registry.find``), or, for a speaker outside the registry, a name that
  holds S (case aside, S taken literally: ``%`` and ``_`` are characters, not wildcards);
- since / until: the article's date is on or after ``since`` and on or before ``until``;
- type: the quote's type.

The store is the cross-article corpus, plus two of its articles stored again with speakers the
registry does not hold, named with ``%`` and ``_``, and a figure whose measure holds them.
"""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.model import Result, Speaker
from quotewire.runners.ingest import ingest
from quotewire.speakers.registry import Registry
from quotewire.store import content_hash, open_store

CORPUS = Path(__file__).parent / "data" / "corpus"
BIG = 2**63


def _odd_copy(path: Path, speaker: str, measure: str) -> tuple[Result, str]:
    """An article of the corpus, slightly reworded (a new article to the store), whose quotes
    are given to a speaker outside the registry and whose first figure to ``measure``."""
    text = path.read_text(encoding="utf-8").replace(" said", " remarked", 1)
    result = quotewire.extract(text)
    for quote in result.quotes:
        quote.speaker = Speaker(name=speaker)
    for claim in result.claims:
        claim.claimant = None
    if result.claims:
        result.claims[0].measure = measure
    return result, content_hash(text)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def filled(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A store of each kind holding the corpus and two odd copies."""
    if request.param == "sqlite":
        url = str(tmp_path_factory.mktemp("filters") / "quotewire.db")
    else:
        import psycopg

        server = request.getfixturevalue("postgres_server")
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute('CREATE DATABASE "filters"')
        url = server.rsplit("/", 1)[0] + "/filters"
    documents = [
        quotewire.Document(text=p.read_text(encoding="utf-8"), source=str(p))
        for p in sorted(CORPUS.glob("*.txt"))
    ]
    with open_store(url) as store:
        assert ingest(documents, store).added == 9
        for path, speaker, measure in (
            (CORPUS / "02-lund-march.txt", "100% Pure_Juice Council", "share of 50% _ votes"),
            (CORPUS / "03-kowalska-june.txt", "The Lund Society", "deficit_of trust"),
        ):
            result, key = _odd_copy(path, speaker, measure)
            assert store.add(result, key=key) is not None
    yield url


@dataclass(frozen=True)
class Row:
    """One stored quote, with what the rules need, computed from the stored result."""

    article_id: int
    quote_id: str
    type: str
    speaker: str | None
    speaker_id: str | None
    published: str | None
    words: frozenset[str]


def _words(text: str | None) -> set[str]:
    return set(re.findall(r"[^\W_]+", (text or "").lower()))


def _key(registry_id: str | None) -> str:
    return "".join(ch for ch in (registry_id or "").lower() if ch.isalnum())


@dataclass(frozen=True)
class Stored:
    rows: list[Row]
    claims: list[dict[str, Any]]  # article_id, claim_id, claimant, claimant_id, measure
    registry: Registry


@pytest.fixture(scope="module")
def stored(filled: str) -> Stored:
    rows, claims = [], []
    with open_store(filled) as store:
        registry = store.registry()
        for article_id, result in store.results():
            article = str(article_id)

            def registered(local: str | None, article: str = article) -> str | None:
                entity = registry.entity_of(article, local) if local else None
                return entity.id if entity else None

            for quote in result.quotes:
                name = quote.speaker.name if quote.speaker else None
                speaker_id = registered(quote.speaker.entity if quote.speaker else None)
                words = _words(quote.text) | _words(name) | _words(result.article.title)
                rows.append(
                    Row(
                        article_id,
                        quote.id,
                        quote.type,
                        name,
                        speaker_id,
                        result.article.published,
                        frozenset(words | {_key(speaker_id)}),
                    )
                )
            for claim in result.claims:
                claims.append(
                    {
                        "article_id": article_id,
                        "claim_id": claim.id,
                        "claimant": claim.claimant.name if claim.claimant else None,
                        "claimant_id": registered(
                            claim.claimant.entity if claim.claimant else None
                        ),
                        "measure": claim.measure,
                    }
                )
    assert len(rows) > 50 and len(claims) > 20
    return Stored(rows, claims, registry)


def _speaks(speaker: str, speaker_id: str | None, name: str | None, registry: Registry) -> bool:
    ids = {speaker} | {e.id for e in registry.find(speaker)}
    if speaker_id is not None:
        return speaker_id in ids
    return name is not None and speaker.lower() in name.lower()


def _expected(
    stored: Stored,
    query: str,
    speaker: str | None,
    since: str | None,
    until: str | None,
    type: str | None,
) -> set[tuple[int, str]]:
    words = _words(query)
    return {
        (r.article_id, r.quote_id)
        for r in stored.rows
        if words <= r.words
        and (speaker is None or _speaks(speaker, r.speaker_id, r.speaker, stored.registry))
        and (since is None or (r.published is not None and r.published >= since))
        and (until is None or (r.published is not None and r.published[:10] <= until))
        and (type is None or r.type == type)
    }


QUERIES = ("", "inflation", "krone euro", "deficit", "Lund", "zzzznothing", 'deficit" OR (AND')
SPEAKERS = (
    None,
    "Henrik Lund",  # a registry name
    "Lund",  # part of a registry name, and of a name outside the registry
    "kowalska",  # part of two registry names
    "person:maria-kowalska",  # a registry id
    "The Lund Society",  # outside the registry
    "pure_juice",  # outside the registry, with "_"
    "100%",  # outside the registry, with "%"
    "%",  # a wildcard in SQL: only names holding "%"
    "_",  # a wildcard in SQL: only names holding "_"
    "Nobody At All",
)
SINCES = (None, "2025-06-01")
UNTILS = (None, "2025-10-31")
TYPES = (None, "direct", "indirect")


def test_every_combination_of_search_filters(filled: str, stored: Stored) -> None:
    checked = found_any = 0
    with open_store(filled) as store:
        for query, speaker, since, until, type in itertools.product(
            QUERIES, SPEAKERS, SINCES, UNTILS, TYPES
        ):
            filters: dict[str, Any] = {
                "speaker": speaker,
                "since": since,
                "until": until,
                "type": type,
            }
            hits = store.search(query, **filters, limit=100_000)
            found = [(h.article_id, h.quote_id) for h in hits]
            expected = _expected(stored, query, speaker, since, until, type)
            assert len(found) == len(set(found)), (query, filters)
            assert set(found) == expected, (query, filters)
            checked += 1
            found_any += bool(found)
            if len(found) > 2:  # pages of two, one after another, are the whole list
                pages = [
                    (h.article_id, h.quote_id)
                    for offset in range(0, len(found), 2)
                    for h in store.search(query, **filters, limit=2, offset=offset)
                ]
                assert pages == found, (query, filters)
                assert store.search(query, **filters, limit=0) == []
    assert checked > 900 and found_any > 150


MEASURES = (None, "deficit", "DEFICIT", "inflation", "%", "_", "50% _", "zzzz")


def test_every_combination_of_claim_filters(filled: str, stored: Stored) -> None:
    found_any = 0
    with open_store(filled) as store:
        for measure, speaker, speaker_id in itertools.product(
            MEASURES, SPEAKERS, (None, "person:maria-kowalska", "org:statistics-denmark")
        ):
            rows = store.claims(
                measure=measure, speaker=speaker, speaker_id=speaker_id, limit=100_000
            )
            found = [(c["article_id"], c["claim_id"]) for c in rows]
            expected = {
                (c["article_id"], c["claim_id"])
                for c in stored.claims
                if (measure is None or measure.lower() in (c["measure"] or "").lower())
                and (
                    speaker is None
                    or _speaks(speaker, c["claimant_id"], c["claimant"], stored.registry)
                )
                and (speaker_id is None or c["claimant_id"] == speaker_id)
            }
            assert len(found) == len(set(found))
            assert set(found) == expected, (measure, speaker, speaker_id)
            found_any += bool(found)
            if len(found) > 2:
                pages = [
                    (c["article_id"], c["claim_id"])
                    for offset in range(0, len(found), 2)
                    for c in store.claims(
                        measure=measure,
                        speaker=speaker,
                        speaker_id=speaker_id,
                        limit=2,
                        offset=offset,
                    )
                ]
                assert pages == found
    assert found_any > 20


def test_wildcards_are_characters(filled: str) -> None:
    with open_store(filled) as store:
        everyone = store.search("", limit=100_000)
        percent = store.search("", speaker="%", limit=100_000)
        assert percent and len(percent) < len(everyone) / 3
        assert {h.speaker for h in percent} == {"100% Pure_Juice Council"}
        assert {h.speaker for h in store.search("", speaker="_")} == {"100% Pure_Juice Council"}
        assert store.search("", speaker="pure%juice") == []
        assert [c["measure"] for c in store.claims(measure="%")] == ["share of 50% _ votes"]
        assert store.claims(measure="deficit_") == store.claims(measure="deficit_of")
        assert store.claims(measure="deficit%") == []


def test_words_with_a_speaker_outside_the_registry(filled: str) -> None:
    """The audit's case: words and a speaker the registry does not know."""
    with open_store(filled) as store:
        hits = store.search("krone", speaker="The Lund Society")
        assert hits == [] or {h.speaker for h in hits} == {"The Lund Society"}
        hits = store.search("inflation", speaker="Pure_Juice")
        assert hits and {h.speaker for h in hits} == {"100% Pure_Juice Council"}


NUL_FILTERS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("search", "query", {"query": "infla\0tion"}),
    ("search", "speaker", {"query": "inflation", "speaker": "Lund\0"}),
    ("search", "speaker", {"speaker": "\0"}),
    ("search", "since", {"since": "2025-01-01\0"}),
    ("search", "until", {"until": "\x002025"}),
    ("search", "type", {"type": "direct\0"}),
    ("claims", "measure", {"measure": "defi\0cit"}),
    ("claims", "speaker", {"speaker": "Kowalska\0"}),
    ("claims", "speaker_id", {"speaker_id": "person:maria-kowalska\0"}),
    ("quotes_per_month", "speaker_id", {"speaker_id": "person:henrik-lund\0"}),
    ("has", "key", {"key": "abc\0"}),
    ("has", "url", {"key": "abc", "url": "https://example.org/\0"}),
)


def test_a_nul_in_any_filter_is_refused_in_one_line(filled: str) -> None:
    """The same message on both stores (none names the store: the filter is at fault)."""
    with open_store(filled) as store:
        for method, field, arguments in NUL_FILTERS:
            with pytest.raises(QuotewireError) as refused:
                getattr(store, method)(**arguments)
            assert str(refused.value) == f"the {field} filter holds a NUL character", method
        assert store.search("inflation")  # still usable


def test_an_article_holding_a_nul_is_refused_the_same_on_both_stores(store_url: str) -> None:
    text = (CORPUS / "04-lund-july.txt").read_text(encoding="utf-8")
    clean = quotewire.extract(text)
    in_text = clean.model_copy(deep=True)
    in_text.article.text = in_text.article.text.replace("\n", "\0", 1)
    in_speaker = clean.model_copy(deep=True)
    assert in_speaker.quotes[0].speaker is not None
    in_speaker.quotes[0].speaker.name = "Henrik\0Lund"
    with open_store(store_url) as store:
        for result in (in_text, in_speaker):
            with pytest.raises(QuotewireError) as refused:
                store.add(result, key=content_hash(result.article.text), source="july.txt")
            message = str(refused.value)
            assert message == "july.txt: the article holds a NUL character; it is not stored"
        assert store.count() == 0 and store.count("quotes") == 0 and len(store.registry()) == 0
        assert store.add(clean, key=content_hash(text)) is not None


@pytest.mark.parametrize("limit, offset", [(BIG, 0), (10**30, 0), (-1, 0), (5, BIG), (5, -3)])
def test_limits_out_of_range_are_refused(filled: str, limit: int, offset: int) -> None:
    with open_store(filled) as store:
        for call in (
            lambda: store.search("inflation", limit=limit, offset=offset),
            lambda: store.search("", limit=limit, offset=offset),
            lambda: store.claims(limit=limit, offset=offset),
            lambda: store.articles(limit=limit, offset=offset),
        ):
            with pytest.raises(QuotewireError, match="must be a whole number from 0 to"):
                call()
        assert len(store.search("", limit=BIG - 1)) == store.count("quotes")
        with pytest.raises(QuotewireError, match="no article"):
            store.result(BIG)


def test_a_speaker_filter_naming_more_entities_than_a_query_takes_values(store_url: str) -> None:
    """Lund names Henrik Lund and 70,000 more registry entities, more than a statement may
    take parameters (PostgreSQL: 65,535; SQLite: 32,766 as SQLite builds it, 250,000 as
    Debian does): the quotes found are still those of the ones with quotes."""
    text = (CORPUS / "04-lund-july.txt").read_text(encoding="utf-8")
    with open_store(store_url) as store:
        if isinstance(store.db.raw, sqlite3.Connection):  # as SQLite builds it
            store.db.raw.setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 32_766)
        store.add(quotewire.extract(text), key=content_hash(text))
        before = {
            "words": store.search("krone", speaker="Lund"),
            "all": store.search("", speaker="Lund"),
            "claims": store.claims(speaker="Lund"),
        }
        assert before["words"] and before["all"]
        p = store.db.p
        store.db.execute("BEGIN")
        store.db.execute("UPDATE registry_generation SET generation = generation + 1")
        store.db.executemany(
            "INSERT INTO registry (id, name, type, record, generation) "
            f"VALUES ({p}, {p}, 'PERSON', {p}, 1000)",
            [
                (
                    f"person:lund-{n}",
                    f"Lund {n}",
                    f'{{"id": "person:lund-{n}", "name": "Lund {n}", "type": "PERSON"}}',
                )
                for n in range(70_000)
            ],
        )
        store.db.execute("COMMIT")
        assert len(store.registry().find("Lund")) > 70_000
        assert store.search("krone", speaker="Lund") == before["words"]
        assert store.search("", speaker="Lund") == before["all"]
        assert store.claims(speaker="Lund") == before["claims"]
