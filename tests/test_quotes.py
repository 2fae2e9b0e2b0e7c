"""The quote finders on small texts of our own, one behaviour each."""

from __future__ import annotations

import itertools

import quotewire
from quotewire.model import Quote, Result


def _quotes(text: str) -> list[Quote]:
    return quotewire.extract(text).quotes


def _by_snippet(result: Result, snippet: str) -> Quote:
    return next(q for q in result.quotes if any(snippet in c.text for c in q.content))


def _quote_holding(text: str, snippet: str) -> Quote:
    """The quote found in ``text`` whose content holds ``snippet``."""
    return _by_snippet(quotewire.extract(text), snippet)


def _cue(quote: Quote) -> str | None:
    return quote.cue.text if quote.cue is not None else None


def test_quote_interrupted_by_its_cue_is_one_quote() -> None:
    quotes = _quotes('"We will build it," Mayor Ana Lind said, "and we will pay for it."')
    assert len(quotes) == 1
    assert [c.text for c in quotes[0].content] == ["We will build it", "and we will pay for it."]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ana Lind"


def test_next_quotation_in_the_paragraph_continues_the_quote() -> None:
    quotes = _quotes('"The bridge is safe," Ana Lind said. "Trucks can use it from Monday."')
    assert len(quotes) == 1 and len(quotes[0].content) == 2


def test_quotation_in_a_later_paragraph_keeps_speaker_and_cue() -> None:
    text = 'Ana Lind said the bridge was safe.\n\n"Trucks can use it from Monday," she added.\n\n'
    text += '"Buses will follow in a month."'
    result = quotewire.extract(text)
    last = _by_snippet(result, "Buses will follow")
    assert last.speaker is not None and last.speaker.name == "Ana Lind"
    assert last.cue is not None and last.cue.text == "added"


def test_quoted_fragment_of_a_reported_clause_is_a_mixed_quote() -> None:
    quote = _quote_holding(
        'Ana Lind said the old bridge was "a danger to everyone" on the river.',
        "a danger to everyone",
    )
    assert quote.type == "mixed"
    assert quote.text.startswith("the old bridge")


def test_typewriter_marks_are_quotation_marks() -> None:
    quotes = _quotes("''The bridge is safe,'' Mr. Lind said.")
    assert [q.text for q in quotes] == ["The bridge is safe"]


def test_verb_and_colon_introduce_a_quotation() -> None:
    quotes = _quotes('The council met. Kasich resisted: "We do not have the power to do that."')
    assert quotes[0].cue is not None and quotes[0].cue.text == "resisted"


def test_quotation_signed_on_the_next_line() -> None:
    quotes = _quotes('Fact check.\n\n"Every company pays zero taxes."\n\n- Ana Lind.')
    assert quotes[0].speaker is not None and quotes[0].speaker.mention is not None
    assert quotes[0].speaker.mention.text == "Ana Lind"


def test_cue_after_a_long_subject() -> None:
    text = '"It was a mistake," Mr. Kim, who was traveling in Europe this week, said on Monday.'
    quotes = _quotes(text)
    assert quotes[0].cue is not None and quotes[0].cue.text == "said"
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Kim"


def test_title_of_a_show_is_not_a_quote() -> None:
    result = quotewire.extract('Ana Lind said on "Good Morning America" that the bridge was safe.')
    assert all(q.text != "Good Morning America" for q in result.quotes)


def test_according_to_inside_a_statement_is_a_nested_source() -> None:
    quote = _quote_holding(
        "Ana Lind noted that, according to city data, traffic had fallen by a third.",
        "traffic had fallen",
    )
    assert [s.name for s in quote.according_to] == ["city data"]


def test_stance_told_as_background_is_not_a_statement() -> None:
    result = quotewire.extract(
        "Peter Lang, who endorsed the mayor last year, arrived late. The meeting ended at noon."
    )
    assert result.quotes == []


def test_quotations_signed_at_the_end_of_their_paragraph() -> None:
    text = "Readers wrote in.\n\n“The bridge saved my shop.” ― Ana Lind\n"
    text += "“It took too long.” ― Ola Berg"
    speakers = [q.speaker.name for q in _quotes(text) if q.speaker]
    assert speakers == ["Ana Lind", "Ola Berg"]


def test_a_statement_from_an_organization_speaks_for_it() -> None:
    text = 'A statement from the Security Council said the attack was "a grave violation" of law.'
    quote = _quotes(text)[0]
    assert quote.speaker is not None and quote.speaker.name == "Security Council"
    assert quote.speaker.mention is not None
    assert quote.speaker.mention.text == "A statement from the Security Council"


def test_quotation_woven_into_any_verb_is_attributed_to_its_subject() -> None:
    quote = _quote_holding(
        'Mayor Ana Lind also embraced the old motto -- "every bridge in the valley must stand" '
        "-- at the fair.",
        "every bridge",
    )
    assert quote.type == "mixed"
    assert _cue(quote) == "embraced"
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"
    assert quote.content[0].text.startswith("the old motto")


def test_short_quoted_term_with_no_cue_is_left_alone() -> None:
    result = quotewire.extract('The council approved what Ana Lind has long called a "river tax".')
    assert not any(
        "river tax" in q.text and q.cue and q.cue.text == "approved" for q in result.quotes
    )


def test_reported_clause_running_into_its_quotation_is_one_statement() -> None:
    quotes = _quotes('Ana Lind said that the town has two choices: "We repair it or we close it."')
    assert len(quotes) == 1
    assert quotes[0].type == "mixed"
    assert quotes[0].content[0].text.startswith("that the town has two choices")


def test_report_that_opens_with_its_cue_is_the_statement() -> None:
    quotes = _quotes("Ana Lind said her deputy told the council the bridge was safe.")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ana Lind"
    assert quotes[0].content[0].text.startswith("her deputy told the council")


def test_listed_cue_the_annotated_data_rarely_confirms_is_not_used() -> None:
    from quotewire.quotes.lexicon import THRESHOLD, load

    # "want" with an infinitive is on the commitment list, but annotators rarely mark it
    assert load().get("want|xcomp", 1.0) < THRESHOLD
    result = quotewire.extract("Ana Lind wants to rebuild the old bridge before the winter.")
    assert not any(q.cue is not None and q.cue.text == "wants" for q in result.quotes)
    said = quotewire.extract("Ana Lind said she wants to rebuild the old bridge this winter.")
    assert any(q.cue is not None and q.cue.text == "said" for q in said.quotes)


def test_listed_cue_under_the_lexicon_threshold_is_not_used() -> None:
    """One threshold: a listed word in a frame the lexicon knows below THRESHOLD is no cue
    ("she backs the plan": annotators mark about a quarter of them), unless it quotes."""
    from quotewire.quotes.lexicon import THRESHOLD, load

    assert load().get("back|dobj|pron", 1.0) < THRESHOLD
    result = quotewire.extract(
        "The vote is near.\n\nAna Lind spoke on Monday. She backs the new bridge plan."
    )
    assert not any(q.cue is not None and q.cue.text == "backs" for q in result.quotes)
    quoted = quotewire.extract(
        "The vote is near.\n\nAna Lind spoke on Monday. She backs “a bridge for every "
        "family” in the city."
    )
    assert any(q.cue is not None and q.cue.text == "backs" for q in quoted.quotes)


