"""``quotewire spark``: the pipeline over many input files on Apache Spark.

The job, stage by stage:

1. inputs: paths and globs (any file system Hadoop reads: local, ``hdfs://``, ``s3a://``) and
   the lines of a manifest are expanded to files; a path that matches nothing is an error row;
2. read: WARC and JSONL files as bytes (one task per file), Parquet files as rows; every record
   becomes a document or the error of that record;
3. one document per article key (the stores' content hash): the same article in two inputs is
   analysed once, and with ``--append`` an article already in the output is skipped; the keys
   are spread over partitions of planned work (:mod:`quotewire.scale.balance`), the characters of
   each bucket of keys counted on the read;
4. analyse and write: each executor loads the spaCy pipeline once and runs exactly
   :func:`~quotewire.pipeline.run_guarded` (what ``extract`` runs) on its documents, and each
   task writes its rows as Parquet files of its own (:mod:`quotewire.scale.parts`):
   ``articles/``, ``quotes/`` and ``claims/`` (partitioned by the article's month),
   ``entities/``, ``errors/``; only its tallies go back to the driver, for ``summary.json``;
5. the registry of every article in the output (:func:`registry_entities`): ``registry/``;
6. the claim timelines of every article in the output (:func:`timeline_rows`):
   ``timelines/``. Both read back what they need of ``articles/``, ``entities/`` and
   ``claims/`` in Python tasks, file by file through pyarrow: the files of one analysis task
   hold whole articles (:func:`~quotewire.scale.parts.task_files`), so an article's entities
   and claims meet its date and title without a join. Both are written as the analysis
   writes its datasets, each task its own file, and made anew by every run (``--append``
   included).

No record fails the job: a bad record, a bad input file or a failing analysis is a row of
``errors/`` with its input, record and one-line reason.
"""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from quotewire.claims.track import MIN_CHECKWORTHY
from quotewire.corpus import Filed, file_claimant
from quotewire.errors import InputError, MissingInput, QuotewireError
from quotewire.ingest.options import Options
from quotewire.scale.across import (
    DATED,
    MEMBER,
    PERSON,
    READS,
    REGISTRY_ROW,
    SIGHTING,
    across_items,
    block_sightings,
    claimant_timelines,
    one_id_each,
    registry_parts,
    title_key,
    titled_people,
)
from quotewire.scale.balance import balanced_plan, bucket_count, decreasing_shares
from quotewire.scale.classes import class_archive
from quotewire.scale.inputs import InputFile, kind_of, manifest_paths
from quotewire.scale.parts import (
    ANALYSED,
    DATASETS,
    PartFile,
    PartFiles,
    Target,
    read_part,
    task_files,
)
from quotewire.scale.read import (
    STORED,
    ErrorRow,
    Pending,
    Stored,
    Tally,
    bucket_sizes,
    error_row,
    from_bytes,
    from_parquet_row,
    keyed,
    merge,
)
from quotewire.scale.rows import (
    result_rows,
)
from quotewire.speakers.registry import resolve_block
from quotewire.terminal import plural

_BINARY_KINDS = ("warc", "jsonl")
#: The analysis's partitions per core when ``--partitions`` is not given: enough that the
#: stage ends on small partitions (:func:`~quotewire.scale.balance.decreasing_shares`)
PARTITIONS_PER_CORE = 4
#: The partitions per core of the steps after the analysis (groupings and joins of far less
#: work, in small tasks): one. The registry and timelines of 800 articles on local[2], three
#: rounds each: 3.0 / 3.1 s on one per core, 3.9 / 3.7 s on two.
STEP_PARTITIONS_PER_CORE = 1
#: Spark's own log: errors only (its warnings and progress bars are not the user's concern)
_LOG_CONFIG = Path(__file__).with_name("log4j2.properties")
#: The JVM of a local run, where it shares the cores with the Python workers that do the work:
#: its just-in-time compiler stops at the quick first tier and it collects garbage on one thread
#: (the optimising compiler's and the parallel collector's threads otherwise took processor
#: time the workers needed: 20 articles on local[2], alternating, 68.3 / 64.0 s without, 43.0 /
#: 46.1 s with). A cluster's long-running JVMs keep their defaults.
LOCAL_JVM_OPTIONS = [
    "-XX:+IgnoreUnrecognizedVMOptions",
    "-XX:TieredStopAtLevel=1",
    "-XX:+UseSerialGC",
]


