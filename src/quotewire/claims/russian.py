"""Figures in Russian articles: every amount the shared amount finder reads (``$50 млрд``,
``4,5 млрд рублей``, ``около 40%``, ``не менее``, ``свыше``, ``порядка``, ``80-летие``;
тыс./млн/млрд/трлн; decimal comma), claimed by the speaker of the statement it is in, with a
nested source written before it in its sentence ("по белорусским данным").

What an amount counts and measures is read from natasha's parse, with the words of the
profile's ``[figures]`` table:

- the unit of a count is its noun's lemma, or the unit the profile gives that lemma
  ("свыше 2 млн тонн" -> tonnes, "в 1,5 раза" -> times, "12 новых школ" -> школа);
- what it measures: a noun in the genitive after it ("2 млн тонн зерна" -> зерно; a percent of
  something is its share, "около 40% электроэнергии" -> "доля электроэнергии"; an anniversary of
  something, "80-летию Победы" -> "годовщина Победы"); else the subject of the verb the amount
  belongs to ("товарооборот превышает $50 млрд" -> товарооборот), or, when the amount is that
  subject, what the money is for ("на ремонт дорог направлено 4,5 млрд рублей" -> "ремонт
  дорог"); else the noun phrase the amount stands beside ("по объему накопленных инвестиций
  ($4,5 млрд)" -> "объем накопленных инвестиций"). No person and no pronoun is a measure.

An amount outside any statement is the narrator's (no claimant): who a narrated figure is
about is not read yet, and a figure with the wrong claimant is worse than one without.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from quotewire.claims.amounts import Amount, find_amounts
from quotewire.claims.context import find_times, find_trend
from quotewire.claims.extract import REACH, Holders, article_date, claim_of, nearest_time
from quotewire.lang import FigureWords, LanguageProfile
from quotewire.model import Claim, Quote, Source, Span
from quotewire.nlp.russian import RussianAnalysis, analyse_russian, nominative_phrase

_SENTENCE_END = re.compile(r"[.!?…]\s|\n")
_REACH_BACK = 300  # characters before an amount its nested source is looked for in


def find_russian_claims(
    text: str,
    shadow: str,
    quotes: Sequence[Quote],
    profile: LanguageProfile,
    analysis: RussianAnalysis | None = None,
    published: str | None = None,
    dateline: Span | None = None,
    title: Span | None = None,
) -> list[Claim]:
    """The figures of a Russian article, in text order, numbered ``c1``, ``c2``, ...;
    amounts are read in ``shadow`` (the text with its debris blanked), what they count and
    measure in ``analysis`` (natasha's of ``shadow``; without it, neither is read) or, for an
    amount in the ``title`` (which the statements do not read, nor ``analysis``), in natasha's
    analysis of the title alone, made only when the title holds an amount,
    the periods they refer to against the article's ``published`` date (the ``dateline``'s
    date is the article's, not a figure's)."""
    nested = _nested_sources(profile)
    holders = Holders(quotes)
    claims: list[Claim] = []
    when = article_date(published)
    clauses = re.compile(profile.pattern("clause_break"))
    found_amounts = [
        _without_final_stop(shadow, a) for a in find_amounts(shadow, lang=profile.code)
    ]

    def in_title(amount: Amount) -> bool:
        return title is not None and title.start <= amount.start < title.end

    headline = None
    if analysis is not None and title is not None and any(map(in_title, found_amounts)):
        headline = analyse_russian(shadow, regions=[(title.start, title.end)])

    def read(amount: Amount) -> RussianAnalysis | None:
        """The analysis that holds ``amount``: the title's or the body's."""
        return headline if headline is not None and in_title(amount) else analysis

    counted = found_amounts
    if analysis is not None:
        counted = _units_shared(
            [
                _counted(reading, a, profile.figures) if (reading := read(a)) else a
                for a in found_amounts
            ]
        )
    for n, amount in enumerate(counted):
        measure = None
        reading = read(amount)
        if reading is not None:
            measure = _measure(reading, amount, profile.figures)
        lo, hi = _around(shadow, amount, found_amounts, n, clauses)
        if dateline is not None and dateline.start <= amount.start:
            lo = max(lo, dateline.end)
        time = nearest_time(
            text, find_times(text, lo, hi, when, profile.code), amount, profile.code
        )
        trend = None
        if not _a_period(text, amount):
            trend = find_trend(text, lo, amount.start, profile.code) or find_trend(
                text, amount.end, hi, profile.code
            )
        quote = holders.of(amount)
        claims.append(
            claim_of(
                text,
                f"c{len(claims) + 1}",
                amount,
                claimant=quote.speaker if quote is not None else None,
                quote=quote.id if quote is not None else None,
                according_to=_according(text, amount.start, nested),
                measure=measure.words if measure else None,
                measure_span=Span.of(text, measure.start, measure.end) if measure else None,
                time=time,
                trend=trend,
            )
        )
    return claims


def _around(
    shadow: str, amount: Amount, amounts: Sequence[Amount], n: int, clauses: re.Pattern[str]
) -> tuple[int, int]:
    """Where an amount's period and trend are looked for: its clause (its sentence cut at
    the profile's clause breaks), within :data:`~quotewire.claims.extract.REACH` characters
    and up to the amounts next to it."""
    back = max(0, amount.start - REACH)
    starts = [m.end() for m in _SENTENCE_END.finditer(shadow, back, amount.start)]
    starts += [m.end() for m in clauses.finditer(shadow, back, amount.start)]
    ends = [
        m.start()
        for m in (
            _SENTENCE_END.search(shadow, amount.end, amount.end + REACH),
            clauses.search(shadow, amount.end, amount.end + REACH),
        )
        if m
    ]
    lo = max([*starts, amount.start - REACH, amounts[n - 1].end if n else 0, 0])
    hi = min(
        [*ends, amount.end + REACH, amounts[n + 1].start if n + 1 < len(amounts) else len(shadow)]
    )
    return lo, hi


@dataclass(frozen=True, slots=True)
class _Measure:
    """What an amount measures: ``words`` (its phrase with the head in the nominative) taken
    from ``text[start:end]``."""

    words: str
    start: int
    end: int


_NOUNS = frozenset({"NOUN", "PROPN"})
#: parts of speech of a word after a number that counts nothing ("4 млрд выделит" has a verb)
_NOT_COUNTED = frozenset({"ADV", "PRON", "PART", "SCONJ", "CCONJ", "ADP", "INTJ"})
#: units of time: the subject of a verb near a duration is seldom what it measures
_DURATIONS = frozenset({"years", "months", "weeks", "days", "hours", "minutes"})
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: relations whose words are no part of a measure's phrase (clauses and asides beside it)
_NOT_IN_PHRASE = frozenset({"parataxis", "conj", "cc", "acl:relcl", "advcl", "ccomp", "punct"})
_LONGEST_PHRASE = 10  # tokens; a longer phrase is cut at its first comma


#: what follows the period that ends a sentence: a capital, a quotation, a dash, a line's end
_NEXT_SENTENCE = re.compile(r"\s*(?:$|\n|[«„\"“–—-]|[А-ЯЁA-Z])")


def _a_period(text: str, amount: Amount) -> bool:
    """Whether a duration is the period of something else ("за четыре месяца"), not a value
    that changes ("сократилось с 24 до 11 дней")."""
    if amount.unit not in _DURATIONS:
        return False
    before = text[max(0, amount.start - 4) : amount.start].split()
    return not before or before[-1].lower() not in ("с", "до")


def _units_shared(amounts: list[Amount]) -> list[Amount]:
    """The amounts with a unit taken from another's words ("с 14 до 7 дней": 14 takes "дней")
    named as that other's is once counted ("days")."""
    named = {}
    for amount in amounts:
        for word in re.findall(r"[^\W\d_]+", amount.text.lower()):
            if amount.kind == "count" and word not in named:
                named[word] = amount.unit
    return [
        replace(a, unit=named[a.unit]) if a.kind == "count" and a.unit in named else a
        for a in amounts
    ]


