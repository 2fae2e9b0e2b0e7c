"""The Russian back-end: natasha's models (razdel segmentation, slovnet morphology, syntax and
named entities over navec embeddings, pymorphy2 lemmas), read into typed records.

The models ship inside the packages (nothing is downloaded). natasha's own objects do not leave
this module: an analysis is a :class:`RussianAnalysis` of tokens (character offsets into the
text, lemma, Universal Dependencies part of speech, features, head and relation), sentences
and names, each name with its nominative form ("Александром Лукашенко" -> "Александр
Лукашенко"), which is what the Russian finders read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from quotewire.errors import QuotewireError
from quotewire.lang import profile
from quotewire.nlp.threads import one_blas_thread

_Item = TypeVar("_Item")
_Out = TypeVar("_Out")
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_NOT_NAME = " \t\n()[]«»„“\"',.;:–—-"
#: natasha's entity types, as quotewire names them.
_TYPES = {"PER": "PERSON", "LOC": "GPE", "ORG": "ORG"}


@dataclass(frozen=True, slots=True)
class RussianToken:
    """One token: ``text == analysis.text[start:end]``; ``head`` is the index of its head in
    the analysis's tokens (its own index for a sentence's root); ``feats`` are its Universal
    Dependencies features, sorted ("Case=Gen", "Number=Sing")."""

    start: int
    end: int
    text: str
    lemma: str
    pos: str
    feats: tuple[tuple[str, str], ...]
    head: int
    rel: str
    sentence: int

    def feat(self, name: str) -> str | None:
        """The value of one feature ("Case" -> "Gen"), None when the token has none."""
        for key, value in self.feats:
            if key == name:
                return value
        return None


@dataclass(frozen=True, slots=True)
class RussianSentence:
    """A sentence: its characters and its tokens ``tokens[first:end_token]``."""

    start: int
    end: int
    first: int
    end_token: int


@dataclass(frozen=True, slots=True)
class RussianName:
    """A named entity: its characters, its type (PERSON, ORG, GPE), the words as written and
    their nominative form (the canonical name)."""

    start: int
    end: int
    type: str
    text: str
    normal: str


@dataclass(frozen=True, slots=True)
class RussianAnalysis:
    text: str
    tokens: tuple[RussianToken, ...]
    sentences: tuple[RussianSentence, ...]
    names: tuple[RussianName, ...]
    starts: tuple[int, ...] = ()  # each token's start, for :meth:`first_at`

    def first_at(self, offset: int) -> int:
        """The index of the first token starting at or after ``offset`` (``len(tokens)`` if
        none): a look-up in the sorted starts, not a scan of the tokens."""
        return bisect_left(self.starts, offset)

    def tokens_in(self, start: int, end: int) -> tuple[RussianToken, ...]:
        """The tokens within ``start:end``."""
        first, last = self.first_at(start), self.first_at(end)
        return tuple(t for t in self.tokens[first:last] if t.end <= end)


@dataclass(frozen=True, slots=True)
class RussianNLP:
    """The loaded models (load once per process with :func:`load_russian`)."""

    segmenter: Any
    morph: Any
    syntax: Any
    ner: Any
    vocab: Any


@cache
def load_russian() -> RussianNLP:
    """natasha's models, loaded once per process; a missing package is a one-line error."""
    try:
        from natasha import (
            MorphVocab,
            NewsEmbedding,
            NewsMorphTagger,
            NewsNERTagger,
            NewsSyntaxParser,
            Segmenter,
        )
    except ImportError as error:
        raise QuotewireError(
            f"the Russian models are not installed ({error.name}: pip install natasha)"
        ) from None
    embedding = NewsEmbedding()
    return RussianNLP(
        segmenter=Segmenter(),
        morph=NewsMorphTagger(embedding),
        syntax=NewsSyntaxParser(embedding),
        ner=NewsNERTagger(embedding),
        vocab=MorphVocab(),
    )


