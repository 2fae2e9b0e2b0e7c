"""Issue 13's figure families ("Claims that make sense"), each on sentences written for this
file: what is not a figure, what is one amount, what a figure measures, its trend, and who
claims it."""

from __future__ import annotations

import pytest

import quotewire
from quotewire.claims.amounts import Amount, find_amounts
from quotewire.claims.lexicon import figure_words
from quotewire.model import Claim, Result


def _found(sentence: str) -> list[Amount]:
    found = find_amounts(sentence)
    for amount in found:
        assert sentence[amount.start : amount.end] == amount.text
    return found


def _overlaps(found: list[Amount], sentence: str, words: str) -> list[str]:
    at = sentence.index(words)
    return [a.text for a in found if a.start < at + len(words) and at < a.end]


# ---- not figures ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "not_a_figure", "figure"),
    [
        # numbers in names and titles
        ("Listeners of the show “The 411” sent 3,000 letters.", "411", "3,000 letters"),
        ("Her talk show, The 411, lost 9,000 viewers.", "411", "9,000 viewers"),
        ("The film “41 Shots” cost $2 million to make.", "41 Shots", "$2 million"),
        ("The movie ‘13 Hours’ opened on 2,389 screens.", "13 Hours", "2,389 screens"),
        ("Sales of the book 7 Habits of Busy Mayors passed 80,000 copies.", "7 Habits", "80,000"),
        ("Voters passed Prop. 13, cutting taxes by 57%.", "13", "57%"),
        ("The motel on Route 66 has 14 rooms.", "66", "14 rooms"),
        ("Read part 2 of the series, on 40 mayors.", "2", "40 mayors"),
        ("Leaders of the Group of 20 pledged $5 billion.", "20", "$5 billion"),
        ("He flew on Air Force One with 12 aides.", "One", "12 aides"),
        # "one" and "two" as pronouns and articles
        ("It was one of the sayings, and 30 people repeated it.", "one of", "30 people"),
        ("The two of them raised $4 million.", "two of them", "$4 million"),
        ("The two leaders signed 11 agreements.", "two leaders", "11 agreements"),
        ("Those two states hold 38 electoral votes.", "two states", "38 electoral votes"),
        ("One reader wrote that 15 shops had closed.", "One reader", "15 shops"),
        ("One official said 200 troops would leave.", "One official", "200 troops"),
        ("If one adds the suburbs, turnout was 61%.", "one adds", "61%"),
        ("The firm won, according to one report, $84 million in contracts.", "one report", "$84"),
        ("In one such case, the fine was $9,000.", "one such", "$9,000"),
        ("He was one member of that group of 14 donors.", "one member", "14 donors"),
        ("It is an open question, though one soon answered; 40 towns voted.", "one soon", "40"),
        ("She had one overriding message for the 300 delegates.", "one overriding", "300"),
        ("It is not a one-sided deal; it is worth $70 million.", "one-sided", "$70 million"),
        # times
        ("The count resumed at 8:05AM with 70% of ballots left.", "8:05AM", "70%"),
        ("Doors open at 7PM and 1,500 guests are expected.", "7PM", "1,500 guests"),
        ("By 6 o’clock, 400 people had voted.", "6", "400 people"),
        ("Update, 11: 06 a.m.: 27 flights were cancelled.", "11", "27 flights"),
        ("The truce began at 0600 GMT; 90 trucks crossed.", "0600", "90 trucks"),
        # page ranges and ids
        ("The post 672139201337532417 drew 18,000 replies.", "672139201337532417", "18,000"),
        ("See pp. 112-118 of the audit, which found 46 errors.", "112-118", "46 errors"),
        ("Invoice 004512 shows a charge of $4,300.", "004512", "$4,300"),
        ("Its ISBN begins 978-0-19, and it sold 5,000 copies.", "978-0-19", "5,000 copies"),
        ("Isaiah 45:1 was read to 600 worshippers.", "45:1", "600 worshippers"),
        # version numbers
        ("Version 2.14.1 exposed 1.4 million accounts.", "2.14.1", "1.4 million accounts"),
        ("The 10.3.2 update reached 80 percent of phones.", "10.3.2", "80 percent"),
        # years as dates
        ("In 1776 the colony had 2,500 residents.", "1776", "2,500 residents"),
        ("Back in ’08 the party won 257 seats.", "08", "257 seats"),
        ("It fell on July 14, 1789, when 900 men marched.", "1789", "900 men"),
    ],
)
def test_not_a_figure(sentence: str, not_a_figure: str, figure: str) -> None:
    found = _found(sentence)
    assert not _overlaps(found, sentence, not_a_figure), [a.text for a in found]
    assert _overlaps(found, sentence, figure), [a.text for a in found]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit"),
    [
        # what the families above must leave alone
        ("One person was killed in the crash.", "One person", 1, "people"),
        ("Only one candidate has won both states.", "one candidate", 1, "candidates"),
        ("Prices have risen over the past two years.", "two years", 2, "years"),
        ("The two-mile trek began at noon.", "two-mile", 2, "miles"),
        ("The tally came to nearly 1000.", "nearly 1000", 1000, "dimensionless"),
        ("Lawmakers passed two bills.", "two bills", 2, "bills"),
        ("Support reached “40 percent” in March.", "40 percent", 40, "percent"),
    ],
)
def test_still_figures(sentence: str, text: str, value: float, unit: str) -> None:
    found = _found(sentence)
    assert [(a.text, a.value, a.unit) for a in found] == [(text, pytest.approx(value), unit)]