def _without_final_stop(text: str, amount: Amount) -> Amount:
    """The amount without the period of its abbreviation when that period ends the sentence
    too ("превысить $5 млрд. «Мы готовы ...»"): the figure stays inside the statement, whose
    words end before the sentence's stop."""
    if not amount.text.endswith(".") or not _NEXT_SENTENCE.match(text, amount.end):
        return amount
    return replace(amount, end=amount.end - 1, text=amount.text[:-1])


def _amount_tokens(analysis: RussianAnalysis, amount: Amount) -> list[int]:
    """The indices of the tokens the amount's characters touch."""
    tokens = analysis.tokens
    first = analysis.first_at(amount.start)
    if first > 0 and tokens[first - 1].end > amount.start:
        first -= 1
    last = first
    while last < len(tokens) and tokens[last].start < amount.end:
        last += 1
    return list(range(first, last))


def _counted(analysis: RussianAnalysis, amount: Amount, words: FigureWords) -> Amount:
    """The amount with the unit of a count as its noun's lemma or the profile's unit for it,
    reaching to the end of that noun ("12 новых" -> "12 новых школ", unit школа; "300 тыс.
    кВт" -> "300 тыс. кВт·ч", kilowatt-hours)."""
    if amount.kind != "count" or not _cyrillic(amount.unit):
        return amount
    inside = _amount_tokens(analysis, amount)
    if not inside:  # (an amount where nothing was analysed: the title)
        return amount
    tokens = analysis.tokens
    last = tokens[inside[-1]]
    finite = last.pos in {"VERB", "AUX"} and last.feat("VerbForm") != "Part"
    if finite or last.pos in _NOT_COUNTED or last.sentence != tokens[inside[0]].sentence:
        # the word after the number counts nothing: "4 млрд выделит", "22–24 млн. Разницу"
        numbers = [
            i
            for i in inside
            if tokens[i].pos == "NUM" or _scale(tokens[i], words) or _has_digit(tokens[i].text)
        ]
        if not numbers or tokens[numbers[-1]].sentence != tokens[inside[0]].sentence:
            return amount
        end = min(amount.end, tokens[numbers[-1]].end)
        text = analysis.text[amount.start : end].rstrip(".")
        return replace(amount, unit="dimensionless", end=amount.start + len(text), text=text)
    nouns = [i for i in inside if tokens[i].pos in _NOUNS and not _scale(tokens[i], words)]
    if nouns:
        noun = nouns[-1]
    else:  # "12 новых школ": the noun the words before it belong to
        noun = tokens[inside[-1]].head
        if noun <= inside[-1] or tokens[noun].pos not in _NOUNS:
            return amount
        if any(t.pos == "PUNCT" for t in tokens[inside[-1] + 1 : noun]):
            return amount
    lemma = tokens[noun].lemma.lower()
    end = max(amount.end, tokens[noun].end)
    return replace(
        amount,
        unit=words.units.get(lemma, lemma),
        end=end,
        text=analysis.text[amount.start : end],
    )