def analyse_russian(
    text: str,
    nlp: RussianNLP | None = None,
    regions: Sequence[tuple[int, int]] | None = None,
) -> RussianAnalysis:
    """``text`` segmented, tagged, parsed and its names found and put in the nominative.
    With ``regions`` (``(start, end)`` stretches, such as paragraphs), each is analysed on its
    own: no sentence or name runs from one into the next (a dateline's "(БЕЛТА)" and the
    line under it are no one name)."""
    from natasha import Doc
    from natasha.doc import DocSpan

    nlp = nlp or load_russian()
    tokens: list[RussianToken] = []
    sentences: list[RussianSentence] = []
    names: list[RussianName] = []
    docs = []
    abbreviations = profile("ru").abbreviations
    for start, end in regions if regions is not None else [(0, len(text))]:
        doc = Doc(text[start:end])
        doc.segment(nlp.segmenter)
        doc.sents = _joined_at_abbreviations(doc, abbreviations)
        doc.envelop_sent_tokens()
        docs.append((start, doc))
    # the tagger and the parser read every region's sentences in one stream (they take them
    # in batches of eight: a region of two sentences was a batch of its own)
    sents = [sent for _, doc in docs for sent in doc.sents]
    words = [[token.text for token in sent.tokens] for sent in sents]
    marked = [doc for _, doc in docs if doc.text.strip()]
    with one_blas_thread():
        tags = _by_length(words, len, nlp.morph.map)
        parses = _by_length(words, len, nlp.syntax.map)
        # names per region (none runs from one into the next), the regions in one stream
        found = _by_length([doc.text for doc in marked], len, nlp.ner.map)
    for sent, markup in zip(sents, tags, strict=True):
        for token, tagged in zip(sent.tokens, markup.tokens, strict=True):
            token.pos, token.feats = tagged.pos, tagged.feats
    for sent, markup in zip(sents, parses, strict=True):
        for token, parsed in zip(sent.tokens, markup.tokens, strict=True):
            token.head_id, token.rel = parsed.head_id, parsed.rel
    for doc, markup in zip(marked, found, strict=True):
        doc.spans = [DocSpan(a, b, kind, doc.text[a:b]) for a, b, kind in markup.spans]
        doc.envelop_span_tokens()
        doc.envelop_sent_spans()
    for start, doc in docs:
        doc.spans = doc.spans or []
        _read_region(doc, start, nlp, tokens, sentences, names)
    starts = tuple(t.start for t in tokens)
    return RussianAnalysis(text, tuple(tokens), tuple(sentences), tuple(names), starts)


def _by_length(
    items: Sequence[_Item],
    size: Callable[[_Item], int],
    run: Callable[[list[_Item]], Iterable[_Out]],
) -> list[_Out]:
    """``run`` over ``items`` shortest first, its results given back in the items' order.
    natasha's models read their input in batches of eight, each padded to its longest item:
    in text order a batch of sentences held 2.4 times the words it had (the Russian dev set:
    27,144 padded tokens for 11,456); sorted, the batches hold alike lengths (11,671)."""
    order = sorted(range(len(items)), key=lambda i: size(items[i]))
    done = dict(zip(order, run([items[i] for i in order]), strict=True))
    return [done[i] for i in range(len(items))]


def _joined_at_abbreviations(doc: Any, abbreviations: frozenset[str]) -> list[Any]:
    """The sentences of ``doc`` with those that razdel ended at an abbreviation's period
    joined to the next when that opens in lower case or with an acronym ("порядка 300 тыс.
    кВт·ч", "86 тыс. ДФЭ")."""
    from natasha.doc import DocSent

    joined: list[Any] = []
    for sent in _split_before_quotations(doc, abbreviations):
        word = _FIRST_WORD.match(sent.text)
        acronym = word is not None and len(word[0]) > 1 and word[0].isupper()
        if (
            joined
            and _ends_in_abbreviation(joined[-1].text, abbreviations)
            and (sent.text[:1].islower() or acronym)
        ):
            last = joined[-1]
            joined[-1] = DocSent(last.start, sent.stop, doc.text[last.start : sent.stop])
        else:
            joined.append(sent)
    return joined


