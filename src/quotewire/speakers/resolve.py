"""Speakers inside one article: named entities, their roles, and what every mention refers to.

Full names come from first mentions; a surname alone ("Putin") or an initial ("V. Putin") joins
the full name it fits; roles come from pre-modifiers ("Russian President Vladimir Putin") and
appositions ("Marko Saar, Estonia's foreign minister"). Titles ("the Russian leader", "his
Belarusian counterpart", "the President of Belarus") go to the person whose role fits them, and
pronouns to the person most recently in focus, in text order. Every lookup goes through an
index (people by name and words, named spans, mentions and subjects by recency), never through
every entity or mention of the article.
"""

from __future__ import annotations

import heapq
import re
import sys
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Literal

from quotewire.lang import profile
from quotewire.model import Entity, Mention
from quotewire.nlp.english import title_case
from quotewire.quotes.cues import DETERMINERS
from quotewire.quotes.frame import (
    DOCUMENTS,
    Found,
    Frame,
    MentionRef,
    apposed_role,
    noun_phrase,
)
from quotewire.quotes.intervals import IntervalIndex
from quotewire.speakers.given_names import gender_of
from quotewire.speakers.names import (
    SUFFIXES,
    PersonName,
    compound_surname,
    fold,
    may_name,
    misspelt,
    parse_person,
    same_full_name,
)
from quotewire.speakers.titles import (
    BODIES,
    GENDERED_NOUNS,
    GENERIC_ORG_HEADS,
    GENERIC_TITLES,
    HONORIFICS,
    INTERVIEW_WORDS,
    KINSHIP,
    LESSER_OFFICES,
    MEMBERS,
    ORG_HEADS,
    ORG_NAME_ENDINGS,
    PARTITIVES,
    PARTY_NOUNS,
    PARTY_WORDS,
    PERSON_TITLES,
    PLURAL_MEMBERS,
    PRESS_ROLES,
    RELATIONS,
    SAME_TIES,
    UNNAMED_PEOPLE,
    VARIATION_TITLES,
    same_nation,
)

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

KEPT_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "EVENT", "NORP"})
_PRONOUN_GENDER = _EN.word_map("pronoun_genders")
_TITLE_WORDS = frozenset(_PRONOUN_GENDER) | frozenset(PERSON_TITLES)
_PLURAL_PRONOUNS = _EN.words("plural_pronouns")
#: A person described by age: "the 34-year-old mother of three".
_AGED = re.compile(_EN.pattern("aged"))
_STRIP_WORDS = re.compile(_EN.pattern("strip_words"), re.IGNORECASE)
_ARTICLE = re.compile(_EN.pattern("article"), re.IGNORECASE)
_DEMONSTRATIVE = re.compile(_EN.pattern("demonstrative"), re.IGNORECASE)
#: A plural head and a preposition before the names of a group ("Friends of Mr. ", "some
#: longtime allies of Sen. ").
_GROUP_BEFORE = re.compile(_EN.pattern("group_before"))
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: Quotation marks that open a title a recognizer may take into a name ("Ava DuVernay’s ‘13th’").
_OPENING_MARKS = '‘“"«„'
_ACRONYM = re.compile(r"^[A-Z][A-Za-z]*[A-Z][A-Za-z]*$")
#: A title or honorific written just before a name ("Mrs. Cruz", "Sen. Cruz").
_TITLE_BEFORE = re.compile(_EN.pattern("title_before"))
#: An honorific that tells a gender, and the surname after it ("Mr. Obama", "Mrs. Clinton").
_HONORIFIC_BEFORE = re.compile(_EN.pattern("honorific_before"))
#: The words of a role that a title before a name stands for.
_TITLE_FORMS = {
    word: frozenset(forms.split()) for word, forms in _EN.word_map("title_forms").items()
}


@dataclass(frozen=True, slots=True)
class _Ent:
    """A named entity found in a paragraph: where, its cleaned name, its label, the span."""

    start: int
    end: int
    name: str
    label: str
    span: Any  # the spaCy span
    frame: Frame

    def labelled(self, label: str) -> _Ent:
        return _Ent(self.start, self.end, self.name, label, self.span, self.frame)


@dataclass(slots=True)
class Draft:
    """An entity being built."""

    id: str
    name: str
    type: str
    roles: list[str] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    gender: str = ""
    last_seen: int = -1
    spans: set[tuple[int, int]] = field(default_factory=set)  # of the mentions
    spoke: bool = False  # has been the speaker of a statement so far
    press: bool = False  # a reporter, columnist, interviewer or the byline's author
    starts: list[int] = field(default_factory=list)  # of the mentions, in order
    introduced: int = -1  # where first named with more than the surname, outside a headline

    @property
    def bystander(self) -> bool:
        """Someone of the press who has not been quoted: no pronoun goes to them."""
        return self.press and not self.spoke

    @property
    def number(self) -> int:
        """Its place in the order entities were made (``e1`` is 1)."""
        return int(self.id[1:])

    def add(self, text: str, start: int, end: int, kind: str) -> bool:
        """Record a mention; whether it is new."""
        if (start, end) in self.spans:
            return False
        self.spans.add((start, end))
        insort(self.starts, start)
        self.mentions.append(Mention(start=start, end=end, text=text[start:end], kind=kind))  # type: ignore[arg-type]
        self.last_seen = max(self.last_seen, start)
        return True

    def seen_before(self, pos: int) -> int:
        """Where its last mention before ``pos`` starts (-1: none)."""
        n = bisect_left(self.starts, pos)
        return self.starts[n - 1] if n else -1

    def nations(self) -> list[str]:
        return [w for role in self.roles for w in re.findall(r"[A-Z][\w'’]+", role)]

    def to_model(self) -> Entity:
        return Entity(
            id=self.id,
            name=self.name,
            type=self.type,
            roles=self.roles,
            mentions=sorted(self.mentions, key=lambda m: m.start),
        )


#: A member's party and district or state, written after the name ("D-Va.", "R-S.C.").
_PARTY_CODE = re.compile(r"[DRI]-[A-Z]")
#: The lower-case words that may open a recognized name ("the federal").
_CAPITAL = re.compile(r"(?:[a-z][\w-]*\s+)+(?=[A-Z])")


def _name_start(ent: Any, text: str) -> int:
    """Where the name starts in a recognized entity's text (``text``, read once: a span makes
    it anew from its tokens at each reading): after the lower-case words that open an
    organization's ("the federal Securities and Exchange Commission"), after the rest of a
    "Miss" title that opens a person's ("Miss Universe Alicia Machado" read as "Universe
    Alicia Machado": the word after "Miss" is no given name and the next one is)."""
    if ent.label_ != "PERSON":
        if clean_name(text)[:1].isupper():
            return 0
        capital = _CAPITAL.match(text)
        return capital.end() if capital is not None else 0
    if ent.start == 0 or ent.doc[ent.start - 1].text != "Miss" or len(ent) < 3:
        return 0
    if gender_of(ent[0].text) or not gender_of(ent[1].text):
        return 0
    return int(ent[1].idx - ent[0].idx)


@lru_cache(maxsize=100_000)
def clean_name(name: str) -> str:
    """A name without a leading article or title and without a possessive ending."""
    name = " ".join(name.split())
    while True:
        stripped = _STRIP_WORDS.sub("", name)
        if stripped == name or not stripped:
            break
        name = stripped
    return _POSSESSIVE.sub("", name.rstrip(" /" + _OPENING_MARKS)).strip(" ,./")


_NAME_TITLES = PERSON_TITLES | _EN.words("name_titles")


@lru_cache(maxsize=100_000)
def person_name(name: str) -> str:
    """A person's name without the titles that precede it ("Mayor Ellen Novak")."""
    words = clean_name(name).split()
    while len(words) > 1 and words[0].lower().rstrip(".") in _NAME_TITLES:
        words.pop(0)
    return " ".join(words)


def _may_be(read: PersonName, name: str) -> bool:
    """Whether the person named ``read`` may be the one already called ``name`` (either may
    be the shorter form of the other)."""
    other = parse_person(name)
    return other is not None and (may_name(read, other) or may_name(other, read))


class _People:
    """The people of an article by their name, first word and last word (lower case), each
    list in the order the entities were made: the lookups :meth:`Resolver._person_for` and
    :meth:`Resolver._surname` make, without going through every person."""

    def __init__(self) -> None:
        self.by_name: dict[str, list[Draft]] = {}
        self.by_first: dict[str, list[Draft]] = {}
        self.by_last: dict[str, list[Draft]] = {}

    def _keys(self, draft: Draft) -> list[tuple[dict[str, list[Draft]], str]]:
        words = draft.name.lower().split()
        read = parse_person(draft.name)
        if not words or read is None:
            return [(self.by_name, draft.name.lower())]
        return [
            (self.by_name, draft.name.lower()),
            (self.by_first, fold(words[0])),
            (self.by_last, read.surname),
        ]

    def add(self, draft: Draft) -> None:
        for index, key in self._keys(draft):
            insort(index.setdefault(key, []), draft, key=lambda d: d.number)

    def remove(self, draft: Draft) -> None:
        for index, key in self._keys(draft):
            drafts = index[key]
            del drafts[next(n for n, d in enumerate(drafts) if d is draft)]

    def named(self, name: str) -> list[Draft]:
        return self.by_name.get(name.lower(), [])

    def first(self, word: str) -> list[Draft]:
        return self.by_first.get(word, [])

    def last(self, word: str) -> list[Draft]:
        return self.by_last.get(word, [])


