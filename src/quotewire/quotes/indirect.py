"""Indirect and mixed quotes: a cue with its subject and the clause it reports.

Patterns: ``X stated that ...`` and ``..., X said`` (the clausal complement of the cue), the
parenthetical ``The same, he added, applies ...``, ``X promised to ...`` (the infinitive of a
commitment verb), and ``according to X, ...``. A reported clause that contains a quotation is a
*mixed* quote.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from quotewire.lang import profile
from quotewire.quotes.cues import (
    ANONYMITY_WORDS,
    ASKED_VERBS,
    CUE_VERBS,
    OBJECT_CUES,
    PERMISSION_WORDS,
    PREP_CUES,
    QUESTION_VERBS,
    RAISING_VERBS,
    RULE_LEMMAS,
    SPEECH_VERBS,
    according_to,
    as_report_verb,
    is_cue_verb,
    is_object_cue,
    lemma_of,
)
from quotewire.quotes.frame import (
    DOCUMENTS,
    FINITE,
    RELATIVE_PRONOUNS,
    SPEAKER_DEPS,
    Found,
    Frame,
    addressee_of,
    agentless_passive,
    cue_span,
    finite_tag,
    inverted_subject,
    is_dash,
    it_antecedent,
    may_speak,
    mention_for,
    name_before,
    noun_phrase,
    participle_subject,
    past_beside_modal,
    reduced_relative,
    says_nothing,
    speaking_aside,
    subject_of,
    token_key,
    trim,
)
from quotewire.quotes.lexicon import (
    THRESHOLD,
    _clausal_acl,
    known_probability,
    learned,
    learned_cue,
    learned_lemmas,
    seen,
)

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

_INFINITIVE_CUES = _EN.words("infinitive_cues")


def _span(frame: Frame, tokens: Iterable[Any]) -> tuple[int, int] | None:
    toks = [t for t in tokens if not t.is_space]
    if not toks:
        return None
    return frame.start(toks[0]), frame.end(toks[-1])


def _spans(frame: Frame, parts: Iterable[Any]) -> list[tuple[int, int]]:
    """The character spans of token stretches, empty ones left out."""
    return [s for s in (_span(frame, p) for p in parts) if s is not None]


def _subtree_tokens(token: Any) -> list[Any]:
    return list(token.doc[token.left_edge.i : token.right_edge.i + 1])


def stolen_subject(clause: Any, cue: Any) -> bool:
    """Whether a clause after the cue has for subject the name right after the cue (""...,"
    said Dr. Ben Carson, asked about ...": the parser made the speaker the subject of the
    participle after him): no clause the cue reports."""
    if clause.i < cue.i or any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False  # "Lee said Ortiz asked about ...": Lee speaks, and reports Ortiz
    name = inverted_subject(cue)
    if name is None or name.head.i != clause.i or name.dep_ not in SPEAKER_DEPS:
        return False
    return any(t.text == "," for t in cue.doc[name.i + 1 : clause.i])


def _acts_on_its_own(clause: Any, cue: Any) -> bool:
    """Whether a clause before a verb that is no verb of speech is a sentence of its own the
    parser joined to it, the verb having an object of its own ("There's an FBI investigation,
    courts are still ordering the release of emails, and ..."): no tag ("..., he told
    reporters" is one: a verb of speech)."""
    return (
        clause.i < cue.i
        and lemma_of(cue) not in SPEECH_VERBS
        and any(c.dep_ == "dobj" and c.i > cue.i for c in cue.children)
    )


def _predicate_of_what_is_said(clause: Any, cue: Any) -> bool:
    """Whether a clause right after the cue of a sentence's main verb is a finite verb with no
    subject: the predicate of what the speaker says ("Everything Trump says is a lie": what
    the writer says of Trump's words, which the parser hung on "says" as its clause), not a
    report. In a relative clause the missing subject is the relative's ("something Sanders
    aides argue is possible", "what they say was Clinton's role"): a report."""
    if cue.dep_ != "ROOT" or clause.i != cue.i + 1 or clause.tag_ not in FINITE:
        return False
    if not clause.text[:1].islower() or any(c.tag_ in ("WP", "WDT") for c in cue.children):
        return False  # "shows Trump far out in front": a name the tagger took for a verb
    return not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in clause.children)


def _dashed_aside(clause: Any, cue: Any) -> bool:
    """Whether the parser hung the reporter's aside after a dash on the cue ("promising to
    lift fees and open more land to drilling — probably not what Graham had in mind"): a
    clause right after a dash, with the cue's own complement before it (and no dash before
    that one: "said closed primaries -- those open only to Democrats -- deny ...")."""
    doc, left = clause.doc, clause.left_edge.i
    if left == 0 or not is_dash(doc[left - 1]) or any(is_dash(t) for t in doc[cue.i : left - 1]):
        return False
    return any(c.dep_ in ("xcomp", "dobj") and cue.i < c.i < left - 1 for c in cue.children)


def _bracketed_aside(clause: Any, cue: Any) -> bool:
    """Whether the clause the parser hung on the cue stands in round brackets of its own after
    the cue ("repeated her claim that ... (the actual number is closer to 15 percent)"): the
    reporter's aside, not what the cue reports."""
    doc = clause.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    left += doc[left].text == "("  # (the parser may hang the brackets on the clause itself)
    right -= doc[right].text == ")" and right > left
    brackets = _brackets_around(doc, left, right)
    return brackets is not None and brackets[0] == left - 1 and brackets[0] > cue.i


