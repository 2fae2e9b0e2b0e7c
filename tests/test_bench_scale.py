"""``quotewire bench scale``: the registry step on synthetic sightings, and Spark against
``ingest --jobs 2`` (a tiny run here: the figures themselves come from the command, in
docs/scale.md, never from a timed test)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quotewire.bench.scale import synthetic_sightings
from quotewire.speakers.registry import block_key, build_registry


def test_synthetic_sightings_are_repeatable_and_hold_shared_surnames() -> None:
    first, again = synthetic_sightings(2000), synthetic_sightings(2000)
    assert [(s.article, s.entity.name) for s in first] == [
        (s.article, s.entity.name) for s in again
    ]
    blocks: dict[str, int] = {}
    for sighting in first:
        blocks[block_key(sighting)] = blocks.get(block_key(sighting), 0) + 1
    assert max(blocks.values()) > 5 * (len(first) / len(blocks))  # a heavy surname
    registry = build_registry(first)
    # people named by surname alone where several share it stay apart: more entities than
    # surnames, fewer than sightings
    assert len(blocks) < len(registry) < len(first)
    assert all(m.evidence for e in registry for m in e.members)


def test_bench_scale_reports_registry_growth_and_spark(tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (make test installs it)")
    if shutil.which("java") is None:
        pytest.skip("no Java runtime (.ci/run installs default-jre-headless)")
    corpus = tmp_path / "tiny.jsonl"
    texts = [
        "The mill will close in March, owner Greta Lind said on Tuesday.",
        'Mayor Jonas Holm said the bridge would reopen next week. "It is safe," he said.',
        "Engineer Ola Berg said the dam holds 12 million cubic meters.",
    ]
    corpus.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"t{n}",
                    "text": t,
                    "publisher": None,
                    "published": None,
                    "title": None,
                    "attributions": [],
                }
            )
            + "\n"
            for n, t in enumerate(texts)
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "quotewire.cli",
            "bench",
            "scale",
            "--registry-sizes",
            "500,5000",
            "--corpus",
            str(corpus),
            "--articles",
            "3",
            "--json",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    report = json.loads(run.stdout)
    sizes = [t["sightings"] for t in report["registry"]]
    assert sizes == [500, 5000]
    assert all(0 < t["entities"] < t["sightings"] and t["seconds"] > 0 for t in report["registry"])
    assert len(report["registry_growth"]) == 1 and report["registry_growth"][0] > 0
    spark = report["spark"]
    assert spark["articles"] == 3
    assert min(spark["local1_seconds"], spark["local2_seconds"], spark["ingest2_seconds"]) > 0
    assert spark["speedup"] == pytest.approx(spark["local1_seconds"] / spark["local2_seconds"])


def test_rounds_alternate_their_order_so_a_steady_drift_weighs_on_every_run_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two rounds the runs go local[1], local[2], ingest, ingest, local[2], local[1]: a
    host that slows down by the same amount at every run adds the same to each mean, so the
    ratios of the means are those of the runs' own times (the runs are stood in for here;
    test_bench_scale_reports_registry_growth_and_spark runs them for real)."""
    from quotewire.bench import scale

    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        json.dumps(
            {
                "id": "a",
                "text": "Mayor Jonas Holm said the bridge is safe.",
                "publisher": None,
                "published": None,
                "title": None,
                "attributions": [],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    own = {"local[1]": 100.0, "local[2]": 55.0, "ingest --jobs 2": 50.0}
    order: list[str] = []

    def run(name: str, batch: Path, documents: list[object], folder: Path) -> float:
        order.append(name)
        return own[name] + 4.0 * len(order)  # the host 4 s slower at every run

    monkeypatch.setattr(scale, "_timed_run", run)
    timing = scale.spark_timings(corpus, 1, rounds=2)
    assert order == [*scale.SPARK_RUNS, *reversed(scale.SPARK_RUNS)]
    drift = 4.0 * 3.5  # every mean carries the drift of the sequence's middle
    assert timing.local1_seconds == pytest.approx(100 + drift)
    assert timing.local2_seconds == pytest.approx(55 + drift)
    assert timing.ingest2_seconds == pytest.approx(50 + drift)
    assert [r["local[1]"] for r in timing.rounds] == [104.0, 124.0]
    text = scale.format_scale(scale.ScaleReport(spark=timing))
    assert "the mean of 2 rounds" in text and "  2: 124.0 / 75.0 / 66.0 s" in text