class SparkUnavailable(QuotewireError):
    """pyspark is not installed, or Spark could not start (no Java runtime)."""

    code = "spark_unavailable"


@dataclass(slots=True)
class SparkSummary:
    """What one run did (written as ``summary.json``)."""

    inputs: int = 0
    read: int = 0
    stored: int = 0
    skipped: int = 0
    duplicates: int = 0
    failed: int = 0
    quotes: int = 0
    claims: int = 0
    entities: int = 0
    people: int = 0  # entities of the cross-article registry (people, organizations, places)
    timelines: int = 0  # claim groups (a claimant, a measure, a unit)
    peak_worker_mb: int = 0  # the largest peak resident memory of a Python worker
    seconds: float = 0.0
    partitions: int = 0
    master: str = ""

    def line(self) -> str:
        rate = self.read / self.seconds if self.seconds else 0.0
        return (
            f"{self.read} read, {self.stored} stored, {self.skipped} already in the output, "
            f"{plural(self.duplicates, 'duplicate')}, {self.failed} failed; "
            f"{plural(self.quotes, 'statement')}, {plural(self.claims, 'figure')}, "
            f"{self.people} in the registry, {plural(self.timelines, 'timeline')} "
            f"({self.seconds:.1f} s, peak worker memory {self.peak_worker_mb} MiB, "
            f"{rate:.1f} articles/s, "
            f"{plural(self.partitions, 'partition')} on {self.master})"
        )


def run(
    inputs: Sequence[str],
    out: str,
    *,
    master: str | None = None,
    partitions: int | None = None,
    manifest: str | None = None,
    append: bool = False,
    options: Options | None = None,
) -> SparkSummary:
    """Run the job and return its summary (also written to ``OUT/summary.json``)."""
    started = time.perf_counter()
    spark = session(master)
    try:
        summary = _job(spark, inputs, out, partitions, manifest, append, options or Options())
    except QuotewireError:
        raise
    except Exception as error:  # Spark's own failure (an output it cannot write, a lost executor)
        raise SparkUnavailable(f"the Spark job failed ({_reason(error)})", source=out) from None
    finally:
        spark.stop()
    summary.seconds = round(time.perf_counter() - started, 3)
    _write_summary(out, summary)
    return summary


