"""Assembly: one list of attributions from the direct, indirect and headline finders.

Drops doubles (an indirect reading of a direct quote), turns "according to X" phrases inside
another statement into nested sources, turns the outlet a story is credited to ("..., BelTA
reports") into a nested source of the statements it wraps, and gives quotations that continue
without a cue of their own the speaker and cue of the attribution before them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotewire.quotes.cues import SPEECH_VERBS, lemma_of
from quotewire.quotes.frame import DOCUMENTS, Found, MentionRef, ends_its_line, token_key
from quotewire.quotes.intervals import IntervalIndex, LivePoints
from quotewire.quotes.transcript import transcript_words

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


def _size(spans: Sequence[tuple[int, int]]) -> int:
    return sum(e - s for s, e in spans)


def assemble(found: Sequence[Found], *, credited: str | None, text: str) -> list[Assembled]:
    """The attributions in text order, with doubles dropped and nesting resolved.

    Every step that relates statements to one another (a cue inside another's content, a
    content enclosing another's, two contents overlapping) finds its partners through an
    :class:`~quotewire.quotes.intervals.IntervalIndex`, never by comparing every pair, so the
    work grows with the number of statements and how deeply they nest, not its square.
    """
    every = list(found)
    contents = _content_index(every)
    found = [
        f
        for f in every
        if not (
            f.weak
            and f.cue is not None
            and any(every[m] is not f for m in contents.containing(f.cue[0]))
        )
    ]
    relayed, gone = _relay_documents(found)
    found = _without_fragments([f for f in found if id(f) not in gone])
    nested, absorbed = _nest_according(found)
    for key, sources in relayed.items():
        nested.setdefault(key, []).extend(sources)
    items = sorted(
        (f for f in found if id(f) not in absorbed),
        key=lambda f: (f.content[0][0], f.type != "direct"),
    )
    kept = _drop_doubles(items)
    out = [Assembled(k, nested.get(id(k), [])) for k in kept]
    _nest_reports(out, credited, text)
    out = _outermost(out)
    _continue(out, text)
    return sorted(out, key=lambda a: a.item.content[0][0])


def _content_index(found: Sequence[Found]) -> IntervalIndex[int]:
    """Every content span of ``found``, with the number of the statement it belongs to."""
    return IntervalIndex((s, e, n) for n, f in enumerate(found) for s, e in f.content)


def _hull_index(found: Sequence[Found], slack: int = 0) -> IntervalIndex[int]:
    """From the start of each statement's first content span to ``slack`` past the end of its
    last: :func:`_encloses` holds only for a pair whose outer hull starts at or before the
    inner's start and ends at or after its end, which :func:`_enclosing` asks the index."""
    return IntervalIndex(
        (f.content[0][0], f.content[-1][1] + slack, n) for n, f in enumerate(found)
    )


def _enclosing(hulls: IntervalIndex[int], inner: Found) -> list[int]:
    """The numbers of the statements whose hull runs from at or before ``inner``'s start to at
    or after its end (candidates for :func:`_encloses`), in order."""
    lo, hi = inner.content[-1][1] - 1, inner.content[0][0] + 1
    return sorted(n for _, _, n in hulls.overlapping(lo, hi))


def _drop_doubles(items: Sequence[Found]) -> list[Found]:
    """The statements of ``items`` (in text order), each compared with the first kept one it
    doubles: the same cue, or contents overlapping by more than 80% of the larger. The
    candidates are the kept statements with the same cue and those holding a content span that
    overlaps one of the item's (found in an index of every item's spans, with the kept statement
    now holding each item's spans: a statement that goes on with another holds its spans too)."""
    spans = _content_index(items)
    holder: list[Found | None] = [None] * len(items)  # the kept statement holding item n's spans
    held: dict[int, list[int]] = {}  # by id() of a kept statement: the items whose spans it holds
    position: dict[int, int] = {}  # by id() of a kept statement: its place in ``kept``
    size: dict[int, int] = {}  # by id() of a kept statement: the size of its content
    by_cue: dict[tuple[int, int], list[Found]] = {}
    kept: list[Found] = []

    def keep(n: int, item: Found, place: int) -> None:
        position[id(item)] = place
        holder[n] = item
        held[id(item)] = [n]
        size[id(item)] = _size(item.content)
        if item.cue is not None:
            by_cue.setdefault(item.cue, []).append(item)

    for n, item in enumerate(items):
        overlap: dict[int, int] = {}
        candidates: dict[int, Found] = {}
        for s, e in item.content:
            for ms, me, m in spans.overlapping(s, e):
                k = holder[m]
                if k is not None:
                    overlap[id(k)] = overlap.get(id(k), 0) + max(0, min(e, me) - max(s, ms))
                    candidates[id(k)] = k
        if item.cue is not None:
            for k in by_cue.get(item.cue, ()):
                if id(k) in position and k.cue == item.cue:
                    candidates[id(k)] = k
        own = _size(item.content)
        doubles = [
            k
            for k in candidates.values()
            if (k.cue is not None and k.cue == item.cue)
            or overlap.get(id(k), 0) > 0.8 * max(size[id(k)], own)
        ]
        double = min(doubles, key=lambda k: position[id(k)], default=None)
        if double is None:
            kept.append(item)
            keep(n, item, len(kept) - 1)
        elif item.type == "headline" or (double.type == item.type and double.cue == item.cue):
            continue
        elif _goes_on_with(double, item, overlap.get(id(double), 0)):
            # "claiming that fraud is "a big problem" but "nobody has the guts"": one report
            double.go_on(item.content, item.insertions)
            holder[n] = double
            held[id(double)].append(n)
            size[id(double)] += own
        elif (double.type != "direct" and item.type == "direct") or (
            double.type == item.type and double.speaker is None and item.speaker is not None
        ):  # a direct reading, or the same reading with the speaker its cue names
            place = position.pop(id(double))
            for m in held.pop(id(double)):
                holder[m] = None
            kept[place] = item
            keep(n, item, place)
    return kept


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


def _goes_on_with(mixed: Found, item: Found, overlap: int) -> bool:
    """Whether a quotation with the same cue as a mixed quote, right after it and apart from
    it (``overlap``: the characters their contents share), is more of that mixed quote."""
    return (
        mixed.type == "mixed"
        and item.type == "direct"
        and mixed.cue is not None
        and mixed.cue == item.cue
        and overlap == 0
        and mixed.paragraph == item.paragraph
        and item.content[0][0] >= mixed.content[-1][1]
    )


def _without_fragments(found: Sequence[Found]) -> list[Found]:
    """``found`` without the direct quotes that are only a quoted fragment of a mixed quote
    found around them ("she believed "we need to focus ..."" inside "saying she hadn't ...
    because she believed "..."")."""
    mixed = [f for f in found if f.type == "mixed"]
    # slack: the closing mark and full stop that the mixed quote's clause leaves out
    hulls = _hull_index(mixed, slack=2)
    fragments: set[int] = set()
    reached_over: set[int] = set()
    for item in found:
        if item.type != "direct" or item.cue is None:
            continue
        for n in _enclosing(hulls, item):
            if not _encloses(mixed[n], item, slack=2):
                continue
            if _nearer_cue(item, mixed[n]):
                reached_over.add(id(mixed[n]))
            else:
                fragments.add(id(item))
    return [item for item in found if id(item) not in fragments | reached_over]


def _nearer_cue(direct: Found, mixed: Found) -> bool:
    """Whether a direct quote's speaker, named, and its cue stand between a mixed quote's cue
    and its content, so the mixed quote's cue reaches over them to the quotation ("The spot
    concludes with footage of Trump saying during the debate, "That makes me smart,"":
    Trump's words, not the spot's conclusion)."""
    if direct.cue is None or mixed.cue is None or direct.speaker is None:
        return False
    if direct.speaker.kind == "nominal":
        return False  # "said in a written statement that ...": the statement is the means
    return mixed.cue[1] <= direct.speaker.start and direct.cue[1] <= mixed.content[0][0]


def _outermost(items: Sequence[Assembled]) -> list[Assembled]:
    """``items`` without the statements that lie wholly inside another one's content, where
    they are part of what the other reports ("said the move, which critics called a giveaway,
    was ..."); a direct quote of someone else and a headline stay statements of their own."""
    hulls = _hull_index([a.item for a in items])
    return [a for a in items if not _within_another(a.item, items, _enclosing(hulls, a.item))]


def _within_another(item: Found, items: Sequence[Assembled], candidates: Sequence[int]) -> bool:
    if item.type == "headline":
        return False
    return any(
        o.item is not item
        and _encloses(o.item, item)
        and (item.type != "direct" or _same_speaker(o.item.speaker, item.speaker))
        for o in (items[n] for n in candidates)
    )


def _nest_according(found: Sequence[Found]) -> tuple[dict[int, list[Nested]], set[int]]:
    """ "He noted that, according to Belarusian data, ...": a source nested in a statement
    (the first statement whose content holds the phrase's cue).

    Returns the nested sources by ``id()`` of their host statement, and the ids of the
    "according to" items that became nested sources.
    """
    out: dict[int, list[Nested]] = {}
    absorbed: set[int] = set()
    contents: IntervalIndex[int] | None = None
    by_cue: dict[tuple[int, int], list[int]] = {}
    for item in found:
        token = item.cue_token
        if item.cue is None or item.speaker is None or token is None or token.lower_ != "according":
            continue
        if contents is None:
            contents = _content_index(found)
            for n, host in enumerate(found):
                if host.cue_token is not None:
                    by_cue.setdefault(token_key(host.cue_token), []).append(n)
        hosts = [n for n in contents.containing(item.cue[0]) if found[n] is not item]
        hosts += [  # "Bloomberg reports that ..., according to X": the phrase hangs on the
            n  # cue, and attributes what the cue reports (indirect.according_clause)
            for n in by_cue.get(token_key(token.head), [])
            if found[n] is not item
            and found[n].content[0][0] - 2 <= item.content[0][0]
            and item.content[-1][1] <= found[n].content[-1][1] + 2
        ]
        if hosts:
            out.setdefault(id(found[min(hosts)]), []).append(Nested(item.speaker, item.cue))
            absorbed.add(id(item))
    return out, absorbed


def _relay_documents(found: Sequence[Found]) -> tuple[dict[int, list[Nested]], set[int]]:
    """ "The transcript shows she said: "..."", "The memo shows Ortiz told aides that ...": a
    document that only shows what someone said is not the speaker when the sentence says who
    spoke (with a verb of saying). The statement is the person's (or organization's), with the
    document as its nested source, and the document's report is dropped.

    Returns the nested sources by ``id()`` of the statement they relay, and the ids of the
    documents' reports."""
    words = transcript_words()
    documents = [
        f
        for f in found
        if f.speaker is not None
        and f.speaker.kind == "nominal"
        and f.speaker.head in DOCUMENTS
        and f.cue is not None
        and f.cue_token is not None
        and (f.cue_token.lower_ in words.evidence or lemma_of(f.cue_token) in words.evidence)
    ]
    if not documents:
        return {}, set()
    cues = sorted(
        (f.cue[0], n)
        for n, f in enumerate(found)
        if f.cue is not None
        and f.speaker is not None
        and f.speaker.kind in _SPEAKING
        and f.cue_token is not None
        and lemma_of(f.cue_token) in SPEECH_VERBS
    )
    starts = [c for c, _ in cues]
    relayed: dict[int, list[Nested]] = {}
    gone: set[int] = set()
    for document in documents:
        assert document.speaker is not None  # (for mypy: chosen above)
        lo, hi = document.content[0][0], document.content[-1][1]
        inner = [
            found[n]
            for _, n in cues[bisect_left(starts, lo) : bisect_left(starts, hi)]
            if found[n] is not document and lo <= found[n].speaker.start < hi  # type: ignore[union-attr]
        ]
        if not inner:
            continue
        gone.add(id(document))
        for item in inner:
            relayed.setdefault(id(item), []).append(Nested(document.speaker, document.cue))
    return relayed, gone


#: Speakers who speak for themselves (a document's report may relay them).
_SPEAKING = frozenset({"name", "pronoun", "organization"})


def _nest_reports(items: list[Assembled], credited: str | None, text: str) -> None:
    """A statement reported inside another one and tagged after it ("..., Putin stated ...,
    BelTA reports"; "Clinton had told police that ..., the source added") is kept once: the
    innermost statement, with the reporting source as a nested source (``according_to``). A
    report that opens with its cue ("Huntley said he wanted ...") is the statement, and what it
    reports (but a direct quote) is part of it. Inside a direct quote, a cue is part of the
    speaker's own words ("I say it as a fact ...") and attributes nothing.

    Statements are taken from the largest; the cues inside one are looked up among the cues of
    the statements still there (:class:`~quotewire.quotes.intervals.LivePoints`)."""
    cues = LivePoints((a.item.cue[0], n) for n, a in enumerate(items) if a.item.cue is not None)
    live = [True] * len(items)

    def remove(n: int) -> None:
        live[n] = False
        cues.strike(n)

    largest = sorted(range(len(items)), key=lambda n: -_size(items[n].item.content))
    for n in largest:
        a = items[n]
        speaker = a.item.speaker
        if not live[n] or speaker is None:
            continue
        inner = sorted({m for s, e in a.item.content for m in cues.between(s, e) if m != n})
        if not inner:
            continue
        if a.item.type in ("direct", "headline"):  # "I say ..." inside a speaker's own words
            for m in inner:
                remove(m)
            continue
        cue = a.item.cue
        tagged = [m for m in inner if cue is not None and cue[0] >= items[m].item.content[-1][1]]
        if not tagged:  # "Huntley said he wanted ...": the report is the statement
            for m in inner:
                if items[m].item.type != "direct":
                    remove(m)
            continue
        for m in inner:
            items[m].nested.append(Nested(speaker, a.item.cue))
        remove(n)
    items[:] = [a for n, a in enumerate(items) if live[n]]


def _continue(items: list[Assembled], text: str) -> None:
    """Cue-less quotations continue the attribution before them.

    In the paragraph of a direct or mixed quote, the next quotation is more of the same quote
    (one statement, several spans: ``"Judge," he said. "I have never..."``), and so is a
    quotation that is the whole of the next paragraph after a quote whose tag ends its paragraph
    (and the one after that: annotators of news join 80 such paragraphs of PolNeAR train to the
    quote before, and make 34 statements of their own); after a paragraph of other text, or
    after an indirect statement, it is a statement of its own by the same speaker with the same
    cue.
    """
    previous: Assembled | None = None
    gone: set[int] = set()
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
                gone.add(id(a))
                continue
            if last is not None and item.paragraph - last.paragraph <= _CONTINUATION_REACH:
                item.speaker = last.speaker
                item.cue = last.cue
                item.cue_token = last.cue_token
            else:
                item.confidence = min(item.confidence, 0.4)
        if item.speaker is not None:
            previous = a
    items[:] = [a for a in items if id(a) not in gone]


def _next_paragraph(text: str, last: Found, item: Found) -> bool:
    """Whether a cue-less quotation is the whole of the paragraph right after a direct or mixed
    quote whose tag ends its paragraph (``… "who understand that," Clinton said.¶"And that's
    why ..."``), with nothing but white space and closing marks between: more of the same
    statement."""
    if item.paragraph <= last.paragraph or last.cue is None:
        return False
    end = max(last.content[-1][1], last.cue[1])
    between = text[end : item.content[0][0]]
    return (
        "\n" in between
        and not between.strip(" \n.,;:'\"\u2019\u201d\u201c\u2018`")
        and ends_its_line(text, item.content[-1][1])
    )