# ---- one amount -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The developer raised 1.2-billion-yuan (US$171-million) from banks.",
            [("1.2-billion-yuan", 1.2e9, "CNY"), ("US$171-million", 1.71e8, "USD")],
        ),
        ("The city paid $23-million for the site.", [("$23-million", 2.3e7, "USD")]),
        ("A 450-million-euro loan was approved.", [("450-million-euro", 4.5e8, "EUR")]),
        ("They won a two-million-dollar grant.", [("two-million-dollar", 2e6, "USD")]),
        ("Five-hundred-meter walls were built.", [("Five-hundred-meter", 500, "metres")]),
        ("A Two-hundred-kilometre pipe was laid.", [("Two-hundred-kilometre", 200, "kilometres")]),
        ("The dam is 300 meters high.", [("300 meters", 300, "metres")]),
        ("Online betting was a billion-dollar hope.", []),
        (
            "The leak held 2.6 TB of files, a 700 MB table and 40GB of mail.",
            [("2.6 TB", 2.6, "terabytes"), ("700 MB", 700, "megabytes"), ("40GB", 40, "gigabytes")],
        ),
        ("Each photo is about 350KB.", [("about 350KB", 350, "kilobytes")]),
    ],
)
def test_one_amount(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = _found(sentence)
    assert [(a.text, a.value, a.unit) for a in found] == [
        (t, pytest.approx(v), u) for t, v, u in expected
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "value", "against", "unit"),
    [
        ("The committee voted 19-15 to send it on.", "19-15", 19, 15, "votes"),
        ("The justices split 4 to 1 on the question.", "4 to 1", 4, 1, "votes"),
        ("The Senate confirmed her 80-19.", "80-19", 80, 19, "votes"),
        ("A vote of 90 to 10 sent it to the president.", "90 to 10", 90, 10, "votes"),
        ("It passed by a 7-2 vote.", "7-2", 7, 2, "votes"),
        ("The panel backed it by a 2-to-1 margin.", "2-to-1", 2, 1, "votes"),
        ("The home side won 3-1.", "3-1", 3, 1, "dimensionless"),
        ("Democrats outnumber Republicans 3-1 here.", "3-1", 3, 1, "dimensionless"),
    ],
)
def test_a_tally_is_one_amount(
    sentence: str, text: str, value: float, against: float, unit: str
) -> None:
    found = _found(sentence)
    assert [(a.text, a.value, a.against, a.unit, a.comparator) for a in found] == [
        (text, value, against, unit, "=")
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The plant will hire 20-30 workers.",  # a rising pair is a range
        "Prices rose from 5 to 9 dollars.",  # "to" without a vote is no tally
        "It is a 3-2-1 strategy.",
        "The poll of 18-to-34-year-olds was published.",
    ],
)
def test_what_is_no_tally(sentence: str) -> None:
    assert all(a.against is None for a in _found(sentence))


