"""The pipeline: one document in, one :class:`~quotewire.model.Result` out, no I/O.

Stages, in order (each a pure function of what the earlier ones produced)::

    Document -> text and metadata (HTML main text, title, dateline, credit, debris)
             -> paragraphs and quotation marks
             -> NLP analysis (spaCy parse of the body paragraphs in batches; a paragraph over
                5,000 characters in pieces)
             -> quotes (direct, indirect and mixed, headline; assembly)
             -> speakers (entities, roles, mentions; speaker and addressee of each quote)
             -> Result

Every runner (the CLI, batch mode, ingest, the Python API) calls :func:`run_one`, through
:func:`run_guarded` or :func:`run_many` where one failing article must not end a batch.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import pairwise
from typing import Any

from quotewire.claims.extract import find_claims
from quotewire.errors import (
    AnalysisFailed,
    BinaryInput,
    EmptyInput,
    InputError,
    InputTooLarge,
    QuotewireError,
    UnsupportedLanguage,
)
from quotewire.ingest.document import Document as Document  # re-exported: the record lives there
from quotewire.ingest.html import html_to_text
from quotewire.ingest.options import Options as Options  # re-exported
from quotewire.ingest.options import run_options as run_options  # re-exported
from quotewire.lang import profile
from quotewire.model import Article, Debris, Quote, Result, Source, Span, Speaker
from quotewire.nlp.english import ParsedParagraph, load_english, parse_paragraphs
from quotewire.quotes.assemble import Assembled, assemble
from quotewire.quotes.block import find_block_quotes
from quotewire.quotes.cues import NEGATING_ADVERBS, YET_TO_VERBS
from quotewire.quotes.direct import find_direct
from quotewire.quotes.embedded import find_embedded
from quotewire.quotes.frame import Found, Frame, MentionRef, doc_length, token_key, trim
from quotewire.quotes.headline import find_labelled
from quotewire.quotes.indirect import find_indirect
from quotewire.quotes.intervals import IntervalIndex
from quotewire.quotes.transcript import find_transcripts, outside_turns, turn_statements
from quotewire.speakers.resolve import Draft, resolve_speakers
from quotewire.text.credit import find_credited_source
from quotewire.text.dateline import find_dateline
from quotewire.text.debris import (
    INLINE_KINDS,
    find_debris,
    find_lead_datelines,
    find_markup,
    masked,
    photo_credit,
)
from quotewire.text.language import check_language
from quotewire.text.marks import QuoteRegion, find_quote_regions
from quotewire.text.paragraphs import Paragraph, outside, split_paragraphs
from quotewire.text.title import find_title


def extract(
    text: str | None = None,
    *,
    html: str | None = None,
    url: str | None = None,
    reference_date: date | str | None = None,
) -> Result:
    """Attributed statements in one article given as plain ``text`` or as ``html``.

    >>> result = extract('"We will win," Jane Doe said.')  # doctest: +SKIP
    >>> result.quotes[0].speaker.name  # doctest: +SKIP
    'Jane Doe'
    """
    if isinstance(reference_date, str):
        reference_date = date.fromisoformat(reference_date)
    return run_one(Document(text=text, html=html, url=url), Options(reference_date=reference_date))


def run_one(document: Document, options: Options = Options(), *, nlp: Any | None = None) -> Result:
    """The result for one document. Raises :class:`~quotewire.errors.InputError` for bad input."""
    article, warnings = read_article(document, options)
    paragraphs = split_paragraphs(article.text)
    body = _body_paragraphs(article, paragraphs)
    shadow = masked(article.text, article.debris)
    if article.language == "ru":
        return analyse_russian_article(article, body, shadow, warnings=warnings, id=document.id)
    nlp = nlp if nlp is not None else load_english()
    parsed = parse_paragraphs(shadow, [(p.index, p.start, p.end) for p in body], nlp=nlp)
    return analyse(article, paragraphs, parsed, warnings=warnings, id=document.id)


def run_many(
    documents: Iterable[Document | InputError],
    options: Options = Options(),
    *,
    nlp: Any | None = None,
) -> Iterator[Result | InputError]:
    """Results in input order; a bad document yields its error instead of stopping the run (and
    an input that already failed to be read, given as its error, is passed through)."""
    nlp = nlp if nlp is not None else load_english()
    for document in documents:
        if isinstance(document, InputError):
            yield document
            continue
        yield run_guarded(document, options, nlp=nlp)


def run_guarded(
    document: Document, options: Options = Options(), *, nlp: Any | None = None
) -> Result | InputError:
    """:func:`run_one`, with a failure returned as the document's error instead of raised: bad
    input as its :class:`~quotewire.errors.InputError`, and any unexpected exception (a bug
    this input set off) as :class:`~quotewire.errors.AnalysisFailed`, so a batch goes on. An
    error that no other document could escape (no NLP model) is raised."""
    try:
        return run_one(document, options, nlp=nlp)
    except InputError as error:
        return error
    except QuotewireError:
        raise
    except Exception as error:  # one article's bug must not end the batch
        return AnalysisFailed(_describe(error), source=document.source)


_MAX_REASON = 200


def _describe(error: BaseException) -> str:
    """One line naming an unexpected exception, for the article's error."""
    reason = " ".join(str(error).split()) or "no message"
    if len(reason) > _MAX_REASON:
        reason = reason[: _MAX_REASON - 1] + "…"
    return f"analysis failed ({type(error).__name__}: {reason}); please report this input"


