"""A parsed paragraph seen by the quote finders: tokens with article offsets, and what is quoted.

Internal records shared by the cue, direct, indirect and headline finders. Offsets are always
character offsets into the article text. What the finders ask of a paragraph for each quotation
(its frame, the tokens outside quotations around it, a token's depth) is indexed once per
paragraph (:class:`FrameFinder`, :class:`Outside`), so that the work per quotation does not
grow with the paragraph.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from spacy.attrs import DEP, IDX, IS_PUNCT, IS_QUOTE, IS_SPACE, LEMMA, LOWER, ORTH, POS

from quotewire.lang import profile
from quotewire.nlp.english import tokens_with
from quotewire.quotes.cues import SPEECH_VERBS, according_to, lemma_of
from quotewire.speakers.titles import (
    GENERIC_TITLES,
    KINSHIP,
    MEMBERS,
    ORG_HEADS,
    PARTITIVES,
    PEOPLE_ENDINGS,
    PEOPLE_WORDS,
    PERSON_TITLES,
    RELATIONS,
    TIME_NOUNS,
)
from quotewire.text.marks import QuoteRegion

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

PRONOUNS = _EN.words("personal_pronouns")
#: Subjects that say nothing: "it shows", "this means", "which suggests".
NOT_SPEAKERS = _EN.words("not_speakers")
SPEAKER_DEPS = ("nsubj",)
#: Relative pronouns that stand for a noun as a clause's subject ("Kingson, who is running").
RELATIVE_PRONOUNS = _EN.words("relative_pronouns")


def says_nothing(token: Any) -> bool:
    """A subject that says nothing ("it shows"); "those surveyed", "those who voted", "those
    close to him", "those familiar with the talks" speak."""
    if token.lower_ not in NOT_SPEAKERS:
        return False
    return not any(c.dep_ in ("acl", "relcl", "prep", "amod") for c in token.children)


#: Things that speak for someone: "a statement from the council said".
DOCUMENTS = _EN.words("documents")
#: Nouns for what someone said or wrote, whose author ("Trump's response", "a statement by the
#: mayor") said it.
UTTERANCES = DOCUMENTS | _EN.words("utterances")
#: Verbs whose agent wrote or put out a document ("a complaint filed by the SEC"), not those
#: of who came by it ("an email obtained by ...", "audio provided by ...").
AUTHORING = _EN.words("authoring_verbs")
#: Verbs whose subject does away with or sets aside a statement rather than making it
#: ("stripping out a call for ...", "rejected the claim that ...", "ignored the warning").
UNSAYING = _EN.words("unsaying_verbs")
#: Verbs by which one receives what others say ("Suu Kyi has faced sharp criticism for ...",
#: "Schilling drew intense criticism", "the program attracted criticism"): the subject is the
#: one spoken of, not the speaker.
RECEIVING = _EN.words("receiving_verbs")
#: Occasions on which someone speaks: "she said at a news conference announcing that ...": she
#: announces, not the conference.
OCCASIONS = _EN.words("occasions")
_NP_LEFT_DEPS = frozenset(
    "det compound amod poss nmod nummod quantmod case advmod predet npadvmod".split()
)


@dataclass(slots=True)
class MentionRef:
    """A stretch of text naming a speaker, before it is resolved to an entity."""

    start: int
    end: int
    kind: str  # name | pronoun | nominal | organization
    head: str  # the head word, lower-cased lemma
    label: str | None = None  # entity label of a named mention
    appos_role: tuple[int, int] | None = None


@dataclass(slots=True)
class Found:
    """An attribution found in the text, before speakers are resolved."""

    type: str
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    speaker: MentionRef | None
    confidence: float
    paragraph: int
    inherit: bool = False  # continues the previous attribution: same speaker and cue
    addressee: MentionRef | None = None
    insertions: list[tuple[int, int]] = field(default_factory=list)
    cue_token: Any = None
    weak: bool = False  # a commitment or belief ("agreed to ..."), dropped inside another statement
    block: bool = False  # the speaker's own words set off without quotation marks (block.py)

    def go_on(self, spans: list[tuple[int, int]], insertions: list[tuple[int, int]]) -> Found:
        """This statement with quotations that go on with it added, and their insertions; a
        quotation the statement already holds in part (its content ran into the quotation up
        to the closing mark) widens the piece it overlaps instead of being added twice."""
        for start, end in spans:
            overlapping = [n for n, (s, e) in enumerate(self.content) if s < end and start < e]
            if not overlapping:
                self.content.append((start, end))
                continue
            first = overlapping[0]
            lo = min(start, *(self.content[n][0] for n in overlapping))
            hi = max(end, *(self.content[n][1] for n in overlapping))
            self.content[first] = (lo, hi)
            for n in reversed(overlapping[1:]):
                del self.content[n]
        self.insertions += insertions
        return self


