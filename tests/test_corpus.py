"""Speakers and claims across articles: the registry, the claim timelines, ``quotewire claims``.

The corpus in tests/data/corpus (described in tests/data/corpus-README.md) holds nine short
articles of our own: a finance minister and an opposition lawmaker who share a surname, a
central bank governor named in full, by an initial, by surname and by title only, and a
deficit figure that changes for the same year.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import quotewire
from quotewire.errors import QuotewireError
from quotewire.model import Entity, Mention
from quotewire.speakers.registry import Registry

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module")
def corpus() -> quotewire.Corpus:
    results = []
    for path in sorted(CORPUS.glob("*.txt")):
        result = quotewire.extract(path.read_text(encoding="utf-8"))
        results.append((result.article.published or "", path.name, result))
    built = quotewire.Corpus()
    for _, key, result in sorted(results, key=lambda r: (r[0], r[1])):
        built.add(result, key=key)
    return built


def _person(name: str, id: str = "e1", roles: tuple[str, ...] = ()) -> Entity:
    return Entity(
        id=id,
        name=name,
        type="PERSON",
        roles=list(roles),
        mentions=[Mention(start=0, end=len(name), text=name, kind="name")],
    )


# ---- the registry on its own ---------------------------------------------------------------
def test_full_name_surname_and_initial_join_one_entity_with_their_evidence() -> None:
    registry = Registry()
    first = registry.add(
        "a1", [_person("Vladimir Putin", roles=("Russian President",))], "2025-01-10"
    )
    second = registry.add("a2", [_person("Putin")], "2025-02-11")
    third = registry.add("a3", [_person("V. Putin")], "2025-03-12")
    assert first["e1"] == second["e1"] == third["e1"] == "person:vladimir-putin"
    evidence = registry.explain("person:vladimir-putin")
    assert "first seen" in evidence[0]
    assert "surname" in evidence[1] and "initial V." in evidence[2]
    role = registry.get("person:vladimir-putin").roles[0]
    assert (role.role, role.first_seen, role.last_seen) == (
        "Russian President",
        "2025-01-10",
        "2025-01-10",
    )


def test_two_people_sharing_a_surname_stay_apart_without_evidence() -> None:
    registry = Registry()
    registry.add("a1", [_person("Maria Kowalska", roles=("Finance Minister",))], "2025-03-12")
    registry.add("a2", [_person("Anna Kowalska", roles=("opposition lawmaker",))], "2025-06-09")
    assert len(registry) == 2
    bare = registry.add("a3", [_person("Kowalska")], "2025-07-01")
    assert bare["e1"] not in ("person:maria-kowalska", "person:anna-kowalska")
    titled = registry.add("a4", [_person("Kowalska", roles=("Finance Minister",))], "2025-08-01")
    assert titled["e1"] == "person:maria-kowalska"
    assert "role 'finance minister'" in registry.explain("person:maria-kowalska")[-1]


def test_a_join_can_be_undone_and_is_not_redone() -> None:
    registry = Registry()
    registry.add("a1", [_person("John Smith")])
    registry.add("a2", [_person("Smith")])
    assert len(registry) == 1
    split = registry.split("person:john-smith", "a2", "e1")
    assert split.id != "person:john-smith" and split.name == "Smith"
    assert registry.entity_of("a2", "e1") is split
    assert [m.article for m in registry.get("person:john-smith").members] == ["a1"]
    kept = registry.merge("person:john-smith", split.id)
    assert len(registry) == 1 and "manual" in registry.explain(kept.id)[-1]
    with pytest.raises(QuotewireError, match="not a member"):
        registry.split("person:john-smith", "a9", "e1")


def test_organizations_join_by_name_and_short_form() -> None:
    registry = Registry()
    org = Entity(id="e1", name="European Commission", type="ORG")
    short = Entity(id="e2", name="Commission", type="ORG")
    other = Entity(id="e3", name="Statistics Poland", type="ORG")
    joined = registry.add("a1", [org, short, other])
    assert joined["e1"] == joined["e2"] == "org:european-commission"
    assert joined["e3"] == "org:statistics-poland"
    assert "short form of European Commission" in registry.explain("org:european-commission")[1]


# ---- the corpus of articles ----------------------------------------------------------------
def test_the_registry_of_the_test_corpus(corpus: quotewire.Corpus) -> None:
    people = {e.name: e for e in corpus.registry if e.type == "PERSON"}
    assert {"Maria Kowalska", "Anna Kowalska", "Henrik Lund"} <= set(people)
    maria, anna, lund = people["Maria Kowalska"], people["Anna Kowalska"], people["Henrik Lund"]
    assert maria.id != anna.id
    # Maria: full name in three articles, "Kowalska, the finance minister" in the fourth
    assert maria.articles() == [
        "01-kowalska-march.txt",
        "03-kowalska-june.txt",
        "05-kowalska-october.txt",
        "08-kowalska-december.txt",
    ]
    assert anna.articles() == ["03-kowalska-june.txt", "05-kowalska-october.txt"]
    # Lund: three articles by full name, one by "H. Lund"
    assert "07-lund-december.txt" in lund.articles() and "H. Lund" in lund.aliases
    roles = {r.role: (r.first_seen, r.last_seen) for r in maria.roles}
    assert roles["Finance Minister"][0] == "2025-03-12"
    commission = corpus.entity("European Commission")
    assert {"01-kowalska-march.txt", "04-lund-july.txt"} <= set(commission.articles())
    # "A Kowalska, not otherwise identified" joins neither Kowalska
    stray = corpus.registry.entity_of("09-denmark-january.txt", "e1")
    assert stray is not None and stray.id not in (maria.id, anna.id)


def test_the_deficit_timeline_flags_the_changed_figure(corpus: quotewire.Corpus) -> None:
    groups = corpus.claims(speaker="Maria Kowalska", measure="deficit")
    assert len(groups) == 1
    group = groups[0]
    assert group.claimant == "person:maria-kowalska" and group.unit == "percent"
    timeline = [(e.article, e.when, e.claim.comparator, e.claim.value) for e in group.entries]
    assert timeline == [
        ("01-kowalska-march.txt", "2025", "<", 3.2),
        ("03-kowalska-june.txt", "2025", "=", 3.6),
        ("05-kowalska-october.txt", "2026", "=", 2.9),
        ("08-kowalska-december.txt", "2026", "=", 3.0),
    ]
    flags = [(f.kind, f.earlier, f.entry) for f in group.flags]
    # 3.6 against "below 3.2" for 2025, and 3.0 against 2.9 for 2026; the move from the
    # 2025 figure to the 2026 one is a change, not a contradiction
    assert flags == [("contradiction", 0, 1), ("change", 1, 2), ("contradiction", 2, 3)]
    assert "3.6 percent for 2025" in group.flags[0].note


def test_consistent_figures_and_other_periods_are_not_contradictions(
    corpus: quotewire.Corpus,
) -> None:
    growth = corpus.claims(speaker="Maria Kowalska", measure="economy")
    assert len(growth) == 1 and [e.claim.value for e in growth[0].entries] == [3.0, 3.0]
    assert growth[0].flags == []
    inflation = corpus.claims(speaker="Lund", measure="inflation")
    assert len(inflation) == 1
    entries = inflation[0].entries
    assert [e.claim.value for e in entries[:3]] == [1.9, 2.3, 2.1]
    assert {f.kind for f in inflation[0].flags} == {"change"}
    # "Denmark's central bank governor", never named in that article, is Lund by his role
    assert "09-denmark-january.txt" in [e.article for e in entries]


def test_narrator_figures_belong_to_no_one(corpus: quotewire.Corpus) -> None:
    people = {e.id for e in corpus.registry if e.type == "PERSON"}
    narrator = [g for g in corpus.claims() if g.claimant is None]
    assert narrator, "the exchange rates are the narrator's"
    assert all(g.claimant_name == "narrator" for g in narrator)
    lund = corpus.claims(speaker="Henrik Lund")
    assert all(g.claimant in people for g in lund)
    assert not any(e.claim.value == 7.46 for g in lund for e in g.entries)


def test_a_speaker_that_is_not_there_is_a_clear_error(corpus: quotewire.Corpus) -> None:
    with pytest.raises(QuotewireError, match="no speaker matches 'Nobody'"):
        corpus.entity("Nobody")
    with pytest.raises(QuotewireError, match="fits several"):
        corpus.entity("Kowalska")
    with pytest.raises(QuotewireError, match="already in the corpus"):
        corpus.add(next(iter(corpus.results.values())), key="01-kowalska-march.txt")


# ---- the command ---------------------------------------------------------------------------
def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", *args], capture_output=True, text=True, timeout=300
    )


def test_claims_command_prints_timelines_and_flags() -> None:
    run = _run("claims", str(CORPUS), "--speaker", "Maria Kowalska", "--measure", "deficit")
    assert run.returncode == 0, run.stderr
    assert "Maria Kowalska · budget deficit · percent" in run.stdout
    lines = run.stdout.splitlines()
    header = lines.index("Maria Kowalska · budget deficit · percent") + 1
    assert lines[header].split() == ["PUBLISHED", "PERIOD", "VALUE", "FIGURE", "ARTICLE", "FLAG"]
    assert "CONTRADICTION" in run.stdout and "  below 3.2%  " in run.stdout
    assert "Anna Kowalska" not in run.stdout


def test_claims_command_json_and_bad_inputs(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(
        (CORPUS / "02-lund-march.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    run = _run("claims", str(tmp_path), "--format", "json")
    assert run.returncode == 1
    assert "empty.txt" in run.stderr and "Traceback" not in run.stderr
    payload = json.loads(run.stdout)
    assert payload["articles"] == 1
    assert any(e["name"] == "Henrik Lund" for e in payload["registry"])
    values = [e["claim"]["value"] for g in payload["groups"] for e in g["entries"]]
    assert 1.9 in values
    missing = _run("claims", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "nope.txt" in missing.stderr
    assert "Traceback" not in missing.stderr
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    mixed = _run("claims", str(tmp_path / "good.txt"), str(tmp_path / "binary.txt"))
    assert mixed.returncode == 1 and "binary.txt" in mixed.stderr
    assert "Henrik Lund" in mixed.stdout
    unknown = _run("claims", str(tmp_path), "--speaker", "Nobody")
    assert unknown.returncode == 2 and "no speaker matches" in unknown.stderr


def test_the_registry_does_not_depend_on_the_order_articles_come_in(
    corpus: quotewire.Corpus,
) -> None:
    """Blocks by surname and organization name, each resolved in date order: the same
    registry, ids, joins and evidence, whatever order the articles are added in, and the same
    as build_registry over the sightings shuffled (what `quotewire spark` runs per block)."""
    import random

    from quotewire.corpus import article_order
    from quotewire.speakers.registry import build_registry, sightings

    reversed_corpus = quotewire.Corpus()
    for key, result in reversed(list(corpus.results.items())):
        reversed_corpus.add(result, key=key)
    ours = [e.model_dump_json() for e in corpus.registry]
    assert [e.model_dump_json() for e in reversed_corpus.registry] == ours
    timelines = [g.model_dump_json() for g in corpus.claims()]
    assert [g.model_dump_json() for g in reversed_corpus.claims()] == timelines
    seen = [
        s
        for key, result in corpus.results.items()
        for s in sightings(key, result.entities, result.article.published, article_order(result))
    ]
    random.Random(7).shuffle(seen)
    assert [e.model_dump_json() for e in build_registry(seen)] == ours
    # the Kowalskas stay two people whichever comes first
    kowalskas = [e for e in corpus.registry if e.name.endswith("Kowalska") and e.type == "PERSON"]
    assert len(kowalskas) == 2
