"""Reading one number: a numeral in any common locale format, or a number written in words.

``literal_value("1.234,5", "de") == 1234.5``; ``words_value(["two", "hundred"]) == 200``.
Numbers in words are read by `number-parser <https://pypi.org/project/number-parser/>`_ (English
and Russian, with Russian case forms); its vocabulary also decides which words are number words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from number_parser import parse_number
from number_parser.data.en import info as _EN_DATA
from number_parser.data.ru import info as _RU_DATA

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_VOCAB_KEYS = ("UNIT_NUMBERS", "DIRECT_NUMBERS", "TENS", "HUNDREDS", "BIG_POWERS_OF_TEN")


def _vocabulary(info: dict[str, object]) -> frozenset[str]:
    words: set[str] = set()
    for key in _VOCAB_KEYS:
        table = info.get(key)
        if isinstance(table, dict):
            words.update(str(w) for w in table)
    return frozenset(words)


NUMBER_WORDS: dict[str, frozenset[str]] = {"en": _vocabulary(_EN_DATA), "ru": _vocabulary(_RU_DATA)}
BIG_WORDS = _EN.words("big_number_words")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2009']")


def literal_value(literal: str, lang: str = "en") -> float:
    """The value of a numeral such as ``12,400``, ``4.5``, ``1.234,5``, ``1,5`` or ``300 000``.

    Where one separator could be either, the language decides: in English a comma before three
    digits groups thousands ("12,400") and a point is decimal; in German and Russian a comma is
    decimal ("1,5") and, in German, a point before three digits groups thousands ("1.234").
    """
    s = _SPACES.sub("", literal)
    if "," in s and "." in s:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
        grouping = "." if decimal == "," else ","
        return float(s.replace(grouping, "").replace(decimal, "."))
    for sep in (",", "."):
        if sep not in s:
            continue
        head, *groups = s.split(sep)
        thousands = all(len(g) == 3 for g in groups) and 1 <= len(head) <= 3
        if len(groups) > 1:
            return (
                float(s.replace(sep, ""))
                if thousands
                else float(s.replace(sep, "", len(groups) - 1).replace(sep, "."))
            )
        if thousands and _groups_thousands(sep, lang):
            return float(s.replace(sep, ""))
        return float(s.replace(sep, "."))
    return float(s)


def _groups_thousands(sep: str, lang: str) -> bool:
    """Whether a single ``sep`` before exactly three digits groups thousands in ``lang``."""
    if sep == ",":
        return lang == "en"
    return lang == "de"


@lru_cache(maxsize=4096)
def words_value(words: tuple[str, ...], lang: str = "en") -> float | None:
    """The value of a number written in words ("forty-five", "three hundred and twenty",
    "двадцать пять"), or None when number-parser cannot read it."""
    phrase = " ".join(words).lower()
    try:
        value = parse_number(phrase, language=lang if lang in NUMBER_WORDS else "en")
    except (ValueError, KeyError, IndexError):
        return None
    return float(value) if value is not None else None


def is_number_word(word: str, lang: str = "en") -> bool:
    """Whether ``word`` (or each part of a hyphenated word) is a number word in ``lang``."""
    vocabulary = NUMBER_WORDS.get(lang, NUMBER_WORDS["en"])
    lower = word.lower()
    if lower in vocabulary:
        return True
    parts = lower.split("-")
    return len(parts) > 1 and all(p in vocabulary for p in parts)
