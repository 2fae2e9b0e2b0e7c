"""The same store tests against both stores: a SQLite file and a PostgreSQL database (a real
server started by the test set-up). SQLite-only behaviour (WAL, FTS5 triggers, a killed ingest)
is in tests/test_store.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import quotewire
from quotewire.runners.ingest import ingest
from quotewire.store import content_hash, open_store

CORPUS = Path(__file__).parent / "data" / "corpus"


def _documents(names: list[str] | None = None) -> list[quotewire.Document]:
    paths = sorted(CORPUS.glob("*.txt"))
    return [
        quotewire.Document(text=p.read_text(encoding="utf-8"), source=str(p))
        for p in paths
        if names is None or p.name in names
    ]


def test_ingest_is_idempotent_and_keeps_the_registry(store_url: str) -> None:
    with open_store(store_url) as store:
        assert store.count() == 0 and store.migrations()
        first = ingest(_documents(), store)
        assert (first.added, first.skipped, first.failed) == (9, 0, [])
        assert store.count() == 9 and store.count("quotes") > 40 and store.count("claims") > 20
    with open_store(store_url) as store:  # a second connection, as a second run would
        again = ingest(_documents(), store)
        assert (again.added, again.skipped) == (0, 9)
        maria = store.registry().get("person:maria-kowalska")
        assert len(maria.members) == 4 and maria.roles[0].role == "Finance Minister"
        assert store.registry().get("person:anna-kowalska").id != maria.id


def test_search_speakers_claims_and_articles(store_url: str) -> None:
    with open_store(store_url) as store:
        ingest(_documents(), store)
        hits = store.search("inflation", speaker="Henrik Lund")
        assert hits and {h.speaker_id for h in hits} == {"person:henrik-lund"}
        assert store.search("INFLATION", speaker="henrik lund"), "case does not matter"
        late = store.search("inflation", since="2025-10-01")
        assert late and all((h.published or "") >= "2025-10-01" for h in late)
        direct = store.search("", speaker="Anna Kowalska", type="direct")
        assert direct and {h.type for h in direct} == {"direct"}
        assert store.search("zzzzunknownword") == []
        assert isinstance(store.search('deficit" OR (AND'), list)
        speakers = store.speakers()
        assert speakers[0][0].name == "Henrik Lund" and speakers[0][1] > 10
        deficit = store.claims(measure="DEFICIT", speaker="Maria Kowalska")
        assert {c["value"] for c in deficit} >= {3.2, 3.6, 2.9, 3.0}
        assert all(c["claimant_name"] == "Maria Kowalska" for c in deficit)
        months = store.quotes_per_month("person:maria-kowalska")
        assert [m["month"] for m in months] == sorted(m["month"] for m in months)
        assert len(store.articles(limit=3)) == 3


def test_stored_results_round_trip_with_their_spans(store_url: str) -> None:
    with open_store(store_url) as store:
        text = (CORPUS / "04-lund-july.txt").read_text(encoding="utf-8")
        result = quotewire.extract(text)
        article_id = store.add(result, key=content_hash(text))
        assert article_id is not None
        assert store.add(result, key=content_hash(text)) is None
        stored = store.result(article_id)
        assert stored == result
        for quote in stored.quotes:
            for span in quote.content:
                assert stored.article.text[span.start : span.end] == span.text


def test_the_commands_take_either_store(store_url: str) -> None:
    run = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(CORPUS), "--db", store_url],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    assert "9 read, 9 added" in run.stderr and "secret" not in run.stderr
    search = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "search",
            "krone",
            "--speaker",
            "Lund",
            "--db",
            store_url,
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert search.returncode == 0, search.stderr
    assert "person:henrik-lund" in search.stdout


def test_an_unreachable_postgres_is_one_line() -> None:
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "search",
            "x",
            "--db",
            "postgresql://someone:secret@127.0.0.1:1/nothing",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert run.returncode == 2 and run.stderr.count("\n") == 1
    assert "cannot open the store" in run.stderr and "secret" not in run.stderr


def _stored_rows(store_url: str) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with open_store(store_url, read_only=True) as store:
        quotes = store.db.execute(
            'SELECT article_id, quote_id, type, text, speaker, speaker_id, cue, start, "end", '
            "published FROM quotes ORDER BY article_id, quote_id"
        ).fetchall()
        claims = store.db.execute(
            "SELECT article_id, claim_id, claimant, claimant_id, value, unit, measure FROM claims "
            "ORDER BY article_id, claim_id"
        ).fetchall()
    return [tuple(r) for r in quotes], [tuple(r) for r in claims]


def test_a_batch_stores_what_one_by_one_stores_and_keeps_going_past_a_bad_result(
    store_url: str, tmp_path: Path
) -> None:
    from quotewire.store.base import Incoming

    documents = _documents()
    results = [quotewire.run_one(d) for d in documents]
    keys = [content_hash(r.article.text, r.article.url) for r in results]
    one_by_one = str(tmp_path / "one-by-one.db")
    with open_store(one_by_one) as store:
        for result, key in zip(results, keys, strict=True):
            store.add(result, key=key)
        registry = [e.model_dump_json() for e in store.registry()]
    # a result with a NUL no store keeps, and the first article again, inside the batch
    bad = results[0].model_copy(
        update={"article": results[0].article.model_copy(update={"title": "bad\0title"})}
    )
    batch = [Incoming(r, k) for r, k in zip(results, keys, strict=True)]
    batch.insert(3, Incoming(bad, "f" * 64))
    batch.append(Incoming(results[0], keys[0]))
    with open_store(store_url) as store:
        outcome = store.add_many(batch)
        assert isinstance(outcome[3], quotewire.InputError)
        assert "NUL" in str(outcome[3])
        added = [o for o in outcome if isinstance(o, int)]
        assert len(added) == len(results) and outcome[-1] is None
        assert [e.model_dump_json() for e in store.registry()] == registry
        assert store.add_many([Incoming(r, k) for r, k in zip(results, keys, strict=True)]) == [
            None
        ] * len(results)
    assert _stored_rows(store_url) == _stored_rows(one_by_one)


def test_a_postgresql_load_builds_the_search_index_at_its_end(
    postgres_server: str, tmp_path: Path
) -> None:
    from conftest import _new_database
    from quotewire.store.base import Incoming

    url = _new_database(postgres_server, f"bulk-{tmp_path}")
    results = [quotewire.run_one(d) for d in _documents()]

    def indexed(store: object) -> bool:
        return bool(store._has_search_index())  # type: ignore[attr-defined]

    with open_store(url) as store:
        with store.bulk_load():
            assert not indexed(store), "into an empty store the index waits for the end"
            store.add_many([Incoming(r, content_hash(r.article.text)) for r in results[:4]])
        assert indexed(store)
        assert store.search("inflation")
        with store.bulk_load():  # a store holding statements keeps its index throughout
            assert indexed(store)
        store.db.execute("DROP INDEX quotes_search")  # as a load cut short leaves it
    with open_store(url, read_only=True) as reader:
        assert not indexed(reader), "a reader changes nothing"
    with open_store(url) as store:
        assert indexed(store), "the next writer builds it again"


def test_a_rebuilt_registry_does_not_depend_on_the_order_articles_were_stored_in(
    store_url: str, tmp_path: Path
) -> None:
    from quotewire.corpus import Corpus

    documents = _documents()
    results = [quotewire.run_one(d) for d in documents]
    corpus = Corpus()
    for result in results:
        corpus.add(result, key=content_hash(result.article.text))

    def registry_of(url: str) -> set[tuple[object, ...]]:
        """The registry with each member's article named by its text's hash, after checking
        that every stored statement's and figure's registry id is its entity's."""
        with open_store(url, read_only=True) as store:
            hashes = {str(id): content_hash(r.article.text) for id, r in store.results()}
            registry = store.registry()
            for id, result in store.results():
                said = dict(
                    store.db.execute(
                        f"SELECT quote_id, speaker_id FROM quotes WHERE article_id = {store.db.p}",
                        (id,),
                    ).fetchall()
                )
                for quote in result.quotes:
                    entity = quote.speaker and registry.entity_of(str(id), quote.speaker.entity)
                    assert said[quote.id] == (entity.id if entity else None)
            return {
                (
                    e.id,
                    e.name,
                    tuple(sorted((hashes[m.article], m.entity, m.evidence) for m in e.members)),
                    tuple(r.model_dump_json() for r in e.roles),
                )
                for e in registry
            }

    backwards = str(tmp_path / "backwards.db")
    for url, order in ((store_url, documents), (backwards, documents[::-1])):
        with open_store(url) as store:
            ingest(order, store)
            assert store.rebuild_registry() == len(corpus.registry)
    expected = {
        (
            e.id,
            e.name,
            tuple(sorted((m.article, m.entity, m.evidence) for m in e.members)),
            tuple(r.model_dump_json() for r in e.roles),
        )
        for e in corpus.registry
    }
    assert registry_of(store_url) == registry_of(backwards) == expected


