"""Amounts stated in text: value, unit, scale, comparator and range, with character offsets.

>>> [(a.text, a.value, a.unit, a.comparator) for a in find_amounts(
...     "Trade turnover exceeds $50 billion, up 4.2 percent.")]
[('exceeds $50 billion', 50000000000.0, 'USD', '>'), ('4.2 percent', 4.2, 'percent', '=')]

Calendar dates and years, times of day, decades, phone numbers, ids, codes and versions, and
numbers that belong to names, titles, laws, articles and addresses ("Boeing 737", "Article 5",
"10 Downing Street", "G20", "Prop. 13", the film "41 Shots") are not amounts, nor are "one" and
"two" used as pronouns or articles ("one of the sayings", "the two leaders"). A tally ("voted
19-15") is one amount with the other side in ``against``. The finder works on characters alone
(no parse), so it serves any text and any language whose number words it knows; the words its
rules read are in ``quotewire/data/figures.toml`` (:mod:`quotewire.claims.lexicon`) and
:mod:`quotewire.claims.units`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from typing import NamedTuple

from quotewire.claims import units as U
from quotewire.claims.lexicon import FigureWords, figure_words
from quotewire.claims.numbers import (
    BIG_WORDS,
    NUMBER_WORDS,
    is_number_word,
    literal_value,
    words_value,
)
from quotewire.lang import profile
from quotewire.quotes.cues import DETERMINERS

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

Kind = str  # "money", "percent", "points", "count", "number"


@dataclass(frozen=True, slots=True)
class Amount:
    """One amount: ``text == source[start:end]`` covers comparator words, number, scale, unit."""

    start: int
    end: int
    text: str
    value: float
    high: float | None
    unit: str
    comparator: str
    kind: Kind
    number_start: int
    number_end: int
    against: float | None = None  # the other side of a tally: "19-15" is 19 against 15


@dataclass(frozen=True, slots=True)
class _Number:
    """A number read from token ``start`` on: its value, the token after it, whether it is
    written in words, and the share it stands for when it is a fraction ("a third": 1/3)."""

    value: float
    end: int
    spelled: bool
    fraction: float | None = None


@dataclass(frozen=True, slots=True)
class _RangeEnd:
    """The top of a range ("20 to 25", "$3-4 billion"), the token after it and its scale."""

    high: float
    end: int
    scale: int


@dataclass(frozen=True, slots=True)
class _Unit:
    """What follows a number: its unit and kind, the token after it, the language it is
    written in, and the factor it applies (per mille, basis points)."""

    unit: str
    kind: Kind
    end: int
    lang: str
    factor: float = 1.0


@dataclass(frozen=True, slots=True)
class _Tally:
    """The other side of a tally ("19-15", "split 4 to 1", "a 2-to-1 margin", "58%-33%"), the
    token after it, and the unit: votes where the words around it say so, percent for shares,
    else none (a score, a ratio)."""

    against: float
    end: int
    unit: str
    kind: Kind


class _Tok(NamedTuple):
    start: int
    end: int
    text: str
    kind: str  # num, word, sym, dash, punct
    key: str  # the text in lower case


_TOKEN = re.compile(
    r"(?P<num>\d+(?:(?:[.,]|[\u00a0\u202f\u2009](?=\d{3}\b))\d+)*)"
    r"|(?P<sym>(?:US|CA|C|AU|A|NZ|HK|S|R)\$|[$€£¥₽₹₩₺₴₪₦%‰№#])"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<dash>[-–—−])"
    r"|(?P<punct>[^\s\w])"
)
# spaces group thousands in Russian and French style ("300 000 человек", "61 800 roubles"):
# only a head of one to three digits followed by three-digit groups
_RU_GROUPS = re.compile(r"(?<![\d.,])\b\d{1,3}(?: \d{3})+\b(?![.,]?\d)")

_DATE_MASKS = (
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b"  # 12.05.2024, 5/12/24
    r"|\b\d{4}-\d{2}-\d{2}\b"  # 2024-05-12
    r"|\b\d{1,2}/\d{1,2}\b(?!/)"  # 9/11
    r"|(?:\b\d{2})?\d0['’]?s\b|['’]\d0s\b"  # 1990s, '90s, the 80’s
    r"|\b(?:1[89]|20)\d{2}\s?[-–/]\s?(?:(?:1[89]|20)\d{2}|\d{2})\b"  # 2024-25, 2025/2026
    r"|\+\d[\d\s()-]{6,}\d"  # +7 495 123-45-67
    r"|\b\d{3}[-.]\d{3}[-.]\d{4}\b"  # 202-555-0143
    r"|(?<![\d,.])\b0\d{2,4}(?:[ -]\d{2,4}){1,3}\b"  # 0800 555 0199
)


@cache
def _masks() -> re.Pattern[str]:
    """Dates, times of day and phone numbers: no number in them is an amount. The words written
    after an hour ("8:05AM", "10 p.m.", "6 o'clock", "0600 GMT") are ``figures.toml``'s, in any
    case."""
    times = figure_words().times
    after_clock = _alternatives((*times.suffixes, *times.zones))
    after_hour = _alternatives(s for s in times.suffixes if len(s) > 1)
    zones = _alternatives(times.zones)
    clock = (
        # 8.30 a.m., 11: 06 a.m., 14.30 h
        rf"|\b\d{{1,2}}(?:[:.]|:\s)\d{{2}}(?::\d{{2}})?\s?(?:{after_clock})(?![^\W\d_])"
        r"|\b\d{1,2}:\d{2}(?::\d{2})?(?!\d)"  # 10:52, 8:05AM
        rf"|\b\d{{1,2}}\s?(?:{after_hour})(?![^\W\d_])"  # 3 p.m., 7PM, 6 o'clock
        rf"|\b[0-2]\d[0-5]\d\s?(?:{zones})\b"  # 0600 GMT
    )
    # every mask opens with a digit, an apostrophe or a plus: the lookahead turns every other
    # offset away at once, before the alternatives are tried
    return re.compile(rf"(?=[\d'’+])(?:{_DATE_MASKS}{clock})", re.IGNORECASE)


def _alternatives(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_ORDINAL_SUFFIX = _EN.words("ordinal_suffixes")
# quotation marks that open a title, and the mark that closes each
_OPENERS = {"“": "”", '"': '"', "‘": "’", "’": "’", "'": "'"}
_STREET_ENDINGS = _EN.word_list("street_endings")
_SENTENCE_END = frozenset('.!?:;"“”«»\n')
# words that may open an amount by themselves, and words that make "a"/"one" open one
_STARTERS = frozenset(U.FRACTIONS) | frozenset(U.GERMAN_NUMBERS) | _EN.words("amount_starters")
#: Words of a dozen ("a dozen", "two dozen").
_DOZEN = _EN.words("dozen_words")
_AFTER_ONE = frozenset(U.FRACTIONS) | BIG_WORDS | _DOZEN
_TRIGGER_WORDS = _STARTERS | NUMBER_WORDS["en"] | NUMBER_WORDS["ru"] | _DOZEN
# ASCII text is searched with one precompiled pattern (on its lower-case copy)
_SPOTS = re.compile(
    "|".join(
        [
            r"[\d$€£¥₽₹₩₺₴₪₦]",
            r"\b(?:"
            + "|".join(sorted((w for w in _TRIGGER_WORDS if w.isascii()), key=len, reverse=True))
            + r")\b",
        ]
    )
)
#: the Russian prepositions of a change's size ("на 8%", "в 2 раза")
_RU_BY = frozenset({"на", "в"})
_RU_CHANGE = (
    "повыс",
    "сниз",
    "вырос",
    "выраст",
    "увелич",
    "сократ",
    "упал",
    "упад",
    "подня",
    "опуст",
    "замедл",
    "ускор",
    "поднял",
    "сокращ",
    "снизил",
)
_WON_OBJECTS = _EN.words("won_objects")
_SHARE_VERBS = _EN.words("share_verbs")
_NOT_POINTS = re.compile(_EN.pattern("not_points"), re.I)
_RATE_WORDS = re.compile(_EN.pattern("rate_words"), re.I)
_CHANGE_VERBS = _EN.words("change_verbs")
#: German stems of a change ("stieg", "sank", "fiel") before a "von ... auf" range.
_GERMAN_CHANGE_STEMS = _EN.word_list("german_change_stems")
#: Words that stand for "one" before a fraction or a scale ("a third", "one million").
_ONE_WORDS = _EN.words("one_words")
#: "and a half" after a number ("two and a half million").
_AND_A_HALF = list(_EN.word_list("and_a_half"))
#: Words before "half" that make it no share ("the first half", "the other half").
_HALF_NOT_AFTER = _EN.words("half_not_after")
#: Words after "half" that make it a share ("half of", "half the voters", "half its staff").
_HALF_OF = _EN.words("half_of")
#: Fractions that a count before them does not make a share ("two halves", "three quarters").
_NO_SHARE_FRACTIONS = _EN.words("no_share_fractions")
#: Scales that may follow another scale ("2.6 lakh crore", "mil millones").
_SCALES_AFTER_SCALE = _EN.words("scales_after_scale")
#: German words of a unit that, capitalised, make the number German ("3,5 Mrd. Euro").
_GERMAN_UNIT_WORDS = _EN.words("german_unit_words")
#: Units of an age or a duration written with a hyphen ("a 30-year-old", "a six-month").
_AGE_UNITS = _EN.words("age_units")
#: Nouns after an ordinal that make it a count of years ("the 50th anniversary").
_ANNIVERSARY_WORDS = _EN.words("anniversary_words")
#: Endings of words in "s" that are no plural ("glass", "campus", "crisis", "famous").
_NOT_PLURAL_ENDINGS = _EN.word_list("not_plural_endings")
#: Endings of nouns whose plural adds "es" ("church", "box", "glass").
_ES_ENDINGS = _EN.word_list("es_endings")


def find_amounts(
    text: str, start: int = 0, end: int | None = None, *, lang: str = "en"
) -> list[Amount]:
    """Every amount in ``text[start:end]``, in text order, with offsets into ``text``.

    Only the stretches around a numeral, a currency sign or a number word are read: a
    paragraph without any costs one regular-expression pass.
    """
    end = len(text) if end is None else end
    found: list[Amount] = []
    for lo, hi in _windows(text, start, end):
        found += _Finder(text, lo, hi, lang).run()
    return found


_WORD = re.compile(r"[^\W\d_]+")
_SIGNS = r"[\d$€£¥₽₹₩₺₴₪₦]"
_REACH_BACK, _REACH_ON = 40, 70


def _windows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Stretches of ``text[start:end]`` that may hold amounts: around each numeral, currency
    sign or number word, reaching back far enough for comparator words and on far enough for
    a range and its unit, widened to whole words and merged where they meet."""
    segment = text[start:end]
    windows: list[tuple[int, int]] = []
    for spot_start, spot_end in _spots(segment):
        lo = max(start, start + spot_start - _REACH_BACK)
        hi = min(end, start + spot_end + _REACH_ON)
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], hi)
            continue
        windows.append((lo, hi))
    return [_whole_words(text, lo, hi, start, end) for lo, hi in windows]


