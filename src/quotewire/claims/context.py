"""What surrounds an amount in its sentence: the period it refers to and the trend stated.

Pure functions over text: ``find_times("growth in the first quarter of 2025", ...)`` gives the
words and the period ``2025-Q1``; relative words ("last year", "this month") are resolved against
the article's date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_MONTHS = _EN.number_map("month_numbers")
_ORDINALS = _EN.number_map("quarter_ordinals")
_MONTH_NAMES = _EN.pattern("month_names")
_YEAR = r"(?:19|20)\d{2}"
# Every alternative opens a word with one of these letters or digits; the boundary and the
# lookahead let the scan skip the other positions without trying each alternative there (four
# times as fast; the same matches on every PolNeAR article, and none inside a word: "21st").
_TIME_FIRST = _EN.pattern("time_first")
_TIME = re.compile(
    _TIME_FIRST + _EN.pattern("time", year=_YEAR, month_names=_MONTH_NAMES), re.IGNORECASE
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
    shift = _RELATIVE_SHIFTS.get(word, 0)
    if unit == "year":
        return str(published.year + shift), True
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}", True
    quarter = (published.month - 1) // 3 + shift
    return f"{published.year + quarter // 4}-Q{quarter % 4 + 1}", True


#: How many periods back (-1) or on (1) a relative word moves ("last year", "next quarter");
#: another word ("this", "current") is the period of the article's date.
_RELATIVE_SHIFTS = _EN.number_map("relative_shifts")


def _past(published: date | None, first_month: int) -> int | None:
    """The year of the latest period starting in ``first_month`` that has begun by the
    article's date: a "third quarter" named in March is last year's."""
    if published is None:
        return None
    return published.year - 1 if first_month > published.month else published.year


def _join(year: int | None, part: str) -> str | None:
    return f"{year}-{part}" if year is not None else None


#: The trends, in the order they are tried: the first whose words a stretch holds is its trend.
_TREND_ORDER = ("growing", "declining", "increased", "decreased", "unchanged")
_TRENDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(_EN.pattern(f"trend_{trend}"), re.I), trend) for trend in _TREND_ORDER
]


def find_trend(text: str, start: int, end: int) -> str | None:
    """The trend ``text[start:end]`` states, the first kind found in the order growing,
    declining, increased, decreased, unchanged; None when it states none."""
    for pattern, trend in _TRENDS:
        if pattern.search(text, start, end):
            return trend
    return None
