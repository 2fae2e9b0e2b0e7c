"""The inputs of a scale-out run: which kind each file is, and the documents in its bytes.

Kinds, by the file name:

- ``warc``: ``.warc`` / ``.warc.gz`` (HTML responses, as in Common Crawl's CC-NEWS);
- ``jsonl``: ``.jsonl`` / ``.jsonl.gz`` / ``.json`` batch records ``{"id", "text"}`` or
  ``{"id", "html", "url"}``, one per line;
- ``parquet``: ``.parquet`` files (or folders of them) with the same columns.

A manifest (``--manifest FILE``, as in cc-pyspark) lists inputs one per line; blank lines and
lines starting with ``#`` are skipped.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from quotewire.errors import InputError, MalformedRecord, shown
from quotewire.ingest.document import Document
from quotewire.ingest.sources import jsonl_documents, warc_documents

InputKind = Literal["warc", "jsonl", "parquet"]

_SUFFIXES: tuple[tuple[str, InputKind], ...] = (
    (".warc.gz", "warc"),
    (".warc", "warc"),
    (".jsonl.gz", "jsonl"),
    (".jsonl", "jsonl"),
    (".json", "jsonl"),
    (".parquet", "parquet"),
)


@dataclass(frozen=True, slots=True)
class InputFile:
    """One concrete input file (after globs and manifests are expanded) and its kind."""

    path: str
    kind: InputKind


def kind_of(path: str) -> InputKind | None:
    """The kind of an input file by its name, None when quotewire does not read that kind."""
    name = path.rstrip("/").lower()
    for suffix, kind in _SUFFIXES:
        if name.endswith(suffix):
            return kind
    return None


def manifest_paths(text: str) -> list[str]:
    """The input paths a manifest lists, in order."""
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def documents_in(path: str, kind: InputKind, data: bytes) -> Iterator[Document | InputError]:
    """The documents in the bytes of one WARC or JSONL input file, or the error of each record
    that cannot be read; a file that cannot be read at all is one error."""
    try:
        if kind == "warc":
            yield from warc_documents(io.BytesIO(data), path)
        elif kind == "jsonl":
            if data[:2] == b"\x1f\x8b":
                data = _gunzip(data, path)
            yield from jsonl_documents(io.BytesIO(data), path)
        else:
            yield MalformedRecord(f"{kind} files are read by Spark, not here", source=path)
    except InputError as error:
        yield error


def _gunzip(data: bytes, path: str) -> bytes:
    try:
        return gzip.decompress(data)
    except (OSError, EOFError) as error:
        raise MalformedRecord(f"a corrupt gzip file ({error})", source=shown(path)) from None