def session(master: str | None) -> Any:
    """A Spark session: on ``master`` when given, else on the master ``spark-submit`` set, else
    on all local cores. A local run uses this Python for the workers."""
    try:
        import pyspark
        from pyspark import SparkContext
        from pyspark.sql import SparkSession
    except ImportError:
        raise SparkUnavailable(
            "pyspark is not installed (pip install 'quotewire[spark]')"
        ) from None
    builder = SparkSession.builder.appName("quotewire")
    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # spark-submit started this driver
    if master or not submitted:
        builder = builder.master(master or "local[*]")
    chosen = master or ("the master spark-submit set" if submitted else "local[*]")
    builder = builder.config("spark.ui.enabled", "false")
    builder = builder.config("spark.ui.showConsoleProgress", "false")
    java = [f"-Dlog4j2.configurationFile={_LOG_CONFIG}"]
    # the JVM starts here, not in an earlier session of this process (which it would serve)
    launching = SparkContext._gateway is None
    archive = None
    if chosen.startswith("local"):  # the workers run this Python, where quotewire is installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        java += LOCAL_JVM_OPTIONS
        archive = class_archive(pyspark.__version__) if launching else None
        java += archive.options() if archive else []
    builder = builder.config("spark.driver.extraJavaOptions", " ".join(java))
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # no Java runtime, a master that does not answer
        raise SparkUnavailable(f"Spark could not start on {chosen} ({_reason(error)})") from None
    if archive:
        archive.keep_at_exit(SparkContext._gateway)
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def _job(
    spark: Any,
    inputs: Sequence[str],
    out: str,
    partitions: int | None,
    manifest: str | None,
    append: bool,
    options: Options,
) -> SparkSummary:
    from pyspark import StorageLevel

    sc = spark.sparkContext
    paths = list(inputs)
    if manifest:
        paths += manifest_paths("\n".join(sc.textFile(manifest).collect()))
    files, missing = expand(spark, paths)
    cores = max(sc.defaultParallelism, 1)
    partitions = partitions or cores * PARTITIONS_PER_CORE
    # the steps after the analysis (groupings, joins) move far less work in many small tasks:
    # they run on one partition per core
    steps = min(partitions, STEP_PARTITIONS_PER_CORE * cores)
    summary = SparkSummary(inputs=len(files), partitions=partitions, master=sc.master)
    target = _target(spark, out, append)
    read = _read(spark, files)
    if append:  # the keys already in the output, each met by its copies in one shuffle
        read = read.union(_stored_keys(spark, out).map(lambda key: (key, STORED)))
    read = read.persist(StorageLevel.MEMORY_AND_DISK)
    # partitions of planned work, each a little smaller than the one before: the characters
    # under each bucket of keys, dealt to partitions by their shares
    buckets = bucket_count(partitions)
    sizes: Counter[int] = Counter()
    for part in read.mapPartitions(lambda items: [bucket_sizes(items, buckets)]).collect():
        sizes.update(part)
    plan = balanced_plan(sizes, partitions, buckets, decreasing_shares(partitions, cores))
    folded = read.reduceByKey(merge, numPartitions=partitions, partitionFunc=plan).filter(
        lambda kv: not isinstance(kv[1], Stored)
    )
    # every task writes the rows it makes (:mod:`quotewire.scale.parts`) and gives back only
    # its tallies: no row of the analysis passes into the JVM
    tallies = folded.values().mapPartitionsWithIndex(
        lambda index, items: _analyse(items, options, target, index)
    )
    counts = _sum_tallies(tallies.collect())
    read.unpersist()
    if missing:  # the inputs that name no file
        written = _write_rows(target, "inputs", missing)
        counts.update(written)
        counts["read"] += len(missing)
    _mark_written(spark, out)
    # the registry and the timelines of every article in the output, read back from it
    summary.people, summary.timelines = _across(spark, target, steps)
    _mark_written(spark, out, ("registry", "timelines"))
    summary.stored = counts.get("articles", 0)
    summary.quotes = counts.get("quotes", 0)
    summary.claims = counts.get("claims", 0)
    summary.entities = counts.get("entities", 0)
    summary.failed = counts.get("errors", 0)
    summary.skipped = counts.get("skipped", 0)
    summary.duplicates = counts.get("duplicates", 0)
    summary.read = counts.get("read", 0)
    summary.peak_worker_mb = counts.get(_PEAK, 0)
    return summary


def _target(spark: Any, out: str, append: bool) -> Target:
    """Where the tasks write: the output folder as Hadoop's file system names it (a relative
    path resolved as Spark resolves it), each dataset's folder made (emptied first unless
    ``append``), and a name for this run's files."""
    fs, qualified, folders = _dataset_folders(spark, out, list(DATASETS))
    for folder in folders:
        if (not append or folder.getName() not in ANALYSED) and fs.exists(folder):
            fs.delete(folder, True)
        fs.mkdirs(folder)
    return Target(uri=str(qualified.toString()), run=uuid.uuid4().hex[:12])


