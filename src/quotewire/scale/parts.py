"""The datasets of ``quotewire spark`` written by the tasks that make their rows.

Each analysis task writes its own Parquet files (``part-<task>-<run>.parquet`` under each
dataset, under ``month=YYYY-MM/`` for the datasets partitioned by month) through pyarrow, so no
row of the analysis passes into the JVM; the registry and the timelines read back, column by
column and in Python tasks too, what they need (:func:`task_files`). A file is written under a
hidden name (``.`` first, which Spark and pyarrow skip) and renamed when complete, so a task
that fails leaves nothing a reader sees, and its retry writes the same names again. A task
writes its ``articles/`` file last: an article listed there has all its rows written (what
``--append`` relies on).

The files are named by the task and the run, not by their content; what they hold does not
depend on the run (ids are content hashes), so two runs over the same inputs give the same
rows.
"""

from __future__ import annotations

import os
import types
import typing
from collections import Counter, defaultdict
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from quotewire.scale.read import ErrorRow
from quotewire.scale.rows import (
    ArticleRow,
    ClaimRow,
    EntityRow,
    QuoteRow,
    RegistryRow,
    TimelineRow,
)

#: The datasets written under the output folder, their row type, and the column they are
#: partitioned by (a folder per value, the column itself not in the files).
DATASETS: dict[str, tuple[type, str | None]] = {
    "articles": (ArticleRow, None),
    "quotes": (QuoteRow, "month"),
    "claims": (ClaimRow, "month"),
    "entities": (EntityRow, None),
    "errors": (ErrorRow, None),
    "registry": (RegistryRow, None),
    "timelines": (TimelineRow, None),
}
DATASET_OF_ROW = {row: name for name, (row, _) in DATASETS.items()}
#: The datasets the analysis tasks write (``--append`` adds to them); the others are made anew
#: from all of them by every run (the registry and the timelines)
ANALYSED = ("articles", "quotes", "claims", "entities", "errors")
#: The order a task writes its datasets in: ``articles/`` last
WRITE_ORDER = ("registry", "timelines", "errors", "entities", "claims", "quotes", "articles")
#: Rows a file's writer holds before writing them as a row group
ROW_GROUP = 2000


#: The kinds of column a row dataclass has: its field types' names for both schemas
ColumnKind = str  # "string", "int64", "float64" or "strings"


@cache
def field_types(row_type: type) -> tuple[tuple[str, ColumnKind, bool], ...]:
    """Each field of a row dataclass as (name, column kind, nullable): ``str | None`` is
    ``(name, "string", True)``, ``list[str]`` is ``"strings"``: the reading of a row's
    types that the Parquet schema builds on."""
    hints = typing.get_type_hints(row_type)
    found = []
    for column in fields(row_type):
        hint = hints[column.name]
        union = isinstance(hint, types.UnionType)
        nullable = union and type(None) in typing.get_args(hint)
        base = next(a for a in typing.get_args(hint) if a is not type(None)) if union else hint
        kind = _KINDS.get(base) or ("strings" if typing.get_origin(base) is list else None)
        if kind is None:  # pragma: no cover - every row field is one of the above
            raise TypeError(f"no column type for {column.name}: {hint}")
        found.append((column.name, kind, nullable))
    return tuple(found)


_KINDS: dict[Any, ColumnKind] = {str: "string", int: "int64", float: "float64"}


@cache
def arrow_schema(row_type: type, without: str | None = None) -> Any:
    """The Parquet (Arrow) schema of a row dataclass, in types Spark reads as its own: strings,
    64-bit integers, doubles, lists of strings; ``without`` a partition column."""
    import pyarrow as pa

    arrow = {
        "string": pa.string(),
        "int64": pa.int64(),
        "float64": pa.float64(),
        "strings": pa.list_(pa.field("element", pa.string(), nullable=False)),
    }
    return pa.schema(
        [
            pa.field(name, arrow[kind], nullable=nullable)
            for name, kind, nullable in field_types(row_type)
            if name != without
        ]
    )


def dataset_schema(name: str) -> Any:
    """The schema a reader of dataset ``name`` gives pyarrow (the partition column last, as
    Spark reads it), so that a dataset with no rows reads as an empty table."""
    import pyarrow as pa

    row_type, partition = DATASETS[name]
    schema = arrow_schema(row_type, without=partition)
    return schema.append(pa.field(partition, pa.string())) if partition else schema


def read_dataset(folder: str, name: str, columns: list[str] | None = None) -> Any:
    """Dataset ``name`` under a local output ``folder`` as a pyarrow table."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    partition = DATASETS[name][1]
    partitioning = (
        ds.partitioning(pa.schema([(partition, pa.string())]), flavor="hive") if partition else None
    )
    where = os.path.join(folder, name)
    dataset = ds.dataset(
        where, format="parquet", schema=dataset_schema(name), partitioning=partitioning
    )
    return dataset.to_table(columns=columns)


@dataclass(frozen=True, order=True, slots=True)
class PartFile:
    """One Parquet file a task wrote: its dataset and its path in the output's file system."""

    dataset: str
    path: str