def reported_clause(frame: Frame, cue: Any) -> list[tuple[int, int]]:
    """The character spans of what ``cue`` reports, or [] when it reports nothing."""
    if according_to(cue):
        return according_clause(frame, cue)
    doc = cue.doc
    aside = _as_aside(cue)
    if aside is not None:  # "Hawaii, as one of his advisers noted, normally does not ..."
        (lo, hi), (rest, end) = aside.before, aside.after
        return _spans(frame, [doc[lo : hi + 1], doc[rest : end + 1]])
    lemma = lemma_of(cue)
    clauses = [
        c
        for c in cue.children
        if c.dep_ == "ccomp"
        and not stolen_subject(c, cue)
        and not _acts_on_its_own(c, cue)
        and not _predicate_of_what_is_said(c, cue)
        and not _dashed_aside(c, cue)
        and not _bracketed_aside(c, cue)
    ]
    if clauses and not (is_cue_verb(cue) or learned(lemma, "ccomp")):
        clauses = []
    if not clauses and (lemma in _INFINITIVE_CUES or learned(lemma, "xcomp")):
        clauses = [c for c in cue.children if c.dep_ == "xcomp" and c.i > cue.i]
    if len(clauses) > 1:  # "insisted it was "premature" ..., "I don't have ...": the quotation
        plain = [c for c in clauses if not frame.quoted(_first_word(c))]  # is the direct finder's
        clauses = plain or clauses
    if len(clauses) > 1:  # "Six in 10 said A; 46 percent said B": the first is a report too
        own = [c for c in clauses if not _second_report(c)]
        clauses = own or clauses
    if not clauses and lemma in SPEECH_VERBS:
        clauses = _stray_that_clause(cue)
        interrupted = None if clauses else _interrupted_that(cue)
        if interrupted is not None:
            return _spans(frame, [interrupted])
    if not clauses and lemma in QUESTION_VERBS:
        clauses = _question_clauses(cue)
    hung_on = None if clauses else _as_report(cue)
    if hung_on is not None:  # "As the Times reported, A" / "A, as Lee noted": A
        lo, hi = (
            (cue.right_edge.i + 1, hung_on.right_edge.i)
            if cue.i < hung_on.i
            else (hung_on.left_edge.i, cue.left_edge.i - 1)
        )
        while lo < hi and (doc[lo].is_punct or doc[lo].dep_ == "cc"):
            lo += 1
        while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
            hi -= 1
        return _spans(frame, [doc[lo : hi + 1]])
    if clauses:  # "said that A, and that B": the parser may hang B on the cue
        clauses += [
            c
            for c in cue.children
            if c.dep_ == "conj"
            and c.i > cue.i
            and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        ]
    if clauses and all(c.i > cue.i for c in clauses):  # "said that A because B"
        clauses += [c for c in cue.children if c.i > max(c.i for c in clauses) and _because(c)]
    if clauses:
        lo = min(c.left_edge.i for c in clauses)
        lo = min(lo, _stranded_subject(cue, clauses[0]), _quoted_lead(frame, cue, lo))
        subject = _subject_after_phrase(clauses[0]) if clauses[0].dep_ == "advcl" else None
        if subject is not None:
            lo = subject.left_edge.i  # not "after the convention"
        hi = max(c.right_edge.i for c in clauses)
        nexts = [n for c in clauses if c.i > cue.i and (n := _next_act(frame, cue, c)) is not None]
        if nexts:  # "said she has released her returns and called on ...": not what she said
            hi = min(hi, min(n.left_edge.i for n in nexts) - 1)
        before = [c for c in clauses if c.i < cue.i]
        after = [c for c in clauses if c.i > cue.i]
        if before and after:  # "Trump is so reckless, he said, that if ...": one on each side
            left_end = max(c.right_edge.i for c in before) + 1
            if left_end < len(doc) and doc[left_end].text == ",":
                parts = [doc[lo:left_end], doc[min(c.left_edge.i for c in after) : hi + 1]]
                return _spans(frame, parts)
            clauses = after  # "It was no abstract concern: soon Trump declared that ..."
            lo = min(c.left_edge.i for c in after)
        head, first = cue.head, _first_word(cue).i
        if (
            not before
            and cue.dep_ == "parataxis"
            and head.left_edge.i < first
            and doc[first - 1].text == ","
        ):  # "The plan is so reckless, the mayor said, that if ...": the head's words too
            parts = [doc[head.left_edge.i : first], doc[lo : hi + 1]]
            return _spans(frame, parts)
        if lo < cue.i < hi:  # the clause surrounds the cue: keep the part on each side (the
            # cue's own words may hold all the rest: "donations, which he said were ...")
            rest = cue.right_edge.i + 1
            if rest > hi and all(c.dep_ == "ccomp" for c in clauses):  # not "what he vowed to do"
                rest = min(t.i for c in clauses for t in c.subtree if t.i > cue.i)
            parts = [doc[lo : cue.left_edge.i], doc[rest : hi + 1]]
            return _spans(frame, parts)
        while hi > lo and (doc[hi].is_punct or doc[hi].dep_ == "cc"):
            hi -= 1  # "A, and" when the parser hung the next report's "and" on A
        if hi < cue.i:  # "X scolded him: "A," she said": the tag reports the quotation only
            lo = _after_colon_intro(frame, doc, lo, hi)
        hi = _dashed_end(doc, cue, lo, hi)
        span = _span(frame, doc[lo : _aside(frame, lo, hi) + 1])
        return [span] if span else []
    if cue.pos_ == "NOUN":
        held = [c for c in cue.children if c.dep_ in ("acl", "relcl")]
        held = [c for c in held if learned(lemma, "acl") and _clausal_acl(c)]
        if held:
            left, right = held[0].left_edge.i, held[0].right_edge.i
            span = _span(frame, doc[left : _aside(frame, left, right) + 1])
            return [span] if span else []
    objects = _object_content(frame, cue)
    if objects is not None:
        lo, hi = objects[0], _dashed_end(doc, cue, objects[0], objects[1])
        span = _span(frame, doc[lo : _aside(frame, lo, hi) + 1])
        return [span] if span else []
    if cue.dep_ == "parataxis" and cue.head.i != cue.i:
        head = cue.head
        if (
            head.dep_ in ("nsubj", "nsubjpass")
            and head.head.i > cue.i
            and doc[_first_word(cue).i - 1].text == ","
        ):  # "The difference now, he told me, is that ...": the whole clause
            head = head.head
        stray = _stray_subject(cue)  # "Voters, Clinton suggested, don't have to ...": Voters
        left = cue.left_edge.i if stray is None else stray.right_edge.i + 1
        parts = [
            doc[head.left_edge.i : left],
            doc[cue.right_edge.i + 1 : head.right_edge.i + 1],
        ]
        return _spans(frame, parts)
    interrupted = interrupted_clause(cue)
    if interrupted is not None:  # "These employees, Stumpf explained earlier in the hearing,
        return _spans(frame, interrupted)  # were well-paid": the clause on both sides
    return []


def _reports(verb: Any) -> bool:
    """Whether a verb reports: a verb of saying or believing, or one with its preposition
    ("called on Congress to ...")."""
    lemma = lemma_of(verb)
    return is_cue_verb(verb) or any(_prep_cue(lemma, c) for c in verb.children if c.dep_ == "prep")


def _prep_cue(lemma: str, prep: Any) -> bool:
    """Whether a verb with this preposition reports ("called for", "railed against")."""
    return (lemma, prep.lower_) in PREP_CUES or learned(lemma, f"prep:{prep.lower_}")


