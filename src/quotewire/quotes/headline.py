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
    if len(match.group("rest").split()) < 3:
        return None
    s = start + match.start("label")
    colon = start + match.start("colon")
    rest = start + match.start("rest")
    interview_answer = label in ("A", "Answer")
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
