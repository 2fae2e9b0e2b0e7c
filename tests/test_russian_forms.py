"""Russian statement forms beyond the basic ones, each on a few sentences written for these tests:
dialogue and interviews opening with dashes, "по её словам", "согласно данным", "как сообщили
в ...", short adjectives of belief, names in quotation marks, surnames natasha does not know,
and pronouns that could stand for two people."""

from __future__ import annotations

import quotewire
from quotewire.model import Result


def _said(result: Result) -> list[tuple[str, str | None, str]]:
    """(type, canonical speaker, content) of each statement."""
    return [(q.type, q.speaker.name if q.speaker else None, q.text) for q in result.quotes]


INTERVIEW = """Ольга Краснова: «Новые трамваи выйдут на линию весной»

Министр транспорта Ольга Краснова рассказала «Вестнику», как город обновит трамвайный парк.

— Когда пассажиры увидят новые вагоны?

— Первые двенадцать вагонов придут в марте. Остальные мы получим до конца года.

Всего область потратит на закупку 3,2 млрд рублей.

— Подорожает ли проезд?

— Нет, цена билета останется прежней.
"""


def test_an_interview_answers_are_the_interviewee_s_and_questions_are_no_statements() -> None:
    said = _said(quotewire.extract(INTERVIEW))
    replies = [s for s in said if s[0] == "direct"]
    assert replies == [
        (
            "direct",
            "Ольга Краснова",
            "Первые двенадцать вагонов придут в марте. Остальные мы получим до конца года … "
            "Всего область потратит на закупку 3,2 млрд рублей",
        ),
        ("direct", "Ольга Краснова", "Нет, цена билета останется прежней"),
    ]
    assert not any("?" in s[2] for s in said)  # (the questions)


HEARING = """Суд допросил бывшего директора

В суде продолжилось рассмотрение дела бывшего директора завода Петра Ломова.

— Вы признаете вину? — спросил прокурор Илья Гаврилов.

— Нет, — ответил Ломов. — Все платежи были законными.

— Но эксперты нашли нарушения, — возразил Гаврилов.

— С выводами экспертов я не согласен.
"""


def test_dialogue_lines_take_their_author_s_words_and_turns_without_them() -> None:
    said = _said(quotewire.extract(HEARING))
    assert said == [
        ("direct", "Петр Ломов", "Нет … Все платежи были законными"),
        ("direct", "Илья Гаврилов", "Но эксперты нашли нарушения"),
        # a bare line answers the one who spoke before the line it follows
        ("direct", "Петр Ломов", "С выводами экспертов я не согласен"),
    ]


def test_a_list_opening_with_dashes_is_no_dialogue() -> None:
    text = (
        "Мэр Анна Соболева представила план на год.\n\n"
        "— ремонт двух школ;\n\n— новый парк на набережной;\n\n— три детских сада.\n"
    )
    assert quotewire.extract(text).quotes == []


def test_according_forms_belief_adjectives_organizations_and_groups() -> None:
    text = (
        "Директор завода Марина Кравец уверена, что выпуск вырастет вдвое. "
        "По её словам, новый цех откроют в сентябре. "
        "Согласно данным Росстата, производство в регионе выросло на 3,4%. "
        "Как сообщили в мэрии Заречинска, дорогу отремонтируют летом. "
        "Эксперты считают, что цены вырастут к осени. "
        "Представитель администрации заявил, что денег на ремонт нет."
    )
    result = quotewire.extract(text)
    assert _said(result) == [
        ("indirect", "Марина Кравец", "выпуск вырастет вдвое"),
        ("indirect", "Марина Кравец", "новый цех откроют в сентябре"),
        # organizations and groups speak as themselves, with no person's name
        ("indirect", "Росстат", "производство в регионе выросло на 3,4%"),
        ("indirect", "Мэрия Заречинска", "дорогу отремонтируют летом"),
        ("indirect", "Эксперты", "цены вырастут к осени"),
        # one person described, not named: the description speaks, joined to no one
        ("indirect", "Представитель администрации", "денег на ремонт нет"),
    ]
    described = result.quotes[5].speaker
    assert described is not None and described.entity is None
    rosstat = result.quotes[2].speaker
    assert rosstat is not None and rosstat.entity is not None  # the organization's entity
    town_hall = result.quotes[3].speaker
    assert town_hall is not None and town_hall.entity is None
    assert town_hall.mention is not None and town_hall.mention.text == "мэрии Заречинска"


