"""The English profile holds the word lists the English finders read (issue 16): cue verbs and
nouns, titles and roles, pronouns with their gender, given names, number words and units, the
words of datelines and of page debris. The finders read them from ``quotewire/data/lang/en.toml``
and keep no list of English words of their own; moving them there changed no output (``quotewire
bench digest`` gives every recorded PolNeAR article its digest, see test_bench_digest.py)."""

from __future__ import annotations

import ast
import re
from importlib import resources
from pathlib import Path
from typing import get_args

import pytest

import quotewire
from quotewire import model
from quotewire.claims import amounts, context, units
from quotewire.errors import QuotewireError
from quotewire.lang import profile
from quotewire.quotes import cues, direct, frame, indirect, lexicon, transcript
from quotewire.speakers import given_names, names, resolve, titles
from quotewire.text import dateline, debris

SOURCE = Path(quotewire.__file__).parent
#: The finders: the packages whose English rules read the English profile (the Russian
#: finders, ``russian.py``, read the Russian one).
FINDERS = ("quotes", "speakers", "claims", "text")

#: Lower-case strings that are no English words but names the code gives things: spaCy's
#: dependency labels, and the kinds the data model and the finders sort their records by.
DEPENDENCY_LABELS = frozenset(
    """
    acl acomp advcl advmod agent amod appos attr aux auxpass case cc ccomp compound conj csubj
    csubjpass dative dep det dobj expl intj mark meta neg nmod npadvmod nsubj nsubjpass nummod
    oprd parataxis pcomp pobj poss preconj predet prep prt punct quantmod relcl xcomp root
    """.split()
)
KINDS = frozenset(
    {
        *get_args(model.QuoteType),
        *get_args(model.DebrisKind),
        *get_args(model.MentionKind),
        *get_args(model.AmountKind),
        *get_args(model.Trend),
        *get_args(transcript.Role),
        *("speaker", "addressee", "mention"),  # the events of speakers/resolve.py
        *("num", "sym", "dash", "word", "punct"),  # the token kinds of claims/amounts.py
        *("interviewee", "label"),  # mention kinds of speakers/resolve.py's events
    }
)
NOT_WORDS = DEPENDENCY_LABELS | KINDS

_WORD = re.compile(r"[a-z][a-z'’.&-]*")
#: An alternation of three lower-case words or more in a regular expression ("the|a|an").
_ALTERNATION = re.compile(r"(?<![\w\\])[a-z]{2,}(?:\|[a-z]{2,}){2,}")


def test_the_english_profile_holds_the_word_lists_and_is_read_once() -> None:
    english = profile("en")
    assert english is profile("en")  # read once per process
    assert {"say", "tell", "note"} <= english.speech_verbs
    assert {"think", "believe"} <= english.belief_verbs
    assert {"the", "his", "these"} <= english.words("determiners")
    assert english.word_list("people_endings")[:2] == ("er", "ers")  # in the file's order
    assert ("call", "for") in english.phrases("prep_cues")
    assert english.phrase_list("percent_words")[0] == ("per", "cent")
    assert english.word_map("honorifics")["mrs"] == "f"
    assert english.word_map("pronoun_genders")["she"] == "f"
    assert english.number_map("scales")["million"] == 10**6
    assert english.nations["u.s."] == "united states"
    assert english.pattern("interviewer", interview_words="interview").startswith(
        r"\b(?:interview)\s+(?:with|by)"
    )
    assert english.dates["day_suffix"] == "st|nd|rd|th"
    data = resources.files("quotewire.data")
    for name in ("cue_lexicon", "figures", "given_names", "transcripts"):
        assert data.joinpath(english.file(name)).is_file()
    for read, name in (
        (english.words, "no_such_list"),
        (english.word_map, "no_such_map"),
        (english.pattern, "no_such_pattern"),
        (english.file, "no_such_file"),
    ):
        with pytest.raises(QuotewireError, match=f"en.toml has no .*'{name}'"):
            read(name)
    with pytest.raises(QuotewireError, match=re.escape("pattern 'aged' has no {person}")):
        english.pattern("aged", person="x")
    with pytest.raises(QuotewireError, match="map 'honorifics' has no number for 'mr'"):
        english.number_map("honorifics")


def test_a_name_given_twice_in_a_profile_is_an_error() -> None:
    from quotewire.lang import _lexicon

    twice = {"words": {"quotes": {"pronouns": "he she"}, "speakers": {"pronouns": "it"}}}
    with pytest.raises(QuotewireError, match=re.escape("xx.toml: words 'pronouns' is given twice")):
        _lexicon("xx", twice)
    with pytest.raises(QuotewireError, match=r"\[words.quotes\] is not a table of names"):
        _lexicon("xx", {"words": {"quotes": "he she"}})
    read = _lexicon("xx", {"words": {"g": {"a": "x y", "b": ["point out"]}}, "maps": {}})
    assert read.lists == {"a": ("x", "y"), "b": ("point out",)}


