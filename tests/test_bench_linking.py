"""``quotewire bench linking``: B-cubed on hand-made clusterings, the gold-person rule of the
PolNeAR README, and the command end to end on a small corpus of our own in PolNeAR's format."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pytest

from quotewire.bench.linking import (
    Item,
    Person,
    StoredArticle,
    StoredQuote,
    article_items,
    bcubed,
    expanded_person,
    gold_people,
    linking_report,
    merges,
    person_key,
    splits,
)
from quotewire.bench.metrics import name_tokens
from quotewire.bench.polnear import GoldArticle, GoldAttribution
from quotewire.cli import main
from quotewire.store import open_store

ANNA, BEN, CARL = Person("anna", "lind"), Person("ben", "ortiz"), Person("carl", "lind")


def item(n: int, person: Person, entity: str | None) -> Item:
    """Item ``n`` (its own quote) of ``person``, under registry id ``entity`` (None: unlinked)."""
    return Item(
        article="a1",
        quote=f"q{n}",
        person=person,
        entity=entity,
        entity_name=None if entity is None else entity.split(":")[1].title(),
    )


# --------------------------------------------------------------------------- B-cubed by hand


def test_perfect_clustering_scores_one() -> None:
    items = [item(1, ANNA, "p:anna"), item(2, ANNA, "p:anna"), item(3, BEN, "p:ben")]
    scores = bcubed(items)
    assert (scores.items, scores.precision, scores.recall, scores.f1) == (3, 1.0, 1.0, 1.0)
    assert merges(items) == [] and splits(items) == []


def test_one_merge_costs_precision_only() -> None:
    # one id holds Anna twice and Carl once: Anna's items score 2/3 each, Carl's 1/3
    items = [item(1, ANNA, "p:lind"), item(2, ANNA, "p:lind"), item(3, CARL, "p:lind")]
    scores = bcubed(items)
    assert scores.precision == pytest.approx(5 / 9)  # (2/3 + 2/3 + 1/3) / 3
    assert scores.recall == 1.0
    assert scores.f1 == pytest.approx(5 / 7)  # 2 * 5/9 / (5/9 + 1)
    [merge] = merges(items)
    assert merge.entity == "p:lind" and merge.name == "Lind"
    assert [(s.person, s.items) for s in merge.people] == [(ANNA, 2), (CARL, 1)]
    assert merge.cost == pytest.approx(1 - 5 / 9)
    assert splits(items) == []


def test_one_split_costs_recall_only() -> None:
    # Anna over two ids, two items and one: 2/3, 2/3, 1/3; Ben alone is whole
    items = [
        item(1, ANNA, "p:anna"),
        item(2, ANNA, "p:anna"),
        item(3, ANNA, "p:lind"),
        item(4, BEN, "p:ben"),
    ]
    scores = bcubed(items)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1) / 4)
    [split] = splits(items)
    assert split.person == ANNA
    assert [(e.entity, e.items) for e in split.entities] == [("p:anna", 2), ("p:lind", 1)]
    assert split.cost == pytest.approx(1 - scores.recall)
    assert merges(items) == []


def test_unlinked_items_are_clusters_of_their_own() -> None:
    # Anna: two items under one id, two unlinked (one cluster each): 2/4, 2/4, 1/4, 1/4;
    # Ben's unlinked item is never merged with Anna's
    items = [
        item(1, ANNA, "p:anna"),
        item(2, ANNA, "p:anna"),
        item(3, ANNA, None),
        item(4, ANNA, None),
        item(5, BEN, None),
    ]
    scores = bcubed(items)
    assert scores.precision == 1.0
    assert scores.recall == pytest.approx((0.5 + 0.5 + 0.25 + 0.25 + 1) / 5)
    assert len({i.cluster for i in items}) == 4
    [split] = splits(items)
    assert [(e.entity, e.items) for e in split.entities] == [("p:anna", 2), (None, 2)]
    assert split.cost == pytest.approx(1 - scores.recall)
    assert merges(items) == []


def test_costs_add_up_and_the_worst_comes_first() -> None:
    items = [
        *(item(n, ANNA, "p:lind") for n in range(4)),
        item(4, CARL, "p:lind"),  # small merge
        item(5, BEN, "p:ben"),
        item(6, BEN, "p:ben"),
        item(7, BEN, "p:ortiz"),
        item(8, BEN, "p:ortiz"),  # even split: the costliest
        item(9, CARL, "p:carl"),
    ]
    scores = bcubed(items)
    found_merges, found_splits = merges(items), splits(items)
    assert sum(m.cost for m in found_merges) == pytest.approx(1 - scores.precision)
    assert sum(s.cost for s in found_splits) == pytest.approx(1 - scores.recall)
    assert [s.person for s in found_splits] == [BEN, CARL]  # 1/5 lost, then 1/10
    assert found_splits[0].cost == pytest.approx(2 / 10)
    assert found_splits[1].cost == pytest.approx(1 / 10)


def test_no_items_score_zero() -> None:
    scores = bcubed([])
    assert (scores.items, scores.precision, scores.recall, scores.f1) == (0, 0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- gold people


@pytest.mark.parametrize(
    ("name", "person"),
    [
        ("House Speaker Paul Ryan", Person("paul", "ryan")),  # the README's examples
        ("Donald J. Trump", Person("donald", "trump")),
        ("Donald Trump Jr.", Person("donald", "trump")),  # Jr./Sr./II dropped
        ("Joseph R. Biden Jr.", Person("joseph", "biden")),
        ("Sen. Elizabeth Warren", Person("elizabeth", "warren")),
        ("Clinton's", None),  # one token: no given name
        ("J. Trump", None),  # no token before the surname longer than one letter
        ("he", None),
    ],
)
def test_person_key_follows_the_readme(name: str, person: Person | None) -> None:
    assert person_key(name) == person


def tokens(*names: str) -> list[list[str]]:
    return [name_tokens(n) for n in names]


def test_a_surname_takes_the_fullest_name_in_its_article() -> None:
    names = tokens("Ryan", "Paul Ryan", "House Speaker Paul Ryan")
    assert expanded_person(name_tokens("Ryan"), names) == Person("paul", "ryan")
    assert expanded_person(name_tokens("P. Ryan"), names) == Person("paul", "ryan")
    assert expanded_person(name_tokens("Obama"), tokens("Obama")) is None  # no fuller name


def test_a_full_name_is_never_expanded_into_someone_elses() -> None:
    names = tokens("Bill Clinton", "Democrat Hillary Clinton", "Hillary Clinton")
    assert expanded_person(name_tokens("Bill Clinton"), names) == Person("bill", "clinton")
    assert expanded_person(name_tokens("Hillary Clinton"), names) == Person("hillary", "clinton")
    # the fullest name a bare surname fits decides, even among two people
    assert expanded_person(name_tokens("Clinton"), names) == Person("hillary", "clinton")


def test_a_surname_shared_by_two_fullest_names_is_no_item() -> None:
    names = tokens("Bill Clinton", "Hillary Clinton", "Clinton")
    assert expanded_person(name_tokens("Clinton"), names) is None
    # two spellings of one person are one person
    names = tokens("Crooked Hillary Clinton", "Democrat Hillary Clinton", "Clinton")
    assert expanded_person(name_tokens("Clinton"), names) == Person("hillary", "clinton")


def attribution(text: str, content: str, name: str | None, kind: str = "name") -> GoldAttribution:
    start = text.index(content)
    return GoldAttribution(
        id=content[:8],
        content=((start, start + len(content)),),
        cue=(),
        sources=(),
        source_name=name,
        source_kind="name" if kind == "name" else "pronoun",
        quote_kind="indirect",
        speech_cue=True,
    )


SMALL = (
    "Ryan said the vote would be close. Paul Ryan said the bill had support. "
    "He said talks went on. Mills said nothing had been decided."
)


def small_article() -> GoldArticle:
    return GoldArticle(
        id="a1",
        publisher="p",
        published="2024-01-01",
        title="t",
        text=SMALL,
        attributions=(
            attribution(SMALL, "the vote would be close", "Ryan"),
            attribution(SMALL, "the bill had support", "Paul Ryan"),
            attribution(SMALL, "talks went on", "he", kind="pronoun"),
            attribution(SMALL, "nothing had been decided", "Mills"),
        ),
    )


def test_gold_people_of_an_article() -> None:
    # the bare "Ryan" expands; a pronoun and a surname with no fuller name are no person
    assert gold_people(small_article()) == {0: Person("paul", "ryan"), 1: Person("paul", "ryan")}


def quote(id: str, content: str, entity: str | None) -> StoredQuote:
    start = SMALL.index(content)
    return StoredQuote(id=id, content=((start, start + len(content)),), entity=entity)


def test_items_are_quotes_matched_at_one_half_to_a_named_person() -> None:
    quotes = [
        quote("q1", "the vote would be close", "p:ryan"),  # item
        quote("q2", "bill", "p:ryan"),  # overlaps "the bill had support" below one half
        quote("q3", "talks went on", "p:ryan"),  # matched, but gold names nobody
        quote("q4", "nothing had been decided", None),  # gold "Mills" has no fuller name
    ]
    items = article_items(small_article(), quotes)
    assert [(i.quote, i.person, i.entity) for i in items] == [
        ("q1", Person("paul", "ryan"), "p:ryan")
    ]
    report = linking_report([StoredArticle(gold=small_article(), quotes=tuple(quotes))])
    assert (report.gold_named, report.scores.items, report.gold_clusters) == (2, 1, 1)


# --------------------------------------------------------------------------- end to end


@dataclass(frozen=True)
class Said:
    """A gold attribution written by hand: its pieces, found in the article's text."""

    content: str
    cue: str | None
    source: str | None
    name: str | None
    kind: str = "direct"