def _mark_written(spark: Any, out: str, names: Sequence[str] = ANALYSED) -> None:
    """``_SUCCESS`` in the folder of each dataset of ``names``, as Spark's own writes leave
    it."""
    fs, _, folders = _dataset_folders(spark, out, names)
    jvm = spark.sparkContext._jvm
    for folder in folders:
        fs.create(jvm.org.apache.hadoop.fs.Path(folder, "_SUCCESS"), True).close()


def _dataset_folders(
    spark: Any, out: str, names: Sequence[str] = ANALYSED
) -> tuple[Any, Any, list[Any]]:
    """Hadoop's file system of the output folder, the folder qualified by it, and the folder
    of each dataset of ``names`` (by default those the analysis tasks write)."""
    sc = spark.sparkContext
    path = sc._jvm.org.apache.hadoop.fs.Path(out)
    fs = path.getFileSystem(sc._jsc.hadoopConfiguration())
    qualified = fs.makeQualified(path)
    return fs, qualified, [sc._jvm.org.apache.hadoop.fs.Path(qualified, n) for n in names]


def _across(spark: Any, target: Target, partitions: int) -> tuple[int, int]:
    """``registry/`` and ``timelines/`` of every article in the output (``target``), written by
    the tasks that make their rows (:func:`_write`); returns how many entities and claim
    groups they hold."""
    from pyspark import StorageLevel

    items = _across_items(spark, target, partitions).persist(StorageLevel.MEMORY_AND_DISK)
    try:
        blocks = _tagged(items, SIGHTING).groupByKey(partitions)
        parts = registry_entities(blocks, partitions).flatMap(registry_parts)
        parts = parts.persist(StorageLevel.MEMORY_AND_DISK)
        try:
            people = _write(_tagged(parts, REGISTRY_ROW), target, "registry")
            dated = _tagged(items, DATED)
            timelines = write_timelines(spark, target, dated, parts, partitions)
        finally:
            parts.unpersist()
    finally:
        items.unpersist()
    return people, timelines


def _tagged(items: Any, tag: str) -> Any:
    """The values of the items of an RDD of ``(tag, value)`` tagged ``tag``."""
    return items.filter(lambda item: item[0] == tag).values()


def _across_items(spark: Any, target: Target, partitions: int) -> Any:
    """What the registry and the timelines read of every article in the output
    (:func:`~quotewire.scale.across.across_items`), read in Python tasks file by file, each
    group of one analysis task's files (:func:`~quotewire.scale.parts.task_files`) in one
    task: no row passes through the JVM, and no join is needed."""
    groups = task_files(target, list(READS))
    sc = spark.sparkContext
    if not groups:
        return sc.emptyRDD()
    slices = max(1, min(len(groups), partitions))
    return sc.parallelize(groups, slices).mapPartitions(lambda part: _read_groups(target, part))


def _read_groups(target: Target, groups: Iterable[list[PartFile]]) -> Iterator[tuple[str, Any]]:
    """:func:`~quotewire.scale.across.across_items` of each group of files."""
    system, _ = target.open()
    for files in groups:
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in READS}
        for part in files:
            rows[part.dataset] += read_part(system, part, READS[part.dataset])
        yield from across_items(rows["articles"], rows["entities"], rows["claims"], MIN_CHECKWORTHY)


def _write(rows: Any, target: Target, name: str) -> int:
    """Write the RDD of ``rows`` as dataset ``name`` of ``target``, each task its own file
    (:class:`~quotewire.scale.parts.PartFiles`), as the analysis writes its datasets: no row
    passes into the JVM, and the rows are counted as they are written (no second pass);
    returns how many were written."""
    written = rows.mapPartitionsWithIndex(
        lambda index, items: [_write_rows(target, f"{index:05d}", items)[name]]
    )
    return sum(written.collect())


