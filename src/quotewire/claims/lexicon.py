"""The words the figure rules read, loaded from ``quotewire/data/figures.toml`` into one typed
record (:class:`FigureWords`) the first time a rule asks for it.

The file says, table by table, which rule reads what: numbers that belong to names, spelled
numbers that serve as pronouns, time and year words, data-size units and unit spellings, the
words that make a tally one of votes, and what the claims stage reads to choose a figure's
measure and claimant.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

FIGURES_FILE = "figures.toml"


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


@dataclass(frozen=True, slots=True)
class TallyWords:
    vote_words: frozenset[str]
    largest: int


@dataclass(frozen=True, slots=True)
class MeasureWords:
    stating_verbs: frozenset[str]
    change_verbs: frozenset[str]
    counted_of: frozenset[str]
    physical_units: frozenset[str]
    occasions: frozenset[str]
    restating: frozenset[str]


@dataclass(frozen=True, slots=True)
class ClaimantWords:
    data_nouns: frozenset[str]
    pronouns: frozenset[str]


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


@cache
def figure_words() -> FigureWords:
    """The shipped tables (read once per process)."""
    path = resources.files("quotewire.data").joinpath(FIGURES_FILE)
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    names, pronouns, times = data["names"], data["pronouns"], data["times"]
    years, units, tallies = data["years"], data["units"], data["tallies"]
    measures, claimants = data["measures"], data["claimants"]
    return FigureWords(
        names=NameWords(
            nouns=_words(names["nouns"]),
            abbreviations=_words(names["abbreviations"]),
            title_nouns=_words(names["title_nouns"]),
            title_verbs=_words(names["title_verbs"]),
            of_heads=_words(names["of_heads"]),
        ),
        pronouns=PronounWords(
            numbers=_words(pronouns["numbers"]),
            definite=_words(pronouns["definite"]),
            partitive=_words(pronouns["partitive"]),
            focus=_words(pronouns["focus"]),
            reporting_verbs=_words(pronouns["reporting_verbs"]),
            compounds=_words(pronouns["compounds"]),
            not_nouns=_words(pronouns["not_nouns"]),
            idioms=_words(pronouns["idioms"]),
            not_a_count=_words(pronouns["not_a_count"]),
        ),
        times=TimeWords(
            suffixes=tuple(str(times["suffixes"]).split()),
            zones=tuple(str(times["zones"]).split()),
        ),
        years=YearWords(
            first=int(years["first"]),
            last=int(years["last"]),
            counted_first=int(years["counted_first"]),
            introducers=_words(years["introducers"]),
        ),
        long_digits=int(data["ids"]["long_digits"]),
        units=UnitWords(
            data_sizes={str(k): str(v) for k, v in units["data_sizes"].items()},
            spellings={str(k): str(v) for k, v in units["spellings"].items()},
            hyphen_scales=_words(units["hyphen_scales"]),
            not_hyphen_units=_words(units["not_hyphen_units"]),
            durations=_words(units["durations"]),
        ),
        tallies=TallyWords(
            vote_words=_words(tallies["vote_words"]), largest=int(tallies["largest"])
        ),
        measures=MeasureWords(
            stating_verbs=_words(measures["stating_verbs"]),
            change_verbs=_words(measures["change_verbs"]),
            counted_of=_words(measures["counted_of"]),
            physical_units=_words(measures["physical_units"]),
            occasions=_words(measures["occasions"]),
            restating=_words(measures["restating"]),
        ),
        claimants=ClaimantWords(
            data_nouns=_words(claimants["data_nouns"]), pronouns=_words(claimants["pronouns"])
        ),
    )
