"""What surrounds an amount in its sentence: the period it refers to and the trend stated.

Pure functions over text: ``find_times("growth in the first quarter of 2025", ...)`` gives the
words and the period ``2025-Q1``; relative words ("last year", "this month") are resolved against
the article's date.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_YEAR = r"(?:19|20)\d{2}"
# Every alternative opens a word with one of these letters or digits; the boundary and the
# lookahead let the scan skip the other positions without trying each alternative there (four
# times as fast; the same matches on every PolNeAR article, and none inside a word: "21st").
_TIME_FIRST = _EN.pattern("time_first")


@dataclass(frozen=True, slots=True)
class _TimeWords:
    """A language's time expressions (its profile's ``time`` pattern, whose named groups say
    which kind of period each match is), the numbers of its month names and ordinals, how far
    its relative words move ("last": -1), what period its relative units are ("году": year),
    and its trends' patterns in the order they are tried."""

    time: re.Pattern[str]
    months: Mapping[str, int]
    ordinals: Mapping[str, int]
    shifts: Mapping[str, int]
    units: Mapping[str, str]
    trends: tuple[tuple[re.Pattern[str], str], ...]


#: The trends, in the order they are tried: the first whose words a stretch holds is its trend.
_TREND_ORDER = ("growing", "declining", "increased", "decreased", "unchanged")


@cache
def _time_words(language: str) -> _TimeWords:
    words = profile(language)
    if language == "en":
        time = _TIME_FIRST + words.pattern(
            "time", year=_YEAR, month_names=words.pattern("month_names")
        )
    else:
        time = words.pattern("time", year=_YEAR)
    return _TimeWords(
        time=re.compile(time, re.IGNORECASE),
        months=words.number_map("month_numbers"),
        ordinals=words.number_map("quarter_ordinals"),
        shifts=words.number_map("relative_shifts"),
        units=words.word_map("relative_units") if language != "en" else {},
        trends=tuple(
            (re.compile(words.pattern(f"trend_{trend}"), re.I), trend) for trend in _TREND_ORDER
        ),
    )


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression: ``text[start:end]`` and the period it names (None when unresolved)."""

    start: int
    end: int
    period: str | None
    relative: bool


def find_times(
    text: str, start: int, end: int, published: date | None, language: str = "en"
) -> list[TimeRef]:
    """Time expressions in ``text[start:end]`` with their periods, in text order, as the
    profile of ``language`` writes them."""
    words = _time_words(language)
    refs = []
    for m in words.time.finditer(text, start, end):
        found = m.groupdict()
        period, relative = _period(found, words, published)
        month = found.get("mn")
        if found.get("month") and month and month.lower() == "may" and month[0].islower():
            continue  # the verb "may"
        refs.append(TimeRef(m.start(), m.end(), period, relative))
    return refs


def _period(
    m: Mapping[str, str | None], words: _TimeWords, published: date | None
) -> tuple[str | None, bool]:
    """The period of one match's named groups (``m``: group -> words, None when unmatched; a
    kind the language's pattern has not is never matched)."""
    year = published.year if published else None
    if m.get("quarter"):
        n = words.ordinals.get((m.get("qn") or "").lower()) or int(m.get("qd") or 0)
        y = m.get("qy") or m.get("qdy")
        return _join(int(y) if y else _past(published, 3 * n - 2), f"Q{n}"), y is None
    if m.get("half"):
        n = 1 if words.ordinals.get((m.get("hn") or "").lower()) == 1 else 2
        y = m.get("hy")
        return _join(int(y) if y else _past(published, 6 * n - 5), f"H{n}"), y is None
    if m.get("month"):
        month = words.months[(m.get("mn") or "").lower().rstrip(".")]
        y = m.get("my")
        day = m.get("md")
        if y is None and year is not None and published is not None:
            year = _nearest_year(published, month, int(day) if day else None)
        resolved = int(y) if y else year
        if resolved is None:
            return None, False
        stamp = f"{resolved}-{month:02d}" + (f"-{int(day):02d}" if day else "")
        return stamp, y is None
    if m.get("period"):
        return m.get("py"), False
    if m.get("fiscal"):
        return m.get("fy"), False
    if m.get("year"):
        return m.get("yy"), False
    word, unit = (m.get("rw") or "").lower(), (m.get("ru") or "").lower()
    unit = words.units.get(unit, unit)
    if published is None:
        return None, True
    shift = words.shifts.get(word, 0)
    if unit == "year":
        return str(published.year + shift), True
    if unit == "month":
        index = published.year * 12 + published.month - 1 + shift
        return f"{index // 12}-{index % 12 + 1:02d}", True
    quarter = (published.month - 1) // 3 + shift
    return f"{published.year + quarter // 4}-Q{quarter % 4 + 1}", True


def _nearest_year(published: date, month: int, day: int | None) -> int:
    """The year of a month (and day) written without one: the one nearest the article's date,
    a day ahead counting as two behind, as figures are seldom of what has not happened yet
    ("inflation in November", written in March: last November; "in July", written in
    January: last July; "before March 15", written on February 17: this March)."""

    def distance(year: int) -> int:
        days = (date(year, month, min(day or 15, 28)) - published).days
        return 2 * days if days > 0 else -days

    return min((published.year - 1, published.year, published.year + 1), key=distance)


def _past(published: date | None, first_month: int) -> int | None:
    """The year of the latest period starting in ``first_month`` that has begun by the
    article's date: a "third quarter" named in March is last year's."""
    if published is None:
        return None
    return published.year - 1 if first_month > published.month else published.year


def _join(year: int | None, part: str) -> str | None:
    return f"{year}-{part}" if year is not None else None


def find_trend(text: str, start: int, end: int, language: str = "en") -> str | None:
    """The trend ``text[start:end]`` states, the first kind found in the order growing,
    declining, increased, decreased, unchanged; None when it states none."""
    for pattern, trend in _time_words(language).trends:
        if pattern.search(text, start, end):
            return trend
    return None