class _Latest:
    """The best-ranked entry, among those at positions before ``x``, whose entity a pronoun of
    a gender may refer to (an entity of that gender or of none yet), for ``x`` that never goes
    down: entries wait in a heap by position until ``x`` passes them, then join one heap per
    pronoun gender, where an entry whose entity took the other gender is dropped for good (an
    entity's gender is only ever set once). :meth:`best` says False when ``x`` went down, and
    the caller then looks the slow way."""

    GENDERS = ("m", "f")

    def __init__(self) -> None:
        self.pending: list[tuple[int, int, tuple[int, int], Draft]] = []
        self.ready: dict[str, list[tuple[tuple[int, int], int, Draft]]] = {
            g: [] for g in self.GENDERS
        }
        self.count = 0
        self.reached = -1

    def add(self, pos: int, rank: tuple[int, int], draft: Draft) -> None:
        """An entry at ``pos``; the smaller its ``rank``, the better."""
        heapq.heappush(self.pending, (pos, self.count, rank, draft))
        self.count += 1

    def best(self, x: int, gender: str, avoid: Draft | None = None) -> tuple[bool, Draft | None]:
        """The best entry before ``x`` for a pronoun of ``gender``, passing over the press
        (:meth:`Draft.bystander`) and ``avoid``; whether it could be looked up the fast way."""
        if x < self.reached or gender not in self.ready:
            return False, None
        self.reached = x
        while self.pending and self.pending[0][0] < x:
            _, n, rank, draft = heapq.heappop(self.pending)
            for heap in self.ready.values():
                heapq.heappush(heap, (rank, n, draft))
        heap = self.ready[gender]
        passed = []
        while heap and (
            heap[0][2].gender not in ("", gender) or heap[0][2].bystander or heap[0][2] is avoid
        ):
            entry = heapq.heappop(heap)
            if entry[2].gender in ("", gender):
                passed.append(entry)  # a reporter for now: may be quoted later
        found = heap[0][2] if heap else None
        for entry in passed:
            heapq.heappush(heap, entry)
        return True, found