def _next_act(frame: Frame, cue: Any, clause: Any) -> Any:
    """The first conjunct the parser hung inside a reported clause that tells what happened
    next instead of what was reported: a report in the reporting verb's tense, the speaker's
    own ("said she has released 30 years of tax returns and called on Sanders to do the
    same", "believe meaningful debt relief is possible only in bankruptcy and have been calling
    on Congress ...") or someone else's ("said that Wall Street does more to hurt the economy
    than to help it, and those voters backed Mr. Sanders"); None when there is none. A
    conjunct in the reported clause's own tense is reported too ("said the system is
    "complex" and he feels he can win"), as is one with its own "that"."""
    for token in clause.subtree:
        if token.dep_ != "conj" or token.i <= clause.i or frame.quoted(token):
            continue
        tag = finite_tag(token)
        if tag != cue.tag_ or tag not in FINITE or not _reports(token):
            continue
        if any(c.dep_ == "mark" for c in token.children):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            if token.head.i == clause.i and past_beside_modal(token):
                return token
        elif tag != finite_tag(clause) and (
            may_speak(subjects[0]) or subjects[0].pos_ in ("NOUN", "PROPN")
        ):
            return token
    return None


def interrupted_clause(cue: Any) -> list[Any] | None:
    """The two halves of a clause a tag interrupts when the parser made the tag's verb the
    head of both ("These employees, Stumpf explained earlier in the hearing, were well-paid":
    "employees" hung on "explained", "were" its conjunct): a noun phrase before the tag's
    subject, set off by a comma, and a verb after the tag, set off by a comma, with no
    subject of its own; None otherwise."""
    doc = cue.doc
    subjects = [c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i]
    if len(subjects) != 1:
        return None
    subject = subjects[0]
    strays = [
        c
        for c in cue.children
        if c.dep_ in ("npadvmod", "dep", "nsubj")
        and c.pos_ in ("NOUN", "PROPN", "PRON")
        and c.right_edge.i + 1 < subject.left_edge.i
        and doc[c.right_edge.i + 1].text == ","
    ]
    rests = [
        c
        for c in cue.children
        if c.dep_ == "conj"
        and c.i > cue.i
        and c.pos_ in ("AUX", "VERB")
        and doc[c.left_edge.i - 1].text == ","
        and not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)
    ]
    if len(strays) != 1 or not rests or strays[0].left_edge.i != _first_word(cue.sent.root).i:
        return None
    stray, rest = strays[0], rests[0]
    hi = max(  # "were "well-paid," making ...": the parser may hang the rest on the tag too
        [rest.right_edge.i]
        + [c.right_edge.i for c in cue.children if c.i > rest.i and c.dep_ in ("advcl", "conj")]
    )
    return [doc[stray.left_edge.i : stray.right_edge.i + 1], doc[rest.left_edge.i : hi + 1]]


def _stray_subject(cue: Any) -> Any:
    """The first of two subjects the parser gave a parenthetical tag ("Voters, Clinton
    suggested, don't have to worry"): the subject of the clause the tag interrupts."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i]
    if len(subjects) < 2:
        return None
    first = subjects[0]
    after = first.right_edge.i + 1
    return first if after < len(cue.doc) and cue.doc[after].text == "," else None


def _first_word(token: Any) -> Any:
    """The first token of ``token``'s subtree that is not punctuation."""
    return next((t for t in token.subtree if not t.is_punct), token)


def _stranded_subject(cue: Any, clause: Any) -> int:
    """Where a reported clause really starts when the parser took its subject for the cue's
    object ("argued the pipeline, which ..., "wouldn't go 10 feet""): a clause with no subject
    of its own right after an object of the cue starts at that object."""
    if clause.i < cue.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
        return int(clause.left_edge.i)
    objects = [c for c in cue.children if c.dep_ in ("dobj", "npadvmod") and cue.i < c.i < clause.i]
    if not objects or clause.left_edge.i <= objects[-1].i:
        return int(clause.left_edge.i)
    return int(objects[-1].left_edge.i)


def _quoted_lead(frame: Frame, cue: Any, lo: int) -> int:
    """Where a reported clause starts when a quoted phrase of the cue's runs straight into it
    (``saying "of course" Clinton has the qualifications``): at that phrase."""
    doc = cue.doc
    i = lo - 1
    while i > cue.i and doc[i].is_quote:
        i -= 1
    if i == lo - 1 or i <= cue.i or not frame.quoted(doc[i]):
        return lo
    child = doc[i]
    while child.head.i != cue.i and child.head.i != child.i and cue.i < child.head.i < lo:
        child = child.head
    if child.head.i != cue.i or child.dep_ in ("ccomp", "conj", "advcl", "parataxis"):
        return lo
    start = child.left_edge.i
    while start > cue.i + 1 and doc[start - 1].is_quote:
        start -= 1
    return int(start) if all(frame.quoted(t) or t.is_quote for t in doc[start:i]) else lo


def report_of_its_own(clause: Any) -> bool:
    return lemma_of(clause) in SPEECH_VERBS and any(c.dep_ == "nsubj" for c in clause.children)


def _second_report(clause: Any) -> bool:
    """Whether a clause beside another on one cue is a report itself ("Six in 10 said A;
    three-quarters said the same"), not a clause whose verb only may be one of speech ("It's
    unlikely; her team says she'll continue her march": "continue" never reports an
    object)."""
    if not report_of_its_own(clause):
        return False
    deps = {c.dep_ for c in clause.children}
    return "dobj" not in deps or "ccomp" in deps or seen(lemma_of(clause), "dobj")


def _question_clauses(cue: Any) -> list[Any]:
    """The question a verb of asking reports when the parser made it an adverbial clause:
    "Asked if he was ever bullied, ...", "wondered whether the vote would hold"."""
    return [
        c
        for c in cue.children
        if c.dep_ == "advcl"
        and c.i > cue.i
        and any(g.dep_ == "mark" and g.lower_ in ("if", "whether") for g in c.children)
    ]


