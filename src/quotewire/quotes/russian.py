"""Statements in Russian news: direct speech as Russian writes it, reported speech, and the
"по словам X" forms, each with its cue and speaker.

- Direct: «...», – сказал X; «...», – сказал X, – «...» (one statement in two pieces);
  X сказал: «...»; a quotation alone after its speaker's statement in the same paragraph
  (a continuation); „...“ inside «...» is part of the quotation; "(... – Прим. БЕЛТА)" inside
  is an editorial insertion.
- Indirect: X заявил, что ...; X, добавив, что ...; "..., заявил X" (the statement first);
  "То же самое, добавил он, касается ..." (the cue inside the statement); по словам X, ...
  (X in the genitive); X считает, что ... (belief).
- Headlines "Путин: ...".

The cue verbs and the "по ..." words are the Russian profile's. The parse is natasha's (see
:mod:`quotewire.nlp.russian`); a statement whose speaker cannot be told for sure keeps no
speaker rather than a guessed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from quotewire.lang import LanguageProfile, profile
from quotewire.model import Mention, Quote, QuoteType, Span, Speaker
from quotewire.nlp.russian import RussianAnalysis, RussianToken, analyse_russian
from quotewire.speakers.russian import (
    Cast,
    Person,
    Resolution,
    described_speaker,
    headline_organization,
    headline_speaker,
    nominal_speaker,
    resolve_subject,
)
from quotewire.text.dateline import match_wire_dateline

_OPEN, _CLOSE = "«„“", "»“”"
_AFTER_QUOTE = re.compile(r"[,.!?…]*\s*[–—-]\s+")
_INSERTION = re.compile(r"\([^()]*[–—-]\s*Прим\.[^()]*\)")


@dataclass(slots=True)
class Found:
    """A statement while the article is read: its type, content pieces, cue and subject."""

    type: QuoteType
    content: list[tuple[int, int]]
    cue: tuple[int, int] | None
    subject: list[RussianToken] = field(default_factory=list)
    person: Person | None = None
    resolution: Resolution | None = None
    insertions: list[tuple[int, int]] = field(default_factory=list)
    follows: bool = False  # a continuation: the speaker of the statement before it
    line: str = ""  # a dialogue line: "question", "said" (with its author's words), "reply" (bare)


def quotations(text: str) -> list[tuple[int, int]]:
    """The outermost «...» quotations of ``text``, marks included; „...“ and «...» inside
    belong to them."""
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "«":
            if depth == 0:
                start = i
            depth += 1
        elif ch == "»" and depth:
            depth -= 1
            if depth == 0:
                out.append((start, i + 1))
        elif ch == "\n":
            depth = 0  # (a quotation left open ends with its paragraph)
    return out


def find_statements(
    analysis: RussianAnalysis,
    cast: Cast,
    profile: LanguageProfile,
    title: Span | None = None,
) -> list[Quote]:
    """Every statement of the article, in text order, with its speaker where it is sure."""
    text = analysis.text
    promises = profile.words("promise_verbs")
    cues = profile.speech_verbs | profile.belief_verbs | promises
    citing = profile.phrase_list("citing")
    citing_first = {phrase[0] for phrase in citing}
    children: list[list[int]] = [[] for _ in analysis.tokens]
    for i, token in enumerate(analysis.tokens):
        if token.head != i:
            children[token.head].append(i)
    lines = _dialogue(analysis, children)
    spoken = [(f.content[0][0], f.content[-1][1]) for f in lines]
    spans = [
        q
        for q in quotations(text)
        if (title is None or q[0] >= title.end) and not any(s <= q[0] < e for s, e in spoken)
    ]
    found: list[Found] = [f for f in lines if f.line != "question"]
    for start, end in spans:
        found.append(_direct(analysis, children, start, end, cues))
    used = {f.cue for f in lines if f.cue is not None} | {f.cue for f in found if f.cue}
    quoted = {
        i for s, e in [*spans, *spoken] for i in range(analysis.first_at(s), analysis.first_at(e))
    }
    for i, token in enumerate(analysis.tokens):
        if i in quoted or (token.start, token.end) in used:
            continue
        if title is not None and token.start < title.end:
            continue
        believed = token.pos == "ADJ" and token.lemma in profile.belief_verbs  # "уверена"
        if token.lemma in cues and (token.pos == "VERB" or believed):
            item = _indirect(analysis, children, i, spans, promises)
            if item is not None:
                found.append(item)
        elif token.text.lower() in profile.according_prepositions:
            item = _according(analysis, i, profile)
            if item is not None:
                found.append(item)
        elif token.text.lower() in citing_first:
            item = _citing(analysis, children, i, spans, promises, citing, profile)
            if item is not None:
                found.append(item)
    mixed = [f.content[0] for f in found if f.type == "mixed"]
    found = [
        f
        for f in found
        if f.type != "direct" or not any(s <= f.content[0][0] < e for s, e in mixed)
    ]
    found.sort(key=lambda f: f.content[0][0])
    quotes: list[Quote] = []
    last: dict[str, Person] = {}
    previous: Found | None = None
    if title is not None and ":" in title.text:
        person = headline_speaker(title, cast)
        colon = title.start + title.text.index(":")
        content = (colon + 1 + _lead(text[colon + 1 : title.end]), title.end)
        before = text[title.start : colon].strip()
        mention = Span.of(text, title.start, title.start + len(before))
        if person is not None:
            person.mentions.append(Mention(**mention.model_dump(), kind="surname"))
        speaker = _headline_source(before, mention, cast, profile)
        if person is not None or speaker is not None:
            quote = _quote(
                text,
                len(quotes),
                Found("headline", [content], (colon, colon + 1)),
                person,
                mention,
                0.8,
            )
            if person is None:  # an organization, or someone the article does not name
                quote = quote.model_copy(update={"speaker": speaker, "confidence": 0.6})
            quotes.append(quote)
    said: list[Person | None] = []  # the speakers of the dialogue lines so far, questions too
    interviewee = _interviewee(text, title, cast, lines)
    asked = {f.content[0][0]: f for f in lines if f.line == "question"}
    for item in found:
        for start in sorted(a for a in asked if a < item.content[0][0]):
            question = asked.pop(start)
            question.resolution = resolve_subject(analysis, question.subject, cast, last, profile)
            said.append(question.resolution.person if question.resolution else None)
        if item.line == "reply":
            item.person = _answerer(said, interviewee)
            said.append(item.person)
        elif item.follows:
            if previous is None or not _same_paragraph(text, previous, item):
                continue
            if not _reads_as_speech(analysis, item):
                continue  # a name in quotation marks: «Белозёрского молочника»
            item.person = previous.person
            item.resolution = previous.resolution
            item.cue = previous.cue
        else:
            item.resolution = resolve_subject(analysis, item.subject, cast, last, profile)
            item.person = item.resolution.person if item.resolution else None
            if item.line == "said":
                said.append(item.person)
        if item.person is not None:
            last[item.person.gender or "any"] = item.person
            last["any"] = item.person
            resolution = item.resolution
            if resolution is not None and resolution.kind != "name" and not item.follows:
                item.person.mentions.append(
                    Mention(
                        **Span.of(text, resolution.start, resolution.end).model_dump(),
                        kind=resolution.kind,
                    )
                )
        said_by: Span | None = None
        if item.resolution is not None:
            said_by = Span.of(text, item.resolution.start, item.resolution.end)
        sure = item.person and not item.follows and item.line != "reply"
        confidence = 0.9 if sure else 0.7 if item.person else 0.4
        quote = _quote(text, len(quotes), item, item.person, said_by, confidence)
        if item.person is None and item.subject and not item.follows:
            nominal = nominal_speaker(analysis, item.subject, cast, profile)
            update: dict[str, object] = {"confidence": 0.6}  # an organization or a group
            if nominal is None:  # someone described, whom the article does not name
                nominal, update = described_speaker(analysis, item.subject), {}
            mention = Span.of(text, nominal.start, nominal.end)
            speaker = Speaker(entity=nominal.entity, name=nominal.name, mention=mention)
            quote = quote.model_copy(update={"speaker": speaker, **update})
        quotes.append(quote)
        previous = item
    return quotes


#: quotation marks around a name inside a subject
_QUOTE_MARKS = frozenset('«»„“"')
#: what ends a sentence inside a quotation's marks
_SENTENCE_END = frozenset(".!?…")


def _reads_as_speech(analysis: RussianAnalysis, item: Found) -> bool:
    """Whether a quotation without a cue of its own holds a sentence (a verb, or a stop
    before its closing mark), as a continued statement does, and not a name or a title."""
    start, end = item.content[0][0], item.content[-1][1]
    if analysis.text[start:end].rstrip()[-1:] in _SENTENCE_END:
        return True
    return any(t.pos in ("VERB", "AUX") for t in analysis.tokens_in(start, end))


def _lead(text: str) -> int:
    return len(text) - len(text.lstrip())


def _headline_source(
    before: str, mention: Span, cast: Cast, profile: LanguageProfile
) -> Speaker | None:
    """Who speaks in a headline "X: ..." whose X is no person of the article: an organization
    ("Минтранс"), else X as written when it names someone (a name, or a title: "Глава
    «Зерновой долины»"); None when X names no one ("Паводок в Ольховском районе": a topic,
    and the headline no statement)."""
    organization = headline_organization(before, cast, profile)
    if organization is not None:
        organization.mentions.append(Mention(**mention.model_dump(), kind="organization"))
        return Speaker(entity=organization.id, name=organization.name, mention=mention)
    # (the headline is not in the article's analysis: its words are read on their own)
    read = analyse_russian(before)
    words = read.tokens
    head = next((t for t in words if t.pos in ("NOUN", "PROPN")), None)
    named = any(n.type in ("PERSON", "ORG") for n in read.names)
    titled = head is not None and head.lemma in profile.title_heads
    # (a name the recognizer missed, "Минфин", or an office by its short name)
    proper = head is not None and head.pos == "PROPN" and len(words) <= 3
    full = profile.word_map("organization_short_forms").get(before.lower())
    if not (named or titled or proper or full) or len(words) > 8:
        return None
    return Speaker(entity=None, name=full or before, mention=mention)


def _same_paragraph(text: str, a: Found, b: Found) -> bool:
    return "\n" not in text[a.content[-1][1] : b.content[0][0]]


def _quote(
    text: str,
    n: int,
    item: Found,
    person: Person | None,
    mention: Span | None,
    confidence: float,
) -> Quote:
    pieces = [Span.of(text, s, e) for s, e in item.content if e > s]
    speaker = None
    if person is not None:
        speaker = Speaker(entity=person.id, name=person.name, mention=mention)
    return Quote(
        id=f"q{n + 1}",
        type=item.type,
        text=" … ".join(p.text for p in pieces),
        content=pieces,
        cue=Span.of(text, *item.cue) if item.cue else None,
        speaker=speaker,
        insertions=[Span.of(text, s, e) for s, e in item.insertions],
        confidence=confidence,
    )


def _subject(
    analysis: RussianAnalysis, children: Sequence[Sequence[int]], verb: int
) -> list[RussianToken]:
    """The words of the subject of ``verb`` (of the verb it hangs on, for "добавив"), cut
    before a comma or a preposition of its head."""
    tokens = analysis.tokens
    token = tokens[verb]
    if token.feat("VerbForm") == "Conv" and token.head != verb:
        verb = token.head
    subjects = [c for c in children[verb] if tokens[c].rel in ("nsubj", "nsubj:pass")]
    if not subjects and tokens[verb].rel == "conj" and tokens[verb].head != verb:
        # "Губернатор поддержал министра и пообещал выделить ...": the first verb's subject
        first = tokens[verb].head
        subjects = [c for c in children[first] if tokens[c].rel in ("nsubj", "nsubj:pass")]
    if not subjects:
        # "В мэрии сообщили, что ...", "..., сообщили в управлении Роспотребнадзора": no one
        # said, the place speaks (with its preposition: nominal_speaker reads it so)
        place = _place(analysis, children, verb)
        if place is None:
            return []
        words = _subject_words(analysis, children, place)
        preposition = next(c for c in children[place] if tokens[c].rel == "case")
        if not words or tokens[preposition].end > words[0].start:
            return []
        return [*tokens[preposition : analysis.first_at(words[0].start)], *words]
    head = min(subjects, key=lambda c: abs(c - verb))  # (the nearest: a dateline parsed as one)
    return _subject_words(analysis, children, head)


def _place(analysis: RussianAnalysis, children: Sequence[Sequence[int]], verb: int) -> int | None:
    """The "в ..." (in the locative) of a verb with no subject: the office that speaks in "В
    мэрии сообщили" (a verb in the plural), the document in "говорится в сообщении Банка
    России" (a reflexive verb: one of the profile's ``documents``)."""
    tokens = analysis.tokens
    plural = tokens[verb].feat("Number") == "Plur" and tokens[verb].feat("Person") != "1"
    reflexive = tokens[verb].lemma.endswith("ся")
    if not (plural or reflexive):
        return None
    for c in children[verb]:
        word = tokens[c]
        if word.rel != "obl" or word.pos not in ("NOUN", "PROPN") or word.feat("Case") != "Loc":
            continue
        if not plural and word.lemma not in profile("ru").words("documents"):
            continue
        if any(
            tokens[p].rel == "case" and tokens[p].text.lower() in ("в", "во") for p in children[c]
        ):
            return c
    return None