@dataclass(frozen=True)
class Story:
    id: str
    publisher: str
    published: str
    text: str
    said: tuple[Said, ...]


# Four short articles of our own. The gold names two of the quotes wrongly on purpose: Jonas
# Vik's last quote is "Anna Vik"'s (so person:jonas-vik holds two people: a merge) and Piotr
# Nowak's is "Maria Kowalska"'s (so she is spread over two ids: a split).
STORIES = (
    Story(
        "harbour-1",
        "gazette",
        "2024-03-02",
        "Harbour plan wins backing\n\n"
        '"The new quay will be finished by autumn," Maria Kowalska said on Monday.\n\n'
        "Jonas Vik, the harbour master, said the dredging would start in April.\n",
        (
            Said(
                '"The new quay will be finished by autumn,"',
                "said",
                "Maria Kowalska",
                "Maria Kowalska",
            ),
            Said("the dredging would start in April", "said", "Jonas Vik", "Jonas Vik", "indirect"),
        ),
    ),
    Story(
        "harbour-2",
        "herald",
        "2024-03-09",
        "Ferry fares to stay flat\n\n"
        '"Fares will not rise this year," Jonas Vik told reporters on Saturday.\n\n'
        "Maria Kowalska said the council had set aside money for two new ferries. "
        "Kowalska added that the ferries would run on electricity.\n\n"
        "The quay has cost four million euros so far.\n",
        (
            Said('"Fares will not rise this year,"', "told", "Jonas Vik", "Jonas Vik"),
            Said(
                "the council had set aside money for two new ferries",
                "said",
                "Maria Kowalska",
                "Maria Kowalska",
                "indirect",
            ),
            Said(
                "the ferries would run on electricity", "added", "Kowalska", "Kowalska", "indirect"
            ),
            # an attribution quotewire has no reason to find: it names a person, is no item
            Said(
                "The quay has cost four million euros so far.",
                None,
                None,
                "Maria Kowalska",
                "indirect",
            ),
        ),
    ),
    Story(
        "harbour-3",
        "gazette",
        "2024-03-16",
        "Council approves harbour budget\n\n"
        '"We kept every promise we made," Maria Kowalska said after the vote.\n\n'
        '"The harbour is ready for larger ships," Jonas Vik said.\n',
        (
            Said('"We kept every promise we made,"', "said", "Maria Kowalska", "Maria Kowalska"),
            Said('"The harbour is ready for larger ships,"', "said", "Jonas Vik", "Anna Vik"),
        ),
    ),
    Story(
        "harbour-4",
        "herald",
        "2024-03-23",
        "Fishermen wary of new quay\n\n"
        '"Nobody asked us where the boats should go," Piotr Nowak said on the pier.\n\n'
        "Ellis said the fish market would stay open during the works.\n",
        (
            Said(
                '"Nobody asked us where the boats should go,"',
                "said",
                "Piotr Nowak",
                "Maria Kowalska",
            ),
            # a bare surname with no fuller name in its article: no item
            Said(
                "the fish market would stay open during the works",
                "said",
                "Ellis",
                "Ellis",
                "indirect",
            ),
        ),
    ),
)


