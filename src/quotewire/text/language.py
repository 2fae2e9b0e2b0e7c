"""Which language is this text in? A cheap check before a language's pipeline runs.

The script of the letters tells the language first (Latin: English; Cyrillic: Russian, unless
letters Russian does not use say it is a neighbour of it), then the profile's function words
(:mod:`quotewire.lang`). A text in a script no profile has (Greek, Arabic, Hebrew, CJK, ...)
is refused with an error naming the script, and so is a language quotewire does not read yet;
a text in a known script with hardly any of its language's function words gets a warning, since
that language's pipeline would find little in it. ``--language`` forces a language.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from quotewire.lang import LanguageProfile, analysed_names, profile, profiles

_WORD = re.compile(r"[^\W\d_]+")
MIN_SCRIPT_SHARE = 0.5  # of the letters, in a language's script, below which it is not that
MIN_FUNCTION_SHARE = 0.05  # of the words (in texts of 40 words or more), below which we warn
#: Letters a language does not use (:attr:`LanguageProfile.foreign_letters`) from which a
#: text is not in it: at least this many, and this share of its script's letters.
MIN_FOREIGN_LETTERS = 3
MIN_FOREIGN_SHARE = 0.005


@dataclass(frozen=True, slots=True)
class LanguageCheck:
    """``language`` is the code of the language the text is read as ("en"), None when it is
    refused (:meth:`refusal` says why); ``script`` is its main script and ``shares`` the share
    of its letters in each script found, largest first."""

    language: str | None
    script: str
    warning: str | None = None
    shares: tuple[tuple[str, float], ...] = ()
    refused: str | None = None

    def refusal(self) -> str:
        """Why the text is refused, saying which scripts (or which language) were found."""
        if self.refused:
            return self.refused
        if len(self.shares) == 1 or self.shares[0][1] >= _MOSTLY:
            return f"written in {self.script.title()} script; quotewire reads {analysed_names()}"
        scripts = " or ".join(dict.fromkeys(p.script.title() for p in profiles() if p.analysed))
        return (
            f"written in mixed scripts ({_listed(self.shares)} of the letters); quotewire "
            f"reads {analysed_names()} and needs at least {MIN_SCRIPT_SHARE:.0%} of the "
            f"letters in {scripts} script"
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


def check_language(text: str, forced: str | None = None) -> LanguageCheck:
    """The language ``text`` is read in: ``forced`` when given (a code of
    :data:`quotewire.lang.CODES`), else the one its letters and function words say."""
    sample = text[:20_000]
    scripts = Counter(_script(ch) for ch in _NON_ASCII.findall(sample) if ch.isalpha())
    scripts["LATIN"] += _ascii_letters(sample)
    letters = sum(scripts.values())
    if forced is not None:
        return _forced(profile(forced), scripts, letters)
    if letters == 0:
        return LanguageCheck("en", "LATIN")
    shares = tuple((script, n / letters) for script, n in scripts.most_common() if n)
    main = shares[0][0]
    if scripts["LATIN"] / letters >= MIN_SCRIPT_SHARE:
        return _read_as(profile("en"), sample, shares)
    known = [p for p in profiles() if p.script == main and p.script != "LATIN"]
    if not known or scripts[main] / letters < MIN_SCRIPT_SHARE:
        return LanguageCheck(None, main, shares=shares)
    language = known[0]
    foreign = sorted({ch for ch in sample if ch in language.foreign_letters})
    count = sum(sample.count(ch) for ch in foreign)
    if count >= MIN_FOREIGN_LETTERS and count >= MIN_FOREIGN_SHARE * scripts[main]:
        return LanguageCheck(
            None,
            main,
            shares=shares,
            refused=f"written in {main.title()} script but not in {language.name} (letters "
            f"{', '.join(foreign)} that {language.name} does not use); quotewire reads "
            f"{analysed_names()}",
        )
    if not language.analysed:
        return LanguageCheck(
            None,
            main,
            shares=shares,
            refused=f"written in {language.name} ({main.title()} script); quotewire reads "
            f"{analysed_names()}, not yet {language.name}",
        )
    return _read_as(language, sample, shares)


def _read_as(
    language: LanguageProfile, sample: str, shares: tuple[tuple[str, float], ...]
) -> LanguageCheck:
    """``sample`` read as ``language``, whose script has most of its letters: a warning when
    hardly any of its words are the language's function words, or when another script has a
    tenth of the letters or more."""
    # (lower-casing the whole sample finds the same words only when it is ASCII)
    words = (
        _WORD.findall(sample.lower())
        if sample.isascii()
        else [w.lower() for w in _WORD.findall(sample)]
    )
    common = sum(map(language.function_words.__contains__, words))
    script = language.script
    if len(words) >= 40 and common / len(words) < MIN_FUNCTION_SHARE:
        warning = f"the text may not be {language.name}; quotewire reads {language.name}"
        return LanguageCheck(language.code, script, warning, shares)
    others = [(s, share) for s, share in shares if s != script and share >= MIN_OTHER_SHARE]
    if others:
        warning = (
            f"mixed scripts ({_listed(shares)} of the letters): quotewire reads "
            f"{language.name} only"
        )
        return LanguageCheck(language.code, script, warning, shares)
    return LanguageCheck(language.code, script, shares=shares)


def _forced(language: LanguageProfile, scripts: Counter[str], letters: int) -> LanguageCheck:
    """A text read as ``language`` because the caller said so: refused only when quotewire
    does not read that language yet; a warning when most of its letters are in another
    script."""
    shares = tuple((script, n / letters) for script, n in scripts.most_common() if n)
    main = shares[0][0] if shares else language.script
    if not language.analysed:
        return LanguageCheck(
            None,
            main,
            shares=shares,
            refused=f"--language {language.code}: quotewire reads {analysed_names()}, not yet "
            f"{language.name}",
        )
    if letters and scripts[language.script] / letters < MIN_SCRIPT_SHARE:
        warning = (
            f"read as {language.name} as asked (--language {language.code}), though its "
            f"letters are {_listed(shares)}"
        )
        return LanguageCheck(language.code, main, warning, shares)
    return LanguageCheck(language.code, main, shares=shares)
