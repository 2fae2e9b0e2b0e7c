"""Ingest: documents in, results stored, one article per transaction.

Every document goes through the same :func:`~quotewire.pipeline.run_one` as ``quotewire
extract``. An article already stored (same content hash, or same URL) is skipped before it is
parsed, so running an ingest twice adds nothing and an interrupted one, run again, finishes
the rest. A bad record is counted and reported, never the end of the run.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from quotewire.errors import InputError
from quotewire.model import Result
from quotewire.pipeline import Document, Options, run_one
from quotewire.store.sqlite import SQLiteStore, content_hash


@dataclass(slots=True)
class IngestSummary:
    """What one ingest run did."""

    read: int = 0
    added: int = 0
    skipped: int = 0
    failed: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        """Articles read per second."""
        return self.read / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        return (
            f"{self.read} read, {self.added} added, {self.skipped} already stored, "
            f"{len(self.failed)} failed ({self.rate:.1f} articles/s)"
        )


Progress = Callable[[IngestSummary], None]


def ingest(
    documents: Iterable[Document | InputError],
    store: SQLiteStore,
    options: Options | None = None,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> IngestSummary:
    """Store every new document's result; ``jobs`` > 1 parses in that many processes (the
    writes stay in this one)."""
    options = options or Options()
    summary = IngestSummary()
    started = time.perf_counter()

    def fresh() -> Iterator[tuple[Document, str] | InputError]:
        for document in documents:
            summary.read += 1
            if isinstance(document, InputError):
                yield document
                continue
            key = content_hash(document.text or document.html or "", document.url)
            if store.has(key, document.url):
                summary.skipped += 1
                _report(summary, started, progress)
                continue
            yield document, key

    for item, outcome in _results(fresh(), options, jobs):
        if isinstance(outcome, InputError):
            summary.failed.append(str(outcome))
        elif isinstance(item, tuple):
            document, key = item
            if store.add(outcome, key=key, source=document.source) is not None:
                summary.added += 1
            else:
                summary.skipped += 1
        _report(summary, started, progress)
    summary.seconds = time.perf_counter() - started
    return summary


def _report(summary: IngestSummary, started: float, progress: Progress | None) -> None:
    summary.seconds = time.perf_counter() - started
    if progress is not None:
        progress(summary)


def _results(
    items: Iterator[tuple[Document, str] | InputError], options: Options, jobs: int
) -> Iterator[tuple[Any, Result | InputError]]:
    if jobs <= 1:
        from quotewire.nlp.english import load_english

        nlp = None  # loaded at the first article to parse: a run with nothing new loads none
        for item in items:
            if isinstance(item, InputError):
                yield item, item
                continue
            nlp = nlp if nlp is not None else load_english()
            yield item, _run(item[0], options, nlp)
        return
    with ProcessPoolExecutor(max_workers=jobs, initializer=_load) as pool:
        pending: list[tuple[Any, Any]] = []
        for item in items:
            if isinstance(item, InputError):
                pending.append((item, None))
            else:
                pending.append((item, pool.submit(_work, item[0], options)))
            if len(pending) >= 4 * jobs:
                yield _settle(*pending.pop(0))
        while pending:
            yield _settle(*pending.pop(0))


def _settle(item: Any, future: Any) -> tuple[Any, Result | InputError]:
    if future is None:
        return item, item
    return item, future.result()


_NLP: Any = None


def _load() -> None:
    global _NLP
    from quotewire.nlp.english import load_english

    _NLP = load_english()


def _work(document: Document, options: Options) -> Result | InputError:
    return _run(document, options, _NLP)


def _run(document: Document, options: Options, nlp: Any) -> Result | InputError:
    try:
        return run_one(document, options, nlp=nlp)
    except InputError as error:
        return error
