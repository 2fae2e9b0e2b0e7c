"""Speakers a careful reader would sign: the person of each statement, by name (issue 13)."""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Sequence

import pytest

from quotewire.bench.scale import synthetic_sightings
from quotewire.model import Entity, Mention, Quote, Result
from quotewire.pipeline import Document, run_one
from quotewire.speakers import names
from quotewire.speakers.names import PersonName, may_name, misspelt, parse_person, same_full_name
from quotewire.speakers.registry import Registry, block_key, build_registry


def _extract(text: str) -> Result:
    return run_one(Document(id="t", text=text))


def _speakers(result: Result) -> list[str]:
    return [q.speaker.name if q.speaker else "" for q in result.quotes]


def _body_quotes(text: str) -> list[Quote]:
    """The statements of ``text`` outside its headline."""
    return [q for q in _extract(text).quotes if q.type != "headline"]


def _polarities(text: str) -> dict[str, str]:
    """Each statement's words (outside the headline) -> its polarity."""
    return {q.text: q.polarity for q in _body_quotes(text)}


def _speaker_of(text: str, snippet: str) -> str | None:
    """The speaker's name of the statement of ``text`` whose words hold ``snippet``."""
    quote = next(q for q in _body_quotes(text) if snippet in q.text)
    return quote.speaker.name if quote.speaker else None


def test_a_headline_name_does_not_take_the_headline_verb() -> None:
    text = (
        "Grace Okafor Vows to Fight Budget Cuts\n\n"
        "Senator Grace Okafor and commissioner Alma Mendez told reporters on Monday that the "
        "cuts would close two clinics.\n\n"
        "Okafor said the vote would come in April."
    )
    result = _extract(text)
    names = {e.name for e in result.entities if e.type == "PERSON"}
    assert names == {"Grace Okafor", "Alma Mendez"}
    assert "Grace Okafor" in _speakers(result)


def test_a_headline_name_is_cut_where_the_body_stops_naming_it() -> None:
    text = (
        "Obama Vows to Fight On\n\n"
        "Former president Barack Obama told students on Monday that the fight for the law "
        "was not over.\n\n"
        "Obama said he would campaign in three states."
    )
    result = _extract(text)
    assert {e.name for e in result.entities if e.type == "PERSON"} == {"Barack Obama"}
    assert set(_speakers(result)) == {"Barack Obama"}


def test_a_pronoun_goes_to_the_subject_of_the_sentence_before_not_the_last_speaker() -> None:
    text = (
        "Budget talks stall in the city council\n\n"
        'Senator Paul Whitfield spoke first. "We will hold the line," Whitfield said.\n\n'
        "Mayor Tom Reyes arrived late to the meeting. "
        '"Both plans have merit," he said.'
    )
    result = _extract(text)
    assert _speakers(result) == ["Paul Whitfield", "Tom Reyes"]


def test_a_subject_inside_a_reported_clause_is_not_the_antecedent() -> None:
    text = (
        "Budget talks stall in the city council\n\n"
        'Senator Paul Whitfield said Mayor Tom Reyes was "out of his depth."\n\n'
        '"He has never run a budget," he said.'
    )
    result = _extract(text)
    assert _speakers(result)[-1] == "Paul Whitfield"


def test_a_headline_speaker_stops_at_a_word_the_body_writes_in_lower_case() -> None:
    text = (
        "Harbor Stories\n\n"
        "1\nDana Ortiz Opened Up About Her Years In The Senate.\n\n"
        "Former senator Dana Ortiz opened up about her years in office in a long interview."
    )
    names = {e.name for e in _extract(text).entities if e.type == "PERSON"}
    assert names == {"Dana Ortiz"}


def test_people_who_share_a_surname_stay_apart() -> None:
    text = (
        "Vance couple tours the flooded county\n\n"
        "Sen. Tom Vance toured the flooded county on Friday with his wife, Heidi Vance.\n\n"
        'Heidi Vance met families at the school gym. "They need dry beds tonight," she said.\n\n'
        'Sen. Vance said the state would pay for the repairs. "We will rebuild every road," '
        "Vance told reporters.\n\n"
        'Mrs. Vance said the shelters "must stay open all winter."'
    )
    result = _extract(text)
    assert _speakers(result) == ["Heidi Vance", "Tom Vance", "Tom Vance", "Heidi Vance"]


def test_a_signature_after_a_dash_works_with_any_unicode_space() -> None:
    text = (
        "Readers answer: what should the city build next?\n\n"
        "\u201cA covered market by the river would bring the old town back to life.\u201d "
        "\u2015 Lena Brandt\n"
        "\u201cWe need a pool that stays open in winter, not another parking garage.\u201d"
        "\u2015\u00a0Omar\u00a0Haddad\u00a0\n"
        "\u201cBike lanes on every bridge, and lights on every lane.\u201d\u2009\u2015 Ruth"
        "\u2009Okoye\u202f\n"
    )
    direct = [q for q in _extract(text).quotes if q.type == "direct"]
    assert [q.speaker.name if q.speaker else "" for q in direct] == [
        "Lena Brandt",
        "Omar Haddad",
        "Ruth Okoye",
    ]


def test_a_signed_quotation_keeps_its_inner_quotation_and_its_signature() -> None:
    # an inner quotation in the same curly marks ("“hell”") does not end the quotation,
    # and more quotation on the line before the signature does not hide it
    text = (
        "Readers answer: what did the debate tell you?\n\n"
        "“He talks about our town as if it were a ruin.” ― Lena Brandt\n"
        "“I would rather live in what he calls “hell” than in a country he runs.” "
        "― Omar Haddad\n"
        "“He never answered the question.” Not once. “He smiled as if it "
        "were a joke.” ― Ruth Okoye\n"
    )
    direct = [q for q in _extract(text).quotes if q.type == "direct"]
    assert [(q.text, q.speaker.name if q.speaker else "") for q in direct][:3] == [
        ("He talks about our town as if it were a ruin.", "Lena Brandt"),
        (
            "I would rather live in what he calls “hell” than in a country he runs.",
            "Omar Haddad",
        ),
        ("He never answered the question.", "Ruth Okoye"),
    ]
    assert all(q.speaker is not None and q.speaker.name == "Ruth Okoye" for q in direct[2:])


def test_an_inner_quotation_of_the_other_style_does_not_end_the_quotation() -> None:
    # Curly marks inside straight ones and straight inside curly ones are inner quotations;
    # a whole sentence quoted inside a quoted excerpt, with its own tag, stays a statement.
    text = (
        "Town hall\n\n"
        '"I can\u2019t raise my voice. It comes across as \u201ctoo loud\u201d or \u201ctoo '
        'shrill\u201d or \u201ctoo that.\u201d" Mayor Ada Reyes said.\n\n'
        '\u201cI have said "never again" and I meant it,\u201d Reyes said.\n\n'
        '"\u201cWe will fix the bridge first, and then we will see about the pool,\u201d '
        'Reyes promised before adding that the pool would wait."'
    )
    quotes = [(q.text, q.speaker.name if q.speaker else "") for q in _body_quotes(text)]
    assert quotes[:2] == [
        (
            "I can\u2019t raise my voice. It comes across as \u201ctoo loud\u201d or "
            "\u201ctoo shrill\u201d or \u201ctoo that.\u201d",
            "Ada Reyes",
        ),
        ('I have said "never again" and I meant it', "Ada Reyes"),
    ]
    assert any("We will fix the bridge first" in q and who == "Ada Reyes" for q, who in quotes)


def test_a_quotation_opening_the_paragraph_after_he_said_colon_is_his() -> None:
    text = (
        "Council debates the harbor plan\n\n"
        "The minutes of the meeting show that the council argued about the budget for an "
        "hour. Mayor Tom Reyes spoke last.\n\n"
        "He said:\n\n"
        '"We have waited long enough for this harbor, and the families who live by it have '
        'waited longer."'
    )
    direct = [q for q in _extract(text).quotes if q.type == "direct"]
    assert len(direct) == 1
    assert direct[0].speaker is not None and direct[0].speaker.name == "Tom Reyes"
    assert direct[0].cue is not None and direct[0].cue.text == "said"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Donald J. Trump", "Donald Trump", True),
        ("Donald Trump Jr.", "Donald Trump", False),
        ("George H. W. Bush", "George W. Bush", False),
        ("Heidi Cruz", "Ted Cruz", False),
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
    ],
)
def test_one_person_written_two_ways(a: str, b: str, same: bool) -> None:
    first, second = parse_person(a), parse_person(b)
    assert first is not None and second is not None
    assert same_full_name(first, second) is same


@pytest.mark.parametrize(
    ("short", "full", "fits"),
    [
        ("Putin", "Vladimir Putin", True),
        ("V. Putin", "Vladimir Putin", True),
        ("W. Putin", "Vladimir Putin", False),
        ("Don Fowler", "Donald Fowler", True),
        ("Trump", "Donald Trump Jr.", False),
        ("Heidi Cruz", "Ted Cruz", False),
        ("Guajardo Villarreal", "Ildefonso Guajardo Villarreal", True),
        ("De Blasio", "Bill de Blasio", True),
        ("Ann Smith", "Mary Ann Smith", False),
        ("Rush Limbaugh", "Radio talk host Rush Limbaugh", False),
    ],
)
def test_a_shorter_name_may_name_a_full_one(short: str, full: str, fits: bool) -> None:
    a, b = parse_person(short), parse_person(full)
    assert a is not None and b is not None
    assert may_name(a, b) is fits


