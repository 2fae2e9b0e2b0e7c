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