#: Characters no store (nor JSON as UTF-8) can keep: NUL, and surrogates standing alone (from
#: a JSON "\ud800" escape), which are not Unicode text.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def read_article(document: Document, options: Options) -> tuple[Article, list[str]]:
    """Stage 1: the text to analyse and what can be read off it before any parsing."""
    warnings = list(document.warnings)
    given = document.text if document.text is not None else document.html or ""
    unfit = _UNSTORABLE.search(given)  # (from a batch record or an API request: files with
    if unfit is not None:  # NUL bytes are refused when read, and are decoded to valid text)
        what = "a NUL character" if unfit.group() == "\x00" else "a lone surrogate"
        raise BinaryInput(
            f"{what} at offset {unfit.start():,}: not text that can be stored",
            source=document.source,
        )
    meta: dict[str, Any] = {}
    if document.html is not None and document.text is None:
        page = html_to_text(document.html, url=document.url, source=document.source)
        text = page.text
        warnings += page.warnings
        meta = {
            "title": page.title,
            "published": page.published,
            "author": page.author,
            "publisher": page.sitename,
        }
    else:
        text = document.text or ""
    if document.published:  # given with the text: it goes before the page's own metadata
        meta["published"] = document.published
    if not text.strip():
        raise EmptyInput("no text to analyse", source=document.source)
    if len(text) > options.max_chars:
        raise InputTooLarge(
            f"{len(text):,} characters, over the limit of {options.max_chars:,}",
            source=document.source,
        )
    language = check_language(text, options.language)
    if language.language is None:
        raise UnsupportedLanguage(language.refusal(), source=document.source)
    if language.warning:
        warnings.append(language.warning)
    debris = find_debris(text, profile(language.language).debris)
    if meta.get("title"):
        debris = [*debris, *_section_labels(text, meta["title"])]
    debris = sorted(
        [*debris, *find_markup(text), *_lead_datelines(text, debris)], key=lambda d: d.start
    )
    if document.html is not None and document.text is None:
        story = _story_chars(text, debris)
        if story < MIN_PAGE_TEXT:
            warnings.append(
                f"{document.source}: only {story} characters of text besides page debris "
                "(a caption or a teaser, not an article?)"
            )
    title = _title_line(text, meta.get("title")) or find_title(text)
    dateline = find_dateline(
        text,
        reference_date=options.reference_date,
        skip=[(d.start, d.end) for d in debris if d.kind != "dateline"],
    )
    published = dateline.published
    inferred = dateline.inferred
    if meta.get("published") and (published is None or inferred):
        published, inferred = meta["published"], False
    article = Article(
        text=text,
        title=(title.text if title else None) or meta.get("title"),
        title_span=title,
        url=document.url,
        published=published,
        published_inferred=inferred,
        dateline=dateline.span,
        credited_source=find_credited_source(text),
        photo_credit=photo_credit(debris),
        author=meta.get("author"),
        publisher=document.publisher or meta.get("publisher"),
        language=language.language or "en",
        debris=debris,
    )
    return article, warnings


MIN_PAGE_TEXT = 200
"""Characters of text besides debris below which a web page gets a warning: a photo caption
or a teaser, shorter than a paragraph of an article."""


def _story_chars(text: str, debris: Sequence[Debris]) -> int:
    """How many non-space characters of ``text`` no debris span covers."""
    covered = 0
    end = 0
    for item in sorted(debris, key=lambda d: d.start):
        start = max(item.start, end)
        if item.end > start:
            covered += len("".join(text[start : item.end].split()))
            end = item.end
    return len("".join(text.split())) - covered


def _lead_datelines(text: str, debris: Sequence[Debris]) -> list[Debris]:
    """Opening datelines of paragraphs that are not debris lines already."""
    lines = IntervalIndex((o.start, o.end, 0) for o in debris)
    return [d for d in find_lead_datelines(text) if next(lines.containing(d.start), None) is None]


