"""Speed of the whole pipeline on Russian articles against English ones of the same length,
in one process (``quotewire bench languages``).

Each Russian article is paired with an English one cut at the paragraph break nearest the
Russian article's length (:func:`same_length`), so both sides hold as many articles of the
same lengths: articles per second then compare like with like, and so do characters per
second. Rounds alternate the languages (Russian first in odd rounds, English first in even
ones) and the best time of each is kept: a host whose speed drifts weighs on both alike.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

_PARAGRAPH = re.compile(r"\n\s*\n")


def same_length(text: str, length: int) -> str:
    """``text`` cut at the paragraph break nearest ``length`` characters (all of it when it is
    shorter; its first paragraph at least)."""
    if len(text) <= length:
        return text
    breaks = [m.start() for m in _PARAGRAPH.finditer(text)] + [len(text)]
    return text[: min(breaks, key=lambda at: abs(at - length))]


def paired(russian: Sequence[str], english: Sequence[str]) -> list[str]:
    """For each Russian text, an English one (in turn, from the start again when there are
    fewer) cut to about its length."""
    if not english:
        raise ValueError("no English texts to pair with")
    return [same_length(english[n % len(english)], len(text)) for n, text in enumerate(russian)]


@dataclass(frozen=True, slots=True)
class Side:
    """One language's texts and the best of its rounds."""

    language: str
    articles: int
    chars: int
    seconds: float

    @property
    def articles_per_s(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.seconds if self.seconds else 0.0


@dataclass(frozen=True, slots=True)
class LanguageSpeed:
    russian: Side
    english: Side
    rounds: int

    @property
    def ratio(self) -> float:
        """Russian articles per second over English ones (of the same lengths)."""
        english = self.english.articles_per_s
        return self.russian.articles_per_s / english if english else 0.0


def measure(
    russian: Sequence[str],
    english: Sequence[str],
    run: Callable[[str], object],
    *,
    rounds: int = 3,
) -> LanguageSpeed:
    """Time ``run`` over every text of each language, ``rounds`` times alternating which goes
    first, after one warm-up text of each (the models load then)."""
    if not russian or not english:
        raise ValueError("no texts to time")
    if rounds < 1:
        raise ValueError(f"rounds must be 1 or more, got {rounds}")
    run(russian[0])
    run(english[0])
    sides = {"ru": list(russian), "en": list(english)}
    best = {"ru": float("inf"), "en": float("inf")}
    for n in range(rounds):
        for language in ("ru", "en") if n % 2 == 0 else ("en", "ru"):
            started = time.perf_counter()
            for text in sides[language]:
                run(text)
            best[language] = min(best[language], time.perf_counter() - started)

    def side(language: str) -> Side:
        texts = sides[language]
        return Side(language, len(texts), sum(map(len, texts)), best[language])

    return LanguageSpeed(side("ru"), side("en"), rounds)


def format_languages(report: LanguageSpeed) -> str:
    rows = [("", "articles", "chars", "best s", "articles/s", "chars/s")]
    for side in (report.russian, report.english):
        rows.append(
            (
                {"ru": "Russian", "en": "English (same lengths)"}[side.language],
                f"{side.articles}",
                f"{side.chars:,}",
                f"{side.seconds:.2f}",
                f"{side.articles_per_s:.2f}",
                f"{side.chars_per_s:,.0f}",
            )
        )
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = [f"The whole pipeline, one process, best of {report.rounds} alternating rounds", ""]
    for row in rows:
        cells = [row[0].ljust(widths[0])] + [
            c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    lines += ["", f"Russian / English articles per second: {report.ratio:.2f}"]
    return "\n".join(lines)
