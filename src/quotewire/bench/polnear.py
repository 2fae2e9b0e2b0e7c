"""Typed loader for the PolNeAR attribution corpus (one JSON article per line).

See ``shared/benchmarks/polnear/README.md`` for the format. Every offset is a Python ``str`` index
into ``GoldArticle.text``; the loader checks that each span lies inside the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, cast

from quotewire.errors import MalformedRecord, MissingInput

Offsets = tuple[int, int]
SourceKind = Literal["name", "pronoun", "nominal"]
QuoteKind = Literal["direct", "mixed", "indirect"]

_SOURCE_KINDS = frozenset({"name", "pronoun", "nominal"})
_QUOTE_KINDS = frozenset({"direct", "mixed", "indirect"})


@dataclass(frozen=True)
class GoldAttribution:
    """One annotated attribution: content (what), cue (reporting word), sources (who)."""

    id: str
    content: tuple[Offsets, ...]
    cue: tuple[Offsets, ...]
    sources: tuple[Offsets, ...]
    source_name: str | None
    source_kind: SourceKind | None
    quote_kind: QuoteKind
    speech_cue: bool

    @property
    def is_direct(self) -> bool:
        """In the *direct* category: the content contains a quotation mark (direct or mixed)."""
        return self.quote_kind != "indirect"


@dataclass(frozen=True)
class GoldArticle:
    """One annotated article."""

    id: str
    publisher: str
    published: str
    title: str
    text: str
    attributions: tuple[GoldAttribution, ...]


class _Bad(Exception):
    """A field problem inside one record; turned into MalformedRecord with file and line."""


def _str(obj: dict[str, Any], key: str, *, optional: bool = False) -> str | None:
    if key not in obj:
        raise _Bad(f"missing field {key!r}")
    value = obj[key]
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise _Bad(f"field {key!r} must be a string, got {type(value).__name__}")
    return value


def _req_str(obj: dict[str, Any], key: str) -> str:
    value = _str(obj, key)
    assert value is not None
    return value


def _spans(obj: dict[str, Any], key: str, text_len: int) -> tuple[Offsets, ...]:
    if key not in obj:
        raise _Bad(f"missing field {key!r}")
    raw = obj[key]
    if not isinstance(raw, list):
        raise _Bad(f"field {key!r} must be a list of [start, end] pairs")
    out: list[Offsets] = []
    for item in raw:
        if (
            not isinstance(item, list)
            or len(item) != 2
            or not all(isinstance(x, int) and not isinstance(x, bool) for x in item)
        ):
            raise _Bad(f"field {key!r}: {item!r} is not a [start, end] pair of integers")
        start, end = item
        if not 0 <= start <= end <= text_len:
            raise _Bad(f"field {key!r}: span {item!r} is outside the text (length {text_len})")
        out.append((start, end))
    return tuple(out)


def _attribution(obj: object, text_len: int) -> GoldAttribution:
    if not isinstance(obj, dict):
        raise _Bad("an attribution is not a JSON object")
    rec = cast(dict[str, Any], obj)
    source_kind = _str(rec, "source_kind", optional=True)
    if source_kind is not None and source_kind not in _SOURCE_KINDS:
        raise _Bad(f"unknown source_kind {source_kind!r}")
    quote_kind = _req_str(rec, "quote_kind")
    if quote_kind not in _QUOTE_KINDS:
        raise _Bad(f"unknown quote_kind {quote_kind!r}")
    speech_cue = rec.get("speech_cue")
    if not isinstance(speech_cue, bool):
        raise _Bad("field 'speech_cue' must be true or false")
    return GoldAttribution(
        id=str(rec.get("id", "")),
        content=_spans(rec, "content", text_len),
        cue=_spans(rec, "cue", text_len),
        sources=_spans(rec, "sources", text_len),
        source_name=_str(rec, "source_name", optional=True),
        source_kind=cast(SourceKind | None, source_kind),
        quote_kind=cast(QuoteKind, quote_kind),
        speech_cue=speech_cue,
    )


def parse_record(obj: object) -> GoldArticle:
    """One decoded JSON record as a :class:`GoldArticle` (raises ``ValueError`` when malformed)."""
    try:
        return _article(obj)
    except _Bad as exc:
        raise ValueError(str(exc)) from None


def _article(obj: object) -> GoldArticle:
    if not isinstance(obj, dict):
        raise _Bad("the record is not a JSON object")
    rec = cast(dict[str, Any], obj)
    text = _req_str(rec, "text")
    raw_attrs = rec.get("attributions")
    if not isinstance(raw_attrs, list):
        raise _Bad("field 'attributions' must be a list")
    attrs: list[GoldAttribution] = []
    for i, raw in enumerate(raw_attrs):
        try:
            attrs.append(_attribution(raw, len(text)))
        except _Bad as exc:
            raise _Bad(f"attribution #{i}: {exc}") from None
    return GoldArticle(
        id=_req_str(rec, "id"),
        publisher=_str(rec, "publisher", optional=True) or "",
        published=_str(rec, "published", optional=True) or "",
        title=_str(rec, "title", optional=True) or "",
        text=text,
        attributions=tuple(attrs),
    )


def iter_corpus(path: str | Path) -> Iterator[GoldArticle]:
    """Articles of a PolNeAR ``.jsonl`` file, one by one (blank lines are skipped)."""
    p = Path(path)
    if not p.is_file():
        raise MissingInput("no such corpus file", source=str(p))
    with p.open(encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            where = f"{p}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedRecord(f"not valid JSON ({exc.msg})", source=where) from None
            try:
                yield _article(obj)
            except _Bad as exc:
                raise MalformedRecord(str(exc), source=where) from None


def load_corpus(path: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """The articles of a PolNeAR ``.jsonl`` file, the first ``limit`` of them when given.

    Raises :class:`~quotewire.errors.MalformedRecord` naming the file and line of a bad record and
    :class:`~quotewire.errors.MissingInput` when the file does not exist.
    """
    out: list[GoldArticle] = []
    if limit is not None and limit <= 0:
        return out
    for article in iter_corpus(path):
        out.append(article)
        if limit is not None and len(out) >= limit:
            break
    return out


__all__ = [
    "GoldArticle",
    "GoldAttribution",
    "Offsets",
    "QuoteKind",
    "SourceKind",
    "iter_corpus",
    "load_corpus",
    "parse_record",
]
