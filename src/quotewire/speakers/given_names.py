"""Common given names with the gender they usually carry, for pronoun resolution.

Only a hint: "she said" after "David Axelrod" and "Mary Kay Henry" should go to the woman. A
name missing here (or a text that says otherwise, through "Mr." or a pronoun it resolved) leaves
the gender open. The lists below are common English-language given names in US and UK news
(none that the census finds carried by both sexes alike, such as "Lee" or "Jamie", but for the
"Lindsey" of the news) and win over ``data/given_names.txt``, the 1990 US Census first names
whose sex is clear (see ``scripts/given_names_from_census.py``).
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

CENSUS_FILE = _EN.file("given_names")

FEMININE = _EN.words("feminine_given_names")

MASCULINE = _EN.words("masculine_given_names")


@cache
def census_names() -> dict[str, str]:
    """Given names of the census tables and the sex ("m" or "f") that carries them."""
    text = resources.files("quotewire.data").joinpath(CENSUS_FILE).read_text(encoding="utf-8")
    names = {}
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 2 and not line.startswith("#") and fields[1] in ("m", "f"):
            names[fields[0]] = fields[1]
    return names


def gender_of(full_name: str) -> str:
    """ "m", "f", or "" for a full name, by its first given name."""
    first = full_name.split()[0].lower().rstrip(".") if full_name.split() else ""
    if first in FEMININE:
        return "f"
    if first in MASCULINE:
        return "m"
    return census_names().get(first, "")
