"""The news agency or outlet a story is credited to ("..., BelTA reports.", "(Reuters) -").

Credits come in a handful of fixed forms:

* "..., BelTA reports." / "BelTA reported" / "reports BelTA" / "according to TASS";
* wire datelines: "MINSK (BelTA) -", "(Moscow, Reuters) -";
* sign-offs: "— AP", "(AFP)", "Reuters contributed to this report.", "Source: Interfax".

Credits in running text ("reports", "according to") count only near the top of the text
(:data:`FIRST_PARAGRAPH_CHARS`), where a story's own credit stands; further down they name a
source the story quotes. Sign-offs count anywhere. Well-known agencies (:data:`KNOWN_AGENCIES`)
are accepted in every form; an unknown name only where the form leaves no doubt: inside a wire
dateline ("(KUNA) -"), after "Source:" at the start of a line, or as a single acronym-like token
in "..., KUNA reports." (any capitalised word there when the text also prints it in capitals,
as in "Photo: ORIENTA"). The earliest credit in the text wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quotewire.lang import profiles
from quotewire.model import NamedSpan, Span
from quotewire.text.dateline import CAPITALS

KNOWN_AGENCIES: tuple[str, ...] = tuple(
    dict.fromkeys(name for p in profiles() for name in p.credit.agencies)
)
"""Agencies recognised in every credit form (matched case-sensitively, longest name first),
from every language profile's ``[credit] agencies``."""

FIRST_PARAGRAPH_CHARS = 1500
"""Credits in running text must fall within this many characters of the start."""

_KNOWN = "|".join(re.escape(name) for name in sorted(KNOWN_AGENCIES, key=len, reverse=True))
_ARTICLES = "|".join(p.credit.article for p in profiles() if p.credit.article)
_AGENCY = rf"(?:{_ARTICLES})?(?P<name>{_KNOWN})\b" if _ARTICLES else rf"(?P<name>{_KNOWN})\b"
_CAPS = CAPITALS
_LETTER = "A-Za-zА-Яа-яЁё"
_ACRONYM = rf"(?P<name>[{_CAPS}][{_LETTER}]*[{_CAPS}][{_LETTER}]*)"
_OUTLET = rf"(?P<name>[{_CAPS}][\w-]*[{_LETTER}])"
_WIRE_NAME = rf"(?P<name>[{_CAPS}][\w.&'’-]*(?:\s[{_CAPS}][\w.&'’-]*){{0,3}})"
_DASH = r"\s*[-–—]"


def _compiled(pattern: str) -> re.Pattern[str]:
    filled = pattern.replace("{agency}", _AGENCY).replace("{acronym}", _ACRONYM)
    filled = filled.replace("{outlet}", _OUTLET)
    return re.compile(filled, re.MULTILINE)


def _forms(key: str) -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    """The forms ``key`` of every language profile, compiled, each with the words one of
    which its every match holds."""
    return tuple(
        (_compiled(form.pattern), form.needs) for p in profiles() for form in getattr(p.credit, key)
    )


# Credits in running text: only near the top, where the story's own credit stands (further
# down, "Reuters reported" is a source quoted in the story).
_LEAD_FORMS = _forms("lead_forms")
# "..., Orienta reports." with a name that is not acronym-like: an outlet only when the text also
# prints it in capitals, as agencies do in photo credits and notes ("Photo: ORIENTA").
_OUTLET_FORMS = tuple(_compiled(f) for p in profiles() for f in p.credit.outlet_forms)
# Sign-offs and markers that credit the story wherever they stand: "(Reuters)" in any language
_ANYWHERE_FORMS = ((_compiled(r"\({agency}\)"), ()), *_forms("anywhere_forms"))
_LABELS = "|".join(p.credit.source_label for p in profiles() if p.credit.source_label)
_WIRE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"^[{_CAPS}][{_CAPS}.'’ -]*[{_CAPS}.](?:,[^()\n]{{1,30}})?\s*\({_WIRE_NAME}\){_DASH}",
        re.M,
    ),
    re.compile(rf"^\([{_CAPS}][\w .'’-]{{1,30}},\s*{_WIRE_NAME}\){_DASH}", re.MULTILINE),
    re.compile(rf"^(?:{_LABELS})\s*:\s*{_WIRE_NAME}\s*\.?\s*$", re.MULTILINE),
)


def find_credited_source(text: str) -> NamedSpan | None:
    """The agency or outlet ``text`` is credited to, with its span; ``None`` when uncredited."""
    earliest: tuple[int, int] | None = None
    for start, end in _candidates(text):
        if earliest is None or start < earliest[0]:
            earliest = (start, end)
    if earliest is None:
        return None
    span = Span.of(text, *earliest)
    return NamedSpan(name=span.text, span=span)


def _candidates(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every credited name found, in no particular order."""
    lead = text[:FIRST_PARAGRAPH_CHARS]
    for pattern, needs in _LEAD_FORMS:
        if _holds_any(lead, needs):
            for match in pattern.finditer(lead):
                yield match.span("name")
    for pattern in _OUTLET_FORMS:
        for match in pattern.finditer(lead):
            if re.search(rf"\b{re.escape(match.group('name').upper())}\b", text):
                yield match.span("name")
    for pattern, needs in _ANYWHERE_FORMS:
        if _holds_any(text, needs):
            for match in pattern.finditer(text):
                yield match.span("name")
    for pattern in _WIRE_FORMS:
        for match in pattern.finditer(text):
            yield match.span("name")


def _holds_any(text: str, needs: tuple[str, ...]) -> bool:
    """Whether ``text`` holds one of ``needs`` (no needs: always): a form whose every match
    holds one of them need not be searched for in a text without any (a pattern opening with
    the agencies' names is tried at every offset)."""
    return not needs or any(word in text for word in needs)


__all__ = ["FIRST_PARAGRAPH_CHARS", "KNOWN_AGENCIES", "find_credited_source"]
