"""The dateline of an article: where the date (and time) of the story is given, and its ISO value.

Two forms are recognised near the top of the text (the first eight non-empty lines, starting
within the first 600 characters):

* a line that is a date stamp, optionally labelled: ``10:52, 26 September``,
  ``26 September 2025, 10:52``, ``Sept. 26, 2025``, ``September 26, 2025 10:52 AM``,
  ``2025-09-26``, ``Friday, 26 September 2025``, ``Updated: 26.09.2025``;
* a wire dateline opening a paragraph: ``MINSK, Sept 26 (BelTA) -``, ``(Moscow, Reuters) -``,
  ``WASHINGTON (AP) —``; the span covers the dateline only, up to its dash.

A stamp line is preferred to a wire dateline. Stamps are parsed with dateparser (imported on
first use, as it is slow to import). When the stamp has no year, the year is inferred and
``inferred`` is true: from ``reference_date`` when given (the most recent such date no more than
about two months after the reference date), otherwise from the latest year the text mentions
(years in forward-looking phrases such as "by 2030" are ignored). With no year to be found the
span is kept and ``published`` is ``None``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from types import ModuleType

from quotewire.lang import profiles
from quotewire.model import Span

HEAD_LINES = 8
"""How many non-empty lines at the top of the text are searched."""

HEAD_CHARS = 600
"""A dateline line must start within this many characters of the start of the text."""

REFERENCE_LEEWAY = timedelta(days=62)
"""How far after the reference date a year-less date may fall and keep the reference year."""


def _either(key: str) -> str:
    """The dateline words ``key`` of every language profile, as one alternation."""
    found = [p.dates[key] for p in profiles() if p.dates.get(key)]
    return "(?:" + "|".join(f"(?:{words})" for words in found) + ")" if found else "(?!)"


def _one_of(key: str) -> str:
    """As :func:`_either`, but the words of a single profile that has them as they are (for
    the caller to put in a group where it needs one)."""
    found = [p.dates[key] for p in profiles() if p.dates.get(key)]
    return found[0] if len(found) == 1 else _either(key)


_MONTH = _either("months")
_WEEKDAY = _either("weekdays")
_DAY = rf"\d{{1,2}}(?:{_one_of('day_suffix')})?"
_YEAR = r"(?:19|20)\d{2}"
_YEAR_SUFFIX = rf"(?:{_either('year_suffix')})?"
#: "a.m." and "p.m." (their full stops aside)
_MERIDIEM = _one_of("meridiem")
_TIME = (
    rf"(?:\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*{_MERIDIEM}\.?)?"
    rf"|\d{{1,2}}(?:\.\d{{2}})?\s*{_MERIDIEM}\.?)"
)
_ZONE = (
    r"\(?(?:gmt|utc|msk|мск|est|edt|cet|cest|eet|eest|bst|pst|pdt|cst|cdt|ist|jst)"
    r"(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?"
)
_DMY = rf"{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR}{_YEAR_SUFFIX})?"
_MDY = rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?"
_ISO = rf"{_YEAR}-\d{{2}}-\d{{2}}(?:[T ]\d{{2}}:\d{{2}}(?::\d{{2}})?)?"
_DOTTED = rf"\d{{1,2}}\.\d{{1,2}}\.{_YEAR}{_YEAR_SUFFIX}"
_DATE = rf"(?:{_WEEKDAY},?\s+)?(?:{_DMY}|{_MDY}|{_ISO}|{_DOTTED})"
_JOIN = rf"(?:\s*[,|/–—-]\s*|\s+)(?:{_either('at')}\s+)?"
_STAMP = rf"(?:{_TIME}{_JOIN}{_DATE}|{_DATE}(?:{_JOIN}{_TIME})?)(?:\s*{_ZONE})?"
_LABEL = rf"(?:{_either('labels')}\s*:?\s*)?"
_DATE_LINE = re.compile(rf"^{_LABEL}(?P<stamp>{_STAMP})\s*\.?$", re.IGNORECASE)

#: the capital letters of the scripts there are profiles for (place names in wire datelines
#: are written in capitals: "MINSK", "МОСКВА")
CAPITALS = "A-ZА-ЯЁ"
_PLACE = rf"[{CAPITALS}][{CAPITALS}.'’]+(?:[ -][{CAPITALS}][{CAPITALS}.'’]*){{0,3}}"
_DASH = r"\s*[-–—―]+"
_WIRE_PLACE_FIRST = re.compile(
    rf"^(?P<place>{_PLACE})(?:,\s*[{CAPITALS}][\w.]*(?:\s[{CAPITALS}][\w.]*)?)??"
    rf"(?:,\s*(?P<date>(?i:{_DMY}|{_MDY})))?"
    rf"(?:\s*\((?P<agency>[{CAPITALS}][^()\n]{{0,39}})\))?{_DASH}(?=\s)"
)
_WIRE_PARENTHESISED = re.compile(
    rf"^\((?P<place>[{CAPITALS}][\w .'’-]{{1,30}}),"
    rf"\s*(?P<agency>[{CAPITALS}][\w .'’-]{{0,30}})\){_DASH}"
)
#: TASS's form, the agency between slashes and no dash: "КАЗАНЬ, 2 декабря. /ТАСС/."
_WIRE_SLASHED = re.compile(
    rf"^(?P<place>{_PLACE})(?:,\s*(?P<date>(?i:{_DMY}|{_MDY})))?\.?"
    rf"\s*/(?P<agency>[{CAPITALS}][^/\n]{{0,39}})/\.?(?=\s)"
)

_HAS_YEAR = re.compile(rf"\b{_YEAR}\b")
_HAS_TIME = re.compile(rf"\d:\d{{2}}|\d\s*{_MERIDIEM}\b", re.IGNORECASE)
_YEAR_MENTION = re.compile(rf"(?<![\d$€£.,])\b(?P<year>{_YEAR})\b(?![.,]?\d)")
_FORWARD_LOOKING = re.compile(rf"(?:\b{_either('forward')}|[-–]\s*)$", re.IGNORECASE)
_LOOKBEHIND_CHARS = 24
_CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)


@dataclass(frozen=True)
class DatelineInfo:
    """The dateline span (``None`` when there is none) and the date it gives, as ISO text."""

    span: Span | None
    published: str | None
    inferred: bool


def find_dateline(
    text: str,
    *,
    reference_date: date | None = None,
    skip: Sequence[tuple[int, int]] = (),
) -> DatelineInfo:
    """The dateline near the top of ``text`` and the date it gives.

    ``reference_date`` (e.g. the date the article was fetched) supplies a missing year; ``skip``
    lists ``(start, end)`` ranges not to search (a title already found, debris lines).
    ``published`` is ``"YYYY-MM-DDTHH:MM:SS"`` when the dateline has a time, else
    ``"YYYY-MM-DD"``.
    """
    lines = [bounds for bounds in _head_lines(text) if not _overlaps(bounds, skip)]
    for start, end in lines:
        match = _DATE_LINE.match(text[start:end])
        if match:
            span = Span.of(text, start + match.start("stamp"), start + match.end("stamp"))
            return _with_date(text, span, span.text, reference_date)
    for start, end in lines:
        wire = match_wire_dateline(text[start:end])
        if wire:
            span = Span.of(text, start, start + wire.end())
            stamp = wire.groupdict().get("date")
            if stamp is None:
                return DatelineInfo(span=span, published=None, inferred=False)
            return _with_date(text, span, stamp, reference_date)
    return DatelineInfo(span=None, published=None, inferred=False)


def is_date_line(line: str) -> bool:
    """Whether ``line`` is a date stamp on its own ("10:52, 26 September")."""
    return _DATE_LINE.match(line.strip()) is not None


def match_wire_dateline(line: str) -> re.Match[str] | None:
    """The wire dateline opening ``line`` ("MINSK, Sept 26 (BelTA) -"), ending at its dash (at
    the agency's closing slash and full stop in "КАЗАНЬ, 2 декабря. /ТАСС/.")."""
    return (
        _WIRE_PLACE_FIRST.match(line)
        or _WIRE_PARENTHESISED.match(line)
        or _WIRE_SLASHED.match(line)
    )


def _head_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of the stripped first non-empty lines of ``text``."""
    position = 0
    found = 0
    for line in text.splitlines(keepends=True):
        if position >= HEAD_CHARS or found >= HEAD_LINES:
            return
        content = line.strip()
        if content:
            start = position + line.index(content)
            yield start, start + len(content)
            found += 1
        position += len(line)


def _overlaps(bounds: tuple[int, int], skip: Sequence[tuple[int, int]]) -> bool:
    start, end = bounds
    return any(start < skip_end and skip_start < end for skip_start, skip_end in skip)


def _with_date(text: str, span: Span, stamp: str, reference: date | None) -> DatelineInfo:
    if _HAS_YEAR.search(stamp):
        parsed = _parse(stamp, None)
        return DatelineInfo(span=span, published=_iso(parsed, stamp), inferred=False)
    base = _year_base(text, span, reference)
    if base is None:
        return DatelineInfo(span=span, published=None, inferred=False)
    parsed = _parse(stamp, base)
    published = _iso(parsed, stamp)
    return DatelineInfo(span=span, published=published, inferred=published is not None)


def _year_base(text: str, span: Span, reference: date | None) -> datetime | None:
    """The moment a year-less date is taken to be the latest occurrence before."""
    if reference is not None:
        return datetime.combine(reference + REFERENCE_LEEWAY, time.max)
    year = latest_year(text, exclude=(span.start, span.end))
    if year is None:
        return None
    return datetime(year, 12, 31, 23, 59, 59)


def latest_year(text: str, *, exclude: tuple[int, int] = (0, 0)) -> int | None:
    """The latest year (1900–2099) ``text`` mentions outside ``exclude``, ignoring "by 2030"."""
    years = [
        int(match.group("year"))
        for match in _YEAR_MENTION.finditer(text)
        if not exclude[0] <= match.start() < exclude[1]
        and not _FORWARD_LOOKING.search(
            text[max(0, match.start() - _LOOKBEHIND_CHARS) : match.start()]
        )
    ]
    return max(years, default=None)


def _iso(parsed: datetime | None, stamp: str) -> str | None:
    if parsed is None:
        return None
    if _HAS_TIME.search(stamp):
        return parsed.replace(tzinfo=None).isoformat(timespec="seconds")
    return parsed.date().isoformat()


def _parse(stamp: str, base: datetime | None) -> datetime | None:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "DMY",
        "REQUIRE_PARTS": ["day", "month"],
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base
    languages = ["ru"] if _CYRILLIC.search(stamp) else ["en"]
    result = _dateparser().parse(_for_parser(stamp), languages=languages, settings=settings)
    return result if isinstance(result, datetime) else None


def _for_parser(stamp: str) -> str:
    """The stamp in a form dateparser reads reliably ("Sept." → "Sep", no "at" or "|")."""
    cleaned = re.sub(r"\bsept\b\.?", "Sep", stamp, flags=re.IGNORECASE)
    cleaned = re.sub(r"\s+at\s+|\s*\|\s*", " ", cleaned, flags=re.IGNORECASE)
    return cleaned.strip(" ,")


@lru_cache(maxsize=1)
def _dateparser() -> ModuleType:
    """The dateparser module, imported on first use (importing it takes a while)."""
    import dateparser

    module: ModuleType = dateparser
    return module


__all__ = [
    "HEAD_CHARS",
    "HEAD_LINES",
    "REFERENCE_LEEWAY",
    "DatelineInfo",
    "find_dateline",
    "is_date_line",
    "latest_year",
    "match_wire_dateline",
]