@dataclass(slots=True)
class Frame:
    """One parsed paragraph and the quoted stretches that touch it."""

    index: int
    offset: int
    doc: Any
    regions: list[QuoteRegion]
    inside: list[tuple[int, int]]  # outer ranges (marks included) of quoted text in this paragraph
    stop: int = 0  # article offset one past the paragraph's last character
    starts: list[int] = field(default_factory=list)  # article offset of each token
    inside_tokens: frozenset[int] = frozenset()  # indices of the tokens within quotations
    _outside: Outside | None = None  # built on first use
    _depths: list[int] | None = None  # built on first use
    _rows: Any = None  # the token arrays of :data:`_ROW_ATTRS`, read once
    _deps: list[int] | None = None  # built on first use
    _forms: list[list[int]] | None = None  # (lemma, lower) of each token, built on first use

    @classmethod
    def build(cls, index: int, offset: int, doc: Any, regions: list[QuoteRegion],
              inside: list[tuple[int, int]]) -> Frame:  # fmt: skip
        # one reading of the token arrays: the offsets now, the rest for :class:`Outside`
        rows = doc.to_array(_ROW_ATTRS) if len(doc) else None
        starts = (rows[:, 0] + offset).tolist() if rows is not None else []
        quoted: set[int] = set()
        for s, e in inside:  # the tokens starting in [s, e), found by bisection
            quoted.update(range(bisect_left(starts, s), bisect_left(starts, e)))
        frame = cls(
            index, offset, doc, regions, inside, offset + doc_length(doc), starts, frozenset(quoted)
        )
        frame._rows = rows
        return frame

    def tokens_between(self, lo: int, hi: int) -> Any:
        """The tokens that start within article offsets ``[lo, hi)``."""
        return self.doc[bisect_left(self.starts, lo) : bisect_left(self.starts, hi)]

    def start(self, token: Any) -> int:
        return int(self.offset + token.idx)

    def end(self, token: Any) -> int:
        return int(self.offset + token.idx + len(token.text))

    def quoted(self, token: Any) -> bool:
        return token.i in self.inside_tokens

    @property
    def outside(self) -> Outside:
        """The paragraph's tokens outside quotations, indexed (built once, on first use)."""
        if self._outside is None:
            self._outside = Outside.of(self)
        return self._outside

    def outside_tokens(self, lo: int, hi: int, *, first: int | None = None,
                       last: int | None = None) -> list[Any]:  # fmt: skip
        """The tokens outside quotations (spaces left out) that start within article offsets
        ``[lo, hi)``: all of them, or only the ``first`` or ``last`` so many. The work is that
        of the tokens returned, not of the stretch."""
        outside = self.outside
        i, j = bisect_left(outside.starts, lo), bisect_left(outside.starts, hi)
        if first is not None:
            j = min(j, i + first)
        if last is not None:
            i = max(i, j - last)
        return [self.doc[k] for k in outside.tokens[i:j]]

    def _table(self) -> Any:
        return self._rows if self._rows is not None else self.doc.to_array(_ROW_ATTRS)

    def tokens_with(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lemma or lower-case form is one of ``words`` (in lower,
        title or upper case): :func:`quotewire.nlp.english.tokens_with` on the arrays the
        frame has read already."""
        if self._forms is None:
            self._forms = self._table()[:, _FORM_COLUMNS].tolist() if len(self.doc) else []
        return tokens_with(self.doc, words, self._forms)

    def with_deps(self, lo: int, hi: int, deps: frozenset[str]) -> list[int]:
        """The indices of the tokens of ``doc[lo:hi]`` (Python's slice bounds) whose dependency
        label is one of ``deps``, read off the frame's arrays without making a token of each."""
        if self._deps is None:
            self._deps = self._table()[:, _DEP_COLUMN].tolist() if len(self.doc) else []
        strings = self.doc.vocab.strings
        wanted = {strings.add(d) for d in deps}
        found = self._deps
        return [k for k in range(*slice(lo, hi).indices(len(found))) if found[k] in wanted]

    def depth(self, token: Any) -> int:
        """How many heads stand above ``token`` (``len(list(token.ancestors))``), from a table
        of the whole paragraph built once, instead of climbing from every token."""
        if self._depths is None:
            heads = [t.head.i for t in self.doc]
            depths = [-1] * len(heads)
            for i in range(len(heads)):
                chain = []
                k = i
                while depths[k] < 0 and heads[k] != k:
                    chain.append(k)
                    k = heads[k]
                base = max(depths[k], 0)
                for n, j in enumerate(reversed(chain), 1):
                    depths[j] = base + n
                depths[i] = max(depths[i], 0)
            self._depths = depths
        return self._depths[int(token.i)]

    def first_word(self, lo: int, hi: int) -> Any:
        """The first token outside quotations that is neither space nor punctuation and starts
        within ``[lo, hi)``, or None."""
        outside = self.outside
        n = bisect_left(outside.word_starts, lo)
        if n < len(outside.word_starts) and outside.word_starts[n] < hi:
            return self.doc[outside.words[n]]
        return None


class FrameFinder:
    """The frames that hold a character offset, found by bisection on their offsets (frames
    come in text order and do not overlap; if they did, every frame would be tried)."""

    def __init__(self, frames: Sequence[Frame]) -> None:
        self.frames = list(frames)
        self.offsets = [f.offset for f in self.frames]
        self.ordered = all(a.stop <= b.offset for a, b in pairwise(self.frames))

    def holding(self, pos: int) -> list[Frame]:
        """The frames with ``offset <= pos <= stop``, in order (two when ``pos`` is where one
        ends and the next begins)."""
        if not self.ordered:
            return [f for f in self.frames if f.offset <= pos <= f.stop]
        k = bisect_right(self.offsets, pos) - 1
        out = []
        while k >= 0 and self.frames[k].stop >= pos:
            out.append(self.frames[k])
            k -= 1
        return out[::-1]


_PROPN, _VERBS = "PROPN", ("VERB", "AUX")
#: The token arrays a frame reads: offsets (:meth:`Frame.build`), then those of :class:`Outside`
#: (attribute ids, which ``Doc.to_array`` takes faster than names).
#: Then the dependency labels (:meth:`Frame.with_deps`), lemmas and lower-case forms
#: (:meth:`Frame.tokens_with`).
_ROW_ATTRS = [IDX, IS_SPACE, IS_PUNCT, IS_QUOTE, POS, ORTH, DEP, LEMMA, LOWER]
_DEP_COLUMN = 6
_FORM_COLUMNS = [7, 8]


_SENTENCE_ENDS = (".", "!", "?")


@dataclass(frozen=True, slots=True)
class Outside:
    """The tokens of a frame outside quotations, spaces left out (``tokens``, with their article
    ``starts``), those of them that are words (not punctuation: ``words``, ``word_starts``), and
    running counts along ``tokens`` that answer "what stands before a quotation in its
    sentence" without walking back: for the n-th token, ``propn[n]`` and ``verbs[n]`` count the
    proper nouns and verbs before it, ``sentence[n]`` is the position of the last full stop,
    question or exclamation mark before it (-1: none), ``unquote[n]`` that of the last token up
    to it that is not a quotation mark (-1: none)."""

    tokens: list[int]
    starts: list[int]
    words: list[int]
    word_starts: list[int]
    propn: list[int]
    verbs: list[int]
    sentence: list[int]
    unquote: list[int]

    @classmethod
    def of(cls, frame: Frame) -> Outside:
        doc = frame.doc
        if not len(doc):
            return cls([], [], [], [], [0], [0], [-1], [])
        strings = doc.vocab.strings
        ends = {strings.add(mark) for mark in _SENTENCE_ENDS}
        propn = strings.add(_PROPN)
        verbs = {strings.add(pos) for pos in _VERBS}
        table = frame._rows if frame._rows is not None else doc.to_array(_ROW_ATTRS)
        rows = table[:, 1:_DEP_COLUMN].tolist()
        tokens: list[int] = []
        starts: list[int] = []
        words: list[int] = []
        word_starts: list[int] = []
        unquote: list[int] = []
        propns, verb_counts, sentence = [0], [0], [-1]
        quoted = frame.inside_tokens
        for i, (space, punct, quote, pos, orth) in enumerate(rows):
            if space or i in quoted:
                continue
            n = len(tokens)
            tokens.append(i)
            starts.append(frame.starts[i])
            if not punct:
                words.append(i)
                word_starts.append(frame.starts[i])
            propns.append(propns[-1] + (pos == propn))
            verb_counts.append(verb_counts[-1] + (pos in verbs))
            sentence.append(n if orth in ends else sentence[-1])
            unquote.append(unquote[-1] if quote and n else (-1 if quote else n))
        return cls(tokens, starts, words, word_starts, propns, verb_counts, sentence, unquote)


#: What may close a line after a statement: punctuation, closing quotation marks and spaces.
_LINE_CLOSE = " .,;:!?'`\"\u2019\u201d"


_NOT_LINE_CLOSE = re.compile("[^" + re.escape(_LINE_CLOSE) + "]")


def ends_its_line(text: str, pos: int) -> bool:
    """Whether nothing but punctuation and closing quotation marks follows ``pos`` on its line:
    a quotation that is a paragraph of its own. (The search stops at the first other character,
    so the cost is not that of the rest of the line.)"""
    other = _NOT_LINE_CLOSE.search(text, pos)
    return other is None or text[other.start()] == "\n"


def doc_length(doc: Any) -> int:
    """``len(doc.text)``, without joining the text of every token."""
    if not len(doc):
        return 0
    last = doc[-1]
    return int(last.idx + len(last.text_with_ws))


def token_key(token: Any) -> tuple[int, int]:
    """A key for a spaCy token: ``Token`` objects are views made afresh on each access, so
    neither ``id()`` nor ``is`` tells two accesses to the same token apart."""
    return id(token.doc), int(token.i)


def same_token(a: Any, b: Any) -> bool:
    return a is not None and b is not None and token_key(a) == token_key(b)


def _fronted(subjects: list[Any]) -> bool:
    """Whether the first of two subjects the parser gave one verb is a fronted phrase that a
    comma ends right before the second ("His promises ... notwithstanding, independent analyses
    agree", "Holding signs, the protesters chanted"): when neither names someone who can speak
    and the second is no list ("The family, protesters and civic leaders")."""
    if len(subjects) != 2 or any(may_speak(s) for s in subjects):
        return False
    first, second = subjects
    doc, comma = first.doc, first.right_edge.i + 1
    if comma + 1 != second.left_edge.i or doc[comma].text != ",":
        return False
    return not any(t.dep_ in ("cc", "conj") for t in second.subtree)


def _after_as(subject: Any) -> bool:
    """Whether a subject opens an "as" aside ("Hawaii, as one of his advisers said, ...")."""
    first, doc = subject.left_edge.i, subject.doc
    return bool(first > 1 and doc[first - 1].lower_ == "as" and doc[first - 2].text == ",")


def let_know(token: Any) -> bool:
    """Whether ``token`` is the verb of "let them know that ...", "let voters hear that ...":
    its subject is told, and the one who lets them know tells it ("Let's say ..." and "let us
    know" are no such telling)."""
    head = token.head
    if head.i == token.i or head.lemma_.lower() != "let" or token.dep_ not in ("ccomp", "xcomp"):
        return False
    if token.lemma_.lower() not in ("know", "hear"):
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us") for c in token.children)


def subject_of(token: Any, depth: int = 0) -> Any:
    """The grammatical subject that says ``token``'s verb, climbing participles and conjuncts."""
    agent = _gerund_agent(token)
    if agent is not None:
        return agent
    if depth < 3 and let_know(token):  # "she wanted to ... and let them know that ...": she
        return subject_of(token.head, depth + 1)
    subjects = [
        c for c in token.children if c.dep_ in SPEAKER_DEPS and not c.is_punct and not a_time(c)
    ]
    if len(subjects) > 1 and subjects[-1].i < token.i:  # the parser gave the verb two subjects
        # ("The drumbeat of criticism ..., Trump said"): the one who can speak
        if _fronted(subjects):
            subjects.reverse()
        subjects.sort(key=lambda c: not may_speak(c))
        # "Hawaii, as one of his advisers said, normally ...": the one after "as"
        subjects.sort(key=lambda c: not _after_as(c))
    for child in subjects:
        if child.lower_ in RELATIVE_PRONOUNS:
            clause = token  # "Kingson, who is running ... and who worked the crowd,
            while clause.dep_ == "conj" and clause.head.i != clause.i:  # praising":
                clause = clause.head  # the second "who" is Kingson's too
            if clause.dep_ == "relcl" and (
                child.lower_ != "which" or _speaks_for(clause.head, child)
            ):
                antecedent = _relative_antecedent(clause.head, child)
                if antecedent is not None and a_time(antecedent) and depth < 3:
                    # "Rubio had a strong moment that could play big ..., denouncing ...":
                    # whoever had the moment
                    return subject_of(antecedent, depth + 1)
                return antecedent
            before = child.doc[child.i - 1] if child.i > 0 else None
            if (
                clause.dep_ != "relcl"
                and child.lower_ in ("who", "which")
                and before is not None
                and before.pos_ in ("NOUN", "PROPN")
                and (child.lower_ == "who" or _speaks_for(before, child))
            ):  # "turned to the Chicago Police Department which reported ...": the parser
                return before  # hung the clause on the main verb
        return child
    if token.pos_ == "NOUN":  # "Trump's claim", "Trump issued a statement", "in a statement"
        owners = [c for c in token.children if c.dep_ == "poss"]
        if token.lemma_.lower() in UTTERANCES:  # "a statement by the mayor"
            doc, after = token.doc, token.right_edge.i + 1
            authors = [c for c in token.rights if c.dep_ == "prep"]
            if after < len(doc) and doc[after].head.i == token.head.i:
                authors.append(doc[after])  # "rated this statement by Trump": "by" hung on
                # the verb
            owners += [
                g
                for c in authors
                if c.dep_ == "prep" and c.lower_ in ("by", "from")
                for g in c.children
                if g.dep_ == "pobj"
            ]
        if owners:
            return owners[0]
        verb = token.head.head if token.dep_ == "pobj" else token.head
        if token.dep_ == "pobj" and token.head.lower_ not in _MEANS_PREPOSITIONS:
            return None  # "agreed to a settlement over allegations that ...": not theirs
        if token.dep_ == "dobj" and verb.lemma_.lower() in UNSAYING:
            return None  # "his operatives forced a change, stripping out a call for ...": the
            # call is not theirs
        if token.dep_ == "dobj" and verb.lemma_.lower() in RECEIVING:
            return None  # "Suu Kyi has faced sharp criticism for failing to ...": others'

        if token.dep_ in ("dobj", "attr", "pobj") and verb.pos_ in ("VERB", "AUX") and depth < 3:
            return subject_of(verb, depth + 1)
        return None
    if depth >= 3:
        return None
    if token.dep_ in ("advcl", "conj", "xcomp") and token.head.i != token.i:
        head = token.head
        controller = _object_controller(token)
        if controller is not None:
            return controller
        if _told_to(token):
            return None  # "federal law requires candidates to disclose their assets": the
            # candidates would disclose, and the law discloses nothing
        head = _nearer_conjunct(token) or head
        reported = _reported_clause_of_aside(token)  # "Gore insisted it was premature,
        if reported is not None:  # while adding ...": Gore adds
            head = reported.head
        elif past_beside_modal(token):  # "May said that the country would declare ... and
            head = head.head  # suggested that ...": May suggested
        subject = subject_of(head, depth + 1)
        if subject is None and token.dep_ in ("conj", "xcomp"):
            # "Trump was forced ... and said", "Trump was prompted to say"
            subject = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
        if token.dep_ == "xcomp" and head.lemma_ == "be" and subject is not None:
            owner = next((c for c in subject.children if c.dep_ == "poss"), None)
            if subject.pos_ == "NOUN" and owner is not None:  # "his best response was to
                subject = owner  # say": he says
        return subject
    if token.dep_ == "pcomp" and token.head.dep_ == "prep":  # "landed in trouble by saying"
        return subject_of(token.head.head, depth + 1)
    if token.dep_ in ("relcl", "acl") and token.head.pos_ in ("NOUN", "PROPN"):
        if a_time(token.head):  # "Rubio had a strong moment ..., denouncing the regime"
            return subject_of(token.head, depth + 1)
        if token.dep_ == "acl" and _in_order_to(token.head):  # "reminded viewers ... in
            return subject_of(token.head.head.head, depth + 1)  # order to show ...": Ramos
        noun = token.head.lemma_.lower()
        spoken = noun in DOCUMENTS or (noun in OCCASIONS and token.tag_ == "VBG")
        if token.dep_ == "acl" and spoken:
            return subject_of(token.head, depth + 1) or token.head  # "X issued a statement
        return token.head  # condemning ...": X
    return None


def _in_order_to(noun: Any) -> bool:
    """Whether ``noun`` is the "order" of "in order to", which names no one."""
    return bool(noun.lower_ == "order" and noun.dep_ == "pobj" and noun.head.lower_ == "in")


def a_time(token: Any) -> bool:
    """Whether ``token`` names a time, which cannot speak ("Wednesday", "the night", "last
    week"), and no one in it; a name that holds such a word does ("Time", "The New York
    Times")."""
    if token.ent_type_ not in ("DATE", "TIME") and not (
        token.lemma_.lower() in TIME_NOUNS and token.ent_type_ == "" and token.tag_ != "NNP"
    ):
        return False
    # "Nine months of Trump talking", "Broaddrick Sunday night recounted": someone is in it
    return not any(
        t.ent_type_ in _AGENT_LABELS
        for c in token.children
        if c.dep_ in ("compound", "poss", "nmod", "prep")
        for t in c.subtree
    )


_AGENT_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


#: Verbs by which a document or a body speaks ("It said", "it reads", "it added").
_WRITTEN = SPEECH_VERBS | _EN.words("document_verbs")


def it_antecedent(pronoun: Any, cue: Any) -> Any:
    """What "it" stands for when it is the subject of a sentence's verb of speech (``cue``):
    the one body or document that the sentence before names as its subject, object or source
    ("The IMF cut its forecast. It said ...", "..., according to the Pilots Association. It
    said ..."), else the one document its subject put out ("Salceda cited a memorandum. It
    says ..."); None otherwise ("after it announced", "it's safe to say", "The group called for
    attacks, according to SITE. It said ...": two bodies)."""
    if pronoun.lower_ != "it" or pronoun.head.i != cue.i or lemma_of(cue) not in _WRITTEN:
        return None
    if cue.dep_ != "ROOT" and not (cue.dep_ == "conj" and cue.head.dep_ == "ROOT"):
        return None
    start = pronoun.sent.start
    if start == 0:
        return None
    before = pronoun.doc[start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    bodies = [t for t in before if _may_go_on_as_it(t)]
    own = [  # "The city sent a letter", "The campaign backtracked, putting out a statement":
        t  # the document of the body that is the subject
        for t in bodies
        if t.dep_ == "dobj"
        and t.lemma_.lower() in DOCUMENTS
        and subject is not None
        and same_token(subject_of(t.head), subject)
    ]
    others = [t for t in bodies if t not in own]
    if len(others) == 1:
        return others[0]
    return own[0] if not others and len(own) == 1 else None


def _may_go_on_as_it(token: Any) -> bool:
    """A singular body or document that a sentence names as an actor or a source: its subject,
    object or "according to" source."""
    if token.tag_ in ("NNS", "NNPS") or not _body_or_document(token):
        return False
    if token.dep_ in ("nsubj", "nsubjpass", "dobj"):
        return True
    return token.dep_ == "pobj" and according_to(token.head.head)


def _body_or_document(token: Any) -> bool:
    """ "The IMF", "The Post", "The Cruz campaign", "The letter": a noun phrase that may go
    on as "it" (a single name without "the" may be a person the recognizer misread)."""
    if token.ent_type_ == "ORG" and token.pos_ == "PROPN":
        return (
            token.is_upper
            or any(c.dep_ == "det" for c in token.children)
            or any(c.dep_ == "compound" for c in token.children)
        )
    lemma = token.lemma_.lower()
    return token.pos_ == "NOUN" and (lemma in DOCUMENTS or lemma in ORG_HEADS)


def _nearer_conjunct(token: Any) -> Any:
    """The adverbial clause a conjoined verb goes on from when the parser joined it to the
    verb that clause hangs on ("which she was doing when police located her and told her to
    leave": the police told her): a clause with a subject of its own that ends right before
    the conjunction."""
    if token.dep_ != "conj":
        return None
    head = token.head
    clauses = [
        c
        for c in head.children
        if c.dep_ == "advcl"
        and head.i < c.i < token.i
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
    ]
    if not clauses:
        return None
    between = token.doc[clauses[-1].right_edge.i + 1 : token.i]
    joined = any(t.dep_ == "cc" for t in between)  # "located her and told her"
    return clauses[-1] if joined and all(t.dep_ == "cc" or t.is_punct for t in between) else None


#: Pronouns that can be the object that controls an infinitive: "forced him to admit".
_OBJECT_PRONOUNS = _EN.words("object_pronouns")

#: Verbs by which their object did what the infinitive says ("forced Stumpf to admit": he
#: admitted); "asked him to explain", "urged them to say" report nothing he or they said.
_MADE_TO = _EN.words("made_to_verbs")
#: Verbs that ask or require their object to do what the infinitive says, which is then
#: neither done nor the subject's ("requires candidates to disclose", "asked reporters to
#: ask"); not "used his speech to call for", "joined other senators to reject": the subject's.
_ASKED_TO = _EN.words("asked_to_verbs")


def _objects_before_infinitive(token: Any, verbs: frozenset[str]) -> list[Any]:
    """The direct objects of one of ``verbs`` before ``token``, its "to" infinitive ("forced
    Stumpf ... to admit", "requires candidates to disclose"); none for another shape."""
    head = token.head
    if token.dep_ != "xcomp" or head.lemma_.lower() not in verbs:
        return []
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return []
    return [c for c in head.children if c.dep_ == "dobj" and c.i < token.i]


def _object_controller(token: Any) -> Any:
    """ "The senator forced Stumpf ... to admit that ...", "pressure led him to concede": the
    named or pronoun object of a verb that makes its object act says the infinitive's verb."""
    for child in _objects_before_infinitive(token, _MADE_TO):
        if child.pos_ == "PROPN" or child.lower_ in _OBJECT_PRONOUNS:
            return child
    return None


def _told_to(token: Any) -> bool:
    """Whether ``token`` is the infinitive of a verb with an object that would do it ("requires
    candidates to disclose", "asked Obama to explain", "urged reporters to say"): the object's
    act, asked or demanded, not the subject's (a document is no such object: "released a
    statement to say")."""
    objects = _objects_before_infinitive(token, _ASKED_TO)
    return any(c.lemma_.lower() not in UTTERANCES for c in objects)


#: Pronouns that can stand for a speaker as a subject.
_SPEAKING_PRONOUNS = _EN.words("speaking_pronouns")


def may_speak(token: Any) -> bool:
    """Whether a subject names someone who can speak: a person's or an organization's name, or
    a personal pronoun (a place in a list, "voters in Alabama, Georgia and Virginia", is not)."""
    return token.ent_type_ in ("PERSON", "ORG") or token.lower_ in _SPEAKING_PRONOUNS


def agentless_passive(cue: Any) -> bool:
    """A verb in the passive with no agent ("Texas was called for Cruz", "the island was known
    as ...", "to be considered ..."): its subject is what is spoken of, and nobody named speaks
    ("he's predicted big wins" reads "has" as the passive's "is": not passive)."""
    auxiliaries = [c for c in cue.children if c.dep_ == "auxpass"]
    if any(c.lower_ in ("'s", "’s") for c in auxiliaries):
        return False
    passive = auxiliaries or any(c.dep_ == "nsubjpass" for c in cue.children)
    return bool(passive) and not any(c.dep_ == "agent" for c in cue.children)


def finite_tag(verb: Any) -> str:
    """The tag of a verb's finite form: its first auxiliary's ("have been calling": have)."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i]
    return str(auxiliaries[0].tag_ if auxiliaries else verb.tag_)


def past_beside_modal(token: Any) -> bool:
    """Whether ``token`` is a verb that the parser joined to a reported clause's verb though
    it cannot share that verb's auxiliary ("said that the country would declare ... and
    suggested that ...", "said his attacks have given ... and said that ...") or tense ("says
    the response was ... and says he introduced ..." in the reporting verb's tense; "believe
    relief is possible ... and have been calling on Congress", by its own auxiliary): the
    reporter's next act, not the reported subject's."""
    head = token.head
    if token.dep_ != "conj" or head.dep_ != "ccomp":
        return False
    reporting = head.head
    if reporting.pos_ not in ("VERB", "AUX"):
        return False
    if any(t.text == "," for t in token.doc[reporting.i + 1 : head.i]):
        return False  # "When Lee announced his bid, Ortiz was holding a meeting and told ..."
    tag = finite_tag(token)
    if any(c.dep_ == "aux" for c in token.children):
        return tag == reporting.tag_ and finite_tag(head) in FINITE and finite_tag(head) != tag
    if token.tag_ not in FINITE:
        return False
    if head.tag_ in ("VB", "VBN", "VBG"):
        return any(c.dep_ == "aux" for c in head.children)
    return head.tag_ in FINITE and head.tag_ != token.tag_ and token.tag_ == reporting.tag_


def inverted_subject(cue: Any) -> Any:
    """ "..., said Robert Reich, who ...": the name right after the verb, when the parser hung
    it elsewhere."""
    doc = cue.doc
    for token in doc[cue.i + 1 : cue.i + 6]:
        if a_time(token):
            return None  # "an official ... said Wednesday, ...": when, not who
        if token.pos_ in ("PROPN", "NOUN") and token.dep_ not in ("compound", "amod", "poss"):
            return token
        if token.dep_ == "amod" and token.head.i > token.i:
            continue  # "said retired neurosurgeon Ben Carson", "retired" read as a verb
        if token.pos_ not in ("PROPN", "NOUN", "DET", "ADJ", "PART") and not token.is_punct:
            return None
        if token.is_punct:
            return None
    return None


#: Prepositions by which a reporting noun is the subject's own means of saying ("said in a
#: statement", "wrote on Twitter", "told reporters during an interview").
_MEANS_PREPOSITIONS = _EN.words("means_prepositions")

#: Prepositions after which a name and a gerund are one scene: "footage of Lopez saying",
#: "a clip with Reyes telling voters".
_SCENE_PREPOSITIONS = _EN.words("scene_prepositions")


def _gerund_agent(token: Any) -> Any:
    """ "The ad ends with footage of Lopez saying ...": the name right before a gerund that has
    no subject of its own, object of "of" or "with", says it (the parser hung the gerund on the
    sentence's verb, whose subject is the ad)."""
    if token.tag_ != "VBG" or token.i < 2 or token.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return None
    name = token.doc[token.i - 1]
    if name.pos_ != "PROPN" or name.dep_ != "pobj" or name.head.lower_ not in _SCENE_PREPOSITIONS:
        return None
    return name


def _speaks_for(noun: Any, which: Any) -> bool:
    """Whether ``which`` after ``noun`` may say something: a document ("the study, which notes
    that ..."), or an organization it follows with no comma ("the Chicago Police Department
    which reported ..."). The parser hangs a "which" on many a noun that says nothing ("brain
    cancer, which ..."), and an organization's "which" clause after a comma is an aside ("the
    Republican Governors Association, which despite having to defend more seats ...")."""
    if noun.lemma_.lower() in DOCUMENTS:
        return True
    return bool(noun.ent_type_ == "ORG" and which.i == noun.i + 1)


def _relative_antecedent(noun: Any, relative: Any) -> Any:
    """What "who" (``relative``) stands for: the noun the clause hangs on, unless that is no
    person and the noun ends a phrase apposed to a person's name ("Howard Rubel, a senior
    analyst at Jefferies, who notes ...": Rubel, not Jefferies; "Maria Lopez of the Acme
    Institute, who said ...": Lopez), or the noun right before "who" names people and the one
    the clause hangs on does not ("calls from listeners to his radio program who said":
    listeners; "a focal point for demonstrators here, who have taken to the streets")."""
    if relative.lower_ != "who" or noun.ent_type_ == "PERSON":
        return noun
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.lemma_ in ("name", "call")):
        named = [c for c in acl.children if c.dep_ in ("oprd", "attr") and c.ent_type_ == "PERSON"]
        if named:  # "an academic named Eric Kingson, who ...": Kingson
            return named[0]
    token = noun
    for _ in range(4):
        if token.dep_ == "pobj" and token.head.dep_ == "prep":
            token = token.head.head
        elif token.dep_ == "appos":
            token = token.head
        else:
            break
        if token.ent_type_ == "PERSON":
            return token
    if _a_thing(noun):  # not "those who", "some who", "the 30 percent who"
        nearest = _people_before(relative)
        if nearest is not None and nearest.i != noun.i:
            return nearest
    return noun


def _names_people(token: Any) -> bool:
    """Whether a noun may name a person or people: a person's name, a nationality or group, a
    title, tie or kin ("the senator", "her lawyer", "his wife"), or a noun of ``PEOPLE_ENDINGS``
    or ``PEOPLE_WORDS`` (speakers/titles.py)."""
    lemma = token.lemma_.lower()
    if token.ent_type_ in ("PERSON", "NORP"):
        return True
    if lemma in PERSON_TITLES or lemma in RELATIONS or lemma in MEMBERS or lemma in KINSHIP:
        return True
    return (
        lemma in GENERIC_TITLES
        or token.lower_ in PEOPLE_WORDS
        or token.lower_.endswith(PEOPLE_ENDINGS)
    )


def _a_thing(noun: Any) -> bool:
    """Whether a noun names neither people nor a share of them ("a radio program", "a focal
    point", "Capitol Hill"; not "those", "some", "the 30 percent")."""
    if noun.pos_ not in ("NOUN", "PROPN") or noun.like_num or noun.lemma_.lower() == "percent":
        return False
    return not _names_people(noun)


def _people_before(relative: Any) -> Any:
    """The nearest noun naming people in the few words before a relative pronoun, within its
    noun phrase (no verb between: "listeners to his radio program who", "demonstrators here,
    who"), or None."""
    doc = relative.doc
    for k in range(relative.i - 1, max(-1, relative.i - 7), -1):
        token = doc[k]
        if token.pos_ in ("VERB", "AUX") or token.text in (";", ":", ".", "—"):
            return None
        if token.pos_ in ("NOUN", "PROPN") and _names_people(token):
            return token
    return None


FINITE = frozenset({"VBD", "VBZ", "VBP"})


#: Entity kinds of places, which a preposition's object names as where, not who.
_PLACES = frozenset({"GPE", "LOC", "FAC"})


def name_before(cue: Any) -> Any:
    """ "Campaigning for his wife, former president Bill Clinton said": the name right before a
    finite cue with no subject, which the parser hung on the phrase before it, or before the
    age set off after it (""...," Ramos, 58, told AFP")."""
    if cue.i < 1 or cue.pos_ != "VERB" or cue.tag_ not in FINITE:
        return None
    doc = cue.doc
    left = doc[cue.i - 1]
    if cue.i >= 4 and left.text == "," and doc[cue.i - 2].like_num and doc[cue.i - 3].text == ",":
        aged = doc[cue.i - 4]  # ""...," Ramos, 58, told AFP": the name with its age
        return aged if aged.pos_ == "PROPN" and aged.ent_type_ in ("PERSON", "ORG", "") else None
    if a_time(left) or (left.dep_ == "pobj" and left.ent_type_ in _PLACES):
        return None  # "the priority placed on voters in Florida shows ...": where, not who
    return left if left.pos_ == "PROPN" and left.dep_ in ("appos", "conj", "pobj") else None


def participle_subject(cue: Any) -> Any:
    """ "Sen. Ann Holm (D-Ill.), noting the size of the crowd, said": the subject the parser
    hung on the participle between it and a cue that has none of its own."""
    if cue.pos_ != "VERB" or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return None
    for child in cue.children:
        if child.i < cue.i and child.dep_ in ("ccomp", "advcl") and child.tag_ == "VBG":
            subjects = [c for c in child.children if c.dep_ == "nsubj" and c.i < child.i]
            if subjects and subjects[0].pos_ in ("PROPN", "NOUN"):
                return subjects[0]
    return None


def appositive_subject(cue: Any) -> Any:
    """ "on Dec. 2, Col. Steven Warren, a military spokesman, said": the name the parser took for
    an apposition of the phrase before it, when the cue has no subject."""
    doc = cue.doc
    if cue.i < 2 or cue.pos_ != "VERB":
        return None
    comma = doc[cue.i - 1].text == ","
    token, found = doc[cue.i - 2] if comma else doc[cue.i - 1], None
    while token.head.i < cue.i and token.head.i != token.i:
        if token.dep_ == "appos" and (
            (comma and token.pos_ == "PROPN")
            # "with Sanders's team, a White House official who spoke anonymously ... said":
            # a person whose relative clause ends at the cue
            or (_names_people(token) and any(c.dep_ == "relcl" for c in token.children))
        ):
            found = token
        token = token.head
    return found if token.head.i == cue.i else None


def speaking_aside(token: Any) -> bool:
    """A participle of a speech verb hung on a clause (", adding ...", "while noting ..."):
    the speaker's next act, not more of what was reported."""
    if token.dep_ != "advcl" or token.tag_ != "VBG":
        return False
    lemma = lemma_of(token)
    return lemma in SPEECH_VERBS or lemma in NAMING


#: Verbs that name what they speak of (", calling it "an incredible feat"").
NAMING = _EN.words("naming_verbs")
#: Participles that give a thing its name or class ("a play called ...", "a group known as
#: ...", "messages later deemed ''top secret''").
NAME_GIVING = NAMING | _EN.words("name_giving")


def reduced_relative(token: Any) -> bool:
    """A naming verb as a participle on the thing it names, which nobody named says: hung on
    the noun ("a play called "Sons of Trump"", "a group known as ...") or, however the parser
    hung it, in a past form with no subject right after the object it describes, adverbs
    aside ("handled messages later deemed ''top secret''"). Not with two objects ("called
    Trump "a prince"", "One of the docs who sent the letter called Oz a quack": a main verb)."""
    if token.tag_ not in ("VBD", "VBN") or lemma_of(token) not in NAME_GIVING:
        return False
    if sum(c.dep_ in ("dobj", "oprd", "ccomp") and c.i > token.i for c in token.children) > 1:
        return False
    if token.dep_ == "acl" and token.tag_ == "VBN":
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        return False
    k = token.i - 1
    while k >= 0 and token.doc[k].pos_ == "ADV":
        k -= 1
    return k >= 0 and token.doc[k].pos_ == "NOUN" and token.doc[k].dep_ in ("dobj", "pobj")


def _reported_clause_of_aside(token: Any) -> Any:
    """The reported clause a speaking aside was hung inside ("insisted it was premature, while
    adding ...", "said Clinton will have to choose ..., saying ..."), climbing the infinitives
    the aside hangs on; None when the aside is no such thing. Its head, the reporting verb,
    is who says the aside."""
    if not speaking_aside(token):
        return None
    head = token.head
    for _ in range(3):  # "will have to choose": the aside hangs on the infinitive
        if head.dep_ != "xcomp" or head.head.i == head.i:
            break
        head = head.head
    if head.dep_ != "ccomp" or lemma_of(head.head) not in SPEECH_VERBS:
        return None
    # not "..., Lewandowski added, saying ...": a report of its own, whose subject says it
    if lemma_of(head) in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in head.children):
        return None
    return head


def is_dash(token: Any) -> bool:
    """A dash, or a hyphen standing alone between spaces ("an aggressive - some say
    unrealistic - pledge"), not one inside a word ("co-founder")."""
    if token.text in ("—", "–", "--"):
        return True
    spaced = token.i > 0 and token.doc[token.i - 1].whitespace_
    return bool(token.text == "-" and token.whitespace_ and spaced)


def noun_phrase(token: Any) -> tuple[int, int]:
    """Token indices ``[i, j)`` of the noun phrase headed by ``token``.

    Clauses and appositions are left out; "of" + a proper name is kept ("President of Belarus").
    """
    left = token.i
    for child in token.lefts:
        if child.dep_ in _NP_LEFT_DEPS:
            left = min(left, child.left_edge.i)
    right = token.i + 1
    for child in token.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and token.lower_ in PARTITIVES:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:  # "one of his advisers", "some of them", "a number of members of
                # Congress"; not their relative clause
                right = max(right, noun_phrase(objects[0])[1])
        elif child.dep_ == "prep" and child.lower_ == "of" and token.pos_ in ("NOUN", "PROPN"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ == "PROPN":
                right = max(right, objects[0].right_edge.i + 1)
        elif child.dep_ in ("compound", "flat") and child.i == right:
            right = child.i + 1
        elif (
            child.dep_ in ("amod", "prep", "acl")
            and token.lower_ in NOT_SPEAKERS
            and child.left_edge.i == right
            and not any(t.pos_ == "PROPN" for t in child.subtree)
        ):  # "those close to him", "those surveyed"; not "those mourning Ali", who is not Ali
            right = max(right, child.right_edge.i + 1)
    doc = token.doc
    while right > token.i + 1 and (doc[right - 1].is_space or doc[right - 1].is_punct):
        right -= 1
    for k in range(token.i - 1, left - 1, -1):  # "LONDON (Reuters) - Donald Trump": stop at - or )
        if (doc[k].is_punct and doc[k].text not in (".", "'", "’", "-")) or is_dash(
            doc[k]
        ):  # a spaced hyphen is a dash ("an aggressive - some say unrealistic - pledge")
            left = k + 1
            break
    while left < token.i and (doc[left].is_punct or doc[left].is_space):
        left += 1
    return left, right


def entity_of(token: Any) -> Any:
    """The named entity that contains ``token``, if any."""
    if not token.ent_type_:
        return None
    for ent in token.doc.ents:
        if ent.start <= token.i < ent.end:
            return ent
    return None


def mention_for(frame: Frame, token: Any) -> MentionRef:
    """The speaker mention headed by ``token``."""
    doc = token.doc
    lower = token.lower_
    if token.tag_ in ("PRP", "PRP$") or lower in PRONOUNS:
        return MentionRef(frame.start(token), frame.end(token), "pronoun", lower)
    # "the company's chief executive, Jane Doe, said": the apposed name is the speaker
    child = _apposed_person(token)
    if child is not None:
        ent = entity_of(child) or doc[child.i : child.i + 1]
        i, j = noun_phrase(token)
        return MentionRef(
            frame.offset + ent.start_char,
            frame.offset + ent.end_char,
            "name",
            child.lower_,
            "PERSON",
            appos_role=(frame.offset + doc[i].idx, frame.end(doc[j - 1])),
        )
    i, j = noun_phrase(token)
    if token.lemma_.lower() in DOCUMENTS:  # "a statement from the Security Council said"
        for child in token.rights:
            if child.dep_ == "prep" and child.lower_ in ("from", "by"):
                j = max(j, child.right_edge.i + 1)
            elif child.tag_ == "VBN" and child.lemma_.lower() in AUTHORING:
                for agent in child.children:  # "a complaint filed by the SEC"
                    named = [g for g in agent.children if g.dep_ == "pobj" and g.ent_type_]
                    if agent.dep_ == "agent" and agent.i == child.i + 1 and named:
                        j = max(j, agent.right_edge.i + 1)
    ent = entity_of(token)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"):
        i, j = min(i, ent.start), max(j, ent.end)
        kind = "name" if ent.label_ == "PERSON" else "organization"
        appos = _appos_role(frame, token)
        return MentionRef(
            frame.start(doc[i]), frame.end(doc[j - 1]), kind, lower, ent.label_, appos_role=appos
        )
    role = token.lemma_.lower()  # "Member of House panel says", "Former White House Doctor
    # Says": a role, not a name, however a headline capitalizes it
    titled = (
        role in PERSON_TITLES
        or role in MEMBERS
        or role in RELATIONS
        or any(c.dep_ in ("det", "poss") for c in token.children)
    )
    kind = "name" if token.pos_ == "PROPN" and not titled else "nominal"
    return MentionRef(
        frame.start(doc[i]),
        frame.end(doc[j - 1]),
        kind,
        token.lemma_.lower(),
        appos_role=_appos_role(frame, token),
    )


_PLACE_LABELS = frozenset({"ORG", "GPE", "LOC", "FAC"})


def _apposed_person(token: Any) -> Any:
    """The person's name set in apposition to the noun ``token`` (not itself a name): "the
    company's chief executive, Jane Doe"; also through a second apposition ("The other man,
    his cousin James York,") and past a place or organization the noun is at or of ("His
    former business partner at Lenox, Lawrence B. Cummings,"), where the parser hangs the
    name on the nearer noun."""
    if token.ent_type_ == "PERSON":
        return None
    for child in token.children:
        if child.dep_ == "appos" and child.ent_type_ == "PERSON":
            return child
    for child in token.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            inner = [c for c in child.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"]
            if inner:
                return inner[0]
        if child.dep_ == "prep":
            for place in child.children:
                if place.dep_ == "pobj" and place.ent_type_ in _PLACE_LABELS:
                    for c in place.children:
                        if c.dep_ == "appos" and c.ent_type_ == "PERSON":
                            return c
    return None


def apposed_role(anchor: Any, appos: Any) -> bool:
    """Whether ``appos``, parsed as in apposition to ``anchor``, may be a role: not the clause
    that an opening "according to" source introduces, misread as one ("According to ... Rush
    Limbaugh, the move reeks of fear": a role there is closed by a comma, "According to Jane
    Roe, a spokeswoman, the ...")."""
    if not (anchor.dep_ == "pobj" and according_to(anchor.head.head)):
        return True
    if anchor.head.head.i > anchor.sent.root.i:
        return True  # "..., according to Jane Roe, a spokeswoman for the agency."
    after = appos.right_edge.i + 1
    return after < len(appos.doc) and appos.doc[after].text in (",", "—", "–", ")")


def _appos_role(frame: Frame, token: Any) -> tuple[int, int] | None:
    for child in token.children:
        if (
            child.dep_ == "appos"
            and child.pos_ in ("NOUN", "PROPN")
            and child.ent_type_ != "PERSON"
            and apposed_role(token, child)
        ):
            left, right = child.left_edge, child.right_edge
            doc = token.doc
            while left.i < right.i and (left.is_punct or left.dep_ == "det"):
                left = doc[left.i + 1]
            while right.i > left.i and right.is_punct:
                right = doc[right.i - 1]
            return frame.start(left), frame.end(right)
    return None


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces and trailing commas, colons or dashes."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:-–—"):
        end -= 1
    return start, end


def addressee_of(frame: Frame, cue: Any) -> MentionRef | None:
    """Whom a statement is addressed to: "told reporters", "addressing the President"."""
    for child in cue.children:
        if let_know(cue) and child.dep_ == "nsubj":  # "let them know": them
            return mention_for(frame, child)
        told = child.dep_ == "dative" or (child.dep_ == "dobj" and cue.lemma_ == "tell")
        told = told or (child.dep_ == "nsubjpass" and cue.lemma_ == "ask")  # "X was asked"
        if told and not frame.quoted(child):
            return mention_for(frame, child)
        if child.dep_ == "advcl" and child.lemma_ == "address":
            objects = [c for c in child.children if c.dep_ == "dobj"]
            if objects:
                return mention_for(frame, objects[0])
    return None


def cue_span(frame: Frame, cue: Any) -> tuple[int, int]:
    if according_to(cue):
        return frame.start(cue), frame.end(cue.doc[cue.i + 1])
    particles = [c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1]
    end = frame.end(particles[0]) if particles else frame.end(cue)
    return frame.start(cue), end
