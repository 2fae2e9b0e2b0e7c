"""What a quote's full-text search matches besides its words as written: for each language
whose profile says so (``[search]`` in ``quotewire/data/lang/<code>.toml``), the word with its
letters folded ("ёлка" -> "елка") and its Snowball stem ("ставки" -> "ставк").

Both stores index :func:`index_terms` of a quote (its text, speaker and article title) in a
column of their full-text index, and turn a query into :func:`query_alternatives`: so a word
finds its other forms in SQLite and in PostgreSQL alike, from one implementation. A word is
given to the profile of its script (Cyrillic letters to Russian); English words match as
written, as they always have.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache, lru_cache

from quotewire.lang import LanguageProfile, profiles

_WORD = re.compile(r"[^\W_]+")


@cache
def _searchable() -> tuple[LanguageProfile, ...]:
    return tuple(p for p in profiles() if p.stemmer or p.search_folds)


def _script(word: str) -> str:
    for letter in word:
        if letter.isalpha():
            return unicodedata.name(letter, "").split(" ", 1)[0]
    return ""


@cache
def _stem_words(name: str) -> Callable[[list[str]], list[str]]:
    import snowballstemmer

    stemmer = snowballstemmer.stemmer(name)
    return stemmer.stemWords  # type: ignore[no-any-return]


@lru_cache(maxsize=200_000)
def forms(word: str) -> tuple[str, ...]:
    """The forms a search matches ``word`` by, first the word in lower case, then (for a
    language with search folds or a stemmer) its folded form and its stem, each once (each
    word read once: the words of every stored quote pass here)."""
    lower = word.lower()
    found = [lower]
    script = _script(word)
    for language in _searchable():
        if language.script != script:
            continue
        folded = "".join(language.search_folds.get(c, c) for c in lower)
        found.append(folded)
        if language.stemmer:
            found.append(_stem_words(language.stemmer)([folded])[0])
    return tuple(dict.fromkeys(f for f in found if f))


def index_terms(*texts: str | None) -> str:
    """The extra terms a quote is indexed under (its words' folded forms and stems that differ
    from the words themselves), space-separated; "" when there are none."""
    seen: dict[str, None] = {}
    for text in texts:
        for word in _WORD.findall(text or ""):
            for form in forms(word)[1:]:
                seen[form] = None
    return " ".join(seen)


def query_alternatives(words: Iterable[str]) -> list[tuple[str, ...]]:
    """For each word of a query, the forms any of which a quote must hold."""
    return [forms(word) for word in words]
