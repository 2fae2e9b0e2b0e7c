"""The steps across articles that ``quotewire spark`` maps over its executors: pure functions
over records, in a module of their own so that a Python worker running them imports the data
model, the registry and the claim tracker, not the NLP stack.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from quotewire.claims.track import track
from quotewire.corpus import DatedEntry, Filed, dated_entry
from quotewire.model import Claim, Entity, RegistryEntity
from quotewire.scale.rows import TimelineRow, timeline_row
from quotewire.speakers.registry import Sighting, tracked, unique_ids


def dated_claim(
    key: str, claim: tuple[str, str], article: tuple[Any, ...], min_checkworthy: float
) -> list[DatedEntry]:
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
    return [dated_entry(key, published, title, url, text_hash, n, parsed)]


def claimant_entity(dated: DatedEntry) -> str | None:
    """The article-local entity of a claim's claimant (None without one)."""
    claimant = dated.entry.claim.claimant
    return claimant.entity if claimant is not None else None


def claimant_timelines(items: Iterable[tuple[Filed, DatedEntry]]) -> list[TimelineRow]:
    """One claimant's claims, in the corpus's order, as its claim groups with their change and
    contradiction flags (:func:`~quotewire.claims.track.track`)."""
    ordered = sorted(items, key=lambda item: item[1].order)
    entries = [dated.entry for _, dated in ordered]
    claimant_of = {(d.entry.article, d.entry.claim.id): filed for filed, d in ordered}
    return [timeline_row(group) for group in track(entries, claimant_of)]


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
