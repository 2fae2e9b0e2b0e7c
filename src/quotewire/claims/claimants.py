"""Who claims each figure (the rules of docs/claimants.md, section 4).

- A figure inside a statement is its speaker's; a speaker that is a data source named by its
  kind ("An Associated Press survey", "a new Quinnipiac poll") is the organization named in it.
- A figure a named poll, survey, study or report states goes on being that organization's in
  the sentences and paragraphs that keep reporting its findings, with no new cue ("Seventy-two
  percent now believe ..."): from the statement of the source to the next statement of another
  source. Figures of another period than the findings' (an earlier year) and counts of things
  that are not answers (dates, money, distances) are the narrator's there.
- Every other figure is the narrator's (``claimant`` None).

Pure functions over the article's quotes and entities; ``find_claims`` asks :class:`Claimants`
for each amount in text order.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotewire.claims.amounts import find_amounts
from quotewire.claims.lexicon import figure_words
from quotewire.claims.numbers import NUMBER_WORDS
from quotewire.model import Entity, Quote, Span, Speaker
from quotewire.quotes.intervals import IntervalIndex


@dataclass(frozen=True, slots=True)
class Finding:
    """A statement by a data source: where it starts and ends, and who claims its figures."""

    start: int
    end: int
    claimant: Speaker
    any_unit: bool = False  # a data release: all its figures; a poll: its shares and counts


#: A poll, survey or study named by the words before it ("a new Quinnipiac University poll").
_NAMED_STUDY = re.compile(
    r"(?<![\w-])(?P<name>(?:[A-Z][\w.&'’/-]*\s+){1,6})(?:[Pp]oll|[Ss]urvey|[Ss]tudy)\b"
)
_SENTENCE_END = re.compile(r"^[\w’']{2,}[.!?]$")
#: Cues by which an organization releases figures of its own ("reported", "estimates").
_REPORTING = re.compile(r"^(?:report|find|found|estimat|project|calculat|count|releas|publish)")
#: How far (in characters) the findings of a poll or study reach past the last figure given to
#: it, and those of an organization that reports its own figures (a release mixes with events).
REACH = 2_000
RELEASE_REACH = 600
#: Characters after another speaker's statement that are its tag, not the findings'.
TAG_REACH = 200


def _without_kind(name: str) -> str:
    """An organization's name without the kind of study it ends with ("X Poll" -> "X")."""
    words = name.split()
    kinds = figure_words().claimants.study_kinds
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in kinds else name


@dataclass(frozen=True, slots=True)
class Standing:
    """What a statement's speaker is, for the figures in it: an agent (they are its), data a
    phrase qualifies (they are the phrase's, an unnamed source), or neither."""

    agent: bool = False
    qualified_data: bool = False


#: Characters after a speaker where the organization it belongs to is looked for.
_NAMED_WITH = 80


