"""Cross-article linking: B-cubed over a split ingested into one store, as pure functions.

The measure of ``shared/benchmarks/polnear/README.md`` ("Cross-article linking"):

* **Items** are predicted quotes matched (one-to-one, greedily, at t = 0.5: the matching of
  :mod:`quotewire.bench.metrics`, against all of the article's gold attributions) to a gold
  attribution whose ``source_name``, expanded to the fullest name with the same last token in
  its article, has two or more tokens.
* **Gold cluster** (:class:`Person`): the surname is the last token (titles, possessives and
  Jr./Sr./II dropped by :func:`~quotewire.bench.metrics.name_tokens`), the given name the
  nearest token before it with more than one letter ("House Speaker Paul Ryan" -> paul ryan,
  "Donald J. Trump" -> donald trump).
* **Predicted cluster**: the registry id of the quote's speaker; an unlinked quote is a
  cluster of its own.
* **B-cubed**: per item, precision is the share of its predicted cluster that is its person,
  recall the share of its person that is in its predicted cluster; both averaged over items.

Two readings the README leaves open, taken here: "the fullest name with the same last token
in its article" is looked for among the article's gold ``source_name`` values that the name
fits (each of its words before the surname begins a word of the fuller one: "Clinton" and
"H. Clinton" fit "Hillary Clinton", "Bill Clinton" does not), so a full name is never
expanded into someone else's; and a name whose fullest fitting names are different people
(a bare "Clinton" in an article naming both Bill and Hillary Clinton) is no item.

A **merge** is a registry id holding several people; it costs precision. A **split** is a
person spread over several ids (or unlinked quotes); it costs recall. The costs of all merges
add up to 1 - precision, those of all splits to 1 - recall.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from quotewire.bench.metrics import HEADLINE_THRESHOLD, charset, is_pronoun, match, name_tokens
from quotewire.bench.polnear import GoldArticle, Offsets

# --------------------------------------------------------------------------- gold people


@dataclass(frozen=True, order=True)
class Person:
    """A gold cluster: a given name and a surname, lower case."""

    given: str
    surname: str

    def __str__(self) -> str:
        return f"{self.given} {self.surname}"


def _letters(token: str) -> int:
    return sum(ch.isalpha() for ch in token)


def person_of_tokens(tokens: Sequence[str]) -> Person | None:
    """The person a name's tokens (:func:`name_tokens`) name: the last token and the nearest
    token before it with more than one letter; None for fewer than two tokens or no such
    token ("J. Trump")."""
    if len(tokens) < 2:
        return None
    for token in reversed(tokens[:-1]):
        if _letters(token) > 1:
            return Person(given=token, surname=tokens[-1])
    return None


def person_key(name: str) -> Person | None:
    """The gold cluster of a name as it stands (no expansion): "House Speaker Paul Ryan" ->
    paul ryan, "Donald J. Trump" -> donald trump, "Trump" -> None, a pronoun -> None."""
    if is_pronoun(name):
        return None
    return person_of_tokens(name_tokens(name))


def _fits(tokens: Sequence[str], fuller: Sequence[str]) -> bool:
    """Whether a name fits a fuller one of the same surname: each of its words before the
    surname begins a word of the fuller name before its surname."""
    return all(any(f.startswith(t) for f in fuller[:-1]) for t in tokens[:-1])


def expanded_person(tokens: Sequence[str], names: Iterable[Sequence[str]]) -> Person | None:
    """The person of a name (its tokens) among an article's names (theirs): the fullest of
    the names of the same surname that it fits, itself included. None when those fullest
    names are different people, or name nobody (fewer than two tokens)."""
    if not tokens:
        return None
    fitting = [list(tokens)]
    fitting += [list(n) for n in names if n and n[-1] == tokens[-1] and _fits(tokens, n)]
    longest = max(len(n) for n in fitting)
    people = {person_of_tokens(n) for n in fitting if len(n) == longest}
    people.discard(None)
    return people.pop() if len(people) == 1 else None


def gold_people(article: GoldArticle) -> dict[int, Person]:
    """The gold attributions of ``article`` that count for linking (by index), with their
    person: those whose ``source_name``, expanded within the article, names one."""
    named = {
        i: name_tokens(g.source_name)
        for i, g in enumerate(article.attributions)
        if g.source_name and not is_pronoun(g.source_name)
    }
    names = {tuple(tokens) for tokens in named.values() if tokens}
    out: dict[int, Person] = {}
    for i, tokens in named.items():
        person = expanded_person(tokens, names)
        if person is not None:
            out[i] = person
    return out


# --------------------------------------------------------------------------- items


@dataclass(frozen=True)
class StoredQuote:
    """A quote as read back from the store: its content and its speaker's registry entity
    (``entity`` None when the speaker is not in the registry)."""

    id: str
    content: tuple[Offsets, ...]
    entity: str | None = None
    entity_name: str | None = None


@dataclass(frozen=True)
class StoredArticle:
    """A gold article and its quotes as read back from the store (none when it failed)."""

    gold: GoldArticle
    quotes: tuple[StoredQuote, ...] = ()


@dataclass(frozen=True)
class Item:
    """One predicted quote matched to a gold attribution naming a person."""

    article: str
    quote: str
    person: Person
    entity: str | None
    entity_name: str | None

    @property
    def cluster(self) -> str:
        """The predicted cluster: the registry id, or the quote itself when unlinked (the
        parentheses and spaces keep it apart from every registry id)."""
        if self.entity is not None:
            return self.entity
        return f"(unlinked) {self.article} {self.quote}"


def article_items(
    article: GoldArticle,
    quotes: Sequence[StoredQuote],
    threshold: float = HEADLINE_THRESHOLD,
) -> list[Item]:
    """The linking items of one article: its quotes matched at ``threshold`` to a gold
    attribution that names a person (:func:`gold_people`), in the order of the quotes."""
    people = gold_people(article)
    text = article.text
    matching = match(
        [charset(text, g.content) for g in article.attributions],
        [charset(text, q.content) for q in quotes],
        threshold,
    )
    gold_of = {pair.pred: pair.gold for pair in matching.pairs}
    items = []
    for j, quote in enumerate(quotes):
        person = people.get(gold_of[j]) if j in gold_of else None
        if person is not None:
            items.append(
                Item(
                    article=article.id,
                    quote=quote.id,
                    person=person,
                    entity=quote.entity,
                    entity_name=quote.entity_name,
                )
            )
    return items


# --------------------------------------------------------------------------- B-cubed


@dataclass(frozen=True)
class BCubed:
    """B-cubed precision, recall and F1 over ``items`` items (all 0.0 when there are none)."""

    items: int
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def _cells(items: Sequence[Item]) -> Counter[tuple[str, Person]]:
    return Counter((item.cluster, item.person) for item in items)


def bcubed(items: Sequence[Item]) -> BCubed:
    """B-cubed over ``items``: the mean over items of the share of the item's predicted
    cluster holding its person (precision), and of its person held by its cluster (recall)."""
    if not items:
        return BCubed(items=0, precision=0.0, recall=0.0)
    cells = _cells(items)
    cluster_size = Counter(item.cluster for item in items)
    person_size = Counter(item.person for item in items)
    n = len(items)
    # an item's cell holds `count` items, each with the same share: sum count * count / size
    precision = sum(c * c / cluster_size[k] for (k, _), c in cells.items()) / n
    recall = sum(c * c / person_size[p] for (_, p), c in cells.items()) / n
    return BCubed(items=n, precision=precision, recall=recall)


# --------------------------------------------------------------------------- merges, splits


@dataclass(frozen=True)
class PersonShare:
    """A person's items inside one predicted cluster."""

    person: Person
    items: int


