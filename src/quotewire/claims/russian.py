"""Figures in Russian articles, first version: every amount the shared amount finder reads
(``$50 млрд``, ``4,5 млрд рублей``, ``около 40%``, ``не менее``, ``свыше``, ``порядка``,
``80-летие``; тыс./млн/млрд/трлн; decimal comma), claimed by the speaker of the statement it
is in, with a nested source written before it in its sentence ("по белорусским данным").

An amount outside any statement is the narrator's (no claimant): who a narrated figure is
about is not read yet, and a figure with the wrong claimant is worse than one without. What
an amount measures is not read yet either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from quotewire.claims.amounts import find_amounts
from quotewire.claims.extract import Holders, claim_of
from quotewire.lang import LanguageProfile
from quotewire.model import Claim, Quote, Source, Span

_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_REACH_BACK = 300  # characters before an amount its nested source is looked for in


def find_russian_claims(
    text: str, shadow: str, quotes: Sequence[Quote], profile: LanguageProfile
) -> list[Claim]:
    """The figures of a Russian article, in text order, numbered ``c1``, ``c2``, ...;
    amounts are read in ``shadow`` (the text with its debris blanked)."""
    nested = _nested_sources(profile)
    holders = Holders(quotes)
    claims: list[Claim] = []
    for amount in find_amounts(shadow, lang=profile.code):
        quote = holders.of(amount)
        claims.append(
            claim_of(
                text,
                f"c{len(claims) + 1}",
                amount,
                claimant=quote.speaker if quote is not None else None,
                quote=quote.id if quote is not None else None,
                according_to=_according(text, amount.start, nested),
            )
        )
    return claims


def _nested_sources(profile: LanguageProfile) -> re.Pattern[str]:
    """ "по белорусским данным", "по данным Росстата", "согласно данным X": a source of figures
    (the profile's "по ..." words that are not a person's words)."""
    kinds = sorted(profile.according_to - {"словам", "мнению"})
    return re.compile(
        rf"\b(?:по|согласно)\s+((?:[\w-]+\s+){{0,2}}?(?:{'|'.join(kinds)})"
        rf"(?:\s+[А-ЯЁA-Z][\w-]*){{0,3}})",
        re.IGNORECASE,
    )


def _according(text: str, start: int, nested: re.Pattern[str]) -> Source | None:
    """The nested source written before ``start`` in its sentence, if any."""
    window = max(0, start - _REACH_BACK)  # (not the whole text before every amount)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, start)]
    sentence = ends[-1] if ends else window
    found = [m for m in nested.finditer(text, sentence, start)]
    if not found:
        return None
    words = found[-1]
    return Source(
        name=words.group(1),
        span=Span.of(text, words.start(1), words.end(1)),
        cue=Span.of(text, words.start(), words.start(1)),
    )
