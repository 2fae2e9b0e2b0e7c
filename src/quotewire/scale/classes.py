"""The class-data archive of a local Spark run's JVM (Java's application class-data sharing).

A local run's JVM spends most of its start loading and checking Spark's, Scala's and Hadoop's
classes, again on every run. Java 13 and later can write the classes a run loaded to an archive
when the JVM exits (``-XX:ArchiveClassesAtExit``) and map that archive on the next start
(``-XX:SharedArchiveFile``), which skips the parsing and checking. The first local run on a
machine writes the archive (its JVM exits a few seconds later, once); every later run maps it.

The archive lives in the cache folder (``$QUOTEWIRE_CACHE_DIR``, else
``$XDG_CACHE_HOME/quotewire``, else ``~/.cache/quotewire``), one per pyspark version and Java
runtime, since an archive fits only the JVM and the class path that wrote it (a JVM given one
that does not fit runs without it). ``QUOTEWIRE_SPARK_ARCHIVE=off`` turns it off; a cache folder
that cannot be written also leaves the JVM as it is. A cluster's JVMs are not touched.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: Set to ``off`` to run the local JVM without the archive
SWITCH = "QUOTEWIRE_SPARK_ARCHIVE"
#: A dump left by a run that was killed before it could keep it is removed after this long
_STALE_SECONDS = 3600.0
#: How long a run waits at its exit for its JVM to write the archive
_DUMP_SECONDS = 300.0
#: The JVM's messages about classes it cannot archive go nowhere (it prints them to stdout)
_QUIET = "-Xlog:cds=off,cds+dynamic=off"


@dataclass(frozen=True, slots=True)
class ClassArchive:
    """The archive of one pyspark version on one Java runtime, at ``path``."""

    path: Path

    @property
    def dump(self) -> Path:
        """Where this process's JVM writes the archive before it is moved to :attr:`path`."""
        return self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")

    def options(self) -> list[str]:
        """The JVM options: map the archive when it exists, else write it at exit."""
        if self.path.is_file():
            return [f"-XX:SharedArchiveFile={self.path}", _QUIET]
        return [f"-XX:ArchiveClassesAtExit={self.dump}", _QUIET]

    def keep_at_exit(self, gateway: Any) -> None:
        """When this process ends, let the JVM of ``gateway`` (the one pyspark launched) exit
        and write its archive, then move the archive into place. Does nothing when the
        archive was mapped, not written."""
        process = getattr(gateway, "proc", None)
        if process is None or self.path.is_file():
            return
        atexit.register(self._keep, process)

    def _keep(self, process: Any) -> None:
        dump = self.dump
        try:
            if process.stdin is not None:
                process.stdin.close()  # pyspark's gateway exits when its stdin closes
            process.wait(timeout=_DUMP_SECONDS)
        except Exception:  # a JVM that hangs or is gone: no archive this time
            dump.unlink(missing_ok=True)
            return
        if process.returncode == 0 and dump.is_file() and dump.stat().st_size > 0:
            os.replace(dump, self.path)
        else:
            dump.unlink(missing_ok=True)


def class_archive(pyspark_version: str) -> ClassArchive | None:
    """The archive for ``pyspark_version`` on the Java runtime Spark would start, or None when
    it is switched off, no Java runtime is found, or the cache folder cannot be written."""
    if os.environ.get(SWITCH, "").strip().lower() in {"off", "0", "no", "false"}:
        return None
    java = _java()
    if java is None:
        return None
    folder = cache_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _remove_stale(folder)
        stat = java.stat()
    except OSError:
        return None
    if not os.access(folder, os.W_OK):
        return None
    runtime = hashlib.sha1(f"{java}:{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()
    return ClassArchive(folder / f"spark-{pyspark_version}-{runtime[:12]}.jsa")


def cache_folder() -> Path:
    """quotewire's cache folder (see the module's text)."""
    if chosen := os.environ.get("QUOTEWIRE_CACHE_DIR"):
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "quotewire"


def _java() -> Path | None:
    """The ``java`` that Spark's launcher runs (``$JAVA_HOME/bin/java``, else the one on the
    path), its links followed."""
    home = os.environ.get("JAVA_HOME")
    found = str(Path(home) / "bin" / "java") if home else shutil.which("java")
    if not found or not Path(found).is_file():
        return None
    return Path(found).resolve()


def _remove_stale(folder: Path) -> None:
    """Remove the dumps of runs that were killed before they could keep them."""
    now = time.time()
    for dump in folder.glob(".spark-*.tmp"):
        try:
            if now - dump.stat().st_mtime > _STALE_SECONDS:
                dump.unlink()
        except OSError:
            continue
