"""Who is who in a Russian article: people, organizations and places from the names natasha
finds (in the nominative), the roles written before people's names ("Президент России
Владимир Путин"), and the speaker a subject stands for: a name in any case, a surname alone, a
title ("российский лидер", "глава российского государства") or a pronoun (он, она).

Names are matched with the one name matcher (:mod:`quotewire.speakers.names`); the title and
pronoun words are the Russian profile's (``quotewire/data/lang/ru.toml``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from quotewire.lang import LanguageProfile
from quotewire.model import Entity, Mention, MentionKind, Span
from quotewire.nlp.russian import (
    RussianAnalysis,
    RussianName,
    RussianToken,
    nominative_phrase,
    surname_nominatives,
)
from quotewire.speakers.names import fold, may_name, parse_person


@dataclass(slots=True)
class Person:
    """A person of the article while it is read: the fullest name, gender ("Masc", "Fem" or
    ""), roles as written (nominative head: "Президент России") with the lemmas of their
    words, and mentions."""

    id: str
    name: str
    gender: str
    roles: list[str] = field(default_factory=list)
    role_lemmas: set[str] = field(default_factory=set)
    role_heads: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)


@dataclass(slots=True)
class Cast:
    """The people, organizations and places of one article, and the people by the first
    character of each of their name mentions."""

    people: list[Person]
    others: list[Entity]
    by_start: dict[int, Person]

    def entities(self) -> list[Entity]:
        """Every entity, people first, as the result's records."""
        people = [
            Entity(
                id=p.id,
                name=p.name,
                type="PERSON",
                roles=p.roles,
                mentions=sorted(p.mentions, key=lambda m: m.start),
            )
            for p in self.people
        ]
        return people + self.others

    def named_in(self, start: int, end: int) -> Person | None:
        """The person a name within ``start:end`` names (the first such name)."""
        first = min((s for s in self.by_start if start <= s < end), default=None)
        return self.by_start[first] if first is not None else None

    def names_in(self, start: int, end: int) -> list[tuple[int, Person]]:
        """Each name within ``start:end`` (where it starts) with the person it names."""
        return sorted((s, p) for s, p in self.by_start.items() if start <= s < end)


def cast(analysis: RussianAnalysis, profile: LanguageProfile) -> Cast:
    """The article's entities: people joined by name (a surname alone joins the one person of
    that surname named in full), with their roles; organizations and places by their
    nominative names."""
    text = analysis.text
    people: list[Person] = []
    by_start: dict[int, Person] = {}
    others: dict[tuple[str, str], Entity] = {}
    for name in analysis.names:
        if name.type != "PERSON":
            key = (name.type, fold(name.normal))
            entity = others.get(key)
            if entity is None:
                entity = others[key] = Entity(
                    id="", name=name.normal, type=name.type, roles=[], mentions=[]
                )
            kind: MentionKind = "organization" if name.type == "ORG" else "name"
            entity.mentions.append(_mention(text, name.start, name.end, kind))
            continue
        words = name.normal.split()
        if len(words) == 1 and words[0].lower() in profile.title_heads:
            continue  # ("Президент" alone is a title, not a name)
        person = _join(people, name, _gender(analysis, name), profile.surname_endings)
        person.mentions.append(
            _mention(text, name.start, name.end, "surname" if len(words) == 1 else "name")
        )
        by_start[name.start] = person
        role = _role_before(analysis, name, profile)
        if role is not None and role.text not in person.roles:
            person.roles.append(role.text)
            person.role_lemmas.update(profile.nations.get(w, w) for w in role.lemmas)
            person.role_heads.add(role.head)
    _surnames_missed(analysis, people, by_start, profile)
    others_list = list(others.values())
    for n, entity in enumerate(others_list, start=len(people) + 1):
        entity.id = f"e{n}"
    return Cast(people, others_list, by_start)