def _measure(analysis: RussianAnalysis, amount: Amount, words: FigureWords) -> _Measure | None:
    """What ``amount`` measures (see the module's text), or None."""
    inside = _amount_tokens(analysis, amount)
    if not inside:
        return None
    tokens = analysis.tokens
    members = set(inside)
    anniversary = any(
        words.anniversary_ending and tokens[i].lemma.endswith(words.anniversary_ending)
        for i in inside
    )
    of = _genitive_after(analysis, inside)
    if of is not None and _counts_by(amount, anniversary, tokens[inside[-1]].lemma, words):
        phrase = _phrase(analysis, of, members)
        if amount.kind == "percent" and tokens[of].lemma.lower() in words.share_bases:
            by_verb = _by_verb(analysis, inside, amount, words)  # "дефицит ... 1,7% ВВП"
            if by_verb is not None:
                return by_verb
        if amount.kind == "percent" and words.share:
            return _as_written(analysis, phrase, words.share)
        if anniversary and words.anniversary:
            return _as_written(analysis, phrase, words.anniversary)
        return _normalised(analysis, phrase)
    if anniversary or _a_period(analysis.text, amount):  # "за четыре месяца торговля выросла"
        return None
    if amount.kind == "count" and amount.unit not in words.units.values():
        return None  # what a counted noun counts is the noun itself ("15 элеваторов")
    if analysis.text[: amount.start].rstrip().endswith("("):  # "инвестиций ($4,5 млрд)"
        return _beside(analysis, inside)
    return _at_level(analysis, inside, words) or _by_verb(analysis, inside, amount, words)


def _counts_by(amount: Amount, anniversary: bool, last: str, words: FigureWords) -> bool:
    """Whether a genitive after the amount is what it measures: after money, a percent, an
    anniversary, a unit of measure or a counted noun that says how things are counted
    ("тонн зерна", "единиц техники"); not after another counted noun ("жителей поселка")."""
    if amount.kind in {"money", "percent"} or anniversary:
        return True
    return amount.unit in words.units.values() or last.lower() in words.classifiers


