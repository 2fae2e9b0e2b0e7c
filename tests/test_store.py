"""The SQLite store and the commands around it: ingest, search, speakers, export.

Everything runs against a real SQLite file in a temporary folder; the commands run as real
processes.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.runners.ingest import ingest
from quotewire.store import content_hash, open_store

CORPUS = Path(__file__).parent / "data" / "corpus"


def _run(*args: str, timeout: int = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
    )


@pytest.fixture(scope="module")
def stored(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the nine articles of the cross-article corpus, ingested by the command."""
    db = tmp_path_factory.mktemp("store") / "quotewire.db"
    run = _run("ingest", str(CORPUS), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "9 read, 9 added" in run.stderr
    return db


def test_the_store_is_a_wal_sqlite_file_with_named_migrations(stored: Path) -> None:
    with open_store(stored) as store:
        assert store.migrations() == [
            "0001_articles_quotes_claims",
            "0002_registry",
            "0003_quote_search",
            "0004_quote_search_by_speaker",
            "0005_registry_generation",
            "0006_unregistered_speakers",
            "0007_article_outlet",
            "0008_search_terms",
        ]
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.count() == 9 and store.count("quotes") > 40 and store.count("claims") > 20
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_stored_spans_point_into_the_stored_text(stored: Path) -> None:
    with open_store(stored) as store:
        rows = store.db.execute(
            'SELECT a.text, q.text, q.start, q."end", q.type FROM quotes q '
            "JOIN articles a ON a.id = q.article_id"
        ).fetchall()
        for text, quote, start, end, _ in rows:
            first = quote.split(" … ")[0]
            assert text[start:end].startswith(first[:20])
        for text, claim, start, end in store.db.execute(
            'SELECT a.text, c.text, c.start, c."end" FROM claims c '
            "JOIN articles a ON a.id = c.article_id"
        ):
            assert text[start:end] == claim
        for article_id, result in store.results():
            assert (
                result.article.text
                == store.db.execute(
                    "SELECT text FROM articles WHERE id = ?", (article_id,)
                ).fetchone()[0]
            )


def test_ingesting_again_adds_nothing_and_a_half_done_ingest_finishes(tmp_path: Path) -> None:
    first_half = tmp_path / "half"
    first_half.mkdir()
    for path in sorted(CORPUS.glob("*.txt"))[:4]:
        shutil.copy(path, first_half)
    db = tmp_path / "q.db"
    assert _run("ingest", str(first_half), "--db", str(db)).returncode == 0
    run = _run("ingest", str(CORPUS), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "9 read, 5 added, 4 already stored, 0 failed" in run.stderr
    again = _run("ingest", str(CORPUS), "--db", str(db))
    assert "0 added, 9 already stored" in again.stderr
    with open_store(db) as store:
        assert store.count() == 9


def test_an_ingest_killed_mid_run_keeps_what_it_committed(tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    base = (CORPUS / "02-lund-march.txt").read_text(encoding="utf-8")
    for n in range(40):
        (folder / f"a{n:02d}.txt").write_text(
            base.replace("1.9%", f"{n / 10:.1f}%"), encoding="utf-8"
        )
    db = tmp_path / "q.db"
    process = subprocess.Popen(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(folder), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = 0
    deadline = time.time() + 240
    while time.time() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with sqlite3.connect(db, timeout=5) as peek:
                    stored = peek.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                continue
            if stored >= 3:
                break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert 3 <= stored < 40, "the ingest should have been killed part of the way through"
    with open_store(db) as store:
        kept = store.count()
        assert kept >= stored
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    run = _run("ingest", str(folder), "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert f"{40 - kept} added, {kept} already stored" in run.stderr
    with open_store(db) as store:
        assert store.count() == 40
        assert (
            store.count("quotes")
            == 40
            * store.db.execute("SELECT count(*) FROM quotes WHERE article_id = 1").fetchone()[0]
        )


def test_search_by_words_speaker_dates_and_type(stored: Path) -> None:
    with open_store(stored) as store:
        hits = store.search("inflation", speaker="Henrik Lund")
        assert hits and all(h.speaker_id == "person:henrik-lund" for h in hits)
        assert any("2.3%" in h.text for h in hits)
        late = store.search("inflation", speaker="Lund", since="2025-10-01")
        assert late and all((h.published or "") >= "2025-10-01" for h in late)
        early = store.search("inflation", until="2025-03-31")
        assert early and all((h.published or "")[:10] <= "2025-03-31" for h in early)
        direct = store.search("", speaker="Anna Kowalska", type="direct")
        assert direct and {h.type for h in direct} == {"direct"}
        assert all(h.speaker_id == "person:anna-kowalska" for h in direct)
        assert store.search("zzzzunknownword") == []
        # punctuation and FTS syntax in a query are words, not errors
        assert isinstance(store.search('deficit" OR (AND'), list)


def test_search_index_follows_deletes_by_trigger(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    with open_store(db) as store:
        text = (CORPUS / "04-lund-july.txt").read_text(encoding="utf-8")
        article = store.add(quotewire.extract(text), key=content_hash(text))
        assert article is not None and store.search("krone")
        store.db.execute("DELETE FROM articles WHERE id = ?", (article,))
        assert store.search("krone") == []
        assert store.db.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 0


def test_the_registry_persists_and_goes_on_growing(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    first = [p for p in sorted(CORPUS.glob("*.txt")) if "lund" in p.name][:3]
    with open_store(db) as store:
        ingest([quotewire.Document(text=p.read_text(), source=str(p)) for p in first], store)
    with open_store(db) as store:
        lund = store.registry().get("person:henrik-lund")
        assert len(lund.members) == 3
        later = CORPUS / "07-lund-december.txt"
        summary = ingest([quotewire.Document(text=later.read_text(), source=str(later))], store)
        assert summary.added == 1
        assert "initial H. fits Henrik Lund" in store.registry().explain("person:henrik-lund")[-1]
    with open_store(db) as store:
        assert len(store.registry().get("person:henrik-lund").members) == 4
        assert store.search("krone", speaker="H. Lund")


def test_speakers_and_export_commands(stored: Path) -> None:
    run = _run("speakers", "--db", str(stored), "--format", "json")
    assert run.returncode == 0, run.stderr
    speakers = json.loads(run.stdout)
    assert speakers[0]["name"] == "Henrik Lund" and speakers[0]["quotes"] > 10
    assert {"Maria Kowalska", "Anna Kowalska"} <= {s["name"] for s in speakers}
    jsonl = _run("export", "--db", str(stored), "--format", "jsonl")
    results = [json.loads(line) for line in jsonl.stdout.splitlines()]
    assert len(results) == 9 and all(r["quotes"] for r in results)
    table = list(
        csv.DictReader(io.StringIO(_run("export", "--db", str(stored), "--format", "csv").stdout))
    )
    assert table and {"speaker_id", "text", "start", "end"} <= set(table[0])
    parquet = stored.parent / "quotes.parquet"
    written = _run("export", "--db", str(stored), "--format", "parquet", "--out", str(parquet))
    assert written.returncode == 0, written.stderr
    import pyarrow.parquet as pq

    frame = pq.read_table(parquet).to_pydict()
    assert len(frame["text"]) == len(table) and frame["speaker_id"][0] == table[0]["speaker_id"]
    no_file = _run("export", "--db", str(stored), "--format", "parquet")
    assert no_file.returncode == 2 and "--out" in no_file.stderr
    search = _run(
        "search", "deficit", "--db", str(stored), "--speaker", "Maria Kowalska", "--format", "csv"
    )
    rows = list(csv.DictReader(io.StringIO(search.stdout)))
    assert rows and all(r["speaker_id"] == "person:maria-kowalska" for r in rows)


def test_bad_inputs_and_bad_stores(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text((CORPUS / "02-lund-march.txt").read_text(encoding="utf-8"), encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02 not text")
    db = tmp_path / "q.db"
    run = _run("ingest", str(good), str(binary), str(tmp_path / "missing.txt"), "--db", str(db))
    assert run.returncode == 1
    assert "binary.txt" in run.stderr and "missing.txt" in run.stderr
    assert "3 read, 1 added, 0 already stored, 2 failed" in run.stderr
    assert "Traceback" not in run.stderr
    not_a_store = tmp_path / "notes.db"
    not_a_store.write_text("just some notes, not a database\n" * 100, encoding="utf-8")
    bad = _run("search", "x", "--db", str(not_a_store))
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1 and "notes.db" in bad.stderr
    with pytest.raises(QuotewireError, match="cannot open the store") as refused:
        open_store("postgresql://user:secret@127.0.0.1:1/quotes")
    assert "secret" not in str(refused.value)
    with pytest.raises(QuotewireError, match="not a store URL"):
        open_store("mysql://somewhere/quotes")
    jobs = _run("ingest", str(good), "--db", str(db), "--jobs", "0")
    assert jobs.returncode == 2 and "--jobs" in jobs.stderr


def test_ingest_in_two_processes_stores_the_same_results(tmp_path: Path, stored: Path) -> None:
    db = tmp_path / "q.db"
    run = _run("ingest", str(CORPUS), "--db", str(db), "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "9 read, 9 added" in run.stderr
    with open_store(db) as parallel, open_store(stored) as serial:
        assert [r.to_json() for _, r in parallel.results()] == [
            r.to_json() for _, r in serial.results()
        ]
        assert [e.id for e in parallel.registry()] == [e.id for e in serial.registry()]


def test_bench_store_builds_a_synthetic_store_and_times_searches(tmp_path: Path) -> None:
    db = tmp_path / "bench.db"
    run = _run("bench", "store", "--quotes", "2000", "--queries", "20", "--db", str(db))
    assert run.returncode == 0, run.stderr
    assert "built 2,000 quotes" in run.stdout
    row = next(line for line in run.stdout.splitlines() if "text and speaker" in line)
    p50, p95, p99 = (float(x) for x in row.split()[-3:])
    assert 0 < p50 <= p95 <= p99
    with open_store(db) as store:
        assert store.count("quotes") == 2000 and store.count("registry") == 2000
        assert store.db.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == 2000
    bad = _run("bench", "store", "--quotes", "5", "--db", str(db))
    assert bad.returncode == 2 and "--quotes" in bad.stderr


def test_an_older_store_gets_its_articles_outlets_when_migrated(tmp_path: Path) -> None:
    db = tmp_path / "q.db"
    seed = Path(__file__).parent.parent / "samples" / "articles" / "agency_report.txt"
    with open_store(db) as store:
        text = seed.read_text(encoding="utf-8")
        store.add(quotewire.extract(text), key=content_hash(text))
    # the store as the version before the outlets left it
    raw = sqlite3.connect(db)
    raw.executescript(
        "DROP INDEX articles_outlet; ALTER TABLE articles DROP COLUMN outlet; "
        "DELETE FROM migrations WHERE name = '0007_article_outlet';"
    )
    raw.close()
    with open_store(db) as store:  # (a writer migrates)
        assert "0007_article_outlet" in store.migrations()
        assert store.outlets() == [{"outlet": "Orienta", "articles": 1}]
        assert [a["outlet"] for a in store.articles(outlet="Orienta")] == ["Orienta"]


def test_an_older_store_keeps_its_search_when_it_gets_search_terms(tmp_path: Path) -> None:
    """Migration 0008 rebuilds the full-text index with a column of search terms: the quotes
    stored before are found by their words as written, the quotes stored after by any form."""
    from quotewire.store.sqlite import MIGRATIONS

    db = tmp_path / "q.db"
    budget = Path(__file__).parent / "data" / "ru" / "budget.txt"
    with open_store(db) as store:
        text = budget.read_text(encoding="utf-8")
        store.add(quotewire.extract(text), key=content_hash(text))
    # the store as the version before the search terms left it
    before = dict(MIGRATIONS)["0004_quote_search_by_speaker"]
    rebuilt = before[before.index("DROP TABLE quotes_fts;") :].replace(
        "DROP TABLE quotes_fts;",
        "DROP TABLE quotes_fts; DROP TRIGGER quotes_fts_insert; "
        "DROP TRIGGER quotes_fts_delete; DROP TRIGGER quotes_fts_update;",
    )
    raw = sqlite3.connect(db)
    raw.executescript(
        rebuilt + " ALTER TABLE quotes DROP COLUMN search_terms; "
        "DELETE FROM migrations WHERE name = '0008_search_terms';"
    )
    raw.close()
    with open_store(db) as store:  # (a writer migrates)
        assert "0008_search_terms" in store.migrations()
        old = {h.text for h in store.search("налоги")}
        assert len(old) == 1 and store.search("налогов") == []  # as written only
        later = "Ёлкин сказал, что налоги снизят."
        store.add(quotewire.extract(later), key=content_hash(later))
        assert {h.text for h in store.search("налогов")} == {"налоги снизят"}
        assert {h.text for h in store.search("налоги")} == old | {"налоги снизят"}