def _surnames_missed(
    analysis: RussianAnalysis,
    people: list[Person],
    by_start: dict[int, Person],
    profile: LanguageProfile,
) -> None:
    """A surname alone the recognizer did not tag ("Зуев, отвечая на вопросы, признал ..."),
    in any case, joined to the one person named in full with that surname."""
    owners: dict[str, list[Person]] = {}
    for person in people:
        words = person.name.split()
        if len(words) >= 2:
            owners.setdefault(fold(words[-1]), []).append(person)
    if not owners:
        return
    covered = [(m.start, m.end) for p in people for m in p.mentions]
    endings = [pair for pairs in profile.surname_endings.values() for pair in pairs]
    for token in analysis.tokens:
        if token.pos != "PROPN" or not token.text[:1].isupper():
            continue
        if any(s <= token.start < e for s, e in covered):
            continue
        word = token.text
        forms = [word, token.lemma, *surname_nominatives(word, endings)]
        for form in forms:
            found = owners.get(fold(form), [])
            if len(found) == 1:
                found[0].mentions.append(_mention(analysis.text, token.start, token.end, "surname"))
                by_start[token.start] = found[0]
                break


def _mention(text: str, start: int, end: int, kind: MentionKind) -> Mention:
    return Mention(start=start, end=end, text=text[start:end], kind=kind)


def _join(
    people: list[Person],
    name: RussianName,
    gender: str,
    endings: Mapping[str, tuple[tuple[str, str], ...]],
) -> Person:
    """The person ``name`` names among ``people`` (a new one when none): by its nominative
    form, else, for a surname alone, as the text writes it (natasha gives "Тихонова" in the
    nominative as "Тихонов", the man's form, where the article names Галина Тихонова)."""
    forms = [name.normal]
    if len(name.text.split()) == 1:
        if name.text != name.normal:
            forms.append(name.text)
        # a surname alone whose case and gender the tagger did not tell: its nominative by
        # every ending the profile knows (it joins only a person named in full)
        forms += [
            form for pairs in endings.values() for form in surname_nominatives(name.normal, pairs)
        ]
    for form in forms:
        read = parse_person(form)
        for person in people:
            known = parse_person(person.name)
            if read is None or known is None:
                continue
            if may_name(read, known) or may_name(known, read):
                if len(form.split()) > len(person.name.split()):
                    person.name = form
                person.gender = person.gender or gender
                return person
    person = Person(id=f"e{len(people) + 1}", name=name.normal, gender=gender)
    people.append(person)
    return person


def _gender(analysis: RussianAnalysis, name: RussianName) -> str:
    tokens = analysis.tokens_in(name.start, name.end)
    return (tokens[-1].feat("Gender") or "") if tokens else ""


@dataclass(frozen=True, slots=True)
class Role:
    """A title as read before a name: its text in the nominative, the lemmas of its words and
    of its head word ("пресс-секретарь" of "пресс-секретарь президента России")."""

    text: str
    lemmas: frozenset[str]
    head: str


def _role_before(
    analysis: RussianAnalysis, name: RussianName, profile: LanguageProfile
) -> Role | None:
    """The title written right before a name, in the nominative ("Президентом Беларуси
    Александром Лукашенко" -> "Президент Беларуси"), with its words' lemmas."""
    tokens = analysis.tokens
    i = analysis.first_at(name.start) - 1  # (the token before the name)
    if i < 0:
        return None
    sentence = tokens[i].sentence
    heads = profile.title_heads
    # (the title's head is in the name's case: "по мнению политолога Алексея Мухина"; a word
    # in another case is a dependent, "пресс-секретарь президента России Дмитрий Песков", or
    # another's title, "Адвокат Пронина Елена Воронцова")
    case = tokens[analysis.first_at(name.start)].feat("Case")
    words: list[RussianToken] = []
    # back over nouns and adjectives to the title's head: a title word in the genitive is a
    # dependent of the one before ("пресс-секретарь президента России")
    while i >= 0 and tokens[i].sentence == sentence and len(words) < 6:
        token = tokens[i]
        opening = _opening_before(tokens, i, "()", 2)
        if opening is not None:  # a short form in brackets: "компании (ЕТК)"
            i = opening - 1
            continue
        opening = _opening_before(tokens, i, "«»", 3)
        if opening is not None:  # a name in quotation marks: "компании «Восток»"
            quoted = analysis.text[tokens[opening].start : token.end]
            words.insert(0, replace(token, start=tokens[opening].start, text=quoted, pos="PROPN"))
            i = opening - 1
            continue
        joins = token.pos == "CCONJ" and token.text == "и" and bool(words)  # "... и торговли"
        if token.pos not in ("NOUN", "PROPN", "ADJ") and not joins:
            break
        words.insert(0, token)
        if token.pos != "ADJ" and token.lemma in heads and token.feat("Case") == case:
            # ("Президент", capitalized, is tagged a proper noun) with the adjectives before
            # it in its case: "генеральный директор"
            i -= 1
            while i >= 0 and tokens[i].sentence == sentence and _agrees(tokens[i], token):
                words.insert(0, tokens[i])
                i -= 1
            break
        i -= 1
    head = next((w for w in words if w.pos != "ADJ"), None)
    if head is None or head.lemma not in heads or head.feat("Case") != case:
        return None
    at = words.index(head)  # (the head and the adjectives before it in the nominative)
    shown = [
        (w.lemma.capitalize() if w.text[:1].isupper() else w.lemma) if n <= at else w.text
        for n, w in enumerate(words)
    ]
    return Role(" ".join(shown), frozenset(w.lemma for w in words), _full_title(head, profile))


