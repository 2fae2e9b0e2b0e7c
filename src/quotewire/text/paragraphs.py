"""Paragraphs: the stretches of text between line breaks, as character offsets.

News text puts one paragraph on a line (agency copy) or separates paragraphs by blank lines
(most web text); both come out the same here: every non-blank line is a paragraph, with its
leading and trailing whitespace left out of the span.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate

_LINE = re.compile(r"[^\r\n]+")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """``text[start:end]`` is one paragraph; ``index`` is its position among all paragraphs."""

    index: int
    start: int
    end: int


def split_paragraphs(text: str) -> list[Paragraph]:
    """Every non-blank line of ``text``, trimmed of surrounding whitespace."""
    paragraphs: list[Paragraph] = []
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if not stripped:
            continue
        start = match.start() + (len(line) - len(line.lstrip()))
        paragraphs.append(Paragraph(len(paragraphs), start, start + len(stripped)))
    return paragraphs


def outside(
    paragraphs: Iterable[Paragraph], excluded: Iterable[tuple[int, int]]
) -> list[Paragraph]:
    """The paragraphs that do not overlap any ``excluded`` range (debris, datelines).

    A paragraph overlaps a range that starts before the paragraph ends and ends after it
    starts: with the ranges sorted by start and the largest end of each prefix, one bisection
    per paragraph tells."""
    ranges = sorted(excluded)
    starts = [s for s, _ in ranges]
    reach = list(accumulate((e for _, e in ranges), max))
    kept = []
    for paragraph in paragraphs:
        k = bisect_left(starts, paragraph.end)  # the ranges that start before it ends
        if not (k and reach[k - 1] > paragraph.start):
            kept.append(paragraph)
    return kept
