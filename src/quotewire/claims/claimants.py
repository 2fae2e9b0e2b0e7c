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
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from quotewire.claims.amounts import find_amounts
from quotewire.claims.lexicon import figure_words
from quotewire.claims.numbers import NUMBER_WORDS
from quotewire.model import Entity, Quote, Span, Speaker
from quotewire.quotes.intervals import IntervalIndex

#: Head words of a phrase that names a data source by its kind.
FINDINGS_NOUNS = frozenset(
    """poll polls survey surveys study studies report reports analysis analyses data figures
    count tally results census index estimate estimates release findings research""".split()
)
#: Units of the figures a poll's or study's findings are made of.
FINDINGS_UNITS = frozenset(
    """percent percentage_points points dimensionless respondents adults voters people
    residents americans""".split()
)


@dataclass(frozen=True, slots=True)
class Finding:
    """A statement by a data source: where it starts and ends, and who claims its figures."""

    start: int
    end: int
    claimant: Speaker
    any_unit: bool = False  # a data release: all its figures; a poll: its shares and counts


def _org_inside(mention: Span, orgs: IntervalIndex[Entity]) -> Entity | None:
    inside = [
        e
        for s, t, e in orgs.overlapping(mention.start, mention.end)
        if mention.start <= s and t <= mention.end
    ]
    return inside[0] if inside else None


#: Words before a data source's kind that are not its name ("a new", "the latest").
_NOT_NAME = frozenset(
    "a an the this that these those new latest last recent its their his her".split()
)
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


_KINDS = frozenset({"poll", "polls", "survey"})


def _without_kind(name: str) -> str:
    """An organization's name without the kind of study it ends with ("X Poll" -> "X")."""
    words = name.split()
    return " ".join(words[:-1]) if len(words) > 1 and words[-1].lower() in _KINDS else name


#: Verbs by which a subject gives a figure of its own without a quotation: "Bloomberg
#: estimates his fortune at $42 billion", "Forbes put his net worth at", "Wealth-X tallies 585".
VALUATION_VERBS = frozenset(
    """estimate put peg list tally count value rank place calculate project forecast find
    measure rate score""".split()
)
#: Characters after a speaker where the organization it belongs to is looked for.
_NAMED_WITH = 80
#: Who answers a poll: a statement by them is one of its findings, not another source's.
RESPONDENTS = frozenset(
    """voters respondents adults residents americans republicans democrats independents
    people parents women men students workers""".split()
)


def _respondents(mention: str) -> bool:
    """Whether a speaker is a share or group of respondents ("Seventy-four percent", "Six in
    10", "likely voters")."""
    words = mention.lower().split()
    if not words:
        return False
    first = words[0].strip(".,")
    numeric = any(ch.isdigit() for ch in first) or first in NUMBER_WORDS["en"]
    return numeric or "percent" in words or words[-1].strip(".,") in RESPONDENTS