def _spots(segment: str) -> list[tuple[int, int]]:
    """Where ``segment`` has a numeral, a currency sign or a number word (whole, in any case),
    in order."""
    if not _LETTERS_ONLY:
        return _spots_by_pattern(segment)
    signs = [m.span() for m in _SIGN.finditer(segment)]
    # a number word is all letters, so a match is a whole run of word characters: the runs
    # that are number words (which cannot hold a sign)
    if segment.isascii():
        words = [m.span() for m in _RUN.finditer(segment.lower()) if m.group() in _TRIGGER_WORDS]
    else:  # Russian number words, German ones with umlauts: matched regardless of case
        present = set(_WORD.findall(segment.lower())) & _TRIGGER_WORDS
        if not present:
            return signs
        unusual: re.Pattern[str] | None = None
        words = []
        for m in _RUN.finditer(segment):
            run = m.group()
            if run.lower() in present:
                words.append(m.span())
            elif not run.isascii():  # a letter the case-blind match folds otherwise (rare)
                unusual = unusual or _number_word_pattern(tuple(sorted(present)))
                if unusual.fullmatch(run):
                    words.append(m.span())
    return sorted(signs + words) if signs and words else signs or words


def _spots_by_pattern(segment: str) -> list[tuple[int, int]]:
    """:func:`_spots` by one pattern (number words with other characters than letters)."""
    if segment.isascii():  # one precompiled pattern over the lower-case copy (same offsets)
        spots, haystack = _SPOTS, segment.lower()
    else:  # Russian number words, German ones with umlauts: only those the text holds
        words = set(_WORD.findall(segment.lower())) & _TRIGGER_WORDS
        alternatives = [_SIGNS, *(rf"\b{re.escape(w)}\b" for w in sorted(words))]
        spots, haystack = re.compile("|".join(alternatives), re.IGNORECASE), segment
    return [m.span() for m in spots.finditer(haystack)]


@lru_cache(maxsize=256)
def _number_word_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


_SIGN = re.compile(_SIGNS)
_RUN = re.compile(r"\w+")
_LETTERS_ONLY = all(w.isalpha() for w in _TRIGGER_WORDS)


def _whole_words(text: str, lo: int, hi: int, start: int, end: int) -> tuple[int, int]:
    while lo > start and not text[lo - 1].isspace():
        lo -= 1
    while hi < end and not text[hi].isspace():
        hi += 1
    return lo, hi