def _report_read_as_noun(text: str, frame: Frame, cue: Any) -> Found | None:
    """ "Trump predicts that ...", "Bloomberg reports that ...": the parser read the name and
    the verb as one noun ("Trump predicts") and the report as its relative clause. A speech
    or belief verb's third-person form tagged as a plural noun, after a capitalized word that
    modifies it, before a "that" opening a clause: the name says the rest of the sentence."""
    doc = cue.doc
    if cue.pos_ != "NOUN" or not cue.lower_.endswith("s") or cue.i < 1 or cue.i + 2 >= len(doc):
        return None
    if lemma_of(cue) not in CUE_VERBS or doc[cue.i + 1].lower_ != "that":
        return None
    name = doc[cue.i - 1]
    if name.dep_ != "compound" or name.head.i != cue.i or not name.text[:1].isupper():
        return None
    if name.pos_ not in ("PROPN", "NOUN") or doc[cue.i + 1].dep_ != "mark":
        return None  # "Price estimates that were released": a noun and its relative clause
    spans = _clean(text, _spans(frame, [_rest_of_sentence(doc[cue.i + 1])]))
    if not spans or sum(len(text[s:e].split()) for s, e in spans) < 3:
        return None
    return Found(
        type=_kind(text, frame, spans, _holds_quotation(frame, spans)),
        content=spans,
        cue=(frame.start(cue), frame.end(cue)),
        speaker=mention_for(frame, name),
        confidence=_confidence(True, True, None),
        paragraph=frame.index,
        cue_token=cue,
    )


def _interrupted_that(cue: Any) -> Any:
    """ "went on to say that, because the auditor testified ..., it is also a sign ...": a
    "that" opening the report, then a clause set off by commas; the parser reads "that" as
    the object and loses the report. The words from "that" to the end of the sentence."""
    after = cue.doc[cue.i + 1 : cue.i + 3]
    if len(after) < 2 or after[0].lower_ != "that" or after[0].dep_ != "dobj":
        return None
    if after[1].text != ",":
        return None
    return _rest_of_sentence(after[0])


def _rest_of_sentence(token: Any) -> Any:
    """The tokens from ``token`` to the end of its sentence, closing punctuation left out
    (at least ``token`` and the one after it)."""
    doc = token.doc
    end = token.sent.end
    while end > token.i + 2 and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return doc[token.i : end]


def _stray_that_clause(cue: Any) -> list[Any]:
    """The reported clause the parser hung on a time phrase ("said for the first time that
    some emails ...", "said on Tuesday that ...") or read as an adverbial clause: a "that"
    clause with a subject of its own."""
    for child in cue.children:
        if child.i < cue.i:
            continue
        if (
            child.dep_ == "advcl"
            and child.left_edge.lower_ == "that"
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        ):  # "tweeted late at night that Machado was ...": hung on the cue as an adverbial
            return [child]
        if child.dep_ == "advcl" and _subject_after_phrase(child) is not None:
            return [child]  # "said after the convention he would not accept ..."
        if child.dep_ not in ("prep", "npadvmod", "dobj"):
            continue
        if child.dep_ == "dobj" and lemma_of(cue) not in _ADDRESSING:
            continue  # "says the increase ... that Bloomberg decries makes ...": no audience
        for token in child.subtree:
            if token.dep_ != "relcl" or token.left_edge.lower_ != "that":
                continue
            that = token.left_edge
            if child.dep_ == "dobj" and (that.dep_ != "mark" or not _complete(token)):
                continue  # "told the story that he had heard": the story's own clause
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            if that.dep_ not in ("nsubj", "nsubjpass", "dobj") and subjects:
                return [token]  # "told a meeting of leaders that few people understood ..."
    return []


#: Verbs whose object is the audience, before what they report: "told a meeting of leaders
#: that ...".
_ADDRESSING = _EN.words("addressing_verbs")

#: What completes a clause that no relative pronoun is missing from: "that few people
#: understood the stakes", not "an interaction that she interpreted".
_COMPLETING = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "auxpass"})


def _complete(clause: Any) -> bool:
    return any(c.dep_ in _COMPLETING for c in clause.children)


