"""Language profiles: what quotewire knows of each language it recognises, as data.

A profile (``quotewire/data/lang/<code>.toml``) names the language and its script, says
whether quotewire's pipeline reads it yet, and holds the word lists that rules read about it.
The language of a text is told by its script first, then by the profile's function words
(:func:`quotewire.text.language.check_language`); ``--language`` forces one.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

from quotewire.errors import QuotewireError

#: The languages there is a profile for, by code.
CODES = ("en", "ru")


@dataclass(frozen=True, slots=True)
class LanguageProfile:
    """``code`` ("en"), ``name`` ("English"), the Unicode ``script`` its letters are written in
    (as the first word of their Unicode names: "LATIN", "CYRILLIC"), whether quotewire
    ``analysed`` it, its common ``function_words`` (lower case), and ``foreign_letters``: the
    letters of its script that it does not use and a neighbouring language does."""

    code: str
    name: str
    script: str
    analysed: bool
    function_words: frozenset[str]
    foreign_letters: frozenset[str]


@cache
def profile(code: str) -> LanguageProfile:
    """The profile of the language ``code``; an unknown code is a one-line error naming the
    codes there are."""
    if code not in CODES:
        raise QuotewireError(f"no language {code!r}; quotewire knows {', '.join(CODES)}")
    source = resources.files("quotewire.data").joinpath("lang", f"{code}.toml")
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    return LanguageProfile(
        code=data["code"],
        name=data["name"],
        script=data["script"],
        analysed=bool(data["analysed"]),
        function_words=frozenset(data["function_words"].split()),
        foreign_letters=frozenset(data["foreign_letters"]),
    )


def profiles() -> list[LanguageProfile]:
    """Every profile, in the order of :data:`CODES`."""
    return [profile(code) for code in CODES]


def analysed_names() -> str:
    """The languages quotewire reads, for messages: "English", "English and Russian"."""
    names = [p.name for p in profiles() if p.analysed]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
