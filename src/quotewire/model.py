"""The public data model: one set of typed records for the CLI, the Python API and the JSON output.

Every span is a pair of character offsets (Python ``str`` indices) into ``Article.text``, the exact
text analysed, plus the text it covers, so ``article.text[span.start:span.end] == span.text``
always holds. The JSON Schema published in ``schema/result.schema.json`` is generated from
:class:`Result` (``quotewire schema``) and kept current by a test.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

# "2": Claim.against, the other side of a tally ("voted 19-15"), and Quote.polarity (a negated
# report) added (issue 13)
SCHEMA_VERSION = "2"

QuoteType = Literal["direct", "indirect", "mixed", "headline"]
DebrisKind = Literal[
    "share",
    "photo_credit",
    "read_more",
    "subscribe",
    "byline",
    "related",
    "pull_quote",
    "navigation",
    "advert",
    "markup",
    "dateline",
    "credits",
    "copyright",
    "bio",
    "note",
    "social",
    "citation",
    "other",
]
MentionKind = Literal["name", "surname", "pronoun", "title", "nominal", "organization"]
Comparator = Literal["=", ">", ">=", "<", "<=", "~", "range"]
AmountKind = Literal["money", "percent", "points", "count", "number"]
Trend = Literal["growing", "declining", "increased", "decreased", "unchanged"]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False)


class Span(_Record):
    """A stretch of ``article.text``: ``text == article.text[start:end]``."""

    start: int = Field(ge=0, description="offset of the first character")
    end: int = Field(ge=0, description="offset one past the last character")
    text: str = Field(description="article.text[start:end]")

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span ``[start, end)`` of ``text``."""
        return cls(start=start, end=end, text=text[start:end])


class Debris(Span):
    """Page debris found in the text: marked, never deleted."""

    kind: DebrisKind


class NamedSpan(_Record):
    """A name taken from the text (``span``), e.g. the agency a story is credited to."""

    name: str
    span: Span | None = None


class Article(_Record):
    """The text analysed and what was read off it."""

    text: str = Field(description="the exact text analysed; every span points into it")
    title: str | None = None
    title_span: Span | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO date or date-time")
    published_inferred: bool = Field(
        default=False, description="true when part of the date (usually the year) was inferred"
    )
    dateline: Span | None = None
    credited_source: NamedSpan | None = Field(
        default=None, description="agency or outlet the story is credited to (BelTA, Reuters)"
    )
    photo_credit: NamedSpan | None = None
    author: str | None = None
    publisher: str | None = Field(
        default=None, description="the outlet that published it, when given with the text"
    )
    language: str = "en"
    debris: list[Debris] = Field(default_factory=list)


class Mention(Span):
    """A mention of an entity: a name, a surname, a pronoun, a title or a nominal."""

    kind: MentionKind = "name"


class Entity(_Record):
    """A person, organization or place, with every mention that refers to it in the article."""

    id: str
    name: str = Field(description="canonical name: the fullest name used in the article")
    type: str = Field(description="PERSON, ORG, GPE, NORP, FAC, EVENT, ...")
    roles: list[str] = Field(default_factory=list, description="titles such as 'Russian President'")
    mentions: list[Mention] = Field(default_factory=list)


class Speaker(_Record):
    """Who a statement is attributed to."""

    entity: str | None = Field(default=None, description="id of the entity in `entities`")
    name: str = Field(description="canonical name, or the mention text when unresolved")
    mention: Span | None = Field(
        default=None, description="the mention that names the speaker here"
    )


class Source(_Record):
    """A nested source inside a statement ("according to Belarusian data")."""

    name: str
    span: Span
    cue: Span | None = None
    entity: str | None = None


class Quote(_Record):
    """One attributed statement."""

    id: str
    type: QuoteType
    text: str = Field(description="the content spans' text joined by ' … '")
    content: list[Span] = Field(
        description="the statement; several spans when interrupted by its cue"
    )
    cue: Span | None = None
    speaker: Speaker | None = None
    according_to: list[Source] = Field(default_factory=list)
    insertions: list[Span] = Field(
        default_factory=list, description="editorial text inside the quotation marks"
    )
    addressee: Speaker | None = None
    confidence: float = Field(ge=0.0, le=1.0)
    polarity: Literal["positive", "negative"] = Field(
        default="positive",
        description="'negative' for a report that something was not said or thought ('did not "
        "say how many'): the content is what the source did not state",
    )


class ClaimTime(_Record):
    """The period an amount refers to: the words that say it and, where it can be resolved,
    ``period``: ``2025``, ``2025-Q3``, ``2025-H1``, ``2025-06`` or ``2025-06-12``."""

    span: Span | None = Field(default=None, description="the words in the text, if any")
    period: str | None = Field(default=None, description="the period in ISO-like form")
    relative: bool = Field(
        default=False, description="true when resolved against the article's date ('last year')"
    )


