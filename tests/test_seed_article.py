"""The sample article quotewire was specified from comes out as the analyst's expected.json says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quotewire
from quotewire.model import Quote, Result


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[Result, dict[str, Any]]:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    expected = json.loads((shared / "seed" / "expected.json").read_text(encoding="utf-8"))
    return quotewire.extract(text), expected


def _find(result: Result, snippet: str) -> list[Quote]:
    return [q for q in result.quotes if any(snippet in c.text for c in q.content)]


def test_every_expected_statement_is_found_with_type_speaker_and_cue(seed: Any) -> None:
    result, expected = seed
    assert len(expected["quotes"]) == 11
    for gold in expected["quotes"]:
        matches = [q for q in _find(result, gold["contains"]) if q.type == gold["type"]]
        assert matches, f"{gold['id']}: no {gold['type']} quote contains {gold['contains']!r}"
        quote = matches[0]
        assert quote.speaker is not None and quote.speaker.name == gold["speaker"], gold["id"]
        assert quote.speaker.mention is not None
        assert quote.speaker.mention.text.lower() == gold["speaker_mention"].lower(), gold["id"]
        assert quote.cue is not None and quote.cue.text == gold["cue"], gold["id"]


def test_statements_beyond_the_expected_ones_are_marked_unsure(seed: Any) -> None:
    result, expected = seed
    snippets = [g["contains"] for g in expected["quotes"]]
    found = [q for q in result.quotes if any(s in q.text for s in snippets)]
    extra = [q for q in result.quotes if q not in found]
    assert len(found) == len(snippets)
    assert all(q.confidence >= 0.75 for q in found)
    assert all(q.confidence < 0.75 for q in extra), [(q.text, q.confidence) for q in extra]


def test_editorial_note_nested_source_and_addressee(seed: Any) -> None:
    result, expected = seed
    by_id = {g["id"]: g for g in expected["quotes"]}
    trade = _find(result, by_id["trade"]["contains"])[0]
    assert [i.text for i in trade.insertions] == [by_id["trade"]["editorial_insertion"]]
    assert all("BELTA note" not in c.text for c in trade.content)
    electricity = _find(result, by_id["electricity"]["contains"])[0]
    assert [s.name for s in electricity.according_to] == ["Belarusian data"]
    thanks = _find(result, by_id["thanks"]["contains"])[0]
    assert thanks.addressee is not None and thanks.addressee.name == by_id["thanks"]["addressee"]
    lede = next(q for q in _find(result, by_id["lede"]["contains"]) if q.type == "indirect")
    assert [s.name for s in lede.according_to] == ["BelTA"]


def test_article_metadata(seed: Any) -> None:
    result, expected = seed
    article = result.article
    gold = expected["article"]
    assert article.title == gold["title"]
    assert article.dateline is not None
    assert (article.dateline.start, article.dateline.text) == (
        gold["dateline"]["start"],
        gold["dateline"]["text"],
    )
    assert article.published == "2025-09-26T10:52:00"
    assert article.published_inferred is True
    assert article.credited_source is not None and article.credited_source.name == "BelTA"
    assert article.photo_credit is not None and article.photo_credit.name == gold["photo_credit"]
    assert sorted(d.text for d in article.debris) == sorted(gold["boilerplate_lines"])
    assert {d.kind for d in article.debris} == {"photo_credit", "share"}
    assert article.text == (
        Path(__file__).resolve().parents[2] / "shared/seed/article.txt"
    ).read_text(encoding="utf-8"), "quotewire never rewrites its input"


def test_reference_date_supplies_the_year(shared: Path) -> None:
    text = (shared / "seed" / "article.txt").read_text(encoding="utf-8")
    result = quotewire.extract(text, reference_date="2026-01-10")
    assert result.article.published == "2025-09-26T10:52:00"
    result = quotewire.extract(text, reference_date="2027-03-01")
    assert result.article.published == "2026-09-26T10:52:00"


def test_people_get_their_roles_and_mentions(seed: Any) -> None:
    result, expected = seed
    people = {e.name: e for e in result.entities if e.type == "PERSON"}
    for gold in expected["entities"]:
        if gold["type"] != "PERSON":
            continue
        entity = people[gold["name"]]
        assert entity.roles == gold["roles"]
        mentions = {m.text for m in entity.mentions}
        for mention in gold["mentions_include"]:
            assert mention in mentions, f"{gold['name']}: {mention!r} not linked"


def test_organizations_are_not_people(seed: Any) -> None:
    result, expected = seed
    types = {e.name: e.type for e in result.entities}
    for gold in expected["entities"]:
        if gold["type"] == "ORG" and gold["name"] in types:
            assert types[gold["name"]] == "ORG", gold["name"]
    assert {"Rosatom", "Gazprom"} <= {n for n, t in types.items() if t == "ORG"}


def test_every_span_points_into_the_text(seed: Any) -> None:
    result, _ = seed
    text = result.article.text
    spans = [s for q in result.quotes for s in q.content]
    spans += [q.cue for q in result.quotes if q.cue is not None]
    spans += [q.speaker.mention for q in result.quotes if q.speaker and q.speaker.mention]
    spans += [m for e in result.entities for m in e.mentions]
    spans += list(result.article.debris)
    assert spans
    for span in spans:
        assert text[span.start : span.end] == span.text
