"""The NLP stage: the shortcuts in nlp/ give what the stock spaCy pipeline gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quotewire
from quotewire.nlp.english import load_english, load_stock_english, parse_paragraphs
from quotewire.nlp.entities import name_chains
from quotewire.text.paragraphs import split_paragraphs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
KINDS = {"PERSON", "ORG", "GPE"}


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((SAMPLES / "articles").glob("*.txt"))]


@pytest.fixture(scope="module")
def stock() -> object:
    """The pipeline as spaCy loads it, with none of quotewire's shortcuts."""
    return load_stock_english()


def _both(text: str, stock: Any) -> list[tuple[object, object]]:
    paragraphs = split_paragraphs(text)
    fast = parse_paragraphs(text, [(p.index, p.start, p.end) for p in paragraphs])
    return [(pp.doc, stock(text[p.start : p.end])) for pp, p in zip(fast, paragraphs, strict=True)]


def test_numpy_products_parse_exactly_as_blis_does(texts: list[str], stock: Any) -> None:
    """The pipeline quotewire runs multiplies with numpy's BLAS instead of blis: every tag,
    label, head and name comes out as the stock pipeline's."""
    ours = load_english()
    corpus = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    every = texts + [p.read_text(encoding="utf-8") for p in corpus]
    tokens = 0
    for text in every:
        a, b = ours(text), stock(text)
        tokens += len(a)
        assert [(t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in a] == [
            (t.tag_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in b
        ]
    assert tokens > 5000


def test_word_attributes_match_the_stock_pipeline(texts: list[str], stock: Any) -> None:
    same = total = 0
    for text in texts:
        for fast, plain in _both(text, stock):
            for a, b in zip(fast, plain, strict=True):  # type: ignore[call-overload]
                total += 1
                lemma_ok = a.lemma_ == b.lemma_ or a.pos_ not in ("VERB", "AUX", "NOUN")
                same += lemma_ok and (a.pos_, a.tag_, a.dep_) == (b.pos_, b.tag_, b.dep_)
    assert total > 2000
    assert same / total >= 0.995


def test_names_found_around_proper_nouns_match_the_full_recognizer(
    texts: list[str], stock: Any
) -> None:
    agree = total = 0
    for text in texts:
        for fast, plain in _both(text, stock):
            mine = {(e.start_char, e.end_char, e.label_) for e in fast.ents if e.label_ in KINDS}  # type: ignore[attr-defined]
            full = {(e.start_char, e.end_char, e.label_) for e in plain.ents if e.label_ in KINDS}  # type: ignore[attr-defined]
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


def _entities_by_paragraph(text: str, label: str) -> list[list[str]]:
    """The entities of ``label`` in each paragraph of ``text``, as quotewire parses it."""
    paragraphs = split_paragraphs(text)
    parsed = parse_paragraphs(text, [(p.index, p.start, p.end) for p in paragraphs])
    return [
        [e.text for e in pp.doc.ents if e.label_ == label]  # type: ignore[attr-defined]
        for pp in parsed
    ]


def test_a_repeated_run_of_names_keeps_the_entity_read_in_it_first() -> None:
    # "Mr. Okonkwo" is one run of proper nouns; the recognizer reads only "Okonkwo" as the
    # person the first time, and the repeats (not read again) must say the same.
    text = (
        "Mr. Okonkwo arrived in Lagos on Monday, aides to the governor said.\n\n"
        "Later that week Mr. Okonkwo seemed tired.\n\n"
        "By Friday Mr. Okonkwo had left the city."
    )
    people = _entities_by_paragraph(text, "PERSON")
    assert people[0] == ["Okonkwo"]
    assert people[1:] == [["Okonkwo"], ["Okonkwo"]]


def test_a_name_first_read_with_its_article_keeps_its_entity_without_it() -> None:
    # The recognizer reads "the Lakeside Gazette" (article included) the first time; the
    # repeats of the run of proper nouns, not read again, are the same organization.
    text = (
        "The mayor spoke to the Lakeside Gazette on Monday about the budget.\n\n"
        "On Tuesday, the Lakeside Gazette published her tax filings.\n\n"
        "The filings were complete, the Lakeside Gazette said."
    )
    orgs = _entities_by_paragraph(text, "ORG")
    assert orgs[0] == ["the Lakeside Gazette"]
    assert orgs[1:] == [["Lakeside Gazette"], ["Lakeside Gazette"]]


def test_an_entity_is_cut_at_a_comma_the_parse_hangs_outside_it() -> None:
    # The recognizer reads "Politico, Democratic party" as one organization; the comma ends
    # the source of "according to" and the subject of the main clause starts after it.
    text = (
        "According to a new report by Politico, Democratic party insiders are trying to "
        "mobilize voters. The firm Skadden, Arps, Slate, Meagher & Flom is in Washington, D.C."
    )
    paragraphs = split_paragraphs(text)
    parsed = parse_paragraphs(text, [(p.index, p.start, p.end) for p in paragraphs])
    names = [e.text for pp in parsed for e in pp.doc.ents]  # type: ignore[attr-defined]
    assert "Politico" in names
    assert not any("Democratic party" in name for name in names)
    assert "Skadden, Arps, Slate, Meagher & Flom" in names


def test_a_plural_title_abbreviation_does_not_end_the_sentence() -> None:
    # "Sens." was split from its period, which ended the sentence: the statement stopped at
    # "and Sens", and the names after it began a sentence of their own.
    text = (
        "Endorsements\n\n"
        "Most of the state's party leaders endorsed her bid, including Gov. Ann Lee and Sens. "
        "Tom Ortiz and Ray Cole."
    )
    quote = next(q for q in quotewire.extract(text).quotes if "bid" in q.text)
    assert quote.text.endswith("Sens. Tom Ortiz and Ray Cole")
    people = {e.name for e in quotewire.extract(text).entities if e.type == "PERSON"}
    assert {"Tom Ortiz", "Ray Cole"} <= people


def test_greedy_loop_parses_and_recognizes_as_spacy_does(texts: list[str]) -> None:
    """The parser and the recognizer run by :func:`~quotewire.nlp.greedy.greedy_pipe` give
    every head, label and entity their own ``pipe`` gives."""
    from quotewire.nlp.greedy import fits, greedy_pipe

    nlp = load_english()
    corpus = sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    paragraphs = [
        p
        for text in texts + [c.read_text(encoding="utf-8") for c in corpus]
        for p in text.split("\n\n")
        if p.strip()
    ]
    parser, ner = nlp.get_pipe("parser"), nlp.get_pipe("ner")
    assert fits(parser) and fits(ner)

    def tagged() -> list[Any]:
        return list(nlp.pipe(paragraphs, disable=["parser", "ner"]))

    ours = greedy_pipe(ner, greedy_pipe(parser, tagged(), 64), 64)
    theirs = list(ner.pipe(parser.pipe(tagged(), batch_size=64), batch_size=256))
    assert sum(len(doc) for doc in ours) > 5000
    for a, b in zip(ours, theirs, strict=True):
        assert [(t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in a] == [
            (t.head.i, t.dep_, t.ent_iob_, t.ent_type_) for t in b
        ]