@dataclass(frozen=True)
class Merge:
    """A registry id holding several people; ``cost`` is the precision it loses."""

    entity: str
    name: str | None
    people: tuple[PersonShare, ...]  # most items first
    cost: float

    @property
    def items(self) -> int:
        return sum(share.items for share in self.people)


@dataclass(frozen=True)
class EntityShare:
    """A person's items under one registry id, or (``entity`` None) the person's unlinked
    items, each a cluster of its own."""

    entity: str | None
    name: str | None
    items: int


@dataclass(frozen=True)
class Split:
    """A person spread over several predicted clusters; ``cost`` is the recall it loses."""

    person: Person
    entities: tuple[EntityShare, ...]  # most items first, the unlinked ones last
    cost: float

    @property
    def items(self) -> int:
        return sum(share.items for share in self.entities)


def _lost(sizes: Iterable[int], n: int) -> float:
    """What a group of ``sizes`` (the parts of one cluster or one person) costs out of ``n``
    items: each of its items scores its part's share, so the group scores sum(s*s)/total."""
    parts = list(sizes)
    total = sum(parts)
    return (total - sum(s * s for s in parts) / total) / n


def merges(items: Sequence[Item]) -> list[Merge]:
    """Every registry id holding several people, the costliest first."""
    by_cluster: dict[str, Counter[Person]] = defaultdict(Counter)
    names: dict[str, str | None] = {}
    for item in items:
        if item.entity is not None:
            by_cluster[item.entity][item.person] += 1
            names[item.entity] = item.entity_name
    out = []
    for entity, people in by_cluster.items():
        if len(people) < 2:
            continue
        shares = sorted(people.items(), key=lambda pc: (-pc[1], pc[0]))
        out.append(
            Merge(
                entity=entity,
                name=names[entity],
                people=tuple(PersonShare(person=p, items=c) for p, c in shares),
                cost=_lost(people.values(), len(items)),
            )
        )
    return sorted(out, key=lambda m: (-m.cost, -m.items, m.entity))