class _Finder:
    def __init__(self, text: str, start: int, end: int, lang: str) -> None:
        self.text = text
        self.lang = lang
        self.toks = _tokenize(text, start, end, lang)
        self.words: FigureWords = figure_words()
        self.masked = _masked_tokens(self.toks, _masks().finditer(text, start, end))

    # ---- the scan -----------------------------------------------------------------------
    def run(self) -> list[Amount]:
        found: list[Amount] = []
        i = 0
        toks = self.toks
        while i < len(toks):
            if not self._may_start(i):
                i += 1
                continue
            amount, after = self._amount_at(i)
            if amount is None:
                i += 1
                continue
            found.append(amount)
            i = max(after, i + 1)
        return _shared_units(self.text, found, self.lang)

    def _may_start(self, i: int) -> bool:
        """A cheap test of whether an amount can start at token ``i`` (a numeral, a currency,
        a minus, a number or fraction word, or "a"/"an"/"one"/"ein" before one)."""
        tok = self.toks[i]
        if tok.kind in ("num", "sym", "dash"):
            return True
        if tok.kind != "word":
            return False
        key = tok.key
        if key in _STARTERS or tok.text in U.CURRENCY_CODES:
            return True
        if key in U.FRACTION_ONES and key != "one":
            return i + 1 < len(self.toks) and self.toks[i + 1].key in _AFTER_ONE
        return is_number_word(key, "ru" if _cyrillic(key) else "en")

    def _amount_at(self, i: int) -> tuple[Amount | None, int]:
        toks = self.toks
        if i in self.masked:
            return None, i + 1
        j = i
        negative = False
        if toks[j].key in ("minus", "минус") and j + 1 < len(toks):
            # "plus or minus 3.5 points" is a margin, not a negative amount
            negative = not (j >= 2 and toks[j - 2].key == "plus" and toks[j - 1].key == "or")
            j += 1
        elif toks[j].kind == "dash" and j + 1 < len(toks) and toks[j + 1].kind == "num":
            glued = toks[j].end == toks[j + 1].start
            before = j == 0 or toks[j - 1].end < toks[j].start
            if not (glued and before) or (
                j > 0 and toks[j - 1].kind in ("num", "word") and toks[j - 1].end == toks[j].start
            ):
                return None, i + 1
            negative, j = True, j + 1
        currency, j = self._currency_before(j)
        number = self._core(j)
        if number is None:
            return None, i + 1
        value, k, spelled, fraction = number.value, number.end, number.spelled, number.fraction
        tally = self._tally(i, j, k) if currency is None and not negative else None
        if self._not_an_amount(j, k, spelled, currency, tally=tally is not None):
            return None, k
        if tally is not None:
            return self._amount(i, j, k, value, tally.unit, tally.kind, tally), tally.end
        if self._hyphened_to(k):
            return None, k + 4  # "18-to-34-year-olds", "a 73-to-25 percent victory"
        if self._dash_chain(k):
            return None, k + 3  # "a 3-2-1 strategy", "978-0-19"
        first_at = i
        scale, k = self._scale(k)
        value *= scale
        high: float | None = None
        ranged = self._range(first_at, k, currency, value)
        if ranged is not None:
            high, k = ranged.high, ranged.end
            if scale == 1 and ranged.scale > 1:
                value *= ranged.scale
        plus = self._phrase(k + 1, [("plus",)]) if k < len(toks) and toks[k].kind == "dash" else 0
        if plus:
            k = plus  # "300-plus engineers"
            if scale == 1:  # "a $20-plus trillion budget": the scale comes after "-plus"
                scale, k = self._scale(k)
                value *= scale
        read = self._unit(k, currency, fraction, one=value == 1)
        unit, kind, k = read.unit, read.kind, read.end
        if ranged is None and kind in ("percent", "points", "money") and currency is None:
            # "3.4% to 3.9%", "between 4.5% and 4.75%": the unit written with both ends
            again = self._range(first_at, k, None, value)
            if again is not None:
                second = self._unit(again.end, None, None)
                if second.unit == unit:
                    high, k = again.high, second.end
        if read.lang != self.lang and not spelled:
            value = (
                self._reread(j, read.lang)
                * scale
                * (ranged.scale if ranged is not None and scale == 1 else 1)
            )
        value *= read.factor
        if high is not None:
            high *= read.factor
        if negative:
            value = -value
        if self._is_year(j, number, scale, kind, currency):
            return None, k
        if kind == "number" and spelled and value < 10 and fraction is None:
            return None, k
        comparator, lead = self._comparator_before(i)
        durations = self.words.units.durations
        if comparator != "=" and unit in durations and self.toks[lead].key in ("over", "within"):
            comparator, lead = "=", i  # "over five years", "within a week": during, not a bound
        particle = self.words.units.over_particle_verbs
        over = comparator != "=" and self.toks[lead].key == "over" and lead > 0
        if over and self.toks[lead - 1].key in particle:
            comparator, lead = "=", i  # "handed over $25 million": gave, not more than
        comparator, k = self._comparator_after(k, comparator)
        if plus and comparator == "=":
            comparator = ">"
        if comparator == "=" and self._pronoun(j, number, read):
            return None, k  # "the two leaders", "one member of the group", "One reader wrote"
        if unit == "points" and self._points_of_a_rate(i, k):
            unit, kind = "percentage_points", "points"
        if high is not None:
            comparator = "range"
            lead = self._range_lead(i, lead)
        a, b = toks[lead].start, toks[k - 1].end
        return (
            Amount(
                start=a,
                end=b,
                text=self.text[a:b],
                value=_tidy(value),
                high=_tidy(high) if high is not None else None,
                unit=unit,
                comparator=comparator,
                kind=kind,
                number_start=toks[j].start,
                number_end=toks[number.end - 1].end,
            ),
            k,
        )

    def _amount(
        self, i: int, j: int, k: int, value: float, unit: str, kind: Kind, tally: _Tally
    ) -> Amount:
        """The amount of a tally: its first count, with the other as ``against``."""
        comparator, lead = self._comparator_before(i)
        a, b = self.toks[lead].start, self.toks[tally.end - 1].end
        return Amount(
            start=a,
            end=b,
            text=self.text[a:b],
            value=_tidy(value),
            high=None,
            unit=unit,
            comparator=comparator,
            kind=kind,
            number_start=self.toks[j].start,
            number_end=self.toks[k - 1].end,
            against=_tidy(tally.against),
        )

    # ---- the number itself -----------------------------------------------------------------
    def _core(self, j: int) -> _Number | None:
        """(value, index after, written in words, fraction) for a number starting at ``j``."""
        toks = self.toks
        if j >= len(toks) or j in self.masked:
            return None
        t = toks[j]
        if t.kind == "num":
            value = literal_value(t.text, self.lang)
            ratio = self._ratio(j + 1, value)
            if ratio is not None:
                return ratio
            return _Number(value, j + 1, False, None)
        if t.kind != "word":
            return None
        fraction = self._fraction(j)
        if fraction is not None:
            return fraction
        return self._spelled(j)

    def _spelled(self, j: int) -> _Number | None:
        toks = self.toks
        lang = "ru" if _cyrillic(toks[j].text) else "en"
        words: list[str] = []
        k = j
        value_words = 0
        if toks[k].key in _ONE_WORDS and k + 1 < len(toks):
            nxt = toks[k + 1].key
            if nxt == "dozen":
                return _Number(12.0, k + 2, True, None)
            if nxt == "half" and k + 2 < len(toks) and toks[k + 2].key in ("a", "an"):
                return None
        if toks[k].key == "half" and k + 2 < len(toks) and toks[k + 1].key in ("a", "an"):
            big = toks[k + 2].key
            if big in BIG_WORDS and big != "hundred":
                return _Number(0.5 * (words_value((big,)) or 0), k + 3, True, None)
            return _Number(0.5, k + 2, True, None)  # "half a percentage point"
        if toks[k].key in U.GERMAN_NUMBERS and not is_number_word(toks[k].text):
            if toks[k].text[:1].isupper() and not self._sentence_start(k):
                return None
            return _Number(float(U.GERMAN_NUMBERS[toks[k].key]), k + 1, True, None)
        if toks[k].key in ("a", "an") and k + 1 < len(toks) and toks[k + 1].key in BIG_WORDS:
            words.append("one")
            k += 1
        while k < len(toks):
            t = toks[k]
            if t.kind == "word" and is_number_word(t.text, lang):
                words.append(t.key)
                value_words += 1
                k += 1
            elif (
                t.kind == "dash"
                and words
                and k + 1 < len(toks)
                and t.start == toks[k - 1].end
                and toks[k + 1].start == t.end
                and toks[k + 1].kind == "word"
                and is_number_word(toks[k + 1].text, lang)
            ) or (
                t.key == "and"
                and words
                and k + 1 < len(toks)
                and is_number_word(toks[k + 1].text, lang)
                and words[-1] in BIG_WORDS
            ):
                k += 1
            else:
                break
        if not value_words:
            return None
        if words == ["one"] * len(words) and len(words) > 1:
            return None
        if (
            toks[j].text[:1].isupper()
            and not self._sentence_start(j)
            and not (len(words) > 1 and self._hyphened_word(k))
        ):
            return None  # "the Group of Seven", "Formula One"; but "a Five-hundred-meter wall"
        vague = all(w in BIG_WORDS or w == "one" for w in words) and words[-1] in BIG_WORDS
        if vague and toks[j].key != "one" and self._hyphened_word(k):
            return None  # "a billion-dollar industry", "million-dollar homes", "thousand-yard"
        value = words_value(tuple(words), lang)
        if value is None:
            return None
        if k < len(toks) and toks[k].key == "dozen":
            return _Number(value * 12, k + 1, True, None)
        half = self._and_a_half(k)
        if half:
            return _Number(value + 0.5, half, True, None)  # "seven-and-a-half years"
        if words == ["one"] and j > 0 and toks[j - 1].key in self.words.pronouns.not_a_count:
            return None  # "no one", "the one who"
        if self._in_word_compound(j, k):
            return None  # "no-one", "an all-in-one device", "one-on-one talks"
        return _Number(value, k, True, None)

    def _in_word_compound(self, j: int, k: int) -> bool:
        """Whether the number words from ``j`` to ``k`` are a member of a compound of words
        joined by hyphens that are no numbers ("take-a-back-seat-to-no-one", "all-in-one",
        "one-on-one"): a word of the compound, not a figure."""
        toks = self.toks
        joined_before = j > 1 and toks[j - 1].kind == "dash" and toks[j - 1].end == toks[j].start
        if joined_before and toks[j - 2].end == toks[j - 1].start and toks[j - 2].kind == "word":
            return not is_number_word(toks[j - 2].text)
        return (
            k + 2 < len(toks)
            and self._hyphened_word(k)
            and toks[k + 1].key in self.words.pronouns.compound_links
            and toks[k + 2].kind == "dash"
        )

    def _hyphened_to(self, k: int) -> bool:
        """Whether "-to-" and a number follow at ``k`` ("a 2-to-1 margin")."""
        toks = self.toks
        return (
            k + 3 < len(toks)
            and toks[k].kind == "dash"
            and toks[k + 1].key == "to"
            and toks[k + 2].kind == "dash"
            and toks[k + 3].kind == "num"
        )

    def _dash_chain(self, k: int) -> bool:
        """Whether two more dashes join numbers at ``k`` ("3-2-1", an ISBN's "978-0-19")."""
        toks = self.toks
        return (
            k + 2 < len(toks)
            and toks[k].kind == "dash"
            and toks[k + 1].kind == "num"
            and toks[k + 2].kind == "dash"
            and toks[k].start == toks[k - 1].end
            and toks[k + 1].start == toks[k].end
            and toks[k + 2].start == toks[k + 1].end
        )

    def _hyphened_word(self, k: int) -> bool:
        """Whether a hyphen at ``k`` joins the token before it to a lower-case word after it
        ("1.2-billion", "-yuan", "-meter")."""
        toks = self.toks
        return (
            k > 0
            and k + 1 < len(toks)
            and toks[k].kind == "dash"
            and toks[k - 1].end == toks[k].start
            and toks[k].end == toks[k + 1].start
            and toks[k + 1].kind == "word"
            and toks[k + 1].text.islower()
        )

    def _and_a_half(self, k: int) -> int:
        """The index after "and a half" / "-and-a-half" at ``k``, or 0."""
        words = [t.key for t in self.toks[k : k + 7] if t.kind != "dash"][:3]
        if words != _AND_A_HALF:
            return 0
        m, seen = k, 0
        while seen < 3:
            seen += self.toks[m].kind != "dash"
            m += 1
        return m

    def _fraction(self, j: int) -> _Number | None:
        """ "a third", "two-thirds", "half of", "three in ten", "one out of five": percent."""
        toks = self.toks
        t = toks[j]
        prev = toks[j - 1].key if j > 0 else ""
        if t.key == "half":
            nxt = toks[j + 1].key if j + 1 < len(toks) else ""
            if prev in _HALF_NOT_AFTER or nxt not in _HALF_OF:
                return None
            if nxt == "a":
                return None
            return _Number(50.0, j + 1, True, 0.5)
        if t.key in U.BARE_FRACTIONS and prev not in ("одна", "одну", "две", "три"):
            share = U.FRACTIONS[t.key]
            return _Number(share * 100, j + 1, True, share)
        if t.key in U.FRACTION_ONES and j + 1 < len(toks):
            part = toks[j + 1].key
            if part in U.FRACTIONS and not part.endswith("s") and part != "half":
                if part in ("quarter", "fourth") and (
                    j + 2 >= len(toks) or toks[j + 2].key != "of"
                ):
                    return None
                english = t.key in _ONE_WORDS
                if english and j + 2 < len(toks) and not self._after_share(toks[j + 2]):
                    return None  # "for a seventh month": an ordinal
                share = U.FRACTIONS[part]
                return _Number(share * 100, j + 2, True, share)
        count_words = t.kind == "word" and (
            is_number_word(t.text, "ru" if _cyrillic(t.text) else "en") or t.key in U.GERMAN_NUMBERS
        )
        if count_words and j + 1 < len(toks) and toks[j + 1].key in U.FRACTIONS:
            count = _word_value(t)
            share = count * U.FRACTIONS[toks[j + 1].key]
            if 0 < share < 1 and toks[j + 1].key not in _NO_SHARE_FRACTIONS:
                return _Number(share * 100, j + 2, True, share)
        hyphened = j + 2 < len(toks) and toks[j + 1].kind == "dash"
        if count_words and hyphened and toks[j + 2].key in U.FRACTIONS:
            share = _word_value(t) * U.FRACTIONS[toks[j + 2].key]
            if 0 < share < 1:
                return _Number(share * 100, j + 3, True, share)  # "two-thirds"
        if t.kind == "word" and is_number_word(t.text):
            value = words_value((t.key,))
            if value is not None:
                return self._ratio(j + 1, value)
        return None

    def _after_share(self, tok: _Tok) -> bool:
        """Whether ``tok`` may follow a fraction ("a third of", "a third said"), not a noun it
        would number as an ordinal ("a third term")."""
        if tok.kind == "dash":
            return False  # "a third-party candidate"
        return tok.kind != "word" or tok.key in U.FUNCTION_WORDS or tok.key in _SHARE_VERBS

    def _ratio(self, k: int, count: float) -> _Number | None:
        """ "three in ten", "9 out of 10": the share as a percentage."""
        toks = self.toks
        if k + 1 >= len(toks):
            return None
        if toks[k].key == "in":
            m = k + 1
        elif toks[k].key == "out" and toks[k + 1].key == "of" and k + 2 < len(toks):
            m = k + 2
        else:
            return None
        whole_tok = toks[m]
        if whole_tok.kind == "num" and len(whole_tok.text) <= 3:
            whole = literal_value(whole_tok.text, self.lang)
        elif whole_tok.kind == "word" and is_number_word(whole_tok.text):
            whole = words_value((whole_tok.key,)) or 0.0
        else:
            return None
        if not 0 < count < whole:
            return None
        share = count / whole
        return _Number(share * 100, m + 1, True, share)

    # ---- what comes after: scale, range, unit, comparator -------------------------------------
    def _scale(self, k: int) -> tuple[int, int]:
        toks = self.toks
        if self._hyphened_word(k) and toks[k + 1].key in self.words.units.hyphen_scales:
            return U.SCALES[toks[k + 1].key], k + 2  # "$23-million", "1.2-billion-yuan"
        if k >= len(toks) or toks[k].kind != "word":
            return 1, k
        t = toks[k]
        glued = toks[k - 1].end == t.start
        key = t.key
        if glued and key not in U.GLUED_SCALES:
            return 1, k
        if not glued and len(key) == 1 and key not in ("k",):
            return 1, k  # "5 m" is five metres more often than five million
        if not glued and key in ("m", "b"):
            return 1, k
        scale = U.SCALES.get(key)
        if scale is None:
            return 1, k
        end = k + 1
        if (
            end < len(toks)
            and toks[end].text == "."
            and toks[end].start == t.end
            and key + "." in U.SCALES
        ):
            end += 1
        if end < len(toks) and toks[end].key in _SCALES_AFTER_SCALE:
            more, after = self._scale(end)  # "2.6 lakh crore", "mil millones"
            return scale * more, after
        return scale, end

    def _range(self, first: int, k: int, currency: str | None, low: float) -> _RangeEnd | None:
        """The high end of "20 to 25", "$3-4 billion", "between 3 and 4", "от 5 до 7".

        "between ... and", "от ... до" and "zwischen ... und" always make a range; a dash or
        "to" only when the second number is above the first and not over four times it, and
        "rose from 1.9% to 2.3%" is a change, not a range.
        """
        toks = self.toks
        if k + 1 >= len(toks):
            return None
        link = toks[k]
        prev = toks[first - 1].key if first > 0 else ""
        explicit = (
            (link.key == "and" and prev == "between")
            or (link.key == "до" and prev == "от")
            or (link.key == "bis" and prev in ("zwischen", "von"))
            or (link.key == "und" and prev == "zwischen")
        )
        if not explicit and link.kind != "dash" and link.key not in ("to", "bis"):
            return None
        if not explicit and prev in ("from", "von"):
            if self._change_before(first):
                return None
            explicit = True  # "prices range from €75 to €950"
        m = k + 1
        if currency is not None:
            _, m = self._currency_before(m)
        if m in self.masked:
            return None
        number = self._core(m)
        if number is None:
            return None
        high, after, fraction = number.value, number.end, number.fraction
        if fraction is not None:
            return None
        scale, after = self._scale(after)
        if not explicit:
            start = low * scale if low < high else low  # "$3-4 billion": 3 is 3 billion
            if not 0 <= start < high * scale <= 4 * start:
                return None
        return _RangeEnd(high * scale, after, scale)

    def _unit(
        self, k: int, currency: str | None, fraction: float | None, *, one: bool = False
    ) -> _Unit:
        """(unit, kind, index after, language the unit is written in, factor)."""
        toks = self.toks
        lang = self.lang
        if fraction is not None:
            return _Unit("percent", "percent", k, lang, 1.0)
        if currency is not None:
            return _Unit(currency, "money", k, lang, 1.0)
        if k >= len(toks):
            return _Unit("dimensionless", "number", k, lang, 1.0)
        t = toks[k]
        if t.text in ("%", "‰"):
            after = k + 1
            points = self._phrase(after, U.POINT_WORDS[2:3])
            if points:
                return _Unit("percentage_points", "points", points, lang, 1.0)
            return _Unit("percent", "percent", after, lang, 0.1 if t.text == "‰" else 1.0)
        word_lang = (
            "ru"
            if _cyrillic(t.text)
            else ("de" if t.key in _GERMAN_UNIT_WORDS and t.text[:1].isupper() else lang)
        )
        after = self._phrase(k, U.POINT_WORDS)
        if after:
            return _Unit("percentage_points", "points", after, word_lang, 1.0)
        after = self._phrase(k, U.BASIS_POINTS)
        if after:
            return _Unit("percentage_points", "points", after, word_lang, 0.01)
        after = self._phrase(k, U.PERCENT_WORDS)
        if after:
            return _Unit("percent", "percent", after, word_lang, 1.0)
        code, after = self._currency_after(k)
        if code is not None:
            return _Unit(code, "money", after, word_lang, 1.0)
        counted = self._counted(k, one)
        if counted is not None:
            noun, after = counted
            *head, last = noun.split(" ")
            noun = " ".join([*head, self.words.units.spellings.get(last, last)])
            return _Unit(noun, "count", after, word_lang, 1.0)
        if self._age(k):
            return _Unit("years", "count", k, lang, 1.0)
        return _Unit("dimensionless", "number", k, lang, 1.0)

    def _age(self, k: int) -> bool:
        """ "Benjamin Green, 83, knows ...": an age after a name, between commas, or before a
        dash set off by a space ("Crutcher, 40 ― a father and student")."""
        toks = self.toks
        j = k - 1
        if j < 2 or k >= len(toks):
            return False
        spaced_dash = (
            toks[k].text in "―—–-−"
            and toks[k].start > toks[j].end
            and (k + 1 >= len(toks) or toks[k + 1].kind != "num")  # not "Lee, 5 – 3"
        )
        if toks[k].text not in (",", ")") and not spaced_dash:
            return False
        return (
            toks[j - 1].text in (",", "(")
            and toks[j - 2].kind == "word"
            and (toks[j - 2].text[:1].isupper())
        )

    def _hyphen_tail(self, m: int) -> int | None:
        """The index of the second word of a hyphenated word starting at ``m`` ("first-graders",
        "part-time"), written without spaces; None when there is none."""
        toks = self.toks
        if (
            m + 2 < len(toks)
            and toks[m + 1].kind == "dash"
            and toks[m + 1].text == "-"
            and toks[m + 1].start == toks[m].end
            and toks[m + 2].start == toks[m + 1].end
            and toks[m + 2].kind == "word"
            and toks[m + 2].text.islower()
        ):
            return m + 2
        return None

    def _counted(self, k: int, one: bool = False) -> tuple[str, int] | None:
        """The counted noun after a number: "500 people", "3 new jobs", "64-year-old"."""
        toks = self.toks
        t = toks[k]
        units = self.words.units
        if t.text in units.data_sizes:
            return units.data_sizes[t.text], k + 1  # "2.6 TB", "25MB"
        if t.key in _ORDINAL_SUFFIX and t.start == toks[k - 1].end and self._anniversary(k):
            return "years", k + 2
        if t.kind == "dash" and k + 1 < len(toks) and toks[k + 1].start == t.end:
            w = toks[k + 1].key
            if w in _AGE_UNITS and k + 1 < len(toks):
                end = k + 2
                if end + 1 < len(toks) and toks[end].kind == "dash" and toks[end + 1].key == "old":
                    end += 2
                return w + "s", end
            if w.startswith(("jährig", "летн", "лети")):  # (-летие, -летия, -летию, ...)
                return "years", k + 2  # "21-jährigen", "25-летний"
            written = toks[k + 1].text
            if (
                toks[k + 1].kind == "word"
                and written.isalpha()
                and written.islower()
                and w not in units.not_hyphen_units
                and not (one and w in self.words.pronouns.compounds)  # "one-sided", "one-off"
            ):
                return pluralize(w), k + 2  # "a 40-kilometre stretch", "a 12,000-piece set"
            return None
        if t.kind == "word" and t.key in U.UNIT_ABBREVIATIONS:
            return U.UNIT_ABBREVIATIONS[t.key], k + 1
        if (
            t.kind == "word"
            and t.key in ("years",)
            and k + 1 < len(toks)
            and toks[k + 1].key == "old"
        ):
            return "years", k + 2
        m = k
        for skip in range(4):  # the noun, or up to three adjectives before it
            if m >= len(toks) or toks[m].kind != "word":
                return None
            word = toks[m]
            if skip == 0 and word.key in U.COUNT_CHANGES and m + 1 < len(toks):
                noun_after = toks[m + 1]
                plural = _plural(noun_after.key)
                if noun_after.kind == "word" and noun_after.text.islower() and plural:
                    m += 1  # "25 million more people": people
                    word = noun_after
            if word.key in U.NOT_ADJECTIVES or (word.key in U.FUNCTION_WORDS and skip == 0):
                return None
            tail = self._hyphen_tail(m)
            tail_noun = _plural(toks[tail].key) if tail is not None else None
            if tail is not None and tail_noun is not None and word.text.islower():
                after = toks[tail + 1] if tail + 1 < len(toks) else None
                if word.key in ("square", "cubic"):
                    return f"{word.key} {tail_noun}", tail + 1  # "15,000 square-foot office"
                if after is None or not (
                    after.kind == "word"
                    and (not after.text.islower() or _plural(after.key) is not None)
                ):  # "first-graders", "co-workers"; not "plain-clothes NYPD officers"
                    return f"{word.key}-{tail_noun}", tail + 1
            if word.key in U.COMMON_VERBS:
                return None  # "Seven said yes", "120 backed new taxes"
            if one and skip > 0 and word.text.istitle() and not toks[k - 1].text.islower():
                return None  # "One Tweet Sums Up ...": in a title-case headline a capital
                # after the first word tells no noun from a verb ("from one to three Supreme
                # Court appointments" is running text)
            if _cyrillic(word.text):
                known = len(word.key) > 2 and word.key not in U.FUNCTION_WORDS
                return (word.key, m + 1) if known else None
            if self.lang == "de" and word.text[:1].isupper():
                return word.key, m + 1
            noun = _plural(word.key)
            if (
                one
                and skip == 0
                and (
                    (noun == word.key and word.key not in U.IRREGULAR_PLURALS)
                    or self._no_noun_after_one(m)
                )
            ):
                return None  # "if one adds", "one really", "one such", "one listing the facts"
            if one and skip == 0 and word.key in U.ONE_ADJECTIVES:
                m += 1  # "one older brother": brother
                continue
            then = toks[m + 1] if m + 1 < len(toks) else None
            after_adjective = (  # "one former executive", not "one former senior official"
                skip == 1
                and toks[m - 1].key in U.ONE_ADJECTIVES
                and not (
                    then is not None
                    and then.kind == "word"
                    and then.text.islower()
                    and then.key not in U.COMMON_VERBS
                    and then.key not in U.FUNCTION_WORDS
                )
            )
            if noun is None and one and (skip == 0 or after_adjective) and self._singular_noun(m):
                noun = pluralize(word.key)  # "one passenger"
            if noun is not None:
                if m > k and toks[m - 1].key in ("cubic", "square"):
                    noun = f"{toks[m - 1].key} {noun}"  # "3,600 cubic metres"
                return noun, m + 1
            if not word.text.islower() and not word.text.istitle():
                return None
            following = toks[m + 1] if m + 1 < len(toks) else None
            if word.key.endswith("ed") and (following is None or _plural(following.key) is None):
                return None  # a participle is an adjective only right before its noun
            m += 1
            # "full-time workers": a hyphenated adjective is one word
            while (
                m + 1 < len(toks)
                and toks[m].kind == "dash"
                and toks[m].start == toks[m - 1].end
                and toks[m + 1].kind == "word"
                and toks[m + 1].start == toks[m].end
            ):
                m += 2
        return None

    def _no_noun_after_one(self, m: int) -> bool:
        """Whether the word at ``m`` shows that the "one" before it is a pronoun: an adverb
        ("one really"), a determiner ("one such"), a verb taking an object ("one listing the
        facts", "one soliciting his views")."""
        w = self.toks[m]
        after = self.toks[m + 1].key if m + 1 < len(self.toks) else ""
        pronouns = self.words.pronouns
        if w.key.endswith("ing") and (after in pronouns.partitive or after in ("a", "an")):
            return True
        if w.key.endswith("ing") and after[:1].isalpha() and self.toks[m + 1].text.islower():
            return True  # "one overriding message", "one ranking pegs": no count to read
        return w.key.endswith("ly") or w.key in pronouns.not_nouns

    def _singular_noun(self, m: int) -> bool:
        """Whether the word at ``m``, after "one", is a singular noun it counts ("one
        passenger"), not an idiom ("one day")."""
        w = self.toks[m]
        return (
            w.text.islower()
            and len(w.key) > 2
            and not w.key.endswith("ed")
            and w.key not in self.words.pronouns.idioms
            and w.key not in U.NOT_PLURAL_NOUNS
            and w.key not in U.FUNCTION_WORDS
        )

    def _comparator_before(self, i: int) -> tuple[str, int]:
        toks = self.toks
        for size in range(U.COMPARATOR_LONGEST, 0, -1):
            lo = i - size
            if lo < 0:
                continue
            words = tuple(t.key for t in toks[lo:i])
            if words in U.COMPARATORS_BEFORE and all(t.kind == "word" for t in toks[lo:i]):
                if words == ("до",) and (
                    any(t.key.startswith(_RU_CHANGE) for t in toks[max(0, lo - 3) : lo])
                    or _changed_from(toks, lo)
                ):
                    return "=", i  # "повысил ставку до 21%", "с 14 до 7 дней": to, not up to
                if words in U.GROUP_WHEN_DETERMINED and lo > 0 and toks[lo - 1].key in DETERMINERS:
                    return "=", i  # "the top 1 percent": that group, not more than it
                return self._denied(U.COMPARATORS_BEFORE[words], lo)
            if (
                size == 1
                and i >= 2
                and toks[i - 1].text == "."
                and toks[i - 2].key + "." in {" ".join(k) for k in U.COMPARATORS_BEFORE}
            ):
                return U.COMPARATORS_BEFORE[(toks[i - 2].key + ".",)], i - 2
        # "примерно на 8%", "почти в 2 раза": the comparator before a change's preposition
        if i >= 2 and toks[i - 1].key in _RU_BY:
            for size in (2, 1):  # "более чем на 10%", "примерно на 8%"
                lo = i - 1 - size
                words = tuple(t.key for t in toks[max(lo, 0) : i - 1])
                if lo < 0 or any(t.kind != "word" for t in toks[lo : i - 1]):
                    continue
                if size == 2 and words[1] == "чем":  # "более чем на 10%": as "более"
                    words = words[:1]
                sign = U.COMPARATORS_BEFORE.get(words)
                if sign is not None and sign != "=" and words[-1] not in _RU_BY:
                    return sign, lo
        return "=", i

    def _denied(self, sign: str, lo: int) -> tuple[str, int]:
        """A comparator's sign and first token, turned round when a negation comes right
        before its words: "will not exceed 1.7%", "won't top", "never surpassed" (at most)."""
        toks = self.toks
        if sign not in U.NEGATED_COMPARATORS or lo == 0:
            return sign, lo
        if toks[lo - 1].kind == "word" and toks[lo - 1].key in U.COMPARATOR_NEGATIONS:
            return U.NEGATED_COMPARATORS[sign], lo - 1
        if (  # "won't", "didn't": the contraction is three tokens, "won" "'" "t"
            lo >= 3
            and toks[lo - 1].key == "t"
            and toks[lo - 2].text in ("'", "’")
            and toks[lo - 3].key.endswith("n")
            and toks[lo - 3].end == toks[lo - 2].start
        ):
            return U.NEGATED_COMPARATORS[sign], lo - 3
        return sign, lo

    def _comparator_after(self, k: int, comparator: str) -> tuple[str, int]:
        toks = self.toks
        if comparator != "=":
            return comparator, k
        for words, sign in U.COMPARATORS_AFTER.items():
            m = k
            if words == ("plus",) and m < len(toks) and toks[m].kind == "dash":
                m += 1
            end = self._phrase(m, (words,))
            if end and words == ("plus",) and self._phrase(end, (("or", "minus"),)):
                continue  # "a two percent plus or minus margin of error": no "more than"
            if end:
                return sign, end
        return comparator, k

    def _range_lead(self, i: int, lead: int) -> int:
        toks = self.toks
        if lead > 0 and toks[lead - 1].key in ("between", "from", "от", "zwischen", "von"):
            return lead - 1
        return lead

    # ---- currencies ------------------------------------------------------------------------------
    def _currency_before(self, j: int) -> tuple[str | None, int]:
        toks = self.toks
        if j >= len(toks):
            return None, j
        t = toks[j]
        nxt = j + 1
        if t.kind == "word" and t.key == "rs" and nxt < len(toks) and toks[nxt].text == ".":
            nxt += 1
        code = None
        if (t.kind == "sym" and t.key in U.CURRENCY_SYMBOLS) or (
            t.kind == "word" and t.key in ("rs", "zł")
        ):
            code = U.CURRENCY_SYMBOLS[t.key]
        elif t.kind == "word" and t.text in U.CURRENCY_CODES:
            code = "CNY" if t.text == "RMB" else t.text
        if code is None or nxt >= len(toks):
            return None, j
        if toks[nxt].kind == "num" or (toks[nxt].kind == "word" and is_number_word(toks[nxt].text)):
            if code == "JPY" and self._says_yuan(j):
                code = "CNY"
            return code, nxt
        return None, j

    def _currency_after(self, k: int) -> tuple[str | None, int]:
        toks = self.toks
        t = toks[k]
        if self._hyphened_word(k) and toks[k + 1].key not in ("won", "real"):
            code = U.CURRENCY_WORDS.get((toks[k + 1].key,))
            if code is not None:
                return code, k + 2  # "1.2-billion-yuan", "a two-million-dollar grant"
        if (
            t.key == "us"
            and k + 2 < len(toks)
            and toks[k + 1].kind == "dash"
            and toks[k + 2].key == "dollar"
        ):
            return "USD", k + 3  # "US-Dollar"
        if t.kind == "word" and t.text in U.CURRENCY_CODES:
            return ("CNY" if t.text == "RMB" else t.text), k + 1
        if t.kind == "sym" and t.key in U.CURRENCY_SYMBOLS and t.key != "$":
            return U.CURRENCY_SYMBOLS[t.key], k + 1
        for size in range(U.CURRENCY_WORD_LONGEST, 0, -1):
            words = [x.key for x in toks[k : k + size] if x.kind == "word"]
            span = toks[k : k + size]
            if len(words) != size or len(span) != size:
                # allow a trailing dot of an abbreviation ("долл.", "руб.")
                if (
                    size == 1
                    and span
                    and span[0].kind == "word"
                    and k + 1 < len(toks)
                    and toks[k + 1].text == "."
                ):
                    key = (span[0].key + ".",)
                    if key in U.CURRENCY_WORDS:
                        return U.CURRENCY_WORDS[key], k + 2
                continue
            if tuple(words) in U.CURRENCY_WORDS:
                if words in (["real"], ["won"]) and not self._money_word(k, size):
                    continue
                if words in (["pound"], ["pounds"]) and self._weighed(k):
                    continue
                end = k + size
                if (
                    end < len(toks)
                    and toks[end].text == "."
                    and toks[end].start == toks[end - 1].end
                ):
                    dotted = (*words[:-1], words[-1] + ".")
                    if dotted in U.CURRENCY_WORDS and words[-1] in ("долл", "руб"):
                        end += 1
                return U.CURRENCY_WORDS[tuple(words)], end
        # "12bn US-Dollar", "Danish kroner": a nationality word before the currency word
        return None, k

    def _weighed(self, k: int) -> bool:
        """Whether a word of weighing stands shortly before the number that ends before ``k``
        ("Trump weighs 236 pounds"): its "pounds" are a weight."""
        weighing = self.words.units.weighing
        return any(t.key in weighing for t in self.toks[max(0, k - 5) : k])

    def _money_word(self, k: int, size: int) -> bool:
        """Whether "won" or "real" after a number names the currency ("250,000 won"), not a
        verb or an adjective ("the 12 won the vote", "3 real problems")."""
        toks = self.toks
        if toks[k - 1].kind == "word" and toks[k - 1].key in U.SCALES:
            return True
        nxt = toks[k + size] if k + size < len(toks) else None
        if toks[k].key == "real":
            return False
        return nxt is None or nxt.kind != "word" or nxt.key not in _WON_OBJECTS

    def _says_yuan(self, j: int) -> bool:
        window = self.text[self.toks[j].start : self.toks[j].start + 40].lower()
        return "yuan" in window or "renminbi" in window

    # ---- what is not an amount ---------------------------------------------------------------
    def _not_an_amount(
        self, j: int, k: int, spelled: bool, currency: str | None, *, tally: bool = False
    ) -> bool:
        """Whether the number from ``j`` to ``k`` is part of a date, a time, a code, a name or
        an address (a tally's first count may follow a capitalised word: "Democrats outnumber
        Republicans 3-1")."""
        toks = self.toks
        t = toks[j]
        if any(m in self.masked for m in range(j, k)):
            return True
        if spelled:
            return False
        prev = toks[j - 1] if j > 0 else None
        nxt = toks[k] if k < len(toks) else None
        if self._alone_on_its_line(j, k):
            return True  # a list number: "12" on a line of its own
        if currency is None and (
            self._a_code(t) or self._in_a_name(j, k) or self._abbreviated_year(j)
        ):
            return True
        if prev is not None and currency is None:
            glued = prev.end == t.start
            if glued and prev.kind == "word":
                return True  # G20, A320, MH17
            if (
                glued
                and prev.kind == "dash"
                and j >= 2
                and toks[j - 2].kind in ("word", "num")
                and toks[j - 2].end == prev.start
            ):
                return True  # COVID-19, Catch-22, F-16
            if prev.kind == "sym" and prev.text in ("№", "#"):
                return True
            if glued and prev.text == ":" and j >= 2 and toks[j - 2].end == prev.start:
                return True  # "Isaiah 45:1", "3:1-5"
            if prev.kind == "punct" and prev.text == "." and j >= 2:
                month = toks[j - 2]
                abbreviated = self._month(month) and len(month.key) <= 4
                same_line = "\n" not in self.text[prev.end : t.start]
                if abbreviated and prev.start == month.end and same_line:
                    return True  # Aug. 30
            if prev.kind == "word":
                if prev.text[:1].isupper() and prev.key.endswith(_STREET_ENDINGS):
                    return True
                if self._month(prev) and self._day(t):
                    return True  # September 26
                named = prev.text[:1].isupper() or any(ch.isupper() for ch in prev.text[1:])
                if (
                    named
                    and not (tally and prev.key.endswith("s"))  # "outnumber Republicans 3-1"
                    and not self._common(j - 1)
                    and prev.text not in U.CURRENCY_CODES
                ):
                    return True  # Boeing 737, Apollo 11
        if nxt is not None:
            if nxt.kind == "word" and nxt.start == toks[k - 1].end and nxt.key in _ORDINAL_SUFFIX:
                return not self._anniversary(k)
            if self._month(nxt) and self._day(t):
                return True  # 26 September
            if nxt.text == "." and k + 1 < len(toks) and self._month(toks[k + 1]):
                return True  # 14. Oktober
            if nxt.text == "(" and k + 2 < len(toks) and toks[k + 2].text == ")":
                return True  # 401(k)
            glued = k + 1 < len(toks) and nxt.kind == "dash" and nxt.start == toks[k - 1].end
            if glued and toks[k + 1].start == nxt.end and toks[k + 1].text[:1].isupper():
                return True  # 7-Eleven, 3-D
            if (
                nxt.kind == "word"
                and nxt.key == "of"
                and k + 1 < len(toks)
                and toks[k + 1].key in U.MONTHS
            ):
                return True
            if (
                nxt.kind == "word"
                and nxt.start == toks[k - 1].end
                and nxt.key not in U.GLUED_SCALES
                and nxt.key not in U.UNIT_ABBREVIATIONS
                and nxt.text not in self.words.units.data_sizes
            ):
                return True  # 5G, 3D
            if self._address(k):
                return True
        return False

    def _a_code(self, t: _Tok) -> bool:
        """Whether a numeral is an id or a code: a version ("2.14.1", where a point groups no
        thousands), a long run of digits (a post's id), digits after a leading zero
        ("004512")."""
        text = t.text
        if text.isdigit():
            return len(text) >= self.words.long_digits or (len(text) > 1 and text[0] == "0")
        groups = text.split(".")
        return len(groups) > 2 and not all(len(g) == 3 for g in groups[1:])

    def _in_a_name(self, j: int, k: int) -> bool:
        """Whether the numeral at ``j`` (ending before ``k``) belongs to a name or a title:
        after a noun that numbers things ("Route 66", "part 2", "Prop. 13"), after a
        capitalised "The" inside a sentence ("a show called The 411"), in "the Group of 20",
        after a title noun and before a capitalised word ("the film 41 Shots"), or inside a
        short quoted title ("“Room 237 Revisited”")."""
        toks = self.toks
        names = self.words.names
        if j == 0:
            return self._quoted_title(j, k)
        prev = toks[j - 1]
        if prev.kind == "word" and prev.key in names.nouns:
            return True
        if prev.text == "The" and not self._sentence_start(j - 1):
            return True
        if prev.text == "." and j >= 2 and toks[j - 2].key in names.abbreviations:
            return True
        if (
            prev.key == "of"
            and j >= 2
            and toks[j - 2].key in names.of_heads
            and toks[j - 2].text[:1].isupper()
        ):
            return True
        m = j - 1
        while m > 0 and toks[m].kind == "punct" and toks[m].text in ",“\"‘'":
            m -= 1
        titled = toks[m].key in names.title_nouns or toks[m].key in names.title_verbs
        capital = k < len(toks) and toks[k].kind == "word" and toks[k].text[:1].isupper()
        return (titled and capital) or self._quoted_title(j, k)

    def _quoted_title(self, j: int, k: int) -> bool:
        """Whether the numeral sits in a short quoted stretch whose longer words all begin with
        a capital: a title ("“41 Shots”", "‘13 Hours’"), not a quoted figure ("“40 percent”")."""
        text = self.text
        at, end = self.toks[j].start, self.toks[k - 1].end
        line = text.rfind("\n", 0, at) + 1
        left = max(line, at - 60)
        opening = -1
        for p in range(at - 1, left - 1, -1):
            ch = text[p]
            if ch in _OPENERS and (p == line or text[p - 1].isspace() or text[p - 1] == "("):
                opening = p
                break
            if ch in "”\n":
                return False
        if opening < 0:
            return False
        closer = _OPENERS[text[opening]]
        stop = text.find(closer, end, min(len(text), end + 60))
        if stop < 0:
            return False
        inner = text[opening + 1 : stop]
        words = _WORD.findall(inner)
        return (
            len(inner.split()) <= 8
            and not any(ch in inner for ch in ".!?;\n")
            and any(w[:1].isupper() for w in words)
            and all(w[:1].isupper() for w in words if len(w) > 3)
        )

    def _abbreviated_year(self, j: int) -> bool:
        """ "in ’08", "Class of '16", "‘13 Hours’": an apostrophe and two digits, after a word
        that introduces a year or before a capital, a dash or a punctuation mark."""
        toks = self.toks
        t = toks[j]
        if len(t.text) != 2 or not t.text.isdigit() or j == 0:
            return False
        mark = toks[j - 1]
        if mark.text not in ("'", "’", "‘") or mark.end != t.start:
            return False
        if j >= 2 and toks[j - 2].end == mark.start:
            return False  # the mark closes a word
        if j >= 2 and toks[j - 2].key in self.words.years.introducers:
            return True
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return (
            nxt is None
            or nxt.kind in ("punct", "dash")
            or (nxt.kind == "word" and nxt.text[:1].isupper())
        )

    def _tally(self, i: int, j: int, k: int) -> _Tally | None:
        """ "voted 19-15", "confirmed 80-19", "split 4 to 1", "a 2-to-1 margin", "won 3-1": two
        whole counts, the first not below the second (a rising pair is a range), neither
        followed by a unit. Joined by "to", they are a tally only among words of voting."""
        toks = self.toks
        tallies = self.words.tallies
        if toks[j].kind != "num" or not toks[j].text.isdigit() or k + 1 >= len(toks):
            return None
        link = toks[k]
        glued = link.start == toks[k - 1].end and toks[k + 1].start == link.end
        shares = self._share_pair(j, k)
        if shares is not None:
            return shares
        if link.kind == "dash" and glued and toks[k + 1].kind == "num":
            other, spoken = k + 1, False  # "19-15"
        elif self._hyphened_to(k):
            other, spoken = k + 3, False  # "2-to-1"
        elif link.key == "to" and toks[k + 1].kind == "num":
            other, spoken = k + 1, True  # "5 to 4"
        else:
            return None
        second = toks[other]
        if not second.text.isdigit() or other in self.masked:
            return None
        if not int(second.text) <= int(toks[j].text) <= tallies.largest:
            return None
        after = other + 1
        if after < len(toks) and (
            (toks[after].kind == "dash" and toks[after].start == second.end)  # "3-2-1"
            or toks[after].text in ("%", "‰")
            or toks[after].key in U.SCALES
            or self._phrase(after, U.PERCENT_WORDS)
            or self._currency_after(after)[0] is not None
        ):
            return None
        vote = any(t.key in tallies.vote_words for t in toks[max(0, i - 4) : i]) or (
            after < len(toks) and toks[after].key in tallies.vote_words
        )
        if spoken and not vote:
            return None
        if vote:
            return _Tally(float(second.text), after, "votes", "count")
        return _Tally(float(second.text), after, "dimensionless", "number")

    def _share_pair(self, j: int, k: int) -> _Tally | None:
        """ "By 58%-33%", "89%-6%": two shares glued by a dash, the first not below the second
        (a rising pair, "4.75%-5%", is a range), one figure with the other in ``against``."""
        toks = self.toks
        if k + 3 >= len(toks) or toks[k].text != "%" or toks[k + 3].text != "%":
            return None
        dash, second = toks[k + 1], toks[k + 2]
        glued = dash.start == toks[k].end and second.start == dash.end
        if dash.kind != "dash" or not glued or second.kind != "num" or k + 2 in self.masked:
            return None
        if not second.text.isdigit() or not int(second.text) <= int(toks[j].text) <= 100:
            return None
        after = k + 4 < len(toks) and toks[k + 4].kind == "dash"
        before = j > 1 and toks[j - 1].kind == "dash" and toks[j - 2].text == "%"
        if (after and toks[k + 4].start == toks[k + 3].end) or (
            before and toks[j - 1].end == toks[j].start
        ):
            return None  # "40%-30%-20%": a list of shares
        return _Tally(float(second.text), k + 4, "percent", "percent")

    def _pronoun(self, j: int, number: _Number, read: _Unit) -> bool:
        """Whether a spelled "one" or "two" with its noun is a pronoun or an article rather
        than a count: after a definite determiner ("the two leaders", "those two states"),
        taken from a group ("one member of that group"), or an unnamed source ("One reader
        wrote", "one official said"). "Only one candidate" and durations stay counts."""
        toks = self.toks
        pronouns = self.words.pronouns
        if (
            not number.spelled
            or number.fraction is not None
            or number.end != j + 1
            or toks[j].key not in pronouns.numbers
            or read.kind != "count"
            or read.unit in self.words.units.durations
        ):
            return False
        before = toks[j - 1].key if j > 0 else ""
        if before in pronouns.focus:
            return False
        if before == "to" and j > 1 and toks[j - 2].key in pronouns.source_openers:
            return True  # "according to one report"
        hyphened = j + 1 < len(toks) and toks[j + 1].kind == "dash"
        if before in pronouns.definite and not hyphened:
            return True  # but "the two-mile trek": the article is the trek's
        end = read.end
        if end + 1 < len(toks) and toks[end].key == "of":
            group = toks[end + 1].key
            if group in pronouns.partitive or group in ("a", "an"):
                return True
        for t in toks[end : end + 5]:
            if t.kind != "word":
                return False
            if t.key in pronouns.reporting_verbs:
                return True
        return False

    @staticmethod
    def _day(tok: _Tok) -> bool:
        """Whether a numeral can be a day of a month (so "May 40 people" is no date)."""
        return tok.text.isdigit() and 1 <= int(tok.text) <= 31

    @staticmethod
    def _month(tok: _Tok) -> bool:
        """Whether ``tok`` names a month ("May" with its capital only: "may" is a verb)."""
        return (
            tok.kind == "word"
            and tok.key in U.MONTHS
            and (tok.key not in U.AMBIGUOUS_MONTHS or tok.text[:1].isupper())
        )

    def _alone_on_its_line(self, j: int, k: int) -> bool:
        text = self.text
        before = text[text.rfind("\n", 0, self.toks[j].start) + 1 : self.toks[j].start]
        after_end = text.find("\n", self.toks[k - 1].end)
        after = text[self.toks[k - 1].end : len(text) if after_end < 0 else after_end]
        if not before.strip() and not after.strip(" .)"):
            return True
        # "4. Ben Carson": a list number opening its line
        return not before.strip() and after[:1] in (".", ")") and after[1:2] == " "

    def _anniversary(self, k: int) -> bool:
        toks = self.toks
        return k + 1 < len(toks) and toks[k + 1].key in _ANNIVERSARY_WORDS

    def _common(self, i: int) -> bool:
        """Whether the capitalised word at ``i`` (before a number) is an ordinary word, not a
        name."""
        key = self.toks[i].key
        if key in U.FUNCTION_WORDS or key in U.MONTHS or key in U.WEEKDAYS:
            return True
        at_start = self._sentence_start(i)
        if at_start and (key.endswith("ly") or _cyrillic(key) or key in U.COMMON_VERBS):
            return True  # "Altogether 25 people died", "Задержан 25-летний мужчина"
        if any(key == words[-1] for words in U.COMPARATORS_BEFORE):
            return True
        return key in U.SCALES or self.lang == "de"

    def _address(self, k: int) -> bool:
        toks = self.toks
        m, seen = k, 0
        while m < len(toks) and seen < 4:
            t = toks[m]
            ordinal = (  # "131 West 23rd Street": a numbered street's name
                t.kind == "num"
                and m + 1 < len(toks)
                and toks[m + 1].start == t.end
                and toks[m + 1].key in _ORDINAL_SUFFIX
            )
            if ordinal:
                m, seen = m + 2, seen + 1
                continue
            if t.kind != "word" or not t.text[:1].isupper():
                return False
            if t.key in U.STREET_WORDS or t.key.endswith(("straße", "strasse", "gade", "vej")):
                return True
            m, seen = m + 1, seen + 1
        return False

    def _is_year(
        self,
        j: int,
        number: _Number,
        scale: int,
        kind: Kind,
        currency: str | None,
    ) -> bool:
        t = self.toks[j]
        if t.kind != "num" or not re.fullmatch(r"\d{4}", t.text) or number.end != j + 1:
            return False
        if scale != 1 or currency is not None:
            return False
        years, year = self.words.years, int(t.text)
        if kind not in ("number", "count") or year > years.last:
            return False
        if year >= years.counted_first:
            return True  # "the 2016 race", "2016 elections"
        return kind == "number" and year >= years.first and self._dated(j)  # "in 1776"

    def _dated(self, j: int) -> bool:
        """Whether the number at ``j`` follows a word that introduces a year ("in", "of",
        "since") or a month and day ("July 14, 1789")."""
        toks = self.toks
        if j == 0:
            return False
        if toks[j - 1].key in self.words.years.introducers:
            return True
        return (
            j >= 3
            and toks[j - 1].text == ","
            and self._day(toks[j - 2])
            and self._month(toks[j - 3])
        )

    # ---- helpers -------------------------------------------------------------------------------
    def _phrase(self, k: int, phrases: Sequence[tuple[str, ...]]) -> int:
        """The index after the longest of ``phrases`` starting at ``k``, or 0. A word written
        with a final point ("проц.") also matches the word and a point token after it."""
        best = 0
        for words in phrases:
            m = k
            for w in words:
                if m >= len(self.toks):
                    break
                key = self.toks[m].key
                if key == w:
                    m += 1
                elif (
                    w.endswith(".")
                    and key == w[:-1]
                    and m + 1 < len(self.toks)
                    and self.toks[m + 1].text == "."
                ):
                    m += 2
                else:
                    break
            else:
                best = max(best, m)
        return best

    def _points_of_a_rate(self, i: int, k: int) -> bool:
        """Whether bare "points" change a percentage here ("leads by 3 points in the poll",
        "the rate rose 2 points to 45%"), not an index ("the Dow fell 300 points")."""
        toks = self.toks
        lo, hi = toks[i].start, toks[k - 1].end
        window = self.text[max(0, lo - 80) : hi + 80]
        return not _NOT_POINTS.search(window) and bool(_RATE_WORDS.search(window))

    def _change_before(self, first: int) -> bool:
        """Whether "from X to Y" reports a change ("rose from 1.9% to 2.3%"), not a range."""
        toks = self.toks
        if first == 0 or toks[first - 1].key not in ("from", "von"):
            return False
        words = [t.key for t in toks[max(0, first - 5) : first - 1]]
        return any(w in _CHANGE_VERBS or w.startswith(_GERMAN_CHANGE_STEMS) for w in words)

    def _sentence_start(self, j: int) -> bool:
        if j == 0:
            return True
        prev = self.toks[j - 1]
        if prev.text in _SENTENCE_END:
            return True
        between = self.text[prev.end : self.toks[j].start]
        return "\n" in between

    def _reread(self, j: int, lang: str) -> float:
        t = self.toks[j]
        return literal_value(t.text, lang) if t.kind == "num" else 0.0