def _full_title(head: RussianToken, profile: LanguageProfile) -> str:
    """The head word of a title in full: "замминистра" is a "заместитель" (the profile's
    ``title_forms``)."""
    return profile.word_map("title_forms").get(head.lemma, head.lemma)


def _agrees(word: RussianToken, head: RussianToken) -> bool:
    """Whether ``word`` is an adjective in the case of ``head``."""
    return word.pos == "ADJ" and word.feat("Case") == head.feat("Case")


def _opening_before(tokens: Sequence[RussianToken], i: int, marks: str, most: int) -> int | None:
    """Where the pair of ``marks`` ("()" or "«»") that closes at token ``i`` opens, when it
    holds one to ``most`` words of one sentence (a short form, "(ЕТК)"; a name,
    "«Мостострой-Запад»"); None otherwise."""
    opening, closing = marks[0], marks[1]
    if tokens[i].text != closing:
        return None
    for j in range(i - 1, max(i - most - 2, -1), -1):
        if tokens[j].sentence != tokens[i].sentence:
            return None
        if tokens[j].text == opening:
            return j if j < i - 1 else None
    return None


@dataclass(slots=True)
class Resolution:
    """The person a subject stands for, how it names them, and its characters."""

    person: Person
    kind: MentionKind
    start: int
    end: int


def resolve_subject(
    analysis: RussianAnalysis,
    subject: list[RussianToken],
    people: Cast,
    last_speaker: dict[str, Person],
    profile: LanguageProfile,
) -> Resolution | None:
    """The person the words ``subject`` stand for, or None when they name no one for sure:
    a name (any case) names its person; a pronoun the last speaker of its gender; a title
    the one person whose role has its head word and nation ("российский лидер" is the
    person with a role of Россия), else the last speaker who has that title's head word."""
    if not subject:
        return None
    start, end = subject[0].start, subject[-1].end
    named = people.names_in(start, end)
    if named:
        # the name in the nominative, the subject's own: "Адвокат Пронина Елена Воронцова"
        # is Воронцова (whose lawyer she is is a name in the genitive)
        cases = {t.start: t.feat("Case") for t in subject}
        nominative = [p for s, p in named if cases.get(s) == "Nom"]
        return Resolution((nominative or [named[0][1]])[0], "name", start, end)
    head = next((t for t in subject if t.pos in ("NOUN", "PRON", "PROPN")), None)
    if head is None and len(subject) == 1:  # a possessive: "по её словам"
        head = subject[0]
    if head is None:
        return None
    word = head.text.lower()
    if head.pos in ("PRON", "DET") and word in profile.pronouns:
        gender = profile.pronouns[word]
        person = last_speaker.get(gender)
        if person is None:  # no one of that gender has spoken: the one person of it named
            alone = [
                p
                for p in people.people
                if p.gender == gender and any(m.start < head.start for m in p.mentions)
            ]
            person = alone[0] if len(alone) == 1 else None
        if person is None or _named_since(people, person, head.start):
            return None
        return Resolution(person, "pronoun", head.start, head.end)
    if head.lemma not in profile.title_heads:
        return None
    nations = {profile.nations.get(t.lemma, t.lemma) for t in subject if t is not head}
    generic = head.lemma in profile.leader_words  # "лидер", "глава": whoever leads it
    title = _full_title(head, profile)
    fitting = [p for p in people.people if title in p.role_heads or (generic and p.roles)]
    if head.lemma in profile.words("leading_words"):  # "глава компании" leads it
        fitting = [p for p in fitting if p.role_heads & profile.words("chief_titles")]
    with_nation = [p for p in fitting if nations & p.role_lemmas]
    if len(with_nation) == 1:
        return Resolution(with_nation[0], "title", start, end)
    if generic:
        leader = _leader(with_nation, nations, last_speaker.get("any"), profile)
        return Resolution(leader, "title", start, end) if leader is not None else None
    if nations and not with_nation:
        return None  # (a nation no one's role has)
    if len(fitting) == 1:
        return Resolution(fitting[0], "title", start, end)
    last = last_speaker.get("any")
    if last is not None and last in fitting:
        return Resolution(last, "title", start, end)
    if not fitting and head.lemma in profile.words("epithets"):
        return _by_epithet(analysis, head, people, last, start, end)
    return None


