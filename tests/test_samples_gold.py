"""Consistency checks for the hand-written gold files in ``samples/expected/``.

These tests check the gold itself (snippets, debris lines, mentions really occur in the sample
text), not quotewire's extraction.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXPECTED = SAMPLES / "expected"
ARTICLE_SUFFIXES = {".txt", ".html"}
QUOTE_TYPES = {"direct", "indirect", "mixed", "headline"}
ARTICLE_KEYS = {"title", "credited_source", "dateline", "published", "debris"}
QUOTE_KEYS = {"contains", "type", "speaker", "cue"}
ENTITY_KEYS = {"name", "roles", "mentions_include"}

_INVISIBLE = re.compile(r"(?is)<(head|script|style|template)\b.*?</\1\s*>|<!--.*?-->")
_TAG = re.compile(r"(?s)<[^>]+>")


def sample_paths() -> list[Path]:
    articles = SAMPLES / "articles"
    return sorted(p for p in articles.iterdir() if p.is_file() and p.suffix in ARTICLE_SUFFIXES)


def visible_text(path: Path) -> str:
    """The article text: the file itself, or for HTML the visible text with tags stripped."""
    raw = path.read_text(encoding="utf-8")
    if path.suffix != ".html":
        return raw
    return html.unescape(_TAG.sub("", _INVISIBLE.sub("", raw)))


def load_gold(path: Path) -> dict[str, Any]:
    gold_path = EXPECTED / f"{path.stem}.json"
    assert gold_path.is_file(), f"missing gold file {gold_path}"
    data: dict[str, Any] = json.loads(gold_path.read_text(encoding="utf-8"))
    return data


SAMPLE_IDS = [p.name for p in sample_paths()]


@pytest.fixture(params=sample_paths(), ids=SAMPLE_IDS)
def sample(request: pytest.FixtureRequest) -> tuple[Path, str, dict[str, Any]]:
    path: Path = request.param
    return path, visible_text(path), load_gold(path)


def test_enough_samples() -> None:
    assert len(sample_paths()) >= 7


def test_every_gold_file_has_a_sample() -> None:
    stems = {p.stem for p in sample_paths()}
    for gold_path in EXPECTED.glob("*.json"):
        assert gold_path.stem in stems, f"{gold_path.name} has no sample article"


def test_gold_shape(sample: tuple[Path, str, dict[str, Any]]) -> None:
    _, _, gold = sample
    assert set(gold) == {"article", "quotes", "entities"}
    assert set(gold["article"]) == ARTICLE_KEYS
    assert isinstance(gold["article"]["debris"], list)
    assert gold["quotes"], "every sample has attributed statements"
    for quote in gold["quotes"]:
        assert set(quote) == QUOTE_KEYS, quote
    for entity in gold["entities"]:
        assert set(entity) == ENTITY_KEYS, entity
        assert isinstance(entity["roles"], list)


def test_article_length(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, _ = sample
    words = len(text.split())
    assert 250 <= words <= 600, f"{path.name}: {words} words"


def test_article_fields(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, gold = sample
    article = gold["article"]
    assert article["title"] and article["title"] in text
    if path.suffix != ".html":
        assert text.splitlines()[0].strip() == article["title"], "title is the first line"
    if article["dateline"] is not None:
        assert article["dateline"] in text
    if article["credited_source"] is not None:
        assert article["credited_source"] in text
    if article["published"] is not None:
        dt.date.fromisoformat(article["published"])


def test_debris_lines_occur(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, gold = sample
    lines = {line.strip() for line in text.splitlines()}
    for debris in gold["article"]["debris"]:
        assert debris in lines, f"{path.name}: debris line not found: {debris!r}"


def test_quote_snippets(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, gold = sample
    for quote in gold["quotes"]:
        snippet = quote["contains"]
        assert quote["type"] in QUOTE_TYPES, quote
        count = text.count(snippet)
        assert count == 1, f"{path.name}: {snippet!r} occurs {count} times"
        assert 6 <= len(snippet.split()) <= 12, f"{path.name}: snippet length {snippet!r}"
        assert isinstance(quote["speaker"], str) and quote["speaker"].strip()
        if quote["type"] == "headline":
            assert snippet in gold["article"]["title"], f"{path.name}: headline {snippet!r}"
        else:
            assert snippet not in gold["article"]["title"]


def test_quote_cues(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, gold = sample
    for quote in gold["quotes"]:
        cue = quote["cue"]
        if cue is None:
            assert quote["type"] == "direct", f"{path.name}: only cueless continuations: {quote}"
            continue
        assert isinstance(cue, str) and cue.strip()
        assert cue in text, f"{path.name}: cue {cue!r} not in text"


def test_entity_mentions(sample: tuple[Path, str, dict[str, Any]]) -> None:
    path, text, gold = sample
    for entity in gold["entities"]:
        assert entity["name"].strip()
        for mention in entity["mentions_include"]:
            assert mention in text, f"{path.name}: mention {mention!r} not in text"


def test_quote_speakers_are_known(sample: tuple[Path, str, dict[str, Any]]) -> None:
    """A named person who speaks is listed among the entities (groups may be unlisted)."""
    path, _, gold = sample
    names = {entity["name"] for entity in gold["entities"]}
    for quote in gold["quotes"]:
        speaker = quote["speaker"]
        if speaker[:1].isupper() and len(speaker.split()) == 2 and speaker.istitle():
            assert speaker in names, f"{path.name}: speaker {speaker!r} missing from entities"
