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

#: What a passage ends with after its words when a markup tag blanked out closed it
#: (``... next week</tweet>.``): no words of its own.
_AFTER_BLANKED_TAG = re.compile(r"\s+[^\w\s]*$")

#: The fewest words a passage must have to be what the introduction announces.
_MIN_WORDS = 6


def find_block_quotes(
    shadow: str, frames: Sequence[Frame], found: Sequence[Found]
) -> list[Found]:
    """Each paragraph introduced by the last clause of the paragraph right before it ("The
    governor added:"), when the introduction's verb is a verb of speech with a subject outside
    quotation marks, and the paragraph holds no quotation mark of its own at its start and no
    statement found already. ``shadow`` is the article's text with its markup blanked out
    (:func:`quotewire.text.debris.masked`), so that an embedded post's tags are no content."""
    taken = sorted(s for f in found for s, _ in f.content)
    out: list[Found] = []
    for intro, passage in pairwise(frames):
        if shadow[intro.stop : passage.offset].strip() or not len(passage.doc):
            continue
        last = intro.outside_tokens(intro.offset, intro.stop, last=1)
        if not last or last[0].text != ":":
            continue  # no introduction ends the paragraph (:func:`colon_intro` needs a colon)
        tail = intro.outside_tokens(intro.offset, intro.stop, last=12)
        cue = colon_intro(intro, tail)
        if cue is None or cue.pos_ != "VERB" or lemma_of(cue) not in SPEECH_VERBS:
            continue
        start, end = trim(shadow, passage.offset, passage.stop)
        closed = _AFTER_BLANKED_TAG.search(shadow, start, end)
        end = closed.start() if closed is not None else end
        if start >= end or (passage.inside and passage.inside[0][0] <= start):
            continue  # a quotation: the direct-quote finder's
        if any(start <= s < end for s in taken) or len(shadow[start:end].split()) < _MIN_WORDS:
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
                block=True,
            )
        )
    return out


__all__ = ["find_block_quotes"]