def task_files(target: Target, names: Sequence[str]) -> list[list[PartFile]]:
    """The files of datasets ``names`` under ``target``, grouped by the task that wrote them
    (every dataset's file of one task has the task's name, ``part-<task>-<run>.parquet``), in
    name order. A task writes every row of its articles, so a group holds whole articles: what
    one article's rows meet is read from its group alone, without a join across groups. Files
    still hidden (a task that has not finished) are not listed."""
    from pyarrow import fs

    system, base = target.open()
    groups: defaultdict[str, list[PartFile]] = defaultdict(list)
    for name in names:
        selector = fs.FileSelector(f"{base}/{name}", recursive=True, allow_not_found=True)
        for info in system.get_file_info(selector):
            if (
                info.type == fs.FileType.File
                and info.base_name.endswith(".parquet")
                and not info.base_name.startswith((".", "_"))
            ):
                groups[info.base_name].append(PartFile(name, info.path))
    return [sorted(files) for _, files in sorted(groups.items())]


def read_part(system: Any, part: PartFile, columns: Sequence[str]) -> list[dict[str, Any]]:
    """The ``columns`` of one task's file (:func:`task_files`) as rows, in the file system
    ``system`` (:meth:`Target.open`)."""
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = pq.read_table(
        part.path, columns=list(columns), filesystem=system
    ).to_pylist()
    return rows


@dataclass(frozen=True, slots=True)
class Target:
    """Where a run writes: the output folder as a URI pyarrow opens (``file:``, ``hdfs://``,
    ``s3://``; Hadoop's ``s3a://`` is S3 to pyarrow) and the run's name for its files."""

    uri: str
    run: str

    def open(self) -> tuple[Any, str]:
        """The pyarrow file system of the output and the folder's path in it."""
        from pyarrow import fs

        uri = self.uri
        if uri.startswith(("s3a://", "s3n://")):
            uri = "s3://" + uri.split("://", 1)[1]
        elif uri.startswith("file:") and not uri.startswith("file://"):
            uri = "file://" + uri.removeprefix("file:")  # Hadoop writes file:/tmp/x
        system, path = fs.FileSystem.from_uri(uri)
        return system, path.rstrip("/")


@dataclass(slots=True)
class _File:
    path: str
    rows: list[Any] = field(default_factory=list)
    writer: Any = None
    placed: bool = False


class PartFiles:
    """The files of one task: rows added one by one, a file per dataset (and month), written in
    row groups of :data:`ROW_GROUP`; :meth:`close` renames them into place and returns the rows
    of each dataset."""

    def __init__(self, target: Target, part: str) -> None:
        self.target = target
        self.part = part
        self.system: Any = None
        self.base = ""
        self.files: dict[tuple[str, str | None], _File] = {}
        self.counts: Counter[str] = Counter()

    def add(self, row: Any) -> None:
        name = DATASET_OF_ROW[type(row)]
        partition = DATASETS[name][1]
        value = getattr(row, partition) if partition else None
        file = self.files.get((name, value))
        if file is None:
            folder = f"{name}/{partition}={value}" if partition else name
            file = self.files[(name, value)] = _File(f"{folder}/{self.part}.parquet")
        file.rows.append(row)
        self.counts[name] += 1
        if len(file.rows) >= ROW_GROUP:
            self._flush(name, file)

    def _flush(self, name: str, file: _File) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        if not file.rows:
            return
        row_type, partition = DATASETS[name]
        schema = arrow_schema(row_type, without=partition)
        columns = {c: [getattr(r, c) for r in file.rows] for c in schema.names}
        table = pa.Table.from_pydict(columns, schema=schema)
        if file.writer is None:
            if self.system is None:
                self.system, self.base = self.target.open()
            hidden = self._hidden(file.path)
            self.system.create_dir(hidden.rsplit("/", 1)[0], recursive=True)
            file.writer = pq.ParquetWriter(hidden, schema, filesystem=self.system)
        file.writer.write_table(table)
        file.rows.clear()

    def _hidden(self, path: str) -> str:
        folder, name = path.rsplit("/", 1)
        return f"{self.base}/{folder}/.{name}.tmp"

    def close(self) -> Counter[str]:
        """Write what is held and close every file, then rename them all into place,
        ``articles/`` last; the rows written to each dataset."""
        order = {name: n for n, name in enumerate(WRITE_ORDER)}
        ranked = sorted(self.files.items(), key=lambda kv: (order[kv[0][0]], str(kv[0][1])))
        for (name, _), file in ranked:
            self._flush(name, file)
            file.writer.close()
        for _, file in ranked:
            self.system.move(self._hidden(file.path), f"{self.base}/{file.path}")
            file.placed = True
        return self.counts

    def abort(self) -> None:
        """Remove every file of a task that failed, hidden or already in place."""
        for file in self.files.values():
            if file.writer is None:
                continue
            with suppress(Exception):  # the error that failed the task: the file goes anyway
                file.writer.close()
            path = f"{self.base}/{file.path}" if file.placed else self._hidden(file.path)
            with suppress(Exception):  # already gone: the retry writes it again
                self.system.delete_file(path)
