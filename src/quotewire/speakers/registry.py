"""People and organizations across articles: one registry entity per real-world entity.

Each article's entities (``Result.entities``) are joined to registry entities by evidence that
is kept with the join, so every merge can be explained and undone:

- ``same name``: the same full name ("Vladimir Putin" and "Vladimir Putin", accents and case
  aside);
- ``initial``: an initial that fits the only known person of that surname ("V. Putin");
- ``surname``: a surname alone that fits exactly one known person ("Putin");
- ``role``: where several people share the surname, a role seen with exactly one of them
  ("Kowalska", "Finance Minister");
- ``short form``: an organization named by the last words of exactly one known name ("the
  Commission" for "European Commission");
- ``manual``: a merge asked for by :meth:`Registry.merge`.

Two people with the same surname and different given names are never joined, and a surname
that fits several people joins none of them without a role to tell them apart. :meth:`split`
undoes a join and keeps the two apart from then on.

Ids are stable: derived from the type and the first name the entity was registered under
(``person:maria-kowalska``), never renumbered as the corpus grows.
"""

from __future__ import annotations

import bisect
import gc
import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from quotewire.errors import NotFound, QuotewireError
from quotewire.lang import profile
from quotewire.model import Entity, Member, RegistryEntity, RoleSeen
from quotewire.speakers.names import (
    NameMemo,
    PersonName,
    compound_surname,
    fold,
    may_name,
    name_words,
    parse_person,
    same_full_name,
)
from quotewire.speakers.titles import PERSON_TITLES, nation_key, same_nation, title_fragments

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_INITIAL = re.compile(r"^[A-Z]\.?$")
_LEADING = re.compile(_EN.pattern("leading_article"), re.IGNORECASE)
_TITLE_STOP = _EN.words("title_stop_words")
_TRACKED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class Registry:
    """The cross-article registry. ``add`` registers an article's entities and returns, for
    each local entity id, the registry id it was joined to. People's names are read through
    ``names`` when given (a memo that lives as long as one build, see :func:`resolve_block`),
    else through the process's bounded caches (:func:`~quotewire.speakers.names.parse_person`)."""

    def __init__(self, names: NameMemo | None = None) -> None:
        self._person: Callable[[str], PersonName | None] = (
            names.person if names is not None else parse_person
        )
        self._words: Callable[[str], Sequence[str]] = (
            names.words if names is not None else name_words
        )
        self._entities: dict[str, RegistryEntity] = {}
        self._where: dict[tuple[str, str], str] = {}  # (article, local id) -> registry id
        self._apart: set[tuple[str, str, str]] = set()  # (registry id, article, local id)
        self._index: _Index | None = None  # built at the first match, kept up to date after
        self._titles: _Titles | None = None  # built at the first look-up by title
        self._next: dict[str, int] = {}  # id base -> the next number to try

    @classmethod
    def restore(
        cls, entities: Iterable[RegistryEntity], apart: Iterable[tuple[str, str, str]] = ()
    ) -> Registry:
        """A registry holding ``entities`` (as :meth:`__iter__` gave them) and the pairs
        :meth:`split` kept apart (as :meth:`apart` gave them): what a store reloads."""
        registry = cls()
        for entity in entities:
            registry._entities[entity.id] = entity
            for member in entity.members:
                registry._where[(member.article, member.entity)] = entity.id
        registry._apart.update(apart)
        return registry

    def update(
        self, entities: Iterable[RegistryEntity], apart: Iterable[tuple[str, str, str]] = ()
    ) -> None:
        """Take ``entities`` as they are now (another writer of the same store changed or
        added them; a new one goes after those held) and the pairs now kept apart."""
        for entity in entities:
            held = self._entities.get(entity.id)
            for member in held.members if held is not None else ():
                if self._where.get((member.article, member.entity)) == entity.id:
                    del self._where[(member.article, member.entity)]
            self._entities[entity.id] = entity
            for member in entity.members:
                self._where[(member.article, member.entity)] = entity.id
        self._apart = set(apart)
        self._forget_index()

    def apart(self) -> list[tuple[str, str, str]]:
        """(registry id, article, local id) triples that :meth:`split` keeps apart."""
        return sorted(self._apart)

    # ---- reading ------------------------------------------------------------------------------
    def __iter__(self) -> Iterator[RegistryEntity]:
        return iter(list(self._entities.values()))

    def __len__(self) -> int:
        return len(self._entities)

    def get(self, id: str) -> RegistryEntity:
        try:
            return self._entities[id]
        except KeyError:
            raise NotFound(f"no registry entity {id!r}") from None

    def entity_of(self, article: str, local: str) -> RegistryEntity | None:
        """The registry entity an article's entity (``e1``) was joined to, if registered."""
        id = self._where.get((article, local))
        return self._entities.get(id) if id else None

    def find(self, name: str) -> list[RegistryEntity]:
        """Entities whose name or one of whose aliases contains ``name`` (case-insensitive)."""
        key = fold(name)
        return [
            e for e in self._entities.values() if any(key in fold(a) for a in [e.name, *e.aliases])
        ]

    def explain(self, id: str) -> list[str]:
        """One line per member: which article's entity joined, under which name, and why."""
        entity = self.get(id)
        return [f"{m.article} {m.entity} {m.name!r}: {m.evidence}" for m in entity.members]

    def by_title(self, title: str) -> tuple[RegistryEntity, str] | None:
        """The one person whose roles hold every word of ``title`` ("Denmark's central bank
        governor" fits "Danish central bank Governor"; nationalities and their countries
        compare equal), with the evidence; None when nobody or several fit."""
        words = title_words(title)
        if not words:
            return None
        if self._titles is None:
            self._titles = _Titles(self._entities.values())
        fitting = []
        for entity, roles in self._titles.candidates(words[-1]):
            for role, role_words in roles:
                if all(
                    w in role_words or any(same_nation(w, r) for r in role_words) for w in words
                ):
                    fitting.append((entity, role))
                    break
        if len(fitting) != 1:
            return None
        entity, role = fitting[0]
        return entity, f"title {title!r} fits the role {role!r} of only {entity.name}"

    # ---- building -----------------------------------------------------------------------------
    def add(
        self, article: str, entities: Sequence[Entity], published: str | None = None
    ) -> dict[str, str]:
        """Register one article's entities; returns ``{local id: registry id}``."""
        return {s.entity.id: self.register(s) for s in sightings(article, entities, published)}

    def register(self, sighting: Sighting) -> str:
        """Join one sighting to the entity its evidence names, or to a new entity; returns
        the registry id."""
        entity, article, day = sighting.entity, sighting.article, sighting.day
        target, evidence = self._match(article, entity)
        if target is None:
            target = self._create(entity)
            evidence = "first seen"
        record = self._entities[target]
        record.members.append(
            Member(
                article=article,
                entity=entity.id,
                name=entity.name,
                evidence=evidence,
                published=day,
            )
        )
        index = self._index
        if _better_name(entity.name, record.name):
            if index is not None:
                index.remove(record)
            record.name = entity.name
            if index is not None:
                index.add(record)
        for role in entity.roles:
            _see_role(record, role, day)
            if index is not None and record.type == "PERSON":
                index.see_role(record.id, role)
        self._where[(article, entity.id)] = target
        self._titles = None
        return target

    def merge(self, keep: str, other: str) -> RegistryEntity:
        """Join ``other`` into ``keep`` by hand (evidence ``manual``); returns ``keep``."""
        kept, gone = self.get(keep), self.get(other)
        for member in gone.members:
            member.evidence = f"manual (was {other}: {member.evidence})"
            kept.members.append(member)
            self._where[(member.article, member.entity)] = keep
        for role in gone.roles:
            _see_role(kept, role.role, role.first_seen)
            _see_role(kept, role.role, role.last_seen)
        del self._entities[other]
        self._forget_index()
        return kept

    def split(self, id: str, article: str, local: str) -> RegistryEntity:
        """Undo a join: the article's entity leaves ``id`` for a new entity of its own, and
        the two are kept apart from then on. Returns the new entity."""
        entity = self.get(id)
        member = next(
            (m for m in entity.members if m.article == article and m.entity == local), None
        )
        if member is None:
            raise QuotewireError(f"{article} {local} is not a member of {id}")
        entity.members.remove(member)
        new = RegistryEntity(
            id=self._new_id(entity.type, member.name), name=member.name, type=entity.type
        )
        member.evidence = f"split from {id}"
        new.members.append(member)
        self._entities[new.id] = new
        self._where[(article, local)] = new.id
        self._apart.add((id, article, local))
        if entity.members and not any(_better_name(m.name, entity.name) for m in entity.members):
            entity.name = max((m.name for m in entity.members), key=len)
        if not entity.members:
            del self._entities[id]
        self._forget_index()
        return new

    # ---- matching -----------------------------------------------------------------------------
    def _match(self, article: str, entity: Entity) -> tuple[str | None, str]:
        """The entity ``entity`` joins and the evidence, or (None, "") for a new one. Only the
        entities that share its surname (people) or the last word of its name (others) are
        looked at, through the index, so a match costs the size of its block, not of the
        registry; the rules are the ones written out in :func:`_match_person` and
        :func:`_match_org`."""
        if self._index is None:
            self._index = _Index(self._entities.values(), self._person)
        index = self._index

        def allowed_one(id: str) -> bool:
            return not self._apart or (id, article, entity.id) not in self._apart

        def allowed(ids: list[str]) -> list[str]:  # (no copy when nothing is kept apart)
            return ids if not self._apart else [id for id in ids if allowed_one(id)]

        if entity.type == "PERSON":
            name = self._person(entity.name)
            if name is None:
                return None, ""
            groups = [
                (n, kept)
                for n, ids in index.people.get((name.surname, name.suffix), {}).items()
                if (kept := allowed(ids))
            ]
            return _match_person(
                entity, name, groups, self._entities, index, allowed_one, self._words
            )
        return _match_org(entity, self._entities, index, allowed)

    def _create(self, entity: Entity) -> str:
        id = self._new_id(entity.type, entity.name)
        record = RegistryEntity(id=id, name=entity.name, type=entity.type)
        self._entities[id] = record
        if self._index is not None:
            self._index.add(record)
        return id

    def _new_id(self, type: str, name: str) -> str:
        """``type:slug``, or the first ``type:slug-N`` (N from 2) not taken."""
        base = f"{type.lower()}:{_slug(name) or 'unnamed'}"
        if base not in self._entities:
            return base
        n = self._next.get(base, 2)
        while f"{base}-{n}" in self._entities:
            n += 1
        self._next[base] = n + 1
        return f"{base}-{n}"

    def _forget_index(self) -> None:
        """After a merge, split or update: rebuild the index (and the id counters) when next
        needed."""
        self._index = None
        self._titles = None
        self._next.clear()


