"""Shared fixtures: the shared folder beside the project, and a running ``quotewire serve``
over a store of the cross-article corpus (``api``: its base URL)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
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


@pytest.fixture(scope="session")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    db = tmp_path_factory.mktemp("api") / "quotewire.db"
    ingest = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "ingest", str(CORPUS), "--db", str(db)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert ingest.returncode == 0, ingest.stderr
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "quotewire.cli", "serve", "--db", str(db), "--port", str(port)],
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
    yield base
    server.terminate()
    server.wait(timeout=10)