def _title_line(text: str, title: str | None) -> Span | None:
    """The line of the extracted text that repeats a page's title, if any."""
    if not title:
        return None
    start = text.find(title.strip())
    return Span.of(text, start, start + len(title.strip())) if start >= 0 else None


def _section_labels(text: str, title: str) -> list[Debris]:
    """Short lines above a page's title (section names, breadcrumbs): navigation debris."""
    at = text.find(title.strip())
    if at <= 0:
        return []
    labels = []
    for paragraph in split_paragraphs(text[:at]):
        line = text[paragraph.start : paragraph.end]
        if len(line.split()) <= 4 and not line.rstrip().endswith((".", "!", "?", '"', "”")):
            labels.append(
                Debris(start=paragraph.start, end=paragraph.end, text=line, kind="navigation")
            )
    return labels


def _body_paragraphs(article: Article, paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    excluded = [(d.start, d.end) for d in article.debris if d.kind not in INLINE_KINDS]
    if article.dateline is not None and _whole_line(article.text, article.dateline):
        excluded.append((article.dateline.start, article.dateline.end))
    return outside(paragraphs, excluded)


def _whole_line(text: str, span: Span) -> bool:
    line_start = text.rfind("\n", 0, span.start) + 1
    line_end = text.find("\n", span.end)
    line = text[line_start : len(text) if line_end < 0 else line_end]
    return line.strip() == span.text.strip()


def analyse(
    article: Article,
    paragraphs: Sequence[Paragraph],
    parsed: Sequence[ParsedParagraph],
    *,
    warnings: Sequence[str] = (),
    id: str | None = None,
) -> Result:
    """Stages 3-5 over parsed paragraphs: quotes, speakers, and the result record."""
    text = article.text
    indices = {pp.index for pp in parsed}
    body = [p for p in paragraphs if p.index in indices]
    shadow = masked(text, article.debris)
    regions = find_quote_regions(shadow, body)
    bounds = _Bounds(
        [max(r.end, r.outer_end) for r in regions], [min(r.start, r.outer_start) for r in regions]
    )
    frames = [_frame(pp, regions, bounds) for pp in parsed]
    found: list[Found] = find_direct(text, frames, regions)
    used = {token_key(f.cue_token) for f in found if f.cue_token is not None}
    found += find_indirect(text, frames, used)
    found += find_block_quotes(shadow, frames, found)
    found += find_embedded(text, frames, regions, found)
    transcripts = find_transcripts(
        text, body, skip=[(s.start, s.end) for s in (article.title_span, article.dateline) if s]
    )
    found = outside_turns(found, transcripts) + turn_statements(transcripts)
    held = {n for t in transcripts for n in t.paragraphs}
    found += _labelled(text, article, [p for p in body if p.index not in held])
    found = _fit(found, article)
    credited = article.credited_source.name if article.credited_source else None
    assembled = assemble(found, credited=credited, text=text)
    items = [a.item for a in assembled]
    entities, speakers, addressees = resolve_speakers(
        text, frames, items, orgs=[credited] if credited else [], authors=_authors(article.author)
    )
    quotes = [
        _quote(text, n, a, speakers.get(n), addressees.get(n)) for n, a in enumerate(assembled)
    ]
    claims = find_claims(
        text, parsed, quotes, entities, article.published, credited=credited, shadow=shadow
    )
    if any(not r.closed for r in regions):
        warnings = [
            *warnings,
            "unbalanced quotation marks: an unclosed quotation ends at its paragraph",
        ]
    return Result(
        id=id,
        article=article,
        entities=entities,
        quotes=quotes,
        claims=claims,
        warnings=list(warnings),
    )


def analyse_russian_article(
    article: Article,
    body: Sequence[Paragraph],
    shadow: str,
    *,
    warnings: Sequence[str] = (),
    id: str | None = None,
) -> Result:
    """Stages 3-5 for a Russian article: natasha's analysis of the body paragraphs (debris
    masked), the people and organizations, and the statements with their speakers. Figures
    are claimed by the speaker of the statement they are in (see
    :mod:`quotewire.claims.russian`)."""
    from quotewire.claims.russian import find_russian_claims
    from quotewire.nlp.russian import analyse_russian
    from quotewire.quotes.russian import find_statements
    from quotewire.speakers.russian import cast

    russian = profile("ru")
    title = article.title_span
    regions = [
        (p.start, p.end)
        for p in body
        if title is None or p.end <= title.start or p.start >= title.end
    ]
    analysis = analyse_russian(shadow, regions=regions)
    people = cast(analysis, russian)
    quotes = find_statements(analysis, people, russian, title)
    return Result(
        id=id,
        article=article,
        entities=people.entities(),
        quotes=quotes,
        claims=find_russian_claims(
            article.text,
            # (no figure in page debris: "Читайте также: ... две новые школы")
            masked(article.text, article.debris, every=True),
            quotes,
            russian,
            analysis,
            article.published,
            article.dateline,
            title,
        ),
        warnings=list(warnings),
    )


def _fit(found: list[Found], article: Article) -> list[Found]:
    """Keep contents off the dateline, and call whatever the title attributes a headline."""
    title = article.title_span
    dateline = article.dateline
    kept = []
    for item in found:
        if dateline is not None:
            item.content = [
                (max(s, dateline.end) if s < dateline.end <= e else s, e)
                for s, e in item.content
                if not (dateline.start <= s and e <= dateline.end)
            ]
            item.content = [trim(article.text, s, e) for s, e in item.content]
            item.content = [(s, e) for s, e in item.content if e > s]
        item.content = _without_stray_brackets(article.text, item.content)
        if not item.content:
            continue
        if title is not None and title.start <= item.content[0][0] < title.end:
            if item.speaker is not None and item.speaker.kind == "pronoun":
                continue  # "Latinos Share Their Most Honest Thoughts On ...": nothing comes
                # before a headline for its pronoun to stand for
            item.content = _rest_of_headline(article.text, item, title.end)
            item.type = "headline"
        kept.append(item)
    return kept


def _without_stray_brackets(text: str, content: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Content pieces without a bracket left open at the end or closed at the start (""Sin
    Miedo" (" when the parser left the bracket's words out), and without pieces that hold no
    word at all ("(", ")")."""
    kept = []
    for start, end in content:
        while end > start and (text[end - 1].isspace() or text[end - 1] in "(["):
            end -= 1
        while start < end and (text[start].isspace() or text[start] in ")]"):
            start += 1
        if any(ch.isalnum() for ch in text[start:end]):
            kept.append((start, end))
    return kept


def _rest_of_headline(text: str, item: Found, end: int) -> list[tuple[int, int]]:
    """A headline's cue says the rest of the headline ("Glenn Beck Says Trump, 'Alt Right'
    Pose A Threat To Democracy."), where the parser of a title-case line took the quotation
    alone: the content runs from the words after the cue to the headline's end."""
    if item.type != "direct" or item.cue is None or item.cue[1] >= item.content[0][0]:
        return item.content
    gap = text[item.cue[1] : item.content[0][0]]
    if not any(ch.isalpha() for ch in gap) or any(ch in gap for ch in ":.!?;"):
        return item.content
    return [trim(text, item.cue[1], max(end, item.content[-1][1]))]


@dataclass(frozen=True, slots=True)
class _Bounds:
    """Where each quotation region ends and starts, marks included, in text order; and, for a
    region of many segments (a quotation reopened on many paragraphs), where its segments start
    and end, so that a paragraph finds its own segments by bisection."""

    ends: list[int]
    starts: list[int]
    segments: dict[int, tuple[list[int], list[int]] | None] = field(default_factory=dict)

    def near(self, region: QuoteRegion, lo: int, hi: int) -> range:
        """The numbers of the segments of ``region`` that may touch ``[lo, hi]`` (all of
        them when the segments are few or out of order)."""
        if len(region.segments) <= 8:
            return range(len(region.segments))
        if id(region) not in self.segments:
            starts = [s for s, _ in region.segments]
            ends = [e for _, e in region.segments]
            ordered = all(a <= b for a, b in pairwise(starts)) and all(
                a <= b for a, b in pairwise(ends)
            )
            self.segments[id(region)] = (starts, ends) if ordered else None
        found = self.segments[id(region)]
        if found is None:
            return range(len(region.segments))
        return range(bisect_left(found[1], lo), bisect_right(found[0], hi))


def _frame(pp: ParsedParagraph, regions: Sequence[QuoteRegion], bounds: _Bounds) -> Frame:
    lo, hi = pp.offset, pp.offset + doc_length(pp.doc)
    # regions come in text order and do not overlap: only those from the first that ends past
    # ``lo`` to the last that starts before ``hi`` can touch the paragraph
    first = bisect_left(bounds.ends, lo + 1)
    last = bisect_left(bounds.starts, hi)
    touching = [
        r
        for r in regions[first:last]
        if any(r.segments[n][0] < hi and lo < r.segments[n][1] for n in bounds.near(r, lo, hi))
        or lo <= r.outer_start < hi
    ]
    inside = []
    for region in touching:
        for n in bounds.near(region, lo, hi):
            s, e = region.segments[n]
            if s <= hi and lo <= e:
                left = s - 1 if n == 0 or s - 1 >= lo else s
                right = e + 1 if (n == len(region.segments) - 1 and region.closed) else e
                inside.append((max(lo, left), min(hi, right)))
    return Frame.build(pp.index, pp.offset, pp.doc, touching, inside)


def _labelled(text: str, article: Article, body: Sequence[Paragraph]) -> list[Found]:
    found = []
    for paragraph in body:
        is_title = article.title_span is not None and paragraph.start == article.title_span.start
        item = find_labelled(
            text, paragraph.start, paragraph.end, headline=is_title, paragraph=paragraph.index
        )
        if item is not None:
            found.append(item)
    return found


_BYLINE_SPLIT = re.compile(r",|;|\band\b|&|^\s*by\b", re.IGNORECASE)


def _authors(byline: str | None) -> list[str]:
    """The names of a byline ("By Ann Lee and Bo Ng" -> Ann Lee, Bo Ng)."""
    return [n.strip() for n in _BYLINE_SPLIT.split(byline or "") if n.strip()]


def _span(text: str, pair: tuple[int, int]) -> Span:
    return Span.of(text, pair[0], pair[1])


def _speaker(text: str, ref: MentionRef | None, draft: Draft | None) -> Speaker | None:
    if ref is None:
        return None
    mention = _span(text, (ref.start, ref.end))
    if draft is None:
        return Speaker(entity=None, name=mention.text, mention=mention)
    return Speaker(entity=draft.id, name=draft.name, mention=mention)


def _quote(
    text: str,
    n: int,
    assembled: Assembled,
    speaker: Draft | None,
    addressee: Draft | None,
) -> Quote:
    item = assembled.item
    content = [_span(text, c) for c in item.content]
    confidence = item.confidence
    if item.speaker is None:
        confidence = min(confidence, 0.4)
    elif speaker is None and item.speaker.kind == "pronoun":
        confidence = min(confidence, 0.5)
    return Quote(
        id=f"q{n + 1}",
        type=item.type,  # type: ignore[arg-type]
        text=" … ".join(c.text for c in content),
        content=content,
        cue=_span(text, item.cue) if item.cue else None,
        speaker=_speaker(text, item.speaker, speaker),
        according_to=[
            Source(
                name=text[s.speaker.start : s.speaker.end],
                span=_span(text, (s.speaker.start, s.speaker.end)),
                cue=_span(text, s.cue) if s.cue else None,
            )
            for s in assembled.nested
        ],
        insertions=[_span(text, i) for i in item.insertions],
        addressee=_speaker(text, item.addressee, addressee),
        confidence=round(confidence, 2),
        polarity="negative" if _negated(item.cue_token) else "positive",
    )


#: Verbs that report that something was not said or done: "declined to threaten Moscow or
#: declare it responsible", "refused to pledge".
_REFUSALS = frozenset({"decline", "refuse", "fail"})


#: Verbs that, negated, say the thing was done: "could not resist pointing out that".
_CANNOT_HELP = frozenset({"resist", "help", "stop"})


def _bare(verb: Any) -> bool:
    """Whether a verb has no tense of its own nor a subject: it goes on an infinitive before
    it ("declined to threaten ... or declare"), not a sentence ("declined and said")."""
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in verb.children):
        return False
    return verb.tag_ in ("VB", "VBP")  # "declare" read as a present tense, subjectless


def _negated(cue: Any) -> bool:
    """ "had not announced", "don't say": a cue with a negation of its own; a verb of
    refusal, or a cue it governs ("declined to ... declare it responsible", "did not want to
    say")."""
    if cue is None:
        return False
    if cue.lemma_ in _REFUSALS or any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATING_ADVERBS)
        for c in cue.children
    ):
        return True  # "had not announced", "hardly clarified the matter"
    clause = cue
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
        if clause.lemma_ in _REFUSALS and cue.i > clause.i and _bare(cue):
            return True  # "declined to threaten Moscow or even declare it": the parser may
            # join "declare" to "declined"
    if clause.dep_ != "xcomp" or clause.head.i == clause.i:
        return False
    head = clause.head
    if head.lemma_ in _REFUSALS:
        return True
    if head.lemma_ in YET_TO_VERBS and any(c.lower_ == "yet" for c in head.children):
        return True  # "he has yet to explain why"
    negated = any(c.dep_ == "neg" for c in head.children)
    return negated and head.lemma_ not in _CANNOT_HELP  # "could not resist pointing out"
