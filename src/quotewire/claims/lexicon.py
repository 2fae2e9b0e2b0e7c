"""The words the figure rules read, loaded from ``quotewire/data/figures.toml`` into one typed
record (:class:`FigureWords`) the first time a rule asks for it.

The file says, table by table, which rule reads what: numbers that belong to names, spelled
numbers that serve as pronouns, time and year words, data-size units and unit spellings, the
words that make a tally one of votes, and what the claims stage reads to choose a figure's
measure and claimant.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, fields
from functools import cache
from importlib import resources
from typing import Any

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

FIGURES_FILE = _EN.file("figures")


@dataclass(frozen=True, slots=True)
class NameWords:
    nouns: frozenset[str]
    abbreviations: frozenset[str]
    title_nouns: frozenset[str]
    title_verbs: frozenset[str]
    of_heads: frozenset[str]


@dataclass(frozen=True, slots=True)
class PronounWords:
    numbers: frozenset[str]
    definite: frozenset[str]
    partitive: frozenset[str]
    focus: frozenset[str]
    reporting_verbs: frozenset[str]
    compounds: frozenset[str]
    not_nouns: frozenset[str]
    idioms: frozenset[str]
    not_a_count: frozenset[str]
    compound_links: frozenset[str]
    source_openers: frozenset[str]


@dataclass(frozen=True, slots=True)
class TimeWords:
    suffixes: tuple[str, ...]
    zones: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class YearWords:
    first: int
    last: int
    counted_first: int
    introducers: frozenset[str]


@dataclass(frozen=True, slots=True)
class UnitWords:
    data_sizes: dict[str, str]
    spellings: dict[str, str]
    hyphen_scales: frozenset[str]
    not_hyphen_units: frozenset[str]
    durations: frozenset[str]
    over_particle_verbs: frozenset[str]
    weighing: frozenset[str]


@dataclass(frozen=True, slots=True)
class TallyWords:
    vote_words: frozenset[str]
    largest: int


@dataclass(frozen=True, slots=True)
class MeasureWords:
    stating_verbs: frozenset[str]
    acting_verbs: frozenset[str]
    change_verbs: frozenset[str]
    counted_of: frozenset[str]
    physical_units: frozenset[str]
    occasions: frozenset[str]
    restating: frozenset[str]


@dataclass(frozen=True, slots=True)
class ClaimantWords:
    data_nouns: frozenset[str]
    pronouns: frozenset[str]
    findings_nouns: frozenset[str]
    findings_units: frozenset[str]
    study_kinds: frozenset[str]
    not_source_names: frozenset[str]
    valuation_verbs: frozenset[str]
    respondents: frozenset[str]
    person_pronouns: frozenset[str]
    owners: frozenset[str]
    release_verbs: frozenset[str]
    statement_verbs: frozenset[str]
    data_verbs: frozenset[str]
    showing_words: frozenset[str]
    method_participles: frozenset[str]
    unnamed_sources: frozenset[str]
    stated_prepositions: frozenset[str]
    named_study_kinds: frozenset[str]
    agency_heads: frozenset[str]
    name_joiners: frozenset[str]
    pointing: frozenset[str]
    own_data_verbs: frozenset[str]
    releasing_cues: frozenset[str]
    data_cues: frozenset[str]
    comparison_words: frozenset[str]
    study_words: frozenset[str]


@dataclass(frozen=True, slots=True)
class FigureWords:
    """Every table of ``figures.toml``, typed."""

    names: NameWords
    pronouns: PronounWords
    times: TimeWords
    years: YearWords
    long_digits: int
    units: UnitWords
    tallies: TallyWords
    measures: MeasureWords
    claimants: ClaimantWords


def _words(value: Any) -> frozenset[str]:
    return frozenset(str(value).split())


#: How a table's value is read, by the type its field is declared with.
_READERS: dict[str, Any] = {
    "frozenset[str]": _words,
    "tuple[str, ...]": lambda value: tuple(str(value).split()),
    "int": int,
    "dict[str, str]": lambda value: {str(k): str(v) for k, v in value.items()},
}


def _table(cls: Any, table: dict[str, Any]) -> Any:
    """``cls`` with each of its fields read from the entry of ``table`` of the same name."""
    return cls(**{f.name: _READERS[str(f.type)](table[f.name]) for f in fields(cls)})


@cache
def figure_words() -> FigureWords:
    """The shipped tables (read once per process)."""
    path = resources.files("quotewire.data").joinpath(FIGURES_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return FigureWords(
        names=_table(NameWords, data["names"]),
        pronouns=_table(PronounWords, data["pronouns"]),
        times=_table(TimeWords, data["times"]),
        years=_table(YearWords, data["years"]),
        long_digits=int(data["ids"]["long_digits"]),
        units=_table(UnitWords, data["units"]),
        tallies=_table(TallyWords, data["tallies"]),
        measures=_table(MeasureWords, data["measures"]),
        claimants=_table(ClaimantWords, data["claimants"]),
    )