def _person(name: str) -> Entity:
    mention = Mention(start=0, end=len(name), text=name, kind="name")
    return Entity(id="e1", name=name, type="PERSON", mentions=[mention])


def test_the_registry_joins_a_surname_of_several_words_with_its_full_name() -> None:
    registry = Registry()
    full = registry.add("a1", [_person("Tom van Buren")], "2016-05-01")["e1"]
    alone = registry.add("a2", [_person("Van Buren")], "2016-05-02")["e1"]
    other = registry.add("a3", [_person("Martin Buren")], "2016-05-03")["e1"]
    assert alone == full
    assert other != full
    assert any("surname Van Buren of Tom van Buren" in line for line in registry.explain(full))


def test_the_registry_joins_a_middle_initial_and_keeps_a_son_apart() -> None:
    registry = Registry()
    first = registry.add("a1", [_person("Donald Trump")], "2016-05-01")["e1"]
    second = registry.add("a2", [_person("Donald J. Trump")], "2016-05-02")["e1"]
    son = registry.add("a3", [_person("Donald Trump Jr.")], "2016-05-03")["e1"]
    assert second == first
    assert son != first
    assert any("Donald Trump" in line for line in registry.explain(first))


def test_a_registry_build_reads_each_distinct_name_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """``build_registry`` reads every distinct person name once, in a memo of the build, and
    never through the process's bounded cache of ``parse_person``: a million sightings in
    random order hold more names than that cache keeps, and it would read most of them again
    for the block key, the match and the index."""
    read: Counter[tuple[str, ...]] = Counter()

    def counting(words: Sequence[str]) -> PersonName | None:
        read[tuple(words)] += 1
        return real(words)

    real = names.read_person
    monkeypatch.setattr(names, "read_person", counting)
    seen = synthetic_sightings(3000)
    parse_person.cache_clear()
    registry = build_registry(seen)
    assert parse_person.cache_info().hits + parse_person.cache_info().misses == 0
    people = {s.entity.name for s in seen if s.entity.type == "PERSON"}
    assert read.total() == len(people)
    assert len(registry) > len({block_key(s) for s in seen})  # (the build did join people)


def test_a_registry_build_leaves_the_garbage_collector_as_it_found_it() -> None:
    """The build pauses the cycle collector (its records hold no cycles) and gives it back in
    the state it had: on after a build, off when the caller had turned it off, on after a
    build that failed."""
    seen = synthetic_sightings(200)
    assert gc.isenabled()
    build_registry(seen)
    assert gc.isenabled()
    gc.disable()
    try:
        build_registry(seen)
        assert not gc.isenabled()
    finally:
        gc.enable()
    broken = [*seen, "not a sighting"]
    with pytest.raises(AttributeError):
        build_registry(broken)  # type: ignore[list-item]
    assert gc.isenabled()


def _titled(name: str, role: str) -> Entity:
    return _person(name).model_copy(update={"roles": [role]})


def test_a_title_fits_the_one_person_whose_role_holds_it_as_the_registry_grows() -> None:
    """The look-up by title reads an index of role words; registering another person with a
    fitting role makes the title ambiguous at once (the index is not stale)."""
    registry = Registry()
    lund = registry.add("a1", [_titled("Henrik Lund", "Danish central bank Governor")])["e1"]
    found = registry.by_title("Denmark's central bank governor")
    assert found is not None and found[0].id == lund
    assert "fits the role 'Danish central bank Governor' of only Henrik Lund" in found[1]
    only = registry.by_title("the central bank governor")
    assert only is not None and only[0].id == lund
    assert registry.by_title("Sweden's central bank governor") is None
    assert registry.by_title("the central bank") is None  # (no person's title)
    registry.add("a2", [_titled("Erik Thedeen", "Swedish central bank Governor")])
    assert registry.by_title("the central bank governor") is None  # two fit: nobody
    found = registry.by_title("Denmark's central bank governor")
    assert found is not None and found[0].id == lund


def test_nation_keys_hold_together_every_pair_of_words_that_name_one_nation() -> None:
    """The title look-up of ``quotewire spark`` meets names and people by the nation key of
    a title's head: two words that :func:`same_nation` holds equal must share it."""
    from quotewire.speakers.titles import _IRREGULAR, PERSON_TITLES, nation_key, same_nation

    words = sorted(
        {*PERSON_TITLES, *_IRREGULAR, *_IRREGULAR.values()}
        | {w + "s" for w in PERSON_TITLES}
        | {"denmark's", "danish", "senate", "sen", "us", "uk", "britain", "british"}
    )
    pairs = [(a, b) for a in words for b in words if same_nation(a, b)]
    assert len(pairs) > len(words)  # pairs of different words too
    assert all(nation_key(a) == nation_key(b) for a, b in pairs)


@pytest.mark.parametrize(
    "sentence",
    [
        "By the end of the week the senator seemed to be losing ground in the suburbs.",
        "The FBI appears to have left the scene before noon on Friday.",
        "Ohio was called for the governor shortly after midnight.",
        "The mayor is widely expected to run for a second term next year.",
    ],
)
def test_a_verb_that_names_no_source_makes_no_statement(sentence: str) -> None:
    text = "Election night in the county\n\n" + sentence
    assert _body_quotes(text) == []


@pytest.mark.parametrize(
    ("sentence", "statements"),
    [
        ("Did the mayor say that the plant would close before the winter?", 0),
        ("What did the debate tell the voters of the county?", 0),
        ("Why would any sensible voter believe that the plant will stay open?", 0),
        # the question takes the report as given: he did say it
        ("Why had the mayor claimed that the plant would close before the winter?", 1),
        ("The mayor said that the plant would close before the winter.", 1),
    ],
)
def test_a_question_asks_what_was_said_it_does_not_report_it(
    sentence: str, statements: int
) -> None:
    text = "The plant\n\n" + sentence
    assert len(_body_quotes(text)) == statements


@pytest.mark.parametrize(
    "sentence",
    [
        "A second aide, who was not authorized to discuss the budget talks, said the two sides "
        "were close.",
        "A diplomat, speaking on the condition of anonymity to describe the private meeting, "
        "said the deal was done.",
        "One donor, who requested anonymity to discuss the dinner, said the deal was done.",
    ],
)
def test_an_infinitive_of_denied_permission_or_anonymity_reports_nothing(sentence: str) -> None:
    text = "Budget talks resume in the capital\n\n" + sentence
    quotes = _body_quotes(text)
    assert [q.cue.text if q.cue else "" for q in quotes] == ["said"]


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("The mayor went on to say that the budget was balanced.", "say"),
        ("Rep. Ana Ruiz used a closed-door lunch to complain that the bill was too costly.", None),
        ("The aide, who was allowed to discuss the plan, described the cuts as painful.", None),
    ],
)
def test_an_infinitive_that_reports_stays_a_statement(sentence: str, cue: str | None) -> None:
    text = "Budget talks resume in the capital\n\n" + sentence
    quotes = _body_quotes(text)
    assert quotes, "no statement found"
    if cue is not None:
        assert cue in [q.cue.text for q in quotes if q.cue]


def test_a_present_perfect_is_not_read_as_a_passive() -> None:
    text = (
        "Election night in the county\n\n"
        "Mayor Tom Reyes thanked his volunteers. He\u2019s predicted big wins in the races ahead."
    )
    quotes = [q for q in _extract(text).quotes if q.cue is not None and "predicted" in q.cue.text]
    assert [q.speaker.name if q.speaker else "" for q in quotes] == ["Tom Reyes"]


def test_a_negated_report_is_marked_negative() -> None:
    text = (
        "Ballots lost in the storm\n\n"
        "County clerk Ana Ruiz did not say how many ballots were lost in the flood.\n\n"
        "Ruiz said the count would resume on Monday."
    )
    assert _polarities(text) == {
        "how many ballots were lost in the flood": "negative",
        "the count would resume on Monday": "positive",
    }


def test_a_report_denied_by_an_adverb_or_still_to_come_is_marked_negative() -> None:
    # "hardly clarified the matter" and "has yet to explain why" say it was not done; a
    # reader of the record must not see that it was
    text = (
        "Tax returns\n\n"
        "Mr. Ruiz hardly clarified the matter on Monday.\n\n"
        "At the very least, he has yet to explain why the loopholes should be kept.\n\n"
        "Ruiz said on Tuesday that he would pay more next year."
    )
    assert _polarities(text) == {
        "the matter": "negative",
        "why the loopholes should be kept": "negative",
        "that he would pay more next year": "positive",
    }


def test_a_pronoun_does_not_go_to_a_reporter_who_is_not_quoted() -> None:
    text = (
        "Pool closes for the winter\n\n"
        "Mayor Dana Ortiz met voters at the library on Monday. Ann Lee, a reporter for the "
        "Coastal Ledger, sat in the front row.\n\n"
        '"We have no money left for the pool," she said.'
    )
    assert _speakers(_extract(text)) == ["Dana Ortiz"]


def test_a_person_named_by_a_given_name_alone_has_its_gender() -> None:
    text = (
        "At the rally\n\n"
        "Melanie drove to the rally with her neighbor Kevin Doyle. He parked the truck.\n\n"
        '"It is finished," she said.'
    )
    assert _speakers(_extract(text)) == ["Melanie"]


