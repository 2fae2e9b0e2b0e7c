"""Who claims each figure (the rules of docs/claimants.md, section 4).

- A figure inside a statement is its speaker's, as the fullest name the article gives
  ("Hurun" -> "Hurun Report", "AP-GfK" -> "Associated Press-GfK"). A speaker that points back
  is resolved first: "his campaign" is the ``Lee campaign``, "the agency" the organization
  named last, "the senator" the person who bears the title. A speaker that is a data source
  named by its kind ("An Associated Press survey", "The survey, conducted by X, finds") is the
  organization named in or with it; a non-agent ("A slide from the minister's presentation",
  "figures her campaign released") is its owner's, else a phrase that qualifies it is an
  unnamed source ("leaked documents"); respondents ("Six in 10 say") give the findings in force.
- Outside quotations, a verb of speech, stance or valuation gives the clause it states to its
  subject ("The fund expects output to grow 1.6 percent", "Lee has called for a $15 wage",
  "X estimates his fortune at $4 billion"), and "according to X" gives its sentence to X.
- Findings go on with no new cue ("Seventy-two percent now believe ..."): those of a named
  poll, survey, study, report or analysis ("A Harbor Ledger analysis", "X conducted a poll"),
  and those of an organization's statement (a release). A poll's are its shares and counts
  of respondents and candidates, of now (not "won by 10 points in 1988"); a release's or a
  report's are all its figures until someone else speaks or a clause tells what another agent
  did ("Adelson has committed $5 million"). The tag of another's statement is not findings.
- Every other figure is the narrator's (``claimant`` None).

Pure functions over the article's quotes and entities; ``find_claims`` asks :class:`Claimants`
for each amount in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Any, NamedTuple

from quotewire.claims.amounts import Amount, find_amounts
from quotewire.claims.lexicon import figure_words
from quotewire.claims.numbers import NUMBER_WORDS
from quotewire.lang import profile
from quotewire.model import Entity, Quote, Span, Speaker
from quotewire.quotes.frame import DOCUMENTS
from quotewire.quotes.intervals import IntervalIndex
from quotewire.speakers.resolve import initials
from quotewire.speakers.titles import BODIES, ORG_HEADS, PERSON_TITLES

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")


@dataclass(frozen=True, slots=True)
class _Named:
    """A mention of a person or organization by name (``text[start:end]``) and its entity."""

    start: int
    end: int
    entity: Entity


class _Stretch(NamedTuple):
    """The text of a statement, ``text[start:end]`` (ordered by start, then end)."""

    start: int
    end: int


def _of_entity(entity: Entity, mention: Span) -> Speaker:
    """An entity as a claimant, by its name, at ``mention``."""
    return Speaker(entity=entity.id, name=entity.name, mention=mention)


def _content_range(quote: Quote) -> tuple[int, int]:
    """Where a statement's content starts and ends (over all of its parts)."""
    return min(c.start for c in quote.content), max(c.end for c in quote.content)


@dataclass(frozen=True, slots=True)
class Finding:
    """A statement by a data source: where it starts and ends, and who claims its figures."""

    start: int
    end: int
    claimant: Speaker
    any_unit: bool = False  # a data release: all its figures; a poll: its shares and counts
    goes_on: bool = True  # whether its findings go on after its statement


#: A poll, survey, study or analysis named by the words before it ("a new Quinnipiac
#: University poll", "A Harbor Ledger analysis", "POLITICO's Battleground average"); the
#: kinds are ``named_study_kinds``.
_NAMED_STUDY = r"(?<![\w-])(?P<name>(?:[A-Z][\w.&'’/-]*\s+){{1,6}})(?i:{kinds})\b"
#: What follows the owner in a study's name ("POLITICO's Battleground States").
_OWNED = re.compile(r"['’]s?\s.*$")
_SENTENCE_END = re.compile(r"^[\w’']{2,}[.!?]$")
#: How far (in characters) the findings of a poll or study reach past the last figure given to
#: it, and those of an organization that reports its own figures (a release mixes with events).
REACH = 2_000
RELEASE_REACH = 600
#: Characters after another speaker's statement that are its tag, not the findings'.
TAG_REACH = 200


def _cue_word(cue: str) -> str:
    """A cue's first word as written, lower case ("according" of "According to"), which the
    cue tables of ``figures.toml`` list ("reported", "says"; not "intends to hammer")."""
    words = cue.lower().split()
    return words[0] if words else ""


def _without_kind(name: str) -> str:
    """An organization's name without the kind of study it ends with ("X Poll" -> "X")."""
    words = name.split()
    kinds = figure_words().claimants.study_kinds
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in kinds else name


@dataclass(frozen=True, slots=True)
class Period:
    """When a figure is, as far as the claimants care: before the article's year (its date
    known), or in a year named before the latest year the article names (its date unknown or
    not); and whether its sentence sets it against another figure ("up from 40 percent in
    2014", "$105 billion more than last year"). Findings are of now: an earlier figure is
    theirs only when they compare with it ("Last year, the casinos earned $2.7 billion" is
    history, the narrator's), and never a poll's in a year named before the latest (a poll
    compares with its own last wave, not with "1988, when Dukakis won it by 10 points")."""

    earlier: bool = False
    older: bool = False
    compared: bool = False


@dataclass(frozen=True, slots=True)
class Standing:
    """What a statement's speaker is, for the figures in it: an agent (they are its), data a
    phrase qualifies (they are the phrase's, an unnamed source), or neither."""

    agent: bool = False
    qualified_data: bool = False


@cache
def _study_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """:data:`_NAMED_STUDY` with the kinds of ``named_study_kinds``; the English profile's
    ``released`` (a study in the words after an organization's name: "released a new report",
    "has conducted a 50-state poll", the verb checked against ``release_verbs``) with them too;
    and its ``released_showing`` (an organization's verb of release, then the documents it
    released and what they show: "published portions of Trump's tax returns that showed ...")
    with the words of ``showing_words``."""
    words = figure_words().claimants
    kinds = "|".join(sorted(words.named_study_kinds, key=len, reverse=True))
    showing = "|".join(sorted(words.showing_words, key=len, reverse=True))
    named = re.compile(_NAMED_STUDY.format(kinds=kinds))
    released = re.compile(_EN.pattern("released", kinds=kinds), re.IGNORECASE)
    return named, released, re.compile(_EN.pattern("released_showing", showing=showing))


#: How what a verb of speech states hangs on it (its clause, its object; "called for" a
#: wage): not "said of the 12 meetings", "said, referring to", "said ..., but X would".
_STATED = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "parataxis"})
#: A possessive owner at the start of a speaker's words ("Trump's new PFD form").
_POSSESSOR = re.compile(_EN.pattern("possessor"))
#: The clause after a study's name that says what it found ("... report that ...").
_CONTENT = re.compile(_EN.pattern("study_content"))
#: "according to" and where the source it names ends.
_ACCORDING = re.compile(_EN.pattern("according"))
_SOURCE_END = re.compile(r"[,;:.!?\n]\s|[—–(]|\s--\s")
#: The words that name a study as where a figure was found ("in a", "by the"; not "up 5 points
#: from a poll last month", a comparison).
_FOUND_IN = re.compile(_EN.pattern("found_in"))
#: The end of a sentence: not the point of a title or an initial ("Mr. Lee", "U.S.").
_CLAUSE_END = re.compile(r"(?<=[a-z]{3})[.!?](?=\s|$)|[!?\n]")
#: Data said to be made by someone ("released Friday by state gaming regulators").
_MADE_BY = re.compile(_EN.pattern("made_by"))
#: How far after an unnamed source the body it stands for may be named as a source.
_NEXT_SOURCE = 400
#: The word after a person's name that may name a body of theirs ("the Trump campaign").
_BODY_AFTER = re.compile(r"\s+(?P<body>[a-z]+)\b")
#: Characters after a speaker where the organization it belongs to is looked for.
_NAMED_WITH = 80


