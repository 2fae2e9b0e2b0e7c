"""Quotation marks: where quoted stretches of text begin and end.

Handles the common styles (``"…"``, ``“…”``, ``„…“``, ``«…»``, ``‘…’`` at the top level),
quotations that run over several paragraphs (a paragraph that ends without a closing mark and the
next that reopens, the newswire convention) and unbalanced marks: an unclosed quotation ends at the
end of its paragraph and is flagged ``closed=False``; it never swallows the rest of the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotewire.text.paragraphs import Paragraph

DOUBLE_MARKS = frozenset('"“”„«»‟″')
SINGLE_MARKS = frozenset("‘’‹›")
_OPENERS_BEFORE = set(" \t\n([{—–-/:;") | DOUBLE_MARKS | SINGLE_MARKS
_CLOSERS_AFTER = set(" \t\n)]}.,;:!?—–-…") | DOUBLE_MARKS | SINGLE_MARKS


@dataclass(slots=True)
class QuoteRegion:
    """A quoted stretch: ``segments`` are the texts inside the marks, one per paragraph."""

    segments: list[tuple[int, int]] = field(default_factory=list)
    marks: list[int] = field(default_factory=list)
    closed: bool = True
    single: bool = False

    @property
    def start(self) -> int:
        return self.segments[0][0]

    @property
    def end(self) -> int:
        return self.segments[-1][1]

    @property
    def outer_start(self) -> int:
        """Offset of the opening mark."""
        return self.marks[0]

    @property
    def outer_end(self) -> int:
        """Offset one past the closing mark (or the end of the content when unclosed)."""
        return self.marks[-1] + 1 if self.closed else self.end


def _looks_opening(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return before in _OPENERS_BEFORE and not after.isspace()


#: The digits of a year written short after its apostrophe ("in ‘08", "the ‘90s").
_ELIDED_YEAR = re.compile(r"\d\d(?:s\b|(?![\w’‘]))")


def _looks_closing(text: str, i: int, lo: int, hi: int) -> bool:
    before = text[i - 1] if i > lo else " "
    after = text[i + 1] if i + 1 < hi else " "
    return not before.isspace() and (after in _CLOSERS_AFTER or after.isspace())


def _closes(opener: str, mark: str) -> bool:
    if opener == "„":
        return mark in '“”"'
    if opener == "«":
        return mark == "»"
    if opener == "»":  # Danish/Swedish style »…«
        return mark == "«"
    return mark in '”"“″'


def _inner_closer(text: str, i: int, lo: int, hi: int) -> int | None:
    """For an opening curly mark at ``i`` inside an open curly quotation: the closing mark of
    the inner quotation it opens, when the next two curly marks of the paragraph both close
    (the inner one, then the outer one); else None (the outer quotation was left open)."""
    if not _looks_opening(text, i, lo, hi):
        return None
    closers: list[int] = []
    j = i + 1
    while len(closers) < 2:
        j = min((k for k in (text.find("“", j, hi), text.find("”", j, hi)) if k >= 0), default=-1)
        if j < 0 or text[j] == "“":
            return None
        closers.append(j)
        j += 1
    return closers[0] if _looks_closing(text, closers[1], lo, hi) else None


#: For an outer quotation opened with the first mark: the mark that opens a quotation of the
#: other style inside it, its closer, and the outer quotation's closer.
_OTHER_STYLE = {'"': ("“", "”", '"'), "“": ('"', '"', "”")}


#: The most words of a quotation of the other style that stays inside the outer one: a term
#: or a phrase ("as “too loud” or “too shrill”"); a longer one, often with its own tag
#: (""“We will win,” Rubio responded before ..."" in a quoted excerpt), is not nested. Its
#: closer is looked for this many characters on at most.
_INNER_WORDS = 6
_INNER_REACH = 120


def _inner_of_other_style(
    text: str, i: int, lo: int, hi: int, opener: str, last_closers: dict[str, int]
) -> int | None:
    """For a mark at ``i`` inside a quotation opened with ``opener``: the closing mark of the
    quotation it opens when it is of the other style (curly inside straight, straight inside
    curly), short, closes, and the outer quotation closes after it; else None.
    ``last_closers`` holds the paragraph's last closing mark of each kind, found once."""
    style = _OTHER_STYLE.get(opener)
    if style is None or text[i] != style[0] or not _looks_opening(text, i, lo, hi):
        return None
    _, inner, outer = style
    close = _next_closing(text, inner, i + 1, lo, min(hi, i + 1 + _INNER_REACH), hi)
    if close is None or len(text[i + 1 : close].split()) > _INNER_WORDS:
        return None  # a sentence quoted inside an excerpt is a statement of its own
    if outer not in last_closers:
        last_closers[outer] = _last_closing(text, outer, lo, hi)
    return close if last_closers[outer] > close else None


def _next_closing(text: str, mark: str, start: int, lo: int, stop: int, hi: int) -> int | None:
    """The first ``mark`` in ``[start, stop)`` that looks like a closing one in its paragraph
    ``[lo, hi)``."""
    j = text.find(mark, start, stop)
    while j >= 0 and not _looks_closing(text, j, lo, hi):
        j = text.find(mark, j + 1, stop)
    return j if j >= 0 else None


def _last_closing(text: str, mark: str, lo: int, hi: int) -> int:
    """The last ``mark`` in the paragraph ``[lo, hi)`` that looks like a closing one, or -1."""
    j = text.rfind(mark, lo, hi)
    while j >= 0 and not _looks_closing(text, j, lo, hi):
        j = text.rfind(mark, lo, j)
    return j


def _reopens(text: str, paragraph: Paragraph) -> bool:
    first = text[paragraph.start : paragraph.start + 2].lstrip()[:1]
    return first in '“"„«' and paragraph.end - paragraph.start > 1