def test_a_surname_the_recognizer_passes_over_is_still_its_person() -> None:
    # spaCy's small model reads a sentence-initial "Sanders" as a plural noun: the surname of
    # a person named in full is that person, so the pronoun after it is theirs.
    text = (
        "Senator Bernie Sanders and President Barack Obama spoke at the dinner.\n\n"
        "Obama said he had raised money from the banks, and he still signed the law.\n\n"
        "Sanders wasn't impressed.\n\n"
        '"No banker has gone to prison," he noted.'
    )
    result = _extract(text)
    last = result.quotes[-1]
    assert last.text.startswith("No banker")
    assert last.speaker is not None and last.speaker.name == "Bernie Sanders"


def test_a_full_name_read_as_an_organization_is_the_person_named_alone_with_its_surname() -> None:
    # The small model reads "Zohreh Malik" as an organization and "Ms. Malik" as a person.
    text = (
        "Zohreh Malik passed three background checks before she moved to the city.\n\n"
        "None of them uncovered what Ms. Malik had made little effort to hide.\n\n"
        "She said she wanted to take part, the officials said."
    )
    result = _extract(text)
    people = {e.name: e for e in result.entities if e.type == "PERSON"}
    assert "Zohreh Malik" in people
    assert not [e for e in result.entities if e.type == "ORG" and "Malik" in e.name]
    assert people["Zohreh Malik"].mentions[0].text == "Zohreh Malik"


def test_a_possessive_pronoun_speaker_is_resolved() -> None:
    text = (
        "Budget row deepens\n\n"
        "Mayor Tom Reyes spoke to reporters on Monday.\n\n"
        "His claim that the budget was balanced drew criticism from the council."
    )
    (quote,) = _extract(text).quotes
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "His"
    assert quote.speaker.name == "Tom Reyes"


def test_given_names_beyond_the_news_lists_tell_the_gender() -> None:
    # "Dexter" and "Monique" are in the census tables only: "she" inside his statement must
    # not make him a woman, and "He" after it is his.
    text = (
        "Missing passengers named\n\n"
        "Monique Arnaud, a teacher from Lyon, was flying to Cairo to visit her daughter.\n\n"
        "Dexter Hollis, a pastor in Ohio, told reporters that she was a regular at his church. "
        "He said her family asked for privacy."
    )
    result = _extract(text)
    last = result.quotes[-1]
    assert last.text.startswith("her family")
    assert last.speaker is not None and last.speaker.name == "Dexter Hollis"


def test_the_census_given_names_file_is_read() -> None:
    from quotewire.speakers.given_names import census_names, gender_of

    names = census_names()
    assert len(names) > 4000
    assert gender_of("Dexter Hollis") == "m" and gender_of("Monique Arnaud") == "f"
    assert gender_of("Ted Lowe") == "m"  # from the news list
    assert gender_of("Lee Epstein") == ""  # carried by both sexes
    assert "terry" not in names  # carried by both sexes: left open by the census table


def test_a_signature_names_the_person_in_full() -> None:
    # The recognizer reads only "Nell" (as an organization) in the signature: the person is
    # the whole signed name, and no organization "Nell" is left behind.
    text = (
        "Readers respond\n\n"
        "“What is most infuriating is that he draws so much attention away from the hard "
        "conversations we should be having.” ― Nell Carden Grey\n"
    )
    result = _extract(text)
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.name == "Nell Carden Grey"
    assert [(e.type, e.name) for e in result.entities] == [("PERSON", "Nell Carden Grey")]


def test_the_name_after_the_cue_speaks_when_the_parser_gives_it_two_subjects() -> None:
    # The parser makes the quotation's last noun ("mode") a subject of "said" beside the name.
    text = (
        "Clinton campaign worries\n\n"
        "Black voters are unhappy with the campaign.\n\n"
        "“The campaign is in panic mode. Full panic mode,” said Leslie Wimes, a South "
        "Florida-based president of the Democratic African-American Women Caucus.\n"
    )
    (quote,) = _extract(text).quotes
    assert quote.speaker is not None and quote.speaker.name == "Leslie Wimes"


def test_the_name_before_the_cue_speaks_when_the_parser_gives_it_two_subjects() -> None:
    # "One" (in the quotation) and "Rosen" are both subjects of "said"; the quotation was
    # otherwise taken as going on with the statement before it
    text = (
        "A run for the Senate\n\n"
        'Wade Ellis smiled and asked the crowd to welcome the mayor, "my new best friend."\n\n'
        '"He would be a fine senator. Not good, great. One of the hardest workers in the '
        'whole legislature," Rep. Nora T. Rosen (D-Md.) said in a phone interview.\n'
    )
    quote = _extract(text).quotes[-1]
    assert quote.text.startswith("He would be a fine senator")
    assert quote.speaker is not None and quote.speaker.name == "Nora T. Rosen"


def test_the_owner_of_a_sentence_subject_is_in_focus_for_the_next_pronoun() -> None:
    text = (
        "Court watch\n\n"
        "It is possible that Judge Harold Voss pushed Judge Martin Kell to the left.\n\n"
        "When the case was argued, Judge Voss's remarks about Judge Kell drew attention.\n\n"
        "He said some students may do better at a smaller school."
    )
    quote = _extract(text).quotes[-1]
    assert quote.text.startswith("some students")
    assert quote.speaker is not None and quote.speaker.name == "Harold Voss"


def test_a_subject_paragraphs_back_gives_way_to_someone_of_that_gender_named_since() -> None:
    text = (
        "Embassy emails released\n\n"
        '"Not bad so far," Senator Joan Avery replied to the first message.\n\n'
        "The undersecretary has emerged as a pivotal figure in the response.\n\n"
        "In a message released Friday, the chief of staff Daniel Moreau praised the aide.\n\n"
        "Moreau was answering a note from Wendy Sharp, sent from the airport. "
        '"The plane took off a few minutes ago," she wrote.'
    )
    quote = _extract(text).quotes[-1]
    assert quote.text.startswith("The plane")
    assert quote.speaker is not None and quote.speaker.name == "Wendy Sharp"


def test_a_title_apposed_to_a_name_is_that_persons_role_not_a_mention_of_another() -> None:
    text = (
        "Embassy emails released\n\n"
        '"Not bad so far," Senator Joan Avery replied to the first message.\n\n'
        "In a message released Friday, the chief of staff Daniel Moreau praised the staff."
    )
    result = _extract(text)
    people = {e.name: e for e in result.entities if e.type == "PERSON"}
    assert [m.text for m in people["Joan Avery"].mentions] == ["Senator Joan Avery"]
    assert people["Daniel Moreau"].roles == ["chief"]


def test_who_after_a_persons_apposed_phrase_is_that_person() -> None:
    text = (
        "Carrier jobs\n\n"
        "Howard Rubel, a senior analyst at Jefferies, who notes that the company has vowed to "
        "cut costs, was not surprised.\n\n"
        "The plan was praised by Maria Lopez of the Acme Institute, who said it would save jobs."
    )
    speakers = [q.speaker.name if q.speaker else None for q in _extract(text).quotes]
    assert speakers == ["Howard Rubel", "Maria Lopez"]


def test_a_bare_shared_surname_is_the_principal_not_the_relative() -> None:
    text = (
        "Campaign trail\n\n"
        "Senator Ted Cruz spoke in Iowa on Monday. His wife, Heidi Cruz, joined him on stage.\n\n"
        'Cruz said the race was close. "We will win this," his wife said.'
    )
    result = _extract(text)
    by_text = {q.text: q.speaker.name if q.speaker else None for q in result.quotes}
    assert by_text["the race was close"] == "Ted Cruz"
    assert by_text["We will win this"] == "Heidi Cruz"


def test_company_names_are_organizations_not_people_or_places() -> None:
    text = (
        "Energy talks\n\n"
        "Rosatom said the plant in Scandinavia would open in 2029. Gazprom said exports rose "
        "by 5 percent, and Dana Milbank wrote that Milbank had doubts."
    )
    types = {e.name: e.type for e in _extract(text).entities}
    assert types["Rosatom"] == "ORG" and types["Gazprom"] == "ORG"
    assert types.get("Scandinavia") in ("GPE", "LOC")
    assert types["Dana Milbank"] == "PERSON"


def test_saying_after_a_report_of_its_own_is_that_speakers() -> None:
    text = (
        "Prosecutors\n\n"
        'Voss cannot say that "from his point of view," Kell added, saying it should be "up '
        'to the prosecutor."\n'
    )
    quotes = {q.cue.text if q.cue else "": q for q in _extract(text).quotes}
    saying = quotes["saying"]
    assert saying.speaker is not None and saying.speaker.name == "Kell"


def test_a_name_keeps_the_accents_a_plain_spelling_left_out() -> None:
    text = (
        "Francois Hollande Says Trump Is Wrong\n\n"
        "French President François Hollande has joined a list of leaders who criticized the "
        "candidate.\n\n"
        '"It is a world election," Hollande said.\n'
    )
    names = {q.speaker.name for q in _extract(text).quotes if q.speaker}
    assert names == {"François Hollande"}


