"""Quotations woven into a sentence with no reporting word of their own.

``Trump also embraced enhanced interrogation -- "I think waterboarding is peanuts"`` or ``Gore
made clear his aim to "fundamentally transform" the country``: the verb whose clause holds the
quotation is its cue, whatever the verb, and that verb's subject is its speaker. This finder
runs last and takes only quotations that no other finder attributed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from quotewire.quotes.frame import (
    PRONOUNS,
    Found,
    Frame,
    FrameFinder,
    cue_span,
    mention_for,
    says_nothing,
    subject_of,
)
from quotewire.quotes.intervals import IntervalIndex
from quotewire.text.marks import QuoteRegion

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_MIN_WORDS = 5  # words inside a quotation worth attributing
_REACH = 3  # heads climbed from a quotation to its verb


def find_embedded(
    text: str, frames: Sequence[Frame], regions: Sequence[QuoteRegion], found: Sequence[Found]
) -> list[Found]:
    """A mixed quote for each quotation inside one paragraph that ``found`` leaves out."""
    covered = _Covered(found)
    finder = FrameFinder(frames)
    out: list[Found] = []
    for region in regions:
        if len(region.segments) != 1 or len(text[region.start : region.end].split()) < _MIN_WORDS:
            continue
        if covered.overlaps(region.start, region.end):
            continue
        frame = next((f for f in finder.holding(region.start) if region.end <= f.stop), None)
        if frame is None:
            continue
        item = _embedded(text, frame, region)
        if item is not None:
            out.append(item)
            covered.add(item.content)
    return out


class _Covered:
    """The text the statements found so far cover: an interval index of those found by the
    other finders, and the spans added here (which, found in text order, are checked by their
    largest end while all of them start before the stretch asked about)."""

    def __init__(self, found: Sequence[Found]) -> None:
        self.index = IntervalIndex((s, e, 0) for item in found for s, e in item.content)
        self.added: list[tuple[int, int]] = []
        self.last_start = self.last_end = -1

    def overlaps(self, lo: int, hi: int) -> bool:
        if next(self.index.overlapping(lo, hi), None) is not None:
            return True
        if self.last_start < hi:  # every added span starts before ``hi``
            return self.last_end > lo
        return any(s < hi and lo < e for s, e in self.added)

    def add(self, spans: Sequence[tuple[int, int]]) -> None:
        self.added += spans
        for s, e in spans:
            self.last_start, self.last_end = max(self.last_start, s), max(self.last_end, e)


def _embedded(text: str, frame: Frame, region: QuoteRegion) -> Found | None:
    tokens = [t for t in frame.tokens_between(region.start, region.end) if not t.is_space]
    if not tokens:
        return None
    top = min(tokens, key=frame.depth)
    verb = top.head
    for _ in range(_REACH):
        if verb.pos_ in ("VERB", "AUX") and not frame.quoted(verb):
            break
        if verb.head.i == verb.i:
            return None
        verb = verb.head
    else:
        return None
    if verb.pos_ not in ("VERB", "AUX") or frame.quoted(verb) or frame.start(verb) > region.start:
        return None
    subject = subject_of(verb)
    if subject is None or frame.quoted(subject) or not _can_speak(subject):
        return None
    child = next(c for c in verb.children if c.left_edge.i <= top.i <= c.right_edge.i)
    start = frame.start(child.left_edge)
    end = max(frame.end(child.right_edge), region.end)
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if start >= end:
        return None
    return Found(
        type="mixed" if start < region.start - 1 else "direct",
        content=[(start, end)],
        cue=cue_span(frame, verb),
        speaker=mention_for(frame, subject),
        confidence=0.5,
        paragraph=frame.index,
        cue_token=verb,
        weak=True,
    )


def _can_speak(token: Any) -> bool:
    """A person, a group or someone named by a pronoun; not "it" or "this"."""
    lower = token.lower_
    if says_nothing(token):
        return False
    return bool(lower in PRONOUNS or token.ent_type_ in _SPEAKER_LABELS or token.pos_ == "PROPN")
