"""Statements set off as a paragraph of their own after an introduction ending in a colon.

Opinion pieces and transcripts of radio shows introduce a long passage with a paragraph such
as "The governor added:" or "Limbaugh continued:" and print the passage, without quotation
marks, as the next paragraph (a block quotation that lost its indentation in plain text). The
introduction's verb is the cue, its subject the speaker, and the next paragraph the content.
A passage in quotation marks is the direct-quote finder's (:func:`~quotewire.quotes.direct.
find_direct` reads "He said:" before it); a labelled turn ("WALLACE: ...") is the transcript
finder's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from quotewire.quotes.cues import SPEECH_VERBS, lemma_of
from quotewire.quotes.direct import colon_intro
from quotewire.quotes.frame import Found, Frame, mention_for, subject_of, trim

#: Markup left in plain text (an embedded post's ``<tweet author="...">`` and its closing tag):
#: not what was said.
_LEADING_TAG = re.compile(r"<[^<>\n]{1,300}>\s*")
_TRAILING_TAG = re.compile(r"\s*<[^<>\n]{1,300}>[\s.]*$")

#: The fewest words a passage must have to be what the introduction announces.
_MIN_WORDS = 6


def find_block_quotes(text: str, frames: Sequence[Frame], found: Sequence[Found]) -> list[Found]:
    """Each paragraph introduced by the last clause of the paragraph right before it ("The
    governor added:"), when the introduction's verb is a verb of speech with a subject outside
    quotation marks, and the paragraph holds no quotation mark of its own at its start and no
    statement found already."""
    taken = sorted(s for f in found for s, _ in f.content)
    out: list[Found] = []
    for intro, passage in pairwise(frames):
        if text[intro.stop : passage.offset].strip() or not len(passage.doc):
            continue
        tail = intro.outside_tokens(intro.offset, intro.stop, last=12)
        cue = colon_intro(intro, tail)
        if cue is None or cue.pos_ != "VERB" or lemma_of(cue) not in SPEECH_VERBS:
            continue
        start, end = _without_markup(text, *trim(text, passage.offset, passage.stop))
        if start >= end or (passage.inside and passage.inside[0][0] <= start):
            continue  # a quotation: the direct-quote finder's
        if any(start <= s < end for s in taken) or len(text[start:end].split()) < _MIN_WORDS:
            continue
        subject = subject_of(cue)
        if subject is None:
            continue
        out.append(
            Found(
                type="mixed" if passage.inside else "indirect",
                content=[(start, end)],
                cue=(intro.start(cue), intro.end(cue)),
                speaker=mention_for(intro, subject),
                confidence=0.7,
                paragraph=intro.index,
                cue_token=cue,
            )
        )
    return out


def _without_markup(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without a tag that opens or closes it."""
    opening = _LEADING_TAG.match(text, start, end)
    if opening is not None:
        start = opening.end()
    closing = _TRAILING_TAG.search(text, start, end)
    if closing is not None:
        end = closing.start()
    return trim(text, start, end) if start < end else (start, start)


__all__ = ["find_block_quotes"]