def test_a_name_in_quotation_marks_is_no_quotation_and_belongs_to_the_subject() -> None:
    text = (
        "Как сообщила пресс-служба компании, контракт уже подписан. Генеральный директор "
        "«Белозерского молочника» Марина Кравец заявила, что завод откроют осенью."
    )
    said = _said(quotewire.extract(text))
    assert ("indirect", "Марина Кравец", "завод откроют осенью") in said
    assert not any(kind == "direct" for kind, _, _ in said)


def test_names_keep_their_yo_and_unknown_surnames_get_their_nominative() -> None:
    text = (
        "Переговоры с Олегом Даровским прошли в Минске. «Мы договорились о поставках», – "
        "сказал Артём Лисицын. По словам Лисицына, контракт подпишут в мае."
    )
    result = quotewire.extract(text)
    people = {e.name for e in result.entities if e.type == "PERSON"}
    assert people == {"Олег Даровский", "Артём Лисицын"}
    assert [s[1] for s in _said(result)] == ["Артём Лисицын", "Артём Лисицын"]


def test_a_pronoun_after_another_person_of_its_gender_is_named_names_no_one() -> None:
    text = (
        "«Завод заработает в мае», – сказал директор Роман Зуев. "
        "Губернатор Виктор Ушаков посетил цех. Он добавил, что область поможет заводу."
    )
    result = quotewire.extract(text)
    said = _said(result)
    assert said[0][1] == "Роман Зуев"
    # "Он" may be Зуев or Ушаков: the pronoun as written, joined to no one, rather than a
    # guessed person
    assert said[-1] == ("indirect", "Он", "область поможет заводу")
    pronoun = result.quotes[-1].speaker
    assert pronoun is not None and pronoun.entity is None
    assert pronoun.mention is not None and pronoun.mention.text == "Он"
    kinds = {e.name: [m.kind for m in e.mentions] for e in result.entities}
    assert "pronoun" not in kinds["Роман Зуев"] + kinds["Виктор Ушаков"]


def test_the_author_s_words_inside_the_marks_split_the_quotation() -> None:
    text = (
        "Депутат Людмила Жарова выступила против повышения. «Мы предлагали растянуть рост "
        "тарифа на два года, – пояснила она. – Правительство нас не услышало»."
    )
    said = _said(quotewire.extract(text))
    assert said == [
        (
            "direct",
            "Людмила Жарова",
            "Мы предлагали растянуть рост тарифа на два года … Правительство нас не услышало",
        )
    ]


def test_a_name_in_quotation_marks_inside_the_source_does_not_end_the_statement() -> None:
    text = "Как сообщили в пресс-службе компании «Сибсети», ремонт сетей продлится до 2028 года."
    said = _said(quotewire.extract(text))
    assert said == [
        ("indirect", "Пресс-служба компании «Сибсети»", "ремонт сетей продлится до 2028 года")
    ]


def test_a_surname_the_recognizer_missed_still_names_its_person() -> None:
    from dataclasses import replace

    from quotewire.lang import profile
    from quotewire.nlp.russian import analyse_russian
    from quotewire.speakers.russian import cast

    text = (
        "Директор завода Роман Зуев открыл новый цех. Губернатор Виктор Ушаков поздравил "
        "коллектив. Зуев, отвечая на вопросы журналистов, признал, что сырья не хватает."
    )
    analysis = analyse_russian(text)
    late = text.rindex("Зуев")
    # the recognizer's names without the late "Зуев", as natasha leaves some surnames alone
    missed = replace(analysis, names=tuple(n for n in analysis.names if n.start != late))
    people = cast(missed, profile("ru"))
    zuev = next(p for p in people.people if p.name == "Роман Зуев")
    assert late in {m.start for m in zuev.mentions}
    assert people.named_in(late, late + 4) is zuev


def test_a_headline_given_to_a_title_is_the_person_whose_role_it_opens() -> None:
    text = (
        "Ректор университета: «Платных мест станет меньше»\n\n"
        "Ректор Сибирского государственного университета Андрей Полозов рассказал, что набор "
        "на бюджетные места вырастет на 12%.\n"
    )
    quotes = quotewire.extract(text).quotes
    assert quotes[0].type == "headline"
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "Андрей Полозов"
    # a title no one's role opens with names no one of the article: the title speaks
    other = text.replace("Ректор университета:", "Глава вуза:", 1)
    titled = quotewire.extract(other).quotes[0]
    assert titled.type == "headline" and titled.speaker is not None
    assert titled.speaker.entity is None and titled.speaker.name == "Глава вуза"
    # a topic before the colon is no one: the headline is no statement
    topic = text.replace("Ректор университета:", "Приемная кампания:", 1)
    assert [q.type for q in quotewire.extract(topic).quotes] == ["indirect"]


