"""A set of articles read together: who is who across them, and what each claimed over time.

>>> corpus = Corpus()  # doctest: +SKIP
>>> corpus.add(quotewire.extract(text_1), key="march.txt")  # doctest: +SKIP
>>> corpus.add(quotewire.extract(text_2), key="june.txt")  # doctest: +SKIP
>>> [e.name for e in corpus.speakers()]  # doctest: +SKIP
>>> for group in corpus.claims(speaker="Kowalska"):  # doctest: +SKIP
...     print(group.measure, [(e.when, e.claim.value) for e in group.entries], group.flags)

Nothing here touches a database: the store persists what a Corpus holds.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quotewire.claims.track import MIN_CHECKWORTHY, track
from quotewire.errors import NotFound, QuotewireError
from quotewire.model import Claim, ClaimGroup, CorpusReport, RegistryEntity, Result, TimelineEntry
from quotewire.speakers.registry import Registry, Sighting, build_registry, sightings
from quotewire.store.base import content_hash


def article_order(result: Result) -> str:
    """What places an article among others of its date when the registry reads them: a hash
    of its text and URL, the same for the article however it is named or stored."""
    return content_hash(result.article.text, result.article.url)


def result_sightings(key: str, result: Result) -> list[Sighting]:
    """What the registry reads of one article stored under ``key``: its entities with its
    published date and :func:`article_order`."""
    return sightings(key, result.entities, result.article.published, order=article_order(result))


class Corpus:
    """Results of several articles, their cross-article registry and their claim timelines."""

    def __init__(self, results: Iterable[Result] = ()) -> None:
        self._registry: Registry | None = None
        self._results: dict[str, Result] = {}
        for result in results:
            self.add(result)

    @property
    def registry(self) -> Registry:
        """Who is who across the articles: built from all of them at once (by
        :func:`~quotewire.speakers.registry.build_registry`, as ``quotewire spark`` builds it),
        so it does not depend on the order they were added in."""
        if self._registry is None:
            self._registry = build_registry(
                sighting
                for key, result in self._results.items()
                for sighting in result_sightings(key, result)
            )
        return self._registry

    def __len__(self) -> int:
        return len(self._results)

    @property
    def results(self) -> dict[str, Result]:
        """The results added, by key, in the order added."""
        return dict(self._results)

    def add(self, result: Result, key: str | None = None) -> str:
        """Add one article's result under ``key`` (default: its id, url or title); returns
        the key. A key already in the corpus is refused."""
        key = key or result.id or result.article.url or result.article.title
        if not key:
            key = f"article-{len(self._results) + 1}"
        if key in self._results:
            raise QuotewireError(f"{key}: already in the corpus")
        self._results[key] = result
        self._registry = None
        return key

    def speakers(self) -> list[RegistryEntity]:
        """People and organizations that are claimants or speakers in some article."""
        speaking: set[str] = set()
        for key, result in self._results.items():
            for quote in result.quotes:
                if quote.speaker and quote.speaker.entity:
                    entity = self.registry.entity_of(key, quote.speaker.entity)
                    if entity is not None:
                        speaking.add(entity.id)
        return [e for e in self.registry if e.id in speaking]

    def entity(self, name_or_id: str) -> RegistryEntity:
        """The one registry entity with this id or name (an error names the candidates)."""
        try:
            return self.registry.get(name_or_id)
        except QuotewireError:
            found = self.registry.find(name_or_id)
        if len(found) == 1:
            return found[0]
        if not found:
            raise NotFound(f"no speaker matches {name_or_id!r}")
        names = ", ".join(f"{e.name} ({e.id})" for e in found)
        raise QuotewireError(f"{name_or_id!r} fits several: {names}")

    def claims(
        self,
        speaker: str | None = None,
        measure: str | None = None,
        *,
        min_checkworthy: float = MIN_CHECKWORTHY,
    ) -> list[ClaimGroup]:
        """Claim timelines, grouped by claimant, measure and unit, with changes and
        contradictions flagged; ``speaker`` (a name, part of one, or an id) and ``measure``
        (words of the measure) narrow them. Claims scoring under ``min_checkworthy`` (ages,
        durations, anniversaries, counts of one or two) are left out; 0 keeps them all."""
        dated = [
            entry
            for key, result in self._results.items()
            for entry in dated_entries(key, result, min_checkworthy)
        ]
        entries = [d.entry for d in sorted(dated, key=lambda d: d.order)]
        claimant_of = {
            (e.article, e.claim.id): claimant_of_claim(self.registry, e.article, e.claim)
            for e in entries
        }
        groups = track(entries, claimant_of)
        if speaker:
            wanted = {e.id for e in self.registry.find(speaker)} | {speaker}
            needle = speaker.lower()
            groups = [
                g for g in groups if g.claimant in wanted or needle in g.claimant_name.lower()
            ]
        if measure:
            words = measure.lower()
            groups = [
                g
                for g in groups
                if words in g.measure.lower()
                or any(words in (e.claim.measure or "").lower() for e in g.entries)
            ]
        return groups

    def report(self, groups: list[ClaimGroup] | None = None) -> CorpusReport:
        """The registry and the claim timelines (all, or ``groups``) as one record: what
        ``quotewire claims --format json`` prints, with the schema ``quotewire schema
        --corpus`` gives."""
        return CorpusReport(
            articles=len(self),
            registry=list(self.registry),
            groups=self.claims() if groups is None else groups,
        )


@dataclass(frozen=True, slots=True)
class DatedEntry:
    """A claim of one article as a timeline entry, with what orders it among all the corpus's
    claims before they are grouped (the article's date, then its text hash, then the claim's
    place in it): the same order whatever order the articles were added in."""

    entry: TimelineEntry
    order: tuple[str, str, int]


def dated_entries(
    key: str, result: Result, min_checkworthy: float = MIN_CHECKWORTHY
) -> list[DatedEntry]:
    """The claims of one article worth a timeline (``checkworthy`` at least
    ``min_checkworthy``), as entries."""
    article = result.article
    text_hash = article_order(result)
    return [
        dated_entry(key, article.published, article.title, article.url, text_hash, n, claim)
        for n, claim in enumerate(result.claims)
        if claim.checkworthy >= min_checkworthy
    ]


def dated_entry(
    key: str,
    published: str | None,
    title: str | None,
    url: str | None,
    text_hash: str,
    n: int,
    claim: Claim,
) -> DatedEntry:
    """The ``n``-th claim of the article ``key`` as a timeline entry."""
    entry = TimelineEntry(article=key, published=published, claim=claim, title=title, url=url)
    return DatedEntry(entry=entry, order=(published or "", text_hash, n))


Filed = tuple[str | None, str]


def claimant_of_claim(registry: Registry, key: str, claim: Claim) -> Filed:
    """Who a timeline files a claim under, as (id, name): see :func:`file_claim`."""
    member = None
    if claim.claimant is not None and claim.claimant.entity:
        entity = registry.entity_of(key, claim.claimant.entity)
        member = (entity.id, entity.name) if entity is not None else None
    return file_claim(claim, member, _titled(registry))


def _titled(registry: Registry) -> Callable[[str], Filed | None]:
    def titled(name: str) -> Filed | None:
        found = registry.by_title(name)
        return (found[0].id, found[0].name) if found is not None else None

    return titled


def file_claim(claim: Claim, member: Filed | None, titled: Callable[[str], Filed | None]) -> Filed:
    """Who a timeline files a claim under: the registry entity its claimant's entity joined
    (``member``), else the one person a claimant's title fits ("the finance minister",
    ``titled``), else the claimant's name unresolved, a nested source, or the narrator
    (None)."""
    claimant = claim.claimant.name if claim.claimant is not None else None
    source = claim.according_to.name if claim.according_to is not None else None
    return file_claimant(claimant, source, member, titled)


def file_claimant(
    claimant: str | None,
    source: str | None,
    member: Filed | None,
    titled: Callable[[str], Filed | None],
) -> Filed:
    """:func:`file_claim` from the names of a claim's ``claimant`` and nested ``source``."""
    if claimant is not None:
        if member is not None:
            return member
        found = titled(claimant)
        if found is not None:
            return found
        return f"unresolved:{claimant}", claimant
    if source is not None:
        return f"source:{source}", source
    return None, "narrator"