def splits(items: Sequence[Item]) -> list[Split]:
    """Every person spread over several predicted clusters (unlinked items are one cluster
    each), the costliest first."""
    linked: dict[Person, Counter[str]] = defaultdict(Counter)
    unlinked: Counter[Person] = Counter()
    names: dict[str, str | None] = {}
    for item in items:
        if item.entity is None:
            unlinked[item.person] += 1
        else:
            linked[item.person][item.entity] += 1
            names[item.entity] = item.entity_name
    out = []
    for person in set(linked) | set(unlinked):
        ids = linked.get(person, Counter())
        loose = unlinked.get(person, 0)
        if len(ids) + loose < 2:
            continue
        shares = [
            EntityShare(entity=e, name=names[e], items=c)
            for e, c in sorted(ids.items(), key=lambda ec: (-ec[1], ec[0]))
        ]
        if loose:
            shares.append(EntityShare(entity=None, name=None, items=loose))
        out.append(
            Split(
                person=person,
                entities=tuple(shares),
                cost=_lost([*ids.values(), *[1] * loose], len(items)),
            )
        )
    return sorted(out, key=lambda s: (-s.cost, -s.items, s.person))


# --------------------------------------------------------------------------- the report


@dataclass(frozen=True)
class LinkingReport:
    """The linking measure on a split, with the worst merges and splits."""

    articles: int  # gold articles scored
    gold_named: int  # gold attributions naming a person (matched or not)
    scores: BCubed
    gold_clusters: int
    predicted_clusters: int
    unlinked: int  # items whose speaker is in no registry entity
    merge_count: int  # registry ids holding several people
    split_count: int  # people spread over several clusters
    worst_merges: tuple[Merge, ...]
    worst_splits: tuple[Split, ...]
    failed: tuple[str, ...] = ()  # articles the ingest could not store, and why
    threshold: float = HEADLINE_THRESHOLD

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data."""
        return {
            "threshold": self.threshold,
            "articles": self.articles,
            "failed": list(self.failed),
            "gold_named": self.gold_named,
            "items": self.scores.items,
            "precision": round(self.scores.precision, 4),
            "recall": round(self.scores.recall, 4),
            "f1": round(self.scores.f1, 4),
            "gold_clusters": self.gold_clusters,
            "predicted_clusters": self.predicted_clusters,
            "unlinked": self.unlinked,
            "merges": self.merge_count,
            "splits": self.split_count,
            "worst_merges": [
                {
                    "id": m.entity,
                    "name": m.name,
                    "items": m.items,
                    "precision_cost": round(m.cost, 4),
                    "people": [{"person": str(s.person), "items": s.items} for s in m.people],
                }
                for m in self.worst_merges
            ],
            "worst_splits": [
                {
                    "person": str(s.person),
                    "items": s.items,
                    "recall_cost": round(s.cost, 4),
                    "ids": [{"id": e.entity, "name": e.name, "items": e.items} for e in s.entities],
                }
                for s in self.worst_splits
            ],
        }


def linking_report(
    articles: Sequence[StoredArticle], *, worst: int = 10, failed: Sequence[str] = ()
) -> LinkingReport:
    """The linking measure over gold articles with their quotes read back from the store,
    with the ``worst`` costliest merges and splits (``failed``: the articles the ingest could
    not store, scored as having no quotes)."""
    items: list[Item] = []
    gold_named = 0
    for article in articles:
        gold_named += len(gold_people(article.gold))
        items += article_items(article.gold, article.quotes)
    all_merges, all_splits = merges(items), splits(items)
    return LinkingReport(
        articles=len(articles),
        gold_named=gold_named,
        scores=bcubed(items),
        gold_clusters=len({item.person for item in items}),
        predicted_clusters=len({item.cluster for item in items}),
        unlinked=sum(item.entity is None for item in items),
        merge_count=len(all_merges),
        split_count=len(all_splits),
        worst_merges=tuple(all_merges[:worst]),
        worst_splits=tuple(all_splits[:worst]),
        failed=tuple(failed),
    )


def _name(entity: str | None, name: str | None) -> str:
    if entity is None:
        return "unlinked"
    return f"{entity} ({name})" if name else entity


def format_linking(report: LinkingReport) -> str:
    """The report as the terminal shows it."""
    s = report.scores
    lines = [
        f"cross-article linking, B-cubed (t = {report.threshold}): {report.articles} articles"
        + (f" ({len(report.failed)} failed, scored without quotes)" if report.failed else ""),
        f"  precision {s.precision:.3f}   recall {s.recall:.3f}   F1 {s.f1:.3f}",
        f"  {s.items:,} items (matched quotes of the {report.gold_named:,} gold attributions "
        "naming a person)",
        f"  {report.gold_clusters:,} gold people, {report.predicted_clusters:,} predicted "
        f"clusters ({report.unlinked:,} of them unlinked quotes)",
        "",
        f"worst merges (ids holding several people: {report.merge_count}), precision lost:",
    ]
    for m in report.worst_merges:
        people = ", ".join(f"{p.person} {p.items}" for p in m.people)
        lines.append(f"  {m.cost:.4f}  {_name(m.entity, m.name)}: {people}")
    lines += ["", f"worst splits (people over several ids: {report.split_count}), recall lost:"]
    for sp in report.worst_splits:
        ids = ", ".join(f"{_name(e.entity, e.name)} {e.items}" for e in sp.entities)
        lines.append(f"  {sp.cost:.4f}  {sp.person}: {ids}")
    return "\n".join(lines)


__all__ = [
    "BCubed",
    "EntityShare",
    "Item",
    "LinkingReport",
    "Merge",
    "Person",
    "PersonShare",
    "Split",
    "StoredArticle",
    "StoredQuote",
    "article_items",
    "bcubed",
    "expanded_person",
    "format_linking",
    "gold_people",
    "linking_report",
    "merges",
    "person_key",
    "person_of_tokens",
    "splits",
]