def test_a_belief_is_a_statement_of_a_named_subject_not_of_a_pronoun_inside_a_report() -> None:
    """The lexicon tells a belief by the kind of its subject: "campaign aides believe ..." is
    an attribution annotators mark most of the time, "she said she believes ..." holds one,
    the saying (and words inside quotation marks are not counted when it is learned)."""
    from quotewire.quotes.lexicon import THRESHOLD, load

    assert load()["believe|ccomp|noun"] >= THRESHOLD > load()["believe|ccomp|pron"]
    aides = quotewire.extract(
        "The race tightens.\n\nCampaign aides believe her visits will offset the losses "
        "in the north."
    )
    assert [(q.speaker.name if q.speaker else None, _cue(q)) for q in aides.quotes] == [
        ("Campaign aides", "believe")
    ]
    nested = quotewire.extract(
        "The race tightens.\n\nAna Lind said she believes her visits will offset the losses."
    )
    assert [_cue(q) for q in nested.quotes] == ["said"]


def test_clause_that_opens_with_its_quotation_is_a_mixed_quote() -> None:
    quote = _quote_holding(
        'On Monday, Ana Lind said "local crews" must repair the bridge.', "local crews"
    )
    assert quote.type == "mixed"
    assert quote.text.rstrip(".").endswith("must repair the bridge")


def test_quoted_phrase_running_into_the_reported_clause_belongs_to_it() -> None:
    quote = _quote_holding(
        'Ana Lind opened the debate saying "of course" the bridge has to be repaired.',
        "of course",
    )
    assert quote.text.rstrip(".").endswith("has to be repaired")


def test_passive_subject_speaks_for_a_conjoined_cue() -> None:
    quote = _quote_holding(
        "The council met.\n\nAna Lind was forced into a retreat and said that her words had "
        'been "misread."',
        "her words",
    )
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"


def test_sentence_after_a_closed_quotation_keeps_its_own_cue() -> None:
    text = (
        'The council met.\n\nAna Lind called over her shoulder, "The plan is not helping." '
        'But Ms. Lind also said in an interview that in her town, "there is real pessimism."'
    )
    result = quotewire.extract(text)
    first = _by_snippet(result, "not helping")
    second = _by_snippet(result, "real pessimism")
    assert first.cue is not None and first.cue.text == "called"
    assert second.type == "mixed" and second.cue is not None and second.cue.text == "said"


def test_as_one_put_it_quotes_whoever_put_it() -> None:
    quote = _quote_holding(
        "The council met.\n\nAs Ana Lind, a professor of law at Yale, put it, "
        '"The council should remember that a compromise today may be far better for them."',
        "compromise today",
    )
    assert _cue(quote) == "put"
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"


def test_any_verb_with_a_subject_before_a_comma_introduces_a_whole_quoted_sentence() -> None:
    quote = _quote_holding(
        "The council met.\n\nMs. Lind drew cheers as she thanked the town and then boomed, "
        '"Today, you proved there is no place like home."',
        "no place like home",
    )
    assert quote.type == "direct" and _cue(quote) == "boomed"


def test_tag_after_a_report_of_its_own_is_the_quotations_cue() -> None:
    quote = _quote_holding(
        "The council met.\n\nMr. Lind suggested Mr. Hale had shown a fondness for brutal leaders "
        '- "He would have loved Stalin," Mr. Lind said twice - and reminded the crowd.',
        "loved Stalin",
    )
    assert quote.type == "direct" and _cue(quote) == "said"


def test_name_the_parser_took_for_an_apposition_speaks() -> None:
    quote = _quote_holding(
        "The council met.\n\nBut in a call with reporters on Dec. 2, Col. Steven Hale, a military "
        'spokesman in Baghdad, said, "I mean, a raid is a combat operation."',
        "combat operation",
    )
    assert quote.speaker is not None and quote.speaker.name == "Steven Hale"


def test_cue_the_parser_hung_inside_its_quotation_keeps_the_outer_speaker() -> None:
    quote = _quote_holding(
        "The council met.\n\nAna Lind seemed to be ready to riff on the incident in Iowa, "
        "telling the crowd, “Some people get a little carried away, have you noticed that?”",
        "carried away",
    )
    assert _cue(quote) == "telling"
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"


def test_cue_with_a_clause_of_its_own_does_not_tag_the_quotation_before_it() -> None:
    result = quotewire.extract(
        'The council met.\n\nLind pledged a "close and honest relationship" in pursuit of '
        '"mutual good." Hale said the towns should be "working beautifully together."'
    )
    quote = _by_snippet(result, "working beautifully")
    assert quote.type == "mixed" and quote.speaker is not None and quote.speaker.name == "Hale"
    assert not any(
        q.cue is not None and q.cue.text == "said" and "mutual" in q.text for q in result.quotes
    )


def test_conjunction_after_a_quotation_starts_a_report_of_its_own() -> None:
    result = quotewire.extract(
        'The council met.\n\nAna Lind called the flood "a blow to our town," but she also noted '
        'the "quick and brave work" of the crews.'
    )
    assert not any(
        q.cue is not None and q.cue.text == "noted" and "a blow" in q.text for q in result.quotes
    )


def test_those_surveyed_speak() -> None:
    quote = _quote_holding(
        'The poll came out.\n\nWhile those surveyed said the mayor has the "best experience," '
        "Ana Lind is the candidate voters trust most.",
        "best experience",
    )
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text.startswith("those")


def test_names_given_by_a_participle_or_after_a_work_are_not_quotes() -> None:
    result = quotewire.extract(
        'The season opened.\n\nThe comedians perform a popular play called "Sons of the Mayor" '
        'in the old theater. Ana Lind said in her 2012 book, "An American Town." Then she left.'
    )
    assert not any(
        "Sons of the Mayor" in q.text or "American Town" in q.text for q in result.quotes
    )


def test_according_to_with_a_quoted_fragment_takes_the_whole_clause() -> None:
    quote = _quote_holding(
        'The mayor spoke.\n\nAccording to Ana Lind, it appears that the "done" was in reference '
        "to a message the mayor posted on Friday.",
        "done",
    )
    assert quote.text.rstrip(".").endswith("posted on Friday")
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"


def test_what_an_object_cue_says_of_its_object_runs_through_the_quotation() -> None:
    quote = _quote_holding(
        'The mayor spoke.\n\nAna Lind blamed the flooding on a "broken pump," not on the rain.',
        "the flooding",
    )
    assert "broken pump" in quote.text


def test_reported_clauses_on_both_sides_of_a_tag_are_one_statement() -> None:
    quote = _quote_holding(
        "The mayor spoke.\n\nThe plan is so reckless, the mayor said, that if her son had "
        'joined the crews, "I would have stood in front of him."',
        "stood in front",
    )
    assert quote.type == "mixed" and len(quote.content) == 2
    assert quote.content[0].text.startswith("The plan is so reckless")


def test_clauses_before_a_tag_are_one_statement_with_their_quotation() -> None:
    quote = _quote_holding(
        "The mayor spoke.\n\nHale tried to keep away from the council, and in doing so he "
        '"made a strategic mistake," Lind said.',
        "strategic mistake",
    )
    assert quote.type == "mixed" and quote.text.startswith("Hale tried")


def test_tag_that_introduces_the_next_quotation_does_not_tag_a_finished_one() -> None:
    result = quotewire.extract(
        'The families waited.\n\n"We are neighbours," Ms. Lind said. "We are not enemies." '
        'Mr. Hale said: "The storm was the worst we have seen."'
    )
    first = _by_snippet(result, "not enemies")
    assert first.speaker is not None and first.speaker.name == "Lind"
    second = _by_snippet(result, "the worst")
    assert second.speaker is not None and second.speaker.name == "Hale"


def test_excerpt_after_a_label_continues_no_ones_statement() -> None:
    result = quotewire.extract(
        'The mayor spoke.\n\n"We will rebuild," Ana Lind said.\n\n'
        "CLOSING TIME, by Times' Ben Hale: \"The old theater on Main Street will close at the end "
        'of December after forty years."'
    )
    assert not any("old theater" in q.text for q in result.quotes)