def _subject_words(
    analysis: RussianAnalysis, children: Sequence[Sequence[int]], head: int
) -> list[RussianToken]:
    """The words of the noun phrase headed by ``head`` as a subject: its attributes, names,
    appositions and the words inside them, in one stretch."""
    tokens = analysis.tokens
    members = {head}
    stack = [head]
    while stack:
        parent = stack.pop()
        for c in children[parent]:
            rel = tokens[c].rel
            # (the preposition or quotation marks of a noun inside the subject: "Заместитель
            # мэра по городскому хозяйству Олег Баринов", "Генеральный директор «Белозёрского
            # молочника» Марина Кравец")
            inside = parent != head and (
                rel == "case" or (rel == "punct" and tokens[c].text in _QUOTE_MARKS)
            )
            # (a word joined to one inside the subject: "Представитель подрядчика, компании
            # «Уралмостострой», Олег Сидельников")
            # (and the conjunction before it: "министр промышленности и торговли")
            inside = inside or (parent != head and rel == "conj")
            inside = inside or (parent != head and rel == "cc" and parent in members)
            if inside or rel in ("amod", "nmod", "flat:name", "appos", "flat", "det", "nummod"):
                members.add(c)
                stack.append(c)
    first = last = head
    while first - 1 in members:
        first -= 1
    while last + 1 in members or (last + 2 in members and tokens[last + 1].text == ","):
        last += 1 if last + 1 in members else 2  # (a comma between two of its words)
    # a word of the subject after words the parser hung elsewhere, when those words can only be
    # part of a noun phrase: "генеральный директор Евразийской транзитной компании (ЕТК)
    # Михаил Гаврилов" with "компании" parsed as a dependent of a word after the name
    beyond = [m for m in members if m > last]
    if beyond and all(_in_noun_phrase(t) for t in tokens[last + 1 : min(beyond)]):
        last = max(beyond)
        while last + 1 in members:
            last += 1
    return list(tokens[first : last + 1])


