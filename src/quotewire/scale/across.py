"""The steps across articles that ``quotewire spark`` maps over its executors: pure functions
over records, in a module of their own so that a Python worker running them imports the data
model, the registry and the claim tracker, not the NLP stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from quotewire.claims.track import track
from quotewire.corpus import Filed, dated_entry
from quotewire.model import Claim, Entity, RegistryEntity
from quotewire.scale.rows import TimelineRow, registry_row, timeline_row
from quotewire.speakers.registry import (
    Registry,
    Sighting,
    role_keys,
    title_words,
    tracked,
    unique_ids,
)
from quotewire.speakers.titles import nation_key


@dataclass(frozen=True, slots=True)
class TimelineClaim:
    """A timeline-worthy claim on its way to its claimant's timeline: what joins it to its
    claimant's registry entity (``key``), what files it (the names of its claimant and nested
    source), what orders it (:class:`~quotewire.corpus.DatedEntry`), its article's date,
    title and URL, and the claim itself as its JSON record (parsed again only where its
    timeline is made: a claim object is many times slower to pass between workers)."""

    key: str
    claimant: str | None
    source: str | None
    order: tuple[str, str, int]
    article: str
    published: str | None
    title: str | None
    url: str | None
    record: str


def member_key(article: str, entity: str | None) -> str:
    """What joins an article's entity to the registry entity it is a member of."""
    return f"{article}\x1f{entity or ''}"


def dated_claim(
    key: str, claim: tuple[str, str], article: tuple[Any, ...], min_checkworthy: float
) -> list[TimelineClaim]:
    """A claim (``(claim id, JSON record)``) of the article ``key`` with the article's
    ``(published, title, url, text hash)``, as the timelines read it; none when it is less
    check-worthy than ``min_checkworthy``."""
    claim_id, record = claim
    published, title, url, text_hash = article
    parsed = Claim.model_validate_json(record)
    if parsed.checkworthy < min_checkworthy:
        return []
    number = re.search(r"(\d+)$", claim_id)
    n = int(number.group(1)) if number else 0
    claimant = parsed.claimant
    return [
        TimelineClaim(
            key=member_key(key, claimant.entity if claimant is not None else None),
            claimant=claimant.name if claimant is not None else None,
            source=parsed.according_to.name if parsed.according_to is not None else None,
            order=(published or "", text_hash, n),
            article=key,
            published=published,
            title=title,
            url=url,
            record=record,
        )
    ]


#: What the registry and the timelines read of the analysis's datasets, each item tagged with
#: where it goes: a tracked entity under its registry block, a timeline-worthy claim
SIGHTING, DATED = "sighting", "dated"
#: The columns they read of each dataset
READS: dict[str, tuple[str, ...]] = {
    "articles": ("article_id", "published", "text_hash", "title", "url"),
    "entities": ("article_id", "block", "record"),
    "claims": ("article_id", "claim_id", "record"),
}


def across_items(
    articles: Iterable[dict[str, Any]],
    entities: Iterable[dict[str, Any]],
    claims: Iterable[dict[str, Any]],
    min_checkworthy: float,
) -> Iterator[tuple[str, Any]]:
    """What the registry and the timelines read of whole articles, from their rows of
    ``articles/``, ``entities/`` and ``claims/`` (the columns of :data:`READS`): each tracked
    entity as ``(SIGHTING, (block, (article key, published, text hash, record)))``, each claim
    at least ``min_checkworthy`` as ``(DATED, TimelineClaim)`` (:func:`dated_claim`). The rows
    of an article not in ``articles`` (a task that did not finish) are left out."""
    meta = {row["article_id"]: row for row in articles}
    for row in entities:
        article = meta.get(row["article_id"])
        if row["block"] is not None and article is not None:
            member = (row["article_id"], article["published"], article["text_hash"], row["record"])
            yield SIGHTING, (row["block"], member)
    for row in claims:
        article = meta.get(row["article_id"])
        if article is None:
            continue
        about = (article["published"], article["title"], article["url"], article["text_hash"])
        for claim in dated_claim(
            row["article_id"], (row["claim_id"], row["record"]), about, min_checkworthy
        ):
            yield DATED, claim


def claimant_timelines(items: Iterable[tuple[Filed, TimelineClaim]]) -> list[TimelineRow]:
    """One claimant's claims, in the corpus's order, as its claim groups with their change and
    contradiction flags (:func:`~quotewire.claims.track.track`)."""
    ordered = sorted(items, key=lambda item: item[1].order)
    entries = [
        dated_entry(
            c.article,
            c.published,
            c.title,
            c.url,
            c.order[1],
            c.order[2],
            Claim.model_validate_json(c.record),
        ).entry
        for _, c in ordered
    ]
    claimant_of = {
        (e.article, e.claim.id): filed for e, (filed, _) in zip(entries, ordered, strict=True)
    }
    return [timeline_row(group) for group in track(entries, claimant_of)]


#: What the registry step gives for the steps after it, each tagged with where it goes: the
#: row of ``registry/``, a member's join key with its entity's (id, name), a person with a
#: role under each nation key of its role words (for the look-up by title).
REGISTRY_ROW, MEMBER, PERSON = "row", "member", "person"


def registry_parts(entity: RegistryEntity) -> Iterator[tuple[str, Any]]:
    """What the steps after the registry read of one of its entities (see ``REGISTRY_ROW``),
    so that none of them passes the whole entity, with every member, between workers."""
    yield REGISTRY_ROW, registry_row(entity)
    filed = (entity.id, entity.name)
    for member in entity.members:
        yield MEMBER, (member_key(member.article, member.entity), filed)
    if entity.type == "PERSON" and entity.roles:
        person = entity.model_copy(update={"members": []})
        for key in sorted(role_keys(entity)):
            yield PERSON, (key, person)


def title_key(name: str) -> list[str]:
    """The nation key of a claimant's name read as a title ("the central bank governor"):
    every person its title may fit has a role word with that key; none when it is no title."""
    words = title_words(name)
    return [nation_key(words[-1])] if words else []


def titled_people(
    names: Iterable[str], people: Iterable[RegistryEntity]
) -> list[tuple[str, Filed]]:
    """Of the claimant ``names`` of one nation key, those whose title fits exactly one of the
    ``people`` with a role word of that key, each with that person's (id, name)
    (:meth:`~quotewire.speakers.registry.Registry.by_title`)."""
    registry = Registry.restore(sorted(people, key=lambda e: e.id))
    found: list[tuple[str, Filed]] = []
    for name in sorted(set(names)):
        fits = registry.by_title(name)
        if fits is not None:
            found.append((name, (fits[0].id, fits[0].name)))
    return found


def block_sightings(members: Iterable[tuple[str, str | None, str, str]]) -> list[Sighting]:
    """The sightings of one registry block from its stored entities, each ``(article key,
    published, text hash, entity record)``."""
    return [
        tracked(article, Entity.model_validate_json(record), published, text_hash)
        for article, published, text_hash, record in members
    ]


def one_id_each(pair: tuple[str, Iterable[tuple[str, RegistryEntity]]]) -> list[RegistryEntity]:
    """The entities several blocks made under one id: the first block in key order keeps it,
    the others get a suffix (:func:`~quotewire.speakers.registry.unique_ids`)."""
    out: list[RegistryEntity] = []
    taken: set[str] = set()
    for block, entity in sorted(pair[1], key=lambda item: item[0]):
        out += unique_ids(block, [entity], taken)
    return out
