"""Russian statements and their speakers, end to end through ``quotewire.extract``: on two
articles written for these tests (tests/data/ru/) and on the Russian edition of the seed story
(../shared/seed/ru/, with its analyst's expected.json)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotewire
from quotewire.model import Result
from quotewire.quotes.russian import quotations

DATA = Path(__file__).parent / "data" / "ru"


def _read(name: str) -> Result:
    return quotewire.extract((DATA / name).read_text(encoding="utf-8"))


def _rows(result: Result) -> list[tuple[str, str | None, str, str | None]]:
    """(type, canonical speaker, first words of the content, cue) of each statement."""
    return [
        (
            q.type,
            q.speaker.name if q.speaker else None,
            q.text[:30],
            q.cue.text if q.cue else None,
        )
        for q in result.quotes
    ]


def test_a_press_conference_with_three_speakers_pronouns_and_po_slovam() -> None:
    result = _read("budget.txt")
    assert _rows(result) == [
        ("headline", "Министерство финансов", "дефицит бюджета не превысит 2%", ":"),
        ("indirect", "Анна Ковалева", "Дефицит федерального бюджета в", "заявила"),
        ("direct", "Анна Ковалева", "Мы видим, что доходы растут бы", "сказала"),
        ("indirect", "Анна Ковалева", "правительство не планирует пов", "добавила"),
        ("indirect", "Игорь Смирнов", "инфляция замедляется", "отметил"),
        ("direct", "Игорь Смирнов", "Мы ждем, что к концу года она ", "пояснил"),
        ("indirect", "Игорь Смирнов", "ключевая ставка останется без ", "По словам"),
        ("indirect", "Павел Орлов", "прогноз министерства слишком о", "считает"),
        # "Представитель ведомства" names no one the article names: the speaker is the
        # description itself, joined to no entity (as English "a spokesman" is)
        ("indirect", "Представитель ведомства", "новые данные будут опубликован", "заявил"),
    ]
    described = result.quotes[-1].speaker
    assert described is not None and described.entity is None
    assert described.mention is not None and described.mention.text == "Представитель ведомства"
    people = {e.name: e for e in result.entities if e.type == "PERSON"}
    assert set(people) == {"Анна Ковалева", "Игорь Смирнов", "Павел Орлов"}
    assert people["Анна Ковалева"].roles == ["министр финансов"]
    kinds = {(m.text, m.kind) for m in people["Игорь Смирнов"].mentions}
    assert {("Смирнова", "surname"), ("он", "pronoun")} <= kinds
    text = result.article.text
    for quote in result.quotes:  # every piece points at its own characters
        assert all(text[s.start : s.end] == s.text for s in quote.content)
        mention = quote.speaker.mention if quote.speaker else None
        assert mention is None or text[mention.start : mention.end] == mention.text


def test_a_figure_is_claimed_by_the_speaker_of_the_statement_it_is_in() -> None:
    budget = _read("budget.txt")
    assert [
        (c.span.text, c.value, c.unit, c.comparator, c.claimant.name if c.claimant else None)
        for c in budget.claims
    ] == [
        # the headline's "Минфин", by its full name (the article names no ministry)
        ("не превысит 2%", 2.0, "percent", "<=", "Министерство финансов"),
        ("не превысит 2%", 2.0, "percent", "<=", "Анна Ковалева"),
        ("4%", 4.0, "percent", "=", "Игорь Смирнов"),
    ]
    money = next(c for c in _read("bridge.txt").claims if c.kind == "money")
    assert (money.span.text, money.value, money.unit) == ("1,2 млрд рублей", 1.2e9, "RUB")
    assert money.claimant is not None and money.claimant.name == "Ильдар Хасанов"


def test_titles_surnames_and_a_verb_after_the_dash_name_the_speaker() -> None:
    result = _read("bridge.txt")
    assert _rows(result) == [
        ("indirect", "Сергей Волков", "новый мост через Волгу откроют", "пообещал"),
        ("direct", "Сергей Волков", "Подрядчик работает в три смены", "сказал"),
        ("indirect", "Ильдар Хасанов", "город выделил на подъездные пу", "напомнил"),
        ("direct", "Ильдар Хасанов", "Деньги уже перечислены", "подчеркнул"),
        ("indirect", "Ильдар Хасанов", "движение по старому мосту огра", "сообщил"),
        ("indirect", "Марина Петрова", "ездит на работу через мост каж", "рассказала"),
        ("direct", "Марина Петрова", "Пробки там по два часа", "пожаловалась"),
        # (a press service, no person: it speaks as itself)
        (
            "indirect",
            "Пресс-служба министерства транспорта",
            "проект прошел государственную ",
            "Как заявили",
        ),
    ]
    mayor = next(e for e in result.entities if e.name == "Ильдар Хасанов")
    assert mayor.roles == ["мэр Казани"]  # (read from "с мэром Казани Ильдаром Хасановым")
    assert ("Мэр", "title") in {(m.text, m.kind) for m in mayor.mentions}


def test_mixed_kak_soobshchila_po_mneniyu_and_a_title_of_several_words() -> None:
    result = _read("kremlin.txt")
    assert _rows(result) == [
        ("headline", "Дмитрий Песков", "Кремль не получал предложений ", ":"),
        ("indirect", "Дмитрий Песков", "Кремль пока не получал официал", "сообщил"),
        ("direct", "Дмитрий Песков", "Никаких официальных сигналов м", "сказал"),
        ("indirect", "Дмитрий Песков", "говорить об этом преждевременн", "отметил"),
        ("mixed", "Сергей Лавров", "Москва открыта к диалогу «без ", "заявил"),
        ("indirect", "Мария Захарова", "соответствующее заявление буде", "Как сообщила"),
        ("indirect", "Алексей Мухин", "стороны вряд ли сядут за стол ", "По мнению"),
    ]
    roles = {e.name: e.roles for e in result.entities if e.type == "PERSON"}
    assert roles["Дмитрий Песков"] == ["пресс-секретарь президента России"]
    assert roles["Сергей Лавров"] == ["министр иностранных дел"]
    # the "Читайте также" line is debris: its "Лавров" is no mention
    assert [d.kind for d in result.article.debris] == ["dateline", "read_more"]
    lavrov = next(e for e in result.entities if e.name == "Сергей Лавров")
    read_more = result.article.debris[-1]
    assert all(m.start < read_more.start for m in lavrov.mentions)


def test_a_title_names_the_person_whose_title_it_heads_not_one_it_is_a_word_of() -> None:
    """ "российский президент" is the President of Russia, not his press secretary, whose
    title has the words президент and России too."""
    text = (
        "Президент России Владимир Путин провел совещание.\n"
        "Пресс-секретарь президента России Дмитрий Песков сообщил, что оно длилось два часа.\n"
        "«Мы обсудили все вопросы», – сказал российский президент."
    )
    result = quotewire.extract(text)
    assert [(q.type, q.speaker.name if q.speaker else None) for q in result.quotes] == [
        ("indirect", "Дмитрий Песков"),
        ("direct", "Владимир Путин"),
    ]


def test_quotations_nest_and_end_with_their_paragraph() -> None:
    text = "«Это „наш“ праздник», – сказал он. «Открыта\nи не закрыта"
    assert quotations(text) == [(0, text.index("»") + 1)]


def test_the_russian_seed_is_read_as_its_analyst_reads_it(shared: Path) -> None:
    folder = shared / "seed" / "ru"
    expected = json.loads((folder / "expected.json").read_text(encoding="utf-8"))
    result = quotewire.extract((folder / "article.txt").read_text(encoding="utf-8"))
    assert result.article.language == "ru"
    found = []
    for gold in expected["quotes"]:
        match = [q for q in result.quotes if gold["contains"] in q.text]
        assert match, f"not found: {gold['id']}"
        quote = match[0]
        assert quote.type == gold["type"], gold["id"]
        assert quote.speaker is not None and quote.speaker.name == gold["speaker"], gold["id"]
        assert quote.speaker.mention is not None
        assert quote.speaker.mention.text == gold["speaker_mention"], gold["id"]
        found.append(quote.id)
    assert len(set(found)) == len(expected["quotes"]) == len(result.quotes) == 12
    debris = {(d.kind, d.text) for d in result.article.debris}
    assert {("photo_credit", "Фото: БЕЛТА"), ("share", "- Поделиться в VK")} <= debris
    # the time line and the wire dateline, the year taken from the body, the agency credited
    article, gold_article = result.article, expected["article"]
    assert article.dateline is not None
    assert article.dateline.text == gold_article["dateline"]["text"]
    assert article.dateline.start == gold_article["dateline"]["start"]
    assert article.published == "2025-09-26T10:52:00" and article.published_inferred
    wire = gold_article["wire_dateline"]
    assert ("dateline", wire["text"]) in debris
    assert article.credited_source is not None
    assert article.credited_source.name == gold_article["credited_source"]["name"]
    assert article.title == gold_article["title"]
    people = {e.name: e.roles for e in result.entities if e.type == "PERSON"}
    assert people == {
        "Владимир Путин": ["Президент России"],
        "Александр Лукашенко": ["Президент Беларуси"],
    }
    # the figures: value, unit, comparator, and the claimant of each one said in a statement
    # (the narrated "80-летию" has no claimant yet: a missing claimant, not a wrong one)
    for gold in expected["claims"]:
        claim = next(c for c in result.claims if c.span.text == gold["text"])
        assert (claim.value, claim.unit) == (gold["value"], gold["unit"]), gold["text"]
        assert claim.comparator == gold["comparator"], gold["text"]
        said = claim.claimant.name if claim.claimant else None
        assert said == (gold["speaker"] if gold["quote"] else None), gold["text"]
        if gold.get("according_to"):
            assert claim.according_to is not None
            assert claim.according_to.name == gold["according_to"]


@pytest.mark.parametrize(
    ("text", "dateline", "published", "agency"),
    [
        (
            "Минфин: дефицит не превысит 2%\n14:05, 12 марта 2025\n\nМОСКВА, 12 марта (ТАСС) – "
            "Дефицит бюджета не превысит 2% ВВП, заявила министр финансов Анна Ковалева.",
            "14:05, 12 марта 2025",
            "2025-03-12T14:05:00",
            "ТАСС",
        ),
        (
            "Мост откроют летом\n\nКАЗАНЬ, 3 июня 2024 года – Мост через реку откроют в июле, "
            "сообщает РИА Новости со ссылкой на мэрию.",
            "КАЗАНЬ, 3 июня 2024 года –",
            "2024-06-03",
            "РИА Новости",
        ),
        (
            "Завод увеличит выпуск\nОпубликовано: 05.02.2025\n\nЗавод увеличит выпуск "
            "на 15%, передает корреспондент БЕЛТА.",
            "05.02.2025",
            "2025-02-05",
            "БЕЛТА",
        ),
    ],
)
def test_russian_datelines_and_the_agency_credited(
    text: str, dateline: str, published: str, agency: str
) -> None:
    article = quotewire.extract(text).article
    assert article.dateline is not None and article.dateline.text == dateline
    assert article.published == published and not article.published_inferred
    assert article.credited_source is not None and article.credited_source.name == agency


def test_an_agency_named_as_a_source_far_into_the_story_is_no_credit() -> None:
    text = (
        "Цены на жилье выросли\n\n"
        + "Цены на жилье в городе выросли за год на 8%. " * 40
        + "\nОб этом сообщает ТАСС."
    )
    assert quotewire.extract(text).article.credited_source is None


@pytest.mark.parametrize("name", ["budget.txt", "bridge.txt"])
def test_a_russian_result_is_valid_against_the_published_schema(name: str) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(
        (Path(__file__).parents[1] / "schema" / "result.schema.json").read_text(encoding="utf-8")
    )
    jsonschema.validate(_read(name).to_dict(), schema)