class Claim(_Record):
    """An amount stated in the article, what it measures, and who claims it."""

    id: str
    span: Span = Field(description="the amount with its comparator words: 'exceeds $50 billion'")
    value: float = Field(description="fully scaled: '$4.5 billion' is 4500000000")
    high: float | None = Field(default=None, description="the upper end of a range")
    against: float | None = Field(
        default=None,
        description="the other side of a tally or a score: 'voted 19-15' is value 19, against 15",
    )
    unit: str = Field(
        description="ISO 4217 code for money; 'percent'; 'percentage_points'; the counted noun "
        "for counts ('people', 'votes', 'years'); 'dimensionless'"
    )
    comparator: Comparator = "="
    kind: AmountKind = "number"
    measure: str | None = Field(default=None, description="what the amount measures")
    measure_span: Span | None = Field(
        default=None, description="the words of the text the measure is taken from"
    )
    about: list[str] = Field(default_factory=list, description="entities the amount concerns")
    time: ClaimTime | None = None
    trend: Trend | None = None
    claimant: Speaker | None = Field(
        default=None, description="who states the amount; null when it is the narrator's"
    )
    quote: str | None = Field(default=None, description="id of the quote the amount is in")
    according_to: Source | None = Field(
        default=None, description="a nested source ('according to Belarusian data')"
    )
    checkworthy: float = Field(
        ge=0.0, le=1.0, description="how much a fact-checker would want to verify it"
    )


class Result(_Record):
    """What quotewire extracts from one article."""

    schema_version: str = SCHEMA_VERSION
    id: str | None = Field(default=None, description="the record id in batch mode")
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The result as plain JSON-ready data (the documented output format)."""
        return self.model_dump(mode="json")

    def to_json(self, *, indent: int | None = None) -> str:
        return self.model_dump_json(indent=indent)

    def to_json_bytes(self, *, indent: int | None = None) -> bytes:
        """:meth:`to_json` as UTF-8, made without the ``str`` (for a 5 MB article's 50 MB of
        JSON, the ``str`` and its re-encoding on output held some 150 MB more)."""
        return self.__pydantic_serializer__.to_json(self, indent=indent)


class RoleSeen(_Record):
    """A role of a registry entity and the first and last article dates it was seen with."""

    role: str
    first_seen: str | None = None
    last_seen: str | None = None


class Member(_Record):
    """One article's entity joined to a registry entity, and the evidence that joined it."""

    article: str = Field(description="the key of the article in the corpus")
    entity: str = Field(description="the entity's id in that article's result ('e1')")
    name: str
    evidence: str = Field(description="why it was joined: 'same name', 'initial V. fits ...'")
    published: str | None = None


class RegistryEntity(_Record):
    """A person or organization across articles, with a stable id ('person:maria-kowalska')."""

    id: str
    name: str
    type: str
    members: list[Member] = Field(default_factory=list)
    roles: list[RoleSeen] = Field(default_factory=list)

    @property
    def aliases(self) -> list[str]:
        """Every name the entity is known by, in the order first seen."""
        return list(dict.fromkeys(m.name for m in self.members))

    def articles(self) -> list[str]:
        """Keys of the articles that mention it, in the order added."""
        return list(dict.fromkeys(m.article for m in self.members))


class TimelineEntry(_Record):
    """One claim in a claim timeline, with the article it came from."""

    article: str
    published: str | None = None
    claim: Claim
    title: str | None = None
    url: str | None = None

    @property
    def when(self) -> str:
        """The period the claim refers to, else the article's date, for ordering."""
        period = self.claim.time.period if self.claim.time else None
        return period or (self.published or "")[:10]


class ClaimFlag(_Record):
    """A change or a contradiction between a timeline entry and an earlier one."""

    kind: Literal["change", "contradiction"]
    entry: int = Field(description="index of the later entry in the group")
    earlier: int = Field(description="index of the entry it is compared with")
    note: str


class ClaimGroup(_Record):
    """What one claimant said of one measure in one unit, in time order, with flags."""

    claimant: str | None = Field(
        description="registry id, 'source:<name>', 'unresolved:<name>', or null for the narrator"
    )
    claimant_name: str
    measure: str
    unit: str
    entries: list[TimelineEntry] = Field(default_factory=list)
    flags: list[ClaimFlag] = Field(default_factory=list)


class CorpusReport(_Record):
    """What ``quotewire claims --format json`` prints: the registry and the claim timelines."""

    schema_version: str = SCHEMA_VERSION
    articles: int
    registry: list[RegistryEntity]
    groups: list[ClaimGroup]


def corpus_json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`CorpusReport` (``schema/corpus.schema.json``)."""
    schema = CorpusReport.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://quotewire.invalid/schema/corpus.schema.json"
    return schema


def json_schema() -> dict[str, Any]:
    """The JSON Schema of :class:`Result`, as published in ``schema/result.schema.json``."""
    schema = Result.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://quotewire.invalid/schema/result.schema.json"
    return schema