class Resolver:
    """Builds the article's entities and resolves speaker mentions, in text order."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.entities: list[Draft] = []
        self.by_span: dict[tuple[int, int], Draft] = {}
        self.last_subject: list[tuple[int, Draft]] = []
        self.last_speaker: tuple[int, Draft] | None = None
        self.people = _People()
        self.others: dict[str, Draft] = {}  # the first entity not a person of each name
        self._spans: IntervalIndex[tuple[int, int]] | None = None  # ``by_span``, indexed
        self._subjects = _Latest()  # ``last_subject`` and ``_name_subjects``, latest first
        self._surname_genders: dict[str, str] | None = None  # "Obama" -> "m" (_usual_honorific)
        self._name_subjects: list[tuple[int, Draft]] = []  # people named as main subjects,
        # in text order
        self._spelt_out: dict[str, Draft] = {}  # organizations by the initials of their name
        self._headlines = Headlines("", ())  # the article's title-case paragraphs
        self._mentioned = _Latest()  # people's mentions, latest (then earliest made) first
        self._roled: list[Draft] = []  # the people with a role, in the order they were made
        self._titled: dict[str, list[Draft]] = {}  # the same, by each title word in a role
        self._titled_keys: set[tuple[str, int]] = set()
        self._answered: tuple[Draft | None] | None = None  # the interviewee, once found

    # --- named entities -------------------------------------------------------------------
    def _new(self, name: str, label: str) -> Draft:
        draft = Draft(f"e{len(self.entities) + 1}", name, label)
        if label == "PERSON":  # "Melanie" alone: the given name tells too
            draft.gender = gender_of(name)
        self.entities.append(draft)
        if label == "PERSON":
            self.people.add(draft)
        else:
            self.others.setdefault(name.lower(), draft)
        return draft

    def _person_for(self, name: str, pos: int) -> Draft:
        tokens = name.split()
        own = self._own_honorific(pos)
        same = [d for d in self.people.named(name) if not own or d.gender in ("", own)]
        if same:
            return same[0]
        read = parse_person(name)
        last = read.surname if read is not None else ""
        if len(tokens) == 1 or read is None:
            first = fold(tokens[0]) if tokens else ""
            fits = sorted(
                {id(d): d for d in (*self.people.last(last), *self.people.first(first))}.values(),
                key=lambda d: d.number,
            )
        else:
            fits = [d for d in self.people.last(read.surname) if _may_be(read, d.name)]
        gender = own or self._usual_honorific(name)
        if gender and fits and len(tokens) == 1:
            # "Mr. Obama" is not "the first lady, Michelle Obama", the only Obama named in
            # full, and nor is a bare "Obama" where the article writes "Mr. Obama" each time
            # (but where it writes "Mrs. Vance", "Sen. Vance" may still be Tom Vance)
            surnamed = {id(d) for d in self.people.last(last)}  # not "Mr. Lou" (Lou Jiwei),
            if own:  # whose given name this is
                fits = [d for d in fits if d.gender in ("", own) or id(d) not in surnamed]
            elif not any(
                d.gender in ("", gender) for d in fits if id(d) in surnamed and " " in d.name
            ):
                fits = [d for d in fits if " " not in d.name or id(d) not in surnamed]
            if not fits:
                draft = self._new(name, "PERSON")
                draft.gender = gender
                return draft
        if len(fits) > 1:
            fits = self._fitting_title(fits, pos)
        if len(fits) > 1 and len(tokens) == 1:
            # "Cruz said": the senator, not "his wife, Heidi Cruz", whom the text calls Heidi
            principal = [d for d in fits if not _kin(d)]
            fits = principal or fits
        if len(fits) > 1 and len(tokens) == 1:
            # "Clinton" where Hillary and Bill Clinton are both named: the one a sentence just
            # before made its subject, else the one the article introduced first (the writer
            # names the other one in full each time), not whoever was named last
            never = len(self.text)
            return self._in_focus(fits, pos) or min(
                fits, key=lambda d: (d.introduced if d.introduced >= 0 else never, d.number)
            )
        if fits:
            # the one the passage is about: mentioned last before here, else the most mentioned
            best = max(fits, key=lambda d: (d.seen_before(pos), len(d.mentions), -d.number))
            if len(tokens) > 1 and (len(name) > len(best.name) or _better_spelt(name, best.name)):
                self.people.remove(best)
                best.name = name
                self.people.add(best)
                best.gender = best.gender or gender_of(name)
            return best
        if len(tokens) == 1:
            slipped = self._misspelt(name, pos)
            if slipped is not None:
                return slipped
        return self._new(name, "PERSON")

    def _misspelt(self, name: str, pos: int) -> Draft | None:
        """The one person named in full before ``pos`` whose surname the surname ``name``
        misspells ("McLenney said" after "Tyresha McClenney"), or None."""
        if " " in name or not name[:1].isupper():
            return None
        slips = []
        for draft in self.entities:
            read = parse_person(draft.name) if draft.type == "PERSON" else None
            if read is None or read.bare or draft.seen_before(pos) < 0:
                continue
            if misspelt(name, read.surname):
                slips.append(draft)
        return slips[0] if len(slips) == 1 else None

    def _own_honorific(self, pos: int) -> str:
        """The gender of the honorific written just before a name at ``pos`` or opening it
        ("Mr. Obama", "Mrs. Clinton"), or ""."""
        found = _TITLE_BEFORE.search(self.text, max(0, pos - 24), pos)
        found = found or _HONORIFIC_BEFORE.match(self.text, pos)
        return HONORIFICS.get(found.group(1).lower(), "") if found is not None else ""

    def _usual_honorific(self, name: str) -> str:
        """The gender every honorific the article writes before the bare surname ``name``
        gives ("Mr. Obama" each time), or "" when none does or they disagree."""
        if " " in name or not name[:1].isupper():
            return ""
        if self._surname_genders is None:  # one pass over the article, on first use
            told: dict[str, set[str]] = {}
            for m in _HONORIFIC_BEFORE.finditer(self.text):
                surname = _POSSESSIVE.sub("", m.group(2))
                told.setdefault(surname, set()).add(HONORIFICS.get(m.group(1).lower(), ""))
            self._surname_genders = {k: next(iter(v)) for k, v in told.items() if len(v) == 1}
        return self._surname_genders.get(name, "")

    def _paragraph_start(self, pos: int, back: int) -> int:
        """Where the paragraph ``back`` paragraphs before the one of ``pos`` starts (0: its
        own), or 0 when the text has fewer: found by walking back over the line breaks, not
        by scanning the text from its start."""
        text, start = self.text, pos
        for _ in range(back + 1):
            newline = text.rfind("\n", 0, start)
            if newline < 0:
                return 0
            start = newline + 1
            if _ < back:  # step over the whole run of blank lines before this paragraph
                while newline > 0 and text[newline - 1].isspace():
                    newline -= 1
                start = newline
        return start

    def _in_focus(self, fits: list[Draft], pos: int) -> Draft | None:
        """Of ``fits``, the one named as a main subject in the paragraph of ``pos`` or the two
        before it (the latest), or None."""
        since = max(self._paragraph_start(pos, 2), pos - 2000)
        first = bisect_left(self._name_subjects, since, key=lambda p: p[0])
        last = bisect_left(self._name_subjects, pos, key=lambda p: p[0])
        for _, draft in reversed(self._name_subjects[first:last]):
            if any(draft is f for f in fits):
                return draft
        return None

    def _fitting_title(self, fits: list[Draft], pos: int) -> list[Draft]:
        """Of the people a name may be, those the title written just before it fits: "Mrs."
        a woman or a person of unknown gender, "Sen." a senator (when one of them is)."""
        found = _TITLE_BEFORE.search(self.text, max(0, pos - 24), pos)
        if found is None:
            return fits
        word = found.group(1).lower()
        gender = HONORIFICS.get(word)
        if gender is not None:
            kept = [d for d in fits if d.gender in ("", gender)]
            exact = [d for d in kept if d.gender == gender]
            return exact or kept or fits
        titles = _TITLE_FORMS.get(word, frozenset({word}))
        holding = [
            d
            for d in fits
            if any(w in titles for role in d.roles for w in re.findall(r"\w+", role.lower()))
        ]
        return holding or fits

    def _other_for(self, name: str, label: str) -> Draft:
        draft = self.others.get(name.lower())
        if draft is None and label == "ORG" and _ACRONYM_NAME.match(name):
            draft = self._spelt_out.get(name)  # "PPIC" after "Public Policy Institute of ..."
        if draft is None:
            draft = self._new(name, label)
            if label == "ORG" and len(name.split()) > 1:
                self._spelt_out.setdefault(initials(name), draft)
        return draft

    def add_entities(
        self,
        frames: Sequence[Frame],
        orgs: Sequence[str] = (),
        labels: frozenset[int] = frozenset(),
    ) -> None:
        """Every named entity in the parsed paragraphs, in text order (full names first), but
        those that start where a transcript's label does (``labels``): a label is resolved as
        a person's name ("PENCE", not an organization "PENCE")."""
        ents: list[_Ent] = []
        headlines = self._headlines = Headlines(self.text, frames)
        for frame in frames:
            headline = headlines.holds(frame.offset)
            for ent in frame.doc.ents:
                if headline and ent.label_ == "PERSON":
                    ent = headlines.name_in(ent)
                if ent.label_ not in KEPT_LABELS:
                    continue
                label = ent.label_
                written = ent.text
                if _PARTY_CODE.match(written):
                    continue  # "(D-Newport News)", "R-Tenn.": a party and a place, no one
                skip = _name_start(ent, written)
                name = clean_name(written[skip:])
                if not name or not name[0].isupper():
                    continue
                if label == "PERSON" and (_ACRONYM.match(name) or name in orgs):
                    label = "ORG"
                if label == "NORP" and not (ent.root.pos_ == "PROPN" and ent.root.tag_ == "NNPS"):
                    continue
                start = frame.offset + ent.start_char
                if start in labels:
                    continue
                end = start + len(written)
                ents.append(_Ent(start + skip, end, name, label, ent, frame))
        ents = _relabel(ents)
        ents += _unrecognized_surnames(self.text, frames, ents, headlines)
        # full names before surnames, so that "Putin" in a headline finds "Vladimir Putin"
        for e in sorted(
            ents, key=lambda e: (e.label != "PERSON" or len(e.name.split()) < 2, e.start)
        ):
            start, end, name, label, ent, frame = e.start, e.end, e.name, e.label, e.span, e.frame
            draft = (
                self._person_for(person_name(name), start)
                if label == "PERSON"
                else self._other_for(name, label)
            )
            if label == "PERSON":
                if _INTERVIEWER.search(self.text, max(0, start - 60), start):
                    draft.press = True  # "in an interview with CNN's Gloria Borger"
                start = self._read_roles(draft, ent, frame, start)
                self._title_in_name(draft, name)
                if _main_subject(ent) and not frame.quoted(ent.root):
                    self._subjects.add(start, (-start, 0), draft)
                    insort(self._name_subjects, (start, draft), key=lambda p: p[0])
            self._add(draft, start, end, "name" if label == "PERSON" else "organization")
            self.by_span[(start, end)] = draft
        for draft in self.entities:
            draft.last_seen = -1

    def _read_roles(self, draft: Draft, ent: Any, frame: Frame, start: int) -> int:
        """Record the roles given to a person's name; returns where the mention starts
        (before a pre-modifying role: "Belarusian President Alexander Lukashenko")."""
        doc = ent.doc
        i = ent.start
        while i > 0:
            before = doc[i - 1]
            if before.dep_ not in ("compound", "amod", "nmod", "npadvmod", "poss", "case"):
                break
            if not (i - 1 <= before.head.i < ent.end + 3):
                break
            i -= 1
        if i < ent.start:
            words = doc[i : ent.start]
            gender = HONORIFICS.get(words[-1].lower_)
            if gender is not None:
                draft.gender = gender or draft.gender  # "Mr. Lou": the title tells
            elif self._add_role(draft, words.text, words):
                start = frame.start(words[0])
        for child in ent.root.children:
            if (
                child.dep_ == "appos"
                and child.ent_type_ != "PERSON"
                and child.pos_ in ("NOUN", "PROPN")
                and apposed_role(ent.root, child)
            ):
                lo, hi = role_phrase(child)
                self._add_role(draft, doc[lo:hi].text, doc[lo:hi])
        head = ent.root.head
        if ent.root.dep_ == "appos" and head.pos_ == "PROPN" and head.dep_ == "pobj":
            role = head.head.head  # "An attorney for Pagliano, Mark MacDougall": the parser
            if role.pos_ == "NOUN" and role.ent_type_ != "PERSON":  # hangs the name on the
                lo, hi = role_phrase(role)  # one the role is for; a tie to someone, which
                self._add_role(draft, doc[lo:hi].text, doc[lo:hi], titled=False)  # "One
                # Clinton spokesman" does not name: only "Clinton's spokesman" (_tied_to)
        elif ent.root.dep_ == "appos" and head.pos_ == "NOUN" and head.ent_type_ != "PERSON":
            lo, hi = noun_phrase(head)
            between = doc[hi : min(ent.start, ent.root.left_edge.i)]
            if not any(t.pos_ in ("VERB", "AUX") for t in between):
                # not "The firm ― which is owned partly by ... Bob Mercer ― also ...": words
                # with a verb between the noun and the name's own words ("her husband,
                # retired astronaut Mark Kelly") tell something else, the noun is no role
                self._add_role(draft, doc[lo:hi].text, doc[lo:hi])
        return start

    def _role(self, draft: Draft, role: str, *, titled: bool = True) -> None:
        """Give ``draft`` a role, and index it by the title words the role holds (``titled``:
        a nominal such as "the spokesman" may then name them)."""
        if not draft.roles and draft.type == "PERSON":
            insort(self._roled, draft, key=lambda d: d.number)
        draft.roles.append(role)
        if draft.type != "PERSON" or not titled:
            return
        if any(w in PRESS_ROLES for w in _ROLE_WORD.findall(role.lower())):
            draft.press = True
        for title in _titles_held(role.lower()):
            if (title, draft.number) not in self._titled_keys:
                self._titled_keys.add((title, draft.number))
                insort(self._titled.setdefault(title, []), draft, key=lambda d: d.number)

    def _title_in_name(self, draft: Draft, name: str) -> None:
        """ "Mayor Ellen Novak" as one name: "Mayor" is a role, "Mr." a gender."""
        kept = person_name(name)
        prefix = clean_name(name)[: -len(kept)].strip() if kept else ""
        if not prefix:
            return
        gender = HONORIFICS.get(prefix.split()[-1].lower())
        if gender is not None:
            draft.gender = gender or draft.gender
        elif prefix not in draft.roles:
            self._role(draft, prefix)

    def _add_role(self, draft: Draft, role: str, words: Any, *, titled: bool = True) -> bool:
        """Add ``role`` when it names an office or a trade; whether it does (``titled``: see
        :meth:`_role`)."""
        role = _ARTICLE.sub("", " ".join(role.split())).strip(" ,")
        if not role or len(role.split()) > 7 or _DEMONSTRATIVE.match(role):
            return False  # "Mary Fenwick, this reeks of fear": a clause the parser apposed
        if not any(t.pos_ in ("NOUN", "PROPN") and t.ent_type_ != "PERSON" for t in words):
            return False
        if any(t.ent_type_ in ("DATE", "TIME") for t in words):
            return False  # "last year Pagliano invoked ...": when, not who
        if not any(t.lemma_.lower().rstrip(".") in _NAME_TITLES or t.pos_ == "NOUN" for t in words):
            return False
        if role not in draft.roles:
            self._role(draft, role, titled=titled)
        return True

    # --- mentions -------------------------------------------------------------------------
    def resolve(
        self,
        ref: MentionRef,
        *,
        subject: bool = True,
        speaking: bool = False,
        avoid: Draft | None = None,
    ) -> Draft | None:
        """The entity ``ref`` refers to (and record the mention), or None; ``speaking``: the
        mention is the speaker of a statement; ``avoid``: who a pronoun cannot be (the person
        the statement is addressed to: "he told Rubio" is not Rubio)."""
        draft = self._lookup(ref, avoid)
        if draft is not None:
            draft.spoke = draft.spoke or speaking
            kind = {
                "pronoun": "pronoun",
                "nominal": "title",
                "interviewee": "name",
                "label": "name",
            }.get(ref.kind, ref.kind)
            if ref.kind == "name" and draft.type != "PERSON":
                kind = "organization"
            self._add(draft, ref.start, ref.end, kind)
            if ref.kind == "pronoun" and ref.head in _PRONOUN_GENDER and not draft.gender:
                draft.gender = _PRONOUN_GENDER[ref.head]
            if ref.appos_role is not None:
                role = _ARTICLE.sub("", self.text[ref.appos_role[0] : ref.appos_role[1]])
                if role not in draft.roles and len(role.split()) <= 7:
                    self._role(draft, role)
            if subject and draft.type == "PERSON":
                self._subjects.add(ref.start, (-ref.start, 0), draft)
                self.last_subject.append((ref.start, draft))
        return draft

    def _add(self, draft: Draft, start: int, end: int, kind: str) -> None:
        if draft.add(self.text, start, end, kind) and draft.type == "PERSON":
            self._mentioned.add(start, (-start, draft.number), draft)
        if kind == "name":
            self._note_full_name(draft, start, end)

    def _note_full_name(self, draft: Draft, start: int, end: int) -> None:
        """Keep ``draft.introduced`` up to date with a name mention at ``start``."""
        if 0 <= draft.introduced <= start or self._headlines.holds(start):
            return
        if len(_POSSESSIVE.sub("", self.text[start:end]).split()) > 1:
            draft.introduced = start

    def names_in(self, ref: MentionRef) -> list[tuple[int, int]]:
        """The spans of the entities named inside ``ref``, the one nearest the head of the
        phrase last (by end, then the shorter first)."""
        if self._spans is None or len(self._spans) != len(self.by_span):
            self._spans = IntervalIndex((s, e, (s, e)) for s, e in self.by_span)
        return sorted(
            (span for _, _, span in self._spans.overlapping(ref.start, ref.end)),
            key=lambda span: (span[1], span[1] - span[0]),
        )

    def person_in(self, ref: MentionRef) -> Draft | None:
        """The person named inside ``ref`` (nearest its head), without recording a mention."""
        people = [self.by_span[s] for s in self.names_in(ref) if self.by_span[s].type == "PERSON"]
        return people[-1] if people else None

    def _lookup(self, ref: MentionRef, avoid: Draft | None = None) -> Draft | None:
        if ref.kind == "label":  # a transcript's "PENCE:": the person of that name
            return self._person_for(
                person_name(clean_name(self.text[ref.start : ref.end])), ref.start
            )
        if ref.kind == "nominal" and (self._someone(ref) or ref.head in PARTITIVES):
            return None  # "a senior official", "some of Clinton's allies": nobody named
        spans = self.names_in(ref)
        inside = [self.by_span[span] for span in spans]
        people = [d for d in inside if d.type == "PERSON"]
        if (
            ref.kind == "nominal"
            and (
                ref.head in PERSON_TITLES
                or ref.head in RELATIONS
                or ref.head in GENDERED_NOUNS
                or self._member(ref)
            )
            and people
        ):
            # "Scott's niece", "McGovern's running mate", "Clinton's right-hand woman": the
            # owner of the title is someone else than the person it names
            owners = [self.by_span[(s, e)] for s, e in spans if self._owns(e, ref)]
            if owners and all(p in owners for p in people):
                other = self._title(ref) or self._tied_to(ref, owners)
                return other if other is not None and other not in owners else None
        if ref.kind == "nominal" and people and self._group_around(ref, spans):
            return None  # "Friends of Mr. Clinton's say", "Allies of Senator Reyes said"
        if (
            ref.kind == "nominal"
            and (ref.head in RELATIONS or self._member(ref))
            and inside
            and not people
            and any(self._owns(e, ref) for _, e in spans)
        ):
            return None  # "many Carrier workers", "GOP insiders": people of a body, not it
        if ref.kind == "nominal" and ref.head in BODIES and people:
            served = [self.by_span[(s, e)] for s, e in spans if self._owns(e, ref)]
            if served and served[-1].type == "PERSON":
                # "The Trump campaign has said ...": the campaign, not the candidate
                owner = served[-1].name.split()[-1]
                return self._other_for(f"{owner} {ref.head}", "ORG")
        named = ref.kind == "name" and ref.label in (None, "PERSON")
        fuller = self._fuller_name(ref) if named and inside else None
        if people and ref.kind == "nominal" and ref.head in DOCUMENTS:
            return people[0]  # "a letter from Smith to Jones", "an analysis by Epstein and
            # Quinn": its author is named first
        if people:
            if fuller is not None and _starts_with(fuller, people[-1].name):
                self.people.remove(people[-1])
                people[-1].name = fuller
                self.people.add(people[-1])
            return people[-1]
        if fuller is not None and _starts_with(fuller, inside[-1].name):
            misread = inside[-1]  # "Nell" read as an organization
            if any(not (ref.start <= m.start < ref.end) for m in misread.mentions):
                return self._person_for(fuller, ref.start)
            if self.others.get(misread.name.lower()) is misread:
                del self.others[misread.name.lower()]
            misread.type, misread.name = "PERSON", fuller
            misread.mentions = [m.model_copy(update={"kind": "name"}) for m in misread.mentions]
            for m in misread.mentions:
                self._note_full_name(misread, m.start, m.end)
            misread.gender = misread.gender or gender_of(fuller)
            self.people.add(misread)
            return misread
        if (
            inside
            and (ref.kind == "nominal" or ref.head in PARTY_NOUNS)
            and all(d.type in _PLACE_TYPES for d in inside)
        ):
            last = max(e for _, e in spans)
            if re.search(r"\w", self.text[last : ref.end]):
                # "Chicago residents", "Iowa voters", "a New Hampshire Republican": people of
                # the place, not it; "the Wisconsin Republican", "the Vermont senator": the
                # one the passage is about
                if not _DEFINITE.match(self.text, ref.start):
                    return None  # "a New Hampshire Republican", "Mexico's ambassador"
                if ref.head in PARTY_NOUNS:
                    return self._epithet(ref)
                return self._title(ref) or self._placed_title(ref)
        if inside and not (ref.kind == "nominal" and ref.head in PERSON_TITLES):
            return inside[-1]
        if ref.kind == "interviewee":
            return self._interviewee(ref.start)
        if ref.kind == "pronoun":
            return self._pronoun(ref, avoid)
        name = clean_name(self.text[ref.start : ref.end])
        if ref.kind == "nominal" and _AGED.match(self.text[ref.start : ref.end]):
            return self._title(ref) or self._aged(ref, avoid)
        if ref.kind == "nominal":
            surname = self._surname(name) or self._misspelt(name, ref.start)
            return (
                surname
                or self._known_other(name)
                or self._title(ref)
                or self._varied(ref)
                or self._placed_title(ref)
            )
        if ref.kind == "name" and name and name[0].isupper():
            name = self._unheadlined(name, ref.start)
            if ref.label in (None, "PERSON") and not (
                _company_word(name) and not self.people.last(name.lower())
            ):
                return self._person_for(person_name(name), ref.start)
            return self._other_for(name, "ORG" if ref.label in (None, "PERSON") else ref.label)
        return None

    def _someone(self, ref: MentionRef) -> bool:
        """Whether ``ref`` brings in someone new and unnamed: "a"/"an"/"one"/"another" before
        a person's title or kind ("a senior administration official", "one Trump campaign
        source", "an NBC reporter"), neither a person named before nor a body or person named
        inside it, unless it follows a name as its apposition ("said Ana Ruiz, a Democratic
        strategist")."""
        phrase = self.text[ref.start : ref.end]
        if not _INDEFINITE.match(phrase):
            return False
        head = ref.head
        if not (
            head in PERSON_TITLES
            or head in RELATIONS
            or head in MEMBERS
            or head in GENERIC_TITLES
            or head in UNNAMED_PEOPLE
        ):
            return False
        window = max(0, ref.start - 4)
        before = self.text[window : ref.start].rstrip()
        if not before.endswith(","):
            return True
        at = window + len(before[:-1].rstrip())  # where a name apposed to it would end
        return not any(end == at for d in self.entities if d.type == "PERSON" for _, end in d.spans)

    def _tied_to(self, ref: MentionRef, owners: Sequence[Draft]) -> Draft | None:
        """The one person whose role names the same tie to the same owner ("Pagliano's
        lawyer" after "An attorney for Pagliano, Mark MacDougall"), for a possessive and a
        singular tie only ("One Clinton spokesman", "Some Clinton allies" are others); else
        None."""
        phrase = self.text[ref.start : ref.end]
        words = phrase.lower().split()
        ties = SAME_TIES.get(ref.head, frozenset({ref.head}))
        if not _POSSESSED.search(phrase) or not words or words[-1] not in ties:
            return None
        surnames = {o.name.split()[-1].lower() for o in owners}
        found = [
            d
            for d in self._roled
            if d not in owners
            and any(
                ties & set(held) and surnames & set(held)
                for held in (_ROLE_WORD.findall(r.lower()) for r in d.roles)
            )
        ]
        return found[0] if len(found) == 1 else None

    def _member(self, ref: MentionRef) -> bool:
        """Whether a nominal names people by the body they belong to ("Carrier workers", "the
        RNC member", "GOP candidates")."""
        plural = self.text[ref.end - 1 : ref.end] == "s"
        return ref.head in MEMBERS or (ref.head in PLURAL_MEMBERS and plural)

    def _group_around(self, ref: MentionRef, spans: list[tuple[int, int]]) -> bool:
        """Whether the nominal ``ref`` is a group of people named by their tie to the people
        in it, who come after a preposition ("Friends of Mr. Clinton's", "Relatives of Jane
        Doe", "Allies to the senator"): a plural head before every name, then "of", "to",
        "for" or "close to"."""
        first = min(s for s, _ in spans)
        before = self.text[ref.start : first]
        match = _GROUP_BEFORE.match(before)
        if match is None:
            return False
        word = match.group("head").lower()
        return word != ref.head and word[:3] == ref.head[:3]  # the head, written plural

    def _owns(self, end: int, ref: MentionRef) -> bool:
        """Whether the name ending at ``end`` is a possessor inside the nominal ``ref`` ("Scott's"
        in "Scott's niece", "Sanders' campaign manager") or a name that modifies the title
        after it ("a Trump aide", "a Clinton supporter"): a possessive ending, or lower-case
        words of the phrase right after it."""
        after = self.text[end : ref.end]
        if after[:2] in ("'s", "’s"):
            return bool(after[2:].strip())
        if after[:1] in ("'", "’"):
            return after[1:2].isspace() and bool(after[2:].strip())
        words = after.split()  # (a headline may capitalize the title: "White House Doctor")
        return (
            after[:1].isspace()
            and bool(words)
            and all(w[:1].islower() or w.lower() == ref.head for w in words)
        )

    def _fuller_name(self, ref: MentionRef) -> str | None:
        """The person's name a speaker's name mention writes, when it is one (not in a
        headline, two to four capitalized words): "Nell Carden Grey" in a signature, where the
        recognizer read only "Nell"."""
        if self._headlines.holds(ref.start):
            return None
        name = person_name(clean_name(self.text[ref.start : ref.end]))
        words = name.split()
        if 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and parse_person(name):
            return name
        return None

    def _unheadlined(self, name: str, pos: int) -> str:
        """A name found in a title-case headline without the headline words after it
        ("Salma Hayek Described Her" -> "Salma Hayek", see :meth:`Headlines.keep`)."""
        if not self._headlines.holds(pos):
            return name
        words = name.split()
        return " ".join(words[: self._headlines.keep(words)])

    def _known_other(self, name: str) -> Draft | None:
        """The organization or place named elsewhere in the article by the same capitalized
        words, which the recognizer passed over here ("The Tax Policy Center estimated ...",
        "The New York Times reported ...")."""
        words = name.split()
        if not words or not all(w[:1].isupper() for w in words):
            return None
        found = self.others.get(name.lower())
        if found is not None and len(words) == 1 and found.type != "NORP":
            return None  # "Republicans", but not "Reyes" said, where the recognizer made
            # another "Reyes" an organization
        return found

    def _surname(self, name: str) -> Draft | None:
        """The one person named in full whose surname is ``name`` ("Lund" parsed as a common
        noun after "Henrik Lund"), or None."""
        if " " in name or not name[:1].isupper():
            return None
        fits = [d for d in self.people.last(name.lower()) if " " in d.name]
        return fits[0] if len(fits) == 1 else None

    def _pronoun(self, ref: MentionRef, avoid: Draft | None = None) -> Draft | None:
        gender = _PRONOUN_GENDER.get(ref.head)
        if ref.head in _PLURAL_PRONOUNS:
            return None
        if gender is None:
            return None
        # the subject said last, else the person mentioned last (the lookups below, indexed)
        fast, found = self._subjects.best(ref.start, gender, avoid)
        if fast:
            fast, recent = self._mentioned.best(ref.start, gender, avoid)
            if found is None:
                found = recent
            elif recent is not None and recent.gender == gender and recent is not found:
                # a subject last named two paragraphs or more before gives way to someone of
                # the pronoun's gender named since ("... a message from Wendy Sherman. "...,"
                # she wrote."), one paragraph before when that one introduced the person
                # quoted next
                since = self.text[found.seen_before(ref.start) : recent.seen_before(ref.start)]
                if len(_PARAGRAPH_BREAK.findall(since)) >= 2 or (
                    _PARAGRAPH_BREAK.search(since) and self._quoted_after(recent, ref.start)
                ):
                    found = recent
        if fast:
            return found

        def may_be(draft: Draft) -> bool:
            return draft.gender in ("", gender) and not draft.bystander and draft is not avoid

        for pos, draft in sorted(self.last_subject + self._name_subjects, key=lambda p: -p[0]):
            if pos < ref.start and may_be(draft):
                return draft
        people = [
            (m.start, d)
            for d in self.entities
            if d.type == "PERSON"
            for m in d.mentions
            if m.start < ref.start
        ]
        for _, draft in sorted(people, key=lambda p: p[0], reverse=True):
            if may_be(draft):
                return draft
        return None

    def _quoted_after(self, draft: Draft, pos: int) -> bool:
        """Whether the paragraph of ``pos`` opens with a quotation and ``draft`` was named for
        the first time, and only, in the paragraph just before it ("... courtesy of Wes
        Nakagiri, a delegate from Michigan who dressed up in a prison outfit. ¶ "I heard ...,"
        he said."): news copy introduces the person it quotes next."""
        if draft.introduced != draft.seen_before(pos):
            return False
        between = self.text[draft.introduced : pos]
        breaks = list(_PARAGRAPH_BREAK.finditer(between))
        if len(breaks) != 1:
            return False
        opening = between[breaks[0].end() :].lstrip()[:1]
        return bool(opening) and opening in _OPENING_MARKS

    def _aged(self, ref: MentionRef, avoid: Draft | None = None) -> Draft | None:
        """ "the 34-year-old mother of three replied": a description by age with a noun that
        tells a gender stands for the person in focus, as a pronoun of that gender would
        ("said the 46-year-old", telling none, may be someone the article never named)."""
        words = re.findall(r"[a-z]+", self.text[ref.start : ref.end].lower())
        gender = next((GENDERED_NOUNS[w] for w in words if w in GENDERED_NOUNS), "")
        if not gender:
            return None
        pronoun = "she" if gender == "f" else "he"
        return self._pronoun(MentionRef(ref.start, ref.end, "pronoun", pronoun), avoid)

    def _organization(self, ref: MentionRef, words: list[str]) -> Draft | None:
        """ "the ministry" is the ministry named before, as is "the budget office" after "the
        Congressional Budget Office"; "the Polish ministry" is one of its own."""
        # "a group of black parents ... urging them": a new one, never the NAACP named before
        indefinite = bool(_INDEFINITE.match(self.text, ref.start))
        modifiers = [w for w in words[:-1] if w.lower() not in DETERMINERS]
        orgs = [d for d in self.entities if d.type == "ORG" and 0 <= d.last_seen < ref.start]
        if modifiers:
            name = " ".join([*modifiers, words[-1]])
            tail = " " + name.lower()
            # "the budget office" after "the Congressional Budget Office": that one
            fuller = [d for d in orgs if (" " + d.name.lower()).endswith(tail)]
            if fuller and not indefinite:
                return max(fuller, key=lambda d: d.last_seen)
            return self._other_for(name, "ORG")
        if indefinite:
            return None
        head = ref.head
        if head in BODIES:
            return None  # "the campaign": whose, the text does not say (the one named last
            # may be another candidate's)
        named = [d for d in orgs if head in d.name.lower()]
        if named:
            return max(named, key=lambda d: d.last_seen)
        if head in GENERIC_ORG_HEADS and words[-1].lower() != head:
            # "the groups": several, as "Eleven progressive and Muslim organizations" are,
            # never one body
            orgs = [d for d in orgs if _plural_noun(d.name.split()[-1])]
        if head in GENERIC_ORG_HEADS and orgs:
            return max(orgs, key=lambda d: d.last_seen)
        return None

    def _interviewee(self, pos: int) -> Draft | None:
        """The person an interview's answers are credited to: the one the article is about
        before the first answer at ``pos`` (most often a subject or a speaker; not the press),
        else the person mentioned most. Found once, at the first answer."""
        if self._answered is None:
            self._answered = (self._interviewee_before(pos),)
        return self._answered[0]

    def _interviewee_before(self, pos: int) -> Draft | None:
        focus = Counter(
            d.number
            for at, d in (*self.last_subject, *self._name_subjects)
            if at < pos and d.type == "PERSON" and not d.press
        )
        if focus:
            best = max(focus, key=lambda n: (focus[n], -n))
            return self.entities[best - 1]
        people = [d for d in self.entities if d.type == "PERSON"]
        return max(people, key=lambda d: len(d.mentions)) if people else None

    def _title(self, ref: MentionRef) -> Draft | None:
        phrase = self.text[ref.start : ref.end]
        words = re.findall(r"[\w'’]+", phrase)
        head = ref.head
        if head in ORG_HEADS:
            return self._organization(ref, words)
        if head not in PERSON_TITLES or head not in {w.lower().removesuffix("'s") for w in words}:
            return None  # "officials", "aides": a group is nobody in particular
        nations = [w for w in words if w[0].isupper() and w.lower() not in _TITLE_DETERMINERS]
        nations = [w for w in nations if w.lower() not in PERSON_TITLES and w.lower() != head]
        best: tuple[int, Draft] | None = None
        # the people with a role, or (for a title that is not generic) a role holding the title
        people = self._roled if head in GENERIC_TITLES else self._titled.get(head, [])
        for draft in people:
            if nations and not all(
                any(same_nation(n, dn) for dn in draft.nations()) for n in nations
            ):
                continue
            if head not in GENERIC_TITLES and not any(
                head in _titles_held(r.lower()) for r in draft.roles
            ):
                continue
            if head == "counterpart" and self.last_subject and self.last_subject[-1][1] is draft:
                continue
            seen = draft.seen_before(ref.start)
            if seen < 0:
                continue  # a title names again someone named before, not someone to come
            if _lesser_title(draft.roles, head, words):
                continue  # "the Democratic presidential nominee" is not the vice presidential
            if best is None or seen > best[0]:
                best = (seen, draft)
        return best[1] if best else None

    def _varied(self, ref: MentionRef) -> Draft | None:
        """The person a definite title in the singular names again when nobody in the article
        holds it ("The Republican presidential nominee said", "The candidate added"): the one
        person mentioned at all in its paragraph before it and in the paragraph before that,
        when that person is a subject there; None otherwise (the writer may mean the object:
        "Maddow tried to press Warren ..., but the senator insisted")."""
        phrase = self.text[ref.start : ref.end]
        words = phrase.lower().split()
        if ref.head not in VARIATION_TITLES or words[0] != "the" or ref.head not in words:
            return None
        if any(w[0].isupper() and w.lower() not in PARTY_WORDS for w in phrase.split()[1:]):
            return None  # "the Mexican president": someone of Mexico
        since = self._paragraph_start(ref.start, 1)
        people = [
            draft
            for draft in self.entities
            if draft.type == "PERSON" and since <= draft.seen_before(ref.start)
        ]
        if len(people) != 1 or people[0].press:
            return None  # not an interviewer, even one quoted asking
        subject = any(
            since <= at < ref.start and draft is people[0]
            for at, draft in (*self.last_subject, *self._name_subjects)
        )
        return people[0] if subject else None

    def _placed_title(self, ref: MentionRef) -> Draft | None:
        """The person a definite title with a place names again when no role in the article
        names that place ("the Vermont senator said", "The New York businessman says", after
        "Sen. Bernie Sanders", "Donald Trump, a real estate developer"): the latest person
        holding the title by their roles and named as a main subject in the paragraph or the
        two before; None when the title is someone's of another country ("the Mexican
        president") or nobody fits."""
        phrase = self.text[ref.start : ref.end]
        if ref.head not in PERSON_TITLES and ref.head not in VARIATION_TITLES:
            return None
        if not _DEFINITE.match(phrase) or ref.head not in phrase.lower().split():
            return None
        spans = self.names_in(ref)
        places = [s for s in spans if self.by_span[s].type in ("GPE", "LOC")]
        capitals = [
            m.start() + ref.start
            for m in re.finditer(r"\b[A-Z][\w.'’-]*", phrase)
            if m.group().lower() not in PARTY_WORDS and m.start() > 0
        ]
        if not places or not all(any(s <= c < e for s, e in places) for c in capitals):
            return None  # "the Mexican president", "the Senate minority leader"
        titles = _TITLE_FORMS.get(ref.head, frozenset({ref.head}))
        here = {self.by_span[s].name for s in places}
        elsewhere = {
            d.name
            for d in self.entities
            if d.type in ("GPE", "LOC") and not any(h in d.name or d.name in h for h in here)
        }
        holding = [
            draft
            for draft in self.entities
            if draft.type == "PERSON"
            and not draft.press
            and any(
                _holds_title(role.lower(), ref.head)
                or titles & set(_ROLE_WORD.findall(role.lower()))
                for role in draft.roles
            )
            # not "the former Florida governor" for "the New Jersey governor"
            and not any(place in role for role in draft.roles for place in elsewhere)
        ]
        return self._in_focus(holding, ref.start)

    def _epithet(self, ref: MentionRef) -> Draft | None:
        """The person a writer names again by home state and party ("the Kentucky Republican
        said", after "Senate Majority Leader Mitch McConnell is criticizing President Obama"):
        the latest person named as a main subject in the paragraph or the two before, of
        no other party by their roles; None when nobody fits. For a definite mention only ("a
        New Hampshire Republican" is someone else)."""
        others = {p[:6] for p in PARTY_NOUNS} - {ref.head[:6]}  # "democr" for "Democratic"
        fits = [
            draft
            for draft in self.entities
            if draft.type == "PERSON"
            and not draft.press
            and not any(w[:6] in others for r in draft.roles for w in r.lower().split())
        ]
        return self._in_focus(fits, ref.start)

    def title_mentions(
        self, frames: Sequence[Frame], unmarked: Sequence[tuple[int, int, int]] = ()
    ) -> list[_Event]:
        """Noun phrases headed by a person's title or a pronoun, outside quotations, as
        mentions to resolve (in focus for the next pronoun when they are a subject);
        ``unmarked``: (start, end, item) of a speaker's own words given without quotation
        marks, where a pronoun is someone the speaker talks about, never the speaker, and
        not in the narrator's focus."""
        refs = []
        for frame in frames:
            doc = frame.doc
            for i in frame.tokens_with(_TITLE_WORDS):
                token = doc[i]
                if frame.quoted(token):
                    continue
                if token.tag_ == "PRP" and token.lower_ in _PRONOUN_GENDER:
                    ref = MentionRef(frame.start(token), frame.end(token), "pronoun", token.lower_)
                    said = next((n for s, e, n in unmarked if s <= ref.start < e), None)
                    if said is not None:
                        refs.append(_Event(ref, "mention", said, subject=False))
                    else:
                        refs.append(_Event(ref, "mention", subject=_in_subject(token)))
                elif (
                    token.pos_ in ("NOUN", "PROPN")
                    and token.lemma_.lower() in PERSON_TITLES
                    and token.dep_ not in ("compound", "amod")
                    and not token.ent_type_
                    and any(c.dep_ in ("det", "poss") for c in token.children)
                    # "McGovern's running mate" is not McGovern: left to the title's reader
                    and not any(c.dep_ == "poss" and c.pos_ == "PROPN" for c in token.children)
                    and not _apposed_to_a_name(token)
                    # "his wife's campaign", "accompanied by his wife": the relative is not
                    # in focus unless the subject ("His wife said")
                    and (token.lemma_.lower() not in KINSHIP or token.dep_ in _SUBJECTS)
                ):
                    i, j = noun_phrase(token)
                    ref = MentionRef(
                        frame.start(doc[i]), frame.end(doc[j - 1]), "nominal", token.lemma_.lower()
                    )
                    refs.append(_Event(ref, "mention", subject=_in_subject(token)))
        return refs


