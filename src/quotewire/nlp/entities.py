"""Named entities where the names are, not over every word.

spaCy's entity recognizer is the costliest part of the small English pipeline, and most of its
work is spent on words that are not names. Here it runs only around the proper nouns an article
has not named before: its network sees four tokens on each side of a word (four layers of
window-1 convolutions), so a stretch of the proper noun plus four tokens of context on each side
gives it what the whole paragraph would. A name the article repeats ("Trump" for the twentieth
time, or the surname of someone named in full) takes the label it got before, and a run of proper
nouns read before takes the entities found in it then ("Mr. Putin": "Putin", a person).

What is done around the recognizer reads the documents' arrays (``Doc.to_array``, all of an
article's at once), not a Python object per token: the runs of proper nouns, the words of the
pieces it reads, the entities it found, and the commas that cut them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import Any

import numpy

from quotewire.nlp.forked import Runner, alone
from quotewire.nlp.greedy import greedy_pipe

NAME_TAGS = frozenset({"NNP", "NNPS"})
JOINERS = frozenset({"of", "and", "&", "the", "for", "de", "van", "von", "al"})
CONTEXT = 4  # tokens the recognizer sees on each side of a word


@dataclass(frozen=True, slots=True)
class _Hashes:
    """The hashes, as the documents' arrays hold them, of the strings read here."""

    names: Any  # NAME_TAGS, an array
    joiners: Any  # JOINERS, an array
    comma: int
    the: int
    person: int


@lru_cache(maxsize=1)
def _hashes() -> _Hashes:
    from spacy.strings import get_string_id

    def ids(words: frozenset[str]) -> Any:
        return numpy.array(sorted(get_string_id(w) for w in words), dtype="uint64")

    return _Hashes(
        ids(NAME_TAGS),
        ids(JOINERS),
        get_string_id(","),
        get_string_id("the"),
        get_string_id("PERSON"),
    )


#: The attributes :class:`_Words` reads, in its columns' order.
_ATTRS = ["TAG", "LOWER", "ORTH", "HEAD", "LENGTH", "SPACY"]


class _Words:
    """The tokens of an article's documents as columns, read at once: which are proper nouns,
    joiners, "the" and commas, each token's head, and its characters in its document's text
    (``start``, ``end``, and whether a space follows). Token ``k`` of document ``d`` is row
    ``base[d] + k``."""

    __slots__ = ("base", "comma", "end", "head", "joiner", "name", "space", "start", "the")

    def __init__(self, docs: Sequence[Any]) -> None:
        hashes = _hashes()
        sizes = [len(doc) for doc in docs]
        self.base: list[int] = [0, *accumulate(sizes)]
        arrays = [doc.to_array(_ATTRS) for doc, n in zip(docs, sizes, strict=True) if n]
        rows = numpy.concatenate(arrays) if arrays else numpy.zeros((0, len(_ATTRS)), "uint64")
        self.name: list[bool] = numpy.isin(rows[:, 0], hashes.names).tolist()
        self.joiner: list[bool] = numpy.isin(rows[:, 1], hashes.joiners).tolist()
        self.the: list[bool] = (rows[:, 1] == hashes.the).tolist()
        self.comma: list[bool] = (rows[:, 2] == hashes.comma).tolist()
        self.head: list[int] = rows[:, 3].view("int64").tolist()  # relative to the token
        lengths = rows[:, 4].astype("int64")
        spaces = rows[:, 5].astype("int64")
        starts = numpy.cumsum(lengths + spaces) - lengths - spaces
        firsts = [b for b, n in zip(self.base, sizes, strict=False) if n]
        starts -= numpy.repeat(starts[firsts], [n for n in sizes if n])  # from each doc's start
        self.start: list[int] = starts.tolist()
        self.end: list[int] = (starts + lengths).tolist()
        self.space: list[bool] = spaces.astype(bool).tolist()

    def chains(self) -> list[list[tuple[int, int]]]:
        """For each document, the token ranges ``[i, j)`` of its runs of proper nouns, as
        :func:`name_chains` finds them."""
        out: list[list[tuple[int, int]]] = [[] for _ in range(len(self.base) - 1)]
        joiner, base = self.joiner, self.base
        d = 0
        for k in [k for k, name in enumerate(self.name) if name]:
            while k >= base[d + 1]:
                d += 1
            chains, b = out[d], base[d]
            if chains:
                i, j = chains[-1]
                if k == b + j or (k == b + j + 1 and joiner[b + j]):
                    chains[-1] = (i, k - b + 1)
                    continue
            chains.append((k - b, k - b + 1))
        return out


def name_chains(doc: Any) -> list[tuple[int, int]]:
    """Token ranges ``[i, j)`` of runs of proper nouns ("Bank of America" is one run): a proper
    noun, and those that follow it directly or across one of the :data:`JOINERS`."""
    return _Words([doc]).chains()[0]


def _merge(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for lo, hi in sorted(windows):
        if merged and lo <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], hi))
        else:
            merged.append((lo, hi))
    return merged


#: Pieces the recognizer reads in one batch.
BATCH = 256

#: ``ENT_IOB`` values: a token that begins an entity, one inside it.
_BEGIN, _INSIDE = 3, 1


def _entities(piece: Any) -> list[list[int]]:
    """``[start, end, label]`` of each entity of ``piece`` (its ``ents``, read off its arrays)."""
    found: list[list[int]] = []
    if not len(piece):
        return found
    for k, (iob, label) in enumerate(piece.to_array(["ENT_IOB", "ENT_TYPE"]).tolist()):
        if iob == _BEGIN and label:
            found.append([k, k + 1, label])
        elif iob == _INSIDE and found and found[-1][1] == k:
            found[-1][1] = k + 1
    return found


