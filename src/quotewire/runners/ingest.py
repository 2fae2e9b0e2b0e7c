"""Ingest: documents in, results stored, one article per transaction.

Every document goes through the same :func:`~quotewire.pipeline.run_one` as ``quotewire
extract``. An article already stored (same content hash, or same URL) is skipped before it is
parsed, so running an ingest twice adds nothing and an interrupted one, run again, finishes
the rest. A bad record is counted and reported, never the end of the run.
"""

from __future__ import annotations

import os
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from typing import Any

from quotewire.errors import AnalysisFailed, InputError
from quotewire.model import Result
from quotewire.pipeline import Document, Options, run_guarded
from quotewire.processes import die_with_parent
from quotewire.store import Store, content_hash
from quotewire.store.base import BadFilter


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
    store: Store,
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
            try:
                stored = store.has(key, document.url)
            except BadFilter as error:  # a URL no store can look up (a NUL in it)
                yield InputError(error.message, source=document.source)
                continue
            if stored:
                summary.skipped += 1
                _report(summary, started, progress)
                continue
            yield document, key

    for item, outcome in _results(fresh(), options, jobs):
        if isinstance(outcome, InputError):
            summary.failed.append(str(outcome))
        elif isinstance(item, tuple):
            document, key = item
            try:
                added = store.add(outcome, key=key, source=document.source)
            except InputError as error:  # a result no store can keep: this article's error
                summary.failed.append(str(error))
                _report(summary, started, progress)
                continue
            if added is not None:
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
            yield item, run_guarded(item[0], options, nlp=nlp)
        return
    yield from _pooled(items, options, jobs)


def _pooled(
    items: Iterator[tuple[Document, str] | InputError], options: Options, jobs: int
) -> Iterator[tuple[Any, Result | InputError]]:
    """Results in input order from ``jobs`` worker processes. A worker that dies (killed, out
    of memory) breaks the pool: a new pool then runs the articles that were in flight one at a
    time, so the one that kills its worker again is reported as failed and the rest go on."""
    pool = _new_pool(jobs)
    pending: deque[_InFlight] = deque()
    try:
        for item in items:
            future = None if isinstance(item, InputError) else pool.submit(_work, item[0], options)
            pending.append((item, future))
            while pending and (len(pending) >= 4 * jobs or _settled(pending[0][1])):
                pool = yield from _settle_first(pool, pending, options, jobs)
        while pending:
            pool = yield from _settle_first(pool, pending, options, jobs)
    finally:
        pool.shutdown(cancel_futures=True)


_InFlight = tuple[Any, "Future[Result | InputError] | None"]


def _settle_first(
    pool: ProcessPoolExecutor, pending: deque[_InFlight], options: Options, jobs: int
) -> Generator[tuple[Any, Result | InputError], None, ProcessPoolExecutor]:
    """Yield the first pending item's outcome (waiting for it) and return the pool to go on
    with: a new one, after the articles in flight in a broken pool were run one by one."""
    item, future = pending[0]
    if future is None:
        pending.popleft()
        yield item, item
        return pool
    try:
        outcome = future.result()
    except BrokenProcessPool:
        pool.shutdown(cancel_futures=True)
        yield from _one_by_one(list(pending), options)
        pending.clear()
        return _new_pool(jobs)
    pending.popleft()
    yield item, outcome
    return pool


def _settled(future: Future[Result | InputError] | None) -> bool:
    return future is None or future.done()


def _new_pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=jobs, initializer=_load, initargs=(os.getpid(),))


def _one_by_one(
    pending: list[_InFlight], options: Options
) -> Iterator[tuple[Any, Result | InputError]]:
    """Run each article that was in flight when the pool broke (and had not finished) in a
    pool of its own."""
    for item, future in pending:
        if future is None:
            yield item, item
            continue
        if future.done() and not future.cancelled() and future.exception() is None:
            yield item, future.result()  # finished before the pool broke
            continue
        with _new_pool(1) as alone:
            try:
                yield item, alone.submit(_work, item[0], options).result()
            except BrokenProcessPool:
                yield item, AnalysisFailed(
                    "the worker process analysing it died (killed, or out of memory)",
                    source=item[0].source,
                )


_NLP: Any = None


def _load(parent: int) -> None:
    """A worker's start: end with the ingest that started it, then load the NLP pipeline."""
    global _NLP
    from quotewire.nlp.english import load_english

    die_with_parent(parent)
    _NLP = load_english()


def _work(document: Document, options: Options) -> Result | InputError:
    return run_guarded(document, options, nlp=_NLP)
