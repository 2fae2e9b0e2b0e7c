"""Transcripts, question-and-answer interviews and their speakers (issue 13)."""

from __future__ import annotations

from quotewire.model import Quote, Result
from quotewire.pipeline import Document, run_one
from quotewire.quotes.transcript import (
    find_transcripts,
    outside_turns,
    read_label,
    transcript_words,
    turn_statements,
)
from quotewire.text.paragraphs import split_paragraphs


def _extract(text: str) -> Result:
    return run_one(Document(id="t", text=text))


def _holding(result: Result, snippet: str) -> Quote | None:
    return next((q for q in result.quotes if snippet in q.text), None)


def _speaker(result: Result, snippet: str) -> str | None:
    quote = _holding(result, snippet)
    assert quote is not None, snippet
    return quote.speaker.name if quote.speaker else None


# A broadcast transcript in the layout some publishers use: every paragraph opens with a
# quotation mark that is never closed, the last one closes the whole.
BROADCAST = (
    "Ortiz: Harbor Plan Will Not Be Delayed.\n\n"
    "On Sunday's broadcast of \u201cMorning Desk,\u201d Governor Dana Ortiz said the harbor "
    "plan would go ahead on schedule despite the lawsuit from the shipping council.\n\n"
    "Partial transcript as follows:\n\n"
    '"BRANDT: Governor, the council says your plan will cost the port its busiest season. '
    "Is the plan going to be delayed?\n\n"
    '"ORTIZ: No. The plan is not going to be delayed. We have the permits, we have the money, '
    "and the crews start in March.\n\n"
    '"(CROSSTALK.)\n\n'
    '"BRANDT: But the council has filed suit.\n\n'
    '"ORTIZ: They have every right to go to court. I think the court will see what we see.\n\n'
    '"And the people of this city want a working harbor, not another study.\n\n'
    '"BRANDT: Governor, thank you."\n\n'
    "Follow Lena Park on Twitter @lenapark."
)


def test_broadcast_turns_are_statements_of_their_labels() -> None:
    result = _extract(BROADCAST)
    assert _speaker(result, "The plan is not going to be delayed") == "Dana Ortiz"
    assert _speaker(result, "They have every right to go to court") == "Dana Ortiz"
    # the interviewer is named only by the label: the label stays his name
    assert _speaker(result, "the council has filed suit") == "BRANDT"
    assert _speaker(result, "Is the plan going to be delayed?") == "BRANDT"


def test_a_paragraph_going_on_with_a_turn_belongs_to_it() -> None:
    result = _extract(BROADCAST)
    quote = _holding(result, "They have every right to go to court")
    assert quote is not None and quote.type == "direct" and quote.cue is not None
    assert quote.cue.text == ":"
    assert len(quote.content) == 2
    assert (
        quote.content[1].text
        == "And the people of this city want a working harbor, not another study."
    )
    text = result.article.text
    for quote in result.quotes:
        for span in quote.content:
            assert text[span.start : span.end] == span.text


def test_the_layout_quotation_marks_make_no_quotation() -> None:
    result = _extract(BROADCAST)
    text = result.article.text
    labels = [text.index(label) for label in ('"BRANDT:', '"ORTIZ:', '"(CROSSTALK')]
    for quote in result.quotes:
        for span in quote.content:
            assert not any(span.start <= at + 1 < span.end for at in labels), quote.text
    assert _holding(result, "CROSSTALK") is None
    assert _holding(result, "Follow Lena Park") is None
    assert _speaker(result, "Harbor Plan Will Not Be Delayed") == "Dana Ortiz"


def test_an_interviewer_the_article_names_is_that_person() -> None:
    text = (
        "Mayor Talks Trains\n\n"
        "Mayor Ines Calder sat down with radio host Tom Brandt on Friday to talk about the "
        "new rail line.\n\n"
        "BRANDT: When will the first trains run?\n\n"
        "CALDER: The first trains run in June, and the fares will stay at two dollars.\n\n"
        "BRANDT: And if the budget slips?\n\n"
        "CALDER: It will not slip. The money is in the bank."
    )
    result = _extract(text)
    assert _speaker(result, "When will the first trains run?") == "Tom Brandt"
    assert _speaker(result, "The first trains run in June") == "Ines Calder"
    assert _speaker(result, "The money is in the bank") == "Ines Calder"