class _Titles:
    """People by the words of their roles, for :meth:`Registry.by_title`: a title's last word
    (its head, "governor") fits only people with a role word it equals or names the same
    nation as, which share its :func:`~quotewire.speakers.titles.nation_key`; only they are
    checked, not the whole registry."""

    def __init__(self, entities: Iterable[RegistryEntity]) -> None:
        self.people: list[tuple[RegistryEntity, list[tuple[str, list[str]]]]] = []
        # nation key -> role word -> the people (by rank) with that word in a role
        self.by_key: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
        self._fits: dict[str, list[int]] = {}  # a title's head -> the people it may fit
        for entity in entities:
            if entity.type != "PERSON" or not entity.roles:
                continue
            roles = [(seen.role, re.findall(r"[a-z]+", fold(seen.role))) for seen in entity.roles]
            rank = len(self.people)
            self.people.append((entity, roles))
            for word in {w for _, role_words in roles for w in role_words}:
                self.by_key[nation_key(word)][word].append(rank)

    def candidates(self, head: str) -> list[tuple[RegistryEntity, list[tuple[str, list[str]]]]]:
        """The people, in registry order, with a role word ``head`` fits."""
        ranks = self._fits.get(head)
        if ranks is None:
            words = self.by_key.get(nation_key(head), {})
            found = {
                rank
                for word, held in words.items()
                if word == head or same_nation(head, word)
                for rank in held
            }
            ranks = self._fits[head] = sorted(found)
        return [self.people[rank] for rank in ranks]