def test_titles_later_on_stand_for_the_person_introduced_with_them() -> None:
    text = (
        "Выручка порта в 2025 году вырастет на 12%, заявил генеральный директор Северной "
        "портовой компании (СПК) Игорь Ветров в беседе с «Морским вестником». "
        "По словам топ-менеджера, новый причал сдадут в июле.\n\n"
        "Заместитель министра транспорта Олег Рябов отметил, что дноуглубление оплатит "
        "государство. «Деньги уже выделены», – сказал замминистра.\n\n"
        "Президент Беларуси Виктор Ластовский и премьер-министр Беларуси Андрей Гуринович "
        "осмотрели терминал. Белорусский лидер сообщил, что республика увеличит перевалку.\n\n"
        "Министр экономики Олег Сомов заявил, что тарифы не изменятся. Глава ведомства "
        "добавил, что льготы сохранят."
    )
    result = quotewire.extract(text)
    said = [(name, content[:24]) for _, name, content in _said(result)]
    assert said == [
        # the name after words the parser hangs elsewhere ("(СПК)")
        ("Игорь Ветров", "Выручка порта в 2025 год"),
        # "топ-менеджер" is the last speaker, who leads a company
        ("Игорь Ветров", "новый причал сдадут в ию"),
        ("Олег Рябов", "дноуглубление оплатит го"),
        # "замминистра" is the "заместитель министра"
        ("Олег Рябов", "Деньги уже выделены"),
        # a nation's leader is its head of state, not its prime minister
        ("Виктор Ластовский", "республика увеличит пере"),
        # the head of the ministry: the minister who has just spoken
        ("Олег Сомов", "тарифы не изменятся"),
        ("Олег Сомов", "льготы сохранят"),
    ]
    roles = {e.name: e.roles for e in result.entities if e.type == "PERSON"}
    assert roles["Игорь Ветров"] == ["генеральный директор Северной портовой компании"]


def test_a_leader_word_names_no_one_when_no_speaker_leads_anything() -> None:
    text = (
        "Эксперт Анна Белова считает, что спрос на зерно вырастет. "
        "Глава ведомства заявил, что экспортные пошлины сохранят."
    )
    result = quotewire.extract(text)
    last = result.quotes[-1].speaker
    # the last speaker is an expert, who leads nothing: the title stays unresolved
    assert last is not None and last.entity is None and last.name == "Глава ведомства"


def test_a_name_in_quotation_marks_opens_no_quotation_before_the_cue() -> None:
    text = (
        "ТЮМЕНЬ, 3 марта – «Нефтяной вестник». Компания «Севернефтегаз» рассчитывает "
        "нарастить добычу нефти к 2030 году, сообщил ее генеральный директор Дмитрий Олейников."
    )
    said = _said(quotewire.extract(text))
    assert said[0] == (
        "indirect",
        "Дмитрий Олейников",
        "Компания «Севернефтегаз» рассчитывает нарастить добычу нефти к 2030 году",
    )
    # (and inside it, the company's intention)
    assert said[1:] == [
        ("indirect", "Компания «Севернефтегаз»", "нарастить добычу нефти к 2030 году")
    ]


def test_an_office_that_speaks_in_the_plural_and_names_across_asides() -> None:
    text = (
        "В департаменте транспорта ответили, что маршрут продлят к сентябрю. "
        "Число заболевших выросло на 22%, сообщили в региональном управлении Роспотребнадзора. "
        "Главный врач городской больницы № 3 Нина Орлова рассказала, что мест хватает. "
        "Представитель администрации района, признанной потерпевшей, Олег Зимин сообщил, "
        "что ущерб не возмещен."
    )
    result = quotewire.extract(text)
    said = [(name, content[:20]) for _, name, content in _said(result)]
    assert said == [
        ("Департамент транспорта", "маршрут продлят к се"),
        ("Региональное управление Роспотребнадзора", "Число заболевших выр"),
        # the name after a number ("№ 3") and after an aside between commas
        ("Нина Орлова", "мест хватает"),
        ("Олег Зимин", "ущерб не возмещен"),
    ]
    office = result.quotes[0].speaker
    assert office is not None and office.mention is not None
    assert office.mention.text == "департаменте транспорта"


