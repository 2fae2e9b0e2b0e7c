"""Claims across articles: grouped by claimant, measure and unit, as timelines with flags.

A group holds what one claimant (a registry entity, a nested source, or the narrator) said of
one measure in one unit. Measures are compared by their head word and the words around it
("Danish consumer price inflation", "Danish inflation" and "inflation" are one measure). In
time order (the period the claim refers to, else the article's date), each entry is flagged:

- ``contradiction``: the same claimant gave a value for the same measure and period that
  cannot hold together with an earlier one ("below 3.2%" in March, "3.6%" in June, both for
  2025);
- ``change``: the value differs from the entry before it (another period, or no period).

The same claim repeated in one article (a headline and its lede) counts once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import cast

from quotewire.lang import profile
from quotewire.model import (
    Claim,
    ClaimFlag,
    ClaimGroup,
    ClaimTime,
    Comparator,
    Span,
    TimelineEntry,
)

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

MIN_CHECKWORTHY = 0.3
"""Claims scoring under this (ages, durations, anniversaries, counts of one or two) stay out of
timelines unless asked for."""

_STOP = _EN.words("measure_stop_words")
_KEEP_HEADS = _EN.words("measure_heads")


def measure_key(measure: str) -> tuple[str, frozenset[str]]:
    """The head word of a measure and its other content words: "Poland's budget deficit" ->
    ("deficit", {"budget"}); "share of the country's electricity" -> ("electricity", ...)."""
    words = [w for w in re.findall(r"[a-z0-9]+", measure.lower().replace("'s", "")) if w]
    content = [w for w in words if w not in _STOP or w in _KEEP_HEADS]
    if not content:
        return measure.lower(), frozenset()
    of = measure.lower().split(" of ", 1)
    head_words = re.findall(r"[a-z0-9]+", of[0].replace("'s", ""))
    head_words = [w for w in head_words if w not in _STOP] or content
    head = _singular(head_words[-1])
    return head, frozenset(_singular(w) for w in content) - {head}


def track(
    entries: Iterable[TimelineEntry],
    claimant_of: dict[tuple[str, str], tuple[str | None, str]],
) -> list[ClaimGroup]:
    """Group ``entries`` (claims with their articles) into timelines and flag them.

    ``claimant_of`` maps (article, claim id) to the claimant's (id, name).
    """
    groups: dict[tuple[str | None, str, str], ClaimGroup] = {}
    for entry in entries:
        claim = entry.claim
        if not claim.measure:
            continue
        who, name = claimant_of.get((entry.article, claim.id), (None, "narrator"))
        head, _ = measure_key(claim.measure)
        key = (who, head, claim.unit)
        group = groups.get(key)
        if group is None:
            group = groups[key] = ClaimGroup(
                claimant=who, claimant_name=name, measure=claim.measure, unit=claim.unit
            )
        twin = next((n for n, e in enumerate(group.entries) if _same(entry, e)), None)
        if twin is not None:
            if claim.time and not group.entries[twin].claim.time:
                group.entries[twin] = entry  # the lede says the period its headline left out
            continue
        if len(claim.measure) < len(group.measure) and claim.measure[:1].islower():
            group.measure = claim.measure
        group.entries.append(entry)
    result = []
    for group in groups.values():
        group.entries.sort(key=lambda e: (e.when, e.published or "", e.article))
        group.flags = _flags(group.entries)
        result.append(group)
    result.sort(key=lambda g: (g.claimant_name.lower(), g.measure.lower(), g.unit))
    return result


def _same(a: TimelineEntry, b: TimelineEntry) -> bool:
    """One claim repeated in one article (a headline and its lede)."""
    x, y = a.claim, b.claim
    return (
        a.article == b.article
        and x.value == y.value
        and x.high == y.high
        and x.against == y.against
        and (not x.time or not y.time or x.time.period == y.time.period)
    )


def _flags(entries: Sequence[TimelineEntry]) -> list[ClaimFlag]:
    flags = []
    for n in range(1, len(entries)):
        later = entries[n]
        period = _period(later)
        same_period = [m for m in range(n) if period and _period(entries[m]) == period]
        clash = next(
            (m for m in same_period if not compatible(entries[m].claim, later.claim)), None
        )
        if clash is not None:
            flags.append(
                ClaimFlag(
                    kind="contradiction",
                    entry=n,
                    earlier=clash,
                    note=f"{_show(later.claim)} for {period} ({later.article}) against "
                    f"{_show(entries[clash].claim)} ({entries[clash].article})",
                )
            )
            continue
        before = entries[n - 1]
        if not compatible(before.claim, later.claim):
            flags.append(
                ClaimFlag(
                    kind="change",
                    entry=n,
                    earlier=n - 1,
                    note=f"{_show(before.claim)} -> {_show(later.claim)}",
                )
            )
    return flags


def _period(entry: TimelineEntry) -> str | None:
    time = entry.claim.time
    return time.period if time is not None else None


def compatible(a: Claim, b: Claim) -> bool:
    """Whether two stated values can both hold: "below 3.2" and "3.1" can, "below 3.2" and
    "3.6" cannot; "about 3" allows 10% either way; ranges allow what they span."""
    lo_a, hi_a = _interval(a)
    lo_b, hi_b = _interval(b)
    return lo_a <= hi_b and lo_b <= hi_a


def _interval(claim: Claim) -> tuple[float, float]:
    v = claim.value
    inf = float("inf")
    if claim.comparator == "range" and claim.high is not None:
        return v, claim.high
    if claim.comparator == "~":
        return v - abs(v) * 0.1, v + abs(v) * 0.1
    if claim.comparator in (">", ">="):
        return v, inf
    if claim.comparator in ("<", "<="):
        return -inf, v
    return v, v


def _show(claim: Claim) -> str:
    sign = (
        ""
        if claim.comparator == "="
        else ("" if claim.comparator == "range" else claim.comparator + " ")
    )
    return f"{sign}{shown_value(claim)} {claim.unit}"


def shown_value(claim: Claim) -> str:
    """The value as a reader writes it: "3.6", "20-25" for a range, "19 to 15" for a tally."""
    value = format_number(claim.value)
    if claim.high is not None:
        return f"{value}-{format_number(claim.high)}"
    if claim.against is not None:
        return f"{value} to {format_number(claim.against)}"
    return value


def format_number(value: float) -> str:
    """50000000000.0 -> "50,000,000,000"; 3.6 -> "3.6"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.6g}"


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