INTERVIEW = (
    "Q&A: A coach on the long season\n\n"
    "Former coach Marta Vell led the Harbor City Owls to three titles. Her rival, coach Sam "
    "Ruiz, says she changed the league; Ruiz, Ruiz's players and Ruiz's assistants still talk "
    "about her teams. She spoke with us this week. Questions and answers have been edited.\n\n"
    "Q: Why did you leave the bench?\n\n"
    "A: I was tired, and I wanted to see my children grow up. Nobody believes me, but that "
    "is the whole story.\n\n"
    "I still watch every game, though.\n\n"
    "QDo you miss it?\n\n"
    "A: Every day. I miss the bus rides most of all.\n\n"
    "Q: Would you coach again?\n\n"
    "A: Only if Sam Ruiz asks me to be his assistant, and he never will."
)


def test_answers_go_to_the_interviewee_and_questions_to_no_one() -> None:
    result = _extract(INTERVIEW)
    assert _speaker(result, "I was tired, and I wanted to see my children grow up") == "Marta Vell"
    assert _speaker(result, "I miss the bus rides most of all") == "Marta Vell"
    assert _speaker(result, "Only if Sam Ruiz asks me") == "Marta Vell"
    for question in ("Why did you leave the bench?", "Do you miss it?", "Would you coach again?"):
        assert _holding(result, question) is None


def test_an_answer_goes_on_until_the_next_question_even_without_its_colon() -> None:
    result = _extract(INTERVIEW)
    quote = _holding(result, "I was tired")
    assert quote is not None
    assert [c.text for c in quote.content][-1] == "I still watch every game, though."
    assert _holding(result, "Do you miss it?") is None


def test_a_list_of_labelled_lines_is_no_transcript() -> None:
    text = (
        "What each candidate needs on Tuesday\n\n"
        "Five candidates are on the ballot in the state primary.\n\n"
        "Hale: Win the north by a wide margin.\n\n"
        "Moreno: Hold on to the suburbs around the capital.\n\n"
        "Okafor: Get young voters to turn out in the cities.\n\n"
        "Clinton: 1,769.\n\n"
        "Sanders: 1,501."
    )
    paragraphs = split_paragraphs(text)
    assert find_transcripts(text, paragraphs) == []
    assert read_label(text, paragraphs[-1]) is None  # a count is no one's turn


def test_section_labels_datelines_and_headlines_are_not_turns() -> None:
    text = (
        "Putin: Cooperation with Belarus is very good\n\n"
        "MOSCOW: The talks went on for three hours, officials said.\n\n"
        "Photo: Anna Lee\n\n"
        "UPDATE: The meeting ended at noon.\n\n"
        "MOSCOW: A second round is planned for May.\n\n"
        "Photo: Ben Ward"
    )
    paragraphs = split_paragraphs(text)
    assert find_transcripts(text, paragraphs, skip=[(paragraphs[0].start, paragraphs[0].end)]) == []
    assert read_label(text, paragraphs[2]) is None
    assert read_label(text, paragraphs[3]) is None


def test_one_turn_after_an_announcement_is_a_transcript() -> None:
    text = (
        "Senator Ada Moss spoke on the floor on Thursday about the farm bill.\n\n"
        "Transcript as follows:\n\n"
        "MOSS: This bill keeps faith with the families who feed this country, and I will vote "
        "for it."
    )
    transcripts = find_transcripts(text, split_paragraphs(text))
    assert len(transcripts) == 1 and transcripts[0].turns[0].role == "named"
    assert _speaker(_extract(text), "This bill keeps faith") == "Ada Moss"


def test_a_word_opening_a_sentence_is_no_label() -> None:
    text = (
        "The senator spoke on Thursday.\n\n"
        "Here is what the exchange shows.\n\n"
        "So: the bill will pass, and nobody will read it first."
    )
    assert find_transcripts(text, split_paragraphs(text)) == []