def title_words(title: str) -> list[str]:
    """The words of a title that :meth:`Registry.by_title` compares with roles ("the finance
    minister" -> finance, minister), none when its last word is not a person's title."""
    words = [w for w in re.findall(r"[a-z]+", fold(title)) if w not in _TITLE_STOP]
    return words if words and words[-1] in PERSON_TITLES else []


def role_keys(entity: RegistryEntity) -> set[str]:
    """The nation keys of a person's role words: a title whose head has none of them fits
    none of the person's roles (see :meth:`Registry.by_title`)."""
    return {nation_key(w) for seen in entity.roles for w in re.findall(r"[a-z]+", fold(seen.role))}


class _Index:
    """Where the entities a sighting may join are: people by (surname, suffix) and then by
    their name as read, with the rank of each entity (its place in the registry, which
    decides between several that fit); the ids of people by role; organizations and places
    by their folded name, by that name without a leading article, and by each shorter
    ending of it ("commission" and "european commission" for "the European Commission").
    ``person`` reads a person's name (the registry's reader)."""

    def __init__(
        self, entities: Iterable[RegistryEntity], person: Callable[[str], PersonName | None]
    ) -> None:
        self.person = person
        self.rank: dict[str, int] = {}
        self.people: dict[tuple[str, str], dict[PersonName, list[str]]] = defaultdict(dict)
        self.name_of: dict[str, PersonName] = {}
        self.roles: dict[tuple[PersonName, str], set[str]] = defaultdict(set)
        self.exact: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.full: dict[tuple[str, str], list[str]] = defaultdict(list)
        self.endings: dict[tuple[str, str], list[str]] = defaultdict(list)
        for entity in entities:
            self.add(entity)

    def _insert(self, ids: list[str], id: str) -> None:
        bisect.insort(ids, id, key=self.rank.__getitem__)

    def add(self, entity: RegistryEntity) -> None:
        self.rank.setdefault(entity.id, len(self.rank))
        if entity.type == "PERSON":
            name = self.person(entity.name)
            if name is not None:
                group = self.people[(name.surname, name.suffix)]
                self._insert(group.setdefault(name, []), entity.id)
                self.name_of[entity.id] = name
                for seen in entity.roles:
                    self.roles[(name, fold(seen.role))].add(entity.id)
            return
        folded = fold(entity.name)
        self._insert(self.exact[(entity.type, fold(_LEADING.sub("", entity.name)))], entity.id)
        self._insert(self.full[(entity.type, folded)], entity.id)
        words = folded.split()
        for n in range(1, len(words)):
            self._insert(self.endings[(entity.type, " ".join(words[n:]))], entity.id)

    def remove(self, entity: RegistryEntity) -> None:
        """Take out an entity's name (before it changes; :meth:`add` puts the new one in)."""
        if entity.type == "PERSON":
            name = self.person(entity.name)
            if name is not None:
                group = self.people[(name.surname, name.suffix)]
                group[name].remove(entity.id)
                if not group[name]:
                    del group[name]
                del self.name_of[entity.id]
                for seen in entity.roles:
                    self.roles[(name, fold(seen.role))].discard(entity.id)
            return
        folded = fold(entity.name)
        self.exact[(entity.type, fold(_LEADING.sub("", entity.name)))].remove(entity.id)
        self.full[(entity.type, folded)].remove(entity.id)
        words = folded.split()
        for n in range(1, len(words)):
            self.endings[(entity.type, " ".join(words[n:]))].remove(entity.id)

    def see_role(self, id: str, role: str) -> None:
        """A person seen with a role (people are found by name as read and role)."""
        name = self.name_of.get(id)
        if name is not None:
            self.roles[(name, fold(role))].add(id)