# ---- timelines of stored claims ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class StoredClaim:
    """A claim as a store keeps it: a row of its claims table, who it is filed under
    (``claimant_key``: a registry id, ``unresolved:<name>``, or None for the narrator), and its
    article's date and title."""

    article_id: int
    claim_id: str
    claimant_key: str | None
    claimant_name: str
    value: float
    high: float | None
    unit: str
    comparator: str
    measure: str
    period: str | None
    text: str
    checkworthy: float
    published: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class StoredFlag:
    """A change or contradiction of a stored claim against an earlier one of its timeline:
    the kind, the note (both values), and the earlier claim (its article, id, words, date and
    article title)."""

    kind: str
    note: str
    earlier_article_id: int
    earlier_claim_id: str
    earlier_text: str
    earlier_published: str | None
    earlier_title: str | None


def stored_flags(claims: Iterable[StoredClaim]) -> dict[tuple[int, str], list[StoredFlag]]:
    """The flags of stored claims, by (article id, claim id) of the claim flagged: the claims
    grouped and flagged by :func:`track`, as ``quotewire claims`` does for articles read from
    files. ``claims`` must hold every claim of the groups to flag (a store reads them by
    claimant, unit and measure)."""
    stored: dict[tuple[str, str], StoredClaim] = {}
    entries = []
    for row in sorted(claims, key=lambda c: (c.published or "", c.article_id, c.claim_id)):
        article = str(row.article_id)
        stored[(article, row.claim_id)] = row
        time = ClaimTime(period=row.period) if row.period else None
        claim = Claim(
            id=row.claim_id,
            span=Span(start=0, end=len(row.text), text=row.text),
            value=row.value,
            high=row.high,
            unit=row.unit,
            comparator=cast(Comparator, row.comparator),  # (as the store kept it)
            measure=row.measure,
            time=time,
            checkworthy=row.checkworthy,
        )
        entries.append(TimelineEntry(article=article, published=row.published, claim=claim))
    claimant_of = {key: (row.claimant_key, row.claimant_name) for key, row in stored.items()}
    flags: dict[tuple[int, str], list[StoredFlag]] = {}
    for group in track(entries, claimant_of):
        for flag in group.flags:
            later, earlier = group.entries[flag.entry], group.entries[flag.earlier]
            before = stored[(earlier.article, earlier.claim.id)]
            flags.setdefault((int(later.article), later.claim.id), []).append(
                StoredFlag(
                    kind=flag.kind,
                    note=flag.note,
                    earlier_article_id=before.article_id,
                    earlier_claim_id=before.claim_id,
                    earlier_text=before.text,
                    earlier_published=before.published,
                    earlier_title=before.title,
                )
            )
    return flags