def _subtree(children: Sequence[Sequence[int]], head: int) -> set[int]:
    """The indices of ``head`` and every word that hangs on it."""
    found, stack = {head}, [head]
    while stack:
        for c in children[stack.pop()]:
            if c not in found:
                found.add(c)
                stack.append(c)
    return found


def _in_noun_phrase(token: RussianToken) -> bool:
    """Whether a word between two words of a subject can only be part of its noun phrase: a
    noun, an adjective or a participle ("администрации, признанной потерпевшей,"), a number
    ("больницы № 2"), a preposition, brackets, commas or quotation marks."""
    if token.pos in ("PUNCT", "SYM"):
        return token.text in _QUOTE_MARKS or token.text in "(),№"
    if token.pos in ("VERB", "AUX"):
        return token.feat("VerbForm") == "Part"
    return token.pos in ("NOUN", "PROPN", "ADJ", "NUM", "ADP", "DET")


def _direct(
    analysis: RussianAnalysis,
    children: Sequence[Sequence[int]],
    start: int,
    end: int,
    cues: frozenset[str],
) -> Found:
    """A «...» quotation: its content inside the marks, and the cue and subject after it
    ("», – сказал X") or before it ("X сказал: «"); none found, it may continue the statement
    before it."""
    text = analysis.text
    insertions = [
        (start + 1 + m.start(), start + 1 + m.end())
        for m in _INSERTION.finditer(text[start + 1 : end - 1])
    ]
    content = [(start + 1, end - 1)]
    inside = _inside_cue(analysis, children, start, end, cues)
    if inside is not None:
        inside.insertions = insertions
        return inside
    after = _AFTER_QUOTE.match(text, end)
    if after is not None:
        first = analysis.first_at(after.end())
        tokens = analysis.tokens
        # the verb right after the dash is the cue whatever it is ("», – пошутил он"): that
        # is what the dash after a quotation says; further on, only a verb of speech is
        window = range(first, min(first + 3, len(tokens)))
        for i in window:
            said = tokens[i].lemma in cues or (i == first and _finite(tokens[i]))
            if tokens[i].pos == "VERB" and said:
                item = Found("direct", content, (tokens[i].start, tokens[i].end))
                item.subject = _subject(analysis, children, i)
                item.insertions = insertions
                # «...», – сказал X, – «...»: the second piece is the same statement
                rest = _AFTER_QUOTE.match(text, _clause_end(text, tokens[i].end))
                if rest is not None and text.startswith("«", rest.end()):
                    close = _closing(text, rest.end())
                    if close is not None:
                        item.content.append((rest.end() + 1, close))
                return item
    colon = text[:start].rstrip()
    if colon.endswith(":"):
        line_start = text.rfind("\n", 0, start) + 1
        before = [
            i
            for i in range(analysis.first_at(line_start), analysis.first_at(len(colon)))
            if analysis.tokens[i].end <= len(colon)
        ]
        for i in reversed(before):
            if analysis.tokens[i].lemma in cues and analysis.tokens[i].pos == "VERB":
                token = analysis.tokens[i]
                item = Found("direct", content, (token.start, token.end))
                item.subject = _subject(analysis, children, i)
                item.insertions = insertions
                return item
    return Found("direct", content, None, insertions=insertions, follows=True)