def test_label_words_are_data() -> None:
    words = transcript_words()
    assert {"q", "question"} <= words.questions and {"a", "answer"} <= words.answers
    assert "crosstalk" in words.stage and "transcript" in words.intro
    assert "photo" in words.not_speakers


# A nominal source (a transcript, an email) is not the speaker when the sentence says who spoke.
RECORDS = (
    "Mayor defends the budget\n\n"
    "Mayor Ellen Novak spoke to the council on Tuesday about the new budget and the roads.\n\n"
    'The transcript shows she said: "We cannot fix every road this year, and I will not '
    'pretend that we can."\n\n'
    "Councilman Ray Ortiz spoke after her.\n\n"
    "The memo shows that Ortiz told aides the numbers did not add up.\n\n"
    'A voice-over in the new ad says the mayor "has never raised a tax."'
)


def test_a_document_is_not_the_speaker_when_the_sentence_names_who_spoke() -> None:
    result = _extract(RECORDS)
    quote = _holding(result, "We cannot fix every road this year")
    assert quote is not None and quote.type == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Ellen Novak"
    assert [s.name for s in quote.according_to] == ["The transcript"]
    quote = _holding(result, "the numbers did not add up")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == "Ray Ortiz"
    assert [s.name for s in quote.according_to] == ["The memo"]
    speakers = {q.speaker.name for q in result.quotes if q.speaker}
    assert not speakers & {"The transcript", "The memo"}


def test_a_document_that_names_no_speaker_speaks_itself() -> None:
    result = _extract(RECORDS)
    quote = _holding(result, "has never raised a tax")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "A voice-over"


LETTERS = (
    "Letters to the editor: The harbor plan\n\n"
    "The plan is a gift to developers\n\n"
    "To the Editor:\n\n"
    "I have lived near the port for forty years, and I have never seen a plan that cared so "
    "little for the people who work there. The city should listen to the dock workers first.\n\n"
    "The mayor promises jobs. The plan will bring condos.\n\n"
    "Jane Doe\n\n"
    "Springfield\n\n"
    "Readers deserve the numbers\n\n"
    "The council has not published the cost of the new terminal. Until it does, nobody "
    "should vote for the plan. \u2014 Tom Lee, Riverside\n\n"
    "Photo: Ann Ward"
)


def test_letters_are_credited_to_the_signature_that_follows_them() -> None:
    result = _extract(LETTERS)
    quote = _holding(result, "I have lived near the port for forty years")
    assert quote is not None and quote.type == "direct"
    assert quote.speaker is not None and quote.speaker.name == "Jane Doe"
    assert [c.text for c in quote.content][
        -1
    ] == "The mayor promises jobs. The plan will bring condos."
    quote = _holding(result, "The council has not published the cost")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == "Tom Lee"
    assert quote.cue is not None and quote.cue.text == "\u2014"
    assert quote.content[-1].text.endswith("vote for the plan.")
    # headings, the salutation, the place and the photo credit are no one's words
    for line in (
        "The plan is a gift",
        "To the Editor",
        "Springfield",
        "Readers deserve",
        "Ann Ward",
    ):
        assert _holding(result, line) is None


def test_a_name_on_its_own_line_signs_nothing_outside_a_letters_page() -> None:
    text = (
        "The council met on Tuesday\n\n"
        "The council voted on the harbor plan on Tuesday night after a long debate about "
        "the cost of the new terminal.\n\n"
        "Jane Doe\n\n"
        "The vote was seven to two."
    )
    assert find_transcripts(text, split_paragraphs(text)) == []