@dataclass(frozen=True, slots=True)
class Sighting:
    """One article's entity as the registry reads it: ``article`` is the article's key,
    ``day`` its published date, ``order`` what places the article among others of that day
    (a hash of its text, so that the order does not depend on how the article is named or
    in which order articles arrive)."""

    article: str
    day: str | None
    entity: Entity
    order: str = ""


def sightings(
    article: str, entities: Sequence[Entity], published: str | None = None, order: str = ""
) -> list[Sighting]:
    """The entities of one article the registry tracks: people, organizations and places,
    not the fragments of a title ("Finance" of "Finance Minister"); an organization with a
    person's role ("Kowalska, the finance minister") is a person."""
    fragments = title_fragments(entities)
    return [
        tracked(article, entity, published, order)
        for entity in entities
        if entity.type in _TRACKED and entity.name not in fragments
    ]


def tracked(article: str, entity: Entity, published: str | None, order: str) -> Sighting:
    """The sighting a tracked entity of an article makes (an organization with a person's
    role is a person); :func:`sightings` says which entities are tracked."""
    if entity.type == "ORG" and _person_roles(entity.roles):
        entity = entity.model_copy(update={"type": "PERSON"})
    day = published[:10] if published else None
    return Sighting(article=article, day=day, entity=entity, order=order)


def block_key(sighting: Sighting, names: NameMemo | None = None) -> str:
    """The block a sighting is resolved in: people by surname (and suffix), organizations and
    places by type and the last word of the name. Every join the registry makes is between
    sightings of one block (a person joins only someone of the same surname; an organization
    only one whose name, or a short form of it, ends with the same word), so blocks are
    resolved apart, in any order, on any machine. A person's name is read through ``names``
    when given (as :func:`build_registry` does), else through
    :func:`~quotewire.speakers.names.parse_person`; the key is the same."""
    entity = sighting.entity
    if entity.type == "PERSON":
        name = names.person(entity.name) if names is not None else parse_person(entity.name)
        if name is not None:
            return f"PERSON|{name.surname}|{name.suffix}"
        return f"PERSON||{_slug(entity.name)}"
    words = fold(_LEADING.sub("", entity.name)).split()
    return f"{entity.type}|{words[-1] if words else ''}"


