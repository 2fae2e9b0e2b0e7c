"""Titles and nationalities: how "the Russian leader" finds "Russian President Vladimir Putin"."""

from __future__ import annotations

from collections.abc import Iterable

from quotewire.lang import profile
from quotewire.model import Entity

#: The English profile, whose word lists these rules read (``quotewire/data/lang/en.toml``).
_EN = profile("en")

#: Family relations that introduce a person ("his wife, Heidi Cruz"): a title of its own ("his
#: wife said"), matched as a whole word, and never the default bearer of a surname the article
#: shares with the relative it is about ("Cruz said" is the senator, not his wife).
KINSHIP = _EN.words("kinship")

#: Head nouns of the titles that stand for a person ("the minister", "his counterpart").
PERSON_TITLES = _EN.words("person_titles") | KINSHIP

#: People named by their tie to someone, never that someone ("Trump's rivals", "her critics").
RELATIONS = _EN.words("relations")

#: Words for the same tie to someone ("Pagliano's lawyer" is the man introduced as "an attorney
#: for Pagliano"); a word with no entry stands for itself.
SAME_TIES = {
    word: group
    for group in (frozenset(words) for words in _EN.phrase_list("same_ties"))
    for word in group
}

#: Endings of nouns for people by what they do ("listeners", "an impersonator", "activists",
#: "residents", "Republicans"), and nouns for people of no such form: what a relative "who"
#: may stand for.
PEOPLE_ENDINGS = _EN.word_list("people_endings")
PEOPLE_WORDS = _EN.words("people_words")

#: People named by the body they belong to or serve, never that body ("Carrier workers", "GOP
#: insiders", "House members", "a White House doctor").
MEMBERS = _EN.words("members")
#: Members of a body only in the plural ("The two Democratic Party contenders"); "the GOP
#: candidate" is a title of one person.
PLURAL_MEMBERS = _EN.words("plural_members")

#: Nouns that tell a person's gender ("the 34-year-old mother": she).
GENDERED_NOUNS = _EN.word_map("gendered_nouns")

#: Titles that fit any office: "the Russian leader" may be the Russian President.
GENERIC_TITLES = _EN.words("generic_titles")
#: Party words a title may carry and still name again the person of any party named before
#: ("The Republican presidential nominee"); any other capitalized word ("the Mexican
#: president", "the Vermont senator") says whose title it is, which the article must show.
PARTY_WORDS = _EN.words("party_words")
#: A party's member, named by party ("a New Hampshire Republican", "the Kentucky Democrat"):
#: a person, whom a place before the word does not name.
PARTY_NOUNS = _EN.words("party_nouns")
#: Words that name some of a group by an "of" phrase after them ("one of his advisers", "some
#: of Clinton's allies"): someone unnamed, never the person or body named in the phrase.
PARTITIVES = _EN.words("partitives")
#: Words that make a title a lesser office ("vice president", "deputy director"): a mention
#: without the word names another office.
LESSER_OFFICES = _EN.words("lesser_offices")
#: Kinds of people a writer brings in without a name ("a source said", "one Clinton confidant",
#: "an NBC reporter"), beside the titles, ties and members above.
UNNAMED_PEOPLE = _EN.words("unnamed_people")
#: Nouns that name a time, which says nothing ("Only time will tell", "The night started with
#: a joke", "a White House official said Wednesday" with "Wednesday" parsed as the subject).
TIME_NOUNS = _EN.words("time_nouns")
#: "an interview with CNN's Gloria Borger": the person named after these is the interviewer.
INTERVIEW_WORDS = _EN.words("interview_words")
#: Titles a writer uses to name again, without the name, the person the passage is about
#: ("Clinton spoke out Tuesday ... The former secretary of state said"), not those of someone
#: serving them (a spokesman, an aide, a lawyer).
VARIATION_TITLES = _EN.words("variation_titles")
#: Roles of the press: a reporter, columnist or interviewer named in the story is not whom a
#: pronoun refers to, unless they are quoted themselves.
PRESS_ROLES = _EN.words("press_roles")

#: Word endings of company and agency names ("Gazprom", "Rosatom", "Rosneft", "Sberbank",
#: "Rostec"): one word so formed that the recognizer calls a person or a place, and that names
#: nobody in full in the article, is an organization.
ORG_NAME_ENDINGS = _EN.word_list("org_name_endings")  # fmt: skip

#: Heads of organization nominals: "the ministry said".
ORG_HEADS = _EN.words("org_heads")

#: Bodies named by the person they serve: "the Trump campaign", "Clinton's campaign", "the
#: Obama administration" speak as that body, not as the person.
BODIES = _EN.words("bodies")

#: Organization heads that may stand for any organization named before ("the company said").
GENERIC_ORG_HEADS = _EN.words("generic_org_heads")

HONORIFICS = _EN.word_map("honorifics")

_IRREGULAR = dict(_EN.nations)


def nation(word: str) -> str:
    """A country key for a country name or its demonym ("Belarusian" and "Belarus" alike)."""
    w = word.lower().strip().removesuffix("'s").removesuffix("’s")
    return _IRREGULAR.get(w, w)


def same_nation(a: str, b: str) -> bool:
    """Whether two country names or demonyms name the same country."""
    x, y = nation(a), nation(b)
    if x == y:
        return True
    if " " in x or " " in y:
        return False
    n = 0
    for cx, cy in zip(x, y, strict=False):
        if cx != cy:
            break
        n += 1
    return n >= 4 and n >= min(len(x), len(y)) - 1


def nation_key(word: str) -> str:
    """A key that two words share whenever :func:`same_nation` holds for them (the first four
    letters of the country key: the same key, or a common prefix of at least four), so the
    words one may fit are found among those with its key."""
    return nation(word)[:4]


def title_fragments(entities: Iterable[Entity]) -> set[str]:
    """The words of people's roles in an article ("Finance", "Minister" of "Finance Minister"):
    a one-word entity with such a name was read off a title by the recognizer, so it is
    neither what a figure is about nor an organization to register."""
    return {w for e in entities if e.type == "PERSON" for r in e.roles for w in r.split()}