def _span(text: str, piece: str | None) -> list[list[int]]:
    if piece is None:
        return []
    start = text.index(piece)
    return [[start, start + len(piece)]]


def write_corpus(path: Path, stories: tuple[Story, ...] = STORIES) -> Path:
    """The stories as a PolNeAR-format JSONL file."""
    lines = []
    for story in stories:
        attributions = [
            {
                "id": f"{story.id}-{n}",
                "content": _span(story.text, s.content),
                "cue": _span(story.text, s.cue),
                "sources": _span(story.text, s.source),
                "content_text": s.content,
                "cue_text": s.cue or "",
                "source_text": s.source or "",
                "source_kind": "name" if s.source else None,
                "source_name": s.name,
                "quote_kind": s.kind,
                "speech_cue": s.cue is not None,
            }
            for n, s in enumerate(story.said)
        ]
        record = {
            "id": story.id,
            "publisher": story.publisher,
            "published": story.published,
            "title": story.text.split("\n")[0],
            "author": "",
            "text": story.text,
            "attributions": attributions,
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bench_linking_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus, db = write_corpus(tmp_path / "harbour.jsonl"), tmp_path / "linking.db"
    code = main(["bench", "linking", "--corpus", str(corpus), "--db", str(db), "--json"])
    out = capsys.readouterr().out
    assert code == 0
    report = json.loads(out)
    # items: the eight quotes matched to gold naming a person (Kowalska's bare "Kowalska" too)
    # clusters: jonas-vik {jonas vik 2, anna vik 1}, maria-kowalska {maria kowalska 4},
    # piotr-nowak {maria kowalska 1}
    # precision: (4 * 1 + 2 * 2/3 + 1/3 + 1) / 8 = 5/6; recall: (4 * 4/5 + 1/5 + 2 + 1) / 8 = 4/5
    assert (report["articles"], report["gold_named"], report["items"]) == (4, 9, 8)
    assert report["failed"] == []
    assert (report["gold_clusters"], report["predicted_clusters"], report["unlinked"]) == (3, 3, 0)
    assert report["precision"] == round(5 / 6, 4)
    assert report["recall"] == 0.8
    assert report["f1"] == round(40 / 49, 4)
    assert report["merges"] == 1 and report["splits"] == 1
    assert report["worst_merges"] == [
        {
            "id": "person:jonas-vik",
            "name": "Jonas Vik",
            "items": 3,
            "precision_cost": round(1 / 6, 4),
            "people": [{"person": "jonas vik", "items": 2}, {"person": "anna vik", "items": 1}],
        }
    ]
    assert report["worst_splits"] == [
        {
            "person": "maria kowalska",
            "items": 5,
            "recall_cost": 0.2,
            "ids": [
                {"id": "person:maria-kowalska", "name": "Maria Kowalska", "items": 4},
                {"id": "person:piotr-nowak", "name": "Piotr Nowak", "items": 1},
            ],
        }
    ]
    # the store holds the articles as `quotewire ingest` keeps them, in the file's order, with
    # their dates and publishers
    with open_store(db, read_only=True) as store:
        stored = [(r.id, r.article.published, r.article.publisher) for _, r in store.results()]
    assert stored == [(s.id, s.published, s.publisher) for s in STORIES]

    # the same store again is refused: the measure needs a fresh one
    code = main(["bench", "linking", "--corpus", str(corpus), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "holds 4 articles" in err

    # the table, with the worst lists cut to one (a temporary store this time)
    code = main(["bench", "linking", "--corpus", str(corpus), "--worst", "1"])
    table = capsys.readouterr().out
    assert code == 0
    assert "precision 0.833   recall 0.800   F1 0.816" in table
    assert "person:jonas-vik (Jonas Vik): jonas vik 2, anna vik 1" in table
    assert "maria kowalska: person:maria-kowalska (Maria Kowalska) 4, person:piotr-nowak" in table


def test_an_article_that_fails_is_named_and_scored_without_quotes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    greek = Story(  # (a script quotewire does not read: the article fails)
        "harbour-el",
        "vestnik",
        "2024-03-30",
        "Το λιμάνι είναι έτοιμο\n\n«Το λιμάνι είναι έτοιμο», είπε ο Γιόνας Βικ.\n",
        (Said("«Το λιμάνι είναι έτοιμο»", "είπε", "Γιόνας Βικ", "Jonas Vik"),),
    )
    corpus = write_corpus(tmp_path / "mixed.jsonl", (*STORIES, greek))
    code = main(["bench", "linking", "--corpus", str(corpus), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "quotewire: skipped" in captured.err and "harbour-el" in captured.err
    report = json.loads(captured.out)
    assert report["articles"] == 5 and len(report["failed"]) == 1
    assert "harbour-el" in report["failed"][0]
    assert (report["gold_named"], report["items"]) == (10, 8)  # its one gold item is missed


def test_missing_corpus_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "never.db"
    code = main(["bench", "linking", "--corpus", str(tmp_path / "nope.jsonl"), "--db", str(db)])
    err = capsys.readouterr().err
    assert code == 2
    assert err == f"quotewire: error: {tmp_path / 'nope.jsonl'}: no such corpus file\n"
    assert not db.exists()  # nothing is created before the corpus is read
