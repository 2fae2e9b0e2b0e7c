"""Person names: their given names, initials, surname and suffix, and when two names may be,
or must be, the same person.

One matcher serves both places that join names: speaker resolution inside an article
(:mod:`quotewire.speakers.resolve`) and the cross-article registry
(:mod:`quotewire.speakers.registry`). "Donald J. Trump" is "Donald Trump" written with a middle
initial; "Donald Trump Jr." is another person; "V. Putin" may be "Vladimir Putin"; "Heidi Cruz"
is never "Ted Cruz".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from quotewire.lang import profile
from quotewire.speakers.given_names import gender_of

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

#: Words after a surname that tell a son from his father, and are not the surname.
SUFFIXES = _EN.words("name_suffixes")
_INITIAL = re.compile(r"^[a-z]$")
#: Words that open a surname of several words ("van Buren", "de Blasio", "bin Talal"), some of
#: them also given names in the census lists ("Van").
SURNAME_PARTICLES = _EN.words("surname_particles")


#: Cyrillic letters in Latin ones, as English-language news writes Russian names (BGN/PCGN
#: without diacritics: "Путин" -> "putin", "Щербаков" -> "shcherbakov").
_LATIN = str.maketrans(
    {
        **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
        **{"ё": "e", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch"},
        **{"ю": "yu", "я": "ya", "ъ": "", "ь": ""},
    }
)
_CYRILLIC_WORD = re.compile(r"[а-яё]+")


def _latin_word(match: re.Match[str]) -> str:
    word = match.group()
    spelt = _english_spellings().get(word)
    if spelt is not None:
        return spelt
    if word.endswith(("ий", "ый")) and len(word) > 3:  # "Дмитрий" -> "dmitry"
        word = word[:-2] + "y"
    return word.translate(_LATIN)


@lru_cache(maxsize=1)
def _english_spellings() -> dict[str, str]:
    """Russian given names as English-language news spells them ("александр" -> "alexander"),
    from the Russian profile."""
    return dict(profile("ru").latin_names)


def latin(text: str) -> str:
    """``text`` (lower case) with its Cyrillic words in Latin letters: "владимир путин" ->
    "vladimir putin"; Latin text is returned as it is."""
    return _CYRILLIC_WORD.sub(_latin_word, text) if not text.isascii() else text


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents or extra spaces, in Latin letters: "Łukaszenko" and
    "lukaszenko" compare equal, and so do "Путин" and "Putin" (see :func:`latin`)."""
    text = latin(text.lower()) if not text.isascii() else text
    text = text.replace("ł", "l").replace("Ł", "L")
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.lower().replace("’", "'").split())


def name_words(name: str) -> list[str]:
    """The folded words of a name, without dots and commas ("Donald J. Trump, Jr." ->
    ``["donald", "j", "trump", "jr"]``)."""
    return [w.strip(".,") for w in fold(name).split() if w.strip(".,")]


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person's name, read: ``given`` names spelt out, ``initials`` (one letter each, in
    order, standing for given names), the ``surname`` and a ``suffix`` ("jr")."""

    given: tuple[str, ...]
    initials: tuple[str, ...]
    surname: str
    suffix: str = ""

    @property
    def first_letter(self) -> str:
        """The first letter of the first given name, spelt out or as an initial ("" if none)."""
        if self.given:
            return self.given[0][0]
        return self.initials[0] if self.initials else ""

    @property
    def bare(self) -> bool:
        """A surname alone ("Putin")."""
        return not self.given and not self.initials


@lru_cache(maxsize=200_000)
def parse_person(name: str) -> PersonName | None:
    """``name`` read as a person's name (None when it holds no word)."""
    return read_person(name_words(name))


def read_person(words: Sequence[str]) -> PersonName | None:
    """A name's words (:func:`name_words`) read as a person's name (None when there are
    none): what :func:`parse_person` and :class:`NameMemo` do with a name."""
    end = len(words)
    suffix = ""
    while end > 1 and words[end - 1] in SUFFIXES:
        suffix = suffix or words[end - 1]
        end -= 1
    if not end:
        return None
    front, surname = words[: end - 1], words[end - 1]
    given = tuple(w for w in front if not _INITIAL.match(w))
    initials = tuple(w for w in front if _INITIAL.match(w))
    if front and _INITIAL.match(front[0]):  # "V. Putin", "J. D. Vance": initials lead
        return PersonName((), tuple(w[0] for w in front), surname, suffix)
    return PersonName(given, initials, surname, suffix)