#: Entities that, modifying a group noun, name where the group is from, not who speaks.
_PLACE_TYPES = frozenset({"GPE", "LOC", "NORP"})
#: An indefinite article or "one", "another" opening a noun phrase.
_INDEFINITE = re.compile(_EN.pattern("indefinite"))
#: The definite article opening a noun phrase.
_DEFINITE = re.compile(_EN.pattern("definite"))

_VERB_TAGS = frozenset({"VBZ", "VBD", "VBN", "VBG", "VBP"})


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z][a-z'’-]*(?![\w'’-])")


class Headlines:
    """An article's title-case paragraphs (headlines, subheads), and how the names in them
    lose the headline words the recognizer took into them ("Obama Says", "Hillary Clinton
    Drops", "Dascha Polanco Opened"). What the body writes (its names, its lower-case words)
    is read on the first such name, so an article without one costs one pass over its tokens."""

    def __init__(self, text: str, frames: Sequence[Frame]) -> None:
        self.text = text
        self.body: list[Frame] = []
        self.spans: list[tuple[int, int]] = []
        for frame in frames:
            if title_case(frame.doc):
                self.spans.append((frame.offset, frame.stop))
            else:
                self.body.append(frame)
        self._names: frozenset[str] | None = None
        self._lower: dict[str, bool] = {}

    def holds(self, pos: int) -> bool:
        """Whether ``pos`` lies in a title-case paragraph."""
        k = bisect_right(self.spans, (pos, sys.maxsize)) - 1
        return k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]

    def keep(self, words: Sequence[str]) -> int:
        """How many of a title-case name's words to keep: its longest start the body writes
        as a name; else its words before the first (after the first) the body writes in lower
        case ("Dascha Polanco Opened" -> 2 when the body says "opened"); else all of them."""
        names = self._names_written()
        for n in range(len(words), 0, -1):
            if clean_name(" ".join(words[:n])) in names:
                return n
        for n, word in enumerate(words):
            if n and self.writes_lower(word.lower()):
                return n
        return len(words)

    def name_in(self, ent: Any) -> Any:
        """A person's name recognized in a headline, cut as :meth:`keep` says, or else before
        its first word (after the first) tagged as an inflected verb."""
        keep = self.keep([t.text for t in ent])
        if keep == len(ent):
            keep = next((k for k, t in enumerate(ent) if k and t.tag_ in _VERB_TAGS), keep)
        return ent if keep == len(ent) else ent.doc[ent.start : ent.start + keep]

    def writes_lower(self, word: str) -> bool:
        """Whether the body writes ``word`` (lower case) as a word of its own ("price" for
        "Price"); looked up in the body's text once per word."""
        seen = self._lower.get(word)
        if seen is None:
            found = None
            if _LOWER_WORD.fullmatch(word):
                pattern = re.compile(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])")
                found = next(
                    (f for f in self.body if pattern.search(self.text, f.offset, f.stop)), None
                )
            seen = self._lower[word] = found is not None
        return seen

    def _names_written(self) -> frozenset[str]:
        """The names of people as the body writes them, with their first and last words
        ("Barack Obama" gives "Barack Obama", "Barack" and "Obama")."""
        if self._names is None:
            names: set[str] = set()
            for frame in self.body:
                for ent in frame.doc.ents:
                    if ent.label_ == "PERSON":
                        words = clean_name(ent.text).split()
                        names.update(" ".join(words[:k]) for k in range(1, len(words) + 1))
                        names.update(" ".join(words[k:]) for k in range(len(words)))
            self._names = frozenset(names)
        return self._names