def write_timelines(spark: Any, target: Target, dated: Any, parts: Any, partitions: int) -> int:
    """``timelines/`` (of ``target``) from :func:`timeline_rows`; returns how many claim groups
    it holds. ``dated`` holds the timeline-worthy claims
    (:class:`~quotewire.scale.across.TimelineClaim`), ``parts`` what
    the registry step gave (:func:`registry_parts`). The claims joined to their claimants are
    read twice (for the names that need a title looked up, then for the timelines), so they
    are kept between the two."""
    from pyspark import StorageLevel

    members = _tagged(parts, MEMBER)
    joined = _cogroup(dated.map(lambda c: (c.key, c)), members, partitions).flatMap(
        lambda kv: [(claim, kv[1][1][0] if kv[1][1] else None) for claim in kv[1][0]]
    )
    joined = joined.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        timelines = timeline_rows(spark, joined, _tagged(parts, PERSON), partitions)
        return _write(timelines, target, "timelines")
    finally:
        joined.unpersist()


def _cogroup(left: Any, right: Any, partitions: int) -> Any:
    """``(key, (left values, right values))`` for every key of two keyed RDDs. Each side is
    spread over the partitions on its own and the two are then read partition by partition
    (PySpark's own cogroup and joins map over a union of the two sides, which puts a second
    Python worker, that every row passes through, behind each task)."""
    tagged = left.mapValues(lambda v: (0, v)).partitionBy(partitions)
    tagged = tagged.union(right.mapValues(lambda v: (1, v)).partitionBy(partitions))
    return tagged.groupByKey(partitions).mapValues(_sides)


def _sides(values: Iterable[tuple[int, Any]]) -> tuple[list[Any], list[Any]]:
    sides: tuple[list[Any], list[Any]] = ([], [])
    for side, value in values:
        sides[side].append(value)
    return sides


def timeline_rows(spark: Any, joined: Any, people: Any, partitions: int) -> Any:
    """The claim timelines of every article in the output, as ``quotewire claims`` makes them
    on one machine (:meth:`~quotewire.corpus.Corpus.claims`): each claim filed under its
    claimant's registry entity (joined through the registry's members), else under the one
    person its claimant's title fits (:func:`_titled`), else unresolved, a source or the
    narrator; then each claimant's entries, in the corpus's order, grouped and flagged by
    :func:`~quotewire.claims.track.track` in one task. ``joined`` holds each
    :class:`~quotewire.scale.across.TimelineClaim` with the (id, name) of its claimant's
    registry entity, or None (read twice here: keep it); ``people`` the registry's people
    with roles by nation key."""
    shared = spark.sparkContext.broadcast(_titled(joined, people, partitions))
    filed = joined.map(
        lambda pair: (
            file_claimant(pair[0].claimant, pair[0].source, pair[1], shared.value.get),
            pair[0],
        )
    )
    return (
        filed.map(lambda f: (f[0][0], f))
        .groupByKey(partitions)
        .flatMap(lambda kv: claimant_timelines(kv[1]))
    )


def _titled(joined: Any, people: Any, partitions: int) -> dict[str, Filed]:
    """The claimant names no registry entity joined that a title look-up files under the one
    person their title fits (:meth:`~quotewire.speakers.registry.Registry.by_title`), each
    with that person's (id, name). Names and people meet by the nation key of the title's
    head word (:func:`title_key`), so no step holds every person."""
    names = joined.filter(lambda pair: pair[1] is None and pair[0].claimant is not None)
    keyed_names = names.flatMap(
        lambda pair: [(k, pair[0].claimant) for k in title_key(pair[0].claimant)]
    )
    found = _cogroup(keyed_names, people, partitions).flatMap(
        lambda kv: titled_people(kv[1][0], kv[1][1]) if kv[1][0] and kv[1][1] else []
    )
    return dict(found.collect())


