"""A cue lexicon learned from annotated news: which words, in which frame, attribute.

A word is a cue only in some constructions: "called" attributes in "called the plan a disaster"
(a direct object) and "called for a ban" (a prepositional object), not in "called a meeting".
The lexicon maps ``(lemma, frame)`` to how often the annotators marked that word as the cue
of an attribution when it stood in that frame, where the frame is what the word governs:

- ``ccomp``: a clause ("said that ..."), ``xcomp``: an infinitive ("promised to ..."),
- ``dobj``: a direct object ("criticized the plan"), ``prep:for``: a prepositional object
  ("called for ..."), ``none``: nothing of these.

It is built by :func:`learn` from a PolNeAR-format corpus (``quotewire train cues``, ``make
model``): deterministic, a few kilobytes, shipped as ``quotewire/data/cue_lexicon.json`` with a
model card beside it (``docs/cue-lexicon.md``).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from quotewire.lang import profile
from quotewire.quotes.cues import lemma_of

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

LEXICON_FILE = _EN.file("cue_lexicon")
MIN_COUNT = 5  # occurrences of a (lemma, frame) in the training data to be listed
MIN_POSITIVES = 3  # of which at least this many were annotated as cue and content
THRESHOLD = 0.45  # probability from which a learned (lemma, frame) counts as a cue


def frames_of(token: Any) -> list[tuple[str, Any]]:
    """The frames a verb or noun stands in, each with the token that heads what it governs."""
    out: list[tuple[str, Any]] = []
    for child in token.children:
        if child.dep_ == "ccomp":
            out.append(("ccomp", child))
        elif child.dep_ == "xcomp" and child.i > token.i:
            out.append(("xcomp", child))
        elif child.dep_ in ("dobj", "oprd") and child.i > token.i:
            out.append(("dobj", child))
        elif child.dep_ in ("acl", "relcl") and token.pos_ == "NOUN" and _clausal_acl(child):
            out.append(("acl", child))
        elif child.dep_ == "prep":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if objects:
                out.append((f"prep:{child.lower_}", objects[0]))
    if token.dep_ == "parataxis":
        out.append(("ccomp", token.head))
    return out or [("none", token)]


def subject_kind(token: Any) -> str | None:
    """What kind of subject a verb has, for the lexicon's finer keys: ``"pron"`` for a
    personal pronoun ("he believes", "I think": often a belief inside someone's quotation or
    report), ``"noun"`` for a noun, name or quantifier ("Clinton campaign aides believe",
    "Seventy-two percent now believe", "Some believe"), None for no subject or another kind. A
    relative pronoun stands for the noun it follows ("voters who believe")."""
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if not subjects:
        return None
    subject = subjects[0]
    if subject.tag_ in ("WP", "WDT") and token.dep_ == "relcl":
        subject = token.head
    if subject.tag_ == "PRP":
        return "pron"
    if subject.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
        return "noun"  # "Some believe", "Many fear", "others think": people, not a pronoun
    return None


def _keys(lemma: str, frame: str, subject: str | None) -> list[str]:
    """The lexicon's keys for a word in a frame: ``lemma|frame``, and with the kind of its
    subject when it has one (``believe|ccomp|noun``)."""
    coarse = f"{lemma}|{frame}"
    return [coarse] if subject is None else [coarse, f"{coarse}|{subject}"]


def _clausal_acl(child: Any) -> bool:
    """ "the claim that ...", "a proposal to ban ...": a clause that says what the noun holds."""
    return any(
        (g.dep_ == "mark" and g.lower_ == "that") or (g.dep_ == "aux" and g.lower_ == "to")
        for g in child.children
    )


def candidate(token: Any) -> bool:
    """Tokens the lexicon speaks about: verbs and nouns."""
    return bool(token.pos_ in ("VERB", "AUX", "NOUN") or token.tag_.startswith("VB"))


Gold = list[tuple[list[tuple[int, int]], list[tuple[int, int]]]]  # (cue spans, content spans)


@dataclass(frozen=True, slots=True)
class Example:
    """One parsed paragraph to learn from: its gold attributions and its quoted stretches, in
    the paragraph's character offsets."""

    doc: Any
    gold: Gold
    quoted: list[tuple[int, int]] = field(default_factory=list)

    def in_quotation(self, offset: int) -> bool:
        return any(s <= offset < e for s, e in self.quoted)


