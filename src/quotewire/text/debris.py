"""Page debris in plain text: share buttons, photo credits, bylines, related stories, ads.

Text copied from a web page keeps lines that are not part of the story: "- Share on Facebook",
"Photo: BELTA", "Read more", "Advertisement", a navigation trail, a box of related headlines.
:func:`find_debris` marks each such line as a :class:`~quotewire.model.Debris` span covering
the whole line without its line break; nothing is deleted, so offsets stay valid.

Detection is line by line and deliberately narrow: a line must be short and consist of the
debris phrase (plus a name or headline where the kind has one). Sentences that merely start
like debris ("By contrast, ...", "By 2030 ...") or mention a photo are not marked.

The English wording of each kind is the English profile's (``quotewire/data/lang/en.toml``,
the ``debris_*`` patterns of ``[patterns.text]``), put together and tried in order here; another
language adds its own lines through its profile's ``[debris]`` (:func:`find_debris`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import cast

from quotewire.lang import profile
from quotewire.model import Debris, DebrisKind, NamedSpan, Span
from quotewire.text.dateline import match_wire_dateline
from quotewire.text.marks import DOUBLE_MARKS, SINGLE_MARKS

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

MAX_DEBRIS_LINE = 80
"""Longest line (in characters, stripped) taken for a one-line debris kind."""

_MAX_RELATED_LINE = 120
_MAX_RELATED_WORDS = 20
_MAX_HEADLINE_SENTENCE_WORDS = 12
_BULLET = re.compile(r"^[-–—•*·|>»›▪●◦]\s*")
_NETWORK = _EN.pattern("debris_network")
_CAP_WORD = r"[A-Z][\w'’.&-]*"
_PARTICLE = _EN.pattern("debris_particle")
_PERSON = rf"{_CAP_WORD}(?:\s+(?:{_CAP_WORD}|{_PARTICLE})){{1,3}}"
_TAIL_WORD = _EN.pattern("debris_tail_word", cap_word=_CAP_WORD)
_BYLINE_TAIL = rf"(?:\s*(?:,|\||–|—|-|;|/)\s*(?:{_CAP_WORD}|\d[\d:,.]*)(?:\s+{_TAIL_WORD})*)"
_SUBSCRIBE_WORDS = re.compile(_EN.pattern("debris_subscribe_words"), re.IGNORECASE)
_NAME_LOWER_WORDS = _EN.words("debris_name_lower_words")
_MAX_NAME_WORDS = 8

_SHARE_BUTTON = _EN.pattern("debris_share_button", network=_NETWORK)
_SHARE_NETWORKS = rf"^{_NETWORK}(?:\s*[|•·,/]?\s*{_NETWORK})*$"
_SHARE_ACTION = _EN.pattern("debris_share_action")
_READ_MORE = _EN.pattern("debris_read_more")
_NAVIGATION_WORDS = _EN.pattern("debris_navigation")
_ADVERT = _EN.pattern("debris_advert")
_COPYRIGHT = _EN.pattern("debris_copyright")
_TAGS = _EN.pattern("debris_tags")
_COMMENTS = _EN.pattern("debris_comments")
_EDITED_NOTE = _EN.pattern("debris_edited_note")
#: The section labels of a news archive's full-text records ("ABSTRACT.", "FULL TEXT.",
#: "CORRECTION APPENDED."), each a line of its own.
_ARCHIVE_LABEL = _EN.pattern("debris_archive_label")

#: Lines whose wording gives them away at any length (up to :data:`MAX_NOTE_LINE`): the
#: closing credits and standards of a wire story, an author's bio, editor's notes, update and
#: correction notices, where an article first ran, invitations to write letters, the signature
#: lines of embedded social posts, and citations.
MAX_NOTE_LINE = 400
_CREDIT_PART = _EN.pattern("debris_credit_part")
_CREDITS = rf"(?i:{_CREDIT_PART})(?:\s*;\s*(?i:{_CREDIT_PART}))"
#: "(Reporting by ...; Editing by ...)" in brackets, or two credits or more without them
_CLOSING_CREDITS = rf"^\({_CREDITS}*\s*\)\.?$|^{_CREDITS}+\.?$"
_STANDARDS = _EN.pattern("debris_standards")
_COPYRIGHT_LINE = _EN.pattern("debris_copyright_line")
_FOLLOW = _EN.pattern("debris_follow")
_BIO = _EN.pattern("debris_bio", person=_PERSON, follow=_FOLLOW)
_FOLLOW_LINE = rf"^(?i:{_FOLLOW})[^\n]{{0,120}}$"
_EDITOR_NOTE = _EN.pattern("debris_editor_note")
_FIRST_RAN = _EN.pattern("debris_first_ran")
_LETTERS = _EN.pattern("debris_letters")
_UPDATE_NOTICE = _EN.pattern("debris_update_notice")
_SOCIAL_POST = _EN.pattern("debris_social_post")
_CITATION = (
    r"^[A-Z][\w.&'’ -]{1,60}\s+\d{1,4},\s*[A-Za-z]{0,4}\d+(?:\s*[-–]\s*[A-Za-z]?\d+)?\s*"
    r"\((?:19|20)\d{2}\)\.?$|"
    r"^(?:doi\s*:\s*|https?://(?:dx\.)?doi\.org/)10\.\d{4,9}/\S+$"
)
_NOTE_SOURCES: tuple[tuple[DebrisKind, str], ...] = (
    ("credits", _CLOSING_CREDITS),
    ("credits", _STANDARDS),
    ("copyright", _COPYRIGHT_LINE),
    ("bio", _BIO),
    ("bio", _FOLLOW_LINE),
    ("note", _EDITOR_NOTE),
    ("note", _FIRST_RAN),
    ("note", _LETTERS),
    ("note", _UPDATE_NOTICE),
    ("social", _SOCIAL_POST),
    ("citation", _CITATION),
)
_NOTE_PATTERNS: tuple[tuple[DebrisKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, 0 if kind in ("credits", "bio", "citation") else re.IGNORECASE))
    for kind, pattern in _NOTE_SOURCES
)

_ONE_LINE_SOURCES: tuple[tuple[DebrisKind, str], ...] = (
    ("share", _SHARE_BUTTON),
    ("share", _SHARE_NETWORKS),
    ("share", _SHARE_ACTION),
    ("read_more", _READ_MORE),
    ("navigation", _NAVIGATION_WORDS),
    ("advert", _ADVERT),
    ("other", _COPYRIGHT),
    ("other", _TAGS),
    ("other", _COMMENTS),
    ("other", _EDITED_NOTE),
    ("other", _ARCHIVE_LABEL),
)
_ONE_LINE_PATTERNS: tuple[tuple[DebrisKind, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern, re.IGNORECASE)) for kind, pattern in _ONE_LINE_SOURCES
)

_PHOTO_CREDIT = re.compile(_EN.pattern("debris_photo_credit"), re.IGNORECASE)
_STOCK_CREDIT = re.compile(_EN.pattern("debris_stock_credit"), re.IGNORECASE)
_PLATFORM = _EN.pattern("debris_platform")
#: "Getty/Instagram.", "Handout/Reuters": image credits naming two sources and nothing else.
_PLATFORM_CREDIT = re.compile(
    rf"^(?P<name>{_PLATFORM}(?:\s*/\s*{_PLATFORM})+)\s*\.?$", re.IGNORECASE
)
_STOCK_HINT = re.compile(_EN.pattern("debris_stock_hint"), re.IGNORECASE)
_COPYRIGHT_NAME = re.compile(r"^©\s*(?P<name>[A-Za-z][\w .&'’/-]{1,40})$")
_SUBSCRIBE = re.compile(_EN.pattern("debris_subscribe"), re.IGNORECASE)
_BYLINE = re.compile(
    _EN.pattern(
        "debris_byline",
        person=_PERSON,
        byline_tail=_BYLINE_TAIL,
        tail_word=_TAIL_WORD,
        cap_word=_CAP_WORD,
    )
)
_BYLINE_ORG = re.compile(_EN.pattern("debris_byline_org"))
_AUTHOR_LABEL = re.compile(_EN.pattern("debris_author_label", person=_PERSON))
_RELATED_HEADING = re.compile(_EN.pattern("debris_related_heading"), re.IGNORECASE)
_NAV_SEPARATOR = re.compile(r"\s+(?:\||›|»|>|/|•|·)\s+|\s*[|›»•]\s*")
_NAV_FIRST = _EN.words("debris_nav_first")
_MAX_NAV_SEGMENT = 25
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")


def find_debris(text: str, language: Mapping[str, str] | None = None) -> list[Debris]:
    """The debris lines of ``text``, in text order, each covering one line without its break.
    ``language`` adds a language's own debris lines (kind -> a regular expression of a whole
    line, from its profile: "Поделиться в VK", "Фото: БЕЛТА")."""
    lines = list(_lines(text))
    own = [  # (the profile checked the kinds)
        (cast(DebrisKind, kind), _line_pattern(pattern))
        for kind, pattern in (language or {}).items()
    ]
    found: list[Debris] = []
    index = 0
    while index < len(lines):
        line = text[slice(*lines[index])]
        if _RELATED_HEADING.match(_content(line).strip("\"“”'‘’")):  # also '"Related:"'
            block = _related_block(text, lines, index)
            found.extend(_debris(text, lines[i], "related") for i in block)
            index = block[-1] + 1
            continue
        kind = classify_line(line)
        if kind is None and own:
            kind = next((k for k, p in own if p.match(line.strip())), None)
        if kind is not None:
            found.append(_debris(text, lines[index], kind))
        index += 1
    taken = {d.start for d in found}
    pulled = [n for n in _pull_quotes(text, lines) if lines[n][0] not in taken]
    found.extend(_debris(text, lines[n], "pull_quote") for n in pulled)
    return sorted(found, key=lambda d: d.start)


@lru_cache(maxsize=64)
def _line_pattern(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


#: Words of a line that must all be said again elsewhere for it to be a pull quote.
_PULL_QUOTE_WORDS = 8
_WORD = re.compile(r"[^\W_]+")


def _pull_quotes(text: str, lines: list[tuple[int, int]]) -> list[int]:
    """The lines of a pull quote: a line that opens with a quotation mark and whose words (at
    least eight, punctuation and case aside) the article gives again elsewhere ("The reality
    is, ... for her here.", set apart above the paragraph that quotes it), with the short line
    of the speaker's name that may close it inside the marks. Found through the article's
    runs of eight words, counted once, so the cost stays linear."""
    quoted = [k for k, (lo, hi) in enumerate(lines) if text[lo:hi].strip()[:1] in _MARKS]
    if not quoted:
        return []
    n = _PULL_QUOTE_WORDS
    own_runs = {k: _runs(_lower_words(text[slice(*lines[k])].strip()), n) for k in quoted}
    wanted = {run for runs in own_runs.values() for run in runs}
    if not wanted:
        return []
    # the article's runs counted, of those the quoted lines hold only (a run is made only
    # where one of theirs may start)
    words = _lower_words(text)
    firsts = {run[0] for run in wanted}
    counts = Counter(
        run
        for k in range(len(words) - n + 1)
        if words[k] in firsts and (run := tuple(words[k : k + n])) in wanted
    )
    out: list[int] = []
    for index in quoted:
        runs = own_runs[index]
        if not runs or any(counts[run] < 2 for run in runs):
            continue
        counts.subtract(runs)  # its twin, said once more, is the quotation of the story
        out.append(index)
        if index + 1 < len(lines):
            after = text[slice(*lines[index + 1])].strip()
            if after[-1:] in _MARKS and len(after.split()) <= 6:
                out.append(index + 1)  # "S.C. Rep. Jim Clyburn."" closing the pull quote
    return out


def _lower_words(text: str) -> list[str]:
    """The words of ``text``, lower case (lower-casing the whole text finds the same words
    only when it is ASCII)."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [w.lower() for w in _WORD.findall(text)]


def _runs(words: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(words[k : k + n]) for k in range(len(words) - n + 1)]


_MARKS = DOUBLE_MARKS | SINGLE_MARKS


def classify_line(line: str) -> DebrisKind | None:
    """The debris kind of one line on its own, or ``None`` for a line of the story.

    Related-story boxes need the lines around them and are found by :func:`find_debris` only.
    """
    content = _content(line)
    if not content or len(content) > MAX_NOTE_LINE:
        return None
    for kind, pattern in _NOTE_PATTERNS:
        if pattern.match(content):
            return kind
    if len(content) > MAX_DEBRIS_LINE:
        return None
    for kind, pattern in _ONE_LINE_PATTERNS:
        if pattern.match(content):
            return kind
    if _SUBSCRIBE.match(content) and _SUBSCRIBE_WORDS.search(content):
        return "subscribe"
    if _is_photo_credit(content):
        return "photo_credit"
    if _is_byline(content):
        return "byline"
    if _is_navigation(content):
        return "navigation"
    return None


def photo_credit(debris: Sequence[Debris]) -> NamedSpan | None:
    """The name credited in the first photo-credit line ("BELTA" in "Photo: BELTA").

    The span points at the name inside the article text (debris spans carry their offsets).
    """
    for item in debris:
        if item.kind != "photo_credit":
            continue
        named = _credit_name(item)
        if named is not None:
            return named
    return None


def _credit_name(item: Debris) -> NamedSpan | None:
    content = _content(item.text)
    offset = item.start + item.text.index(content)
    for pattern in (_PHOTO_CREDIT, _STOCK_CREDIT, _PLATFORM_CREDIT, _COPYRIGHT_NAME):
        match = pattern.match(content)
        if match:
            start, end = match.span("name")
            name = match.group("name").strip()
            start += len(match.group("name")) - len(match.group("name").lstrip())
            end = start + len(name)
            span = Span(start=offset + start, end=offset + end, text=name)
            return NamedSpan(name=name, span=span)
    return None


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each line, the end excluding ``\\n``, ``\\r\\n`` or ``\\r``."""
    position = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        yield position, position + len(body)
        position += len(line)


def _content(line: str) -> str:
    """The line without surrounding spaces and a leading list bullet."""
    return _BULLET.sub("", line.strip()).strip()


def _is_photo_credit(content: str) -> bool:
    match = _PHOTO_CREDIT.match(content)
    if match:
        return _plausible_name(match.group("name"))
    if _COPYRIGHT_NAME.match(content):
        return True
    if _PLATFORM_CREDIT.match(content):
        return True
    return bool(_STOCK_CREDIT.match(content) and _STOCK_HINT.search(content))


def _plausible_name(name: str) -> bool:
    """A credited name: starts with a capital or digit, few words, no lowercase prose."""
    words = name.split()
    if not words or len(words) > _MAX_NAME_WORDS or not (name[:1].isupper() or name[:1].isdigit()):
        return False
    return all(not word[:1].islower() or word in _NAME_LOWER_WORDS for word in words)


def _is_byline(content: str) -> bool:
    return bool(
        _BYLINE.match(content) or _BYLINE_ORG.match(content) or _AUTHOR_LABEL.match(content)
    )


def _is_navigation(content: str) -> bool:
    segments = [segment.strip() for segment in _NAV_SEPARATOR.split(content)]
    if len(segments) < 2 or any(not _nav_segment(segment) for segment in segments):
        return False
    return len(segments) >= 3 or segments[0].lower() in _NAV_FIRST


def _nav_segment(segment: str) -> bool:
    return (
        0 < len(segment) <= _MAX_NAV_SEGMENT
        and len(segment.split()) <= 4
        and segment[:1].isupper()
        and not _SENTENCE_END.search(segment)
    )


def _debris(text: str, bounds: tuple[int, int], kind: DebrisKind) -> Debris:
    start, end = bounds
    return Debris(start=start, end=end, text=text[start:end], kind=kind)


def _related_block(text: str, lines: list[tuple[int, int]], heading: int) -> list[int]:
    """Indices of the heading line and the headline-like lines after it.

    The list runs to the next blank line or the first line that reads like a sentence of the
    story; one blank line right after the heading is allowed.
    """
    block = [heading]
    index = heading + 1
    if index < len(lines) and not text[slice(*lines[index])].strip():
        index += 1
    while index < len(lines):
        line = text[slice(*lines[index])]
        if not line.strip() and block[-1] != heading:
            # headlines one paragraph each: the box goes on with a title-case headline
            after = index + 1
            if after < len(lines) and _title_case(_content(text[slice(*lines[after])])):
                block.append(after)
                index = after + 1
                continue
        if not line.strip() or not _headline_like(_content(line)):
            break
        block.append(index)
        index += 1
    return block


def _title_case(content: str) -> bool:
    """A headline-like line with most of its longer words capitalized ("Rand Paul Scores
    Direct Hit On Donald Trump.")."""
    if not _box_sized(content):
        return False
    longer = [w for w in content.split() if len(w) > 3]
    capital = sum(w[:1].isupper() for w in longer)
    return len(longer) >= 2 and capital >= 0.8 * len(longer)


def _box_sized(content: str) -> bool:
    """Whether a line is short enough to be a headline in a box of related stories."""
    words = content.split()
    return bool(words) and len(content) <= _MAX_RELATED_LINE and len(words) <= _MAX_RELATED_WORDS


def _headline_like(content: str) -> bool:
    words = content.split()
    if not _box_sized(content):
        return False
    if len(words) > _MAX_HEADLINE_SENTENCE_WORDS and _SENTENCE_END.search(content):
        return False
    return content[:1].isupper() or content[:1].isdigit() or content[:1] in "\"'“‘"


#: A markup tag left in plain text (``<tweet author="..." timestamp="...">``, ``<tweet/>``): its
#: attribute values are in quotation marks but quote no one.
_MARKUP = re.compile(
    r"</?[A-Za-z][\w:-]{0,30}"
    r"(?:\s+[\w:-]{1,40}(?:\s*=\s*(?:\"[^\"<>]{0,300}\"|'[^'<>]{0,300}'|[^\s\"'<>]{1,100}))?){0,12}"
    r"\s*/?>"
)


def find_markup(text: str) -> list[Debris]:
    """Markup tags left inside the text, each marked where it stands (lines are kept)."""
    return [_debris(text, m.span(), "markup") for m in _MARKUP.finditer(text)]


#: Debris the parser must not read but whose line is still analysed.
INLINE_KINDS = frozenset({"markup", "dateline"})


def find_lead_datelines(text: str) -> list[Debris]:
    """Datelines that open a paragraph ("WARSAW, March 12 – Poland's deficit ..."), marked so
    that the place is not read as the subject of the sentence after it."""
    found = []
    for line in re.finditer(r"(?m)^[ \t]*(\S.*)$", text):
        wire = match_wire_dateline(line.group(1))
        if wire is not None:
            start = line.start(1)
            found.append(_debris(text, (start, start + wire.end()), "dateline"))
    return found


def masked(text: str, debris: Sequence[Debris], *, every: bool = False) -> str:
    """``text`` with its markup tags and opening datelines blanked out (``every`` kind of
    debris with ``every``), one space per character (every offset holds), for the stages that
    must not read them: quotation marks and the parser."""
    tags = [d for d in debris if every or d.kind in INLINE_KINDS]
    if not tags:
        return text
    chars = list(text)
    for tag in tags:
        chars[tag.start : tag.end] = [ch if ch == "\n" else " " for ch in text[tag.start : tag.end]]
    return "".join(chars)


__all__ = [
    "MAX_DEBRIS_LINE",
    "classify_line",
    "find_debris",
    "find_lead_datelines",
    "find_markup",
    "masked",
    "photo_credit",
]