def test_russian_words_find_their_other_forms_and_yo_is_e(store_url: str) -> None:
    """A search finds a Russian word in any of its forms ("ставки" -> "ставка") and "е" for
    "ё", on both stores alike; English words still match as written."""
    ru = Path(__file__).parent / "data" / "ru" / "budget.txt"
    text = ru.read_text(encoding="utf-8") + "\nЁлкин сказал, что «ёлки подорожают»."
    with open_store(store_url) as store:
        ingest([quotewire.Document(text=text, source=str(ru)), *_documents()], store)

        def found(query: str) -> set[str]:
            return {h.text for h in store.search(query)}

        rate = found("ставка")
        assert len(rate) == 1 and "ключевая ставка" in next(iter(rate))
        assert found("ставки") == found("СТАВКОЙ") == rate  # other cases, upper case
        assert found("доходы") == found("доход")  # quoted speech is indexed the same way
        assert found("доход") and all("доходы" in t for t in found("доход"))
        trees = found("елки")
        assert trees and trees == found("ёлки") == found("Ёлки")
        taxes = found("налоги планирует")
        assert taxes and found("налогов планирует") == taxes  # every word, in any form
        assert found("налогов инфляция") == set()  # two words of two different statements
        assert store.count_quotes("ставку") == 1
        assert found("inflation") and not found("inflations")  # English: words as written