def _subject_after_phrase(clause: Any) -> Any:
    """The subject of an adverbial clause that is a report the parser hung a phrase of the
    cue's on ("said after the convention he would not ..."): a finite clause whose words
    before its subject are only such phrases (no "if", "when", "that" making it adverbial);
    else None."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return None
    finite = clause.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children
    )
    before = [c for c in clause.children if c.i < subject.i]
    if finite and before and all(c.dep_ in ("prep", "npadvmod") for c in before):
        return subject
    return None


_ASIDES = frozenset({"appos", "relcl"})
_ASIDE_MARKS = frozenset({",", "—", "–", "--", ";"})


def _dashed_end(doc: Any, cue: Any, lo: int, hi: int) -> int:
    """Where a report set inside dashes ends ("made an aggressive - some say unrealistic -
    pledge to ...": "unrealistic"): before the dash that closes the aside opened just before
    its subject; ``hi`` when the report is no such aside."""
    if lo <= cue.i:
        return hi
    opened = False
    for k in range(cue.i - 1, max(-1, cue.i - 4), -1):
        if is_dash(doc[k]):
            opened = True
            break
        if doc[k].is_punct:
            return hi
    if not opened:
        return hi
    for k in range(lo, hi + 1):
        if is_dash(doc[k]):
            return k - 1 if k > lo else hi
    return hi


#: The dependency labels of the words :func:`_aside` looks at: a next report or a speaking
#: aside (conj, advcl) and the asides of :data:`_ASIDES`.
_ASIDE_HEADS = frozenset({"conj", "advcl"}) | _ASIDES


def _aside(frame: Frame, lo: int, hi: int) -> int:
    """The last token of ``doc[lo..hi]`` before a trailing aside that the reporter added: ", a
    swipe at ...", "— a proposal he has raised ...", ", which votes on March 1"."""
    doc = frame.doc
    for k in frame.with_deps(lo + 3, hi + 1, _ASIDE_HEADS):
        token = doc[k]
        # "... but added, "I think ..."": the next report is a statement of its own; "...,
        # while adding ...": the speaker's next act
        next_report = (
            token.dep_ == "conj"
            and token.pos_ in ("VERB", "AUX")  # not the noun of "“divisive” and “petty” remarks"
            and lemma_of(token) in SPEECH_VERBS
            and token.i > lo + 3
            and not _shares_modal(token)
        )
        if next_report or (speaking_aside(token) and token.right_edge.i >= hi - 1):
            left = token.left_edge.i
            while left > lo and (
                doc[left - 1].is_punct or doc[left - 1].is_space or doc[left - 1].dep_ == "cc"
            ):
                left -= 1
            return int(left) - 1
        if token.dep_ not in _ASIDES:
            continue
        left = token.left_edge.i
        if left <= lo + 2 or doc[left - 1].text not in _ASIDE_MARKS:
            continue
        if token.right_edge.i >= hi - 1 and not _quoted_word(doc, left, hi):
            return int(left) - 2
    return hi


def _after_colon_intro(frame: Frame, doc: Any, lo: int, hi: int) -> int:
    """Where a clause before a tag starts once an introduction ending in a colon right before a
    quotation is left out."""
    colon = next(
        (k for k in range(lo, hi) if doc[k].text == ":" and frame.quoted(doc[k + 1])), None
    )
    if colon is None:
        return lo
    start = colon + 1
    while start < hi and (doc[start].is_quote or doc[start].text in "“‘«„"):
        start += 1  # the opening marks
    return start


def _shares_modal(token: Any) -> bool:
    """ "he'd sit Putin down and tell him ...": a bare verb joined to another is what the
    reported subject would do, not the reporter's next act."""
    own_aux = any(c.dep_ in ("aux", "neg") and c.lemma_ in ("do", "not") for c in token.children)
    return bool(token.tag_ == "VB" and token.head.tag_ == "VB" and not own_aux)


def _quoted_word(doc: Any, lo: int, hi: int) -> bool:
    return any(t.is_quote or t.text in "“”«»„" for t in doc[lo : hi + 1])


def _object_content(frame: Frame, cue: Any) -> tuple[int, int] | None:
    """Token indices (inclusive) of the object a cue attributes, if it has one: the object of
    an object cue ("criticized the plan"), or a quoted object of any cue ("admitted "one or two
    instances" where ...")."""
    lemma = lemma_of(cue)
    objects = [c for c in cue.children if c.dep_ in ("dobj", "oprd") and c.i > cue.i]
    if reduced_relative(cue):
        return None  # "a play called "Sons of Trump"" names the play
    if objects and (
        lemma in OBJECT_CUES or learned(lemma, "dobj") or _has_quotation(frame, objects)
    ):
        lo = min(o.left_edge.i for o in objects)
        hi = max(o.right_edge.i for o in objects)
        return lo, _object_tail(frame, cue, hi)
    for child in cue.children:
        if child.dep_ == "prep" and _prep_cue(lemma, child):
            found = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if found:
                lo = min([found[0].left_edge.i, *_predicated(cue, objects, child)])
                return lo, _object_tail(frame, cue, found[0].right_edge.i)
    return None


#: How a word before a cue's preposition may say something of the cue's object ("shows Clinton
#: ahead by 3.7 points", "found Lee up by 4"): an adverb or adjective of the verb.
_PREDICATES = frozenset({"advmod", "acomp", "oprd", "xcomp"})


def _predicated(cue: Any, objects: Sequence[Any], prep: Any) -> list[int]:
    """Where the object starts when the words between it and ``prep`` say something of it
    ("shows Clinton likewise ahead by 3.7 points": Clinton, ahead, by): what the cue reports
    is the whole small clause. Empty otherwise ("charged two developers with fraud": the
    object is whom the charge is about)."""
    before = [o for o in objects if o.i < prep.i]
    if not before or not any(
        c.dep_ in _PREDICATES and before[0].i < c.i < prep.i and c.pos_ in ("ADV", "ADJ")
        for c in cue.children
    ):
        return []
    return [before[0].left_edge.i]


def _object_tail(frame: Frame, cue: Any, hi: int) -> int:
    """Where what a cue says of its object ends: past "as ...", "of ...", "for ...", "to ..."
    and an infinitive ("proposed a fund to help states ..."), the reason given, and any phrase
    holding a quotation ("blamed the violence on a "disturbed person,"")."""
    for child in cue.children:
        if child.i <= hi:
            continue
        attached = (
            child.dep_ == "oprd"
            or (
                child.dep_ == "prep"
                and (
                    child.lower_ in _TAIL_PREPOSITIONS
                    # (the phrase's own edges hold those of every word in it)
                    or _has_quotation(frame, [child])
                )
            )
            or _because(child)
            or _infinitive(child)
        )
        if attached:
            hi = max(hi, _before_adjunct(frame, child))
        elif not child.is_punct:
            break
    return hi


#: Prepositions whose phrase after a cue's object goes on with what the cue reports ("described
#: it as a "crazy system"", "called for a ban on ...").
_TAIL_PREPOSITIONS = _EN.words("tail_prepositions")
#: Prepositions that tie a phrase to the noun before it, not a time or place to the sentence.
_ATTACHED_PREPOSITIONS = _EN.words("attached_prepositions")


def _infinitive(token: Any) -> bool:
    """ "to help states ...": an infinitive clause hung on the cue after its object."""
    return token.dep_ in ("xcomp", "advcl") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _before_adjunct(frame: Frame, child: Any) -> int:
    """The last token of ``child``'s phrase, or of its quotation when only a time or place
    adjunct follows it ("as a "crazy system" during a campaign stop in Flint")."""
    doc, right = child.doc, child.right_edge.i
    marks = [t.i for t in doc[child.i : right + 1] if frame.quoted(t)]
    if not marks:
        return int(right)
    last = marks[-1]
    while last + 1 <= right and doc[last + 1].is_punct and doc[last + 1].text != ",":
        last += 1  # the closing mark
    after = doc[last + 1] if last + 1 <= right else None
    if (
        after is not None
        and after.head.pos_ in ("NOUN", "PROPN")  # not "for "turning its back" on ..."
        and (
            (after.dep_ == "prep" and after.lower_ not in _ATTACHED_PREPOSITIONS)
            or after.dep_ == "npadvmod"
        )
    ):
        return int(last)
    return int(right)


def _because(token: Any) -> bool:
    """ "calls Horgos "a mistake" because so few people live near it": the reason given is
    part of what is said."""
    return token.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ == "because" for c in token.children
    )


def _has_quotation(frame: Frame, tokens: Sequence[Any]) -> bool:
    spans = [(frame.start(t.left_edge), frame.end(t.right_edge)) for t in tokens]
    return any(s <= qs < e for s, e in spans for qs, _ in frame.inside)


def _holds_quotation(frame: Frame, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < qe and qs < e for s, e in spans for qs, qe in frame.inside)


def _kind(text: str, frame: Frame, spans: Sequence[tuple[int, int]], quoted: bool) -> str:
    """``indirect``, or for content holding a quotation ``mixed`` (words of its own outside
    it) or ``direct``."""
    if not quoted:
        return "indirect"
    return "mixed" if _outside_letters(text, frame, spans) >= 3 else "direct"