def test_question_put_to_someone_is_quoted_with_its_addressee() -> None:
    quote = _quote_holding(
        "The interview ran on Wednesday.\n\nIn the interview, Ana Lind was asked, "
        '"What is the most dangerous place you have been to?"',
        "most dangerous place",
    )
    assert _cue(quote) == "asked"
    assert quote.addressee is not None and quote.addressee.name == "Ana Lind"


def test_quotation_after_a_tag_in_the_same_paragraph_is_the_same_statement() -> None:
    quotes = _quotes(
        'The council met.\n\n"The bridge is safe," Ana Lind said. "Trucks can use it from Monday."'
        "\n\nThe mayor left early.\n\n"
        '"Buses will follow in a month."'
    )
    first = next(q for q in quotes if "bridge is safe" in q.text)
    assert [c.text for c in first.content] == [
        "The bridge is safe",
        "Trucks can use it from Monday.",
    ]
    last = next(q for q in quotes if "Buses will follow" in q.text)
    assert last is not first and last.speaker is not None and last.speaker.name == "Ana Lind"


def test_quotation_filling_the_next_paragraph_goes_on_with_the_quote_before() -> None:
    """A cue-less quotation that is the whole of the paragraph right after a tagged quotation
    is more of the same statement (annotators of news join them), paragraph after paragraph."""
    text = (
        'The council met.\n\n"The bridge is safe," Ana Lind said.\n\n'
        '"Trucks can use it from Monday."\n\n"Buses will follow in a month."\n\nThe vote is next.'
    )
    quotes = _quotes(text)
    assert len(quotes) == 1
    assert [c.text for c in quotes[0].content] == [
        "The bridge is safe",
        "Trucks can use it from Monday.",
        "Buses will follow in a month.",
    ]
    assert all(text[c.start : c.end] == c.text for c in quotes[0].content)


def test_quotations_listed_after_one_cue_are_one_statement() -> None:
    quote = _quote_holding(
        'The rally ended.\n\nAna Lind winked at the crowd, telling them, "I am a builder like '
        'you, folks," and, "Is there anyone in this room who does not build?"',
        "builder like you",
    )
    assert len(quote.content) == 2 and "anyone in this room" in quote.content[1].text


def test_calling_something_a_name_is_a_statement_of_its_own() -> None:
    quote = _quote_holding(
        "The race went on.\n\nAna Lind, a council member, praised Hale for what he has done, "
        'calling it "an incredible feat" - but she said the time is coming.',
        "incredible feat",
    )
    assert _cue(quote) == "calling"
    assert quote.text.startswith("it") and "what he has done" not in quote.text
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"


def test_naming_participle_with_two_objects_is_a_verb_the_parser_misread() -> None:
    quote = _quote_holding(
        'The debate went on.\n\nIn Iowa, one lawmaker called Trump "the orange prince of '
        'self-publicity."',
        "orange prince",
    )
    assert quote.text.startswith("Trump")


def test_quotation_goes_on_after_a_long_tag() -> None:
    quotes = _quotes(
        '"The harbour used to be ours," said Pel Ostrova, director of the Maritime Studies Unit '
        'at the Northern Policy Institute in Tromsø, "but it is slipping from our hands."'
    )
    assert len(quotes) == 1 and len(quotes[0].content) == 2
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Pel Ostrova"


def test_quotation_goes_on_after_a_tag_ending_in_an_abbreviation() -> None:
    quotes = _quotes(
        '"Our record on water is not a good one," Lind said at a rally in Albany, N.Y. '
        '"We let the pipes rot for thirty years."'
    )
    assert len(quotes) == 1 and "pipes rot" in quotes[0].content[-1].text


def test_a_second_report_in_the_tag_keeps_the_quotations_apart() -> None:
    text = '"Filth out!" she wrote, arguing that if the town did nothing, "more homes will burn."'
    filth = _quote_holding(text, "Filth out")
    assert all("homes will burn" not in c.text for c in filth.content)
    assert _cue(_quote_holding(text, "homes will burn")) == "arguing"


def test_sentence_after_a_tag_ending_in_a_quotation_goes_on_with_the_statement() -> None:
    text = (
        'The hearing ran late.\n\n"It was an ambush," Lind says. It was "a new kind of '
        'in-your-face politics."\n\nThe report, she said, is "being read by the '
        'clerks." Hale is running to be a delegate for the 27 "at-large" seats.'
    )
    quote = _quote_holding(text, "an ambush")
    assert len(quote.content) == 2 and quote.content[1].text.startswith("It was")
    clerks = _quote_holding(text, "being read")
    assert all("at-large" not in c.text for c in clerks.content)


def test_bare_verb_joined_under_a_modal_stays_in_the_reported_clause() -> None:
    text = (
        "The forum ended.\n\nHale says he'd sit the minister down and tell him \"no more "
        'excuses" and tells the crowd he was the "first one" to ask for an audit.'
    )
    quote = _quote_holding(text, "sit the minister down")
    assert "no more excuses" in quote.text and "crowd" not in quote.text
    assert _cue(quote) == "says"


def test_name_right_before_a_cue_with_no_subject_speaks() -> None:
    quote = _quote_holding(
        "The campaign went on.\n\nCampaigning for his sister, the council candidate Mara Lind, "
        'former mayor Tomas Lind said his sister was uniquely fit to lead because "the town is '
        'in tough shape."',
        "tough shape",
    )
    assert _cue(quote) == "said" and quote.text.startswith("his sister")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert "Tomas Lind" in quote.speaker.mention.text


def test_a_place_right_before_a_cue_with_no_subject_does_not_speak() -> None:
    # The parser leaves "shows" without a subject; "Florida" ends the phrase before it, where
    # the voters are, and is no one who shows anything.
    text = (
        "Turnout worries Democrats.\n\nSome believe the high level of priority being placed "
        "on motivating black voters in Florida shows the Clinton campaign is worried about its "
        "electoral chances in the state."
    )
    speakers = [q.speaker.name for q in _quotes(text) if q.speaker is not None]
    assert "Florida" not in speakers


def test_according_to_that_the_parser_made_the_root_takes_the_rest_of_the_sentence() -> None:
    quote = _quote_holding(
        "The mayor left early.\n\nAccording to radio host Pel Ostrova, the move reeks of "
        '"fear" and desperation.',
        "reeks",
    )
    assert _cue(quote) == "According to" and quote.text.startswith("the move")
    assert quote.speaker is not None and quote.speaker.name == "Pel Ostrova"


def test_sentence_after_a_tag_with_a_cue_of_its_own_is_a_statement_of_its_own() -> None:
    text = (
        'The visit ended.\n\n"It is the right thing to do," Lind said. She called the port a '
        '"good news story in a decade when so many towns go the other way."'
    )
    first = _quote_holding(text, "right thing")
    assert len(first.content) == 1
    assert _cue(_quote_holding(text, "good news story")) == "called"


def test_time_or_place_after_what_an_object_cue_says_is_not_said() -> None:
    text = (
        'The tour went on.\n\nFormer mayor Tomas Lind criticized the harbour plan as a "crazy '
        'scheme" during a campaign stop in Tromsø, Norway, for his sister. Lind also blamed the '
        'council for "turning its back" on the fishermen.'
    )
    quote = _quote_holding(text, "crazy scheme")
    assert quote.text.startswith("the harbour plan") and "campaign stop" not in quote.text
    assert "fishermen" in _quote_holding(text, "turning its back").text