#: What joins two numbers that share the unit written after the second ("20 and 50 years
#: ago", "2 or 3 percent").
_SHARING = re.compile(_EN.pattern("sharing"))
_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?$")
#: a Russian change from one amount to another: "с" right before the first, "до" between
_RU_FROM = re.compile(r"(?:^|\s)[сС]\s+\Z")
_RU_TO = re.compile(r"\s+до\s+")


def _changed_from(toks: Sequence[_Tok], lo: int) -> bool:
    """Whether a number after "с" comes right before the "до" at token ``lo`` ("с 14 до", "с
    6,2 млрд до"): a change from one amount to another; or a change's size after "на" and a
    comma ("сократит бюджет на 15%, до 1,2 млрд"): a change by one amount, to another."""
    if lo >= 3 and toks[lo - 1].text == ",":
        for k in range(lo - 2, max(lo - 5, 0) - 1, -1):
            if toks[k].kind == "num":
                return k > 0 and toks[k - 1].key in _RU_BY
            if toks[k].kind not in ("word", "sym"):
                return False
        return False
    for k in range(lo - 1, max(lo - 4, 0) - 1, -1):
        if toks[k].kind == "num":
            return k > 0 and toks[k - 1].key == "с"
        if toks[k].kind != "word":
            return False
    return False


