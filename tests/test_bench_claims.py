"""``quotewire bench claims``: matching and scoring on hand-made figures, the annotated claimant
set itself (``tests/data/claimants``), and the command end to end on two PolNeAR articles."""

from __future__ import annotations

import json
from collections import Counter
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest

from quotewire.bench.claims import (
    CLAIMANT_KINDS,
    GoldFigure,
    PredictedFigure,
    check_figures,
    claimant_correct,
    comparator_correct,
    error_listing,
    figure_problem,
    has_number,
    load_figures,
    match_figures,
    parse_figure,
    score_figures,
    sentence_around,
    source_articles,
    total,
    unit_correct,
    value_correct,
)
from quotewire.bench.polnear import iter_corpus
from quotewire.cli import main
from quotewire.errors import InputError, MissingInput

CLAIMANTS = Path(__file__).parent / "data" / "claimants"


def gold(
    span: tuple[int, int],
    kind: str = "narrator",
    claimant: str | None = None,
    *,
    value: float = 10,
    high: float | None = None,
    unit: str = "percent",
    comparator: str = "=",
    claimant_span: tuple[int, int] | None = None,
    alternatives: tuple[str, ...] = (),
) -> GoldFigure:
    return GoldFigure(
        article="a1",
        split="dev",
        span=span,
        value=value,
        high=high,
        unit=unit,
        comparator=comparator,
        claimant_kind=kind,  # type: ignore[arg-type]
        claimant=claimant,
        claimant_span=claimant_span,
        claimant_alternatives=alternatives,
    )


def pred(
    span: tuple[int, int],
    name: str | None = None,
    mention: tuple[int, int] | None = None,
    *,
    value: float = 10,
    high: float | None = None,
    unit: str = "percent",
    comparator: str = "=",
) -> PredictedFigure:
    return PredictedFigure(span, value, high, unit, comparator, name, mention)


# --------------------------------------------------------------------------- matching


def test_matching_is_one_to_one_and_takes_the_largest_overlap_first() -> None:
    golds = [gold((0, 10)), gold((12, 20))]
    preds = [pred((5, 15)), pred((12, 18))]  # the first touches both gold figures
    matching = match_figures(golds, preds)
    assert [(p.gold, p.pred, p.overlap) for p in matching.pairs] == [(0, 0, 5), (1, 1, 6)]
    # a prediction touching two figures is matched to the one it shares most with
    lone = match_figures(golds, [pred((8, 19))])
    assert [(p.gold, p.pred) for p in lone.pairs] == [(1, 0)]
    assert lone.unmatched_gold() == [0]


def test_a_missed_and_a_spurious_figure_count_against_recall_and_precision() -> None:
    # "Poll: 52 percent back the plan, 38 percent oppose it" with only one figure found,
    # plus a year read as a figure
    golds = [gold((6, 16), value=52), gold((32, 42), value=38)]
    preds = [pred((6, 16), value=52), pred((60, 64), value=2016, unit="dimensionless")]
    score, matching = score_figures(golds, preds)
    assert matching.unmatched_gold() == [1] and matching.unmatched_pred() == [1]
    assert (score.detection.gold, score.detection.matched, score.detection.unmatched_pred) == (
        2,
        1,
        1,
    )
    assert score.detection.precision == 0.5 and score.detection.recall == 0.5
    assert score.claimant["narrator"].total == 1  # only matched figures are judged
    assert score.gold_by_kind["narrator"] == 2


def test_no_overlap_no_match() -> None:
    matching = match_figures([gold((0, 4))], [pred((4, 8))])
    assert matching.pairs == () and matching.unmatched_pred() == [0]


# --------------------------------------------------------------------------- correctness


def test_person_claimant_follows_the_strict_name_rule() -> None:
    g = gold((0, 5), "person", "Ted Cruz", claimant_span=(20, 24))
    assert claimant_correct(g, pred((0, 5), "Ted Cruz"))
    assert claimant_correct(g, pred((0, 5), "Sen. Ted Cruz"))
    assert claimant_correct(g, pred((0, 5), "Cruz"))
    assert not claimant_correct(g, pred((0, 5), "Heidi Cruz"))
    assert not claimant_correct(g, pred((0, 5), "he", (20, 24)))  # a pronoun is never a name
    assert not claimant_correct(g, pred((0, 5)))  # the narrator's