def test_quotation_paragraph_right_after_a_tagged_one_goes_on_with_it() -> None:
    text = (
        'The vote is next week.\n\n"Our harbour needs leaders who can count," Lind said.\n\n'
        '"And that is why experience matters so much at times like these."\n\n'
        '"We will win," she said in Tromsø, where the count takes place.\n\n'
        '"Nobody doubts it" was the message on every poster.'
    )
    quote = _quote_holding(text, "leaders who can count")
    assert len(quote.content) == 2 and "experience matters" in quote.content[1].text
    win = _quote_holding(text, "We will win")
    assert all("Nobody doubts" not in c.text for c in win.content)


def test_cue_less_quotation_goes_on_with_a_mixed_quote_before_it() -> None:
    text = (
        'The race tightened.\n\nSooner or later, "I think we will have a harbour tax," Lind '
        'said. "It is a good thing for people to talk about."\n\nThe town needs leaders "who '
        'understand that loud words in hard times make things harder," Hale said.\n\n"And '
        'that is why steady leadership matters so much at times like these."'
    )
    tax = _quote_holding(text, "harbour tax")
    assert tax.type == "mixed" and any("good thing" in c.text for c in tax.content)
    leaders = _quote_holding(text, "loud words")
    assert any("steady leadership" in c.text for c in leaders.content)


def test_sentence_a_tag_interrupts_is_one_statement_when_the_quotation_goes_on_with_it() -> None:
    text = (
        'The bank is careful.\n\nA sharp downturn in the harbour trade, Lind said, "could be '
        'a good time to borrow."\n\nAsked about the plan, Hale said, "Sure. I get that, too."'
    )
    quote = _quote_holding(text, "good time to borrow")
    assert quote.type == "mixed"
    assert quote.content[0].text == "A sharp downturn in the harbour trade"
    sure = _quote_holding(text, "I get that")
    assert sure.type == "direct" and len(sure.content) == 1


def test_reason_given_with_because_is_part_of_what_is_said() -> None:
    text = (
        'The port opened.\n\nA trade scholar at Tromsø University calls the port "a mistake" '
        'because so few people live near it.\n\nHale said that the plan was "futile" because '
        "the ships had already left."
    )
    assert "few people live" in _quote_holding(text, "a mistake").text
    assert "ships had already left" in _quote_holding(text, "futile").text


def test_cue_in_a_headline_says_the_rest_of_the_headline() -> None:
    text = (
        "Mayor Lind Says Harbour Board, ‘Old Guard’ Pose A Threat To The Port.\n\n"
        "TROMSØ -- The mayor spoke to reporters on Monday about the board."
    )
    quote = _quote_holding(text, "Old Guard")
    assert quote.type == "headline"
    assert quote.text.startswith("Harbour Board") and "Threat To The Port" in quote.text


def test_headline_clause_leading_into_a_quotation_after_a_colon() -> None:
    text = (
        "Mara Lind heckles harbour board members: 'You are being ridiculous.'\n\n"
        "TROMSØ -- Council member Mara Lind spoke at the board meeting on Monday."
    )
    quote = _quote_holding(text, "being ridiculous")
    assert quote.type == "headline" and quote.text == "You are being ridiculous."
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Mara Lind"
    unnamed = "A storm arrives early: 'Warnings remain in force.'\n\nA quiet coast waits."
    assert _quotes(unnamed) == []
    lesson = "A lesson from Mara Lind: 'Be the voice people hear.'\n\nMara Lind spoke on Monday."
    quote = _quote_holding(lesson, "voice people hear")
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Mara Lind"


def test_a_headline_clause_ending_in_a_title_is_no_speaker_label() -> None:
    # "Mara Lind Hammers Harbour Board CEO: '...'" names Mara Lind, not six words of headline
    text = (
        "Mara Lind Hammers Harbour Board CEO: ‘You Should Be Investigated.’\n\n"
        "TROMSØ -- Council member Mara Lind grilled the board's CEO, Per Moe, on Monday."
    )
    quote = _quote_holding(text, "Investigated")
    assert quote.type == "headline" and quote.text == "You Should Be Investigated."
    assert quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "Mara Lind"


def test_tag_after_a_colon_introduction_reports_the_quotation_only() -> None:
    text = (
        "The hearing went on.\n\nSen. Mara Lind (D-Maine) scolded him: “The whole board is "
        "almost monolithic against you in terms of the three schemes you called ‘miracles,’” "
        "she said."
    )
    quote = _quote_holding(text, "whole board")
    assert quote.content[0].text.startswith("The whole board")
    assert "scolded" not in quote.text


def test_quotation_with_the_same_cue_right_after_a_mixed_quote_goes_on_with_it() -> None:
    text = (
        "The count began.\n\nHe is claiming that harbour fraud is “a big, big problem in this "
        "town” but “nobody has the guts to talk about it.”"
    )
    quote = _quote_holding(text, "big problem")
    assert quote.type == "mixed" and any("nobody has the guts" in c.text for c in quote.content)
    assert len(_quotes(text)) == 1


def test_quoted_words_before_a_reporting_noun_do_not_end_the_reported_clause() -> None:
    """ "remarks" (a noun) joined to a quoted word is part of what is reported, not the
    speaker's next report: the clause runs to its end."""
    quote = _quote_holding(
        "The board met.\n\nThe governor stated that the mayor's “divisive” and “petty” remarks "
        "do not “fit with what I know about him.”",
        "divisive",
    )
    assert quote.type == "mixed"
    assert quote.content[-1].text.endswith("what I know about him")


def test_an_object_cue_reports_what_it_governs_after_the_object() -> None:
    """ "proposed a fund to help ...": an infinitive the cue governs after its object is part
    of what is reported; the speaker's next act (", and ...") is not."""
    quote = _quote_holding(
        "The council met.\n\nLast week the mayor proposed a new fund for small farms to help "
        "them buy seed in the spring, and the council agreed to study it.",
        "new fund",
    )
    text = " ".join(c.text for c in quote.content)
    assert text.startswith("a new fund") and text.endswith("buy seed in the spring")


def test_according_to_after_joined_clauses_attributes_all_of_them() -> None:
    """ "A had 40 percent, B had 35 percent and C took 12 percent, according to the count":
    the phrase closing the sentence attributes every clause of it, not only the last."""
    text = (
        "The count ended.\n\nLind had 40 percent, Berg had 35 percent and Holm took 12 percent, "
        "according to the election office."
    )
    quote = _quote_holding(text, "Holm took")
    assert quote.content[0].text.startswith("Lind had 40 percent")
    assert quote.speaker is not None and "election office" in quote.speaker.mention.text


def test_according_to_inside_brackets_attributes_only_what_they_hold() -> None:
    """ "..., such as his claim that 81 percent of them were ... (the actual number is closer to
    15 percent, according to the agency)": the agency says what the brackets say; the figure
    outside them stays the claim of whoever made it."""
    text = (
        "The debate went on.\n\nHolm, in turn, cites her own figures, such as her recent claim "
        "that 81 percent of the buses ran late (the actual number is closer to 15 percent, "
        "according to the transit agency)."
    )
    result = quotewire.extract(text)
    agency = next(q for q in result.quotes if q.cue is not None and q.cue.text == "according to")
    assert agency.text == "the actual number is closer to 15 percent"
    figures = {c.span.text: c.claimant.name if c.claimant else None for c in result.claims}
    assert figures["15 percent"] is not None and "transit agency" in figures["15 percent"]
    assert figures["81 percent"] == "Holm"