def registry_entities(blocks: Any, partitions: int) -> Any:
    """The cross-article registry as a distributed step: the tracked entities grouped by their
    block key (``blocks``; :func:`~quotewire.speakers.registry.block_key`), each block
    resolved in one task by the same :func:`~quotewire.speakers.registry.resolve_block` the
    single-machine path runs, then an id two blocks made is kept by the first block in key
    order and suffixed in the others (:func:`~quotewire.speakers.registry.unique_ids`).
    Neither the input order nor the number of partitions changes the result."""
    resolved = blocks.flatMap(
        lambda kv: [(e.id, (kv[0], e)) for e in resolve_block(block_sightings(kv[1]))]
    )
    return resolved.groupByKey(partitions).flatMap(one_id_each)


def expand(spark: Any, paths: Iterable[str]) -> tuple[list[InputFile], list[ErrorRow]]:
    """The input files that ``paths`` name (globs expanded, folders listed, by Hadoop's file
    system for the path's scheme), and an error row for each path that names none."""
    sc = spark.sparkContext
    jvm, conf = sc._jvm, sc._jsc.hadoopConfiguration()
    files: list[InputFile] = []
    missing: list[ErrorRow] = []
    for path in paths:
        try:
            hadoop_path = jvm.org.apache.hadoop.fs.Path(path)
            fs = hadoop_path.getFileSystem(conf)
            statuses = fs.globStatus(hadoop_path) or []
        except Exception as error:  # a scheme no file system is configured for, a bad path
            reason = " ".join(str(error).split())[:160]
            missing.append(ErrorRow(input=path, record=None, reason=f"cannot be listed: {reason}"))
            continue
        found = []
        for status in statuses:
            name = str(status.getPath().toString())
            if status.isDirectory() and kind_of(name) != "parquet":
                found += [str(s.getPath().toString()) for s in fs.listStatus(status.getPath())]
            else:
                found.append(name)
        known = [(name, kind_of(name)) for name in sorted(found)]
        files += [InputFile(name, kind) for name, kind in known if kind is not None]
        if not found:
            missing.append(ErrorRow(input=path, record=None, reason="no such file"))
        elif not any(kind for _, kind in known):
            reason = "no .warc, .warc.gz, .jsonl or .parquet input there"
            missing.append(ErrorRow(input=path, record=None, reason=reason))
    return list(dict.fromkeys(files)), missing


def _read(spark: Any, files: Sequence[InputFile]) -> Any:
    """The RDD of what the input files hold: a :class:`Pending` document or an
    :class:`ErrorRow` per record, under its article key (:func:`keyed`, applied in the task
    that reads: a map after a union would be a second Python worker every record passes
    through)."""
    sc = spark.sparkContext
    parts = []
    binary = [f for f in files if f.kind in _BINARY_KINDS]
    if binary:
        kinds = {f.path: f.kind for f in binary}
        blobs = sc.binaryFiles(",".join(f.path for f in binary), minPartitions=len(binary))
        parts.append(blobs.flatMap(lambda blob: map(keyed, from_bytes(blob[0], kinds, blob[1]))))
    parquet = [f.path for f in files if f.kind == "parquet"]
    if parquet:
        parts.append(_parquet_rows(spark, parquet))
    if len(parts) > 1:
        return sc.union(parts)
    return parts[0] if parts else sc.emptyRDD()


def _parquet_rows(spark: Any, paths: Sequence[str]) -> Any:
    from pyspark.sql import functions

    frame = spark.read.parquet(*paths)
    columns = [c for c in ("id", "text", "html", "url") if c in frame.columns]
    if not any(c in columns for c in ("text", "html")):
        rows = [ErrorRow(input=p, record=None, reason='no "text" or "html" column') for p in paths]
        return spark.sparkContext.parallelize([keyed(row) for row in rows], 1)
    frame = frame.select(*columns, functions.input_file_name().alias("_input"))
    return frame.rdd.map(lambda row: keyed(from_parquet_row(row)))