def test_organization_claimant_accepts_the_partners_of_a_joint_poll() -> None:
    g = gold((0, 5), "organization", "Reuters/Ipsos", alternatives=("Reuters", "Ipsos"))
    assert claimant_correct(g, pred((0, 5), "Ipsos"))
    assert claimant_correct(g, pred((0, 5), "Reuters/Ipsos"))
    assert not claimant_correct(g, pred((0, 5), "the poll"))
    alone = gold((0, 5), "organization", "Quinnipiac University")
    assert claimant_correct(alone, pred((0, 5), "Quinnipiac University"))
    assert not claimant_correct(alone, pred((0, 5), "Quinnipiac"))  # the fullest name is wanted


def test_unnamed_claimant_by_mention_or_head_word() -> None:
    g = gold((40, 48), "unnamed", "senior administration officials", claimant_span=(0, 31))
    assert claimant_correct(g, pred((40, 48), "they", (0, 31)))  # the same words
    assert claimant_correct(g, pred((40, 48), "Officials"))  # the head word, case aside
    assert not claimant_correct(g, pred((40, 48), "senior administration", (60, 70)))
    assert not claimant_correct(g, pred((40, 48)))


def test_narrator_figure_is_right_only_without_a_claimant() -> None:
    g = gold((0, 5))
    assert claimant_correct(g, pred((0, 5)))
    assert not claimant_correct(g, pred((0, 5), "Hillary Clinton"))


def test_value_unit_and_comparator() -> None:
    tally = gold((0, 5), value=80, high=19, unit="votes")  # "80-19"
    assert value_correct(tally, pred((0, 5), value=80, high=19))
    assert not value_correct(tally, pred((0, 5), value=80))
    assert value_correct(gold((0, 5), value=4.5e9), pred((0, 5), value=4.5e9 * 1.0004))
    assert not value_correct(gold((0, 5), value=4.5e9), pred((0, 5), value=4.6e9))
    swing = gold((0, 5), unit="states")
    assert unit_correct(swing, pred((0, 5), unit="swing states"))
    assert not unit_correct(swing, pred((0, 5), unit="dimensionless"))
    assert unit_correct(gold((0, 5), unit="USD"), pred((0, 5), unit="USD"))
    assert not unit_correct(gold((0, 5), unit="percent"), pred((0, 5), unit="percentage_points"))
    assert comparator_correct(gold((0, 5), comparator="~"), pred((0, 5), comparator="~"))
    assert not comparator_correct(gold((0, 5), comparator="<="), pred((0, 5), comparator="="))


def test_claimant_accuracy_per_kind_and_for_attributed_figures() -> None:
    golds = [
        gold((0, 2), "person", "Hillary Clinton"),
        gold((3, 5), "organization", "Tax Foundation"),
        gold((6, 8), "unnamed", "officials", claimant_span=(30, 39)),
        gold((9, 11)),
    ]
    preds = [
        pred((0, 2), "Clinton"),
        pred((3, 5)),  # left to the narrator: wrong
        pred((6, 8), "officials", (30, 39)),
        pred((9, 11)),
    ]
    score, _ = score_figures(golds, preds)
    assert {k: (score.claimant[k].correct, score.claimant[k].total) for k in CLAIMANT_KINDS} == {
        "person": (1, 1),
        "organization": (0, 1),
        "unnamed": (1, 1),
        "narrator": (1, 1),
    }
    assert (score.claimant_all.correct, score.claimant_all.total) == (3, 4)
    assert (score.claimant_attributed.correct, score.claimant_attributed.total) == (2, 3)
    both = total([score, score])
    assert (both.claimant_attributed.correct, both.detection.gold, both.articles) == (4, 8, 2)
    assert both.to_dict()["claimant_accuracy"]["attributed"]["accuracy"] == pytest.approx(2 / 3)


def test_error_listing_names_each_kind_of_error_with_its_sentence() -> None:
    text = "Turnout rose. Officials said 52 percent voted, up 3 points. It was 2016."
    at = text.index
    golds = [
        gold((at("52"), at("52") + 10), "unnamed", "Officials", value=52, claimant_span=(14, 23)),
        gold((at("3 points"), at("3 points") + 8), unit="percentage_points", value=3),
    ]
    preds = [
        pred((at("52"), at("52") + 10), value=5.2),  # found, misread, no claimant
        pred((at("2016"), at("2016") + 4), value=2016, unit="dimensionless"),
    ]
    matching = match_figures(golds, preds)
    lines = error_listing(text, golds, preds, matching)
    joined = "\n".join(lines)
    assert "MISSED" in joined and "[[3 points]]" in joined
    assert "SPURIOUS" in joined and "[[2016]]" in joined
    assert "CLAIMANT  gold unnamed 'Officials'; predicted narrator" in joined
    assert "VALUE     gold = 52 percent; predicted = 5.2 percent" in joined
    assert "Turnout rose." not in joined  # each line shows its own sentence only


