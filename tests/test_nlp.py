"""The NLP stage: the shortcuts in nlp/ give what the stock spaCy pipeline gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotewire.nlp.english import load_english, parse_paragraphs
from quotewire.nlp.entities import name_chains
from quotewire.text.paragraphs import split_paragraphs

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KINDS = {"PERSON", "ORG", "GPE"}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))]


def _both(text: str) -> list[tuple[object, object]]:
    nlp = load_english()
    paragraphs = split_paragraphs(text)
    fast = parse_paragraphs(text, [(p.index, p.start, p.end) for p in paragraphs], nlp=nlp)
    return [(pp.doc, nlp(text[p.start : p.end])) for pp, p in zip(fast, paragraphs, strict=True)]


def test_word_attributes_match_the_stock_pipeline(texts: list[str]) -> None:
    same = total = 0
    for text in texts:
        for fast, stock in _both(text):
            for a, b in zip(fast, stock, strict=True):  # type: ignore[call-overload]
                total += 1
                lemma_ok = a.lemma_ == b.lemma_ or a.pos_ not in ("VERB", "AUX", "NOUN")
                same += lemma_ok and (a.pos_, a.tag_, a.dep_) == (b.pos_, b.tag_, b.dep_)
    assert total > 2000
    assert same / total >= 0.995


def test_names_found_around_proper_nouns_match_the_full_recognizer(texts: list[str]) -> None:
    agree = total = 0
    for text in texts:
        for fast, stock in _both(text):
            mine = {(e.start_char, e.end_char, e.label_) for e in fast.ents if e.label_ in KINDS}  # type: ignore[attr-defined]
            full = {(e.start_char, e.end_char, e.label_) for e in stock.ents if e.label_ in KINDS}  # type: ignore[attr-defined]
            total += len(full)
            agree += len(mine & full)
    assert total > 100
    assert agree / total >= 0.9


def test_name_chains_join_names_with_of() -> None:
    doc = load_english()("Officials at the Bank of America met Hillary Clinton in New York.")
    chains = [doc[i:j].text for i, j in name_chains(doc)]
    assert "Bank of America" in chains
    assert "Hillary Clinton" in chains
    assert "New York" in chains
