"""The steps across articles that ``quotewire spark`` runs on its workers, as pure functions
(their results inside a Spark job are checked against the single-machine corpus in
test_spark.py)."""

from __future__ import annotations

from quotewire.model import Member, RegistryEntity, RoleSeen
from quotewire.scale.across import (
    MEMBER,
    PERSON,
    REGISTRY_ROW,
    member_key,
    registry_parts,
    title_key,
    titled_people,
)


def _person(id: str, name: str, *roles: str) -> RegistryEntity:
    return RegistryEntity(
        id=id,
        name=name,
        type="PERSON",
        roles=[RoleSeen(role=r, first_seen="2026-01-01", last_seen="2026-01-01") for r in roles],
        members=[Member(article="a1", entity="e2", name=name, evidence="first seen")],
    )


LUND = _person("person:henrik-lund", "Henrik Lund", "Danish central bank Governor")
THEDEEN = _person("person:erik-thedeen", "Erik Thedeen", "Swedish central bank Governor")
KOWALSKA = _person("person:maria-kowalska", "Maria Kowalska", "Finance Minister")


def _people_under(key: str, *people: RegistryEntity) -> list[RegistryEntity]:
    """What the title look-up's shuffle brings together under one nation key."""
    parts = [value for entity in people for tag, value in registry_parts(entity) if tag == PERSON]
    return [person for k, person in parts if k == key]


def test_a_title_meets_the_people_it_may_fit_under_one_key() -> None:
    title = "Denmark's central bank governor"
    (key,) = title_key(title)
    assert title_key("Henrik Lund") == [] and title_key("the bank") == []
    under = _people_under(key, LUND, THEDEEN, KOWALSKA)
    assert sorted(p.id for p in under) == [THEDEEN.id, LUND.id]
    assert all(p.members == [] for p in under)  # people travel without their members
    assert titled_people([title, title], under) == [(title, (LUND.id, LUND.name))]
    # a title two people fit files under neither; a name that is no title under nobody
    assert titled_people(["the central bank governor", "Henrik Lund"], under) == []


def test_registry_parts_carry_the_row_the_members_and_the_person() -> None:
    parts = list(registry_parts(LUND))
    tags = [tag for tag, _ in parts]
    assert tags.count(REGISTRY_ROW) == 1 and tags.count(MEMBER) == 1
    row = next(value for tag, value in parts if tag == REGISTRY_ROW)
    assert (row.id, row.mentions) == (LUND.id, 1)
    member = next(value for tag, value in parts if tag == MEMBER)
    assert member == (member_key("a1", "e2"), (LUND.id, LUND.name))
    assert member_key("a1", "e2") != member_key("a1", None) != member_key("a1e2", None)
    organization = LUND.model_copy(update={"type": "ORG", "id": "org:x"})
    assert PERSON not in [tag for tag, _ in registry_parts(organization)]