def _shared_units(text: str, found: list[Amount], lang: str = "en") -> list[Amount]:
    """A bare number joined by "and" or "or" to a number with a unit takes that unit and its
    scale: "20 and 50 years ago" is 20 years and 50 years, "2 or 3 million people" 2 million
    people; so does the first of a Russian change "с X до Y" ("с 14 до 7 дней": 14 days)."""
    out = list(found)
    for n in range(len(out) - 2, -1, -1):
        first, second = out[n], out[n + 1]
        if first.unit != "dimensionless" or second.unit == "dimensionless":
            continue
        if first.comparator not in ("=", "~") or first.high is not None:
            continue
        if first.against is not None:
            continue
        joined = _SHARING.fullmatch(text, first.end, second.start)
        if not joined and lang == "ru":
            joined = _RU_FROM.search(
                text, max(0, first.start - 3), first.start
            ) and _RU_TO.fullmatch(text, first.end, second.start)
        if not joined:
            continue
        written = text[second.number_start : second.number_end]
        own = text[first.number_start : first.number_end]  # "about 1" is 1 with "about"
        if not _PLAIN_NUMBER.match(written) or not _PLAIN_NUMBER.match(own):
            continue
        if lang == "en":
            shown = float(written.replace(",", ""))
        else:  # (a decimal comma: "с 6,2 до 7,4 млрд рублей")
            shown = literal_value(written, lang)
            if first.value != literal_value(own, lang):  # its own scale: "с 6,2 млрд"
                shown = second.value
        scale = second.value / shown if shown else 1.0
        out[n] = replace(
            first, value=_tidy(first.value * scale), unit=second.unit, kind=second.kind
        )
    return out


