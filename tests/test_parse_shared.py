"""A large parse shared with a forked helper gives what one process gives, and survives the
helper's failure."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from typing import Any

import pytest
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, IDX, LEMMA, MORPH, NORM, ORTH, POS, SPACY, TAG

from quotewire.nlp import english, entities, forked
from quotewire.nlp.english import ParsedParagraph, load_english, parse_paragraphs
from quotewire.text.paragraphs import split_paragraphs

ROOT = Path(__file__).resolve().parents[1]
ATTRS = [ORTH, SPACY, TAG, POS, LEMMA, HEAD, DEP, MORPH, NORM, ENT_IOB, ENT_TYPE, IDX]

pytestmark = pytest.mark.skipif(
    not forked.can_fork(), reason="no helper can be forked here (one core, threads, or not Linux)"
)


@pytest.fixture(scope="module")
def text() -> str:
    paths = sorted((ROOT / "samples" / "articles").glob("*.txt"))
    paths += sorted((ROOT / "tests" / "data" / "corpus").glob("*.txt"))
    return "\n\n".join(p.read_text(encoding="utf-8") for p in paths)


def _ranges(text: str) -> list[tuple[int, int, int]]:
    return [(p.index, p.start, p.end) for p in split_paragraphs(text)]


def _table(parsed: list[ParsedParagraph]) -> list[object]:
    return [
        (
            p.index,
            p.offset,
            p.doc.text,
            p.doc.to_array(ATTRS).tolist(),
            [(e.start, e.end, e.label_) for e in p.doc.ents],
        )
        for p in parsed
    ]


def _children() -> set[int]:
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        pids |= {int(p) for p in (task / "children").read_text().split()}
    return pids


def test_a_shared_parse_is_the_parse_of_one_process(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = parse_paragraphs(text, _ranges(text))
    shared: list[int] = []
    real = forked.parse_shared

    def spy(*args: Any, **kwargs: Any) -> list[Any]:
        shared.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(forked, "MIN_CHARS", 0)
    monkeypatch.setattr(forked, "parse_shared", spy)
    monkeypatch.setattr(english, "MAX_BATCH_TOKENS", 500)  # several batches for two processes
    monkeypatch.setattr(entities, "BATCH", 16)
    both = parse_paragraphs(text, _ranges(text))
    assert shared == [1, 1]  # the parse, then the entity recognizer
    assert len(both) > 20
    assert sum(len(p.doc) for p in both) > 5000
    assert _table(both) == _table(alone)


def _batches(text: str) -> list[list[Any]]:
    nlp = load_english()
    docs = [nlp.make_doc(text[s:e]) for _, s, e in _ranges(text)]
    return [docs[i : i + 8] for i in range(0, len(docs), 8)]


def _parse(batches: list[list[Any]]) -> list[Any]:
    return [doc for batch in batches for doc in load_english().pipe(batch)]


def test_a_helper_killed_midway_leaves_its_half_to_the_parent(text: str) -> None:
    parent = os.getpid()

    def parse(batches: list[list[Any]]) -> list[Any]:
        if os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)  # as the out-of-memory killer would
        return _parse(batches)

    expected = [d.to_array(ATTRS).tolist() for d in _parse(_batches(text))]
    before = _children()
    got = forked.parse_shared(parse, _batches(text), load_english().vocab)
    assert [d.to_array(ATTRS).tolist() for d in got] == expected
    assert _children() == before


def test_a_failing_parent_takes_its_helper_with_it(text: str) -> None:
    parent = os.getpid()

    def parse(batches: list[list[Any]]) -> list[Any]:
        if os.getpid() == parent:
            raise MemoryError("the parent's half failed")
        return _parse(batches)

    before = _children()
    with pytest.raises(MemoryError):
        forked.parse_shared(parse, _batches(text), load_english().vocab)
    assert _children() == before


def test_no_helper_where_forking_is_unsafe(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forked.threading, "active_count", lambda: 2)
    assert not forked.can_fork()
