"""The amount finder, the number readers, time and trend context, check-worthiness and the
amounts bench, on short hand-written news sentences."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from quotewire.bench.amounts import evaluate_amounts, load_sentences
from quotewire.claims.amounts import Amount, find_amounts
from quotewire.claims.context import find_times, find_trend
from quotewire.claims.extract import checkworthy
from quotewire.claims.numbers import literal_value, words_value
from quotewire.errors import InputError
from quotewire.model import Claim, ClaimTime, Span


def only(sentence: str, lang: str = "en") -> Amount:
    """The one amount in ``sentence``, checked against the slice it claims to cover."""
    found = find_amounts(sentence, lang=lang)
    assert len(found) == 1, [a.text for a in found]
    amount = found[0]
    assert sentence[amount.start : amount.end] == amount.text
    return amount


# ---- money ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "value", "unit"),
    [
        ("The ministry will spend $4.5bn on new roads.", "en", "$4.5bn", 4.5e9, "USD"),
        ("Brussels approved €1.2 billion in aid for farmers.", "en", "€1.2 billion", 1.2e9, "EUR"),
        ("The council borrowed £120m to rebuild the bridge.", "en", "£120m", 1.2e8, "GBP"),
        ("The mayor's campaign raised $12.4million in June.", "en", "$12.4million", 1.24e7, "USD"),
        ("Tokyo unveiled a ¥3 trillion stimulus package.", "en", "¥3 trillion", 3e12, "JPY"),
        (
            "The budget sets aside 2.4 trillion yen for defence.",
            "en",
            "2.4 trillion yen",
            2.4e12,
            "JPY",
        ),
        ("The state allocated Rs 500 crore to flood relief.", "en", "Rs 500 crore", 5e9, "INR"),
        ("Exports reached US$1.2 trillion in the period.", "en", "US$1.2 trillion", 1.2e12, "USD"),
        ("India budgeted ₹2.6 lakh crore for roads.", "en", "₹2.6 lakh crore", 2.6e12, "INR"),
        ("Ottawa pledged C$500 million for housing.", "en", "C$500 million", 5e8, "CAD"),
        ("The takeover is worth HK$3bn.", "en", "HK$3bn", 3e9, "HKD"),
        ("Brazil raised R$10 billion in bonds.", "en", "R$10 billion", 1e10, "BRL"),
        ("The fund holds USD 5 million in cash.", "en", "USD 5 million", 5e6, "USD"),
        ("Copenhagen set aside 12bn DKK for defence.", "en", "12bn DKK", 1.2e10, "DKK"),
        ("The strike cost the firm 2m pounds.", "en", "2m pounds", 2e6, "GBP"),
        ("Villagers paid 250,000 won for the plot.", "en", "250,000 won", 2.5e5, "KRW"),
        (
            "The deal is worth forty-five million dollars.",
            "en",
            "forty-five million dollars",
            4.5e7,
            "USD",
        ),
        ("Минфин выделил 50 млрд долларов на программу.", "ru", "50 млрд долларов", 5e10, "USD"),
        ("Бюджет получит 1,5 трлн рублей.", "ru", "1,5 трлн рублей", 1.5e12, "RUB"),
        ("Средняя зарплата составила 61 800 рублей.", "ru", "61 800 рублей", 61800, "RUB"),
        ("Der Bund stellt 3,5 Mrd. Euro bereit.", "de", "3,5 Mrd. Euro", 3.5e9, "EUR"),
        ("Die Stadt plant 2,5 Mio. Euro ein.", "de", "2,5 Mio. Euro", 2.5e6, "EUR"),
        ("Das Ticket kostet 1.234,5 Euro.", "de", "1.234,5 Euro", 1234.5, "EUR"),
    ],
)
def test_money(sentence: str, lang: str, text: str, value: float, unit: str) -> None:
    amount = only(sentence, lang)
    assert amount.text == text
    assert amount.value == pytest.approx(value)
    assert amount.unit == unit
    assert amount.kind == "money"
    assert amount.comparator == "="
    assert amount.high is None


def test_money_in_a_german_quote_read_in_an_english_text() -> None:
    # the unit words are German, so the numeral is re-read the German way
    amount = only("The ministry said it would spend 3,5 Mrd. Euro on rail.")
    assert amount.value == pytest.approx(3.5e9)
    assert amount.unit == "EUR"


# ---- percent, percentage points, basis points ---------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "value", "unit", "kind"),
    [
        (
            "The bank raised rates to 4.25 percent on Tuesday.",
            "en",
            "4.25 percent",
            4.25,
            "percent",
            "percent",
        ),
        (
            "Support for the plan stands at 38 per cent.",
            "en",
            "38 per cent",
            38,
            "percent",
            "percent",
        ),
        ("Output shrank -3.2% in the period.", "en", "-3.2%", -3.2, "percent", "percent"),
        (
            "The jobless rate climbed 0.3 percentage points.",
            "en",
            "0.3 percentage points",
            0.3,
            "percentage_points",
            "points",
        ),
        (
            "The central bank cut rates by 25 basis points.",
            "en",
            "25 basis points",
            0.25,
            "percentage_points",
            "points",
        ),
        ("Lenders trimmed margins by 40 bps.", "en", "40 bps", 0.4, "percentage_points", "points"),
        (
            "The rate fell by half a percentage point.",
            "en",
            "half a percentage point",
            0.5,
            "percentage_points",
            "points",
        ),
        (
            "Labour leads by 5 points in the latest poll.",
            "en",
            "5 points",
            5,
            "percentage_points",
            "points",
        ),
        ("Цены выросли на 1,5%.", "ru", "1,5%", 1.5, "percent", "percent"),
        (
            "Ставка снижена на 2 процентных пункта.",
            "ru",
            "2 процентных пункта",
            2,
            "percentage_points",
            "points",
        ),
        ("Die Inflation lag bei 3,5 Prozent.", "de", "3,5 Prozent", 3.5, "percent", "percent"),
        (
            "Die Zinsen stiegen um 0,25 Prozentpunkte.",
            "de",
            "0,25 Prozentpunkte",
            0.25,
            "percentage_points",
            "points",
        ),
    ],
)
def test_percent_and_points(
    sentence: str, lang: str, text: str, value: float, unit: str, kind: str
) -> None:
    amount = only(sentence, lang)
    assert (amount.text, amount.unit, amount.kind) == (text, unit, kind)
    assert amount.value == pytest.approx(value)


def test_points_of_an_index_are_not_percentage_points() -> None:
    amount = only("The Dow fell 300 points on Monday.")
    assert (amount.value, amount.unit, amount.kind) == (300, "points", "count")


def test_points_and_percent_in_one_sentence() -> None:
    found = find_amounts("Unemployment fell 0.3 percentage points to 4.1%.")
    assert [(a.text, a.value, a.unit) for a in found] == [
        ("0.3 percentage points", 0.3, "percentage_points"),
        ("4.1%", 4.1, "percent"),
    ]


# ---- counts, ages, anniversaries ------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "value", "unit"),
    [
        ("The firm created 12,400 new jobs in the region.", "en", "12,400 new jobs", 12400, "jobs"),
        (
            "The carmaker laid off 1,200 full-time workers.",
            "en",
            "1,200 full-time workers",
            1200,
            "workers",
        ),
        ("One passenger was injured in the crash.", "en", "One passenger", 1, "passengers"),
        ("Police detained one man after the match.", "en", "one man", 1, "men"),
        ("The party won 45 seats in the assembly.", "en", "45 seats", 45, "seats"),
        ("The pipeline stretches 1,200 km under the sea.", "en", "1,200 km", 1200, "kilometres"),
        ("The plant will generate 3 GW of power.", "en", "3 GW", 3, "gigawatts"),
        ("В акции участвовали 300 000 человек.", "ru", "300 000 человек", 300000, "человек"),
        # ages
        ("Police arrested a 64-year-old man on Monday.", "en", "64-year-old", 64, "years"),
        ("Jane Roe, 43, said she had waited for hours.", "en", "43", 43, "years"),
        ("Ein 21-jähriger Mann wurde festgenommen.", "de", "21-jähriger", 21, "years"),
        ("В Москве задержан 25-летний мужчина.", "ru", "25-летний", 25, "years"),
        # anniversaries
        (
            "The city marks the 80th anniversary of its liberation.",
            "en",
            "80th anniversary",
            80,
            "years",
        ),
        (
            "The village celebrated its 100th birthday this week.",
            "en",
            "100th birthday",
            100,
            "years",
        ),
    ],
)
def test_counts(sentence: str, lang: str, text: str, value: float, unit: str) -> None:
    amount = only(sentence, lang)
    assert (amount.text, amount.value, amount.unit, amount.kind) == (text, value, unit, "count")
    assert amount.comparator == "="


def test_negative_with_minus_and_a_margin_with_plus_or_minus() -> None:
    assert only("Temperatures fell to minus 5 degrees.").value == -5
    margin = only("The margin of error is plus or minus 3.5 points.")
    assert margin.value == 3.5  # a margin, not a negative amount


# ---- ranges and changes -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "text", "value", "high", "unit"),
    [
        (
            "Prices will rise by between 3 and 4 percent.",
            "between 3 and 4 percent",
            3,
            4,
            "percent",
        ),
        ("The tunnel will cost $3-4 billion.", "$3-4 billion", 3e9, 4e9, "USD"),
        ("The fund needs €10-12bn to survive.", "€10-12bn", 1e10, 1.2e10, "EUR"),
        ("The budget is 20–25 million pounds.", "20–25 million pounds", 2e7, 2.5e7, "GBP"),
        (
            "Officials expect 3 to 4 million visitors.",
            "3 to 4 million visitors",
            3e6,
            4e6,
            "visitors",
        ),
        ("Rents range from €75 to €950 a month.", "from €75 to €950", 75, 950, "EUR"),
        ("Seats sell for from 20 to 25 dollars.", "from 20 to 25 dollars", 20, 25, "USD"),
        ("Growth of 3.4% to 3.9% is forecast.", "3.4% to 3.9%", 3.4, 3.9, "percent"),
        ("Growth will be 1.5-2% next year.", "1.5-2%", 1.5, 2, "percent"),
        (
            "The bank may cut by 25-50 basis points.",
            "25-50 basis points",
            0.25,
            0.5,
            "percentage_points",
        ),
        ("Turnout was 40-45 percent.", "40-45 percent", 40, 45, "percent"),
        (
            "Between 2 and 3 million barrels a day were lost.",
            "Between 2 and 3 million barrels",
            2e6,
            3e6,
            "barrels",
        ),
        (
            "Homes sold for from $1 million to $3 million.",
            "from $1 million to $3 million",
            1e6,
            3e6,
            "USD",
        ),
    ],
)
def test_ranges(sentence: str, text: str, value: float, high: float, unit: str) -> None:
    amount = only(sentence)
    assert amount.text == text
    assert amount.comparator == "range"
    assert amount.value == pytest.approx(value)
    assert amount.high == pytest.approx(high)
    assert amount.unit == unit


def test_russian_and_german_ranges() -> None:
    ru = only("Зарплаты вырастут от 5 до 7 процентов.", "ru")
    assert (ru.text, ru.value, ru.high, ru.unit) == ("от 5 до 7 процентов", 5, 7, "percent")
    de = only("Die Preise steigen zwischen 3 und 4 Prozent.", "de")
    assert (de.text, de.value, de.high, de.comparator) == (
        "zwischen 3 und 4 Prozent",
        3,
        4,
        "range",
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Inflation rose from 1.9% to 2.3% in May.", [("1.9%", 1.9), ("2.3%", 2.3)]),
        ("The deficit narrowed from 5.1% to 4.4% of output.", [("5.1%", 5.1), ("4.4%", 4.4)]),
        ("Ticket prices rose from $20 to $25.", [("$20", 20), ("$25", 25)]),
        ("The share of wind rose to 40% from 35%.", [("40%", 40), ("35%", 35)]),
    ],
)
def test_a_change_from_one_value_to_another_is_two_amounts(
    sentence: str, expected: list[tuple[str, float]]
) -> None:
    found = find_amounts(sentence)
    assert [(a.text, a.value) for a in found] == expected
    assert all(a.high is None and a.comparator == "=" for a in found)


# ---- comparators --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "comparator", "value", "unit"),
    [
        (
            "The petition needs 500 signatures or more.",
            "en",
            "500 signatures or more",
            ">=",
            500,
            "signatures",
        ),
        ("Turnout reached 60 per cent or more.", "en", "60 per cent or more", ">=", 60, "percent"),
        ("The levy will raise $4 billion or less.", "en", "$4 billion or less", "<=", 4e9, "USD"),
        (
            "The repairs cost 20 million euros or so.",
            "en",
            "20 million euros or so",
            "~",
            2e7,
            "EUR",
        ),
        ("At least 30 people died in the floods.", "en", "At least 30 people", ">=", 30, "people"),
        (
            "No fewer than 12 ministers resigned.",
            "en",
            "No fewer than 12 ministers",
            ">=",
            12,
            "ministers",
        ),
        ("The fund could reach up to $2 billion.", "en", "up to $2 billion", "<=", 2e9, "USD"),
        ("The fine is no more than €50,000.", "en", "no more than €50,000", "<=", 5e4, "EUR"),
        # a denied comparator verb is the other bound: "will not exceed" is at most
        ("The deficit will not exceed 1.7% of GDP.", "en", "not exceed 1.7%", "<=", 1.7, "percent"),
        ("Sales won't top $5 billion.", "en", "won't top $5 billion", "<=", 5e9, "USD"),
        ("Turnout never surpassed 40%.", "en", "never surpassed 40%", "<=", 40, "percent"),
        ("Дефицит не превышает 2%.", "ru", "не превышает 2%", "<=", 2, "percent"),
        (
            "As many as 600 migrants were rescued.",
            "en",
            "As many as 600 migrants",
            "<=",
            600,
            "migrants",
        ),
        ("Nearly 40% of voters backed the measure.", "en", "Nearly 40%", "~", 40, "percent"),
        ("Costs were approx. $2 million.", "en", "approx. $2 million", "~", 2e6, "USD"),
        (
            "An estimated 4,000 homes were damaged.",
            "en",
            "An estimated 4,000 homes",
            "~",
            4000,
            "homes",
        ),
        (
            "More than 2,000 workers walked out.",
            "en",
            "More than 2,000 workers",
            ">",
            2000,
            "workers",
        ),
        ("Sales topped $10 million in the quarter.", "en", "topped $10 million", ">", 1e7, "USD"),
        ("The fund invested in excess of $3bn.", "en", "in excess of $3bn", ">", 3e9, "USD"),
        ("Well over 100,000 people signed.", "en", "Well over 100,000 people", ">", 1e5, "people"),
        ("Fewer than 100 homes still lack power.", "en", "Fewer than 100 homes", "<", 100, "homes"),
        ("Under 10% of firms responded.", "en", "Under 10%", "<", 10, "percent"),
        ("Кредит составит до 5 млрд рублей.", "ru", "до 5 млрд рублей", "<=", 5e9, "RUB"),
        (
            "Mehr als 12 Mrd. Euro fließen in Schulen.",
            "de",
            "Mehr als 12 Mrd. Euro",
            ">",
            1.2e10,
            "EUR",
        ),
        # a duration after "over" says how long, not more than
        ("The debt will be repaid over five years.", "en", "five years", "=", 5, "years"),
        ("Donors handed over $9 million to the fund.", "en", "$9 million", "=", 9e6, "USD"),
        ("Lee is within 150 votes of Reyes.", "en", "within 150 votes", "<=", 150, "votes"),
        ("The board must rule within 90 days.", "en", "90 days", "=", 90, "days"),
        # "raised the rate to 21%" is the new value, not an upper bound
        ("Банк повысил ставку до 21%.", "ru", "21%", "=", 21, "percent"),
    ],
)
def test_comparators(
    sentence: str, lang: str, text: str, comparator: str, value: float, unit: str
) -> None:
    amount = only(sentence, lang)
    assert (amount.text, amount.comparator, amount.unit) == (text, comparator, unit)
    assert amount.value == pytest.approx(value)


def test_comparator_words_are_inside_the_span_and_the_number_is_not_them() -> None:
    sentence = "Officials said more than 2,000 workers walked out."
    amount = only(sentence)
    assert sentence[amount.start : amount.start + 9] == "more than"
    assert sentence[amount.number_start : amount.number_end] == "2,000"


# ---- numbers in words ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "value", "unit"),
    [
        ("Two dozen protesters gathered outside.", "en", "Two dozen protesters", 24, "protesters"),
        ("The rebels seized two dozen villages.", "en", "two dozen villages", 24, "villages"),
        ("A dozen soldiers were wounded.", "en", "A dozen soldiers", 12, "soldiers"),
        ("Half a million people fled the city.", "en", "Half a million people", 5e5, "people"),
        (
            "The town has half a million residents.",
            "en",
            "half a million residents",
            5e5,
            "residents",
        ),
        ("A million people marched on Sunday.", "en", "A million people", 1e6, "people"),
        (
            "Three hundred and twenty families were evacuated.",
            "en",
            "Three hundred and twenty families",
            320,
            "families",
        ),
        ("Ten thousand fans attended the final.", "en", "Ten thousand fans", 1e4, "fans"),
        ("Eleven miners were trapped.", "en", "Eleven miners", 11, "miners"),
        ("Fünf Menschen wurden verletzt.", "de", "Fünf Menschen", 5, "menschen"),
    ],
)
def test_spelled_out_numbers(sentence: str, lang: str, text: str, value: float, unit: str) -> None:
    amount = only(sentence, lang)
    assert (amount.text, amount.value, amount.unit, amount.kind) == (text, value, unit, "count")


# ---- fractions and shares -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang", "text", "value", "comparator"),
    [
        ("A third of voters remain undecided.", "en", "A third", 100 / 3, "="),
        ("Two-thirds of members backed the motion.", "en", "Two-thirds", 200 / 3, "="),
        ("Roughly two-thirds of voters agreed.", "en", "Roughly two-thirds", 200 / 3, "~"),
        ("A quarter of households own a car.", "en", "A quarter", 25, "="),
        ("A fifth of the budget goes on pensions.", "en", "A fifth", 20, "="),
        ("Half of the staff work remotely.", "en", "Half", 50, "="),
        ("More than half of the staff quit.", "en", "More than half", 50, ">"),
        ("Three in ten adults skip breakfast.", "en", "Three in ten", 30, "="),
        ("One in five children lives in poverty.", "en", "One in five", 20, "="),
        ("Nine out of 10 doctors agreed.", "en", "Nine out of 10", 90, "="),
        ("Die Hälfte der Befragten lehnt den Plan ab.", "de", "Die Hälfte", 50, "="),
        ("Ein Drittel der Firmen plant Kürzungen.", "de", "Ein Drittel", 100 / 3, "="),
        ("Треть жителей города осталась без света.", "ru", "Треть", 100 / 3, "="),
        ("Две трети опрошенных поддержали закон.", "ru", "Две трети", 200 / 3, "="),
        ("Около трети жителей уехали.", "ru", "Около трети", 100 / 3, "~"),
    ],
)
def test_fractions_are_percentages(
    sentence: str, lang: str, text: str, value: float, comparator: str
) -> None:
    amount = only(sentence, lang)
    assert (amount.text, amount.unit, amount.kind, amount.comparator) == (
        text,
        "percent",
        "percent",
        comparator,
    )
    assert amount.value == pytest.approx(value, abs=1e-5)


@pytest.mark.parametrize(
    "sentence",
    [
        "She is seeking a third term in office.",
        "Growth slowed in the first half of 2025.",
        "The second half of the year was strong.",
        "The board met for a seventh time.",
        "The strike entered its third week.",
        "The bank hired a third-party auditor.",
        "He finished a quarter ahead of the pack.",
        "Three of the victims were children.",
    ],
)
def test_ordinals_and_words_that_are_not_fractions(sentence: str) -> None:
    assert find_amounts(sentence) == []


# ---- reading one number -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("literal", "lang", "value"),
    [
        ("1.234,5", "de", 1234.5),
        ("1.234", "de", 1234.0),
        ("1.234", "en", 1.234),
        ("12,400", "en", 12400.0),
        ("1,234,567", "en", 1234567.0),
        ("1,234.56", "en", 1234.56),
        ("4.5", "en", 4.5),
        ("1,5", "ru", 1.5),
        ("1,234", "ru", 1.234),
        ("300 000", "ru", 300000.0),
        ("1 234,5", "ru", 1234.5),
        ("12\u00a0400", "fr", 12400.0),
        ("0,75", "de", 0.75),
    ],
)
def test_literal_value(literal: str, lang: str, value: float) -> None:
    assert literal_value(literal, lang) == pytest.approx(value)


@pytest.mark.parametrize(
    ("words", "lang", "value"),
    [
        (("two", "hundred"), "en", 200.0),
        (("forty-five",), "en", 45.0),
        (("three", "hundred", "and", "twenty"), "en", 320.0),
        (("one", "million"), "en", 1e6),
        (("двадцать", "пять"), "ru", 25.0),
        (("banana",), "en", None),
    ],
)
def test_words_value(words: tuple[str, ...], lang: str, value: float | None) -> None:
    assert words_value(words, lang) == value


def test_locale_decides_the_separator_in_running_text() -> None:
    assert only("Die Firma zahlte 1.234 Euro.", "de").value == 1234
    assert only("Цены выросли на 1,5%.", "ru").value == 1.5
    assert only("The agency counted 12,400 new cases.").value == 12400


# ---- things that are not amounts ----------------------------------------------------------------
@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        # dates
        ("The summit opened on 26 September 2025.", "en"),
        ("The vote is set for Aug. 30.", "en"),
        ("She was born on September 26.", "en"),
        ("The contract was signed on 12.05.2024.", "en"),
        ("The band was popular in the 1990s.", "en"),
        ("Rents soared during the 80’s and fell in the 1990's.", "en"),
        ("He joined the club before the 2024-25 season.", "en"),
        ("Turnout was high in 2019.", "en"),
        ("Between 2020 and 2024, sales doubled.", "en"),
        ("The 9/11 attacks changed security policy.", "en"),
        # times
        ("The train left at 10:52.", "en"),
        ("The meeting starts at 3 p.m.", "en"),
        # names
        ("The airline ordered a Boeing 737.", "en"),
        ("Leaders meet at the G20 summit.", "en"),
        ("The COVID-19 pandemic hit tourism.", "en"),
        ("An Airbus A320 landed safely.", "en"),
        ("Apple launched the iPhone 15.", "en"),
        ("Kyiv received more F-16 jets.", "en"),
        ("The firm rolled out a 5G network.", "en"),
        ("Investigators studied the MH17 crash.", "en"),
        # laws and numbered things
        ("NATO invoked Article 5.", "en"),
        ("Congress debated Section 230.", "en"),
        ("The 19th Amendment gave women the vote.", "en"),
        ("The firm filed for Chapter 11 bankruptcy.", "en"),
        ("The story ran on page 12.", "en"),
        ("The song reached No. 1 in Britain.", "en"),
        ("The hearing is in Room 204.", "en"),
        # addresses and phone numbers
        ("The prime minister lives at 10 Downing Street.", "en"),
        ("The blast went off in front of 131 West 23rd Street.", "en"),
        ("Das Büro liegt in der Hauptstraße 5.", "de"),
        ("Call the hotline on 020 7946 0958.", "en"),
        ("Reach the desk at 202-555-0143.", "en"),
        # other
        ("Workers save through a 401(k) plan.", "en"),
        ("Profits rose in the third quarter.", "en"),
        ("The 1st Battalion moved north.", "en"),
    ],
)
def test_non_claims(sentence: str, lang: str) -> None:
    assert find_amounts(sentence, lang=lang) == []


@pytest.mark.parametrize(
    ("sentence", "text"),
    [
        ("On 26 September 2025 the fund paid out $3 million.", "$3 million"),
        ("At 10:52 a Boeing 737 with 180 passengers landed.", "180 passengers"),
        ("Under Article 5, some 4,000 troops were sent.", "some 4,000 troops"),
        ("The COVID-19 relief bill cost $1.9 trillion.", "$1.9 trillion"),
    ],
)
def test_only_the_amount_beside_a_non_claim(sentence: str, text: str) -> None:
    assert only(sentence).text == text


# ---- offsets and windows ------------------------------------------------------------------------
TEXT = "Exports rose 4%. Imports fell $2.5 billion. About 300 workers quit."


def test_offsets_are_into_the_whole_text() -> None:
    found = find_amounts(TEXT)
    assert [(a.start, a.end, a.text) for a in found] == [
        (13, 15, "4%"),
        (30, 42, "$2.5 billion"),
        (44, 61, "About 300 workers"),
    ]
    assert [TEXT[a.number_start : a.number_end] for a in found] == ["4", "2.5", "300"]


def test_a_window_returns_only_its_own_amounts() -> None:
    lo, hi = TEXT.index("Imports"), TEXT.index("About")
    found = find_amounts(TEXT, lo, hi)
    assert [(a.start, a.end, a.text, a.value) for a in found] == [(30, 42, "$2.5 billion", 2.5e9)]
    assert [a.text for a in find_amounts(TEXT, 0, lo)] == ["4%"]
    assert [a.text for a in find_amounts(TEXT, hi)] == ["About 300 workers"]


def test_a_window_does_not_reach_back_for_a_comparator() -> None:
    lo = TEXT.index("300")
    (amount,) = find_amounts(TEXT, lo)
    assert (amount.start, amount.text, amount.comparator) == (lo, "300 workers", "=")
    assert TEXT[amount.start : amount.end] == amount.text


def test_window_offsets_with_a_multiline_text() -> None:
    text = "HEADLINE\n\nThe 2025 budget sets aside ¥3 trillion.\nNearly 40% agreed.\n"
    first = text.index("The")
    second = text.index("Nearly")
    (money,) = find_amounts(text, first, second)
    assert text[money.start : money.end] == money.text == "¥3 trillion"
    assert first <= money.start < money.end <= second
    (share,) = find_amounts(text, second, len(text))
    assert (share.start, share.text, share.comparator) == (second, "Nearly 40%", "~")


PROPERTY_SENTENCES = [
    "The ministry will spend $4.5bn on new roads.",
    "Between 2 and 3 million barrels a day were lost.",
    "Rents range from €75 to €950 a month, up 12% on the year.",
    "Nearly 40% of voters backed the measure, while 1,200 full-time workers struck.",
    "Jane Roe, 43, said two dozen villages and half a million people were cut off.",
    "Минфин выделил 50 млрд долларов, а более 300 000 человек вышли на улицы.",
    "Der Bund stellt 3,5 Mrd. Euro bereit; die Hälfte der Befragten ist dagegen.",
    "Inflation rose from 1.9% to 2.3%, and the bank cut rates by 25 basis points.",
    "On 26 September 2025, at 10:52, the Boeing 737 took off with 180 passengers.",
    "Three in ten adults and a third of children skip breakfast, the 80th anniversary study found.",
    "The debt, $3-4 billion, will be repaid over five years or more.",
]


def test_every_span_is_its_slice_and_holds_its_number() -> None:
    seen = 0
    for sentence in PROPERTY_SENTENCES:
        lang = "ru" if "Минфин" in sentence else "de" if "Bund" in sentence else "en"
        found = find_amounts(sentence, lang=lang)
        assert found, sentence
        previous_end = 0
        for a in found:
            seen += 1
            assert sentence[a.start : a.end] == a.text
            assert a.start <= a.number_start < a.number_end <= a.end
            assert a.start >= previous_end  # in text order, without overlap
            previous_end = a.end
            assert a.comparator in ("=", ">", ">=", "<", "<=", "~", "range")
            assert (a.high is not None) == (a.comparator == "range")
            if a.high is not None:
                assert a.high > a.value
    assert seen >= 20


# ---- period and trend ---------------------------------------------------------------------------
PUBLISHED = date(2025, 3, 14)


@pytest.mark.parametrize(
    ("sentence", "words", "period", "relative"),
    [
        ("Exports grew 4% in 2025.", "2025", "2025", False),
        (
            "Profits rose in the first quarter of 2025.",
            "the first quarter of 2025",
            "2025-Q1",
            False,
        ),
        ("Output fell in Q1 2025.", "Q1 2025", "2025-Q1", False),
        ("Sales slowed in the first half of 2025.", "the first half of 2025", "2025-H1", False),
        # a half or quarter that has not begun by the article's date is last year's
        ("Sales recovered in the second half.", "the second half", "2024-H2", True),
        ("Profits fell in the third quarter.", "the third quarter", "2024-Q3", True),
        ("Profits rose in the first quarter.", "the first quarter", "2025-Q1", True),
        ("Prices rose in June 2025.", "June 2025", "2025-06", False),
        ("The deal closed on June 12, 2025.", "June 12, 2025", "2025-06-12", False),
        ("Revenue rose in fiscal 2024.", "fiscal 2024", "2024", False),
        ("Prices rose last year.", "last year", "2024", True),
        ("Sales will rise next year.", "next year", "2026", True),
        ("GDP grew in the last quarter.", "last quarter", "2024-Q4", True),
        ("Inflation hit 3% this month.", "this month", "2025-03", True),
        ("Sales fell last month.", "last month", "2025-02", True),
        ("Inflation was 2% in November.", "November", "2024-11", True),
        ("Inflation was 2% in February.", "February", "2025-02", True),
        # the nearest such month, a month ahead weighing as two behind
        ("The quota runs until April 30.", "April 30", "2025-04-30", True),
        ("Inflation was 2% in September.", "September", "2024-09", True),
    ],
)
def test_find_times(sentence: str, words: str, period: str, relative: bool) -> None:
    refs = find_times(sentence, 0, len(sentence), PUBLISHED)
    assert [(sentence[r.start : r.end], r.period, r.relative) for r in refs] == [
        (words, period, relative)
    ]


def test_find_times_without_a_date_and_in_a_window() -> None:
    sentence = "Prices rose last year."
    (ref,) = find_times(sentence, 0, len(sentence), None)
    assert (ref.period, ref.relative) == (None, True)
    text = "In 2023 output fell. In 2025 it rose."
    lo = text.index("In 2025")
    assert [r.period for r in find_times(text, lo, len(text), PUBLISHED)] == ["2025"]
    assert find_times("You may see growth.", 0, 19, PUBLISHED) == []
    assert find_times("the 2024-25 season", 0, 18, PUBLISHED) == []


@pytest.mark.parametrize(
    ("sentence", "trend"),
    [
        ("Exports continue to grow.", "growing"),
        ("Wages kept rising.", "growing"),
        ("Prices are falling.", "declining"),
        ("Costs have been declining.", "declining"),
        ("Sales rose 4%.", "increased"),
        ("Output fell 2%.", "decreased"),
        ("Inflation eased to 2%.", "decreased"),
        ("Rates were unchanged.", "unchanged"),
        ("The minister spoke.", None),
    ],
)
def test_find_trend(sentence: str, trend: str | None) -> None:
    assert find_trend(sentence, 0, len(sentence)) == trend


def test_find_trend_reads_only_its_window() -> None:
    text = "Output fell. Rates were unchanged."
    assert find_trend(text, text.index("Rates"), len(text)) == "unchanged"
    assert find_trend(text, 0, len(text)) == "decreased"


# ---- check-worthiness ---------------------------------------------------------------------------
CLAIM_TEXT = "Exports exceeded $50 billion, said Jane Roe, 43."


def _claim(**fields: object) -> Claim:
    base: dict[str, object] = {
        "id": "c1",
        "span": Span.of(CLAIM_TEXT, 8, 28),
        "value": 1.0,
        "unit": "dimensionless",
        "comparator": "=",
        "kind": "number",
        "checkworthy": 0.0,
    }
    base.update(fields)
    return Claim(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("fields", "score"),
    [
        ({"kind": "money", "unit": "USD", "value": 5e10, "comparator": ">"}, 0.75),
        ({"kind": "money", "unit": "USD", "value": 5e10}, 0.7),
        ({"kind": "points", "unit": "percentage_points", "value": 0.3}, 0.75),
        ({"kind": "count", "unit": "people", "value": 500}, 0.5),
        ({"kind": "count", "unit": "people", "value": 2}, 0.2),
        ({"kind": "count", "unit": "years", "value": 43}, 0.15),
        ({"kind": "number", "unit": "dimensionless", "value": 7}, 0.3),
        (
            {
                "kind": "points",
                "unit": "percentage_points",
                "comparator": "~",
                "trend": "increased",
                "time": ClaimTime(period="2025"),
                "measure": "approval",
            },
            1.0,
        ),
    ],
)
def test_checkworthy_scores(fields: dict[str, object], score: float) -> None:
    assert checkworthy(_claim(**fields)) == score


def test_money_with_a_comparator_outranks_an_age() -> None:
    money = _claim(kind="money", unit="USD", value=5e10, comparator=">")
    age = _claim(kind="count", unit="years", value=43, span=Span.of(CLAIM_TEXT, 44, 46))
    count = _claim(kind="count", unit="people", value=500)
    ranked = sorted([age, count, money], key=checkworthy, reverse=True)
    assert [c.unit for c in ranked] == ["USD", "people", "years"]
    assert checkworthy(money) > checkworthy(age)


# ---- the amounts bench --------------------------------------------------------------------------
def _write(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
    )
    return path


BENCH = [
    {  # found, right value and unit
        "id": "b1",
        "lang": "en",
        "text": "Exports exceeded $50 billion in the period.",
        "amounts": [
            {
                "text": "exceeded $50 billion",
                "value": 5e10,
                "high": None,
                "unit": "USD",
                "comparator": ">",
            }
        ],
    },
    {  # found, but the gold unit differs
        "id": "b2",
        "lang": "en",
        "text": "Turnout was 64 percent on Sunday.",
        "amounts": [
            {
                "text": "64 percent",
                "value": 64,
                "high": None,
                "unit": "percentage_points",
                "comparator": "=",
            }
        ],
    },
    {  # not found at all
        "id": "b3",
        "lang": "en",
        "text": "The talks lasted a fortnight.",
        "amounts": [
            {"text": "a fortnight", "value": 14, "high": None, "unit": "days", "comparator": "="}
        ],
    },
    {  # a non-claim the finder reports
        "id": "b4",
        "lang": "en",
        "text": "The Dow fell 300 points on Monday.",
        "amounts": [],
        "non_claims": ["300 points"],
    },
]


def test_load_sentences_reads_offsets(tmp_path: Path) -> None:
    sentences = load_sentences(_write(tmp_path / "gold.jsonl", BENCH))
    assert [s.id for s in sentences] == ["b1", "b2", "b3", "b4"]
    first = sentences[0]
    (gold,) = first.amounts
    assert first.text[gold.start : gold.end] == "exceeded $50 billion"
    assert (gold.value, gold.high, gold.unit, gold.comparator) == (5e10, None, "USD", ">")
    assert sentences[3].non_claims == ((13, 23),)


def test_evaluate_amounts_scores(tmp_path: Path) -> None:
    report = evaluate_amounts(load_sentences(_write(tmp_path / "gold.jsonl", BENCH)))
    assert (report.gold, report.found, report.matched) == (3, 3, 2)
    assert report.precision == pytest.approx(2 / 3)
    assert report.recall == pytest.approx(2 / 3)
    assert report.f1 == pytest.approx(2 / 3)
    assert report.value_unit == 1
    assert report.value_unit_accuracy == pytest.approx(0.5)
    assert report.comparator_accuracy == pytest.approx(1.0)
    assert (report.non_claims, report.non_claims_found) == (1, 1)
    summary = report.to_dict()
    assert summary["precision"] == summary["recall"] == 0.6667
    assert summary["value_unit_accuracy"] == 0.5
    kinds = sorted(line.split()[1] for line in report.errors)
    assert kinds == ["missed", "nonclaim", "wrong"]
    assert any(line.startswith("b3 missed") for line in report.errors)
    assert any(line.startswith("b2 wrong") for line in report.errors)


def test_gold_amount_not_in_its_sentence_names_the_line(tmp_path: Path) -> None:
    bad = {
        "id": "b9",
        "text": "Imports fell 3% in the period.",
        "amounts": [{"text": "4%", "value": 4, "unit": "percent", "comparator": "="}],
    }
    path = _write(tmp_path / "bad.jsonl", [BENCH[0], bad])
    with pytest.raises(InputError, match=r"line 2\b.*b9.*'4%'") as caught:
        load_sentences(path)
    assert caught.value.source == str(path)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # cases a review found: each was wrong before, and is fixed
        ("Police said 20,000-30,000 people marched.", [("20,000-30,000 people", 20000, "people")]),
        (
            "Of the 300 surveyed, 120 backed new taxes.",
            [("300", 300, "dimensionless"), ("120", 120, "dimensionless")],
        ),
        ("Around 50 joined protests on Sunday.", [("Around 50", 50, "dimensionless")]),
        ("Since January 40 people have died.", [("40 people", 40, "people")]),
        ("In May 40 people died.", [("40 people", 40, "people")]),
        ("The ministry said Monday 300 homes were damaged.", [("300 homes", 300, "homes")]),
        ("Altogether 25 people died.", [("25 people", 25, "people")]),
        ("Задержан 25-летний мужчина.", [("25-летний", 25, "years")]),
        ("The company employs 300-plus engineers.", [("300-plus engineers", 300, "engineers")]),
        # issue 13: a score and a tally are one amount, the other side in ``against``
        ("The team won 3-2 on Sunday.", [("3-2", 3, "dimensionless")]),
        ("Voters backed the plan by a 2-to-1 margin.", [("2-to-1", 2, "votes")]),
        ("No one checked up on them.", []),
        ("At one point, the talks nearly collapsed.", []),
        ("4. Ben Carson.\nFor the brain surgeon, the race is over.", []),
        ("It took seven-and-a-half years.", [("seven-and-a-half years", 7.5, "years")]),
        (
            "Some two and a half million people voted.",
            [("Some two and a half million people", 2.5e6, "people")],
        ),
        ("The chain runs 7-Eleven stores.", []),
        ("She holds a 3-point lead in the poll.", [("3-point", 3, "percentage_points")]),
        ("A 12-member panel will decide.", [("12-member", 12, "members")]),
        ("The bill passed 52-48 in the Senate.", [("52-48", 52, "votes")]),
        (
            "Some 2,000 armed men and 300 registered voters.",
            [("Some 2,000 armed men", 2000, "men"), ("300 registered voters", 300, "voters")],
        ),
    ],
)
def test_reviewed_cases(sentence: str, expected: list[tuple[str, float, str]]) -> None:
    found = find_amounts(sentence)
    assert [(a.text, a.value, a.unit) for a in found] == [
        (t, pytest.approx(v), u) for t, v, u in expected
    ]


def test_plus_after_a_number_is_more_than_and_under_a_duration_is_less_than() -> None:
    assert only("The company employs 300-plus engineers.").comparator == ">"
    assert only("The repairs will last under three weeks.").comparator == "<"
    assert only("Prices rose over five years.").comparator == "="


@pytest.mark.parametrize(
    "text",
    [
        "the brusque, take-a-back-seat-to-no-one governor of the state",
        "an all-in-one device for the kitchen",
        "a one-on-one meeting with the mayor",
        "won by a two-to-one margin",
    ],
)
def test_a_number_word_inside_a_compound_of_words_is_no_figure(text: str) -> None:
    assert find_amounts(text) == []


def test_number_words_of_their_own_compound_stay_figures() -> None:
    found = {(a.value, a.unit) for a in find_amounts("twenty-one senators served a one-year term")}
    assert found == {(21.0, "senators"), (1.0, "years")}


def test_pounds_after_a_word_of_weighing_are_a_weight() -> None:
    weight = only("The letter says the senator weighs 236 pounds.", "en")
    assert weight.value == 236 and weight.unit == "pounds" and weight.kind != "money"
    money = only("The fund paid 500 pounds to each family.", "en")
    assert money.unit == "GBP" and money.kind == "money"


def test_the_top_share_after_a_determiner_is_a_group_not_a_comparison() -> None:
    # "the top 1 percent" of earners is that 1 percent; "sales top $5 million" is more than it
    group = find_amounts("The top 1 percent would see the largest cut; its top 10 percent paid.")
    assert [(a.value, a.comparator) for a in group] == [(1.0, "="), (10.0, "=")]
    verb = find_amounts("Sales may top $5 million this year.")
    assert [(a.value, a.comparator) for a in verb] == [(5_000_000.0, ">")]


def test_a_bare_number_joined_by_and_or_or_takes_the_unit_written_after_the_next() -> None:
    # "20 and 50 years ago" is two figures in years; "2 or 3 million people" two in millions.
    def read(text: str) -> list[tuple[float, str]]:
        return [(a.value, a.unit) for a in find_amounts(text)]

    assert read("incidents that happened 20 and 50 years ago") == [(20, "years"), (50, "years")]
    assert read("a tax of 17 or 18 percent") == [(17, "percent"), (18, "percent")]
    assert read("between 2 or 3 million dollars") == [(2e6, "USD"), (3e6, "USD")]
    assert read("about 1 or 2 percentage points") == [
        (1, "percentage_points"),
        (2, "percentage_points"),
    ]
    # not across other words: "834, with a margin of error of plus or minus 4 points"
    assert read("The sample is 834, with a margin of error of plus or minus 4 percentage points")[
        0
    ] == (834, "dimensionless")


def test_an_age_after_a_name_may_close_with_a_dash() -> None:
    found = find_amounts("Mr. Okafor, 40 ― a father of three ― was stopped by police.")
    assert [(a.value, a.unit) for a in found] == [(40, "years")]
    tally = find_amounts("Ruiz, 5 – 3 in the final count")  # a score, not an age
    assert all(a.unit != "years" for a in tally)