def _genitive_after(analysis: RussianAnalysis, inside: Sequence[int]) -> int | None:
    """The noun of a genitive phrase right after the amount and joined to it ("тонн зерна",
    "80-летию атомной отрасли": an adjective first is the noun's)."""
    tokens = analysis.tokens
    after = inside[-1] + 1
    if after >= len(tokens):
        return None
    noun = _top_of_genitive(analysis, after, set(inside))
    if (
        tokens[noun].sentence == tokens[inside[-1]].sentence
        and tokens[noun].pos in _NOUNS
        and tokens[noun].feat("Case") == "Gen"
        and (tokens[noun].head in inside or any(tokens[i].head == noun for i in inside))
    ):
        return noun
    return None


def _beside(analysis: RussianAnalysis, inside: Sequence[int]) -> _Measure | None:
    """The noun phrase a bracketed amount stands beside, up to the noun whose genitives it
    holds ("по объему накопленных инвестиций ($4,5 млрд)" -> "объем накопленных инвестиций")."""
    tokens = analysis.tokens
    anchor = next((i for i in reversed(inside) if tokens[i].head not in inside), None)
    if anchor is None:
        return None
    top = tokens[anchor].head
    if tokens[top].pos not in _NOUNS or top >= inside[0]:
        return None
    while (
        tokens[top].rel == "nmod"
        and tokens[top].feat("Case") == "Gen"
        and tokens[tokens[top].head].pos in _NOUNS
        and tokens[top].head < top
    ):
        top = tokens[top].head
    return _normalised(analysis, [i for i in _phrase(analysis, top, set(inside)) if i < inside[0]])


def _by_verb(
    analysis: RussianAnalysis, inside: Sequence[int], amount: Amount, words: FigureWords
) -> _Measure | None:
    """What money goes to ("на ремонт дорог направлено ..."), else the subject of a verb of
    measure the amount belongs to ("товарооборот превышает $50 млрд"; the comparator verb
    may be the amount's own word)."""
    tokens = analysis.tokens
    members = set(inside)
    verbs = [i for i in inside if tokens[i].pos == "VERB"]
    anchor = next((i for i in reversed(inside) if tokens[i].head not in members), None)
    for _ in range(3):  # "сократился на 8,5%, до $162 млрд": the verb of the first conjunct
        if anchor is None or tokens[anchor].rel != "conj" or tokens[anchor].head == anchor:
            break
        anchor = tokens[anchor].head
    verb = verbs[0] if verbs else tokens[anchor].head if anchor is not None else None
    if verb is None or tokens[verb].pos not in {"VERB", "AUX"}:
        return None
    purpose = _purpose(analysis, verb, words) if amount.kind == "money" else None
    if purpose is not None:
        return _normalised(analysis, _phrase(analysis, purpose, members))
    if tokens[verb].lemma in words.object_measure_verbs:  # "сократит бюджет на 15%"
        sentence = analysis.sentences[tokens[verb].sentence]
        changed = next(
            (
                i
                for i in range(sentence.first, sentence.end_token)
                if tokens[i].head == verb and tokens[i].rel == "obj" and tokens[i].pos in _NOUNS
            ),
            None,
        )
        if changed is None or changed in members or _someone(analysis, changed):
            return None
        return _normalised(analysis, _phrase(analysis, changed, members))
    if tokens[verb].lemma not in words.measure_verbs:
        return None
    subject = _subject(analysis, verb)
    if subject is None and tokens[verb].rel in ("conj", "xcomp"):
        # "... вырос и превышает $50 млрд", "товарооборот может превысить $5 млрд"
        subject = _subject(analysis, tokens[verb].head)
    if subject is None or subject in members or _someone(analysis, subject):
        return None
    return _normalised(analysis, _phrase(analysis, subject, members))


def _someone(analysis: RussianAnalysis, index: int) -> bool:
    """Whether token ``index`` stands for someone, so is no measure: a pronoun, a living
    being, or a word of a person's name ("Олейников: добыча вырастет до 40 млн тонн")."""
    token = analysis.tokens[index]
    if token.pos == "PRON" or token.feat("Animacy") == "Anim":
        return True
    return any(n.type == "PERSON" and n.start <= token.start < n.end for n in analysis.names)