def role_phrase(token: Any) -> tuple[int, int]:
    """Token indices of an apposed role with its attachments ("head of the hazards office"),
    without clauses: it stops at the first comma, relative clause or participle."""
    lo, _ = noun_phrase(token)
    hi = token.i + 1
    for t in token.doc[token.i + 1 : token.right_edge.i + 1]:
        if (
            t.is_punct
            or t.dep_ in ("relcl", "acl", "appos", "cc")
            or t.head.dep_ in ("relcl", "acl")
        ):
            break
        hi = t.i + 1
    return lo, hi


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
#: The words before an interviewer's name: "an interview with (CNN's )?", "interviewed by".
_INTERVIEWER = re.compile(
    _EN.pattern("interviewer", interview_words="|".join(sorted(INTERVIEW_WORDS)))
)


def _better_spelt(name: str, known: str) -> bool:
    """The same name with the accents that a plain-letter spelling left out ("François
    Hollande" after a headline's "Francois Hollande")."""
    accents = sum(not ch.isascii() for ch in name)
    return fold(name) == fold(known) and accents > sum(not ch.isascii() for ch in known)


def _holds_title(role: str, title: str) -> bool:
    """Whether a lower-cased role holds a title: inside a word for an office ("chair" in
    "chairman"), as a whole word for a family relation ("son", not "spokesperson")."""
    if title in KINSHIP:
        return title in _ROLE_WORD.findall(role)
    return title in role


