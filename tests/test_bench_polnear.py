"""The PolNeAR loader, and the metric on the real dev split with gold as predictions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotewire.bench.accuracy import evaluate
from quotewire.bench.metrics import CATEGORIES, gold_as_predictions, has_quotation_mark
from quotewire.bench.polnear import GoldArticle, load_corpus
from quotewire.errors import MalformedRecord, MissingInput

POLNEAR = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "polnear"
DEV = POLNEAR / "dev.jsonl"

needs_dev = pytest.mark.skipif(
    not DEV.is_file(),
    reason=f"PolNeAR dev split not found at {DEV} (shared/ is not beside the repo)",
)


def record(**overrides: object) -> dict[str, object]:
    rec: dict[str, object] = {
        "id": "x1",
        "publisher": "nyt",
        "published": "2016-10-01",
        "title": "T",
        "author": "A",
        "text": 'Ann said "hello there."',
        "attributions": [
            {
                "id": "E1",
                "content": [[9, 23]],
                "cue": [[4, 8]],
                "sources": [[0, 3]],
                "content_text": '"hello there."',
                "cue_text": "said",
                "source_text": "Ann",
                "source_kind": "name",
                "source_name": "Ann",
                "quote_kind": "direct",
                "speech_cue": True,
            }
        ],
    }
    rec.update(overrides)
    return rec


ATTR: dict[str, object] = record()["attributions"][0]  # type: ignore[index]


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_load_small_corpus(tmp_path: Path) -> None:
    path = write(tmp_path, [json.dumps(record()), "", json.dumps(record(id="x2"))])
    arts = load_corpus(path)
    assert [a.id for a in arts] == ["x1", "x2"]
    a = arts[0]
    assert isinstance(a, GoldArticle)
    g = a.attributions[0]
    assert g.content == ((9, 23),) and g.cue == ((4, 8),) and g.sources == ((0, 3),)
    assert (g.source_name, g.source_kind, g.quote_kind, g.speech_cue) == (
        "Ann",
        "name",
        "direct",
        True,
    )
    assert g.is_direct
    assert [x.id for x in load_corpus(path, limit=1)] == ["x1"]
    assert load_corpus(path, limit=0) == []


@pytest.mark.parametrize(
    ("line", "needle"),
    [
        ("{not json", "not valid JSON"),
        (json.dumps([1, 2]), "not a JSON object"),
        (json.dumps(record(text=None)), "'text'"),
        (json.dumps({k: v for k, v in record().items() if k != "id"}), "'id'"),
        (json.dumps(record(attributions=[dict(ATTR, content=[[0, 99]])])), "outside the text"),
        (json.dumps(record(attributions=[dict(ATTR, quote_kind="x")])), "quote_kind"),
        (json.dumps(record(attributions=[dict(ATTR, cue=[[1]])])), "'cue'"),
    ],
)
def test_bad_lines_name_file_and_line(tmp_path: Path, line: str, needle: str) -> None:
    path = write(tmp_path, [json.dumps(record()), line])
    with pytest.raises(MalformedRecord) as exc:
        load_corpus(path)
    assert f"{path}:2" in str(exc.value)
    assert needle in str(exc.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(MissingInput):
        load_corpus(tmp_path / "nope.jsonl")


@needs_dev
def test_dev_split_loads_with_valid_offsets() -> None:
    arts = load_corpus(DEV)
    assert len(arts) == 84
    assert sum(len(a.attributions) for a in arts) == 2192
    assert len({a.publisher for a in arts}) == 7
    for a in arts:
        for g in a.attributions:
            assert g.content
            for s, e in (*g.content, *g.cue, *g.sources):
                assert 0 <= s <= e <= len(a.text)


@needs_dev
def test_quotation_mark_rule_agrees_with_gold_quote_kind() -> None:
    arts = load_corpus(DEV)
    disagree = [
        g.id
        for a in arts
        for g in a.attributions
        if has_quotation_mark(" … ".join(a.text[s:e] for s, e in g.content)) != g.is_direct
    ]
    assert disagree == []


@needs_dev
def test_gold_as_prediction_scores_one_everywhere() -> None:
    arts = load_corpus(DEV)
    report = evaluate(arts, gold_as_predictions)
    for t in report.thresholds:
        for c in CATEGORIES:
            counts = report.prf[t][c]
            assert (counts.precision, counts.recall, counts.f1) == (1.0, 1.0, 1.0), (t, c)
    for c in CATEGORIES:
        assert report.speaker[c].value == 1.0
        assert report.cue[c].value == 1.0
    assert report.prf[0.5]["direct"].gold == 732
    assert all(by["all"].f1 == 1.0 for by in report.by_publisher.values())