#: an abbreviation's period, then a quotation that opens with a capital: a new sentence
_PERIOD_BEFORE_QUOTATION = re.compile(r"\b([^\W\d_]+)\.\s+(?=[«„\"“][А-ЯЁA-Z])")


def _split_before_quotations(doc: Any, abbreviations: frozenset[str]) -> list[Any]:
    """The sentences of ``doc``, those razdel did not end at an abbreviation's period before a
    quotation cut there ("... превысить $5 млрд. «Мы готовы», – сказал он")."""
    from natasha.doc import DocSent

    cut: list[Any] = []
    for sent in doc.sents:
        start = sent.start
        for match in _PERIOD_BEFORE_QUOTATION.finditer(sent.text):
            if match.group(1).lower() not in abbreviations:
                continue
            stop = sent.start + match.start() + len(match.group(1)) + 1
            cut.append(DocSent(start, stop, doc.text[start:stop]))
            start = sent.start + match.end()
        cut.append(
            sent if start == sent.start else DocSent(start, sent.stop, doc.text[start : sent.stop])
        )
    return cut


def _ends_in_abbreviation(sentence: str, abbreviations: frozenset[str]) -> bool:
    if not sentence.endswith("."):
        return False
    words = sentence[:-1].split()
    return bool(words) and words[-1].lower() in abbreviations


def nominative_phrase(analysis: RussianAnalysis, indices: Sequence[int]) -> str:
    """The words of ``analysis.tokens[indices]`` (a phrase of one sentence) with its head and
    the words that agree with it put in the nominative, as written otherwise ("объему
    накопленных инвестиций" -> "объем накопленных инвестиций")."""
    from natasha.norm import syntax_normalize

    if not indices:
        return ""
    words = [_NormToken(analysis, i) for i in indices]
    return str(syntax_normalize(load_russian().vocab, words))


class _NormToken:
    """A token as natasha's normalizer reads it (ids and heads as strings)."""

    __slots__ = ("feats", "head_id", "id", "pos", "start", "stop", "text")

    def __init__(self, analysis: RussianAnalysis, index: int) -> None:
        token = analysis.tokens[index]
        self.id, self.head_id = str(index), str(token.head if token.head != index else -1)
        self.text, self.pos, self.feats = token.text, token.pos, dict(token.feats)
        self.start, self.stop = token.start, token.end


def _read_region(
    doc: Any,
    offset: int,
    nlp: RussianNLP,
    tokens: list[RussianToken],
    sentences: list[RussianSentence],
    names: list[RussianName],
) -> None:
    region = len(tokens)  # (this region's tokens start here: its names are looked up in them)
    for sentence in doc.sents:
        first, number = len(tokens), len(sentences)
        # the parser's heads are 1-based within the sentence; 0 is the root
        for position, token in enumerate(sentence.tokens):
            head = int(token.head_id)
            tokens.append(
                RussianToken(
                    start=offset + token.start,
                    end=offset + token.stop,
                    text=token.text,
                    lemma=_lemma(nlp.vocab, token.text, token.pos, token.feats),
                    pos=token.pos or "X",
                    feats=tuple(sorted((token.feats or {}).items())),
                    head=first + head - 1 if head else first + position,
                    rel=token.rel or "dep",
                    sentence=number,
                )
            )
        sentences.append(
            RussianSentence(offset + sentence.start, offset + sentence.stop, first, len(tokens))
        )
    for span in doc.spans:
        span.normalize(nlp.vocab)
        words = span.text.strip(_NOT_NAME)  # ("ТАСС)": a bracket the recognizer took in)
        if not words:
            continue
        cut = span.text.index(words)
        type = _TYPES.get(span.type, span.type)
        start, end = offset + span.start + cut, offset + span.start + cut + len(words)
        first = bisect_left(tokens, start, lo=region, key=lambda t: t.start)
        last = bisect_left(tokens, end, lo=first, key=lambda t: t.end)
        names.append(
            RussianName(
                start=start,
                end=end,
                type=type,
                text=words,
                normal=_head_only(
                    _nominative(
                        _normal(words, (span.normal or words).strip(_NOT_NAME), type),
                        words,
                        type,
                        tokens[last] if last < len(tokens) and tokens[last].end == end else None,
                    ),
                    words,
                    type,
                    [t.pos for t in tokens[first : first + len(words.split())]],
                ),
            )
        )