def learn(examples: Iterable[Example]) -> dict[str, Any]:
    """The lexicon from parsed documents and their gold attributions (character offsets).

    Words inside quotation marks are not counted: the extractor never looks for a cue there
    (a speaker's own "I think" is part of their quotation), and counting them would make "he
    believes" outside quotation marks look as rarely annotated as "I believe" inside them. A
    word in a frame is a
    positive when a gold cue span covers the word and the same attribution's content covers
    the head of what the frame governs (the clause, the object): the frame holds the content.
    """
    seen: Counter[str] = Counter()
    cues: Counter[str] = Counter()
    for example in examples:
        doc, gold = example.doc, example.gold
        for token in doc:
            if not candidate(token) or example.in_quotation(token.idx):
                continue
            lemma = lemma_of(token)
            mine = [content for cue, content in gold if any(s <= token.idx < e for s, e in cue)]
            subject = subject_kind(token)
            for frame, head in frames_of(token):
                positive = any(any(s <= head.idx < e for s, e in content) for content in mine) or (
                    frame == "none" and bool(mine)
                )
                for key in _keys(lemma, frame, subject):
                    seen[key] += 1
                    cues[key] += positive
    entries = {
        key: {"p": round(cues[key] / n, 3), "n": n}
        for key, n in sorted(seen.items())
        if n >= MIN_COUNT and (cues[key] >= MIN_POSITIVES or key.count("|") == 2)
    }
    return {"version": 2, "min_count": MIN_COUNT, "entries": entries}


@lru_cache(maxsize=1)
def load() -> dict[str, float]:
    """The shipped lexicon: ``"lemma|frame"`` -> probability of being a cue."""
    path = resources.files("quotewire.data").joinpath(LEXICON_FILE)
    data = json.loads(path.read_text(encoding="utf-8"))
    return {key: float(entry["p"]) for key, entry in data["entries"].items()}


def _known_frames(token: Any) -> list[tuple[float, str]]:
    """``(probability, frame)`` for each frame ``token`` stands in that the lexicon knows, by
    the finest key it knows (with the kind of subject, else without)."""
    lexicon = load()
    lemma = lemma_of(token)
    subject = subject_kind(token)
    known = []
    for frame, _ in frames_of(token):
        keys = [key for key in reversed(_keys(lemma, frame, subject)) if key in lexicon]
        if keys:
            known.append((lexicon[keys[0]], frame))
    return known


def cue_probability(token: Any) -> tuple[float, str]:
    """The best probability of ``token`` being a cue over its frames, and that frame
    (``(0.0, "none")`` when the lexicon knows none of them)."""
    return max(_known_frames(token), key=lambda pf: pf[0], default=(0.0, "none"))


def known_probability(token: Any) -> float | None:
    """The best probability of ``token`` being a cue over the frames it stands in that the
    lexicon knows, or None when it knows none of them."""
    known = _known_frames(token)
    return max(p for p, _ in known) if known else None


def gold_examples(articles: Iterable[Any], nlp: Any) -> Iterator[Example]:
    """Parsed paragraphs of PolNeAR-format articles with the gold attributions and the
    quotations inside each, in paragraph offsets; parsed exactly as the pipeline parses
    them."""
    from quotewire.nlp.english import parse_paragraphs
    from quotewire.text.debris import find_markup, masked
    from quotewire.text.marks import find_quote_regions
    from quotewire.text.paragraphs import split_paragraphs

    for article in articles:
        paragraphs = split_paragraphs(article.text)
        ranges = [(p.index, p.start, p.end) for p in paragraphs]
        shadow = masked(article.text, find_markup(article.text))
        parsed = parse_paragraphs(shadow, ranges, nlp=nlp)
        regions = find_quote_regions(article.text, paragraphs)
        segments = [segment for region in regions for segment in region.segments]
        for pp in parsed:  # a paragraph, or a piece of a very long one
            doc = pp.doc
            lo, hi = pp.offset, pp.offset + len(doc.text)
            quoted = [(max(s, lo) - lo, min(e, hi) - lo) for s, e in segments if s < hi and e > lo]
            gold: Gold = [
                (
                    [(s - lo, e - lo) for s, e in a.cue],
                    [(s - lo, e - lo) for s, e in a.content],
                )
                for a in article.attributions
                if any(lo <= s < hi for s, _ in a.cue)
            ]
            yield Example(doc, gold, quoted)


@lru_cache(maxsize=1)
def learned_lemmas() -> frozenset[str]:
    """The lemmas the lexicon makes a cue in at least one frame."""
    return frozenset(key.split("|", 1)[0] for key, p in load().items() if p >= THRESHOLD)


def learned(lemma: str, frame: str) -> bool:
    """Whether the lexicon says ``lemma`` in ``frame`` is a cue (probability >= THRESHOLD)."""
    return load().get(f"{lemma}|{frame}", 0.0) >= THRESHOLD


def seen(lemma: str, frame: str) -> bool:
    """Whether the lexicon saw ``lemma`` as a cue in ``frame`` at all ("say" with an object,
    "said the same"; never "continue" with one)."""
    return f"{lemma}|{frame}" in load()


def learned_cue(token: Any) -> bool:
    """Whether ``token`` is a cue in one of the frames it stands in, by the lexicon."""
    return candidate(token) and cue_probability(token)[0] >= THRESHOLD
