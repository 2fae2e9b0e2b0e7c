"""The class-data archive of a local Spark run's JVM (:mod:`quotewire.scale.classes`): the first
run writes it when its JVM exits, the next run maps it, and a run that cannot keep its dump
leaves nothing behind."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from quotewire.scale.classes import SWITCH, ClassArchive, class_archive

#: A stand-in for pyspark's gateway: writes the dump it is told to and exits 0 when its stdin
#: closes (as the gateway's JVM does), or exits 3 without writing anything
GATEWAY = textwrap.dedent(
    """
    import sys
    sys.stdin.read()
    if sys.argv[2] == "ok":
        open(sys.argv[1], "wb").write(b"archive")
    sys.exit(0 if sys.argv[2] == "ok" else 3)
    """
)


class Gateway:
    def __init__(self, dump: Path, outcome: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", GATEWAY, str(dump), outcome], stdin=subprocess.PIPE
        )


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("QUOTEWIRE_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv(SWITCH, raising=False)
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (.ci/run installs default-jre-headless)")
    return tmp_path / "cache"


def test_options_write_then_map(cache: Path) -> None:
    archive = class_archive("9.9.9")
    assert archive is not None
    assert archive.path.parent == cache and archive.path.name.startswith("spark-9.9.9-")
    (writing,) = [o for o in archive.options() if o.startswith("-XX:")]
    assert writing == f"-XX:ArchiveClassesAtExit={archive.dump}"
    archive.path.write_bytes(b"archive")
    (mapping,) = [o for o in archive.options() if o.startswith("-XX:")]
    assert mapping == f"-XX:SharedArchiveFile={archive.path}"


def test_switched_off(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SWITCH, "off")
    assert class_archive("9.9.9") is None


def test_unwritable_cache_means_no_archive(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("QUOTEWIRE_CACHE_DIR", str(blocker / "cache"))
    assert class_archive("9.9.9") is None


def test_dump_kept_when_the_jvm_exits_cleanly(cache: Path) -> None:
    archive = ClassArchive(cache / "spark-test.jsa")
    cache.mkdir(parents=True)
    archive._keep(Gateway(archive.dump, "ok").proc)
    assert archive.path.read_bytes() == b"archive"
    assert not archive.dump.exists()


def test_failed_exit_keeps_nothing(cache: Path) -> None:
    archive = ClassArchive(cache / "spark-test.jsa")
    cache.mkdir(parents=True)
    archive.dump.write_bytes(b"half")  # what a JVM that failed mid-write could leave
    archive._keep(Gateway(archive.dump, "fail").proc)
    assert not archive.path.exists() and not archive.dump.exists()


def test_stale_dumps_removed(cache: Path) -> None:
    cache.mkdir(parents=True)
    stale, fresh = cache / ".spark-a.jsa.1.tmp", cache / ".spark-b.jsa.2.tmp"
    for dump in (stale, fresh):
        dump.write_bytes(b"x")
    old = time.time() - 2 * 3600
    os.utime(stale, (old, old))
    class_archive("9.9.9")
    assert not stale.exists() and fresh.exists()


#: A process that starts a local Spark session, says whether its JVM mapped the archive, and
#: runs one small job
SESSION = textwrap.dedent(
    """
    import os
    from pyspark import SparkContext
    from quotewire.scale import spark
    session = spark.session("local[1]")
    pid = SparkContext._gateway.proc.pid
    maps = open(f"/proc/{pid}/maps").read()
    print("mapped" if os.environ["QUOTEWIRE_CACHE_DIR"] in maps else "not mapped")
    print(session.sparkContext.parallelize(range(10), 2).map(lambda x: x * 2).sum())
    session.stop()
    """
)


def test_real_jvm_writes_then_maps_the_archive(cache: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (make test installs it)")
    if not Path("/proc/self/maps").exists():
        pytest.skip("no /proc to read the JVM's mapped files from")
    env = {**os.environ, "QUOTEWIRE_CACHE_DIR": str(cache)}
    outputs = []
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", SESSION], env=env, capture_output=True, text=True, timeout=600
        )
        assert done.returncode == 0, done.stderr[-2000:]
        outputs.append(done.stdout.split())
    assert outputs[0] == ["not", "mapped", "90"]  # the first JVM writes the archive as it exits
    (kept,) = cache.iterdir()  # the archive, and no dump left beside it
    assert kept.name.startswith("spark-") and kept.suffix == ".jsa"
    assert outputs[1] == ["mapped", "90"]  # the second maps it, and prints nothing of the JVM's
