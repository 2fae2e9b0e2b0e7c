"""Is this English? A cheap check before the English pipeline runs.

quotewire analyses English (Russian comes later, through natasha). A text written mostly in
another script (Cyrillic, Greek, Arabic, Hebrew, CJK, ...) is refused with an error naming the
script; a Latin-script text with hardly any English function words gets a warning, since the
English pipeline would find little in it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_WORD = re.compile(r"[^\W\d_]+")
_ENGLISH = frozenset(
    "the of and to in a is that for on was with he she said it as at by from has have his her "
    "they be are were not this but an which will would".split()
)
MIN_LATIN_SHARE = 0.5  # of the letters, below which the text is not English
MIN_ENGLISH_SHARE = 0.05  # of the words (in texts of 40 words or more), below which we warn


@dataclass(frozen=True, slots=True)
class LanguageCheck:
    """``language`` is "en" when the text can be analysed; ``script`` is its main script."""

    language: str | None
    script: str
    warning: str | None = None


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_ASCII_LETTER = re.compile(r"[A-Za-z]")


def _script(ch: str) -> str:
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "OTHER"
    return name.split(" ", 1)[0]


def check_language(text: str) -> LanguageCheck:
    """Whether ``text`` looks like English, judged by its letters and its function words."""
    sample = text[:20_000]
    scripts = Counter(_script(ch) for ch in _NON_ASCII.findall(sample) if ch.isalpha())
    scripts["LATIN"] += len(_ASCII_LETTER.findall(sample))
    letters = sum(scripts.values())
    if letters == 0:
        return LanguageCheck("en", "LATIN")
    main, _ = scripts.most_common(1)[0]
    if scripts["LATIN"] / letters < MIN_LATIN_SHARE:
        return LanguageCheck(None, main)
    words = [w.lower() for w in _WORD.findall(sample)]
    english = sum(w in _ENGLISH for w in words)
    if len(words) >= 40 and english / len(words) < MIN_ENGLISH_SHARE:
        return LanguageCheck("en", "LATIN", "the text may not be English; quotewire reads English")
    return LanguageCheck("en", "LATIN")
