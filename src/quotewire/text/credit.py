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

from quotewire.model import NamedSpan, Span

KNOWN_AGENCIES: tuple[str, ...] = (
    "AFP",
    "Agence France-Presse",
    "Anadolu Agency",
    "Anadolu",
    "ANI",
    "ANSA",
    "Antara",
    "AP",
    "APA",
    "Armenpress",
    "Associated Press",
    "AzerTac",
    "BelTA",
    "Bernama",
    "Bloomberg",
    "dpa",
    "EFE",
    "Europa Press",
    "IANS",
    "Interfax-Ukraine",
    "Interfax",
    "IRNA",
    "ITAR-TASS",
    "Kazinform",
    "KUNA",
    "Kyodo News",
    "Kyodo",
    "MENA",
    "PAP",
    "Prensa Latina",
    "PTI",
    "Reuters",
    "RIA Novosti",
    "Sputnik",
    "TASS",
    "UNIAN",
    "Ukrinform",
    "WAFA",
    "Xinhua",
    "Yonhap",
)
"""Agencies recognised in every credit form (matched case-sensitively, longest name first)."""

FIRST_PARAGRAPH_CHARS = 1500
"""Credits in running text must fall within this many characters of the start."""

_KNOWN = "|".join(re.escape(name) for name in sorted(KNOWN_AGENCIES, key=len, reverse=True))
_AGENCY = rf"(?:the\s+)?(?P<name>{_KNOWN})\b"
_ACRONYM = r"(?P<name>[A-Z][A-Za-z]*[A-Z][A-Za-z]*)"
_OUTLET = r"(?P<name>[A-Z][\w-]*[A-Za-z])"
_WIRE_NAME = r"(?P<name>[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3})"
_DASH = r"\s*[-–—]"
_REPORT_VERB = r"(?:reports|reported|writes|wrote|informs|informed|has\s+learned|learned)"

# Credits in running text: only near the top, where the story's own credit stands (further
# down, "Reuters reported" is a source quoted in the story).
_LEAD_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"{_AGENCY}\s+{_REPORT_VERB}\b"),
    re.compile(rf"\b(?:reports|reported|writes|informs)\s+{_AGENCY}"),
    re.compile(rf"\baccording\s+to\s+{_AGENCY}(?=\s*[.;]|\s*$)", re.MULTILINE),
    re.compile(rf",\s*{_ACRONYM}\s+(?:reports|reported|informs)\s*\."),
)
#: Words one of which every match of the form at the same place holds (a cheap test first).
_LEAD_NEEDS: tuple[tuple[str, ...], ...] = (("report", "wr", "inform", "learned"), (), (), ())
# "..., Orienta reports." with a name that is not acronym-like: an outlet only when the text also
# prints it in capitals, as agencies do in photo credits and notes ("Photo: ORIENTA").
_OUTLET_FORM = re.compile(rf",\s*{_OUTLET}\s+(?:reports|reported|informs)\s*\.")
# Sign-offs and markers that credit the story wherever they stand.
_ANYWHERE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\({_AGENCY}\)"),
    re.compile(rf"[-–—]\s*{_AGENCY}\s*\.?\s*$", re.MULTILINE),
    re.compile(rf"{_AGENCY}\s+contributed\s+to\s+this\s+(?:report|story|article)"),
)
_ANYWHERE_NEEDS: tuple[tuple[str, ...], ...] = ((), (), ("contributed",))
_WIRE_FORMS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^[A-Z][A-Z.'’ -]*[A-Z.](?:,[^()\n]{{1,30}})?\s*\({_WIRE_NAME}\){_DASH}", re.M),
    re.compile(rf"^\([A-Z][\w .'’-]{{1,30}},\s*{_WIRE_NAME}\){_DASH}", re.MULTILINE),
    re.compile(rf"^(?i:source)\s*:\s*{_WIRE_NAME}\s*\.?\s*$", re.MULTILINE),
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
    for pattern, needs in zip(_LEAD_FORMS, _LEAD_NEEDS, strict=True):
        if _holds_any(lead, needs):
            for match in pattern.finditer(lead):
                yield match.span("name")
    for match in _OUTLET_FORM.finditer(lead):
        if re.search(rf"\b{re.escape(match.group('name').upper())}\b", text):
            yield match.span("name")
    for pattern, needs in zip(_ANYWHERE_FORMS, _ANYWHERE_NEEDS, strict=True):
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
