"""A store that cannot be written, is damaged, is full, is missing or is out of date, and store
URLs that carry passwords: every command says so in one line on stderr and exits 2, never with a
traceback, and never shows a password.

The commands run as real processes over real files. A store nobody may write is a file with mode
0444 in a folder with mode 0555; where the tests run as root, which file modes do not stop, the
commands run with the capabilities that let root ignore them dropped (``setpriv``).
"""

from __future__ import annotations

import os
import resource
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.store import content_hash, open_store

CORPUS = Path(__file__).parent / "data" / "corpus"
_CAPS = "-dac_override,-dac_read_search,-fowner"


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "quotewire.cli", *args]


def _run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=300, **options)  # type: ignore[call-overload,no-any-return]


def _one_line_error(run: subprocess.CompletedProcess[str]) -> str:
    """The one line a failed command wrote; fails unless it is exactly one error line."""
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr, run.stderr
    assert run.stderr.count("\n") == 1 and run.stderr.startswith("quotewire: error: "), run.stderr
    return run.stderr


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite store of the corpus, written by the command (copied by the tests that change it)."""
    db = tmp_path_factory.mktemp("faults") / "quotewire.db"
    run = _run(_cli("ingest", str(CORPUS), "--db", str(db)))
    assert run.returncode == 0, run.stderr
    assert not Path(f"{db}-wal").exists()  # the last connection folded the log into the file
    return db


# ---- a store nobody may write ------------------------------------------------------------------
def _cannot_write(path: Path) -> list[str]:
    """A command prefix under which ``path`` cannot be written (none needed unless root)."""
    prefix: list[str] = []
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root, and setpriv (util-linux) is not here to drop privileges")
        prefix = ["setpriv", f"--bounding-set={_CAPS}", f"--inh-caps={_CAPS}", "--"]
    probe = _run([*prefix, "sh", "-c", f"echo x >> '{path}' || exit 7; exit 0"])
    if probe.returncode != 7:
        pytest.skip("this process cannot be kept from writing a file of mode 0444 here")
    return prefix


@pytest.fixture
def read_only_store(corpus_store: Path, tmp_path: Path) -> Iterator[tuple[Path, list[str]]]:
    folder = tmp_path / "read-only"
    folder.mkdir()
    db = folder / "quotewire.db"
    shutil.copy(corpus_store, db)
    db.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield db, _cannot_write(db)
    finally:
        folder.chmod(0o755)
        db.chmod(0o644)


def test_a_store_nobody_may_write_is_searched_listed_and_exported(
    read_only_store: tuple[Path, list[str]],
) -> None:
    db, prefix = read_only_store
    before = db.read_bytes()
    search = _run([*prefix, *_cli("search", "krone", "--db", str(db), "--format", "json")])
    assert search.returncode == 0, search.stderr
    assert "person:henrik-lund" in search.stdout
    speakers = _run([*prefix, *_cli("speakers", "--db", str(db))])
    assert speakers.returncode == 0 and "Henrik Lund" in speakers.stdout, speakers.stderr
    export = _run([*prefix, *_cli("export", "--db", str(db), "--format", "csv")])
    assert export.returncode == 0 and export.stdout.count("\n") > 50, export.stderr
    assert db.read_bytes() == before
    assert [p.name for p in db.parent.iterdir()] == [db.name]
    # writing is refused in one line
    added = _run([*prefix, *_cli("ingest", str(CORPUS / "02-lund-march.txt"), "--db", str(db))])
    assert added.returncode in (1, 2) and "Traceback" not in added.stderr, added.stderr
    assert "readonly" in added.stderr or "read-only" in added.stderr, added.stderr


def test_serve_reads_a_store_nobody_may_write(read_only_store: tuple[Path, list[str]]) -> None:
    db, prefix = read_only_store
    port = _free_port()
    server = subprocess.Popen(
        [*prefix, *_cli("serve", "--db", str(db), "--port", str(port))],
        env={k: v for k, v in os.environ.items() if k != "QUOTEWIRE_INGEST_TOKEN"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline, answer = time.time() + 60, None
        while time.time() < deadline and server.poll() is None:
            try:
                answer = httpx.get(f"http://127.0.0.1:{port}/api/quotes?q=krone", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert answer is not None, (server.stderr.read() if server.stderr else b"").decode()
        assert answer.status_code == 200 and answer.json()["items"]
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_store_opened_for_reading_is_opened_read_only(corpus_store: Path, tmp_path: Path) -> None:
    db = tmp_path / "quotewire.db"
    shutil.copy(corpus_store, db)
    with open_store(db, read_only=True) as store:
        assert store.search("krone")
        with pytest.raises(QuotewireError, match=r"readonly|read-only"):
            store.add(quotewire.extract("Nothing said here."), key="x")
        with pytest.raises(QuotewireError, match="readonly"):
            store.db.execute("DELETE FROM articles")
    with open_store(db) as store:
        assert store.count() == 9


# ---- a missing store, an out-of-date store -----------------------------------------------------
@pytest.mark.parametrize(
    "command",
    [("search", "krone"), ("speakers",), ("export",), ("export", "--format", "csv")],
)
def test_a_read_command_does_not_create_a_store(tmp_path: Path, command: tuple[str, ...]) -> None:
    db = tmp_path / "nothing-here.db"
    line = _one_line_error(_run(_cli(*command, "--db", str(db))))
    assert str(db) in line and "no store" in line
    assert list(tmp_path.iterdir()) == []


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_serve_does_not_create_a_store(tmp_path: Path) -> None:
    db = tmp_path / "nothing-here.db"
    env = {k: v for k, v in os.environ.items() if k != "QUOTEWIRE_INGEST_TOKEN"}
    command = _cli("serve", "--db", str(db), "--port", str(_free_port()))
    try:  # (a server that started would run until killed)
        run = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    except subprocess.TimeoutExpired:
        pytest.fail("serve started over a store that is not there")
    line = _one_line_error(run)
    assert "no store" in line and list(tmp_path.iterdir()) == []


def _old_store(url: str) -> None:
    """A store made by the quotewire before the last migration of its kind."""
    if url.startswith("postgresql://"):
        import psycopg

        from quotewire.store.postgres import MIGRATIONS as PG

        with psycopg.connect(url, autocommit=True) as db:
            db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
            for name, sql in PG[:-1]:
                db.execute(sql)
                db.execute("INSERT INTO migrations VALUES (%s, 'then')", (name,))
        return
    from quotewire.store.sqlite import MIGRATIONS

    db = sqlite3.connect(url)
    db.execute("CREATE TABLE migrations (name TEXT PRIMARY KEY, applied_at TEXT)")
    for name, sql in MIGRATIONS[:-1]:
        db.executescript(sql)
        db.execute("INSERT INTO migrations VALUES (?, 'then')", (name,))
    db.commit()
    db.close()


def test_an_out_of_date_store_is_not_migrated_by_a_read_command(store_url: str) -> None:
    _old_store(store_url)
    for command in (("search", "krone"), ("speakers",), ("export",)):
        line = _one_line_error(_run(_cli(*command, "--db", store_url)))
        assert "needs migrations" in line and "quotewire ingest" in line
    ingest = _run(_cli("ingest", str(CORPUS / "02-lund-march.txt"), "--db", store_url))
    assert ingest.returncode == 0, ingest.stderr
    search = _run(_cli("search", "krone", "--db", store_url))
    assert search.returncode == 0 and "Lund" in search.stdout, search.stderr


def test_a_database_that_is_not_a_store_is_named(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (text TEXT)")
    line = _one_line_error(_run(_cli("search", "x", "--db", str(other))))
    assert "not a quotewire store" in line


# ---- a damaged store ---------------------------------------------------------------------------
def _damaged(source: Path, folder: Path, pages: range | None) -> Path:
    """A copy of ``source`` with ``pages`` (0-based; every page but the first when None)
    overwritten with garbage."""
    db = folder / "damaged.db"
    shutil.copy(source, db)
    data = bytearray(db.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    count = len(data) // size
    for page in pages if pages is not None else range(1, count):
        data[page * size : (page + 1) * size] = bytes([0xA5, 0x17, 0xFF, 0x03]) * (size // 4)
    db.write_bytes(bytes(data))
    return db


@pytest.mark.parametrize(
    "command", [("search", "krone"), ("speakers",), ("export",), ("export", "--format", "csv")]
)
def test_a_damaged_store_is_one_line(
    corpus_store: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    db = _damaged(corpus_store, tmp_path, None)
    line = _one_line_error(_run(_cli(*command, "--db", str(db))))
    assert str(db) in line and "malformed" in line


def test_a_page_damaged_in_the_middle_stops_export_in_one_line(
    corpus_store: Path, tmp_path: Path
) -> None:
    data = corpus_store.read_bytes()
    where = data.find(b"Everything else follows from that")
    assert where > 0
    size = int.from_bytes(data[16:18], "big")
    db = _damaged(corpus_store, tmp_path, range(where // size, where // size + 1))
    for command in (("export",), ("export", "--format", "csv")):
        line = _one_line_error(_run(_cli(*command, "--db", str(db))))
        assert str(db) in line
    for command in (("search", "krone"), ("search", "euro"), ("speakers",)):
        run = _run(_cli(*command, "--db", str(db)))  # may not read the damaged page
        assert run.returncode == 0 or _one_line_error(run)


def test_a_damaged_record_is_one_line(corpus_store: Path, tmp_path: Path) -> None:
    """Records SQLite reads back fine but quotewire cannot: a result and a registry entity
    that are not what was stored."""
    db = tmp_path / "quotewire.db"
    shutil.copy(corpus_store, db)
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE articles SET result = '{\"not\": \"a result\"}' WHERE id = 3")
    line = _one_line_error(_run(_cli("export", "--db", str(db))))
    assert str(db) in line and "article 3 is damaged" in line
    with sqlite3.connect(db) as raw:
        raw.execute("UPDATE registry SET record = '[1, 2]' WHERE id = 'person:henrik-lund'")
    line = _one_line_error(_run(_cli("search", "krone", "--speaker", "Lund", "--db", str(db))))
    assert "registry entity person:henrik-lund is damaged" in line


# ---- a full disk -------------------------------------------------------------------------------
def test_a_full_disk_stops_ingest_in_one_line_and_keeps_what_was_stored(tmp_path: Path) -> None:
    db = tmp_path / "quotewire.db"

    def small_files() -> None:  # no file of this process may grow past 400 kB
        resource.setrlimit(resource.RLIMIT_FSIZE, (400_000, 400_000))

    run = _run(_cli("ingest", str(CORPUS), "--db", str(db)), preexec_fn=small_files)
    line = _one_line_error(run)
    assert str(db) in line and ("disk" in line or "full" in line)
    with open_store(db) as store:
        kept = store.count()
        assert 0 < kept < 9
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert {int(m.article) for e in store.registry() for m in e.members} <= set(
            range(1, kept + 1)
        )
    again = _run(_cli("ingest", str(CORPUS), "--db", str(db)))
    assert again.returncode == 0 and f"{9 - kept} added, {kept} already stored" in again.stderr


def test_a_full_store_refuses_an_article_and_takes_the_next_once_there_is_room(
    tmp_path: Path,
) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    results = [quotewire.extract(text) for text in texts[:4]]
    with open_store(tmp_path / "quotewire.db") as store:
        store.add(results[0], key=content_hash(texts[0]))
        pages = store.db.execute("PRAGMA page_count").fetchone()[0]
        store.db.execute(f"PRAGMA max_page_count = {pages}")
        with pytest.raises(QuotewireError) as full:
            for n in (1, 2, 3):
                store.add(results[n], key=content_hash(texts[n]))
        assert str(full.value).startswith(f"{store.where}: ") and "full" in str(full.value)
        stored = store.count()
        members = {m.article for e in store.registry() for m in e.members}
        assert members == {str(n) for n in range(1, stored + 1)}
        store.db.execute("PRAGMA max_page_count = 1000000")
        for n in (1, 2, 3):
            store.add(results[n], key=content_hash(texts[n]))
        assert store.count() == 4
    with open_store(tmp_path / "quotewire.db") as again:
        assert {m.article for e in again.registry() for m in e.members} == {"1", "2", "3", "4"}


# ---- numbers out of range ----------------------------------------------------------------------
def test_a_limit_past_what_a_store_counts_is_one_line(store_url: str) -> None:
    assert (
        _run(_cli("ingest", str(CORPUS / "02-lund-march.txt"), "--db", store_url)).returncode == 0
    )
    for limit in (str(2**63), str(10**30), "-1"):
        line = _one_line_error(_run(_cli("search", "krone", "--limit", limit, "--db", store_url)))
        assert "limit" in line


# ---- passwords in store URLs -------------------------------------------------------------------
SECRET = "Sw0rdf1sh-9"
UNREACHABLE = (
    f"postgresql://someone:{SECRET}@127.0.0.1:1/quotes",
    f"postgres://someone:{SECRET}@127.0.0.1:1/quotes",
    f"postgresql://someone@127.0.0.1:1/quotes?password={SECRET}",
    f"postgresql://someone@127.0.0.1:1/quotes?sslmode=disable&password={SECRET}&connect_timeout=5",
    f"postgresql://someone@127.0.0.1:1/quotes?sslpassword={SECRET}",
    f"postgresql://someone:{SECRET}@127.0.0.1:1/quotes?sslpassword={SECRET}x&password={SECRET}y",
    f"postgresql://someone:{SECRET}%40x@127.0.0.1:1/quotes",
    f"host=127.0.0.1 port=1 user=someone password={SECRET} dbname=quotes",
    f"host=127.0.0.1 port=1 password = '{SECRET} x' dbname=quotes",
    f"dbname=quotes sslpassword={SECRET} host=127.0.0.1 port=1",
    f"postgresql://someone:{SECRET}@127.0.0.1:notaport/quotes",
    f"postgresql://someone@127.0.0.1:1/quotes?password={SECRET}&nonsense=1",
    f"host=127.0.0.1 password={SECRET} dbname",
)


@pytest.mark.parametrize("url", UNREACHABLE)
def test_no_password_is_shown(url: str, tmp_path: Path) -> None:
    for command in (("search", "x"), ("speakers",), ("ingest", str(CORPUS / "02-lund-march.txt"))):
        line = _one_line_error(_run(_cli(*command, "--db", url), cwd=tmp_path))
        assert SECRET not in line and "***" in line, line
    assert list(tmp_path.iterdir()) == [], "a connection string is not a file name"
    with pytest.raises(QuotewireError) as refused:
        open_store(url)
    assert SECRET not in str(refused.value)
    from quotewire.store import redact

    assert SECRET not in redact(url) and "***" in redact(url)


def test_redact_keeps_the_rest_of_the_url() -> None:
    from quotewire.store import redact

    assert redact("postgresql://u:pw@db.example:5433/q?sslmode=require&password=pw2") == (
        "postgresql://u:***@db.example:5433/q?sslmode=require&password=***"
    )
    assert redact("host=h password='a b' dbname=q") == "host=h password=*** dbname=q"
    assert redact("postgresql://u@h/q") == "postgresql://u@h/q"
    assert redact("quotewire.db") == "quotewire.db"
    assert redact("/data/stores/q.db") == "/data/stores/q.db"


def test_a_reachable_server_named_with_a_password_is_shown_without_it(
    postgres_server: str,
) -> None:
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute('CREATE DATABASE "masked"')
    base = postgres_server.rsplit("/", 1)[0]  # the test server trusts local connections
    for url in (
        f"{base}/masked?password={SECRET}",
        base.replace("postgres@", f"postgres:{SECRET}@") + "/masked",
    ):
        run = _run(_cli("ingest", str(CORPUS / "02-lund-march.txt"), "--db", url))
        assert run.returncode == 0, run.stderr
        assert SECRET not in run.stderr and "***" in run.stderr
        with open_store(url) as store:
            assert SECRET not in store.where
