"""What surrounds an amount in its sentence: the period it refers to and the trend stated.

Pure functions over text: ``find_times("growth in the first quarter of 2025", ...)`` gives the
words and the period ``2025-Q1``; relative words ("last year", "this month") are resolved against
the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_MONTHS = {
    name: n
    for n, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "final": 4,
    "last": 4,
}
_MONTH_NAMES = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?"
)
_YEAR = r"(?:19|20)\d{2}"
# Every alternative opens a word with one of these letters or digits; the boundary and the
# lookahead let the scan skip the other positions without trying each alternative there (four
# times as fast; the same matches on every PolNeAR article, and none inside a word: "21st").
_TIME_FIRST = r"\b(?=[tfs1-4qjmaondplcTFSQJMAONDPLC])"
_TIME = re.compile(
    _TIME_FIRST
    + rf"(?:(?P<quarter>(?:the\s+)?(?P<qn>first|second|third|fourth|final|1st|2nd|3rd|4th)"
    rf"\s+quarter"
    rf"(?:\s+of)?(?:\s+(?P<qy>{_YEAR}))?|\bQ(?P<qd>[1-4])\s*(?P<qdy>{_YEAR})?)"
    rf"|(?P<half>(?:the\s+)?(?P<hn>first|second)\s+half(?:\s+of)?(?:\s+(?P<hy>{_YEAR}))?)"
    rf"|(?P<month>\b(?P<mn>{_MONTH_NAMES})(?:\s+(?P<md>\d{{1,2}})(?:st|nd|rd|th)?,?)?"
    rf"(?:\s+(?P<my>{_YEAR}))?\b)"
    rf"|(?P<period>(?:the\s+)?(?:past|first|last|same)\s+(?:\w+\s+)?(?:period|months?|weeks?)"
    rf"\s+of\s+(?P<py>{_YEAR}))"
    rf"|(?P<fiscal>\b(?:fiscal|financial|FY)\s*(?:year\s+)?(?P<fy>{_YEAR}))"
    rf"|(?P<year>\b(?P<yy>{_YEAR})\b(?![-–/]\d))"
    r"|(?P<rel>\b(?P<rw>this|last|next|previous|past|current|coming)\s+"
    r"(?P<ru>year|quarter|month)\b))",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression: ``text[start:end]`` and the period it names (None when unresolved)."""

    start: int
    end: int
    period: str | None
    relative: bool


def find_times(text: str, start: int, end: int, published: date | None) -> list[TimeRef]:
    """Time expressions in ``text[start:end]`` with their periods, in text order."""
    refs = []
    for m in _TIME.finditer(text, start, end):
        period, relative = _period(m, published)
        if m.group("month") and m.group("mn").lower() == "may" and m.group("mn")[0].islower():
            continue  # the verb "may"
        refs.append(TimeRef(m.start(), m.end(), period, relative))
    return refs


def _period(m: re.Match[str], published: date | None) -> tuple[str | None, bool]:
    year = published.year if published else None
    if m.group("quarter"):
        n = _ORDINALS.get((m.group("qn") or "").lower()) or int(m.group("qd") or 0)
        y = m.group("qy") or m.group("qdy")
        return _join(int(y) if y else _past(published, 3 * n - 2), f"Q{n}"), y is None
    if m.group("half"):
        n = 1 if m.group("hn").lower() == "first" else 2
        y = m.group("hy")
        return _join(int(y) if y else _past(published, 6 * n - 5), f"H{n}"), y is None
    if m.group("month"):
        month = _MONTHS[m.group("mn").lower().rstrip(".")]
        y = m.group("my")
        day = m.group("md")
        if y is None and year is not None and published is not None and month > published.month:
            year -= 1  # "inflation in November", written in March: last November
        resolved = int(y) if y else year
        if resolved is None:
            return None, False
        stamp = f"{resolved}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return stamp, y is None
    if m.group("period"):
        return m.group("py"), False
    if m.group("fiscal"):
        return m.group("fy"), False
    if m.group("year"):
        return m.group("yy"), False
    word, unit = m.group("rw").lower(), m.group("ru").lower()
    if published is None:
        return None, True
    shift = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(word, 0)
    if unit == "year":
        return str(published.year + shift), True
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}", True
    quarter = (published.month - 1) // 3 + shift
    return f"{published.year + quarter // 4}-Q{quarter % 4 + 1}", True


def _past(published: date | None, first_month: int) -> int | None:
    """The year of the latest period starting in ``first_month`` that has begun by the
    article's date: a "third quarter" named in March is last year's."""
    if published is None:
        return None
    return published.year - 1 if first_month > published.month else published.year


def _join(year: int | None, part: str) -> str | None:
    return f"{year}-{part}" if year is not None else None


_TRENDS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(
            r"\b(?:continu\w*|keeps?|kept)\s+(?:to\s+)?(?:grow|rise|rising|increas|climb)\w*"
            r"|\b(?:is|are|was|were|has been|have been)\s+(?:growing|rising|increasing|climbing)"
            r"|\bgrowing\b",
            re.I,
        ),
        "growing",
    ),
    (
        re.compile(
            r"\b(?:continu\w*|keeps?|kept)\s+(?:to\s+)?(?:fall|falling|declin|decreas|shrink)\w*"
            r"|\b(?:is|are|was|were|has been|have been)\s+"
            r"(?:falling|declining|decreasing|shrinking)",
            re.I,
        ),
        "declining",
    ),
    (
        re.compile(
            r"\b(?:rose|risen|rises|increased|increases|grew|grown|climbed|jumped|surged|"
            r"soared|up|higher|raised|doubled|expanded|widened)\b",
            re.I,
        ),
        "increased",
    ),
    (
        re.compile(
            r"\b(?:fell|fallen|falls|decreased|decreases|declined|declines|dropped|eased|"
            r"slipped|shrank|shrunk|down|lower|cut|plunged|tumbled|narrowed|contracted)\b",
            re.I,
        ),
        "decreased",
    ),
    (re.compile(r"\b(?:unchanged|stable|steady|flat|held)\b", re.I), "unchanged"),
]


def find_trend(text: str, start: int, end: int) -> str | None:
    """The trend ``text[start:end]`` states, the first kind found in the order growing,
    declining, increased, decreased, unchanged; None when it states none."""
    for pattern, trend in _TRENDS:
        if pattern.search(text, start, end):
            return trend
    return None