def _by_epithet(
    analysis: RussianAnalysis,
    head: RussianToken,
    people: Cast,
    last: Person | None,
    start: int,
    end: int,
) -> Resolution | None:
    """The speaker a word of trade that is no one's role stands for: the speaker just quoted
    ("«...», – отметила эксперт", "Бизнесмен признал, что ...", "по словам чиновника"), when
    the word is singular, its verb's gender is the speaker's (a feminine verb after "эксперт"
    is a woman) and either the speaker was named in the word's own paragraph with no one of
    that gender named since, or the speaker is the one person the article has named so far of
    that gender (without a verb, of any gender). Where two people may be meant ("дипломат" in
    a new paragraph after two women diplomats have spoken), it names no one for sure."""
    if last is None or head.feat("Number") == "Plur":
        return None
    verb = analysis.tokens[head.head] if head.rel in ("nsubj", "nsubj:pass") else None
    gender = verb.feat("Gender") if verb is not None else None
    if gender is not None and last.gender and gender != last.gender:
        return None
    since = max((m.start for m in last.mentions if m.start < head.start), default=-1)
    same_paragraph = since >= 0 and "\n" not in analysis.text[since : head.start]
    if same_paragraph and not _named_since(people, last, head.start):
        return Resolution(last, "title", start, end)
    named = [
        p
        for p in people.people
        if (gender is None or p.gender == gender)
        and any(m.start < head.start and m.kind in ("name", "surname") for m in p.mentions)
    ]
    if named != [last]:
        return None
    return Resolution(last, "title", start, end)


def _leader(
    with_nation: list[Person], qualifiers: set[str], last: Person | None, profile: LanguageProfile
) -> Person | None:
    """Whom a leader word stands for when no one person's role has its qualifier: of several
    people of that nation, the one head of state ("белорусский лидер" beside the president
    and the prime minister of Беларусь); with no one's role of that qualifier, the last
    speaker when they lead something ("глава ведомства" after a minister has spoken; "глава
    государства" only after a head of state)."""
    state = profile.words("state_titles")
    if with_nation:
        heads = [p for p in with_nation if p.role_heads & state]
        return heads[0] if len(heads) == 1 else None
    of_state = bool(qualifiers & profile.words("state_words"))
    leading = state if of_state else profile.words("chief_titles")
    return last if last is not None and last.role_heads & leading else None


@dataclass(frozen=True, slots=True)
class Nominal:
    """A speaker that is no person: an organization the subject names (its entity), or a
    group or body the subject describes ("Эксперты", "пресс-служба компании", "в мэрии
    Заречинска": "Мэрия Заречинска")."""

    entity: str | None
    name: str
    start: int
    end: int


