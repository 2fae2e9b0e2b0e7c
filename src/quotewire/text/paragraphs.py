"""Paragraphs: the stretches of text between line breaks, as character offsets.

News text puts one paragraph on a line (agency copy) or separates paragraphs by blank lines
(most web text); both come out the same here: every non-blank line is a paragraph, with its
leading and trailing whitespace left out of the span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

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
    """The paragraphs that do not overlap any ``excluded`` range (debris, datelines)."""
    ranges = sorted(excluded)
    kept = []
    for paragraph in paragraphs:
        if not any(s < paragraph.end and paragraph.start < e for s, e in ranges):
            kept.append(paragraph)
    return kept
