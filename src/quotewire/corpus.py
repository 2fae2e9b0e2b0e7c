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

from collections.abc import Iterable

from quotewire.claims.track import track
from quotewire.errors import NotFound, QuotewireError
from quotewire.model import Claim, ClaimGroup, CorpusReport, RegistryEntity, Result, TimelineEntry
from quotewire.speakers.registry import Registry, build_registry, sightings
from quotewire.store.base import content_hash


def article_order(result: Result) -> str:
    """What places an article among others of its date when the registry reads them: a hash
    of its text and URL, the same for the article however it is named or stored."""
    return content_hash(result.article.text, result.article.url)


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
                for sighting in sightings(
                    key,
                    result.entities,
                    result.article.published,
                    order=article_order(result),
                )
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
        min_checkworthy: float = 0.3,
    ) -> list[ClaimGroup]:
        """Claim timelines, grouped by claimant, measure and unit, with changes and
        contradictions flagged; ``speaker`` (a name, part of one, or an id) and ``measure``
        (words of the measure) narrow them. Claims scoring under ``min_checkworthy`` (ages,
        durations, anniversaries, counts of one or two) are left out; 0 keeps them all."""
        entries = []
        claimant_of: dict[tuple[str, str], tuple[str | None, str]] = {}
        for key, result in self._results.items():
            for claim in result.claims:
                if claim.checkworthy < min_checkworthy:
                    continue
                entries.append(
                    TimelineEntry(
                        article=key,
                        published=result.article.published,
                        claim=claim,
                        title=result.article.title,
                        url=result.article.url,
                    )
                )
                claimant_of[(key, claim.id)] = self._claimant(key, claim)
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

    def _claimant(self, key: str, claim: Claim) -> tuple[str | None, str]:
        if claim.claimant is not None:
            if claim.claimant.entity:
                entity = self.registry.entity_of(key, claim.claimant.entity)
                if entity is not None:
                    return entity.id, entity.name
            titled = self.registry.by_title(claim.claimant.name)
            if titled is not None:
                return titled[0].id, titled[0].name
            return f"unresolved:{claim.claimant.name}", claim.claimant.name
        if claim.according_to is not None:
            return f"source:{claim.according_to.name}", claim.according_to.name
        return None, "narrator"
