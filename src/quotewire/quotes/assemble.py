"""Assembly: one list of attributions from the direct, indirect and headline finders.

Drops doubles (an indirect reading of a direct quote), turns "according to X" phrases inside
another statement into nested sources, turns the outlet a story is credited to ("..., BelTA
reports") into a nested source of the statements it wraps, and gives quotations that continue
without a cue of their own the speaker and cue of the attribution before them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from quotewire.quotes.frame import Found, MentionRef, ends_its_line

_CONTINUATION_REACH = 2  # paragraphs a cue-less quotation may look back for its speaker


@dataclass(slots=True)
class Nested:
    """A nested source: who, where, and the cue that introduced it."""

    speaker: MentionRef
    cue: tuple[int, int] | None


@dataclass(slots=True)
class Assembled:
    item: Found
    nested: list[Nested] = field(default_factory=list)


def _overlap(a: Sequence[tuple[int, int]], b: Sequence[tuple[int, int]]) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _size(spans: Sequence[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def assemble(found: Sequence[Found], *, credited: str | None, text: str) -> list[Assembled]:
    """The attributions in text order, with doubles dropped and nesting resolved."""
    found = [
        f
        for f in found
        if not (
            f.weak
            and f.cue is not None
            and any(g is not f and _inside(f.cue[0], g.content) for g in found)
        )
    ]
    found = [f for f in found if not _fragment_of(f, found)]
    nested, absorbed = _nest_according(found)
    items = sorted(
        (f for f in found if id(f) not in absorbed),
        key=lambda f: (f.content[0][0], f.type != "direct"),
    )
    kept: list[Found] = []
    for item in items:
        double = next(
            (
                k
                for k in kept
                if (k.cue is not None and k.cue == item.cue)
                or _overlap(k.content, item.content)
                > 0.8 * max(_size(k.content), _size(item.content))
            ),
            None,
        )
        if double is None:
            kept.append(item)
        elif item.type == "headline" or (double.type == item.type and double.cue == item.cue):
            continue
        elif _goes_on_with(double, item):  # "claiming that fraud is "a big problem" but
            double.go_on(item.content, item.insertions)  # "nobody has the guts"": one report
        elif double.type != "direct" and item.type == "direct":
            kept[kept.index(double)] = item
    out = [Assembled(k, nested.get(id(k), [])) for k in kept]
    _nest_reports(out, credited, text)
    out = [a for a in out if not _within_another(a.item, out)]
    _continue(out, text)
    return sorted(out, key=lambda a: a.item.content[0][0])


def _within_another(item: Found, items: Sequence[Assembled]) -> bool:
    """Whether a statement lies wholly inside another one's content, where it is part of
    what the other reports ("said the move, which critics called a giveaway, was ..."); a
    direct quote of someone else stays a statement of its own."""
    if item.type == "headline":
        return False
    return any(
        o.item is not item
        and _encloses(o.item, item)
        and (item.type != "direct" or _same_speaker(o.item.speaker, item.speaker))
        for o in items
    )


def _encloses(outer: Found, inner: Found, slack: int = 0) -> bool:
    """Whether ``outer``'s content, larger than ``inner``'s, runs from before ``inner``'s start
    to past its end (give or take ``slack`` characters at the end)."""
    return (
        outer.content[0][0] <= inner.content[0][0]
        and inner.content[-1][1] <= outer.content[-1][1] + slack
        and _size(outer.content) > _size(inner.content)
    )


def _same_speaker(a: MentionRef | None, b: MentionRef | None) -> bool:
    return a is None or b is None or (a.start, a.end) == (b.start, b.end) or a.head == b.head


def _goes_on_with(mixed: Found, item: Found) -> bool:
    """Whether a quotation with the same cue as a mixed quote, right after it and apart from
    it, is more of that mixed quote."""
    return (
        mixed.type == "mixed"
        and item.type == "direct"
        and mixed.cue is not None
        and mixed.cue == item.cue
        and _overlap(mixed.content, item.content) == 0
        and mixed.paragraph == item.paragraph
        and item.content[0][0] >= mixed.content[-1][1]
    )


def _fragment_of(item: Found, found: Sequence[Found]) -> bool:
    """Whether a direct quote is only a quoted fragment of a mixed quote found around it
    ("she believed "we need to focus ..."" inside "saying she hadn't ... because she believed
    "..."")."""
    if item.type != "direct" or item.cue is None:
        return False
    # slack: the closing mark and full stop that the mixed quote's clause leaves out
    return any(other.type == "mixed" and _encloses(other, item, slack=2) for other in found)


def _nest_according(found: Sequence[Found]) -> tuple[dict[int, list[Nested]], set[int]]:
    """ "He noted that, according to Belarusian data, ...": a source nested in a statement.

    Returns the nested sources by ``id()`` of their host statement, and the ids of the
    "according to" items that became nested sources.
    """
    out: dict[int, list[Nested]] = {}
    absorbed: set[int] = set()
    for item in found:
        token = item.cue_token
        if item.cue is None or item.speaker is None or token is None or token.lower_ != "according":
            continue
        host = next((h for h in found if h is not item and _inside(item.cue[0], h.content)), None)
        if host is not None:
            out.setdefault(id(host), []).append(Nested(item.speaker, item.cue))
            absorbed.add(id(item))
    return out, absorbed


def _nest_reports(items: list[Assembled], credited: str | None, text: str) -> None:
    """A statement reported inside another one and tagged after it ("..., Putin stated ...,
    BelTA reports"; "Clinton had told police that ..., the source added") is kept once: the
    innermost statement, with the reporting source as a nested source (``according_to``). A
    report that opens with its cue ("Huntley said he wanted ...") is the statement, and what it
    reports (but a direct quote) is part of it. Inside a direct quote, a cue is part of the
    speaker's own words ("I say it as a fact ...") and attributes nothing."""
    for a in sorted(items, key=lambda x: -sum(e - s for s, e in x.item.content)):
        speaker = a.item.speaker
        if a not in items or speaker is None:
            continue
        inner = [
            b
            for b in items
            if b is not a and b.item.cue is not None and _inside(b.item.cue[0], a.item.content)
        ]
        if not inner:
            continue
        if a.item.type in ("direct", "headline"):  # "I say ..." inside a speaker's own words
            for b in inner:
                items.remove(b)
            continue
        cue = a.item.cue
        tagged = [b for b in inner if cue is not None and cue[0] >= b.item.content[-1][1]]
        if not tagged:  # "Huntley said he wanted ...": the report is the statement
            for b in inner:
                if b.item.type != "direct":
                    items.remove(b)
            continue
        for b in inner:
            b.nested.append(Nested(speaker, a.item.cue))
        items.remove(a)


def _continue(items: list[Assembled], text: str) -> None:
    """Cue-less quotations continue the attribution before them.

    In the paragraph of a direct or mixed quote, the next quotation is more of the same quote
    (one statement, several spans: ``"Judge," he said. "I have never..."``), and so is a
    quotation that is the whole of the next paragraph after a mixed quote's tag; in a later
    paragraph, or after an indirect statement, it is a statement of its own by the same speaker
    with the same cue.
    """
    previous: Assembled | None = None
    for a in sorted(items, key=lambda x: x.item.content[0][0]):
        item = a.item
        if item.inherit:
            last = previous.item if previous is not None else None
            if (
                last is not None
                and last.type in ("direct", "mixed")
                and (item.paragraph == last.paragraph or _next_paragraph(text, last, item))
            ):
                last.go_on(item.content, item.insertions)
                items.remove(a)
                continue
            if last is not None and item.paragraph - last.paragraph <= _CONTINUATION_REACH:
                item.speaker = last.speaker
                item.cue = last.cue
                item.cue_token = last.cue_token
            else:
                item.confidence = min(item.confidence, 0.4)
        if item.speaker is not None:
            previous = a


def _next_paragraph(text: str, last: Found, item: Found) -> bool:
    """Whether a cue-less quotation is the whole of the paragraph right after a mixed quote
    whose tag ends its paragraph (``… "who understand that," Clinton said.¶"And that's why
    ..."``): more of the same statement."""
    if item.paragraph != last.paragraph + 1 or last.type != "mixed" or last.cue is None:
        return False
    end = max(last.content[-1][1], last.cue[1])
    between = text[end : item.content[0][0]]
    return (
        "\n" in between
        and not between.strip(" \n.,;:'\"\u2019\u201d\u201c\u2018`")
        and ends_its_line(text, item.content[-1][1])
    )
