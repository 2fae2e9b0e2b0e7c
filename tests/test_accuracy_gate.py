"""The accuracy gate: pinned floors on the PolNeAR dev split, checked in CI.

A fast subset (every 4th dev article: 21 articles, all seven publishers) runs here; the whole
split is `make accuracy` (`quotewire bench accuracy --corpus .../dev.jsonl`). The claimant
floors run `quotewire bench claims --split dev` on the hand-annotated figures of
tests/data/claimants. Raise the floors whenever accuracy rises; never lower them to make a
change pass.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quotewire.bench.accuracy import AccuracyReport, evaluate
from quotewire.bench.cli import quotewire_predict
from quotewire.bench.polnear import load_corpus
from quotewire.nlp.english import load_english

# measured on the subset at the commit that set them, less about one point
# (subset at 2026-12-01, fourth session: F1 0.928 / 0.850 / 0.707, speaker 0.979 / 0.985,
# canonical 0.932 / 0.929, cue 0.974; eighth session: F1 0.928 / 0.861 / 0.714, speaker
# 0.974 / 0.976, canonical 0.927 / 0.921, cue 0.975; 2026-12-02, first session: F1 0.928 /
# 0.862 / 0.715, speaker 0.974 / 0.976, canonical 0.927 / 0.921, cue 0.975; second session,
# with cue lexicon version 2: F1 0.936 / 0.863 / 0.727, speaker 0.974 / 0.979, canonical
# 0.928 / 0.924, cue 0.975; third session: F1 0.936 / 0.865 / 0.729, speaker 0.974 / 0.979,
# canonical 0.928 / 0.924, cue 0.976; fourth session: the same; fifth session: F1 0.936 /
# 0.863 / 0.728, speaker 0.974 / 0.979, canonical 0.928 / 0.924, cue 0.975; sixth session:
# F1 0.936 / 0.863 / 0.728, speaker 0.974 / 0.979, canonical 0.938 / 0.934, cue 0.975;
# seventh session: F1 0.936 / 0.868 / 0.731, speaker 0.974 / 0.979, canonical 0.938 / 0.934,
# cue 0.976)
FLOORS_F1 = {"direct": 0.926, "speech": 0.859, "all": 0.722}
FLOORS_SPEAKER = {"direct": 0.969, "speech": 0.975}
# the strict measure: the right person by name
FLOORS_CANONICAL = {"direct": 0.932, "speech": 0.928}
FLOOR_CUE_ALL = 0.964


@pytest.fixture(scope="module")
def report(shared: Path) -> AccuracyReport:
    articles = load_corpus(shared / "benchmarks" / "polnear" / "dev.jsonl")[::4]
    assert len({a.publisher for a in articles}) == 7
    return evaluate(articles, quotewire_predict(load_english()))


@pytest.mark.parametrize("category", sorted(FLOORS_F1))
def test_f1_floor(report: AccuracyReport, category: str) -> None:
    f1 = report.f1(category, 0.5)  # type: ignore[arg-type]
    assert f1 >= FLOORS_F1[category], f"{category} F1 {f1:.3f} fell below its floor"


@pytest.mark.parametrize("category", sorted(FLOORS_SPEAKER))
def test_speaker_accuracy_floor(report: AccuracyReport, category: str) -> None:
    value = report.speaker[category].value  # type: ignore[index]
    assert value is not None and value >= FLOORS_SPEAKER[category], value


@pytest.mark.parametrize("category", sorted(FLOORS_CANONICAL))
def test_canonical_speaker_accuracy_floor(report: AccuracyReport, category: str) -> None:
    value = report.canonical[category].value  # type: ignore[index]
    assert value is not None and value >= FLOORS_CANONICAL[category], value


def test_cue_accuracy_floor(report: AccuracyReport) -> None:
    value = report.cue["all"].value
    assert value is not None and value >= FLOOR_CUE_ALL, value


# the claimant set of tests/data/claimants (dev figures), at 2026-12-02 (first session): all
# 0.904, attributed 0.887; third session: all 0.915, attributed 0.901; fourth session: all
# 0.922, attributed 0.910, over issue 13's goal of 0.92 for all figures, which is the floor
FLOORS_CLAIMANT = {"all": 0.92, "attributed": 0.90}
FLOOR_FIGURE_F1 = 0.928  # 0.935 at 2026-12-01 (second session), 0.938 at 2026-12-02 (third)


@pytest.fixture(scope="module")
def claims_report(shared: Path) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "bench", "claims", "--split", "dev", "--json",
         "--polnear", str(shared / "benchmarks" / "polnear")],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report: dict[str, Any] = json.loads(done.stdout)["dev"]
    return report


@pytest.mark.parametrize("kind", sorted(FLOORS_CLAIMANT))
def test_claimant_accuracy_floor(claims_report: dict[str, Any], kind: str) -> None:
    value = claims_report["claimant_accuracy"][kind]["accuracy"]
    assert value >= FLOORS_CLAIMANT[kind], f"claimant accuracy ({kind}) {value:.3f}"


def test_figure_detection_floor(claims_report: dict[str, Any]) -> None:
    assert claims_report["f1"] >= FLOOR_FIGURE_F1, claims_report["f1"]


# cross-article linking over the whole dev split ingested into one store (B-cubed, the PolNeAR
# README), at 2026-12-01 (sixth session): P 0.940, R 0.958, F1 0.949; 2026-12-02 (second
# session): P 0.947, R 0.958, F1 0.953, over issue 13's goal, which is the floor
FLOOR_LINKING_F1 = 0.95


def test_cross_article_linking_floor(shared: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "quotewire.cli", "bench", "linking", "--json",
         "--corpus", str(shared / "benchmarks" / "polnear" / "dev.jsonl")],
        capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["articles"] == 84 and report["items"] > 600, report
    assert report["f1"] >= FLOOR_LINKING_F1, f"linking B-cubed F1 {report['f1']:.3f}"
