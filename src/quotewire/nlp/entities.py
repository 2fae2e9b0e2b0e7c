"""Named entities where the names are, not over every word.

spaCy's entity recognizer is the costliest part of the small English pipeline, and most of its
work is spent on words that are not names. Here it runs only around the proper nouns an article
has not named before: its network sees four tokens on each side of a word (four layers of
window-1 convolutions), so a stretch of the proper noun plus four tokens of context on each side
gives it what the whole paragraph would. A name the article repeats ("Trump" for the twentieth
time, or the surname of someone named in full) takes the label it got before, and a run of proper
nouns read before takes the entities found in it then ("Mr. Putin": "Putin", a person).
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from quotewire.nlp.forked import Runner, alone

NAME_TAGS = frozenset({"NNP", "NNPS"})
JOINERS = frozenset({"of", "and", "&", "the", "for", "de", "van", "von", "al"})
CONTEXT = 4  # tokens the recognizer sees on each side of a word


def name_chains(doc: Any) -> list[tuple[int, int]]:
    """Token ranges ``[i, j)`` of runs of proper nouns ("Bank of America" is one run)."""
    chains: list[tuple[int, int]] = []
    i, n = 0, len(doc)
    while i < n:
        if doc[i].tag_ not in NAME_TAGS:
            i += 1
            continue
        j = i + 1
        while j < n:
            if doc[j].tag_ in NAME_TAGS:
                j += 1
            elif doc[j].lower_ in JOINERS and j + 1 < n and doc[j + 1].tag_ in NAME_TAGS:
                j += 2
            else:
                break
        chains.append((i, j))
        i = j
    return chains


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


def recognize(docs: Sequence[Any], ner: Any, *, run: Runner = alone) -> None:
    """Set ``doc.ents`` on the parsed paragraphs of one article, running ``ner`` only around
    names not seen before in the article (its batches run by ``run``: in this process, or
    shared with a helper, see :mod:`quotewire.nlp.forked`)."""
    from spacy.tokens import Doc
    from spacy.util import filter_spans

    chains = [name_chains(doc) for doc in docs]
    seen: set[str] = set()
    windows: list[list[tuple[int, int]]] = []
    firsts: list[list[tuple[int, int]]] = []  # the chains of each doc named for the first time
    for doc, doc_chains in zip(docs, chains, strict=True):
        wanted = []
        firsts.append([])
        for i, j in doc_chains:
            name = doc[i:j].text
            if name in seen:
                continue
            seen.add(name)
            firsts[-1].append((i, j))
            wanted.append((max(0, i - CONTEXT), min(len(doc), j + CONTEXT)))
        windows.append(_merge(wanted))
    pieces = [
        Doc(
            doc.vocab,
            words=[t.text for t in doc[lo:hi]],
            spaces=[bool(t.whitespace_) for t in doc[lo:hi]],
        )
        for doc, doc_windows in zip(docs, windows, strict=True)
        for lo, hi in doc_windows
    ]

    def pipe(batches: Sequence[list[Any]]) -> list[Any]:
        return [piece for batch in batches for piece in ner.pipe(batch, batch_size=BATCH)]

    recognized = iter(run(pipe, [pieces[i : i + BATCH] for i in range(0, len(pieces), BATCH)]))
    labels: dict[str, str] = {}
    # what the recognizer made of each chain the first time: "Mr. Putin" -> "Putin" a PERSON
    readings: dict[str, list[tuple[int, int, str]]] = {}
    found: list[list[tuple[int, int, str]]] = []
    for doc, doc_windows, doc_firsts in zip(docs, windows, firsts, strict=True):
        spans = []
        for lo, hi in doc_windows:
            piece = next(recognized)
            for ent in piece.ents:
                touches_edge = (ent.start == 0 and lo > 0) or (
                    ent.end == len(piece) and hi < len(doc)
                )
                if touches_edge:
                    continue
                spans.append((lo + ent.start, lo + ent.end, ent.label_))
                labels.setdefault(ent.text, ent.label_)
        for i, j in doc_firsts:
            # an entity that takes the article before the name ("the New York Times") is
            # the name's reading too, without the article
            readings[doc[i:j].text] = [
                (max(s, i) - i, e - i, label)
                for s, e, label in spans
                if (i <= s or (s == i - 1 and doc[s].lower_ == "the")) and e <= j
            ]
        found.append(spans)
    surnames = {
        name.split()[-1]: "PERSON"
        for name, label in labels.items()
        if label == "PERSON" and " " in name
    }
    for doc, doc_chains, spans in zip(docs, chains, found, strict=True):
        covered = {k for s, e, _ in spans for k in range(s, e)}
        for i, j in doc_chains:
            if any(k in covered for k in range(i, j)):
                continue
            name = doc[i:j].text
            label = labels.get(name) or surnames.get(name)
            if label is not None:
                spans.append((i, j, label))
            else:  # as it was read the first time
                spans += [(i + s, i + e, label) for s, e, label in readings.get(name, ())]
        spans = [part for span in spans for part in _split_at_commas(doc, *span)]
        doc.ents = filter_spans([_span(doc, s, e, label) for s, e, label in spans])


def _split_at_commas(doc: Any, start: int, end: int, label: str) -> list[tuple[int, int, str]]:
    """An entity cut at each comma the parse hangs outside it ("According to a report by
    Politico, Democratic party insiders ...": the recognizer read "Politico, Democratic party"
    as one organization), keeping the parts with a proper noun; a comma inside a name ("Skadden,
    Arps", "Washington, D.C.") hangs on a word of the name and stays."""
    cuts = [
        k
        for k in range(start + 1, end - 1)
        if doc[k].text == "," and not start <= doc[k].head.i < end
    ]
    if not cuts:
        return [(start, end, label)]
    bounds = [start, *cuts, end]
    parts = [(lo + (lo != start), hi) for lo, hi in pairwise(bounds)]
    return [
        (lo, hi, label) for lo, hi in parts if any(doc[k].tag_ in NAME_TAGS for k in range(lo, hi))
    ]


def _span(doc: Any, start: int, end: int, label: str) -> Any:
    from spacy.tokens import Span

    return Span(doc, start, end, label=label)
