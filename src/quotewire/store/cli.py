"""``quotewire ingest | search | speakers | export``: the store from the command line."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from quotewire.errors import InputError, QuotewireError
from quotewire.ingest.sources import is_feed, is_warc, read_feed, read_warc
from quotewire.pipeline import Document, Options
from quotewire.runners.ingest import IngestSummary, ingest
from quotewire.scale.load import check_output_folder, load
from quotewire.store import open_store

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
            _print_rows(rows, args.format, ("quotes", "name", "id", "roles"))
            return 0
        return _export(args, store)


_HIT_COLUMNS = ("published", "speaker", "type", "text")


def _ingest(args: argparse.Namespace, read: Reader, store: Any) -> int:
    if args.jobs < 1:
        raise QuotewireError(f"--jobs must be 1 or more, not {args.jobs}")
    documents = _documents(args.paths, read)
    tty = sys.stderr.isatty()
    summary = ingest(
        documents,
        store,
        Options(reference_date=args.reference_date),
        jobs=args.jobs,
        progress=_progress(tty),
    )
    return _reported(summary, store, tty, rebuild=args.rebuild_registry)


def _load(args: argparse.Namespace, store: Any) -> int:
    tty = sys.stderr.isatty()
    summary = load(Path(args.folder), store, progress=_progress(tty))
    return _reported(summary, store, tty, rebuild=args.rebuild_registry)


def _progress(tty: bool) -> Callable[[IngestSummary], None]:
    """A progress line rewritten in place on a terminal; nothing otherwise."""

    def progress(summary: IngestSummary) -> None:
        if tty:
            print(f"\rquotewire: {summary.line()}", end="", file=sys.stderr, flush=True)

    return progress


def _reported(summary: IngestSummary, store: Any, tty: bool, *, rebuild: bool = False) -> int:
    """Report an ingest or load on standard error (and, with ``rebuild``, build the store's
    registry again first); its exit status (2: nothing stored and something failed, 1:
    something failed, 0: all went in or was there already)."""
    if tty:
        print(file=sys.stderr)
    for failure in summary.failed:
        print(f"quotewire: skipped {failure}", file=sys.stderr)
    print(f"quotewire: {summary.line()} -> {store.where}", file=sys.stderr)
    if rebuild:
        entities = store.rebuild_registry()
        print(
            f"quotewire: registry rebuilt from every stored article: {entities} entities",
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
    out = sys.stdout
    if args.format == "jsonl":
        for _, result in store.results():
            out.write(result.to_json() + "\n")
        return 0
    rows = _quote_rows(store)
    if args.format == "parquet":
        if not args.out:
            raise QuotewireError("--format parquet needs --out FILE (parquet is binary)")
        import pyarrow as pa
        import pyarrow.parquet as pq

        columns = {name: [row[n] for row in rows] for n, name in enumerate(_QUOTE_COLUMNS)}
        pq.write_table(pa.table(columns), args.out)
        print(f"quotewire: {len(rows)} quotes -> {args.out}", file=sys.stderr)
        return 0
    writer = csv.writer(out)
    writer.writerow(_QUOTE_COLUMNS)
    writer.writerows(rows)
    return 0


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


def _print_rows(rows: list[dict[str, Any]], fmt: str, columns: tuple[str, ...]) -> None:
    if fmt == "json":
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    if fmt == "csv":
        if rows:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return
    if not rows:
        print("(nothing found)")
        return
    for row in rows:
        cells = []
        for column in columns:
            value = " ".join(str(row.get(column) or "").split())
            cells.append(value[:90] if column == "text" else value[:30])
        print("  ".join(cells))