def nominal_speaker(
    analysis: RussianAnalysis, subject: list[RussianToken], people: Cast, profile: LanguageProfile
) -> Nominal | None:
    """The organization or group ``subject`` names when it names no person: None for a
    pronoun, for a person's title ("министр": someone the article does not say) and for
    words in an oblique case other than a place's "в ..."."""
    words = list(subject)
    while words and words[0].pos == "ADP":  # "в мэрии ...": the place itself
        words = words[1:]
    head = next((t for t in words if t.pos in ("NOUN", "PROPN")), None)
    if head is None or any(t.pos == "PRON" for t in words[:1]):
        return None
    if head.text.lower() in profile.pronouns:
        return None
    one = head.feat("Number") != "Plur"
    if one and (head.lemma in profile.title_heads or head.feat("Animacy") == "Anim"):
        return None  # one person described ("представитель администрации"): someone unnamed
    start, end = words[0].start, words[-1].end
    for entity in people.others:  # an organization named at the subject's head
        if entity.type == "ORG" and any(m.start <= head.start < m.end for m in entity.mentions):
            return Nominal(entity.id, entity.name, start, end)
    placed = len(words) < len(subject)
    if head.feat("Case") != "Nom" and not placed:
        # "по данным компании «Восток-Транзит»": the one organization named in the words
        named = [
            entity
            for entity in people.others
            if entity.type == "ORG" and any(start <= m.start < end for m in entity.mentions)
        ]
        if len(named) == 1:
            return Nominal(named[0].id, named[0].name, start, end)
        return None
    if placed and head.lemma in profile.words("documents"):
        # "в сообщении Банка России": the one who issued it
        inside = [(e.id, e.name, e.mentions) for e in people.others]
        inside += [(p.id, p.name, p.mentions) for p in people.people]
        issuers = [
            (id, name) for id, name, seen in inside if any(start <= m.start < end for m in seen)
        ]
        if len(issuers) == 1:
            return Nominal(issuers[0][0], issuers[0][1], start, end)
    # (placed, "в региональном управлении ...": the office, in the nominative)
    name = _in_nominative(analysis, words) if placed else analysis.text[start:end]
    return Nominal(None, name[:1].upper() + name[1:], start, end)


def described_speaker(analysis: RussianAnalysis, subject: list[RussianToken]) -> Nominal:
    """The speaker a subject describes without naming anyone the article names ("эксперт",
    "представитель администрации", "он" when two people may be meant): its words from the
    first that is no preposition, named by them in the nominative, and no entity."""
    words = list(subject)
    while len(words) > 1 and words[0].pos == "ADP":
        words = words[1:]
    start, end = words[0].start, words[-1].end
    pronoun = len(words) == 1 and words[0].pos in ("PRON", "DET")
    name = words[0].text if pronoun else _in_nominative(analysis, words)
    return Nominal(None, name[:1].upper() + name[1:], start, end)


def _in_nominative(analysis: RussianAnalysis, words: list[RussianToken]) -> str:
    """The words (a stretch of one sentence) with their head put in the nominative
    ("региональном управлении Роспотребнадзора" -> "региональное управление
    Роспотребнадзора"), as written when that cannot be done."""
    first = analysis.first_at(words[0].start)
    found = nominative_phrase(analysis, range(first, first + len(words)))
    return found or analysis.text[words[0].start : words[-1].end]


def _named_since(people: Cast, person: Person, at: int) -> bool:
    """Whether another person of ``person``'s gender is named between ``person``'s last
    mention before ``at`` and ``at``: then "он" at ``at`` may stand for either, and names no
    one for sure."""
    since = max((m.start for m in person.mentions if m.start < at), default=-1)
    return any(
        other is not person
        and other.gender == person.gender
        and any(since < m.start < at and m.kind in ("name", "surname") for m in other.mentions)
        for other in people.people
    )


def headline_organization(before: str, people: Cast, profile: LanguageProfile) -> Entity | None:
    """The organization a "Минтранс: ..." headline names before its colon: the one named so in
    the article, or by the full name its short form stands for (the profile's
    ``organization_short_forms``: "Минтранс" is the "Министерство транспорта")."""
    folded = fold(before)
    full = profile.word_map("organization_short_forms").get(before.lower())
    fitting = [
        e
        for e in people.others
        if e.type == "ORG"
        and (
            fold(e.name) == folded
            or any(fold(m.text) == folded for m in e.mentions)
            or (full is not None and fold(e.name).startswith(fold(full)))
        )
    ]
    return fitting[0] if len(fitting) == 1 else None


def headline_speaker(title: Span, people: Cast) -> Person | None:
    """The person a "Путин: ..." headline names before its colon (a surname joins the one
    person of that surname named in the article; a title, the one person whose role opens
    with its first word)."""
    before = title.text.split(":", 1)[0].strip()
    read = parse_person(before)
    fitting = []
    if read is not None and len(before.split()) <= 3:
        fitting = [
            p
            for p in people.people
            if (known := parse_person(p.name)) is not None and may_name(read, known)
        ]
    if not fitting and before:
        # "Ректор Сибирского университета: ...": the one person whose role opens with the
        # headline's first word
        word = before.split()[0].lower()
        fitting = [p for p in people.people if any(r.split()[0].lower() == word for r in p.roles)]
    return fitting[0] if len(fitting) == 1 else None