def _respondents(mention: str) -> bool:
    """Whether a speaker is a share or group of respondents ("Seventy-four percent", "Six in
    10", "likely voters")."""
    words = mention.lower().split()
    if not words:
        return False
    first, head = words[0].strip(".,"), words[-1].strip(".,")
    if head in figure_words().claimants.findings_nouns:
        return False  # "One study", "Two polls": sources, not shares of respondents
    numeric = any(ch.isdigit() for ch in first) or first in NUMBER_WORDS["en"]
    respondents = figure_words().claimants.respondents
    return numeric or "percent" in words or head in respondents


#: Prepositions between data and who made it ("a survey of voters", "data from the bureau", "a
#: poll by Gallup").
_SOURCE_PREPOSITIONS = _EN.words("source_prepositions")
#: The kinds of mention that name a person or organization (not "he", "the agency").
_NAMING = frozenset({"name", "surname", "organization"})


def _stated_for(child: Any, prepositions: frozenset[str]) -> bool:
    """Whether ``child`` hangs on a verb of stance as what it calls for: "called for a $15
    wage" (a preposition), "called for the wage to be raised" (a clause it marks)."""
    if child.dep_ == "prep":
        return bool(child.lower_ in prepositions)
    return child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in prepositions for c in child.children
    )


def _clause_subject(token: Any) -> Any | None:
    """The subject of the first verb at or above ``token`` that has one, or None."""
    for _ in range(10):
        if token.pos_ in ("VERB", "AUX"):
            found = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if found:
                return found[0]
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _subject_of(token: Any) -> Any | None:
    """The subject of a verb; of a sentence's root parsed as a noun though it governs a clause
    ("Lee estimates that he spent ...": "estimates" a noun, "Lee" its compound), that word."""
    subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
    clause = any(c.dep_ == "ccomp" for c in token.children)
    if subject is None and token.dep_ == "ROOT" and token.pos_ == "NOUN" and clause:
        subject = next((c for c in token.lefts if c.dep_ == "compound"), None)
    return subject


def _agency_name(words: list[str], heads: frozenset[str], joiners: frozenset[str]) -> str | None:
    """The proper name of a public body in a speaker's words when one of its capitalized
    words is the head of such a name ("the state Division of Gaming Enforcement": "Division
    of Gaming Enforcement"), else None."""
    start = next((n for n, w in enumerate(words) if w[:1].isupper() and w.lower() in heads), None)
    if start is None:
        return None
    while start > 0 and words[start - 1][:1].isupper() and words[start - 1].lower() != "the":
        start -= 1
    name = words[start:]
    return " ".join(name) if all(w[:1].isupper() or w in joiners for w in name) else None


def _bears(person: Entity, title: str) -> bool:
    """Whether a person's roles or mentions give them ``title``, whole or cut short ("Sen."
    for senator, "Gov." for governor)."""
    words = [w.strip(".,").lower() for m in person.mentions for w in m.text.split()]
    words += [w.strip(".,").lower() for role in person.roles for w in role.split()]
    return any(w == title or (len(w) >= 3 and title.startswith(w)) for w in words)


def _head_noun(mention: str) -> str:
    """The head noun of a phrase, singular and lower case ("Another slide", "slides": slide)."""
    words = mention.lower().split()
    word = words[-1].strip(".,;:'’\"”") if words else ""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _parts(name: str) -> list[str]:
    return [p.strip() for p in re.split(r"[-/]", name) if p.strip()]


def _extends(longer: str, name: str) -> bool:
    """Whether ``longer`` names what ``name`` names, more fully: it begins or ends with its
    words ("Hurun Report", "Urban-Brookings Tax Policy Center"), or each of its parts is the
    other's part or spells out its initials ("Associated Press-GfK" for "AP-GfK")."""
    words, other = name.split(), longer.split()
    if other[: len(words)] == words or other[-len(words) :] == words:
        return True
    mine, theirs = _parts(name), _parts(longer)
    return (
        len(mine) == len(theirs) > 1
        and any(a != b for a, b in zip(mine, theirs, strict=True))
        and all(a == b or a == initials(b) for a, b in zip(mine, theirs, strict=True))
    )