# ---- the data the rules read ----------------------------------------------------------------
def test_the_family_words_are_data() -> None:
    words = figure_words()
    assert "route" in words.names.nouns and "prop" in words.names.abbreviations
    assert words.pronouns.numbers == frozenset({"one", "two"})
    assert words.units.data_sizes["GB"] == "gigabytes"
    assert words.units.spellings["meters"] == "metres"
    assert "voted" in words.tallies.vote_words
    assert "exceeds" in words.measures.stating_verbs and "said" not in words.measures.stating_verbs
    assert "numbers" in words.claimants.data_nouns


# ---- measure, trend and claimant, read off the parse ----------------------------------------
ARTICLE = (
    "Harbour budget under strain\n"
    "09:30, 4 March 2025\n\n"
    "KESTREL BAY, March 4 – Port freight volume was 9.4 million tonnes last year, the port "
    "authority said.\n\n"
    "The city council voted on Monday to pay $5.5 million to the fishermen. The federal "
    "government will cover about 45% of the cost. The operator agreed to a $3 million "
    "settlement with the regulator.\n\n"
    "Rents increased sharply for three years. Repairs could take up to seven weeks, engineers "
    "said. Exports increased 4% in 2024.\n\n"
    "Forty-one percent said prices had risen by 5% in a year, according to a survey by the "
    "Harlow Institute.\n\n"
    "They said 40 people had been hurt in the blast.\n"
)


@pytest.fixture(scope="module")
def article() -> Result:
    return quotewire.extract(ARTICLE)


def _claim(result: Result, text: str) -> Claim:
    found = [c for c in result.claims if c.span.text == text]
    assert found, [c.span.text for c in result.claims]
    return found[0]


def test_the_measure_leaves_out_the_dateline(article: Result) -> None:
    claim = _claim(article, "9.4 million tonnes")
    assert claim.measure == "Port freight volume"
    assert claim.measure_span is not None and "KESTREL" not in claim.measure_span.text


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("$5.5 million", None),  # the council acts; it is not what the money measures
        ("about 45%", "share of the cost"),  # not "federal government"
        ("$3 million", "settlement"),  # the noun the amount describes
    ],
)
def test_the_measure_is_what_the_figure_quantifies(
    article: Result, text: str, measure: str | None
) -> None:
    assert _claim(article, text).measure == measure


def test_a_trend_does_not_attach_to_a_duration(article: Result) -> None:
    assert _claim(article, "three years").trend is None
    assert _claim(article, "up to seven weeks").trend is None  # "up to" is no rise
    assert _claim(article, "4%").trend == "increased"


def test_a_number_or_an_unresolved_pronoun_claims_nothing(article: Result) -> None:
    spoken = _claim(article, "5%")  # said by "Forty-one percent", from the institute's survey
    assert spoken.quote is not None
    assert spoken.claimant is not None and spoken.claimant.name == "Harlow Institute"
    hurt = _claim(article, "40 people")  # "They said": nobody the article names
    assert hurt.claimant is None


def test_data_is_claimed_by_the_organization_it_comes_from() -> None:
    result = quotewire.extract(
        "New numbers from the Census Bureau show that 12% of residents were born abroad.\n"
    )
    claim = _claim(result, "12%")
    assert claim.claimant is not None and claim.claimant.name == "Census Bureau"
    assert claim.claimant.mention is not None
    assert result.article.text[claim.claimant.mention.start : claim.claimant.mention.end] == (
        claim.claimant.mention.text
    )
    alone = quotewire.extract("Numbers show that 12% of residents were born abroad.\n")
    assert _claim(alone, "12%").claimant is None


def test_a_tally_is_a_claim_with_its_other_side() -> None:
    result = quotewire.extract("The committee voted 19-15 on Tuesday to approve the bill.\n")
    claim = _claim(result, "19-15")
    assert (claim.value, claim.against, claim.unit, claim.kind) == (19, 15, "votes", "count")
    assert result.to_dict()["schema_version"] == "2"


def test_a_count_is_measured_by_what_it_is_a_lead_of_not_by_what_holds_it() -> None:
    result = quotewire.extract(
        "Lund went into May with a lead of more than 300 pledged delegates. About 20 of them "
        "are new. A crowd of 1,200 supporters cheered.\n"
    )
    assert _claim(result, "more than 300 pledged delegates").measure == "lead"
    assert _claim(result, "About 20").measure is None  # not "them"
    assert _claim(result, "1,200 supporters").measure is None  # the crowd only holds them