def test_a_headline_given_to_an_office_by_its_short_name() -> None:
    text = (
        "Минтранс: субсидии на авиаперевозки вырастут на 10%\n\n"
        "МОСКВА, 5 мая – ТАСС. Объем субсидий на региональные авиаперевозки в 2026 году "
        "вырастет на 10%, сообщили в Министерстве транспорта РФ.\n"
    )
    result = quotewire.extract(text)
    headline, body = result.quotes
    assert headline.type == "headline" and body.type == "indirect"
    # "Минтранс" is the ministry the story names in full: one entity for both
    assert headline.speaker is not None and body.speaker is not None
    assert headline.speaker.entity is not None
    assert headline.speaker.entity == body.speaker.entity
    assert headline.speaker.mention is not None and headline.speaker.mention.text == "Минтранс"


def test_the_head_of_a_company_is_who_leads_it_not_its_analyst() -> None:
    text = (
        "Генеральный директор компании «Северный поток» Дмитрий Олейников заявил, что добыча "
        "вырастет. Аналитик инвестиционной компании «Гранит» Марина Субботина считает, что "
        "планы реалистичны. Глава компании отметил, что основным рынком остается Азия."
    )
    result = quotewire.extract(text)
    roles = {e.name: e.roles for e in result.entities if e.type == "PERSON"}
    # a role read across a name in quotation marks
    assert roles["Дмитрий Олейников"] == ["Генеральный директор компании «Северный поток»"]
    last = result.quotes[-1].speaker
    assert last is not None and last.name == "Дмитрий Олейников"


def test_a_document_speaks_for_who_issued_it_and_expectations_are_beliefs() -> None:
    text = (
        "Инфляция замедлилась\n\n"
        "Годовая инфляция в сентябре замедлилась до 7,8% с 8,1% в августе, говорится в "
        "сообщении Банка России. Аналитики, опрошенные агентством, ожидают, что ставку "
        "сохранят. Компания «Нордгаз» рассчитывает нарастить добычу к 2030 году, сообщил ее "
        "директор Игорь Ветров."
    )
    result = quotewire.extract(text)
    said = [
        (q.speaker.name if q.speaker else None, q.cue.text if q.cue else None, q.text)
        for q in result.quotes
    ]
    assert said[0] == (
        "Банк России",
        "говорится",
        "Годовая инфляция в сентябре замедлилась до 7,8% с 8,1% в августе",
    )
    assert said[1] == ("Аналитики", "ожидают", "ставку сохранят")
    # an intention, to the end of what its verb governs: not into "..., сообщил ..."
    assert ("Нордгаз", "рассчитывает", "нарастить добычу к 2030 году") in [
        (name.split("«")[-1].rstrip("»") if name else None, cue, content)
        for name, cue, content in said
    ]
    assert result.claims[0].claimant is not None
    assert result.claims[0].claimant.name == "Банк России"


def test_the_second_of_two_joined_verbs_has_the_first_one_s_subject() -> None:
    text = (
        "Губернатор поддержал министра\n\n"
        "Губернатор области Андрей Вершинин поддержал министра и пообещал выделить еще "
        "300 млн рублей на оборудование."
    )
    result = quotewire.extract(text)
    promise = next(q for q in result.quotes if q.cue is not None and q.cue.text == "пообещал")
    assert promise.speaker is not None and promise.speaker.name == "Андрей Вершинин"
    money = next(c for c in result.claims if c.unit == "RUB")
    assert money.claimant is not None and money.claimant.name == "Андрей Вершинин"


def test_a_title_is_the_role_of_the_name_in_its_case() -> None:
    text = (
        "Суд над директором\n\n"
        "Бывший директор завода Виталий Рыжов вину не признал. Адвокат Рыжова Елена Маркова "
        "заявила, что защита обжалует приговор. По мнению политолога Алексея Мухина, "
        "приговор смягчат."
    )
    roles = {e.name: e.roles for e in quotewire.extract(text).entities if e.type == "PERSON"}
    # "политолога Алексея Мухина": a title in the genitive before a name in the genitive
    assert roles["Алексей Мухин"] == ["политолог"]
    # "Адвокат Рыжова Елена Маркова": the lawyer is Маркова's title, not Рыжов's
    assert roles["Виталий Рыжов"] == ["Бывший директор завода"]
    assert roles["Елена Маркова"] == ["Адвокат Рыжова"]