def _stored_keys(spark: Any, out: str) -> Any:
    """The article keys already in the output (none when it has no articles yet)."""
    try:
        frame = spark.read.parquet(_join(out, "articles"))
    except Exception:  # no output yet: nothing to skip
        return spark.sparkContext.emptyRDD()
    return frame.select("article_id").rdd.map(lambda row: row[0])


_NLP: Any = None


def _nlp() -> Any:
    """The spaCy pipeline of this executor's Python worker, loaded at its first article."""
    global _NLP
    if _NLP is None:
        from quotewire.nlp.english import load_english

        _NLP = load_english()
    return _NLP


def _analyse(
    items: Iterable[Pending | ErrorRow | Tally], options: Options, target: Target, index: int
) -> Iterator[Tally]:
    """Analyse each pending document and write its rows (its error row when the analysis
    fails) to this task's files (:class:`~quotewire.scale.parts.PartFiles`); give back the
    rows written to each dataset, the tallies of what this partition read, skipped and folded
    as a duplicate, and its worker's peak memory."""
    from quotewire.pipeline import run_guarded  # the NLP stack: in the workers, not the driver

    tallies: Counter[str] = Counter()
    files = PartFiles(target, f"part-{index:05d}-{target.run}")
    try:
        for item in items:
            if isinstance(item, Tally):  # already stored
                tallies["read"] += item.n
                tallies[item.name] += item.n
                continue
            if isinstance(item, ErrorRow):  # a record that could not be read
                tallies["read"] += 1
                files.add(item)
                continue
            tallies["read"] += item.copies
            tallies["duplicates"] += item.copies - 1
            outcome = run_guarded(item.document, options, nlp=_nlp())
            if isinstance(outcome, InputError):
                files.add(error_row(outcome, item.input))
                continue
            rows = result_rows(item.document, outcome)
            for row in (rows.article, *rows.quotes, *rows.claims, *rows.entities):
                files.add(row)
        tallies.update(files.close())
    except BaseException:
        files.abort()
        raise
    for name, n in sorted(tallies.items()):
        yield Tally(name, n)
    yield Tally(_PEAK, int(_peak_rss_mb()))


def _write_rows(target: Target, part: str, rows: Iterable[Any]) -> Counter[str]:
    """Rows the driver makes (the inputs that name no file) written as the tasks write
    theirs; the rows written to each dataset."""
    files = PartFiles(target, f"part-{part}-{target.run}")
    try:
        for row in rows:
            files.add(row)
        return files.close()
    except BaseException:
        files.abort()
        raise


def _sum_tallies(tallies: Iterable[Tally]) -> Counter[str]:
    """The tasks' tallies summed, the workers' peak memory their maximum."""
    counts: Counter[str] = Counter()
    for tally in tallies:
        if tally.name == _PEAK:
            counts[_PEAK] = max(counts[_PEAK], tally.n)
        else:
            counts[tally.name] += tally.n
    return counts


_PEAK = "peak_worker_mb"


def _peak_rss_mb() -> float:
    """The peak resident memory of this Python worker so far, in MiB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reason(error: BaseException) -> str:
    """The first line of an error, without the JVM's stack."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return (lines[0] if lines else type(error).__name__)[:200]


def _join(out: str, name: str) -> str:
    return f"{out.rstrip('/')}/{name}"


def _write_summary(out: str, summary: SparkSummary) -> None:
    """``summary.json`` beside the datasets (a local output folder), else only printed."""
    if "://" in out and not out.startswith("file://"):
        return
    folder = Path(out.removeprefix("file://"))
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "summary.json").write_text(json.dumps(asdict(summary), indent=2) + "\n")


def check_inputs(inputs: Sequence[str], manifest: str | None) -> None:
    """Refuse a run with nothing to read, before Spark starts."""
    if not inputs and not manifest:
        raise MissingInput("no inputs: give paths, globs or --manifest FILE", source="spark")