def _outside_letters(text: str, frame: Frame, spans: Sequence[tuple[int, int]]) -> int:
    """Letters and digits of ``spans`` outside any quotation."""
    quoted = sorted(frame.inside)
    count = 0
    for s, e in spans:
        pos = s  # the letters before ``pos`` are counted
        for qs, qe in quoted:
            if qs >= e:
                break
            if qs > pos:
                count += _alnum(text, pos, qs)
            pos = max(pos, qe)
        if pos < e:
            count += _alnum(text, pos, e)
    return count


def _alnum(text: str, start: int, end: int) -> int:
    return sum(map(str.isalnum, text[start:end]))


def _clean(text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        s, e = trim(text, s, e)
        while e > s and text[e - 1] in ".":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def find_indirect(text: str, frames: Sequence[Frame], used: set[tuple[int, int]]) -> list[Found]:
    """Indirect and mixed quotes in every frame; ``used`` holds the keys of cue tokens
    already taken (:func:`~quotewire.quotes.frame.token_key`)."""
    found: list[Found] = []
    for frame in frames:
        doc = frame.doc
        for i in frame.tokens_with(_cue_words()):
            token = doc[i]
            if frame.quoted(token) or token_key(token) in used:
                continue
            if according_to(token):
                item = _according(text, frame, token)
            elif is_cue_verb(token) or is_object_cue(token) or learned_cue(token):
                item = _reported(text, frame, token) or _report_read_as_noun(text, frame, token)
            else:
                item = _report_read_as_noun(text, frame, token)
            if item is not None:
                found.append(item)
    return found


@lru_cache(maxsize=1)
def _cue_words() -> frozenset[str]:
    """Every lemma that may be a cue, by the rules or the lexicon, and "according"."""
    return RULE_LEMMAS | _INFINITIVE_CUES | learned_lemmas() | {"according"}


def makes_no_statement(cue: Any) -> bool:
    """A cue whose subject states nothing: a raising verb ("seems to", "appears to"), a
    supposition ("Let's say you think ..."), or a verb in the passive with no agent ("Texas was
    called for Cruz", "he is widely expected to run"): nobody named says anything."""
    if lemma_of(cue) in RAISING_VERBS or _unsaid_infinitive(cue) or _asked(cue):
        return True
    if _supposed(cue) or _compared(cue) or _bidden_aside(cue):
        return True
    return agentless_passive(cue)


def _bidden_aside(cue: Any) -> bool:
    """An imperative opening a parenthesis ("(think Brexit, for example)", "(see below)"): the
    writer bids the reader; the noun after the verb, which the parser may make its subject,
    says nothing."""
    doc = cue.doc
    if cue.i == 0 or doc[cue.i - 1].text != "(" or cue.tag_ not in ("VB", "VBP"):
        return False
    return not any(c.dep_ in ("nsubj", "nsubjpass") and c.i < cue.i for c in cue.children)


def _compared(cue: Any) -> bool:
    """A verb joined by "than", the other side of a comparison ("voters are more likely to say
    that Clinton represents them than say the same about Sanders"): what people are likelier
    to do, not a report (the parser gives it the subject of the clause before, Clinton)."""
    return cue.dep_ == "conj" and any(
        c.dep_ == "cc" and c.lower_ == "than" for c in cue.head.children
    )


def _supposed(cue: Any) -> bool:
    """A supposition, "Let's say you think a degree will cost $160,000" ("let us"; "let me say
    that ..." is the writer's own statement)."""
    head = cue.head
    if head.i == cue.i or head.lemma_.lower() != "let" or cue.dep_ not in ("ccomp", "xcomp"):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in ("'s", "’s", "us") for c in cue.children)


def _asked_participle(cue: Any) -> bool:
    """A reduced passive of asking that opens a clause ("Asked about his record, Lee said
    ...", "When asked whether ..."): its subject is the one asked, and whoever asked is not
    named (a question with no speaker, not one of the subject's)."""
    if lemma_of(cue) not in ASKED_VERBS:
        return False
    if cue.dep_ == "ccomp" and stolen_subject(cue, cue.head):
        return True  # ""...," said Dr. Carson, asked about ...", parsed "Carson asked"
    if cue.tag_ != "VBN" or cue.dep_ not in ("advcl", "ROOT"):
        return False
    own = ("aux", "auxpass", "nsubj", "nsubjpass", "agent")
    return not any(c.dep_ in own for c in cue.children)


def _asked(cue: Any) -> bool:
    """A cue in a direct question, its auxiliary before its subject ("What did the debate tell
    you?", "Did he say that the plant would close?", "Why would anyone believe that ...?"):
    the question asks what was said. "Why had he asserted that ...?" takes the report as
    given: it stays a statement."""
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        return False
    auxiliaries = [c for c in cue.children if c.dep_ in ("aux", "auxpass") and c.i < subject.i]
    if not auxiliaries:
        return False
    why = any(c.lower_ == "why" for c in cue.children if c.i < cue.i)
    if why and not any(a.tag_ == "MD" for a in auxiliaries):
        return False
    end = cue.sent[-1]
    while end.is_punct and end.text not in "?.!" and end.i > cue.i:
        end = end.nbor(-1)
    return bool(end.text == "?")


def _unsaid_infinitive(cue: Any) -> bool:
    """An infinitive that reports nothing: hung on a denied permission ("officials not
    authorized to discuss the talks"), or the purpose of an anonymous source's words
    ("speaking on condition of anonymity to discuss the schedule")."""
    if cue.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in cue.children):
        return False
    head = cue.head
    if head.i == cue.i or cue.dep_ not in ("xcomp", "advcl", "acl"):
        return False
    if head.lemma_.lower() in PERMISSION_WORDS:
        return any(c.dep_ == "neg" for c in head.children)
    if any(c.dep_ == "ccomp" for c in cue.children):
        return False  # "used the luncheon to complain that ...": what was said follows
    return any(
        t.lemma_.lower() in ANONYMITY_WORDS
        for c in head.children
        if c.i < cue.i and c.dep_ in ("prep", "dobj", "advmod")
        for t in c.subtree
    )