def _sighting_order(sighting: Sighting) -> tuple[str, str, str, int, str]:
    local = re.search(r"(\d+)$", sighting.entity.id)
    return (
        sighting.day or "",
        sighting.order,
        sighting.article,
        int(local.group(1)) if local else 0,
        sighting.entity.id,
    )


def resolve_block(block: Iterable[Sighting], names: NameMemo | None = None) -> list[RegistryEntity]:
    """The registry entities of one block: its sightings registered in the order of their
    articles' dates (then their text hashes), whatever order they came in. Each distinct name
    is read once, in ``names`` (:func:`build_registry` hands the memo of the whole build) or
    in a memo of the block's own."""
    registry = Registry(names if names is not None else NameMemo())
    for sighting in sorted(block, key=_sighting_order):
        registry.register(sighting)
    return list(registry)


def unique_ids(
    block: str, entities: Sequence[RegistryEntity], taken: set[str]
) -> list[RegistryEntity]:
    """``entities`` of ``block`` with an id no other block took: an id already taken (two
    blocks whose names make the same slug, "AT&T" and "AT T") gets a suffix from a hash of
    the block's key, the same on every run and machine."""
    out = []
    for entity in entities:
        id = entity.id
        if id in taken:
            id = f"{entity.id}-{hashlib.sha1(block.encode('utf-8')).hexdigest()[:8]}"
            entity = entity.model_copy(update={"id": id})
        taken.add(id)
        out.append(entity)
    return out


def build_registry(all_sightings: Iterable[Sighting]) -> Registry:
    """The registry of a whole corpus at once: sightings grouped by :func:`block_key`, each
    block resolved by :func:`resolve_block`. The result does not depend on the order of the
    sightings (``quotewire spark`` runs the same two functions on a cluster). Each distinct
    name is read once, in a memo freed with the build (see
    :class:`~quotewire.speakers.names.NameMemo`)."""
    with _no_cycle_collection():
        names = NameMemo()
        blocks: dict[str, list[Sighting]] = defaultdict(list)
        for sighting in all_sightings:
            blocks[block_key(sighting, names)].append(sighting)
        taken: set[str] = set()
        entities: list[RegistryEntity] = []
        for key in sorted(blocks):
            entities += unique_ids(key, resolve_block(blocks[key], names), taken)
        return Registry.restore(entities)


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The garbage collector's cycle search paused: a build makes a million records and no
    cycle between them (every one is freed by its reference count), and each full collection
    would scan all the records made so far again (a million sightings, on one host: 66 s with
    the collector on, 49 s paused). It runs again as it was before, also after an error."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _match_person(
    entity: Entity,
    name: PersonName,
    groups: Sequence[tuple[PersonName, list[str]]],
    entities: dict[str, RegistryEntity],
    index: _Index,
    allowed: Callable[[str], bool],
    words: Callable[[str], Sequence[str]],
) -> tuple[str | None, str]:
    """The person ``entity`` (its name read as ``name``) joins, given the people of the same
    surname and suffix grouped by their name as read (``groups``, each group's ids in rank
    order; ``words`` gives a name's words, as :func:`~quotewire.speakers.names.name_words`):

    - a full name joins the one with the same given name and surname ("Donald J. Trump" and
      "Donald Trump"), else a compound surname written alone or in full ("De Blasio", "Bill de
      Blasio") when only one fits, else the only one known by the surname alone, when no one
      else fits;
    - initials join the only one whose given name they fit ("V. Putin"), or by role;
    - a surname alone joins the only person of that surname, or by role.
    """
    if not groups:
        return None, ""
    rank = index.rank.__getitem__
    surname = name.surname.title()
    if name.given:
        exact = [ids[0] for n, ids in groups if same_full_name(n, name)]
        if exact:
            first = entities[min(exact, key=rank)]
            if words(first.name) == words(entity.name):
                if bool(_CYRILLIC.search(first.name)) != bool(_CYRILLIC.search(entity.name)):
                    return first.id, f"same name in Latin letters as {first.name}"
                return first.id, "same name"
            return first.id, f"same given name and surname as {first.name}"
        # "De Blasio" and "Bill de Blasio": a surname of several words, alone, and the one
        # person known with it in full (or the reverse)
        compound = [
            ids for n, ids in groups if compound_surname(name, n) or compound_surname(n, name)
        ]
        if sum(map(len, compound)) == 1:
            shorter, fuller = sorted((entity.name, entities[compound[0][0]].name), key=len)
            return compound[0][0], f"surname {shorter} of {fuller}"
        # a person known only by the surname so far may be this one, if nobody else fits
        bare = [ids for n, ids in groups if n.bare]
        if sum(map(len, bare)) == 1 and not any(
            not n.bare and may_name(n, name) for n, _ in groups
        ):
            return bare[0][0], f"surname {surname} (known so far by the surname alone)"
        return None, ""
    if name.initials:  # "V. Putin"
        initial = name.first_letter
        fitting = [(n, ids) for n, ids in groups if n.first_letter == initial]
        if sum(len(ids) for _, ids in fitting) == 1 and not fitting[0][0].bare:
            found = entities[fitting[0][1][0]]
            return found.id, f"initial {initial.upper()}. fits {found.name}"
        return _by_role(entity, {n for n, _ in fitting}, entities, index, allowed)
    if sum(len(ids) for _, ids in groups) == 1:
        return groups[0][1][0], f"surname of the only {surname} known"
    return _by_role(entity, {n for n, _ in groups}, entities, index, allowed)