def test_a_title_owned_by_a_named_person_is_someone_else() -> None:
    text = (
        "Party elder urges plan\n\n"
        "\u201cNow is the time to act,\u201d said Dan Fuller, who led the committee in the "
        "1990s.\n\n"
        "Fuller noted that in 1972 he backed a decision to replace Tom Eagle as George "
        "Maxwell\u2019s vice presidential nominee, the only time a party has done so.\n\n"
        "Though that change was smooth, he said, replacing the nominee now would be much "
        "harder.\n\n"
        "Senator Ruth Ames spoke first. Ames\u2019s niece said the family would stay out of the "
        "race."
    )
    quotes = _body_quotes(text)
    by_content = {q.content[0].text[:20]: q.speaker.name if q.speaker else None for q in quotes}
    # "Maxwell's nominee" puts no one in focus: "he" is still the man speaking
    assert by_content["replacing the nomine"] == "Dan Fuller"
    # "Ames's niece" is not Ames, and nothing names her
    assert by_content["the family would sta"] != "Ruth Ames"


def test_a_name_right_before_a_gerund_of_speech_says_it() -> None:
    text = (
        "Ad wars in the county\n\n"
        "The ad ends with footage of Lopez saying during the forum last week, \u201cThat makes "
        "me tough,\u201d when Reyes attacked her record.\n\n"
        "The crowd cheered in support of Lopez, saying the plan was fair."
    )
    quotes = _body_quotes(text)
    by_content = {q.content[0].text[:12]: q.speaker.name if q.speaker else None for q in quotes}
    assert by_content["That makes m"] == "Lopez"
    assert by_content["the plan was"] == "The crowd"  # set off by a comma: the crowd's words


def test_a_speaking_aside_inside_a_reported_infinitive_is_the_reporters() -> None:
    text = (
        "Mayor under fire\n\n"
        "Even a top party strategist said Lind will have to choose whose side she\u2019s on, "
        "saying, \u201cAt some point, she\u2019s going to have to come out on this.\u201d"
    )
    quote = _extract(text).quotes[-1]
    assert quote.text.startswith("At some point")
    assert quote.speaker is not None and quote.speaker.name != "Lind"
    assert quote.speaker.mention is not None and "strategist" in quote.speaker.mention.text


def test_people_of_a_place_are_not_the_place() -> None:
    text = (
        "Mayor under fire\n\n"
        "Dover residents have accused Mayor Ana Lind of withholding facts about the shooting."
    )
    quote = _extract(text).quotes[-1]
    assert quote.speaker is not None and quote.speaker.name != "Dover"


def test_a_name_the_parser_joins_to_its_verb_is_still_the_subject() -> None:
    # "Brooks bristles" is parsed as one noun with "Brooks" a compound of the verb
    text = (
        "Race for the seat\n\n"
        "Councilman Carl Brooks has served the district for two decades.\n\n"
        '"He has never shown much appetite for a statewide race," said Peter Lang, a pollster '
        'at Dunmore College. "Nobody knows whether he can raise the money."\n\n'
        "Brooks bristles at the suggestion he won't be ready. \"I have raised what I needed "
        'every single time," he said.'
    )
    assert _speakers(_extract(text)) == ["Peter Lang", "Carl Brooks"]


def test_a_pronoun_speaker_is_not_the_person_spoken_to() -> None:
    text = (
        "Town hall\n\n"
        "At a diner in Ames, supporter Dale Novak said he drove three hours to ask Senator "
        "Ken Adler about farm loans. Adler wrote the bill that doubled them.\n\n"
        '"Farmers in my county have been squeezed by the banks for years," he told Adler.'
    )
    assert _speakers(_extract(text))[-1] == "Dale Novak"


def test_a_title_that_is_not_a_subject_does_not_take_the_focus() -> None:
    # "the speaker" (Ryan) is an object inside Zeller's statement; "he" is still Zeller
    text = (
        "Unity talks\n\n"
        "House Speaker Paul Ryan told a news conference that the party was planting seeds.\n\n"
        "Rep. Leo Zeller of Ohio, a supporter of the nominee, said it will help both the "
        "candidate and the speaker if they can work through their differences.\n\n"
        "\u201cI don\u2019t think it\u2019s do or die, any endorsement in particular,\u201d "
        "he said outside the building."
    )
    assert _speakers(_extract(text))[-1] == "Leo Zeller"


def test_an_honorific_tells_the_gender_over_a_given_names_list() -> None:
    # "Lou" is listed as a woman's name; "Mr. Lou" is a man, the "he" that follows
    text = (
        "Steel cuts\n\n"
        "Finance Minister Lou Jiwei spoke at the forum. Premier Li Keqiang said the cuts were "
        "needed.\n\n"
        'The government cannot plan the economy as it once did, Mr. Lou said. "So it is very '
        'hard to estimate how many people you lose," he said.'
    )
    assert _speakers(_extract(text))[-1] == "Lou Jiwei"


@pytest.mark.parametrize(
    "intro",
    ["Ortiz fired back forcefully:", "Ortiz delivered a snappy retort:"],
)
def test_a_clause_ending_in_a_colon_introduces_the_quotation_after_it(intro: str) -> None:
    text = (
        "Debate night\n\n"
        "When Governor Hal Brennan suggested that the port would close, Senator Ana Ortiz "
        "was ready.\n\n"
        f'{intro} "If they close the port, they will lose the state."'
    )
    assert _speakers(_extract(text))[-1] == "Ana Ortiz"


def test_a_parenthetical_tag_with_two_subjects_is_the_named_speakers() -> None:
    # the parser makes both "Voters" and "Clinton" subjects of "suggested"
    text = (
        "Banks\n\n"
        "Voters, Clinton suggested, don't have to worry that big banks can influence politics."
    )
    (quote,) = _body_quotes(text)
    assert quote.speaker is not None and quote.speaker.name == "Clinton"
    assert [c.text for c in quote.content] == [
        "Voters",
        "don't have to worry that big banks can influence politics",
    ]


def test_the_subject_of_a_passive_says_its_infinitive() -> None:
    text = (
        "Debate night\n\n"
        "Much of the debate was so quiet that Governor Ruth Alvarez was prompted to say, "
        '"So far, I cannot believe how civil it has been up here."\n\n'
        "The treasurer was forced to admit that the budget was short."
    )
    result = _extract(text)
    assert [q.type for q in result.quotes] == ["direct", "indirect"]
    assert _speakers(result) == ["Ruth Alvarez", "The treasurer"]


def test_a_bare_shared_surname_goes_to_the_person_in_focus_not_the_one_named_last() -> None:
    text = (
        "Lopez courts young voters\n\n"
        "Senator Maria Lopez's campaign opened an office in Dayton on Monday.\n\n"
        "The town's new park bears Carlos Lopez's name.\n\n"
        "The race is tight, with many of those over 45 supporting Lopez.\n\n"
        "Lopez said on Monday that the office would stay open until the vote.\n\n"
        "Police Chief Daniel Lopez says burglaries fell by a third this year.\n\n"
        "Last month, the state warned cities to keep their patrols.\n\n"
        "Lopez said the department would hire ten officers in May."
    )
    result = _extract(text)
    assert _speakers(result) == ["Maria Lopez", "Daniel Lopez", "Daniel Lopez"]
    (carlos,) = [e for e in result.entities if e.name == "Carlos Lopez"]
    assert [m.text for m in carlos.mentions] == ["Carlos Lopez's"]


@pytest.mark.parametrize("phrase", ["Mayor Ruiz's rivals", "Mayor Ruiz's critics"])
def test_people_named_by_their_tie_to_someone_are_not_that_person(phrase: str) -> None:
    text = (
        "City hall\n\n"
        "Mayor Elena Ruiz opened the new library on Monday.\n\n"
        f"{phrase} said that the library had cost twice its budget."
    )
    (quote,) = _body_quotes(text)
    assert quote.speaker is not None and quote.speaker.name != "Elena Ruiz"


def test_an_honorific_keeps_a_bare_surname_from_the_other_gender_named_in_full() -> None:
    # the article names only the wife in full; "Mr. Okafor" and the bare "Okafor" of an
    # article that writes "Mr. Okafor" each time are her husband, never her
    text = (
        "Okafor asks voters to turn out\n\n"
        "Governor Okafor told students on Saturday that staying home would be a personal "
        "insult.\n\n"
        '"My name is not on the ballot, but our work is," Mr. Okafor said.\n\n'
        "The campaign plans to send Mr. Okafor and his wife, Grace Okafor, to three states."
    )
    result = _extract(text)
    assert _speaker_of(text, "personal insult") == _speaker_of(text, "ballot") == "Okafor"
    wife = next(e for e in result.entities if e.name == "Grace Okafor")
    assert [m.text for m in wife.mentions] == ["Grace Okafor"]


def test_mrs_and_mr_with_one_surname_are_two_people() -> None:
    text = (
        "Campaign\n\n"
        "Hillary Clinton spoke in Ohio. Mrs. Clinton said the plan was fair.\n\n"
        "Later, Mr. Clinton's record came up. Mrs. Clinton said the attacks were old."
    )
    result = _extract(text)
    assert _speakers(result)[-2:] == ["Hillary Clinton", "Hillary Clinton"]
    people = {e.name: len(e.mentions) for e in result.entities if e.type == "PERSON"}
    assert people.get("Clinton") == 1  # "Mr. Clinton's", not Hillary's


