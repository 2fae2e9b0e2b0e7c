"""Headlines and labelled lines in the ``Speaker: statement`` form.

``Putin: The situation ... is very good`` (a headline) and ``Lehtinen: We will not wait.`` (an
interview line) name their speaker before a colon. The label must look like a name or a title:
at most five capitalised words, not a section label such as "Photo" or "UPDATE".
"""

from __future__ import annotations

import re

from quotewire.quotes.frame import Found, MentionRef

_LABEL = re.compile(
    r"^(?P<label>(?:[A-Z][\w.'’-]*|of|the|de|van|von|al)(?:\s+(?:[A-Z][\w.'’-]*|of|the|de|van|von|al)){0,5})"
    r"\s*(?P<colon>:)\s+(?P<rest>\S.*)$"
)
_NOT_SPEAKERS = frozenset(
    """
    photo photos video watch read update updated breaking exclusive opinion analysis editorial
    live note source sources related tags share q question comment by editor's editors
    interview interviewer transcript
    warning correction more see also the
    """.split()
)


def find_labelled(
    text: str, start: int, end: int, *, headline: bool, paragraph: int
) -> Found | None:
    """A ``Speaker: statement`` line in ``text[start:end]``, or None."""
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
    interview_answer = label in ("A", "Answer")
    if not interview_answer and not _named_elsewhere(text, words[-1], start, end):
        return None
    s = start + match.start("label")
    colon = start + match.start("colon")
    rest = start + match.start("rest")
    return Found(
        type="headline" if headline else "direct",
        content=[(rest, end)],
        cue=(colon, colon + 1),
        speaker=MentionRef(
            s, s + len(label), "interviewee" if interview_answer else "name", words[-1].lower()
        ),
        confidence=0.85 if headline else 0.7,
        paragraph=paragraph,
    )


def _named_elsewhere(text: str, word: str, start: int, end: int) -> bool:
    """Whether the label's last word ("Putin", "Sanders") names someone the article mentions
    again outside the line: "Wow:", "Revealed:" or "Delegate Update:" name no one."""
    word = re.sub(r"['’]s$", "", word).rstrip(".")
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return any(not (start <= m.start() < end) for m in pattern.finditer(text))


def _name_list(rest: str) -> bool:
    """ "Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...": a list of names, not a statement."""
    items = [i.strip() for i in rest.split(",")]
    return len(items) >= 4 and all(i[:1].isupper() for i in items if i)