def test_speaker_hung_on_a_participle_before_the_cue_still_speaks() -> None:
    """ "Sen. Ann Holm (D-Ill.), noting the size of the crowd, said, "...": the parser may give
    the name to the participle; the quotation is still hers."""
    quote = _quote_holding(
        "The rally ended.\n\nBut Sen. Ann Holm (D-Ill.), noting the size of the crowd, said, "
        '"Let me tell you, she has a long list, and she will use it."',
        "Let me tell you",
    )
    assert quote.type == "direct"
    assert quote.speaker is not None and quote.speaker.name is not None
    assert "Holm" in quote.speaker.name


def test_a_that_clause_after_a_time_phrase_is_a_clause_the_speaker_reports() -> None:
    """ "said for the first time that ...": the parser hangs the clause on "time"; it is still
    what was said (and a clause, so the lexicon's rarer readings of "say for" do not veto it)."""
    quote = _quote_holding(
        "The inquiry went on.\n\nThe spokesman also said for the first time that some letters "
        "between the mayor and the governor have been located.",
        "some letters",
    )
    assert _cue(quote) == "said"
    assert quote.content[0].text.startswith("that some letters")


def test_a_question_put_with_if_is_what_asking_reports() -> None:
    """ "Asked if he ever felt bullied, the mayor said no": the "if" clause is the question."""
    quote = _quote_holding(
        "The interview aired.\n\nAsked if he ever felt bullied at school, the mayor said no.",
        "ever felt bullied",
    )
    assert _cue(quote) == "Asked"
    assert quote.content[0].text == "if he ever felt bullied at school"


def test_the_writers_correction_after_a_quotation_is_not_the_speakers() -> None:
    text = (
        "Mayor clarifies remarks\n\n"
        'Additionally, Reyes said: "I have admitted many times that using two cars was a '
        'mistake," but in fact Reyes used only one car as mayor - the city one.\n\n'
        'Lund said "budget reforms" and the sale of old land would pay for the plan.'
    )
    result = quotewire.extract(text)
    admitted = _by_snippet(result, "I have admitted")
    assert admitted.speaker is not None and admitted.speaker.name == "Reyes"
    assert [c.text for c in admitted.content] == [
        "I have admitted many times that using two cars was a mistake"
    ]
    assert not any("one car" in c.text for q in result.quotes for c in q.content)
    claimed = {c.span.text: c.claimant.name if c.claimant else None for c in result.claims}
    assert claimed["two cars"] == "Reyes" and claimed["one car"] is None
    # a quoted phrase the sentence goes on from keeps the rest of the report
    assert any("the sale of old land" in c.text for c in _by_snippet(result, "budget").content)


def test_a_report_whose_that_is_followed_by_an_aside_is_found() -> None:
    text = (
        "Mayor clarifies remarks\n\n"
        "Mayor Ana Lind spoke on Friday. She went on to say that, because the auditor had "
        'called her answers "accurate," it was also a sign that her public remarks were true.'
    )
    quote = _quote_holding(text, "it was also a sign")
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"
    assert _cue(quote) == "say"


def test_a_report_the_parser_read_as_a_noun_is_still_a_report() -> None:
    text = (
        "Campaign spending\n\n"
        "Trump estimates that he has spent about $12 million so far on his bid."
    )
    result = quotewire.extract(text)
    spent = _by_snippet(result, "he has spent")
    assert spent.speaker is not None and spent.speaker.name == "Trump"
    assert _cue(spent) == "estimates"
    claimed = {c.span.text: c.claimant.name if c.claimant else None for c in result.claims}
    assert claimed["about $12 million"] == "Trump"


def test_a_that_clause_read_as_an_adverbial_clause_is_still_the_report() -> None:
    # the parser hangs "that Machado was ..." on the cue as an adverbial clause
    text = (
        "Night of tweets\n\n"
        "Trump tweeted late at night that Machado was \u201cdisgusting\u201d and \u201ca "
        "con\u201d and asked voters to \u201clook at\u201d her record."
    )
    quote = _quotes(text)[0]
    assert quote.type == "mixed"
    assert quote.text.startswith("that Machado was \u201cdisgusting\u201d and \u201ca con")


def test_a_report_inside_a_relative_clause_reports_what_follows_its_cue() -> None:
    # "which" is the reported clause's subject: the parser puts the clause around the cue
    text = (
        "Donors\n\n"
        "Lind railed against large personal donations, which she said were accompanied by "
        "favors from the developers.\n\n"
        "That is what the mayor has threatened to do."
    )
    quotes = [q for q in _quotes(text) if q.type != "headline"]
    quote = _quote_holding(text, "accompanied")
    assert quote.text == "were accompanied by favors from the developers"
    assert quote.speaker is not None and quote.speaker.name == "Lind"
    assert not any(q.text == "to do" for q in quotes)  # a gap, not a statement


def test_an_as_clause_of_saying_reports_the_clause_it_hangs_on() -> None:
    text = (
        "Money\n\n"
        "As the Harbor Ledger noted, Lind raised more than $1.1 million from developers.\n\n"
        "Ortiz also met the governor that day, as the Coastal Times reported on Tuesday.\n\n"
        "As Ortiz spoke, protesters chanted outside. The mayor rode the mood of the crowd as "
        "he replied. In 1992, the county flipped, as voters responded to the new law."
    )
    found = {(q.speaker.name if q.speaker else None): q.text for q in _quotes(text)}
    assert found.get("Harbor Ledger") == "Lind raised more than $1.1 million from developers"
    assert found.get("Coastal Times") == "Ortiz also met the governor that day"
    # "as" tells when, not what was said
    assert not {"protesters chanted outside", "The mayor rode the mood of the crowd"} & set(
        found.values()
    )
    assert not any("flipped" in said for said in found.values())


def test_a_question_put_to_the_subject_is_not_the_subjects_statement() -> None:
    text = (
        "Interview\n\n"
        "Asked about his earlier criticism of the mayor, Lind said that was part of the race.\n\n"
        "When pressed on the budget, Ortiz said the numbers were sound."
    )
    quotes = [q for q in _quotes(text) if q.type != "headline"]
    asked = _quote_holding(text, "earlier criticism")
    assert asked.speaker is None  # Lind was asked; who asked is not named
    said = {q.speaker.name: q.text for q in quotes if q.speaker is not None}
    assert said == {"Lind": "that was part of the race", "Ortiz": "the numbers were sound"}


def test_allegations_a_clause_mentions_are_not_its_subjects() -> None:
    text = (
        "Settlement\n\n"
        "The company and its founder agreed to a $7 million settlement with the state over "
        "allegations that the firm falsely marketed its pills.\n\n"
        "In a statement, the founder said the pills were safe."
    )
    quotes = [q for q in _quotes(text) if q.type != "headline"]
    assert not any("falsely marketed" in q.text and q.speaker is not None for q in quotes)
    (said,) = [q for q in quotes if "safe" in q.text]
    assert said.speaker is not None and said.speaker.name == "the founder"


def test_the_apostrophe_of_a_short_year_opens_no_quotation() -> None:
    text = (
        "Recall\n\n"
        "Rep. Ana Lind said in \u201808 that the early support of rural voters threw old "
        "assumptions into doubt. \u201cIt does away with the \u2018blame game\u2019 and the "
        "\u2018race card,\u2019\u201d she said."
    )
    quotes = [q for q in _quotes(text) if q.type != "headline"]
    assert [q.type for q in quotes] == ["indirect", "direct"]
    assert quotes[0].text.startswith("that the early support")


