"""Headlines and labelled lines in the ``Speaker: statement`` form.

``Putin: The situation ... is very good`` (a headline) and ``Lehtinen: We will not wait.`` (a
line on its own) name their speaker before a colon. The label must look like a name or a title:
at most five capitalised words, not a section label such as "Photo" or "UPDATE" (the words of
``quotewire/data/transcripts.toml``). The turns of a transcript or an interview ("Q: ...", "A:
...", "WALLACE: ...") are :mod:`quotewire.quotes.transcript`'s.
"""

from __future__ import annotations

import re

from quotewire.lang import profile
from quotewire.quotes.frame import Found, MentionRef
from quotewire.quotes.transcript import named_elsewhere, transcript_words
from quotewire.speakers.titles import PERSON_TITLES

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

#: A label's word: a capitalised one, or one of the lower-case words a label may hold.
_LABEL_WORD = r"(?:[A-Z][\w.'’-]*|" + "|".join(_EN.word_list("label_small_words")) + ")"
_LABEL = re.compile(
    rf"^(?P<label>{_LABEL_WORD}(?:\s+{_LABEL_WORD}){{0,5}})"
    r"\s*(?P<colon>:)\s+(?P<rest>\S.*)$"
)
_WORDS = transcript_words()
#: Labels that name no one: section labels, and a transcript's "Q" and "A".
_NOT_SPEAKERS = _WORDS.not_speakers | _WORDS.questions | _WORDS.answers


def find_labelled(
    text: str, start: int, end: int, *, headline: bool, paragraph: int
) -> Found | None:
    """A ``Speaker: statement`` line in ``text[start:end]``, or None."""
    found = _label_line(text, start, end, headline=headline, paragraph=paragraph)
    if found is None and headline:
        return _quoted_after_colon(text, start, end, paragraph=paragraph)
    return found


def _label_line(text: str, start: int, end: int, *, headline: bool, paragraph: int) -> Found | None:
    line = text[start:end]
    match = _LABEL.match(line)
    if match is None:
        return None
    label = match.group("label")
    words = label.split()
    if words[0].lower().rstrip(".") in _NOT_SPEAKERS or (label.isupper() and len(label) > 4):
        return None
    if len(match.group("rest").split()) < 3 or _name_list(match.group("rest")):
        return None
    if len(words) > 2 and words[-1].lower().rstrip(".") in PERSON_TITLES:
        return None  # "Elizabeth Warren Hammers Wells Fargo CEO: ...": a clause, not a label
    if not _named_elsewhere(text, words[-1], start, end):
        return None
    s = start + match.start("label")
    colon = start + match.start("colon")
    rest = start + match.start("rest")
    return Found(
        type="headline" if headline else "direct",
        content=[(rest, end)],
        cue=(colon, colon + 1),
        speaker=MentionRef(s, s + len(label), "name", words[-1].lower()),
        confidence=0.85 if headline else 0.7,
        paragraph=paragraph,
    )


_QUOTED_AFTER = re.compile(
    r"^(?P<label>[A-Z][^:\"“”‘’]{2,80}?)\s*(?P<colon>:)\s+(?P<rest>[\"“‘'].*[\"”’'])[.;]?\s*$"
)


def _quoted_after_colon(text: str, start: int, end: int, *, paragraph: int) -> Found | None:
    """A headline whose clause leads into a quotation after a colon ("Silverman heckles Sanders
    supporters: 'You're being ridiculous.'", "Trump Addresses Munich Attack: 'This Cannot
    Continue.'", "A lesson from Loretta Lynch: '...'"): the quotation, said by the name the
    headline's clause opens or ends with, when the article names that person again."""
    match = _QUOTED_AFTER.match(text[start:end])
    if match is None:
        return None
    label = match.group("label")
    words = label.split()
    sizes = range(min(3, len(words)), 0, -1)
    # the name the headline opens with ("Sarah Silverman heckles ..."), or ends its clause
    # with ("A lesson from Loretta Lynch"), longest first
    candidates = [(words[:n], True) for n in sizes] + [(words[-n:], False) for n in sizes]
    found = next(
        (
            (" ".join(c), opening)
            for c, opening in candidates
            if _looks_like_name(c) and _named_elsewhere(text, " ".join(c), start, end)
        ),
        None,
    )
    if found is None:
        return None
    name, opening = found
    s = start + match.start("label") + (label.index(name) if opening else label.rindex(name))
    colon = start + match.start("colon")
    return Found(
        type="headline",
        content=[(start + match.start("rest") + 1, start + match.end("rest") - 1)],
        cue=(colon, colon + 1),
        speaker=MentionRef(s, s + len(name), "name", name.split()[-1].lower()),
        confidence=0.75,
        paragraph=paragraph,
    )


_NOT_NAMES = _NOT_SPEAKERS


def _looks_like_name(words: list[str]) -> bool:
    """Capitalised words that can name someone: not "A", "The", "Why"."""
    return all(w[:1].isupper() and len(w.rstrip(".")) > 1 for w in words) and (
        words[0].lower().rstrip(".") not in _NOT_NAMES
    )


def _named_elsewhere(text: str, word: str, start: int, end: int) -> bool:
    """Whether the label's last word names someone the article mentions outside the line."""
    return named_elsewhere(text, word, [(start, end)])


def _name_list(rest: str) -> bool:
    """ "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a list of names, not a statement."""
    items = [i.strip() for i in rest.split(",")]
    return len(items) >= 4 and all(i[:1].isupper() for i in items if i)