#: the author's words inside a quotation's marks: «A, – пояснила она. – B»
_INSIDE = re.compile(r"(?<=[,.!?…])[ \t]+[–—][ \t]+(?=\w)")


def _inside_cue(
    analysis: RussianAnalysis,
    children: Sequence[Sequence[int]],
    start: int,
    end: int,
    cues: frozenset[str],
) -> Found | None:
    """«A, – пояснила она. – B»: the author's words between two dashes inside the marks, a
    verb of speech first, make two pieces of one statement with that verb's cue and
    subject."""
    text = analysis.text
    for dash in _INSIDE.finditer(text, start + 1, end - 1):
        verb = analysis.first_at(dash.end())
        tokens = analysis.tokens
        if verb >= len(tokens) or tokens[verb].pos != "VERB" or tokens[verb].lemma not in cues:
            continue
        back = _INSIDE.search(text, tokens[verb].end, end - 1)
        if back is None or "\n" in text[dash.end() : back.start()]:
            continue
        first_end = dash.start() - (text[dash.start() - 1] == ",")
        pieces = [(start + 1, first_end), (back.end(), end - 1)]
        item = Found("direct", pieces, (tokens[verb].start, tokens[verb].end))
        item.subject = _subject(analysis, children, verb)
        return item
    return None