def recognize(
    docs: Sequence[Any],
    ner: Any,
    *,
    run: Runner = alone,
    texts: Sequence[str] | None = None,
) -> None:
    """Set ``doc.ents`` on the parsed paragraphs of one article, running ``ner`` only around
    names not seen before in the article (its batches run by ``run``: in this process, or
    shared with a helper, see :mod:`quotewire.nlp.forked`). ``texts``, when given, are the
    documents' texts (``doc.text``, which spaCy makes anew from the tokens at each call)."""
    from spacy.tokens import Doc

    if not docs:
        return
    w = _Words(docs)
    chains = w.chains()
    start, end, base = w.start, w.end, w.base
    if texts is None:
        texts = [doc.text if found else "" for doc, found in zip(docs, chains, strict=True)]

    def text_of(d: int, i: int, j: int) -> str:
        """``docs[d][i:j].text``"""
        return texts[d][start[base[d] + i] : end[base[d] + j - 1]]

    seen: set[str] = set()
    windows: list[list[tuple[int, int]]] = []
    firsts: list[list[tuple[int, int]]] = []  # the chains of each doc named for the first time
    for d, doc_chains in enumerate(chains):
        wanted = []
        firsts.append([])
        size = base[d + 1] - base[d]
        for i, j in doc_chains:
            name = text_of(d, i, j)
            if name in seen:
                continue
            seen.add(name)
            firsts[-1].append((i, j))
            wanted.append((max(0, i - CONTEXT), min(size, j + CONTEXT)))
        windows.append(_merge(wanted))
    vocab = docs[0].vocab
    pieces = [
        Doc(
            vocab,
            words=[texts[d][start[k] : end[k]] for k in range(base[d] + lo, base[d] + hi)],
            spaces=w.space[base[d] + lo : base[d] + hi],
        )
        for d, doc_windows in enumerate(windows)
        for lo, hi in doc_windows
    ]

    def pipe(batches: Sequence[list[Any]]) -> list[Any]:
        return [piece for batch in batches for piece in greedy_pipe(ner, batch, BATCH // 4)]

    recognized = iter(run(pipe, [pieces[i : i + BATCH] for i in range(0, len(pieces), BATCH)]))
    person, the = _hashes().person, w.the
    labels: dict[str, int] = {}
    # what the recognizer made of each chain the first time: "Mr. Putin" -> "Putin" a PERSON
    readings: dict[str, list[tuple[int, int, int]]] = {}
    found: list[list[tuple[int, int, int]]] = []
    for d, (doc_windows, doc_firsts) in enumerate(zip(windows, firsts, strict=True)):
        spans = []
        size = base[d + 1] - base[d]
        for lo, hi in doc_windows:
            for s, e, label in _entities(next(recognized)):
                touches_edge = (s == 0 and lo > 0) or (e == hi - lo and hi < size)
                if touches_edge:
                    continue
                spans.append((lo + s, lo + e, label))
                labels.setdefault(text_of(d, lo + s, lo + e), label)
        for i, j in doc_firsts:
            # an entity that takes the article before the name ("the New York Times") is
            # the name's reading too, without the article
            readings[text_of(d, i, j)] = [
                (max(s, i) - i, e - i, label)
                for s, e, label in spans
                if (i <= s or (s == i - 1 and the[base[d] + s])) and e <= j
            ]
        found.append(spans)
    surnames = {
        name.split()[-1]: person
        for name, label in labels.items()
        if label == person and " " in name
    }
    for d, (doc, doc_chains, spans) in enumerate(zip(docs, chains, found, strict=True)):
        covered = {k for s, e, _ in spans for k in range(s, e)}
        for i, j in doc_chains:
            if any(k in covered for k in range(i, j)):
                continue
            name = text_of(d, i, j)
            known = labels.get(name) or surnames.get(name)
            if known is not None:
                spans.append((i, j, known))
            else:  # as it was read the first time
                spans += [(i + s, i + e, label) for s, e, label in readings.get(name, ())]
        if spans:
            spans = [part for span in spans for part in _split_at_commas(w, base[d], *span)]
        doc.ents = _filter_spans(spans)


def _split_at_commas(
    w: _Words, b: int, start: int, end: int, label: int
) -> list[tuple[int, int, int]]:
    """An entity cut at each comma the parse hangs outside it ("According to a report by
    Politico, Democratic party insiders ...": the recognizer read "Politico, Democratic party"
    as one organization), keeping the parts with a proper noun; a comma inside a name ("Skadden,
    Arps", "Washington, D.C.") hangs on a word of the name and stays. (``b``: the row of the
    document's first token in ``w``.)"""
    comma, head = w.comma, w.head
    cuts = [
        k for k in range(start + 1, end - 1) if comma[b + k] and not start <= k + head[b + k] < end
    ]
    if not cuts:
        return [(start, end, label)]
    bounds = [start, *cuts, end]
    parts = [(lo + (lo != start), hi) for lo, hi in pairwise(bounds)]
    return [(lo, hi, label) for lo, hi in parts if any(w.name[b + lo : b + hi])]


def _filter_spans(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``spacy.util.filter_spans`` on ``(start, end, label)``, giving ``(label, start, end)``:
    of overlapping spans the longest, then the first, in order."""
    ordered = sorted(spans, key=lambda span: (span[1] - span[0], -span[0]), reverse=True)
    kept = []
    taken: set[int] = set()
    for start, end, label in ordered:
        if start not in taken and end - 1 not in taken:
            kept.append((label, start, end))
            taken.update(range(start, end))
    return sorted(kept, key=lambda span: span[1])