def test_a_sentence_joined_before_a_verb_with_its_own_object_is_not_its_report() -> None:
    text = (
        "Headaches\n\n"
        "There's an ongoing inquiry into the port contracts, courts are still ordering the "
        "release of records from her aides, and two council probes are under way.\n\n"
        "The plan is dead, Lind told reporters on Friday."
    )
    quotes = [q for q in _quotes(text) if q.type != "headline"]
    assert not any("ongoing inquiry" in q.text for q in quotes)
    told = _quote_holding(text, "plan is dead")
    assert told.speaker is not None and told.speaker.name == "Lind"


def test_a_clause_after_a_phrase_the_parser_hung_on_it_is_the_report() -> None:
    """ "said after the vote he would not ...": the parser makes the clause an adverbial one
    holding the time phrase; it is the report, from its subject on."""
    quote = _quote_holding(
        "City\n\nMayor Ruiz said after the vote he would not sign the budget if it reached his "
        "desk.",
        "sign the budget",
    )
    assert _cue(quote) == "said"
    assert quote.content[0].text == "he would not sign the budget if it reached his desk"


def test_a_that_clause_after_the_audience_of_told_is_the_report() -> None:
    # the parser reads the "that" clause as a relative clause of "meeting"
    quote = _quote_holding(
        "City\n\nIn Riga last week, she told a meeting of Baltic Sea leaders that few people "
        "understood the stakes of overfishing better than residents of their part of the coast.",
        "few people",
    )
    assert _cue(quote) == "told"
    assert quote.content[0].text.startswith("that few people understood")
    assert not _quotes("City\n\nHe told the story that he had heard from his father.")


def test_a_tag_inside_the_subject_of_a_clause_reports_the_whole_clause() -> None:
    quote = _quote_holding(
        "City\n\nThe trouble now, he told me on Friday, is that the mayor is a candidate herself.",
        "trouble",
    )
    assert [c.text for c in quote.content] == [
        "The trouble now",
        "is that the mayor is a candidate herself",
    ]


def test_a_clause_before_a_semicolon_is_not_reported_beside_a_verb_that_reports_nothing() -> None:
    """ "It's a remote possibility; the office says she will continue her tour": "continue
    her tour" is no report of its own, so it is what the office says."""
    quote = _quote_holding(
        "City\n\nIt's a remote possibility; the senator's office says she will continue her tour "
        "of the state next week.",
        "tour",
    )
    assert _cue(quote) == "says"
    assert quote.content[0].text == "she will continue her tour of the state next week"


def test_which_after_a_document_is_the_document_that_speaks() -> None:
    quote = _quote_holding(
        "Tax havens\n\nThe Harbor Institute released a study on Monday. Instead, the study -- "
        "which notes that 58 large firms would owe $212 billion in taxes -- should alarm voters "
        "and lawmakers.",
        "58 large firms",
    )
    assert _cue(quote) == "notes"
    assert quote.speaker is not None and quote.speaker.name.lower() == "the study"
    # a "which" on a noun that says nothing makes no speaker of it
    assert not _quotes(
        "Illness\n\nBrain cancer, which his father feared, took him in 2009. The cancer, which "
        "spread quickly, says nothing."
    )


def test_a_statement_noun_and_its_author_before_a_colon_introduce_the_quotation() -> None:
    text = (
        "Ana Lind made the following remark in May:\n\n"
        '"The bridge is safe for every truck in the county."\n\n'
        "The dispute began when the paper graded this statement by Omar Reyes on June 11:\n\n"
        '"The bridge has not been inspected for thirty years."\n\n'
        'Reyes\'s response was: "We will ask for the report."'
    )
    result = quotewire.extract(text)
    for snippet, name, cue in [
        ("not been inspected", "Omar Reyes", "statement"),
        ("ask for the report", "Omar Reyes", "response"),
    ]:
        quote = _by_snippet(result, snippet)
        assert quote.speaker is not None and quote.speaker.name == name
        assert _cue(quote) == cue


def test_faith_in_a_persons_word_does_not_make_the_next_quotation_theirs() -> None:
    text = (
        "The critics keep a blind faith in Lind's word:\n\n"
        '"As we have explained before, the figure was never higher than 85,000."'
    )
    quote = _quote_holding(text, "explained before")
    assert quote.speaker is None or quote.speaker.name != "Lind"


def test_it_after_a_body_or_document_that_spoke_is_that_body() -> None:
    text = (
        "The Harbor Authority cut its forecast on Tuesday. It said cargo would fall by 4 "
        "percent.\n\n"
        "The city sent a letter to the port on Friday. It says the fees broke state law.\n\n"
        "Trade slowed after it announced the new fees.\n\n"
        "Ships were delayed, according to the Pilots Association. It said the delays were short."
    )
    result = quotewire.extract(text)
    forecast = _by_snippet(result, "cargo would fall")
    assert forecast.speaker is not None and forecast.speaker.name == "Harbor Authority"
    letter = _by_snippet(result, "fees broke state law")
    assert letter.speaker is not None and "letter" in letter.speaker.name
    assert not any("the new fees" in q.text for q in result.quotes)  # "after it announced"
    delays = _by_snippet(result, "delays were short")  # the one body named before
    assert delays.speaker is not None and delays.speaker.name == "Pilots Association"


def test_it_after_two_bodies_is_left_unresolved() -> None:
    text = (
        "The Harbor Guild has called for a strike, according to the Pilots Association. "
        "It said the pilots were ready."
    )
    assert not any("pilots were ready" in q.text for q in _quotes(text))


def test_a_tag_with_its_own_phrase_inside_a_clause_reports_both_sides() -> None:
    """ "These workers, Lindqvist explained earlier in the hearing, were well-paid, making ...":
    the parser makes the tag the head of the sentence; the statement is the clause around it,
    with or without a quoted word inside (a mixed quote, not the quoted word alone)."""
    for word in ("well-paid", "\u201cwell-paid,\u201d"):
        text = (
            "The harbor hearing\n\n"
            f"These workers, Lindqvist explained earlier in the committee hearing, were {word} "
            "making between $30,000 and $60,000 a year."
        )
        quotes = [q for q in _quotes(text) if q.cue is not None and q.cue.text == "explained"]
        assert len(quotes) == 1, word
        assert quotes[0].text.startswith("These workers"), quotes[0].text
        assert "$60,000 a year" in quotes[0].text, quotes[0].text


def test_those_with_a_modifier_speak_and_are_named_by_it() -> None:
    """ "Those close to him say that ...", "those surveyed said": a source, named with what
    qualifies it; a bare "those" says nothing, and "those mourning Lee" are not Lee."""
    text = (
        "The harbor race\n\n"
        "Those close to him say that, in addition to Reyes, he would have to consider Anna "
        "Lindqvist. Of the voters polled, those surveyed said the levy should pass. Those "
        "mourning Tom Reyes at the gathering said the harbor would miss him."
    )
    speakers = {q.speaker.name for q in _quotes(text) if q.speaker is not None}
    assert {"Those close to him", "those surveyed"} <= speakers, speakers
    assert "Tom Reyes" not in speakers


def test_a_supposition_is_no_statement() -> None:
    """ "Let's say you think a degree will cost $160,000": nobody says it, and "'s" is no
    speaker of the figure."""
    text = (
        "College costs\n\n"
        "Let's say you think an undergraduate degree will cost $160,000 in 18 years. A quarter "
        "of that is $40,000."
    )
    result = quotewire.extract(text)
    assert not [q for q in result.quotes if q.cue is not None and q.cue.text == "say"]
    assert all(c.claimant is None for c in result.claims), result.claims


def test_who_strips_out_a_call_did_not_make_it() -> None:
    """ "his aides forced a change, stripping out a call for "..."": the call is not theirs."""
    text = (
        "The platform\n\n"
        "At the convention Mayor Tom Reyes's aides forced a change in the party platform, "
        "stripping out a call for \u201cproviding new ferries\u201d to the islands."
    )
    speakers = {q.speaker.name if q.speaker else None for q in _quotes(text)}
    assert not speakers & {"Tom Reyes", "Mayor Tom Reyes's aides", "aides"}, speakers


