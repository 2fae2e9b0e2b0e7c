"""``quotewire bench digest``: fingerprints of every article's result, recorded in
tests/data/digests/ for the PolNeAR dev and train splits, so that a change meant to move code
(the language layer) can show that it changed no output."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.bench.digest import Digests, compare, digest, digests_of, format_comparison
from quotewire.errors import EmptyInput, QuotewireError
from quotewire.pipeline import Document, run_one

RECORDED = Path(__file__).parent / "data" / "digests"


def test_a_digest_changes_with_any_byte_of_the_result() -> None:
    result = run_one(Document(text="Mayor Jonas Holm said the bridge is safe.", id="a"))
    moved = result.model_copy(deep=True)
    moved.quotes[0].content[0].end -= 1
    assert digest(result) == digest(result.model_copy(deep=True))
    assert digest(result) != digest(moved)
    failed = digests_of("c", [("a", result), ("b", EmptyInput("empty", source="b.txt"))])
    assert list(failed.articles) == ["a", "b"]
    assert len(set(failed.articles.values())) == 2


def test_compare_names_changed_missing_and_unrecorded_articles() -> None:
    recorded = {"a": "1", "b": "2", "c": "3"}
    whole = compare(recorded, {"a": "1", "b": "9", "d": "4"}, partial=False)
    assert (whole.same, whole.changed, whole.missing, whole.extra) == (1, ("b",), ("c",), ("d",))
    assert not whole.identical
    text = format_comparison(whole, "rec.json")
    assert text.splitlines() == [
        "1 changed, 1 missing, 1 not recorded, 1 the same as rec.json",
        "changed: b",
        "missing: c",
        "not recorded: d",
    ]
    first = compare(recorded, {"a": "1", "b": "2"}, partial=True)  # (c not reached)
    assert first.identical and first.same == 2
    assert format_comparison(first, "rec.json") == (
        "identical: all 2 articles give the digests of rec.json"
    )


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ("{not json", "not a digest file"),
        ('{"articles": {}}', "no format"),
        ('{"format": "quotewire-digests/1", "articles": ["x"]}', "'articles' is not a map"),
    ],
)
def test_a_file_that_is_not_a_recording_is_one_line_naming_it(
    tmp_path: Path, content: str, says: str
) -> None:
    path = tmp_path / "rec.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(QuotewireError) as raised:
        Digests.read(path)
    assert str(path) in str(raised.value) and says in str(raised.value)
    assert "\n" not in str(raised.value)


def _bench_digest(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "bench", "digest", *args],
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_the_recorded_digests_are_what_the_code_gives_now(tmp_path: Path, shared: Path) -> None:
    """The first 12 dev articles give their recorded digests; a recording with one digest
    altered is a change, exit 1, naming the article. (A change of code that changes results
    on purpose records them again: ``quotewire bench digest --corpus ... --out ...``.)"""
    dev = shared / "benchmarks" / "polnear" / "dev.jsonl"
    recording = RECORDED / "polnear-dev.json"
    run = _bench_digest("--corpus", str(dev), "--limit", "12", "--check", str(recording))
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    assert run.stdout.strip() == f"identical: all 12 articles give the digests of {recording}"
    data = json.loads(recording.read_text(encoding="utf-8"))
    assert len(data["articles"]) == 84
    second = list(data["articles"])[1]
    data["articles"][second] = "0" * 40
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps(data), encoding="utf-8")
    run = _bench_digest("--corpus", str(dev), "--limit", "12", "--check", str(altered))
    assert run.returncode == 1
    assert run.stdout.splitlines() == [
        f"1 changed, 0 missing, 0 not recorded, 11 the same as {altered}",
        f"changed: {second}",
    ]


def test_every_polnear_split_is_recorded() -> None:
    """Both splits have a recording with one digest per article (dev 84, train 840)."""
    for split, articles in (("dev", 84), ("train", 840)):
        recorded = Digests.read(RECORDED / f"polnear-{split}.json")
        assert recorded.corpus == f"{split}.jsonl"
        assert len(recorded.articles) == articles
        assert all(len(d) == 40 and int(d, 16) >= 0 for d in recorded.articles.values())
