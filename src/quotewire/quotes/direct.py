"""Direct quotes: quoted stretches tied to the cue that frames them.

A quotation is attributed by the cue right after it (``"…," Putin noted``) or right before it
(``Putin said: "…"``). A quotation interrupted by its cue (``"A," he said, "B."``) is one quote
with several content spans. A quotation with no cue of its own that opens a sentence continues the
previous attribution (same speaker and cue).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from quotewire.lang import profile
from quotewire.quotes.cues import CUE_NOUNS, according_to, is_cue_verb, lemma_of
from quotewire.quotes.frame import (
    NAMING,
    SPEAKER_DEPS,
    UTTERANCES,
    Found,
    Frame,
    FrameFinder,
    MentionRef,
    addressee_of,
    agentless_passive,
    appositive_subject,
    cue_span,
    ends_its_line,
    inverted_subject,
    it_antecedent,
    mention_for,
    name_before,
    noun_phrase,
    participle_subject,
    reduced_relative,
    same_token,
    subject_of,
    trim,
)
from quotewire.quotes.indirect import (
    interrupted_clause,
    report_of_its_own,
    reported_clause,
    stolen_subject,
)
from quotewire.quotes.lexicon import learned_cue
from quotewire.text.marks import QuoteRegion

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_TAG_WINDOW = 8  # tokens after a quotation in which its cue must appear
_LEAD_WINDOW = 10  # tokens between a cue and the quotation it introduces
_SENTENCE_END = frozenset(".!?")
_NOTE = re.compile(_EN.pattern("bracketed_note"), re.IGNORECASE)
_BRACKET = re.compile(r"\[[^\[\]]{1,80}\]")


#: Words that open a clause telling when or why, not what was said, after a tag's comma
#: (""...," Warren told Stumpf, after he admitted ...").
_CIRCUMSTANCE = _EN.words("circumstance_words")


def _circumstance(clause: Any) -> bool:
    """Whether a clause the parser hung on a tag as what it says opens, after a comma, with a
    word of time or cause ("..., after he admitted under her grilling he had not been held
    accountable"): it tells when, not what."""
    first = clause.left_edge
    return first.lower_ in _CIRCUMSTANCE and first.i > 0 and first.doc[first.i - 1].text == ","


def _has_own_content(frame: Frame, cue: Any) -> bool:
    """Whether the cue governs a clause of its own outside the quotation ("he said that ...")."""
    for child in cue.children:
        if child.dep_ == "ccomp" and child.i > cue.i and not stolen_subject(child, cue):
            if _circumstance(child):
                continue
            # "Trump said the countries should be "working ..."": words of its own outside
            words = child.subtree
            if any(not t.is_punct and not frame.quoted(t) for t in words if t.i > cue.i):
                return True
    return False


_MIXED_MIN_CHARS = 8  # letters and digits of a reported clause outside its quotation


def _part_of_clause(text: str, frame: Frame, cue: Any, region: QuoteRegion) -> bool:
    """Whether the quotation is a fragment of what the cue reports (a mixed quote:
    ``says Obama is "obsessed" with ...``), which the indirect finder takes whole."""
    inner = text[region.start : region.end].rstrip(" ,.;:!?—–-")
    last = region.start + len(inner)  # the quotation's words end here (closing punctuation aside)
    halves = interrupted_clause(cue)
    if halves is not None:  # "These employees, he explained, were "well-paid," making ..."
        subject, rest = halves
        lo, hi = frame.start(rest[0]), frame.end(rest[-1])
        if lo <= region.start and last <= hi and not any(frame.quoted(t) for t in subject):
            return True
    for lo, hi in reported_clause(frame, cue):
        if not (lo <= region.start and last <= hi):
            continue
        # the clause may open with the quotation ("said "local forces" must lead the way")
        outside = text[lo : region.outer_start] + text[region.outer_end : hi]
        if sum(ch.isalnum() for ch in outside) >= _MIXED_MIN_CHARS:
            return True
    return False


def _speaker_token(frame: Frame, cue: Any) -> Any:
    if according_to(cue):
        to = cue.doc[cue.i + 1]
        objects = [c for c in to.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    if cue.pos_ == "NOUN":
        return subject_of(cue)
    subject = (
        subject_of(cue)
        or inverted_subject(cue)
        or appositive_subject(cue)
        or name_before(cue)
        or participle_subject(cue)
    )
    if subject is not None and frame.quoted(subject) and subject.head.i == cue.i:
        # ""Full panic mode," said Leslie Wimes", ""One of the brightest members," Rep. Elijah
        # Cummings said": the parser gave the cue two subjects, the quotation's noun and the
        # name; the name says it
        subject = next(
            (c for c in cue.children if c.dep_ in SPEAKER_DEPS and not frame.quoted(c)), subject
        )
    if (subject is None or frame.quoted(subject)) and cue.dep_ in ("advcl", "conj"):
        # "Clinton seemed ready to riff, telling the crowd, "Some people get ..."": the parser
        # hung the cue inside the quotation; the speaker is the subject of what holds that
        head = cue.head
        while frame.quoted(head) and head.head.i != head.i:
            head = head.head
        if not frame.quoted(head) and head.i != cue.i:
            subject = subject_of(head) or subject
    if subject is not None and frame.quoted(subject) and subject.head.i != cue.i:
        # ""We were wrong ...," Ramos, 58, told AFP": the parser joined the tag to the
        # quotation's verb, whose subject is quoted; the name before the tag says it
        subject = name_before(cue) or subject
    return subject


def _is_cue(token: Any) -> bool:
    naming = token.tag_ == "VBG" and lemma_of(token) in NAMING  # ", calling it "a feat""
    return bool(naming or is_cue_verb(token) or according_to(token) or _cue_noun(token))


def _cue_noun(token: Any) -> bool:
    """ "Trump issued a statement, "..."": a reporting noun right before a quotation."""
    return bool(token.pos_ == "NOUN" and token.lemma_.lower() in CUE_NOUNS and _before_quote(token))


def _before_quote(token: Any) -> bool:
    doc = token.doc
    rest = doc[token.i + 1 : token.i + 3]
    return any(t.text in ",:" for t in rest) and any(t.is_quote or t.text in "“«„" for t in rest)


def cue_after(text: str, frame: Frame, region: QuoteRegion) -> Any:
    """The cue right after a quotation (``"…," she said``), or None."""
    tokens = frame.outside_tokens(region.outer_end, frame.stop, first=_TAG_WINDOW)
    if tokens and _new_sentence(text, region, tokens[0]):
        return None
    for n, token in enumerate(tokens):
        if token.text in _SENTENCE_END and n > 0:
            return None
        if _is_cue(token) or (n == 0 and _inverted_tag(token)):
            return _tag_cue(text, frame, region, token)
    return _cue_of_long_subject(text, frame, region, frame.first_word(region.outer_end, frame.stop))


#: Verbs that are auxiliaries too: one after a quotation is no tag ("..." is what he meant).
_AUXILIARIES = _EN.words("auxiliary_verbs")


def _inverted_tag(token: Any) -> bool:
    """ ""…," remembered Roy Verley, HP's former spokesman": a verb right after a quotation
    with a named person after it as its subject tags the quotation, whatever the verb (not
    "reads the sign", "goes the saying")."""
    if token.tag_ not in ("VBD", "VBZ") or lemma_of(token) in _AUXILIARIES:
        return False
    return any(
        c.dep_ == "nsubj" and c.i > token.i and c.ent_type_ == "PERSON" for c in token.children
    )


def _words_end(text: str, region: QuoteRegion) -> str:
    """A quotation's text without the quotation marks that close it."""
    return text[region.start : region.end].rstrip(" '`\u2019\u201d\"")


def _without_marks(tokens: list[Any]) -> list[Any]:
    """``tokens`` without the quotation marks that end them."""
    while tokens and tokens[-1].is_quote:
        tokens = tokens[:-1]
    return tokens


def _new_sentence(text: str, region: QuoteRegion, token: Any) -> bool:
    """Whether the words after a quotation go on with a clause or a sentence of their own
    (""…not helping." But Ms. Capito also said that …"), which no tag continues."""
    if token.pos_ in ("CCONJ", "SCONJ"):  # ""an attack on our country," but he also noted ..."
        return True
    closed = _words_end(text, region).endswith(".")
    return closed and token.pos_ in ("ADV", "ADP") and token.text[:1].isupper()


def _tag_cue(text: str, frame: Frame, region: QuoteRegion, token: Any) -> Any:
    """``token`` if it is the cue tagging the quotation before it, else None."""
    subject = _speaker_token(frame, token)
    if subject is None or frame.quoted(subject) or _has_own_content(frame, token):
        return None
    if _part_of_clause(text, frame, token, region) and not _after_a_report(frame, token):
        return None
    return token


def _after_a_report(frame: Frame, cue: Any) -> bool:
    """ "Biden suggested Trump admired tyrants - "He would have loved Stalin," Biden said": the
    parser hung a report of its own (or a clause holding one), and the quotation with it, on
    the tag."""
    return any(
        t.i < cue.i and not frame.quoted(t) and report_of_its_own(t)
        for c in cue.children
        if c.dep_ == "ccomp" and c.i < cue.i
        for t in c.subtree
        if t.dep_ == "ccomp"
    )


def _cue_of_long_subject(text: str, frame: Frame, region: QuoteRegion, word: Any) -> Any:
    """ ""…," Mr. Kim, who was traveling in Europe this week, said": a subject long with its
    relative clause or apposition puts the cue beyond the window; the subject's verb is it.
    ``word`` is the first word after the quotation (None: there is none)."""
    if word is None:
        return None
    subject = word
    while subject.dep_ in ("compound", "amod", "det", "poss") and subject.head.i > subject.i:
        subject = subject.head
    verb = subject.head
    if subject.dep_ != "nsubj" or verb.i <= subject.i or not _is_cue(verb):
        return None
    return _tag_cue(text, frame, region, verb)


def cue_before(text: str, frame: Frame, region: QuoteRegion, floor: int) -> Any:
    """The cue that introduces a quotation (``She said: "…"``), or None."""
    tail = frame.outside_tokens(floor, region.outer_start, last=_LEAD_WINDOW)
    for token in reversed(tail):
        if token.text in _SENTENCE_END:
            break
        if _is_cue(token):
            if _asked(token):
                return token  # "Blumenthal was asked, "Would you ...?"": by someone unnamed
            if agentless_passive(token) or reduced_relative(token):
                return None  # "the island was known as "the Poorhouse of the Caribbean"",
                # "to be considered a true "genius"": nobody named says it
            subject = _speaker_token(frame, token)
            if subject is None or frame.quoted(subject) or _infinitive(token):
                return None
            if _part_of_clause(text, frame, token, region):
                return None
            return token
    return (
        colon_intro(frame, tail)
        or _framing_verb(text, frame, region, tail)
        or _clause_running_in(frame, region, tail)
    )


def _clause_running_in(frame: Frame, region: QuoteRegion, tail: list[Any]) -> Any:
    """The cue of a reported clause that runs straight into a quotation, beyond the lead
    window ("Cruz added that he was the only one to spend his entire life “fighting to defend
    the Constitution. ...”"): the clause ends right before the opening mark, and the parser
    hung the quotation on the same cue."""
    words = _without_marks(tail)
    if not words or words[-1].is_punct:
        return None
    clause = words[-1]
    while clause.dep_ != "ccomp" and clause.head.i != clause.i:
        clause = clause.head
    cue = clause.head
    if clause.dep_ != "ccomp" or cue.i > clause.left_edge.i or clause.right_edge.i != words[-1].i:
        return None
    first = next((t for t in frame.doc[words[-1].i + 1 :] if not t.is_quote), None)
    if first is None or not frame.quoted(first) or first.head.i != cue.i or not _is_cue(cue):
        return None
    subject = _speaker_token(frame, cue)
    return cue if subject is not None and not frame.quoted(subject) else None


def _framing_verb(text: str, frame: Frame, region: QuoteRegion, tail: list[Any]) -> Any:
    """ "Capito called over her shoulder, "His comments are not helping."": a verb with a
    subject, that the parser hung on the quotation it runs into, introduces a whole sentence."""
    tail = _without_marks(tail)
    if len(tail) < 2 or tail[-1].text != "," or not text[region.start : region.start + 1].isupper():
        return None
    if not _words_end(text, region).rstrip(",").endswith((".", "!", "?")):
        return None
    last = tail[-2]
    if last.pos_ == "VERB" and last.dep_ in ("conj", "ROOT", "ccomp") and last.tag_ != "VBG":
        subject = subject_of(last)  # "she thanked the state and then boomed, "Today, ...""
        if subject is not None and not frame.quoted(subject):
            return last
    for token in tail:
        framed = (token.dep_ in ("ccomp", "parataxis") and frame.quoted(token.head)) or any(
            c.dep_ in ("ccomp", "parataxis") and frame.quoted(c) for c in token.children
        )
        if token.pos_ == "VERB" and token.tag_ != "VBG" and framed:
            subject = subject_of(token)
            return token if subject is not None and not frame.quoted(subject) else None
    return None


def _asked(token: Any) -> bool:
    """ "X was asked": a question put to X."""
    return lemma_of(token) == "ask" and any(c.dep_ == "nsubjpass" for c in token.children)


def _paragraph_intro(frame: Frame, floor: int) -> Any:
    """The cue of a paragraph that ends with a colon and introduces the quotation opening the
    next one ("He said:"), when no quotation came after that colon."""
    tail = frame.outside_tokens(frame.offset, frame.stop, last=_LEAD_WINDOW)
    if not tail or frame.start(tail[-1]) < floor:
        return None
    return colon_intro(frame, tail)


#: What may stand between a verb and the colon that ends its clause.
_AFTER_THE_VERB = frozenset({"prt", "advmod", "dobj", "npadvmod"})


def colon_intro(frame: Frame, tail: list[Any]) -> Any:
    """ "Kasich resisted: "..."": any verb with a subject, then a colon, introduces a quotation."""
    if len(tail) < 2 or tail[-1].text != ":":
        return None
    verb = tail[-2]
    if verb.dep_ in _AFTER_THE_VERB and verb.head.i < verb.i:
        verb = verb.head  # "Rubio fired back forcefully:", "Sanders delivered a retort:"
        if verb.dep_ == "prt" or (verb.dep_ == "advmod" and verb.head.i < verb.i):
            verb = verb.head
    if verb.pos_ != "VERB" or verb.tag_ == "VBG":
        return _owned_utterance(frame, tail)
    subject = subject_of(verb)
    return verb if subject is not None and not frame.quoted(subject) else None


#: What may close an introduction after the words it introduces with: "below", "here".
_POINTERS = _EN.words("pointers")


def _owned_utterance(frame: Frame, tail: list[Any]) -> Any:
    """ "this statement by Trump on June 11:", "Clinton's response was:": a statement noun
    with its author right before the colon introduces the quotation; the noun is the cue."""
    k = len(tail) - 2
    while k > 0 and (
        tail[k].lower_ in _POINTERS
        or tail[k].ent_type_ in ("DATE", "TIME")
        or (tail[k].dep_ == "prep" and all(t.ent_type_ in ("DATE", "TIME") for t in tail[k].rights))
    ):
        k -= 1  # "on June 11", "below"
    token = tail[k]
    if token.lemma_ == "be":  # "Clinton's response was:"
        token = next((c for c in token.children if c.dep_ == "nsubj"), token)
    by = token.head
    if token.dep_ == "pobj" and by.lower_ in ("by", "from") and 0 < by.i < token.i:
        token = token.doc[by.i - 1]  # "this statement by Trump", whatever "by" hangs on
    if token.pos_ != "NOUN" or token.lemma_.lower() not in UTTERANCES:
        return None
    author = subject_of(token)
    return token if author is not None and not frame.quoted(author) else None


_INK = re.compile(r"\S")
#: A signature after a dash; any Unicode space may stand between and around its words.
_SIGNATURE = re.compile(r"[-—–―]\s*(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\.?\s*$")
#: A signature right after a closed quotation, ending its line.
_SIGNED_QUOTATION = re.compile(
    r"[”\"][.,]?\s*(?P<dash>[-—–―])\s*(?P<name>[A-Z][\w.'’-]*(?:\s[A-Z][\w.'’-]*){0,3})\.?\s*$"
)


def _signature(text: str, region: QuoteRegion) -> tuple[tuple[int, int], MentionRef] | None:
    """A quotation signed after a dash, on its own line ("- Bernie Sanders.") or closing its
    paragraph (""..." ― Sonya Herridge")."""
    line_end = text.find("\n", region.outer_end)
    line_end = len(text) if line_end < 0 else line_end
    ink = _INK.search(text, region.outer_end, line_end)  # the tail of the quotation's line
    same_line = ink is not None
    if ink is not None:
        start, stop = ink.start(), line_end
    else:  # the next line that holds anything
        ink = _INK.search(text, line_end)
        start = len(text) if ink is None else ink.start()
        stop = text.find("\n", start)
        stop = len(text) if stop < 0 else stop
    match = _SIGNATURE.fullmatch(text, start, stop)
    if match is None and same_line:
        # the line goes on with more quotation before its signature: '"... money." And that's
        # all he has "the root of all evil." ― Christina Lastra'
        match = _SIGNED_QUOTATION.search(text, start, stop)
        start = match.start("dash") if match is not None else start
    if match is None:
        return None
    name_start, name_end = match.start("name"), match.end("name")
    while text[name_end - 1] == ".":
        name_end -= 1
    words = text[name_start:name_end].split()
    return (start, start + 1), MentionRef(name_start, name_end, "name", words[-1].lower())


_UNSAID = _EN.words("unsaid_verbs")


def _infinitive(token: Any) -> bool:
    """ "declined to comment on": an infinitive of a verb that says nothing was said
    ("went on to say" still says)."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    return to and token.head.lemma_.lower() in _UNSAID


def content_spans(
    text: str, region: QuoteRegion
) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """A quotation's content spans (editorial notes cut out) and its editorial insertions."""
    spans: list[tuple[int, int]] = []
    insertions: list[tuple[int, int]] = []
    for start, end in region.segments:
        pieces = [(start, end)]
        for match in _NOTE.finditer(text, start, end):
            insertions.append((match.start(), match.end()))
            s, e = pieces.pop()
            pieces += [(s, match.start()), (match.end(), e)]
        for match in _BRACKET.finditer(text, start, end):
            if not any(s <= match.start() < e for s, e in insertions):
                insertions.append((match.start(), match.end()))
        spans += [trim(text, s, e) for s, e in pieces]
    return [(s, e) for s, e in spans if e > s], sorted(insertions)


def _clause_lead(
    text: str, frame: Frame, cue: Any, region: QuoteRegion
) -> tuple[int, int | None] | None:
    """Where the reported clause between a cue and its quotation starts, when the clause runs
    into the quotation (``said that Muslims have two choices: "You either leave or ..."``), or
    of the object a quotation goes on describing (``called the plan "a disaster"``): the
    statement is the clause or object and the quotation together. Returns where it starts, and
    where it ends when that is past the quotation."""
    lead = _lead_end(text, region.outer_start)
    embedded = lead > 0 and text[lead - 1].isalnum()
    clausal = any(c.dep_ == "ccomp" for c in cue.children)
    for child in cue.children:
        if child.i < cue.i or frame.quoted(child):
            continue
        start, end = frame.start(child.left_edge), frame.end(child.right_edge)
        if child.dep_ == "ccomp":
            gap = text[end : region.outer_start].strip(" '`")
            if end <= region.outer_start and (gap in (":", ",") or (embedded and not gap)):
                return start, None  # "... said that he was the only one to spend his life
                # “fighting to ...”": the clause runs into the quotation
        elif child.dep_ == "dobj" and embedded and not clausal and start < region.outer_start:
            # "described the DLC during an interview as "a remnant of ..."", "pronounced the
            # name "Hamas" as if it were a spread": the object and what the cue adds to it
            tail = [c for c in cue.children if c.i > cue.i and _continues_object(c)]
            return start, frame.end(cue.doc[max(c.right_edge.i for c in tail)])
    return None


def _around_tag(
    text: str, frame: Frame, cue: Any, subject: Any, region: QuoteRegion
) -> tuple[tuple[int, int], int] | None:
    """The two sides of a sentence a tag interrupts ("An economic downturn, he said, "could be
    a good time to borrow"", "Campaign donations are vetted, Strother said, but "we don't
    ask ...""): the part before the tag (three words or more, no quotation) and where the part
    after it starts, when the words after the tag go on with the sentence in lower case."""
    doc = cue.doc
    start = noun_phrase(subject)[0]
    if subject.i > cue.i or start < 1 or doc[start - 1].text != ",":
        return None
    tail = text[frame.end(cue) : region.outer_start]
    if "," not in tail or any(ch in tail for ch in ".!?\n"):
        return None
    after = frame.end(cue) + tail.index(",") + 1
    while after < region.outer_start and text[after] == " ":
        after += 1
    first = text[after : region.start + 1].lstrip(" \"'`\u201c\u2018.\u2026")
    if not first[:1].islower():
        return None
    sentence = doc[start - 1].sent
    lo, hi = frame.start(sentence[0]), frame.start(doc[start - 1])
    before = [t for t in doc[sentence.start : start - 1] if not t.is_punct]
    if len(before) < 3 or any(frame.quoted(t) for t in before):
        return None
    return (lo, hi), region.start if after >= region.outer_start else after


def _continues_object(child: Any) -> bool:
    """Whether a dependent after a cue still belongs to what the cue says of its object
    ("as a "major breach of trust"" does; ", adding: ..." and "and ..." do not)."""
    if child.is_punct or child.dep_ in ("conj", "cc", "parataxis"):
        return False
    return not (child.dep_ == "advcl" and child.tag_ == "VBG")


def _opens_sentence(text: str, frame: Frame, region: QuoteRegion) -> bool:
    i = region.outer_start - 1
    while i >= frame.offset and (text[i].isspace() or text[i] in "'`"):
        i -= 1
    return i < frame.offset or text[i] in '.!?)"”»:'


def _region_frames(region: QuoteRegion, frames: FrameFinder) -> tuple[Frame | None, Frame | None]:
    """The first frame that holds the quotation's start and the last that holds its end."""
    first, last = frames.holding(region.start), frames.holding(region.end)
    return (first[0] if first else None), (last[-1] if last else None)


class _Following:
    """The first quotation (in the finder's order) that opens within a stretch of text, found
    by bisection when the quotations come in text order (as :func:`find_quote_regions` gives
    them), else by trying each."""

    def __init__(self, regions: Sequence[QuoteRegion]) -> None:
        self.regions = regions
        self.starts = [r.outer_start for r in regions]
        self.ordered = all(a <= b for a, b in pairwise(self.starts))

    def first(self, lo: int, hi: int) -> QuoteRegion | None:
        if not self.ordered:
            return next((r for r in self.regions if lo <= r.outer_start < hi), None)
        n = bisect_left(self.starts, lo)
        return self.regions[n] if n < len(self.starts) and self.starts[n] < hi else None


def find_direct(text: str, frames: Sequence[Frame], regions: Sequence[QuoteRegion]) -> list[Found]:
    """Direct quotes for every quotation that has a cue or continues an attributed one."""
    found: list[Found] = []
    previous: tuple[QuoteRegion, Found | None, Any] | None = None
    finder = FrameFinder(frames)
    following = _Following(regions)
    place = {id(f): n for n, f in enumerate(frames)}
    for region in regions:
        first, last = _region_frames(region, finder)
        if first is None or last is None:
            previous = None
            continue
        floor = first.offset
        if previous is not None and previous[0].outer_end > floor:
            floor = previous[0].outer_end
        before = cue_before(text, first, region, floor)
        opener = first  # the paragraph of the cue before the quotation
        if before is None and not text[floor : region.outer_start].strip():
            n = place.get(id(first), 0)
            quoted_up_to = previous[0].outer_end if previous is not None else -1
            adjacent = n > 0 and not text[frames[n - 1].stop : region.outer_start].strip()
            intro = _paragraph_intro(frames[n - 1], quoted_up_to) if adjacent else None
            if intro is not None:  # "He said:" closing the paragraph before
                opener, before = frames[n - 1], intro
        after = cue_after(text, last, region)
        spans, insertions = content_spans(text, region)
        if not spans or (_is_title(text, region) and _named_thing(text, region, before, after)):
            previous = (region, None, None)
            continue
        # "A," he said, "B." : one quote, interrupted by its cue
        if (
            previous is not None
            and previous[1] is not None
            and previous[2] is not None
            and "\n" not in text[previous[0].outer_end : region.outer_start]
            and _joins(text, first, previous[0], region, previous[2], before)
        ):
            previous = (region, previous[1].go_on(spans, insertions), after)
            continue
        inner_end = text[region.segments[-1][0] : region.segments[-1][1]].rstrip()
        tag = inner_end[-1:] in ",—–-" or (
            inner_end[-1:] in "?!" and not _introduces_next(text, last, after, following)
        )
        if tag and before is not None and not _opens_sentence(text, first, region):
            # "called the move "a breach of trust," adding: "...": the cue after this
            # quotation introduces the next one; the one before frames this one
            tag = not _introduces_next(text, last, after, following)
        if (
            after is not None
            and after.tag_ == "VBG"
            and not text[region.outer_end : last.start(after)].strip(" ,'`")
            and _introduces_next(text, last, after, following)
        ):
            after = None  # "could be “messy,” adding, “Democracy is messy.”": a participle
            # right after one quotation, introducing the next, tags no quotation before it
        elif not tag and inner_end[-1:] == "." and _introduces_next(text, last, after, following):
            after = None  # ""We are not terrorists." Mr. Zahed said: "The attack ..."" """
        elif not tag and inner_end[-1:] == "." and not _opens_sentence(text, first, region):
            after = None  # "... for saying it was a "magic cure." McCaskill scolded him.": a
            # quotation that ends a sentence it does not open takes no tag from the next one
        cue = after if after is not None and (before is None or tag) else before
        if cue is None:
            cue = after
        frame = last if cue is after else opener
        if cue is not None:
            subject = _speaker_token(frame, cue)
            if subject is not None and subject.lower_ == "it":  # ""...," it added": the
                subject = it_antecedent(subject, cue) or subject  # newspaper named before
            lead = tail = sides = None
            if frame is not first and frame is not last:
                pass  # introduced by the paragraph before: nothing of it precedes the quotation
            elif cue is before and (around := _clause_lead(text, frame, cue, region)):
                lead, tail = around
            elif cue is before and subject is not None:
                sides = _around_tag(text, frame, cue, subject, region)
            if lead is not None:
                spans = [(lead, spans[0][1]), *spans[1:]]
            elif sides is not None:  # "An economic downturn, he said, "could be ...""
                before_tag, after_tag = sides
                spans = [before_tag, (after_tag, spans[0][1]), *spans[1:]]
            if tail is not None and tail > spans[-1][1]:
                spans[-1] = (spans[-1][0], tail)
            item = Found(
                type="direct" if lead is None and sides is None else "mixed",
                content=spans,
                cue=cue_span(frame, cue),
                speaker=mention_for(frame, subject) if subject is not None else None,
                confidence=0.95 if region.closed else 0.6,
                paragraph=frame.index,
                addressee=addressee_of(frame, cue),
                insertions=insertions,
                cue_token=cue,
            )
            found.append(item)
            previous = (region, item, cue if cue is after else None)
            continue
        words = sum(1 for s, e in spans for _ in text[s:e].split())
        signed = _signature(text, region) if _opens_sentence(text, first, region) else None
        if signed is not None:
            item = Found(
                type="direct",
                content=spans,
                cue=signed[0],
                speaker=signed[1],
                confidence=0.8,
                paragraph=first.index,
                insertions=insertions,
            )
            found.append(item)
            previous = (region, item, None)
        elif words >= 3 and _opens_sentence(text, first, region) and not _labelled(first, region):
            going_on = _goes_on(text, previous, region)
            if going_on is not None:  # ""A," he said. "B."": it goes on after its tag
                previous = (region, going_on.go_on(spans, insertions), None)
                continue
            item = Found(
                type="direct",
                content=spans,
                cue=None,
                speaker=None,
                confidence=0.75 if region.closed else 0.5,
                paragraph=first.index,
                inherit=True,
                insertions=insertions,
            )
            found.append(item)
            previous = (region, item, None)
        elif (next_sentence := _next_sentence(text, first, previous, region)) is not None:
            # ""It's ambush journalism," she says. It's "this new in-your-face journalism."":
            # the sentence after the tag goes on with the same statement
            lead, going_on = next_sentence
            spans = [(lead, spans[0][1]), *spans[1:]]
            previous = (region, going_on.go_on(spans, insertions), None)
        elif (
            previous is not None and previous[1] is not None and _listed(text, previous[0], region)
        ):
            # "telling the crowd, "I'm a negotiator," and, "Is there anyone ...?"": one list
            previous = (region, previous[1].go_on(spans, insertions), None)
        else:
            previous = (region, None, None)
    return found


_STOP = re.compile(r"[.!?]")
_LISTED = re.compile(_EN.pattern("listed"))


def _listed(text: str, left: QuoteRegion, right: QuoteRegion) -> bool:
    """Whether only a comma or a conjunction stands between two quotations."""
    return _LISTED.fullmatch(text[left.outer_end : right.outer_start]) is not None


def _goes_on(
    text: str, previous: tuple[QuoteRegion, Found | None, Any] | None, region: QuoteRegion
) -> Found | None:
    """The statement a cue-less quotation goes on with: the quotation before it in its
    paragraph, whose tag stands between them, or in the paragraph right before when the
    quotation is a paragraph of its own (""A," he said.¶"B."")."""
    if previous is None or previous[1] is None or previous[2] is None:
        return None
    between = text[previous[0].outer_end : region.outer_start]
    if "\n" not in between:
        return previous[1]
    rest = between[between.index("\n") :]
    return previous[1] if not rest.strip() and ends_its_line(text, region.outer_end) else None


def _next_sentence(
    text: str,
    frame: Frame,
    previous: tuple[QuoteRegion, Found | None, Any] | None,
    region: QuoteRegion,
) -> tuple[int, Found] | None:
    """Where the sentence holding a quotation starts, and the statement it goes on with, when
    that sentence comes right after the tag of the quotation before it in the paragraph (""A,"
    she says. It's "B.""), and holds neither a cue of its own nor another quotation before
    this one."""
    going_on = _goes_on(text, previous, region)
    if going_on is None or previous is None:
        return None
    between = text[previous[0].outer_end : region.outer_start]
    ends = [m.end() for m in re.finditer(r"[.!?]['\u2019\u201d\"]?\s+(?=[A-Z\u201c\"'])", between)]
    if len(ends) != 1 or any(ch in between[ends[0] :] for ch in '"\u201c\u201d'):
        return None
    lead = previous[0].outer_end + ends[0]
    closed = _words_end(text, region).endswith((".", "!", "?"))
    if not (closed or _STOP.match(text, region.outer_end, frame.stop)):
        return None  # the quotation ends its sentence
    if any(_is_cue(t) or learned_cue(t) for t in frame.outside_tokens(lead, region.outer_start)):
        return None
    said = len(text[region.start : region.end].split())
    if said < 3 or said < len(text[lead : region.outer_start].split()):
        return None
    return lead, going_on


def _labelled(frame: Frame, region: QuoteRegion) -> bool:
    """Whether a quotation follows a label with no verb ("by Times' Ben Sisario: "...""), as in
    a digest of excerpts: it continues no one's statement. (The label is read off the running
    counts of :class:`~quotewire.quotes.frame.Outside`, without walking back its sentence.)"""
    outside = frame.outside
    before = bisect_left(outside.starts, region.outer_start)
    last = outside.unquote[before - 1] if before else -1  # the closing marks left out
    if last < 0 or frame.doc[outside.tokens[last]].text != ":":
        return False
    start = outside.sentence[last] + 1
    return bool(
        outside.propn[last] > outside.propn[start] and outside.verbs[last] == outside.verbs[start]
    )


def _introduces_next(text: str, frame: Frame, cue: Any, regions: _Following) -> bool:
    """Whether a cue after a quotation introduces the next one instead ("“Why now?” ... Mills
    then writes back, “You look cute.”"): nothing but its clause and a comma or colon between."""
    if cue is None:
        return False
    end = frame.end(cue)
    following = regions.first(end, frame.stop)
    if following is None:
        return False
    between = text[end : following.outer_start].rstrip(" '`")
    return between.endswith((",", ":")) and not any(ch in between for ch in ".!?")


#: The lower-case words of a title ("Good Morning America", "Guardians of the Galaxy").
_TITLE_SMALL_WORDS = _EN.words("title_small_words")


def _is_title(text: str, region: QuoteRegion) -> bool:
    """A short quoted name in title case ("Good Morning America", "Silent Night"), not a quote."""
    inner = text[region.start : region.end].strip(" ,.")
    words = inner.split()
    return (
        0 < len(words) <= 4
        and words[0][:1].isupper()
        and all(w[:1].isupper() or w in _TITLE_SMALL_WORDS for w in words)
        and not inner.endswith(("!", "?"))
    )


#: The nouns of works ("book", "film"), in the order the pattern tries them.
_WORKS = _EN.word_list("work_nouns")
_WORK = re.compile(r"\b(?:" + "|".join(_WORKS) + r")s?$", re.IGNORECASE)
#: Characters before a comma in which a match of ``_WORK`` must lie: its longest word and "s",
#: the line break ``$`` may stand before, and the character that ``\b`` looks at.
_WORK_REACH = max(map(len, _WORKS)) + 3


def _lead_end(text: str, pos: int) -> int:
    """Where the text before ``pos`` ends once spaces, apostrophes and backquotes are left off
    (``len(text[:pos].rstrip(" '`"))``, without copying the text)."""
    while pos > 0 and text[pos - 1] in " '`":
        pos -= 1
    return pos


def _named_thing(text: str, region: QuoteRegion, before: Any, after: Any) -> bool:
    """Whether a title-case quotation names a thing ("on "Good Morning America"") rather than
    quoting words, which a cue frames with punctuation: ``said, "No."``, ``"Quiet," he said``."""
    lead = _lead_end(text, region.outer_start)
    inner = text[region.start : region.end].rstrip()
    if text[lead - 1 : lead] == "," and _WORK.search(
        text[max(0, lead - 1 - _WORK_REACH) : lead - 1]
    ):
        return True  # "he said in his 2012 book, "An American Son.""
    framed_before = before is not None and text[lead - 1 : lead] in (",", ":")
    framed_after = after is not None and inner.endswith((",", "?", "!"))
    return not (framed_before or framed_after)


def _joins(
    text: str, frame: Frame, left: QuoteRegion, right: QuoteRegion, cue: Any, before: Any
) -> bool:
    """Whether the text between two quotations is the first one's tag, which the second goes on
    after: ""A," he said, "B."", ""A," said X, a director of Y in London, "B."", and ""A," said
    X in Binghamton, N.Y. "B."", where the abbreviation hides the end of the tag's sentence."""
    between = text[left.outer_end : right.outer_start].strip(" '`")
    if same_token(cue, before):
        return bool(between) and between[-1] in ",:—–."
    if before is not None or not between or between[-1] not in ",:—–":
        return False
    tokens = frame.outside_tokens(left.outer_end, right.outer_start)
    if not any(same_token(t, cue) for t in tokens):
        return False
    return not any(
        t.text in _SENTENCE_END or (t.pos_ == "VERB" and not same_token(t, cue)) for t in tokens
    )