_TWO_APOSTROPHES = re.compile(r"''|``")


def typewriter_marks(text: str) -> str:
    """``text`` with typewriter double marks (two apostrophes, NYT style, for both opening and
    closing; or two backquotes) turned into one double quote and a space, keeping every offset:
    the double quote goes next to the words the pair opens or closes."""
    if "''" not in text and "``" not in text:
        return text
    chars = list(text)
    for match in _TWO_APOSTROPHES.finditer(text):
        i = match.start()
        after = text[i + 2] if i + 2 < len(text) else " "
        before = text[i - 1] if i > 0 else " "
        opening = match.group() == "``" or (
            not after.isspace() and (before.isspace() or before in "([{—–-/")
        )
        chars[i : i + 2] = [" ", '"'] if opening else ['"', " "]
    return "".join(chars)


#: The marks :func:`find_quote_regions` stops at (every other character it passes over).
_SCANNED = DOUBLE_MARKS | frozenset("‘‹")
_NEXT_SCANNED = re.compile("[" + re.escape("".join(sorted(_SCANNED))) + "]")


def find_quote_regions(text: str, paragraphs: Sequence[Paragraph]) -> list[QuoteRegion]:
    """The quoted stretches of ``text``, in order, found paragraph by paragraph.

    Offsets point into ``text``; typewriter marks (``''…''``) count as double quotation marks.
    """
    text = typewriter_marks(text)
    regions: list[QuoteRegion] = []
    carry: QuoteRegion | None = None
    carry_opener = ""
    for n, para in enumerate(paragraphs):
        lo, hi = para.start, para.end
        current, opener = carry, carry_opener
        carry = None
        seg_start = lo
        if current is not None:  # the reopening mark of a continued quotation
            mark = lo + 1 if text[lo].isspace() else lo
            current.marks.append(mark)
            seg_start = mark + 1
        i = seg_start if current is not None else lo
        singles = _SingleClosers(text, lo, hi)
        last_closers: dict[str, int] = {}  # the paragraph's last closing mark of each kind
        inner_close = -1  # the closing mark of a quotation inside the open one
        while i < hi:
            ch = text[i]
            if ch not in _SCANNED:  # skip to the next mark that may open or close
                found = _NEXT_SCANNED.search(text, i, hi)
                if found is None:
                    break
                i = found.start()
                ch = text[i]
            if ch in DOUBLE_MARKS:
                if i == inner_close:
                    i += 1
                    continue
                if current is None:
                    if ch == "»" and not _looks_opening(text, i, lo, hi):
                        i += 1
                        continue
                    if ch == "”" and not _looks_opening(text, i, lo, hi):
                        i += 1
                        continue
                    current, opener = QuoteRegion(marks=[i]), ch
                    seg_start = i + 1
                elif _closes(opener, ch) and (
                    _looks_closing(text, i, lo, hi)
                    or not _looks_opening(text, i, lo, hi)
                    or ch in "”»"
                ):
                    current.segments.append((seg_start, i))
                    current.marks.append(i)
                    regions.append(current)
                    current = None
                elif ch == "“" == opener and (nested := _inner_closer(text, i, lo, hi)):
                    inner_close = nested  # "“... what he calls “hell” than live ...”"
                elif (
                    nested := _inner_of_other_style(text, i, lo, hi, opener, last_closers)
                ) is not None:
                    inner_close = nested  # "\"... as “too loud” or “too shrill.”\""
                elif ch in "“„«" and opener in "“„«" and not _closes(opener, ch):
                    # a second opener before any closer: the first was never closed
                    current.segments.append((seg_start, i))
                    current.closed = False
                    regions.append(current)
                    current, opener = QuoteRegion(marks=[i]), ch
                    seg_start = i + 1
            elif (
                ch in "‘‹"
                and current is None
                and _looks_opening(text, i, lo, hi)
                and not _ELIDED_YEAR.match(text, i + 1, hi)
            ):
                close = singles.next(i + 1, "’" if ch == "‘" else "›")
                if close is not None:
                    regions.append(QuoteRegion([(i + 1, close)], [i, close], single=True))
                    i = close
            i += 1
        if current is not None:
            current.segments.append((seg_start, hi))
            nxt = paragraphs[n + 1] if n + 1 < len(paragraphs) else None
            if nxt is not None and _reopens(text, nxt) and seg_start < hi:
                carry, carry_opener = current, opener
            else:
                current.closed = False
                regions.append(current)
    return [r for r in regions if any(e > s for s, e in r.segments)]


class _SingleClosers:
    """The closing single marks of one paragraph ``[lo, hi)``: a closer with no letter or
    digit right after it and no space right before it. Each closer's positions are listed once,
    on first use, so that every opener finds its closer by bisection instead of searching the
    rest of the paragraph (many openers that never close made that quadratic)."""

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text, self.lo, self.hi = text, lo, hi
        self.positions: dict[str, list[int]] = {}

    def next(self, i: int, closer: str) -> int | None:
        """The first closing ``closer`` at or after ``i`` (past the paragraph's start)."""
        positions = self.positions.get(closer)
        if positions is None:
            positions = self.positions[closer] = self._find(closer)
        n = bisect_left(positions, i)
        return positions[n] if n < len(positions) else None

    def _find(self, closer: str) -> list[int]:
        text, hi = self.text, self.hi
        out = []
        j = text.find(closer, self.lo, hi)
        while j >= 0:
            after = text[j + 1] if j + 1 < hi else " "
            if not after.isalnum() and not text[j - 1].isspace():
                out.append(j)
            j = text.find(closer, j + 1, hi)
        return out