def _by_role(
    entity: Entity,
    names: set[PersonName],
    entities: dict[str, RegistryEntity],
    index: _Index,
    allowed: Callable[[str], bool],
) -> tuple[str | None, str]:
    """The one candidate (a person whose name, as read, is one of ``names``) seen with a role
    of ``entity``, with the evidence; the people are looked up by name and role, not the
    candidates one by one."""
    roles = {fold(r) for r in entity.roles}
    if not roles:
        return None, ""
    fitting: set[str] = set()
    for name in names:
        for role in roles:
            for id in index.roles.get((name, role), ()):
                if allowed(id):
                    fitting.add(id)
                    if len(fitting) > 1:  # (a common role: no need to count them all)
                        return None, ""
    if len(fitting) == 1:
        found = entities[next(iter(fitting))]
        shared = sorted(roles & {fold(r.role) for r in found.roles})[0]
        return found.id, f"role {shared!r} seen with only {found.name}"
    return None, ""


def _match_org(
    entity: Entity,
    entities: dict[str, RegistryEntity],
    index: _Index,
    allowed: Callable[[list[str]], list[str]],
) -> tuple[str | None, str]:
    """The organization or place ``entity`` joins: the same name (a leading article aside),
    else the only one whose name it is the end of ("the Commission" for "European
    Commission"), else the only one whose name is the end of its own."""
    key = fold(_LEADING.sub("", entity.name))
    exact = allowed(index.exact.get((entity.type, key), []))
    if exact:
        return exact[0], "same name"
    shorter = allowed(index.endings.get((entity.type, key), []))
    if len(shorter) == 1:
        return shorter[0], f"short form of {entities[shorter[0]].name}"
    words = key.split()
    longer = allowed(
        [
            id
            for n in range(1, len(words))
            for id in index.full.get((entity.type, " ".join(words[n:])), [])
        ]
    )
    if len(longer) == 1:
        return longer[0], f"{entities[longer[0]].name} is its short form"
    return None, ""


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _person_roles(roles: Sequence[str]) -> bool:
    return any(r.split() and r.split()[-1].lower() in PERSON_TITLES for r in roles)


def _see_role(entity: RegistryEntity, role: str, day: str | None) -> None:
    for seen in entity.roles:
        if fold(seen.role) == fold(role):
            if day and (seen.first_seen is None or day < seen.first_seen):
                seen.first_seen = day
            if day and (seen.last_seen is None or day > seen.last_seen):
                seen.last_seen = day
            return
    entity.roles.append(RoleSeen(role=role, first_seen=day, last_seen=day))


def _better_name(new: str, old: str) -> bool:
    """A fuller name replaces a shorter one ("Vladimir Putin" over "Putin"); an initial never
    replaces a given name."""
    new_words, old_words = new.split(), old.split()
    if new_words and _INITIAL.match(new_words[0]):
        return False
    return len(new_words) > len(old_words) or (
        bool(old_words) and _INITIAL.match(old_words[0]) is not None and len(new_words) >= 2
    )


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")
