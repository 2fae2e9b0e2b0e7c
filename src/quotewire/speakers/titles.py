"""Titles and nationalities: how "the Russian leader" finds "Russian President Vladimir Putin"."""

from __future__ import annotations

from collections.abc import Iterable

from quotewire.model import Entity

#: Family relations that introduce a person ("his wife, Heidi Cruz"): a title of its own ("his
#: wife said"), matched as a whole word, and never the default bearer of a surname the article
#: shares with the relative it is about ("Cruz said" is the senator, not his wife).
KINSHIP = frozenset(
    """
    wife husband spouse son daughter brother sister father mother niece nephew cousin uncle
    aunt grandson granddaughter grandfather grandmother widow widower stepson stepdaughter
    """.split()
)

#: Head nouns of the titles that stand for a person ("the minister", "his counterpart").
PERSON_TITLES = frozenset(
    """
    president leader counterpart minister premier chancellor secretary spokesman spokeswoman
    spokesperson executive ceo chairman chairwoman chair director senator governor mayor
    ambassador king queen prince princess head chief official envoy diplomat commissioner
    candidate nominee congressman congresswoman representative lawmaker legislator speaker
    prosecutor judge justice attorney general commander admiral colonel lieutenant sergeant
    officer manager founder owner economist analyst adviser advisor aide strategist pope
    monarch emperor sheikh emir chancellor vice-president deputy dean professor mogul billionaire
    """.split()
) | KINSHIP

#: People named by their tie to someone, never that someone ("Trump's rivals", "her critics").
RELATIONS = frozenset(
    """
    rival critic opponent supporter ally foe detractor backer friend enemy family relative
    lawyer associate partner biographer fan
    """.split()
)

#: Words for the same tie to someone ("Pagliano's lawyer" is the man introduced as "an attorney
#: for Pagliano"); a word with no entry stands for itself.
SAME_TIES = {
    word: group
    for group in (
        frozenset("lawyer attorney counsel".split()),
        frozenset("spokesman spokeswoman spokesperson".split()),
    )
    for word in group
}

#: Endings of nouns for people by what they do ("listeners", "an impersonator", "activists",
#: "residents", "Republicans"), and nouns for people of no such form: what a relative "who"
#: may stand for.
PEOPLE_ENDINGS = tuple("er ers or ors ist ists ant ants ent ents an ans".split())
PEOPLE_WORDS = frozenset("person people man men woman women child children kid kids".split())

#: People named by the body they belong to or serve, never that body ("Carrier workers", "GOP
#: insiders", "House members", "a White House doctor").
MEMBERS = frozenset(
    "member insider elder worker employee attendee staffer doctor physician nurse surgeon".split()
)
#: Members of a body only in the plural ("The two Democratic Party contenders"); "the GOP
#: candidate" is a title of one person.
PLURAL_MEMBERS = frozenset({"candidate", "contender"})

#: Nouns that tell a person's gender ("the 34-year-old mother": she).
GENDERED_NOUNS = {
    **dict.fromkeys(
        "mother woman wife daughter sister grandmother widow girl actress aunt niece".split(), "f"
    ),
    **dict.fromkeys(
        "father man husband son brother grandfather widower boy actor uncle nephew".split(), "m"
    ),
}

