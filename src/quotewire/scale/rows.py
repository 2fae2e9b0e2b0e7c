"""One article's result as rows of the scale-out datasets (``articles/``, ``quotes/``,
``claims/``, ``entities/``, ``errors/``).

Every row names its article by the article key the stores use (:func:`content_hash` of the
input text and URL), so the datasets join with each other and load into a store unchanged.
A quote, claim or entity row carries its record as ``record``: the JSON bytes of that record
exactly as ``quotewire extract`` writes it inside the article's result, so Spark's output and
``extract``'s are the same records byte for byte; the other columns are copies of record fields
for filtering and partitioning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quotewire.corpus import article_order
from quotewire.ingest.document import Document, article_key
from quotewire.model import ClaimGroup, RegistryEntity, Result
from quotewire.speakers.registry import block_key, sightings

UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def month_of(published: str | None) -> str:
    """``YYYY-MM`` of a published date, ``"unknown"`` without one (the partition value)."""
    found = _MONTH.match(published or "")
    return f"{found.group(1)}-{found.group(2)}" if found else UNKNOWN_MONTH


def _json(record: Any) -> str:
    return bytes(record.__pydantic_serializer__.to_json(record)).decode("utf-8")


@dataclass(frozen=True, slots=True)
class ArticleRow:
    article_id: str
    record_id: str | None
    source: str
    url: str | None
    title: str | None
    published: str | None
    month: str
    language: str
    text: str
    text_hash: str  # what orders articles of one date for the registry (corpus.article_order)
    quotes: int
    claims: int
    entities: int
    warnings: list[str] = field(default_factory=list)
    record: str = ""  # the Article record as JSON (text, metadata, debris)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    article_id: str
    quote_id: str
    month: str
    type: str
    speaker: str | None
    speaker_entity: str | None
    text: str
    confidence: float
    record: str


@dataclass(frozen=True, slots=True)
class ClaimRow:
    article_id: str
    claim_id: str
    month: str
    value: float
    unit: str
    comparator: str
    measure: str | None
    claimant: str | None
    quote_id: str | None
    record: str


@dataclass(frozen=True, slots=True)
class EntityRow:
    article_id: str
    entity_id: str
    month: str
    name: str
    type: str
    block: str | None  # the registry block it is resolved in (None: not tracked)
    record: str


@dataclass(frozen=True, slots=True)
class RegistryRow:
    """A person or organization across the corpus; ``record`` holds its roles with their
    first and last seen dates and every article entity joined to it with the evidence."""

    id: str
    name: str
    type: str
    articles: int
    mentions: int
    record: str


@dataclass(frozen=True, slots=True)
class TimelineRow:
    """What one claimant said of one measure in one unit over the corpus, in time order, with
    its change and contradiction flags; ``record`` is the whole claim group."""

    claimant: str | None
    claimant_name: str
    measure: str
    unit: str
    entries: int
    flags: int
    record: str


def timeline_row(group: ClaimGroup) -> TimelineRow:
    return TimelineRow(
        claimant=group.claimant,
        claimant_name=group.claimant_name,
        measure=group.measure,
        unit=group.unit,
        entries=len(group.entries),
        flags=len(group.flags),
        record=_json(group),
    )


@dataclass(frozen=True, slots=True)
class Rows:
    """All the rows of one article, and what the registry reads of it."""

    article: ArticleRow
    quotes: list[QuoteRow]
    claims: list[ClaimRow]
    entities: list[EntityRow]


def result_rows(document: Document, result: Result) -> Rows:
    """The rows of one analysed document."""
    key = article_key(document)
    article = result.article
    month = month_of(article.published)
    text_hash = article_order(result)
    blocks = {
        seen.entity.id: block_key(seen)
        for seen in sightings(key, result.entities, article.published, order=text_hash)
    }
    return Rows(
        article=ArticleRow(
            article_id=key,
            record_id=result.id,
            source=document.source,
            url=article.url,
            title=article.title,
            published=article.published,
            month=month,
            language=article.language,
            text=article.text,
            text_hash=text_hash,
            quotes=len(result.quotes),
            claims=len(result.claims),
            entities=len(result.entities),
            warnings=list(result.warnings),
            record=_json(article),
        ),
        quotes=[
            QuoteRow(
                article_id=key,
                quote_id=quote.id,
                month=month,
                type=quote.type,
                speaker=quote.speaker.name if quote.speaker else None,
                speaker_entity=quote.speaker.entity if quote.speaker else None,
                text=quote.text,
                confidence=quote.confidence,
                record=_json(quote),
            )
            for quote in result.quotes
        ],
        claims=[
            ClaimRow(
                article_id=key,
                claim_id=claim.id,
                month=month,
                value=claim.value,
                unit=claim.unit,
                comparator=claim.comparator,
                measure=claim.measure,
                claimant=claim.claimant.name if claim.claimant else None,
                quote_id=claim.quote,
                record=_json(claim),
            )
            for claim in result.claims
        ],
        entities=[
            EntityRow(
                article_id=key,
                entity_id=entity.id,
                month=month,
                name=entity.name,
                type=entity.type,
                block=blocks.get(entity.id),
                record=_json(entity),
            )
            for entity in result.entities
        ],
    )


def registry_row(entity: RegistryEntity) -> RegistryRow:
    return RegistryRow(
        id=entity.id,
        name=entity.name,
        type=entity.type,
        articles=len(entity.articles()),
        mentions=len(entity.members),
        record=_json(entity),
    )
