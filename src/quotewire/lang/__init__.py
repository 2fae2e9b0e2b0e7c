"""Language profiles: what quotewire knows of each language it recognises, as data.

A profile (``quotewire/data/lang/<code>.toml``) names the language and its script, says
whether quotewire's pipeline reads it yet, and holds the word lists that rules read about it:
the finders read their words from it (``SPEECH_VERBS = profile("en").speech_verbs``,
``DETERMINERS = profile("en").words("determiners")``) and keep none of their own.
The language of a text is told by its script first, then by the profile's function words
(:func:`quotewire.text.language.check_language`); ``--language`` forces one.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, get_args

from quotewire.errors import QuotewireError
from quotewire.model import DebrisKind

#: The languages there is a profile for, by code.
CODES = ("en", "ru")


@dataclass(frozen=True, slots=True)
class Form:
    """A regular expression with placeholders (``{agency}``) and the words one of which every
    match holds (none: no cheap test before the pattern runs)."""

    pattern: str
    needs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CreditForms:
    """How a language credits a story to an agency (read by :mod:`quotewire.text.credit`)."""

    agencies: tuple[str, ...] = ()
    lead_forms: tuple[Form, ...] = ()
    outlet_forms: tuple[str, ...] = ()
    anywhere_forms: tuple[Form, ...] = ()
    source_label: str = ""
    article: str = ""


@dataclass(frozen=True, slots=True)
class FigureWords:
    """What the figures of a language read beside its amounts (read by
    :mod:`quotewire.claims.russian`): counted nouns and units by lemma -> the unit reported
    ("тонна" -> "tonnes"); the scale words that are no counted noun ("млн"); the word a
    percent of something measures a share with ("доля"), and the nouns a percent is reckoned
    against instead ("1,7% ВВП" is no share of GDP: the deficit's size against it); the word an
    anniversary of something is ("годовщина") and the ending of the anniversary's own word
    ("летие"); the prepositions
    of what money is for ("на ремонт"); the verbs whose subject is what an amount measures
    ("составить") and those whose object it measures ("сократить бюджет"); the counted nouns
    that say how a thing is counted ("единица")."""

    units: Mapping[str, str] = field(default_factory=dict)
    scales: frozenset[str] = frozenset()
    share: str = ""
    share_bases: frozenset[str] = frozenset()
    levels: frozenset[str] = frozenset()
    anniversary: str = ""
    anniversary_ending: str = ""
    purposes: frozenset[str] = frozenset()
    measure_verbs: frozenset[str] = frozenset()
    object_measure_verbs: frozenset[str] = frozenset()
    classifiers: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The named word lists, maps, regular expressions and data files of a profile (its
    ``[words.*]``, ``[maps.*]``, ``[patterns.*]`` and ``[files]`` tables; a table's group,
    ``quotes`` of ``[words.quotes]``, only says which finders read it: names are one namespace).

    ``lists``: name -> its entries in file order (a string of words is split at spaces, an
    array keeps each entry whole: "point out"); ``maps``: name -> word -> a string or a whole
    number; ``patterns``: name -> a regular expression as the finder compiles it (an array
    of pieces is the pieces run together, as Python runs adjacent strings together); ``files``:
    name -> a data file beside the profiles (``quotewire/data``)."""

    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    maps: Mapping[str, Mapping[str, str | int]] = field(default_factory=dict)
    patterns: Mapping[str, str] = field(default_factory=dict)
    files: Mapping[str, str] = field(default_factory=dict)


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
    #: lemmas of verbs of speech and of belief; the words after "по" that attribute
    #: ("словам"); the head words of titles; nation adjective -> country; pronoun -> the
    #: gender (or "Plur") it stands for. (Read by the finders of the languages that have
    #: them here; the English finders read their other words from ``lexicon``.)
    speech_verbs: frozenset[str] = frozenset()
    belief_verbs: frozenset[str] = frozenset()
    according_to: frozenset[str] = frozenset()
    #: the prepositions before those words ("по словам", "согласно данным")
    according_prepositions: frozenset[str] = frozenset()
    title_heads: frozenset[str] = frozenset()
    leader_words: frozenset[str] = frozenset()
    nations: Mapping[str, str] = field(default_factory=dict)
    pronouns: Mapping[str, str] = field(default_factory=dict)
    #: given names as English-language news spells them ("александр" -> "alexander")
    latin_names: Mapping[str, str] = field(default_factory=dict)
    #: debris kind -> a regular expression matching a whole line of that debris
    debris: Mapping[str, str] = field(default_factory=dict)
    #: search: letters a search treats as another ("ё" -> "е"), and the Snowball stemmer
    #: ("russian") whose stems a search also matches (none: words match as written)
    search_folds: Mapping[str, str] = field(default_factory=dict)
    stemmer: str | None = None
    #: dateline words as regular expressions: months, weekdays, "at", labels, the words
    #: before a year that look forward, a year's suffix, a day's ordinal ending, "a.m." and
    #: "p.m." (read by quotewire.text.dateline)
    dates: Mapping[str, str] = field(default_factory=dict)
    #: "Case.Gender" -> (ending, the nominative's ending) of surnames, tried in order
    surname_endings: Mapping[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    credit: CreditForms = field(default_factory=CreditForms)
    #: abbreviations whose period ends no sentence when a lower-case word follows
    abbreviations: frozenset[str] = frozenset()
    figures: FigureWords = field(default_factory=FigureWords)
    #: the other named word lists, maps and patterns the finders read (see :class:`Lexicon`)
    lexicon: Lexicon = field(default_factory=Lexicon)

    def words(self, name: str) -> frozenset[str]:
        """The word list ``name`` as a set."""
        return frozenset(self._list(name))

    def word_list(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` in its order in the file (for rules that try them in order)."""
        return self._list(name)

    def phrases(self, name: str) -> frozenset[tuple[str, ...]]:
        """The entries of ``name`` split into their words: "point out" -> ("point", "out")."""
        return frozenset(self.phrase_list(name))

    def phrase_list(self, name: str) -> tuple[tuple[str, ...], ...]:
        """:meth:`phrases` in file order."""
        return tuple(tuple(entry.split()) for entry in self._list(name))

    def word_map(self, name: str) -> dict[str, str]:
        """The map ``name`` of words to words (a new dict: the caller may change it)."""
        return {key: str(value) for key, value in self._map(name).items()}

    def number_map(self, name: str) -> dict[str, int]:
        """The map ``name`` of words to whole numbers (a new dict)."""
        table = self._map(name)
        bad = [key for key, value in table.items() if not isinstance(value, int)]
        if bad:
            raise QuotewireError(f"{self.code}.toml: map {name!r} has no number for {bad[0]!r}")
        return {key: int(value) for key, value in table.items()}

    def pattern(self, name: str, **fills: str) -> str:
        """The regular expression ``name``, each ``{key}`` of ``fills`` replaced by its value
        (a repetition such as ``{1,3}`` is no key and stays)."""
        try:
            text = self.lexicon.patterns[name]
        except KeyError:
            raise self._missing("regular expression", name, "patterns") from None
        for key, value in fills.items():
            if "{" + key + "}" not in text:
                raise QuotewireError(f"{self.code}.toml: pattern {name!r} has no {{{key}}}")
            text = text.replace("{" + key + "}", value)
        return text

    def file(self, name: str) -> str:
        """The name of the data file ``name`` (in ``quotewire/data``)."""
        try:
            return self.lexicon.files[name]
        except KeyError:
            raise self._missing("data file", name, "files") from None

    def _list(self, name: str) -> tuple[str, ...]:
        try:
            return self.lexicon.lists[name]
        except KeyError:
            raise self._missing("word list", name, "words") from None

    def _map(self, name: str) -> Mapping[str, str | int]:
        try:
            return self.lexicon.maps[name]
        except KeyError:
            raise self._missing("map", name, "maps") from None

    def _missing(self, what: str, name: str, table: str) -> QuotewireError:
        return QuotewireError(f"{self.code}.toml has no {what} {name!r} (in [{table}.*])")


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
        speech_verbs=_words(data, "speech_verbs"),
        belief_verbs=_words(data, "belief_verbs"),
        according_to=_words(data, "according_to"),
        according_prepositions=_words(data, "according_prepositions"),
        title_heads=_words(data, "title_heads"),
        leader_words=_words(data, "leader_words"),
        nations=_pairs(data, "nations"),
        pronouns=_pairs(data, "pronouns"),
        latin_names=_pairs(data, "latin_names"),
        debris=_debris(code, data.get("debris", {})),
        search_folds=dict(data.get("search", {}).get("folds", {})),
        stemmer=data.get("search", {}).get("stemmer"),
        dates={str(k): str(v) for k, v in data.get("dates", {}).items()},
        credit=_credit(data.get("credit", {})),
        surname_endings={
            str(key): tuple((str(a), str(b)) for a, b in pairs)
            for key, pairs in data.get("surname_endings", {}).items()
        },
        abbreviations=_words(data, "abbreviations"),
        figures=_figures(data.get("figures", {})),
        lexicon=_lexicon(code, data),
    )


def _figures(table: Mapping[str, Any]) -> FigureWords:
    return FigureWords(
        units={word: unit.replace("_", " ") for word, unit in _pairs(table, "units").items()},
        scales=_words(table, "scales"),
        share=str(table.get("share", "")),
        share_bases=_words(table, "share_bases"),
        levels=_words(table, "levels"),
        anniversary=str(table.get("anniversary", "")),
        anniversary_ending=str(table.get("anniversary_ending", "")),
        purposes=_words(table, "purposes"),
        measure_verbs=_words(table, "measure_verbs"),
        object_measure_verbs=_words(table, "object_measure_verbs"),
        classifiers=_words(table, "classifiers"),
    )


def _lexicon(code: str, data: Mapping[str, Any]) -> Lexicon:
    """The ``[words.*]``, ``[maps.*]``, ``[patterns.*]`` and ``[files]`` tables: each of the
    first three a table of groups, each group a table of named entries; a name given twice is
    an error."""

    def named(table: str) -> dict[str, Any]:
        found: dict[str, Any] = {}
        for group, entries in data.get(table, {}).items():
            if not isinstance(entries, dict):
                raise QuotewireError(f"{code}.toml: [{table}.{group}] is not a table of names")
            for name, value in entries.items():
                if name in found:
                    raise QuotewireError(f"{code}.toml: {table} {name!r} is given twice")
                found[name] = value
        return found

    lists = {
        name: tuple(value.split()) if isinstance(value, str) else tuple(map(str, value))
        for name, value in named("words").items()
    }
    maps = {
        name: {str(k): v if isinstance(v, int) else str(v) for k, v in table.items()}
        for name, table in named("maps").items()
    }
    patterns = {
        name: value if isinstance(value, str) else "".join(map(str, value))
        for name, value in named("patterns").items()
    }
    files = {str(k): str(v) for k, v in data.get("files", {}).items()}
    return Lexicon(lists=lists, maps=maps, patterns=patterns, files=files)


def _credit(table: Mapping[str, Any]) -> CreditForms:
    def forms(key: str) -> tuple[Form, ...]:
        return tuple(Form(str(p), tuple(map(str, needs))) for p, needs in table.get(key, []))

    return CreditForms(
        agencies=tuple(map(str, table.get("agencies", []))),
        lead_forms=forms("lead_forms"),
        outlet_forms=tuple(map(str, table.get("outlet_forms", []))),
        anywhere_forms=forms("anywhere_forms"),
        source_label=str(table.get("source_label", "")),
        article=str(table.get("article", "")),
    )


def _debris(code: str, table: Mapping[str, object]) -> dict[str, str]:
    """The profile's debris lines by kind; a kind the data model has not is an error."""
    kinds = get_args(DebrisKind)
    for kind in table:
        if kind not in kinds:
            raise QuotewireError(f"{code}.toml: debris kind {kind!r} is none of {', '.join(kinds)}")
    return {str(k): str(v) for k, v in table.items()}


def _words(data: Mapping[str, object], key: str) -> frozenset[str]:
    return frozenset(str(data.get(key, "")).split())


def _pairs(data: Mapping[str, object], key: str) -> dict[str, str]:
    """``"a=b c=d"`` as ``{"a": "b", "c": "d"}``; a table (for values with spaces: "united
    states") as it is."""
    value = data.get(key, "")
    if isinstance(value, Mapping):
        return {str(k): str(v) for k, v in value.items()}
    return dict(pair.split("=", 1) for pair in str(value).split())


def profiles() -> list[LanguageProfile]:
    """Every profile, in the order of :data:`CODES`."""
    return [profile(code) for code in CODES]


def analysed_names() -> str:
    """The languages quotewire reads, for messages: "English", "English and Russian"."""
    names = [p.name for p in profiles() if p.analysed]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