def test_a_word_of_trade_stands_for_the_one_speaker_it_may_mean() -> None:
    text = (
        "Рубль, металл и визы\n\n"
        "Аналитик банка «Северный» Марина Жукова считает, что рубль укрепится. "
        "«Нефть дорожает, экспортеры продают валюту», – отметила эксперт.\n\n"
        "Директор завода Павел Орехов заявил, что цены на металл растут. "
        "По словам предпринимателя, спрос превысил предложение.\n\n"
        "Посол Франции Клэр Дюбуа сообщила, что визы выдают быстрее.\n\n"
        "«Очереди исчезли», – сказала дипломат."
    )
    said = {content: speaker for _, speaker, content in _said(quotewire.extract(text))}
    # a feminine verb after "эксперт": the one woman named so far, who was just quoted
    assert said["Нефть дорожает, экспортеры продают валюту"] == "Марина Жукова"
    # in the paragraph where the speaker was just named, with no verb to tell a gender
    assert said["спрос превысил предложение"] == "Павел Орехов"
    # in a paragraph of its own, after two women have been named: "дипломат" may be either,
    # and names no one for sure
    assert said["Очереди исчезли"] == "Дипломат"
    # the speaker's own paragraph, another man named before it
    later = quotewire.extract(
        text + "\n\nДепутат Игорь Сапко заявил, что мост не сдадут в срок. "
        "«Подрядчик уже срывал сроки», – напомнил парламентарий."
    )
    said = {content: speaker for _, speaker, content in _said(later)}
    assert said["Подрядчик уже срывал сроки"] == "Игорь Сапко"


def test_a_sentence_that_points_back_attributes_the_paragraph_before_it() -> None:
    text = (
        "В Татарстане построят школы\n\n"
        "КАЗАНЬ, 2 декабря. /ТАСС/. В 2026 году в Татарстане построят 12 новых школ на "
        "9 тыс. мест. Об этом сообщил журналистам министр образования республики Ильсур "
        "Хадиуллин.\n\n"
        "Депутат Марат Галеев заявил, что школ не хватает. Об этом сообщает ТАСС.\n\n"
        "Об этом же говорили и родители."
    )
    result = quotewire.extract(text)
    said = _said(result)
    # the sentence before it, without the dateline, is the minister's
    assert said[0] == (
        "indirect",
        "Ильсур Хадиуллин",
        "В 2026 году в Татарстане построят 12 новых школ на 9 тыс. мест",
    )
    assert {c.span.text: c.claimant.name if c.claimant else None for c in result.claims} == {
        "12 новых школ": "Ильсур Хадиуллин",
        "9 тыс. мест": "Ильсур Хадиуллин",
    }
    # a sentence before it with a cue of its own is that speaker's, not said again; and with
    # nothing before it in its paragraph, a pointing sentence attributes nothing
    assert said[1:] == [("indirect", "Марат Галеев", "школ не хватает")]


def test_a_report_citing_a_source_is_that_source_s_statement_too() -> None:
    text = (
        "Школы и суды\n\n"
        "ТАСС со ссылкой на пресс-службу Минпросвещения России сообщил, что в 2025 году в "
        "стране открылись более 300 школ. Суд со ссылкой на закон отказал компании в иске."
    )
    result = quotewire.extract(text)
    content = "в 2025 году в стране открылись более 300 школ"
    speakers = sorted(name or "" for _, name, said in _said(result) if said == content)
    assert len(speakers) == 2 and "ТАСС" in speakers
    cited = next(q for q in result.quotes if q.cue is not None and q.cue.text == "со ссылкой на")
    assert cited.speaker is not None and cited.speaker.entity is not None
    assert cited.speaker.mention is not None
    assert cited.speaker.mention.text == "пресс-службу Минпросвещения России"
    # the figure is the cited source's, relayed by the agency
    (figure,) = result.claims
    assert figure.claimant is not None and figure.claimant.entity == cited.speaker.entity
    # "со ссылкой на" with a verb that reports nothing is no statement
    assert all("иске" not in said for _, _, said in _said(result))


def test_an_intention_without_a_subject_is_part_of_another_s_words() -> None:
    text = (
        "Тренер и состав\n\n"
        "Главный тренер команды Андрей Лебедев заявил, что рассчитывает сохранить костяк "
        "состава. Клуб рассчитывает продать двух игроков."
    )
    assert _said(quotewire.extract(text)) == [
        ("indirect", "Андрей Лебедев", "рассчитывает сохранить костяк состава"),
        ("indirect", "Клуб", "продать двух игроков"),
    ]