def test_sentence_around_does_not_stop_at_titles() -> None:
    text = "First. Mr. Lee said 4 percent. Next."
    start, end = sentence_around(text, text.index("4"), text.index("4") + 9)
    assert text[start:end] == "Mr. Lee said 4 percent."


def test_has_number() -> None:
    for words in ("52 percent", "Forty-one percent", "a third", "threefold", "twice", "zero"):
        assert has_number(words), words
    for words in ("the poll", "New numbers", "officials"):
        assert not has_number(words), words


# --------------------------------------------------------------------------- reading gold


GOOD = {
    "article": "a1",
    "split": "dev",
    "span": [10, 20],
    "value": 46,
    "high": None,
    "unit": "percent",
    "comparator": "=",
    "claimant_kind": "organization",
    "claimant": "Washington Post-ABC News",
    "claimant_span": [0, 5],
    "claimant_alternatives": ["Washington Post", "ABC News"],
}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"claimant_kind": "pollster"}, "claimant_kind must be one of"),
        ({"claimant_kind": "narrator"}, "a narrator's figure has claimant"),
        ({"claimant": None}, "needs its name"),
        ({"comparator": "range"}, "a range needs its top"),
        ({"span": [20, 10]}, "span must be [start, end]"),
        ({"split": "test"}, "split must be one of"),
        ({"value": "46"}, "value must be a number"),
        ({"colour": "red"}, "unknown field 'colour'"),
    ],
)
def test_a_record_that_does_not_fit_is_refused(change: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[")):
        parse_figure({**GOOD, **change})


def test_bad_annotation_files_are_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(MissingInput, match="no such annotation file"):
        load_figures([tmp_path / "absent.jsonl"])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(GOOD) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_figures([bad])
    assert str(error.value).startswith(f"{bad}:2: not valid JSON (")
    assert "\n" not in str(error.value)
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no annotation files"):
        load_figures([tmp_path / "empty"])


def test_a_figure_outside_its_article_is_refused() -> None:
    figure = parse_figure(GOOD, where="x.jsonl:1")
    assert figure_problem(figure, "short") is not None
    assert figure_problem(figure, "ABC News: 46 percent of voters") is None
    assert "states no number" in (figure_problem(figure, "0123456789the pollster") or "")
    with pytest.raises(InputError, match=r"x\.jsonl:1: no article 'a1' in PolNeAR dev"):
        check_figures([figure], {})


def test_the_articles_are_read_with_their_publication_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "dev.jsonl"
    meta = {"publisher": "p", "title": "t", "attributions": []}
    records = [
        {"id": "a1", "published": "2016-09-20", "text": "Lee leads by 4.", **meta},
        {"id": "a2", "published": "", "text": "No date here: 3 votes.", **meta},
        {"id": "a3", "published": "2016-09-21", "text": "Not wanted.", **meta},
    ]
    corpus.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    found = source_articles(corpus, "dev", {("dev", "a1"), ("dev", "a2")})
    assert sorted(found) == [("dev", "a1"), ("dev", "a2")]
    assert found[("dev", "a1")].published == "2016-09-20"
    assert found[("dev", "a1")].text == "Lee leads by 4."
    assert found[("dev", "a2")].published is None


# --------------------------------------------------------------------------- the claimant set


@pytest.fixture(scope="module")
def annotated() -> list[GoldFigure]:
    return load_figures([CLAIMANTS])


def test_the_claimant_set_is_large_and_varied(annotated: list[GoldFigure]) -> None:
    by_split = Counter(f.split for f in annotated)
    assert by_split["dev"] >= 250 and by_split["train"] >= 150
    for split in ("dev", "train"):
        figures = [f for f in annotated if f.split == split]
        kinds = Counter(f.claimant_kind for f in figures)
        assert all(kinds[k] >= 10 for k in CLAIMANT_KINDS), (split, kinds)
        publishers = {f.article.split("_")[0] for f in figures}
        assert len(publishers) >= 5, (split, publishers)
    assert (CLAIMANTS / "README.md").is_file()


def test_no_two_figures_overlap(annotated: list[GoldFigure]) -> None:
    spans: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for f in annotated:
        spans.setdefault((f.split, f.article), []).append(f.span)
    for key, found in spans.items():
        found.sort()
        for (_, end), (start, _) in pairwise(found):
            assert end <= start, key


def test_gold_read_back_as_predictions_scores_perfectly(annotated: list[GoldFigure]) -> None:
    as_predicted = [
        PredictedFigure(f.span, f.value, f.high, f.unit, f.comparator, f.claimant, f.claimant_span)
        for f in annotated
    ]
    score, _ = score_figures(annotated, as_predicted)
    assert score.detection.f1 == 1.0
    for ratio in (score.value, score.unit, score.comparator, score.claimant_all):
        assert ratio.correct == ratio.total == len(annotated)


def test_every_figure_fits_its_article(annotated: list[GoldFigure], shared: Path) -> None:
    polnear = shared / "benchmarks" / "polnear"
    wanted = {(f.split, f.article) for f in annotated}
    texts = {
        (split, a.id): a.text
        for split in ("dev", "train")
        for a in iter_corpus(polnear / f"{split}.jsonl")
        if (split, a.id) in wanted
    }
    assert set(texts) == wanted
    check_figures(annotated, texts)  # offsets inside, words that state a number


def test_claimants_are_never_numbers(annotated: list[GoldFigure]) -> None:
    figures: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for f in annotated:
        figures.setdefault((f.split, f.article), []).append(f.span)
    for f in annotated:
        assert (f.claimant is None) == (f.claimant_kind == "narrator"), f.where
        if f.claimant is None:
            continue
        assert not any(ch.isdigit() for ch in f.claimant), f.where
        assert "percent" not in f.claimant.casefold(), f.where
        if f.claimant_span is not None:  # the mention is never one of the figures
            s, e = f.claimant_span
            assert not any(s < fe and fs < e for fs, fe in figures[(f.split, f.article)]), f.where


# --------------------------------------------------------------------------- the command


TWO = (
    "breitbart_2016-09-20_poll-wealthy-voters-abandon-repu",
    "breitbart_2016-09-21_only-percent-of-hillary-clinton-",
)


@pytest.fixture(scope="module")
def two_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("claimants")
    lines = [
        line
        for line in (CLAIMANTS / "dev.jsonl").read_text(encoding="utf-8").splitlines()
        if json.loads(line)["article"] in TWO
    ]
    (folder / "two.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_the_command_scores_two_articles(
    two_articles: Path, shared: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    polnear = shared / "benchmarks" / "polnear"
    args = ["bench", "claims", "--corpus", str(two_articles), "--polnear", str(polnear)]
    assert main([*args, "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"dev"}
    dev = report["dev"]
    figures = load_figures([two_articles])
    assert dev["articles"] == 2 and dev["figures"] == len(figures) == 17
    assert 0 < dev["matched"] <= min(dev["figures"], dev["predicted"])
    assert dev["figures_by_kind"] == dict(Counter(f.claimant_kind for f in figures))
    claimant = dev["claimant_accuracy"]
    assert claimant["all"]["total"] == dev["matched"] == dev["value_accuracy"]["total"]
    assert claimant["attributed"]["total"] == sum(
        claimant[k]["total"] for k in ("person", "organization", "unnamed")
    )

    assert main([*args, "--errors"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== dev: 17 figures in 2 articles")
    assert "claimant, attributed" in out
    assert f"== {TWO[0]} (dev)" in out and f"== {TWO[1]} (dev)" in out
    wrong = dev["claimant_accuracy"]["all"]["total"] - dev["claimant_accuracy"]["all"]["correct"]
    assert out.count("\nCLAIMANT  gold ") == wrong
    assert out.count("\nMISSED ") == dev["figures"] - dev["matched"]
    assert out.count("\nSPURIOUS ") == dev["predicted"] - dev["matched"]


def test_the_command_skips_without_polnear(
    two_articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        ["bench", "claims", "--corpus", str(two_articles), "--polnear", str(tmp_path / "none")]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert err.count("\n") == 1 and "skipped" in err and "dev.jsonl is not here" in err


def test_the_command_refuses_a_bad_annotation_file_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**GOOD, "claimant_kind": "pollster"}) + "\n", encoding="utf-8")
    assert main(["bench", "claims", "--corpus", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"{bad}:1: claimant_kind must be one of" in err
