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
    """``language`` is "en" when the text can be analysed; ``script`` is its main script and
    ``shares`` the share of its letters in each script found, largest first."""

    language: str | None
    script: str
    warning: str | None = None
    shares: tuple[tuple[str, float], ...] = ()

    def refusal(self) -> str:
        """Why the text is refused, saying which scripts were found."""
        if len(self.shares) == 1 or self.shares[0][1] >= _MOSTLY:
            return f"written in {self.script.title()} script; quotewire reads English"
        return (
            f"written in mixed scripts ({_listed(self.shares)} of the letters); quotewire "
            f"reads English and needs at least {MIN_LATIN_SHARE:.0%} of the letters in Latin "
            "script"
        )


MIN_OTHER_SHARE = 0.10  # of the letters, from which an English text's other script is named
_MOSTLY = 0.9  # a main script with this share of the letters is named alone
_MAX_LISTED = 4


def _listed(shares: tuple[tuple[str, float], ...]) -> str:
    """ "Latin 45%, Cyrillic 30%, Greek 25%" (scripts under 1% left out)."""
    shown = [(s, share) for s, share in shares[:_MAX_LISTED] if share >= 0.01]
    return ", ".join(f"{script.title()} {share:.0%}" for script, share in shown)


_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: The bytes that are no ASCII letter, deleted to count those that are.
_NOT_ASCII_LETTERS = bytes(b for b in range(128) if not chr(b).isalpha())


def _ascii_letters(text: str) -> int:
    """How many of the characters of ``text`` are ASCII letters (``[A-Za-z]``)."""
    return len(text.encode("ascii", "ignore").translate(None, _NOT_ASCII_LETTERS))


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
    scripts["LATIN"] += _ascii_letters(sample)
    letters = sum(scripts.values())
    if letters == 0:
        return LanguageCheck("en", "LATIN")
    shares = tuple((script, n / letters) for script, n in scripts.most_common() if n)
    main = shares[0][0]
    if scripts["LATIN"] / letters < MIN_LATIN_SHARE:
        return LanguageCheck(None, main, shares=shares)
    # (lower-casing the whole sample finds the same words only when it is ASCII)
    words = (
        _WORD.findall(sample.lower())
        if sample.isascii()
        else [w.lower() for w in _WORD.findall(sample)]
    )
    english = sum(map(_ENGLISH.__contains__, words))
    if len(words) >= 40 and english / len(words) < MIN_ENGLISH_SHARE:
        warning = "the text may not be English; quotewire reads English"
        return LanguageCheck("en", "LATIN", warning, shares)
    others = [(s, share) for s, share in shares if s != "LATIN" and share >= MIN_OTHER_SHARE]
    if others:
        warning = (
            f"mixed scripts ({_listed(shares)} of the letters): quotewire reads English only"
        )
        return LanguageCheck("en", "LATIN", warning, shares)
    return LanguageCheck("en", "LATIN", shares=shares)