@lru_cache(maxsize=100_000)
def _lemma_of(vocab: Any, text: str, pos: str | None, feats: tuple[tuple[str, str], ...]) -> str:
    return str(vocab.lemmatize(text, pos, dict(feats)) or text.lower())


def _lemma(vocab: Any, text: str, pos: str | None, feats: dict[str, str] | None) -> str:
    """pymorphy2's lemma of a word with its tags, each word and tags looked up once."""
    return _lemma_of(vocab, text, pos, tuple(sorted((feats or {}).items())))


def _head_only(normal: str, text: str, type: str, poses: Sequence[str]) -> str:
    """An organization's name with only its words up to its first noun in the nominative, the
    rest as written: natasha gives "Министерства здравоохранения" as "Министерство
    здравоохранение" (every word put in the nominative)."""
    words, normals = text.split(), normal.split()
    if type != "ORG" or len(words) != len(normals) or len(poses) != len(words):
        return normal
    head = next((n for n, pos in enumerate(poses) if pos in ("NOUN", "PROPN")), None)
    if head is None:
        return normal
    return " ".join([*normals[: head + 1], *words[head + 1 :]])


def _nominative(normal: str, text: str, type: str, last: RussianToken | None) -> str:
    """A person's name with its surname in the nominative where natasha left it in its case
    (its dictionary does not know the surname): by the case and gender the tagger gives it,
    the ending the Russian profile's ``[surname_endings]`` names for them."""
    words = normal.split()
    if type != "PERSON" or last is None or words[-1] != text.split()[-1]:
        return normal
    endings = profile("ru").surname_endings.get(f"{last.feat('Case')}.{last.feat('Gender')}", ())
    forms = surname_nominatives(words[-1], endings)
    return " ".join([*words[:-1], forms[0]]) if forms else normal


def surname_nominatives(surname: str, endings: Iterable[tuple[str, str]]) -> list[str]:
    """``surname`` with each of ``endings`` (ending, the nominative's ending) that it ends in
    replaced, in their order ("Даровским" by ("ским", "ский") is "Даровский"); a word no
    longer than the ending and two letters is left alone."""
    return [
        surname[: -len(ending)] + nominative
        for ending, nominative in endings
        if surname.endswith(ending) and len(surname) > len(ending) + 2
    ]


def _normal(text: str, normal: str | None, type: str = "") -> str:
    """The nominative form natasha gives, except for words in capitals it changes beyond
    their endings' case (an acronym: "БЕЛТА" is not the genitive of "БЕЛТ"); a place written
    in capitals in a dateline ("МОСКВА") is given in the usual case ("Москва")."""
    if not normal:
        return text
    words, normals = text.split(), normal.split()
    if len(words) != len(normals):
        return normal
    out = []
    for word, form in zip(words, normals, strict=True):
        if word.isupper() and len(word) > 1:
            form = form if len(form) == len(word) else word
            form = form.capitalize() if type == "GPE" and len(form) >= 5 else form.upper()
        out.append(_with_yo(form, word))
    return " ".join(out)


def _with_yo(form: str, word: str) -> str:
    """``form`` with the "ё" the text's ``word`` writes where natasha's form has "е" in the
    same place of the same letters ("Артем" for "Артём", "Еремин" for "Ерёмина"): a name is
    spelled as the article spells it."""
    letters = list(form)
    for n, (mine, theirs) in enumerate(zip(form, word, strict=False)):
        if mine.lower() == theirs.lower():
            continue
        if mine in "еЕ" and theirs in "ёЁ":
            letters[n] = "ё" if mine == "е" else "Ё"
            continue
        break  # (the ending: the case of the word, not its spelling)
    return "".join(letters)