def _reported(text: str, frame: Frame, cue: Any) -> Found | None:
    if makes_no_statement(cue):
        return None
    spans = _clean(text, _whole_quotations(frame, reported_clause(frame, cue)))
    spans = _quotation_then_narration(text, frame, spans)
    if not spans or sum(len(text[s:e].split()) for s, e in spans) < 2:
        return None
    clausal = (
        any(c.dep_ == "ccomp" for c in cue.children)
        or cue.dep_ == "parataxis"
        or (lemma_of(cue) in SPEECH_VERBS and bool(_stray_that_clause(cue)))
        or (lemma_of(cue) in QUESTION_VERBS and bool(_question_clauses(cue)))
        or _as_report(cue) is not None
    )
    quoted = _holds_quotation(frame, spans)
    if not clausal and not quoted and _background(cue):
        return None
    speech = lemma_of(cue) in SPEECH_VERBS
    known = None if speech and clausal else known_probability(cue)
    if known is not None and known < THRESHOLD and not quoted:
        # the annotated data overrules the word lists ("wants to win", "backs the plan"): one
        # threshold decides what the lexicon makes a cue and which listed words it vetoes
        return None
    asked = _asked_participle(cue)  # the subject was asked; who asked is not named
    subject = None
    if not asked:
        subject = (
            subject_of(cue)
            or (name_before(cue) if _reports_after(cue) else None)
            or participle_subject(cue)
        )
    stray = _stray_subject(cue) if cue.dep_ == "parataxis" else None
    if stray is not None and subject is not None and subject.i == stray.i:
        subject = next(
            c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > stray.i
        )
    aside = _as_aside(cue)
    if aside is not None:
        subject = aside.speaker  # not the sentence's subject before the aside
    if subject is not None and subject.lower_ == "it":
        subject = it_antecedent(subject, cue)  # "The IMF cut its forecast. It said ..."
    if not asked and (subject is None or frame.quoted(subject) or says_nothing(subject)):
        return None
    return Found(
        type=_kind(text, frame, spans, quoted),
        content=spans,
        cue=cue_span(frame, cue),
        speaker=mention_for(frame, subject) if subject is not None else None,
        confidence=_confidence(speech, clausal, known),
        paragraph=frame.index,
        addressee=addressee_of(frame, cue),
        cue_token=cue,
        weak=not clausal or not speech,
    )


#: Words that open a clause of the writer's own after a closing quotation mark ("...," but in
#: fact he used one account).
_NARRATION_AFTER = re.compile(_EN.pattern("narration_after"))