class Claimants:
    """The claimant of each figure of one article, from its quotes and entities. Asked in
    text order (:meth:`of_narration` follows the findings it has given figures to)."""

    def __init__(self, text: str, quotes: Sequence[Quote], entities: Sequence[Entity]) -> None:
        self.text = text
        self.words = words = figure_words().claimants
        self.data_nouns, self.pronouns = words.data_nouns, words.pronouns
        self.by_id = {e.id: e for e in entities}
        self.mentions: IntervalIndex[Entity] = IntervalIndex(
            (m.start, m.end, e) for e in entities for m in e.mentions
        )
        named = sorted(
            [
                _Named(m.start, m.end, e)
                for e in entities
                if e.type in ("ORG", "PERSON")
                for m in e.mentions
                if m.kind in _NAMING
            ],
            key=lambda found: (found.start, found.end),  # two entities may share a span
        )
        self.agents = named  # the names of people and organizations, in text order
        self.agent_starts = [m.start for m in named]
        self.by_head: dict[str, Speaker] = {}  # "slide" -> whose the slides are
        self.findings: list[Finding] = list(self._named_studies(text))
        self.others: list[_Stretch] = []  # statements by people and bodies not sources
        self.sources: dict[int, Speaker] = {}  # id(quote) -> its data source
        #: where each statement's cue starts -> the statement, whose content tells what the
        #: cue states ("Reyes said: "...," but in fact Reyes used [one car]": the parser hangs
        #: the writer's clause on the cue)
        self.by_cue = {q.cue.start: q for q in quotes if q.cue}
        #: every statement's content, to find the one a verb of speech is reported in
        self.contents: IntervalIndex[Quote] = IntervalIndex(
            (c.start, c.end, q) for q in quotes if q.speaker is not None for c in q.content
        )
        makers: list[Speaker] = []  # who made the study the article names only by its kind
        unnamed: list[Quote] = []  # "the researchers", no maker with them
        for quote in sorted(quotes, key=lambda q: min(c.start for c in q.content)):
            start, end = _content_range(quote)
            finding = self._named_study_at(quote, end) or self._data_source(quote, start, end)
            finding = finding or self._data_shown(quote, start, end)
            if finding is not None:
                self.sources[id(quote)] = finding.claimant
                if finding.goes_on:
                    self.findings.append(finding)
                if self._unnamed_study(quote.speaker):
                    makers.append(finding.claimant)
            elif self._unnamed_study(quote.speaker) and self._points_back(quote.speaker):
                unnamed.append(quote)
            elif (
                quote.speaker is not None
                and not _respondents(
                    quote.speaker.mention.text if quote.speaker.mention else quote.speaker.name
                )
                and not self._own_data(quote)
            ):
                self.others.append(_Stretch(start, end))
        if len({m.name for m in makers}) == 1:  # "An exhaustive study ... The authors of
            for quote in unnamed:  # the report, which include X, ...": X's
                self.sources[id(quote)] = makers[0]
                start, end = _content_range(quote)
                self.findings.append(Finding(start, end, makers[0], any_unit=True))
        #: the names organizations go by in the article, for :meth:`_fullest`
        self.org_names = {_without_kind(e.name) for e in entities if e.type == "ORG"}
        self.org_names.update(f.claimant.name for f in self.findings)
        self.findings = sorted(
            (replace(f, claimant=self._fullest(f.claimant)) for f in self.findings),
            key=lambda f: f.start,
        )
        self.sources = {key: self._fullest(source) for key, source in self.sources.items()}
        self.starts = [f.start for f in self.findings]
        self.anchor = -1  # where the findings in force last gave a figure
        self.acted = -1  # where a figure last told of what an agent did, not of the findings

    def _named_studies(self, text: str) -> list[Finding]:
        """Polls, surveys and studies named where they are mentioned, speaker or not ("In a
        national USA TODAY/Suffolk University Poll, likely voters ...")."""
        out = []
        for match in _study_patterns()[0].finditer(text):
            words = match.group("name").split()
            ends = [n for n, w in enumerate(words) if _SENTENCE_END.match(w)]
            if ends:  # "... Sanders. The poll": the name starts after the sentence's end
                words = words[ends[-1] + 1 :]
            while words and words[0].lower() in self.words.not_source_names:
                words = words[1:]  # "a new Harbor poll", not the "New" of "New Hampshire"
            while words and words[-1].lower() in self.words.not_source_names:
                words = words[:-1]  # "a Harbor Ledger June poll"
            if not words:
                continue
            hi = match.end("name")
            lo = hi - len(" ".join(words)) - 1
            org = self._organization_in(lo, hi, overlapping=True)
            joint = " ".join(words)
            name = _without_kind(org.name) if org is not None else joint
            stop = match.start("name") + len(match.group("name").rstrip())
            if org is not None and "/" not in joint and not _OWNED.search(joint):
                fuller = self._without_place(joint, stop)  # not "NBC New Hampshire"
                if len(fuller) > len(name) and _extends(fuller, name):
                    name = fuller  # "a Coastal Ledger analysis" with only "Coastal" recognized
            if "/" in joint and (org is None or len(joint) > len(name)):
                name = self._without_place(joint, stop)  # "Washington Post/ABC News": both
            name = _OWNED.sub("", name)  # "POLITICO's Battleground States average": POLITICO's
            mention = Span(start=match.start(), end=match.end(), text=match.group(0))
            speaker = Speaker(entity=org.id if org else None, name=name, mention=mention)
            kind = match.group(0).split()[-1].lower()
            any_unit = kind not in self.words.study_kinds  # a report's money, not a poll's
            out.append(Finding(match.start(), match.end(), speaker, any_unit=any_unit))
        return out + self._released_studies(text)

    def _without_place(self, name: str, end: int) -> str:
        """A joint poll's name without the place it ends with ("NBC News/Wall Street
        Journal/Marist South Carolina" poll: the pollsters, not the state), ``end``: where the
        name ends in the text."""
        for start, stop, entity in self.mentions.overlapping(end - 1, end):
            if entity.type in ("GPE", "LOC") and stop >= end and start > end - len(name):
                kept = name[: len(name) - (end - start)].rstrip()
                return name if kept.endswith("/") else kept  # not "CNN/" of "CNN/ORC"
        return name

    def _named_study_at(self, quote: Quote, end: int) -> Finding | None:
        """The findings of a statement whose speaker is a study named where it is mentioned
        ("POLITICO's Battleground States average shows ...", whatever entity the speaker was
        given): the study's, from its statement on."""
        mention = quote.speaker.mention if quote.speaker is not None else None
        if mention is None:
            return None
        named = [f for f in self.findings if f.start == mention.start and f.end == mention.end]
        if not named:
            return None
        start = min(c.start for c in quote.content)
        return Finding(start, end, named[0].claimant, any_unit=named[0].any_unit)

    def _released_studies(self, text: str) -> list[Finding]:
        """Studies an organization is said to have made, in the words after its name ("The
        Harlow Institute released a report on wages", "X conducted a 50-state poll"), or
        documents it put out that show something ("the Times published portions of his tax
        returns that showed ..."): its findings start there."""
        out = []
        for agent in self.agents:
            start, end, entity = agent.start, agent.end, agent.entity
            if entity.type != "ORG":
                continue
            stop = _CLAUSE_END.search(text, end, end + _NAMED_WITH)
            _, released, showing = _study_patterns()
            hi = stop.start() if stop else end + _NAMED_WITH
            match = released.match(text, end, hi) or showing.match(text, end, hi)
            if match is None or match.group("verb").lower() not in self.words.release_verbs:
                continue
            kind = (match.groupdict().get("kind") or "").lower()  # none: documents that show
            mention = Span.of(text, start, end)
            org = Speaker(entity=entity.id, name=_without_kind(entity.name), mention=mention)
            any_unit = kind not in self.words.study_kinds
            out.append(Finding(start, match.end(), org, any_unit=any_unit))
        return out

    def _data_source(self, quote: Quote, start: int, end: int) -> Finding | None:
        """The findings of a statement by a data source ("a new Associated Press-GfK poll"
        found: the organization named in it, else the source named before it when the phrase
        points back, "the poll") or of an organization that releases its own figures ("the
        Congressional Budget Office reported"); None when the speaker is neither."""
        speaker = quote.speaker
        if speaker is None or speaker.mention is None:
            return None
        speaker = self._resolved(speaker)
        mention = speaker.mention
        if mention is None:
            return None
        if _respondents(mention.text) and quote.according_to:
            # "6 in 10 voters said ..., according to exit polling reported by CNN": CNN's poll
            pollster = self._named_with(speaker, quote)
            if pollster is not None:
                return Finding(start, end, pollster)
        words = [w.strip(".,'’") for w in mention.text.split()]
        entity = self.by_id.get(speaker.entity) if speaker.entity else None
        kind = bool(words) and words[-1].lower() in self.words.findings_nouns
        agency_name = _agency_name(words, self.words.agency_heads, self.words.name_joiners)
        if agency_name is not None and not kind and (entity is None or entity.type == "ORG"):
            # "the state Division of Gaming Enforcement", named by a recognizer or not (its
            # name may end in a word for data: "Bureau of Harbor Statistics")
            agency = speaker if entity is not None else Speaker(name=agency_name, mention=mention)
            return Finding(start, end, agency, any_unit=True)
        data = _head_noun(mention.text) in self.data_nouns  # "Trump's PFD form": not PFD's
        if entity is not None and entity.type == "ORG" and not kind and not data:
            # "the Congressional Budget Office reported": its figures go on for a little while
            # (not those of "a super PAC that intends to hammer Clinton")
            releasing = quote.cue is not None and _cue_word(quote.cue.text) in (
                self.words.releasing_cues
            )
            releasing = releasing and _head_noun(speaker.name) not in BODIES  # a campaign's
            # word is for its own sentence, not findings that go on ("The Lee campaign would
            # not say if ...")
            return Finding(start, end, speaker, any_unit=True, goes_on=releasing)
        if not words or words[-1].lower() not in self.words.findings_nouns:
            return None  # "Gallup said", "the Pentagon said": a statement, not findings
        if entity is None or entity.type != "ORG":
            entity = self._organization_in(mention.start, mention.end)
        if entity is not None:
            name = _without_kind(entity.name)
            any_unit = words[-1].lower() not in self.words.study_kinds  # a report's money
            org = Speaker(entity=entity.id, name=name, mention=mention)
            return Finding(start, end, org, any_unit=any_unit)
        named = self._name_before_kind(words)
        if named is not None:  # "An Associated Press survey": the recognizer missed the name
            return Finding(start, end, Speaker(entity=None, name=named, mention=mention))
        reach = TAG_REACH if self._unnamed_study(speaker) else _NAMED_WITH
        behind = self._named_with(speaker, quote, reach=reach)  # "The authors of the report,
        behind = behind or self._owner_in(self._phrase_of(mention))  # which include X, ..."
        if behind is not None:  # "The survey, conducted by the Harlow Institute, finds"
            any_unit = words[-1].lower() in self.words.study_words  # a report's money
            return Finding(start, end, behind, any_unit=any_unit)
        if len(words) > 1 and words[0].lower() not in self.words.pointing:
            return None  # "the poll", "its survey", "Findings": the source named before
        earlier = [f for f in self.findings if f.start < mention.start]
        if earlier:
            last = earlier[-1]  # "the poll", "the data": the source named before; its data
            any_unit = last.any_unit and words[-1].lower() not in self.words.study_kinds
            return Finding(start, end, last.claimant, any_unit=any_unit)  # as it was
        return None

    def _data_shown(self, quote: Quote, start: int, end: int) -> Finding | None:
        """The findings of data whose owner the text names ("A slide from a presentation the
        minister carries shows ...", "another slide shows"): the owner's, going on in the
        sentences after as a release's do; None for other speakers."""
        speaker, cue = quote.speaker, quote.cue
        if speaker is None or speaker.mention is None or speaker.entity is not None:
            return None
        head = _head_noun(speaker.mention.text)
        if cue is None or _cue_word(cue.text) not in self.words.data_cues:
            return None  # not "..., according to court documents reported by The Post": a
            # source for one sentence, not data whose owner the text names
        if head not in self.data_nouns:
            return None
        standing = self._standing(speaker)
        if standing.agent or self._maker(speaker.mention) is not None:
            return None  # data "released by state regulators": the body named after, later
        owner = self._owner_of(speaker, quote, standing)
        mention = owner.mention if owner is not None else None
        if (
            owner is None
            or owner.entity is None
            or mention is None
            or (mention.text.lower() in self.pronouns)
        ):
            return None  # only data a named person or body owns ("one number shows her" is
            # not hers; "leaked documents" stay a phrase for their own sentence)
        self.by_head.setdefault(head, owner)  # "Another slide shows": the same owner's
        return Finding(start, end, owner, any_unit=True)

    def _unnamed_study(self, speaker: Speaker | None) -> bool:
        """Whether a speaker is a study or its makers named only by their kind, with no
        entity ("An exhaustive study", "the report", "The researchers", "The authors")."""
        if speaker is None or speaker.entity is not None or speaker.mention is None:
            return False
        words = [w.strip(".,;:'’\"”“").lower() for w in speaker.mention.text.split()]
        return (
            bool(words)
            and words[-1] in self.words.study_words
            and all(w in self.words.not_source_names or not w[:1].isupper() for w in words[:-1])
        )

    def _points_back(self, speaker: Speaker | None) -> bool:
        """Whether a speaker's words point back to what the article named ("the report", "The
        researchers"), not to one more ("one study found", "a new study")."""
        mention = speaker.mention if speaker is not None else None
        words = mention.text.lower().split() if mention is not None else []
        return len(words) > 1 and words[0] in self.words.pointing

    def of_statement(
        self, quote: Quote | None, amount: Amount, period: Period, *, told: bool = False
    ) -> Speaker | None:
        """The claimant of ``amount`` inside ``quote`` (None: no quote): its speaker, unless the
        speaker is a data source (the organization in or before it), respondents of a poll
        ("Six in 10 say ...", "male troops backed ...": the findings in force) or no agent at
        all (a number: "Forty-one percent said ..."; a pronoun nothing resolved; data: "New
        numbers show ..."), whose figures go to the organization the text names with it
        ("figures from Statistics Denmark"), else, for data, to the phrase (an unnamed source),
        else to the findings in force or the narrator (None). A sentence given to a source by
        "according to" does not give it what a relative clause tells of someone (``told``:
        :meth:`told_of`)."""
        if quote is None or quote.speaker is None:
            return None
        cue = quote.cue.text.lower() if quote.cue is not None else ""
        if told and cue.startswith("according"):
            return None  # "Clinton, who collected $112 million, had $38 million, according to"
        source = self.sources.get(id(quote))
        if source is not None:
            self.anchor = max(self.anchor, min(c.start for c in quote.content))
            return source
        speaker = quote.speaker
        if _respondents(speaker.mention.text if speaker.mention else speaker.name) or (
            self._own_data(quote)
        ):  # "Six in 10 say ...", "the remaining casinos reported $2 billion" in a release
            findings = self.of_narration(amount, period, told=told)
            if findings is not None:
                return findings
        claimant = self._claimant_of(speaker, quote)
        if claimant is None and speaker.name.lower() in self.pronouns:
            return None  # "They said": nobody the article names
        if claimant is None:
            return self.of_narration(amount, period, told=told)  # data no one owns: "Numbers show"
        if speaker.mention is not None and speaker.entity is None:
            self.by_head.setdefault(_head_noun(speaker.mention.text), claimant)
        return claimant

    def _own_data(self, quote: Quote) -> bool:
        """Whether a statement gives the speaker's own numbers to the data a release is made
        of ("the remaining casinos reported $2 billion in revenue", "Four casinos reported
        declines"): a verb of ``own_data_verbs`` and either no figure in what it reports or a
        speaker that is a plain phrase of common nouns naming no source (no entity, two words
        or more, no capitalized word but the first, a plural head that is none of the words of
        a source, a pronoun, a title or a body). Inside a release such figures are the
        release's, and such a statement does not end it."""
        speaker, cue = quote.speaker, quote.cue
        if speaker is None or cue is None or cue.text.lower() not in self.words.own_data_verbs:
            return False
        if not any(find_amounts(c.text) for c in quote.content):
            return True  # "Four casinos — ... — reported year-over-year revenue declines"
        mention = speaker.mention
        if speaker.entity is not None or mention is None:
            return False
        words = [w.strip(".,;:'’\"”“") for w in mention.text.split()]
        if len(words) < 2 or any(w[:1].isupper() for w in words[1:]) or words[-1][-1:] != "s":
            return False  # "the Harlow casinos" (a name)
        head = words[-1].lower()
        if head in self.pronouns or head in PERSON_TITLES or head in ORG_HEADS:
            return False
        w = self.words
        sources = w.unnamed_sources | w.findings_nouns | self.data_nouns | w.respondents
        return head not in sources and _head_noun(head) not in sources

    def _claimant_of(self, speaker: Speaker, quote: Quote) -> Speaker | None:
        """An agent speaker as the fullest name it stands for; a non-agent as whoever it
        belongs to ("a slide from the minister's presentation"; "another slide": the owner
        of the slides before), else, when a phrase qualifies it, the phrase; else None."""
        standing = self._standing(speaker)
        owner = self._earlier_owner(speaker.mention) if speaker.entity is None else None
        if owner is not None:  # "a Times article hailed Trump ... "...," the article read"
            return self._fullest(owner)
        if standing.agent:
            return self._fullest(self._resolved(speaker))
        owner = self._owner_of(speaker, quote, standing)
        return self._fullest(owner) if owner is not None else None

    def _owner_of(self, speaker: Speaker, quote: Quote, standing: Standing) -> Speaker | None:
        """Whose the data a non-agent speaker is ("a slide from the minister's presentation";
        "another slide": the owner of the slides before; "data released by state gaming
        regulators"), else, when a phrase qualifies it, the phrase ("leaked documents");
        else None. Names as the text gives them (see :meth:`_fullest`)."""
        mention = speaker.mention
        named = self._possessor(mention) if mention is not None else None
        named = named or self._named_with(speaker, quote, people=True)
        if named is None and mention is not None:
            named = self._owner_in(self._phrase_of(mention))
            named = named or self.by_head.get(_head_noun(mention.text))
        maker = self._maker(mention) if named is None and mention is not None else None
        if maker is not None:  # "data released Friday by state gaming regulators"
            return self._body_named_after(maker) or maker
        if named is None and standing.qualified_data:
            return speaker  # "leaked documents show": an unnamed source, the phrase
        return named

    def _earlier_owner(self, mention: Span | None) -> Speaker | None:
        """Whose a document is when the speaker points back to one ("the article") that the
        text named before with its owner ("a Times article", "the Lee campaign's memo"): that
        person or organization, else None."""
        words = mention.text.lower().split() if mention is not None else []
        if mention is None or len(words) != 2 or words[0] not in self.words.pointing:
            return None
        if words[1] not in DOCUMENTS:
            return None
        owned = re.compile(
            rf"(?<![\w-])(?P<owner>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*)(?:['’]s)?\s+{words[1]}\b"
        )
        found = list(owned.finditer(self.text, max(0, mention.start - REACH), mention.start))
        if not found:
            return None
        lo, hi = found[-1].span("owner")
        for s, t, entity in self.mentions.overlapping(lo, hi):
            if entity.type in ("ORG", "PERSON") and lo <= s and t <= hi:
                return _of_entity(entity, Span.of(self.text, s, t))
        return None

    def _maker(self, mention: Span) -> Speaker | None:
        """The unnamed source data are said to be made by ("data released Friday by state
        gaming regulators": ``state gaming regulators``), or None."""
        phrase = self._phrase_of(mention)
        match = _MADE_BY.search(phrase.text)
        if match is None:
            return None
        words = match.group("maker").lower().split()
        if not words or words[-1].strip(".,;:") not in self.words.unnamed_sources:
            return None
        at = phrase.start + match.start("maker")
        source = Span.of(self.text, at, phrase.start + match.end("maker"))
        return Speaker(entity=None, name=source.text, mention=source)

    def _body_named_after(self, maker: Speaker) -> Speaker | None:
        """The public body the text names as a source right after an unnamed one ("... by
        state gaming regulators. ..., according to the state Division of Gaming
        Enforcement"): the regulators are its people."""
        end = maker.mention.end if maker.mention is not None else 0
        for finding in self.findings:
            if end < finding.start <= end + _NEXT_SOURCE:
                name = finding.claimant.name.split()
                if any(w.lower() in self.words.agency_heads for w in name[1:] + name[:1]):
                    return finding.claimant
        return None

    def _resolved(self, speaker: Speaker) -> Speaker:
        """The agent a speaker's words stand for: a body named by its owner ("his campaign",
        "the Lee campaign": ``Lee campaign``), an organization named by its kind ("the
        agency", "The company": the organization named last before it, whatever entity the
        speaker was given); else the speaker as it is."""
        mention = speaker.mention
        if mention is None:
            return speaker
        words = [w.strip(".,'’\"”“").lower() for w in mention.text.split()]
        if not words:
            return speaker
        if words[-1] in BODIES and len(words) >= 2:
            entity = self.by_id.get(speaker.entity) if speaker.entity else None
            owner = entity.name if entity is not None and entity.type == "PERSON" else None
            if owner is None and words[0] in self.words.owners:
                found = self._last_agent(mention.start, "PERSON")
                owner = found.entity.name if found is not None else None
            if owner is None and entity is None:
                named = self._agent_in(mention.start, mention.end, "PERSON")
                owner = named.name if named is not None else None
            if owner is not None:
                name = f"{owner.split()[-1]} {words[-1]}"
                return Speaker(entity=None, name=name, mention=mention)
        if (
            len(words) == 2
            and words[0] in self.words.pointing
            and words[1] in ORG_HEADS
            and words[1] not in BODIES
        ):
            found = self._last_agent(mention.start, "ORG")
            if found is not None:
                return _of_entity(found.entity, mention)
        entity = self.by_id.get(speaker.entity) if speaker.entity else None
        if (
            (entity is None or entity.type != "PERSON")
            and len(words) == 2
            and words[0] in self.words.pointing
            and words[1] in PERSON_TITLES
        ):  # "The senator said": the person the title was last given to, else last named
            person = self._titled(mention.start, words[1])
            if person is not None:
                return _of_entity(person, mention)
        return speaker

    def _titled(self, before: int, title: str) -> Entity | None:
        """The person named last before ``before`` that bears ``title`` ("Sen. Lee" for "the
        senator"), else the person named last."""
        people = []
        n = bisect_right(self.agent_starts, before) - 1
        while n >= 0 and before - self.agents[n].start < REACH:
            if self.agents[n].entity.type == "PERSON":
                people.append(self.agents[n].entity)
            n -= 1
        titled = [p for p in people if _bears(p, title)]
        found = titled or people
        return found[0] if found else None

    def _last_agent(self, before: int, kind: str, reach: int = REACH) -> _Named | None:
        """The last mention of a person or organization (``kind``) named in the ``reach``
        characters before ``before``."""
        n = bisect_right(self.agent_starts, before) - 1
        while n >= 0 and before - self.agents[n].start < reach:
            agent = self.agents[n]
            if agent.entity.type == kind and agent.end <= before:
                return agent
            n -= 1
        return None

    def _agent_in(self, lo: int, hi: int, kind: str) -> Entity | None:
        found = [e for s, t, e in self.mentions.overlapping(lo, hi) if e.type == kind]
        return found[0] if found else None

    def _fullest(self, claimant: Speaker) -> Speaker:
        """An organization by the fullest name the article gives it: "Tax Policy Center" as
        "Urban-Brookings Tax Policy Center", "Hurun" as "Hurun Report", "AP-GfK" as
        "Associated Press-GfK" (a name another one extends, or spells out). A speaker read as
        a place is taken for an organization only by its name and a kind of publication after
        it ("Hurun" and the "Hurun Report"; "China" is not the "China Development Bank")."""
        entity = self.by_id.get(claimant.entity) if claimant.entity else None
        if entity is not None and entity.type == "PERSON":
            return claimant
        longer = [
            n for n in self.org_names if len(n) > len(claimant.name) and _extends(n, claimant.name)
        ]
        if entity is not None and entity.type != "ORG":  # "Hurun" read as a place: only
            kinds = self.words.findings_nouns  # the name of its publication, "Hurun Report"
            longer = [n for n in longer if n.split()[:-1] == claimant.name.split()]
            longer = [n for n in longer if n.split()[-1].lower() in kinds]
        if not longer:
            return claimant
        return Speaker(entity=claimant.entity, name=max(longer, key=len), mention=claimant.mention)

    def _standing(self, speaker: Speaker) -> Standing:
        """Whether a speaker is an agent, or data whose phrase says whose or what it is
        though no one is named ("leaked documents", "federal statistics"). Numbers ("Forty-one
        percent", "Two-thirds"), unresolved pronouns and bare or merely new data ("Numbers",
        "New numbers") are neither. A mention that ends in data is data, whatever entity it
        was given ("Trump's new PFD form" read as the organization "PFD")."""
        name = speaker.name.strip()
        if speaker.mention is not None and _head_noun(speaker.mention.text) in self.data_nouns:
            name = speaker.mention.text.strip()
        words = name.lower().split()
        if not words or not any(ch.isalpha() for ch in name):
            return Standing()  # "39"
        if speaker.entity is None and name.lower() in self.pronouns:
            return Standing()  # "they", "it": unresolved
        counted = find_amounts(name)
        if counted and counted[0].start == 0 and counted[0].kind != "count":
            return Standing()  # "Forty-one percent", "Two-thirds"
        at = next((n - 1 for n, w in enumerate(words) if n and w in _SOURCE_PREPOSITIONS), -1)
        if words[at].strip(".,;:'’\"”") not in self.data_nouns:
            return Standing(agent=True)
        qualifiers = [w for w in words[:at] if w not in self.words.not_source_names]
        return Standing(qualified_data=bool(qualifiers))

    def _named_with(
        self, speaker: Speaker, quote: Quote, *, people: bool = False, reach: int = _NAMED_WITH
    ) -> Speaker | None:
        """The organization named in or right after a speaker's words ("FEC records",
        "numbers released by the Census Bureau"), within its sentence and before the
        statement's first words; else one the statement names as its source ("..., according
        to a survey by the Harlow Institute")."""
        mention = speaker.mention
        if mention is not None:
            stop = min(len(self.text), mention.end + reach)
            end = _CLAUSE_END.search(self.text, mention.end, stop)
            stop = end.start() if end is not None else stop
            content = [c.start for c in quote.content if c.start >= mention.end]
            if content:
                stop = min(stop, content[0])
            found = self._organization(mention.start, stop, people=people)
            if found is not None:
                return found
        for source in quote.according_to:  # "according to exit polling reported by CNN"
            phrase = self._phrase_of(source.span)
            found = self._organization(phrase.start, phrase.end)
            if found is not None:
                return found
        return None

    def _organization(self, lo: int, hi: int, *, people: bool = False) -> Speaker | None:
        """The first organization (or person, with ``people``) mentioned from ``lo`` to
        ``hi``, as a claimant."""
        found = self._organization_mention(lo, hi, overlapping=False, people=people)
        if found is None:
            return None
        body = _BODY_AFTER.match(self.text, found.end)
        if body is not None and body.group("body").lower() in BODIES:
            # "on the Trump campaign's website": the campaign's, not the candidate's
            phrase = Span.of(self.text, found.start, body.end())
            return self._resolved(Speaker(entity=None, name=phrase.text, mention=phrase))
        return _of_entity(found.entity, Span.of(self.text, found.start, found.end))

    def _organization_in(self, lo: int, hi: int, *, overlapping: bool = False) -> Entity | None:
        """The organization first mentioned within ``lo`` to ``hi`` (or overlapping it)."""
        found = self._organization_mention(lo, hi, overlapping=overlapping)
        return found.entity if found is not None else None

    def _organization_mention(
        self, lo: int, hi: int, *, overlapping: bool, people: bool = False
    ) -> _Named | None:
        kinds = ("ORG", "PERSON") if people else ("ORG",)
        found = [
            _Named(s, t, e)
            for s, t, e in self.mentions.overlapping(lo, hi)
            if e.type in kinds and (overlapping or (lo <= s and t <= hi))
        ]
        return min(found, key=lambda m: (m.start, m.end)) if found else None

    def of_clause(self, token: Any, offset: int) -> Speaker | None:
        """The subject of a verb that states or values the figure at ``token`` outside every
        quotation: "Bloomberg estimates his fortune at [$42 billion]", "The fund expects
        output to grow [1.6 percent]", "Lee has called for the wage, now [$7.25], to rise",
        "which independent analyses have estimated to cost [$3 trillion]" (an unnamed source).
        A verb of speech claims what its clause states, not a figure hung on the verb itself
        ("Lee said of the [12] meetings"); a verb of valuation claims both. None when no such
        verb governs the figure or its subject is no agent, and for a figure in the subject of
        a verb of speech (who speaks, "the [34-year-old] mother replied", is the narrator's)."""
        words = self.words
        child = token
        at = offset + token.idx
        speaking = figure_words().pronouns.reporting_verbs
        for _ in range(12):
            if child.dep_ in ("nsubj", "nsubjpass") and token.lower_ in speaking:
                return None  # who speaks: "the 34-year-old mother of three replied"
            lemma = token.lemma_.lower()
            valuing = lemma in words.valuation_verbs and child.dep_ != "advcl"  # "Though ..."
            subject = _subject_of(token)
            verb = token.pos_ in ("VERB", "AUX") or (token.dep_ == "ROOT" and subject is not None)
            method = self._method(child, token, offset + token.idx) if verb else None
            if method is not None:  # "..., using the [five] most recent polls"
                return method
            if verb and (valuing or lemma in words.statement_verbs):
                stated = child.dep_ in _STATED or _stated_for(child, words.stated_prepositions)
                stating = self.by_cue.get(offset + token.idx)
                spans = stating.content if stating is not None else []
                if not valuing and spans and not any(c.start <= at < c.end for c in spans):
                    return None  # the verb's statement is known and the figure is not in it
                if subject is not None and (valuing or stated):
                    inner = self._subject_claimant(subject, offset)
                    return inner and (self._relaying(offset + token.idx) or inner)
            if verb and lemma in words.data_verbs and subject is not None and child.dep_ in _STATED:
                found = self._subject_claimant(subject, offset)
                entity = self.by_id.get(found.entity) if found and found.entity else None
                if entity is not None and entity.type == "ORG":
                    return found
            if token.head.i == token.i:
                return None
            child, token = token, token.head
        return None

    def _method(self, child: Any, verb: Any, at: int) -> Speaker | None:
        """The claimant of the statement whose cue is ``verb`` (at ``at``) when ``child`` is a
        participle after it that tells how the speaker got its figures ("POLITICO's average
        shows ..., using the five most recent polls"): one of ``method_participles``, with no
        subject of its own. None otherwise."""
        quote = self.by_cue.get(at)
        if (
            quote is None
            or quote.speaker is None
            or child.dep_ != "advcl"
            or child.tag_ != "VBG"
            or child.i < verb.i
            or child.lower_ not in self.words.method_participles
            or any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):
            return None
        return self.sources.get(id(quote)) or self._claimant_of(quote.speaker, quote)

    def _relaying(self, at: int) -> Speaker | None:
        """The claimant of the statement whose content holds the verb at ``at``: one who
        relays what another claimed ("The Times wrote that Trump had claimed a loss of $916
        million, which could have allowed him to avoid taxes for [18 years]": the Times')."""
        for _, _, quote in self.contents.overlapping(at, at + 1):
            if quote.speaker is None or (quote.cue is not None and quote.cue.start == at):
                continue
            claimant = self.sources.get(id(quote)) or self._claimant_of(quote.speaker, quote)
            if claimant is not None:
                return claimant
        return None

    def of_according(self, lo: int, hi: int, at: int, *, told: bool = False) -> Speaker | None:
        """The source a sentence ``text[lo:hi]`` names with "according to" when no quotation
        holds the figure at ``at`` ("The top tenth would gain 9 percent, according to the
        Harbor Tax Center"): a person or organization named there, the owner of the data
        it names ("figures her campaign released": the ``Lee campaign``), the study named
        before ("the poll"), or an unnamed source ("federal statistics"); else None, also
        for a figure in a relative clause that tells of someone (``told``: :meth:`told_of`)."""
        if told:
            return None
        for match in _ACCORDING.finditer(self.text, lo, hi):
            stop = _SOURCE_END.search(self.text, match.end(), hi)
            end = stop.start() if stop is not None else hi
            if match.start() <= at < end:
                continue  # the figure is in the source's words: "according to 3 officials"
            phrase = Span.of(self.text, match.end(), end)
            found = self._organization_mention(
                phrase.start, phrase.end, overlapping=False, people=True
            )
            if found is not None:
                mention = Span.of(self.text, found.start, found.end)
                return self._fullest(_of_entity(found.entity, mention))
            words = phrase.text.lower().split()
            if not words:
                return None
            speaker = Speaker(entity=None, name=phrase.text, mention=phrase)
            owner = self._owner_in(phrase)
            if owner is not None:
                return owner
            kind = next((n for n, w in enumerate(words) if w in self.words.findings_nouns), -1)
            named = self._name_before_kind(phrase.text.split()[: kind + 1]) if kind > 0 else None
            if named is not None:  # "the RealClearPolitics average of polls"
                return Speaker(entity=None, name=named, mention=phrase)
            if words[0] in self.words.pointing and words[-1] in self.words.findings_nouns:
                earlier = [f for f in self.findings if f.start < phrase.start]
                return earlier[-1].claimant if earlier else None
            if self._standing(speaker).qualified_data or words[-1] in self.words.unnamed_sources:
                return speaker
            return None
        return None

    def _possessor(self, mention: Span) -> Speaker | None:
        """The person or organization a speaker's words give as owner ("Trump's new PFD
        form", "the bureau's estimate"), or None."""
        match = _POSSESSOR.match(mention.text)
        if match is None:
            return None
        start, end = mention.start + match.start("owner"), mention.start + match.end("owner")
        for s, t, entity in self.mentions.overlapping(start, end):
            if entity.type in ("ORG", "PERSON") and start <= s and t <= end:
                return _of_entity(entity, Span.of(self.text, s, t))
        last = match.group("owner").split()[-1]
        named = [
            e
            for e in self.by_id.values()
            if e.type in ("ORG", "PERSON") and e.name.split()[-1] == last
        ]
        if len(named) == 1:  # a surname no mention was given
            return Speaker(
                entity=named[0].id, name=named[0].name, mention=Span.of(self.text, start, end)
            )
        return None

    def _name_before_kind(self, words: list[str]) -> str | None:
        """The capitalized words before the kind of source that ends ``words`` ("An
        Associated Press survey": "Associated Press"), or None."""
        named = [
            w.strip(".,'’")
            for w in words[:-1]
            if w[:1].isupper() and w.lower() not in self.words.not_source_names
        ]
        return " ".join(named) if named else None

    def _phrase_of(self, mention: Span) -> Span:
        """A speaker's mention and the words after it in its clause ("figures her campaign
        released Friday")."""
        stop = _CLAUSE_END.search(self.text, mention.end, mention.end + _NAMED_WITH)
        return Span.of(self.text, mention.start, stop.start() if stop else mention.end)

    def _owner_in(self, phrase: Span) -> Speaker | None:
        """A body named by its owner inside ``phrase`` ("figures her campaign released")."""
        words = list(re.finditer(r"[\w.’']+", phrase.text))
        for before, word in pairwise(words):
            if word.group(0).lower() in BODIES:
                start, end = phrase.start + before.start(), phrase.start + word.end()
                mention = Span.of(self.text, start, end)
                found = self._resolved(Speaker(entity=None, name=mention.text, mention=mention))
                if found.name != mention.text:
                    return found
        return None

    def _subject_claimant(self, subject: Any, offset: int) -> Speaker | None:
        """A verb's subject as a claimant: a person or organization (named, or pointed to by
        a pronoun the article resolves, or by its kind: "the agency"), or an unnamed source
        ("independent analyses", "federal officials"); None for anything else."""
        start, end = offset + subject.idx, offset + subject.idx + len(subject.text)
        for s, t, entity in self.mentions.overlapping(start, end):
            found = _of_entity(entity, Span.of(self.text, s, t))
            if entity.type in ("ORG", "PERSON"):
                return self._fullest(self._resolved(found))
            fullest = self._fullest(found)  # "Hurun lists ..." (read as a place): Hurun Report
            if fullest.name != entity.name:
                return fullest
        named = [
            e
            for e in self.by_id.values()
            if e.type in ("ORG", "PERSON") and e.name.split()[-1] == subject.text
        ]
        if len(named) == 1 and subject.text[:1].isupper():  # a surname no mention was given
            return _of_entity(named[0], Span.of(self.text, start, end))
        left = offset + subject.left_edge.idx
        phrase = Span.of(self.text, left, end)
        speaker = self._resolved(Speaker(entity=None, name=phrase.text, mention=phrase))
        if speaker.entity is not None:
            return self._fullest(speaker)
        head = subject.lower_
        if head in self.words.unnamed_sources and not _respondents(phrase.text):
            return speaker
        return None

    def of_narration(
        self,
        amount: Amount,
        period: Period,
        token: Any | None = None,
        offset: int = 0,
        *,
        told: bool = False,
    ) -> Speaker | None:
        """The claimant of ``amount`` outside every statement by an agent: the data source
        whose findings the text is still reporting there, else the narrator (None). For the
        figures of an organization's release, a clause whose subject is another agent, or the
        organization acted upon ("X was fined"), tells of events, not of the release
        (``token``: a word of the amount in the parse; ``offset``: where its paragraph
        starts)."""
        start, unit = amount.start, amount.unit
        n = bisect_right(self.starts, start) - 1
        if n < 0 and self._in_study_headline(start):
            return self.findings[0].claimant  # "Poll: Lee leads by 6": the poll the body reports
        if n < 0:
            return None
        finding = self.findings[n]
        if period.older and not finding.any_unit:
            return None  # a poll's findings are of now: "won it by 10 points in 1988" is not
        if (period.older or period.earlier) and not period.compared:
            return None  # "Last year, the casinos earned $2.7 billion": history
        if unit not in self.words.findings_units and not finding.any_unit:
            return None
        if told:
            return None  # "a shooting that killed three people" in a poll's sentence
        if self._states_content(finding, start):
            self.anchor = start
            return finding.claimant  # "a Harbor Ledger report that Reyes lost $915 million"
        if finding.any_unit and self._listed_after(finding, start):
            self.anchor = start
            return finding.claimant  # "The researchers reported that Apple holds $214.9
            # billion offshore; Nike holds [$10.7 billion]": the report's list goes on
        if finding.any_unit and token is not None and self._acted(token, offset, finding):
            self.acted = max(self.acted, start)
            return None
        if (
            finding.any_unit
            and max(self.anchor, finding.end) < self.acted
            and _CLAUSE_END.search(self.text, self.acted, start) is not None
        ):  # a sentence told of what someone did since the release last gave a figure
            return None  # ("Adelson has committed $5 million. ... [$20 million]")
        k = bisect_right(self.others, _Stretch(start, start)) - 1
        if (
            k >= 0
            and finding.start < self.others[k].start
            and start < self.others[k].end + TAG_REACH
            and _CLAUSE_END.search(self.text, self.others[k].end, start) is None
        ):
            return None  # in the tag of someone else's statement ("said of the 12 meetings")
        if finding.any_unit and k >= 0 and finding.end <= self.others[k].start:
            return None  # someone else has spoken since the release
        if max(self.anchor, finding.start) < start - (RELEASE_REACH if finding.any_unit else REACH):
            return None  # the findings were left behind
        self.anchor = start
        return finding.claimant

    def of_study_later_in_sentence(self, hi: int, amount: Amount) -> Speaker | None:
        """The poll or study named after the figure in its sentence as where the figure was
        found ("with [87 percent] viewing him favorably in a Des Moines Register/Bloomberg
        Politics poll this month"): one introduced by "in" or "by" ("in a ... poll"),
        for the units of findings."""
        n = bisect_right(self.starts, amount.end)
        for finding in self.findings[n:]:
            if finding.start >= hi:
                break
            if amount.unit not in self.words.findings_units and not finding.any_unit:
                return None
            if _FOUND_IN.search(self.text, max(0, finding.start - 12), finding.start):
                self.anchor = max(self.anchor, finding.start)
                return finding.claimant
        return None

    def of_study_subject(self, token: Any, at: int) -> Speaker | None:
        """The poll or study named before that the subject of the figure's clause points back
        to ("The survey was conducted ..., using a panel of [600 respondents]", "The poll of
        [900 adults] has a margin of error of [3.5 points]": its methodology is its own, and so
        are its findings when the article comes back to them): the latest finding before ``at``
        whose words name a study of that kind; None when the subject is no such phrase. "It"
        right after a sentence about the survey is the survey ("It has a margin of error of
        [4 percent]")."""
        kinds = self.words.named_study_kinds
        subject = _clause_subject(token)
        if subject is not None and subject.lower_ == "it" and subject.sent.start > 0:
            before = subject.doc[subject.sent.start - 1].sent.root
            subject = _clause_subject(before)
        if (
            subject is None
            or subject.lower_ not in kinds
            or subject.left_edge.lower_ not in self.words.pointing
            or any(w.text[:1].isupper() for w in subject.doc[subject.left_edge.i + 1 : subject.i])
        ):
            return None  # not "The latest Reuters/Ipsos poll", which names its own source
        for finding in reversed(self.findings[: bisect_right(self.starts, at)]):
            mention = finding.claimant.mention
            if finding.claimant.entity is None or mention is None:
                continue  # a study a recognizer did not name ("Jobs Report" in a headline)
            if kinds & set(re.findall(r"[a-z]+", mention.text.lower())):
                self.anchor = max(self.anchor, at)
                return finding.claimant
        return None

    def told_of(self, token: Any, amount: Amount) -> bool:
        """Whether ``amount`` (``token``: a word of it in the parse) is in a relative clause
        that tells what someone or something did ("Clinton, who collected $112 million in
        2015", "a shooting that killed three people"): events, not what a source states. Not
        a clause of speech or valuation ("which analysts estimate at $3 billion"), nor one
        that says who respondents are ("voters who earn $100,000") or what a study says ("a
        report that he lost $9 million"); not shares ("Clinton, who is viewed as honest by 55
        percent"), the findings of polls wherever they are, nor thresholds that make a group
        ("super PACs that raised $1 million or more")."""
        if amount.unit in ("percent", "percentage_points") or amount.comparator not in "=~":
            return False
        words = self.words
        sources = words.respondents | words.findings_nouns | self.data_nouns
        for _ in range(8):
            if token.dep_ == "relcl":
                lemma = token.lemma_.lower()
                if lemma in words.statement_verbs or lemma in words.valuation_verbs:
                    return False
                head = token.head.lower_
                return head not in sources and _head_noun(head) not in sources
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def _states_content(self, finding: Finding, start: int) -> bool:
        """Whether ``start`` is in the clause a study's name introduces ("a Harbor Ledger
        report that Reyes lost ..."): what the study states, whoever acts in it."""
        between = self.text[finding.end : start]
        return _CONTENT.match(between) is not None and _CLAUSE_END.search(between) is None

    def _listed_after(self, finding: Finding, start: int) -> bool:
        """Whether ``start`` is in a clause that a semicolon joins to the statement of
        ``finding``, in its sentence: one more item of what it states."""
        between = self.text[finding.end : start]
        return between.lstrip(" .,'’\"”").startswith(";") and _CLAUSE_END.search(between) is None

    def _in_study_headline(self, start: int) -> bool:
        """Whether ``start`` is in the headline (the first line) and the headline names a kind
        of study ("Poll: Lee leads by 6", "... In Survey Of Teachers") that the body reports."""
        end = self.text.find("\n")
        if not self.findings or start >= (end if end >= 0 else len(self.text)):
            return False
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", self.text[:end])}
        return bool(words & self.words.named_study_kinds)

    def _acted(self, token: Any, offset: int, finding: Finding) -> bool:
        """Whether the clause of ``token`` tells what an agent other than the one behind
        ``finding`` did ("Adelson has committed $5 million", "she would impose"), or what was
        done to one ("Wells Fargo was fined $185 million"), or what another agent did to the
        thing the figure measures ("Apple's $14.5 billion tax bill levied by the EU")."""
        for _ in range(8):
            for verb in (c for c in token.children if c.dep_ == "acl"):
                agents = [a for c in verb.children if c.dep_ == "agent" for a in c.children]
                if agents and self._agent_subject(agents[0], offset, finding):
                    return True
            if token.pos_ in ("VERB", "AUX"):
                subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return self._agent_subject(subjects[0], offset, finding)
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    def _agent_subject(self, subject: Any, offset: int, finding: Finding) -> bool:
        """Whether ``subject`` is an agent other than the one behind ``finding`` (or any agent
        acted upon): a personal pronoun, or a person or organization named by the subject or by
        a name that modifies it ("the Ricketts family", "The top super PAC donors")."""
        if subject.lower_ in self.words.person_pronouns:
            return True
        words = [subject, *(c for c in subject.children if c.dep_ == "compound")]
        for word in words:
            start, end = offset + word.idx, offset + word.idx + len(word.text)
            for _, _, entity in self.mentions.overlapping(start, end):
                if entity.type not in ("ORG", "PERSON"):
                    continue
                own = entity.id == finding.claimant.entity or entity.name == finding.claimant.name
                return subject.dep_ == "nsubjpass" or not own
        return False