def _masked_tokens(toks: list[_Tok], masks: Iterable[re.Match[str]]) -> set[int]:
    """The numbers of the tokens that overlap one of ``masks`` (matches in text order, which
    do not overlap: the first that ends past a token is the only one that may hold it)."""
    spans = [m.span() for m in masks]
    if not spans:
        return set()
    ends = [b for _, b in spans]
    out = set()
    for n, t in enumerate(toks):
        k = bisect_right(ends, t.start)
        if k < len(spans) and spans[k][0] < t.end:
            out.add(n)
    return out


def _tokenize(text: str, start: int, end: int, lang: str) -> list[_Tok]:
    toks: list[_Tok] = []
    grouped: list[tuple[int, int]] = []
    grouped = [(m.start(), m.end()) for m in _RU_GROUPS.finditer(text, start, end)]
    pos = start
    for s, e in [*grouped, (end, end)]:
        for m in _TOKEN.finditer(text, pos, s):
            kind = m.lastgroup or "punct"
            word = m.group()
            toks.append(_Tok(m.start(), m.end(), word, kind, word.lower()))
        if s < e:
            toks.append(_Tok(s, e, text[s:e], "num", text[s:e]))
        pos = e
    return toks


def _word_value(tok: _Tok) -> float:
    if tok.key in U.GERMAN_NUMBERS:
        return float(U.GERMAN_NUMBERS[tok.key])
    return words_value((tok.key,), "ru" if _cyrillic(tok.text) else "en") or 0.0