def _finite(token: RussianToken) -> bool:
    return token.feat("VerbForm") == "Fin"


def _clause_end(text: str, offset: int) -> int:
    """Where the words after a cue ("сказал Владимир Путин") end: the next comma or dash."""
    match = re.compile(r"[,;]").search(text, offset)
    return match.start() + 1 if match else offset


def _closing(text: str, opening: int) -> int | None:
    depth = 0
    for i in range(opening, len(text)):
        if text[i] == "«":
            depth += 1
        elif text[i] == "»":
            depth -= 1
            if depth == 0:
                return i
        elif text[i] == "\n":
            return None
    return None


def _indirect(
    analysis: RussianAnalysis,
    children: Sequence[Sequence[int]],
    cue: int,
    quotes: Sequence[tuple[int, int]],
    promises: frozenset[str] = frozenset(),
) -> Found | None:
    """Reported speech around the verb ``cue``: "X заявил, что ..." (the clause after что),
    "X пообещал отчитываться ..." (the infinitive after a verb of ``promises``), "...,
    заявил X" (the words before it), "То же самое, добавил он, касается ..." (the sentence
    around it)."""
    tokens = analysis.tokens
    token = tokens[cue]
    sentence = analysis.sentences[token.sentence]
    subject = _subject(analysis, children, cue)
    ending = sentence.end
    inner = [q for q in quotes if sentence.start <= q[0] < sentence.end]
    back = _back_reference(analysis, cue, quotes)
    if back is not None:  # "... . Об этом сообщил X."
        item = Found("indirect", [back], (token.start, token.end))
        item.subject = subject
        return item
    # X заявил, что ... (with a quotation in it: mixed, "открыта к диалогу «без условий»")
    after = [i for i in range(cue + 1, min(cue + 4, sentence.end_token))]
    for i in after:
        if tokens[i].text.lower() == "что" and (i == cue + 1 or tokens[i - 1].text == ","):
            start = tokens[i].end
            while start < ending and analysis.text[start] in " ,–—":
                start += 1
            quoted = [q for q in inner if q[0] >= start]
            end = _trim(analysis.text, start, max([ending, *(q[1] for q in quoted)]))
            if end - start < 12:
                return None
            kind: QuoteType = "mixed" if quoted else "indirect"
            item = Found(kind, [(start, end)], (token.start, token.end))
            item.subject = subject
            return item
    # X пообещал (лично) отчитываться ...: the infinitive the verb governs, to the sentence's end
    # (with no subject, "заявил, что рассчитывает сохранить ...", it is part of another's words)
    if token.lemma in promises and subject:
        infinitive = next(
            (
                i
                for i in after
                if tokens[i].head == cue
                and tokens[i].feat("VerbForm") == "Inf"
                and all(tokens[j].pos != "PUNCT" for j in range(cue + 1, i))
            ),
            None,
        )
        if infinitive is not None:
            start = tokens[cue + 1].start
            # (to the end of what the infinitive governs: not into "..., сообщил X" after it)
            last = max(_subtree(children, infinitive))
            speech = profile("ru").speech_verbs
            told = next(
                (
                    tokens[i].start
                    for i in range(infinitive, last)
                    if tokens[i].text == "," and tokens[i + 1].lemma in speech
                ),
                ending,
            )
            end = _trim(analysis.text, start, min(ending, tokens[last].end, told))
            if end - start >= 12:
                item = Found("indirect", [(start, end)], (token.start, token.end))
                item.subject = subject
                return item
    if inner:
        ending = min(ending, min(q[0] for q in inner))
    # Как сообщила X, ... / Как сообщили в X, ... (no subject: the place is the source)
    if cue > sentence.first and tokens[cue - 1].text.lower() == "как" and not subject:
        stop = next((n for n in range(cue + 1, sentence.end_token) if tokens[n].text == ","), 0)
        if cue + 1 < stop <= cue + 8 and tokens[cue + 1].pos == "ADP":
            subject = list(tokens[cue + 1 : stop])
    if cue > sentence.first and tokens[cue - 1].text.lower() == "как" and subject:
        # (a name in quotation marks inside the source, «Сибсети», does not end the sentence)
        limit = sentence.end
        comma = next((n for n in range(subject[-1].end, limit) if analysis.text[n] == ","), None)
        if comma is not None and comma - subject[-1].end < 3:
            limit = min([limit, *(q[0] for q in inner if q[0] > comma)])
            start = comma + 1 + _lead(analysis.text[comma + 1 : limit])
            end = _trim(analysis.text, start, limit)
            if end - start >= 12:
                item = Found("indirect", [(start, end)], (tokens[cue - 1].start, token.end))
                item.subject = subject
                return item
    # ..., заявил X  /  ..., добавил он, ...
    before = analysis.text[sentence.start : token.start].rstrip()
    if before.endswith((",", ", –", ",–")) and subject and subject[0].start > token.start:
        start = _after_dateline(analysis.text, sentence.start, token.start)
        if any(
            q[0] < token.start and q[1] > start and not analysis.text[start : q[0]].strip(" –—-")
            for q in quotes
        ):
            return None  # (the words before it open with a quotation, found as direct speech;
            # a name in quotation marks inside them, «Севернефтегаз», is no quotation)
        first_end = len(before.rstrip(",– ")) + sentence.start
        pieces = [(start, first_end)]
        close = subject[-1].end
        tail = analysis.text[close:ending]
        if tail.startswith(","):
            rest = close + 1 + _lead(tail[1:])
            end = _trim(analysis.text, rest, ending)
            if end - rest >= 12 and not analysis.text[rest:end].startswith(("добав", "обращ")):
                pieces.append((rest, end))
        if first_end - start < 12 and len(pieces) == 1:
            return None
        item = Found("indirect", [p for p in pieces if p[1] - p[0] >= 3], (token.start, token.end))
        item.subject = subject
        return item
    return None