def _respondents(mention: str) -> bool:
    """Whether a speaker is a share or group of respondents ("Seventy-four percent", "Six in
    10", "likely voters")."""
    words = mention.lower().split()
    if not words:
        return False
    first = words[0].strip(".,")
    numeric = any(ch.isdigit() for ch in first) or first in NUMBER_WORDS["en"]
    respondents = figure_words().claimants.respondents
    return numeric or "percent" in words or words[-1].strip(".,") in respondents


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
        self.findings: list[Finding] = list(self._named_studies(text))
        self.others: list[tuple[int, int]] = []  # statements by people and bodies not sources
        self.sources: dict[int, Speaker] = {}  # id(quote) -> its data source
        for quote in sorted(quotes, key=lambda q: min(c.start for c in q.content)):
            start = min(c.start for c in quote.content)
            end = max(c.end for c in quote.content)
            finding = self._data_source(quote, start, end)
            if finding is not None:
                self.sources[id(quote)] = finding.claimant
                self.findings.append(finding)
            elif quote.speaker is not None and not _respondents(
                quote.speaker.mention.text if quote.speaker.mention else quote.speaker.name
            ):
                self.others.append((start, end))
        self.findings.sort(key=lambda f: f.start)
        self.starts = [f.start for f in self.findings]
        self.anchor = -1  # where the findings in force last gave a figure

    def _named_studies(self, text: str) -> list[Finding]:
        """Polls, surveys and studies named where they are mentioned, speaker or not ("In a
        national USA TODAY/Suffolk University Poll, likely voters ...")."""
        out = []
        for match in _NAMED_STUDY.finditer(text):
            words = match.group("name").split()
            ends = [n for n, w in enumerate(words) if _SENTENCE_END.match(w)]
            if ends:  # "... Sanders. The poll": the name starts after the sentence's end
                words = words[ends[-1] + 1 :]
            words = [w for w in words if w.lower() not in self.words.not_source_names]
            if not words:
                continue
            hi = match.end("name")
            lo = hi - len(" ".join(words)) - 1
            org = self._organization_in(lo, hi, overlapping=True)
            name = _without_kind(org.name) if org is not None else " ".join(words)
            mention = Span(start=match.start(), end=match.end(), text=match.group(0))
            speaker = Speaker(entity=org.id if org else None, name=name, mention=mention)
            out.append(Finding(match.start(), match.end(), speaker))
        return out

    def _data_source(self, quote: Quote, start: int, end: int) -> Finding | None:
        """The findings of a statement by a data source ("a new Associated Press-GfK poll"
        found: the organization named in it, else the source named before it when the phrase
        points back, "the poll") or of an organization that releases its own figures ("the
        Congressional Budget Office reported"); None when the speaker is neither."""
        speaker = quote.speaker
        if speaker is None or speaker.mention is None:
            return None
        words = [w.strip(".,'’") for w in speaker.mention.text.split()]
        entity = self.by_id.get(speaker.entity) if speaker.entity else None
        reporting = quote.cue is not None and _REPORTING.match(quote.cue.text.lower())
        kind = bool(words) and words[-1].lower() in self.words.findings_nouns
        if entity is not None and entity.type == "ORG" and reporting and not kind:
            # "the Congressional Budget Office reported": its figures go on for a little while
            return Finding(start, end, speaker, any_unit=True)
        if not words or words[-1].lower() not in self.words.findings_nouns:
            return None  # "Gallup said", "the Pentagon said": a statement, not findings
        if entity is None or entity.type != "ORG":
            entity = self._organization_in(speaker.mention.start, speaker.mention.end)
        if entity is not None:
            name = _without_kind(entity.name)
            return Finding(
                start, end, Speaker(entity=entity.id, name=name, mention=speaker.mention)
            )
        named = [
            w
            for w in words[:-1]
            if w[:1].isupper() and w.lower() not in self.words.not_source_names
        ]
        if named:  # "An Associated Press survey": the recognizer missed the name
            named_source = Speaker(entity=None, name=" ".join(named), mention=speaker.mention)
            return Finding(start, end, named_source)
        earlier = [f for f in self.findings if f.start < speaker.mention.start]
        if earlier and words[0].lower() in ("the", "that", "this"):
            return Finding(start, end, earlier[-1].claimant)  # "the poll": the one named before
        return None

    def of_statement(self, quote: Quote | None) -> Speaker | None:
        """The claimant of a figure inside ``quote`` (None: no quote): its speaker, unless the
        speaker is a data source (the organization in or before it) or no agent at all (a
        number: "Forty-one percent said ..."; a pronoun nothing resolved; data: "New numbers
        show ..."), whose figures go to the organization the text names with it ("figures
        from Statistics Denmark"), else, for data, to the phrase (an unnamed source), else to
        the narrator (None)."""
        if quote is None or quote.speaker is None:
            return None
        source = self.sources.get(id(quote))
        if source is not None:
            self.anchor = max(self.anchor, min(c.start for c in quote.content))
            return source
        standing = self._standing(quote.speaker)
        if standing.agent:
            return quote.speaker
        named = self._named_with(quote.speaker, quote)
        if named is None and standing.qualified_data:
            return quote.speaker  # "leaked documents show": an unnamed source, the phrase
        return named

    def _standing(self, speaker: Speaker) -> Standing:
        """Whether a speaker is an agent, or data whose phrase says whose or what it is
        though no one is named ("leaked documents", "federal statistics"). Numbers ("Forty-one
        percent", "Two-thirds"), unresolved pronouns and bare or merely new data ("Numbers",
        "New numbers") are neither."""
        name = speaker.name.strip()
        words = name.lower().split()
        if not words or not any(ch.isalpha() for ch in name):
            return Standing()  # "39"
        if speaker.entity is None and name.lower() in self.pronouns:
            return Standing()  # "they", "it": unresolved
        counted = find_amounts(name)
        if counted and counted[0].start == 0 and counted[0].kind != "count":
            return Standing()  # "Forty-one percent", "Two-thirds"
        at = next((n - 1 for n, w in enumerate(words) if n and w in ("of", "from", "by")), -1)
        if words[at].strip(".,;:'’\"”") not in self.data_nouns:
            return Standing(agent=True)
        qualifiers = [w for w in words[:at] if w not in self.words.not_source_names]
        return Standing(qualified_data=bool(qualifiers))

    def _named_with(self, speaker: Speaker, quote: Quote) -> Speaker | None:
        """The organization named in or right after a speaker's words ("FEC records",
        "numbers released by the Census Bureau"), within its sentence and before the
        statement's first words; else one the statement names as its source ("..., according
        to a survey by the Harlow Institute")."""
        mention = speaker.mention
        if mention is not None:
            stop = min(len(self.text), mention.end + _NAMED_WITH)
            ends = [self.text.find(c, mention.end, stop) for c in ".!?\n"]
            stop = min([stop, *(e for e in ends if e >= 0)])
            content = [c.start for c in quote.content if c.start >= mention.end]
            if content:
                stop = min(stop, content[0])
            found = self._organization(mention.start, stop)
            if found is not None:
                return found
        for source in quote.according_to:
            found = self._organization(source.span.start, source.span.end)
            if found is not None:
                return found
        return None

    def _organization(self, lo: int, hi: int) -> Speaker | None:
        """The first organization mentioned from ``lo`` to ``hi``, as a claimant."""
        found = self._organization_mention(lo, hi, overlapping=False)
        if found is None:
            return None
        start, end, entity = found
        return Speaker(entity=entity.id, name=entity.name, mention=Span.of(self.text, start, end))

    def _organization_in(self, lo: int, hi: int, *, overlapping: bool = False) -> Entity | None:
        """The organization first mentioned within ``lo`` to ``hi`` (or overlapping it)."""
        found = self._organization_mention(lo, hi, overlapping=overlapping)
        return found[2] if found is not None else None

    def _organization_mention(
        self, lo: int, hi: int, *, overlapping: bool
    ) -> tuple[int, int, Entity] | None:
        found = [
            (s, t, e)
            for s, t, e in self.mentions.overlapping(lo, hi)
            if e.type == "ORG" and (overlapping or (lo <= s and t <= hi))
        ]
        return min(found, key=lambda m: (m[0], m[1])) if found else None

    def of_valuation(self, token: Any, offset: int) -> Speaker | None:
        """The named subject of a verb that values the figure at ``token`` ("Bloomberg
        estimates his fortune at [$42 billion]"), or None."""
        for _ in range(4):
            if token.pos_ == "VERB" and token.lemma_.lower() in self.words.valuation_verbs:
                subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
                return self._named(subject, offset) if subject is not None else None
            if token.head is token:
                return None
            token = token.head
        return None

    def _named(self, token: Any, offset: int) -> Speaker | None:
        start, end = offset + token.idx, offset + token.idx + len(token.text)
        for s, t, entity in self.mentions.overlapping(start, end):
            if entity.type in ("ORG", "PERSON"):
                return Speaker(entity=entity.id, name=entity.name, mention=Span.of(self.text, s, t))
        return None

    def of_narration(self, start: int, unit: str, earlier_period: bool) -> Speaker | None:
        """The claimant of a figure at ``start`` outside every statement: the data source
        whose findings the text is still reporting there, else the narrator (None)."""
        n = bisect_right(self.starts, start) - 1
        if n < 0 or earlier_period:
            return None
        finding = self.findings[n]
        if unit not in self.words.findings_units and not finding.any_unit:
            return None
        k = bisect_right(self.others, (start, start)) - 1
        if k >= 0 and finding.start < self.others[k][0] and start < self.others[k][1] + TAG_REACH:
            return None  # in the tag of someone else's statement ("said of the 12 meetings")
        if max(self.anchor, finding.start) < start - (RELEASE_REACH if finding.any_unit else REACH):
            return None  # the findings were left behind
        self.anchor = start
        return finding.claimant