def test_a_scale_after_plus_scales_the_amount() -> None:
    result = quotewire.extract(
        "The council now carries a $20-plus trillion debt, the auditor said.\n"
    )
    claim = _claim(result, "$20-plus trillion")
    assert (claim.value, claim.unit, claim.comparator) == (20e12, "USD", ">")


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        # a hyphenated word is the counted noun, not a number of nothing
        ("The gunman killed 20 first-graders and six adults.", "20 first-graders", "first-graders"),
        ("She and 15 co-defendants pleaded not guilty.", "15 co-defendants", "co-defendants"),
        ("The county hired 18 fact-checkers last year.", "18 fact-checkers", "fact-checkers"),
        ("They rent a 15,000 square-foot office downtown.", "15,000 square-foot", "square feet"),
        # a hyphenated adjective before the noun stays one
        ("About 40 part-time workers quit.", "About 40 part-time workers", "workers"),
    ],
)
def test_a_hyphenated_counted_noun(sentence: str, text: str, unit: str) -> None:
    found = _found(sentence)
    assert [(a.text, a.unit) for a in found][:1] == [(text, unit)]


def test_a_hyphenated_adjective_before_a_name_is_no_unit() -> None:
    found = _found("Four plain-clothes NYPD officers came to the door.")
    assert all(a.unit != "plain-clothes" for a in found)


def test_plus_or_minus_is_a_margin_not_more_than() -> None:
    # "a two percent plus or minus margin of error" is a margin of 2 points either way, never
    # "more than 2 percent"; "300-plus delegates" still is more than 300.
    found = _found("The survey has a two percent plus or minus margin of error.")
    assert [(a.text, a.comparator) for a in found] == [("two percent", "=")]
    found = _found("She has 300-plus delegates.")
    assert [(a.text, a.comparator) for a in found] == [("300-plus delegates", ">")]


def test_more_or_fewer_before_the_noun_counts_the_noun_and_is_the_trend() -> None:
    # "25 million more people" counts people, and "more" says the count went up; "more than"
    # after a number is no counted noun.
    text = (
        "The governor said 25 million more people have insurance now, and that the state "
        "created about 5,000 fewer jobs than planned. Turnout was 25 million more than in 2012."
    )
    result = quotewire.extract(text)
    claims = [(c.span.text, c.unit, c.trend) for c in result.claims]
    assert ("25 million more people", "people", "increased") in claims
    assert ("about 5,000 fewer jobs", "jobs", "decreased") in claims
    turnout = [c.unit for c in result.claims if c.span.start > text.index("Turnout")]
    assert turnout == ["dimensionless"]


def test_who_opens_a_count_of_things_is_no_measure_of_it() -> None:
    # "thousands of clerks opened more than 2 million accounts": the clerks act on the
    # accounts; "the petition reached 563,000 signatures" still measures the petition.
    opened = quotewire.extract("Thousands of clerks opened more than 2 million accounts.")
    assert [(c.unit, c.measure) for c in opened.claims] == [("accounts", None)]
    reached = quotewire.extract("The petition has reached a record 563,000 signatures.")
    assert [(c.unit, c.measure) for c in reached.claims] == [("signatures", "petition")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a capital after "One" in a title-case headline may be its verb: no unit from it
        ("One Tweet Sums Up The Whole Debate.", []),
        # "one" before an adjective and its singular noun counts the noun
        ("He has one older brother.", [("one older brother", "brothers")]),
        ("The memo came from one former executive.", [("one former executive", "executives")]),
        ("She has one younger sister.", [("one younger sister", "sisters")]),
        # running text keeps a range over capitalised words
        (
            "She could make from one to three Supreme Court appointments.",
            [("from one to three Supreme Court appointments", "appointments")],
        ),
    ],
)
def test_the_noun_one_counts(sentence: str, expected: list[tuple[str, str]]) -> None:
    found = _found(sentence)
    assert [(a.text, a.unit) for a in found if a.unit != "dimensionless"] == expected