_ROLE_WORD = re.compile(r"[a-z]+")
#: A name with its possessive before what it owns ("Pagliano's lawyer").
_POSSESSED = re.compile(r"\w['’]s\s+\w")


@lru_cache(maxsize=4096)
def _titles_held(role: str) -> tuple[str, ...]:
    """The titles a lower-cased role holds, as :func:`_holds_title` reads them (roles repeat
    from article to article: "president", "campaign manager")."""
    return tuple(title for title in sorted(PERSON_TITLES) if _holds_title(role, title))


def _lesser_title(roles: list[str], title: str, words: list[str]) -> bool:
    """Whether every role holding ``title`` holds it as a lesser office the mention's words do
    not name ("vice presidential nominee", "deputy director", "assistant secretary")."""
    said = {w.lower() for w in words}
    holding = [r.lower() for r in roles if title in _titles_held(r.lower())]
    return bool(holding) and all(
        any(w in LESSER_OFFICES and w not in said for w in _ROLE_WORD.findall(r)) for r in holding
    )


def _plural_noun(word: str) -> bool:
    """ "organizations", "groups": a common noun in the plural (not a name such as "News")."""
    return word.islower() and word.endswith("s") and not word.endswith("ss")


def _kin(draft: Draft) -> bool:
    """Whether a person was introduced by a family relation ("his wife, Heidi Cruz")."""
    return any(t in KINSHIP for role in draft.roles for t in _titles_held(role.lower()))


