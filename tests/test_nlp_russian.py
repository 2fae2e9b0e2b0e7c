"""The Russian back-end (natasha) read into typed records: offsets into the text, sentences,
heads, morphology, and names in the nominative."""

from __future__ import annotations

import pytest

from quotewire.nlp.russian import RussianAnalysis, analyse_russian

# (a text written for this test)
TEXT = (
    "КАЗАНЬ, 14 марта (ТАСС) – Бюджет республики будет исполнен без дефицита, заявил "
    "министр финансов Татарстана Радик Гайзатуллин.\n"
    "По словам Радика Гайзатуллина, доходы выросли на 12%. Встреча с Олегом Морозовым "
    "прошла в Казани."
)


@pytest.fixture(scope="module")
def analysis() -> RussianAnalysis:
    return analyse_russian(TEXT)


def test_every_token_and_name_points_at_its_own_characters(analysis: RussianAnalysis) -> None:
    assert analysis.tokens and analysis.names
    assert all(TEXT[t.start : t.end] == t.text for t in analysis.tokens)
    assert all(TEXT[n.start : n.end] == n.text for n in analysis.names)
    for number, sentence in enumerate(analysis.sentences):
        inside = analysis.tokens[sentence.first : sentence.end_token]
        assert inside and all(t.sentence == number for t in inside)
        assert all(sentence.start <= t.start and t.end <= sentence.end for t in inside)
        # a head is a token of the same sentence
        assert all(sentence.first <= t.head < sentence.end_token for t in inside)


def test_names_come_in_the_nominative_and_acronyms_as_written(analysis: RussianAnalysis) -> None:
    people = {(n.text, n.normal) for n in analysis.names if n.type == "PERSON"}
    assert ("Радика Гайзатуллина", "Радик Гайзатуллин") in people
    assert ("Олегом Морозовым", "Олег Морозов") in people
    places = {n.normal for n in analysis.names if n.type == "GPE"}
    assert "Казань" in places
    assert all(n.normal != "ТАС" for n in analysis.names)  # (an acronym is not declined)


def test_morphology_and_syntax_say_case_lemma_and_subject(analysis: RussianAnalysis) -> None:
    by_text = {t.text: t for t in analysis.tokens}
    assert by_text["Радика"].feat("Case") == "Gen"
    assert by_text["заявил"].lemma == "заявить" and by_text["заявил"].pos == "VERB"
    speaker = by_text["Гайзатуллин"]
    assert speaker.feat("Case") == "Nom"
    # the speaker's name hangs under the speech verb (directly or through the title)
    chain, token = [], speaker
    while analysis.tokens[token.head] is not token and len(chain) < 6:
        token = analysis.tokens[token.head]
        chain.append(token.text)
    assert "заявил" in chain


def test_regions_are_analysed_apart() -> None:
    text = "МОСКВА, 2 апреля (БЕЛТА)\nСергей Лавров провел переговоры."
    cut = text.index("\n")
    whole = analyse_russian(text, regions=[(0, cut), (cut + 1, len(text))])
    assert all(n.end <= cut or n.start > cut for n in whole.names)
    assert all(s.end <= cut or s.start > cut for s in whole.sentences)
    assert ("Сергей Лавров", "PERSON") in {(n.normal, n.type) for n in whole.names}


def test_lemmas_come_through_the_dictionaries_c_extension() -> None:
    """pymorphy2 reads its dictionaries through dawg2's C extension (a dependency), not the
    slower pure-Python reader; both give the same lemmas."""
    import pymorphy2.dawg

    assert pymorphy2.dawg.EXTENSION_AVAILABLE
    analysis = analyse_russian("Министры заявили, что цены выросли.")
    assert [t.lemma for t in analysis.tokens if t.pos in ("NOUN", "VERB")] == [
        "министр",
        "заявить",
        "цена",
        "вырасти",
    ]