def _citing(
    analysis: RussianAnalysis,
    children: Sequence[Sequence[int]],
    at: int,
    quotes: Sequence[tuple[int, int]],
    promises: frozenset[str],
    citing: Sequence[tuple[str, ...]],
    profile: LanguageProfile,
) -> Found | None:
    """The source a report cites ("ТАСС со ссылкой на пресс-службу Минпросвещения сообщил,
    что ...", one of the ``citing`` phrases opening at token ``at``): a statement nested in
    the report's, its content the report's, its subject the words after the phrase up to the
    report's verb or a comma. None when the phrase belongs to no verb of speech that reports
    something."""
    tokens = analysis.tokens
    for phrase in citing:
        end = at + len(phrase)
        if end > len(tokens) or tuple(t.text.lower() for t in tokens[at:end]) != phrase:
            continue
        verb = next(
            (tokens[i].head for i in range(at, end) if tokens[tokens[i].head].pos == "VERB"),
            None,
        )
        if verb is None or tokens[verb].lemma not in profile.speech_verbs:
            return None
        reported = _indirect(analysis, children, verb, quotes, promises)
        if reported is None:
            return None
        last = end
        sentence = tokens[at].sentence
        while (
            last + 1 < len(tokens)
            and last + 1 != verb
            and tokens[last + 1].text not in ",«–—"
            and tokens[last + 1].sentence == sentence
            and tokens[last + 1].pos != "PUNCT"
        ):
            last += 1
        if end > last:
            return None
        item = Found(reported.type, reported.content, (tokens[at].start, tokens[end - 1].end))
        item.subject = list(tokens[end : last + 1])
        return item
    return None