def test_bold_labels_of_a_web_page_and_a_role_after_the_name() -> None:
    page = (
        "<html><head><title>A talk with the mayor</title></head><body><article>"
        "<h1>A talk with the mayor</h1>"
        "<p>Mayor Ines Calder sat down with radio host Tom Brandt this week to talk about "
        "trains and the budget of the city.</p>"
        "<p><strong>Q:</strong> When will the first trains run on the new line?</p>"
        "<p><strong>A:</strong> The first trains run in June, and fares stay at two dollars.</p>"
        "<p><b>Q.</b> And the budget?</p>"
        "<p><b>A.</b> It will not slip. The money is in the bank, and the council knows it.</p>"
        "<p><strong>TOM BRANDT (HOST):</strong> Thank you, mayor, for your time today.</p>"
        "<p><strong>CALDER:</strong> Thank you, Tom. It was a pleasure to be here.</p>"
        "</article></body></html>"
    )
    result = run_one(Document(id="t", html=page))
    assert _speaker(result, "The first trains run in June") == "Ines Calder"
    assert _speaker(result, "The money is in the bank") == "Ines Calder"
    assert _speaker(result, "Thank you, mayor") == "Tom Brandt"
    assert _speaker(result, "It was a pleasure to be here") == "Ines Calder"
    assert _holding(result, "And the budget?") is None


def test_a_label_in_capitals_is_a_person_not_an_organization() -> None:
    result = _extract(BROADCAST)
    named = [e for e in result.entities if e.name.upper() in ("BRANDT", "ORTIZ")]
    assert [(e.name, e.type) for e in named] == [("BRANDT", "PERSON")]
    ortiz = next(e for e in result.entities if e.name == "Dana Ortiz")
    assert sum(m.text == "ORTIZ" for m in ortiz.mentions) == 2


def test_a_quotation_after_a_described_name_and_a_colon_is_that_persons() -> None:
    text = (
        "The hearing in two quotes\n\n"
        'Rep. Ann Holt (R-Ohio):"Who told you that ninety percent of your emails were in the '
        'system?"\n\n'
        "Former secretary of state Dana Ortiz: \u201cWe learned that from the department and its "
        "own analysis.\u201d\n\n"
        "Chairman Lee Park later told Channel Nine: \u201cThe hearing is over this year.\u201d\n\n"
        "Continued Park: \u201cWe will meet again in the spring.\u201d\n\n"
        "- an exchange at a hearing on Tuesday."
    )
    result = _extract(text)
    assert _speaker(result, "Who told you that ninety percent") == "Ann Holt"
    assert _speaker(result, "We learned that from the department") == "Dana Ortiz"
    # a verb before the name, or a word that is no given name, makes no label
    assert _speaker(result, "The hearing is over this year") != "Channel Nine"
    labels = [read_label(text, p) for p in split_paragraphs(text)]
    assert [label is not None and label.explicit for label in labels] == [
        False,
        True,
        True,
        False,
        False,
        False,
    ]


def test_a_long_transcript_is_read_in_time_that_grows_with_its_length() -> None:
    import time

    def seconds(n: int) -> float:
        text = "Hearing\n\nTranscript as follows:\n\n" + "\n\n".join(
            f'"{"SMITH" if i % 2 else "JONES"}: We said "yes" to plan number {i} today.'
            for i in range(n)
        )
        paragraphs = split_paragraphs(text)
        began = time.perf_counter()
        transcripts = find_transcripts(text, paragraphs)
        statements = turn_statements(transcripts)
        assert len(statements) == n
        assert outside_turns(statements, transcripts) == []  # each rereads its own turn
        return time.perf_counter() - began

    # eight times the turns: about eight times the time (every statement against every turn
    # was sixty-four times); the best of three runs, as the machines are shared
    small = min(seconds(1000) for _ in range(3))
    large = min(seconds(8000) for _ in range(3))
    assert large < 24 * max(small, 0.02)


def test_fields_of_a_voters_guide_are_no_speakers() -> None:
    text = (
        "Who is running for the school board\n\n"
        "Three candidates are on the ballot for two seats on the board this fall.\n\n"
        "Maria Lopez\n\n"
        "Occupation: Teacher at the Lincoln middle school for twenty years.\n\n"
        "Priorities: Smaller classes and a new science building.\n\n"
        "Tom Reed\n\n"
        "Occupation: Accountant at a firm in the city center.\n\n"
        "Priorities: Lower taxes and a balanced budget every year."
    )
    assert find_transcripts(text, split_paragraphs(text)) == []
    assert _extract(text).quotes == []