def _apposed_to_a_name(token: Any) -> bool:
    """ "the chief of staff Daniel Moreau", "Daniel Moreau, the chief of staff": the title is
    the named person's role, not a mention of someone else."""
    if token.dep_ == "appos" and token.head.ent_type_ == "PERSON":
        return True
    return any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children)


def _starts_with(name: str, known: str) -> bool:
    """Whether ``name`` says more than ``known`` and begins with its words."""
    words, first = name.split(), known.split()
    return len(words) > len(first) and words[: len(first)] == first


def _in_subject(token: Any) -> bool:
    """Whether a word is a subject or owns one ("the senator said", "his aides said")."""
    return bool(token.dep_ in _SUBJECTS or (token.dep_ == "poss" and token.head.dep_ in _SUBJECTS))


def _main_subject(ent: Any) -> bool:
    """Whether a name is the subject of its sentence's main clause ("Carson defied the
    question"; not "Cox says Obama is trying"): the subject of the root verb or of a verb
    joined to it, or the owner of that subject ("Scalia's comments brought ..."), or a name
    the parser joined to a root verb that has no subject ("Scott bristles at ...")."""
    root = ent.root
    if root.dep_ == "poss":  # "Justice Scalia's comments from the bench brought ...": his
        root = root.head
    verb = root.head
    if root.dep_ == "compound" and verb.pos_ == "VERB" and verb.i > root.i:
        # "Scott bristles at ...", parsed as one noun "Scott bristles" on a verb without a
        # subject of its own: the name is that subject
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            return False
    elif root.dep_ not in _SUBJECTS:
        return False
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return bool(verb.dep_ == "ROOT")


_ACRONYM_NAME = re.compile(r"^[A-Z]{2,8}$")
_MINOR_WORDS = _EN.words("minor_words")
#: Capitalised words before a title that name no nation ("The", "His" opening a sentence).
_TITLE_DETERMINERS = _EN.words("title_determiners")


def initials(name: str) -> str:
    """The initials of a name's words, minor words left out ("Public Policy Institute of
    California" -> "PPIC")."""
    return "".join(
        w[0].upper() for w in name.split() if w.lower() not in _MINOR_WORDS and w[:1].isalpha()
    )


def _titled(ent: Any) -> bool:
    """Whether a name stands in apposition to a person's title or a word for a person ("Marko
    Saar, foreign minister", "Keith Scott, a 43-year-old black man")."""
    root = ent.root
    if any(
        c.dep_ == "appos" and _a_person_word(c) and _just_apposed(root, c) for c in root.children
    ):
        return True
    return bool(root.dep_ == "appos" and _a_person_word(root.head))


def _just_apposed(name: Any, noun: Any) -> bool:
    """Whether only a comma and the noun's own words stand between a name and the noun in
    apposition to it (not a dateline's "New York (AFP) – Oscar-winning actress ...")."""
    between = name.doc[name.i + 1 : noun.left_edge.i]
    return all(t.text == "," or t.is_space for t in between)


def _a_person_word(token: Any) -> bool:
    """A person's title or a word for a person ("foreign minister", "a 43-year-old man")."""
    lemma = token.lemma_.lower()
    if lemma in PERSON_TITLES:
        return True
    return token.tag_ == "NN" and (lemma in GENDERED_NOUNS or lemma == "person")