def _back_reference(
    analysis: RussianAnalysis, cue: int, quotes: Sequence[tuple[int, int]]
) -> tuple[int, int] | None:
    """What a sentence that opens by pointing back ("Об этом сообщил X", the profile's
    ``back_references``) attributes with its verb ``cue``: the sentences of its paragraph
    before it, back to the paragraph's start (after a dateline) or to a sentence with a
    quotation or a cue of its own (that one's speaker said it). None when the sentence opens
    otherwise, its verb comes after a comma, or nothing of the paragraph comes before it."""
    tokens = analysis.tokens
    text = analysis.text
    sentence = analysis.sentences[tokens[cue].sentence]
    opening = " ".join(t.text.lower() for t in tokens[sentence.first : cue])
    ru = profile("ru")
    if not any(
        opening == phrase or opening.startswith(phrase + " ")
        for phrase in ru.word_list("back_references")
    ):
        return None
    if any(t.text == "," for t in tokens[sentence.first : cue]):
        return None
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    cues = ru.speech_verbs | ru.belief_verbs
    start = None
    for before in reversed(analysis.sentences[: tokens[cue].sentence]):
        if before.start < paragraph:
            break
        quoted = any(q[0] < before.end and before.start < q[1] for q in quotes)
        cued = any(t.lemma in cues for t in tokens[before.first : before.end_token])
        if quoted or cued:
            break
        start = before.start
    if start is None:
        return None
    start = _after_dateline(text, start, sentence.start)
    end = _trim(text, start, sentence.start)
    return (start, end) if end - start >= 12 else None


def _after_dateline(text: str, start: int, limit: int) -> int:
    """The first character after a wire dateline ("МОСКВА, 26 сентября (БЕЛТА) – ",
    "КАЗАНЬ, 2 декабря. /ТАСС/. ")."""
    match = re.compile(r"[^\n]{0,80}?\)\s*[–—-]\s+").match(text, start)
    if match is not None and match.end() < limit:
        return match.end()
    wire = match_wire_dateline(text[start:limit])
    if wire is not None:
        after = start + wire.end()
        while after < limit and text[after].isspace():
            after += 1
        return after
    return start


def _trim(text: str, start: int, end: int) -> int:
    """``end`` moved back over spaces and the sentence's final mark."""
    while end > start and text[end - 1] in " \n.–—-,":
        end -= 1
    return end


def _according(analysis: RussianAnalysis, by: int, profile: LanguageProfile) -> Found | None:
    """ "По словам X, ...", "согласно данным X, ...", "по её словам, ...": the statement after
    the comma that closes X; X (or the possessive) is the subject. "По белорусским данным" (an
    adjective for its source) is a nested source of the figures, not a statement."""
    tokens = analysis.tokens
    sentence = analysis.sentences[tokens[by].sentence]
    word = by + 1
    possessive = word < sentence.end_token and tokens[word].text.lower() in profile.pronouns
    word += possessive
    if word >= sentence.end_token or tokens[word].text.lower() not in profile.according_to:
        return None
    comma = next((i for i in range(word + 1, sentence.end_token) if tokens[i].text == ","), None)
    if comma is None or comma - word > 8:
        return None
    source = [tokens[by + 1]] if possessive else list(tokens[word + 1 : comma])
    if (possessive and comma != word + 1) or not source:
        return None
    start = tokens[comma].end
    end = _trim(analysis.text, start, sentence.end)
    if end - start < 12 or (source[0].pos == "ADJ" and len(source) == 1):
        return None
    item = Found(
        "indirect",
        [(start + _lead(analysis.text[start:end]), end)],
        (tokens[by].start, tokens[word].end),
    )
    item.subject = source
    return item


