"""Cues: the words that attribute a statement to a source ("said", "noted", "according to")."""

from __future__ import annotations

from typing import Any

from quotewire.lang import profile

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

#: Verbs of saying. A token with one of these lemmas and a subject is a cue.
SPEECH_VERBS = _EN.speech_verbs

#: Verbs of thinking, knowing and showing: attributions of belief or evidence.
BELIEF_VERBS = _EN.belief_verbs

#: Determiners and possessives that open a noun phrase ("the", "his", "these").
DETERMINERS = _EN.words("determiners")

#: Adverbs that deny the verb they modify as "not" does: "Mr. Lee hardly clarified the matter".
NEGATING_ADVERBS = _EN.words("negating_adverbs")

#: Verbs that, with "yet" and an infinitive, say the thing is still not done: "he has yet to
#: explain why", "the agency is yet to say".
YET_TO_VERBS = _EN.words("yet_to_verbs")

#: Verbs that put a question: their "if" or "whether" clause is what they report ("Asked if he
#: was ever bullied, ..."), though the parser often hangs it as an adverbial clause.
QUESTION_VERBS = _EN.words("question_verbs")

#: Verbs whose reduced passive makes its subject the one asked, not one who states anything
#: ("Asked about his record, Lee said ...", "When pressed on the deal, she ...").
ASKED_VERBS = QUESTION_VERBS | _EN.words("asked_verbs")

#: Verbs that make no statement of their subject: raising verbs ("the senator seemed to be
#: shrinking", "the FBI appears to have left") give the writer's reading, not a source's words.
RAISING_VERBS = _EN.words("raising_verbs")

#: Words of permission whose infinitive, denied, says nothing: "officials who were not authorized
#: to discuss the talks" have not discussed them. (Not denied, PolNeAR counts the infinitive as a
#: report: "was allowed to speak out about the company"; and it counts "tried to defend",
#: "refused to endorse", "plans to demand" as attributions too, so intention and refusal stay.)
PERMISSION_WORDS = _EN.words("permission_words")

#: Nouns that make the purpose infinitive of an anonymous source say nothing ("speaking on the
#: condition of anonymity to discuss the schedule": the schedule is not what the official said).
ANONYMITY_WORDS = _EN.words("anonymity_words")

#: Verbs that report the clause an "as" clause hangs on ("As the Times reported, ...", "...,
#: as Lee noted"); an "as" clause of other verbs tells when ("as he replied", "as she joked").
AS_REPORT_VERBS = _EN.words("as_report_verbs")
#: Phrasal verbs of an "as" aside ("as one of his advisers pointed out"): verb and particle.
AS_REPORT_PHRASES = _EN.phrases("as_report_phrases")

#: The lemmas of every verb cue.
CUE_VERBS = SPEECH_VERBS | BELIEF_VERBS

#: Phrasal cues: lemma of the verb and its particle ("point out").
PHRASAL_CUES = _EN.phrases("phrasal_cues")

#: Verbs whose direct object is what they attribute: "criticized the plan", "called him a liar".
OBJECT_CUES = _EN.words("object_cues")

#: Verb and preposition pairs whose object is what they attribute: "called for a ban".
PREP_CUES = _EN.phrases("prep_cues")

#: Nouns that head a reporting phrase: "in a statement", "the ministry's announcement".
CUE_NOUNS = _EN.words("cue_nouns")


def is_cue_verb(token: Any) -> bool:
    """Whether ``token`` is a verb of saying, believing or showing."""
    if token.pos_ not in ("VERB", "AUX") and token.tag_ not in ("VBD", "VBZ", "VBP", "VBG", "VBN"):
        return False
    lemma = lemma_of(token)
    if lemma in CUE_VERBS:
        return True
    if lemma == "put" and _as_one_put_it(token):
        return True
    return any(
        (lemma, child.lower_) in PHRASAL_CUES for child in token.children if child.dep_ == "prt"
    )


def _as_one_put_it(token: Any) -> bool:
    """ "As Amar put it, ...": the phrase quotes whoever put it so."""
    deps = {(c.dep_, c.lower_) for c in token.children}
    return ("dobj", "it") in deps and ("mark", "as") in deps


def as_report_verb(token: Any) -> bool:
    """Whether ``token`` is a verb that reports in an "as" aside ("as Lee noted", "as one of
    his advisers pointed out")."""
    lemma = lemma_of(token)
    if lemma in AS_REPORT_VERBS:
        return True
    return any((lemma, c.lower_) in AS_REPORT_PHRASES for c in token.children if c.dep_ == "prt")


def lemma_of(token: Any) -> str:
    """The lower-case lemma, mending the small model's slips ("hoping" -> "hop")."""
    lemma = str(token.lemma_).lower()
    if lemma in _LEMMA_FIXES and token.lower_ not in _KEEP_FORMS:
        return _LEMMA_FIXES[lemma]
    return lemma


_LEMMA_FIXES = _EN.word_map("lemma_fixes")
_KEEP_FORMS = _EN.words("keep_forms")


def is_object_cue(token: Any) -> bool:
    """Whether ``token`` attributes its direct or prepositional object ("criticized the plan")."""
    if not token.tag_.startswith("VB"):
        return False
    lemma = lemma_of(token)
    if lemma in OBJECT_CUES:
        return True
    return any(c.dep_ == "prep" and (lemma, c.lower_) in PREP_CUES for c in token.children)


def according_to(token: Any) -> bool:
    """Whether ``token`` is the "according" of "according to"."""
    if token.lower_ != "according":
        return False
    doc = token.doc
    return bool(token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to")


#: Every lemma the rules above can make a cue of (before the lemma fixes, which map "hop").
RULE_LEMMAS = (
    CUE_VERBS
    | OBJECT_CUES
    | CUE_NOUNS
    | frozenset(lemma for lemma, _ in PHRASAL_CUES | PREP_CUES)
    | frozenset(_LEMMA_FIXES)
)
