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

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from quotewire.errors import NotFound, QuotewireError
from quotewire.model import Entity, Member, RegistryEntity, RoleSeen
from quotewire.speakers.names import (
    compound_surname,
    fold,
    may_name,
    name_words,
    parse_person,
    same_full_name,
)
from quotewire.speakers.titles import PERSON_TITLES, same_nation, title_fragments

_INITIAL = re.compile(r"^[A-Z]\.?$")
_LEADING = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_TITLE_STOP = frozenset({"the", "a", "an", "s", "his", "her", "its", "their", "of"})
_TRACKED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})


class Registry:
    """The cross-article registry. ``add`` registers an article's entities and returns, for
    each local entity id, the registry id it was joined to."""

    def __init__(self) -> None:
        self._entities: dict[str, RegistryEntity] = {}
        self._where: dict[tuple[str, str], str] = {}  # (article, local id) -> registry id
        self._apart: set[tuple[str, str, str]] = set()  # (registry id, article, local id)

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
        words = [w for w in re.findall(r"[a-z]+", fold(title)) if w not in _TITLE_STOP]
        if not words or words[-1] not in PERSON_TITLES:
            return None
        fitting = []
        for entity in self._entities.values():
            if entity.type != "PERSON":
                continue
            for seen in entity.roles:
                role_words = re.findall(r"[a-z]+", fold(seen.role))
                if all(
                    w in role_words or any(same_nation(w, r) for r in role_words) for w in words
                ):
                    fitting.append((entity, seen.role))
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
        if _better_name(entity.name, record.name):
            record.name = entity.name
        for role in entity.roles:
            _see_role(record, role, day)
        self._where[(article, entity.id)] = target
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
        return new

    # ---- matching -----------------------------------------------------------------------------
    def _match(self, article: str, entity: Entity) -> tuple[str | None, str]:
        candidates = [
            e
            for e in self._entities.values()
            if e.type == entity.type and (e.id, article, entity.id) not in self._apart
        ]
        if entity.type == "PERSON":
            return _match_person(entity, candidates)
        return _match_org(entity, candidates)

    def _create(self, entity: Entity) -> str:
        id = self._new_id(entity.type, entity.name)
        self._entities[id] = RegistryEntity(id=id, name=entity.name, type=entity.type)
        return id

    def _new_id(self, type: str, name: str) -> str:
        base = f"{type.lower()}:{_slug(name) or 'unnamed'}"
        id, n = base, 2
        while id in self._entities:
            id, n = f"{base}-{n}", n + 1
        return id


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
    day = published[:10] if published else None
    fragments = title_fragments(entities)
    found = []
    for entity in entities:
        if entity.type not in _TRACKED or entity.name in fragments:
            continue
        if entity.type == "ORG" and _person_roles(entity.roles):
            entity = entity.model_copy(update={"type": "PERSON"})
        found.append(Sighting(article=article, day=day, entity=entity, order=order))
    return found


def block_key(sighting: Sighting) -> str:
    """The block a sighting is resolved in: people by surname (and suffix), organizations and
    places by type and the last word of the name. Every join the registry makes is between
    sightings of one block (a person joins only someone of the same surname; an organization
    only one whose name, or a short form of it, ends with the same word), so blocks are
    resolved apart, in any order, on any machine."""
    entity = sighting.entity
    if entity.type == "PERSON":
        name = parse_person(entity.name)
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


def resolve_block(block: Iterable[Sighting]) -> list[RegistryEntity]:
    """The registry entities of one block: its sightings registered in the order of their
    articles' dates (then their text hashes), whatever order they came in."""
    registry = Registry()
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
    sightings (``quotewire spark`` runs the same two functions on a cluster)."""
    blocks: dict[str, list[Sighting]] = defaultdict(list)
    for sighting in all_sightings:
        blocks[block_key(sighting)].append(sighting)
    taken: set[str] = set()
    entities: list[RegistryEntity] = []
    for key in sorted(blocks):
        entities += unique_ids(key, resolve_block(blocks[key]), taken)
    return Registry.restore(entities)


def _match_person(entity: Entity, candidates: Sequence[RegistryEntity]) -> tuple[str | None, str]:
    name = parse_person(entity.name)
    if name is None:
        return None, ""
    read = [(c, parse_person(c.name)) for c in candidates]
    same_surname = [
        (c, n)
        for c, n in read
        if n is not None and (n.surname, n.suffix) == (name.surname, name.suffix)
    ]
    if not same_surname:
        return None, ""
    surname = name.surname.title()
    if name.given:
        exact = [c for c, n in same_surname if same_full_name(n, name)]
        if exact:
            if name_words(exact[0].name) == name_words(entity.name):
                return exact[0].id, "same name"
            return exact[0].id, f"same given name and surname as {exact[0].name}"
        # "De Blasio" and "Bill de Blasio": a surname of several words, alone, and the one
        # person known with it in full (or the reverse)
        compound = [
            c for c, n in same_surname if compound_surname(name, n) or compound_surname(n, name)
        ]
        if len(compound) == 1:
            shorter, fuller = sorted((entity.name, compound[0].name), key=len)
            return compound[0].id, f"surname {shorter} of {fuller}"
        # a person known only by the surname so far may be this one, if nobody else fits
        bare = [c for c, n in same_surname if n.bare]
        fitting = [c for c, n in same_surname if n.bare or may_name(n, name)]
        if len(bare) == 1 and len(fitting) == 1 and fitting[0] is bare[0]:
            return bare[0].id, f"surname {surname} (known so far by the surname alone)"
        return None, ""
    if name.initials:  # "V. Putin"
        initial = name.first_letter
        fitting = [c for c, n in same_surname if n.first_letter == initial]
        if len(fitting) == 1 and not parse_person(fitting[0].name).bare:  # type: ignore[union-attr]
            return fitting[0].id, f"initial {initial.upper()}. fits {fitting[0].name}"
        return _by_role(entity, fitting)
    if len(same_surname) == 1:
        return same_surname[0][0].id, f"surname of the only {surname} known"
    return _by_role(entity, [c for c, _ in same_surname])


def _by_role(entity: Entity, candidates: Sequence[RegistryEntity]) -> tuple[str | None, str]:
    roles = {fold(r) for r in entity.roles}
    if not roles:
        return None, ""
    fitting = [c for c in candidates if roles & {fold(r.role) for r in c.roles}]
    if len(fitting) == 1:
        shared = sorted(roles & {fold(r.role) for r in fitting[0].roles})[0]
        return fitting[0].id, f"role {shared!r} seen with only {fitting[0].name}"
    return None, ""


def _match_org(entity: Entity, candidates: Sequence[RegistryEntity]) -> tuple[str | None, str]:
    key = fold(_LEADING.sub("", entity.name))
    exact = [c for c in candidates if fold(_LEADING.sub("", c.name)) == key]
    if exact:
        return exact[0].id, "same name"
    shorter = [c for c in candidates if fold(c.name).endswith(" " + key)]
    if len(shorter) == 1:
        return shorter[0].id, f"short form of {shorter[0].name}"
    longer = [c for c in candidates if key.endswith(" " + fold(c.name))]
    if len(longer) == 1:
        return longer[0].id, f"{longer[0].name} is its short form"
    return None, ""


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