#: a dialogue line: a paragraph that opens with a dash
_DIALOGUE_LINE = re.compile(r"^[ \t]*[—–][ \t]+(?=\S)", re.MULTILINE)
#: the dash between a line's speech and its author's words ("— Понятно, — ответил Пронин.")
_TURN = re.compile(r"(?<=[,.!?…])[ \t]+[—–][ \t]+")


def _dialogue(analysis: RussianAnalysis, children: Sequence[Sequence[int]]) -> list[Found]:
    """The lines of dialogue and interviews: each paragraph opening with a dash is a line,
    its speech up to a dash that leads to its author's words ("— Понятно, — ответил Пронин.
    — Но я с ним не согласен."), their verb the cue and its subject the speaker. A line whose
    speech ends in "?" is a question (kept to tell whose turn a reply is, not a statement).
    A reply to a question without author's words (an interview) goes on over the paragraphs
    after it that open with no dash, up to the next line."""
    text = analysis.text
    found: list[Found] = []
    opened = list(_DIALOGUE_LINE.finditer(text))
    for n, line in enumerate(opened):
        end = text.find("\n", line.end())
        end = len(text) if end < 0 else end
        turns = list(_TURN.finditer(text, line.end(), end))
        first_end = turns[0].start() if turns else end
        content = [(line.end(), _trim_comma(text, line.end(), first_end))]
        cue = None
        subject: list[RussianToken] = []
        if turns:
            verb = analysis.first_at(turns[0].end())
            if verb < len(analysis.tokens) and analysis.tokens[verb].pos == "VERB":
                token = analysis.tokens[verb]
                cue = (token.start, token.end)
                subject = _subject(analysis, children, verb)
            if len(turns) > 1:  # "— ..., — ответил Пронин. — ..." (the speech goes on)
                rest = turns[2].start() if len(turns) > 2 else end
                content.append((turns[1].end(), _trim(text, turns[1].end(), rest)))
        question = text[line.end() : first_end].rstrip(" ,").endswith("?")
        kind = "question" if question else "said" if cue is not None else "reply"
        if kind == "reply" and not any(f.line == "question" for f in found):
            continue  # (a list of items opening with dashes: no one was asked anything)
        previous = found[-1] if found else None
        interview = previous is not None and previous.line == "question" and not previous.cue
        if kind == "reply" and not turns and interview and n + 1 < len(opened):
            following = opened[n + 1].start()  # the answer's paragraphs up to the next line
            for paragraph in re.finditer(r"[^\n]+", text[end:following]):
                start = end + paragraph.start()
                content.append((start, _trim(text, start, end + paragraph.end())))
        item = Found("direct", [(s, e) for s, e in content if e > s], cue)
        item.subject, item.line = subject, kind
        if item.content:
            found.append(item)
    return found


def _trim_comma(text: str, start: int, end: int) -> int:
    """The end of a line's speech before the comma that hands it to its author's words."""
    end = _trim(text, start, end)
    return end - 1 if end > start and text[end - 1] == "," else end


def _interviewee(
    text: str, title: Span | None, cast: Cast, lines: Sequence[Found]
) -> Person | None:
    """Who answers an interview's questions: the person its headline gives the floor to, else
    the one person named before its first line."""
    if not lines:
        return None
    if title is not None and ":" in title.text:
        person = headline_speaker(title, cast)
        if person is not None:
            return person
    first = lines[0].content[0][0]
    before = [p for p in cast.people if any(m.start < first for m in p.mentions)]
    return before[0] if len(before) == 1 else None


def _answerer(said: Sequence[Person | None], interviewee: Person | None) -> Person | None:
    """The speaker of a reply without author's words: in a talk of two, the one who spoke
    before the line it answers; in an interview, the interviewee."""
    if not said:
        return interviewee
    previous = said[-1]
    for person in reversed(said[:-1]):
        if person is not None and person is not previous:
            return person
    return interviewee if interviewee is not previous else None