def test_a_comma_glued_to_the_opening_quotation_mark() -> None:
    """ "Reyes said,“Look, ..." (no space after the comma): the tag still has its verb."""
    text = (
        "Reyes on the ferry\n\n"
        "Reyes said,\u201cLook, the ferry has no place in this budget. Voters should know "
        "that.\u201d"
    )
    quote = _quote_holding(text, "the ferry has no place")
    assert quote.speaker is not None and quote.speaker.name == "Reyes"
    assert _cue(quote) == "said"


def test_the_lexicon_does_not_learn_from_words_inside_quotation_marks() -> None:
    from quotewire.nlp.english import load_english
    from quotewire.quotes.lexicon import Example, learn

    text = "He said: “I believe the bridge is safe.” Ana Lind believes the bridge is safe."
    doc = load_english()(text)
    cue = text.index("believes")
    content = text.index("the bridge", cue)
    gold = [([(cue, cue + len("believes"))], [(content, len(text) - 1)])]
    quoted = [(text.index("“") + 1, text.index("”"))]
    entries = learn([Example(doc, gold, quoted)] * 5)["entries"]
    assert entries["believe|ccomp"] == {"p": 1.0, "n": 5}
    assert entries["believe|ccomp|noun"] == {"p": 1.0, "n": 5}
    assert "believe|ccomp|pron" not in entries  # the "I believe" inside the quotation


def test_the_other_side_of_a_comparison_makes_no_statement() -> None:
    # "than say the same about Sanders": what voters are less likely to do; the parser hangs
    # it on the clause before and gives it that clause's subject, Clinton
    quotes = _quotes(
        "The poll is out.\n\nDemocratic voters are more likely to say that Clinton represents "
        "their positions well than say the same about Sanders, 73 percent to 63 percent."
    )
    assert not any(q.speaker is not None and q.speaker.name == "Clinton" for q in quotes)
    assert not any(q.text == "the same about Sanders" for q in quotes)


def test_what_a_verb_asks_its_object_to_do_is_no_statement_of_the_subject() -> None:
    quotes = _quotes(
        "Returns\n\nCongress should act, just as federal law requires presidential candidates "
        "to disclose their assets and sources of income.\n\n"
        "Reyes used his acceptance speech to call for the resignation of the mayor."
    )
    speakers = {q.speaker.name if q.speaker else None: q.text for q in quotes}
    assert "federal law" not in speakers  # the candidates would disclose; the law does not
    assert speakers.get("Reyes", "").startswith("the resignation")  # his own call


def test_a_paragraph_introduced_by_a_colon_is_the_speakers_statement() -> None:
    text = (
        "Governor Ana Lind said on Friday that the bridge was unsafe.\n\n"
        "The governor added:\n\n"
        "The bridge will stay closed until the engineers have checked every cable on it.\n\n"
        "The station's poll also found that:\n\n"
        "Its margin of error is three points for the whole sample of listeners.\n\n"
        "A new section:\n\n"
        "Traffic on the river road doubled during the first week of the closure."
    )
    result = quotewire.extract(text)
    quote = _by_snippet(result, "The bridge will stay closed")
    assert _cue(quote) == "added"
    assert quote.speaker is not None and quote.speaker.name == "Ana Lind"
    assert quote.content[0].text.endswith("every cable on it.")
    # what is not a verb of speech ("found"), or no verb at all, introduces no statement
    assert not any("margin of error" in q.text or "Traffic" in q.text for q in result.quotes)


def test_markup_around_a_paragraph_introduced_by_a_colon_is_not_content() -> None:
    text = (
        "One listener tweeted:\n\n"
        '<tweet author="@riverwatch">The mayor should reopen the bridge before the fair '
        "starts next week</tweet>.\n\nThe fair opens on Monday."
    )
    quote = _quote_holding(text, "reopen the bridge")
    assert quote.content[0].text == (
        "The mayor should reopen the bridge before the fair starts next week"
    )


def test_who_stands_for_the_people_before_it_not_a_thing_the_parser_hung_it_on() -> None:
    quote = _quote_holding(
        "The host began taking calls from black listeners to his radio program who said they "
        "had doubts about the mayor.",
        "doubts about the mayor",
    )
    assert quote.speaker is not None and quote.speaker.name == "black listeners"


def test_who_faces_criticism_is_not_its_speaker() -> None:
    quotes = _quotes(
        "For her part, Mayor Ana Lind has faced sharp criticism for failing to address the "
        "flooding in the harbor district."
    )
    assert not any(q.speaker is not None and q.speaker.name == "Ana Lind" for q in quotes)


def test_a_report_in_the_reporting_verbs_tense_hung_inside_the_clause_ends_it() -> None:
    # The parser hangs "hoped" and "implied" on the reported verb; in the tense of "said" and
    # "conceded" they are the speaker's next reports, not part of what was said.
    text = (
        "Council Budget\n\n"
        "Ms. Ortega said she had not seen the report and hoped that the council would publish "
        "it soon.\n\n"
        "The owner conceded that the guard had pushed a customer but implied that it was the "
        "customer's fault."
    )
    said = {(q.cue.text if q.cue else None): q.text for q in _quotes(text)}
    assert said["said"] == "she had not seen the report"
    assert said["hoped"] == "that the council would publish it soon"
    assert said["conceded"] == "that the guard had pushed a customer"
    assert said["implied"] == "that it was the customer's fault"


def test_the_speakers_next_report_with_its_own_auxiliary_ends_the_reported_clause() -> None:
    # "have been calling" cannot share "is" with "relief": the officials have been calling.
    text = (
        "Harbor Debt\n\n"
        "Many officials on the island believe meaningful debt relief is possible only in "
        "bankruptcy and have been calling on Congress to amend the law."
    )
    believed = next(q for q in _quotes(text) if _cue(q) == "believe")
    assert believed.text == "meaningful debt relief is possible only in bankruptcy"
    calling = next(q for q in _quotes(text) if _cue(q) == "calling")
    assert calling.speaker is not None and calling.speaker.name == "Many officials"


def test_a_name_or_a_view_given_in_the_passive_is_no_ones_statement() -> None:
    text = (
        "Island Bank\n\n"
        "The bank financed power plants at a time when the island was known as "
        '"the Poorhouse of the Caribbean," with an economy built on sugar cane.'
    )
    assert not [q for q in _quotes(text) if "Poorhouse" in q.text]
    # nor is what someone is told, or considered, by nobody named
    told = (
        "Island Bank\n\n"
        'Only when a woman can run for office without being told to "smile" will it end. Such '
        'jobs are considered "inherently governmental."'
    )
    assert not [q for q in _quotes(told) if "smile" in q.text or "inherently" in q.text]


def test_an_imperative_opening_a_parenthesis_is_the_writers_aside() -> None:
    text = (
        "Harbor Votes\n\n"
        "With an early win, a long-shot candidate (think Ada Mensah in Lagos 2019) can catch "
        "fire. Firms may move money home rather than risk new rules (think Brexit, for example)."
    )
    assert not [q for q in _quotes(text) if _cue(q) == "think"]