@pytest.mark.parametrize(
    "sentence",
    [
        "Prime Minister Ana Duarte said this week that the country would formally leave the "
        "union by March and suggested that it would also quit the customs pact.",
        "Duarte said her recent attacks on the union have given her party momentum and said "
        "that it would also quit the customs pact.",
        "Duarte says the obvious answer was to leave the union and says it would also quit "
        "the customs pact.",
    ],
)
def test_a_report_the_parser_hung_on_the_reported_clause_is_the_reporters(
    sentence: str,
) -> None:
    # the second verb cannot share the reported verb's "would"/"have" or tense
    result = _extract(f"Customs\n\n{sentence}")
    quotes = [q for q in result.quotes if q.type != "headline"]
    last = max(quotes, key=lambda q: q.content[0].start)
    assert last.content[-1].text.endswith("customs pact")
    assert last.speaker is not None and last.speaker.name.endswith("Duarte")


def test_a_report_after_a_clause_set_off_by_a_comma_keeps_its_own_subject() -> None:
    # "announced ..., Ortiz was holding" is a misparse, not a report of "announced"
    text = (
        "Campaign\n\n"
        "At the moment Lee announced her candidacy last spring, Ortiz was holding a meeting in "
        "his office and told aides that he viewed Lee as a genuine threat."
    )
    quote = next(q for q in _extract(text).quotes if "genuine threat" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Ortiz"


@pytest.mark.parametrize("owner", ["Harris\u2019", "Williams\u2019", "Sanders'"])
def test_a_title_owned_with_a_bare_apostrophe_is_not_its_owner(owner: str) -> None:
    text = (
        "Primary\n\n"
        f"Senator Ana {owner[:-1]} won in Vermont on Tuesday.\n\n"
        f"{owner} campaign manager said the governor was popular across the state."
    )
    (quote,) = _body_quotes(text)
    assert quote.speaker is not None and quote.speaker.name == f"{owner} campaign manager"


def test_a_surname_the_parser_read_as_a_verb_is_still_the_subject_in_focus() -> None:
    # the tagger reads "Okafor himself was" with "Okafor" as a verb, and the recognizer misses it
    text = (
        "Campaign\n\n"
        "Paul Lind became chairman of Donald Okafor\u2019s campaign.\n\n"
        "Lind politely suggested that this might be seen as condescending and cautioned "
        "against it. The post went out. Okafor himself was delighted by the resulting "
        "controversy. \u201cThe people who were offended were people we wanted to offend,\u201d "
        "he later said."
    )
    assert _speakers(_extract(text))[-1] == "Donald Okafor"


def test_a_name_that_modifies_a_title_is_not_the_person_it_names() -> None:
    text = (
        "Rally\n\n"
        "Mayor Ana Lind spoke on Monday.\n\n"
        "A Lind aide said the rally would go on. Lind adviser Tom Ortiz said it would be long."
    )
    speakers = [s for s in _speakers(_extract(text)) if s]
    assert speakers[-2:] == ["A Lind aide", "Tom Ortiz"]


def test_a_tag_whose_name_the_parser_gave_to_the_participle_after_it() -> None:
    # "said retired surgeon Ben Okafor, asked about ...": "Okafor asked" in the parse
    text = (
        "Debate\n\n"
        "Mayor Ruth Lind spoke first.\n\n"
        "\u201cI am not going to say it is a mistake, so forget about it,\u201d said retired "
        "surgeon Ben Okafor, asked about his claims that he had received an offer from the "
        "academy."
    )
    quotes = _body_quotes(text)
    said = next(q for q in quotes if q.type == "direct")
    asked = next(q for q in quotes if "academy" in q.text)
    assert said.speaker is not None and said.speaker.name == "Ben Okafor"
    assert asked.speaker is None  # he was asked; who asked is not named


def test_an_organization_the_recognizer_passed_over_is_the_one_named_before() -> None:
    result = _extract(
        "Economists at the Tax Policy Center reviewed the plan on Monday.\n\n"
        "The Tax Policy Center estimated that the plan would raise $1.1 trillion over a decade.\n"
    )
    (quote,) = [q for q in result.quotes if "trillion" in q.text]
    assert quote.speaker is not None
    named = {e.id: e for e in result.entities}
    assert quote.speaker.entity in named
    assert named[quote.speaker.entity].name == "Tax Policy Center"
    assert quote.speaker.name == "Tax Policy Center"


@pytest.mark.parametrize(
    "subject",
    [
        "The other buyer, her neighbour Mary Collins, 52,",
        "Her former partner at Brightwell Capital, Mary Collins,",
    ],
)
def test_a_name_apposed_past_a_second_noun_is_the_speaker(subject: str) -> None:
    result = _extract(
        "Two buyers waited outside the auction house.\n\n"
        f'{subject} described the sale as a disgrace. "Nobody told us the date," she said.\n'
    )
    assert _speakers(result) == ["Mary Collins", "Mary Collins"]


def test_a_surname_of_several_words_alone_is_the_person_named_in_full() -> None:
    result = _extract(
        "Van Buren says the port will reopen\n\n"
        "Mayor Tom van Buren said on Monday that the port would reopen soon.\n\n"
        "Later, Ortega Ruiz said the ferries were running. Harbor chief Pedro Ortega Ruiz "
        "spoke at the pier.\n"
    )
    assert _speakers(result) == ["Tom van Buren", "Tom van Buren", "Pedro Ortega Ruiz"]


def test_a_given_name_and_a_surname_written_alone_are_a_person_not_a_company() -> None:
    result = _extract(
        "Nadia Okonjo’s ‘1989’ Explores The Harbor Strike\n\n"
        "The documentary by director Nadia Okonjo opened the festival on Friday. "
        "Okonjo said the film took six years to make.\n\n"
        '"We filmed every tide," Okonjo said.\n'
    )
    assert [(e.name, e.type) for e in result.entities] == [("Nadia Okonjo", "PERSON")]
    assert _speakers(result) == ["Nadia Okonjo", "Nadia Okonjo"]


@pytest.mark.parametrize("verb", ["remembered", "beamed", "reacted"])
def test_a_verb_inverted_before_a_named_person_tags_the_quotation(verb: str) -> None:
    result = _extract(
        "The board approved the merger in May.\n\n"
        f'"Everyone told her not to do it, and she did it anyway," {verb} Roy Verley, '
        'a former spokesman. "She was determined."\n'
    )
    assert _speakers(result) == ["Roy Verley"]
    assert result.quotes[0].cue is not None and result.quotes[0].cue.text == verb


@pytest.mark.parametrize(
    "group", ["Friends of Mr. Reyes's", "Allies of Senator Tom Reyes", "Supporters of Tom Reyes"]
)
def test_a_group_named_by_its_tie_to_a_person_is_not_that_person(group: str) -> None:
    result = _extract(
        "Senator Tom Reyes spoke in Dover on Monday.\n\n"
        f"{group} say that his energy has faded since the spring.\n"
    )
    (quote,) = result.quotes
    assert quote.speaker is not None and quote.speaker.name == group
    assert quote.speaker.entity is None


def test_who_after_a_conjunction_and_a_name_given_by_named_is_that_person() -> None:
    result = _extract(
        "The senator rallied for a retired teacher named Ellen Marsh, who is running for the "
        'council and who worked the crowd, praising "the senator\'s patience" as she promised '
        "to keep the library open.\n"
    )
    assert _speakers(result) == ["Ellen Marsh", "Ellen Marsh"]


def test_the_object_a_verb_makes_act_says_the_infinitive() -> None:
    text = (
        "Bank hearing\n\n"
        "The committee chairwoman forced Dana Whitlock, who was testifying for the bank, to "
        "admit that no executive had been fired."
    )
    (quote,) = _body_quotes(text)
    assert quote.cue is not None and quote.cue.text == "admit"
    assert quote.speaker is not None and quote.speaker.name == "Dana Whitlock"


def test_a_news_conference_announcing_is_its_speakers_announcement() -> None:
    text = (
        "Lawsuit\n\n"
        "“We will not back down,” Governor Ana Pruitt said at a news conference announcing "
        "that the state would sue the company."
    )
    quotes = _body_quotes(text)
    assert [q.cue.text if q.cue else "" for q in quotes] == ["said", "announcing"]
    assert [q.speaker.name if q.speaker else "" for q in quotes] == ["Ana Pruitt", "Ana Pruitt"]


def test_the_owner_of_an_answer_that_was_to_say_says_it() -> None:
    text = (
        "Debate\n\n"
        "Senator Tom Heller struggled in the debate. Asked about wages, his only answer was to "
        "say that the market would fix them."
    )
    (quote,) = _body_quotes(text)
    assert quote.speaker is not None and quote.speaker.name == "Tom Heller"
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "his"


@pytest.mark.parametrize(
    "sentence, speaker",
    [
        # the parser gives "reported" two subjects, "station" and "KXTV"
        ("Local news station KXTV reported that a driver was surprised to see the sign.", "KXTV"),
        ("The crowd cheers as Mayor Tom Lund says the city will never give up.", "Tom Lund"),
    ],
)
def test_of_two_subjects_the_parser_gives_a_verb_the_named_one_speaks(
    sentence: str, speaker: str
) -> None:
    (quote,) = _body_quotes(f"Signs\n\n{sentence}")
    assert quote.speaker is not None and quote.speaker.name == speaker


def test_a_titled_surname_read_as_an_organization_is_the_person_with_a_suffix() -> None:
    # the recognizer reads "Representative Brooks" as an organization; the person named in
    # full ends in "Jr.", which is no surname
    text = (
        "Trade fight\n\n"
        "Sen. Ted Cruz spoke first. The seat went in 2010 to Morris J. Brooks Jr., a critic of "
        "trade deals.\n\n"
        "Representative Brooks has said that he would consider new tariffs.\n\n"
        "“We are going to fight for these jobs,” he said."
    )
    quotes = _body_quotes(text)
    assert [q.speaker.name if q.speaker else "" for q in quotes] == ["Morris J. Brooks Jr"] * 2


@pytest.mark.parametrize("phrase", ["Mr. Okafor's lawyer", "Okafor's family", "Okafor's lawyers"])
def test_a_persons_lawyer_or_family_is_not_that_person(phrase: str) -> None:
    text = (
        "Contempt vote\n\n"
        "The panel voted to hold Daniel Okafor in contempt on Thursday.\n\n"
        f"{phrase} said he will refuse to answer any questions from the panel."
    )
    quote = next(q for q in _extract(text).quotes if "refuse" in q.text)
    assert quote.speaker is not None and "Daniel Okafor" not in quote.speaker.name


def test_what_a_speaker_declined_or_refused_to_say_is_marked_negative() -> None:
    text = (
        "Hacking\n\n"
        "This week, the governor declined to threaten Moscow or even directly declare it "
        "responsible. The mayor declined to comment and said that the city would wait.\n\n"
        "In the course of their report the auditors could not resist pointing out that every "
        "late payment did not result in a fine."
    )
    polarity = _polarities(text)
    assert polarity["it responsible"] == "negative"
    assert polarity["that the city would wait"] == "positive"
    assert polarity["that every late payment did not result in a fine"] == "positive"
    assert all(p == "negative" for t, p in polarity.items() if t.startswith("to "))


def test_a_verb_joined_to_an_adverbial_clause_has_that_clauses_subject() -> None:
    # the parser joins "told" to "doing", whose subject is the candidate
    text = (
        "Removed\n\n"
        "Spokeswoman Dana Ortiz said the candidate was headed to the venue to take part in "
        "media interviews, which she was doing when police and campus security located her "
        "and told her to leave."
    )
    quote = next(q for q in _extract(text).quotes if q.cue is not None and q.cue.text == "told")
    assert quote.speaker is not None and quote.speaker.name == "police"


def test_a_description_by_age_and_gender_is_the_person_in_focus() -> None:
    text = (
        "Leave plan\n\n"
        "Nora Quill, the candidate's eldest daughter, described the rule in an interview last "
        "week. She said fathers would not be eligible, and when pressed on why the plan leaves "
        'out dads, the 34-year-old mother of three replied, "It is meant for the mother."'
    )
    quote = next(q for q in _body_quotes(text) if q.type == "direct")
    assert quote.speaker is not None and quote.speaker.name == "Nora Quill"


def test_a_document_speaks_for_who_put_it_out_not_for_who_came_by_it() -> None:
    text = (
        "Fraud case\n\n"
        "According to a civil complaint filed by the federal Securities and Exchange "
        "Commission, the developers took $50 million from investors.\n\n"
        "A previously undisclosed email obtained by Citizens United shows that the dinner "
        "cost $40,000."
    )
    assert _speaker_of(text, "developers") == "Securities and Exchange Commission"
    assert _speaker_of(text, "dinner") != "Citizens United"


def test_the_rest_of_a_miss_title_is_not_a_given_name() -> None:
    text = (
        "Pageant row\n\n"
        "The mayor mocked former Miss Universe Alicia Machado on Friday. Machado said she "
        "would not answer him."
    )
    assert _speaker_of(text, "not answer him") == "Alicia Machado"


def test_people_named_by_their_tie_to_a_person_or_body_are_not_it() -> None:
    text = (
        "Plant closing\n\n"
        "Senator Ted Cruz spoke on Monday. Mr. Cruz's associates said he would run again. "
        "Carrier said it would move the plant. Many Carrier workers said they felt betrayed. "
        "Some GOP insiders said the party was split. The GOP candidate said he would win."
    )
    speakers = {q.text: q.speaker.name if q.speaker else None for q in _body_quotes(text)}
    assert speakers["he would run again"] == "Mr. Cruz's associates"
    assert speakers["it would move the plant"] == "Carrier"
    assert speakers["they felt betrayed"] == "Many Carrier workers"
    assert speakers["the party was split"] == "Some GOP insiders"
    assert speakers["he would win"] != "GOP"


def test_a_party_and_district_code_is_no_speaker() -> None:
    text = (
        "Rally\n\n"
        'The mayor\'s niece, state Del. Dana "Dee" Price (D-Newport News), shouted to the '
        'crowd: "The nation is watching Virginia tonight."'
    )
    assert "Newport" not in (_speaker_of(text, "watching Virginia") or "")


def test_a_doctor_named_by_the_body_or_person_served_is_neither() -> None:
    """ "A City Hall doctor said", "Mayor Tom Reyes's doctor said": someone else than the body
    or the person served."""
    text = (
        "The mayor's health\n\n"
        "A City Hall doctor said the mayor was healthy. Mayor Tom Reyes's doctor said the "
        "mayor was extremely fit."
    )
    assert _speaker_of(text, "the mayor was healthy") == "A City Hall doctor"
    assert _speaker_of(text, "the mayor was extremely fit") != "Tom Reyes"


def test_a_surname_misspelt_by_one_letter_is_the_person_named_in_full() -> None:
    # The writer slips on the surname ("McLenney", "McLenny" for McClenney); the recognizer
    # reads the slip as an organization, and the "she" after it then went to Clinton.
    text = (
        "Voters weigh in\n\n"
        "Two voters, Tyresha McClenney and Bryan Anderson, saw Tim Kaine speak at a rally.\n\n"
        "McLenney said Clinton doesn't show consistency in her concern for racial issues.\n\n"
        "\u201cIt's only when the media gets a video,\u201d she said.\n\n"
        "Anderson largely agreed with McLenny.\n\n"
        "\u201cA lot of her attempts come across as pandering,\u201d he said."
    )
    assert _speaker_of(text, "consistency") == "Tyresha McClenney"
    assert _speaker_of(text, "only when the media") == "Tyresha McClenney"
    assert _speaker_of(text, "pandering") == "Bryan Anderson"


def test_a_slip_is_one_letter_in_a_long_surname_never_a_plural() -> None:
    assert misspelt("Giulini", "Giuliani") and misspelt("Sweeny", "Sweeney")
    assert misspelt("Jonhson", "Johnson")  # two letters swapped
    assert not misspelt("Clintons", "Clinton") and not misspelt("Khans", "Khan")
    assert not misspelt("Kane", "Kaine")  # short names one letter apart are often two people
    assert not misspelt("Jackson", "Johnson") and not misspelt("Baker", "Barker")


def test_a_body_named_by_the_person_it_serves_speaks_as_the_body() -> None:
    # "The Reyes campaign has said ..." is the campaign's word, not the candidate's; its
    # figures are the campaign's as well
    text = (
        "Tax returns\n\n"
        "Senator Tom Reyes spoke in Ohio on Monday.\n\n"
        "The Reyes campaign has said he is not being audited for returns before 2009.\n\n"
        "Ann Lee's campaign said the plan would cost $4 billion.\n\n"
        "Reyes said the audit would end soon."
    )
    result = _extract(text)
    assert _speaker_of(text, "not being audited") == "Reyes campaign"
    assert _speaker_of(text, "cost $4 billion") == "Lee campaign"
    assert _speaker_of(text, "audit would end") == "Tom Reyes"
    (cost,) = result.claims
    assert cost.claimant is not None and cost.claimant.name == "Lee campaign"
    campaign = next(e for e in result.entities if e.name == "Reyes campaign")
    assert campaign.type == "ORG"


def test_a_tie_named_with_another_word_is_the_person_introduced_with_it() -> None:
    text = (
        "An attorney for Ana Lind, Mark Ruiz, said on Monday that his client would not testify "
        "before the committee.\n\n"
        "The chairman insisted he had new questions for her. However, Lind's lawyer has said "
        "she will refuse to answer any questions from the panel."
    )
    result = run_one(Document(id="t", text=text))
    quote = next(q for q in result.quotes if "refuse to answer" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Mark Ruiz"
    ruiz = next(e for e in result.entities if e.name == "Mark Ruiz")
    assert "attorney for Ana Lind" in ruiz.roles


def test_of_two_subjects_a_fronted_phrase_that_a_comma_ends_is_not_the_speaker() -> None:
    # The parser hangs the fronted phrase on the verb as a second subject; the subject is the
    # one after the comma. A list of subjects keeps its first member.
    text = (
        "Council Weighs Rent Plan\n\n"
        "Her pledges to help renters notwithstanding, independent studies agree the richest "
        "landlords would gain the most from the plan.\n\n"
        "The union, tenants and local pastors have been demanding that the council publish "
        "the contract."
    )
    assert _speaker_of(text, "richest landlords") == "independent studies"
    assert _speaker_of(text, "publish the contract") == "The union"


def test_a_pronoun_after_a_paragraph_that_introduces_someone_is_the_one_introduced() -> None:
    # News copy names a new person in full, then quotes them in the next paragraph with "he
    # said"; the speaker of the paragraph before that is not the one speaking.
    text = (
        "Budget Vote\n\n"
        'Senator Paul Reyes spoke first at the hearing on Monday. "We will vote no," he said.\n\n'
        "The loudest cheers went to Tom Alvarez, a farmer from Lodi who drove four hours to "
        "the hearing.\n\n"
        '"I came to be heard," he said.\n\n'
        'Reyes left early. "It was a long day," he said later.'
    )
    assert _speaker_of(text, "We will vote no") == "Paul Reyes"
    assert _speaker_of(text, "I came to be heard") == "Tom Alvarez"
    assert _speaker_of(text, "It was a long day") == "Paul Reyes"


def test_a_definite_title_names_again_the_one_person_the_passage_is_about() -> None:
    # Nobody in the article holds the title; the one person mentioned just before is its
    # subject. With two people named, or a title of someone from elsewhere, nobody is guessed.
    text = (
        "Harbor Plan\n\n"
        "Dana Whitfield toured the harbor on Monday with dock workers.\n\n"
        "The Republican candidate said the port needed new cranes.\n\n"
        "Whitfield later met Governor Omar Lutz to discuss the plan. The candidate said the "
        "meeting went well.\n\n"
        "The Mexican president said the trade route mattered to both countries."
    )
    assert _speaker_of(text, "new cranes") == "Dana Whitfield"
    assert _speaker_of(text, "meeting went well") == "The candidate"  # Whitfield or Lutz
    assert _speaker_of(text, "trade route") == "The Mexican president"
    # an interviewer, even one quoted asking, is not whom the title names
    interview = (
        "Harbor Plan\n\n"
        "Sen. Dana Whitfield said in an interview with KQED's Ruth Okafor that the port "
        "needed new cranes.\n\n"
        '"So you would fund them?" Okafor asked.\n\n'
        '"I would, yes," the senator said.'
    )
    assert _speaker_of(interview, "I would, yes") != "Ruth Okafor"


def test_whoever_lets_people_know_something_tells_it_to_them() -> None:
    text = (
        "Harbor Plan\n\n"
        "Mayor Ines Ferro wants to let the dock workers know that the port will stay open."
    )
    quote = next(q for q in _body_quotes(text) if "stay open" in q.text)
    assert quote.speaker is not None and quote.speaker.name == "Ines Ferro"


def test_which_right_after_an_organization_is_that_organization_when_the_parse_strays() -> None:
    # The parser hangs "which reported" on "turned", not on "Department"; with no comma
    # between, "which" is the department.
    text = (
        "Harbor Crime\n\n"
        "To settle the question, they turned to the Lakeside Police Department which reported "
        "“1,204 burglaries” in the city between January 1 and September 18."
    )
    assert _speaker_of(text, "burglaries") == "Lakeside Police Department"


def test_a_member_named_by_state_and_party_is_a_person_not_the_state() -> None:
    # "a Vermont Democrat" is someone unnamed; "the Oregon Republican" names again the one
    # the passage is about, never one of another party and never the state.
    text = (
        "Dam Hearing\n\n"
        "Republican Sen. Ruth Calloway is criticizing President Omar Lutz over the dam. "
        "Calloway has led the fight for a year.\n\n"
        "In a statement, the Oregon Republican said the project wasted public money.\n\n"
        "“The dam will never pay for itself,” said a Vermont Democrat who asked not to be "
        "named."
    )
    assert _speaker_of(text, "wasted public money") == "Ruth Calloway"
    assert _speaker_of(text, "pay for itself") == "a Vermont Democrat"
    ruled_out = text.replace("the Oregon Republican", "the Oregon Democrat")
    assert _speaker_of(ruled_out, "wasted public money") == "the Oregon Democrat"


def test_a_title_with_a_state_names_again_the_holder_the_passage_is_about() -> None:
    # "the Idaho senator" names the senator in focus, never a governor, nor a holder of the
    # title from another state; "one Idaho official" is someone unnamed.
    text = (
        "Dam Hearing\n\n"
        "Sen. Ruth Calloway met Gov. Omar Lutz, the former Utah governor, on Monday. "
        "Calloway toured the dam afterwards.\n\n"
        "The Idaho senator said the project wasted public money. "
        "The Idaho governor said the dam was safe. "
        "One Idaho official said the state would appeal."
    )
    assert _speaker_of(text, "wasted public money") == "Ruth Calloway"
    assert _speaker_of(text, "dam was safe") == "The Idaho governor"
    assert _speaker_of(text, "would appeal") == "One Idaho official"


def test_an_indefinite_person_is_someone_new_and_unnamed() -> None:
    # "a senior official", "one Calloway aide", "an Orbit News reporter" are nobody named
    # before, nor the body or person named inside; "said Ana Ruiz, a strategist" is Ruiz.
    text = (
        "Dam Hearing\n\n"
        "Sen. Ruth Calloway, the former secretary of state, defended the dam on Monday.\n\n"
        "“The dam was never safe,” said a senior administration official who asked not to "
        "be named. “It's a cover-up,” said one Calloway aide. An Orbit News reporter asked "
        "whether the dam would close.\n\n"
        "“We will win this,” said Ana Ruiz, a Democratic strategist."
    )
    assert _speaker_of(text, "never safe") == "a senior administration official"
    assert _speaker_of(text, "cover-up") == "one Calloway aide"
    assert _speaker_of(text, "dam would close") == "An Orbit News reporter"
    assert _speaker_of(text, "win this") == "Ana Ruiz"


def test_a_time_says_nothing() -> None:
    # A time the parser reads as a subject is nobody; the person who had the moment speaks.
    text = (
        "Dam Hearing\n\n"
        "Only time will tell if the dam will hold.\n\n"
        "Calloway had a strong moment that could play well at home, forcefully denouncing "
        "the dam's builders.\n\n"
        "Although the board met, a White House official who spoke anonymously said Wednesday, "
        "“There are talks about the dam.”"
    )
    speakers = {q.text: q.speaker.name if q.speaker else None for q in _body_quotes(text)}
    assert not any("dam will hold" in t for t in speakers)
    assert _speaker_of(text, "builders") == "Calloway"
    assert _speaker_of(text, "talks about the dam") == "a White House official"


def test_a_title_names_again_only_someone_named_before_and_never_a_lesser_office() -> None:
    # The vice presidential nominee named further down is not "the Democratic presidential
    # nominee" of an earlier section.
    text = (
        "Campaign Notes\n\n"
        "1:40 p.m.\n\n"
        "Giving a speech in Toledo, Ruth Calloway says the dam must close. The Democratic "
        "presidential nominee says every child deserves clean water.\n\n"
        "1:13 p.m.\n\n"
        "Republicans are slamming Democratic vice presidential nominee Omar Lutz for his "
        "past work. Lutz says he is proud of it."
    )
    assert _speaker_of(text, "clean water") == "Ruth Calloway"


def test_a_name_the_recognizer_calls_an_organization_is_a_person_by_its_apposition() -> None:
    # spaCy reads "Keith Lamont Scott" as an organization; "a 43-year-old black man" and the
    # surname written alone say he is a person, so his wife stays apart from him and "she"
    # is hers.
    text = (
        "Charlotte Shooting\n\n"
        "The shooting happened Tuesday afternoon as Keith Lamont Scott, a 43-year-old black "
        "man, sat in his parked truck. Police said Scott had a gun and told him to drop it.\n\n"
        "Rakeyia Scott can be heard on the recording telling the officers that her husband "
        "had no weapon.\n\n"
        "“Don't shoot him,” she says."
    )
    result = _extract(text)
    people = {e.name for e in result.entities if e.type == "PERSON"}
    assert {"Keith Lamont Scott", "Rakeyia Scott"} <= people
    assert _speaker_of(text, "Don't shoot him") == "Rakeyia Scott"


def test_a_pronoun_in_words_given_after_a_colon_is_the_speakers_not_the_narrators() -> None:
    # The block after "Holbrook added:" is the host's own words: "She" there is the
    # candidate he talks about, never the host, so it does not make the host a woman, and
    # "He" in the last paragraph is still the host.
    text = (
        "Host says rival fears debate\n\n"
        "Holbrook added:\n\n"
        "And from a supposed front-runner, Mary Fenwick, this reeks of the greatest fear that "
        "I have ever seen. She cannot beat this man without help from the referee. She knows "
        "it.\n\n"
        "Lanning told CBS, “We are ready for the debate.”\n\n"
        "According to Holbrook, “If it was left to Mary, she would say nothing.”\n\n"
        "Holbrook continued: “The left is saying the same.”\n\n"
        "He concluded: “Nobody in that race can tell the truth about the budget.”"
    )
    result = _extract(text)
    assert _speaker_of(text, "Nobody in that race") == "Holbrook"
    people = {e.name: e for e in result.entities}
    assert "She" not in [m.text for m in people["Holbrook"].mentions]
    assert [m.text for m in people["Mary Fenwick"].mentions].count("She") == 2
    assert people["Mary Fenwick"].roles == []


def test_the_clause_after_an_opening_according_to_is_no_role_of_the_source() -> None:
    # The parser hangs "the plan reeks of panic" on the source as an apposition; a role after
    # an opening "according to" is closed by a comma, and one after a closing "according to"
    # may end the sentence.
    def roles(text: str) -> list[str]:
        result = _extract(text)
        return next(e.roles for e in result.entities if e.name == "Gordon Holbrook")

    assert roles(
        "According to conservative radio host Gordon Holbrook, the plan reeks of “panic” and "
        "confusion."
    ) == ["conservative radio host"]
    assert roles("According to Gordon Holbrook, a radio host in Ohio, the plan was a mistake.") == [
        "radio host in Ohio"
    ]
    assert roles("The plan was a mistake, according to Gordon Holbrook, a radio host in Ohio.") == [
        "radio host in Ohio"
    ]


def test_a_count_or_an_analysis_speaks_for_its_first_named_author() -> None:
    # "a count by the Associated Press" is the agency's; of several authors the first named
    # is credited, never the last one ("a letter from Holm to Barr" is not Barr's).
    count = "Ms. Reyes now has 1,410 delegates, according to a count by the Associated Press."
    assert _speaker_of(count, "1,410 delegates") == "Associated Press"
    study = (
        "Turnout in the county rose by a third, according to an analysis by Lena Ostrova, a "
        "law professor, and Karl Weiss, a political scientist at the state university."
    )
    assert _speaker_of(study, "Turnout in the county") == "Lena Ostrova"


def test_a_plural_body_word_is_never_one_organization() -> None:
    # "The companies" after an estimate by a committee are the two companies of the merger,
    # not the committee named last.
    text = (
        "Merger news\n\n"
        "Harlow Foods and Meridian Mills agreed to merge on Monday. A 2014 estimate by "
        "Congress's Joint Committee on Taxation projected that such mergers will cost the "
        "Treasury $3.1 billion over a decade.\n\n"
        "Harlow is best known for its cereals. The companies expect to save $300 million over "
        "three years by closing plants."
    )
    assert _speaker_of(text, "such mergers") == "Joint Committee on Taxation"
    assert _speaker_of(text, "to save $300 million") == "The companies"


def test_a_persons_man_or_woman_is_someone_else() -> None:
    # "the mayor's right-hand woman" names the aide, not the mayor; "the Lincoln actor" is
    # not Abraham Lincoln.
    text = (
        "Storm warning\n\n"
        "Mayor Ellen Novak's right-hand woman rallied volunteers on Monday, saying: “We have "
        "to be ready for the storm.”\n\n"
        "At the fair, the Abraham Lincoln actor said, “Four score is a long time.”"
    )
    assert _speaker_of(text, "ready for the storm") != "Ellen Novak"
    assert _speaker_of(text, "Four score") != "Abraham Lincoln"


def test_a_noun_with_a_clause_before_the_name_is_no_role_of_it() -> None:
    # The parser apposes "Ada Brandt" to "The agency"; the relative clause between them says
    # who owns the agency, so "agency" is no role of hers. A role with the name's own words
    # between ("her brother, retired pilot Tomas Brandt") stays.
    def roles(text: str, name: str) -> list[str]:
        return next(e.roles for e in _extract(text).entities if e.name == name)

    owned = (
        "The agency, which is owned in part by the biggest donor of the mayor, investor Ada "
        "Brandt, also works for the campaign."
    )
    assert roles(owned, "Ada Brandt") == ["investor"]
    brother = (
        "On Monday, she was joined by Mira Brandt, a former state senator, and her brother, "
        "retired pilot Tomas Brandt."
    )
    assert any("brother" in role for role in roles(brother, "Tomas Brandt"))


def test_a_horizontal_bar_is_a_dash_not_a_word_of_the_statement() -> None:
    # HuffPost sets its dashes as U+2015; read as a noun it made the reporter's aside the
    # statement, and its "not" negated it.
    text = (
        "Pipeline\n\n"
        "On Thursday, however, Brenner spoke to a gathering of oil industry leaders, promising "
        "to lift environmental rules and open more state land to drilling \u2015 probably not "
        "exactly what Ortiz had in mind."
    )
    quote = next(q for q in _body_quotes(text) if "mind" in q.text)
    assert quote.text.startswith("to lift environmental rules")
    assert quote.polarity == "positive"
    assert quote.speaker is not None and quote.speaker.name == "Brenner"


def test_a_clause_after_a_dash_is_the_reporters_aside_not_what_the_cue_reports() -> None:
    # The parser hangs "probably not what his party had in mind" on "promising" as its clause;
    # after a dash, with the promise's own infinitive before it, it is the reporter's comment.
    text = (
        "Pipeline\n\n"
        "On Monday, Governor Hal Brenner spoke to oil executives, promising to cut drilling "
        "fees and open more state land to pipelines — probably not what his party had in mind."
    )
    (quote,) = [q for q in _body_quotes(text) if "drilling" in q.text or "mind" in q.text]
    assert quote.text == "to cut drilling fees and open more state land to pipelines"
    assert quote.polarity == "positive"


def test_an_as_aside_inside_a_sentence_reports_the_sentence_around_it() -> None:
    # "Hawaii, as one of ... pointed out, normally ...": the parser makes "pointed" the main
    # verb with "Hawaii" its subject; the aside's noun phrase reports the sentence around it.
    text = (
        "Storms\n\n"
        "Maui, as one of the governor's climate advisers pointed out, rarely gets two "
        "hurricanes in one week. The levy, as the Courier reported, was raised in June. Of "
        "course, as Lena Ortiz observed, the real winner was the stage itself."
    )
    found = {q.text: q.speaker.name if q.speaker else "" for q in _body_quotes(text)}
    assert found["Maui … rarely gets two hurricanes in one week"] == (
        "one of the governor's climate advisers"
    )
    assert found["The levy … was raised in June"] == "Courier"
    assert found["the real winner was the stage itself"] == "Lena Ortiz"


def test_a_quotation_ending_a_sentence_it_does_not_open_takes_no_tag_from_the_next() -> None:
    # "... was a “magic cure.” Sen. Ruth Okoye scolded him.": the next sentence is no tag;
    # "“We will win.” Okoye said." is one.
    text = (
        "Hearing\n\n"
        "Dr. Lund was criticized at the hearing for saying that the powder was a “miracle cure "
        "for every body type.” Sen. Ruth Okoye scolded him. “We will not let this go on.” "
        "Okoye said."
    )
    speakers = {q.text: q.speaker.name if q.speaker else "" for q in _body_quotes(text)}
    assert all(who != "Ruth Okoye" for said, who in speakers.items() if "miracle" in said)
    assert speakers["We will not let this go on."] == "Ruth Okoye"


def test_a_tag_after_a_name_and_an_age_is_that_persons() -> None:
    # The parser joins "told" to the quotation's verb and apposes the age to the name; the
    # quotation is Ramos's, not that of the statement before it.
    text = (
        "Border\n\n"
        "The fight erupted just two months after the real estate developer entered the race, "
        "calling them thieves and vowing to make the county pay for a massive border fence.\n\n"
        "“We were tremendously wrong to not have confronted him from the beginning,” Ramos, "
        "58, told AFP in an interview in Tucson on Monday."
    )
    assert _speaker_of(text, "tremendously wrong") == "Ramos"


def test_the_order_of_in_order_to_is_no_speaker() -> None:
    text = (
        "Debate\n\n"
        "When she moderated the debate, Reyes reminded viewers about her son’s job in order to "
        "show there was “no conflict of interest.”"
    )
    assert _speaker_of(text, "no conflict") == "Reyes"


def test_a_group_with_an_indefinite_article_is_not_the_organization_named_before() -> None:
    # "a group of parents ... urging them" is a new group, never the NAACP named last.
    text = (
        "Schools\n\n"
        "In July, the NAACP called for a moratorium on charter schools. In late September, a "
        "group of black parents with kids in charter schools sent a letter to the NAACP board "
        "of directors urging them to reconsider."
    )
    assert _speaker_of(text, "to reconsider") == "a group"


def test_a_number_of_people_is_named_whole_and_is_nobody_named() -> None:
    # "A number of other members of the council echo her concerns": the speaker reads as the
    # partitive with its noun phrase, not "A number".
    text = (
        "Budget\n\n"
        "Councilwoman Ada Reyes said the plan sent a terrible message. A number of other members "
        "of the council echo her concerns, in large part because the rules differ."
    )
    assert _speaker_of(text, "her concerns") == "A number of other members"


def test_a_name_in_cyrillic_and_in_latin_letters_is_one_person_with_that_evidence() -> None:
    """The registry joins "Владимир Путин" to "Vladimir Putin" (letter by letter, and given
    names as English-language news spells them: "Александр" is "Alexander"), says so in the
    evidence, and names the entity in Latin letters."""
    registry = Registry()
    putin = registry.add("en", [_person("Vladimir Putin")], "2025-09-26")["e1"]
    lukashenko = registry.add("en2", [_person("Alexander Lukashenko")], "2025-09-26")["e1"]
    assert registry.add("ru", [_person("Владимир Путин")], "2025-09-26")["e1"] == putin
    assert registry.add("ru2", [_person("Александр Лукашенко")])["e1"] == lukashenko
    assert putin == "person:vladimir-putin"
    assert registry.explain(putin)[-1].endswith(
        "'Владимир Путин': same name in Latin letters as Vladimir Putin"
    )
    assert names.fold("Ёлкин") == names.fold("Елкин") == "elkin"
    assert names.fold("Дмитрий Щербаков") == "dmitry shcherbakov"
    first = registry.add("ru3", [_person("Анна Ковалева")])["e1"]
    assert first == "person:anna-kovaleva"  # (not "person:unnamed")