def _quotation_then_narration(
    text: str, frame: Frame, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Content that opens with a quotation and runs on past its closing mark into a clause
    joined by "but", "and", "while" ... (``Reyes said: "I have admitted it," but in fact
    Reyes ...``): the parser hung the writer's clause on the quoted one; the statement ends
    with the quotation."""
    if not spans:
        return spans
    first = spans[0][0]
    for region in frame.regions:
        if not region.closed or not (region.outer_start <= first <= region.start):
            continue
        if spans[-1][1] <= region.outer_end:
            return spans
        said = text[region.start : region.end].rstrip()
        # a whole utterance, closed by its own comma or stop ("mistake,""), not a quoted
        # phrase the sentence goes on from ("budget reforms" and the collection of taxes)
        if said[-1:] in (",", ".", "!", "?") and _NARRATION_AFTER.match(text, region.outer_end):
            return [trim(text, s, min(e, region.end)) for s, e in spans if s < region.end]
        return spans
    return spans


def _as_report(cue: Any) -> Any:
    """The clause an "as" clause of saying hangs on ("As the Times reported, Clinton raised
    ...", "..., as Lee noted"): what it reports; None when ``cue`` is none of
    :func:`as_report_verb` in such an "as" clause ("as he replied" tells when), governs what
    it reports itself ("as he said he would"), is passive ("as declared by X"), or speaks to
    or with someone ("as she joked with a friend")."""
    if cue.dep_ != "advcl" or cue.head.i == cue.i or cue.head.pos_ not in ("VERB", "AUX"):
        return None
    if not as_report_verb(cue):
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return None
    kept = ("ccomp", "xcomp", "dobj", "auxpass", "nsubjpass", "agent")
    if any(c.dep_ in kept or (c.dep_ == "prep" and c.lower_ == "with") for c in cue.children):
        return None
    return cue.head


@dataclass(frozen=True, slots=True)
class _AsideReport:
    """A report set in an "as" aside inside a sentence ("Hawaii, as one of his advisers
    pointed out, normally does not get two hurricanes"): who reports it, and the token
    indices of the sentence's words before and after the aside."""

    speaker: Any
    before: tuple[int, int]
    after: tuple[int, int]


def _as_aside(cue: Any) -> _AsideReport | None:
    """The "as" aside inside a sentence that ``cue`` stands in (whether the parser hung the
    aside on the sentence or the sentence on the aside): ", as" and a noun phrase right before
    the cue, a comma right after it (and its particle), the sentence's subject before it and
    the rest of the sentence after it. Not an aside after an opening adverb ("Of course, as
    Lee observed, ...") or inside a reported clause ("he thought that the result, as he later
    explained, was ...")."""
    if not as_report_verb(cue):
        return None
    doc, sent = cue.doc, cue.sent
    head, root = cue.head, sent.root  # the main verb, or its subject ("The levy, as the
    # Courier reported, was raised")
    on_main = head.i == root.i or (head.dep_ in ("nsubj", "nsubjpass") and head.head.i == root.i)
    if cue.dep_ != "ROOT" and not (cue.dep_ == "advcl" and on_main):
        return None
    as_word = next((c for c in cue.children if c.lower_ == "as" and c.i < cue.i), None)
    if as_word is None or as_word.i - 1 <= sent.start or doc[as_word.i - 1].text != ",":
        return None
    phrase = doc[as_word.i + 1 : cue.i]
    if not phrase or any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in phrase):
        return None
    speaker = next((t for t in phrase if not phrase.start <= t.head.i < phrase.end), None)
    close = cue.i + 1
    while close < sent.end and doc[close].dep_ == "prt" and doc[close].head.i == cue.i:
        close += 1
    if speaker is None or close >= sent.end - 1 or doc[close].text != ",":
        return None
    last = sent.end - 1
    while last > close and doc[last].is_punct:
        last -= 1
    if last <= close + 1:
        return None
    first = sent.start
    while first < as_word.i - 2 and doc[first].dep_ == "cc":
        first += 1  # "But the last part, as Krugman points out, is ...": not "But"
    if not any(t.dep_ in ("nsubj", "nsubjpass", "expl") for t in doc[first : as_word.i - 1]):
        return None
    return _AsideReport(speaker, (first, as_word.i - 2), (close + 1, last))


def _reports_after(cue: Any) -> bool:
    """Whether everything ``cue`` reports comes after it."""
    return all(c.i > cue.i for c in cue.children if c.dep_ == "ccomp")


def _whole_quotations(frame: Frame, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` with a last span that ends inside a quotation carried to the quotation's end
    (``called the governor "the most extreme pick in a generation"``, where the parser hung
    the quotation's last words on the verb)."""
    if not spans:
        return spans
    start, end = spans[-1]
    for region in frame.regions:
        if len(region.segments) == 1 and region.start < end < region.end and start < region.start:
            spans = [*spans[:-1], (start, region.end)]
    return spans


def _background(cue: Any) -> bool:
    """A stance told as background, not reported: "Peter King, who endorsed Mr. Rubio", "Jack
    Dorsey, recently named chief executive" (a relative clause or a participle on a noun)."""
    if cue.dep_ in ("relcl", "acl"):  # but "issued statements condemning the attacks" reports
        return not (cue.dep_ == "acl" and cue.head.lemma_.lower() in DOCUMENTS)
    return any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in RELATIVE_PRONOUNS for c in cue.children
    )


def _confidence(speech: bool, clausal: bool, known: float | None) -> float:
    """Speech verbs with a clause are the surest cues; other frames count as sure as the
    lexicon says they are (``known``; at most 0.7)."""
    if speech and clausal:
        return 0.85
    return round(min(0.7, max(0.3, known or 0.0)), 2)


def according_clause(frame: Frame, token: Any) -> list[tuple[int, int]]:
    """What ``according to X`` attributes: the clause the phrase attaches to, without it, and
    within the round brackets the phrase stands in ("... 81 percent (the actual number is
    closer to 15 percent, according to Factcheck.org)": not the sentence around them)."""
    spans = _according_clause(frame, token)
    doc = token.doc
    brackets = _brackets_around(doc, token.i, token.right_edge.i)
    if brackets is None:
        return spans
    lo, hi = frame.end(doc[brackets[0]]), frame.start(doc[brackets[1]])
    clipped = [(max(s, lo), min(e, hi)) for s, e in spans]
    return [(s, e) for s, e in clipped if e > s]


def _according_clause(frame: Frame, token: Any) -> list[tuple[int, int]]:
    doc = token.doc
    head = token.head
    if head.i == token.i:  # "According to X, the move reeks of ...": the parser made the phrase
        return _after_source(frame, token)  # the root and the clause part of X
    mark = None
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head.i != head.i:
        mark = _opening_mark(head, token)
        if mark is not None:  # "..., because, according to Trump, the media would call him
            break  # a "chicken"": only what the subordinate clause says
        head = head.head
    if mark is not None:
        end = head.right_edge.i
        while end + 1 < len(doc) and (
            mark.i <= doc[end + 1].head.i <= end
            or (not doc[end].whitespace_ and doc[end + 1].lower_.replace("’", "'") == "n't")
        ):
            end += 1  # a word hung back inside, or "n't" hung elsewhere ("if he did" + "n't")
        start = token.right_edge.i + 1
        while start < end and (doc[start].is_punct or doc[start].is_space):
            start += 1  # the comma or dash that closes the phrase
        return _spans(frame, [doc[start : end + 1]])
    while head.dep_ == "conj" and head.head.dep_ == "ROOT" and token.i > head.i:
        head = head.head  # "A, B and C, according to X": the phrase closes the whole sentence
    relayed = _relayed_clause(head, token)
    if relayed is not None:  # "Bloomberg reports that ..., according to the Roper Center":
        head = relayed  # what the report says, not the report
    parts = [
        doc[head.left_edge.i : token.left_edge.i],
        doc[token.right_edge.i + 1 : head.right_edge.i + 1],
    ]
    return _spans(frame, parts)


def _brackets_around(doc: Any, first: int, last: int) -> tuple[int, int] | None:
    """The token indices of the round brackets that ``doc[first : last + 1]`` stands inside,
    within its sentence; None when it stands in none."""
    sentence = doc[first].sent
    opening = next(
        (i for i in range(first - 1, sentence.start - 1, -1) if doc[i].text in "()"), None
    )
    if opening is None or doc[opening].text != "(":
        return None
    closing = next((i for i in range(last + 1, sentence.end) if doc[i].text in "()"), None)
    if closing is None or doc[closing].text != ")":
        return None
    return opening, closing


def _opening_mark(clause: Any, token: Any) -> Any:
    """The conjunction opening a subordinate clause ("because", "if", "although") that an
    "according to" phrase comes right after ("because, according to Trump, ..."); else None."""
    if clause.dep_ != "advcl":
        return None
    marks = [c for c in clause.children if c.dep_ == "mark" and c.i < token.i]
    if not marks or any(not t.is_punct for t in token.doc[marks[0].i + 1 : token.i]):
        return None  # "while Sanders led ..., according to exit polls": the whole sentence
    return marks[0]


def _relayed_clause(head: Any, token: Any) -> Any:
    """The clause a speaker's verb of speech reports when "according to" hangs on that verb
    itself, in the sentence's main clause ("Bloomberg reports that the nominee has won ...,
    according to the Roper Center"; "Lehrich said Friday that ..., according to Yahoo News"):
    the speaker's statement, the phrase its source. Not for a quotation before its tag, nor for
    data that shows ("Polls show that ..., according to ORC": the source owns the data)."""
    if token.head.i != head.i or head.dep_ != "ROOT" or lemma_of(head) not in SPEECH_VERBS:
        return None
    subject = subject_of(head)
    if subject is None or subject.i > head.i or not may_speak(subject):
        return None
    return next((c for c in head.children if c.dep_ == "ccomp" and c.i > head.i), None)


def _after_source(frame: Frame, token: Any) -> list[tuple[int, int]]:
    """The rest of the sentence after "According to X,"."""
    doc = token.doc
    objects = [c for c in doc[token.i + 1].children if c.dep_ == "pobj"]
    if not objects:
        return []
    end = noun_phrase(objects[0])[1]
    if end >= len(doc) or doc[end].text != ",":
        return []
    return _spans(frame, [doc[end + 1 : token.sent.end]])


def _according(text: str, frame: Frame, token: Any) -> Found | None:
    """``According to X, ...``: the clause the phrase attaches to, without the phrase."""
    to = token.doc[token.i + 1]
    objects = [c for c in to.children if c.dep_ == "pobj"]
    if not objects:
        return None
    spans = _clean(text, according_clause(frame, token))
    if not spans or sum(len(text[s:e].split()) for s, e in spans) < 3:
        return None
    return Found(
        type=_kind(text, frame, spans, _holds_quotation(frame, spans)),
        content=spans,
        cue=cue_span(frame, token),
        speaker=mention_for(frame, objects[0]),
        confidence=0.7,
        paragraph=frame.index,
        cue_token=token,
    )