_CYRILLIC = re.compile("[\u0400-\u04ff]")


def _cyrillic(word: str) -> bool:
    return not word.isascii() and _CYRILLIC.search(word) is not None


def _plural(word: str) -> str | None:
    """The plural counted noun ``word`` names, or None when it does not look like one."""
    if word in U.IRREGULAR_PLURALS:
        return word
    if word in U.SINGULAR_TO_PLURAL:
        return U.SINGULAR_TO_PLURAL[word]
    if word in U.NOT_PLURAL_NOUNS or len(word) < 3:
        return None
    if word.endswith("s") and not word.endswith(_NOT_PLURAL_ENDINGS):
        return word
    return None


def pluralize(word: str) -> str:
    """The plural of a singular English noun: "passenger" -> "passengers", "city" -> "cities"."""
    if word in U.SINGULAR_TO_PLURAL:
        return U.SINGULAR_TO_PLURAL[word]
    if word in U.IRREGULAR_PLURALS or (word.endswith("s") and not word.endswith("ss")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(_ES_ENDINGS):
        return word + "es"
    return word + "s"


def _tidy(value: float) -> float:
    """Round away float noise ("4.5 * 10**9" is 4500000000.0, not 4499999999.999999)."""
    rounded = round(value, 6)
    return float(round(rounded)) if abs(rounded - round(rounded)) < 1e-9 else rounded