def _at_level(
    analysis: RussianAnalysis, inside: Sequence[int], words: FigureWords
) -> _Measure | None:
    """What is held at the level the amount names: the noun the level belongs to, else the
    object of its verb ("сохранил ставку на уровне 21%": the rate, however the parser hangs
    "уровне"), else the verb's subject ("инфляция осталась на уровне 8%"). No pronoun and no
    living being is a measure."""
    tokens = analysis.tokens
    level = inside[0] - 1
    if level < 0 or tokens[level].lemma.lower() not in words.levels:
        return None
    head = tokens[level].head
    held: int | None = head if head != level and tokens[head].pos in _NOUNS else None
    if held is not None and tokens[held].rel == "nmod" and tokens[tokens[held].head].pos in _NOUNS:
        held = tokens[held].head  # "ставка по ипотеке на уровне 6%": the rate, of mortgages
    if held is None:
        if head == level or tokens[head].pos not in {"VERB", "AUX"}:
            return None
        # "на уровне" belongs to the nearest verb before it: in a long sentence the parser
        # may hang the second of two on the first clause's verb
        between = [
            i
            for i in range(head + 1, level)
            if tokens[i].pos in {"VERB", "AUX"} and tokens[i].feat("VerbForm") in ("Fin", "Inf")
        ]
        head = between[-1] if between else head
        sentence = analysis.sentences[tokens[head].sentence]
        held = next(
            (
                i
                for i in range(sentence.first, sentence.end_token)
                if tokens[i].head == head and tokens[i].rel == "obj" and tokens[i].pos in _NOUNS
            ),
            None,
        ) or _subject(analysis, head)
    members = set(inside)  # the level's words are not what is held at it
    around = analysis.sentences[tokens[level].sentence]
    members |= {
        level,
        *(i for i in range(around.first, around.end_token) if tokens[i].head == level),
    }
    if held is None or held in members or _someone(analysis, held):
        return None
    return _normalised(analysis, _phrase(analysis, held, members))


def _top_of_genitive(analysis: RussianAnalysis, index: int, members: set[int]) -> int:
    """The noun of the phrase opening at ``index`` ("атомной отрасли": отрасли)."""
    tokens = analysis.tokens
    if tokens[index].pos == "ADJ":
        head = tokens[index].head
        if head > index and tokens[head].pos in _NOUNS and head not in members:
            return head
    return index


def _subject(analysis: RussianAnalysis, verb: int) -> int | None:
    tokens = analysis.tokens
    sentence = analysis.sentences[tokens[verb].sentence]
    for i in range(sentence.first, sentence.end_token):
        if i != verb and tokens[i].head == verb and tokens[i].rel in _SUBJECTS:
            return i
    return None


def _purpose(analysis: RussianAnalysis, verb: int, words: FigureWords) -> int | None:
    """The "на ..." of ``verb`` (what money goes to), without its preposition."""
    tokens = analysis.tokens
    sentence = analysis.sentences[tokens[verb].sentence]
    for i in range(sentence.first, sentence.end_token):
        if tokens[i].head != verb or tokens[i].rel != "obl" or tokens[i].pos not in _NOUNS:
            continue
        if tokens[i].feat("Case") != "Acc":  # "на текущей неделе" is when, not what for
            continue
        if any(
            tokens[j].head == i and tokens[j].rel == "case" and tokens[j].lemma in words.purposes
            for j in range(sentence.first, i)
        ):
            return i
    return None


def _phrase(analysis: RussianAnalysis, head: int, members: set[int]) -> list[int]:
    """The tokens of the phrase headed by ``head``: its words and theirs, without clauses
    and asides, the amount, prepositions at its edges and punctuation at its ends; cut at
    its first comma when long."""
    if head in members:
        return []
    tokens = analysis.tokens
    sentence = analysis.sentences[tokens[head].sentence]
    kept = {head}
    for i in range(sentence.first, sentence.end_token):
        chain: list[int] = []
        j = i
        while j not in kept and j not in members and tokens[j].head != j and len(chain) < 50:
            chain.append(j)
            j = tokens[j].head
        if j in kept and all(tokens[c].rel not in _NOT_IN_PHRASE for c in chain):
            kept.update(chain)
    phrase = sorted(kept - members)
    # one stretch: the words next to the head without a gap
    at = phrase.index(head)
    lo = hi = at
    while lo > 0 and phrase[lo - 1] == phrase[lo] - 1:
        lo -= 1
    while hi + 1 < len(phrase) and phrase[hi + 1] == phrase[hi] + 1:
        hi += 1
    phrase = phrase[lo : hi + 1]
    if len(phrase) > _LONGEST_PHRASE:
        comma = next((k for k, i in enumerate(phrase) if tokens[i].text == "," and i > head), None)
        phrase = phrase[:comma] if comma else phrase[:_LONGEST_PHRASE]
    while phrase and (tokens[phrase[0]].pos in {"ADP", "PUNCT", "CCONJ"}):
        phrase = phrase[1:]
    while phrase and tokens[phrase[-1]].pos in {"ADP", "PUNCT", "CCONJ"}:
        phrase = phrase[:-1]
    return phrase if head in phrase else []


