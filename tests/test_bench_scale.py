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
    runs = ("local1_seconds", "local2_seconds", "ingest1_seconds", "ingest2_seconds")
    assert min(spark[run] for run in runs) > 0
    assert spark["speedup"] == pytest.approx(spark["local1_seconds"] / spark["local2_seconds"])
    assert spark["ingest_speedup"] == pytest.approx(
        spark["ingest1_seconds"] / spark["ingest2_seconds"]
    )


def test_rounds_alternate_their_order_so_a_steady_drift_weighs_on_every_run_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two rounds the runs go local[1], local[2], ingest 1, ingest 2, then ingest 2,
    ingest 1, local[2], local[1]: a host that slows down by the same amount at every run adds
    the same to each mean, so the ratios of the means are those of the runs' own times (the
    runs are stood in for here; test_bench_scale_reports_registry_growth_and_spark runs them
    for real)."""
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
    own = {"local[1]": 100.0, "local[2]": 55.0, "ingest --jobs 1": 90.0, "ingest --jobs 2": 50.0}
    order: list[str] = []

    def run(name: str, batch: Path, documents: list[object], folder: Path) -> float:
        order.append(name)
        return own[name] + 4.0 * len(order)  # the host 4 s slower at every run

    monkeypatch.setattr(scale, "_timed_run", run)
    timing = scale.spark_timings(corpus, 1, rounds=2)
    assert order == [*scale.SPARK_RUNS, *reversed(scale.SPARK_RUNS)]
    drift = 4.0 * 4.5  # every mean carries the drift of the sequence's middle
    assert timing.local1_seconds == pytest.approx(100 + drift)
    assert timing.local2_seconds == pytest.approx(55 + drift)
    assert timing.ingest1_seconds == pytest.approx(90 + drift)
    assert timing.ingest2_seconds == pytest.approx(50 + drift)
    assert [r["local[1]"] for r in timing.rounds] == [104.0, 132.0]
    text = scale.format_scale(scale.ScaleReport(spark=timing))
    assert "the mean of 2 rounds" in text and "  2: 132.0 / 83.0 / 114.0 / 70.0 s" in text
    assert "ingest --jobs 2 / --jobs 1 throughput: 1.59" in text  # (108 / 68)


def test_registry_rounds_alternate_the_sizes_and_report_each_round(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The registry sizes go 10, 20, 30 then 30, 20, 10 with two rounds; each size's figure is
    the mean of its two builds, and the report shows both (the builds are stood in for by a
    clock that a drifting host moves 1 s further at every build)."""
    from quotewire.bench import scale

    built: list[int] = []
    now = [0.0]

    def build(sightings: list[object]) -> list[object]:
        built.append(len(sightings))
        now[0] += len(sightings) / 10 + len(built)  # its own time, and the host's drift
        return sightings[:1]

    monkeypatch.setattr(scale, "build_registry", build)
    monkeypatch.setattr(scale.time, "perf_counter", lambda: now[0])
    timings = scale.registry_timings([10, 20, 30], rounds=2)
    assert built == [10, 20, 30, 30, 20, 10]
    assert [t.sightings for t in timings] == [10, 20, 30]
    assert [t.rounds for t in timings] == [(2.0, 7.0), (4.0, 7.0), (6.0, 7.0)]
    assert [t.seconds for t in timings] == [4.5, 5.5, 6.5]  # (the same drift in each mean)
    text = scale.format_scale(scale.ScaleReport(registry=timings))
    assert "the mean of 2 rounds, every other one in reverse order" in text
    row = next(line for line in text.splitlines() if line.lstrip().startswith("30 "))
    assert row.endswith(" / ".join(f"{sec:.2f}" for sec in timings[2].rounds))