def _relabel(ents: list[_Ent]) -> list[_Ent]:
    """Fix the labels spaCy gets wrong about people, using the rest of the article.

    A name given a person's title in apposition is a person; a single word that is (or
    misspells) the surname of a person named in full is that person; one name keeps one label
    (people win ties).
    """
    alone = {e.name for e in ents if e.label == "PERSON" and " " not in e.name}
    singles = {e.name for e in ents if " " not in e.name}
    full = [
        read
        for e in ents
        if e.label == "PERSON"
        and len(e.name.split()) > 2
        and (read := parse_person(e.name)) is not None
    ]
    fixed = [
        e.labelled("PERSON")
        if e.label != "PERSON"
        and len(e.name.split()) in (1, 2, 3)
        and (
            _titled(e.span)
            or _surname_of_one_named_alone(e.name, alone)
            or _compound_surname_of(e.name, full)
            or _given_name_and_surname(e.name, singles)
        )
        else e
        for e in ents
    ]
    surnames = _full_name_surnames(fixed)
    fixed = [
        e.labelled("ORG")
        if e.label in ("PERSON", "GPE") and e.name not in surnames and _company_word(e.name)
        else e
        for e in fixed
    ]
    votes: dict[str, Counter[str]] = {}
    for e in fixed:
        votes.setdefault(e.name, Counter())[e.label] += 1
    slips = {  # "McLenney", read as an organization, after "Tyresha McClenney"
        name
        for name in {e.name for e in fixed if " " not in e.name} - surnames
        if sum(misspelt(name, surname) for surname in surnames) == 1
    }
    out = []
    for e in fixed:
        if len(e.name.split()) == 1 and (e.name in surnames or e.name in slips):
            label = "PERSON"
        else:
            counts = votes[e.name]
            top = max(counts.values())
            label = "PERSON" if counts["PERSON"] == top else counts.most_common(1)[0][0]
        out.append(e.labelled(label))
    return out


def _given_name_and_surname(name: str, singles: set[str]) -> bool:
    """Whether a name of two or three words read as an organization is a given name (and a
    middle name) and a surname the article also writes alone ("Ava DuVernay" ... "DuVernay
    said", "Keith Lamont Scott" ... "Scott had a gun"): a person."""
    words = name.split()
    return (
        len(words) in (2, 3)
        and words[-1] in singles
        and gender_of(words[0]) != ""
        and all(
            w[:1].isupper() and not w.isupper() and w.lower() not in ORG_HEADS for w in words[1:]
        )
    )


def _compound_surname_of(name: str, people: Sequence[PersonName]) -> bool:
    """Whether a name read as an organization ("De Blasio") is the surname of several words
    of a person named in full ("Bill de Blasio")."""
    if " " not in name or any(w.lower() in ORG_HEADS for w in name.split()):
        return False  # "White House" is no surname of "Obama White House"
    read = parse_person(name)
    return read is not None and any(compound_surname(read, person) for person in people)


def _surname_of_one_named_alone(name: str, alone: set[str]) -> bool:
    """Whether a name read as an organization ("Tashfeen Malik") ends in the surname of a
    person the article names alone ("Ms. Malik") and holds no word of an organization's name."""
    words = name.split()
    return (
        len(words) > 1
        and words[-1] in alone
        and all(w[:1].isupper() and w.lower() not in ORG_HEADS for w in words)
    )


def _company_word(name: str) -> bool:
    """One word formed as companies and agencies are named ("Gazprom", "Rosatom"), and no
    given name."""
    lowered = name.lower()
    return (
        " " not in name
        and name[1:].islower()
        and any(lowered.endswith(end) and len(lowered) >= len(end) + 3 for end in ORG_NAME_ENDINGS)
        and not gender_of(name)
    )


def _full_name_surnames(ents: Sequence[_Ent]) -> frozenset[str]:
    """The surnames, as written, of the people named in full ("Brooks" of "Morris J. Brooks
    Jr.")."""
    found = set()
    for e in ents:
        words = e.name.split() if e.label == "PERSON" else []
        while len(words) > 2 and words[-1].strip(".,").lower() in SUFFIXES:
            words.pop()
        if len(words) > 1:
            found.add(words[-1].rstrip(","))
    return frozenset(found)


#: Where a surname alone stands for its person: as a subject, object or possessor, not as a
#: modifier of another name ("the Sanders campaign", "Trump Tower").
_SURNAME_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "poss", "appos", "conj"})


def _unrecognized_surnames(
    text: str, frames: Sequence[Frame], ents: Sequence[_Ent], headlines: Headlines
) -> list[_Ent]:
    """Surnames written alone that spaCy's recognizer passed over ("Sanders wasn't impressed")
    when a person named in full earlier or later in the article bears them."""
    surnames = _full_name_surnames(ents)
    if not surnames:
        return []
    found = []
    words = frozenset(name.lower() for name in surnames)
    for frame in frames:
        doc = frame.doc
        written = text[frame.offset : frame.stop]
        if not any(name in written for name in surnames):
            continue  # the token arrays only where the paragraph writes one of the surnames
        for i in frame.tokens_with(words):
            token = doc[i]
            if not (
                token.text in surnames
                # "Sanders" is often read as a plural, "Trump himself was" as a verb
                and (
                    token.pos_ in ("PROPN", "NOUN")
                    or (token.pos_ == "VERB" and token.dep_ in _SUBJECTS)
                )
                and not token.ent_type_
                and token.dep_ in _SURNAME_DEPS
                and not frame.quoted(token)
            ):
                continue
            if token.pos_ != "PROPN" and headlines.writes_lower(token.lower_):
                continue  # "Price rose", "Rice fell": a common word the article writes so
            around = doc[max(0, token.i - 1) : token.i + 2]
            alone = not any(t.pos_ == "PROPN" for t in around if t.i != token.i)
            first_noun = token.pos_ == "NOUN" and token.is_sent_start
            if not first_noun and not (token.dep_ in _SUBJECTS and alone):
                continue  # not part of another name ("Galeana Street"): a subject on its own
            start = frame.start(token)
            found.append(
                _Ent(
                    start,
                    start + len(token.text),
                    token.text,
                    "PERSON",
                    doc[token.i : token.i + 1],
                    frame,
                )
            )
    return found


def _unmarked_words(found: Sequence[Found]) -> list[tuple[int, int, int]]:
    """(start, end, item) of the passages set off without quotation marks after "Limbaugh
    added:" (:mod:`quotewire.quotes.block`; "And from a supposed front-runner, Hillary
    Clinton, ... She can't beat this guy"): the speaker's own words, whose pronouns are not
    the narrator's."""
    return [
        (start, end, n) for n, item in enumerate(found) if item.block for start, end in item.content
    ]


@dataclass(frozen=True, slots=True)
class _Event:
    """A mention to resolve, in text order: a found item's speaker or addressee (``item``: its
    index), or a title that mentions a person on its own ("the senator"; ``item``: the
    statement whose unmarked words hold it, if any)."""

    ref: MentionRef
    what: Literal["speaker", "addressee", "mention"]
    item: int = -1
    subject: bool = True  # a mention in subject position, in focus for the next pronoun


#: At one offset, a speaker is resolved before an addressee, an addressee before a mention.
_EVENT_ORDER = {"speaker": 0, "addressee": 1, "mention": 2}


def resolve_speakers(
    text: str,
    frames: Sequence[Frame],
    found: Sequence[Found],
    orgs: Sequence[str] = (),
    authors: Sequence[str] = (),
) -> tuple[list[Entity], dict[int, Draft | None], dict[int, Draft | None]]:
    """Entities of the article and, for each found item (by index), its speaker and addressee
    (``authors``: the byline's names, who are of the press)."""
    resolver = Resolver(text)
    labels = frozenset(f.speaker.start for f in found if f.speaker and f.speaker.kind == "label")
    resolver.add_entities(frames, orgs, labels)
    bylines = [n for n in (parse_person(a) for a in authors) if n is not None and not n.bare]
    for person in resolver.entities:
        name = parse_person(person.name) if person.type == "PERSON" else None
        if name is not None and any(same_full_name(name, a) for a in bylines):
            person.press = True
    events: list[_Event] = []
    for n, item in enumerate(found):
        if item.speaker is not None:
            events.append(_Event(item.speaker, "speaker", n))
        if item.addressee is not None:
            events.append(_Event(item.addressee, "addressee", n))
    spoken = {(e.ref.start, e.ref.end) for e in events}
    for mention in resolver.title_mentions(frames, _unmarked_words(found)):
        if (mention.ref.start, mention.ref.end) not in spoken:
            events.append(mention)
    speakers: dict[int, Draft | None] = {}
    addressees: dict[int, Draft | None] = {}
    for event in sorted(events, key=lambda e: (e.ref.start, _EVENT_ORDER[e.what])):
        what = event.what
        addressee = found[event.item].addressee if what == "speaker" else None
        if addressee is not None:
            avoid = resolver.person_in(addressee)
        elif what == "mention" and event.item >= 0:
            avoid = speakers.get(event.item)  # in the speaker's own words: someone else
        else:
            avoid = None
        draft = resolver.resolve(
            event.ref,
            subject=what != "addressee" and event.subject,
            speaking=what == "speaker",
            avoid=avoid,
        )
        if what == "speaker":
            speakers[event.item] = draft
        elif what == "addressee":
            addressees[event.item] = draft
    entities = [d.to_model() for d in resolver.entities if d.mentions]
    return entities, speakers, addressees