def _names_someone(analysis: RussianAnalysis, phrase: Sequence[int]) -> bool:
    """Whether the phrase's words are (or hold) a person's name, or lie within a name of an
    organization or a place ("ИНТЕРФАКС"), or its head word does ("Союз" of "Российский
    зерновой союз"): who speaks or acts, not what is measured."""
    tokens = analysis.tokens
    start, end = tokens[phrase[0]].start, tokens[phrase[-1]].end
    head = next((i for i in phrase if tokens[i].head not in phrase or tokens[i].head == i), None)
    at = tokens[head].start if head is not None else -1
    return any(
        (n.type == "PERSON" and start <= n.start and n.end <= end)
        or (n.start <= start and end <= n.end)
        or (n.type == "ORG" and n.start <= at < n.end)
        for n in analysis.names
    )


def _fit(analysis: RussianAnalysis, phrase: Sequence[int]) -> bool:
    """Whether the words can be a measure: some, naming no person and holding no number in
    figures ("дороги из 31 тысячи" is another amount's; "товарооборот двух стран" is one)."""
    tokens = analysis.tokens
    return (
        bool(phrase)
        and not _names_someone(analysis, phrase)
        and not any(_has_digit(tokens[i].text) for i in phrase)
    )


def _normalised(analysis: RussianAnalysis, phrase: Sequence[int]) -> _Measure | None:
    if not _fit(analysis, phrase):
        return None
    words = _lowered_first(analysis, phrase, nominative_phrase(analysis, phrase))
    return _Measure(words, analysis.tokens[phrase[0]].start, analysis.tokens[phrase[-1]].end)


def _as_written(analysis: RussianAnalysis, phrase: Sequence[int], word: str) -> _Measure | None:
    if not _fit(analysis, phrase):
        return None
    start, end = analysis.tokens[phrase[0]].start, analysis.tokens[phrase[-1]].end
    return _Measure(
        f"{word} {_lowered_first(analysis, phrase, analysis.text[start:end])}", start, end
    )


def _lowered_first(analysis: RussianAnalysis, phrase: Sequence[int], words: str) -> str:
    """``words`` with a first word in lower case when it is capitalised only as its sentence's
    first word ("Товарооборот", "Выручка"): one in title case that opens the sentence and is
    in no name ("Победы" further on stays as written)."""
    tokens = analysis.tokens
    first = tokens[phrase[0]]
    opening = all(
        t.pos == "PUNCT" for t in tokens[analysis.sentences[first.sentence].first : phrase[0]]
    )
    named = any(n.start <= first.start < n.end for n in analysis.names)
    if opening and not named and first.text[:1].isupper() and first.text[1:].islower():
        return words[:1].lower() + words[1:]
    return words


def _scale(token: object, words: FigureWords) -> bool:
    text = getattr(token, "text", "").lower()
    lemma = getattr(token, "lemma", "").lower()
    return text in words.scales or lemma in words.scales


def _has_digit(word: str) -> bool:
    return any(c.isdigit() for c in word)


def _cyrillic(word: str) -> bool:
    return any("а" <= ch.lower() <= "я" or ch in "ёЁ" for ch in word)


def _nested_sources(profile: LanguageProfile) -> re.Pattern[str]:
    """ "по белорусским данным", "по данным Росстата", "согласно данным X": a source of figures
    (the profile's "по ..." words that are not a person's words)."""
    kinds = sorted(profile.according_to - {"словам", "мнению"})
    return re.compile(
        rf"\b(?:по|согласно)\s+((?:[\w-]+\s+){{0,2}}?(?:{'|'.join(kinds)})"
        rf"(?:\s+[А-ЯЁA-Z][\w-]*){{0,3}})",
        re.IGNORECASE,
    )


def _according(text: str, start: int, nested: re.Pattern[str]) -> Source | None:
    """The nested source written before ``start`` in its sentence, if any."""
    window = max(0, start - _REACH_BACK)  # (not the whole text before every amount)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, window, start)]
    sentence = ends[-1] if ends else window
    found = [m for m in nested.finditer(text, sentence, start)]
    if not found:
        return None
    words = found[-1]
    return Source(
        name=words.group(1),
        span=Span.of(text, words.start(1), words.end(1)),
        cue=Span.of(text, words.start(), words.start(1)),
    )
