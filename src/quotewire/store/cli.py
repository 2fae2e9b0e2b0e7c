"""``quotewire ingest | search | speakers | export``: the store from the command line."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from quotewire.errors import InputError, QuotewireError
from quotewire.ingest.sources import is_feed, is_warc, read_feed, read_warc
from quotewire.pipeline import Document, run_options
from quotewire.runners.ingest import IngestSummary, ingest
from quotewire.scale.load import check_output_folder, load
from quotewire.store import open_store
from quotewire.terminal import Column, plural, table

Reader = Callable[..., tuple[list[Document | InputError], bool]]


def run_store_command(args: argparse.Namespace, read: Reader) -> int:
    # only ingest and load write: the others open the store read-only (never created nor
    # migrated)
    if args.command == "load":
        check_output_folder(Path(args.folder))
    with open_store(args.db, read_only=args.command not in ("ingest", "load")) as store:
        if args.command == "ingest":
            return _ingest(args, read, store)
        if args.command == "load":
            return _load(args, store)
        if args.command == "search":
            hits = store.search(
                args.query,
                speaker=args.speaker,
                since=args.since.isoformat() if args.since else None,
                until=args.until.isoformat() if args.until else None,
                type=args.type,
                limit=args.limit,
            )
            _print_rows([h.to_dict() for h in hits], args.format, _HIT_COLUMNS)
            return 0
        if args.command == "speakers":
            rows = [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "quotes": n,
                    "roles": "; ".join(r.role for r in e.roles),
                }
                for e, n in store.speakers()
            ]
            _print_rows(rows, args.format, _SPEAKER_COLUMNS)
            return 0
        return _export(args, store)


_HIT_COLUMNS = (
    Column("published", "PUBLISHED", 10),
    Column("speaker", "SPEAKER", 28),
    Column("type", "TYPE", 8),
    Column("text", "QUOTE", 90),
)
_SPEAKER_COLUMNS = (
    Column("quotes", "QUOTES", 8),
    Column("name", "NAME", 32),
    Column("id", "ID", 40),
    Column("roles", "ROLES", 60),
)


def _ingest(args: argparse.Namespace, read: Reader, store: Any) -> int:
    if args.jobs < 1:
        raise QuotewireError(f"--jobs must be 1 or more, not {args.jobs}")
    documents = _documents(args.paths, read)
    with _Progress(sys.stderr, total=lambda: _expected(args.paths)) as progress:
        summary = ingest(
            documents,
            store,
            run_options(args),
            jobs=args.jobs,
            progress=progress,
        )
    return _reported(summary, store, rebuild=args.rebuild_registry)


def _load(args: argparse.Namespace, store: Any) -> int:
    with _Progress(sys.stderr, total=lambda: None) as progress:
        summary = load(Path(args.folder), store, progress=progress)
    return _reported(summary, store, rebuild=args.rebuild_registry)


class _Progress:
    """On a terminal, a progress bar on ``stream``: articles read (of the number ``total``
    returns, when it is known), their rate, and the time left; elsewhere (a log, a pipe)
    nothing, the summary line :func:`_reported` prints being the record."""

    def __init__(self, stream: TextIO, total: Callable[[], int | None]) -> None:
        self.total: int | None = None
        self.bar: Any = None
        self.task: Any = None
        if stream.isatty():  # (the inputs are counted only for a bar: a look at every file)
            self.total = total()
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self.bar = Progress(
                TextColumn("quotewire: ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.fields[rate]:.1f} articles/s"),
                TextColumn("{task.fields[failed]} failed"),
                TimeRemainingColumn(),
                console=Console(file=stream),
                transient=True,
            )

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
            self.task = self.bar.add_task("ingest", total=self.total, rate=0.0, failed=0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def __call__(self, summary: IngestSummary) -> None:
        if self.bar is not None:
            total = max(self.total, summary.read) if self.total is not None else None
            self.bar.update(
                self.task,
                completed=summary.read,
                total=total,
                rate=summary.rate,
                failed=len(summary.failed),
            )


def _expected(paths: list[str]) -> int | None:
    """How many articles ``paths`` hold, when a quick look tells (files, folders of them,
    JSONL batches by their lines); None when one is a feed, a WARC file or unreadable."""
    from quotewire.ingest.files import iter_article_files

    total = 0
    for where in paths:
        path = Path(where)
        if is_warc(where) or is_feed(where) or not path.exists():
            return None
        try:
            if path.is_dir():
                total += sum(1 for _ in iter_article_files(path))
            elif path.suffix.lower() == ".jsonl":
                with open(path, "rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
        except OSError:
            return None
    return total


def _reported(summary: IngestSummary, store: Any, *, rebuild: bool = False) -> int:
    """Report an ingest or load on standard error (and, with ``rebuild``, build the store's
    registry again first); its exit status (2: nothing stored and something failed, 1:
    something failed, 0: all went in or was there already)."""
    for failure in summary.failed:
        print(f"quotewire: skipped {failure}", file=sys.stderr)
    print(f"quotewire: {summary.line()} -> {store.where}", file=sys.stderr)
    if rebuild:
        entities = store.rebuild_registry()
        print(
            f"quotewire: registry rebuilt from every stored article: {plural(entities, 'entity')}",
            file=sys.stderr,
        )
    if summary.failed and not summary.added and not summary.skipped:
        return 2
    return 1 if summary.failed else 0


def _documents(paths: list[str], read: Reader) -> Iterator[Document | InputError]:
    """Documents from every path in turn, read lazily (a WARC file can be large); a path that
    cannot be read, or a record in it, becomes an error in the stream."""
    for path in paths:
        try:
            if is_warc(path):
                yield from read_warc(path)
            elif is_feed(path):
                yield from read_feed(path)
            else:
                yield from read(path)[0]
        except InputError as error:
            yield error


def _export(args: argparse.Namespace, store: Any) -> int:
    if args.format == "parquet" and not args.out:
        raise QuotewireError("--format parquet needs --out FILE (parquet is binary)")
    if not args.out:
        _write_export(args.format, store, sys.stdout)
        return 0
    out = Path(args.out)
    if out.is_dir():
        raise QuotewireError(f"{out}: is a folder; --out takes a file")
    if not out.parent.is_dir():
        raise QuotewireError(f"{out}: no folder {out.parent} to write it in")
    # written beside the file and renamed over it at the end: a failed export leaves no
    # half-written file behind (nor half of the one that was there)
    partial = out.with_name(f".{out.name}.partial")
    try:
        if args.format == "parquet":
            count = _write_parquet(store, partial)
        else:
            with open(partial, "w", encoding="utf-8", newline="") as handle:
                count = _write_export(args.format, store, handle)
        partial.replace(out)
    except OSError as error:
        raise QuotewireError(f"{out}: cannot write it ({error.strerror or error})") from None
    finally:
        partial.unlink(missing_ok=True)
    what = plural(count, "article") if args.format == "jsonl" else plural(count, "quote")
    print(f"quotewire: {what} -> {out}", file=sys.stderr)
    return 0


def _write_export(fmt: str, store: Any, out: TextIO) -> int:
    """The store as JSONL (one result per article) or CSV (one row per quote) on ``out``;
    how many articles or quotes it wrote."""
    if fmt == "jsonl":
        count = 0
        for _, result in store.results():
            out.write(result.to_json() + "\n")
            count += 1
        return count
    rows = _quote_rows(store)
    writer = csv.writer(out)
    writer.writerow(_QUOTE_COLUMNS)
    writer.writerows(rows)
    return len(rows)


def _write_parquet(store: Any, path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = _quote_rows(store)
    columns = {name: [row[n] for row in rows] for n, name in enumerate(_QUOTE_COLUMNS)}
    pq.write_table(pa.table(columns), path)
    return len(rows)


_QUOTE_COLUMNS = (
    "article_id",
    "published",
    "quote_id",
    "type",
    "speaker",
    "speaker_id",
    "cue",
    "text",
    "start",
    "end",
)


def _quote_rows(store: Any) -> list[tuple[Any, ...]]:
    """One row per stored quote, in the order of :data:`_QUOTE_COLUMNS`."""
    rows, speakers = [], []
    for article_id, result in store.results():
        for quote in result.quotes:
            local = quote.speaker.entity if quote.speaker else None
            speakers.append((str(article_id), local))
            rows.append(
                [
                    article_id,
                    result.article.published,
                    quote.id,
                    quote.type,
                    quote.speaker.name if quote.speaker else "",
                    "",  # the speaker's registry id, below
                    quote.cue.text if quote.cue else "",
                    quote.text,
                    quote.content[0].start,
                    quote.content[-1].end,
                ]
            )
    # the registry read after the articles (another writer may be adding some) holds them all
    registry = store.registry()
    for row, (article, local) in zip(rows, speakers, strict=True):
        entity = registry.entity_of(article, local) if local else None
        row[5] = entity.id if entity else ""
    return [tuple(row) for row in rows]


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[Column, ...]) -> None:
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        names = list(rows[0]) if rows else [c.key for c in columns]
        writer = csv.DictWriter(sys.stdout, fieldnames=names)
        writer.writeheader()
        writer.writerows(rows)
        return
    if not rows:
        print("(nothing found)")
        return
    sys.stdout.write(table(rows, columns))
