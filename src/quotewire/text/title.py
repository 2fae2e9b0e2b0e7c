"""The headline of a plain-text article: its first line, when that line reads like a title.

News texts saved as plain text usually start with the headline on a line of its own
("Putin: The situation in cooperation between Russia and Belarus is very good"), followed by a
dateline or the first paragraph. :func:`find_title` accepts the first non-empty line when it is
short (at most :data:`MAX_TITLE_CHARS`), is followed by more text (not by a lowercase line that
continues it), is neither page debris nor a
date line nor a wire dateline, and either does not end like a sentence, has the
"Speaker: statement" form, or is at most :data:`MAX_TITLE_WITH_PERIOD` characters long and
followed by a blank line (as in corpora that give the title as a sentence, then a blank line).
"""

from __future__ import annotations

import re

from quotewire.lang import profile
from quotewire.model import Span
from quotewire.text.dateline import is_date_line, match_wire_dateline
from quotewire.text.debris import classify_line

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

MAX_TITLE_CHARS = 200
"""The longest first line taken for a title."""

MAX_TITLE_WITH_PERIOD = 150
"""The longest first line ending with a period taken for a title (when a blank line follows)."""

_MIN_TITLE_WORDS = 2
_SPEAKER_HEADLINE = re.compile(
    r"^(?P<speaker>[A-Z][\w.'’-]*(?:\s+[\w.'’-]+){0,3}):\s+[\"“‘']?[A-Z0-9]"
)
_REPORTING_WORDS = _EN.words("headline_reporting_words")
_SENTENCE_END = re.compile(r"[.:;,][\"'”’)\]]*$")
_PERIOD_END = re.compile(r"\.[\"'”’)\]]*$")
_LINE = re.compile(r"[^\r\n]+")


def find_title(text: str) -> Span | None:
    """The span of the headline line of ``text`` (without surrounding spaces), or ``None``."""
    lines = _first_lines(text)
    if len(lines) < 2:
        return None
    (start, end), (next_start, _next_end) = lines
    content = text[start:end]
    if not _headline_shape(content) or text[next_start : next_start + 1].islower():
        return None  # a lowercase next line continues a hard-wrapped sentence
    if _speaker_headline(content) or _SENTENCE_END.search(content) is None:
        return Span.of(text, start, end)
    if (
        _PERIOD_END.search(content)
        and len(content) <= MAX_TITLE_WITH_PERIOD
        and _blank_line_between(text[end:next_start])
    ):
        return Span.of(text, start, end)
    return None


def _first_lines(text: str) -> list[tuple[int, int]]:
    """Stripped (start, end) of the first two non-empty lines."""
    found: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        content = match.group().strip()
        if content:
            start = match.start() + match.group().index(content)
            found.append((start, start + len(content)))
            if len(found) == 2:
                break
    return found


def _speaker_headline(content: str) -> bool:
    """The "Speaker: statement" headline form ("Putin: The situation ... is very good")."""
    match = _SPEAKER_HEADLINE.match(content)
    if match is None:
        return False
    words = match.group("speaker").lower().split()
    return not _REPORTING_WORDS.intersection(words)


def _headline_shape(content: str) -> bool:
    if len(content) > MAX_TITLE_CHARS or len(content.split()) < _MIN_TITLE_WORDS:
        return False
    if classify_line(content) is not None or is_date_line(content):
        return False
    return match_wire_dateline(content) is None


def _blank_line_between(gap: str) -> bool:
    """Whether the text between two lines holds an empty line (two or more line breaks)."""
    return len(gap.replace("\r\n", "\n").replace("\r", "\n").split("\n")) > 2


__all__ = ["MAX_TITLE_CHARS", "MAX_TITLE_WITH_PERIOD", "find_title"]
