"""``quotewire load DIR``: the results of a ``quotewire spark`` run into a store.

The datasets under ``DIR`` hold every record of every article (``articles/`` the article
record, ``quotes/``, ``claims/`` and ``entities/`` theirs, as JSON), so each article's result is
put together again exactly as ``extract`` gave it and stored as ``ingest`` stores one: under its
article key, its entities joined to the cross-article registry; :data:`BATCH` articles go in one
transaction, their statements and figures written at once (``COPY`` on PostgreSQL). Articles are
added in the order the registry resolves them in (published day, then text hash, as
:func:`~quotewire.speakers.registry.build_registry` orders sightings), so the registry is the
same whatever order Spark wrote them in; an article the store holds already is skipped, so a
load run twice adds nothing.
"""

from __future__ import annotations

import re
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quotewire.errors import InputError, MalformedRecord, MissingInput
from quotewire.model import Article, Claim, Entity, Quote, Result
from quotewire.runners.ingest import IngestSummary
from quotewire.scale.parts import read_dataset
from quotewire.store.base import Incoming

#: Articles stored in one transaction.
BATCH = 500

_NUMBER = re.compile(r"(\d+)$")


@dataclass(frozen=True, slots=True)
class Loaded:
    """One article put together again from the datasets."""

    key: str
    source: str | None
    result: Result


def check_output_folder(folder: Path) -> None:
    """Refuse, before a store is opened or created, a folder that is no spark output."""
    if not folder.is_dir():
        raise MissingInput("no such folder", source=str(folder))
    if not (folder / "articles").is_dir():
        raise MissingInput(
            "no articles/ dataset here (is it a quotewire spark output?)", source=str(folder)
        )


def _table(folder: Path, name: str, columns: list[str]) -> list[dict[str, Any]]:
    if not (folder / name).is_dir():
        raise MissingInput(
            f"no {name}/ dataset here (is it a quotewire spark output?)", source=str(folder)
        )
    try:
        table = read_dataset(str(folder), name, columns)
    except Exception as error:  # pyarrow's many kinds: not Parquet, a missing column
        reason = " ".join(str(error).split())[:160]
        raise MalformedRecord(f"{name}/ cannot be read ({reason})", source=str(folder)) from None
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


def _order(record_id: str) -> int:
    found = _NUMBER.search(record_id)
    return int(found.group(1)) if found else 0


def results_in(folder: Path) -> Iterator[Loaded | InputError]:
    """Every article of a spark output, in the registry's order (published day, text hash),
    with its records in their order in the article ("q1", "q2", ...); an article whose records
    do not parse is its error."""
    articles = _table(
        folder,
        "articles",
        ["article_id", "record_id", "source", "published", "text_hash", "warnings", "record"],
    )
    parts: dict[str, dict[str, list[tuple[int, str]]]] = {}
    for name, id_column in (
        ("quotes", "quote_id"),
        ("claims", "claim_id"),
        ("entities", "entity_id"),
    ):
        grouped: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for row in _table(folder, name, ["article_id", id_column, "record"]):
            grouped[row["article_id"]].append((_order(row[id_column]), row["record"]))
        parts[name] = grouped
    articles.sort(
        key=lambda row: ((row["published"] or "")[:10], row["text_hash"], row["article_id"])
    )
    seen: set[str] = set()
    for row in articles:
        key = row["article_id"]
        if key in seen:  # written twice by two --append runs that overlapped
            continue
        seen.add(key)

        def records(name: str, key: str = key) -> list[str]:
            return [record for _, record in sorted(parts[name].get(key, []))]

        try:
            result = Result(
                id=row["record_id"],
                article=Article.model_validate_json(row["record"]),
                entities=[Entity.model_validate_json(r) for r in records("entities")],
                quotes=[Quote.model_validate_json(r) for r in records("quotes")],
                claims=[Claim.model_validate_json(r) for r in records("claims")],
                warnings=list(row["warnings"] or []),
            )
        except ValueError as error:
            reason = " ".join(str(error).split())[:160]
            yield MalformedRecord(f"its records do not parse ({reason})", source=key)
            continue
        yield Loaded(key=key, source=row["source"], result=result)


def load(
    folder: Path,
    store: Any,
    *,
    progress: Callable[[IngestSummary], None] | None = None,
    batch: int = BATCH,
) -> IngestSummary:
    """Add every article of the spark output in ``folder`` to ``store``, ``batch`` articles
    to a transaction."""
    summary = IngestSummary()
    started = time.perf_counter()
    pending: list[Loaded] = []

    def flush() -> None:
        for outcome in store.add_many([Incoming(i.result, i.key, i.source) for i in pending]):
            if isinstance(outcome, InputError):  # a result no store can keep (a NUL in it)
                summary.failed.append(str(outcome))
            elif outcome is None:
                summary.skipped += 1
            else:
                summary.added += 1
        pending.clear()
        summary.seconds = time.perf_counter() - started
        if progress is not None:
            progress(summary)

    with store.bulk_load():
        for item in results_in(folder):
            summary.read += 1
            if isinstance(item, InputError):
                summary.failed.append(str(item))
            else:
                pending.append(item)
            if len(pending) >= batch:
                flush()
        flush()
    summary.seconds = time.perf_counter() - started
    return summary
