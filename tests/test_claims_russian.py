"""Russian figures end to end through ``quotewire.extract``: the unit of what is counted, what
each amount measures, and who claims it, on an article written for these tests
(tests/data/ru/harvest.txt) and on the Russian edition of the seed story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotewire
from quotewire.model import Claim, Result

DATA = Path(__file__).parent / "data" / "ru"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ru"


@pytest.fixture(scope="module")
def harvest() -> Result:
    return quotewire.extract((DATA / "harvest.txt").read_text(encoding="utf-8"))


def _claim(result: Result, words: str) -> Claim:
    return next(c for c in result.claims if c.span.text == words)


@pytest.mark.parametrize(
    ("words", "unit", "measure", "measured_words"),
    [
        # the subject of the verb the amount is in, the comparator verb inside the amount
        ("превысил 3 млн тонн", "tonnes", "урожай зерна в области", "Урожай зерна в области"),
        # "в 1,2 раза" is a ratio
        ("1,2 раза", "times", "средняя урожайность", "средняя урожайность"),
        # a percent of something is its share
        ("около 60%", "percent", "доля зерна", "зерна"),
        # money: what it goes to, in the nominative
        (
            "2,8 млрд рублей",
            "RUB",
            "закупка новой техники хозяйства",
            "закупку новой техники хозяйства",
        ),
        # "тыс." ends no sentence; the unit's whole word
        (
            "порядка 40 тыс. кВт·ч",
            "kilowatt-hours",
            "мощность сушильных комплексов",
            "мощность сушильных комплексов",
        ),
        # an anniversary of something
        (
            "90-летию",
            "years",
            "годовщина областного аграрного университета в Заречье",
            "областного аграрного университета в Заречье",
        ),
        # a genitive noun after the money
        ("12 млн рублей", "RUB", "господдержка", "господдержки"),
    ],
)
def test_units_and_measures(
    harvest: Result, words: str, unit: str, measure: str, measured_words: str
) -> None:
    claim = _claim(harvest, words)
    assert (claim.unit, claim.measure) == (unit, measure)
    assert claim.measure_span is not None and claim.measure_span.text == measured_words
    text = harvest.article.text
    assert text[claim.measure_span.start : claim.measure_span.end] == measured_words


def test_a_counted_noun_is_the_unit_and_the_amount_reaches_it(harvest: Result) -> None:
    claim = _claim(harvest, "15 современных элеваторов")
    assert claim.unit == "элеватор" and claim.value == 15
    assert claim.measure is None  # what is counted is its unit; nothing else is measured


def test_a_statement_goes_on_past_an_abbreviation(harvest: Result) -> None:
    said = next(q for q in harvest.quotes if "сушильных" in q.text)
    assert said.text.endswith("откроют опытную станцию")
    # so the anniversary in its second half is the speaker's figure
    assert _claim(harvest, "90-летию").claimant is not None


def test_figures_are_claimed_by_their_speakers(harvest: Result) -> None:
    claimants = {c.span.text: c.claimant.name if c.claimant else None for c in harvest.claims}
    assert claimants["12 млн рублей"] == "Ольга Лебедева"
    assert {claimants[w] for w in ("превысил 3 млн тонн", "около 60%", "1,2 раза")} == {
        "Павел Громов"
    }


def test_no_person_is_a_measure() -> None:
    result = quotewire.extract(
        "Глава компании Сергей Орлов заявил, что Иван Седов получил 5 млн рублей премии. "
        "Он также сообщил, что Иван Седов заработал 7 млн рублей."
    )
    earned = _claim(result, "7 млн рублей")
    assert earned.measure is None  # its subject is a person: no measure rather than a name
    assert _claim(result, "5 млн рублей").measure == "премия"


def test_a_percent_of_gdp_measures_what_is_reckoned_against_it() -> None:
    result = quotewire.extract(
        "Министр финансов Антон Силуанов заявил, что дефицит федерального бюджета не превысит "
        "1,7% ВВП, а около 40% электроэнергии даст атомная станция."
    )
    deficit = _claim(result, "не превысит 1,7%")
    assert (deficit.comparator, deficit.measure) == ("<=", "дефицит федерального бюджета")
    # a percent of anything else is a share of it
    assert _claim(result, "около 40%").measure == "доля электроэнергии"


def test_a_level_measures_what_is_held_at_it() -> None:
    result = quotewire.extract(
        "Министр Иван Петров сообщил, что инфляция в регионе осталась на уровне 8%, банки "
        "сохранят ставку по ипотеке на уровне 6%, а зарплаты учителей сохранятся на уровне "
        "60 тыс. рублей."
    )
    measures = {c.span.text: c.measure for c in result.claims}
    assert measures == {
        "8%": "инфляция в регионе",  # the verb's subject
        "6%": "ставка по ипотеке",  # the noun the level belongs to, with its words
        "60 тыс. рублей": "зарплаты учителей",
    }


@pytest.mark.skipif(not SEED.exists(), reason="../shared/seed/ru is not here")
def test_the_seed_figures_measure_what_the_analyst_says() -> None:
    result = quotewire.extract((SEED / "article.txt").read_text(encoding="utf-8"))
    expected = json.loads((SEED / "expected.json").read_text(encoding="utf-8"))
    measures = {c.span.text: c.measure for c in result.claims}
    for gold in expected["claims"]:
        found = measures[gold["text"]]
        assert found is not None, gold["text"]
        # the analyst's words, or the words of the text they paraphrase
        head = {
            "товарооборот": "товарооборот",
            "накопленные инвестиции": "накопленных инвестиций",
            "доля электроэнергии, вырабатываемой Белорусской АЭС": "доля электроэнергии",
            "годовщина атомной отрасли России": "годовщина атомной отрасли России",
        }[gold["measure"]]
        assert head in found, (gold["text"], found)


def test_a_word_after_the_number_that_counts_nothing_is_no_unit() -> None:
    result = quotewire.extract(
        "Министр финансов области Карина Белова сообщила, что ремонт моста обойдется в "
        "5,2 млрд рублей, из которых 3 млрд выделит федеральный бюджет."
    )
    share = next(c for c in result.claims if c.value == 3e9)
    assert (share.span.text, share.unit) == ("3 млрд", "dimensionless")


def test_an_acronym_after_an_abbreviation_goes_on_with_its_sentence() -> None:
    result = quotewire.extract(
        "Согласно данным компании «Восток-Транзит», в марте через порт прошло 64 тыс. ДФЭ, "
        "что на 12% больше, чем годом ранее."
    )
    teu = next(c for c in result.claims if c.value == 64_000)
    assert teu.span.text == "64 тыс. ДФЭ" and teu.unit == "дфэ"
    # the whole sentence is the company's statement, so both figures are its claims
    assert {c.claimant.name if c.claimant else None for c in result.claims} == {"Восток-Транзит"}


def test_periods_and_trends() -> None:
    result = quotewire.extract(
        "Финансовый директор компании Ирина Лосева сообщила, что в первом квартале 2025 года "
        "выручка выросла на 12%, а в прошлом году составила 48 млрд рублей, на 5% больше, "
        "чем в 2023 году. По её словам, спрос на услуги компании продолжает расти."
    )
    rise = _claim(result, "12%")
    assert rise.time is not None and rise.time.period == "2025-Q1"
    assert rise.trend == "increased"
    # "чем в 2023 году" is the base of the comparison, not the figure's period
    assert _claim(result, "5%").time is None or _claim(result, "5%").time.period != "2023"


def test_the_seed_trade_figure_keeps_growing() -> None:
    if not SEED.exists():
        pytest.skip("../shared/seed/ru is not here")
    result = quotewire.extract((SEED / "article.txt").read_text(encoding="utf-8"))
    assert _claim(result, "превышает $50 млрд").trend == "growing"


@pytest.mark.parametrize(
    ("words", "found", "comparator"),
    [
        ("цена снизилась примерно на 8% за год", "примерно на 8%", "~"),
        ("экспорт вырос почти в 2 раза", "почти в 2 раза", "~"),
        ("продажи выросли более чем на 10%", "более чем на 10%", ">"),
        ("выпуск сократился меньше чем на 3%", "меньше чем на 3%", "<"),
        ("ставка выросла на 5%", "5%", "="),
    ],
)
def test_a_comparator_before_the_size_of_a_change(words: str, found: str, comparator: str) -> None:
    from quotewire.claims.amounts import find_amounts

    (amount,) = find_amounts(words, lang="ru")
    assert (amount.text, amount.comparator) == (found, comparator)


def test_a_figure_at_a_sentence_s_end_stays_in_its_statement_and_finds_its_measure() -> None:
    text = (
        "Министр промышленности и торговли Ирана Мохсен Рахимзаде заявил, что товарооборот "
        "двух стран может превысить $5 млрд. «Мы готовы к большим объемам», – сказал министр. "
        "По его словам, в этом году экспорт Ирана в Россию сократился на 8,5%, "
        "до $1,6 млрд."
    )
    result = quotewire.extract(text)
    said = [(q.type, q.speaker.name if q.speaker else None, q.text) for q in result.quotes]
    # the abbreviation's period before a quotation ends the sentence
    assert said[:2] == [
        ("indirect", "Мохсен Рахимзаде", "товарооборот двух стран может превысить $5 млрд"),
        ("direct", "Мохсен Рахимзаде", "Мы готовы к большим объемам"),
    ]
    five = _claim(result, "$5 млрд")  # (its period is the sentence's)
    assert five.claimant is not None and five.claimant.name == "Мохсен Рахимзаде"
    # the subject of the verb the infinitive hangs on, a number in words inside it
    assert five.measure == "товарооборот двух стран"
    # the second of two amounts joined to one verb
    last = _claim(result, "$1,6 млрд")  # ("до" after "на 8,5%," is "to": not in the span)
    assert last.measure == "экспорт Ирана в Россию"
    assert last.claimant is not None and last.claimant.name == "Мохсен Рахимзаде"


def test_a_change_from_one_amount_to_another_and_no_figure_in_page_debris() -> None:
    text = (
        "Мост через Лаву подорожал\n\n"
        "По словам губернатора Степана Горелова, стоимость моста выросла с 6,2 до 7,4 млрд "
        "рублей. Он добавил, что срок доставки грузов сократится с 14 до 7 дней.\n\n"
        "Читайте также: Горелов пообещал построить две новые школы\n"
    )
    result = quotewire.extract(text)
    figures = {c.span.text: c for c in result.claims}
    # "с X до Y": the first takes the unit and the scale of the second, and "до" is "to"
    first, second = figures["6,2"], figures["7,4 млрд рублей"]
    assert (first.value, first.unit) == (6.2e9, "RUB")
    assert (second.value, second.unit, second.comparator) == (7.4e9, "RUB", "=")
    assert first.measure == second.measure == "стоимость моста"
    days = figures["14"]
    assert (days.value, days.unit) == (14, "days")  # a duration that changes has a measure
    assert days.measure == "срок доставки грузов"
    # the "Читайте также" line is page debris: no figure of it
    assert not any("школ" in c.span.text or "две" in c.span.text for c in result.claims)


def test_the_title_s_figures_are_read_as_the_body_s() -> None:
    result = quotewire.extract(
        "Олейников: добыча нефти вырастет до 40 млн тонн\n\n"
        "Генеральный директор компании Дмитрий Олейников заявил, что компания построит "
        "12 новых скважин."
    )
    title = _claim(result, "40 млн тонн")
    assert title.unit == "tonnes"  # as in the body, not the word as written ("тонн")
    assert title.measure == "добыча нефти"  # the subject of its verb, never the speaker's name
    assert title.claimant is not None and title.claimant.name == "Дмитрий Олейников"
    assert _claim(result, "12 новых скважин").unit == "скважина"


def test_a_change_by_one_amount_to_another_and_what_it_changes() -> None:
    result = quotewire.extract(
        "Генеральный директор клуба Олег Панкратов сообщил, что клуб сократит бюджет примерно "
        "на 15%, до 1,2 млрд рублей."
    )
    by, to = _claim(result, "примерно на 15%"), _claim(result, "1,2 млрд рублей")
    # "до" after the change's size is where it ends, not "up to"
    assert (by.comparator, to.comparator) == ("~", "=")
    # the object of the verb that changes it, not the club that changes it
    assert by.measure == to.measure == "бюджет"
