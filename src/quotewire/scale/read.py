"""The read stage of ``quotewire spark``: input records as documents waiting for analysis (or
the error row of each bad record), under their article key, copies folded into one.

Everything here runs in the Python workers before the analysis, so it imports only what
reading needs (no NLP stack): a worker that only reads starts in a fraction of a second.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from quotewire.errors import InputError
from quotewire.ingest.document import Document, article_key
from quotewire.ingest.sources import record_document
from quotewire.scale.balance import bucket_of
from quotewire.scale.inputs import InputKind, documents_in, kind_of


@dataclass(frozen=True, slots=True)
class ErrorRow:
    input: str
    record: str | None
    reason: str


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


def error_row(error: InputError, input_path: str) -> ErrorRow:
    """The row of a record (or a whole input) that could not be read or analysed: the input
    file, the record within it (the error's source, when it names more than the file) and the
    one-line reason."""
    source = error.source
    return ErrorRow(
        input=input_path,
        record=source if source and source != input_path else None,
        reason=" ".join(error.message.split()),
    )


def from_bytes(path: str, kinds: dict[str, InputKind], data: bytes) -> Iterator[Any]:
    kind = kinds.get(path) or kind_of(path) or "jsonl"
    for item in documents_in(path, kind, data):
        if isinstance(item, InputError):
            yield error_row(item, path)
        else:
            yield Pending(input=path, document=item)


def from_parquet_row(row: Any) -> Any:
    fields_ = row.asDict()
    where = str(fields_.pop("_input"))
    item = record_document(fields_, where)
    if isinstance(item, InputError):
        return error_row(item, where)
    return Pending(input=where, document=item)


def keyed(item: Pending | ErrorRow) -> tuple[str, Pending | ErrorRow]:
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


@dataclass(frozen=True, slots=True)
class Stored:
    """The mark of an article key already in the output (``--append``)."""


STORED = Stored()
Keyed = Pending | ErrorRow | Tally | Stored


def merge(a: Keyed, b: Keyed) -> Keyed:
    """Two items under one article key: copies of a document fold into one (:func:`_first`);
    the copies of a document already in the output fold into a tally of the copies skipped."""
    if isinstance(a, Stored | Tally) or isinstance(b, Stored | Tally):
        return Tally("skipped", _copies(a) + _copies(b))
    return _first(a, b)


def _copies(item: Keyed) -> int:
    if isinstance(item, Pending):
        return item.copies
    return item.n if isinstance(item, Tally) else 0


def bucket_sizes(items: Iterable[tuple[str, Keyed]], buckets: int) -> Counter[int]:
    """The characters of the documents under each bucket of keys (errors and stored marks
    weigh nothing)."""
    sizes: Counter[int] = Counter()
    for key, item in items:
        if isinstance(item, Pending):
            document = item.document
            sizes[bucket_of(key, buckets)] += len(document.text or document.html or "")
    return sizes