def test_what_someone_says_said_to_be_a_lie_is_not_their_statement() -> None:
    # "Everything Reyes says is a lie": the writer's judgment of Reyes's words; the parser
    # hangs "is a lie" on "says". In a relative clause the gap is the relative's: a report.
    text = (
        "Harbor Letters\n\n"
        "We don't care. Everything Reyes says is a lie unless proven otherwise.\n\n"
        "The board will not move unless the port wins big, something Reyes's aides argue is "
        "possible after Tuesday's vote."
    )
    said = {q.text: q.speaker.name if q.speaker else None for q in _quotes(text)}
    assert not any("a lie" in t for t in said)
    assert any(t.startswith("is possible after") for t in said)


def test_a_quotation_after_someone_saying_it_is_theirs_not_the_framing_verbs() -> None:
    # The parser hangs the quotation on "concludes"; the nearer "Ferro saying" says it.
    text = (
        "Port Ad\n\n"
        "The spot concludes with footage of Ines Ferro saying during the debate last week, "
        "“That makes me smart,” when her rival blasted her for not paying income tax."
    )
    quotes = [q for q in _quotes(text) if "makes me smart" in q.text]
    assert len(quotes) == 1
    assert quotes[0].type == "direct"
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Ines Ferro"


def test_an_aside_in_dashes_or_after_as_names_only_its_own_speaker() -> None:
    # "- some say reckless -" is an aside: "some" say only what the dashes hold, and neither
    # the words before the dash nor the figure after the aside are theirs; in "Hawaii, as one
    # of the mayor's advisers said, ..." the adviser speaks, not Hawaii.
    text = (
        "Traffic Plan\n\n"
        "The council made a bold - some say reckless - pledge in March to cut traffic "
        "30 percent by 2030.\n\n"
        "Hawaii, as one of the mayor's advisers said, normally does not get two storms in a row."
    )
    result = quotewire.extract(text)
    for quote in result.quotes:
        assert quote.speaker is None or "bold" not in quote.speaker.name
    figure = next(c for c in result.claims if c.value == 30)
    assert figure.claimant is None
    storms = _by_snippet(result, "two storms")
    assert storms.speaker is not None and storms.speaker.name == "one of the mayor's advisers"


def test_according_to_right_after_because_scopes_only_the_subordinate_clause() -> None:
    # The writer says Ferro went and will go; Ferro is the source of the reason only. An
    # "according to" closing a "while" clause at the end still covers the whole sentence.
    text = (
        "Port Debate\n\n"
        "Ferro went to that debate, and she will probably go to the next one, because, "
        "according to Ferro, the press would call her a coward if she didn't.\n\n"
        "The mayor led among women, while Ferro led among men, according to exit polls."
    )
    result = quotewire.extract(text)
    reason = _by_snippet(result, "call her a coward")
    assert reason.text.startswith("the press would call her a coward if she didn")
    assert "went to that debate" not in reason.text
    polls = _by_snippet(result, "led among men")
    assert "The mayor led among women" in polls.text


def test_a_reported_clause_running_into_a_long_quotation_is_one_mixed_statement() -> None:
    # The clause before the quotation is longer than the cue window, and the parser hangs the
    # quotation on the cue as a second clause: one statement, clause and quotation together.
    text = (
        "Interview\n\n"
        "Reyes added that she was the only to spend their entire life “fighting to defend the "
        "harbor and the Port of Elm. I’ll tell you this, if the council wins, we will see the "
        "docks sold. Why do I say that? Look at what they did to the rail yard.”"
    )
    quote = _quote_holding(text, "rail yard")
    assert quote.type == "mixed"
    assert quote.text.startswith("that she was the only to spend their entire life “fighting")
    assert quote.speaker is not None and quote.speaker.name == "Reyes"


def test_a_clause_of_time_after_a_tag_is_not_what_the_tag_says() -> None:
    # The parser hangs "after he admitted ... he hadn't been held accountable" on "told" as
    # its clause; it tells when she spoke, so the quotation keeps its tag and nobody is
    # credited with the admission.
    text = (
        "Hearing\n\n"
        "Senator Ada Okafor questioned the chief executive, Tom Brandt, on Tuesday.\n\n"
        "“You should resign, and you should be criminally investigated,” Okafor told Brandt, "
        "after he admitted under Okafor’s grilling he hadn’t yet been held personally "
        "accountable for the actions of his employees."
    )
    result = quotewire.extract(text)
    quote = _by_snippet(result, "You should resign")
    assert _cue(quote) == "told"
    assert quote.speaker is not None and quote.speaker.name == "Ada Okafor"
    assert not any("admitted under" in q.text for q in result.quotes)


def test_no_statement_holds_a_stray_bracket_or_a_piece_without_words() -> None:
    # The parser leaves a bracket's words out: "promoting his new book, “Sin Miedo” (Without
    # Fear)" left "... “Sin Miedo” (", and "(... according to the police ...)" a lone ")".
    text = (
        "Books\n\n"
        "But the anchor, who is promoting his 12th book, “Sin Miedo” (Without Fear), downplayed "
        "his influence.\n\n"
        "(The city does not keep statistics on skateboarding fines, according to the police "
        "department.)"
    )
    for quote in quotewire.extract(text).quotes:
        for piece in quote.content:
            assert any(ch.isalnum() for ch in piece.text)
            assert not piece.text.endswith(("(", "[")) and not piece.text.startswith((")", "]"))


def test_a_headline_pronoun_names_no_speaker() -> None:
    # "Their" in a headline stands for nobody named before it: neither the headline nor the
    # quotation under it is "Their" statement.
    text = (
        "31 Farmers Share Their Most Honest Thoughts On Donald Trump.\n\n"
        '"We need order. If we don’t have it, we’re not going to have a city."\n\n'
        "Getty/Instagram.\n\n"
        "“He scares me.” ― Lena Ortiz\n"
    )
    quotes = quotewire.extract(text).quotes
    assert all(q.speaker is None or q.speaker.name != "Their" for q in quotes)
    assert [q.speaker.name for q in quotes if q.speaker is not None] == ["Lena Ortiz"]


def test_a_participle_right_after_a_quotation_tags_only_the_next_one() -> None:
    # "could be “messy,” adding, “Democracy is messy.”": "messy" belongs to the first report,
    # not to what the speaker added.
    text = (
        "Convention\n\n"
        "In a radio interview Monday, Reyes said the process of drafting the party’s platform "
        "and holding its convention could be “messy,” adding, “Democracy is messy.”"
    )
    added = _by_snippet(quotewire.extract(text), "Democracy is messy")
    assert [c.text for c in added.content] == ["Democracy is messy."]


def test_what_a_thing_was_later_deemed_is_nobodys_statement() -> None:
    # "messages later deemed ''top secret''": nobody named deems them so, least of all the
    # subject of the sentence.
    text = (
        "Emails\n\n"
        "On Friday, he joined other Republicans in pouncing on news that the mayor's private "
        "server had handled messages later deemed ''top secret,'' saying in a post: ''The new "
        "release is a disaster for the mayor.''"
    )
    quotes = quotewire.extract(text).quotes
    assert not any("top secret" in q.text for q in quotes)
    assert any("disaster" in q.text for q in quotes)


def test_a_quotation_the_statement_already_runs_into_is_not_added_twice() -> None:
    """A mixed statement whose clause runs on into a quotation after a colon holds that
    quotation once, not a second time as a quotation that goes on with it."""
    text = (
        "She said she recalls the colleague being \u201cconfused,\u201d and the partner being "
        "supportive of her - at one point even admonishing the client: \u201cYou know, you have "
        "to look at her, because she is the one who knows the answer.\u201d"
    )
    said = [q for q in quotewire.extract(text).quotes if q.cue and q.cue.text == "said"]
    assert len(said) == 1
    pieces = [(s.start, s.end) for s in said[0].content]
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(pieces))  # no overlap
    assert said[0].text.count("You know, you have to look at her") == 1