class NameMemo:
    """Names read once each for one job (:func:`~quotewire.speakers.registry.build_registry`,
    or one block of it), and freed with it: a million sightings hold more distinct names than
    the bounded caches of :func:`parse_person` and :func:`fold` keep, and in the order they
    come in (surnames at random) those caches would read most names again at every look-up.
    The memo holds one entry per distinct name of the job."""

    __slots__ = ("_people", "_words")

    def __init__(self) -> None:
        self._people: dict[str, PersonName | None] = {}
        self._words: dict[str, tuple[str, ...]] = {}

    def person(self, name: str) -> PersonName | None:
        """:func:`parse_person` of ``name``, read at its first look-up."""
        try:
            return self._people[name]
        except KeyError:
            person = self._people[name] = read_person(name_words(name))
            return person

    def words(self, name: str) -> tuple[str, ...]:
        """:func:`name_words` of ``name``, read at its first look-up."""
        try:
            return self._words[name]
        except KeyError:
            words = self._words[name] = tuple(name_words(name))
            return words


def same_full_name(a: PersonName, b: PersonName) -> bool:
    """Whether two full names are one person's written two ways: the same surname, suffix and
    first given name, and middle names that do not disagree ("Donald J. Trump" is "Donald
    Trump"; "George H. W. Bush" is not "George W. Bush")."""
    if a.surname != b.surname or a.suffix != b.suffix or not a.given or not b.given:
        return False
    if a.given[0] != b.given[0]:
        return False
    middle_a = [w[0] for w in a.given[1:]] + list(a.initials)
    middle_b = [w[0] for w in b.given[1:]] + list(b.initials)
    return not middle_a or not middle_b or middle_a == middle_b


def compound_surname(short: PersonName, full: PersonName) -> bool:
    """Whether ``short`` is the last words of ``full``, a surname of several words, with no
    given name of its own: "Guajardo Villarreal" for "Ildefonso Guajardo Villarreal", "De
    Blasio" for "Bill de Blasio" (not "Ann Smith" for "Mary Ann Smith": Ann is a given
    name)."""
    if short.initials or not short.given or short.surname != full.surname:
        return False
    n = len(short.given)
    if not n < len(full.given) <= n + 2 or full.given[-n:] != short.given:
        return False  # one or two given names before it ("Radio talk host Rush Limbaugh" is
        # a title the recognizer took in, and "Rush Limbaugh" no surname of it)
    first = short.given[0]
    return first in SURNAME_PARTICLES or not gender_of(first)


def may_name(short: PersonName, full: PersonName) -> bool:
    """Whether ``short`` may name the person whose name is ``full``: the same surname and
    suffix, and a first name or initial that does not disagree ("Putin", "V. Putin" or "Vlad
    Putin" for "Vladimir Putin"; "Heidi Cruz" is not "Ted Cruz")."""
    if short.surname != full.surname or short.suffix != full.suffix:
        return False
    if short.bare or full.bare:
        return True
    if compound_surname(short, full):
        return True
    if short.given and full.given:
        if full.given[0].startswith(short.given[0]) and len(short.given[0]) >= 3:
            short = PersonName(full.given[:1] + short.given[1:], short.initials, short.surname)
        return same_full_name(short, PersonName(full.given, full.initials, full.surname))
    return short.first_letter == full.first_letter


#: The shortest surname whose one-letter slip is still read as that surname ("Giulini" for
#: Giuliani); shorter names one letter apart are often two people ("Kane", "Kaine").
MISSPELT_FROM = 6


def misspelt(word: str, surname: str) -> bool:
    """Whether ``word``, written alone, is ``surname`` with one letter slipped: one letter left
    out, added, changed or two swapped ("McLenney" and "Sweeny" for McClenney and Sweeney), from
    the same first letter and in names of at least :data:`MISSPELT_FROM` letters; a plural or
    possessive ("the Clintons", "Khans") is no slip."""
    a, b = fold(word).replace("'", ""), fold(surname).replace("'", "")
    if a == b or min(len(a), len(b)) < MISSPELT_FROM or a[0] != b[0]:
        return False
    if a.rstrip("s") == b.rstrip("s"):
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swapped = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swapped and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    if len(long_) - len(short) != 1:
        return False
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
