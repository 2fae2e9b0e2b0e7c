"""``quotewire spark``: the pipeline over many input files on Apache Spark.

The job, stage by stage:

1. inputs: paths and globs (any file system Hadoop reads: local, ``hdfs://``, ``s3a://``) and
   the lines of a manifest are expanded to files; a path that matches nothing is an error row;
2. read: WARC and JSONL files as bytes (one task per file), Parquet files as rows; every record
   becomes a document or the error of that record;
3. one document per article key (the stores' content hash): the same article in two inputs is
   analysed once, and with ``--append`` an article already in the output is skipped;
4. analyse: each executor loads the spaCy pipeline once and runs exactly
   :func:`~quotewire.pipeline.run_guarded` (what ``extract`` runs) on its documents;
5. write Parquet datasets under the output folder: ``articles/``, ``quotes/`` and ``claims/``
   (partitioned by the article's month), ``entities/``, ``errors/``, and ``summary.json``;
6. the registry of every article in the output (:func:`registry_entities`): ``registry/``;
7. the claim timelines of every article in the output (:func:`timeline_rows`):
   ``timelines/``.

No record fails the job: a bad record, a bad input file or a failing analysis is a row of
``errors/`` with its input, record and one-line reason.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from quotewire.claims.track import track
from quotewire.corpus import DatedEntry, Filed, dated_entry, file_claim
from quotewire.errors import InputError, MissingInput, QuotewireError
from quotewire.ingest.sources import record_document
from quotewire.model import Claim, RegistryEntity
from quotewire.pipeline import Document, Options, run_guarded
from quotewire.scale.inputs import InputFile, InputKind, documents_in, kind_of, manifest_paths
from quotewire.scale.rows import (
    ArticleRow,
    ClaimRow,
    EntityRow,
    ErrorRow,
    QuoteRow,
    RegistryRow,
    TimelineRow,
    article_key,
    error_row,
    registry_row,
    result_rows,
    stored_sightings,
    timeline_row,
)
from quotewire.speakers.registry import (
    Registry,
    Sighting,
    block_key,
    resolve_block,
    sightings,
    unique_ids,
)

#: The datasets written under the output folder, their row type, and the column they are
#: partitioned by.
DATASETS: dict[str, tuple[type, str | None]] = {
    "articles": (ArticleRow, None),
    "quotes": (QuoteRow, "month"),
    "claims": (ClaimRow, "month"),
    "entities": (EntityRow, None),
    "errors": (ErrorRow, None),
}
_KIND_OF_ROW = {row: name for name, (row, _) in DATASETS.items()}
_BINARY_KINDS = ("warc", "jsonl")
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
            f"{self.duplicates} duplicates, {self.failed} failed; {self.quotes} statements, "
            f"{self.claims} figures, {self.people} in the registry, {self.timelines} timelines "
            f"({self.seconds:.1f} s, peak worker memory {self.peak_worker_mb} MiB, "
            f"{rate:.1f} articles/s, "
            f"{self.partitions} partitions on {self.master})"
        )


@dataclass(frozen=True, slots=True)
class Pending:
    """A document waiting for analysis: where it came from and how many inputs held it."""

    input: str
    document: Document
    copies: int = 1


@dataclass(frozen=True, slots=True)
class Tally:
    """A count for the summary, emitted beside the rows."""

    name: str
    n: int


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
    if chosen.startswith("local"):  # the workers run this Python, where quotewire is installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        java += LOCAL_JVM_OPTIONS
    builder = builder.config("spark.driver.extraJavaOptions", " ".join(java))
    try:
        spark = builder.getOrCreate()
    except Exception as error:  # no Java runtime, a master that does not answer
        raise SparkUnavailable(f"Spark could not start on {chosen} ({_reason(error)})") from None
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
    partitions = partitions or max(sc.defaultParallelism * 2, 1)
    summary = SparkSummary(inputs=len(files), partitions=partitions, master=sc.master)

    keyed = _read(spark, files).map(_keyed).reduceByKey(_first, numPartitions=partitions)
    if append:
        stored = _stored_keys(spark, out).map(lambda key: (key, True))
        keyed = keyed.leftOuterJoin(stored, partitions).map(_unless_stored)
    missing_rows = sc.parallelize([asdict(row) for row in missing], 1).map(lambda d: ErrorRow(**d))
    results = (
        keyed.values()
        .mapPartitions(lambda items: _analyse(items, options))
        .union(missing_rows)
        .persist(StorageLevel.MEMORY_AND_DISK)
    )
    try:
        for name, (row_type, partition) in DATASETS.items():
            rows = results.filter(lambda item, t=row_type: isinstance(item, t)).map(asdict)
            frame = spark.createDataFrame(rows, schema=spark_schema(row_type), verifySchema=False)
            writer = frame.write.mode("append" if append else "overwrite")
            if partition:
                writer = writer.partitionBy(partition)
            writer.parquet(_join(out, name))
        counts = (
            results.map(_counted)
            .filter(lambda kv: kv is not None)
            .reduceByKey(lambda a, b: max(a, b) if a[1] == _PEAK else (a[0] + b[0], a[1]))
            .mapValues(lambda value: value[0])
            .collectAsMap()
        )
    except BaseException:
        results.unpersist()
        raise
    try:
        # this run's articles are all there is without --append: their sightings, claims and
        # dates come with the results kept in memory; with --append, those of the earlier runs
        # are read back from the output
        if append:
            sighted = _sightings(spark, out, partitions)
            claims, articles = _stored_claims(spark, out)
        else:
            sighted = results.filter(lambda item: isinstance(item, Sighting))
            claims = results.filter(lambda item: isinstance(item, ClaimRow)).map(
                lambda row: (row.article_id, (row.claim_id, row.record))
            )
            articles = results.filter(lambda item: isinstance(item, ArticleRow)).map(
                lambda row: (row.article_id, (row.published, row.title, row.url, row.text_hash))
            )
        registry = registry_entities(sighted, partitions).persist(StorageLevel.MEMORY_AND_DISK)
        try:
            summary.people = _write(
                spark, registry.map(registry_row), RegistryRow, _join(out, "registry")
            )
            summary.timelines = write_timelines(
                spark, _join(out, "timelines"), claims, articles, registry, partitions
            )
        finally:
            registry.unpersist()
    finally:
        results.unpersist()
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


def _sightings(spark: Any, out: str, partitions: int) -> Any:
    """What the registry reads of every article in the output (this run's and, with
    ``--append``, the earlier runs'): each article's entities with its date and text hash."""
    articles = spark.read.parquet(_join(out, "articles")).select(
        "article_id", "published", "text_hash"
    )
    entities = spark.read.parquet(_join(out, "entities")).select("article_id", "record")
    dated = articles.rdd.map(lambda r: (r[0], (r[1], r[2])))
    grouped = entities.rdd.map(lambda r: (r[0], r[1])).groupByKey(partitions)
    return grouped.join(dated, partitions).flatMap(
        lambda kv: stored_sightings(kv[0], kv[1][1][0], kv[1][1][1], kv[1][0])
    )


def _stored_claims(spark: Any, out: str) -> tuple[Any, Any]:
    """Every claim of the output as ``(article key, (claim id, record))`` and every article
    as ``(article key, (published, title, url, text hash))``, read back from the output."""
    articles = spark.read.parquet(_join(out, "articles")).select(
        "article_id", "published", "title", "url", "text_hash"
    )
    claims = spark.read.parquet(_join(out, "claims")).select("article_id", "claim_id", "record")
    return (
        claims.rdd.map(lambda r: (r[0], (r[1], r[2]))),
        articles.rdd.map(lambda r: (r[0], tuple(r[1:]))),
    )


def _write(spark: Any, rows: Any, row_type: type, where: str) -> int:
    """Write the RDD of ``rows`` (dataclasses of ``row_type``) as Parquet at ``where``
    (replacing what is there); returns how many were written (counted on the rows kept in
    memory for the write, not read back)."""
    from pyspark import StorageLevel

    kept = rows.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        frame = spark.createDataFrame(
            kept.map(asdict), schema=spark_schema(row_type), verifySchema=False
        )
        frame.write.mode("overwrite").parquet(where)
        return int(kept.count())
    finally:
        kept.unpersist()


def write_timelines(
    spark: Any, where: str, claims: Any, articles: Any, registry: Any, partitions: int
) -> int:
    """``timelines/`` (at ``where``) from :func:`timeline_rows`; returns how many claim groups
    it holds. The claims joined to their claimants are read twice (for the names that need a
    title looked up, then for the timelines), so they are kept between the two."""
    from pyspark import StorageLevel

    joined = _claims_with_members(claims, articles, registry, partitions).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    try:
        timelines = timeline_rows(spark, joined, registry, partitions)
        return _write(spark, timelines, TimelineRow, where)
    finally:
        joined.unpersist()


def _claims_with_members(
    claims: Any, articles: Any, registry: Any, partitions: int, min_checkworthy: float = 0.3
) -> Any:
    """Every timeline-worthy claim as a :class:`DatedEntry`, with the (id, name) of the
    registry entity its claimant's entity joined (None when there is none). ``claims`` holds
    ``(article key, (claim id, record))``, ``articles`` ``(article key, (published, title,
    url, text hash))``, ``registry`` the registry's entities."""
    dated = claims.join(articles, partitions).flatMap(
        lambda kv: _dated(kv[0], kv[1][0], kv[1][1], min_checkworthy)
    )
    members = registry.flatMap(
        lambda e: [((m.article, m.entity), (e.id, e.name)) for m in e.members]
    )
    return (
        dated.map(lambda d: ((d.entry.article, _claimant_entity(d)), d))
        .leftOuterJoin(members, partitions)
        .values()
    )


def timeline_rows(spark: Any, joined: Any, registry: Any, partitions: int) -> Any:
    """The claim timelines of every article in the output, as ``quotewire claims`` makes them
    on one machine (:meth:`~quotewire.corpus.Corpus.claims`): each claim filed under its
    claimant's registry entity (joined through the registry's members), else under the one
    person its claimant's title fits (looked up on the driver for the few names that need
    it), else unresolved, a source or the narrator; then each claimant's entries, in the
    corpus's order, grouped and flagged by :func:`~quotewire.claims.track.track` in one task.
    ``joined`` is what :func:`_claims_with_members` gives (read twice here: keep it)."""
    sc = spark.sparkContext
    needing = (
        joined.filter(lambda pair: pair[1] is None and pair[0].entry.claim.claimant is not None)
        .map(lambda pair: pair[0].entry.claim.claimant.name)
        .distinct()
        .collect()
    )
    titled: dict[str, Filed | None] = {}
    if needing:
        people = registry.filter(lambda e: e.type == "PERSON" and bool(e.roles)).collect()
        by_title = Registry.restore(people)
        for name in needing:
            found = by_title.by_title(name)
            titled[name] = (found[0].id, found[0].name) if found is not None else None
    shared = sc.broadcast(titled)
    filed = joined.map(
        lambda pair: (file_claim(pair[0].entry.claim, pair[1], shared.value.get), pair[0])
    )
    return (
        filed.map(lambda f: (f[0][0], f))
        .groupByKey(partitions)
        .flatMap(lambda kv: _claimant_timelines(kv[1]))
    )


def _dated(
    key: str, claim: tuple[str, str], article: tuple[Any, ...], min_checkworthy: float
) -> list[DatedEntry]:
    claim_id, record = claim
    published, title, url, text_hash = article
    parsed = Claim.model_validate_json(record)
    if parsed.checkworthy < min_checkworthy:
        return []
    number = re.search(r"(\d+)$", claim_id)
    n = int(number.group(1)) if number else 0
    return [dated_entry(key, published, title, url, text_hash, n, parsed)]


def _claimant_entity(dated: DatedEntry) -> str | None:
    claimant = dated.entry.claim.claimant
    return claimant.entity if claimant is not None else None


def _claimant_timelines(items: Iterable[tuple[Filed, DatedEntry]]) -> list[TimelineRow]:
    ordered = sorted(items, key=lambda item: item[1].order)
    entries = [dated.entry for _, dated in ordered]
    claimant_of = {(d.entry.article, d.entry.claim.id): filed for filed, d in ordered}
    return [timeline_row(group) for group in track(entries, claimant_of)]


def registry_entities(sightings: Any, partitions: int) -> Any:
    """The cross-article registry as a distributed step: sightings grouped by their block key
    (:func:`~quotewire.speakers.registry.block_key`), each block resolved in one task by the
    same :func:`~quotewire.speakers.registry.resolve_block` the single-machine path runs, then
    an id two blocks made is kept by the first block in key order and suffixed in the others
    (:func:`~quotewire.speakers.registry.unique_ids`). Neither the input order nor the number of
    partitions changes the result."""
    resolved = (
        sightings.map(lambda s: (block_key(s), s))
        .groupByKey(partitions)
        .flatMap(lambda kv: [(e.id, (kv[0], e)) for e in resolve_block(kv[1])])
    )
    return resolved.groupByKey(partitions).flatMap(_one_id_each)


def _one_id_each(pair: tuple[str, Iterable[tuple[str, RegistryEntity]]]) -> list[RegistryEntity]:
    out: list[RegistryEntity] = []
    taken: set[str] = set()
    for block, entity in sorted(pair[1], key=lambda item: item[0]):
        out += unique_ids(block, [entity], taken)
    return out


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
    :class:`ErrorRow` per record."""
    sc = spark.sparkContext
    parts = []
    binary = [f for f in files if f.kind in _BINARY_KINDS]
    if binary:
        kinds = {f.path: f.kind for f in binary}
        blobs = sc.binaryFiles(",".join(f.path for f in binary), minPartitions=len(binary))
        parts.append(blobs.flatMap(lambda blob: _from_bytes(blob[0], kinds, blob[1])))
    parquet = [f.path for f in files if f.kind == "parquet"]
    if parquet:
        parts.append(_parquet_rows(spark, parquet))
    return sc.union(parts) if parts else sc.emptyRDD()


def _from_bytes(path: str, kinds: dict[str, InputKind], data: bytes) -> Iterator[Any]:
    kind = kinds.get(path) or kind_of(path) or "jsonl"
    for item in documents_in(path, kind, data):
        if isinstance(item, InputError):
            yield error_row(item, path)
        else:
            yield Pending(input=path, document=item)


def _parquet_rows(spark: Any, paths: Sequence[str]) -> Any:
    from pyspark.sql import functions

    frame = spark.read.parquet(*paths)
    columns = [c for c in ("id", "text", "html", "url") if c in frame.columns]
    if not any(c in columns for c in ("text", "html")):
        rows = [ErrorRow(input=p, record=None, reason='no "text" or "html" column') for p in paths]
        return spark.sparkContext.parallelize(rows, 1)
    frame = frame.select(*columns, functions.input_file_name().alias("_input"))
    return frame.rdd.map(_from_parquet_row)


def _from_parquet_row(row: Any) -> Any:
    fields_ = row.asDict()
    where = str(fields_.pop("_input"))
    item = record_document(fields_, where)
    if isinstance(item, InputError):
        return error_row(item, where)
    return Pending(input=where, document=item)


def _stored_keys(spark: Any, out: str) -> Any:
    """The article keys already in the output (none when it has no articles yet)."""
    try:
        frame = spark.read.parquet(_join(out, "articles"))
    except Exception:  # no output yet: nothing to skip
        return spark.sparkContext.emptyRDD()
    return frame.select("article_id").rdd.map(lambda row: row[0])


def _keyed(item: Pending | ErrorRow) -> tuple[str, Pending | ErrorRow]:
    """A document under its article key; an error under a key of its own."""
    if isinstance(item, ErrorRow):
        return f"error\0{item.input}\0{item.record}\0{item.reason}", item
    return article_key(item.document), item


def _first(a: Pending | ErrorRow, b: Pending | ErrorRow) -> Pending | ErrorRow:
    """Of two inputs holding the same article, the one with the smaller name (so the choice
    does not depend on the order Spark meets them), counting both."""
    if not isinstance(a, Pending) or not isinstance(b, Pending):
        return a  # the same error twice: the same file given twice
    keep = a if (a.input, a.document.source) <= (b.input, b.document.source) else b
    return Pending(input=keep.input, document=keep.document, copies=a.copies + b.copies)


def _unless_stored(pair: tuple[str, tuple[Any, bool | None]]) -> Any:
    """After the join with the stored keys: the item, or a tally of it when it is stored."""
    item, stored = pair[1]
    if stored and isinstance(item, Pending):
        return pair[0], Tally("skipped", item.copies)
    return pair[0], item


_NLP: Any = None


def _nlp() -> Any:
    """The spaCy pipeline of this executor's Python worker, loaded at its first article."""
    global _NLP
    if _NLP is None:
        from quotewire.nlp.english import load_english

        _NLP = load_english()
    return _NLP


def _analyse(items: Iterable[Pending | ErrorRow | Tally], options: Options) -> Iterator[Any]:
    """The rows of each pending document (its error row when the analysis fails), and tallies
    of what was read, skipped and folded as a duplicate."""
    for item in items:
        if isinstance(item, Tally):  # already stored
            yield Tally("read", item.n)
            yield item
            continue
        if isinstance(item, ErrorRow):  # a record that could not be read
            yield Tally("read", 1)
            yield item
            continue
        yield Tally("read", item.copies)
        if item.copies > 1:
            yield Tally("duplicates", item.copies - 1)
        outcome = run_guarded(item.document, options, nlp=_nlp())
        if isinstance(outcome, InputError):
            yield error_row(outcome, item.input)
            continue
        rows = result_rows(item.document, outcome)
        yield rows.article
        yield from rows.quotes
        yield from rows.claims
        yield from rows.entities
        yield from sightings(
            rows.article.article_id,
            outcome.entities,
            outcome.article.published,
            order=rows.article.text_hash,
        )
    yield Tally(_PEAK, int(_peak_rss_mb()))


_PEAK = "peak_worker_mb"


def _peak_rss_mb() -> float:
    """The peak resident memory of this Python worker so far, in MiB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _counted(item: Any) -> tuple[str, tuple[int, str]] | None:
    """What an item adds to the summary: ``(name, (n, how))``, where ``how`` is the peak's
    name for the one figure that is a maximum (the workers' peak memory) and "" for counts."""
    if isinstance(item, Tally):
        return item.name, (item.n, _PEAK if item.name == _PEAK else "")
    name = _KIND_OF_ROW.get(type(item))
    return (name, (1, "")) if name else None


def spark_schema(row_type: type) -> Any:
    """The Spark schema of a row dataclass, column by column from its field types."""
    from pyspark.sql import types as t

    hints = typing.get_type_hints(row_type)
    columns = []
    for column in fields(row_type):
        hint = hints[column.name]
        union = isinstance(hint, types.UnionType)
        nullable = union and type(None) in typing.get_args(hint)
        base = next(a for a in typing.get_args(hint) if a is not type(None)) if union else hint
        spark_type: Any
        if base is str:
            spark_type = t.StringType()
        elif base is int:
            spark_type = t.LongType()
        elif base is float:
            spark_type = t.DoubleType()
        elif typing.get_origin(base) is list:
            spark_type = t.ArrayType(t.StringType(), containsNull=False)
        else:  # pragma: no cover - every row field is one of the above
            raise TypeError(f"no Spark type for {column.name}: {hint}")
        columns.append(t.StructField(column.name, spark_type, nullable=nullable))
    return t.StructType(columns)


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