def test_the_finders_constants_are_the_profiles() -> None:
    english = profile("en")
    assert english.speech_verbs == cues.SPEECH_VERBS
    assert english.belief_verbs == cues.BELIEF_VERBS
    assert english.speech_verbs | english.belief_verbs == cues.CUE_VERBS
    assert english.words("determiners") == cues.DETERMINERS
    assert english.words("question_verbs") == cues.QUESTION_VERBS
    assert english.words("question_verbs") | english.words("asked_verbs") == cues.ASKED_VERBS
    assert english.words("cue_nouns") == cues.CUE_NOUNS
    assert english.words("object_cues") == cues.OBJECT_CUES
    assert english.phrases("prep_cues") == cues.PREP_CUES
    assert english.phrases("phrasal_cues") == cues.PHRASAL_CUES
    assert english.words("personal_pronouns") == frame.PRONOUNS
    assert english.words("not_speakers") == frame.NOT_SPEAKERS
    assert english.words("documents") == frame.DOCUMENTS
    assert english.words("documents") | english.words("utterances") == frame.UTTERANCES
    assert english.words("naming_verbs") == frame.NAMING
    assert english.words("unsaid_verbs") == direct._UNSAID
    assert len("autobiography") + 3 == direct._WORK_REACH  # the longest work noun, and 3
    assert english.words("infinitive_cues") == indirect._INFINITIVE_CUES
    assert english.words("person_titles") | english.words("kinship") == titles.PERSON_TITLES
    assert english.word_map("honorifics") == titles.HONORIFICS
    assert titles.nation("British") == titles.nation("Britain") == "united kingdom"
    assert titles.SAME_TIES["attorney"] == frozenset({"lawyer", "attorney", "counsel"})
    assert english.words("feminine_given_names") == given_names.FEMININE
    assert given_names.gender_of("Hillary Clinton") == "f"
    assert english.words("surname_particles") == names.SURNAME_PARTICLES
    assert english.word_map("pronoun_genders") == resolve._PRONOUN_GENDER
    assert resolve._TITLE_FORMS["rep"] == frozenset(
        {"rep", "representative", "congressman", "congresswoman"}
    )
    assert units.COMPARATORS_BEFORE[("more", "than")] == ">"
    assert units.CURRENCY_WORDS[("swiss", "francs")] == "CHF"
    assert units.FRACTIONS["third"] == 1 / 3
    assert english.phrase_list("percent_words") == units.PERCENT_WORDS
    assert english.words("change_verbs") == amounts._CHANGE_VERBS
    assert [trend for _, trend in context._time_words("en").trends] == list(get_args(model.Trend))
    assert english.file("cue_lexicon") == lexicon.LEXICON_FILE
    assert english.file("transcripts") == transcript.TRANSCRIPTS_FILE
    assert english.words("debris_nav_first") == debris._NAV_FIRST
    assert english.pattern("debris_read_more") == debris._READ_MORE
    assert dateline._DAY == r"\d{1,2}(?:st|nd|rd|th)?"


def test_every_list_of_the_english_profile_is_read_by_a_finder() -> None:
    """No list is left in the profile that no rule reads (each is named in the code)."""
    code = "\n".join(path.read_text(encoding="utf-8") for path in SOURCE.rglob("*.py"))
    lexicon_ = profile("en").lexicon
    named = [*lexicon_.lists, *lexicon_.maps, *lexicon_.patterns, *lexicon_.files]
    trends = {f"trend_{trend}" for trend in get_args(model.Trend)}  # read by name f"trend_{...}"
    unread = [n for n in named if f'"{n}"' not in code and n not in trends]
    assert not unread, f"lists of en.toml no finder reads: {', '.join(unread)}"


def _english_lists(path: Path) -> list[str]:
    """Where ``path`` keeps English words in its code: a set, tuple or list of three lower-case
    words or more (or a string of them split), a dict of constants with three such keys, an
    alternation of three such words in a regular expression; each as "line name: words"."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
    }
    owners: dict[int, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign | ast.FunctionDef):
            name = node.name if isinstance(node, ast.FunctionDef) else ast.unparse(node).split()[0]
            for inner in ast.walk(node):
                owners.setdefault(id(inner), name.rstrip(":"))
    found = []
    for node in ast.walk(tree):
        words: list[str] = []
        if isinstance(node, ast.Tuple | ast.Set | ast.List):
            words = [e.value for e in node.elts if isinstance(e, ast.Constant)]
            words = words if len(words) == len(node.elts) else []
        elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) for v in node.values):
            words = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            words = words if len(words) == len(node.keys) else []
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)
        ):
            words = str(node.func.value.value).split()
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in docstrings
            and (match := _ALTERNATION.search(node.value))
        ):
            words = match.group().split("|")
        strings = [w for w in words if isinstance(w, str)]
        if (
            len(strings) >= 3
            and len(strings) == len(words)
            and all(_WORD.fullmatch(w) for w in strings)
            and not set(strings) <= NOT_WORDS
        ):
            where = owners.get(id(node), "(module)")
            found.append(f"{node.lineno} {where}: {' '.join(strings[:6])}")
    return found


def test_no_finder_keeps_a_list_of_english_words_of_its_own() -> None:
    """Rules read English words from the profile: no finder module holds a list of them (a
    word or two the rule is about, "according" before "to", stays in the rule)."""
    kept = {
        f"{path.relative_to(SOURCE)}:{line}"
        for package in FINDERS
        for path in sorted((SOURCE / package).glob("*.py"))
        if path.name != "russian.py"
        for line in _english_lists(path)
    }
    # time zones (not words of a language, shared by every profile's datelines)
    kept -= {k for k in kept if k.startswith("text/dateline.py:") and "gmt utc msk" in k}
    assert not kept, "English words kept in the code, not the profile:\n" + "\n".join(sorted(kept))
