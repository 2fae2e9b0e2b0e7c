"""Shared fixtures: the shared folder beside the project, and a running ``quotewire serve``
over a store of the cross-article corpus (``api``: its base URL)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "samples"
CORPUS = ROOT / "tests" / "data" / "corpus"
INGEST_TOKEN = "test-token-4f1c"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is not present (the shared seed and benchmarks live there)")
    return SHARED


@pytest.fixture
def seed_text(shared: Path) -> str:
    """The sample article quotewire was specified from (read from ../shared/seed)."""
    return (shared / "seed" / "article.txt").read_text(encoding="utf-8")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def ingest_token() -> str:
    """The token the served store accepts for POST /api/ingest."""
    return INGEST_TOKEN


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def api(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``quotewire serve`` over the corpus, once on a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        db = str(tmp_path_factory.mktemp("api") / "quotewire.db")
    else:
        db = _new_database(request.getfixturevalue("postgres_server"), "api")
    ingested(CORPUS, db)
    with serving(db) as base:
        yield base


def ingested(path: Path, db: str) -> None:
    """``quotewire ingest PATH --db DB``, which must succeed."""
    ingest = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(path), "--db", db],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr


@contextmanager
def serving(db: str) -> Iterator[str]:
    """``quotewire serve`` over the store ``db`` with ingest on (``INGEST_TOKEN``) for the
    ``with`` block; its base URL, once it answers."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quotewire.cli", "serve", "--db", db, "--port", str(port)],
        env={**os.environ, "QUOTEWIRE_INGEST_TOKEN": INGEST_TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 60
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/api/articles", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.2)
    else:
        server.kill()
        pytest.fail("the server did not start: " + (server.stderr.read() or b"").decode())
    try:
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def serve() -> Callable[[str], AbstractContextManager[str]]:
    """:func:`serving`, for test modules (which cannot import ``conftest``)."""
    return serving


def _postgres_bin(name: str) -> str | None:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{name}"))
    return str(candidates[-1]) if candidates else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server on a free port; yields a URL of its ``postgres`` database.

    The server runs as the ``postgres`` user when the tests run as root (PostgreSQL refuses
    root). Skipped with a reason where PostgreSQL is not installed (``.ci/run`` installs it).
    """
    initdb, pg_ctl = _postgres_bin("initdb"), _postgres_bin("pg_ctl")
    if not (initdb and pg_ctl):
        pytest.skip("PostgreSQL is not installed here (.ci/run installs Debian's postgresql)")
    # not under pytest's own temporary folder: it is private to the user running the tests,
    # and the server may run as another user
    folder = Path(tempfile.mkdtemp(prefix="quotewire-pg-"))
    folder.chmod(0o755)
    data, sockets = folder / "data", folder / "sockets"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    port = _free_port()
    subprocess.run(
        [*as_user, initdb, "-D", str(data), "-U", "postgres", "-A", "trust", "--no-sync"],
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
    subprocess.run(
        [
            *as_user,
            pg_ctl,
            "-D",
            str(data),
            "-o",
            options,
            "-l",
            str(folder / "log"),
            "-w",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_user, pg_ctl, "-D", str(data), "-m", "immediate", "stop"], capture_output=True
        )
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh empty store of each kind: a SQLite file, and a new PostgreSQL database."""
    if request.param == "sqlite":
        return str(tmp_path / "quotewire.db")
    return _new_database(request.getfixturevalue("postgres_server"), str(tmp_path))


def _new_database(server: str, seed: str) -> str:
    """A new empty database on the test server, as a URL."""
    import psycopg

    name = f"test_{abs(hash(seed)) % 10**12}"
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return server.rsplit("/", 1)[0] + f"/{name}"