class Claimants:
    """The claimant of each figure of one article, from its quotes and entities. Asked in
    text order (:meth:`of_narration` follows the findings it has given figures to)."""

    def __init__(self, text: str, quotes: Sequence[Quote], entities: Sequence[Entity]) -> None:
        self.text = text
        words = figure_words().claimants
        self.data_nouns, self.pronouns = words.data_nouns, words.pronouns
        self.org_mentions = sorted(
            ((m.start, m.end, e) for e in entities if e.type == "ORG" for m in e.mentions
             if m.kind in ("name", "organization")),
            key=lambda m: (m[0], m[1]),
        )  # fmt: skip
        self.org_starts = [m[0] for m in self.org_mentions]
        self.orgs: IntervalIndex[Entity] = IntervalIndex(
            (m.start, m.end, e) for e in entities if e.type == "ORG" for m in e.mentions
        )
        self.by_id = {e.id: e for e in entities}
        self.mentions: IntervalIndex[Entity] = IntervalIndex(
            (m.start, m.end, e) for e in entities for m in e.mentions
        )
        self.findings: list[Finding] = list(self._named_studies(text))
        self.others: list[tuple[int, int]] = []  # statements by people and bodies not sources
        self.sources: dict[int, Speaker] = {}  # id(quote) -> its data source
        self.releases: set[int] = set()  # id() of the quotes that release an agency's data
        for quote in sorted(quotes, key=lambda q: min(c.start for c in q.content)):
            start = min(c.start for c in quote.content)
            end = max(c.end for c in quote.content)
            source = self._data_source(quote)
            if source is not None:
                self.sources[id(quote)] = source
                release = id(quote) in self.releases
                self.findings.append(Finding(start, end, source, any_unit=release))
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
            words = [w for w in words if w.lower() not in _NOT_NAME]
            if not words:
                continue
            hi = match.end("name")
            lo = hi - len(" ".join(words)) - 1
            org = next((e for s, t, e in self.orgs.overlapping(lo, hi)), None)
            name = _without_kind(org.name) if org is not None else " ".join(words)
            mention = Span(start=match.start(), end=match.end(), text=match.group(0))
            speaker = Speaker(entity=org.id if org else None, name=name, mention=mention)
            out.append(Finding(match.start(), match.end(), speaker))
        return out

    def _data_source(self, quote: Quote) -> Speaker | None:
        """Who claims what a data source states ("a new Associated Press-GfK poll" found):
        the organization named in it, else the source named before it when the phrase points
        back ("the poll"); None when the speaker is no data source."""
        speaker = quote.speaker
        if speaker is None or speaker.mention is None:
            return None
        words = [w.strip(".,'’") for w in speaker.mention.text.split()]
        entity = self.by_id.get(speaker.entity) if speaker.entity else None
        reporting = quote.cue is not None and _REPORTING.match(quote.cue.text.lower())
        kind = bool(words) and words[-1].lower() in FINDINGS_NOUNS
        if entity is not None and entity.type == "ORG" and reporting and not kind:
            self.releases.add(id(quote))
            # "the Congressional Budget Office reported": its figures go on for a little while
            return speaker
        if not words or words[-1].lower() not in FINDINGS_NOUNS:
            return None  # "Gallup said", "the Pentagon said": a statement, not findings
        if entity is not None and entity.type == "ORG":
            return Speaker(
                entity=entity.id, name=_without_kind(entity.name), mention=speaker.mention
            )
        org = _org_inside(speaker.mention, self.orgs)
        if org is not None:
            return Speaker(entity=org.id, name=_without_kind(org.name), mention=speaker.mention)
        named = [w for w in words[:-1] if w[:1].isupper() and w.lower() not in _NOT_NAME]
        if named:  # "An Associated Press survey": the recognizer missed the name
            return Speaker(entity=None, name=" ".join(named), mention=speaker.mention)
        earlier = [f for f in self.findings if f.start < speaker.mention.start]
        if earlier and words[0].lower() in ("the", "that", "this"):
            return earlier[-1].claimant  # "the poll": the one named before
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
        if self._agent(quote.speaker):
            return quote.speaker
        named = self._named_with(quote.speaker, quote)
        if named is None and self._data(quote.speaker):
            return quote.speaker  # "leaked documents show": an unnamed source, the phrase
        return named

    def _data(self, speaker: Speaker) -> bool:
        """Whether a speaker is data whose phrase says whose or what it is though no one is
        named ("leaked documents", "federal statistics", "exit polls"): an unnamed source.
        Bare or merely new data ("Numbers", "New numbers", "the figures") is nobody's: the
        narrator's."""
        name = speaker.name.strip()
        if speaker.entity is None and name.lower() in self.pronouns:
            return False
        counted = find_amounts(name)
        if not any(ch.isalpha() for ch in name) or (counted and counted[0].start == 0):
            return False
        qualifiers = [w for w in name.lower().split()[:-1] if w not in _NOT_NAME]
        return bool(qualifiers)

    def _agent(self, speaker: Speaker) -> bool:
        name = speaker.name.strip()
        words = name.lower().split()
        if not words:
            return False
        if speaker.entity is None and name.lower() in self.pronouns:
            return False  # "they", "it": unresolved
        if not any(ch.isalpha() for ch in name):
            return False  # "39"
        counted = find_amounts(name)
        if counted and counted[0].start == 0 and counted[0].kind != "count":
            return False  # "Forty-one percent", "Two-thirds"
        head = next(
            (words[n - 1] for n, w in enumerate(words) if n and w in ("of", "from", "by")),
            words[-1],
        )
        return head.strip(".,;:'’\"”") not in self.data_nouns

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
        first = bisect_left(self.org_starts, lo)
        if first < len(self.org_mentions) and self.org_mentions[first][0] < hi:
            start, end, entity = self.org_mentions[first]
            return Speaker(
                entity=entity.id, name=entity.name, mention=Span.of(self.text, start, end)
            )
        return None

    def of_valuation(self, token: Any, offset: int) -> Speaker | None:
        """The named subject of a verb that values the figure at ``token`` ("Bloomberg
        estimates his fortune at [$42 billion]"), or None."""
        for _ in range(4):
            if token.pos_ == "VERB" and token.lemma_.lower() in VALUATION_VERBS:
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
                mention = Span(start=s, end=t, text=token.doc.text[s - offset : t - offset])
                return Speaker(entity=entity.id, name=entity.name, mention=mention)
        return None

    def of_narration(self, start: int, unit: str, earlier_period: bool) -> Speaker | None:
        """The claimant of a figure at ``start`` outside every statement: the data source
        whose findings the text is still reporting there, else the narrator (None)."""
        n = bisect_right(self.starts, start) - 1
        if n < 0 or earlier_period:
            return None
        finding = self.findings[n]
        if unit not in FINDINGS_UNITS and not finding.any_unit:
            return None
        k = bisect_right(self.others, (start, start)) - 1
        if k >= 0 and finding.start < self.others[k][0] and start < self.others[k][1] + TAG_REACH:
            return None  # in the tag of someone else's statement ("said of the 12 meetings")
        if max(self.anchor, finding.start) < start - (RELEASE_REACH if finding.any_unit else REACH):
            return None  # the findings were left behind
        self.anchor = start
        return finding.claimant