#: Titles that fit any office: "the Russian leader" may be the Russian President.
GENERIC_TITLES = frozenset("leader counterpart head chief official".split())
#: Party words a title may carry and still name again the person of any party named before
#: ("The Republican presidential nominee"); any other capitalized word ("the Mexican
#: president", "the Vermont senator") says whose title it is, which the article must show.
PARTY_WORDS = frozenset(
    "republican democratic democrat gop independent libertarian green presumptive".split()
)
#: A party's member, named by party ("a New Hampshire Republican", "the Kentucky Democrat"):
#: a person, whom a place before the word does not name.
PARTY_NOUNS = frozenset("republican democrat libertarian".split())
#: Words that name some of a group by an "of" phrase after them ("one of his advisers", "some
#: of Clinton's allies"): someone unnamed, never the person or body named in the phrase.
PARTITIVES = frozenset("one two three some many most several few none each all both number".split())
#: Words that make a title a lesser office ("vice president", "deputy director"): a mention
#: without the word names another office.
LESSER_OFFICES = frozenset("vice deputy assistant associate under".split())
#: Kinds of people a writer brings in without a name ("a source said", "one Clinton confidant",
#: "an NBC reporter"), beside the titles, ties and members above.
UNNAMED_PEOPLE = frozenset(
    """source confidant veteran activist reporter operative observer resident voter expert
    impersonator lobbyist donor organizer protester demonstrator participant witness""".split()
)
#: Nouns that name a time, which says nothing ("Only time will tell", "The night started with
#: a joke", "a White House official said Wednesday" with "Wednesday" parsed as the subject).
TIME_NOUNS = frozenset(
    """time moment day week month year decade century night morning evening afternoon hour
    minute weekend era season""".split()
)
#: "an interview with CNN's Gloria Borger": the person named after these is the interviewer.
INTERVIEW_WORDS = frozenset("interview interviews interviewed".split())
#: Titles a writer uses to name again, without the name, the person the passage is about
#: ("Clinton spoke out Tuesday ... The former secretary of state said"), not those of someone
#: serving them (a spokesman, an aide, a lawyer).
VARIATION_TITLES = frozenset(
    """candidate nominee senator governor president mogul billionaire secretary congressman
    congresswoman mayor businessman frontrunner front-runner""".split()
)
#: Roles of the press: a reporter, columnist or interviewer named in the story is not whom a
#: pronoun refers to, unless they are quoted themselves.
PRESS_ROLES = frozenset(
    """reporter reporters correspondent columnist writer journalist editor anchor interviewer
    photographer commentator""".split()
)

#: Word endings of company and agency names ("Gazprom", "Rosatom", "Rosneft", "Sberbank",
#: "Rostec"): one word so formed that the recognizer calls a person or a place, and that names
#: nobody in full in the article, is an organization.
ORG_NAME_ENDINGS = (
    "prom", "neft", "bank", "atom", "tech", "tec", "stat", "cosmos", "energo", "export", "flot",
    "corp",
)  # fmt: skip

#: Heads of organization nominals: "the ministry said".
ORG_HEADS = frozenset(
    """
    ministry department agency company firm government office committee commission campaign
    party council administration bank court service union board institute association
    organization organisation embassy kremlin house parliament senate congress police
    army military newspaper paper channel network group fund
    """.split()
)

#: Bodies named by the person they serve: "the Trump campaign", "Clinton's campaign", "the
#: Obama administration" speak as that body, not as the person.
BODIES = frozenset("campaign administration".split())

#: Organization heads that may stand for any organization named before ("the company said").
GENERIC_ORG_HEADS = frozenset("company firm group operator business carrier airline".split())

HONORIFICS = {
    "mr": "m",
    "mr.": "m",
    "mrs": "f",
    "mrs.": "f",
    "ms": "f",
    "ms.": "f",
    "miss": "f",
    "sir": "m",
    "lady": "f",
    "dr": "",
    "dr.": "",
    "prof.": "",
}

_IRREGULAR = {
    "american": "united states",
    "u.s.": "united states",
    "us": "united states",
    "america": "united states",
    "british": "united kingdom",
    "britain": "united kingdom",
    "uk": "united kingdom",
    "english": "england",
    "french": "france",
    "dutch": "netherlands",
    "german": "germany",
    "chinese": "china",
    "japanese": "japan",
    "swiss": "switzerland",
    "greek": "greece",
    "finnish": "finland",
    "danish": "denmark",
    "swedish": "sweden",
    "polish": "poland",
    "turkish": "turkey",
    "irish": "ireland",
    "spanish": "spain",
    "norwegian": "norway",
    "icelandic": "iceland",
    "portuguese": "portugal",
    "vietnamese": "vietnam",
    "lebanese": "lebanon",
    "belgian": "belgium",
    "kazakh": "kazakhstan",
    "uzbek": "uzbekistan",
    "kyrgyz": "kyrgyzstan",
    "tajik": "tajikistan",
    "turkmen": "turkmenistan",
    "azerbaijani": "azerbaijan",
    "argentine": "argentina",
    "argentinian": "argentina",
    "filipino": "philippines",
    "philippine": "philippines",
    "thai": "thailand",
    "scottish": "scotland",
    "welsh": "wales",
    "czech": "czechia",
    "slovak": "slovakia",
    "israeli": "israel",
    "iraqi": "iraq",
    "pakistani": "pakistan",
    "saudi": "saudi arabia",
    "emirati": "united arab emirates",
    "peruvian": "peru",
    "maltese": "malta",
    "cypriot": "cyprus",
    "luxembourgish": "luxembourg",
    "soviet": "ussr",
}


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
